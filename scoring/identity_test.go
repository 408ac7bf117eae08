package scoring_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

const identityRules = `
criteria:
  - {id: "1", name: One, max: 10}
`

// identitySheet is a valid two-member sheet whose second member is m.
func identitySheet(m scoring.Member) scoring.Sheet {
	m.Source = scoring.Source{File: "s.csv", Line: 4}
	return scoring.Sheet{
		Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương", Source: scoring.Source{File: "s.csv", Line: 3}}, m},
		Scores:  []scoring.Entry{cl("SCT", "1", "5"), cl(m.ID, "1", "6")},
	}
}

// identityErr scores sh and returns its one problem.
func identityErr(t *testing.T, sh scoring.Sheet) *scoring.InputError {
	t.Helper()
	_, err := scoring.Score(mustRulebook(t, identityRules), sh)
	var es scoring.InputErrors
	require.True(t, errors.As(err, &es), "want InputErrors, got %v", err)
	require.Len(t, es, 1, "%v", err)
	return es[0]
}

// TestControlCharactersRefused: a control character in a member's name or
// id, or in the cluster's name, is refused with its code point and
// position, in both languages, and never written out raw.
func TestControlCharactersRefused(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sheet   scoring.Sheet
		key     string
		member  string
		vi, en  string
		noMatch string
	}{
		{"escape in name", identitySheet(scoring.Member{ID: "SXD", Name: "Sở\x1b]0;pwned\x07"}), "identity.control", "SXD",
			`s.csv:4: đơn vị SXD: tên đơn vị "Sở\x1b]0;pwned\a" chứa ký tự điều khiển U+001B ở vị trí 3`,
			`s.csv:4: member SXD: the member's name "Sở\x1b]0;pwned\a" contains the control character U+001B at position 3`, "\x1b"},
		{"newline in name", identitySheet(scoring.Member{ID: "SXD", Name: "Sở Xây dựng\n# Cờ thi đua"}), "identity.control", "SXD",
			`tên đơn vị "Sở Xây dựng\n# Cờ thi đua" chứa ký tự điều khiển U+000A ở vị trí 12`,
			`contains the control character U+000A at position 12`, "\n"},
		{"tab in name", identitySheet(scoring.Member{ID: "SXD", Name: "Sở\tXây dựng"}), "identity.control", "SXD", "U+0009 ở vị trí 3", "U+0009 at position 3", "\t"},
		{"C1 in name", identitySheet(scoring.Member{ID: "SXD", Name: "Sở\u009bXây"}), "identity.control", "SXD", "U+009B", "U+009B", "\u009b"},
		{"DEL in name", identitySheet(scoring.Member{ID: "SXD", Name: "Sở\x7f"}), "identity.control", "SXD", "U+007F", "U+007F", "\x7f"},
		{"bidi override in name", identitySheet(scoring.Member{ID: "SXD", Name: "Sở \u202egnụd yâX"}), "identity.control", "SXD", "U+202E ở vị trí 4", "U+202E at position 4", "\u202e"},
		{"bidi isolate in name", identitySheet(scoring.Member{ID: "SXD", Name: "\u2067Sở"}), "identity.control", "SXD", "U+2067 ở vị trí 1", "U+2067 at position 1", "\u2067"},
		{"escape in id", identitySheet(scoring.Member{ID: "S\x1b[31mXD", Name: "Sở Xây dựng"}), "identity.control", "S\x1b[31mXD",
			`s.csv:4: đơn vị "S\x1b[31mXD": mã đơn vị "S\x1b[31mXD" chứa ký tự điều khiển U+001B ở vị trí 2`,
			`s.csv:4: member "S\x1b[31mXD": member id "S\x1b[31mXD" contains the control character U+001B at position 2`, "\x1b"},
		{"newline in id", identitySheet(scoring.Member{ID: "SX\nD", Name: "Sở Xây dựng"}), "identity.control", "SX\nD", "U+000A ở vị trí 3", "U+000A at position 3", "\n"},
		{"escape in cluster", func() scoring.Sheet {
			sh := identitySheet(scoring.Member{ID: "SXD", Name: "Sở Xây dựng"})
			sh.Cluster = "Cụm II\x1b]2;x\x07"
			return sh
		}(), "identity.control", "", `tên cụm "Cụm II\x1b]2;x\a" chứa ký tự điều khiển U+001B ở vị trí 7`, `the cluster's name "Cụm II\x1b]2;x\a" contains the control character U+001B at position 7`, "\x1b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := identityErr(t, tc.sheet)
			require.Equal(t, tc.key, e.Message.Key)
			require.Equal(t, tc.member, e.Member)
			require.NoError(t, e.Message.Check())
			vi, en := e.Text(lang.Vietnamese), e.Text(lang.English)
			require.Contains(t, vi, tc.vi)
			require.Contains(t, en, tc.en)
			require.NotContains(t, vi, tc.noMatch)
			require.NotContains(t, en, tc.noMatch)
		})
	}
}

// TestInvisibleCharactersInIDsRefused: an invisible character or a space
// other than the ordinary one in an id is refused; in a name it is not.
func TestInvisibleCharactersInIDsRefused(t *testing.T) {
	for _, tc := range []struct {
		id, key, point string
	}{
		{"SC\u200bT", "identity.invisible", "U+200B ở vị trí 3"},
		{"SC\u200cT", "identity.invisible", "U+200C ở vị trí 3"},
		{"SC\u200dT", "identity.invisible", "U+200D ở vị trí 3"},
		{"SC\u2060T", "identity.invisible", "U+2060 ở vị trí 3"},
		{"\ufeffSCT2", "identity.invisible", "U+FEFF ở vị trí 1"},
		{"SC\u00adT", "identity.invisible", "U+00AD ở vị trí 3"},
		{"SC\u200eT", "identity.invisible", "U+200E ở vị trí 3"},
		{"SC\U000E0041T", "identity.invisible", "U+E0041 ở vị trí 3"},
		{"S CT", "", ""}, // an ordinary space inside an id is allowed
		{"S\u00a0CT", "identity.space", "U+00A0 ở vị trí 2"},
		{"S\u3000CT", "identity.space", "U+3000 ở vị trí 2"},
		{"S\u2009CT", "identity.space", "U+2009 ở vị trí 2"},
	} {
		t.Run(fmt.Sprintf("%+q", tc.id), func(t *testing.T) {
			sh := identitySheet(scoring.Member{ID: tc.id, Name: "Sở Xây dựng"})
			if tc.key == "" {
				_, err := scoring.Score(mustRulebook(t, identityRules), sh)
				require.NoError(t, err)
				return
			}
			e := identityErr(t, sh)
			require.Equal(t, tc.key, e.Message.Key)
			require.Contains(t, e.Text(lang.Vietnamese), tc.point)
			require.NotContains(t, e.Text(lang.Vietnamese), tc.id, "the id is quoted, never written raw")
			require.NotContains(t, e.Text(lang.English), tc.id)
		})
	}
	// In a name, an invisible character is only a warning's matter.
	_, err := scoring.Score(mustRulebook(t, identityRules), identitySheet(scoring.Member{ID: "SXD", Name: "Sở Xây\u200b dựng"}))
	require.NoError(t, err)
}

// TestRefusedSheetFromCSV reads a CSV sheet whose member name holds an
// escape sequence (quoted, as the CSV reader accepts it in a name) and
// checks that it is refused with the row's line.
func TestRefusedSheetFromCSV(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/s.csv"
	require.NoError(t, os.WriteFile(path, []byte("record,member,key,value,stage\n"+
		"member,SCT,name,Sở Công Thương\n"+
		"member,SXD,name,\"Sở\x1b]0;pwned\x07 Xây dựng\"\n"+
		"member,STC,name,\"Sở Tài\nchính\"\n"+
		"score,SCT,1,5,cluster\nscore,SXD,1,5,cluster\nscore,STC,1,5,cluster\n"), 0o644))
	_, err := sheets.Check(mustRulebook(t, identityRules), path)
	var es scoring.InputErrors
	require.True(t, errors.As(err, &es), "%v", err)
	require.Len(t, es, 2, "%v", err)
	require.Equal(t, "SXD", es[0].Member)
	require.Equal(t, 3, es[0].Line)
	require.Equal(t, "identity.control", es[0].Message.Key)
	require.Contains(t, es[0].Text(lang.Vietnamese), "U+001B ở vị trí 3")
	require.Equal(t, "STC", es[1].Member)
	require.Equal(t, 4, es[1].Line)
	require.Contains(t, es[1].Text(lang.English), "U+000A at position 7")
}

// warningTexts writes warnings in English, one a line.
func warningTexts(t *testing.T, ws []scoring.Warning) []string {
	t.Helper()
	var out []string
	for _, w := range ws {
		require.NoError(t, w.Message.Check())
		out = append(out, w.Text(lang.English))
	}
	return out
}

// TestConfusableWarnings: look-alike ids and names are scored but warned
// about, naming both members, their rows and what is alike.
func TestConfusableWarnings(t *testing.T) {
	src := func(line int) scoring.Source { return scoring.Source{File: "s.csv", Line: line} }
	sh := scoring.Sheet{Members: []scoring.Member{
		{ID: "SCT", Name: "Sở Công Thương", Source: src(2)},
		{ID: "S\u0421T", Name: "Sở Công nghiệp", Source: src(3)},                   // Cyrillic С
		{ID: "sct", Name: "Sở Thương mại", Source: src(4)},                         // case
		{ID: "STC", Name: "So\u031b\u0309 Công Thương", Source: src(5)},            // the first name, decomposed (NFC)
		{ID: "SXD", Name: "Sở Xây dựng", Source: src(6)},                           //
		{ID: "SXD2", Name: "Sở Xây\u200b dựng", Source: src(7)},                    // invisible
		{ID: "SYT", Name: "Sở xây  dựng", Source: src(8)},                          // case, spacing
		{ID: "ΤΤΡ", Name: "Thanh tra tỉnh", Source: src(9)},                        // all Greek: looks like TTP
		{ID: "TTP", Name: "Thanh tra tỉnh", Source: scoring.Source{File: "t.csv"}}, // same name; no line known
	}}
	got := warningTexts(t, sh.Warnings())
	want := []string{
		`s.csv:3: member SСT: member id "SСT" mixes Latin letters with Cyrillic letters (U+0421 “С” at position 2): it may be a look-alike of a Latin letter`,
		`s.csv:3: member SСT: member id "SСT" is easily confused with member id "SCT" (on line 2): they look alike (character 2 is U+0421 “С” in one and U+0043 “C” in the other)`,
		`s.csv:4: member sct: member id "sct" is easily confused with member id "SCT" (on line 2): they differ only in letter case or spacing`,
		"s.csv:5: member STC: the member's name \"So\u031b\u0309 Công Thương\" is easily confused with the name \"Sở Công Thương\" of member SCT (on line 2): they are the same after Unicode normalisation (NFC)",
		`s.csv:7: member SXD2: the member's name "Sở Xây\u200b dựng" is easily confused with the name "Sở Xây dựng" of member SXD (on line 6): they differ only by invisible characters`,
		`s.csv:8: member SYT: the member's name "Sở xây  dựng" is easily confused with the name "Sở Xây dựng" of member SXD (on line 6): they differ only in letter case or spacing`,
		`t.csv: member TTP: member id "TTP" is easily confused with member id "ΤΤΡ" (at s.csv:9): they look alike (character 1 is U+0054 “T” in one and U+03A4 “Τ” in the other)`,
		`t.csv: member TTP: the member's name "Thanh tra tỉnh" is easily confused with the name "Thanh tra tỉnh" of member ΤΤΡ (at s.csv:9): the two are identical`,
	}
	require.Equal(t, strings.Join(want, "\n"), strings.Join(got, "\n"))
	vi := sh.Warnings()[1].Text(lang.Vietnamese)
	require.Equal(t, `s.csv:3: đơn vị SСT: mã đơn vị "SСT" dễ nhầm với mã đơn vị "SCT" (ở dòng 2): trông giống nhau (ký tự thứ 2 là U+0421 “С” ở bên này và U+0043 “C” ở bên kia)`, vi)
}

// TestNoWarningsOnVietnamese: the example cluster's real Vietnamese names
// give no warning, in every sheet format, and neither do names that differ
// only by their diacritics.
func TestNoWarningsOnVietnamese(t *testing.T) {
	for _, f := range []string{"../examples/cum2/scores-2020.csv", "../examples/cum2/scores-2020.json"} {
		sh, err := sheets.Load(f)
		require.NoError(t, err)
		require.NotEmpty(t, sh.Members)
		require.Empty(t, warningTexts(t, sh.Warnings()), f)
	}
	sh := scoring.Sheet{Members: []scoring.Member{
		{ID: "SNN", Name: "Sở Nông nghiệp"}, {ID: "SNN2", Name: "Sở Nông Nghiệp và Môi trường"},
		{ID: "TTR", Name: "Thanh tra"}, {ID: "TTR2", Name: "Thành trà"}, {ID: "DD", Name: "Đội Đặc nhiệm"},
		{ID: "DĐ", Name: "Đơn vị Đức"}, {ID: "SƯ", Name: "Sư đoàn"}, {ID: "SU", Name: "Sứ quán"},
	}}
	require.Empty(t, warningTexts(t, sh.Warnings()))
}

// A program warns about look-alike members before scoring: here the second
// member's id begins with a Cyrillic С, which looks like the Latin C.
func ExampleSheet_Warnings() {
	sheet := scoring.Sheet{Members: []scoring.Member{
		{ID: "SCT", Name: "Sở Công Thương", Source: scoring.Source{File: "scores.csv", Line: 2}},
		{ID: "SС", Name: "Sở Công", Source: scoring.Source{File: "scores.csv", Line: 3}},
		{ID: "SC", Name: "Sở Công", Source: scoring.Source{File: "scores.csv", Line: 4}},
	}}
	for _, w := range sheet.Warnings() {
		fmt.Println(w.Text(lang.Vietnamese))
	}
	// Output:
	// scores.csv:3: đơn vị SС: mã đơn vị "SС" trộn chữ Latinh với chữ Kirin (U+0421 “С” ở vị trí 2): có thể là ký tự giả dạng chữ Latinh
	// scores.csv:4: đơn vị SC: mã đơn vị "SC" dễ nhầm với mã đơn vị "SС" (ở dòng 3): trông giống nhau (ký tự thứ 2 là U+0043 “C” ở bên này và U+0421 “С” ở bên kia)
	// scores.csv:4: đơn vị SC: tên đơn vị "Sở Công" dễ nhầm với tên "Sở Công" của đơn vị SС (ở dòng 3): hai tên giống hệt nhau
}

// TestCheckNames: the checks of names Score makes can be made without a
// rulebook, on a member list.
func TestCheckNames(t *testing.T) {
	require.NoError(t, scoring.Sheet{Cluster: "Cụm II", Members: members("SCT", "SXD")}.CheckNames())
	err := scoring.Sheet{Cluster: "Cụm\x1b", Members: []scoring.Member{{ID: "SCT", Name: "Sở\x1b[31m"}, {ID: "S\u200bXD"}}}.CheckNames()
	var es scoring.InputErrors
	require.True(t, errors.As(err, &es), "%v", err)
	require.Len(t, es, 3)
	require.Equal(t, []string{"identity.control", "identity.control", "identity.invisible"}, []string{es[0].Message.Key, es[1].Message.Key, es[2].Message.Key})
	require.NotContains(t, err.Error(), "\x1b")
}
