package lang_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		code string
		want lang.Tag
		err  bool
	}{
		{"", lang.Vietnamese, false},
		{"vi", lang.Vietnamese, false},
		{" VI ", lang.Vietnamese, false},
		{"en", lang.English, false},
		{"EN", lang.English, false},
		{"fr", lang.Vietnamese, true},
		{"vi-VN", lang.Vietnamese, true},
	} {
		got, err := lang.Parse(tc.code)
		if tc.err {
			var ue *lang.UnknownError
			require.True(t, errors.As(err, &ue), "%q: %v", tc.code, err)
			require.Equal(t, tc.code, ue.Code)
			require.Contains(t, err.Error(), "vi or en")
			continue
		}
		require.NoError(t, err, tc.code)
		require.Equal(t, tc.want, got, tc.code)
		require.Equal(t, got, must(lang.Parse(got.String())), "String round trip")
	}
}

func must(t lang.Tag, err error) lang.Tag {
	if err != nil {
		panic(err)
	}
	return t
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct{ in, vi string }{
		{"38.5", "38,5"},
		{"-0.25", "-0,25"},
		{"12.5%", "12,5%"},
		{"88.75 of 90.5", "88,75 of 90,5"},
		{"1000", "1000"},
		{"I.2", "I.2"},   // a criterion id is not a number
		{"end.", "end."}, // nor is a full stop
		{".5", ".5"},     // never written by decimal.String
		{"", ""},
	} {
		require.Equal(t, tc.vi, lang.Vietnamese.Number(tc.in), tc.in)
		require.Equal(t, tc.in, lang.English.Number(tc.in), tc.in)
	}
	require.Equal(t, "65,5", lang.Vietnamese.Decimal(decimal.RequireFromString("65.50")))
	require.Equal(t, "65.5", lang.English.Decimal(decimal.RequireFromString("65.50")))
}

func TestJoinPickRule(t *testing.T) {
	require.Equal(t, "", lang.Vietnamese.Join(nil))
	require.Equal(t, "A", lang.Vietnamese.Join([]string{"A"}))
	require.Equal(t, "A, B và C", lang.Vietnamese.Join([]string{"A", "B", "C"}))
	require.Equal(t, "A and B", lang.English.Join([]string{"A", "B"}))
	require.Equal(t, "Hạng", lang.Vietnamese.Pick("Hạng", "Rank"))
	require.Equal(t, "Rank", lang.English.Pick("Hạng", "Rank"))
	for _, tc := range []struct{ rule, vi, en string }{
		{"total", "tổng điểm", "total"},
		{"group II", "nhóm II", "group II"},
		{"criterion 1.2", "tiêu chí 1.2", "criterion 1.2"},
		{"no_award_last_year flag", "năm trước chưa được khen (flag)", "no_award_last_year flag"},
		{"lots", "bốc thăm", "lots"},
		{"something_else", "something_else", "something_else"},
	} {
		require.Equal(t, tc.vi, lang.Vietnamese.Rule(tc.rule), tc.rule)
		require.Equal(t, tc.en, lang.English.Rule(tc.rule), tc.rule)
	}
}

func TestMessageIn(t *testing.T) {
	floor := lang.Msg("fail.floor", "85%").With(
		lang.Msg("fail.floor.item", "02", decimal.RequireFromString("7.5"), 10),
		lang.Msg("fail.floor.item", "05", "8", "10"))
	require.Equal(t, "dưới 85% số điểm tối đa: 02 đạt 7,5/10; 05 đạt 8/10", floor.In(lang.Vietnamese))
	require.Equal(t, "below 85% of the maximum: 02 has 7.5 of 10; 05 has 8 of 10", floor.In(lang.English))
	require.Equal(t, floor.In(lang.English), floor.String())

	tie := lang.Msg("tie.equal").With(lang.Msg("rule", "total"), lang.Msg("rule", "group I"))
	require.Equal(t, "bằng nhau theo mọi tiêu chí ưu tiên: tổng điểm, nhóm I", tie.In(lang.Vietnamese))
	require.Equal(t, "equal under every rule of the chain: total, group I", tie.In(lang.English))

	// Nothing is dropped silently: an unknown key and missing values show.
	require.Equal(t, "‹no.such.key›(1, 2)", lang.Msg("no.such.key", 1, 2).In(lang.Vietnamese))
	require.Equal(t, "tổng điểm 88,5 dưới {1:n}", lang.Msg("fail.min_total", "88.5").In(lang.Vietnamese))
	require.Equal(t, "", lang.Message{}.In(lang.English))
	require.True(t, lang.Message{}.IsZero())

	// With does not change the message it is called on.
	base := lang.Msg("fail.floor", "85%")
	_ = base.With(lang.Msg("fail.floor.item", "01", 1, 2))
	require.Empty(t, base.Parts)
}

// TestRankingTexts writes the engine's sentences in both languages, one
// case per kind of eligibility failure and of value under a tie-break rule.
func TestRankingTexts(t *testing.T) {
	for _, tc := range []struct {
		m      lang.Message
		vi, en string
	}{
		{lang.Msg("value.number", "38.5"), "38,5", "38.5"},
		{lang.Msg("value.percent", "96.35"), "96,35%", "96.35%"},
		{lang.Msg("value.votes", 3), "3 phiếu", "3 votes"},
		{lang.Msg("value.vote", 1), "1 phiếu", "1 vote"},
		{lang.Msg("value.deducted", "0.5"), "trừ 0,5", "0.5 deducted"},
		{lang.Msg("value.no_award", 2019), "năm 2019 không được khen", "no award in 2019"},
		{lang.Msg("value.award", "flag", 2019), "năm 2019 được flag", "flag in 2019"},
		{lang.Msg("value.drawn_seed", 2, 7), "bốc thăm thứ 2 (seed 7)", "drawn 2 (seed 7)"},
		{lang.Msg("value.h2h", 1, 2).With(lang.Msg("value.h2h.pair", 3, 1, "A"), lang.Msg("value.h2h.pair", 0, 0, "B")),
			"thắng 1/2 đơn vị bằng điểm khi đối đầu (số người chấm nghiêng về đơn vị: 3–1 với A, 0–0 với B)",
			"beats 1 of 2 tied rivals head-to-head (peers preferring it: 3–1 v A, 0–0 v B)"},
		{lang.Msg("fail.min_total", "88.75", "90"), "tổng điểm 88,75 dưới 90", "total 88.75 is below 90"},
		{lang.Msg("fail.min_percent", "89.5", "90"), "đạt 89,5% số điểm được giao, dưới 90%", "89.5% of the attainable maximum is below 90%"},
		{lang.Msg("fail.group_min", "II", "17.5", "18"), "II đạt 17,5 điểm, dưới 18", "II has 17.5 points, below 18"},
		{lang.Msg("fail.max_deductions", "2.5", "2"), "bị trừ 2,5 điểm, quá 2", "2.5 points deducted, more than 2"},
		{lang.Msg("fail.max_consecutive", "flag", "2021, 2020", 2, 2), "đã được flag các năm 2021, 2020 (2 năm liên tiếp; tối đa 2)", "flag in 2021, 2020 (2 years running; at most 2)"},
		{lang.Msg("fail.votes.members", 5, 7, "80%"), "5/7 phiếu của thành viên cụm, cần 80%", "5 votes of 7 members, 80% needed"},
		{lang.Msg("fail.quorum", 4, 7, "2/3"), "không đủ số thành viên dự họp: 4/7, cần 2/3", "no quorum: 4 of 7 present, 2/3 needed"},
		{lang.Msg("fail.no_ballot"), "chưa có kết quả bỏ phiếu", "no ballot recorded"},
		{lang.Msg("award.blocked", 1, "flag"), "chờ phân định trường hợp bằng điểm ở hạng 1 (hình thức flag)", "waiting for the tie at rank 1 to be resolved (tier flag)"},
	} {
		require.Equal(t, tc.vi, tc.m.In(lang.Vietnamese), tc.m.Key)
		require.Equal(t, tc.en, tc.m.In(lang.English), tc.m.Key)
	}
}

func TestKeysAndCheck(t *testing.T) {
	keys := lang.Keys("fail.")
	require.Contains(t, keys, "fail.min_total")
	require.IsIncreasing(t, keys)
	for _, k := range keys {
		require.True(t, lang.Known(k))
	}
	all := lang.Keys("")
	require.Subset(t, all, keys)
	require.Greater(t, len(all), len(keys), "every area, not only fail.")
	require.IsIncreasing(t, all)
	require.Empty(t, lang.Keys("no.such.area."))

	require.NoError(t, lang.Msg("fail.min_total", "88.5", "90").Check())
	require.NoError(t, lang.Msg("fail.floor", "85%").With(lang.Msg("fail.floor.item", "01", "1", "2")).Check())
	for _, tc := range []struct {
		m    lang.Message
		key  string
		what string
	}{
		{lang.Msg("no.such.key"), "no.such.key", "not in the catalogue"},
		{lang.Msg("fail.min_total", "88.5"), "fail.min_total", "no value for {1:n}"},
		{lang.Msg("decision", "A", "B", "total"), "decision", "no value for {p0}"},
		{lang.Msg("fail.floor", "85%").With(lang.Msg("fail.floor.item", "01")), "fail.floor.item", "no value for {1:n}"},
	} {
		err := tc.m.Check()
		var ce *lang.CheckError
		require.ErrorAs(t, err, &ce, tc.key)
		require.Equal(t, tc.key, ce.Key)
		require.Equal(t, tc.what, ce.Problem)
	}
}

// TestExcerpt checks that a hostile value echoed in a problem is cut to a
// readable excerpt, in every language, and that short values are not.
func TestExcerpt(t *testing.T) {
	long := strings.Repeat("A", 1<<20)
	cases := []struct {
		name, arg, want string
	}{
		{"short quoted", `"SCT"`, `"SCT"`},
		{"long quoted", strconv.Quote(long), `"` + strings.Repeat("A", 60) + `…" (1048576 bytes)`},
		{"long quoted with escapes", strconv.Quote(strings.Repeat("é\n", 100)), strconv.Quote(strings.Repeat("é\n", 30)+"…") + " (300 bytes)"},
		{"long plain", long, strings.Repeat("A", 60) + "…"},
		{"plain under the limit", strings.Repeat("B", 500), strings.Repeat("B", 500)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
				got := lang.Msg("problem.text", c.arg).In(tag)
				if got != c.want {
					t.Errorf("%v: got %.200q, want %.200q", tag, got, c.want)
				}
			}
		})
	}
	if got := lang.Quote(long); len(got) > 200 {
		t.Errorf("Quote of 1 MiB is %d bytes", len(got))
	}
}

// TestMessageJSON checks the JSON form of a message: key, args and parts,
// the sentence in both languages at the top level only, and a round trip
// that ignores the texts (the message is its key and values).
func TestMessageJSON(t *testing.T) {
	m := lang.Msg("fail.floor", "0.85").With(lang.Msg("fail.floor.item", "02", "7.5", "10"))
	b, err := json.Marshal(m)
	require.NoError(t, err)
	require.JSONEq(t, `{"key": "fail.floor", "args": ["0.85"],
		"parts": [{"key": "fail.floor.item", "args": ["02", "7.5", "10"]}],
		"vi": "dưới 0,85 số điểm tối đa: 02 đạt 7,5/10",
		"en": "below 0.85 of the maximum: 02 has 7.5 of 10"}`, string(b))

	var back lang.Message
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, m, back)

	// The texts are not read: a message is written from the catalogue.
	require.NoError(t, json.Unmarshal([]byte(`{"key":"fail.no_ballot","vi":"x","en":"y"}`), &back))
	require.Equal(t, lang.Msg("fail.no_ballot"), back)
	require.Equal(t, "no ballot recorded", back.In(lang.English))

	// Inside a struct: omitzero leaves out a zero message; a zero message
	// written anyway is {"key": ""} with no texts.
	type row struct {
		A lang.Message `json:"a,omitzero"`
		B lang.Message `json:"b"`
	}
	b, err = json.Marshal(row{})
	require.NoError(t, err)
	require.JSONEq(t, `{"b": {"key": ""}}`, string(b))
	var r row
	require.NoError(t, json.Unmarshal([]byte(`{"a": null, "b": {"key": "rule", "args": ["total"], "en": "total"}}`), &r))
	require.True(t, r.A.IsZero())
	require.Equal(t, lang.Msg("rule", "total"), r.B)
	require.Error(t, json.Unmarshal([]byte(`{"b": {"key": 3}}`), &r))

	// "<" is written as it is where the writer does not escape HTML, as
	// in a report; json.Marshal escapes it as usual.
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	brief := lang.Msg("decision.brief", "total", "SCT").With(lang.Msg("value.number", "96.35"), lang.Msg("value.number", "94.7"))
	require.NoError(t, enc.Encode(brief))
	require.Contains(t, buf.String(), `"en":"total: 94.7 < 96.35 (SCT)"`)
	b, err = json.Marshal(brief)
	require.NoError(t, err)
	require.Contains(t, string(b), `"en":"total: 94.7 \u003c 96.35 (SCT)"`)
}

// TestSay writes the program's own words from the catalogue: values as
// Msg converts them, in full where a message would quote an excerpt, and
// an unknown key visibly.
func TestSay(t *testing.T) {
	require.Equal(t, "Hạng", lang.Vietnamese.Say("cli.rank"))
	require.Equal(t, "Rank", lang.English.Say("cli.rank"))
	require.Equal(t, "Bảng điểm sha256:ab", lang.Vietnamese.Say("cli.sheet", "sha256:ab"))
	long := strings.Repeat("Sở Công Thương, ", 100) // 1,800 bytes: a long list of names
	require.Equal(t, "Sheet "+long, lang.English.Say("cli.sheet", long), "a composed value is written in full")
	require.NotContains(t, lang.Msg("cli.sheet", long).In(lang.English), long, "a message quotes an excerpt")
	require.Equal(t, "‹no.such.key›(1)", lang.English.Say("no.such.key", 1))
	require.Equal(t, "A, B và C", lang.Vietnamese.Join([]string{"A", "B", "C"}))
	require.Equal(t, "A and B", lang.English.Join([]string{"A", "B"}))
}
