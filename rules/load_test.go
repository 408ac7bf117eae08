package rules_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

func TestUnknownKeys(t *testing.T) {
	cases := []struct {
		name    string
		over    map[string]string
		key     string // the unknown key, found on the marked line
		path    string
		suggest string // "" when no suggestion is expected
	}{
		{"a misspelt top-level key is reported with a suggestion",
			map[string]string{"jurisdiction": "jurisdicton: Tỉnh Thử #<"}, "jurisdicton", "jurisdicton", "jurisdiction"},
		{"a misspelt key of a criterion is reported with its path",
			map[string]string{"criteria": critWith(`      - {id: x, name: X, max: 10, methd: ratio} #<`)},
			"methd", "criteria[0].children[1].methd", "method"},
		{"a misspelt key of a condition is reported with its path",
			map[string]string{"eligibility": with("eligibility", "  - {id: c8, reason: R, min_totl: 40, fact: clean} #<")},
			"min_totl", "eligibility[7].min_totl", "min_total"},
		{"a misspelt key deep in a vote threshold is reported",
			map[string]string{"eligibility": with("eligibility", "  - {id: c8, reason: R, min_votes: {shar: 1/2, share: 1/2}} #<")},
			"shar", "eligibility[7].min_votes.shar", "share"},
		{"a key far from every known key gets no suggestion",
			map[string]string{"missing": "missing: zero\nxyzzy_frobnicate: 1 #<"}, "xyzzy_frobnicate", "xyzzy_frobnicate", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := doc(tc.over)
			es := parseErrs(t, text)
			require.Len(t, es, 1, "%v", es)
			e := es[0]
			line := markedLine(text)
			col := strings.Index(strings.Split(text, "\n")[line-1], tc.key) + 1
			assert.Equal(t, tc.path, e.Path)
			assert.Equal(t, "test.yaml", e.File)
			assert.Equal(t, line, e.Line, "line")
			assert.Equal(t, col, e.Column, "column")
			assert.Contains(t, e.Msg, `unknown key "`+tc.key+`"`)
			if tc.suggest != "" {
				assert.Contains(t, e.Msg, `(did you mean "`+tc.suggest+`"?)`)
			} else {
				assert.NotContains(t, e.Msg, "did you mean")
			}
			assert.Contains(t, e.Msg, "known keys:")
			assert.True(t, strings.HasPrefix(e.Error(), "test.yaml:"), e.Error())
			assert.Regexp(t, `^test\.yaml:\d+:\d+: `+regexp.QuoteMeta(tc.path)+`: unknown key`, e.Error())
		})
	}
}

func TestColumnsCountCharactersNotBytes(t *testing.T) {
	text := doc(map[string]string{"criteria": critWith(`      - {id: x, name: Điểm số đạt được, max: 10, methd: ratio}`)})
	es := parseErrs(t, text)
	require.Len(t, es, 1)
	line := strings.Split(text, "\n")[lineOf(t, text, "methd")-1]
	byteCol := strings.Index(line, "methd") + 1
	runeCol := len([]rune(line[:byteCol-1])) + 1
	require.NotEqual(t, byteCol, runeCol)
	assert.Equal(t, runeCol, es[0].Column)
}

func TestUnknownTopLevelKeyListsTheKnownKeys(t *testing.T) {
	es := parseErrs(t, doc(map[string]string{"missing": "missing: zero\ntiebreaks: []"}))
	require.Len(t, es, 1)
	for _, k := range sectionOrder {
		assert.Contains(t, es[0].Msg, k)
	}
	assert.Contains(t, es[0].Msg, `did you mean "tie_breaks"?`)
}

func TestSeveralProblemsAreReportedTogetherInLineOrder(t *testing.T) {
	text := doc(map[string]string{
		"title":        "",
		"jurisdiction": "jurisdicton: Tỉnh Thử",
		"criteria":     critWith(`      - {id: x, name: X, max: ten}`),
		"missing":      "missing: skip",
		"tie_breaks":   "tie_breaks:\n  - lots\n  - total",
	})
	es := parseErrs(t, text)
	type pos struct {
		Path string
		Line int
	}
	var got []pos
	for _, e := range es {
		got = append(got, pos{e.Path, e.Line})
	}
	want := []pos{
		{"title", 1}, // missing: reported at the document
		{"jurisdicton", lineOf(t, text, "jurisdicton")},
		{"criteria[0].children[1].max", lineOf(t, text, "max: ten")},
		{"missing", lineOf(t, text, "missing: skip")},
		{"tie_breaks[0]", lineOf(t, text, "- lots")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\n%v", diff, es)
	}
	// The unreadable max is reported once, as unreadable, not also as missing.
	for _, e := range es {
		if e.Path == "criteria[0].children[1].max" {
			assert.Contains(t, e.Msg, "ten")
			assert.NotContains(t, e.Msg, "positive max")
		}
	}
	// The whole error reads as one problem per line.
	assert.Equal(t, len(es), strings.Count(es.Error(), "\n")+1)
}

func TestMalformedValues(t *testing.T) {
	cases := []struct {
		name string
		over map[string]string
		path string
		msg  string
	}{
		{"a number that is not a number",
			map[string]string{"criteria": critWith(`      - {id: x, name: X, max: 1O} #<`)},
			"criteria[0].children[1].max", "1O"},
		{"a count that is not a whole number",
			map[string]string{"awards": with("awards", "  - {id: x, name: X, count: 1.5, share: 1/5} #<")},
			"awards[2].count", `expected a whole number, found "1.5"`},
		{"a flag that is not true or false",
			map[string]string{"facts": with("facts", "  - {id: f, name: F, default: maybe} #<")},
			"facts[2].default", `expected true or false, found "maybe"`},
		{"a date that does not exist",
			map[string]string{"in_force": "in_force:\n  from: 2024-13-01 #<"},
			"in_force.from", `expected a date YYYY-MM-DD, found "2024-13-01"`},
		{"a date in another format",
			map[string]string{"in_force": "in_force:\n  from: 01/01/2024 #<"},
			"in_force.from", "expected a date YYYY-MM-DD"},
		{"a share that is not a share",
			map[string]string{"votes": "votes:\n  quorum: most #<"},
			"votes.quorum", `share "most": expected 80%, 2/3 or 0.8`},
		{"a list where a mapping belongs",
			map[string]string{"bonus": "bonus: [1, 2] #<"},
			"bonus", "expected a mapping of keys to values, found a list"},
		{"a mapping where a list belongs",
			map[string]string{"facts": "facts: {id: x} #<", "eligibility": "", "awards": "", "tie_breaks": ""},
			"facts", "expected a list, found a mapping"},
		{"a list where a text belongs",
			map[string]string{"title": "title: [a, b] #<"},
			"title", "expected a text, found a list"},
		{"a mapping where a number belongs",
			map[string]string{"criteria": critWith(`      - {id: x, name: X, max: {value: 10}} #<`)},
			"criteria[0].children[1].max", "expected a single value, found a mapping"},
		{"a duplicate key",
			map[string]string{"missing": "missing: zero\nmissing: error #<"},
			"missing", "duplicate key (first given on line"},
		{"a tie-break of two keys",
			map[string]string{"tie_breaks": "tie_breaks:\n  - {group: I, criterion: \"1.1\"} #<"},
			"tie_breaks[0]", `a tie-break is one word or one key with its argument, e.g. "group: II"`},
		{"a tie-break whose argument is a list",
			map[string]string{"tie_breaks": "tie_breaks:\n  - group: [I, II] #<"},
			"tie_breaks[0]", "expected the id of a group, criterion or award tier, found a list"},
		{"a tie-break that is a list",
			map[string]string{"tie_breaks": "tie_breaks:\n  - [group, I] #<"},
			"tie_breaks[0]", "a tie-break is one word or one key"},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is reported at its key", func(t *testing.T) {
			text := doc(tc.over)
			es := parseErrs(t, text)
			require.Len(t, es, 1, "%v", es)
			assert.Equal(t, tc.path, es[0].Path)
			assert.Contains(t, es[0].Msg, tc.msg)
			assert.Equal(t, markedLine(text), es[0].Line)
			assert.Positive(t, es[0].Column)
		})
	}
	t.Run("a duplicate key names the line of the first", func(t *testing.T) {
		text := doc(map[string]string{"missing": "missing: zero\nmissing: error"})
		es := parseErrs(t, text)
		require.Len(t, es, 1)
		assert.Contains(t, es[0].Msg, "first given on line "+strconv.Itoa(lineOf(t, text, "missing: zero")))
	})
}

func TestJSONGivesTheSameRulebookAsYAML(t *testing.T) {
	y, err := rules.Load("testdata/rulebook.yaml")
	require.NoError(t, err)
	j, err := rules.Load("testdata/rulebook.json")
	require.NoError(t, err)
	assert.Equal(t, y.Hash(), j.Hash())
	if diff := cmp.Diff(y.Spec(), j.Spec(), specOpts); diff != "" {
		t.Errorf("specs differ (-yaml +json):\n%s", diff)
	}
	if diff := cmp.Diff(y.Nodes(), j.Nodes(), specOpts); diff != "" {
		t.Errorf("nodes differ (-yaml +json):\n%s", diff)
	}
	assert.True(t, y.MaxTotal().Equal(j.MaxTotal()))
	assert.Equal(t, "50", y.MaxTotal().String())
}

func TestJSONErrorsHaveLines(t *testing.T) {
	text := "{\n  \"id\": \"x\",\n  \"version\": \"1\",\n  \"title\": \"T\",\n  \"criteria\": [\n    {\"id\": \"a\", \"name\": \"A\", \"max\": 10, \"metod\": \"ratio\"}\n  ],\n  \"rank_by\": \"votes\"\n}\n"
	es := parseErrs(t, text)
	require.Len(t, es, 2, "%v", es)
	assert.Equal(t, "criteria[0].metod", es[0].Path)
	assert.Equal(t, 6, es[0].Line)
	assert.Equal(t, strings.Index(strings.Split(text, "\n")[5], `"metod"`)+1, es[0].Column)
	assert.Contains(t, es[0].Msg, `did you mean "method"?`)
	assert.Equal(t, "rank_by", es[1].Path)
	assert.Equal(t, 8, es[1].Line)
}

// hashOf parses text, which must be a valid rulebook, and returns its hash.
func hashOf(t *testing.T, text string) string {
	t.Helper()
	return mustParse(t, text).Hash()
}

func TestHashIgnoresPresentation(t *testing.T) {
	base := doc(nil)
	want := hashOf(t, base)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, want)

	reversed := func() string {
		var b strings.Builder
		for _, k := range slices.Backward(sectionOrder) {
			b.WriteString(baseSections[k] + "\n")
		}
		return b.String()
	}
	cases := []struct {
		name string
		text string
	}{
		{"top-level keys in another order", reversed()},
		{"keys inside a mapping in another order", strings.Replace(base,
			"  - {id: flag, name: Cờ thi đua, count: 1, requires: [min45, floor, clean]}",
			"  - {requires: [min45, floor, clean], count: 1, name: Cờ thi đua, id: flag}", 1)},
		{"comments and blank lines", "# Bộ tiêu chí\n\n" + strings.ReplaceAll(base, "\ncriteria:", "\n\n# Khung tiêu chí\ncriteria: # các nhóm\n")},
		{"trailing zeros", strings.NewReplacer("points_each: 2.5", "points_each: 2.50", "max: 30", "max: 30.0",
			"points: 0.5,", "points: 0.500,", "min_total: 45", "min_total: 45.00").Replace(base)},
		{"numbers written as quoted strings or with an exponent", strings.NewReplacer("max: 30", `max: "30"`, "points: 10}", "points: 1e1}").Replace(base)},
		{"flow instead of block style", strings.Replace(base, baseSections["deductions"],
			"deductions: {cap: 5, floor: 0, items: [{id: d1, name: Báo cáo muộn, points: 0.5, max: 3}, {id: d2, name: Vắng họp, points: 1, max: 2}]}", 1)},
		{"defaults written out", strings.NewReplacer(
			"criterion: {places: 2}", "criterion: {places: 2, mode: half_up}",
			"        name: Chấm thẳng\n", "        name: Chấm thẳng\n        method: direct\n",
			"requires: [min45, floor, clean]}", "requires: [min45, floor, clean], if_ineligible: next_eligible}",
			"  counts: latest\n", "",
			"{share: 4/5}", "{share: 4/5, base: all_members, quorum: 2/3}",
		).Replace(base)},
		{"a group max left to be derived", strings.Replace(base, "    max: 30\n", "", 1)},
		{"a byte-order mark", "\uFEFF" + base},
		{"CRLF line endings", strings.ReplaceAll(base, "\n", "\r\n")},
		{"shares written differently", strings.NewReplacer("quorum: 2/3", "quorum: 4/6", "share: 2/5", "share: 0.4", "{share: 4/5}", "{share: 80%}", "share: 85%", "share: \"0.85\"").Replace(base)},
	}
	for _, tc := range cases {
		t.Run("the hash ignores "+tc.name, func(t *testing.T) {
			require.NotEqual(t, base, tc.text, "the variant must differ from the base")
			assert.Equal(t, want, hashOf(t, tc.text))
		})
	}
}

func TestHashChangesWithTheRules(t *testing.T) {
	base := doc(nil)
	seen := map[string]string{hashOf(t, base): "the base"}
	cases := []struct {
		name string
		old  string
		new  string
	}{
		{"a criterion's max", "        name: Chấm thẳng\n        max: 10", "        name: Chấm thẳng\n        max: 9"},
		{"a criterion's max and its group's", "    max: 30\n    children:\n      - id: \"1.1\"\n        name: Chấm thẳng\n        max: 10",
			"    max: 31\n    children:\n      - id: \"1.1\"\n        name: Chấm thẳng\n        max: 11"},
		{"a weight", "weight: 2", "weight: 3"},
		{"a method", "method: pass_fail", "method: direct"},
		{"a tier's points", "{at_least: 5, points: 6}", "{at_least: 5, points: 7}"},
		{"a tier's threshold", "{at_least: 5, points: 6}", "{at_least: 6, points: 6}"},
		{"the order of tie-breaks", "  - group: I\n  - criterion: \"1.1\"", "  - criterion: \"1.1\"\n  - group: I"},
		{"an award count", "count: 1", "count: 2"},
		{"an award share", "share: 2/5", "share: 3/5"},
		{"the quotient rounding mode", "mode: half_even", "mode: half_up"},
		{"the quotient places", "quotient: {places: 4", "quotient: {places: 5"},
		{"a fact's default", "default: true", "default: false"},
		{"a deduction floor given or not", "  floor: 0\n", ""},
		{"a bonus cap", "cap: 15", "cap: 20"},
		{"the end of the period", "to: 2024-12-31", "to: 2025-12-31"},
		{"the version", `version: "2024.1"`, `version: "2024.10"`},
		{"a criterion's name", "name: Chấm thẳng", "name: Chấm thẳng lại"},
		{"the requirements of an award", "requires: [min45, floor, clean]", "requires: [min45, clean]"},
		{"the missing-value policy", "missing: zero", "missing: error"},
		{"a condition's threshold", "min_total: 45", "min_total: 46"},
		{"the vote base", "base: all_members", "base: present"},
	}
	for _, tc := range cases {
		t.Run("the hash changes with "+tc.name, func(t *testing.T) {
			require.Contains(t, base, tc.old)
			text := strings.Replace(base, tc.old, tc.new, 1)
			if tc.name == "a criterion's max" {
				text = strings.Replace(text, "    max: 30\n", "", 1) // let the group's max follow
			}
			h := hashOf(t, text)
			if prev, dup := seen[h]; dup {
				t.Errorf("same hash as %s", prev)
			}
			seen[h] = tc.name
		})
	}
}

func TestHashOfGoSpecEqualsHashOfFile(t *testing.T) {
	text := `id: go
version: "1"
title: Từ Go
criteria:
  - id: I
    name: Nhóm
    children:
      - {id: a, name: A, max: 7.5, method: ratio, target: 100}
      - {id: b, name: B, max: 2.5}
awards:
  - {id: flag, name: Cờ, count: 1}
tie_breaks: [group: I, lots]
`
	spec := rules.Spec{
		ID: "go", Version: "1", Title: "Từ Go",
		Criteria: []rules.Criterion{{ID: "I", Name: "Nhóm", Children: []rules.Criterion{
			{ID: "a", Name: "A", MaxPoints: dec("7.50"), Method: rules.Ratio, Target: dec("100")},
			{ID: "b", Name: "B", MaxPoints: dec("2.5")},
		}}},
		Awards:    []rules.AwardTier{{ID: "flag", Name: "Cờ", Count: 1}},
		TieBreaks: []rules.TieBreak{{Kind: rules.ByGroup, Ref: "I"}, {Kind: rules.DrawingLots}},
	}
	rb, err := rules.New(spec)
	require.NoError(t, err)
	assert.Equal(t, hashOf(t, text), rb.Hash())
	assert.Equal(t, "10", rb.MaxTotal().String())
}

func TestAnchorsAndAliasesAreRejected(t *testing.T) {
	cases := []struct {
		name, over, key, text, path string
	}{
		{"an anchor on a value", "bonus", "", strings.Replace(baseSections["bonus"], "bonus:", "bonus: &b", 1), "bonus"},
		{"an alias", "facts", "", with("facts", "  - *x"), "facts[2]"},
		{"an alias in a tie-break", "tie_breaks", "", "tie_breaks:\n  - *x", "tie_breaks[0]"},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is rejected", func(t *testing.T) {
			text := doc(map[string]string{tc.over: tc.text})
			if strings.Contains(tc.text, "*") {
				// define the anchor somewhere harmless that is never decoded as a value
				text = "regulation:\n  title: &x fewer_deductions\n" + strings.Replace(text, baseSections["regulation"]+"\n", "", 1)
			}
			es := parseErrs(t, text)
			found := false
			for _, e := range es {
				if e.Path == tc.path {
					found = true
					assert.Contains(t, e.Msg, "anchors and aliases are not supported")
				}
			}
			assert.True(t, found, "no error at %s: %v", tc.path, es)
		})
	}
	t.Run("a merge key is rejected", func(t *testing.T) {
		text := doc(map[string]string{"deductions": "deductions:\n  items:\n    - &d {id: d1, name: X, points: 1}\n    - {<<: *d, id: d2}"})
		es := parseErrs(t, text)
		var paths []string
		for _, e := range es {
			paths = append(paths, e.Path)
		}
		assert.Contains(t, paths, "deductions.items[0]", "the anchor")
		assert.Contains(t, paths, "deductions.items[1].<<", "the merge key")
	})
	t.Run("an alias gives its position and path", func(t *testing.T) {
		text := doc(map[string]string{"facts": "facts:\n  - &f {id: clean, name: X}\n  - *f #<"})
		es := parseErrs(t, text)
		var paths []string
		for _, e := range es {
			if strings.Contains(e.Msg, "anchors and aliases") {
				paths = append(paths, e.Path)
				if e.Path == "facts[1]" {
					assert.Equal(t, markedLine(text), e.Line)
				}
			}
		}
		assert.Equal(t, []string{"facts[0]", "facts[1]"}, paths)
	})
}

func TestByteOrderMarkIsAccepted(t *testing.T) {
	base := doc(nil)
	withBOM := append([]byte{0xEF, 0xBB, 0xBF}, base...)
	rb, err := rules.Parse("bom.yaml", withBOM)
	require.NoError(t, err)
	assert.Equal(t, hashOf(t, base), rb.Hash())
	assert.Equal(t, "test-cum", rb.ID(), "the BOM must not become part of the first key")

	// and lines stay right after it
	bad := append([]byte{0xEF, 0xBB, 0xBF}, doc(map[string]string{"missing": "missing: skip"})...)
	_, err = rules.Parse("bom.yaml", bad)
	checkErr(t, err)
	var es rules.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 1)
	assert.Equal(t, lineOf(t, string(bad), "missing: skip"), es[0].Line)
}

func TestEmptyDocumentIsAnError(t *testing.T) {
	for name, text := range map[string]string{
		"nothing":              "",
		"blank lines":          "\n\n  \n",
		"only a comment":       "# rulebook to come\n",
		"only a byte-order mk": "\uFEFF",
	} {
		t.Run("a document of "+name+" is empty", func(t *testing.T) {
			rb, err := rules.Parse("empty.yaml", []byte(text))
			assert.Nil(t, rb)
			checkErr(t, err)
			var es rules.Errors
			require.ErrorAs(t, err, &es)
			require.Len(t, es, 1)
			assert.Equal(t, "empty.yaml", es[0].File)
			assert.Equal(t, 1, es[0].Line)
			assert.Contains(t, es[0].Msg, "empty")
		})
	}
}

func TestSyntaxErrorHasItsLine(t *testing.T) {
	text := "id: x\nversion: \"1\"\ntitle: T\ncriteria:\n  - {id: a, name: A, max: 10\nrank_by: total\n"
	rb, err := rules.Parse("broken.yaml", []byte(text))
	assert.Nil(t, rb)
	checkErr(t, err)
	var es rules.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 1)
	assert.Equal(t, "broken.yaml", es[0].File)
	// yaml.v3 reports the line where the unclosed flow mapping's context began
	assert.GreaterOrEqual(t, es[0].Line, 4)
	assert.LessOrEqual(t, es[0].Line, 6)
	assert.NotContains(t, es[0].Msg, "yaml: line", "the line is split out of the message")
	assert.True(t, strings.HasPrefix(err.Error(), "broken.yaml:"), err.Error())
	assert.Equal(t, "decode.syntax", es[0].Message.Key)
	assert.Equal(t, strings.TrimSuffix(es[0].Error(), es[0].Msg)+"lỗi cú pháp YAML: "+es[0].Msg, es[0].Text(lang.Vietnamese))
}

func TestTieBreaksAsWordsAndOneKeyMappings(t *testing.T) {
	text := doc(map[string]string{"tie_breaks": `tie_breaks:
  - group: I
  - {criterion: "1.1"}
  - " fewer_deductions "
  - more_votes
  - no_award_last_year: flag
  - no_award_last_year
  - head_to_head
  - lots`})
	rb := mustParse(t, text)
	want := []rules.TieBreak{
		{Kind: rules.ByGroup, Ref: "I"},
		{Kind: rules.ByCriterion, Ref: "1.1"},
		{Kind: rules.FewerDeductions},
		{Kind: rules.MoreVotes},
		{Kind: rules.NoAwardLastYear, Ref: "flag"},
		{Kind: rules.NoAwardLastYear},
		{Kind: rules.HeadToHead},
		{Kind: rules.DrawingLots},
	}
	assert.Equal(t, want, rb.TieBreaks())
	assert.Equal(t, "group I", rb.TieBreaks()[0].String())
	assert.Equal(t, "lots", rb.TieBreaks()[7].String())

	// a flow list of words and mappings reads the same
	flow := doc(map[string]string{"tie_breaks": `tie_breaks: [group: I, {criterion: "1.1"}, fewer_deductions, more_votes, no_award_last_year: flag, no_award_last_year, head_to_head, lots]`})
	assert.Equal(t, want, mustParse(t, flow).TieBreaks())
}

func TestErrorsAs(t *testing.T) {
	_, err := rules.Parse("x.yaml", []byte(doc(map[string]string{"title": "", "missing": "missing: skip"})))
	require.Error(t, err)
	checkErr(t, err)

	all := &rules.Errors{}
	require.True(t, errors.As(err, all), "errors.As(err, &rules.Errors{})")
	require.Len(t, *all, 2)

	var one *rules.Error
	require.True(t, errors.As(err, &one), "errors.As(err, **rules.Error)")
	assert.Equal(t, "title", one.Path, "the first problem")

	// wrapped further, it is still found
	wrapped := errors.Join(errors.New("loading rules"), err)
	var es rules.Errors
	require.ErrorAs(t, wrapped, &es)
	assert.Len(t, es, 2)

	// Unwrap gives every problem
	assert.Len(t, es.Unwrap(), 2)
	assert.ErrorIs(t, err, es[1])
}

func TestLoad(t *testing.T) {
	t.Run("a valid file loads", func(t *testing.T) {
		rb, err := rules.Load("testdata/rulebook.yaml")
		require.NoError(t, err)
		assert.Equal(t, "test-cum", rb.ID())
		assert.Equal(t, "2024.1", rb.Version())
	})
	t.Run("errors name the file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "bad.yaml")
		require.NoError(t, os.WriteFile(path, []byte(doc(map[string]string{"rank_by": "rank_by: votes"})), 0o644))
		_, err := rules.Load(path)
		checkErr(t, err)
		var es rules.Errors
		require.ErrorAs(t, err, &es)
		require.Len(t, es, 1)
		assert.Equal(t, path, es[0].File)
		assert.True(t, strings.HasPrefix(err.Error(), path+":"), err.Error())
	})
	t.Run("a missing file is a not-exist error", func(t *testing.T) {
		rb, err := rules.Load(filepath.Join(t.TempDir(), "nope.yaml"))
		assert.Nil(t, rb)
		assert.ErrorIs(t, err, fs.ErrNotExist)
	})
}

func TestExampleRulebookLoads(t *testing.T) {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	require.NoError(t, err)
	assert.Equal(t, "caobang-cum2", rb.ID())
	assert.Equal(t, "100", rb.MaxTotal().String())
}

func TestParseSpecReadsWithoutValidating(t *testing.T) {
	text := "title: Chỉ có tên\ncriteria:\n  - {id: a, max: 10, method: bogus}\ntie_breaks: [group: nowhere]\n"
	spec, err := rules.ParseSpec("s.yaml", []byte(text))
	require.NoError(t, err)
	assert.Equal(t, "Chỉ có tên", spec.Title)
	assert.Equal(t, rules.Method("bogus"), spec.Criteria[0].Method)
	assert.Equal(t, []rules.TieBreak{{Kind: rules.ByGroup, Ref: "nowhere"}}, spec.TieBreaks)
	assert.Empty(t, spec.Missing, "ParseSpec does not fill in defaults")

	_, err = rules.ParseSpec("s.yaml", []byte(text+"titel: x\n"))
	checkErr(t, err)
	var es rules.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 1)
	assert.Equal(t, "titel", es[0].Path)
	assert.Equal(t, 5, es[0].Line)
	assert.Equal(t, "s.yaml", es[0].File)
}

func TestDefaultsAreFilledIn(t *testing.T) {
	text := `id: min
version: "1"
title: Tối thiểu
votes: {quorum: 1/2}
criteria:
  - id: I
    name: Nhóm
    children:
      - {id: a, name: A, max: 6}
      - {id: b, name: B, max: 2, weight: 2}
eligibility:
  - {id: v, reason: Phiếu, min_votes: {share: 1/2}}
awards:
  - {id: m, name: Khen, share: 1/3}
`
	rb := mustParse(t, text)
	s := rb.Spec()
	assert.Equal(t, rules.Direct, s.Criteria[0].Children[0].Method)
	assert.Empty(t, s.Criteria[0].Method, "a group has no method")
	assert.Equal(t, "10", s.Criteria[0].MaxPoints.String(), "a group's max is derived from its children's weighted maxima")
	var stages []string
	for _, st := range s.Assessment.Stages {
		stages = append(stages, st.ID)
		assert.Equal(t, rules.Mean, st.Aggregate)
	}
	assert.Equal(t, []string{"self", "cluster", "recheck"}, stages)
	assert.Equal(t, rules.Latest, s.Assessment.Counts)
	assert.Equal(t, rules.Rounding{Places: 6, Mode: rules.RoundHalfUp}, rb.Quotient())
	assert.Equal(t, rules.MissingIsError, rb.Missing())
	assert.Equal(t, rules.ByTotal, rb.RankBy())
	assert.Equal(t, rules.OfAllMembers, rb.Votes().Base)
	mv := s.Eligibility[0].MinVotes
	assert.Equal(t, rules.OfAllMembers, mv.Base, "a vote threshold takes the rulebook's base")
	assert.Equal(t, rules.Share{Num: 1, Den: 2}, mv.Quorum, "and its quorum")
	assert.Equal(t, rules.RoundFloor, s.Awards[0].ShareRounding)
	assert.Equal(t, rules.NextEligible, s.Awards[0].IfIneligible)
	n, ok := rb.Node("I")
	require.True(t, ok)
	assert.Equal(t, "10", n.Max.String())
	assert.Equal(t, "10", rb.MaxTotal().String())
}

func TestDocumentLargerThanTheLimitIsRejected(t *testing.T) {
	// The limit was 8 MiB; it is decode.MaxBytes (32 MiB) since the score
	// sheets, read by the same decoder, promise 32 MiB files.
	big := doc(nil) + "# " + strings.Repeat("x", decode.MaxBytes) + "\n"
	rb, err := rules.Parse("big.yaml", []byte(big))
	assert.Nil(t, rb)
	checkErr(t, err)
	var es rules.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 1)
	assert.Contains(t, es[0].Msg, "limit")
	assert.Equal(t, "decode.too_large", es[0].Message.Key)
	assert.Equal(t, fmt.Sprintf("big.yaml:1: tài liệu dài %d byte, vượt giới hạn %d byte", len(big), decode.MaxBytes), es[0].Text(lang.Vietnamese))
}
