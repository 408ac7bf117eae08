package xlsx

import (
	"strings"

	"github.com/shopspring/decimal"
)

// grid is one worksheet's cells as the file stores them (raw values:
// numbers as their digits, text as text), with its merged ranges and the
// positions of its formulas.
type grid struct {
	name    string
	rows    [][]string
	maxCol  int
	kinds   map[pos]cellKind
	mergeAt map[pos]pos // a cell covered by a merged range → the range's top-left cell
	formula map[pos]bool
	// recomputed holds the values of formulas saved without a value that
	// the reader could compute.
	recomputed map[pos]decimal.Decimal
}

func (g *grid) lastRow() int { return len(g.rows) }

// raw returns a cell's stored value, "" outside the sheet.
func (g *grid) raw(p pos) string {
	if p.row < 1 || p.row > len(g.rows) || p.col < 1 {
		return ""
	}
	r := g.rows[p.row-1]
	if p.col > len(r) {
		return ""
	}
	return r[p.col-1]
}

// at returns the cell whose value p shows: the top-left cell of the merged
// range that covers p, or p.
func (g *grid) at(p pos) pos {
	if q, ok := g.mergeAt[p]; ok {
		return q
	}
	return p
}

// text returns what p shows, trimmed and NFC-normalised.
func (g *grid) text(p pos) string { return clean(g.raw(g.at(p))) }

// kind returns the type of the cell whose value p shows.
func (g *grid) kind(p pos) cellKind { return g.kinds[g.at(p)] }

// empty reports whether p shows nothing (and holds no formula).
func (g *grid) empty(p pos) bool {
	q := g.at(p)
	return strings.TrimSpace(g.raw(q)) == "" && !g.formula[q]
}

// ref names a cell for messages: "Sở Xây dựng!D14".
func (g *grid) ref(p pos) string { return g.name + "!" + cellName(p) }

// expandMerges indexes the cells covered by merged ranges, within the
// sheet's used area. budget bounds the cells indexed across all sheets; ok
// is false when it runs out.
func (g *grid) expandMerges(merges []rect, budget *int) bool {
	g.mergeAt = map[pos]pos{}
	for _, m := range merges {
		top := pos{m.r1, m.c1}
		r2, c2 := min(m.r2, len(g.rows)), min(m.c2, g.maxCol)
		if m.r1 > r2 || m.c1 > c2 {
			continue
		}
		area := (r2 - m.r1 + 1) * (c2 - m.c1 + 1)
		if area > *budget {
			return false
		}
		*budget -= area
		for r := m.r1; r <= r2; r++ {
			for c := m.c1; c <= c2; c++ {
				if p := (pos{r, c}); p != top {
					if _, dup := g.mergeAt[p]; !dup {
						g.mergeAt[p] = top
					}
				}
			}
		}
	}
	return true
}
