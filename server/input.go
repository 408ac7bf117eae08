package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/sheets"
)

// field is one input of a request: a file (a rulebook, a score sheet …)
// read with its limit, or a parameter (a member's id, a seed).
type field struct {
	name     string
	file     bool
	limit    int64 // a file's limit in bytes
	required bool
}

// maxParamBytes bounds a parameter's value; maxParts a multipart body's
// parts (each field once, with room for mistakes that are then named).
const (
	maxParamBytes = 4 << 10
	maxParts      = 64
	// slack is what a body may hold besides its files: multipart headers
	// and boundaries, parameters.
	slack = 1 << 20
)

// upload is a file a request carries: its name (the upload's file name,
// or the field's) and its content.
type upload struct {
	name string
	data []byte
}

// request is what a request carries, read and bounded.
type request struct {
	files  map[string]upload
	params map[string]string
	// rulebooks are the server's parsed rulebooks (nil: none kept), for
	// rulebook.
	rulebooks *rulebookCache
}

// requestError is a problem with the request itself rather than with one
// of its files: a field missing or unknown, a parameter out of range, a
// body that cannot be read.
type requestError struct {
	Status  int
	Path    string // the field concerned, if any
	Message lang.Message
}

func (e *requestError) Error() string          { return e.Message.In(lang.English) }
func (e *requestError) Text(t lang.Tag) string { return e.Message.In(t) }
func (e *requestError) Located() lang.Message  { return e.Message }

func badRequest(field string, m lang.Message) error {
	return &requestError{Status: http.StatusBadRequest, Path: field, Message: m}
}

// bodyLimit is the most a request's body may hold for the fields: the
// files' limits and the slack, twice that for JSON (whose strings escape
// quotes and line breaks, and whose base64 is a third longer).
func bodyLimit(fs []field, json bool) int64 {
	n := int64(slack)
	for _, f := range fs {
		if f.file {
			n += f.limit
		}
	}
	if json {
		n *= 2
	}
	return n
}

// tooLarge is the problem of a body over its limit.
func tooLarge(limit int64) error {
	return &requestError{Status: http.StatusRequestEntityTooLarge, Message: lang.Msg("server.body.too_large", limit)}
}

// readRequest reads the request's body, multipart/form-data or a JSON
// object, as the fields say: every file within its limit, the body within
// the sum of them (a body declared larger is refused before it is read).
func readRequest(w http.ResponseWriter, r *http.Request, fs []field) (*request, error) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil && ct != "" {
		mt = ct
	}
	isJSON := mt == "application/json"
	if !isJSON && mt != "multipart/form-data" {
		return nil, &requestError{Status: http.StatusUnsupportedMediaType, Message: lang.Msg("server.body.media_type", lang.Quote(cut(ct, 60)))}
	}
	limit := bodyLimit(fs, isJSON)
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	var in *request
	if isJSON {
		in, err = readJSON(r.Body, fs)
	} else {
		in, err = readMultipart(r, fs)
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, tooLarge(limit)
	}
	if err != nil {
		return nil, err
	}
	if s, ok := r.Context().Value(serverKey{}).(*server); ok {
		in.rulebooks = s.rulebooks
	}
	for _, f := range fs {
		_, isFile := in.files[f.name]
		_, isParam := in.params[f.name]
		if f.required && !isFile && !isParam {
			return nil, badRequest(f.name, lang.Msg("server.field.missing", f.name))
		}
	}
	return in, nil
}

func lookup(fs []field, name string) (field, bool) {
	i := slices.IndexFunc(fs, func(f field) bool { return f.name == name })
	if i < 0 {
		return field{}, false
	}
	return fs[i], true
}

// readMultipart reads a multipart/form-data body part by part: a file
// field's part (with or without a file name) is read within the file's
// limit, any other part within maxParamBytes.
func readMultipart(r *http.Request, fs []field) (*request, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, badRequest("", lang.Msg("server.body.multipart", err.Error()))
	}
	in := &request{files: map[string]upload{}, params: map[string]string{}}
	for n := 0; ; n++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			return in, nil
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		if err != nil {
			return nil, badRequest("", lang.Msg("server.body.multipart", err.Error()))
		}
		if n >= maxParts {
			return nil, badRequest("", lang.Msg("server.body.parts", maxParts))
		}
		name := part.FormName()
		f, ok := lookup(fs, name)
		if !ok {
			return nil, badRequest(name, lang.Msg("server.field.unknown", lang.Quote(cut(name, 60))))
		}
		if err := in.add(f, part.FileName(), part); err != nil {
			return nil, err
		}
	}
}

// add reads one field's value from r: a file within its limit, named
// filename (or the field's name), or a parameter.
func (in *request) add(f field, filename string, r io.Reader) error {
	if _, ok := in.files[f.name]; ok {
		return badRequest(f.name, lang.Msg("server.field.twice", f.name))
	}
	if _, ok := in.params[f.name]; ok {
		return badRequest(f.name, lang.Msg("server.field.twice", f.name))
	}
	if !f.file {
		data, err := readBounded(f.name, r, maxParamBytes)
		if err != nil {
			return err
		}
		in.params[f.name] = string(data)
		return nil
	}
	name := cleanName(filename, f.name)
	data, err := readBounded(name, r, f.limit)
	if err != nil {
		return err
	}
	in.files[f.name] = upload{name: name, data: data}
	return nil
}

// readBounded reads r, at most limit bytes of it, as bounded.Read does
// (a *bounded.TooLargeError naming name if r holds more), through a buffer
// kept for the next request: a multipart part, which does not say how
// long it is, is then copied once into a slice of its size instead of
// into ever larger ones.
func readBounded(name string, r io.Reader, limit int64) ([]byte, error) {
	buf := readBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxKeptRead {
			buf.Reset()
			readBuffers.Put(buf)
		}
	}()
	buf.Reset()
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &bounded.TooLargeError{Path: name, Limit: limit}
	}
	return append(make([]byte, 0, buf.Len()), buf.Bytes()...), nil
}

// readBuffers keeps readBounded's buffers; maxKeptRead is the largest
// kept, so that a few large uploads do not hold memory.
var readBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxKeptRead = 1 << 20

// readJSON reads a JSON object: each file as text under its field's name,
// or as base64 under NAME_base64 (an .xlsx workbook), with its file name,
// optionally, under NAME_filename; each parameter as a string, a number
// or true/false.
func readJSON(r io.Reader, fs []field) (*request, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var body any
	if err := dec.Decode(&body); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, badRequest("", lang.Msg("server.body.json", err.Error()))
	}
	obj, ok := body.(map[string]any)
	if !ok {
		return nil, badRequest("", lang.Msg("server.body.not_object"))
	}
	in := &request{files: map[string]upload{}, params: map[string]string{}}
	names := map[string]string{}
	for _, k := range sortedKeys(obj) {
		if base, ok := strings.CutSuffix(k, "_filename"); ok {
			if f, ok := lookup(fs, base); ok && f.file {
				s, ok := obj[k].(string)
				if !ok {
					return nil, badRequest(k, lang.Msg("server.field.type", k))
				}
				names[base] = s
				continue
			}
		}
	}
	for _, k := range sortedKeys(obj) {
		v := obj[k]
		if v == nil {
			continue
		}
		name, b64 := strings.CutSuffix(k, "_base64")
		if base, ok := strings.CutSuffix(k, "_filename"); ok {
			if f, ok := lookup(fs, base); ok && f.file {
				continue // read above
			}
		}
		f, ok := lookup(fs, name)
		if !ok || (b64 && !f.file) {
			return nil, badRequest(k, lang.Msg("server.field.unknown", lang.Quote(cut(k, 60))))
		}
		var s string
		switch x := v.(type) {
		case string:
			s = x
		case json.Number:
			s = x.String()
		case bool:
			s = strconv.FormatBool(x)
		default:
			return nil, badRequest(k, lang.Msg("server.field.type", k))
		}
		if _, isText := v.(string); f.file && !isText {
			return nil, badRequest(k, lang.Msg("server.field.type", k))
		}
		var src io.Reader = strings.NewReader(s)
		if b64 {
			data, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return nil, badRequest(k, lang.Msg("server.field.base64", k))
			}
			src = bytes.NewReader(data)
		}
		if err := in.add(f, names[name], src); err != nil {
			return nil, err
		}
	}
	return in, nil
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// cleanName is an upload's file name as messages name it: its last
// element, without control characters, at most 120 characters; def if
// nothing is left.
func cleanName(filename, def string) string {
	filename = path.Base(strings.ReplaceAll(filename, `\`, "/"))
	filename = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, filename)
	filename = cut(filename, 120)
	if filename == "" || filename == "." || filename == "/" {
		return def
	}
	return filename
}

// cut keeps the first n runes of s.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// str is a parameter's value ("" if not given).
func (in *request) str(name string) string { return strings.TrimSpace(in.params[name]) }

// has reports whether a field was given.
func (in *request) has(name string) bool {
	_, p := in.params[name]
	_, f := in.files[name]
	return p || f
}

// intParam reads a whole number from lo to hi; def if not given.
func (in *request) intParam(name string, def, lo, hi int) (int, error) {
	s := in.str(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badRequest(name, lang.Msg("server.param.int", name, lang.Quote(cut(s, 60)), lo, hi))
	}
	return n, nil
}

// uintParam reads a seed; set is false if it is not given.
func (in *request) uintParam(name string) (v uint64, set bool, err error) {
	s := in.str(name)
	if s == "" {
		return 0, false, nil
	}
	v, perr := strconv.ParseUint(s, 10, 64)
	if perr != nil {
		return 0, false, badRequest(name, lang.Msg("server.param.uint", name, lang.Quote(cut(s, 60))))
	}
	return v, true, nil
}

// boolParam reads true or false (also 1/0, on/off as a form sends them);
// false if not given.
func (in *request) boolParam(name string) (bool, error) {
	switch strings.ToLower(in.str(name)) {
	case "", "false", "0", "off", "no":
		return false, nil
	case "true", "1", "on", "yes":
		return true, nil
	}
	return false, badRequest(name, lang.Msg("server.param.bool", name, lang.Quote(cut(in.str(name), 60))))
}

// decimalParam reads a number with a decimal point or comma; set is false
// if it is not given.
func (in *request) decimalParam(name string) (d decimal.Decimal, set bool, err error) {
	s := in.str(name)
	if s == "" {
		return decimal.Decimal{}, false, nil
	}
	d, perr := sheets.ParseDecimal(s)
	if perr != nil {
		return decimal.Decimal{}, false, badRequest(name, lang.Msg("server.param.decimal", name, lang.Quote(cut(s, 60))))
	}
	return d, true, nil
}

// choice reads one of the allowed values; def if not given.
func (in *request) choice(name, def string, allowed ...string) (string, error) {
	s := strings.ToLower(in.str(name))
	if s == "" {
		return def, nil
	}
	if !slices.Contains(allowed, s) {
		return "", badRequest(name, lang.Msg("server.param.choice", name, lang.Quote(cut(in.str(name), 60)), strings.Join(allowed, ", ")))
	}
	return s, nil
}

// langParam reads the language of a document or report: vi (default) or
// en.
func (in *request) langParam() (lang.Tag, error) {
	s, err := in.choice("lang", "vi", "vi", "en")
	if err != nil {
		return 0, err
	}
	return lang.Parse(s)
}

// exclusive refuses two fields given together, and with required also
// neither of them.
func (in *request) exclusive(a, b string, required bool) error {
	switch {
	case in.has(a) && in.has(b):
		return badRequest(b, lang.Msg("server.field.exclusive", a, b))
	case required && !in.has(a) && !in.has(b):
		return badRequest(a, lang.Msg("server.field.one_of", a, b))
	}
	return nil
}

// errorf is an internal error (a bug, or a writer that failed).
func errorf(format string, args ...any) error {
	return &requestError{Status: http.StatusInternalServerError, Message: lang.Msg("server.internal", fmt.Sprintf(format, args...))}
}
