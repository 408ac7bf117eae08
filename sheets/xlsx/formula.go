package xlsx

import (
	"strings"

	"github.com/shopspring/decimal"
)

// The formulas the reader can recompute, to check the value Excel saved
// with them: numbers, references to cells of the same sheet, ranges inside
// functions, + − × ÷, parentheses, and SUM, AVERAGE, MIN, MAX and ROUND.
// References read the saved values of the cells they name, as Excel does;
// ranges skip text and empty cells, as Excel's SUM does. Anything else
// (another sheet, text, comparisons, other functions) is not checked.

// evaluator computes one formula over a grid. budget bounds the cells
// visited by all formulas of a workbook, so that a range over a whole
// column, repeated in every row, cannot run away.
type evaluator struct {
	g      *grid
	toks   []token
	i      int
	depth  int
	budget *int
	failed bool
}

type tokKind byte

const (
	tNum tokKind = iota
	tRef
	tIdent
	tOp // + - * / ( ) , :
)

type token struct {
	kind tokKind
	text string
	p    pos
}

// maxFormula is Excel's limit on a formula's length.
const maxFormula = 8192

// eval computes formula on g, if it is one the reader can recompute.
func eval(g *grid, formula string, budget *int) (decimal.Decimal, bool) {
	if len(formula) > maxFormula {
		return decimal.Decimal{}, false
	}
	toks, ok := tokenize(strings.TrimPrefix(strings.TrimSpace(formula), "="))
	if !ok || len(toks) == 0 {
		return decimal.Decimal{}, false
	}
	e := &evaluator{g: g, toks: toks, budget: budget}
	v := e.expr()
	if e.failed || e.i != len(e.toks) {
		return decimal.Decimal{}, false
	}
	return excelPrecision(v), true
}

func tokenize(s string) ([]token, bool) {
	var out []token
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == ' ':
			i++
		case strings.IndexByte("+-*/(),:", ch) >= 0:
			out = append(out, token{kind: tOp, text: s[i : i+1]})
			i++
		case ch >= '0' && ch <= '9' || ch == '.':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			if j-i > 40 {
				return nil, false
			}
			out = append(out, token{kind: tNum, text: s[i:j]})
			i = j
		case ch == '$' || ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z':
			j := i
			for j < len(s) && (s[j] == '$' || s[j] == '.' || s[j] == '_' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			word := s[i:j]
			if c, r, ok := parseRef(word); ok && strings.Count(word, "$") <= 2 {
				out = append(out, token{kind: tRef, text: word, p: pos{r, c}})
			} else if strings.ContainsAny(word, "$.") {
				return nil, false
			} else {
				out = append(out, token{kind: tIdent, text: strings.ToUpper(word)})
			}
			i = j
		default:
			return nil, false // text, another sheet, comparison, percent, array …
		}
	}
	return out, true
}

func (e *evaluator) peek() (token, bool) {
	if e.i >= len(e.toks) {
		return token{}, false
	}
	return e.toks[e.i], true
}

func (e *evaluator) op(s string) bool {
	t, ok := e.peek()
	if ok && t.kind == tOp && t.text == s {
		e.i++
		return true
	}
	return false
}

func (e *evaluator) fail() decimal.Decimal {
	e.failed = true
	return decimal.Zero
}

func (e *evaluator) expr() decimal.Decimal {
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > 64 {
		return e.fail()
	}
	v := e.term()
	for !e.failed {
		switch {
		case e.op("+"):
			v = v.Add(e.term())
		case e.op("-"):
			v = v.Sub(e.term())
		default:
			return v
		}
	}
	return v
}

func (e *evaluator) term() decimal.Decimal {
	v := e.unary()
	for !e.failed {
		switch {
		case e.op("*"):
			v = v.Mul(e.unary())
		case e.op("/"):
			d := e.unary()
			if d.IsZero() {
				return e.fail()
			}
			v = v.DivRound(d, 20)
		default:
			return v
		}
	}
	return v
}

func (e *evaluator) unary() decimal.Decimal {
	if e.op("-") {
		return e.unary().Neg()
	}
	if e.op("+") {
		return e.unary()
	}
	return e.primary()
}

// maxNumberText is the longest number a formula may write: Excel keeps 15
// significant digits, and a number's text past a few dozen characters is
// hostile.
const maxNumberText = 64

func (e *evaluator) primary() decimal.Decimal {
	t, ok := e.peek()
	if !ok {
		return e.fail()
	}
	switch t.kind {
	case tNum:
		e.i++
		if len(t.text) > maxNumberText {
			return e.fail() // no real formula writes such a number; parsing it costs its length squared
		}
		d, err := decimal.NewFromString(t.text)
		if err != nil {
			return e.fail()
		}
		return d
	case tRef:
		e.i++
		if e.op(":") {
			return e.fail() // a range outside a function
		}
		v, ok := e.cell(t.p, false)
		if !ok {
			return e.fail()
		}
		return v
	case tIdent:
		e.i++
		if !e.op("(") {
			return e.fail()
		}
		return e.call(t.text)
	case tOp:
		if e.op("(") {
			v := e.expr()
			if !e.op(")") {
				return e.fail()
			}
			return v
		}
	}
	return e.fail()
}

// call evaluates a function whose "(" has been read.
func (e *evaluator) call(name string) decimal.Decimal {
	var vals []decimal.Decimal
	var args []decimal.Decimal // ROUND's arguments, as written
	for !e.failed {
		if e.op(")") {
			break
		}
		if len(vals) > 0 || len(args) > 0 {
			if !e.op(",") {
				return e.fail()
			}
		}
		t, ok := e.peek()
		if ok && t.kind == tRef && e.i+2 < len(e.toks) && e.toks[e.i+1].text == ":" && e.toks[e.i+2].kind == tRef {
			from, to := t.p, e.toks[e.i+2].p
			e.i += 3
			if name == "ROUND" {
				return e.fail()
			}
			vals = e.rangeValues(from, to, vals)
			continue
		}
		if ok && t.kind == tRef && name != "ROUND" {
			if nt, more := e.peekAt(1); !more || nt.kind == tOp && (nt.text == "," || nt.text == ")") {
				e.i++
				if v, ok := e.cell(t.p, true); ok {
					vals = append(vals, v)
				}
				continue
			}
		}
		v := e.expr()
		if name == "ROUND" {
			args = append(args, v)
		} else {
			vals = append(vals, v)
		}
	}
	if e.failed {
		return decimal.Zero
	}
	switch name {
	case "SUM":
		s := decimal.Zero
		for _, v := range vals {
			s = s.Add(v)
		}
		return s
	case "AVERAGE":
		if len(vals) == 0 {
			return e.fail()
		}
		s := decimal.Zero
		for _, v := range vals {
			s = s.Add(v)
		}
		return s.DivRound(decimal.NewFromInt(int64(len(vals))), 20)
	case "MIN", "MAX":
		if len(vals) == 0 {
			return decimal.Zero
		}
		m := vals[0]
		for _, v := range vals[1:] {
			if name == "MIN" && v.LessThan(m) || name == "MAX" && v.GreaterThan(m) {
				m = v
			}
		}
		return m
	case "ROUND":
		if len(args) != 2 || !args[1].IsInteger() || args[1].Abs().GreaterThan(decimal.NewFromInt(15)) {
			return e.fail()
		}
		return args[0].Round(int32(args[1].IntPart())) // half away from zero, as Excel
	}
	return e.fail()
}

func (e *evaluator) peekAt(n int) (token, bool) {
	if e.i+n >= len(e.toks) {
		return token{}, false
	}
	return e.toks[e.i+n], true
}

// rangeValues appends the numbers of a range (text and empty cells are
// skipped, as by Excel's SUM).
func (e *evaluator) rangeValues(a, b pos, vals []decimal.Decimal) []decimal.Decimal {
	r1, r2 := min(a.row, b.row), max(a.row, b.row)
	c1, c2 := min(a.col, b.col), max(a.col, b.col)
	r2 = min(r2, e.g.lastRow())
	c2 = min(c2, e.g.maxCol)
	for r := r1; r <= r2 && !e.failed; r++ {
		for c := c1; c <= c2; c++ {
			if v, ok := e.cell(pos{r, c}, true); ok {
				vals = append(vals, v)
			}
			if e.failed {
				break
			}
		}
	}
	return vals
}

// cell reads a referenced cell's saved value. In a function's arguments
// (skip) text and empty cells are left out; in arithmetic an empty cell is
// zero and text cannot be computed.
func (e *evaluator) cell(p pos, skip bool) (decimal.Decimal, bool) {
	*e.budget--
	if *e.budget < 0 {
		e.failed = true
		return decimal.Zero, false
	}
	raw := strings.TrimSpace(e.g.raw(p))
	k := e.g.kinds[p]
	switch {
	case k == kindError:
		e.failed = true
		return decimal.Zero, false
	case raw == "" && e.g.formula[p]:
		if v, ok := e.g.recomputed[p]; ok {
			return v, true
		}
		e.failed = true // a formula without a saved value
		return decimal.Zero, false
	case raw == "":
		return decimal.Zero, !skip
	case k == kindText || k == kindBool || k == kindDate:
		if skip {
			return decimal.Zero, false
		}
		e.failed = true
		return decimal.Zero, false
	}
	v, err := parseNumber(raw, k)
	if err != nil {
		e.failed = true
		return decimal.Zero, false
	}
	return v, true
}
