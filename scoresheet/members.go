package scoresheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/csvutil"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// ReadMembers reads the members of a cluster, and its name and year if the
// file gives them, from a score sheet in any format (see Load) or from a
// CSV member list: a header naming an id column (id, member, mã or mã đơn
// vị) and a name column (name, tên, tên đơn vị or đơn vị), then a row per
// member. It is what thidua template --members reads.
//
// The sheet returned holds only the cluster's name and year and the
// members. A workbook's problems with cells other than the members are not
// reported if it names members (they are what a template needs). A member
// list's problems — no id column, a member without an id, an id listed
// twice, a quoting error — are scoring.InputErrors with their lines; the
// members read are returned with them. Names and ids are not checked here:
// scoring.Sheet.CheckNames does that. A CSV file is read at most
// sheets.MaxBytes, whatever it is.
func ReadMembers(rb *rules.Rulebook, path string, opts ...Option) (scoring.Sheet, error) {
	f, err := FormatOf(path)
	if err != nil {
		return scoring.Sheet{}, err
	}
	members := func(sh scoring.Sheet) scoring.Sheet {
		return scoring.Sheet{Cluster: sh.Cluster, Year: sh.Year, Members: sh.Members}
	}
	switch f {
	case XLSX:
		sh, _, err := Load(rb, path, opts...)
		if err != nil && len(sh.Members) == 0 {
			return scoring.Sheet{}, err
		}
		return members(sh), nil
	case CSV:
		if _, err := options(path, f, opts); err != nil {
			return scoring.Sheet{}, err
		}
		data, err := bounded.ReadFile(path, sheets.MaxBytes)
		if err != nil {
			return scoring.Sheet{}, err
		}
		if ms, ok, err := memberList(path, data); ok {
			return scoring.Sheet{Members: ms}, err
		}
		sh, err := sheets.ReadCSV(path, bytes.NewReader(data))
		if err != nil {
			return scoring.Sheet{}, err
		}
		return members(sh), nil
	}
	sh, _, err := Load(rb, path, opts...)
	if err != nil {
		return scoring.Sheet{}, err
	}
	return members(sh), nil
}

// idHeaders and nameHeaders are the headers of a member list's columns,
// lower case, in NFC.
var (
	idHeaders   = []string{"id", "member", "mã", "mã đơn vị"}
	nameHeaders = []string{"name", "tên", "tên đơn vị", "đơn vị"}
)

// memberList reads a CSV list of members (see ReadMembers) from data, the
// file named name. ok is false if data is not such a list: its header
// cannot be read, or it has a record column (it is a score sheet).
func memberList(name string, data []byte) (ms []scoring.Member, ok bool, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = csvutil.Delimiter(data)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, false, nil
	}
	headerLine, _ := r.FieldPos(0)
	idCol, nameCol := -1, -1
	for i, h := range header {
		h = strings.ToLower(norm.NFC.String(strings.TrimSpace(h)))
		switch {
		case h == "record":
			return nil, false, nil
		case slices.Contains(idHeaders, h):
			idCol = i
		case slices.Contains(nameHeaders, h):
			nameCol = i
		}
	}
	problem := func(line int, member string, m lang.Message) *scoring.InputError {
		return &scoring.InputError{File: name, Line: line, Member: member, Msg: m.In(lang.English), Message: m}
	}
	if idCol < 0 {
		return nil, true, scoring.InputErrors{problem(headerLine, "", lang.Msg("members.no_id_column"))}
	}
	var es scoring.InputErrors
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, m := csvutil.Located(err)
			es = append(es, problem(line, "", m))
			break // a quoting error leaves the reader out of step
		}
		line, _ := r.FieldPos(0)
		get := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			return norm.NFC.String(strings.TrimSpace(rec[i]))
		}
		id, nm := get(idCol), get(nameCol)
		switch {
		case id == "" && nm == "":
			continue
		case id == "":
			es = append(es, problem(line, "", lang.Msg("members.no_id", lang.Quote(nm))))
			continue
		}
		if prev, dup := seen[id]; dup {
			es = append(es, problem(line, id, lang.Msg("members.twice", prev)))
			continue
		}
		seen[id] = line
		ms = append(ms, scoring.Member{ID: id, Name: nm, Source: scoring.Source{File: name, Line: line}})
	}
	if len(es) > 0 {
		return ms, true, es
	}
	return ms, true, nil
}
