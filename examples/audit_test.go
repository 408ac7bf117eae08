package examples_test

import (
	"context"
	"slices"
	"testing"

	"github.com/thidua/thidua/audit"
)

// The published result of Cụm II, 2020 (seed article 002) — ranks 1 SCT,
// 2 SKHCN, 3 SXD, the flag to SCT, Bằng khen to SKHCN and SXD, with the
// illustrative totals of scores-2020.csv — audits clean.
func TestAuditPublished2020(t *testing.T) {
	for _, rec := range []string{"cum2/recorded-2020.csv"} {
		r, err := audit.AuditFiles(context.Background(), "cum2/rulebook.yaml", "cum2/scores-2020.csv", rec)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Clean || len(r.Findings) != 0 {
			t.Fatalf("%s is not clean: %s", rec, r.Verdict)
		}
		var top []string
		for _, m := range r.Members[:3] {
			top = append(top, m.Member+":"+m.RecordedRank+":"+m.RecordedAwards[0])
		}
		if !slices.Equal(top, []string{"SCT:1:flag", "SKHCN:2:merit", "SXD:3:merit"}) {
			t.Errorf("recorded top three %v", top)
		}
	}
}

// recorded-2020-errors.csv, audited against its sheet variant, has at
// least one finding of every kind of the four categories that the brief
// lists, each of the severity the kind carries.
func TestAuditSeededErrors(t *testing.T) {
	r, err := audit.AuditFiles(context.Background(), "cum2/rulebook.yaml", "cum2/recorded-2020-errors-sheet.csv", "cum2/recorded-2020-errors.csv")
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		kind   audit.Kind
		member string
	}
	found := map[audit.Kind][]string{}
	for _, f := range r.Findings {
		found[f.Kind] = append(found[f.Kind], string(f.Severity)+" "+f.Member+" "+f.Rule+f.Criterion)
	}
	want := []struct {
		kind     audit.Kind
		severity audit.Severity
		what     string
	}{
		{audit.KindSum, audit.Error, "a total that is not the sum of its recorded parts (Thanh tra tỉnh)"},
		{audit.KindCap, audit.Error, "a group subtotal above its maximum, and a sheet value above its criterion's maximum"},
		{audit.KindRounding, audit.Error, "more places than the rulebook rounds to, and a value rounded down instead of half up"},
		{audit.KindValue, audit.Error, "recorded figures the sheet does not give"},
		{audit.KindOrder, audit.Error, "Sở GTVT ranked above Sở TN&MT with a lower total"},
		{audit.KindTieBreakNotInChain, audit.Error, "a tie-break the chain does not have"},
		{audit.KindTieBreakMismatch, audit.Warning, "a tie-break cited where the totals differ"},
		{audit.KindUnexplainedTie, audit.Warning, "Sở KH&CN and Sở Xây dựng, equal at 94.7, with no reason"},
		{audit.KindIneligible, audit.Error, "a Bằng khen to Thanh tra tỉnh, below 80 points"},
		{audit.KindQuota, audit.Error, "three Bằng khen where the rulebook gives two"},
		{audit.KindVotes, audit.Error, "the flag with 5 votes of 7"},
		{audit.KindSkipped, audit.Error, "Sở KH&CN passed over for the flag"},
		{audit.KindMissingFromSheet, audit.Error, "Sở Y tế, not in the sheet"},
		{audit.KindMissingFromRecorded, audit.Warning, "Sở NN&PTNT, left out of the minutes"},
		{audit.KindUnknownCriterion, audit.Error, "criterion 09"},
		{audit.KindUnknownAward, audit.Error, "giấy khen"},
		{audit.KindNotInForce, audit.Error, "minutes for 2021 under the 2020 rulebook"},
		{audit.KindIdentity, audit.Warning, "minutes for 2021, sheet for 2020"},
	}
	for _, w := range want {
		fs := found[w.kind]
		if len(fs) == 0 {
			t.Errorf("no %s finding (%s)", w.kind, w.what)
			continue
		}
		ok := false
		for _, f := range fs {
			ok = ok || f[:len(w.severity)] == string(w.severity)
		}
		if !ok {
			t.Errorf("%s findings %v: none of severity %s", w.kind, fs, w.severity)
		}
	}
	// Both seeded rounding errors and both seeded caps are found.
	for _, k := range []key{{audit.KindRounding, "SXD"}, {audit.KindRounding, "STNMT"}, {audit.KindCap, "TTT"}} {
		n := 0
		for _, f := range r.Findings {
			if f.Kind == k.kind && f.Member == k.member {
				n++
			}
		}
		if n == 0 {
			t.Errorf("no %s finding for %s", k.kind, k.member)
		}
	}
	if r.Clean || r.Counts.Errors < 15 {
		t.Errorf("clean %v, counts %+v", r.Clean, r.Counts)
	}
}
