package rules_test

// Tests of behaviour that was wrong: each was skipped with "BUG: …" while the
// bug was there, and now guards its fix. The message given with each check
// says what the bug was.

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
)

func TestNullIsNotText(t *testing.T) {
	text := doc(map[string]string{"id": "id: null", "title": "title: ~"})
	rb, err := rules.Parse("test.yaml", []byte(text))
	require.Error(t, err, `decode.go value(): a YAML null (null, ~) for a string field is stored as the text "null" or "~", so "id: null" passes as an id`)
	assert.Nil(t, rb)
	var es rules.Errors
	require.ErrorAs(t, err, &es)
	var paths []string
	for _, e := range es {
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"id", "title"}, paths)
}

func TestASecondDocumentIsAnError(t *testing.T) {
	text := doc(nil) + "---\nid: another\n"
	rb, err := rules.Parse("test.yaml", []byte(text))
	require.Error(t, err, "decode.Parse uses yaml.Unmarshal, which reads the first document and silently ignores the rest after ---")
	assert.Nil(t, rb)
}

func TestARulebookWideVoteBaseIsReportedOnce(t *testing.T) {
	text := doc(map[string]string{"votes": "votes:\n  base: everyone"})
	es := parseErrs(t, text)
	require.Len(t, es, 1, "rulebook.go normalise copies an invalid votes.base into every min_votes without a base, so it is reported again at eligibility[i].min_votes.base, a key the file does not have (same for votes.quorum)")
	assert.Equal(t, "votes.base", es[0].Path)
}

func TestAThresholdGivenTwiceIsReportedOnce(t *testing.T) {
	text := doc(map[string]string{"criteria": critWith(`      - id: x
        name: X
        max: 10
        method: tiers
        tiers:
          - {at_least: 10, points: 10}
          - {at_least: 10, points: 5}`)})
	es := parseErrs(t, text)
	require.Len(t, es, 1, `validate.go tiers(): equal thresholds with different points also give "threshold 10 gives 5 points, fewer than the lower threshold 10" (and which one is reported depends on the unstable sort)`)
	assert.Contains(t, es[0].Msg, "given twice")
}

func TestAwardTierMessageGrammar(t *testing.T) {
	es := parseErrs(t, doc(map[string]string{"awards": with("awards", "  - {name: X, count: 1}")}))
	require.Len(t, es, 1)
	require.NotContains(t, es[0].Msg, "a award", `validate.go idOK: "a %s needs an id" gives "a award tier needs an id"`)
	assert.Equal(t, "an award tier needs an id", es[0].Msg)
}

func TestARootThatIsNotAMappingIsOneProblem(t *testing.T) {
	es := parseErrs(t, "- id: x\n- version: 1\n")
	require.NotEmpty(t, es)
	assert.Contains(t, es[0].Msg, "expected a mapping")
	require.Len(t, es, 1, `load.go Parse: when the root is not a mapping, "needs an id/version/title/criterion" are reported as well (underAny does not treat the root path "" as covering everything)`)
}

func TestAnUnreadableValueIsNotReportedTwice(t *testing.T) {
	es := parseErrs(t, doc(map[string]string{"awards": with("awards", "  - {id: x, name: X, count: one}")}))
	require.NotEmpty(t, es)
	assert.Equal(t, "awards[2].count", es[0].Path)
	require.Len(t, es, 1, `load.go underAny suppresses only validation errors at or below an unreadable key, so "count: one" is also reported as "award tier needs a count" at awards[2]`)
}

func TestAnEmptySectionIsAccepted(t *testing.T) {
	// "facts:" with nothing after it is accepted (an empty list); "bonus:" is not.
	mustParse(t, doc(map[string]string{"facts": "facts:", "eligibility": "", "awards": "", "tie_breaks": ""}))
	_, err := rules.Parse("test.yaml", []byte(doc(map[string]string{"bonus": "bonus:"})))
	require.NoError(t, err, `decode.go structure(): an empty (null) value for a struct section such as "bonus:" is "expected a mapping of keys to values, found \"\"", though an empty list or pointer section is accepted`)
}

func TestAMergeKeyIsReportedAsAnAlias(t *testing.T) {
	text := doc(map[string]string{"deductions": "deductions:\n  items:\n    - {id: d1, name: X, points: 1}\n    - {<<: *d, id: d2}"})
	text = strings.Replace(text, "    - {id: d1,", "    - &d {id: d1,", 1)
	es := parseErrs(t, text)
	var msg string
	for _, e := range es {
		if e.Path == "deductions.items[1].<<" {
			msg = e.Msg
		}
	}
	require.NotEmpty(t, msg)
	require.Contains(t, msg, "anchors and aliases", `decode.go structure(): a merge key "<<: *d" is reported as unknown key "<<" (did you mean "id"?) rather than as an alias`)
	assert.Contains(t, msg, "merge keys (<<) are not supported; write the keys out")
	assert.NotContains(t, msg, "unknown key")
}

func TestShareRangeIsTheSameForEveryForm(t *testing.T) {
	// Found by FuzzParseShare (testdata/fuzz/FuzzParseShare/a1b06d54dc35c92a).
	_, errFrac := rules.ParseShare("2001/1")
	_, errDec := rules.ParseShare("2001")
	_, errPct := rules.ParseShare("200100%")
	assert.Error(t, errDec)
	assert.Error(t, errPct)
	require.Error(t, errFrac, `share.go ParseShare: "2001" and "200100%" are out of range (over 1000) but "2001/1" is accepted, so String() of a parsed share ("200100%") cannot be read back; bound fractions the same way (or drop the bound and leave "at most 100%" to New)`)
}

func TestASecondDocumentIsReportedAtItsLine(t *testing.T) {
	text := doc(nil) + "---\nid: another\n"
	es := parseErrs(t, text)
	require.Len(t, es, 1)
	assert.Equal(t, lineOf(t, text, "---"), es[0].Line)
	assert.Contains(t, es[0].Msg, "a second document")
	assert.Equal(t, "test.yaml", es[0].File)
}

func TestARulebookWideQuorumIsReportedOnce(t *testing.T) {
	// The base rulebook has a vote threshold without a quorum of its own.
	text := doc(map[string]string{"votes": "votes:\n  quorum: 3/2 #<"})
	es := parseErrs(t, text)
	require.Len(t, es, 1, "%v", es)
	assert.Equal(t, "votes.quorum", es[0].Path)
	assert.Equal(t, markedLine(text), es[0].Line)

	// Both at once, and New reports them the same way.
	spec, err := rules.ParseSpec("test.yaml", []byte(doc(map[string]string{"votes": "votes:\n  base: everyone\n  quorum: 0/3"})))
	require.NoError(t, err)
	_, err = rules.New(spec)
	var ns rules.Errors
	require.ErrorAs(t, err, &ns)
	var paths []string
	for _, e := range ns {
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"votes.base", "votes.quorum"}, paths)
}

func TestAValidRulebookWideVotePolicyIsStillInherited(t *testing.T) {
	rb := mustParse(t, doc(map[string]string{"votes": "votes:\n  base: present\n  quorum: 1/2"}))
	c, ok := rb.Condition("votes")
	require.True(t, ok)
	assert.Equal(t, rules.OfPresent, c.MinVotes.Base)
	assert.Equal(t, rules.Share{Num: 1, Den: 2}, c.MinVotes.Quorum)
}

func TestTierMonotonicityWithRepeatedThresholds(t *testing.T) {
	// A threshold given twice is reported once; a real inversion next to it
	// is still reported, the same way whatever the order of the tiers.
	tiers := []string{"{at_least: 10, points: 10}", "{at_least: 10, points: 5}", "{at_least: 20, points: 4}", "{at_least: 0, points: 0}"}
	var want []string
	for round, order := range [][]int{{0, 1, 2, 3}, {1, 0, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		var lines []string
		for _, i := range order {
			lines = append(lines, "          - "+tiers[i])
		}
		text := doc(map[string]string{"criteria": critWith("      - id: x\n        name: X\n        max: 10\n        method: tiers\n        tiers:\n" + strings.Join(lines, "\n"))})
		var got []string
		for _, e := range parseErrs(t, text) {
			if strings.Contains(e.Msg, "given twice") {
				got = append(got, "twice")
			} else {
				got = append(got, e.Msg)
			}
		}
		if round == 0 {
			want = got
			require.Len(t, want, 2, "%v", got)
			assert.Contains(t, want, "twice")
			continue
		}
		assert.ElementsMatch(t, want, got, "order %v", order)
	}
}

func TestKnockOnErrorsAreNotReported(t *testing.T) {
	cases := []struct {
		name string
		text string
		path string // the one problem reported
	}{
		{"a root that is a list", "- id: x\n", ""},
		{"a root that is a text", "rulebook\n", ""},
		{"an unreadable count is not also missing", doc(map[string]string{"awards": with("awards", "  - {id: x, name: X, count: [1]}")}), "awards[2].count"},
		{"an unreadable share is not also missing", doc(map[string]string{"awards": with("awards", "  - {id: x, name: X, share: most}")}), "awards[2].share"},
		{"an unreadable condition value does not leave the condition of no kind", doc(map[string]string{"eligibility": with("eligibility", "  - {id: c8, reason: R, min_total: many}")}), "eligibility[7].min_total"},
		{"a section that is not a mapping", doc(map[string]string{"votes": "votes: [present]"}), "votes"},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is one problem", func(t *testing.T) {
			es := parseErrs(t, tc.text)
			require.Len(t, es, 1, "%v", es)
			assert.Equal(t, tc.path, es[0].Path)
		})
	}
	t.Run("other problems of the same item are still reported", func(t *testing.T) {
		es := parseErrs(t, doc(map[string]string{"awards": with("awards", "  - {id: x, count: one, if_ineligible: skip}")}))
		var paths []string
		for _, e := range es {
			paths = append(paths, e.Path)
		}
		assert.Equal(t, []string{"awards[2].count", "awards[2].name", "awards[2].if_ineligible"}, paths)
	})
}

func TestJSONSyntaxErrorsInARulebook(t *testing.T) {
	cases := []struct {
		name string
		text string
		line int
	}{
		{"a trailing comma", "{\n  \"id\": \"x\",\n  \"version\": \"1\",\n  \"criteria\": [\n    {\"id\": \"a\", \"name\": \"A\", \"max\": 10},\n  ]\n}\n", 6},
		{"a missing colon", "{\n  \"id\": \"x\",\n  \"version\" \"1\"\n}\n", 3},
		{"a missing comma", "{\n  \"id\": \"x\"\n  \"version\": \"1\"\n}\n", 3},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is reported at its line", func(t *testing.T) {
			es := parseErrs(t, tc.text)
			require.Len(t, es, 1, "%v", es)
			assert.Equal(t, tc.line, es[0].Line, "%v", es[0])
			assert.Positive(t, es[0].Column)
			assert.Contains(t, es[0].Msg, "JSON")
			assert.Equal(t, "test.yaml", es[0].File)
		})
	}
}

// nested returns a rulebook whose criteria are groups nested levels deep
// (level 1 is top-level), with one leaf of 10 points at the bottom.
func nested(levels int) string {
	var b strings.Builder
	b.WriteString("id: deep\nversion: \"1\"\ntitle: Sâu\ncriteria:\n  - ")
	for i := 1; i < levels; i++ {
		b.WriteString("{id: g" + strconv.Itoa(i) + ", name: G, children: [")
	}
	b.WriteString("{id: leaf, name: L, max: 10}")
	b.WriteString(strings.Repeat("]}", levels-1))
	b.WriteString("\n")
	return b.String()
}

// bytesAllocated returns the bytes f allocates (and more, if other
// goroutines allocate meanwhile).
func bytesAllocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestCriteriaDepthIsLimited(t *testing.T) {
	t.Run("criteria nested MaxDepth levels deep are accepted", func(t *testing.T) {
		rb := mustParse(t, nested(rules.MaxDepth))
		assert.Equal(t, "10", rb.MaxTotal().String())
		nodes := rb.Nodes()
		require.Len(t, nodes, rules.MaxDepth)
		for _, n := range nodes {
			assert.Equal(t, "10", n.Max.String(), "%s: a group's max is its child's", n.ID)
		}
		assert.Equal(t, rules.MaxDepth-1, nodes[len(nodes)-1].Depth)
	})
	t.Run("one level more is one problem, at the node too deep", func(t *testing.T) {
		text := nested(rules.MaxDepth + 1)
		es := parseErrs(t, text)
		require.Len(t, es, 1, "%v", es)
		assert.Equal(t, "criteria[0]"+strings.Repeat(".children[0]", rules.MaxDepth), es[0].Path)
		assert.Contains(t, es[0].Msg, `"leaf"`)
		assert.Contains(t, es[0].Msg, "at most 8 levels")
		assert.Equal(t, 1+strings.Index(strings.Split(text, "\n")[4], "{id: leaf"), es[0].Column)
		assert.Equal(t, 5, es[0].Line)
	})
	t.Run("a rulebook nested thousands of levels deep is refused cheaply", func(t *testing.T) {
		// Memory rather than time, which varies with the machine's load: key
		// paths that grow with the depth made the cost grow with its square
		// (hundreds of megabytes here, and seconds).
		var es rules.Errors
		allocated := bytesAllocated(func() { es = parseErrs(t, nested(3200)) })
		assert.Less(t, allocated, uint64(32<<20), "bytes allocated")
		require.Len(t, es, 1, "%v", es)
		assert.Equal(t, "criteria[0]"+strings.Repeat(".children[0]", rules.MaxDepth), es[0].Path)
	})
	t.Run("New refuses a spec nested too deeply, without a position", func(t *testing.T) {
		leaf := rules.Criterion{ID: "leaf", Name: "L", MaxPoints: dec("10")}
		c := leaf
		for i := range 5000 {
			c = rules.Criterion{ID: "g" + strconv.Itoa(i), Name: "G", Children: []rules.Criterion{c}}
		}
		var rb *rules.Rulebook
		var err error
		allocated := bytesAllocated(func() {
			rb, err = rules.New(rules.Spec{ID: "x", Version: "1", Title: "T", Criteria: []rules.Criterion{c}})
		})
		assert.Less(t, allocated, uint64(1<<20), "bytes allocated")
		assert.Nil(t, rb)
		var es rules.Errors
		require.ErrorAs(t, err, &es)
		require.Len(t, es, 1)
		assert.Equal(t, "criteria[0]"+strings.Repeat(".children[0]", rules.MaxDepth), es[0].Path)
		assert.Zero(t, es[0].Line)
	})
}

func TestAZeroWeightInAFileIsAnError(t *testing.T) {
	for _, w := range []string{"0", "0.0", "-0", `"0"`} {
		t.Run("weight: "+w+" is rejected", func(t *testing.T) {
			text := doc(map[string]string{"criteria": critWith(`      - {id: x, name: X, max: 10, weight: ` + w + `} #<`)})
			es := parseErrs(t, text)
			require.Len(t, es, 1, "%v", es)
			assert.Equal(t, "criteria[0].children[1].weight", es[0].Path)
			assert.Equal(t, `criterion "x": weight 0: omit the key for weight 1, or give a positive weight`, es[0].Msg)
			assert.Equal(t, markedLine(text), es[0].Line)
			assert.Positive(t, es[0].Column)
		})
	}
	t.Run("a zero weight on a group is rejected", func(t *testing.T) {
		es := parseErrs(t, doc(map[string]string{"criteria": critGroup("    weight: 0")}))
		require.Len(t, es, 1, "%v", es)
		assert.Equal(t, "criteria[0].weight", es[0].Path)
	})
	t.Run("an unreadable weight is reported once", func(t *testing.T) {
		es := parseErrs(t, doc(map[string]string{"criteria": critWith(`      - {id: x, name: X, max: 10, weight: none}`)}))
		require.Len(t, es, 1, "%v", es)
		assert.NotContains(t, es[0].Msg, "omit the key")
	})
	for name, leaf := range map[string]string{
		"an omitted weight":     `      - {id: x, name: X, max: 10}`,
		"a null weight":         `      - {id: x, name: X, max: 10, weight: ~}`,
		"an empty weight":       "      - id: x\n        name: X\n        max: 10\n        weight:",
		"a weight of exactly 1": `      - {id: x, name: X, max: 10, weight: 1}`,
	} {
		t.Run(name+" means weight 1", func(t *testing.T) {
			rb := mustParse(t, doc(map[string]string{"criteria": critWith(leaf)}))
			n, ok := rb.Node("x")
			require.True(t, ok)
			assert.Equal(t, "10", n.MaxTotal.String())
		})
	}
	t.Run("a zero weight in a Spec built in Go means 1, as documented", func(t *testing.T) {
		spec, err := rules.ParseSpec("test.yaml", []byte(doc(map[string]string{"criteria": critWith(`      - {id: x, name: X, max: 10, weight: 0}`)})))
		require.NoError(t, err, "ParseSpec does not validate")
		rb, err := rules.New(spec)
		require.NoError(t, err)
		n, _ := rb.Node("x")
		assert.Equal(t, "10", n.MaxTotal.String())
	})
}

func TestAThresholdGivenTwiceIgnoresDecimalSettings(t *testing.T) {
	saveTrim := decimal.TrimTrailingZeros
	defer func() { decimal.TrimTrailingZeros = saveTrim }()
	decimal.TrimTrailingZeros = false // 10.0 prints as "10.0", not "10"
	text := doc(map[string]string{"criteria": critWith(`      - id: x
        name: X
        max: 10
        method: tiers
        tiers:
          - {at_least: 10, points: 10}
          - {at_least: 1e1, points: 10}
          - {at_least: 10.0, points: 10} #<`)})
	es := parseErrs(t, text)
	require.Len(t, es, 2, "%v", es)
	assert.Equal(t, "criteria[0].children[1].tiers[1].at_least", es[0].Path)
	assert.Equal(t, "criteria[0].children[1].tiers[2].at_least", es[1].Path)
	assert.Contains(t, es[1].Msg, "(tiers 0 and 2)")
}
