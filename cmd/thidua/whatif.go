package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// The usage of the what-if commands, for main's usage text.
const whatifUsage = `  thidua whatif --rules RULEBOOK --scores SHEET --member ID (--rank K | --award TIER) [--step CRIT=STEP ...] [--format table|json] [--seed N]
  thidua sensitivity --rules RULEBOOK --scores SHEET (--weight NODE | --score MEMBER:CRIT) --from A --to B --step D [--format table|json] [--seed N]
  thidua scenario --rules RULEBOOK --scores SHEET --edits FILE [--format table|json] [--seed N]
`

// stepsFlag collects repeated --step CRIT=STEP.
type stepsFlag struct {
	crit []string
	step []decimal.Decimal
}

func (s *stepsFlag) String() string {
	var parts []string
	for i, c := range s.crit {
		parts = append(parts, c+"="+s.step[i].String())
	}
	return strings.Join(parts, ",")
}

func (s *stepsFlag) Set(v string) error {
	c, st, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(c) == "" {
		return errors.New("expected CRIT=STEP, e.g. 03=0.5")
	}
	d, err := decimal.NewFromString(strings.TrimSpace(strings.Replace(st, ",", ".", 1)))
	if err != nil || !d.IsPositive() {
		return fmt.Errorf("step %q is not a number above zero", st)
	}
	s.crit = append(s.crit, strings.TrimSpace(c))
	s.step = append(s.step, d)
	return nil
}

// decimalFlag is a required decimal flag.
type decimalFlag struct {
	set bool
	v   decimal.Decimal
}

func (d *decimalFlag) String() string {
	if !d.set {
		return ""
	}
	return d.v.String()
}

func (d *decimalFlag) Set(s string) error {
	v, err := decimal.NewFromString(strings.TrimSpace(strings.Replace(s, ",", ".", 1)))
	if err != nil {
		return errors.New("expected a number like 0.5")
	}
	d.set, d.v = true, v
	return nil
}

func usageFor(fs *flag.FlagSet, synopsis string) {
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage:\n  %s\n\n", synopsis)
		fs.PrintDefaults()
	}
}

func rankOptions(seed seedFlag) []ranking.Option {
	if seed.set {
		return []ranking.Option{ranking.WithSeed(seed.v)}
	}
	return nil
}

func checkFormat(cmd, format string, stderr io.Writer) bool {
	if format != "table" && format != "json" {
		fmt.Fprintf(stderr, "thidua %s: --format must be table or json, found %q\n", cmd, format)
		return false
	}
	return true
}

// reportWhatif prints an error from the whatif package: bad requests are
// usage errors (exit 2); problems with the files are bad input (exit 1).
func reportWhatif(cmd string, t lang.Tag, err error, stderr io.Writer) int {
	var we *whatif.Error
	if errors.As(err, &we) && !errors.Is(err, whatif.ErrModel) {
		fmt.Fprintf(stderr, "thidua %s: %s\n", cmd, we.Text(t))
		if errors.Is(err, whatif.ErrTooLarge) {
			return exitBadInput
		}
		return exitUsage
	}
	report(stderr, t, err)
	return exitBadInput
}

func writeJSON(cmd string, v any, stdout, stderr io.Writer) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "thidua %s: %v\n", cmd, err)
		return exitBadInput
	}
	return exitOK
}

func names(st *ranking.Standings) map[string]string {
	out := map[string]string{}
	for _, r := range st.Rows {
		out[r.Member.ID] = r.Member.Name
	}
	return out
}

func tierNames(rb *rules.Rulebook) map[string]string {
	out := map[string]string{}
	for _, a := range rb.Awards() {
		out[a.ID] = a.Name
	}
	return out
}

// checkLang reads --lang; a code other than vi or en is a usage error.
func checkLang(cmd, code string, stderr io.Writer) (lang.Tag, bool) {
	t, err := lang.Parse(code)
	if err != nil {
		fmt.Fprintf(stderr, "thidua %s: --lang must be vi or en, found %q\n", cmd, code)
		return t, false
	}
	return t, true
}

// methodName names a scoring method in the allocation table: in
// Vietnamese from the catalogue, in English by the rulebook's keyword.
func methodName(t lang.Tag, m rules.Method) string {
	if t == lang.English {
		return string(m)
	}
	return lang.MethodName(string(m)).In(t)
}

// obstacleKinds name the kinds of obstacle in Vietnamese.
var obstacleKinds = map[whatif.ObstacleKind]string{
	whatif.ObstacleEligibility: "điều kiện khen thưởng",
	whatif.ObstacleCaps:        "giới hạn điểm tối đa",
	whatif.ObstacleCondition:   "điều kiện về điểm",
}

func obstacleKind(t lang.Tag, k whatif.ObstacleKind) string {
	if n, ok := obstacleKinds[k]; ok && t == lang.Vietnamese {
		return n
	}
	return string(k)
}

// whatifCmd answers "what is the least the member must gain to reach rank K
// or award TIER, and where?".
func whatifCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("whatif", stderr)
	usageFor(fs, "thidua whatif --rules RULEBOOK --scores SHEET --member ID (--rank K | --award TIER) [--step CRIT=STEP ...] [--format table|json] [--seed N] [--lang vi|en]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	mapping := fs.String("mapping", "", mappingHelp)
	member := fs.String("member", "", "the member's `id` (e.g. SXD)")
	rank := fs.Int("rank", 0, "target: rank `K` or better")
	award := fs.String("award", "", "target: award `tier` (or a higher one), e.g. flag")
	format := fs.String("format", "table", "output `format`: table or json")
	langCode := fs.String("lang", "vi", "`language` of the table: vi or en")
	var steps stepsFlag
	fs.Var(&steps, "step", "input step of a criterion, `CRIT=STEP` (repeatable; default: the smallest decimal place the sheet uses)")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"member", member}); !ok {
		return code
	}
	if (*rank == 0) == (*award == "") {
		fmt.Fprintln(stderr, "thidua whatif: give one target: --rank K or --award TIER")
		fs.Usage()
		return exitUsage
	}
	if !checkFormat("whatif", *format, stderr) {
		return exitUsage
	}
	tag, ok := checkLang("whatif", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
	if !ok {
		return exitBadInput
	}
	target := whatif.RankTarget(*rank)
	if *award != "" {
		target = whatif.AwardTarget(*award)
	}
	opts := []whatif.Option{whatif.WithRankOptions(rankOptions(seed)...)}
	for i, c := range steps.crit {
		opts = append(opts, whatif.WithStep(c, steps.step[i]))
	}
	ctx, stop := interruptible()
	defer stop()
	res, err := whatif.Reach(ctx, rb, sh, *member, target, opts...)
	if err != nil {
		return reportWhatif("whatif", tag, err, stderr)
	}
	if *format == "json" {
		return writeJSON("whatif", whatif.NewReachReport(rb, sh, res), stdout, stderr)
	}
	printReach(stdout, tag, rb, sh, res)
	return exitOK
}

func describeTarget(t lang.Tag, rb *rules.Rulebook, target whatif.Target) string {
	if target.Award != "" {
		return fmt.Sprintf(t.Pick("được đề nghị %s (%s) hoặc hình thức khen thưởng cao hơn", "be proposed for %s (%s) or a higher award"), tierNames(rb)[target.Award], target.Award)
	}
	if target.Rank == 1 {
		return t.Pick("xếp hạng nhất", "rank first")
	}
	return fmt.Sprintf(t.Pick("xếp trong %d hạng đầu", "rank in the first %d"), target.Rank)
}

func positionText(t lang.Tag, rb *rules.Rulebook, p whatif.Position) string {
	rank := fmt.Sprint(p.Rank)
	if p.Tied {
		rank += t.Pick(" (bằng điểm)", " (tied)")
	}
	s := fmt.Sprintf(t.Pick("hạng %s, tổng điểm %s", "rank %s, total %s"), rank, t.Decimal(p.Total))
	if !p.Basis.Equal(p.Total) {
		s += fmt.Sprintf(" (%s%%)", t.Decimal(p.Percent))
	}
	tn := tierNames(rb)
	if len(p.Awards) == 0 {
		s += t.Pick(", không được đề nghị khen thưởng", ", no award")
	}
	for _, a := range p.Awards {
		s += ", " + tn[a]
	}
	for _, a := range p.Pending {
		s += ", " + tn[a] + t.Pick(" (chờ phân định bằng điểm)", " pending a tie")
	}
	if len(p.Failed) > 0 {
		s += t.Pick("; chưa đạt ", "; fails ") + strings.Join(p.Failed, ", ")
	}
	return s
}

func printReach(w io.Writer, t lang.Tag, rb *rules.Rulebook, sh scoring.Sheet, res *whatif.Result) {
	lg := wordsIn(t)
	fmt.Fprintf(w, t.Pick("%s (%s) cần tăng bao nhiêu điểm để %s?\n", "What must %s (%s) gain to %s?\n"), res.Member.Name, res.Member.ID, describeTarget(t, rb, res.Target))
	fmt.Fprintf(w, lg.rulebook+"\n"+lg.sheet+"\n\n", rb.ID(), rb.Version(), rb.Hash(), sh.Hash())
	fmt.Fprintf(w, t.Pick("Hiện tại: %s\n", "Now:   %s\n"), positionText(t, rb, res.Before))
	switch {
	case res.AlreadyMet:
		fmt.Fprintln(w, t.Pick("\nĐã đạt: không cần tăng điểm.", "\nAlready there: no gain is needed."))
	case !res.Reachable:
		fmt.Fprintln(w, t.Pick("\nKHÔNG THỂ ĐẠT, dù đơn vị tăng điểm đến đâu:", "\nUNREACHABLE, whatever the member gains:"))
		for _, o := range res.Obstacles {
			tier := ""
			if o.Tier != "" {
				tier = " [" + o.Tier + "]"
			}
			fmt.Fprintf(w, "  - %s%s: %s\n", obstacleKind(t, o.Kind), tier, o.Text(t))
		}
	default:
		fmt.Fprintf(w, t.Pick("Nếu tăng: %s\n", "Then:  %s\n"), positionText(t, rb, res.After))
		fmt.Fprintf(w, t.Pick("\nMức tăng tối thiểu: %s điểm (tổng điểm %s → %s)\n", "\nLeast gain: %s points of total (%s → %s)\n"),
			t.Decimal(res.Gain), t.Decimal(res.Before.Total), t.Decimal(res.After.Total))
		if res.Standings != nil {
			printDecisions(w, t, res)
		}
		fmt.Fprintln(w, t.Pick("\nPhân bổ mức tăng (cách ít công sức nhất: Σ Δ giá trị nhập ÷ thang nhập nhỏ nhất, sau đó ít tiêu chí nhất):",
			"\nWhere it goes (the cheapest allocation: least Σ Δinput ÷ input scale, then fewest criteria):"))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, t.Pick("Tiêu chí\tCách chấm\tGiai đoạn\tGiá trị nhập\tBước\tĐiểm\tĐiểm quy đổi\tCông sức", "Criterion\tMethod\tStage\tInput\tStep\tPoints\tValue\tEffort"))
		for _, a := range res.Allocation {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s → %s\t%s\t%s → %s\t+%s\t%s\n", a.Criterion, methodName(t, a.Method), a.Stage, t.Decimal(a.From), t.Decimal(a.To), t.Decimal(a.Step),
				t.Decimal(a.PointsFrom), t.Decimal(a.PointsTo), t.Decimal(a.ValueTo.Sub(a.ValueFrom)), t.Decimal(a.Effort))
		}
		tw.Flush()
		// The rows are written as the score sheet's CSV records, to be
		// copied into it: their numbers keep the decimal point.
		fmt.Fprintln(w, t.Pick("\nCác dòng bảng điểm thay đổi (record,member,key,value,stage,assessor):", "\nChanged sheet rows (record,member,key,value,stage,assessor):"))
		for _, c := range res.Changes {
			was := t.Pick("dòng mới", "new row")
			if c.Old != nil {
				was = t.Pick("trước đó ", "was ") + c.Old.Value.String()
			}
			fmt.Fprintf(w, "  score,%s,%s,%s,%s,%s   (%s)\n", c.New.Member, c.New.Criterion, c.New.Value, c.New.Stage, c.New.Assessor, was)
		}
		fmt.Fprintf(w, t.Pick("\nĐã kiểm tra lại bằng ranking.Rank; đã xếp hạng thử %d phương án phân bổ.\n", "\nVerified with ranking.Rank; %d candidate allocation(s) ranked.\n"), res.Evaluated)
	}
	if res.AtMaximum != nil {
		fmt.Fprintf(w, t.Pick("Khi mọi tiêu chí đạt tối đa: %s\n", "At every maximum: %s\n"), positionText(t, rb, *res.AtMaximum))
	}
	if len(res.Fixed) > 0 {
		fmt.Fprintln(w, t.Pick("\nGiữ nguyên:", "\nHeld fixed:"))
		for _, f := range res.Fixed {
			fmt.Fprintf(w, "  %s: %s\n", f.Criterion, f.Text(t))
		}
	}
	for _, c := range res.CaveatTexts {
		fmt.Fprintf(w, t.Pick("\nLưu ý: %s\n", "\nCaveat: %s\n"), c.In(t))
	}
}

// printDecisions shows how the member now stands against its neighbours:
// the rule that placed it below the row above, and the row below below it.
func printDecisions(w io.Writer, t lang.Tag, res *whatif.Result) {
	st := res.Standings
	i := slices.IndexFunc(st.Rows, func(r ranking.Row) bool { return r.Member.ID == res.Member.ID })
	if i < 0 {
		return
	}
	if d := st.Rows[i].DecidedBy; d != nil {
		fmt.Fprintln(w, neighbour(t, t.Pick("xếp dưới", "below"), d.Upper, d))
	}
	if i+1 < len(st.Rows) {
		if d := st.Rows[i+1].DecidedBy; d != nil {
			fmt.Fprintln(w, neighbour(t, t.Pick("xếp trên", "above"), st.Rows[i+1].Member.ID, d))
		}
	}
}

// neighbour says by which rule the member is below or above the other
// member: "  above SCT by group I: 39 < 40 (SXD)", "  xếp trên SCT theo
// nhóm I: 39 < 40 (SXD)".
func neighbour(t lang.Tag, where, other string, d *ranking.Decision) string {
	if d.Unresolved {
		return fmt.Sprintf(t.Pick("  bằng điểm với %[2]s, chưa phân định", "  %s %s by UNRESOLVED tie with %s"), where, other, d.Upper)
	}
	return fmt.Sprintf(t.Pick("  %s %s theo %s", "  %s %s by %s"), where, other, d.Brief(t))
}

// sensitivityCmd sweeps a weight or a disputed score over a range and
// reports where the winner or an award changes.
func sensitivityCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sensitivity", stderr)
	usageFor(fs, "thidua sensitivity --rules RULEBOOK --scores SHEET (--weight NODE | --score MEMBER:CRIT) --from A --to B --step D [--format table|json] [--seed N] [--lang vi|en]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	mapping := fs.String("mapping", "", mappingHelp)
	weight := fs.String("weight", "", "vary the weight of this criterion or group (`NODE`)")
	score := fs.String("score", "", "vary this member's score on this criterion (`MEMBER:CRIT`)")
	format := fs.String("format", "table", "output `format`: table or json")
	langCode := fs.String("lang", "vi", "`language` of the table: vi or en")
	var from, to, step decimalFlag
	fs.Var(&from, "from", "first `value` of the range")
	fs.Var(&to, "to", "last `value` of the range")
	fs.Var(&step, "step", "`step` of the range")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}); !ok {
		return code
	}
	if (*weight == "") == (*score == "") {
		fmt.Fprintln(stderr, "thidua sensitivity: give one parameter: --weight NODE or --score MEMBER:CRIT")
		fs.Usage()
		return exitUsage
	}
	for _, f := range []struct {
		name string
		v    *decimalFlag
	}{{"from", &from}, {"to", &to}, {"step", &step}} {
		if !f.v.set {
			fmt.Fprintf(stderr, "thidua sensitivity: --%s is required\n", f.name)
			fs.Usage()
			return exitUsage
		}
	}
	if !checkFormat("sensitivity", *format, stderr) {
		return exitUsage
	}
	tag, ok := checkLang("sensitivity", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	p := whatif.WeightOf(*weight)
	if *score != "" {
		m, c, ok := strings.Cut(*score, ":")
		if !ok || m == "" || c == "" {
			fmt.Fprintf(stderr, "thidua sensitivity: --score must be MEMBER:CRIT, found %q\n", *score)
			return exitUsage
		}
		p = whatif.ScoreOf(m, c)
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
	if !ok {
		return exitBadInput
	}
	ctx, stop := interruptible()
	defer stop()
	res, err := whatif.Sensitivity(ctx, rb, sh, p, whatif.Range{From: from.v, To: to.v, Step: step.v}, whatif.WithRankOptions(rankOptions(seed)...))
	if err != nil {
		return reportWhatif("sensitivity", tag, err, stderr)
	}
	if *format == "json" {
		return writeJSON("sensitivity", whatif.NewSensitivityReport(rb, sh, res), stdout, stderr)
	}
	printSensitivity(stdout, tag, rb, sh, res)
	return exitOK
}

func printSensitivity(w io.Writer, t lang.Tag, rb *rules.Rulebook, sh scoring.Sheet, res *whatif.SensitivityResult) {
	lg := wordsIn(t)
	what := res.Parameter.Text(t)
	if n, ok := rb.Node(res.Parameter.Weight + res.Parameter.Criterion); ok {
		what += " (" + n.Name + ")"
	}
	fmt.Fprintf(w, t.Pick("Độ nhạy của kết quả theo %s, %s (%d giá trị)\n", "Sensitivity of the outcome to the %s, %s (%d values)\n"), what, res.Range.Text(t), len(res.Points))
	fmt.Fprintf(w, lg.rulebook+"\n"+lg.sheet+"\n\n", rb.ID(), rb.Version(), rb.Hash(), sh.Hash())
	now := t.Pick("trọng số", "weight")
	if res.Parameter.Weight == "" {
		now = t.Pick("điểm", "score")
	}
	fmt.Fprintf(w, t.Pick("Kết quả hiện tại (%s %s) — %s\n", "Baseline (%s %s): %s\n"), now, t.Decimal(res.BaselineValue), res.Baseline.Text(t))
	fmt.Fprintln(w, t.Pick("\nNgưỡng thay đổi kết quả (giá trị đầu tiên cho kết quả khác; hai phía của ngưỡng đều đã được xếp hạng thực tế):",
		"\nBreak-even values (the first value at which the outcome differs; both sides ranked by the engine):"))
	if len(res.BreakEvens) == 0 {
		fmt.Fprintln(w, t.Pick("  không có: kết quả không đổi trên cả khoảng khảo sát", "  none: the outcome is the same over the whole range"))
	}
	for _, b := range res.BreakEvens {
		var at string
		switch {
		case !b.Exact:
			at = fmt.Sprintf(t.Pick("giữa %s và %s", "between %s and %s"), t.Decimal(b.Last), t.Decimal(b.Next))
		case !strings.Contains(b.At, "/") && b.Attained:
			at = t.Pick("tại ", "at ") + t.Number(b.At)
		case !strings.Contains(b.At, "/"):
			at = t.Pick("ngay trên ", "just above ") + t.Number(b.At)
		default:
			at = fmt.Sprintf(t.Pick("ngay trên %s (≈ %s, không phải số thập phân hữu hạn)", "just above %s (≈ %s, not a finite decimal)"), b.At, t.Decimal(b.Value))
		}
		fmt.Fprintf(w, t.Pick("  %s:\n    phía dưới (tại %s): %s\n    phía trên (tại %s): %s\n", "  %s:\n    below (at %s): %s\n    above (at %s): %s\n"),
			at, t.Decimal(b.BelowAt), b.Below.Text(t), t.Decimal(b.AboveAt), b.Above.Text(t))
		if note := b.NoteIn(t); note != "" {
			fmt.Fprintf(w, t.Pick("    ghi chú: %s\n", "    note: %s\n"), note)
		}
	}
	fmt.Fprintln(w, t.Pick("\nTrên cả khoảng khảo sát:", "\nOver the range:"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, t.Pick("Giá trị\tKết quả\tTau-b nhỏ nhất\tThứ tự (tại giá trị đầu)", "Values\tOutcome\tLeast tau-b\tOrder (at the first value)"))
	for i := 0; i < len(res.Points); {
		j := i
		minTau := res.Points[i].Tau.TauB
		for j+1 < len(res.Points) && res.Points[j+1].Outcome.Equal(res.Points[i].Outcome) {
			j++
			minTau = decimal.Min(minTau, res.Points[j].Tau.TauB)
		}
		span := t.Decimal(res.Points[i].Value)
		if j > i {
			span += " … " + t.Decimal(res.Points[j].Value)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", span, res.Points[i].Outcome.Text(t), t.Number(minTau.StringFixed(4)), strings.Join(res.Points[i].Order, " > "))
		i = j + 1
	}
	tw.Flush()
	s := res.Stability
	fmt.Fprintf(w, t.Pick("\nĐộ ổn định so với kết quả hiện tại: cùng đơn vị dẫn đầu ở %d/%d giá trị, cùng kết quả ở %d, cùng thứ tự ở %d; tau-b Kendall nhỏ nhất %s (tại %s)\n",
		"\nStability against the baseline: same winner at %d of %d values, same outcome at %d, same order at %d; least Kendall tau-b %s (at %s)\n"),
		s.SameWinner, s.Points, s.SameAwards, s.SameOrder, t.Number(s.MinTauB.StringFixed(4)), t.Decimal(s.MinTauAt))
	for _, n := range res.NoteTexts {
		fmt.Fprintf(w, t.Pick("Ghi chú: %s\n", "Note: %s\n"), n.In(t))
	}
}

// scenarioCmd applies a scenario file of edits to the sheet and reports
// what changes in the standings.
func scenarioCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("scenario", stderr)
	usageFor(fs, "thidua scenario --rules RULEBOOK --scores SHEET --edits FILE [--format table|json] [--seed N] [--lang vi|en]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	mapping := fs.String("mapping", "", mappingHelp)
	edits := fs.String("edits", "", "scenario `file` of edits (YAML or JSON)")
	format := fs.String("format", "table", "output `format`: table or json")
	langCode := fs.String("lang", "vi", "`language` of the table: vi or en")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"edits", edits}); !ok {
		return code
	}
	if !checkFormat("scenario", *format, stderr) {
		return exitUsage
	}
	tag, ok := checkLang("scenario", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
	if !ok {
		return exitBadInput
	}
	sc, err := whatif.LoadScenario(*edits)
	var bad scoring.InputErrors
	if err != nil && !errors.As(err, &bad) {
		report(stderr, tag, err) // not a problem with the edits (no such file)
		return exitBadInput
	}
	after, err := sc.Apply(rb, sh)
	if err != nil || len(bad) > 0 {
		// Report what could not be read and what does not fit the
		// rulebook or the sheet, together, in line order.
		var more scoring.InputErrors
		errors.As(err, &more)
		report(stderr, tag, whatif.MergeProblems(bad, more))
		return exitBadInput
	}
	opts := rankOptions(seed)
	st0, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		report(stderr, tag, err)
		return exitBadInput
	}
	st1, err := ranking.Rank(rb, after, opts...)
	if err != nil {
		fmt.Fprintf(stderr, "thidua scenario: the sheet with the edits of %s is not valid:\n", *edits)
		report(stderr, tag, err)
		return exitBadInput
	}
	diff := whatif.Compare(st0, st1)
	if *format == "json" {
		return writeJSON("scenario", whatif.NewScenarioReport(rb, sh, after, sc, diff), stdout, stderr)
	}
	printScenario(stdout, tag, rb, sc, sh, after, st0, st1, diff)
	return exitOK
}

func printScenario(w io.Writer, t lang.Tag, rb *rules.Rulebook, sc whatif.Scenario, before, after scoring.Sheet, st0, st1 *ranking.Standings, d whatif.Diff) {
	title := sc.Title
	if title == "" {
		title = t.Pick("(không có tên)", "(untitled)")
	}
	fmt.Fprintf(w, t.Pick("Kịch bản: %s\n", "Scenario: %s\n"), title)
	if sc.Note != "" {
		fmt.Fprintf(w, t.Pick("Ghi chú: %s\n", "Note: %s\n"), sc.Note)
	}
	fmt.Fprintf(w, wordsIn(t).rulebook+"\n", rb.ID(), rb.Version(), rb.Hash())
	fmt.Fprintf(w, t.Pick("Bảng điểm %s → %s\n\nCác thay đổi:\n", "Sheet %s → %s\n\nEdits:\n"), before.Hash(), after.Hash())
	for i, e := range sc.Edits {
		fmt.Fprintf(w, "  %d. %s\n", i+1, e.Text(t))
	}
	nm := names(st0)
	for k, v := range names(st1) {
		nm[k] = v
	}
	tn := tierNames(rb)
	fmt.Fprintln(w, t.Pick("\nXếp hạng, trước → sau:", "\nStandings, before → after:"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, t.Pick("Hạng\tĐơn vị\tTổng điểm\tKhen thưởng\tĐiều kiện", "Rank\tMember\tTotal\tAwards\tEligibility"))
	for _, m := range d.Members {
		rank := func(r int, tied bool) string {
			switch {
			case r == 0:
				return "—"
			case tied:
				return strconv.Itoa(r) + "="
			}
			return strconv.Itoa(r)
		}
		rk := rank(m.OldRank, m.OldTied)
		if m.NewRank != m.OldRank || m.NewTied != m.OldTied {
			rk += " → " + rank(m.NewRank, m.NewTied)
		}
		total := t.Decimal(m.OldTotal)
		if !m.NewTotal.Equal(m.OldTotal) || m.NewRank == 0 {
			total += " → " + t.Decimal(m.NewTotal)
			if m.NewRank == 0 {
				total = t.Decimal(m.OldTotal) + t.Pick(" → đưa ra khỏi cụm", " → dropped")
			}
		}
		var aw []string
		for _, g := range m.Gained {
			aw = append(aw, t.Pick("nay được đề nghị ", "gains ")+tn[g])
		}
		for _, l := range m.Lost {
			aw = append(aw, t.Pick("không còn được đề nghị ", "loses ")+tn[l])
		}
		if len(aw) == 0 {
			if r, ok := st1.Row(m.Member); ok && len(r.Awards) > 0 {
				aw = append(aw, t.Pick("vẫn được đề nghị ", "keeps ")+tn[r.Awards[0]])
			} else {
				aw = append(aw, "—")
			}
		}
		var el []string
		for _, f := range m.NowFails {
			el = append(el, t.Pick("nay không đạt ", "now fails ")+f)
		}
		for _, f := range m.NowMeets {
			el = append(el, t.Pick("nay đạt ", "now meets ")+f)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rk, m.Name, total, strings.Join(aw, "; "), strings.Join(el, "; "))
	}
	tw.Flush()
	fmt.Fprintln(w, t.Pick("\nKhen thưởng:", "\nAwards:"))
	for _, a := range d.Awards {
		list := func(ids []string) string {
			if len(ids) == 0 {
				return t.Pick("không có đơn vị", "nobody")
			}
			return strings.Join(mapNames(ids, nm), ", ")
		}
		if !a.Changed() {
			fmt.Fprintf(w, t.Pick("  %s: không thay đổi (%s)\n", "  %s: unchanged (%s)\n"), a.Name, list(a.New))
			continue
		}
		fmt.Fprintf(w, "  %s: %s → %s\n", a.Name, list(a.Old), list(a.New))
		if len(a.NewPending) > 0 {
			fmt.Fprintf(w, t.Pick("    nay chờ phân định trường hợp bằng điểm giữa %s\n", "    now pending an unresolved tie between %s\n"), list(a.NewPending))
		}
		if a.BlockedNow {
			fmt.Fprintln(w, t.Pick("    nay phải chờ phân định trường hợp bằng điểm ở hình thức khen thưởng trên", "    now blocked by an earlier tier's unresolved tie"))
		}
	}
	if len(d.Decisions) > 0 {
		fmt.Fprintln(w, t.Pick("\nCăn cứ xếp hạng thay đổi:", "\nDeciding rule changed:"))
		for _, c := range d.Decisions {
			fmt.Fprintf(w, t.Pick("  %s: trước đây %s; nay %s\n", "  %s: was %s; now %s\n"), nm[c.Member], decisionText(t, c.Old), decisionText(t, c.New))
		}
	}
}

// decisionText says what placed a member below the row above: "below SKHCN
// by total: 88.75 < 94.7", "xếp dưới SKHCN theo tổng điểm: 88,75 < 94,7".
func decisionText(t lang.Tag, d *ranking.Decision) string {
	switch {
	case d == nil:
		return t.Pick("đứng đầu", "first")
	case d.Unresolved:
		return t.Pick("bằng điểm, chưa phân định với ", "tied (unresolved) with ") + d.Upper
	}
	return fmt.Sprintf(t.Pick("xếp dưới %s theo %s: %s < %s", "below %s by %s: %s < %s"), d.Upper, t.Rule(d.Rule),
		valueText(t, d.LowerText, d.LowerValue), valueText(t, d.UpperText, d.UpperValue))
}

// valueText writes a member's value under a rule in the language, or as
// the standings' English text if it has no message.
func valueText(t lang.Tag, m lang.Message, english string) string {
	if m.IsZero() {
		return english
	}
	return m.In(t)
}
