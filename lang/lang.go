package lang

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Tag is a language the library writes in.
type Tag uint8

const (
	// Vietnamese (tiếng Việt) is the default language.
	Vietnamese Tag = iota
	// English is for readers outside the administration.
	English
)

// Parse reads a language code: "vi" (or "") for Vietnamese, "en" for
// English, in any letter case.
func Parse(code string) (Tag, error) {
	switch strings.ToLower(strings.TrimSpace(code)) {
	case "", "vi":
		return Vietnamese, nil
	case "en":
		return English, nil
	}
	return Vietnamese, &UnknownError{Code: code}
}

// UnknownError reports a language code Parse does not know.
type UnknownError struct {
	Code string // the code as given
}

func (e *UnknownError) Error() string {
	return fmt.Sprintf("language must be vi or en, found %q", e.Code)
}

// String returns the tag's code, "vi" or "en".
func (t Tag) String() string {
	if t == English {
		return "en"
	}
	return "vi"
}

// Decimal writes d in the language's form: "38,5" in Vietnamese, "38.5"
// in English. It never rounds: d is written with exactly its digits.
func (t Tag) Decimal(d decimal.Decimal) string { return t.Number(d.String()) }

// Number rewrites the decimal points of a number written in canonical form
// ("-38.5", "12.25%", "88.5 points") in the language's form: in Vietnamese
// every point between two digits becomes a comma. English text is returned
// unchanged. It does not group thousands, as score tables do not.
func (t Tag) Number(s string) string {
	if t != Vietnamese || !strings.Contains(s, ".") {
		return s
	}
	b := []byte(s)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == '.' && isDigit(b[i-1]) && isDigit(b[i+1]) {
			b[i] = ','
		}
	}
	return string(b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Pick returns vi in Vietnamese and en in English. The library's words and
// sentences are in the catalogue (Say, Msg); Pick is for a word of a
// program's own that has no place there.
func (t Tag) Pick(vi, en string) string {
	if t == English {
		return en
	}
	return vi
}

// Say writes the catalogue's text for key in the language, filled with the
// values (converted as Msg converts them): the words of a table, a report
// or a document — "Hạng" / "Rank", "Bảng điểm {0}" / "Score sheet {0}".
// Unlike Message.In it writes every value in full, never as an excerpt:
// Say is for text the program composes (names joined, sentences listed),
// not for quoting input.
func (t Tag) Say(key string, args ...any) string {
	m := Msg(key, args...)
	text, ok := catalogue[key]
	if !ok {
		return "‹" + key + "›" + argList(m.Args)
	}
	return m.fill(text[t], t, true)
}

// Join lists items as a sentence does: "A, B và C" in Vietnamese, "A, B and
// C" in English.
func (t Tag) Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return t.Say("list.and", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// Rule names a tie-break rule as standings record it — "total", "group
// II", "criterion I.2", "no_award_last_year flag", "lots" — in the
// language: "nhóm II", "năm trước chưa được khen (flag)". English keeps the
// rulebook's own vocabulary, so the rule is returned as it is, as is an
// unknown rule in Vietnamese. A rule that refers to an award tier names it
// as the rule does (its id); ranking.Names.Rule puts the tier's name in
// its place first, for people.
func (t Tag) Rule(rule string) string {
	kind, ref, _ := strings.Cut(rule, " ")
	m, ok := ruleNames[kind]
	if !ok || t == English {
		return rule
	}
	name := m[t]
	switch {
	case ref == "":
		return name
	case kind == "group" || kind == "criterion" || kind == "fewer":
		return name + " " + ref
	case kind == "league" && leagueForms[ref] != "":
		return name + " (" + leagueForms[ref] + ")"
	}
	return name + " (" + ref + ")"
}

var ruleNames = map[string][2]string{
	"total":              {"tổng điểm", "total"},
	"percent":            {"tỷ lệ điểm", "percent"},
	"group":              {"nhóm", "group"},
	"criterion":          {"tiêu chí", "criterion"},
	"fewer":              {"ít hơn (số đếm) ở tiêu chí", "fewer"},
	"fewer_deductions":   {"ít điểm trừ hơn", "fewer_deductions"},
	"more_bonus":         {"nhiều điểm thưởng hơn", "more_bonus"},
	"more_votes":         {"nhiều phiếu hơn", "more_votes"},
	"head_to_head":       {"đối đầu (điểm chấm chéo)", "head_to_head"},
	"league":             {"đối đầu kiểu giải đấu", "league"},
	"no_award_last_year": {"năm trước chưa được khen", "no_award_last_year"},
	"lots":               {"bốc thăm", "lots"},
	"unresolved":         {"chưa phân định", "unresolved"},
}

// leagueForms names the forms of a league tie-break in Vietnamese.
var leagueForms = map[string]string{"reapply": "áp dụng lại cho các đơn vị còn bằng nhau", "once": "một lần"}

// Message is a sentence kept as its catalogue key and the values that fill
// it, so that it can be written in any language. Args hold values in
// canonical form (decimal points, ids as given); Parts hold sentences
// nested in this one (each criterion below a floor, a member's value under
// a rule). Messages are built by the packages that state them; a reader
// only calls In. In JSON a message is its key, args and parts with the
// sentence written in both languages beside them (MarshalJSON).
type Message struct {
	Key   string
	Args  []string
	Parts []Message
}

// Msg builds a message. Each argument is written in canonical form:
// strings as they are, integers in decimal, decimal.Decimal by its String
// method, other values by fmt's %v.
func Msg(key string, args ...any) Message {
	m := Message{Key: key}
	if len(args) > 0 {
		m.Args = make([]string, len(args))
	}
	for i, a := range args {
		switch v := a.(type) {
		case string:
			m.Args[i] = v
		case int:
			m.Args[i] = strconv.Itoa(v)
		case decimal.Decimal:
			m.Args[i] = v.String()
		default:
			m.Args[i] = fmt.Sprint(v)
		}
	}
	return m
}

// With returns a copy of the message with parts appended.
func (m Message) With(parts ...Message) Message {
	all := make([]Message, 0, len(m.Parts)+len(parts))
	m.Parts = append(append(all, m.Parts...), parts...)
	return m
}

// IsZero reports whether the message is empty (no key).
func (m Message) IsZero() bool { return m.Key == "" }

// In writes the message in the language. Placeholders in the catalogue's
// text are filled from the message: {0} is Args[0] as it is, {0:n} is
// Args[0] as a number in the language's form, {0:rule} is Args[0] named as
// a tie-break rule (Tag.Rule), {p0} is Parts[0] written in the language,
// {parts} is every part joined by "; " and {list} every part joined by ", ". A key missing from the catalogue,
// or a placeholder with no value, is written out visibly ("‹key›",
// "{3}") rather than dropped.
func (m Message) In(t Tag) string {
	if m.Key == "" {
		return ""
	}
	text, ok := catalogue[m.Key]
	if !ok {
		return "‹" + m.Key + "›" + argList(m.Args)
	}
	return m.fill(text[t], t, false)
}

// String writes the message in English (for logs and %v).
func (m Message) String() string { return m.In(English) }

func argList(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return "(" + strings.Join(args, ", ") + ")"
}

// fill writes text with m's values; full writes them in full, not as
// excerpts.
func (m Message) fill(text string, t Tag, full bool) string {
	if strings.IndexByte(text, '{') < 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 16*len(m.Args) + 32*len(m.Parts))
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		b.WriteString(m.placeholder(text[i+1:i+j], t, full))
		text = text[i+j+1:]
	}
}

func (m Message) placeholder(ph string, t Tag, full bool) string {
	if ph == "parts" || ph == "list" {
		out := make([]string, len(m.Parts))
		for i, p := range m.Parts {
			out[i] = p.In(t)
		}
		if ph == "list" {
			return strings.Join(out, ", ")
		}
		return strings.Join(out, "; ")
	}
	if rest, ok := strings.CutPrefix(ph, "p"); ok {
		if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < len(m.Parts) {
			return m.Parts[i].In(t)
		}
		return "{" + ph + "}"
	}
	idx, form, _ := strings.Cut(ph, ":")
	i, err := strconv.Atoi(idx)
	if err != nil || i < 0 || i >= len(m.Args) {
		return "{" + ph + "}"
	}
	arg := m.Args[i]
	if !full {
		arg = excerpt(arg)
	}
	switch form {
	case "n":
		return t.Number(arg)
	case "rule":
		return t.Rule(arg)
	}
	return arg
}

// Quoted input longer than maxQuoted bytes is written as its first
// excerptRunes characters; any other value longer than maxArg bytes is cut
// the same way. A problem quotes the input it concerns, and that input may
// be hostile: a megabyte-long cell must not make a megabyte-long line.
const (
	maxQuoted    = 120
	maxArg       = 1000
	excerptRunes = 60
)

// excerpt shortens a value too long to write in full: a Go-quoted string
// ("…", as most messages quote input) stays a valid quoted string with an
// ellipsis before its closing quote and its length after it; anything else
// is cut after excerptRunes characters, with an ellipsis.
func excerpt(arg string) string {
	if len(arg) <= maxQuoted {
		return arg
	}
	if len(arg) >= 2 && arg[0] == '"' && arg[len(arg)-1] == '"' {
		if s, err := strconv.Unquote(arg); err == nil {
			q := strconv.Quote(cut(s, excerptRunes) + "…")
			return q + " (" + strconv.Itoa(len(s)) + " bytes)"
		}
	}
	if len(arg) <= maxArg {
		return arg
	}
	return cut(arg, excerptRunes) + "…"
}

// Quote writes s in Go quotes as problems quote input, cut to an excerpt
// if it is long: Quote(strings.Repeat("x", 1<<20)) is a short line.
func Quote(s string) string { return excerpt(strconv.Quote(s)) }

// cut returns the first n characters of s.
func cut(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Known reports whether the catalogue has a text for key.
func Known(key string) bool {
	_, ok := catalogue[key]
	return ok
}

// Keys returns the catalogue's keys that start with prefix, sorted: the
// codes of one area ("input." for the score sheet's problems, "rules." for
// the rulebook's). Keys("") is every key.
func Keys(prefix string) []string {
	var out []string
	for k := range catalogue {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Check reports whether the message can be written completely in both
// languages: its key and its parts' keys are in the catalogue, and every
// placeholder of their texts has a value. It returns a *CheckError naming
// the first problem, or nil. (In does not fail: it writes such a problem
// visibly into the text.)
func (m Message) Check() error {
	text, ok := catalogue[m.Key]
	if !ok {
		return &CheckError{Key: m.Key, Problem: "not in the catalogue"}
	}
	for _, tx := range text {
		for _, ph := range placeholders(tx) {
			if !m.has(ph) {
				return &CheckError{Key: m.Key, Problem: "no value for {" + ph + "}"}
			}
		}
	}
	for _, p := range m.Parts {
		if err := p.Check(); err != nil {
			return err
		}
	}
	return nil
}

// CheckError is a message that cannot be written completely.
type CheckError struct {
	Key     string // the message's (or the part's) key
	Problem string // what is wrong
}

func (e *CheckError) Error() string { return fmt.Sprintf("message %q: %s", e.Key, e.Problem) }

// placeholders lists the placeholders of a catalogue text, without braces.
func placeholders(text string) []string {
	var out []string
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, text[i+1:i+j])
		text = text[i+j+1:]
	}
}

// has reports whether the message has a value for a placeholder.
func (m Message) has(ph string) bool {
	if ph == "parts" || ph == "list" {
		return true
	}
	if rest, ok := strings.CutPrefix(ph, "p"); ok {
		i, err := strconv.Atoi(rest)
		return err == nil && i >= 0 && i < len(m.Parts)
	}
	idx, _, _ := strings.Cut(ph, ":")
	i, err := strconv.Atoi(idx)
	return err == nil && i >= 0 && i < len(m.Args)
}

// methodKeys are the catalogue keys naming the point methods, by the
// rulebook's keyword.
var methodKeys = map[string]string{
	"direct": "method.direct", "ratio": "method.ratio", "pass_fail": "method.pass_fail", "tiers": "method.tiers",
	"per_occurrence": "method.per_occurrence", "relative": "method.relative", "votes": "method.votes",
	"signed": "method.signed", "fewer": "method.fewer",
}

// MethodName names a point method given by its rulebook keyword
// ("per_occurrence": "theo số lần" in Vietnamese, "per occurrence" in
// English); an unknown keyword is written as it is. The one naming of the
// methods for every output (amendments, what-if tables, nominations).
func MethodName(keyword string) Message {
	if k, ok := methodKeys[keyword]; ok {
		return Msg(k)
	}
	return Msg("problem.text", keyword)
}
