package simulation

import (
	"cmp"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// ChartOptions say how WriteSVGIn and WriteHTMLIn write a chart.
type ChartOptions struct {
	// Lang is the language of the chart's words and numbers: Vietnamese
	// (the zero value, with decimal commas) or English.
	Lang lang.Tag
	// Rulebook is the rulebook the result was run with. It names the
	// award tiers ("Cờ thi đua của UBND tỉnh" rather than "flag") and the
	// grading bands; without it a tier or band is written by its id.
	Rulebook *rules.Rulebook
}

// WriteSVG writes the result as a self-contained SVG chart in English, as
// it always has: one bar per member, split into the probability of each
// rank (rank 1 darkest), with the probability of each award tier beside
// it, and of each grading band (xếp loại) if the rulebook grades. It
// needs no fonts, scripts or network; hovering a segment shows its
// figures. WriteSVGIn writes it in a language, with the tiers named.
func (r *Result) WriteSVG(w io.Writer) error {
	return r.WriteSVGIn(w, ChartOptions{Lang: lang.English})
}

// WriteHTML writes a self-contained HTML page in English with the SVG
// chart and a table of the figures. WriteHTMLIn writes it in a language,
// with the tiers named.
func (r *Result) WriteHTML(w io.Writer) error {
	return r.WriteHTMLIn(w, ChartOptions{Lang: lang.English})
}

// WriteSVGIn writes the chart WriteSVG writes in the options' language
// (Vietnamese by default: "hạng 1", "41,9%"), naming the award tiers by
// the rulebook's names.
func (r *Result) WriteSVGIn(w io.Writer, o ChartOptions) error {
	return svgTemplate.Execute(w, r.chart(o))
}

// WriteHTMLIn writes the page WriteHTML writes in the options' language,
// naming the award tiers by the rulebook's names.
func (r *Result) WriteHTMLIn(w io.Writer, o ChartOptions) error {
	var svg strings.Builder
	if err := r.WriteSVGIn(&svg, o); err != nil {
		return err
	}
	c := r.chart(o)
	c.SVG = template.HTML(svg.String()) // produced by our own template above
	return htmlTemplate.Execute(w, c)
}

type chartData struct {
	Lang       string
	Title, Sub string
	Width      int
	Height     int
	BarX       int // where the bars start
	Top        int // the first bar's y
	AwardHead  string
	AwardHeadX int
	GradeHead  string // above the grading bands' columns, if the rulebook grades
	GradeHeadX int
	Rows       []chartRow
	Legend     []chartLegend
	Tiers      []chartTier
	RankHeads  []string
	Member     string
	SVG        template.HTML
	Partial    bool
}

type chartRow struct {
	Name   string
	Y      int
	Segs   []chartSeg
	Awards []chartCell
	Cells  []string
}

type chartSeg struct {
	X, W  float64
	Y     int
	Color string
	Tip   string
}

// chartTier is an award tier's column beside the bars.
type chartTier struct {
	Name string
	X    int
}

// chartCell is a figure in an award column.
type chartCell struct {
	X    int
	Text string
}

type chartLegend struct {
	X     int
	Color string
	Label string
}

const (
	barWidth = 520
	rowH     = 28
	top      = 96 // the first bar's y
)

// textWidth is a generous estimate of the width of s in pixels at the given
// font size in a sans-serif font: the chart has no fonts to measure with,
// and a column a little too wide is better than text over its neighbour.
func textWidth(s string, size int) int {
	return (utf8.RuneCountInString(s)*size*62 + 99) / 100
}

// ByOdds returns the members ordered for display: by the probability of
// rank 1, then of rank 2, and so on (member id last).
func (r *Result) ByOdds() []MemberOdds {
	out := slices.Clone(r.Members)
	slices.SortStableFunc(out, func(a, b MemberOdds) int {
		for k := range a.Ranks {
			if c := cmp.Compare(b.Ranks[k].Count, a.Ranks[k].Count); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Member.ID, b.Member.ID)
	})
	return out
}

// rankPalette runs from green (rank 1) to red, so that good and bad ranks
// are told apart at a glance; ranks beyond it are grey.
var rankPalette = []string{"#1a9850", "#66bd63", "#a6d96a", "#d9ef8b", "#fee08b", "#fdae61", "#f46d43", "#d73027", "#a50026", "#67001f"}

const beyondColor = "#bbbbbb"

func rankColor(rank int) string {
	if rank-1 < len(rankPalette) {
		return rankPalette[rank-1]
	}
	return beyondColor
}

// pct writes a probability as a percentage with one place, in the
// language's form ("41,9%").
func pct(d decimal.Decimal, t lang.Tag) string {
	return t.Number(d.Mul(decimal.NewFromInt(100)).StringFixed(1)) + "%"
}

func (r *Result) chart(o ChartOptions) chartData {
	t := o.Lang
	n := len(r.Members)
	name := r.Rulebook.Title
	if name == "" {
		name = r.Rulebook.ID
	}
	engine := t.Say("chart.engine.decimal")
	if strings.HasPrefix(r.Engine, "compiled") {
		engine = t.Say("chart.engine.compiled")
	}
	c := chartData{
		Lang:      t.String(),
		Title:     t.Say("chart.title", name, r.Rulebook.Version),
		Sub:       t.Say("chart.sub", r.Completed, r.Seed, engine),
		Partial:   r.Partial,
		Member:    t.Say("chart.member"),
		AwardHead: t.Say("chart.awards"),
		Top:       top,
	}
	if r.Partial {
		c.Sub += " — " + t.Say("chart.partial", r.Completed, r.Scenarios)
	}
	// Room for the longest name left of the bars.
	labelW := 180
	for _, mo := range r.Members {
		labelW = max(labelW, textWidth(mo.Member.Name, 13))
	}
	c.BarX = 16 + labelW + 10
	// One column per award tier right of the bars, as wide as its name.
	x := c.BarX + barWidth + 16
	c.AwardHeadX = x
	for _, id := range r.Tiers {
		tn := id
		if o.Rulebook != nil {
			if a, ok := o.Rulebook.Award(id); ok && a.Name != "" {
				tn = a.Name
			}
		}
		c.Tiers = append(c.Tiers, chartTier{Name: tn, X: x})
		x += max(textWidth(tn, 11), textWidth("100,0%", 13)) + 16
	}
	// Then one column per grading band (xếp loại), as wide as its name,
	// and one for "not graded" if a member may meet no band.
	ungraded := len(r.Members) > 0 && r.Members[0].Ungraded != nil
	if len(r.Grades) > 0 {
		c.GradeHead, c.GradeHeadX = t.Say("chart.grades"), x
		names := make([]string, 0, len(r.Grades)+1)
		for _, id := range r.Grades {
			gn := id
			if o.Rulebook != nil {
				if g, _, ok := o.Rulebook.Grade(id); ok && g.Name != "" {
					gn = g.Name
				}
			}
			names = append(names, gn)
		}
		if ungraded {
			names = append(names, t.Say("chart.ungraded"))
		}
		for _, gn := range names {
			c.Tiers = append(c.Tiers, chartTier{Name: gn, X: x})
			x += max(textWidth(gn, 11), textWidth("100,0%", 13)) + 16
		}
	}
	c.Width = max(x, 16+textWidth(c.Title, 16)+16, 16+textWidth(c.Sub, 13)+16, textWidth(c.AwardHead, 11)+c.AwardHeadX+16, textWidth(c.GradeHead, 11)+c.GradeHeadX+16)
	c.Height = top + n*rowH + 10

	ranks, beyond := n, r.RanksKept > 0
	if beyond {
		ranks = r.RanksKept
	}
	for row, mo := range r.ByOdds() {
		cr := chartRow{Name: mo.Member.Name, Y: top + row*rowH}
		x := float64(c.BarX)
		for k, s := range mo.Ranks {
			p, _ := s.P.Float64() // drawing only
			wdt := p * barWidth
			if s.Count > 0 {
				cr.Segs = append(cr.Segs, chartSeg{X: x, W: wdt, Y: cr.Y, Color: rankColor(k + 1),
					Tip: t.Say("chart.tip", mo.Member.Name, t.Say("chart.rank", k+1), pct(s.P, t), pct(s.Low, t), pct(s.High, t), s.Count)})
			}
			x += wdt
			cr.Cells = append(cr.Cells, pct(s.P, t))
		}
		if s := mo.Beyond; s != nil { // the ranks not kept, in one grey segment
			p, _ := s.P.Float64() // drawing only
			if s.Count > 0 {
				cr.Segs = append(cr.Segs, chartSeg{X: x, W: p * barWidth, Y: cr.Y, Color: beyondColor,
					Tip: t.Say("chart.tip", mo.Member.Name, t.Say("chart.below", r.RanksKept), pct(s.P, t), pct(s.Low, t), pct(s.High, t), s.Count)})
			}
			cr.Cells = append(cr.Cells, pct(s.P, t))
		}
		cols := slices.Concat(mo.Awards, mo.Grades) // the award and band columns, in c.Tiers' order
		if ungraded {
			cols = append(cols, *mo.Ungraded)
		}
		for k, s := range cols {
			cr.Awards = append(cr.Awards, chartCell{X: c.Tiers[k].X, Text: pct(s.P, t)})
			cr.Cells = append(cr.Cells, pct(s.P, t))
		}
		c.Rows = append(c.Rows, cr)
	}
	// The legend: one swatch per rank, each as wide as its label.
	lx := c.BarX
	for k := range min(ranks, len(rankPalette)) {
		label := t.Say("chart.rank", k+1)
		c.Legend = append(c.Legend, chartLegend{X: lx, Color: rankColor(k + 1), Label: label})
		lx += 15 + textWidth(label, 10) + 8
	}
	if beyond {
		c.Legend = append(c.Legend, chartLegend{X: lx, Color: beyondColor, Label: t.Say("chart.below", ranks)})
	}
	for i := range ranks {
		c.RankHeads = append(c.RankHeads, t.Say("chart.rank", i+1))
	}
	if beyond {
		c.RankHeads = append(c.RankHeads, t.Say("chart.rank_beyond", ranks))
	}
	return c
}

// f2 writes a coordinate with two places: a coordinate is SVG's, not a
// number for people, and is written with a point in every language.
func f2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

var funcs = template.FuncMap{"f2": f2, "sub": func(a, b int) int { return a - b }}

var svgTemplate = template.Must(template.New("svg").Funcs(funcs).Parse(`<svg xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" font-family="sans-serif" font-size="13">
<title>{{.Title}}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="16" y="24" font-size="16" font-weight="bold">{{.Title}}</text>
<text x="16" y="44" fill="#555555">{{.Sub}}</text>
{{range .Legend}}<rect x="{{.X}}" y="56" width="12" height="10" fill="{{.Color}}"/><text x="{{.X}}" y="56" dx="15" dy="9" font-size="10">{{.Label}}</text>
{{end}}<text x="{{.AwardHeadX}}" y="66" font-size="11" fill="#555555">{{.AwardHead}}</text>
{{if .GradeHead}}<text x="{{.GradeHeadX}}" y="66" font-size="11" fill="#555555">{{.GradeHead}}</text>
{{end}}{{range .Tiers}}<text x="{{.X}}" y="{{sub $.Top 10}}" font-size="11" font-weight="bold" fill="#333333">{{.Name}}</text>
{{end}}{{range .Rows}}{{$y := .Y}}<g class="member">
<text x="{{sub $.BarX 10}}" y="{{.Y}}" dy="14" text-anchor="end">{{.Name}}</text>
{{range .Segs}}<rect x="{{f2 .X}}" y="{{.Y}}" width="{{f2 .W}}" height="18" fill="{{.Color}}"><title>{{.Tip}}</title></rect>
{{end}}{{range .Awards}}<text x="{{.X}}" y="{{$y}}" dy="14" fill="#333333">{{.Text}}</text>
{{end}}</g>
{{end}}</svg>
`))

var htmlTemplate = template.Must(template.New("html").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin-top:16px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}.partial{color:#b00;font-weight:bold}</style>
</head><body>
{{if .Partial}}<p class="partial">{{.Sub}}</p>{{end}}
{{.SVG}}
<table><thead><tr><th>{{.Member}}</th>{{range .RankHeads}}<th>{{.}}</th>{{end}}{{range .Tiers}}<th>{{.Name}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.Name}}</td>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>
</body></html>
`))
