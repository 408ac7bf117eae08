package audit_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// want is one expected finding: severity, kind, member, and the rule or
// criterion it names ("" matches anything).
type want struct {
	severity  audit.Severity
	kind      audit.Kind
	member    string
	ruleOrCrt string
	msg       string // a fragment of the message ("" matches anything)
}

func (w want) matches(f audit.Finding) bool {
	return f.Severity == w.severity && f.Kind == w.kind && f.Member == w.member &&
		(w.ruleOrCrt == "" || f.Rule == w.ruleOrCrt || f.Criterion == w.ruleOrCrt) &&
		strings.Contains(f.Text(lang.English), w.msg)
}

// tieSXD are the recorded rows of Sở Xây dựng in tie-broken.csv (94.7,
// like Sở KH&CN).
var tieSXD = [][2]string{
	{`subtotal,SXD,I,"35,5",`, `subtotal,SXD,I,38,`},
	{`subtotal,SXD,II,17,`, `subtotal,SXD,II,"19,5",`},
	{`subtotal,SXD,III,"8,5",`, `subtotal,SXD,III,9,`},
	{`subtotal,SXD,IV,"27,75",`, `subtotal,SXD,IV,"28,2",`},
	{`total,SXD,,"88,75",`, `total,SXD,,"94,7",`},
}

// tieSKHCN are the recorded rows of Sở KH&CN in unresolved-tie.csv (96.35,
// like Sở Công Thương, and 7 votes).
var tieSKHCN = [][2]string{
	{`subtotal,SKHCN,I,"38,5",`, `subtotal,SKHCN,I,39,`},
	{`subtotal,SKHCN,II,19,`, `subtotal,SKHCN,II,"19,5",`},
	{`subtotal,SKHCN,IV,"28,2",`, `subtotal,SKHCN,IV,"28,85",`},
	{`total,SKHCN,,"94,7",`, `total,SKHCN,,"96,35",`},
	{`votes,SKHCN,for,6,`, `votes,SKHCN,for,7,`},
}

// tieTTT are the recorded rows of Thanh tra tỉnh in shared-rank.csv (79.85
// and 3 votes, like Sở NN&PTNT: equal under the whole chain, and eligible
// for no award, so the two share rank 6 quietly).
var tieTTT = [][2]string{
	{`subtotal,TTT,I,22,`, `subtotal,TTT,I,34,`},
	{`subtotal,TTT,II,19,`, `subtotal,TTT,II,13,`},
	{`subtotal,TTT,III,7,`, `subtotal,TTT,III,"7,5",`},
	{`subtotal,TTT,IV,28,`, `subtotal,TTT,IV,"25,35",`},
	{`total,TTT,,76,`, `total,TTT,,"79,85",`},
	{`votes,TTT,for,2,`, `votes,TTT,for,3,`},
}

// TestFindings seeds one error at a time in the reference case (or a
// variant) and checks that the audit reports exactly the findings it
// causes, of severity warning or error, plus any listed infos.
func TestFindings(t *testing.T) {
	withLots := func(t *testing.T) *rules.Rulebook {
		spec := cum2(t).Spec()
		spec.TieBreaks = append(spec.TieBreaks, rules.TieBreak{Kind: rules.DrawingLots})
		rb, err := rules.New(spec)
		if err != nil {
			t.Fatal(err)
		}
		return rb
	}
	cases := []struct {
		name      string
		rulebook  func(*testing.T) *rules.Rulebook // nil: the example's
		sheet     string                           // nil: scores-2020.csv
		sheetEdit [][2]string
		sheetAdd  []string
		recEdit   [][2]string
		recAdd    []string
		recDrop   string // drop recorded lines containing this
		want      []want
	}{
		{name: "the published result audits clean"},
		{name: "a total that is not the sum of its groups → sum and value",
			recEdit: [][2]string{{`total,SXD,,"88,75"`, `total,SXD,,"89,75"`}},
			want: []want{
				{audit.Error, audit.KindSum, "SXD", "total", "parts (I 35.5 + II 17 + III 8.5 + IV 27.75) make 88.75"},
				{audit.Error, audit.KindValue, "SXD", "total", "it is 88.75"},
			}},
		{name: "a group subtotal that is not the sum of its criteria → sum",
			recAdd: []string{"subtotal,SCT,01,10,", "subtotal,SCT,02,10,", "subtotal,SCT,03,18,"},
			want: []want{
				{audit.Error, audit.KindSum, "SCT", "I", "(01 10 + 02 10 + 03 18) add up to 38"},
				{audit.Error, audit.KindValue, "SCT", "03", "it is 19"},
			}},
		{name: "a group subtotal above its maximum → cap",
			recEdit: [][2]string{{`subtotal,SCT,IV,"28,85"`, `subtotal,SCT,IV,31`}},
			want: []want{
				{audit.Error, audit.KindCap, "SCT", "IV", "above its maximum of 30"},
				{audit.Error, audit.KindValue, "SCT", "IV", ""},
				{audit.Error, audit.KindSum, "SCT", "total", ""},
			}},
		{name: "a sheet value above the criterion's maximum → cap, and the row is left out",
			sheetEdit: [][2]string{{"score,TTT,04,9,cluster,,", "score,TTT,04,19,cluster,,"}},
			want:      []want{{audit.Error, audit.KindCap, "TTT", "04", "19 points for criterion 04"}}},
		{name: "a total with more decimal places than the rulebook rounds to → rounding",
			recEdit: [][2]string{{`total,SNNPTNT,,"79,85"`, `total,SNNPTNT,,"79,853"`}},
			want: []want{
				{audit.Error, audit.KindRounding, "SNNPTNT", "total", "more decimal places than the rulebook's rounding (2 places, half_up)"},
				{audit.Error, audit.KindSum, "SNNPTNT", "total", ""},
			}},
		{name: "a criterion rounded down where the rulebook rounds half up → rounding",
			sheetEdit: [][2]string{{`score,STNMT,08,"8,5",cluster,SXD,`, `score,STNMT,08,"8,25",cluster,SXD,`}},
			recEdit:   [][2]string{{`subtotal,STNMT,IV,"26,9"`, `subtotal,STNMT,IV,"26,78"`}, {`total,STNMT,,"86,4"`, `total,STNMT,,"86,28"`}},
			recAdd:    []string{`subtotal,STNMT,08,"8,37",`},
			want:      []want{{audit.Error, audit.KindRounding, "STNMT", "08", "exact 8.375 rounded with 2 places, down"}}},
		{name: "consistent figures that the sheet does not give → value",
			recEdit: [][2]string{{`subtotal,SXD,I,"35,5"`, `subtotal,SXD,I,"36,5"`}, {`total,SXD,,"88,75"`, `total,SXD,,"89,75"`}},
			want: []want{
				{audit.Error, audit.KindValue, "SXD", "I", "it is 35.5"},
				{audit.Error, audit.KindValue, "SXD", "total", "it is 88.75"},
			}},
		{name: "two members' ranks swapped → order",
			recEdit: [][2]string{{"rank,STNMT,,4", "rank,STNMT,,5"}, {"rank,SGTVT,,5", "rank,SGTVT,,4"}},
			want: []want{
				{audit.Error, audit.KindOrder, "STNMT", "", "a higher total cannot rank lower"},
				{audit.Error, audit.KindOrder, "STNMT", "", "place it at rank 4"},
				{audit.Error, audit.KindOrder, "SGTVT", "", "place it at rank 5 (below Sở Tài nguyên và Môi trường (STNMT) by total: 81.75 < 86.4)"},
			}},
		{name: "a tie broken by a rule not in the chain → tiebreak_not_in_chain",
			sheet: "tie-broken.csv", recEdit: tieSXD,
			recAdd: []string{"tiebreak,SXD,số sáng kiến,SKHCN,"},
			want:   []want{{audit.Error, audit.KindTieBreakNotInChain, "SXD", "số sáng kiến", "its chain is total, group I, fewer_deductions, more_votes, no_award_last_year flag"}}},
		{name: "a drawing of lots cited where the chain has none → tiebreak_not_in_chain",
			sheet: "tie-broken.csv", recEdit: tieSXD,
			recAdd: []string{"tiebreak,SXD,lots,SKHCN,bốc thăm"},
			want:   []want{{audit.Error, audit.KindTieBreakNotInChain, "SXD", "lots", ""}}},
		{name: "a tie-break of the chain that is not the one deciding → tiebreak_mismatch",
			sheet: "tie-broken.csv", recEdit: tieSXD,
			recAdd: []string{"tiebreak,SXD,fewer_deductions,SKHCN,"},
			want:   []want{{audit.Warning, audit.KindTieBreakMismatch, "SXD", "fewer_deductions", "separates them first by group I (38.5 v 38)"}}},
		{name: "a tie-break cited where the totals differ → tiebreak_mismatch",
			recAdd: []string{"tiebreak,SKHCN,more_votes,SCT,"},
			want:   []want{{audit.Warning, audit.KindTieBreakMismatch, "SKHCN", "more_votes", "no tie-break was needed"}}},
		{name: "the deciding tie-break cited (written group: I) audits clean",
			sheet: "tie-broken.csv", recEdit: tieSXD,
			recAdd: []string{"tiebreak,SXD,group: I,SKHCN,nhiều điểm nhóm I hơn"}},
		{name: "equal totals with different ranks and no reason → unexplained_tie",
			sheet: "tie-broken.csv", recEdit: tieSXD,
			want: []want{{audit.Warning, audit.KindUnexplainedTie, "SXD", "", "same recorded total (94.7) but different ranks (2 and 3)"}}},
		{name: "members sharing a rank, numbered 6 and 7 without a reason → unexplained_tie noted, clean",
			sheet: "shared-rank.csv", recEdit: tieTTT,
			want: []want{{audit.Info, audit.KindUnexplainedTie, "TTT", "", "share the rank under the rulebook; the minutes rank them 6 and 7 without a tie-break, which decides no award"}}},
		{name: "members sharing a rank, both at rank 6 → clean",
			sheet: "shared-rank.csv", recEdit: append(slices.Clone(tieTTT), [2]string{"rank,TTT,,7", "rank,TTT,,6"})},
		{name: "a tie-break cited between members sharing a rank → tiebreak_mismatch noted, clean",
			sheet: "shared-rank.csv", recEdit: tieTTT, recAdd: []string{"tiebreak,TTT,more_votes,SNNPTNT,"},
			want: []want{{audit.Info, audit.KindTieBreakMismatch, "TTT", "more_votes", "they share the rank, and their order decides no award"}}},
		{name: "members sharing a rank, the lower one put above → order, sharing the rank",
			sheet: "shared-rank.csv", recEdit: append(slices.Clone(tieTTT), [2]string{"rank,TTT,,7", "rank,TTT,,5"}, [2]string{"rank,SGTVT,,5", "rank,SGTVT,,7"}),
			want: []want{
				{audit.Error, audit.KindOrder, "TTT", "", "recomputed standings place it at rank 6= (sharing the rank with Sở Nông nghiệp và Phát triển nông thôn (SNNPTNT))"},
				{audit.Error, audit.KindOrder, "SGTVT", "", "a higher total cannot rank lower"},
				{audit.Error, audit.KindOrder, "SGTVT", "", "place it at rank 5"},
				{audit.Info, audit.KindUnexplainedTie, "SNNPTNT", "", "the minutes rank them 5 and 6"},
			}},
		{name: "a tie for the flag, numbered 1 and 2 without a reason → unexplained_tie warning",
			sheet: "unresolved-tie.csv", recEdit: tieSKHCN,
			want: []want{
				{audit.Warning, audit.KindUnexplainedTie, "SKHCN", "", "same recorded total (96.35) but different ranks (1 and 2)"},
				{audit.Info, audit.KindSkipped, "SCT", "flag", "pending an unresolved tie"},
			}},
		{name: "a tie for the flag broken by a rule that finds them equal → tiebreak_mismatch warning",
			sheet: "unresolved-tie.csv", recEdit: tieSKHCN, recAdd: []string{"tiebreak,SKHCN,more_votes,SCT,"},
			want: []want{
				{audit.Warning, audit.KindTieBreakMismatch, "SKHCN", "more_votes", "the tie is unresolved"},
				{audit.Info, audit.KindSkipped, "SCT", "flag", "pending an unresolved tie"},
			}},
		{name: "a tie the chain leaves to lots, drawn at the meeting → informed, clean",
			rulebook: withLots, sheet: "unresolved-tie.csv", recEdit: tieSKHCN,
			recAdd: []string{"tiebreak,SKHCN,lots,SCT,bốc thăm tại hội nghị"},
			want: []want{
				{audit.Info, audit.KindTieBreakMismatch, "SKHCN", "lots", "drawing lots"},
				{audit.Info, audit.KindSkipped, "SCT", "flag", "pending an unresolved tie"},
			}},
		{name: "a Bằng khen to a member below 80 points → award_ineligible, and the eligible member is passed over",
			recEdit: [][2]string{{"award,SXD,merit,Bằng khen của Chủ tịch UBND tỉnh", "award,SNNPTNT,merit,"}},
			want: []want{
				{audit.Error, audit.KindIneligible, "SNNPTNT", "diem_80", "total 79.85 is below 80"},
				{audit.Error, audit.KindSkipped, "SXD", "merit", "in favour of Sở Nông nghiệp và Phát triển nông thôn (SNNPTNT)"},
			}},
		{name: "the flag to a member with a discipline case → award_ineligible",
			sheet: "top-ineligible.csv",
			want: []want{
				{audit.Error, audit.KindIneligible, "SCT", "ky_luat", ""},
				{audit.Error, audit.KindSkipped, "SKHCN", "flag", ""},
				{audit.Error, audit.KindSkipped, "STNMT", "merit", ""},
			}},
		{name: "a third Bằng khen where the rulebook gives two → award_quota",
			recAdd: []string{"award,STNMT,merit,"},
			want:   []want{{audit.Error, audit.KindQuota, "", "merit", "propose 3 members"}}},
		{name: "a member proposed for both the flag and a Bằng khen → award_ineligible and award_quota",
			recAdd: []string{"award,SCT,merit,"},
			want: []want{
				{audit.Error, audit.KindIneligible, "SCT", "merit", "one achievement earns one award"},
				{audit.Error, audit.KindQuota, "", "merit", ""},
			}},
		{name: "the flag with 4 votes of 7 → award_votes",
			sheetEdit: [][2]string{{"votes,SCT,for,7,,,", "votes,SCT,for,4,,,"}},
			recEdit:   [][2]string{{"votes,SCT,for,7,", "votes,SCT,for,4,"}},
			want: []want{
				{audit.Error, audit.KindVotes, "SCT", "phieu_80", "4 votes of 7 members, 80% needed"},
				{audit.Error, audit.KindSkipped, "SKHCN", "flag", ""},
			}},
		{name: "the flag without a quorum by the minutes' own count → award_votes",
			recEdit: [][2]string{{"ballot,,present,7", "ballot,,present,4"}},
			want: []want{
				{audit.Error, audit.KindVotes, "SCT", "phieu_80", "no quorum: 4 of 7 present, 2/3 needed"},
				{audit.Error, audit.KindValue, "", "ballot", "4 members present"},
			}},
		{name: "the flag with 5 votes of 7 by the minutes' own count, 7 in the sheet → value and award_votes",
			recEdit: [][2]string{{"votes,SCT,for,7,", "votes,SCT,for,5,"}},
			want: []want{
				{audit.Error, audit.KindValue, "SCT", "votes", "5"},
				{audit.Error, audit.KindVotes, "SCT", "phieu_80", "5 votes of 7 members, 80% needed"},
			}},
		{name: "the flag to a member the sheet does not have, without the votes by the minutes' count → award_votes",
			recAdd: []string{"member,SYT,name,Sở Y tế", "rank,SYT,,8", "total,SYT,,70", "award,SYT,flag,", "votes,SYT,for,4,"},
			want: []want{
				{audit.Error, audit.KindMissingFromSheet, "SYT", "", "Sở Y tế (SYT)"},
				{audit.Error, audit.KindQuota, "", "flag", ""},
				{audit.Error, audit.KindVotes, "SYT", "phieu_80", "4 votes of 7 members, 80% needed"},
			}},
		{name: "a Bằng khen to a lower member instead of an eligible one → award_skipped",
			recEdit: [][2]string{{"award,SXD,merit,Bằng khen của Chủ tịch UBND tỉnh", "award,STNMT,merit,"}},
			want:    []want{{audit.Error, audit.KindSkipped, "SXD", "merit", "passed over for it in favour of Sở Tài nguyên và Môi trường (STNMT), at recomputed rank 4"}}},
		{name: "a Bằng khen left unused → award_skipped warning",
			recEdit: [][2]string{{"award,SXD,merit,Bằng khen của Chủ tịch UBND tỉnh,\n", ""}},
			want:    []want{{audit.Warning, audit.KindSkipped, "SXD", "merit", "the place is left unused"}}},
		{name: "a member the sheet does not have → missing_from_sheet",
			recAdd: []string{"member,SYT,name,Sở Y tế", "rank,SYT,,8", "total,SYT,,70"},
			want:   []want{{audit.Error, audit.KindMissingFromSheet, "SYT", "", "Sở Y tế (SYT)"}}},
		{name: "a member left out of the minutes → missing_from_recorded",
			recDrop: ",TTT,",
			want:    []want{{audit.Warning, audit.KindMissingFromRecorded, "TTT", "", "Thanh tra tỉnh (TTT)"}}},
		{name: "a score for a criterion the rulebook does not have → unknown_criterion",
			sheetAdd: []string{"score,SCT,09,5,cluster,,"},
			want:     []want{{audit.Error, audit.KindUnknownCriterion, "SCT", "09", "left this row out"}}},
		{name: "a subtotal for a group the rulebook does not have → unknown_criterion",
			recAdd: []string{"subtotal,SCT,V,5,"},
			want:   []want{{audit.Error, audit.KindUnknownCriterion, "SCT", "V", ""}}},
		{name: "an award tier the rulebook does not have → unknown_award",
			recAdd: []string{"award,STNMT,giay_khen,Giấy khen"},
			want:   []want{{audit.Error, audit.KindUnknownAward, "STNMT", "giay_khen", ""}}},
		{name: "a sheet for a year the rulebook is not in force → not_in_force, and recomputed all the same",
			sheetEdit: [][2]string{{"cluster,,year,2020", "cluster,,year,2021"}},
			recEdit:   [][2]string{{"cluster,,year,2020", "cluster,,year,2021"}},
			want:      []want{{audit.Error, audit.KindNotInForce, "", "", "The score sheet is for 2021"}}},
		{name: "minutes for another year → not_in_force and identity",
			recEdit: [][2]string{{"cluster,,year,2020", "cluster,,year,2021"}},
			want: []want{
				{audit.Error, audit.KindNotInForce, "", "", "The minutes are for 2021"},
				{audit.Warning, audit.KindIdentity, "", "year", ""},
			}},
		{name: "a member whose scores are all refused is left out of the recomputation",
			sheetEdit: [][2]string{{"score,TTT,04,9,self,,", "score,TTT,04,19,self,,"}, {"score,TTT,04,9,cluster,,", "score,TTT,04,19,cluster,,"}},
			want: []want{
				{audit.Error, audit.KindCap, "TTT", "04", ""},
				{audit.Error, audit.KindCap, "TTT", "04", ""},
				{audit.Error, audit.KindSheet, "TTT", "04", "left Thanh tra tỉnh (TTT) out altogether"},
				{audit.Info, audit.KindExcluded, "TTT", "", ""},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rb := cum2(t)
			if c.rulebook != nil {
				rb = c.rulebook(t)
			}
			sheetName := "scores-2020.csv"
			if c.sheet != "" {
				sheetName = c.sheet
			}
			sh := sheetOf(t, sheetName, edit(t, readFile(t, example(sheetName)), c.sheetEdit, c.sheetAdd...))
			recText := edit(t, readFile(t, example("recorded-2020.csv")), c.recEdit, c.recAdd...)
			if c.recDrop != "" {
				var keep []string
				for _, l := range strings.SplitAfter(recText, "\n") {
					if !strings.Contains(l, c.recDrop) {
						keep = append(keep, l)
					}
				}
				recText = strings.Join(keep, "")
			}
			r := auditOf(t, rb, sh, recordedOf(t, "recorded.csv", recText))
			for _, f := range r.Findings {
				checkFindingText(t, f)
			}
			used := make([]bool, len(r.Findings))
			for _, w := range c.want {
				i := slices.IndexFunc(r.Findings, func(f audit.Finding) bool { return w.matches(f) })
				for i >= 0 && used[i] {
					j := slices.IndexFunc(r.Findings[i+1:], func(f audit.Finding) bool { return w.matches(f) })
					if j < 0 {
						i = -1
						break
					}
					i += 1 + j
				}
				if i < 0 {
					t.Errorf("missing %s %s finding for %q (%s, %q); got:\n%s", w.severity, w.kind, w.member, w.ruleOrCrt, w.msg, findingsText(r))
					continue
				}
				used[i] = true
			}
			for i, f := range r.Findings {
				if !used[i] {
					t.Errorf("unexpected finding: %s %s %s: %s", f.Severity, f.Kind, f.Member, f.Message)
				}
			}
			wantClean := !slices.ContainsFunc(c.want, func(w want) bool { return w.severity != audit.Info })
			if r.Clean != wantClean {
				t.Errorf("clean = %v, want %v (%s)", r.Clean, wantClean, r.Verdict)
			}
		})
	}
}

// Every kind belongs to the category the documentation gives it.
func TestKindCategories(t *testing.T) {
	want := map[string][]audit.Kind{
		"arithmetic": {audit.KindSum, audit.KindCap, audit.KindRounding, audit.KindValue},
		"ranking":    {audit.KindOrder, audit.KindTieBreakNotInChain, audit.KindTieBreakMismatch, audit.KindUnexplainedTie},
		"awards":     {audit.KindIneligible, audit.KindQuota, audit.KindVotes, audit.KindSkipped, audit.KindGrade},
		"data": {audit.KindMissingFromSheet, audit.KindMissingFromRecorded, audit.KindUnknownCriterion, audit.KindUnknownAward, audit.KindUnknownGrade,
			audit.KindNotInForce, audit.KindIdentity, audit.KindSheet, audit.KindNotRecomputed, audit.KindExcluded,
			audit.KindRulebookConflict, audit.KindRulebookNotSealed, audit.KindRulebookLate,
			audit.KindRecordTampered, audit.KindRecordRulebook, audit.KindRecordSheet, audit.KindRecordResult, audit.KindRecordKey, audit.KindRecordChecked},
	}
	n := 0
	for cat, ks := range want {
		for _, k := range ks {
			n++
			if got := k.Category(); got != cat {
				t.Errorf("%s is in category %q, want %q", k, got, cat)
			}
		}
	}
	if len(audit.Kinds()) != n {
		t.Errorf("Kinds lists %d kinds, the documentation %d", len(audit.Kinds()), n)
	}
}

// TestClean checks the reference case: the audit says it is clean and
// lists the three inputs' content hashes, the same for CSV and JSON.
func TestClean(t *testing.T) {
	for _, rec := range []string{example("recorded-2020.csv"), "testdata/recorded-2020.json"} {
		t.Run(rec, func(t *testing.T) {
			r, err := audit.AuditFiles(context.Background(), example("rulebook.yaml"), example("scores-2020.csv"), rec)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Clean || len(r.Findings) != 0 || !strings.HasPrefix(r.Verdict.In(lang.English), "Clean:") {
				t.Fatalf("not clean: %s\n%s", r.Verdict, findingsText(r))
			}
			in := r.Inputs
			for what, h := range map[string]string{"rulebook": in.Rulebook.Hash, "sheet": in.Sheet.Hash, "recorded": in.Recorded.Hash} {
				if !strings.HasPrefix(h, "sha256:") || len(h) != len("sha256:")+64 {
					t.Errorf("%s hash %q", what, h)
				}
			}
			if in.Rulebook.Hash != cum2(t).Hash() {
				t.Errorf("rulebook hash %s is not the rulebook's", in.Rulebook.Hash)
			}
			if in.Recorded.File != rec || in.Sheet.File != example("scores-2020.csv") {
				t.Errorf("files %q, %q", in.Recorded.File, in.Sheet.File)
			}
			if len(r.Members) != 7 || r.Members[0].Member != "SCT" || r.Members[0].Status != "ok" {
				t.Errorf("members %+v", r.Members)
			}
		})
	}
	a, _ := audit.Load(example("recorded-2020.csv"))
	b, err := audit.Load("testdata/recorded-2020.json")
	if err != nil {
		t.Fatal(err)
	}
	if a.Hash() != b.Hash() {
		t.Errorf("the CSV and JSON recorded results hash differently: %s, %s", a.Hash(), b.Hash())
	}
}

// TestSheetProblems checks that a sheet that cannot be recomputed at all,
// and rows that cannot be read, are findings rather than failures.
func TestSheetProblems(t *testing.T) {
	rb := cum2(t)
	rec := recordedOf(t, "recorded.csv", readFile(t, example("recorded-2020.csv")))
	t.Run("a sheet without its ballot cannot be recomputed → not_recomputed", func(t *testing.T) {
		text := readFile(t, example("scores-2020.csv"))
		var keep []string
		for _, l := range strings.SplitAfter(text, "\n") {
			if !strings.HasPrefix(l, "ballot") && !strings.HasPrefix(l, "votes") {
				keep = append(keep, l)
			}
		}
		r := auditOf(t, rb, sheetOf(t, "scores.csv", strings.Join(keep, "")), rec)
		for _, f := range r.Findings {
			checkFindingText(t, f)
		}
		if got := kinds(r); !slices.Contains(got, audit.KindNotRecomputed) || !slices.Contains(got, audit.KindSheet) {
			t.Fatalf("kinds %v:\n%s", got, findingsText(r))
		}
		if r.Clean || r.Members[0].Status != "not recomputed" {
			t.Errorf("clean %v, members %+v", r.Clean, r.Members)
		}
	})
	t.Run("an unreadable sheet row is a finding and the rest is recomputed", func(t *testing.T) {
		dir := t.TempDir()
		sheet := dir + "/scores.csv"
		text := edit(t, readFile(t, example("scores-2020.csv")), nil, "score,SCT,06,nine,self,,")
		writeFile(t, sheet, text)
		r, err := audit.AuditFiles(context.Background(), example("rulebook.yaml"), sheet, example("recorded-2020.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if got := kinds(r); !slices.Equal(got, []audit.Kind{audit.KindSheet}) || r.Findings[0].Source.Line != 145 {
			t.Fatalf("kinds %v:\n%s", got, findingsText(r))
		}
	})
	t.Run("a missing file is an error", func(t *testing.T) {
		if _, err := audit.AuditFiles(context.Background(), example("rulebook.yaml"), "testdata/nonexistent.csv", example("recorded-2020.csv")); err == nil {
			t.Error("no error for a missing sheet")
		}
		if _, err := audit.AuditFiles(context.Background(), example("rulebook.yaml"), example("scores-2020.csv"), "testdata/nonexistent.csv"); err == nil {
			t.Error("no error for a missing recorded result")
		}
	})
}

// TestSheetProblemInTheReportsLanguage: a problem the score-sheet reader
// finds is quoted from its own message, so a Vietnamese report states it in
// Vietnamese and an English one exactly as the reader wrote it.
func TestSheetProblemInTheReportsLanguage(t *testing.T) {
	rb := cum2(t)
	sheetText := edit(t, readFile(t, example("scores-2020.csv")), [][2]string{{"score,TTT,01,0,cluster,,", "score,TTT,01,2,cluster,,"}})
	r := auditOf(t, rb, sheetOf(t, "scores.csv", sheetText), recordedOf(t, "recorded.csv", readFile(t, example("recorded-2020.csv"))))
	i := slices.IndexFunc(r.Findings, func(f audit.Finding) bool { return f.Kind == audit.KindSheet })
	if i < 0 {
		t.Fatalf("no sheet finding:\n%s", findingsText(r))
	}
	f := r.Findings[i]
	vi, en := f.Text(lang.Vietnamese), f.Text(lang.English)
	for _, want := range []string{"Bảng điểm có lỗi ở Thanh tra tỉnh (TTT): 01: tiêu chí đạt/không đạt chỉ nhận 1 (đạt) hoặc 0 (không đạt), nhận được 2"} {
		if !strings.Contains(vi, want) {
			t.Errorf("Vietnamese finding %q lacks %q", vi, want)
		}
	}
	if want := "The score sheet has a problem with Thanh tra tỉnh (TTT): 01: pass/fail takes 1 (đạt) or 0 (không đạt), found 2"; !strings.HasPrefix(en, want) {
		t.Errorf("English finding %q does not start with %q", en, want)
	}
}
