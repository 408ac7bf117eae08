package server

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// ProblemsSchema is the value of Problems.Schema: the name and version of
// the JSON layout of an error response.
const ProblemsSchema = "thidua/problems/v1"

// MaxListed is how many problems an error response lists one by one; the
// rest are counted by code (Problems.ByCode counts them all). A sheet of a
// hundred thousand members with no scores has more than a million
// problems, which no client reads.
const MaxListed = 1000

// Problems is the body of every error response (4xx, 5xx): the problems
// found, each located and written in Vietnamese and English.
type Problems struct {
	Schema string `json:"schema"`
	// Status repeats the response's HTTP status code.
	Status int `json:"status"`
	// Count is the number of problems found; at most MaxListed of them are
	// in Problems.
	Count    int       `json:"count"`
	Problems []Problem `json:"problems"`
	// ByCode counts every problem found by its code, when more were found
	// than are listed.
	ByCode map[string]int `json:"by_code,omitempty"`
}

// Problem is one problem with a request or one of its files, as the JSON
// API reports it: a stable code, where it is, which member and criterion
// it concerns, and the sentence in both languages.
type Problem struct {
	// Code is the problem's stable code, the catalogue key of its sentence
	// ("input.value.above_max", "rules.criterion.max", "server.field.missing"):
	// a program switches on it rather than on the text. It is "" for an
	// error the library does not state itself (one it passes on).
	Code string `json:"code"`
	// Where is the problem's place, as far as it is known.
	Where *Where `json:"where,omitempty"`
	// Member and Criterion are the ids the problem concerns, if any
	// (Criterion may also name a bonus or deduction item, a fact, an award
	// tier or a key of a recorded result).
	Member    string `json:"member,omitempty"`
	Criterion string `json:"criterion,omitempty"`
	// Text is the problem in Vietnamese and English, place first, as the
	// command line writes it.
	Text Text `json:"text"`
	// Message is the same sentence as a message (see docs/json.md), for a
	// program that writes it itself; absent for an error that has none.
	Message *lang.Message `json:"message,omitempty"`
}

// Where is a problem's place: the file (the upload's name), its line and
// column, the key path inside a JSON or YAML document ("criteria[1].max",
// "scores[3].value", a scenario's edit) and the cell of a workbook
// ("Bảng điểm!D14"). Each is omitted when unknown.
type Where struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Path   string `json:"path,omitempty"`
	Cell   string `json:"cell,omitempty"`
}

// Text is a sentence in both languages.
type Text struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

// texter is what every problem and warning of the library is: a value
// that writes itself in a language.
type texter interface {
	Text(t lang.Tag) string
}

// Describe turns any error the library returns into its problems, one per
// individual error (lists are flattened: rules.Errors, scoring.InputErrors,
// errors.Join …). It reads what each error carries through interfaces
// (Text, Located, Message) and the fields the library's located errors
// share by name — File, Line, Column, Path, Where, Sheet and Cell, Member,
// Criterion (or Key), Message — so that a new error type is described
// without a change here.
func Describe(err error) []Problem {
	var out []Problem
	for _, e := range flatten(err) {
		out = append(out, describe(e))
	}
	return out
}

// flatten returns the individual errors of err, looking through wrappers
// that hide a list or a located error (fmt.Errorf("…: %w", list)).
func flatten(err error) []error {
	var out []error
	for _, e := range problem.Flatten(err) {
		out = append(out, unwrapTo(e)...)
	}
	return out
}

// unwrapTo is e if it states itself (Text), else the first error in its
// chain that does, or the problems of the first list in it; e itself if
// there is none.
func unwrapTo(e error) []error {
	if _, ok := e.(texter); ok {
		return []error{e}
	}
	for x := errors.Unwrap(e); x != nil; x = errors.Unwrap(x) {
		if _, ok := x.(interface{ Unwrap() []error }); ok {
			return flatten(x)
		}
		if _, ok := x.(texter); ok {
			return []error{x}
		}
	}
	return []error{e}
}

// describe is one error or warning as a Problem.
func describe(v any) Problem {
	var p Problem
	if t, ok := v.(texter); ok {
		p.Text = Text{VI: t.Text(lang.Vietnamese), EN: t.Text(lang.English)}
	} else if e, ok := v.(error); ok {
		p.Text = Text{VI: e.Error(), EN: e.Error()}
	}
	var m lang.Message
	switch x := v.(type) {
	case interface{ Located() lang.Message }:
		m = x.Located()
	case interface{ Message() lang.Message }:
		m = x.Message()
	}
	f := fieldsOf(v)
	if m.IsZero() {
		m = f.message
	}
	if !m.IsZero() {
		p.Message = &m
		p.Code = codeOf(m)
	}
	if tl := (*bounded.TooLargeError)(nil); errors.As(asError(v), &tl) {
		f.file, f.path = tl.Path, "" // its Path is the file's
	}
	p.Member, p.Criterion = f.member, f.criterion
	w := Where{File: f.file, Line: f.line, Column: f.column, Path: f.path, Cell: f.cell}
	if w != (Where{}) {
		p.Where = &w
	}
	return p
}

func asError(v any) error {
	if e, ok := v.(error); ok {
		return e
	}
	return nil
}

// codeOf is a message's code: its key, under the messages that only place
// it ("problem.at", "problem.at_member"), as problem.Code finds it.
func codeOf(m lang.Message) string {
	for strings.HasPrefix(m.Key, "problem.") && len(m.Parts) > 0 {
		m = m.Parts[len(m.Parts)-1]
	}
	if m.Key == "problem.text" {
		return ""
	}
	return m.Key
}

// fields are what a located error carries, read by field name.
type fields struct {
	file, path, cell, member, criterion string
	line, column                        int
	message                             lang.Message
}

var messageType = reflect.TypeFor[lang.Message]()

// fieldsOf reads the fields the library's located errors and warnings
// share by name, from a struct or a pointer to one.
func fieldsOf(v any) fields {
	var f fields
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return f
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return f
	}
	str := func(name string) string {
		if x := rv.FieldByName(name); x.IsValid() && x.Kind() == reflect.String {
			if sf, _ := rv.Type().FieldByName(name); sf.IsExported() {
				return x.String()
			}
		}
		return ""
	}
	num := func(name string) int {
		if x := rv.FieldByName(name); x.IsValid() && x.CanInt() {
			if sf, _ := rv.Type().FieldByName(name); sf.IsExported() {
				return int(x.Int())
			}
		}
		return 0
	}
	f.file, f.line, f.column = str("File"), num("Line"), num("Column")
	f.path = str("Path")
	f.member = str("Member")
	f.criterion = cmpOr(str("Criterion"), str("Key"))
	// Where is a key path in a JSON or YAML file, a scenario's edit, or a
	// workbook's cells ("Bảng điểm!D14"); Sheet and Cell a workbook's.
	if where := str("Where"); where != "" {
		if strings.Contains(where, "!") {
			f.cell = where
		} else if f.path == "" {
			f.path = where
		}
	}
	if sheet, cell := str("Sheet"), str("Cell"); cell != "" || sheet != "" {
		f.cell = sheet
		if cell != "" {
			f.cell = sheet + "!" + cell
		}
	}
	if x := rv.FieldByName("Message"); x.IsValid() && x.Type() == messageType {
		f.message = x.Interface().(lang.Message)
	}
	return f
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// tooLargeCodes are the codes of an input larger than its limit in bytes:
// the response is then 413.
var tooLargeCodes = map[string]bool{
	"file.too_large": true, "sheet.too_large": true, "recorded.too_large": true, "mapping.too_large": true,
	"decode.too_large": true, "xlsx.limit.bytes": true, "server.body.too_large": true,
}

// statusOf is the HTTP status of an error from reading or computing a
// request: 413 for an input over its size limit, 503 for a deadline
// passed, 422 for problems the library states, 500 for anything else.
func statusOf(err error, ps []Problem) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe), errors.Is(err, bounded.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	located := false
	for _, p := range ps {
		if tooLargeCodes[p.Code] {
			return http.StatusRequestEntityTooLarge
		}
		if p.Code != "" {
			located = true
		}
	}
	if located {
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// newProblems is the body of an error response with the problems ps.
func newProblems(status int, ps []Problem) Problems {
	out := Problems{Schema: ProblemsSchema, Status: status, Count: len(ps), Problems: ps}
	if out.Problems == nil {
		out.Problems = []Problem{}
	}
	if len(ps) > MaxListed {
		out.Problems = ps[:MaxListed]
		out.ByCode = map[string]int{}
		for _, p := range ps {
			out.ByCode[p.Code]++
		}
	}
	return out
}

// codes lists the codes of the problems, sorted, each once (for tests and
// logs).
func codes(ps []Problem) []string {
	set := map[string]bool{}
	for _, p := range ps {
		set[p.Code] = true
	}
	return slices.Sorted(maps.Keys(set))
}
