// Package auditgen generates a country's worth of cluster-year folders for
// batch audits (thidua audit --batch) and their benchmark: for each
// province, year and cluster a rulebook, a realistic score sheet of 7–12
// members and the recorded result (biên bản) the cluster published — the
// engine's own result, so that it audits clean — except in a share of
// folders where errors are seeded (a wrong total, swapped ranks, an award to
// an ineligible member, a value above its maximum, …) and a few folders
// that are malformed (a file missing or unreadable).
//
// Everything is derived from the seed: the same Config writes the same
// files. The layout is DIR/pNN/YEAR/cumNN/{rulebook.yaml, scores.csv,
// recorded.csv}.
package auditgen

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// Config says how much to generate.
type Config struct {
	Provinces int    // at most 63 (Vietnam's provinces before 2025)
	Clusters  int    // clusters per province
	Years     int    // consecutive years per cluster
	FirstYear int    // default 2016
	Seed      uint64 // drives every choice
	// ErrorsEvery seeds errors in about one folder in ErrorsEvery (0: 10);
	// MalformedEvery makes one in MalformedEvery malformed (0: 400; -1:
	// none).
	ErrorsEvery    int
	MalformedEvery int
	Workers        int // default 2
}

// Decade is the benchmark's configuration: 63 provinces × 20 clusters × 10
// years = 12,600 cluster-year folders.
var Decade = Config{Provinces: 63, Clusters: 20, Years: 10, FirstYear: 2016, Seed: 1}

// Stats says what was generated.
type Stats struct {
	Clusters  int
	Seeded    int // folders with seeded errors
	Malformed int
	Bytes     int64
	// SeededDirs and MalformedDirs are those folders, relative to the
	// generated folder, with forward slashes, sorted.
	SeededDirs, MalformedDirs []string
}

// Provinces are the 63 provinces and cities, for cluster names.
var Provinces = []string{
	"An Giang", "Bà Rịa – Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
	"Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
	"Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình",
	"Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
	"Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
	"Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang",
	"TP. Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
}

// units are member units a cluster draws from.
var units = [][2]string{
	{"STP", "Sở Tư pháp"}, {"STC", "Sở Tài chính"}, {"SKHDT", "Sở Kế hoạch và Đầu tư"}, {"SNV", "Sở Nội vụ"},
	{"SYT", "Sở Y tế"}, {"SGDDT", "Sở Giáo dục và Đào tạo"}, {"SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"},
	{"SLDTBXH", "Sở Lao động – Thương binh và Xã hội"}, {"STTTT", "Sở Thông tin và Truyền thông"}, {"SNGV", "Sở Ngoại vụ"},
	{"BDT", "Ban Dân tộc"}, {"VPUBND", "Văn phòng UBND tỉnh"}, {"TTT", "Thanh tra tỉnh"}, {"SCT", "Sở Công Thương"},
	{"SXD", "Sở Xây dựng"}, {"SGTVT", "Sở Giao thông Vận tải"}, {"STNMT", "Sở Tài nguyên và Môi trường"},
	{"SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"}, {"SKHCN", "Sở Khoa học và Công nghệ"},
}

// Generate writes the folders under dir (which must exist) and returns
// what it wrote.
func Generate(dir string, cfg Config) (Stats, error) {
	if cfg.FirstYear == 0 {
		cfg.FirstYear = 2016
	}
	if cfg.ErrorsEvery == 0 {
		cfg.ErrorsEvery = 10
	}
	if cfg.MalformedEvery == 0 {
		cfg.MalformedEvery = 400
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.Provinces > len(Provinces) {
		return Stats{}, fmt.Errorf("auditgen: at most %d provinces", len(Provinces))
	}
	g := &generator{cfg: cfg, books: map[[2]int]*book{}}
	type job struct{ p, y, c int }
	jobs := make(chan job)
	var wg sync.WaitGroup
	var firstErr atomic.Value
	for range cfg.Workers {
		wg.Go(func() {
			for j := range jobs {
				if err := g.cluster(dir, j.p, j.y, j.c); err != nil {
					firstErr.CompareAndSwap(nil, err)
				}
			}
		})
	}
	for p := range cfg.Provinces {
		for y := range cfg.Years {
			for c := range cfg.Clusters {
				jobs <- job{p, cfg.FirstYear + y, c}
			}
		}
	}
	close(jobs)
	wg.Wait()
	if err, _ := firstErr.Load().(error); err != nil {
		return Stats{}, err
	}
	slices.Sort(g.seededDirs)
	slices.Sort(g.malformedDirs)
	return Stats{Clusters: int(g.clusters.Load()), Seeded: int(g.seeded.Load()), Malformed: int(g.malformed.Load()), Bytes: g.bytes.Load(),
		SeededDirs: g.seededDirs, MalformedDirs: g.malformedDirs}, nil
}

type generator struct {
	cfg   Config
	mu    sync.Mutex
	books map[[2]int]*book // by province and year

	clusters, seeded, malformed atomic.Int64
	bytes                       atomic.Int64
	dirs                        sync.Mutex
	seededDirs, malformedDirs   []string
}

// book is one province-year's rulebook: its text and parsed form.
type book struct {
	once sync.Once
	text []byte
	rb   *rules.Rulebook
	err  error
	kind int
}

func (g *generator) book(p, y int) *book {
	g.mu.Lock()
	b, ok := g.books[[2]int{p, y}]
	if !ok {
		b = &book{}
		g.books[[2]int{p, y}] = b
	}
	g.mu.Unlock()
	b.once.Do(func() {
		b.kind = p % 3
		b.text = rulebookText(p, y, g.cfg.Seed)
		b.rb, b.err = rules.Parse(fmt.Sprintf("p%02d/%d/rulebook.yaml", p+1, y), b.text)
	})
	return b
}

// rulebookText writes a province-year's rulebook: one of three criteria
// tables (kind p%3) with variations by province and year.
func rulebookText(p, y int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, uint64(p)<<32|uint64(y)))
	var b strings.Builder
	fmt.Fprintf(&b, "# Generated rulebook (illustrative) for the clusters of %s, %d.\n", Provinces[p], y)
	fmt.Fprintf(&b, "id: p%02d-khoi-so-nganh\nversion: \"%d.1\"\ntitle: Bảng chấm điểm thi đua các khối sở, ngành tỉnh %s năm %d\n", p+1, y, Provinces[p], y)
	fmt.Fprintf(&b, "jurisdiction: Tỉnh %s\nin_force: {from: %d-01-01, to: %d-12-31}\n", Provinces[p], y, y)
	b.WriteString("criteria:\n")
	switch p % 3 {
	case 0: // after TP.HCM 2008, like examples/cum2
		b.WriteString(`  - {id: I, name: Tổ chức phong trào thi đua, children: [
      {id: "01", name: Đăng ký thi đua đúng hạn, max: 10, method: pass_fail},
      {id: "02", name: Tham gia hoạt động chung của khối, max: 10, method: per_occurrence, points_each: 2.5},
      {id: "03", name: "Kế hoạch phát động; sơ kết, tổng kết", max: 20}]}
  - {id: II, name: "Kiểm tra, thông tin, báo cáo", children: [
      {id: "04", name: "Kiểm tra, tự kiểm tra", max: 10},
      {id: "05", name: Báo cáo đúng hạn, max: 10, method: tiers, tiers: [{at_least: 12, points: 10}, {at_least: 10, points: 8}, {at_least: 8, points: 5}, {at_least: 0, points: 0}]}]}
  - {id: III, name: Nhân rộng điển hình tiên tiến, children: [{id: "06", name: Xây dựng mô hình, max: 10}]}
  - {id: IV, name: Công tác khen thưởng, children: [
      {id: "07", name: Hồ sơ khen thưởng đúng hạn, max: 20, method: ratio, target: 100},
      {id: "08", name: Phối hợp trong khối, max: 10}]}
`)
	case 1: // a table with a leader-relative criterion and votes converted to points
		b.WriteString(`  - {id: I, name: Thực hiện nhiệm vụ chuyên môn, children: [
      {id: "1.1", name: Chỉ tiêu so với đơn vị dẫn đầu, max: 25, method: relative, target: 100},
      {id: "1.2", name: Chất lượng tham mưu, max: 15},
      {id: "1.3", name: Cải cách hành chính, max: 10}]}
  - {id: II, name: "Công tác thi đua, khen thưởng", children: [
      {id: "2.1", name: Ban hành kế hoạch phát động, max: 10, method: pass_fail},
      {id: "2.2", name: Tổ chức tập huấn, max: 10, method: per_occurrence, points_each: 5},
      {id: "2.3", name: Chất lượng phong trào, max: 10}]}
  - {id: III, name: "Bình xét, suy tôn", children: [{id: "3.1", name: Phiếu bầu quy ra điểm, max: 20, method: votes}]}
`)
	default: // a table with a weighted group
		b.WriteString(`  - {id: A, name: Nhiệm vụ chính trị, weight: 2, children: [
      {id: A1, name: Kết quả chỉ tiêu được giao, max: 15, method: ratio, target: 100},
      {id: A2, name: Chất lượng công việc, max: 15}]}
  - {id: B, name: Công tác thi đua, children: [
      {id: B1, name: Kế hoạch thi đua, max: 10, method: pass_fail},
      {id: B2, name: Báo cáo đúng hạn, max: 10, method: tiers, tiers: [{at_least: 12, points: 10}, {at_least: 9, points: 6}, {at_least: 0, points: 0}]},
      {id: B3, name: Phối hợp trong khối, max: 20}]}
`)
	}
	bonus := 10 + 5*r.IntN(2)
	fmt.Fprintf(&b, `bonus: {cap: %d, items: [{id: co_tinh, name: Cờ thi đua tỉnh năm trước, points: %d}]}
deductions: {cap: 10, floor: 0, items: [{id: bao_cao_muon, name: Báo cáo chậm, points: 0.5, max: 5}, {id: vang_hop, name: Vắng họp không lý do, points: 1}]}
facts: [{id: khong_ky_luat, name: Không có cá nhân bị kỷ luật, default: true}]
assessment: {stages: [{id: self, name: Tự chấm}, {id: cluster, name: Khối chấm}], counts: latest}
`, bonus, bonus)
	fmt.Fprintf(&b, "rounding: {quotient: {places: 4}, criterion: {places: 2}, total: {places: %d}}\n", 1+r.IntN(2))
	fmt.Fprintf(&b, "votes: {base: all_members, quorum: 2/3}\n")
	flagMin := 88 + r.IntN(3)
	fmt.Fprintf(&b, `eligibility:
  - {id: diem_co, reason: Tổng điểm từ %d trở lên, min_total: %d}
  - {id: san, reason: Không tiêu chí nào dưới 70%%, criterion_floor: {share: 70%%}}
  - {id: diem_bk, reason: Tổng điểm từ 80 trở lên, min_total: 80}
  - {id: ky_luat, reason: Không có cá nhân bị kỷ luật, fact: khong_ky_luat}
  - {id: phieu, reason: Từ 80%% thành viên tán thành, min_votes: {share: 80%%}}
`, flagMin, flagMin)
	first := map[int]string{0: "group: I", 1: "group: I", 2: "group: A"}[p%3]
	chain := []string{first, "fewer_deductions", "more_votes"}
	if r.IntN(2) == 0 {
		chain[1], chain[2] = chain[2], chain[1]
	}
	chain = append(chain, "no_award_last_year: flag")
	fmt.Fprintf(&b, "tie_breaks: [%s]\n", strings.Join(chain, ", "))
	merit := "count: 2"
	if r.IntN(3) == 0 {
		merit = "share: 30%"
	}
	fmt.Fprintf(&b, `awards:
  - {id: flag, name: Cờ thi đua của UBND tỉnh, count: 1, requires: [diem_co, san, ky_luat, phieu]}
  - {id: merit, name: Bằng khen của Chủ tịch UBND tỉnh, %s, requires: [diem_bk, ky_luat]}
`, merit)
	return []byte(b.String())
}

// cluster writes one cluster-year folder.
func (g *generator) cluster(dir string, p, y, c int) error {
	bk := g.book(p, y)
	if bk.err != nil {
		return fmt.Errorf("auditgen: generated rulebook is invalid: %w", bk.err)
	}
	r := rand.New(rand.NewPCG(g.cfg.Seed^0x9e3779b97f4a7c15, uint64(p)<<40|uint64(y)<<16|uint64(c)))
	rel := fmt.Sprintf("p%02d/%d/cum%02d", p+1, y, c+1)
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(path, 0o755); err != nil {
		return err
	}
	g.clusters.Add(1)
	sh := g.sheet(r, bk.rb, p, y, c)
	st, err := ranking.Rank(bk.rb, sh)
	if err != nil {
		return fmt.Errorf("auditgen: generated sheet %s does not score: %w", path, err)
	}
	rec := recorded(bk.rb, sh, st)
	rulebook := bk.text
	malformed := g.cfg.MalformedEvery > 0 && r.IntN(g.cfg.MalformedEvery) == 0
	switch {
	case malformed:
		g.malformed.Add(1)
		g.dirs.Lock()
		g.malformedDirs = append(g.malformedDirs, rel)
		g.dirs.Unlock()
		switch r.IntN(3) {
		case 0:
			rec = nil // the recorded result is missing
		case 1:
			rulebook = append(append([]byte(nil), rulebook...), "criteria: [\n"...) // not YAML
		default:
			rec = append(rec, []string{"total", rec[len(rec)-1][1], "", "chín mươi", ""}) // not a number
		}
	case r.IntN(g.cfg.ErrorsEvery) == 0:
		g.seeded.Add(1)
		g.dirs.Lock()
		g.seededDirs = append(g.seededDirs, rel)
		g.dirs.Unlock()
		rec = seedError(r, bk.rb, &sh, st, rec)
	}
	var scores bytes.Buffer
	if err := sheets.WriteCSV(&scores, sh); err != nil {
		return err
	}
	write := func(name string, data []byte) error {
		g.bytes.Add(int64(len(data)))
		return os.WriteFile(filepath.Join(path, name), data, 0o644)
	}
	if err := write("rulebook.yaml", rulebook); err != nil {
		return err
	}
	if err := write("scores.csv", scores.Bytes()); err != nil {
		return err
	}
	if rec == nil {
		return nil
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	if err := w.WriteAll(rec); err != nil {
		return err
	}
	return write("recorded.csv", out.Bytes())
}

func clampInt(x, lo, hi int64) int64 { return max(lo, min(hi, x)) }

// tenths writes a number of tenths as a decimal.
func tenths(n int64) decimal.Decimal { return decimal.New(n, -1) }

// input says how the generator draws a criterion's value, from what the
// engine says the criterion accepts (scoring.PointFunction): the inputs it
// accepts (Domain), what else its points depend on (Depends) and where
// they stop growing (Saturation).
type input int

const (
	onBallot input = iota // the votes in favour: drawn with the ballot, not on the sheet
	scored                // a score between the domain's bounds, in half points
	passFail              // 0 or 1
	counted               // whole occurrences, up to about what reaches the maximum
	measured              // a measured value whose points stop growing at the top breakpoint (reports on time, of 12)
	achieved              // achieved against the member's target (of 100)
)

// criterion is one leaf criterion and how its input is drawn.
type criterion struct {
	id  string
	in  input
	max int64 // the largest value the domain accepts, in tenths (scored)
	top int64 // the value from which the points no longer grow (counted, measured)
}

// inputOf classifies f (see input).
func inputOf(f scoring.PointFunction) input {
	d := f.Domain
	switch {
	case f.Depends == scoring.OnBallot:
		return onBallot
	case f.ReadsTarget: // ratio to the target, or relative to the leader's
		return achieved
	case d.Kind == scoring.Binary:
		return passFail
	case d.Kind == scoring.WholeCounts:
		return counted
	case d.Max != nil:
		return scored
	}
	return measured
}

// criteria describes the rulebook's leaf criteria, in order.
func criteria(rb *rules.Rulebook) []criterion {
	var out []criterion
	for _, nd := range rb.Nodes() {
		if nd.IsGroup() {
			continue
		}
		f, err := scoring.Describe(rb, nd.ID, decimal.Zero)
		if err != nil {
			panic("auditgen: " + err.Error()) // a leaf of the rulebook
		}
		c := criterion{id: nd.ID, in: inputOf(f)}
		if c.in == scored {
			c.max = f.Domain.Max.IntPart() * 10
		}
		if c.in == counted || c.in == measured {
			x, ok := f.Saturation()
			if !ok || !x.IsInt() {
				panic("auditgen: criterion " + nd.ID + " has no whole saturation")
			}
			c.top = x.Num().Int64()
		}
		out = append(out, c)
	}
	return out
}

// sheet draws a cluster's score sheet: 7–12 members, each with a quality
// (in thousandths) that drives its scores, self-assessments a little above
// the cluster's, two assessors on one criterion, some deductions and
// bonuses, a ballot. All arithmetic is on whole numbers of tenths.
func (g *generator) sheet(r *rand.Rand, rb *rules.Rulebook, p, y, c int) scoring.Sheet {
	n := 7 + r.IntN(6)
	pick := r.Perm(len(units))[:n]
	sh := scoring.Sheet{Cluster: fmt.Sprintf("Khối thi đua %d – tỉnh %s", c+1, Provinces[p]), Year: y}
	quality := make([]int64, n)
	for i, u := range pick {
		sh.Members = append(sh.Members, scoring.Member{ID: units[u][0], Name: units[u][1]})
		quality[i] = 720 + r.Int64N(271)
	}
	crits := criteria(rb)
	var multi string // the last criterion scored directly: scored by two assessors
	for _, cr := range crits {
		if cr.in == scored {
			multi = cr.id
		}
	}
	for i, m := range sh.Members {
		q := quality[i]
		for _, cr := range crits {
			if cr.in == onBallot {
				continue
			}
			mx := cr.max
			var v, self int64 // in tenths
			switch cr.in {
			case scored: // whole or half points
				v = clampInt((mx*q/1000/5+r.Int64N(3)-1)*5, 0, mx)
				self = clampInt(v+5*r.Int64N(3), 0, mx)
			case passFail:
				if r.Int64N(1000) < q+80 {
					v = 10
				}
				self = 10
			case counted: // up to twice what reaches the maximum
				v = clampInt(cr.top*q/1000+r.Int64N(3)-1, 0, 2*cr.top) * 10
				self = v + 10*r.Int64N(2)
			case measured: // of top (reports on time, of 12)
				v = clampInt(cr.top*q/1000+r.Int64N(3)-1, 0, cr.top) * 10
				self = clampInt(v+10*r.Int64N(2), 0, cr.top*10)
			default: // achieved against a target of 100
				v = clampInt(q+60+r.Int64N(81)-40, 400, 1300)
				self = v
			}
			if cr.id == multi {
				for k := 1; k <= 2; k++ {
					a := sh.Members[(i+k)%n].ID
					pv := clampInt(v+5*(r.Int64N(3)-1), 0, mx)
					sh.Scores = append(sh.Scores, scoring.Entry{Member: m.ID, Criterion: cr.id, Stage: "cluster", Assessor: a, Value: tenths(pv)})
				}
			} else {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: m.ID, Criterion: cr.id, Stage: "cluster", Value: tenths(v)})
			}
			sh.Scores = append(sh.Scores, scoring.Entry{Member: m.ID, Criterion: cr.id, Stage: "self", Value: tenths(self)})
		}
		if r.IntN(5) == 0 {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: m.ID, Item: "bao_cao_muon", Count: 1 + r.IntN(3)})
		}
		if r.IntN(25) == 0 {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: m.ID, Item: "vang_hop", Count: 1})
		}
		if r.IntN(10) == 0 {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: m.ID, Item: "co_tinh", Count: 1, Note: fmt.Sprintf("Cờ thi đua %d", y-1)})
		}
		if r.IntN(20) == 0 {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: m.ID, Fact: "khong_ky_luat", Value: false})
		}
	}
	present := n
	if r.IntN(5) == 0 {
		present = n - 1
	}
	b := &scoring.Ballot{Entitled: n, Present: present}
	for i, m := range sh.Members {
		v := clampInt(int64(present)*(quality[i]+r.Int64N(201)-100)/1000, 0, int64(present))
		b.Votes = append(b.Votes, scoring.Vote{Member: m.ID, For: int(v)})
	}
	sh.Ballot = b
	sh.History = append(sh.History, scoring.PastAward{Member: sh.Members[r.IntN(n)].ID, Year: y - 1, Award: "flag"})
	return sh
}

// recorded writes the result the cluster would publish: the engine's own.
func recorded(rb *rules.Rulebook, sh scoring.Sheet, st *ranking.Standings) [][]string {
	rows := [][]string{
		{"record", "member", "key", "value", "note"},
		{"cluster", "", "name", sh.Cluster, ""},
		{"cluster", "", "year", strconv.Itoa(sh.Year), ""},
		{"cluster", "", "rulebook", rb.ID(), ""},
		{"cluster", "", "version", rb.Version(), ""},
	}
	roots := rb.Roots()
	nodes := rb.Nodes()
	for _, row := range st.Rows {
		id := row.Member.ID
		rows = append(rows, []string{"member", id, "name", row.Member.Name, ""}, []string{"rank", id, "", strconv.Itoa(row.Rank), ""})
		for _, i := range roots {
			ns, _ := row.Card.Node(nodes[i].ID)
			rows = append(rows, []string{"subtotal", id, ns.ID, ns.Value.String(), ""})
		}
		if b := row.Card.Bonus.Total; !b.IsZero() {
			rows = append(rows, []string{"bonus", id, "", b.String(), ""})
		}
		if d := row.Card.Deductions.Total; !d.IsZero() {
			rows = append(rows, []string{"deductions", id, "", d.String(), ""})
		}
		rows = append(rows, []string{"total", id, "", row.Total.String(), ""})
		for _, a := range row.Awards {
			rows = append(rows, []string{"award", id, a, "", ""})
		}
		rows = append(rows, []string{"votes", id, "for", strconv.Itoa(row.Card.Votes.For), ""})
		if d := row.DecidedBy; d != nil && !d.Unresolved && d.Rule != "total" {
			rows = append(rows, []string{"tiebreak", d.Lower, d.Rule, d.Upper, ""})
		}
	}
	v := st.Rows[0].Card.Votes
	rows = append(rows, []string{"ballot", "", "entitled", strconv.Itoa(v.Entitled), ""}, []string{"ballot", "", "present", strconv.Itoa(v.Present), ""})
	return rows
}

// seedError changes the recorded result (or the score sheet) so that the
// audit finds one kind of error.
func seedError(r *rand.Rand, rb *rules.Rulebook, sh *scoring.Sheet, st *ranking.Standings, rec [][]string) [][]string {
	find := func(kind, member string) int {
		for i, row := range rec {
			if row[0] == kind && (member == "" || row[1] == member) {
				return i
			}
		}
		return -1
	}
	rows := st.Rows
	switch r.IntN(9) {
	case 0: // a total off by one point
		i := find("total", rows[r.IntN(len(rows))].Member.ID)
		d, _ := decimal.NewFromString(rec[i][3])
		rec[i][3] = d.Add(decimal.NewFromInt(1)).String()
	case 1: // two adjacent ranks swapped
		j := 1 + r.IntN(len(rows)-1)
		a, b := find("rank", rows[j-1].Member.ID), find("rank", rows[j].Member.ID)
		rec[a][3], rec[b][3] = rec[b][3], rec[a][3]
	case 2: // a Bằng khen to the last member
		rec = append(rec, []string{"award", rows[len(rows)-1].Member.ID, "merit", "", ""})
	case 3: // a self-assessed score above its criterion's maximum in the sheet
		for i, e := range sh.Scores {
			if f, _ := scoring.Describe(rb, e.Criterion, decimal.Zero); inputOf(f) == scored && e.Stage == "self" {
				sh.Scores[i].Value = f.Domain.Max.Add(decimal.NewFromInt(5))
				break
			}
		}
	case 4: // a member missing from the minutes
		id := rows[len(rows)-1].Member.ID
		out := rec[:0]
		for _, row := range rec {
			if row[1] != id && !(row[0] == "tiebreak" && row[3] == id) {
				out = append(out, row)
			}
		}
		rec = out
	case 5: // a tie-break that is not in the chain
		rec = append(rec, []string{"tiebreak", rows[2].Member.ID, "xếp hạng năm trước", rows[1].Member.ID, ""})
	case 6: // a total with more places than the rulebook rounds to
		i := find("total", rows[0].Member.ID)
		rec[i][3] += "01"
		if !strings.Contains(rec[i][3], ".") {
			rec[i][3] = strings.TrimSuffix(rec[i][3], "01") + ".001"
		}
	case 7: // a subtotal above its group's maximum
		i := find("subtotal", rows[0].Member.ID)
		n, _ := rb.Node(rec[i][2])
		rec[i][3] = n.MaxTotal.Add(decimal.NewFromInt(2)).String()
	default: // the minutes are for another year
		rec[find("cluster", "")+1][3] = strconv.Itoa(sh.Year + 1)
	}
	return rec
}
