package scoring

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/identity"
	"github.com/thidua/thidua/lang"
)

// badChar is the first character of s that has no place in it, as a
// message about the text, named by the message whatKey with s quoted: a
// control character (identity.Control) anywhere; an invisible character
// (identity.Invisible) or a space other than the ordinary one
// (identity.OddSpace) in an id. ok is false if s is clean.
func badChar(s string, id bool, whatKey string) (m lang.Message, ok bool) {
	// what names the text, with the message whatKey and the text quoted:
	// built only for a text that has a bad character.
	what := func() lang.Message { return lang.Msg(whatKey, strconv.Quote(s)) }
	if r, pos, bad := identity.Find(s, identity.Control); bad {
		return lang.Msg("identity.control", identity.CodePoint(r), pos).With(what()), true
	}
	if !id {
		return lang.Message{}, false
	}
	if r, pos, bad := identity.Find(s, identity.Invisible); bad {
		return lang.Msg("identity.invisible", identity.CodePoint(r), pos).With(what()), true
	}
	if r, pos, bad := identity.Find(s, identity.OddSpace); bad {
		return lang.Msg("identity.space", identity.CodePoint(r), pos).With(what()), true
	}
	return lang.Message{}, false
}

// identity refuses the characters that have no place in the cluster's
// name and in the members' ids and names (see Sheet.Warnings for what is
// only suspicious). It reports whether the member's id is clean.
func (c *checker) identity(m Member) bool {
	clean := true
	if msg, bad := badChar(m.ID, true, "identity.what.member_id"); bad {
		c.add(m.Source, m.ID, "", msg)
		clean = false
	}
	if msg, bad := badChar(m.Name, false, "identity.what.member_name"); bad {
		c.add(m.Source, m.ID, "", msg)
	}
	return clean
}

// CheckNames refuses what Score refuses in the sheet's names, without a
// rulebook: a control character (C0 including line breaks and tabs, DEL,
// C1, U+2028, U+2029, bidi embeddings, overrides and isolates) in the
// cluster's name or in a member's id or name, and an invisible character
// (format characters such as U+200B, U+FEFF, U+00AD) or a space other than
// the ordinary one in a member's id. It returns InputErrors naming each
// member, the character (as U+XXXX) and its position, or nil. A program
// that uses a member list without scoring it (to make a template, say)
// calls it; Score makes the same checks.
func (s Sheet) CheckNames() error {
	c := &checker{}
	if msg, bad := badChar(s.Cluster, false, "identity.what.cluster"); bad {
		c.add(Source{}, "", "", msg)
	}
	for _, m := range s.Members {
		c.identity(m)
	}
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// printable writes an id as it is if every character of it can be shown,
// quoted as Go quotes it otherwise, so that a problem about an id with an
// escape sequence or a bidi override does not play it on the terminal.
func printable(id string) string {
	if strings.IndexFunc(id, func(r rune) bool { return identity.Control(r) || identity.Invisible(r) || identity.OddSpace(r) }) < 0 {
		return id
	}
	return strconv.Quote(id)
}

// Warning is something in a sheet that does not stop it from being scored
// but that a person should look at: two members that can be taken for each
// other, or an id or a name that mixes scripts. File and Line are where the
// member warned about is listed (zero if not known); Message says what is
// wrong, and names the other member and where it is listed.
type Warning struct {
	File   string
	Line   int
	Member string // the id of the member warned about
	// Other is the id of the member it can be taken for; empty for a
	// mixed-script warning.
	Other   string
	Message lang.Message
}

// Text writes the warning in the language, on one line, with its location
// first as InputError.Text does: "scores.csv:9: đơn vị SCT: mã đơn vị …".
func (w Warning) Text(t lang.Tag) string {
	e := InputError{File: w.File, Line: w.Line, Member: w.Member, Msg: w.Message.In(lang.English), Message: w.Message}
	return e.Text(t)
}

// String writes the warning in English.
func (w Warning) String() string { return w.Text(lang.English) }

// Warnings returns what in the sheet's member list deserves a second look,
// without refusing it (Score still scores the sheet):
//
//   - two members whose ids, or whose names, can be taken for each other:
//     the same after Unicode normalisation (NFC), after dropping invisible
//     characters, after folding letter case and spacing, or under a small
//     table of Cyrillic and Greek letters that look like Latin ones (see
//     identity.Skeleton; it is not the full confusables table of Unicode
//     TS #39, which golang.org/x/text does not have); two members with the
//     very same name too. Ids that are exactly the same are not a warning
//     but an error (Score refuses them).
//   - an id or a name that mixes Latin letters with Cyrillic or Greek ones.
//
// Vietnamese names and ids, with their diacritics, give no warning of
// their own. Each member is compared with the first member listed that it
// can be taken for, so a group of n look-alikes gives n-1 warnings. The
// warnings come in the order of the member list.
func (s Sheet) Warnings() []Warning {
	var out []Warning
	warn := func(m Member, other string, msg lang.Message) {
		out = append(out, Warning{File: m.Source.File, Line: m.Source.Line, Member: m.ID, Other: other, Message: msg})
	}
	ids := map[string]int{}   // skeleton → first member
	names := map[string]int{} // skeleton → first member
	for i, m := range s.Members {
		if r, script, pos, ok := identity.MixedScript(m.ID); ok {
			warn(m, "", lang.Msg("identity.mixed.id", strconv.Quote(m.ID), identity.CodePoint(r)+" “"+string(r)+"”", pos).With(scriptName(script)))
		}
		if r, script, pos, ok := identity.MixedScript(m.Name); ok {
			warn(m, "", lang.Msg("identity.mixed.name", strconv.Quote(m.Name), identity.CodePoint(r)+" “"+string(r)+"”", pos).With(scriptName(script)))
		}
		if strings.TrimSpace(m.ID) != "" {
			k := identity.Skeleton(m.ID)
			if j, seen := ids[k]; !seen {
				ids[k] = i
			} else if o := s.Members[j]; o.ID != m.ID {
				warn(m, o.ID, lang.Msg("identity.confusable.id", strconv.Quote(m.ID), strconv.Quote(o.ID)).With(where(o.Source, m.Source), alike(m.ID, o.ID)))
			}
		}
		if strings.TrimSpace(m.Name) != "" {
			k := identity.Skeleton(m.Name)
			if j, seen := names[k]; !seen {
				names[k] = i
			} else if o := s.Members[j]; o.ID != m.ID {
				warn(m, o.ID, lang.Msg("identity.confusable.name", strconv.Quote(m.Name), strconv.Quote(o.Name), o.ID).With(where(o.Source, m.Source), alike(m.Name, o.Name)))
			}
		}
	}
	return out
}

// where is the part of a warning that says where the other member is
// listed: the zero message if that is not known.
func where(other, cur Source) lang.Message {
	switch {
	case other.Line == 0:
		return lang.Message{}
	case other.File != cur.File:
		return lang.Msg("identity.where.file", other.File, other.Line)
	}
	return lang.Msg("identity.where.line", other.Line)
}

// alike says how two texts with the same skeleton are alike, the closest
// likeness first.
func alike(a, b string) lang.Message {
	switch {
	case a == b:
		return lang.Msg("identity.alike.same")
	case norm.NFC.String(a) == norm.NFC.String(b):
		return lang.Msg("identity.alike.nfc")
	case norm.NFC.String(identity.Strip(a)) == norm.NFC.String(identity.Strip(b)):
		return lang.Msg("identity.alike.invisible")
	case identity.Fold(identity.Strip(a)) == identity.Fold(identity.Strip(b)):
		return lang.Msg("identity.alike.case")
	}
	if ra, rb, pos, ok := identity.FirstDifference(a, b); ok {
		return lang.Msg("identity.alike.skeleton", pos, identity.CodePoint(ra)+" “"+string(ra)+"”", identity.CodePoint(rb)+" “"+string(rb)+"”")
	}
	return lang.Msg("identity.alike.look")
}

func scriptName(s identity.Script) lang.Message {
	if s == identity.Greek {
		return lang.Msg("identity.script.greek")
	}
	return lang.Msg("identity.script.cyrillic")
}
