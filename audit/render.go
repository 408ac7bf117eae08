package audit

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"
)

// Format is an output format of reports.
type Format string

// The report formats.
const (
	Markdown Format = "md"   // for reading and for pasting into documents
	JSON     Format = "json" // schema thidua/audit/v1; numbers as strings
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

// Write writes the report in the given format.
func (r Report) Write(w io.Writer, f Format) error {
	switch f {
	case JSON:
		return r.WriteJSON(w)
	case HTML:
		return r.WriteHTML(w)
	case Markdown:
		return r.WriteMarkdown(w)
	}
	return fmt.Errorf("unknown report format %q", f)
}

// WriteJSON writes the report as indented JSON (schema thidua/audit/v1).
// Every number is a JSON string, so that no digit is lost.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// WriteMarkdown writes the report as Markdown: the verdict, the inputs with
// their hashes, the findings and the member-by-member comparison.
func (r Report) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.markdown(bw, "#", true)
	return bw.Flush()
}

// markdown writes the report with headings starting at level h; members
// says whether to include the comparison table.
func (r Report) markdown(w *bufio.Writer, h string, members bool) {
	title := r.Cluster
	if title == "" {
		title = "Cluster"
	}
	if r.Year != 0 {
		title += fmt.Sprintf(" — %d", r.Year)
	}
	fmt.Fprintf(w, "%s Audit: %s\n\n", h, md(title))
	if r.Clean {
		fmt.Fprintf(w, "**Clean:** %s\n\n", md(strings.TrimPrefix(r.Verdict, "Clean: ")))
	} else {
		fmt.Fprintf(w, "**Not clean:** %s\n\n", md(r.Verdict))
	}
	ri := r.Inputs.Rulebook
	fmt.Fprintf(w, "| Input | File | Content hash |\n|---|---|---|\n")
	rb := fmt.Sprintf("Rulebook %s, version %s", ri.ID, ri.Version)
	if ri.InForce != "" {
		rb += fmt.Sprintf(" (in force %s)", ri.InForce)
	}
	fmt.Fprintf(w, "| %s | %s | `%s` |\n", md(rb), md(ri.File), ri.Hash)
	fmt.Fprintf(w, "| Score sheet | %s | `%s` |\n", md(r.Inputs.Sheet.File), r.Inputs.Sheet.Hash)
	fmt.Fprintf(w, "| Recorded result (biên bản) | %s | `%s` |\n\n", md(r.Inputs.Recorded.File), r.Inputs.Recorded.Hash)
	fmt.Fprintf(w, "%s# Findings: %s, %s, %s\n\n", h, plural(r.Counts.Errors, "error"), plural(r.Counts.Warnings, "warning"), plural(r.Counts.Infos, "info"))
	if len(r.Findings) == 0 {
		fmt.Fprintf(w, "None.\n\n")
	} else {
		fmt.Fprintf(w, "| # | Severity | Kind | Member | Rule / criterion | Recorded | Recomputed | Finding | Where |\n|---|---|---|---|---|---|---|---|---|\n")
		for i, f := range r.Findings {
			fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", i+1, f.Severity, f.Kind, md(f.Member), md(ruleOrCriterion(f)),
				md(f.Recorded), md(f.Recomputed), md(f.Message), md(f.Source.String()))
		}
		fmt.Fprintln(w)
	}
	if !members || len(r.Members) == 0 {
		return
	}
	fmt.Fprintf(w, "%s# Recorded and recomputed, member by member\n\n", h)
	fmt.Fprintf(w, "| Member | Rank (recorded) | Rank (recomputed) | Total (recorded) | Total (recomputed) | Awards (recorded) | Awards (recomputed) | Decided by | Status |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, c := range r.Members {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", md(memberText(c)), dash(c.RecordedRank), dash(c.RecomputedRank),
			dash(c.RecordedTotal), dash(c.RecomputedTotal), awardsText(c.RecordedAwards), awardsText(c.RecomputedAwards), md(c.DecidedBy), c.Status)
	}
	fmt.Fprintln(w)
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

func memberText(c Comparison) string {
	if c.Name == "" || c.Name == c.Member {
		return c.Member
	}
	return c.Name + " (" + c.Member + ")"
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// md escapes text for a Markdown table cell.
func md(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "\r", "", "*", `\*`, "`", "'", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

//go:embed report.html.tmpl
var htmlTemplate string

var pages = template.Must(template.New("audit").Funcs(template.FuncMap{
	"rc":      ruleOrCriterion,
	"member":  memberText,
	"dash":    dash,
	"awards":  awardsText,
	"plural":  plural,
	"ordinal": func(i int) int { return i + 1 },
	"slug":    func(s string) string { return strings.ReplaceAll(s, " ", "-") },
	"where": func(s Source) string {
		if s.File == "" {
			return s.String()
		}
		return Source{File: filepath.Base(s.File), Line: s.Line}.String()
	},
}).Parse(htmlTemplate))

// WriteHTML writes the report as a self-contained HTML page (lang="vi",
// UTF-8, inline CSS, no scripts, nothing fetched from the network), with the
// findings highlighted by severity.
func (r Report) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if err := pages.ExecuteTemplate(bw, "page", r); err != nil {
		return err
	}
	return bw.Flush()
}
