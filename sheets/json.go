package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/scoring"
)

// ParseJSON reads a score sheet from JSON or YAML: the fields of
// scoring.Sheet under their json names. Unknown keys and malformed values
// are reported with their line, as scoring.InputErrors; the sheet returned
// with them holds what could be read.
func ParseJSON(name string, data []byte) (scoring.Sheet, error) {
	var sh scoring.Sheet
	root, p := decode.Parse(data)
	if p != nil {
		return sh, scoring.InputErrors{{File: name, Line: p.Line, Msg: p.Msg}}
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{
		reflect.TypeFor[decimal.Decimal](): decodeDecimal,
		reflect.TypeFor[string]():          decodeText,
	}
	d.Decode(root, "", &sh)
	var es scoring.InputErrors
	for _, p := range d.Problems {
		es = append(es, &scoring.InputError{File: name, Line: p.Line, Msg: p.Path + ": " + p.Msg})
	}
	src := func(path string) scoring.Source {
		l, _ := d.Line(path)
		return scoring.Source{File: name, Line: l}
	}
	for i := range sh.Members {
		sh.Members[i].Source = src(fmt.Sprintf("members[%d]", i))
	}
	for i := range sh.Scores {
		sh.Scores[i].Source = src(fmt.Sprintf("scores[%d]", i))
	}
	for i := range sh.Targets {
		sh.Targets[i].Source = src(fmt.Sprintf("targets[%d]", i))
	}
	for i := range sh.NotAssigned {
		sh.NotAssigned[i].Source = src(fmt.Sprintf("not_assigned[%d]", i))
	}
	for i := range sh.Bonuses {
		sh.Bonuses[i].Source = src(fmt.Sprintf("bonuses[%d]", i))
	}
	for i := range sh.Deductions {
		sh.Deductions[i].Source = src(fmt.Sprintf("deductions[%d]", i))
	}
	for i := range sh.Facts {
		sh.Facts[i].Source = src(fmt.Sprintf("facts[%d]", i))
	}
	if sh.Ballot != nil {
		sh.Ballot.Source = src("ballot")
		for i := range sh.Ballot.Votes {
			sh.Ballot.Votes[i].Source = src(fmt.Sprintf("ballot.votes[%d]", i))
		}
	}
	for i := range sh.History {
		sh.History[i].Source = src(fmt.Sprintf("history[%d]", i))
	}
	if len(es) > 0 {
		return sh, es
	}
	return sh, nil
}

func decodeDecimal(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	if !d.Scalar(n, path, "a number") {
		return
	}
	x, err := ParseDecimal(n.Value)
	if err != nil {
		d.Addf(n, path, "%v", err)
		return
	}
	v.Set(reflect.ValueOf(x))
}

func decodeText(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	if !d.Scalar(n, path, "a text") {
		return
	}
	v.SetString(norm.NFC.String(strings.TrimSpace(n.Value)))
}

// Load reads a score sheet from a file: CSV (.csv), JSON (.json) or YAML
// (.yaml, .yml).
func Load(path string) (scoring.Sheet, error) {
	f, err := os.Open(path)
	if err != nil {
		return scoring.Sheet{}, err
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return ReadCSV(path, f)
	case ".json", ".yaml", ".yml":
		st, err := f.Stat()
		if err != nil {
			return scoring.Sheet{}, err
		}
		if st.Size() > MaxBytes {
			return scoring.Sheet{}, scoring.InputErrors{{File: path, Msg: fmt.Sprintf("file is larger than %d bytes", MaxBytes)}}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return scoring.Sheet{}, err
		}
		return ParseJSON(path, data)
	}
	return scoring.Sheet{}, fmt.Errorf("%s: unknown score sheet format %q (expected .csv, .json, .yaml or .yml)", path, filepath.Ext(path))
}
