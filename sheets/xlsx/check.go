package xlsx

import (
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Check reads a workbook as Load does and validates the sheet against the
// rulebook, reporting every problem at once: the cells that could not be
// read, then the problems scoring finds in what could, each naming the
// sheet and cell it concerns ("Bảng điểm!G12: 21 points is above the
// maximum 20"). A problem that only follows from a cell already reported
// is not reported twice. On success it returns the sheet.
func Check(rb *rules.Rulebook, path string, opts Options) (scoring.Sheet, []Warning, error) {
	res, err := loadFile(path, rb, opts)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	return check(rb, res)
}

// CheckReader reads a workbook from r as Read does and validates the sheet
// against the rulebook as Check does; name is used in messages.
func CheckReader(rb *rules.Rulebook, name string, r io.Reader, opts Options) (scoring.Sheet, []Warning, error) {
	res, err := readFrom(name, r, rb, opts)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	return check(rb, res)
}

// check validates what a read produced against the rulebook.
func check(rb *rules.Rulebook, res *result) (scoring.Sheet, []Warning, error) {
	for _, e := range res.errs {
		if e.Line == 0 && e.Member == "" {
			// The workbook or a sheet could not be read as a whole: what
			// scoring would say about the rest is noise.
			return res.sheet, res.warnings, res.errs
		}
	}
	_, scoreErr := scoring.Score(rb, res.sheet)
	var more scoring.InputErrors
	if scoreErr != nil && !errors.As(scoreErr, &more) {
		return res.sheet, res.warnings, scoreErr
	}
	all := slices.Clone(res.errs)
	for _, e := range more {
		if res.reported(e) {
			continue
		}
		all = append(all, res.locate(e))
	}
	if len(all) > 0 {
		return res.sheet, res.warnings, all
	}
	return res.sheet, res.warnings, nil
}

// reported reports whether a scoring problem follows from a cell the reader
// already reported.
func (r *result) reported(e *scoring.InputError) bool {
	if e.Member == "" {
		return false
	}
	for _, x := range r.errs {
		if x.Member == e.Member && (x.Criterion == e.Criterion || x.Criterion == "") {
			return true
		}
	}
	return false
}

// locate returns a scoring problem with the cells it concerns as its Where.
func (r *result) locate(e *scoring.InputError) *scoring.InputError {
	if e.Line == 0 {
		return e
	}
	refs := r.cells[cellKey{e.Line, e.Member, e.Criterion}]
	if len(refs) == 0 {
		refs = r.cells[cellKey{e.Line, e.Member, ""}]
	}
	if len(refs) == 0 {
		return e
	}
	out := *e
	out.Where = strings.TrimSuffix(joinRefs(refs)+": "+out.Where, ": ")
	return &out
}

// joinRefs writes several cells of one sheet as "Sheet!D14, E14".
func joinRefs(refs []string) string {
	if len(refs) == 1 {
		return refs[0]
	}
	sheet, _, _ := cutRef(refs[0])
	var cells []string
	for _, ref := range refs {
		s, c, _ := cutRef(ref)
		if s != sheet {
			return strings.Join(refs, ", ")
		}
		cells = append(cells, c)
	}
	return sheet + "!" + strings.Join(cells, ", ")
}

func cutRef(ref string) (sheet, cell string, ok bool) {
	i := strings.LastIndex(ref, "!")
	if i < 0 {
		return "", ref, false
	}
	return ref[:i], ref[i+1:], true
}
