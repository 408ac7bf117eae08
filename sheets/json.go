package sheets

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// ParseJSON reads a score sheet from JSON or YAML: the fields of
// scoring.Sheet under their json names. Unknown keys and malformed values
// are reported with their line, as scoring.InputErrors; the sheet returned
// with them holds the rows that could be read: a row (a list item) with any
// problem is left out, and so are all the lots if one of them has a
// problem. data larger than MaxBytes is refused.
func ParseJSON(name string, data []byte) (scoring.Sheet, error) {
	var sh scoring.Sheet
	if len(data) > MaxBytes {
		return sh, scoring.InputErrors{tooLarge(name)}
	}
	root, p := decode.Parse(data)
	if p != nil {
		return sh, scoring.InputErrors{atPath(name, p.Line, "", p.Message, p.Msg)}
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{
		reflect.TypeFor[decimal.Decimal](): fields.Decimal,
		reflect.TypeFor[string]():          fields.Text,
	}
	d.Decode(root, "", &sh)
	var es scoring.InputErrors
	bad := map[string]bool{} // rows with a problem: "scores[3]", "ballot.votes[0]"
	reported := map[string]bool{}
	problem := func(line int, path string, m lang.Message, en string) {
		reported[path] = true
		es = append(es, atPath(name, line, path, m, en))
		if row, ok := rowOf(path); ok {
			bad[row] = true
		}
	}
	for _, p := range d.Problems {
		problem(p.Line, p.Path, p.Message, p.Msg)
	}
	// Years, as ReadCSV reads them. A year that is not kept is reported
	// unless a problem is already reported at its key.
	year := func(path string, y int) bool {
		if !d.Has(path) || y >= 1900 && y <= 9999 {
			return true
		}
		if !reported[path] {
			l, _ := d.Line(path)
			m := lang.Msg("sheet.year", y)
			problem(l, path, m, m.In(lang.English))
		}
		if row, ok := rowOf(path); ok {
			bad[row] = true
		}
		return false
	}
	if !year("year", sh.Year) {
		sh.Year = 0
	}
	for i, h := range sh.History {
		year(fmt.Sprintf("history[%d].year", i), h.Year)
	}
	slices.SortStableFunc(es, func(a, b *scoring.InputError) int { return cmp.Compare(a.Line, b.Line) })

	// keep reports whether the row at path was read whole, after setting
	// its source. A row that was never decoded (beyond the decoder's node
	// limit) is not kept either.
	keep := func(path string, src *scoring.Source) bool {
		l, _ := d.Line(path)
		*src = scoring.Source{File: name, Line: l}
		return d.Has(path) && !bad[path]
	}
	sh.Members = rows(sh.Members, "members", func(x *scoring.Member, path string) bool { return keep(path, &x.Source) })
	sh.Scores = rows(sh.Scores, "scores", func(x *scoring.Entry, path string) bool { return keep(path, &x.Source) })
	sh.Targets = rows(sh.Targets, "targets", func(x *scoring.Target, path string) bool { return keep(path, &x.Source) })
	sh.NotAssigned = rows(sh.NotAssigned, "not_assigned", func(x *scoring.Assignment, path string) bool { return keep(path, &x.Source) })
	sh.Bonuses = rows(sh.Bonuses, "bonuses", func(x *scoring.Occurrences, path string) bool { return keep(path, &x.Source) })
	sh.Deductions = rows(sh.Deductions, "deductions", func(x *scoring.Occurrences, path string) bool { return keep(path, &x.Source) })
	sh.Facts = rows(sh.Facts, "facts", func(x *scoring.FactValue, path string) bool { return keep(path, &x.Source) })
	sh.History = rows(sh.History, "history", func(x *scoring.PastAward, path string) bool { return keep(path, &x.Source) })
	sh.Matches = rows(sh.Matches, "matches", func(x *scoring.Match, path string) bool { return keep(path, &x.Source) })
	if sh.Ballot != nil {
		if bad["ballot"] {
			sh.Ballot = nil // not a mapping: nothing of it was read
		} else {
			l, _ := d.Line("ballot")
			sh.Ballot.Source = scoring.Source{File: name, Line: l}
			sh.Ballot.Votes = rows(sh.Ballot.Votes, "ballot.votes", func(x *scoring.Vote, path string) bool { return keep(path, &x.Source) })
		}
	}
	if bad["ballots"] {
		sh.Ballots = nil
	}
	sh.Ballots = rows(sh.Ballots, "ballots", func(x *scoring.Ballot, path string) bool {
		if !keep(path, &x.Source) {
			return false
		}
		x.Votes = rows(x.Votes, path+".votes", func(v *scoring.Vote, vp string) bool { return keep(vp, &v.Source) })
		return true
	})
	for i := range sh.Lots {
		var src scoring.Source
		if !keep(fmt.Sprintf("lots[%d]", i), &src) {
			sh.Lots = nil // a drawing with a gap would read as a complete one
			break
		}
	}
	if len(es) > 0 {
		return sh, es
	}
	return sh, nil
}

// rows returns the rows of list (found at path) that ok keeps, in order.
func rows[T any](list []T, path string, ok func(row *T, path string) bool) []T {
	kept := list[:0]
	for i := range list {
		if ok(&list[i], fmt.Sprintf("%s[%d]", path, i)) {
			kept = append(kept, list[i])
		}
	}
	return kept
}

// rowOf returns the row a problem's key path is in ("scores[3]" for
// "scores[3].value"), or "ballot" for the ballot itself.
func rowOf(path string) (string, bool) {
	if path == "ballot" {
		return path, true
	}
	i := strings.IndexByte(path, ']')
	if i < 0 {
		return "", false
	}
	return path[:i+1], true
}

// ReadJSON reads a score sheet in JSON or YAML from r, at most MaxBytes of
// it, as ParseJSON does; name is used in error messages.
func ReadJSON(name string, r io.Reader) (scoring.Sheet, error) {
	data, err := readBounded(name, r)
	if err != nil {
		return scoring.Sheet{}, err
	}
	return ParseJSON(name, data)
}

// Load reads a score sheet from a file, in the format its extension names:
// CSV (.csv, or .txt as spreadsheets save delimited text; see ReadCSV),
// JSON (.json) or YAML (.yaml, .yml; see ParseJSON). The extension's case
// does not matter. Files larger than MaxBytes (32 MiB) are refused, in every
// format. An Excel workbook (.xlsx) is refused too: package scoresheet
// reads every format, .xlsx included, with one call.
func Load(path string) (scoring.Sheet, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv", ".txt", ".json", ".yaml", ".yml":
	case ".xlsx":
		return scoring.Sheet{}, scoring.InputErrors{inputError(path, 0, "", "", lang.Msg("sheet.xlsx"))}
	default:
		return scoring.Sheet{}, scoring.InputErrors{inputError(path, 0, "", "", lang.Msg("sheet.format", strconv.Quote(filepath.Ext(path))))}
	}
	f, err := os.Open(path)
	if err != nil {
		return scoring.Sheet{}, err
	}
	defer f.Close()
	if ext == ".csv" || ext == ".txt" {
		return ReadCSV(path, f)
	}
	return ReadJSON(path, f)
}
