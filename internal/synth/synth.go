// Package synth generates synthetic clusters of any size in the format of
// examples/cum2, for benchmarks and tests at realistic and national scale:
// a rulebook whose criteria follow cum2's eight criteria in turn (pass/fail,
// per occurrence, direct out of 20, direct, tiers, direct, ratio out of 20,
// direct with two assessors for some members), in groups of ten, with
// cum2's two stages (self, then the cluster's mean), bonus and deduction
// items, fact, conditions (the minimum totals scaled to the rulebook's
// maximum), tie-break chain and awards; a score sheet with every member's
// values at both stages, a ballot, deductions and past awards; and an
// uncertainty model in the format of cum2's model.yaml.
//
// Everything is derived from the Config: the same Config gives the same
// cluster, byte for byte.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// Config says what cluster to generate.
type Config struct {
	Members  int    // members of the cluster
	Criteria int    // criteria (leaves), in groups of ten
	Seed     uint64 // drives every value
}

// kind is one of cum2's eight criteria, which the generated ones follow in
// turn.
type kind struct {
	method string // YAML of the method, "" for direct
	max    int64
}

var kinds = []kind{
	{"method: pass_fail", 10},
	{"method: per_occurrence, points_each: 2.5", 10},
	{"", 20},
	{"", 10},
	{"method: tiers, tiers: [{at_least: 12, points: 10}, {at_least: 10, points: 8}, {at_least: 8, points: 5}, {at_least: 0, points: 0}]", 10},
	{"", 10},
	{"method: ratio, target: 100", 20},
	{"", 10},
}

// CriterionID is the id of the i-th criterion (0-based): "001", "002", ….
func CriterionID(i int) string { return fmt.Sprintf("%03d", i+1) }

// GroupID is the id of the g-th group (0-based): "I", "II", … as in cum2.
func GroupID(g int) string { return roman(g + 1) }

// MemberID is the id of the m-th member (0-based): "DV001", ….
func MemberID(m int) string { return fmt.Sprintf("DV%03d", m+1) }

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// maxTotal is the sum of the criteria's maxima.
func (c Config) maxTotal() int64 {
	var t int64
	for i := range c.Criteria {
		t += kinds[i%len(kinds)].max
	}
	return t
}

// RulebookYAML is the rulebook's text: cum2's, with Criteria criteria in
// groups of ten and the minimum totals at 90% and 80% of the maximum.
func RulebookYAML(c Config) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Synthetic rulebook in the format of examples/cum2: %d criteria (internal/synth).\n", c.Criteria)
	fmt.Fprintf(&b, "id: synth-%d\nversion: \"1\"\ntitle: Bảng tiêu chí tổng hợp %d tiêu chí\njurisdiction: Tỉnh mẫu\n", c.Criteria, c.Criteria)
	b.WriteString("in_force: {from: 2020-01-01, to: 2020-12-31}\ncriteria:\n")
	for i := range c.Criteria {
		if i%10 == 0 {
			g := i / 10
			fmt.Fprintf(&b, "  - id: %s\n    name: Nhóm %s\n    children:\n", GroupID(g), GroupID(g))
		}
		k := kinds[i%len(kinds)]
		fmt.Fprintf(&b, "      - {id: \"%s\", name: Tiêu chí %d, max: %d", CriterionID(i), i+1, k.max)
		if k.method != "" {
			b.WriteString(", " + k.method)
		}
		b.WriteString("}\n")
	}
	t := c.maxTotal()
	fmt.Fprintf(&b, `bonus:
  cap: 15
  items:
    - {id: co_tinh, name: Cờ thi đua của UBND tỉnh năm trước, points: 10}
    - {id: co_cp, name: Cờ thi đua của Chính phủ năm trước, points: 15}
deductions:
  cap: 10
  floor: 0
  items:
    - {id: bao_cao_muon, name: Báo cáo chậm so với thời hạn, points: 0.5, max: 5}
    - {id: vang_hop, name: Vắng họp cụm không có lý do, points: 1}
facts:
  - {id: khong_ky_luat, name: Không có tập thể cá nhân bị kỷ luật, default: true}
assessment:
  stages:
    - {id: self, name: Tự chấm}
    - {id: cluster, name: Cụm chấm, aggregate: mean}
  counts: latest
  divergence: {criterion: 3, total: 5}
rounding:
  quotient: {places: 4, mode: half_up}
  criterion: {places: 2, mode: half_up}
  total: {places: 2, mode: half_up}
rank_by: total
votes:
  base: all_members
  quorum: 2/3
eligibility:
  - {id: diem_90, reason: Tổng điểm đạt từ 90%% số điểm tối đa, min_total: %s}
  - {id: san_85, reason: Không có tiêu chí nào dưới 85%% số điểm tối đa, criterion_floor: {share: 85%%}}
  - {id: diem_80, reason: Tổng điểm đạt từ 80%% số điểm tối đa, min_total: %s}
  - {id: ky_luat, reason: Không có tập thể cá nhân bị kỷ luật, fact: khong_ky_luat}
  - {id: phieu_80, reason: Được từ 80%% thành viên cụm bỏ phiếu tán thành, min_votes: {share: 80%%}}
tie_breaks:
  - group: I
  - fewer_deductions
  - more_votes
  - no_award_last_year: flag
awards:
  - {id: flag, name: Cờ thi đua của UBND tỉnh, count: 1, requires: [diem_90, san_85, ky_luat, phieu_80], if_ineligible: next_eligible}
  - {id: merit, name: Bằng khen của Chủ tịch UBND tỉnh, count: 2, requires: [diem_80, ky_luat], if_ineligible: next_eligible}
`, decimal.NewFromInt(t*9).Div(decimal.NewFromInt(10)), decimal.NewFromInt(t*8).Div(decimal.NewFromInt(10)))
	return []byte(b.String())
}

// Rulebook is the parsed RulebookYAML.
func Rulebook(c Config) (*rules.Rulebook, error) {
	return rules.Parse(fmt.Sprintf("synth-%d.yaml", c.Criteria), RulebookYAML(c))
}

// ModelYAML is an uncertainty model in the format of cum2's model.yaml:
// ± 0.5 in steps of 0.25 by default, pass/fail fixed, counts ± 1, ratios
// among three values.
func ModelYAML(c Config) []byte {
	var b strings.Builder
	b.WriteString("default: {range: 0.5, step: 0.25}\ncriteria:\n")
	for i := range c.Criteria {
		switch i % len(kinds) {
		case 0:
			fmt.Fprintf(&b, "  \"%s\": fixed\n", CriterionID(i))
		case 1, 4:
			fmt.Fprintf(&b, "  \"%s\": {range: 1, step: 1}\n", CriterionID(i))
		case 6:
			fmt.Fprintf(&b, "  \"%s\": {values: [{value: 95, weight: 1}, {value: 98, weight: 2}, {value: 100, weight: 1}]}\n", CriterionID(i))
		}
	}
	return []byte(b.String())
}

func clamp(x, lo, hi int64) int64 { return max(lo, min(hi, x)) }

// tenths is n tenths.
func tenths(n int64) decimal.Decimal { return decimal.New(n, -1) }

// Sheet is the cluster's score sheet: every member's values at the self
// and cluster stages (the cluster stage with two assessors for the eighth
// kind of criterion for one member in five), a ballot, some deductions, a
// fact failed by a few members and two past awards. Members differ by a
// quality drawn once; values scatter around it.
func Sheet(c Config) scoring.Sheet {
	r := rand.New(rand.NewPCG(c.Seed, uint64(c.Members)<<32|uint64(c.Criteria)))
	n := c.Members
	sh := scoring.Sheet{Cluster: fmt.Sprintf("Cụm tổng hợp %d × %d", c.Members, c.Criteria), Year: 2020}
	quality := make([]int64, n)
	for m := range n {
		sh.Members = append(sh.Members, scoring.Member{ID: MemberID(m), Name: fmt.Sprintf("Đơn vị %d", m+1)})
		quality[m] = 720 + r.Int64N(271) // per mille of the maximum
	}
	for m, mem := range sh.Members {
		q := quality[m]
		twoAssessors := r.IntN(5) == 0
		for i := range c.Criteria {
			id := CriterionID(i)
			k := i % len(kinds)
			mx := kinds[k].max * 10 // in tenths
			var v, self int64       // in tenths
			switch k {
			case 0: // pass/fail
				if r.Int64N(1000) < q+100 {
					v = 10
				}
				self = 10
			case 1: // activities, 2.5 points each, 4 for full points
				v = clamp(4*q/1000+r.Int64N(3)-1, 0, 5) * 10
				self = clamp(v+10*r.Int64N(2), 0, 50)
			case 4: // reports on time, of 12
				v = clamp(12*q/1000+r.Int64N(3)-1, 0, 12) * 10
				self = clamp(v+10*r.Int64N(2), 0, 120)
			case 6: // files on time, against a target of 100
				v = clamp(q/10+r.Int64N(9)-4, 60, 100) * 10
				self = clamp(v+10*r.Int64N(3), 0, 1000)
			default: // direct, whole or half points
				v = clamp((mx*q/1000/5+r.Int64N(3)-1)*5, 0, mx)
				self = clamp(v+5*r.Int64N(3), 0, mx)
			}
			sh.Scores = append(sh.Scores, scoring.Entry{Member: mem.ID, Criterion: id, Stage: "self", Value: tenths(self)})
			if k == 7 && twoAssessors {
				for a := 1; a <= 2; a++ {
					pv := clamp(v+5*(r.Int64N(3)-1), 0, mx)
					sh.Scores = append(sh.Scores, scoring.Entry{Member: mem.ID, Criterion: id, Stage: "cluster", Assessor: MemberID((m + a) % n), Value: tenths(pv)})
				}
				continue
			}
			sh.Scores = append(sh.Scores, scoring.Entry{Member: mem.ID, Criterion: id, Stage: "cluster", Value: tenths(v)})
		}
		if r.IntN(5) == 0 {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: mem.ID, Item: "bao_cao_muon", Count: 1 + r.IntN(3)})
		}
		if r.IntN(25) == 0 {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: mem.ID, Item: "vang_hop", Count: 1})
		}
		if r.IntN(20) == 0 {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: mem.ID, Fact: "khong_ky_luat", Value: false})
		}
	}
	b := &scoring.Ballot{Entitled: n, Present: n}
	for m, mem := range sh.Members {
		v := clamp(int64(n)*(quality[m]+r.Int64N(201)-100)/1000, 0, int64(n))
		b.Votes = append(b.Votes, scoring.Vote{Member: mem.ID, For: int(v)})
	}
	sh.Ballot = b
	sh.History = append(sh.History, scoring.PastAward{Member: MemberID(r.IntN(n)), Year: 2019, Award: "flag"})
	sh.History = append(sh.History, scoring.PastAward{Member: MemberID(r.IntN(n)), Year: 2019, Award: "merit"})
	return sh
}

// Cluster is the parsed rulebook and the sheet.
func Cluster(c Config) (*rules.Rulebook, scoring.Sheet, error) {
	rb, err := Rulebook(c)
	if err != nil {
		return nil, scoring.Sheet{}, err
	}
	return rb, Sheet(c), nil
}

// Write writes the cluster to dir as rulebook.yaml, scores.csv and
// model.yaml, for the CLI.
func Write(dir string, c Config) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "rulebook.yaml"), RulebookYAML(c), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "model.yaml"), ModelYAML(c), 0o644); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "scores.csv"))
	if err != nil {
		return err
	}
	if err := sheets.WriteCSV(f, Sheet(c)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
