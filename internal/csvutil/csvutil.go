// Package csvutil holds what thidua's CSV readers share (the score sheet
// in package sheets, the recorded result in package audit, the member list
// in package scoresheet): the choice of delimiter and the messages of the
// errors encoding/csv and the value parsers report, so that every reader
// words them alike in Vietnamese and English.
package csvutil

import (
	"bytes"
	"encoding/csv"
	"errors"

	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
)

// Delimiter picks ';' when the header line (the first line that is not
// blank) has semicolons and no commas, as Excel writes CSV where the
// decimal separator is a comma; ',' otherwise.
func Delimiter(data []byte) rune {
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		if len(bytes.TrimSpace(line)) > 0 {
			if bytes.Contains(line, []byte(";")) && !bytes.Contains(line, []byte(",")) {
				return ';'
			}
			return ','
		}
		data = rest
	}
	return ','
}

// Message states an error of encoding/csv: the quoting errors it reports
// ("csv.bare_quote", "csv.quote") in their own words, in either language;
// anything else — including an error that wraps one of them with more
// to say — as its text ("csv.error"), so that nothing it says is lost.
func Message(err error) lang.Message {
	switch {
	case errors.Is(err, csv.ErrBareQuote) && err.Error() == csv.ErrBareQuote.Error():
		return lang.Msg("csv.bare_quote")
	case errors.Is(err, csv.ErrQuote) && err.Error() == csv.ErrQuote.Error():
		return lang.Msg("csv.quote")
	}
	return lang.Msg("csv.error", err.Error())
}

// Located splits an error of a csv.Reader into the line it concerns (0 if
// it names none) and its message (see Message).
func Located(err error) (line int, m lang.Message) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line, Message(pe.Err)
	}
	return 0, Message(err)
}

// ValueMessage is the message of an error reading a cell's value: the
// message of a *fields.Error (or any error whose Message is its whole
// text), or else the error's text ("csv.error").
func ValueMessage(err error) lang.Message {
	if m, ok := fields.MessageOf(err); ok {
		return m
	}
	return lang.Msg("csv.error", err.Error())
}
