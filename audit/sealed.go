package audit

import (
	"bytes"
	"cmp"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// IsSealedRecord reports whether the file is a sealed result record (a
// JSON object whose "schema" is record.Schema, "thidua/record/v1") rather
// than a recorded result. A file that cannot be read, or is not JSON, is
// not one; nor is anything but a regular file (a FIFO, a device, standard
// input), which is not read at all, so that a stream is read once, by
// whatever reads the recorded result.
func IsSealedRecord(path string) bool {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return false
	}
	data, err := bounded.ReadFile(path, record.MaxBytes)
	if err != nil {
		return false
	}
	return isSealedRecord(data)
}

func isSealedRecord(data []byte) bool {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	var head struct {
		Schema string `json:"schema"`
	}
	return json.Unmarshal(data, &head) == nil && head.Schema == record.Schema
}

// AuditSealed audits a sealed result record (thidua/record/v1, see
// package record) in place of a recorded result: it reads the rulebook,
// the score sheet (in any format, with the scoresheet options) and the
// record, verifies the record against them (record.Verify: that it is
// intact, its signature with key if key is not nil, that it names this
// rulebook and this sheet — their content and, when it holds them, their
// files' bytes — and that ranking the sheet again gives the result
// sealed) and reports each check as a finding, in any language: a check
// that fails is an error of kind KindRecordTampered, KindRecordRulebook,
// KindRecordSheet, KindRecordResult or KindRecordKey; a signed record
// whose key was not given is a warning (its signature is not checked);
// a check that holds, or had nothing to check, is an info of kind
// KindRecordChecked. The rulebook must also be in force in the year of
// the sheet (KindNotInForce) and not be dated after the sealing
// (DatedAfter). Problems with the sheet's rows are findings (the sheet
// then is not the one sealed).
//
// An unreadable or invalid rulebook or record, a missing file, a sheet of
// an unknown format and a cancelled context are errors. The report's
// Members is empty: the record's result is compared as a whole, by its
// hash, and the first difference named.
func AuditSealed(ctx context.Context, rulesPath, scoresPath, recordPath string, key ed25519.PublicKey, opts ...scoresheet.Option) (Report, error) {
	data, err := bounded.ReadFile(rulesPath, rules.MaxBytes)
	if err != nil {
		return Report{}, err
	}
	rb, err := rules.Parse(rulesPath, data)
	if err != nil {
		return Report{}, err
	}
	return auditSealed(ctx, rb, data, rulesPath, scoresPath, recordPath, key, opts...)
}

func auditSealed(ctx context.Context, rb *rules.Rulebook, rbData []byte, rulesPath, scoresPath, recordPath string, key ed25519.PublicKey, opts ...scoresheet.Option) (Report, error) {
	if err := ctx.Err(); err != nil {
		return Report{}, stopped(err)
	}
	rec, err := record.Load(recordPath)
	if err != nil {
		return Report{}, err
	}
	if rbData == nil {
		if rbData, err = bounded.ReadFile(rulesPath, rules.MaxBytes); err != nil {
			return Report{}, err
		}
	}
	if _, err := scoresheet.FormatOf(scoresPath); err != nil {
		return Report{}, err
	}
	sh, warns, err := scoresheet.Check(rb, scoresPath, opts...)
	var readErrs scoring.InputErrors
	if err != nil && !errors.As(err, &readErrs) {
		return Report{}, err
	}
	if len(readErrs) == 1 && readErrs[0].Line == 0 && readErrs[0].Message.Key == "scoresheet.mapping.not_xlsx" {
		return Report{}, err // a mistaken option, not a problem of the sheet
	}
	shData, err := bounded.ReadFile(scoresPath, sheets.MaxBytes)
	if err != nil {
		return Report{}, err
	}
	if err := ctx.Err(); err != nil {
		return Report{}, stopped(err)
	}
	var fs []Finding
	for _, w := range warns {
		m := w.Message
		if m.IsZero() {
			m = lang.Msg("audit.sheet.quoted", w.Msg)
		}
		if where := strings.Trim(w.Sheet+"!"+w.Cell, "!"); where != "" {
			m = lang.Msg("audit.sheet.at", where).With(m)
		}
		fs = append(fs, Finding{Severity: Warning, Kind: KindSheet, Source: Source{File: w.File}, Message: m})
	}
	for _, e := range readErrs {
		m := e.Message
		if m.IsZero() {
			m = lang.Msg("problem.text", e.Msg)
		}
		fs = append(fs, Finding{Severity: Error, Kind: KindSheet, Member: e.Member, Criterion: e.Criterion, Source: Source{File: e.File, Line: e.Line},
			Message: lang.Msg("audit.sheet.problem").With(m)})
	}
	name := lang.Msg("audit.rulebook", rb.ID(), rb.Version())
	if p := rb.InForce(); sh.Year != 0 && !p.Contains(sh.Year) {
		fs = append(fs, Finding{Severity: Error, Kind: KindNotInForce, Recorded: strconv.Itoa(sh.Year), Recomputed: p.String(),
			Message: lang.Msg("audit.not_in_force.sheet", sh.Year, p.String()).With(name)})
	}
	vr := record.Verify(rec, record.Check{Rulebook: rb, Sheet: &sh, RulebookFile: rbData, SheetFile: shData, PublicKey: key})
	for _, f := range vr.Findings {
		fs = append(fs, recordFinding(f, rec, rb, &sh, key, recordPath))
	}
	fs = append(fs, DatedAfter(rb, sh.Year, "", rec.SealedAt)...)

	r := Report{
		Schema:  Schema,
		Cluster: cmp.Or(sh.Cluster, rec.Cluster),
		Year:    cmp.Or(sh.Year, rec.Year),
		Inputs: Inputs{
			Rulebook: RulebookInput{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash(), File: rulesPath},
			Sheet:    InputFile{File: scoresPath, Hash: sh.Hash()},
			Recorded: InputFile{File: recordPath, Hash: rec.Hash()},
		},
		Findings: []Finding{},
		Members:  []Comparison{},
	}
	if p := rb.InForce(); !p.From.IsZero() || !p.To.IsZero() {
		r.Inputs.Rulebook.InForce = p.String()
	}
	r.sealed = true
	r.addFindings(fs...)
	return r, nil
}

// recordFinding turns a check of record.Verify into a finding.
func recordFinding(f record.Finding, rec *record.Record, rb *rules.Rulebook, sh *scoring.Sheet, key ed25519.PublicKey, file string) Finding {
	check := record.CheckName(f.Check)
	out := Finding{Severity: Info, Kind: KindRecordChecked, Rule: f.Check, Source: Source{File: file},
		Message: lang.Msg("control.record.finding").With(check, f.Message)}
	if f.Status != record.Failed {
		return out
	}
	out.Severity = Error
	switch f.Kind {
	case record.WrongRulebook:
		out.Kind, out.Recorded = KindRecordRulebook, rec.Rulebook.Hash
		if rb != nil {
			out.Recomputed = rb.Hash()
		}
	case record.ChangedSheet:
		out.Kind, out.Recorded = KindRecordSheet, rec.SheetHash
		if sh != nil {
			out.Recomputed = sh.Hash()
		}
	case record.DifferentResult:
		out.Kind, out.Recorded = KindRecordResult, rec.ResultHash
	case record.UnknownKey:
		out.Kind, out.Recorded = KindRecordKey, rec.Signer
		if key == nil && rec.Signer != "" {
			// Signed, and no key to check it with: the audit cannot say
			// who signed it, but the record may well be right.
			out.Severity = Warning
			out.Message = lang.Msg("control.record.finding").With(check, lang.Msg("control.record.no_key", rec.Signer))
		}
	default:
		out.Kind = KindRecordTampered
	}
	return out
}
