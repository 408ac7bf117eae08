package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/internal/version"
	"github.com/thidua/thidua/record"
)

// TestVersionCmd: thidua version prints the version internal/version
// reports, the one a sealed record names as its engine.
func TestVersionCmd(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"version", "--lang", "en"}} {
		var out, errb bytes.Buffer
		require.Equal(t, exitOK, run(args, nil, &out, &errb), errb.String())
		require.Equal(t, "thidua "+version.String()+" ("+runtime.Version()+", "+runtime.GOOS+"/"+runtime.GOARCH+")\n", out.String())
	}
	require.Equal(t, version.Module+" "+version.String(), record.EngineVersion())
	var out, errb bytes.Buffer
	require.Equal(t, exitUsage, run([]string{"version", "extra"}, nil, &out, &errb))
}

// TestVersionStamp builds thidua with the linker flag that
// scripts/build-binaries uses, read from the script: thidua version prints
// the version stamped, and thidua seal writes it as the record's engine.
// A flag that names no variable would be ignored by the linker without a
// word: this is where it shows.
func TestVersionStamp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command here")
	}
	script, err := os.ReadFile("../../scripts/build-binaries")
	require.NoError(t, err)
	m := regexp.MustCompile(`-X ([^ "=]+)=\$version`).FindSubmatch(script)
	require.NotNil(t, m, "scripts/build-binaries stamps the version with -X SYMBOL=$version")
	const stamp = "v9.8.7-test"
	bin := filepath.Join(t.TempDir(), "thidua")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command(goBin, "build", "-ldflags", "-X "+string(m[1])+"="+stamp, "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	outb, err := build.CombinedOutput()
	require.NoError(t, err, "%s", outb)

	outb, err = exec.Command(bin, "version").CombinedOutput()
	require.NoError(t, err, "%s", outb)
	require.True(t, strings.HasPrefix(string(outb), "thidua "+stamp+" ("), "%s", outb)

	rec := filepath.Join(t.TempDir(), "record.json")
	td := filepath.Join("..", "..", "record", "testdata")
	outb, err = exec.Command(bin, "seal", "--rules", filepath.Join(td, "rulebook.yaml"), "--scores", filepath.Join(td, "scores-2020.csv"), "--seed", "7", "--out", rec).CombinedOutput()
	require.NoError(t, err, "%s", outb)
	r, err := record.Load(rec)
	require.NoError(t, err)
	require.Equal(t, version.Module+" "+stamp, r.Engine)
}
