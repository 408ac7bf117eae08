package ranking_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
)

// awardBook: one criterion out of 100, a fact defaulting to true, two
// conditions. The tests add the award tiers.
const awardBook = `
criteria:
  - {id: a, name: A, max: 100}
facts:
  - {id: clean, name: No discipline case, default: true}
eligibility:
  - {id: clean, reason: Không có cá nhân bị kỷ luật, fact: clean}
  - {id: t90, reason: Tổng điểm từ 90 trở lên, min_total: 90}
`

// seven members (the size of Cao Bằng's Cụm II), all different.
var seven = map[string]string{"A": "97", "B": "95", "C": "93", "D": "91", "E": "89", "F": "87", "G": "85"}

const (
	flag  = "{id: flag, name: Cờ thi đua, count: 1"
	merit = "{id: merit, name: Bằng khen, count: 2"
)

func award(tier string, quota int, proposed ...string) ranking.Award {
	name := map[string]string{"flag": "Cờ thi đua", "merit": "Bằng khen", "third": "Giấy khen"}[tier]
	if proposed == nil {
		proposed = []string{}
	}
	return ranking.Award{Tier: tier, Name: name, Quota: quota, Proposed: proposed}
}

func skip(member string, failed ...string) ranking.Skip {
	return ranking.Skip{Member: member, Failed: failed}
}

func TestAwards(t *testing.T) {
	tests := []struct {
		name    string
		awards  string            // the awards block's items
		scores  map[string]string // overrides of seven; "" removes
		unclean []string
		want    []ranking.Award
	}{
		{
			name:   "rank 1 gets the flag, ranks 2 and 3 the Bằng khen",
			awards: flag + "}\n  - " + merit + "}",
			want:   []ranking.Award{award("flag", 1, "A"), award("merit", 2, "B", "C")},
		},
		{
			name:    "top scorer ineligible → flag to next; it stays in line for the next tier",
			awards:  flag + ", requires: [clean]}\n  - " + merit + "}",
			unclean: []string{"A"},
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 1, "B")
					a.Skipped = []ranking.Skip{skip("A", "clean")}
					return a
				}(),
				award("merit", 2, "A", "C"),
			},
		},
		{
			name:    "several ineligible in a row are all skipped",
			awards:  flag + ", requires: [clean]}",
			unclean: []string{"A", "B"},
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 1, "C")
					a.Skipped = []ranking.Skip{skip("A", "clean"), skip("B", "clean")}
					return a
				}(),
			},
		},
		{
			name:    "top scorer ineligible with if_ineligible none → the flag is not awarded",
			awards:  flag + ", requires: [clean], if_ineligible: none}\n  - " + merit + "}",
			unclean: []string{"A"},
			// A's place is spent: the Bằng khen go to the next two in rank order.
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 1)
					a.Forfeited = []ranking.Skip{skip("A", "clean")}
					return a
				}(),
				award("merit", 2, "B", "C"),
			},
		},
		{
			name:    "none forfeits only the place in line",
			awards:  "{id: flag, name: Cờ thi đua, count: 2, requires: [clean], if_ineligible: none}",
			unclean: []string{"A"},
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 2, "B")
					a.Forfeited = []ranking.Skip{skip("A", "clean")}
					return a
				}(),
			},
		},
		{
			name:    "a member ineligible for every tier gets nothing",
			awards:  flag + ", requires: [clean]}\n  - " + merit + ", requires: [clean]}",
			unclean: []string{"A"},
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 1, "B")
					a.Skipped = []ranking.Skip{skip("A", "clean")}
					return a
				}(),
				func() ranking.Award {
					a := award("merit", 2, "C", "D")
					a.Skipped = []ranking.Skip{skip("A", "clean")}
					return a
				}(),
			},
		},
		{
			name:    "a skip lists every required condition failed, and only those",
			awards:  flag + ", requires: [clean, t90]}",
			scores:  map[string]string{"A": "89", "B": "88", "C": "", "D": "", "E": "", "F": "", "G": ""},
			unclean: []string{"A"},
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 1)
					a.Skipped = []ranking.Skip{skip("A", "clean", "t90"), skip("B", "t90")}
					return a
				}(),
			},
		},
		{
			name:    "a condition the tier does not require does not stop it",
			awards:  flag + ", requires: [t90]}",
			unclean: []string{"A"},
			want:    []ranking.Award{award("flag", 1, "A")},
		},
		{
			name:   "nobody eligible: nobody proposed",
			awards: "{id: merit, name: Bằng khen, count: 2, requires: [t90]}",
			scores: map[string]string{"A": "50", "B": "40", "C": "", "D": "", "E": "", "F": "", "G": ""},
			want: []ranking.Award{
				func() ranking.Award {
					a := award("merit", 2)
					a.Skipped = []ranking.Skip{skip("A", "t90"), skip("B", "t90")}
					return a
				}(),
			},
		},
		{
			name:   "one award per member: the flag winner is not also proposed for the Bằng khen",
			awards: "{id: flag, name: Cờ thi đua, count: 2}\n  - " + merit + "}",
			want:   []ranking.Award{award("flag", 2, "A", "B"), award("merit", 2, "C", "D")},
		},
		{
			name:   "a quota larger than the cluster proposes everyone",
			awards: "{id: merit, name: Bằng khen, count: 10}",
			want:   []ranking.Award{award("merit", 10, "A", "B", "C", "D", "E", "F", "G")},
		},
		{
			name:   "a share of the cluster is rounded down by default (30% of 7 = 2.1 → 2)",
			awards: "{id: merit, name: Bằng khen, share: 30%}",
			want:   []ranking.Award{award("merit", 2, "A", "B")},
		},
		{
			name:   "a share rounded half up (1/2 of 7 = 3.5 → 4)",
			awards: "{id: merit, name: Bằng khen, share: 1/2, share_rounding: half_up}",
			want:   []ranking.Award{award("merit", 4, "A", "B", "C", "D")},
		},
		{
			name:   "a share rounded up (30% of 7 = 2.1 → 3)",
			awards: "{id: merit, name: Bằng khen, share: 0.3, share_rounding: ceiling}",
			want:   []ranking.Award{award("merit", 3, "A", "B", "C")},
		},
		{
			name:   "a share that rounds down to no place",
			awards: "{id: merit, name: Bằng khen, share: 10%}",
			want:   []ranking.Award{award("merit", 0)}, // 0.7 → 0
		},
		{
			name:   "a share of an exact number of members",
			awards: "{id: merit, name: Bằng khen, share: 3/7}",
			want:   []ranking.Award{award("merit", 3, "A", "B", "C")},
		},

		// ties
		{
			name:   "an unresolved tie straddling the flag's last place → pending, later tiers blocked",
			awards: flag + "}\n  - " + merit + "}",
			scores: map[string]string{"B": "97"},
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 1)
					a.Pending = &ranking.Pending{Places: 1, Candidates: []string{"A", "B"}}
					return a
				}(),
				func() ranking.Award { a := award("merit", 2); a.Blocked = en("flag"); return a }(),
			},
		},
		{
			name:   "a tie that fits within the places is awarded to all",
			awards: "{id: flag, name: Cờ thi đua, count: 2}\n  - " + merit + "}",
			scores: map[string]string{"B": "97"},
			want:   []ranking.Award{award("flag", 2, "A", "B"), award("merit", 2, "C", "D")},
		},
		{
			name:   "proposals before the tie stand; the tie competes for the places left",
			awards: "{id: merit, name: Bằng khen, count: 3}\n  - {id: third, name: Giấy khen, count: 1}",
			scores: map[string]string{"D": "93"}, // C and D tie at rank 3
			want: []ranking.Award{
				func() ranking.Award {
					a := award("merit", 3, "A", "B")
					a.Pending = &ranking.Pending{Places: 1, Candidates: []string{"C", "D"}}
					return a
				}(),
				func() ranking.Award { a := award("third", 1); a.Blocked = en("merit"); return a }(),
			},
		},
		{
			name:   "a three-way tie for two places",
			awards: flag + "}\n  - " + merit + "}",
			scores: map[string]string{"C": "95", "D": "95"}, // B, C, D at rank 2
			want: []ranking.Award{
				award("flag", 1, "A"),
				func() ranking.Award {
					a := award("merit", 2)
					a.Pending = &ranking.Pending{Places: 2, Candidates: []string{"B", "C", "D"}}
					return a
				}(),
			},
		},
		{
			name:   "a tie for the Bằng khen's last place",
			awards: flag + "}\n  - " + merit + "}",
			scores: map[string]string{"E": "93"}, // C and E tie at rank 3, where the Bằng khen's places end
			want: []ranking.Award{
				award("flag", 1, "A"),
				func() ranking.Award {
					a := award("merit", 2, "B")
					a.Pending = &ranking.Pending{Places: 1, Candidates: []string{"C", "E"}}
					return a
				}(),
			},
		},
		{
			name:   "a tie after the last place is not pending",
			awards: flag + "}\n  - " + merit + "}",
			scores: map[string]string{"E": "91"}, // D and E tie at rank 4
			want:   []ranking.Award{award("flag", 1, "A"), award("merit", 2, "B", "C")},
		},
		{
			name:    "with next_eligible only the eligible tied members compete",
			awards:  flag + ", requires: [clean]}\n  - " + merit + "}",
			scores:  map[string]string{"B": "97"},
			unclean: []string{"A"},
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 1, "B")
					a.Skipped = []ranking.Skip{skip("A", "clean")}
					return a
				}(),
				award("merit", 2, "A", "C"),
			},
		},
		{
			name:    "with none an ineligible tied member still competes for the place",
			awards:  flag + ", requires: [clean], if_ineligible: none}\n  - " + merit + "}",
			scores:  map[string]string{"B": "97"},
			unclean: []string{"A"},
			// drawn A first, the flag is forfeited; drawn B first, B gets it
			want: []ranking.Award{
				func() ranking.Award {
					a := award("flag", 1)
					a.Pending = &ranking.Pending{Places: 1, Candidates: []string{"A", "B"}}
					return a
				}(),
				func() ranking.Award { a := award("merit", 2); a.Blocked = en("flag"); return a }(),
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, awardBook+"awards:\n  - "+tc.awards+"\n")
			var sh scoring.Sheet
			for m, v := range seven {
				if o, ok := tc.scores[m]; ok {
					v = o
				}
				if v != "" {
					scores(&sh, m, []string{"a"}, v)
				}
			}
			for _, m := range tc.unclean {
				sh.Facts = append(sh.Facts, scoring.FactValue{Member: m, Fact: "clean", Value: false})
			}
			st := mustRank(t, rb, sh)
			got := append([]ranking.Award(nil), st.Awards...)
			require.Len(t, got, len(tc.want))
			for i := range got {
				if w := tc.want[i].Blocked.In(lang.English); w != "" {
					require.Contains(t, got[i].Blocked.In(lang.English), "tier "+w, "tier %s is blocked by tier %s", got[i].Tier, w)
					got[i].Blocked = tc.want[i].Blocked
				} else {
					require.True(t, got[i].Blocked.IsZero(), "tier %s is not blocked", got[i].Tier)
				}
			}
			if diff := cmp.Diff(tc.want, got, cmpOpts); diff != "" {
				t.Errorf("awards (-want +got):\n%s", diff)
			}
			// each proposed member's row names the tier, and only that one
			awarded := map[string][]string{}
			for _, a := range tc.want {
				for _, m := range a.Proposed {
					awarded[m] = append(awarded[m], a.Tier)
				}
			}
			for _, r := range st.Rows {
				want := awarded[r.Member.ID]
				if want == nil {
					want = []string{}
				}
				require.Equal(t, want, r.Awards, "member %s", r.Member.ID)
				require.LessOrEqual(t, len(r.Awards), 1)
			}
		})
	}
}

func TestNoAwardTiers(t *testing.T) {
	rb := mustRulebook(t, awardBook)
	var sh scoring.Sheet
	scores(&sh, "A", []string{"a"}, "50")
	st := mustRank(t, rb, sh)
	require.Empty(t, st.Awards)
	require.Equal(t, []string{}, st.Rows[0].Awards)
	require.Nil(t, st.Proposed("flag"))
}

func TestProposedReturnsACopy(t *testing.T) {
	rb := mustRulebook(t, awardBook+"awards:\n  - "+flag+"}\n")
	var sh scoring.Sheet
	scores(&sh, "A", []string{"a"}, "50")
	st := mustRank(t, rb, sh)
	p := st.Proposed("flag")
	require.Equal(t, []string{"A"}, p)
	p[0] = "X"
	require.Equal(t, []string{"A"}, st.Proposed("flag"))
}
