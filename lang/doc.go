// Package lang writes the library's sentences for people — eligibility
// failures, tie-break decisions, audit findings — in Vietnamese (the
// default) or English.
//
// The engine does not store finished sentences. It stores a [Message]: a
// key and the values that fill it (a member's total, the threshold, a
// year). [Message.In] writes the message in a language from one catalogue
// that holds every sentence of the library side by side in both languages,
// so a translation is reviewed in one place and a result decoded from JSON
// can still be written in either language. Numbers follow the language:
// Vietnamese writes a decimal comma ("38,5"), English a point ("38.5").
//
// In JSON a message carries its key and values and, beside them, the
// sentence written in both languages ("vi", "en"), so that a program
// without the catalogue can show it. The words of tables, reports and
// documents are in the catalogue too: Tag.Say writes them.
//
// Names that come from a rulebook or a score sheet (criteria, members,
// conditions' reasons) are the rulebook's words and are never translated.
package lang
