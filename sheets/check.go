package sheets

import (
	"cmp"
	"errors"
	"slices"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Check reads a score sheet file and validates it against a rulebook,
// reporting every problem at once: the rows that could not be read and the
// problems scoring finds in the rows that could, in line order. A problem
// that only follows from an unreadable row (a "missing" score whose row was
// malformed) is not reported twice. On success it returns the sheet.
func Check(rb *rules.Rulebook, path string) (scoring.Sheet, error) {
	sh, err := Load(path)
	return sh, Validate(rb, sh, err)
}

// Validate checks a sheet just read against a rulebook, as Check does: err
// is what reading it returned. The problems of the rows that could not be
// read (err's scoring.InputErrors) come first, then the problems scoring
// finds in the rows that could, in line order, without a problem that only
// follows from an unreadable row. An err that is not about the rows (no
// such file, an unknown format) is returned as it is. Validate returns nil
// if the sheet is valid.
func Validate(rb *rules.Rulebook, sh scoring.Sheet, err error) error {
	var readErrs scoring.InputErrors
	if err != nil && !errors.As(err, &readErrs) {
		return err // not a problem with the rows (no such file, unknown format)
	}
	scoreErr := scoring.Check(rb, sh) // Score's problems, without scoring
	if err == nil {
		return scoreErr
	}
	var more scoring.InputErrors
	errors.As(scoreErr, &more)
	return merge(readErrs, more)
}

// merge adds to read the problems of more that do not concern a member and
// criterion (or a line) already reported, sorted by line.
func merge(read, more scoring.InputErrors) scoring.InputErrors {
	type key struct{ member, crit string }
	seen := map[key]bool{}
	lines := map[int]bool{}
	for _, e := range read {
		lines[e.Line] = true
		if e.Member != "" {
			seen[key{e.Member, e.Criterion}] = true
		}
	}
	out := slices.Clone(read)
	for _, e := range more {
		if seen[key{e.Member, e.Criterion}] || (e.Line > 0 && lines[e.Line]) {
			continue
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b *scoring.InputError) int {
		// problems without a line (sheet-wide) come last
		la, lb := a.Line, b.Line
		if la == 0 {
			la = int(^uint(0) >> 1)
		}
		if lb == 0 {
			lb = int(^uint(0) >> 1)
		}
		return cmp.Compare(la, lb)
	})
	return out
}
