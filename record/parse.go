package record

import (
	"encoding/base64"
	"regexp"
	"strconv"
	"time"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/record/jcs"
)

// Load reads a record file, at most MaxBytes of it, as Parse does; its
// problems name the file.
func Load(path string) (*Record, error) {
	data, err := bounded.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	return parse(path, data)
}

// Parse reads a record strictly: one JSON object (I-JSON, RFC 7493) with
// the fields of schema "thidua/record/v1" and no other, each of its form
// (hashes "sha256:" and 64 lower-case hex digits, integers and decimals as
// strings in canonical form, the time in RFC 3339 UTC to the second), at
// most MaxBytes long. The record must be written in its canonical form
// (Marshal), with or without its final line feed: a record formatted
// otherwise, even with the same content, is refused, so that no byte of a
// record can change unnoticed. Problems are *Error values in an Errors
// list, each with its line, column and key path.
func Parse(data []byte) (*Record, error) { return parse("", data) }

func parse(name string, data []byte) (*Record, error) {
	if len(data) > MaxBytes {
		return nil, &bounded.TooLargeError{Path: name, Limit: MaxBytes}
	}
	v, err := jcs.Parse(data)
	if err != nil {
		se := err.(*jcs.SyntaxError)
		return nil, Errors{{File: name, Line: se.Line, Column: se.Column, Message: se.Message}}
	}
	d := &decoder{file: name}
	r := d.record(v)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	canonical := r.Marshal()
	got := data
	if len(got) == len(canonical)-1 {
		canonical = canonical[:len(canonical)-1]
	}
	if string(got) != string(canonical) {
		i := 0
		for i < len(got) && i < len(canonical) && got[i] == canonical[i] {
			i++
		}
		line, col := position(data, i)
		return nil, Errors{{File: name, Line: line, Column: col, Message: lang.Msg("record.err.not_canonical", i)}}
	}
	return r, nil
}

// position is the line and column (counting bytes) of offset i.
func position(data []byte, i int) (int, int) {
	line, start := 1, 0
	for j := 0; j < i && j < len(data); j++ {
		if data[j] == '\n' {
			line, start = line+1, j+1
		}
	}
	return line, i - start + 1
}

var (
	hashForm    = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
	intForm     = regexp.MustCompile(`^(0|[1-9][0-9]{0,18})$`)
	yearForm    = regexp.MustCompile(`^[1-9][0-9]{3}$`)
	decimalForm = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$`)
)

// decoder turns a parsed document into a Record, collecting problems.
type decoder struct {
	file string
	errs Errors
}

func (d *decoder) fail(v jcs.Value, path string, m lang.Message) {
	d.errs = append(d.errs, &Error{File: d.file, Line: v.Line, Column: v.Column, Path: path, Message: m})
}

// obj is an object being read: each field read is marked, and done reports
// the others.
type obj struct {
	d    *decoder
	v    jcs.Value
	path string
	used map[string]bool
	ok   bool
}

func (d *decoder) obj(v jcs.Value, path string) *obj {
	o := &obj{d: d, v: v, path: path, used: map[string]bool{}, ok: v.Kind == jcs.Object}
	if !o.ok {
		d.fail(v, path, lang.Msg("record.err.want_object"))
	}
	return o
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// field returns the member name, reporting it missing if required.
func (o *obj) field(name string, required bool) (jcs.Value, bool) {
	if !o.ok {
		return jcs.Value{}, false
	}
	o.used[name] = true
	v, ok := o.v.Get(name)
	if !ok && required {
		o.d.fail(o.v, o.path, lang.Msg("record.err.missing", name))
	}
	return v, ok
}

func (o *obj) str(name string, required bool) string {
	v, ok := o.field(name, required)
	if !ok {
		return ""
	}
	if v.Kind != jcs.String {
		o.d.fail(v, join(o.path, name), lang.Msg("record.err.want_string"))
		return ""
	}
	return v.Str
}

// form reads a string that must match re; what names the form in a
// message ("record.err.form.*").
func (o *obj) form(name string, required bool, re *regexp.Regexp, what string) string {
	v, ok := o.field(name, required)
	s := o.str(name, false)
	if ok && v.Kind == jcs.String && !re.MatchString(s) {
		o.d.fail(v, join(o.path, name), lang.Msg(what, lang.Quote(s)))
	}
	return s
}

func (o *obj) hash(name string, required bool) string {
	return o.form(name, required, hashForm, "record.err.form.hash")
}

func (o *obj) integer(name string) string {
	return o.form(name, true, intForm, "record.err.form.integer")
}

func (o *obj) decimal(name string) string {
	return o.form(name, true, decimalForm, "record.err.form.decimal")
}

func (o *obj) boolean(name string) bool {
	v, ok := o.field(name, true)
	if ok && v.Kind != jcs.Bool {
		o.d.fail(v, join(o.path, name), lang.Msg("record.err.want_bool"))
	}
	return v.Bool
}

func (o *obj) strs(name string, required bool) []string {
	v, ok := o.field(name, required)
	if !ok {
		return nil
	}
	return o.d.strs(v, join(o.path, name))
}

func (d *decoder) strs(v jcs.Value, path string) []string {
	if v.Kind != jcs.Array {
		d.fail(v, path, lang.Msg("record.err.want_strings"))
		return nil
	}
	out := make([]string, 0, len(v.Items))
	for i, it := range v.Items {
		if it.Kind != jcs.String {
			d.fail(it, path+"["+strconv.Itoa(i)+"]", lang.Msg("record.err.want_string"))
			continue
		}
		out = append(out, it.Str)
	}
	return out
}

// array reads an array of objects, calling each for every item.
func (o *obj) array(name string, each func(*obj)) {
	v, ok := o.field(name, true)
	if !ok {
		return
	}
	path := join(o.path, name)
	if v.Kind != jcs.Array {
		o.d.fail(v, path, lang.Msg("record.err.want_array"))
		return
	}
	for i, it := range v.Items {
		item := o.d.obj(it, path+"["+strconv.Itoa(i)+"]")
		if item.ok {
			each(item)
			item.done()
		}
	}
}

// sub reads an object member.
func (o *obj) sub(name string, required bool) (*obj, bool) {
	v, ok := o.field(name, required)
	if !ok {
		return nil, false
	}
	s := o.d.obj(v, join(o.path, name))
	return s, s.ok
}

// done reports the members no one read.
func (o *obj) done() {
	if !o.ok {
		return
	}
	for _, mb := range o.v.Members {
		if !o.used[mb.Name] {
			o.d.fail(mb.Value, join(o.path, mb.Name), lang.Msg("record.err.unknown_key", lang.Quote(mb.Name)))
		}
	}
}

func (d *decoder) record(v jcs.Value) *Record {
	r := &Record{}
	o := d.obj(v, "")
	if !o.ok {
		return r
	}
	r.Schema = o.str("schema", true)
	if sv, ok := o.field("schema", false); ok && sv.Kind == jcs.String && r.Schema != Schema {
		d.fail(sv, "schema", lang.Msg("record.err.schema", Schema, lang.Quote(r.Schema)))
		return r // another layout: its other fields mean nothing here
	}
	r.Engine = o.str("engine", true)
	if tv, ok := o.field("sealed_at", true); ok {
		s := o.str("sealed_at", false)
		t, err := time.Parse(time.RFC3339, s)
		if tv.Kind == jcs.String && (err != nil || t.Format(time.RFC3339) != s || t.Location() != time.UTC) {
			d.fail(tv, "sealed_at", lang.Msg("record.err.form.time", lang.Quote(s)))
		}
		r.SealedAt = t.UTC()
	}
	r.Cluster = o.str("cluster", true)
	r.Year, _ = strconv.Atoi(o.form("year", true, yearForm, "record.err.form.year"))
	if rb, ok := o.sub("rulebook", true); ok {
		r.Rulebook = Rulebook{ID: rb.str("id", true), Version: rb.str("version", true), Title: rb.str("title", true), Hash: rb.hash("hash", true), FileHash: rb.hash("file_hash", false)}
		rb.done()
	}
	r.SheetHash = o.hash("sheet_hash", true)
	r.SheetFileHash = o.hash("sheet_file_hash", false)
	if lots, ok := o.sub("lots", false); ok {
		r.Lots = &Lots{Seed: lots.form("seed", false, intForm, "record.err.form.integer"), Recorded: lots.strs("recorded", false)}
		if dv, ok := lots.field("draws", false); ok {
			if dv.Kind != jcs.Array {
				d.fail(dv, "lots.draws", lang.Msg("record.err.want_array"))
			}
			for i, it := range dv.Items {
				r.Lots.Draws = append(r.Lots.Draws, d.strs(it, "lots.draws["+strconv.Itoa(i)+"]"))
			}
		}
		lots.done()
	}
	if res, ok := o.sub("result", false); ok {
		r.Result = d.result(res)
		res.done()
	}
	r.ResultHash = o.hash("result_hash", true)
	r.Prev = o.hash("prev", false)
	r.Signer = o.hash("signer", false)
	r.StatedHash = o.hash("hash", true)
	if sv, ok := o.field("signature", false); ok {
		s := o.str("signature", false)
		sig, err := base64.StdEncoding.Strict().DecodeString(s)
		switch {
		case sv.Kind != jcs.String:
		case err != nil || len(sig) != 64:
			d.fail(sv, "signature", lang.Msg("record.err.form.signature", lang.Quote(s)))
		case r.Signer == "":
			d.fail(sv, "signature", lang.Msg("record.err.signature_without_signer"))
		default:
			r.Signature = sig
		}
	}
	o.done()
	return r
}

func (d *decoder) result(o *obj) *Result {
	res := &Result{Basis: o.str("basis", true), Rows: []Row{}, Awards: []Award{}, Ties: []Tie{}}
	o.array("rows", func(ro *obj) {
		res.Rows = append(res.Rows, Row{
			Rank: ro.integer("rank"), Member: ro.str("member", true), Name: ro.str("name", true), Tied: ro.boolean("tied"),
			Total: ro.decimal("total"), Percent: ro.decimal("percent"), Basis: ro.decimal("basis"),
			Awards: ro.strs("awards", true), Failed: ro.strs("failed_eligibility", true), DecidedBy: ro.str("decided_by", true),
		})
	})
	o.array("awards", func(ao *obj) {
		a := Award{Tier: ao.str("tier", true), Name: ao.str("name", true), Quota: ao.integer("quota"),
			Proposed: ao.strs("proposed", true), Skipped: []Skip{}, Forfeited: []Skip{}, Blocked: ao.boolean("blocked")}
		ao.array("skipped", func(so *obj) {
			a.Skipped = append(a.Skipped, Skip{Member: so.str("member", true), Failed: so.strs("failed", true)})
		})
		ao.array("forfeited", func(so *obj) {
			a.Forfeited = append(a.Forfeited, Skip{Member: so.str("member", true), Failed: so.strs("failed", true)})
		})
		if po, ok := ao.sub("pending", false); ok {
			a.Pending = &Pending{Places: po.integer("places"), Candidates: po.strs("candidates", true)}
			po.done()
		}
		res.Awards = append(res.Awards, a)
	})
	o.array("unresolved_ties", func(to *obj) {
		res.Ties = append(res.Ties, Tie{Rank: to.integer("rank"), Members: to.strs("members", true), Tried: to.strs("tried", true)})
	})
	return res
}
