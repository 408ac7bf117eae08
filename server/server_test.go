package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
	"github.com/thidua/thidua/simulation"
	"github.com/thidua/thidua/whatif"
)

// cum2 loads the bundled example as the library reads it, with the file
// names the server gives the uploads.
func cum2(t testing.TB) (*rules.Rulebook, scoring.Sheet) {
	t.Helper()
	rb, err := rules.Parse("rulebook.yaml", []byte(read(t, cum2Rules)))
	require.NoError(t, err)
	sh, _, err := scoresheet.CheckReader(rb, "scores-2020.csv", strings.NewReader(read(t, cum2Scores)), scoresheet.CSV)
	require.NoError(t, err)
	return rb, sh
}

func requireJSONResponse(t testing.TB, rec *httptest.ResponseRecorder, status int) {
	t.Helper()
	require.Equal(t, status, rec.Code, rec.Body.String())
	require.Equal(t, "application/json; charset=utf-8", rec.Header().Get("Content-Type"))
}

func TestRankEqualsTheLibrary(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)

	rec := post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2Scores))
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, WithoutScorecards(st, false), rec)
	require.Equal(t, ranking.Schema, decode(t, rec)["schema"])

	// The scorecards with explain; the same by a JSON body.
	rec = post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2Scores), param("explain", "true"))
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, st, rec)
	rec = postJSON(t, h, "/v1/rank", map[string]any{
		"rules": read(t, cum2Rules), "scores": read(t, cum2Scores), "scores_format": "csv", "scores_filename": "scores-2020.csv",
		"rules_filename": "rulebook.yaml", "explain": true,
	})
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, st, rec)
}

func TestRankWorkbook(t *testing.T) {
	h := New(Options{})
	rb, _ := cum2(t)
	data, err := os.ReadFile(cum2XLSX)
	require.NoError(t, err)
	sh, _, err := scoresheet.CheckReader(rb, "seed-cum2-2020.xlsx", bytes.NewReader(data), scoresheet.XLSX)
	require.NoError(t, err)
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)

	rec := post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2XLSX))
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, WithoutScorecards(st, false), rec)

	// As base64 in a JSON body, the format found from the content.
	rec = postJSON(t, h, "/v1/rank", map[string]any{
		"rules": read(t, cum2Rules), "rules_filename": "rulebook.yaml",
		"scores_base64": base64.StdEncoding.EncodeToString(data), "scores_filename": "seed-cum2-2020",
	})
	requireJSONResponse(t, rec, http.StatusOK)
	var got ranking.Standings
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
	require.Equal(t, st.SheetHash, got.SheetHash, "the workbook read from JSON is the same sheet")
}

func TestBadSheetIs422WithLocatedProblems(t *testing.T) {
	h := New(Options{})
	for _, path := range []string{"/v1/rank", "/v1/validate", "/v1/documents"} {
		parts := []part{file("rules", cum2Rules), file("scores", badScores)}
		if path == "/v1/documents" {
			parts = append(parts, param("kind", "summary"))
		}
		rec := post(t, h, path, parts...)
		requireJSONResponse(t, rec, http.StatusUnprocessableEntity)
		ps := problemsOf(t, rec)
		require.Equal(t, ProblemsSchema, ps.Schema)
		require.Equal(t, 422, ps.Status)
		require.Equal(t, 21, ps.Count, "every problem, as thidua validate lists them")
		require.Len(t, ps.Problems, 21)

		var above *Problem
		for i, p := range ps.Problems {
			require.NotEmpty(t, p.Text.VI)
			require.NotEmpty(t, p.Text.EN)
			if p.Code == "input.value.above_max" {
				above = &ps.Problems[i]
			}
		}
		require.NotNil(t, above, "codes: %v", codes(ps.Problems))
		require.Equal(t, &Where{File: "bad-scores.csv", Line: 4}, above.Where)
		require.Equal(t, "SCT", above.Member)
		require.Equal(t, "03", above.Criterion)
		require.Equal(t, "bad-scores.csv:4: member SCT: 03: 21 points is above the maximum 20", above.Text.EN)
		require.Equal(t, "bad-scores.csv:4: đơn vị SCT: 03: 21 điểm vượt điểm tối đa 20", above.Text.VI)
		require.Equal(t, "input.value.above_max", problem.Code(&scoring.InputError{Message: *above.Message}))
	}
}

func TestBadRulebookIs422WithKeyPaths(t *testing.T) {
	h := New(Options{})
	rec := post(t, h, "/v1/validate", file("rules", "../cmd/thidua/testdata/bad-rulebook.yaml"))
	requireJSONResponse(t, rec, http.StatusUnprocessableEntity)
	ps := problemsOf(t, rec)
	require.NotEmpty(t, ps.Problems)
	_, err := rules.Parse("bad-rulebook.yaml", []byte(read(t, "../cmd/thidua/testdata/bad-rulebook.yaml")))
	require.Equal(t, len(problem.Flatten(err)), ps.Count)
	for _, p := range ps.Problems {
		require.NotEmpty(t, p.Code)
		require.Equal(t, "bad-rulebook.yaml", p.Where.File)
		require.Positive(t, p.Where.Line, p.Text.EN)
	}
}

func TestValidate(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	rec := post(t, h, "/v1/validate", file("rules", cum2Rules), file("scores", cum2Scores))
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, Validation{Schema: ValidationSchema, Valid: true,
		Rulebook: ValidationRulebook{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash(), Nodes: len(rb.Nodes()), MaxTotal: rb.MaxTotal()},
		Sheet:    &ValidationSheet{File: "scores-2020.csv", Members: len(sh.Members), Scores: len(sh.Scores), Hash: sh.Hash()},
	}, rec)

	rec = post(t, h, "/v1/validate", file("rules", cum2Rules))
	requireJSONResponse(t, rec, http.StatusOK)
	require.NotContains(t, decode(t, rec), "sheet")
}

func TestSimulateEqualsTheLibrary(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	model, err := simulation.ParseModel("model.yaml", []byte(read(t, cum2Model)))
	require.NoError(t, err)
	want, err := simulation.Run(context.Background(), rb, sh, model, simulation.Config{Scenarios: 2000, Seed: 7})
	require.NoError(t, err)
	rec := post(t, h, "/v1/simulate", file("rules", cum2Rules), file("scores", cum2Scores), file("model", cum2Model),
		param("n", "2000"), param("seed", "7"))
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, want, rec)

	// The same model for every value, by range and step.
	rec = post(t, h, "/v1/simulate", file("rules", cum2Rules), file("scores", cum2Scores), param("range", "0.5"), param("step", "0.25"), param("n", "100"))
	requireJSONResponse(t, rec, http.StatusOK)
	require.Equal(t, float64(100), decode(t, rec)["completed"])

	// A model and a range, or neither, is a bad request.
	rec = post(t, h, "/v1/simulate", file("rules", cum2Rules), file("scores", cum2Scores), file("model", cum2Model), param("range", "1"))
	requireJSONResponse(t, rec, http.StatusBadRequest)
	require.Equal(t, "server.field.exclusive", problemsOf(t, rec).Problems[0].Code)
	rec = post(t, h, "/v1/simulate", file("rules", cum2Rules), file("scores", cum2Scores))
	requireJSONResponse(t, rec, http.StatusBadRequest)
	require.Equal(t, "server.field.one_of", problemsOf(t, rec).Problems[0].Code)

	// A bad model: 422, located in its file.
	rec = post(t, h, "/v1/simulate", file("rules", cum2Rules), file("scores", cum2Scores), file("model", "../cmd/thidua/testdata/bad-model.yaml"))
	requireJSONResponse(t, rec, http.StatusUnprocessableEntity)
	for _, p := range problemsOf(t, rec).Problems {
		require.NotEmpty(t, p.Code)
		require.Equal(t, "bad-model.yaml", p.Where.File, p.Text.EN)
	}
}

func TestWhatifEqualsTheLibrary(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	res, err := whatif.Reach(context.Background(), rb, sh, "SXD", whatif.AwardTarget("flag"))
	require.NoError(t, err)
	rec := post(t, h, "/v1/whatif", file("rules", cum2Rules), file("scores", cum2Scores), param("member", "SXD"), param("award", "flag"))
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, struct {
		Schema    string              `json:"schema"`
		Rulebook  ranking.RulebookRef `json:"rulebook"`
		SheetHash string              `json:"sheet_hash"`
		*whatif.Result
	}{WhatifSchema, ref(rb), sh.Hash(), res}, rec)

	// Rank target and steps.
	rec = post(t, h, "/v1/whatif", file("rules", cum2Rules), file("scores", cum2Scores), param("member", "TTT"), param("rank", "1"), param("steps", "03=0.5,06=0.5"))
	requireJSONResponse(t, rec, http.StatusOK)

	// An unknown member is a problem of the request, with its code.
	rec = post(t, h, "/v1/whatif", file("rules", cum2Rules), file("scores", cum2Scores), param("member", "XYZ"), param("rank", "1"))
	requireJSONResponse(t, rec, http.StatusUnprocessableEntity)
	p := problemsOf(t, rec).Problems[0]
	require.True(t, strings.HasPrefix(p.Code, "whatif.err."), p.Code)
	require.Equal(t, "XYZ", p.Member)

	rec = post(t, h, "/v1/whatif", file("rules", cum2Rules), file("scores", cum2Scores), param("member", "SXD"), param("steps", "03"), param("rank", "1"))
	requireJSONResponse(t, rec, http.StatusBadRequest)
	require.Equal(t, &Where{Path: "steps"}, problemsOf(t, rec).Problems[0].Where)
}

func TestSensitivityEqualsTheLibrary(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	res, err := whatif.Sensitivity(context.Background(), rb, sh, whatif.ScoreOf("SCT", "08"),
		whatif.Range{From: mustDecimal("7"), To: mustDecimal("10"), Step: mustDecimal("0.5")})
	require.NoError(t, err)
	rec := post(t, h, "/v1/sensitivity", file("rules", cum2Rules), file("scores", cum2Scores), param("score", "SCT:08"),
		param("from", "7"), param("to", "10"), param("step", "0,5"))
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, struct {
		Schema    string              `json:"schema"`
		Rulebook  ranking.RulebookRef `json:"rulebook"`
		SheetHash string              `json:"sheet_hash"`
		*whatif.SensitivityResult
	}{SensitivitySchema, ref(rb), sh.Hash(), res}, rec)

	rec = post(t, h, "/v1/sensitivity", file("rules", cum2Rules), file("scores", cum2Scores), param("weight", "07"),
		param("from", "0.5"), param("to", "60"), param("step", "0.5"))
	requireJSONResponse(t, rec, http.StatusOK)

	rec = post(t, h, "/v1/sensitivity", file("rules", cum2Rules), file("scores", cum2Scores), param("score", "SCT"),
		param("from", "7"), param("to", "10"), param("step", "0.5"))
	requireJSONResponse(t, rec, http.StatusBadRequest)
	require.Equal(t, "server.param.score", problemsOf(t, rec).Problems[0].Code)
}

func TestScenarioEqualsTheLibrary(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	sc, err := whatif.ParseScenario("scenario-deduction.yaml", []byte(read(t, cum2Edits)))
	require.NoError(t, err)
	after, err := sc.Apply(rb, sh)
	require.NoError(t, err)
	st0, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	st1, err := ranking.Rank(rb, after)
	require.NoError(t, err)
	rec := post(t, h, "/v1/scenario", file("rules", cum2Rules), file("scores", cum2Scores), file("edits", cum2Edits))
	requireJSONResponse(t, rec, http.StatusOK)
	requireSameJSON(t, whatif.NewScenarioReport(rb, sh, after, sc, whatif.Compare(st0, st1)), rec)

	// Edits naming what the sheet does not have: located in the edits.
	rec = post(t, h, "/v1/scenario", file("rules", cum2Rules), file("scores", cum2Scores), file("edits", "../cmd/thidua/testdata/whatif-bad-scenario.yaml"))
	requireJSONResponse(t, rec, http.StatusUnprocessableEntity)
	for _, p := range problemsOf(t, rec).Problems {
		require.Equal(t, "whatif-bad-scenario.yaml", p.Where.File, p.Text.EN)
	}
}

func TestAuditEqualsTheLibrary(t *testing.T) {
	h := New(Options{})
	rb, _ := cum2(t)
	for _, c := range []struct{ scores, recorded string }{
		{cum2Scores, cum2Recorded},
		{"../examples/cum2/recorded-2020-errors-sheet.csv", "../examples/cum2/recorded-2020-errors.csv"},
	} {
		sh, _, err := scoresheet.Read(rb, baseName(c.scores), strings.NewReader(read(t, c.scores)), scoresheet.CSV)
		require.NoError(t, err)
		recd, err := audit.ReadCSV(baseName(c.recorded), strings.NewReader(read(t, c.recorded)))
		require.NoError(t, err)
		want, err := audit.Audit(context.Background(), rb, sh, recd)
		require.NoError(t, err)
		rec := post(t, h, "/v1/audit", file("rules", cum2Rules), file("scores", c.scores), file("recorded", c.recorded))
		requireJSONResponse(t, rec, http.StatusOK)
		requireSameJSON(t, want, rec)
	}
	rec := post(t, h, "/v1/audit", file("rules", cum2Rules), file("scores", cum2Scores), file("recorded", cum2Recorded), param("format", "md"), param("lang", "en"))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "text/markdown; charset=utf-8", rec.Header().Get("Content-Type"))
	require.Contains(t, rec.Body.String(), "Clean")

	rec = post(t, h, "/v1/audit", file("rules", cum2Rules), file("scores", cum2Scores), file("recorded", "../cmd/thidua/testdata/audit-bad-recorded.csv"))
	requireJSONResponse(t, rec, http.StatusUnprocessableEntity)
	for _, p := range problemsOf(t, rec).Problems {
		require.True(t, strings.HasPrefix(p.Code, "recorded.") || strings.HasPrefix(p.Code, "fields."), p.Code)
		require.Equal(t, "audit-bad-recorded.csv", p.Where.File)
	}
}

func baseName(p string) string { return p[strings.LastIndex(p, "/")+1:] }

func TestDocumentsEqualTheLibrary(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	for _, c := range []struct {
		kind, format, ct string
	}{
		{"summary", "md", "text/markdown; charset=utf-8"},
		{"submission", "html", "text/html; charset=utf-8"},
		{"submission", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	} {
		doc, err := documents.New(documents.Kind(c.kind), rb, st, documents.Options{Lang: lang.English, Place: "Cao Bằng"})
		require.NoError(t, err)
		var want bytes.Buffer
		require.NoError(t, doc.Write(&want, documents.Format(c.format)))
		rec := post(t, h, "/v1/documents", file("rules", cum2Rules), file("scores", cum2Scores),
			param("kind", c.kind), param("format", c.format), param("lang", "en"), param("place", "Cao Bằng"))
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		require.Equal(t, c.ct, rec.Header().Get("Content-Type"))
		require.Equal(t, fmt.Sprintf("attachment; filename=%s.%s", c.kind, c.format), rec.Header().Get("Content-Disposition"))
		require.Equal(t, want.Bytes(), rec.Body.Bytes())
	}
	rec := post(t, h, "/v1/documents", file("rules", cum2Rules), file("scores", cum2Scores), param("kind", "letter"))
	requireJSONResponse(t, rec, http.StatusBadRequest)
	require.Equal(t, "server.param.choice", problemsOf(t, rec).Problems[0].Code)
}

func TestTemplate(t *testing.T) {
	h := New(Options{})
	rb, sh := cum2(t)
	rec := post(t, h, "/v1/template", file("rules", cum2Rules), file("members", cum2Scores))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.Equal(t, XLSXType, rec.Header().Get("Content-Type"))
	require.Equal(t, "attachment; filename=caobang-cum2.xlsx", rec.Header().Get("Content-Disposition"))
	var want bytes.Buffer
	require.NoError(t, xlsx.Template(&want, rb, xlsx.TemplateOptions{Cluster: sh.Cluster, Year: sh.Year, Members: sh.Members}))
	require.Equal(t, want.Len(), rec.Body.Len())
	// The template read back is the members' sheet.
	got, _, err := xlsx.Read("template.xlsx", bytes.NewReader(rec.Body.Bytes()), rb, xlsx.Options{})
	require.NoError(t, err)
	require.Len(t, got.Members, len(sh.Members))
	for i, m := range sh.Members {
		require.Equal(t, [2]string{m.ID, m.Name}, [2]string{got.Members[i].ID, got.Members[i].Name})
	}
}

func TestMethodPathAndMediaType(t *testing.T) {
	h := New(Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/rank", nil))
	requireJSONResponse(t, rec, http.StatusMethodNotAllowed)
	require.Equal(t, "POST", rec.Header().Get("Allow"))
	ps := problemsOf(t, rec)
	require.Equal(t, "server.method", ps.Problems[0].Code)
	require.Equal(t, "/v1/rank does not take GET; use POST", ps.Problems[0].Text.EN)

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/healthz", nil))
	requireJSONResponse(t, rec, http.StatusMethodNotAllowed)
	require.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/nothing", nil))
	requireJSONResponse(t, rec, http.StatusNotFound)
	require.Equal(t, "server.not_found", problemsOf(t, rec).Problems[0].Code)

	req := httptest.NewRequest(http.MethodPost, "/v1/rank", strings.NewReader("rules=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	requireJSONResponse(t, rec, http.StatusUnsupportedMediaType)
	require.Equal(t, "server.body.media_type", problemsOf(t, rec).Problems[0].Code)
}

func TestBadRequests(t *testing.T) {
	h := New(Options{})
	for _, c := range []struct {
		name  string
		rec   *httptest.ResponseRecorder
		code  string
		where string
	}{
		{"missing scores", post(t, h, "/v1/rank", file("rules", cum2Rules)), "server.field.missing", "scores"},
		{"unknown field", post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2Scores), param("colour", "red")), "server.field.unknown", "colour"},
		{"twice", post(t, h, "/v1/rank", file("rules", cum2Rules), file("rules", cum2Rules)), "server.field.twice", "rules"},
		{"bad seed", post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2Scores), param("seed", "-1")), "server.param.uint", "seed"},
		{"bad explain", post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2Scores), param("explain", "maybe")), "server.param.bool", "explain"},
		{"bad n", post(t, h, "/v1/simulate", file("rules", cum2Rules), file("scores", cum2Scores), param("range", "1"), param("step", "1"), param("n", "0")), "server.param.int", "n"},
		{"json not an object", postJSON(t, h, "/v1/rank", []string{"rules"}), "server.body.not_object", ""},
		{"json file as a number", postJSON(t, h, "/v1/rank", map[string]any{"rules": 1, "scores": "x"}), "server.field.type", "rules"},
		{"json bad base64", postJSON(t, h, "/v1/rank", map[string]any{"rules": "x", "scores_base64": "!!"}), "server.field.base64", "scores_base64"},
	} {
		t.Run(c.name, func(t *testing.T) {
			requireJSONResponse(t, c.rec, http.StatusBadRequest)
			p := problemsOf(t, c.rec).Problems[0]
			require.Equal(t, c.code, p.Code)
			if c.where != "" {
				require.Equal(t, &Where{Path: c.where}, p.Where)
			}
			require.NotEqual(t, p.Text.VI, p.Text.EN)
		})
	}
	// A sheet format the library does not know is its problem (422).
	rec := post(t, h, "/v1/rank", file("rules", cum2Rules), file("scores", cum2Scores), param("scores_format", "ods"))
	requireJSONResponse(t, rec, http.StatusUnprocessableEntity)
	require.Equal(t, "scoresheet.format.name", problemsOf(t, rec).Problems[0].Code)
}

// countingReader counts the bytes read from it; it never ends.
type countingReader struct{ n atomic.Int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n.Add(int64(len(p)))
	return len(p), nil
}

func TestOversizedBodyIs413(t *testing.T) {
	h := New(Options{})
	limit := bodyLimit(endpointFields(t, "/v1/rank"), false)

	// Declared larger than the limit: refused before a byte is read.
	body := &countingReader{}
	req := httptest.NewRequest(http.MethodPost, "/v1/rank", body)
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	req.ContentLength = limit + 1
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	requireJSONResponse(t, rec, http.StatusRequestEntityTooLarge)
	require.Equal(t, "server.body.too_large", problemsOf(t, rec).Problems[0].Code)
	require.Zero(t, body.n.Load())

	// Not declared (streamed): refused once the limit is passed.
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte("--x\r\nContent-Disposition: form-data; name=\"scores\"; filename=\"s.csv\"\r\n\r\n"))
		io.Copy(pw, io.LimitReader(&countingReader{}, 2*limit))
		pw.Close()
	}()
	req = httptest.NewRequest(http.MethodPost, "/v1/rank", pr)
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	req.ContentLength = -1
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	pr.Close()
	requireJSONResponse(t, rec, http.StatusRequestEntityTooLarge)
	p := problemsOf(t, rec).Problems[0]
	require.Equal(t, "file.too_large", p.Code, "the sheet passes its own limit first")
	require.Equal(t, &Where{File: "s.csv"}, p.Where)

	// One file over its own limit: named, with the limit.
	big := strings.Repeat("#", rules.MaxBytes+1)
	rec = postJSON(t, h, "/v1/validate", map[string]any{"rules": big, "rules_filename": "big.yaml"})
	requireJSONResponse(t, rec, http.StatusRequestEntityTooLarge)
	p = problemsOf(t, rec).Problems[0]
	require.Equal(t, "file.too_large", p.Code)
	require.Equal(t, fmt.Sprintf("big.yaml: the file is larger than the limit of %d bytes", rules.MaxBytes), p.Text.EN)
}

func endpointFields(t testing.TB, path string) []field {
	for _, e := range (&server{}).endpoints() {
		if e.path == path {
			return e.fields
		}
	}
	t.Fatalf("no endpoint %s", path)
	return nil
}

func TestCancelledSimulationReturnsPromptly(t *testing.T) {
	h := New(Options{})
	body, ct := multipartBody(t, file("rules", cum2Rules), file("scores", cum2Scores), file("model", cum2Model),
		param("n", fmt.Sprint(simulation.MaxScenarios)))
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/v1/simulate", body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	start := time.Now()
	go func() {
		h.ServeHTTP(rec, req)
		close(done)
	}()
	time.Sleep(200 * time.Millisecond)
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the simulation did not stop when the client went away")
	}
	t.Logf("returned %v after the start", time.Since(start))
}

func TestDeadline(t *testing.T) {
	h := New(Options{Timeout: 300 * time.Millisecond})
	start := time.Now()
	rec := post(t, h, "/v1/simulate", file("rules", cum2Rules), file("scores", cum2Scores), file("model", cum2Model),
		param("n", fmt.Sprint(simulation.MaxScenarios)))
	require.Less(t, time.Since(start), 10*time.Second)
	requireJSONResponse(t, rec, http.StatusOK)
	v := decode(t, rec)
	require.Equal(t, true, v["partial"], "a simulation stopped by the deadline returns what it completed")

	// Any other computation stopped by the deadline is a 503.
	s := &server{opts: Options{Timeout: time.Second}}
	rec = httptest.NewRecorder()
	s.fail(rec, httptest.NewRequest(http.MethodPost, "/v1/whatif", nil), fmt.Errorf("whatif stopped: %w", context.DeadlineExceeded))
	requireJSONResponse(t, rec, http.StatusServiceUnavailable)
	require.Equal(t, "server.deadline", problemsOf(t, rec).Problems[0].Code)
}

func TestHealthz(t *testing.T) {
	h := New(Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	requireJSONResponse(t, rec, http.StatusOK)
	require.JSONEq(t, `{"status":"ok"}`, rec.Body.String())
	require.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
}

func TestDescribe(t *testing.T) {
	// Errors the library passes on are described by their text, without a
	// code; a wrapped list is looked into.
	ps := Describe(errors.New("open x.csv: no such file"))
	require.Equal(t, []Problem{{Text: Text{VI: "open x.csv: no such file", EN: "open x.csv: no such file"}}}, ps)
	_, err := rules.Parse("r.yaml", []byte("id: x\n"))
	require.Error(t, err)
	ps = Describe(fmt.Errorf("loading: %w", err))
	require.Len(t, ps, len(problem.Flatten(err)))
	require.NotEmpty(t, ps[0].Code)
	require.Equal(t, "r.yaml", ps[0].Where.File)

	// A workbook's warning names its cell.
	p := describe(xlsx.Warning{File: "a.xlsx", Sheet: "Bảng điểm", Cell: "D14", Message: lang.Msg("problem.text", "x")})
	require.Equal(t, &Where{File: "a.xlsx", Cell: "Bảng điểm!D14"}, p.Where)

	// More problems than are listed are counted by code.
	many := make([]Problem, MaxListed+5)
	for i := range many {
		many[i].Code = "input.score.missing"
	}
	out := newProblems(422, many)
	require.Len(t, out.Problems, MaxListed)
	require.Equal(t, map[string]int{"input.score.missing": MaxListed + 5}, out.ByCode)
}
