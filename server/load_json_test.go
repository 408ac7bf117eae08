package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/simulation"
)

func writeFile(path, text string) error { return os.WriteFile(path, []byte(text), 0o600) }

// encodedJSON is v as the API wrote it before its responses were buffered:
// json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false). Every
// response must still be these bytes.
func encodedJSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return buf.Bytes()
}

// requireIndentsAsEncoder checks indentJSON against encoding/json on the
// compact encoding of a JSON text.
func requireIndentsAsEncoder(t *testing.T, text []byte) {
	t.Helper()
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, text))
	compact.WriteByte('\n') // as json.Encoder ends a value
	var want bytes.Buffer
	require.NoError(t, json.Indent(&want, compact.Bytes(), "", "  "))
	require.Equal(t, want.String(), string(indentJSON(nil, compact.Bytes())), "indenting %s", compact.Bytes())
}

// indentCases are JSON texts whose layout is easy to get wrong: empty and
// nested containers, escapes (of quotes and backslashes), punctuation in
// strings, numbers and literals at the top level.
var indentCases = []string{
	`{}`, `[]`, `[[]]`, `[{}]`, `{"a":{}}`, `{"a":[]}`, `[[],{},[[]]]`,
	`{"a":1,"b":[1,2,{"c":null}],"d":{"e":true,"f":false}}`,
	`"x"`, `1`, `-0.5e10`, `null`, `true`, `""`,
	`{"k\"ey":"va\\lue","q":"\"","bs":"\\","end":"\\\\"}`,
	`{"p":"{[,:]}","q":"a,b:c","r":"\u00e9\u20ac\ud83d\ude00 tổng điểm <96,35> & x"}`,
	`{"":""}`, `[1,[2,[3,[4]]]]`, `{"a":[{"b":[{"c":[]}]}]}`,
	`["\\\"", "\\", "\"\\"]`,
}

// TestIndentJSON: indentJSON lays out compact JSON as json.Indent does.
func TestIndentJSON(t *testing.T) {
	for _, c := range indentCases {
		requireIndentsAsEncoder(t, []byte(c))
	}
}

// FuzzIndentJSON compares indentJSON with json.Indent on any valid JSON.
func FuzzIndentJSON(f *testing.F) {
	for _, c := range indentCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		requireIndentsAsEncoder(t, data)
	})
}

// TestResponsesAreTheEncodersBytes: the API's answers are, byte for byte,
// what json.Encoder writes (indented by two spaces, HTML not escaped): the
// standings with and without scorecards, a simulation's result, problems.
func TestResponsesAreTheEncodersBytes(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	for range 2 { // the rulebook parsed, then kept
		rec := post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2Scores))
		requireJSONResponse(t, rec, http.StatusOK)
		require.Equal(t, string(encodedJSON(t, standings{Standings: WithoutScorecards(st, false)})), rec.Body.String())
		require.Equal(t, rec.Body.Len(), int(rec.Result().ContentLength))

		rec = post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2Scores), param("explain", "true"))
		requireJSONResponse(t, rec, http.StatusOK)
		require.Equal(t, string(encodedJSON(t, standings{Standings: st})), rec.Body.String())
	}

	res, err := simulation.Run(t.Context(), rb, sh, simulation.Model{Default: &simulation.Uncertainty{Range: mustDecimal("1"), Step: mustDecimal("0.5")}},
		simulation.Config{Scenarios: 200, Seed: 1})
	require.NoError(t, err)
	rec := post(t, h, "/v1/simulate", file("rules", cum2Rules), file("scores", cum2Scores), param("range", "1"), param("step", "0.5"), param("n", "200"))
	requireJSONResponse(t, rec, http.StatusOK)
	require.Equal(t, string(encodedJSON(t, struct {
		*simulation.Result
		Warnings []Problem `json:"warnings,omitempty"`
	}{res, nil})), rec.Body.String())

	rec = post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", badScores))
	require.Equal(t, http.StatusUnprocessableEntity, rec.Code)
	ps := problemsOf(t, rec)
	require.Equal(t, string(encodedJSON(t, ps)), rec.Body.String())
	require.True(t, strings.HasSuffix(rec.Body.String(), "}\n"))
}

// TestUnencodableResponseIs500: a value that cannot be encoded is answered
// 500 with problems, not with a truncated body.
func TestUnencodableResponseIs500(t *testing.T) {
	s := New(Options{}).(*server)
	for range 2 { // the buffer that failed is usable again
		rec := httptestRecorder()
		s.writeJSON(rec, http.StatusOK, map[string]any{"x": func() {}})
		require.Equal(t, http.StatusInternalServerError, rec.Code)
		ps := problemsOf(t, rec)
		require.Equal(t, http.StatusInternalServerError, ps.Status)
		rec = httptestRecorder()
		s.writeJSON(rec, http.StatusOK, map[string]string{"status": "ok"})
		require.Equal(t, "{\n  \"status\": \"ok\"\n}\n", rec.Body.String())
	}
}

func httptestRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }
