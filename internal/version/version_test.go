package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	main := func(v string, s []debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: Module, Version: v}, Settings: s}
	}
	cases := []struct {
		name  string
		stamp string
		info  *debug.BuildInfo
		want  string
	}{
		{"stamped", "v0.3.0", main("v0.2.0", nil), "v0.3.0"},
		{"stamp trimmed", " v0.3.0\n", nil, "v0.3.0"},
		{"no build information", "", nil, Unknown},
		{"go install @version", "", main("v0.2.1", nil), "v0.2.1"},
		{"VCS version (Go 1.24+)", "", main("v0.2.2-0.20260101120000-abcdef123456+dirty", vcs("abcdef1234567890", "true")), "v0.2.2-0.20260101120000-abcdef123456+dirty"},
		{"revision, clean", "", main(Unknown, vcs("abcdef1234567890", "false")), "abcdef123456"},
		{"revision, modified", "", main("", vcs("abcdef1234567890", "true")), "abcdef123456-dirty"},
		{"short revision", "", main(Unknown, vcs("abc", "false")), "abc"},
		{"nothing known", "", main(Unknown, nil), Unknown},
		{"a dependency", "", &debug.BuildInfo{Main: debug.Module{Path: "example.org/app", Version: "v1.0.0"},
			Deps: []*debug.Module{{Path: "golang.org/x/text", Version: "v0.20.0"}, {Path: Module, Version: "v0.4.0"}}}, "v0.4.0"},
		{"a replaced dependency", "", &debug.BuildInfo{Main: debug.Module{Path: "example.org/app"},
			Deps: []*debug.Module{{Path: Module, Version: "v0.4.0", Replace: &debug.Module{Path: "../thidua", Version: "v0.4.1"}}}}, "v0.4.1"},
		{"a local replacement", "", &debug.BuildInfo{Main: debug.Module{Path: "example.org/app"},
			Deps: []*debug.Module{{Path: Module, Version: "v0.4.0", Replace: &debug.Module{Path: "../thidua"}}}}, "v0.4.0"},
		{"not a dependency", "", &debug.BuildInfo{Main: debug.Module{Path: "example.org/app"}}, Unknown},
	}
	for _, c := range cases {
		if got := resolve(c.stamp, c.info); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// The version running and the engine name agree, and name the module.
func TestEngine(t *testing.T) {
	v := String()
	if v == "" || strings.ContainsAny(v, " \n") {
		t.Fatalf("String() = %q", v)
	}
	if got := Engine(); got != Module+" "+v {
		t.Errorf("Engine() = %q, want %q", got, Module+" "+v)
	}
}
