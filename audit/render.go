package audit

import (
	"bufio"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/thidua/thidua/internal/markdown"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
)

// Format is an output format of reports.
type Format string

// The report formats.
const (
	Markdown Format = "md"   // for reading and for pasting into documents
	JSON     Format = "json" // schema thidua/audit/v2; numbers as strings
	HTML     Format = "html" // a self-contained page: inline CSS, no network
)

// ParseFormat reads "md" (or "markdown"), "json" or "html".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "md", "markdown":
		return Markdown, nil
	case "json":
		return JSON, nil
	case "html":
		return HTML, nil
	}
	return "", fmt.Errorf("unknown report format %q (expected md, json or html)", s)
}

// Write writes the report in the given format, in English (as it always
// has). WriteIn writes it in a language.
func (r Report) Write(w io.Writer, f Format) error { return r.WriteIn(w, f, lang.English) }

// WriteIn writes the report in the given format and language: titles,
// column heads, severities, kinds, statuses, the verdict and the findings'
// sentences in Vietnamese or English, numbers with a decimal comma in
// Vietnamese. JSON is the same in every language: its sentences are
// messages any reader writes in the language it wants.
func (r Report) WriteIn(w io.Writer, f Format, t lang.Tag) error {
	switch f {
	case JSON:
		return r.WriteJSON(w)
	case HTML:
		return r.writeHTML(w, t)
	case Markdown:
		return r.writeMarkdown(w, t)
	}
	return fmt.Errorf("unknown report format %q", f)
}

// WriteJSON writes the report as indented JSON (schema thidua/audit/v2).
// Every number is a JSON string, so that no digit is lost.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// WriteMarkdown writes the report as Markdown, in English: the verdict, the
// inputs with their hashes, the findings and the member-by-member
// comparison. WriteIn writes it in a language.
func (r Report) WriteMarkdown(w io.Writer) error { return r.writeMarkdown(w, lang.English) }

func (r Report) writeMarkdown(w io.Writer, t lang.Tag) error {
	bw := bufio.NewWriter(w)
	r.view(t).markdown(bw, "#", true)
	return bw.Flush()
}

// view is a report ready to be written in one language: every cell's text.
type view struct {
	L             labels
	Lang          string
	Title         string // the cluster, or the word for it, and the year
	PageTitle     string // the cluster and the year, for the HTML title
	Intro         string
	Clean         bool
	Errors        int
	Verdict       string
	Rulebook      string // "Rulebook caobang-cum2, version 2020.1 (in force …)"
	Inputs        Inputs
	FindingsTitle string
	Findings      []findingView
	Members       []memberView
}

type findingView struct {
	Severity             Severity
	SeverityLabel        string
	Kind                 Kind
	KindLabel            string
	Member, Rule         string
	Recorded, Recomputed string
	Text                 string
	Source               Source
}

type memberView struct {
	Member, Status, StatusLabel    string
	Worst                          Severity
	RecordedRank, RecomputedRank   string
	RecordedTotal, RecomputedTotal string
	RecordedAwards                 string
	RecomputedAwards               string
	DecidedBy                      string
}

func (r Report) view(t lang.Tag) view {
	l := labelsIn(t)
	p := r.people()
	names := p.names
	v := view{L: l, Lang: t.String(), Clean: r.Clean, Errors: r.Counts.Errors, Verdict: p.of(r.Verdict).In(t), Inputs: r.Inputs,
		Intro: t.Say("report.intro")}
	v.Title, v.PageTitle = r.Cluster, r.Cluster
	if v.Title == "" {
		v.Title = l.Cluster
	}
	if r.Year != 0 {
		v.Title += fmt.Sprintf(" — %d", r.Year)
		v.PageTitle += fmt.Sprintf(" — %d", r.Year)
	}
	ri := r.Inputs.Rulebook
	v.Rulebook = t.Say("report.rulebook", ri.ID, ri.Version)
	if ri.InForce != "" {
		v.Rulebook += t.Say("report.in_force", ri.InForce)
	}
	v.FindingsTitle = t.Say("report.findings", errorCount(r.Counts.Errors).In(t), warnings(r.Counts.Warnings).In(t), infos(r.Counts.Infos).In(t))
	for _, f := range r.Findings {
		v.Findings = append(v.Findings, findingView{
			Severity: f.Severity, SeverityLabel: f.Severity.Label(t), Kind: f.Kind, KindLabel: f.Kind.Label(t),
			Member: p.member(f.Member), Rule: ruleOrCriterionIn(f, p, t),
			Recorded: p.value(f.RecordedPhrase, f.Recorded, t), Recomputed: p.value(f.RecomputedPhrase, f.Recomputed, t),
			Text: p.of(f.Message).In(t), Source: f.Source,
		})
	}
	for _, c := range r.Members {
		v.Members = append(v.Members, memberView{
			Member: p.member(c.Member), Status: c.Status, StatusLabel: statusLabel(c.Status, t), Worst: c.Worst,
			RecordedRank: dash(c.RecordedRank), RecomputedRank: dash(c.RecomputedRank),
			RecordedTotal: dash(t.Number(c.RecordedTotal)), RecomputedTotal: dash(t.Number(c.RecomputedTotal)),
			RecordedAwards: awardsText(c.RecordedAwards, names), RecomputedAwards: awardsText(c.RecomputedAwards, names), DecidedBy: p.of(c.DecidedBy).In(t),
		})
	}
	return v
}

var numberRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// people names, in a report for people, what the audit's findings give by
// id, as data does: members by their names ("Sở Xây dựng", not "Sở Xây
// dựng (SXD)" nor "SXD"), award tiers by theirs, an eligibility condition
// by what it requires. The JSON report keeps the ids.
type people struct {
	names      ranking.Names
	members    map[string]string // id → name
	labels     *strings.Replacer // "Sở Xây dựng (SXD)" → "Sở Xây dựng"
	conditions map[string]string // condition id → what it requires
}

// peopleKeys are the audit's sentences that name a condition by its id
// beside what it requires, or a stage by its id, and the report's own
// form of each, which names the condition by what it requires only and
// leaves the stage to the finding's place in the sheet (the report has no
// names for stages).
var peopleKeys = map[string]struct {
	key  string
	args []int // the audit's arguments the report's form takes, in order
}{
	"audit.award.votes":         {"report.award.votes", []int{0, 1, 3}},
	"audit.award.ineligible":    {"report.award.ineligible", []int{0, 1, 3}},
	"audit.award.votes_minutes": {"report.award.votes_minutes", []int{0, 1, 3}},
	"audit.sheet.above_max":     {"report.sheet.above_max", []int{0, 1, 2, 3, 5}},
}

// conditionArgs are the sentences whose arguments 2 and 3 are a
// condition's id and what it requires.
var conditionArgs = map[string]bool{"audit.award.votes": true, "audit.award.ineligible": true, "audit.award.votes_minutes": true}

// memberArgs are the audit's sentences with an argument that is a
// member's id, or ids joined by ", ": the argument's index.
var memberArgs = map[string]int{"audit.decided.unresolved": 0, "audit.award.pending": 2, "audit.value.pending": 0}

func (r Report) people() people {
	p := people{names: r.names(), members: map[string]string{}, conditions: map[string]string{}}
	var labels [][2]string
	for _, c := range r.Members {
		if c.Name != "" && c.Name != c.Member {
			p.members[c.Member] = c.Name
			labels = append(labels, [2]string{c.Name + " (" + c.Member + ")", c.Name})
		}
	}
	// The longest first: a Replacer tries its strings in order.
	slices.SortStableFunc(labels, func(a, b [2]string) int { return cmp.Compare(len(b[0]), len(a[0])) })
	var pairs []string
	for _, l := range labels {
		pairs = append(pairs, l[0], l[1])
	}
	p.labels = strings.NewReplacer(pairs...)
	var walk func(m lang.Message)
	walk = func(m lang.Message) {
		if conditionArgs[m.Key] && len(m.Args) > 3 && m.Args[3] != "" {
			p.conditions[m.Args[2]] = m.Args[3]
		}
		for _, part := range m.Parts {
			walk(part)
		}
	}
	for _, f := range r.Findings {
		walk(f.Message)
	}
	return p
}

// member names a member, or gives its id if the report has no name for it.
func (p people) member(id string) string {
	if n, ok := p.members[id]; ok {
		return n
	}
	return id
}

// of returns a message as a report for people writes it: ranking's ids
// named (ranking.Names.Of), members named where the audit wrote "name
// (id)" or an id (memberArgs), conditions and stages as peopleKeys says, in the
// message and in its parts.
func (p people) of(m lang.Message) lang.Message {
	m = p.names.Of(m)
	if len(m.Args) > 0 {
		args := make([]string, len(m.Args))
		for i, a := range m.Args {
			args[i] = p.labels.Replace(a)
		}
		if i, ok := memberArgs[m.Key]; ok && i < len(args) {
			ids := strings.Split(args[i], ", ")
			for k, id := range ids {
				ids[k] = p.member(id)
			}
			args[i] = strings.Join(ids, ", ")
		}
		m.Args = args
	}
	if pk, ok := peopleKeys[m.Key]; ok && len(m.Args) > slices.Max(pk.args) {
		args := make([]string, len(pk.args))
		for i, a := range pk.args {
			args[i] = m.Args[a]
		}
		m.Key, m.Args = pk.key, args
	}
	if len(m.Parts) > 0 {
		parts := make([]lang.Message, len(m.Parts))
		for i, part := range m.Parts {
			parts[i] = p.of(part)
		}
		m.Parts = parts
	}
	return m
}

// value writes a finding's recorded or recomputed value: its phrase if it
// has one (members and tiers named), a number in the language's form, a
// member or an award tier by its name, anything else (the minutes' words)
// as it is.
func (p people) value(m lang.Message, raw string, t lang.Tag) string {
	switch {
	case !m.IsZero():
		return p.of(m).In(t)
	case numberRE.MatchString(raw):
		return t.Number(raw)
	}
	if n, ok := p.members[raw]; ok {
		return n
	}
	return p.names.Tier(raw)
}

// markdown writes the report with headings starting at level h; members
// says whether to include the comparison table.
func (v view) markdown(w *bufio.Writer, h string, members bool) {
	l := v.L
	fmt.Fprintf(w, "%s %s: %s\n\n", h, l.Audit, md(v.Title))
	switch {
	case v.Clean:
		fmt.Fprintf(w, "**%s:** %s\n\n", l.Clean, md(strings.TrimPrefix(v.Verdict, l.Clean+": ")))
	case v.Errors == 0:
		// warnings only: nothing was found wrong, but something needs a look
		fmt.Fprintf(w, "**%s:** %s\n\n", l.Review, md(v.Verdict))
	default:
		fmt.Fprintf(w, "**%s:** %s\n\n", l.NotClean, md(v.Verdict))
	}
	fmt.Fprintf(w, "| %s | %s | %s |\n|---|---|---|\n", l.Input, l.File, l.Hash)
	fmt.Fprintf(w, "| %s | %s | %s |\n", md(v.Rulebook), md(v.Inputs.Rulebook.File), code(v.Inputs.Rulebook.Hash))
	fmt.Fprintf(w, "| %s | %s | %s |\n", l.Sheet, md(v.Inputs.Sheet.File), code(v.Inputs.Sheet.Hash))
	fmt.Fprintf(w, "| %s | %s | %s |\n\n", l.Recorded, md(v.Inputs.Recorded.File), code(v.Inputs.Recorded.Hash))
	fmt.Fprintf(w, "%s# %s\n\n", h, v.FindingsTitle)
	if len(v.Findings) == 0 {
		fmt.Fprintf(w, "%s\n\n", l.None)
	} else {
		row(w, l.FindingHeads[:])
		for i, f := range v.Findings {
			fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", i+1, f.SeverityLabel, f.KindLabel, md(f.Member), md(f.Rule),
				md(f.Recorded), md(f.Recomputed), md(f.Text), md(f.Source.String()))
		}
		fmt.Fprintln(w)
	}
	if !members || len(v.Members) == 0 {
		return
	}
	fmt.Fprintf(w, "%s# %s\n\n", h, l.Members)
	row(w, l.MemberHeads[:])
	for _, c := range v.Members {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", md(c.Member), md(c.RecordedRank), md(c.RecomputedRank),
			md(c.RecordedTotal), md(c.RecomputedTotal), md(c.RecordedAwards), md(c.RecomputedAwards), md(c.DecidedBy), c.StatusLabel)
	}
	fmt.Fprintln(w)
}

// row writes a Markdown table's head row and its separator.
func row(w *bufio.Writer, heads []string) {
	w.WriteString("| " + strings.Join(heads, " | ") + " |\n|" + strings.Repeat("---|", len(heads)) + "\n")
}

func ruleOrCriterion(f Finding) string {
	switch {
	case f.Rule != "" && f.Criterion != "":
		return f.Rule + " / " + f.Criterion
	case f.Rule != "":
		return f.Rule
	}
	return f.Criterion
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// md escapes text for Markdown (see markdown.Escape): any text that may
// have come from input — a member's name or id, a rule, a file name, a
// sentence quoting them — is written through it, so that it can make no
// link, heading, HTML or extra table column.
func md(s string) string { return markdown.Escape(s) }

// code writes a content hash as a code span; a hash that is not one (a
// Report built by hand) is escaped as text instead.
func code(s string) string {
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == ':' || c == '-' || c == '_') {
			return md(s)
		}
	}
	return "`" + s + "`"
}

//go:embed report.html.tmpl
var htmlTemplate string

var pages = template.Must(template.New("audit").Funcs(template.FuncMap{
	"ordinal": func(i int) int { return i + 1 },
	"slug":    func(s string) string { return strings.ReplaceAll(s, " ", "-") },
	"where": func(s Source) string {
		if s.File == "" {
			return s.String()
		}
		return Source{File: filepath.Base(s.File), Line: s.Line}.String()
	},
}).Parse(htmlTemplate))

// WriteHTML writes the report as a self-contained HTML page in English
// (UTF-8, inline CSS, no scripts, nothing fetched from the network), with
// the findings highlighted by severity. WriteIn writes it in a language;
// the page's lang attribute follows the language.
func (r Report) WriteHTML(w io.Writer) error { return r.writeHTML(w, lang.English) }

func (r Report) writeHTML(w io.Writer, t lang.Tag) error {
	bw := bufio.NewWriter(w)
	if err := pages.ExecuteTemplate(bw, "page", r.view(t)); err != nil {
		return err
	}
	return bw.Flush()
}
