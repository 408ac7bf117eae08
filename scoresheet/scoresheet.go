package scoresheet

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
)

// Format is a score sheet's file format.
type Format int

// The formats a score sheet may be written in.
const (
	CSV  Format = iota + 1 // comma- or semicolon-separated text (see package sheets)
	JSON                   // the fields of scoring.Sheet in JSON
	YAML                   // the same in YAML
	XLSX                   // an Excel workbook (see package xlsx)
)

// String is the format's name: "csv", "json", "yaml" or "xlsx".
func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case JSON:
		return "json"
	case YAML:
		return "yaml"
	case XLSX:
		return "xlsx"
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// FormatOf is the format a file's extension names, whatever its case:
// .csv and .txt are CSV, .json JSON, .yaml and .yml YAML, .xlsx XLSX.
// Another extension is the problem "sheet.format", as scoring.InputErrors
// naming the file.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return CSV, nil
	case ".json":
		return JSON, nil
	case ".yaml", ".yml":
		return YAML, nil
	case ".xlsx":
		return XLSX, nil
	}
	return 0, located(path, lang.Msg("sheet.format", strconv.Quote(filepath.Ext(path))))
}

// ParseFormat reads a format's name, as a server or a command's flag gives
// it: "csv", "json", "yaml" (or "yml") or "xlsx", in any case, with or
// without a leading dot. Another name is the problem
// "scoresheet.format.name", as scoring.InputErrors.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "csv", "txt":
		return CSV, nil
	case "json":
		return JSON, nil
	case "yaml", "yml":
		return YAML, nil
	case "xlsx":
		return XLSX, nil
	}
	return 0, located("", lang.Msg("scoresheet.format.name", lang.Quote(s)))
}

// Warning is something the reader noticed in a workbook that does not stop
// it (a formula whose saved value disagrees with its recomputation, a row
// it did not recognise). CSV, JSON and YAML sheets have none; the
// look-alike ids and names of any sheet are scoring.Sheet.Warnings.
type Warning = xlsx.Warning

// Option adjusts how a sheet is read.
type Option func(*config)

type config struct {
	mapping     *xlsx.Mapping
	mappingFile string
	limits      xlsx.Limits
}

// WithMapping reads a workbook by a mapping (see xlsx.Mapping) instead of
// detecting its layout. A mapping given for a sheet in another format is
// the problem "scoresheet.mapping.not_xlsx".
func WithMapping(m *xlsx.Mapping) Option { return func(c *config) { c.mapping = m } }

// WithMappingFile reads a workbook by the mapping in a YAML or JSON file
// (xlsx.LoadMapping, at most 1 MiB), as thidua's --mapping does. An empty
// path is no mapping.
func WithMappingFile(path string) Option { return func(c *config) { c.mappingFile = path } }

// WithXLSXLimits bounds what is read of a workbook; zero fields take
// xlsx.DefaultLimits.
func WithXLSXLimits(l xlsx.Limits) Option { return func(c *config) { c.limits = l } }

// ErrNoRulebook is returned when a rulebook is needed and nil was given:
// to check any sheet, or to read a workbook.
var ErrNoRulebook = errors.New("scoresheet: no rulebook given (nil)")

// options resolves the options for a sheet named name in format f,
// loading the mapping file if one is named.
func options(name string, f Format, opts []Option) (xlsx.Options, error) {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if (c.mapping != nil || c.mappingFile != "") && f != XLSX {
		return xlsx.Options{}, located(name, lang.Msg("scoresheet.mapping.not_xlsx"))
	}
	xo := xlsx.Options{Mapping: c.mapping, Limits: c.limits}
	if c.mappingFile != "" {
		m, err := xlsx.LoadMapping(c.mappingFile)
		if err != nil {
			return xlsx.Options{}, err
		}
		xo.Mapping = m
	}
	return xo, nil
}

// Load reads a score sheet file in the format its extension names (see
// FormatOf), without checking it against the rulebook's scoring rules. The
// rulebook is needed for a workbook only (rb may be nil for the others).
//
// Problems with the rows are scoring.InputErrors; the sheet returned with
// them holds the rows that could be read whole (see sheets.ReadCSV,
// sheets.ParseJSON and xlsx.Read). A file that cannot be opened is the
// operating system's error.
func Load(rb *rules.Rulebook, path string, opts ...Option) (scoring.Sheet, []Warning, error) {
	f, err := FormatOf(path)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	xo, err := options(path, f, opts)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	if f == XLSX && rb == nil {
		return scoring.Sheet{}, nil, ErrNoRulebook
	}
	file, err := os.Open(path)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	defer file.Close()
	return read(rb, path, file, f, xo)
}

// Read reads a score sheet from r in the format given, as Load reads a
// file, for a server's upload or standard input. name is used in messages
// and as the File of every row's Source.
func Read(rb *rules.Rulebook, name string, r io.Reader, f Format, opts ...Option) (scoring.Sheet, []Warning, error) {
	if err := known(name, f); err != nil {
		return scoring.Sheet{}, nil, err
	}
	xo, err := options(name, f, opts)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	return read(rb, name, r, f, xo)
}

func read(rb *rules.Rulebook, name string, r io.Reader, f Format, xo xlsx.Options) (scoring.Sheet, []Warning, error) {
	switch f {
	case XLSX:
		if rb == nil {
			return scoring.Sheet{}, nil, ErrNoRulebook
		}
		return xlsx.Read(name, r, rb, xo)
	case CSV:
		sh, err := sheets.ReadCSV(name, r)
		return sh, nil, err
	default:
		sh, err := sheets.ReadJSON(name, r)
		return sh, nil, err
	}
}

// Check reads a score sheet file as Load does and validates it against
// the rulebook, reporting every problem at once: the rows or cells that
// could not be read, then the problems scoring finds in the rest, each once
// (see sheets.Check and xlsx.Check). On success it returns the sheet.
func Check(rb *rules.Rulebook, path string, opts ...Option) (scoring.Sheet, []Warning, error) {
	if rb == nil {
		return scoring.Sheet{}, nil, ErrNoRulebook
	}
	f, err := FormatOf(path)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	xo, err := options(path, f, opts)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	if f == XLSX {
		return xlsx.Check(rb, path, xo)
	}
	sh, err := sheets.Check(rb, path)
	return sh, nil, err
}

// CheckReader reads a score sheet from r in the format given and validates
// it against the rulebook, as Check does for a file.
func CheckReader(rb *rules.Rulebook, name string, r io.Reader, f Format, opts ...Option) (scoring.Sheet, []Warning, error) {
	if rb == nil {
		return scoring.Sheet{}, nil, ErrNoRulebook
	}
	if err := known(name, f); err != nil {
		return scoring.Sheet{}, nil, err
	}
	xo, err := options(name, f, opts)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	if f == XLSX {
		return xlsx.CheckReader(rb, name, r, xo)
	}
	sh, _, err := read(rb, name, r, f, xo)
	return sh, nil, sheets.Validate(rb, sh, err)
}

// known refuses a Format that is none of the constants.
func known(name string, f Format) error {
	switch f {
	case CSV, JSON, YAML, XLSX:
		return nil
	}
	return located(name, lang.Msg("scoresheet.format.name", lang.Quote(f.String())))
}

// located is one problem naming a file, as scoring.InputErrors.
func located(file string, m lang.Message) error {
	return scoring.InputErrors{{File: file, Msg: m.In(lang.English), Message: m}}
}
