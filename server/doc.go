// Package server is thidua's JSON API over HTTP: the engine's commands —
// rank, validate, simulate, whatif, sensitivity, scenario, audit,
// documents, template — as POST endpoints under /v1/, for a secretariat's
// own systems (PHP, Java, .NET …) and for a web page. New returns an
// http.Handler that uses the standard library only; thidua serve runs it
// on loopback.
//
// # Requests
//
// Each endpoint takes its inputs as a multipart/form-data upload (a part
// per file — rules, scores, mapping, recorded, model, edits, members — and
// a part per parameter) or as a JSON object whose values are the files'
// text and the parameters:
//
//	{"rules": "<the rulebook, YAML or JSON>", "scores": "<the sheet>", "scores_format": "csv"}
//
// A binary file (an .xlsx workbook) goes in NAME_base64 in a JSON body;
// NAME_filename names a file in messages. A score sheet's format is
// scores_format if given, else its file name's extension, else its
// content's (a zip is .xlsx, an object JSON, anything else CSV).
//
// Every file is read within the command line's limit for it (rules.MaxBytes,
// sheets.MaxBytes, …, README "Limits"), and the body within the sum of
// them: a body declared larger is refused with 413 before it is read, one
// that turns out larger is refused as soon as it passes the limit.
//
// # Responses
//
// Results use the versioned JSON layouts of docs/json.md
// (thidua/standings/v2, thidua/simulation/v1, thidua/audit/v2,
// thidua/whatif/v2, thidua/sensitivity/v2, thidua/scenario/v2) and
// thidua/validation/v1; documents and the template are files to download.
// Every error is a Problems object (thidua/problems/v1): each problem with
// its stable code, its place (file, line, column, key path, cell), the
// member and criterion it concerns and its text in Vietnamese and English
// (Describe turns any error of the library into problems). The statuses:
// 400 a request the API cannot read (a field missing or unknown, a
// parameter out of range), 404, 405, 413 an input over its limit, 415 a
// body neither multipart nor JSON, 422 problems with the files, 503 the
// deadline passed or the server busy.
//
// # The web page
//
// GET / is a page in Vietnamese for a secretariat official (cán bộ thi đua)
// who works with Excel and Word: choose a bundled example rulebook or
// upload the cluster's, download the cluster's Excel template, upload the
// filled workbook and see the standings — awards by name, the reason for
// each rank, unmet conditions, self-assessments that diverge —, download
// the bảng tổng hợp and the tờ trình (.docx, or HTML to print on A4), the
// results workbook and the audit report of a recorded result, and run a
// simulation with its chart. Problems are shown beside the field they
// concern, each with its cell or line, member and criterion by name, in
// Vietnamese. The page is rendered on the server (html/template) from one
// multipart form whose buttons post to /xep-hang, /mau-excel, /tai-ve,
// /kiem-tra and /mo-phong; it runs no script, loads nothing from another
// origin (its stylesheet and the example files are embedded and served
// under /static/) and keeps nothing between requests: the files uploaded
// are sent back in hidden fields for the next button.
//
// Each request has a deadline (Options.Timeout, 30 s by default); the long
// computations stop at it, or as soon as the client goes away. The
// OpenAPI 3.1 document of the API is served at /openapi.json; /healthz
// answers {"status": "ok"}.
package server
