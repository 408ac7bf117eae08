package server

import (
	"bytes"
	"context"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
	"github.com/thidua/thidua/simulation"
)

// The web page for a secretariat official (cán bộ thi đua): server-rendered
// HTML in Vietnamese, a single multipart form whose buttons post to the
// paths below. Nothing is kept on the server between requests: once a
// rulebook or a workbook has been uploaded, the page carries it back in a
// hidden field (base64), so that the next button (a download, an audit, a
// simulation) sends it again. Every asset is embedded; the page loads
// nothing from the internet and runs no script of its own.

//go:embed templates static
var pageFS embed.FS

// The page's paths.
const (
	pathRank       = "/xep-hang"  // rank the workbook and show the standings
	pathTemplate   = "/mau-excel" // download the cluster's Excel template
	pathDownload   = "/tai-ve"    // download a document or the results workbook
	pathAudit      = "/kiem-tra"  // download the audit report of a recorded result
	pathSimulate   = "/mo-phong"  // run a simulation and show its chart
	pathStatic     = "/static/"   // the embedded stylesheet and examples
	keepSuffix     = "_keep"      // a hidden field carrying an earlier upload (base64)
	keepNameSuffix = "_keep_name" // … and its file name
	uploadChoice   = "tai-len"    // the rulebook source "an uploaded file"
	pageScenarios  = 10_000       // a simulation's scenarios when the page does not say
	maxPageN       = 1_000_000    // the most scenarios the page runs
)

// example is a bundled example rulebook the page offers, with the members
// its template lists and a recorded result to audit.
type example struct {
	ID, Title      string
	Rules, Members string // paths in pageFS
	Recorded       string
}

var examples = []example{{
	ID:       "cum2",
	Title:    "Cụm II – Các cơ quan quản lý chuyên ngành, tỉnh Cao Bằng (năm 2020, ví dụ minh hoạ)",
	Rules:    "static/examples/cum2/rulebook.yaml",
	Members:  "static/examples/cum2/scores-2020.csv",
	Recorded: "static/examples/cum2/recorded-2020.csv",
}}

func exampleByID(id string) (example, bool) {
	for _, e := range examples {
		if e.ID == id {
			return e, true
		}
	}
	return example{}, false
}

// pageFields are the fields of the page's form: every button posts the
// whole form, so each path accepts all of them.
var pageFields = func() []field {
	b64 := func(n int64) int64 { return (n+2)/3*4 + 4 }
	return []field{
		{name: "nguon"}, // the rulebook's source: an example's id or uploadChoice
		{name: "rules", file: true, limit: rules.MaxBytes},
		{name: "rules" + keepSuffix, file: true, limit: b64(rules.MaxBytes)},
		{name: "rules" + keepNameSuffix},
		{name: "scores", file: true, limit: sheets.MaxBytes},
		{name: "scores" + keepSuffix, file: true, limit: b64(sheets.MaxBytes)},
		{name: "scores" + keepNameSuffix},
		{name: "members", file: true, limit: sheets.MaxBytes},
		{name: "cluster"}, {name: "year"},
		{name: "what"}, {name: "place"}, {name: "issuer"},
		{name: "recorded", file: true, limit: audit.MaxBytes},
		{name: "model", file: true, limit: simulation.MaxModelBytes},
		{name: "range"}, {name: "step"}, {name: "n"}, {name: "seed"},
	}
}()

var pageHTML = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"pct":        func(p float64) string { return lang.Vietnamese.Number(fmt.Sprintf("%.1f", p*100)) + "%" },
	"add":        func(a, b float64) float64 { return a + b },
	"mul":        func(a, b float64) float64 { return a * b },
	"trimStatic": func(p string) string { return strings.TrimPrefix(p, "static/") },
}).ParseFS(pageFS, "templates/page.html"))

// mountPage adds the web page to the API's mux: GET / and the page's POST
// paths, and the embedded assets under /static/.
func (s *server) mountPage(mux *http.ServeMux) {
	static, _ := fs.Sub(pageFS, "static")
	files := http.StripPrefix(pathStatic, http.FileServerFS(static))
	mux.HandleFunc("GET "+pathStatic, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		files.ServeHTTP(w, r)
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, http.StatusOK, newPageView())
	})
	mux.HandleFunc("POST "+pathRank, s.page(func(w http.ResponseWriter, r *http.Request, in *request, v *pageView) error {
		return s.showStandings(r.Context(), in, v)
	}))
	mux.HandleFunc("POST "+pathTemplate, s.page(s.pageTemplate))
	mux.HandleFunc("POST "+pathDownload, s.page(s.pageDownload))
	mux.HandleFunc("POST "+pathAudit, s.page(s.pageAudit))
	mux.HandleFunc("POST "+pathSimulate, s.page(s.pageSimulate))
	for _, p := range []string{pathRank, pathTemplate, pathDownload, pathAudit, pathSimulate} {
		// A page's address opened again (a bookmark): back to the start.
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/", http.StatusSeeOther)
		})
	}
}

// pageRun is a page action: it writes a file and returns nil with v
// untouched, or fills v for the page to be rendered; an error is shown on
// the page beside the field it concerns.
type pageRun func(w http.ResponseWriter, r *http.Request, in *request, v *pageView) error

// page runs a page action as api runs an endpoint — a place among the
// computing requests, the deadline, the form read within its limits — and
// renders the page with the result or the problems.
func (s *server) page(run pageRun) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		v := newPageView()
		defer func() {
			if x := recover(); x != nil {
				if x == http.ErrAbortHandler {
					panic(x)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(x))
				v.fail(errorf("panic: %v", x), nil)
				s.render(w, http.StatusInternalServerError, v)
			}
		}()
		if s.slot != nil {
			select {
			case s.slot <- struct{}{}:
				defer func() { <-s.slot }()
			case <-ctx.Done():
				v.fail(&requestError{Status: http.StatusServiceUnavailable, Message: lang.Msg("server.busy")}, nil)
				s.render(w, http.StatusServiceUnavailable, v)
				return
			}
		}
		raw, err := readRequest(w, r, pageFields)
		var in *request
		if err == nil {
			in, err = v.input(raw)
		}
		if err == nil {
			err = run(w, r, in, v)
			if err == nil && !v.rendered {
				return // a file was written
			}
		}
		status := http.StatusOK
		if err != nil {
			if errors.Is(err, context.Canceled) && r.Context().Err() != nil && !errors.Is(r.Context().Err(), context.DeadlineExceeded) {
				return // the client went away
			}
			if errors.Is(err, context.DeadlineExceeded) {
				err = &requestError{Status: http.StatusServiceUnavailable, Message: lang.Msg("server.deadline", s.opts.Timeout.String())}
			}
			status = v.fail(err, in)
			if v.Result == nil && in != nil && !isSheetProblem(v) {
				// Show the standings again, with the problem beside its
				// field in the section below them.
				s.showStandings(r.Context(), in, v)
			}
			v.placeProblems()
		}
		s.render(w, status, v)
	}
}

// render writes the page.
func (s *server) render(w http.ResponseWriter, status int, v *pageView) {
	var buf bytes.Buffer
	if err := pageHTML.Execute(&buf, v); err != nil {
		s.log.Error("cannot render the page", "err", err)
		http.Error(w, "Lỗi hiển thị trang: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	// Everything the page uses is its own: no script, no other origin.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	w.WriteHeader(status)
	if _, err := w.Write(buf.Bytes()); err != nil {
		s.log.Error("cannot write the page", "err", err)
	}
}

// input turns the form into the request the API's functions read: the
// rulebook (an example, a new upload or the one carried from before) in
// "rules", the workbook (a new upload or the one carried) in "scores", and
// the parameters; it remembers both in the view for the next request.
func (v *pageView) input(raw *request) (*request, error) {
	in := &request{files: map[string]upload{}, params: map[string]string{}}
	for k, p := range raw.params {
		in.params[k] = p
	}
	for _, name := range []string{"members", "recorded", "model"} {
		if up, ok := raw.files[name]; ok && len(up.data) > 0 {
			in.files[name] = up
		}
	}
	for _, name := range []string{"rules", "scores"} {
		up, ok := raw.files[name]
		if !ok || len(up.data) == 0 {
			keep, ok := raw.files[name+keepSuffix]
			if !ok || len(keep.data) == 0 {
				continue
			}
			data, err := base64.StdEncoding.AppendDecode(nil, bytes.TrimSpace(keep.data))
			if err != nil {
				return nil, badRequest(name, lang.Msg("server.field.base64", name+keepSuffix))
			}
			up = upload{name: cleanName(raw.str(name+keepNameSuffix), name), data: data}
		}
		in.files[name] = up
	}
	// The rulebook's source: an example, unless the official chose to upload
	// one (or uploaded one without choosing).
	src := raw.str("nguon")
	_, uploaded := in.files["rules"]
	if src == "" && !uploaded {
		src = examples[0].ID
	}
	if src != uploadChoice && src != "" {
		if up, ok := in.files["rules"]; ok && len(raw.files["rules"].data) > 0 {
			// A new file chosen while an example is ticked: the file wins.
			src = uploadChoice
			in.files["rules"] = up
		} else if e, ok := exampleByID(src); ok {
			data, err := pageFS.ReadFile(e.Rules)
			if err != nil {
				return nil, errorf("example %s: %v", e.ID, err)
			}
			in.files["rules"] = upload{name: path.Base(e.Rules), data: data}
			v.example = &e
		} else {
			return nil, badRequest("rules", lang.Msg("server.param.choice", "nguon", lang.Quote(cut(src, 60)), exampleIDs()))
		}
	}
	v.Source = src
	if up, ok := in.files["rules"]; ok && v.example == nil {
		v.Rules = &keptFile{Name: up.name, Data: base64.StdEncoding.EncodeToString(up.data)}
	}
	if up, ok := in.files["scores"]; ok {
		v.Scores = &keptFile{Name: up.name, Data: base64.StdEncoding.EncodeToString(up.data)}
	}
	for _, k := range []string{"cluster", "year", "place", "issuer", "range", "step", "n", "seed"} {
		if p := raw.str(k); p != "" {
			v.Form[k] = p
		}
	}
	return in, nil
}

func exampleIDs() string {
	ids := []string{uploadChoice}
	for _, e := range examples {
		ids = append(ids, e.ID)
	}
	return strings.Join(ids, ", ")
}

// needs checks that the request carries the files an action needs, each
// missing one a problem beside its field.
func needs(in *request, names ...string) error {
	var errs []error
	for _, n := range names {
		if _, ok := in.files[n]; !ok {
			errs = append(errs, &pageError{field: n, text: missingText[n]})
		}
	}
	return errors.Join(errs...)
}

// missingText says, in Vietnamese, which file is missing.
var missingText = map[string]string{
	"rules":    "Chưa có bộ tiêu chí: chọn một bộ tiêu chí mẫu hoặc tải lên tệp của cụm (.yaml, .json).",
	"scores":   "Chưa có bảng điểm: tải lên tệp Excel (.xlsx) đã điền, hoặc tệp .csv, .json.",
	"recorded": "Chưa có biên bản: tải lên tệp kết quả đã công bố (.csv hoặc .json) để kiểm tra.",
}

// pageError is a problem the page itself finds (a file not chosen): it
// belongs beside a field and has only a Vietnamese text.
type pageError struct {
	field, text string
}

func (e *pageError) Error() string { return e.text }

// showStandings ranks the workbook and fills the view with the standings.
func (s *server) showStandings(ctx context.Context, in *request, v *pageView) error {
	if err := needs(in, "rules", "scores"); err != nil {
		if _, ok := in.files["rules"]; ok {
			// Show at least what the rulebook is.
			if rb, rerr := rulebook(in); rerr == nil {
				v.setRulebook(rb)
			}
		}
		return err
	}
	rb, err := rulebook(in)
	if err != nil {
		return err
	}
	v.setRulebook(rb)
	opts, err := rankOptions(in)
	if err != nil {
		return err
	}
	_, sh, ws, err := checkedSheet(in)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		return err
	}
	v.Result = newResultView(rb, st, ws)
	v.rendered = true
	return nil
}

// pageTemplate writes the Excel template of the rulebook: for an example,
// with its members; else with the members of the file uploaded, if any.
func (s *server) pageTemplate(w http.ResponseWriter, r *http.Request, in *request, v *pageView) error {
	if err := needs(in, "rules"); err != nil {
		return err
	}
	if _, ok := in.files["members"]; !ok && v.example != nil && v.example.Members != "" {
		data, err := pageFS.ReadFile(v.example.Members)
		if err != nil {
			return errorf("example %s: %v", v.example.ID, err)
		}
		in.files["members"] = upload{name: path.Base(v.example.Members), data: data}
	}
	return s.template(w, r, in)
}

// downloads are the files the page offers once the workbook is ranked.
var downloads = map[string]struct {
	kind   documents.Kind // "" for the results workbook
	format documents.Format
}{
	"summary.docx":    {documents.Summary, documents.DOCX},
	"summary.html":    {documents.Summary, documents.HTML},
	"submission.docx": {documents.Submission, documents.DOCX},
	"submission.html": {documents.Submission, documents.HTML},
	"results.xlsx":    {},
}

// pageDownload writes a document (the bảng tổng hợp or the tờ trình, .docx
// or HTML to print) or the results workbook.
func (s *server) pageDownload(w http.ResponseWriter, r *http.Request, in *request, v *pageView) error {
	d, ok := downloads[in.str("what")]
	if !ok {
		return badRequest("what", lang.Msg("server.param.choice", "what", lang.Quote(cut(in.str("what"), 60)), "summary.docx, summary.html, submission.docx, submission.html, results.xlsx"))
	}
	if err := needs(in, "rules", "scores"); err != nil {
		return err
	}
	if d.kind == "" {
		rb, st, _, err := ranked(in)
		if err != nil {
			return err
		}
		return s.writeFile(w, XLSXType, "ket-qua-"+rb.ID()+".xlsx", func(w io.Writer) error {
			return xlsx.WriteResults(w, rb, st, xlsx.ResultOptions{Scorecards: true, Lang: lang.Vietnamese})
		})
	}
	in.params["kind"] = string(d.kind)
	in.params["format"] = string(d.format)
	in.params["lang"] = "vi"
	if d.format == documents.HTML {
		// To print: shown in the browser's tab rather than saved.
		w = inlineWriter{w}
	}
	return s.documents(w, r, in)
}

// inlineWriter turns a download into a page the browser shows (to print
// it): its Content-Disposition says inline.
type inlineWriter struct{ http.ResponseWriter }

func (w inlineWriter) WriteHeader(status int) {
	if cd := w.Header().Get("Content-Disposition"); strings.HasPrefix(cd, "attachment") {
		w.Header().Set("Content-Disposition", "inline"+strings.TrimPrefix(cd, "attachment"))
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w inlineWriter) Write(p []byte) (int, error) { return w.ResponseWriter.Write(p) }

// pageAudit writes the audit report (HTML, in Vietnamese) of the recorded
// result uploaded against the rulebook and the workbook.
func (s *server) pageAudit(w http.ResponseWriter, r *http.Request, in *request, v *pageView) error {
	if _, ok := in.files["recorded"]; !ok && in.str("what") == "example" && v.example != nil && v.example.Recorded != "" {
		data, err := pageFS.ReadFile(v.example.Recorded)
		if err != nil {
			return errorf("example %s: %v", v.example.ID, err)
		}
		in.files["recorded"] = upload{name: path.Base(v.example.Recorded), data: data}
	}
	if err := needs(in, "rules", "scores", "recorded"); err != nil {
		return err
	}
	in.params["format"] = "html"
	in.params["lang"] = "vi"
	delete(in.params, "what")
	return s.audit(w, r, in)
}

// pageSimulate ranks the workbook and runs a simulation of it: the model
// uploaded, or every value within ± range by step.
func (s *server) pageSimulate(w http.ResponseWriter, r *http.Request, in *request, v *pageView) error {
	if err := s.showStandings(r.Context(), in, v); err != nil {
		return err
	}
	n, err := in.intParam("n", pageScenarios, 1, maxPageN)
	if err != nil {
		return err
	}
	seed, set, err := in.uintParam("seed")
	if err != nil {
		return err
	}
	if !set {
		seed = 1
	}
	var model simulation.Model
	if up, ok := in.files["model"]; ok {
		if model, err = simulation.ParseModel(up.name, up.data); err != nil {
			return err
		}
	} else {
		rng, set, err := in.decimalParam("range")
		if err != nil {
			return err
		}
		if !set || !rng.IsPositive() {
			return &pageError{field: "range", text: "Nhập biên độ dao động của điểm (ví dụ 0,5), hoặc tải lên tệp mô hình."}
		}
		step, set, err := in.decimalParam("step")
		if err != nil {
			return err
		}
		if !set || !step.IsPositive() {
			return &pageError{field: "step", text: "Nhập bước điểm (ví dụ 0,25)."}
		}
		model.Default = &simulation.Uncertainty{Range: rng, Step: step}
	}
	rb, err := rulebook(in)
	if err != nil {
		return err
	}
	_, sh, _, err := checkedSheet(in)
	if err != nil {
		return err
	}
	res, err := simulation.Run(r.Context(), rb, sh, model, simulation.Config{Scenarios: n, Seed: seed, Workers: s.opts.SimulationWorkers})
	if err != nil {
		return err
	}
	v.Sim = newSimView(rb, res)
	v.Open = "mo-phong"
	return nil
}
