package rules

import (
	"encoding/json"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/lang"
)

// LegalRef is one entry of a regulation's legal basis (căn cứ pháp lý): a
// law, decree or circular, optionally with the period it is in force
// (thời gian có hiệu lực). The law changes under a cluster's feet — results
// for 2020–2023 rest on Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013)
// and Nghị định 91/2017/NĐ-CP, results from 2024 on Luật Thi đua, khen
// thưởng 06/2022/QH15 and Nghị định 98/2023/NĐ-CP — so a document drafted
// for the result of year Y cites only the entries in force in Y
// (Regulation.LegalBasisIn).
//
// In a file an entry is either a plain text, in force whenever the rulebook
// is,
//
//	legal_basis:
//	  - Nghị định 91/2017/NĐ-CP
//
// or a mapping with the text and the dates (either may be omitted: open
// ended):
//
//	legal_basis:
//	  - {text: Nghị định 91/2017/NĐ-CP, to: 2023-12-31}
//	  - {text: Luật Thi đua, khen thưởng số 06/2022/QH15, from: 2024-01-01}
//
// An entry without dates is hashed, marshalled and compared exactly as the
// plain text it was before entries could carry dates, so a rulebook that
// does not use them keeps its content hash.
type LegalRef struct {
	Text string `yaml:"text" json:"text"` // e.g. "Nghị định 91/2017/NĐ-CP"
	From Date   `yaml:"from" json:"from,omitzero"`
	To   Date   `yaml:"to" json:"to,omitzero"`
}

// String returns the entry's text.
func (l LegalRef) String() string { return l.Text }

// Dated reports whether the entry carries a period of its own.
func (l LegalRef) Dated() bool { return !l.From.IsZero() || !l.To.IsZero() }

// Period returns the period the entry is in force (open-ended where no
// date is given).
func (l LegalRef) Period() Period { return Period{From: l.From, To: l.To} }

// InForce reports whether the entry is in force at some time in the
// calendar year y (its period overlaps the year). An entry without dates is
// in force every year; y = 0 (year unknown) matches every entry.
func (l LegalRef) InForce(y int) bool { return y == 0 || l.Period().Contains(y) }

// legalRefFields is LegalRef without its methods and its decoding hook:
// what the mapping form decodes into.
type legalRefFields LegalRef

// MarshalText writes the entry for the content hash (internal/canon): the
// plain text for an entry without dates, as before entries could carry
// them; otherwise its JSON form.
func (l LegalRef) MarshalText() ([]byte, error) {
	if !l.Dated() {
		return []byte(l.Text), nil
	}
	return json.Marshal(legalRefFields(l))
}

// MarshalJSON writes an entry without dates as a JSON string, one with dates
// as {"text": …, "from": …, "to": …}.
func (l LegalRef) MarshalJSON() ([]byte, error) {
	if !l.Dated() {
		return json.Marshal(l.Text)
	}
	return json.Marshal(legalRefFields(l))
}

// MarshalYAML writes an entry without dates as a plain text, one with dates
// as a mapping.
func (l LegalRef) MarshalYAML() (any, error) {
	if !l.Dated() {
		return l.Text, nil
	}
	return struct {
		Text string `yaml:"text"`
		From Date   `yaml:"from,omitempty"`
		To   Date   `yaml:"to,omitempty"`
	}{l.Text, l.From, l.To}, nil
}

// LegalBasisIn returns the entries of the legal basis in force in the
// calendar year y (all of them for y = 0), in the rulebook's order.
func (r Regulation) LegalBasisIn(y int) []LegalRef {
	var out []LegalRef
	for _, l := range r.LegalBasis {
		if l.InForce(y) {
			out = append(out, l)
		}
	}
	return out
}

// decodeLegalRef reads a legal-basis entry written as a plain text or as a
// mapping {text, from, to}.
func decodeLegalRef(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	l := v.Addr().Interface().(*LegalRef)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return // blank: reported by the validation
		}
		l.Text = n.Value
	case yaml.MappingNode:
		d.Decode(n, path, (*legalRefFields)(l))
	default:
		d.Add(n, path, lang.Msg("rules.legal_basis.shape"))
	}
}

// legalBasis checks the regulation's legal basis: every entry has a text
// without control characters; its period, if any, does not end before it
// starts and overlaps the rulebook's own (an entry never in force while the
// rulebook is can be cited by no document drafted under it).
func (v *validator) legalBasis(s *Spec) {
	for i, lb := range s.Regulation.LegalBasis {
		p := indexPath("regulation.legal_basis", i)
		tp := p
		if lb.Dated() {
			tp = p + ".text"
		}
		if strings.TrimSpace(lb.Text) == "" {
			v.add(tp, lang.Msg("rules.legal_basis.blank"))
			continue
		}
		v.clean(tp, lb.Text, false, false, lang.Msg("identity.what.text", q(lb.Text)))
		if !lb.From.IsZero() && !lb.To.IsZero() && lb.To.Before(lb.From) {
			v.add(p+".to", lang.Msg("rules.legal_basis.order", q(lb.Text), lb.To.String(), lb.From.String()))
			continue
		}
		if lb.Dated() && !overlaps(lb.Period(), s.InForce) {
			v.add(p, lang.Msg("rules.legal_basis.outside", q(lb.Text), lb.Period().String(), s.InForce.String()))
		}
	}
}

// overlaps reports whether two periods share a day (an open end reaches
// as far as needed).
func overlaps(a, b Period) bool {
	if !a.To.IsZero() && !b.From.IsZero() && a.To.Before(b.From) {
		return false
	}
	if !b.To.IsZero() && !a.From.IsZero() && b.To.Before(a.From) {
		return false
	}
	return true
}
