package main

import (
	"fmt"
	"runtime"

	"github.com/thidua/thidua/internal/version"
)

// versionCmd is thidua version: the version running (internal/version:
// the release build's stamp, else the build information), then the Go
// toolchain and the platform it was built for —
// "thidua v0.3.0 (go1.26.0, windows/amd64)". A sealed record names the
// same version as its engine.
func versionCmd(e *env, args []string) int {
	fs := e.flags("version")
	langCode := fs.String("lang", "vi", e.help.Say("help.flag.lang"))
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if _, ok := langOf(*langCode); !ok {
		fmt.Fprintf(e.stderr, "thidua version: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "thidua %s (%s, %s/%s)\n", version.String(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
