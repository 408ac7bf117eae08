package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	problems "github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// Mapping says where a workbook keeps its data, for layouts that
// auto-detection does not recognise or gets wrong. It is written in YAML:
//
//	sheets:
//	  - sheet: Tổng hợp          # a sheet name, or a pattern such as "Sở *"
//	    layout: matrix           # matrix (rows = members) or member (one sheet per member)
//	    header_row: 5            # the row of criterion ids or names
//	    first_row: 7             # the first data row (default: the row after header_row)
//	    last_row: 20             # default: the sheet's last row
//	    stage: cluster           # the stage of every score, if there is no stage column
//	    columns:                 # column letter → key; omit to match the header row
//	      A: member              # the member's id (mã đơn vị)
//	      B: name
//	      C: stage               # the assessment stage: id or name (Tự chấm, Cụm chấm)
//	      D: assessor            # the assessor, for cross-scoring (chấm chéo)
//	      E: "01"                # a criterion
//	      F: "03@self"           # a criterion at its own stage
//	      M: bonus:co_tinh       # occurrences of a bonus item
//	      N: deduction:bao_cao_muon
//	      O: note:bao_cao_muon   # the note of an item's row
//	      P: fact:khong_ky_luat  # có / không
//	      Q: votes:for           # also votes:against, votes:abstain
//	      T: votes:for@tot       # a named ballot's votes (votes.ballots): votes:SUB@BALLOT
//	      U: "3.2+"              # a signed criterion's achievements (cộng); "3.2-" its failures (trừ)
//	      R: "target:07"         # the member's target for a ratio criterion
//	      S: history:2019        # the award received in 2019 (tier id or name)
//	  - sheet: "*"               # every other sheet: one member each
//	    layout: member
//	    member_cell: B2          # the cell holding the member's id or name (default: the sheet's name)
//	    header_row: 4            # the row of stage names
//	    columns: {A: label, D: stage:self, E: stage:cluster, F: count}
//	info:                        # the cluster's name, year and ballot
//	  sheet: Thông tin chung
//	  cluster: C3
//	  year: C4
//	  entitled: C5
//	  present: C6
//	  lots: C7                   # member ids in the order drawn, comma-separated
//	  ballots:                   # a named ballot's own counts (default: entitled, present)
//	    tot: {entitled: C8, present: C9}
type Mapping struct {
	Sheets []SheetMapping `yaml:"sheets"`
	Info   *InfoMapping   `yaml:"info"`
}

// SheetMapping is one sheet (or every sheet matching a pattern) of a
// Mapping.
type SheetMapping struct {
	// Sheet is the sheet's name or a pattern (path.Match syntax: "*",
	// "Sở *"). A sheet matched by several entries takes the first.
	Sheet string `yaml:"sheet"`
	// Layout is "matrix" (the default: rows are members) or "member" (the
	// sheet holds one member: rows are criteria, columns are stages).
	Layout string `yaml:"layout"`
	// HeaderRow is the row holding the criterion ids or names (matrix) or
	// the stage names (member); zero: detect it.
	HeaderRow int `yaml:"header_row"`
	// FirstRow and LastRow bound the data rows; zero: from the row after
	// the header to the sheet's end.
	FirstRow int `yaml:"first_row"`
	LastRow  int `yaml:"last_row"`
	// Stage is the assessment stage of every score on a matrix sheet that
	// has no stage column.
	Stage string `yaml:"stage"`
	// Member is the member's id on a per-member sheet; MemberCell the cell
	// that holds its id or name. Default: a cell labelled "Đơn vị" or "Mã
	// đơn vị" above the header, else the sheet's name.
	Member     string `yaml:"member"`
	MemberCell string `yaml:"member_cell"`
	// Columns maps column letters to keys. When given, only these columns
	// are read; when omitted, the header row is matched against the
	// rulebook.
	Columns map[string]string `yaml:"columns"`
}

// InfoMapping locates the cluster's details: each field is a cell
// reference on Sheet.
type InfoMapping struct {
	Sheet    string `yaml:"sheet"`
	Cluster  string `yaml:"cluster"`
	Year     string `yaml:"year"`
	Entitled string `yaml:"entitled"`
	Present  string `yaml:"present"`
	Lots     string `yaml:"lots"`
	// Ballots locates the counts of named ballots (votes.ballots), by
	// ballot id, where a ballot's differ from Entitled and Present (which
	// apply to every ballot).
	Ballots map[string]BallotCells `yaml:"ballots"`
}

// BallotCells locates one named ballot's numbers entitled to vote and
// present: cell references on the info sheet.
type BallotCells struct {
	Entitled string `yaml:"entitled"`
	Present  string `yaml:"present"`
}

// The layouts a SheetMapping may name.
const (
	LayoutMatrix = "matrix"
	LayoutMember = "member"
)

// maxMappingBytes bounds a mapping file.
const maxMappingBytes = 1 << 20

// LoadMapping reads a mapping file (YAML). See Mapping.
func LoadMapping(path string) (*Mapping, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxMappingBytes+1))
	if err != nil {
		return nil, err
	}
	return ParseMapping(path, data)
}

// ParseMapping reads a mapping from YAML; name is used in error messages.
// Unknown fields are errors. The keys are checked against the rulebook
// when the workbook is read. Its error is MappingErrors: every problem
// found, or the one that stopped it reading the file (a file too large,
// YAML it cannot decode).
func ParseMapping(name string, data []byte) (*Mapping, error) {
	if len(data) > maxMappingBytes {
		return nil, MappingErrors{mappingError(name, "", lang.Msg("mapping.too_large", maxMappingBytes))}
	}
	var m Mapping
	d := yaml.NewDecoder(bytes.NewReader(data))
	d.KnownFields(true)
	if err := d.Decode(&m); err != nil && !errors.Is(err, io.EOF) {
		e := mappingError(name, "", lang.Msg("mapping.yaml", err.Error()))
		e.Err = err
		return nil, MappingErrors{e}
	}
	var problems MappingErrors
	for i, s := range m.Sheets {
		path := fmt.Sprintf("sheets[%d]", i)
		if s.Sheet == "" {
			problems = append(problems, mappingError(name, path, lang.Msg("mapping.sheet.no_name")))
		}
		if s.Layout != "" && s.Layout != LayoutMatrix && s.Layout != LayoutMember {
			problems = append(problems, mappingError(name, path, lang.Msg("mapping.sheet.layout", strconv.Quote(s.Layout))))
		}
		if s.HeaderRow < 0 || s.FirstRow < 0 || s.LastRow < 0 || s.HeaderRow > totalRows || s.FirstRow > totalRows || s.LastRow > totalRows {
			problems = append(problems, mappingError(name, path, lang.Msg("mapping.sheet.rows", totalRows)))
		}
		if s.MemberCell != "" {
			if _, _, ok := parseRef(s.MemberCell); !ok {
				problems = append(problems, mappingError(name, path, lang.Msg("mapping.sheet.member_cell", strconv.Quote(s.MemberCell))))
			}
		}
		for _, col := range slices.Sorted(maps.Keys(s.Columns)) {
			if _, ok := colNumber(col); !ok {
				problems = append(problems, mappingError(name, path, lang.Msg("mapping.sheet.column", strconv.Quote(col))))
			}
		}
	}
	if in := m.Info; in != nil {
		for _, f := range append([]struct{ field, ref string }{{"cluster", in.Cluster}, {"year", in.Year}, {"entitled", in.Entitled}, {"present", in.Present}, {"lots", in.Lots}}, in.ballotFields()...) {
			if _, _, ok := parseRef(f.ref); f.ref != "" && !ok {
				problems = append(problems, mappingError(name, "info."+f.field, lang.Msg("mapping.info.cell", strconv.Quote(f.ref))))
			}
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return &m, nil
}

// MappingError is one problem with a mapping file: the file, the key path
// (sheets[1], info.year; "" for the file as a whole) and what is wrong.
//
// Msg is the problem in English; Message is the same problem as a
// lang.Message, so that Text can write it in Vietnamese too (Msg is
// Message.In(lang.English)). Message.Key is a stable code a program can
// switch on instead of matching the English text, which may be reworded:
// "mapping.sheet.layout", "mapping.info.cell", … (the "mapping." keys of
// the lang catalogue); "mapping.yaml" is YAML the decoder cannot read,
// whose own words (in English) are its value, and whose error is Err.
// Keys a mapping gives that the workbook or the rulebook do not have are
// problems of the workbook (scoring.InputError), found when it is read.
type MappingError struct {
	File    string // the mapping file's name
	Path    string // key path, "sheets[1]" or "info.year"; "" for the file as a whole
	Msg     string
	Message lang.Message
	Err     error // the YAML decoder's error, for "mapping.yaml"; else nil
}

// Error writes the problem in English: "mapping.yaml: sheets[0]: layout is
// matrix or member, found "grid"".
func (e *MappingError) Error() string { return e.Text(lang.English) }

// Text writes the problem as Error does, with its message in the language:
// "mapping.yaml: sheets[0]: layout chỉ nhận matrix hoặc member, nhận được
// "grid"". The file name and the key path are written as they are.
func (e *MappingError) Text(t lang.Tag) string {
	return problems.Prefix(e.File, 0, 0, e.Path) + problems.Say(e.Message, e.Msg, t)
}

// Unwrap returns the YAML decoder's error, if any.
func (e *MappingError) Unwrap() error { return e.Err }

// mappingError builds a problem of a mapping file, with Msg in English.
func mappingError(file, path string, m lang.Message) *MappingError {
	return &MappingError{File: file, Path: path, Msg: m.In(lang.English), Message: m}
}

// MappingErrors is every problem found in a mapping file. ParseMapping and
// LoadMapping return it (as an error); use errors.As to get the individual
// problems.
type MappingErrors = problems.List[*MappingError]

// ballotFields are the cells of the named ballots' counts, each with its
// key path below info: "ballots.tot.entitled", "ballots.tot.present".
func (in *InfoMapping) ballotFields() []struct{ field, ref string } {
	var out []struct{ field, ref string }
	for _, id := range slices.Sorted(maps.Keys(in.Ballots)) {
		c := in.Ballots[id]
		out = append(out, struct{ field, ref string }{"ballots." + id + ".entitled", c.Entitled}, struct{ field, ref string }{"ballots." + id + ".present", c.Present})
	}
	return out
}
