package csvutil

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
)

func TestDelimiter(t *testing.T) {
	for text, want := range map[string]rune{
		"a,b\n": ',', "a;b\n": ';', "a;b,c\n": ',', "\n  \na;b\n": ';', "": ',', "a\n": ',',
	} {
		if got := Delimiter([]byte(text)); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

func TestMessage(t *testing.T) {
	_, err := csv.NewReader(strings.NewReader("a,b\"c\n")).Read()
	line, m := Located(err)
	if line != 1 || m.Key != "csv.bare_quote" {
		t.Errorf("bare quote: line %d, %v", line, m)
	}
	_, err = csv.NewReader(strings.NewReader("\"a\"b\n")).Read()
	if _, m := Located(err); m.Key != "csv.quote" || m.In(lang.Vietnamese) == m.In(lang.English) {
		t.Errorf("quote: %v", m)
	}
	// An error that says more than the sentinel keeps all it says.
	wrapped := fmt.Errorf("row 7: %w", csv.ErrQuote)
	if m := Message(wrapped); m.Key != "csv.error" || m.In(lang.English) != wrapped.Error() {
		t.Errorf("wrapped: %v", m)
	}
	if line, m := Located(errors.New("disk")); line != 0 || m.In(lang.English) != "disk" {
		t.Errorf("other: %d %v", line, m)
	}
	if m := ValueMessage(fields.WholeNumberError("1.5")); m.Key != "fields.whole_number" {
		t.Errorf("value: %v", m)
	}
	if m := ValueMessage(errors.New("x")); m.Key != "csv.error" {
		t.Errorf("value: %v", m)
	}
}
