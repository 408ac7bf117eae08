package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDiffYears(t *testing.T) {
	var out, errb bytes.Buffer
	code := call(diffCmd, []string{"../../examples/cum2-years/rulebook-2021.yaml", "../../examples/cum2-years/rulebook-2022.yaml"}, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	require.Contains(t, out.String(), "  Phiên bản 2021.1 → 2022.1\n")
	require.Contains(t, out.String(), "Điều kiện khong_2_nam")

	out.Reset()
	code = call(diffCmd, []string{"--lang", "en", "../../examples/cum2-years/rulebook-2021.yaml", "../../examples/cum2-years/rulebook-2022.yaml"}, &out, &errb)
	require.Equal(t, exitOK, code)
	require.Contains(t, out.String(), "  Version 2021.1 → 2022.1\n")
}

// With --scores the result under both rulebooks is compared; a sheet
// valid under only one is reported under the other's heading.
func TestDiffScores(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../examples/cum2/rulebook.yaml")
	require.NoError(t, err)
	amended := strings.Replace(string(data), "version: \"2020.1\"", "version: \"2020.2\"", 1)
	amended = strings.Replace(amended, "requires: [diem_80, ky_luat]", "requires: [diem_90, ky_luat]", 1)
	path := filepath.Join(dir, "amended.yaml")
	require.NoError(t, os.WriteFile(path, []byte(amended), 0o644))

	var out, errb bytes.Buffer
	code := call(diffCmd, []string{"../../examples/cum2/rulebook.yaml", path, "--scores", "../../examples/cum2/scores-2020.csv"}, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	require.Contains(t, out.String(), "Bằng khen của Chủ tịch UBND tỉnh: điều kiện diem_80, ky_luat → diem_90, ky_luat")
	require.Contains(t, out.String(), "SXD: Bằng khen của Chủ tịch UBND tỉnh → —")

	out.Reset()
	code = call(diffCmd, []string{"--format", "json", "../../examples/cum2/rulebook.yaml", path, "--scores", "../../examples/cum2/scores-2020.csv"}, &out, &errb)
	require.Equal(t, exitOK, code)
	var doc struct {
		Diff    struct{ Changes []map[string]any }
		Outcome struct{ Changed bool }
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &doc))
	require.True(t, doc.Outcome.Changed)
	require.Len(t, doc.Diff.Changes, 2)

	out.Reset()
	errb.Reset()
	code = call(diffCmd, []string{"../../examples/cum2/rulebook.yaml", "../../examples/cum2-years/rulebook-2022.yaml", "--scores", "../../examples/cum2/scores-2020.csv"}, &out, &errb)
	require.Equal(t, exitBadInput, code)
	require.Contains(t, errb.String(), "Bảng điểm không hợp lệ theo bộ tiêu chí mới (caobang-cum2, phiên bản 2022.1):")
	require.Empty(t, out.String())
}

func TestDiffUsage(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, exitUsage, call(diffCmd, []string{"only-one.yaml"}, &out, &errb))
	require.Equal(t, exitUsage, call(diffCmd, []string{"a", "b", "--format", "xml"}, &out, &errb))
	require.Equal(t, exitBadInput, call(diffCmd, []string{"missing-a.yaml", "missing-b.yaml"}, &out, &errb))
}
