package main

import (
	"bytes"
	"flag"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
)

// TestHelpGolden: thidua --help and a command's --help, in Vietnamese by
// default and in English with --lang en, on standard output (exit 0).
func TestHelpGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"help-vi", []string{"--help"}},
		{"help-en", []string{"--help", "--lang", "en"}},
		{"help-rank-vi", []string{"rank", "--help"}},
		{"help-rank-en", []string{"rank", "--lang", "en", "--help"}},
		{"help-audit-en", []string{"audit", "-h", "--lang=en"}},
		{"help-covenant-vi", []string{"covenant", "progress", "--help"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { golden(t, c.name, c.args, exitOK) })
	}
}

// TestHelpLanguage: thidua rank --help describes its flags in Vietnamese,
// or in English with --lang en; flag names stay English.
func TestHelpLanguage(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"rank", "--help"}, nil, &out, &errb))
	require.Empty(t, errb.String())
	vi := out.String()
	for _, want := range []string{"Cách dùng:", "Tham số:", "--rules tệp", "tệp bộ tiêu chí (YAML hoặc JSON)", "--scores tệp", "tệp bảng điểm (CSV, JSON, YAML hoặc XLSX)", "(mặc định: table)", "--explain"} {
		require.Contains(t, vi, want)
	}
	require.NotContains(t, vi, "rulebook file")

	out.Reset()
	require.Equal(t, exitOK, run([]string{"rank", "--help", "--lang", "en"}, nil, &out, &errb))
	en := out.String()
	for _, want := range []string{"Usage:", "Flags:", "--rules file", "rulebook file (YAML or JSON)", "score sheet file (CSV, JSON, YAML or XLSX)", "(default: table)"} {
		require.Contains(t, en, want)
	}
	require.NotContains(t, en, "tệp bộ tiêu chí")

	// A usage error shows the help on standard error, in the language.
	out.Reset()
	errb.Reset()
	require.Equal(t, exitUsage, run([]string{"rank", "--rules", rb, "--lang", "en"}, nil, &out, &errb))
	require.Contains(t, errb.String(), "rulebook file (YAML or JSON)")
	require.Empty(t, out.String())

	for _, c := range []struct {
		args []string
		want lang.Tag
	}{
		{[]string{"rank", "--lang", "vi"}, lang.Vietnamese},
		{[]string{"rank", "--lang=en"}, lang.English},
		{[]string{"rank", "-lang", "EN"}, lang.English},
		{[]string{"rank", "--scores", "x.csv", "--lang", "en", "--help"}, lang.English},
		{[]string{"rank", "--lang", "fr"}, lang.Vietnamese},
		{[]string{"rank", "--lang"}, lang.Vietnamese},
		{[]string{"rank", "--", "--lang", "en"}, lang.Vietnamese},
		{[]string{"rank", "--member", "--lang"}, lang.Vietnamese},
	} {
		require.Equal(t, c.want, helpLang(c.args), "%v", c.args)
	}
}

// flagSets runs a command's --help in the language and returns the flag
// sets it defined.
func flagSets(t *testing.T, h helpEntry, code string) []*flag.FlagSet {
	t.Helper()
	var out, errb bytes.Buffer
	var sets []*flag.FlagSet
	e := &env{stdout: &out, stderr: &errb, open: noBrowser, flagSets: &sets}
	args := append(strings.Fields(h.name), "--help", "--lang", code)
	require.Equal(t, exitOK, runEnv(e, args, dispatch), "%s: %s", h.name, errb.String())
	require.NotEmpty(t, sets, h.name)
	require.Contains(t, out.String(), h.synopsis[0])
	return sets
}

// TestEveryFlagHasHelp walks the flags of every command: each has a
// description in Vietnamese and in English, from the catalogue (no key
// missing), that differ; every command is in thidua --help, and every
// help names a command.
func TestEveryFlagHasHelp(t *testing.T) {
	var usage bytes.Buffer
	printUsage(&usage, lang.Vietnamese)
	flags := 0
	for _, h := range helps {
		require.NotNil(t, commandFunc(strings.Fields(h.name)[0]), "%s: no such command", h.name)
		require.Contains(t, usage.String(), h.synopsis[0])
		require.True(t, lang.Known(h.about), "%s: %s is not in the catalogue", h.name, h.about)
		vi, en := flagSets(t, h, "vi"), flagSets(t, h, "en")
		require.Equal(t, len(vi), len(en))
		for i := range vi {
			vi[i].VisitAll(func(f *flag.Flag) {
				g := en[i].Lookup(f.Name)
				require.NotNil(t, g, "%s --%s", h.name, f.Name)
				for _, u := range []string{f.Usage, g.Usage} {
					require.NotEmpty(t, strings.TrimSpace(u), "%s --%s has no description", h.name, f.Name)
					require.NotContains(t, u, "‹", "%s --%s: a key missing from the catalogue", h.name, f.Name)
				}
				require.NotEqual(t, f.Usage, g.Usage, "%s --%s: the Vietnamese is the English", h.name, f.Name)
				flags++
			})
		}
	}
	require.Greater(t, flags, 150)
}
