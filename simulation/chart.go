package simulation

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// WriteSVG writes the result as a self-contained SVG chart: one bar per
// member, split into the probability of each rank (rank 1 darkest), with
// the probability of each award tier beside it. It needs no fonts, scripts
// or network; hovering a segment shows its figures.
func (r *Result) WriteSVG(w io.Writer) error {
	return svgTemplate.Execute(w, r.chart())
}

// WriteHTML writes a self-contained HTML page with the SVG chart and a
// table of the figures.
func (r *Result) WriteHTML(w io.Writer) error {
	var svg strings.Builder
	if err := r.WriteSVG(&svg); err != nil {
		return err
	}
	c := r.chart()
	c.SVG = template.HTML(svg.String()) // produced by our own template above
	return htmlTemplate.Execute(w, c)
}

type chartData struct {
	Title, Sub string
	Width      int
	Height     int
	Rows       []chartRow
	Legend     []chartLegend
	Tiers      []string
	SVG        template.HTML
	Partial    bool
	Ranks      int  // rank columns
	Beyond     bool // and one for the ranks not kept
}

type chartRow struct {
	Name   string
	Y      int
	Segs   []chartSeg
	Awards string
	Cells  []string
}

type chartSeg struct {
	X, W  float64
	Y     int
	Color string
	Tip   string
}

type chartLegend struct {
	X     int
	Color string
	Label string
}

const (
	barX     = 300
	barWidth = 520
	rowH     = 28
)

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

func rankColor(rank, _ int) string {
	if rank-1 < len(rankPalette) {
		return rankPalette[rank-1]
	}
	return "#bbbbbb"
}

func pct(d decimal.Decimal) string { return d.Mul(decimal.NewFromInt(100)).StringFixed(1) + "%" }

func (r *Result) chart() chartData {
	n := len(r.Members)
	c := chartData{
		Title:   fmt.Sprintf("Rank probabilities — %s %s", r.Rulebook.ID, r.Rulebook.Version),
		Sub:     fmt.Sprintf("%d scenarios, seed %d, %s engine", r.Completed, r.Seed, strings.SplitN(r.Engine, ":", 2)[0]),
		Width:   barX + barWidth + 260,
		Height:  80 + n*rowH + 10,
		Tiers:   r.Tiers,
		Partial: r.Partial,
	}
	if r.Partial {
		c.Sub += fmt.Sprintf(" — PARTIAL: %d of %d scenarios", r.Completed, r.Scenarios)
	}
	for row, mo := range r.ByOdds() {
		cr := chartRow{Name: mo.Member.Name, Y: 70 + row*rowH}
		x := float64(barX)
		for k, s := range mo.Ranks {
			p, _ := s.P.Float64() // drawing only
			wdt := p * barWidth
			if s.Count > 0 {
				cr.Segs = append(cr.Segs, chartSeg{X: x, W: wdt, Y: cr.Y, Color: rankColor(k+1, n),
					Tip: fmt.Sprintf("%s — rank %d: %s (95%% CI %s–%s), %d scenarios", mo.Member.Name, k+1, pct(s.P), pct(s.Low), pct(s.High), s.Count)})
			}
			x += wdt
			cr.Cells = append(cr.Cells, pct(s.P))
		}
		if s := mo.Beyond; s != nil { // the ranks not kept, in one grey segment
			p, _ := s.P.Float64() // drawing only
			if s.Count > 0 {
				cr.Segs = append(cr.Segs, chartSeg{X: x, W: p * barWidth, Y: cr.Y, Color: "#bbbbbb",
					Tip: fmt.Sprintf("%s — below rank %d: %s (95%% CI %s–%s), %d scenarios", mo.Member.Name, r.RanksKept, pct(s.P), pct(s.Low), pct(s.High), s.Count)})
			}
			cr.Cells = append(cr.Cells, pct(s.P))
		}
		var aw []string
		for t, s := range mo.Awards {
			aw = append(aw, fmt.Sprintf("%s %s", r.Tiers[t], pct(s.P)))
			cr.Cells = append(cr.Cells, pct(s.P))
		}
		cr.Awards = strings.Join(aw, "  ")
		c.Rows = append(c.Rows, cr)
	}
	c.Ranks, c.Beyond = n, r.RanksKept > 0
	if c.Beyond {
		c.Ranks = r.RanksKept
	}
	for k := range min(c.Ranks, len(rankPalette)) {
		c.Legend = append(c.Legend, chartLegend{X: barX + k*60, Color: rankColor(k+1, n), Label: fmt.Sprintf("rank %d", k+1)})
	}
	return c
}

var svgTemplate = template.Must(template.New("svg").Parse(`<svg xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" font-family="sans-serif" font-size="13">
<title>{{.Title}}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="16" y="24" font-size="16" font-weight="bold">{{.Title}}</text>
<text x="16" y="44" fill="#555555">{{.Sub}}</text>
{{range .Legend}}<rect x="{{.X}}" y="52" width="12" height="10" fill="{{.Color}}"/><text x="{{.X}}" y="52" dx="15" dy="9" font-size="10">{{.Label}}</text>
{{end}}{{range .Rows}}<g class="member">
<text x="{{$.BarLabelX}}" y="{{.Y}}" dy="14" text-anchor="end">{{.Name}}</text>
{{range .Segs}}<rect x="{{printf "%.2f" .X}}" y="{{.Y}}" width="{{printf "%.2f" .W}}" height="18" fill="{{.Color}}"><title>{{.Tip}}</title></rect>
{{end}}<text x="{{$.AwardX}}" y="{{.Y}}" dy="14" fill="#333333">{{.Awards}}</text>
</g>
{{end}}</svg>
`))

var htmlTemplate = template.Must(template.New("html").Parse(`<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin-top:16px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}.partial{color:#b00;font-weight:bold}</style>
</head><body>
{{if .Partial}}<p class="partial">{{.Sub}}</p>{{end}}
{{.SVG}}
<table><thead><tr><th>Member</th>{{range $.RankHeads}}<th>{{.}}</th>{{end}}{{range .Tiers}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.Name}}</td>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>
</body></html>
`))

// template helpers (methods on chartData)

// BarLabelX is where member names end.
func (c chartData) BarLabelX() int { return barX - 10 }

// AwardX is where the award figures start.
func (c chartData) AwardX() int { return barX + barWidth + 12 }

// RankHeads are the table's rank columns.
func (c chartData) RankHeads() []string {
	var out []string
	for i := range c.Ranks {
		out = append(out, fmt.Sprintf("rank %d", i+1))
	}
	if c.Beyond {
		out = append(out, fmt.Sprintf("rank > %d", c.Ranks))
	}
	return out
}
