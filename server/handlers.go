package server

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
	"github.com/thidua/thidua/simulation"
	"github.com/thidua/thidua/whatif"
)

// endpoint is one POST path of the API: its fields and what it does.
type endpoint struct {
	path   string
	fields []field
	run    func(s *server, w http.ResponseWriter, r *http.Request, in *request) error
}

// MaxMappingBytes is the limit of an Excel mapping file, as the command
// line's --mapping.
const MaxMappingBytes = 1 << 20

// The schemas of the JSON outputs the command line defines (thidua whatif,
// sensitivity, scenario --format json), and of validate's.
const (
	ValidationSchema  = "thidua/validation/v1"
	WhatifSchema      = whatif.ReachSchema
	SensitivitySchema = whatif.SensitivitySchema
	ScenarioSchema    = whatif.ScenarioSchema
)

// The fields every endpoint that reads a score sheet shares.
var (
	fRules        = field{name: "rules", file: true, limit: rules.MaxBytes, required: true}
	fScores       = field{name: "scores", file: true, limit: sheets.MaxBytes, required: true}
	fScoresFormat = field{name: "scores_format"}
	fMapping      = field{name: "mapping", file: true, limit: MaxMappingBytes}
	fSeed         = field{name: "seed"}
	sheetFields   = []field{fRules, fScores, fScoresFormat, fMapping}
)

func with(fs []field, more ...field) []field { return append(slices.Clone(fs), more...) }

func (s *server) endpoints() []endpoint {
	optionalScores := fScores
	optionalScores.required = false
	return []endpoint{
		{"/v1/rank", with(sheetFields, fSeed, field{name: "explain"}), (*server).rank},
		{"/v1/validate", []field{fRules, optionalScores, fScoresFormat, fMapping}, (*server).validate},
		{"/v1/simulate", with(sheetFields,
			field{name: "model", file: true, limit: simulation.MaxModelBytes},
			field{name: "range"}, field{name: "step"}, field{name: "n"}, fSeed, field{name: "lots_seed"}, field{name: "engine"}),
			(*server).simulate},
		{"/v1/whatif", with(sheetFields, field{name: "member", required: true}, field{name: "rank"}, field{name: "award"},
			field{name: "steps"}, fSeed), (*server).whatif},
		{"/v1/sensitivity", with(sheetFields, field{name: "weight"}, field{name: "score"},
			field{name: "from", required: true}, field{name: "to", required: true}, field{name: "step", required: true}, fSeed),
			(*server).sensitivity},
		{"/v1/scenario", with(sheetFields, field{name: "edits", file: true, limit: whatif.MaxScenarioBytes, required: true}, fSeed),
			(*server).scenario},
		{"/v1/audit", with(sheetFields, field{name: "recorded", file: true, limit: audit.MaxBytes, required: true},
			field{name: "recorded_format"}, field{name: "format"}, field{name: "lang"}), (*server).audit},
		{"/v1/documents", with(sheetFields, field{name: "kind", required: true}, field{name: "format"}, field{name: "lang"},
			field{name: "issuer"}, field{name: "parent"}, field{name: "recipient"}, field{name: "place"}, fSeed),
			(*server).documents},
		{"/v1/template", []field{fRules, {name: "members", file: true, limit: sheets.MaxBytes}, {name: "members_format"},
			{name: "cluster"}, {name: "year"}}, (*server).template},
	}
}

// rulebook reads the rulebook the request carries, or takes the one the
// server keeps for the same file.
func rulebook(in *request) (*rules.Rulebook, error) {
	up := in.files["rules"]
	return in.rulebooks.parse(up.name, up.data)
}

// sheetFormat is the format of a score sheet upload: the field NAME_format
// if given, else the file name's extension, else what the content looks
// like (an .xlsx workbook is a zip, a JSON sheet an object; else CSV).
func sheetFormat(in *request, name string) (scoresheet.Format, error) {
	if f := in.str(name + "_format"); f != "" {
		return scoresheet.ParseFormat(f)
	}
	up := in.files[name]
	if filepath.Ext(up.name) != "" {
		return scoresheet.FormatOf(up.name)
	}
	switch sniff(up.data) {
	case "zip":
		return scoresheet.XLSX, nil
	case "json":
		return scoresheet.JSON, nil
	}
	return scoresheet.CSV, nil
}

// sniff says what data looks like: "zip", "json" (an object) or "".
func sniff(data []byte) string {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return "zip"
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if len(t) > 0 && t[0] == '{' {
		return "json"
	}
	return ""
}

// sheetOptions are the reading options the request gives: its mapping.
func sheetOptions(in *request) ([]scoresheet.Option, error) {
	up, ok := in.files["mapping"]
	if !ok {
		return nil, nil
	}
	m, err := xlsx.ParseMapping(up.name, up.data)
	if err != nil {
		return nil, err
	}
	return []scoresheet.Option{scoresheet.WithMapping(m)}, nil
}

// checkedSheet reads the rulebook and the score sheet of the request and
// checks the sheet against the rulebook, as thidua rank does; warnings are
// what the reader noticed and the sheet's look-alike ids and names.
func checkedSheet(in *request) (*rules.Rulebook, scoring.Sheet, []Problem, error) {
	rb, err := rulebook(in)
	if err != nil {
		return nil, scoring.Sheet{}, nil, err
	}
	sh, ws, err := readSheet(in, rb, "scores", true)
	return rb, sh, ws, err
}

// readSheet reads the sheet in the field name, checked against the
// rulebook or only read.
func readSheet(in *request, rb *rules.Rulebook, name string, check bool) (scoring.Sheet, []Problem, error) {
	up, ok := in.files[name]
	if !ok {
		return scoring.Sheet{}, nil, badRequest(name, lang.Msg("server.field.missing", name))
	}
	f, err := sheetFormat(in, name)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	var opts []scoresheet.Option
	if name == "scores" {
		if opts, err = sheetOptions(in); err != nil {
			return scoring.Sheet{}, nil, err
		}
	}
	read := scoresheet.Read
	if check {
		read = scoresheet.CheckReader
	}
	sh, rws, err := read(rb, up.name, bytes.NewReader(up.data), f, opts...)
	if err != nil {
		return sh, nil, err
	}
	var ws []Problem
	for _, w := range rws {
		ws = append(ws, describe(w))
	}
	for _, w := range sh.Warnings() {
		ws = append(ws, describe(w))
	}
	return sh, ws, nil
}

// rankOptions are the ranking options the request gives: a seed for
// drawing lots.
func rankOptions(in *request) ([]ranking.Option, error) {
	seed, set, err := in.uintParam("seed")
	if err != nil || !set {
		return nil, err
	}
	return []ranking.Option{ranking.WithSeed(seed)}, nil
}

// ranked reads the request's rulebook and sheet, checks the sheet and
// ranks it with the request's seed, if any: what rank, documents and the
// page's downloads share. ws are the sheet's warnings.
func ranked(in *request) (rb *rules.Rulebook, st *ranking.Standings, ws []Problem, err error) {
	return rankedWith(in)
}

// rankedWith is ranked, with more ranking options.
func rankedWith(in *request, more ...ranking.Option) (rb *rules.Rulebook, st *ranking.Standings, ws []Problem, err error) {
	opts, err := rankOptions(in)
	if err != nil {
		return nil, nil, nil, err
	}
	opts = append(opts, more...)
	rb, sh, ws, err := checkedSheet(in)
	if err != nil {
		return nil, nil, nil, err
	}
	st, err = ranking.Rank(rb, sh, opts...)
	if err != nil {
		return nil, nil, nil, err
	}
	return rb, st, ws, nil
}

// standings is rank's answer: the standings (schema thidua/standings/v2)
// and, when there are any, the sheet's warnings.
type standings struct {
	*ranking.Standings
	Warnings []Problem `json:"warnings,omitempty"`
}

func (s *server) rank(w http.ResponseWriter, r *http.Request, in *request) error {
	explain, err := in.boolParam("explain")
	if err != nil {
		return err
	}
	var quiet []ranking.Option
	if !explain {
		// The scorecards are left out: their traces need not be written.
		quiet = append(quiet, ranking.WithoutTrace())
	}
	_, st, ws, err := rankedWith(in, quiet...)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, standings{Standings: WithoutScorecards(st, explain), Warnings: ws})
	return nil
}

// WithoutScorecards is the standings as thidua rank --format json writes
// them: without each row's scorecard unless explain.
func WithoutScorecards(st *ranking.Standings, explain bool) *ranking.Standings {
	if explain {
		return st
	}
	out := *st
	out.Rows = make([]ranking.Row, len(st.Rows))
	for i, row := range st.Rows {
		row.Card = scoring.Scorecard{}
		out.Rows[i] = row
	}
	return &out
}

// Validation is validate's answer (schema thidua/validation/v1): the
// rulebook and, if one was sent, the score sheet are valid.
type Validation struct {
	Schema   string             `json:"schema"`
	Valid    bool               `json:"valid"`
	Rulebook ValidationRulebook `json:"rulebook"`
	Sheet    *ValidationSheet   `json:"sheet,omitempty"`
	Warnings []Problem          `json:"warnings,omitempty"`
}

// ValidationRulebook identifies a valid rulebook.
type ValidationRulebook struct {
	ID       string          `json:"id"`
	Version  string          `json:"version"`
	Title    string          `json:"title"`
	Hash     string          `json:"hash"`
	Nodes    int             `json:"nodes"`
	MaxTotal decimal.Decimal `json:"max_total"`
}

// ValidationSheet identifies a valid score sheet.
type ValidationSheet struct {
	File    string `json:"file"`
	Members int    `json:"members"`
	Scores  int    `json:"scores"`
	Hash    string `json:"hash"`
}

func (s *server) validate(w http.ResponseWriter, r *http.Request, in *request) error {
	rb, err := rulebook(in)
	if err != nil {
		return err
	}
	v := Validation{Schema: ValidationSchema, Valid: true, Rulebook: ValidationRulebook{
		ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash(), Nodes: len(rb.Nodes()), MaxTotal: rb.MaxTotal(),
	}}
	if in.has("scores") {
		sh, ws, err := readSheet(in, rb, "scores", true)
		if err != nil {
			return err
		}
		cards, err := scoring.Score(rb, sh)
		if err != nil {
			return err
		}
		v.Sheet = &ValidationSheet{File: in.files["scores"].name, Members: len(cards), Scores: len(sh.Scores), Hash: sh.Hash()}
		v.Warnings = ws
	}
	s.writeJSON(w, http.StatusOK, v)
	return nil
}

// DefaultScenarios is the number of scenarios of a simulation when the
// request does not say.
const DefaultScenarios = 10_000

func (s *server) simulate(w http.ResponseWriter, r *http.Request, in *request) error {
	n, err := in.intParam("n", DefaultScenarios, 1, simulation.MaxScenarios)
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
	cfg := simulation.Config{Scenarios: n, Seed: seed, Workers: s.opts.SimulationWorkers}
	if lots, set, err := in.uintParam("lots_seed"); err != nil {
		return err
	} else if set {
		cfg.LotsSeed = &lots
	}
	engine, err := in.choice("engine", "auto", "auto", "compiled", "decimal")
	if err != nil {
		return err
	}
	cfg.Engine = map[string]simulation.Engine{"auto": simulation.Auto, "compiled": simulation.Compiled, "decimal": simulation.Decimal}[engine]
	if err := in.exclusive("model", "range", true); err != nil {
		return err
	}
	var model simulation.Model
	if up, ok := in.files["model"]; ok {
		if in.has("step") {
			return badRequest("step", lang.Msg("server.field.exclusive", "model", "step"))
		}
		if model, err = simulation.ParseModel(up.name, up.data); err != nil {
			return err
		}
	} else {
		rng, _, err := in.decimalParam("range")
		if err != nil {
			return err
		}
		step, set, err := in.decimalParam("step")
		if err != nil {
			return err
		}
		if !set {
			return badRequest("step", lang.Msg("server.field.missing", "step"))
		}
		model.Default = &simulation.Uncertainty{Range: rng, Step: step}
	}
	rb, sh, ws, err := checkedSheet(in)
	if err != nil {
		return err
	}
	res, err := simulation.Run(r.Context(), rb, sh, model, cfg)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		*simulation.Result
		Warnings []Problem `json:"warnings,omitempty"`
	}{res, ws})
	return nil
}

// ref identifies the rulebook, as the standings do.
func ref(rb *rules.Rulebook) ranking.RulebookRef {
	return ranking.RulebookRef{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash()}
}

// steps reads "03=0.5,05=1": each criterion's input step.
func steps(in *request) ([]whatif.Option, error) {
	var opts []whatif.Option
	s := in.str("steps")
	if s == "" {
		return nil, nil
	}
	for item := range strings.SplitSeq(s, ",") {
		c, v, ok := strings.Cut(item, "=")
		d, err := decimal.NewFromString(strings.TrimSpace(strings.Replace(v, ",", ".", 1)))
		if !ok || strings.TrimSpace(c) == "" || err != nil || !d.IsPositive() {
			return nil, badRequest("steps", lang.Msg("server.param.steps", "steps", lang.Quote(cut(s, 60))))
		}
		opts = append(opts, whatif.WithStep(strings.TrimSpace(c), d))
	}
	return opts, nil
}

func (s *server) whatif(w http.ResponseWriter, r *http.Request, in *request) error {
	if err := in.exclusive("rank", "award", true); err != nil {
		return err
	}
	target := whatif.AwardTarget(in.str("award"))
	if in.has("rank") {
		k, err := in.intParam("rank", 0, 1, 1<<30)
		if err != nil {
			return err
		}
		target = whatif.RankTarget(k)
	}
	ropts, err := rankOptions(in)
	if err != nil {
		return err
	}
	opts, err := steps(in)
	if err != nil {
		return err
	}
	opts = append(opts, whatif.WithRankOptions(ropts...))
	rb, sh, ws, err := checkedSheet(in)
	if err != nil {
		return err
	}
	res, err := whatif.Reach(r.Context(), rb, sh, in.str("member"), target, opts...)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		whatif.ReachReport
		Warnings []Problem `json:"warnings,omitempty"`
	}{whatif.NewReachReport(rb, sh, res), ws})
	return nil
}

func (s *server) sensitivity(w http.ResponseWriter, r *http.Request, in *request) error {
	if err := in.exclusive("weight", "score", true); err != nil {
		return err
	}
	p := whatif.WeightOf(in.str("weight"))
	if sc := in.str("score"); in.has("score") {
		m, c, ok := strings.Cut(sc, ":")
		if !ok || m == "" || c == "" {
			return badRequest("score", lang.Msg("server.param.score", "score", lang.Quote(cut(sc, 60))))
		}
		p = whatif.ScoreOf(m, c)
	}
	var rg whatif.Range
	for _, f := range []struct {
		name string
		v    *decimal.Decimal
	}{{"from", &rg.From}, {"to", &rg.To}, {"step", &rg.Step}} {
		d, _, err := in.decimalParam(f.name)
		if err != nil {
			return err
		}
		*f.v = d
	}
	ropts, err := rankOptions(in)
	if err != nil {
		return err
	}
	rb, sh, ws, err := checkedSheet(in)
	if err != nil {
		return err
	}
	res, err := whatif.Sensitivity(r.Context(), rb, sh, p, rg, whatif.WithRankOptions(ropts...))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		whatif.SensitivityReport
		Warnings []Problem `json:"warnings,omitempty"`
	}{whatif.NewSensitivityReport(rb, sh, res), ws})
	return nil
}

func (s *server) scenario(w http.ResponseWriter, r *http.Request, in *request) error {
	opts, err := rankOptions(in)
	if err != nil {
		return err
	}
	rb, sh, ws, err := checkedSheet(in)
	if err != nil {
		return err
	}
	up := in.files["edits"]
	sc, err := whatif.ParseScenario(up.name, up.data)
	var bad scoring.InputErrors
	if err != nil && !errors.As(err, &bad) {
		return err
	}
	after, err := sc.Apply(rb, sh)
	if err != nil || len(bad) > 0 {
		// What could not be read and what does not fit the rulebook or
		// the sheet, together, in line order (as thidua scenario).
		var more scoring.InputErrors
		errors.As(err, &more)
		return whatif.MergeProblems(bad, more)
	}
	st0, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		return err
	}
	st1, err := ranking.Rank(rb, after, opts...)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		whatif.ScenarioReport
		Warnings []Problem `json:"warnings,omitempty"`
	}{whatif.NewScenarioReport(rb, sh, after, sc, whatif.Compare(st0, st1)), ws})
	return nil
}

// recorded reads the recorded result: CSV, or JSON or YAML (thidua/recorded/v1),
// by recorded_format, the file name's extension or the content.
func recorded(in *request) (audit.Recorded, error) {
	up := in.files["recorded"]
	f, err := in.choice("recorded_format", "", "csv", "json", "yaml", "yml")
	if err != nil {
		return audit.Recorded{}, err
	}
	if f == "" {
		switch ext := strings.ToLower(filepath.Ext(up.name)); {
		case ext == ".json" || ext == ".yaml" || ext == ".yml":
			f = "json"
		case ext == "" && sniff(up.data) == "json":
			f = "json"
		}
	}
	if f == "" || f == "csv" {
		return audit.ReadCSV(up.name, bytes.NewReader(up.data))
	}
	return audit.ParseJSON(up.name, up.data)
}

func (s *server) audit(w http.ResponseWriter, r *http.Request, in *request) error {
	format, err := in.choice("format", "json", "json", "md", "html")
	if err != nil {
		return err
	}
	t, err := in.langParam()
	if err != nil {
		return err
	}
	rb, err := rulebook(in)
	if err != nil {
		return err
	}
	rec, err := recorded(in)
	if err != nil {
		return err
	}
	// The sheet is read, not checked: its rows that scoring refuses are
	// findings of the audit.
	sh, _, err := readSheet(in, rb, "scores", false)
	if err != nil {
		return err
	}
	rep, err := audit.Audit(r.Context(), rb, sh, rec)
	if err != nil {
		return err
	}
	switch format {
	case "md":
		return s.writeFile(w, "text/markdown; charset=utf-8", "audit.md", func(w io.Writer) error { return rep.WriteIn(w, audit.Markdown, t) })
	case "html":
		return s.writeFile(w, "text/html; charset=utf-8", "audit.html", func(w io.Writer) error { return rep.WriteIn(w, audit.HTML, t) })
	}
	s.writeJSON(w, http.StatusOK, rep)
	return nil
}

// contentTypes are the documents' media types.
var contentTypes = map[documents.Format]string{
	documents.Markdown: "text/markdown; charset=utf-8",
	documents.HTML:     "text/html; charset=utf-8",
	documents.DOCX:     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

func (s *server) documents(w http.ResponseWriter, r *http.Request, in *request) error {
	kind, err := in.choice("kind", "", string(documents.Summary), string(documents.Submission))
	if err != nil {
		return err
	}
	format, err := in.choice("format", "md", "md", "html", "docx")
	if err != nil {
		return err
	}
	t, err := in.langParam()
	if err != nil {
		return err
	}
	rb, st, _, err := ranked(in)
	if err != nil {
		return err
	}
	doc, err := documents.New(documents.Kind(kind), rb, st, documents.Options{
		Lang: t, Issuer: in.str("issuer"), Parent: in.str("parent"), Recipient: in.str("recipient"), Place: in.str("place"),
	})
	if err != nil {
		return err
	}
	f := documents.Format(format)
	return s.writeFile(w, contentTypes[f], kind+"."+format, func(w io.Writer) error { return doc.Write(w, f) })
}

// XLSXType is the media type of an Excel workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (s *server) template(w http.ResponseWriter, r *http.Request, in *request) error {
	year, err := in.intParam("year", 0, 0, 9999)
	if err != nil {
		return err
	}
	rb, err := rulebook(in)
	if err != nil {
		return err
	}
	opts := xlsx.TemplateOptions{Cluster: in.str("cluster"), Year: year}
	if in.has("members") {
		sh, _, err := readSheet(in, rb, "members", false)
		if err != nil {
			return err
		}
		if err := sh.CheckNames(); err != nil {
			return err
		}
		opts.Members = sh.Members
		if opts.Cluster == "" {
			opts.Cluster = sh.Cluster
		}
		if opts.Year == 0 {
			opts.Year = sh.Year
		}
	}
	return s.writeFile(w, XLSXType, rb.ID()+".xlsx", func(w io.Writer) error { return xlsx.Template(w, rb, opts) })
}

// attachment is a Content-Disposition header for a file to download.
func attachment(filename string) string {
	if v := mime.FormatMediaType("attachment", map[string]string{"filename": filename}); v != "" {
		return v
	}
	return "attachment"
}
