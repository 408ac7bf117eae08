// Package version says which version of thidua is running: the one the
// release build stamped, or else the one the Go toolchain recorded in the
// binary. The command (thidua version) and the sealed record (the engine
// that sealed it, record.EngineVersion) read it here, so that they always
// agree.
//
// A release build stamps the version with the linker, on this package's
// variable (scripts/build-binaries does):
//
//	go build -ldflags "-X github.com/thidua/thidua/internal/version.stamp=v0.3.0" ./cmd/thidua
//
// There is no setter: the stamp is the linker's, fixed before the program
// starts, and nothing in the program can change what it reports. Without a
// stamp, the version is read from the build information
// (runtime/debug.ReadBuildInfo): the module's version when thidua was built
// as a dependency or with "go install …@version"; when it was built from
// its own source tree, the version the toolchain derived from the VCS
// (Go 1.24 and later: "v0.3.1-0.20260101…-abcdef123456+dirty"), or else
// the commit ("abcdef123456", "-dirty" if the tree had changes); "(devel)"
// when nothing is known (a test binary).
package version

import (
	"runtime/debug"
	"strings"
)

// Module is thidua's module path.
const Module = "github.com/thidua/thidua"

// Unknown is the version when neither a stamp nor the build information
// gives one.
const Unknown = "(devel)"

// stamp is the version the release build sets with the linker flag
// -X github.com/thidua/thidua/internal/version.stamp=VERSION; "" in any
// other build.
var stamp string

// String is the version of thidua running: the stamp, else the build
// information's (see the package documentation).
func String() string {
	info, _ := debug.ReadBuildInfo()
	return resolve(stamp, info)
}

// Engine names the engine for a sealed record: the module and its version,
// "github.com/thidua/thidua v0.3.0".
func Engine() string { return Module + " " + String() }

// resolve is the version given a stamp and the build information (nil if
// the binary has none).
func resolve(stamp string, info *debug.BuildInfo) string {
	if s := strings.TrimSpace(stamp); s != "" {
		return s
	}
	if info == nil {
		return Unknown
	}
	if info.Main.Path != Module {
		// thidua is a dependency of the program: its version is the
		// module's, as required (or replaced).
		for _, d := range info.Deps {
			if d.Path != Module {
				continue
			}
			if d.Replace != nil && d.Replace.Version != "" {
				return d.Replace.Version
			}
			if d.Version != "" && d.Version != Unknown {
				return d.Version
			}
		}
		return Unknown
	}
	if v := info.Main.Version; v != "" && v != Unknown {
		return v
	}
	var rev string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return Unknown
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified {
		rev += "-dirty"
	}
	return rev
}
