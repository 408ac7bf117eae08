package server

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The bundled example's files.
const (
	cum2Rules    = "../examples/cum2/rulebook.yaml"
	cum2Scores   = "../examples/cum2/scores-2020.csv"
	cum2Recorded = "../examples/cum2/recorded-2020.csv"
	cum2Model    = "../examples/cum2/model.yaml"
	cum2Edits    = "../examples/cum2/scenario-deduction.yaml"
	cum2XLSX     = "../sheets/xlsx/testdata/seed-cum2-2020.xlsx"
	badScores    = "../cmd/thidua/testdata/bad-scores.csv"
)

// part is one field of a multipart request: a file (path set) or a
// parameter.
type part struct {
	name, path, value string
}

func file(name, path string) part   { return part{name: name, path: path} }
func param(name, value string) part { return part{name: name, value: value} }

// multipartBody builds a multipart/form-data body.
func multipartBody(t testing.TB, parts ...part) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		if p.path == "" {
			require.NoError(t, mw.WriteField(p.name, p.value))
			continue
		}
		data, err := os.ReadFile(p.path)
		require.NoError(t, err)
		fw, err := mw.CreateFormFile(p.name, filepath.Base(p.path))
		require.NoError(t, err)
		_, err = fw.Write(data)
		require.NoError(t, err)
	}
	require.NoError(t, mw.Close())
	return &buf, mw.FormDataContentType()
}

// post sends a multipart request to the handler and returns the response.
func post(t testing.TB, h http.Handler, path string, parts ...part) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := multipartBody(t, parts...)
	req := httptest.NewRequest(http.MethodPost, path, body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// postJSON sends a JSON body.
func postJSON(t testing.TB, h http.Handler, path string, body any) *httptest.ResponseRecorder {
	t.Helper()
	data, err := json.Marshal(body)
	require.NoError(t, err)
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// read returns a file's text.
func read(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

// decode decodes a JSON response into a generic value.
func decode(t testing.TB, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &v), rec.Body.String())
	return v
}

// same reports whether the response's JSON equals v marshalled.
func requireSameJSON(t testing.TB, want any, rec *httptest.ResponseRecorder) {
	t.Helper()
	data, err := json.Marshal(want)
	require.NoError(t, err)
	require.JSONEq(t, string(data), rec.Body.String())
}

// problemsOf decodes an error response.
func problemsOf(t testing.TB, rec *httptest.ResponseRecorder) Problems {
	t.Helper()
	var ps Problems
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &ps), rec.Body.String())
	return ps
}

func mustDecimal(s string) decimal.Decimal { return decimal.RequireFromString(s) }
