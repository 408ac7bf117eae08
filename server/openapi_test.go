package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// spec is the OpenAPI document, decoded.
func spec(t testing.TB) map[string]any {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(OpenAPI(), &doc))
	require.Equal(t, "3.1.0", doc["openapi"])
	return doc
}

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }

// TestOpenAPIPaths checks that the document names every path and method
// the handler serves, and no other.
func TestOpenAPIPaths(t *testing.T) {
	doc := spec(t)
	documented := map[string][]string{}
	for p, item := range obj(doc["paths"]) {
		for m := range obj(item) {
			documented[p] = append(documented[p], strings.ToUpper(m))
		}
		slices.Sort(documented[p])
	}
	served := map[string][]string{}
	for _, rt := range (&server{}).routes() {
		ms := slices.DeleteFunc(slices.Clone(rt.methods), func(m string) bool { return m == http.MethodHead })
		slices.Sort(ms)
		served[rt.path] = ms
	}
	require.Equal(t, served, documented)

	// Each endpoint documents the fields it reads, and requires those it
	// requires.
	for _, e := range (&server{}).endpoints() {
		body := obj(obj(obj(obj(doc["paths"])[e.path])["post"])["requestBody"])
		for _, ct := range []string{"multipart/form-data", "application/json"} {
			schema := obj(obj(obj(body["content"])[ct])["schema"])
			require.NotNil(t, schema, "%s %s", e.path, ct)
			var names, required []string
			for _, f := range e.fields {
				names = append(names, f.name)
				if f.required {
					required = append(required, f.name)
				}
			}
			var props []string
			for p := range obj(schema["properties"]) {
				props = append(props, p)
			}
			slices.Sort(names)
			slices.Sort(props)
			require.Equal(t, names, props, e.path)
			var docRequired []string
			for _, r := range schema["required"].([]any) {
				docRequired = append(docRequired, r.(string))
			}
			slices.Sort(required)
			slices.Sort(docRequired)
			require.Equal(t, required, docRequired, e.path)
		}
	}
}

// TestOpenAPIResponses sends example requests to every path and checks
// each response against the document: its status and content type are
// documented, and a JSON body has the fields the schema requires, of the
// types it names (recursively: a small structural check, not a full JSON
// Schema validator).
func TestOpenAPIResponses(t *testing.T) {
	doc := spec(t)
	h := New(Options{})
	sheet := []part{file("rules", cum2Rules), file("scores", cum2Scores)}
	with := func(more ...part) []part { return append(slices.Clone(sheet), more...) }
	cases := []struct {
		path  string
		parts []part
		want  int
	}{
		{"/v1/rank", sheet, 200},
		{"/v1/rank", with(param("explain", "true")), 200},
		{"/v1/rank", []part{file("rules", cum2Rules), file("scores", badScores)}, 422},
		{"/v1/rank", []part{file("rules", cum2Rules)}, 400},
		{"/v1/validate", sheet, 200},
		{"/v1/validate", []part{file("rules", "../cmd/thidua/testdata/bad-rulebook.yaml")}, 422},
		{"/v1/simulate", with(file("model", cum2Model), param("n", "500")), 200},
		{"/v1/simulate", with(file("model", "../cmd/thidua/testdata/bad-model.yaml")), 422},
		{"/v1/whatif", with(param("member", "SXD"), param("award", "flag")), 200},
		{"/v1/whatif", with(param("member", "XYZ"), param("award", "flag")), 422},
		{"/v1/sensitivity", with(param("weight", "07"), param("from", "0.5"), param("to", "60"), param("step", "0.5")), 200},
		{"/v1/scenario", with(file("edits", cum2Edits)), 200},
		{"/v1/scenario", with(file("edits", "../cmd/thidua/testdata/whatif-bad-scenario.yaml")), 422},
		{"/v1/audit", with(file("recorded", cum2Recorded)), 200},
		{"/v1/audit", with(file("recorded", cum2Recorded), param("format", "html")), 200},
		{"/v1/documents", with(param("kind", "summary")), 200},
		{"/v1/documents", with(param("kind", "submission"), param("format", "docx")), 200},
		{"/v1/template", []part{file("rules", cum2Rules)}, 200},
		{"/v1/template", []part{file("rules", "../cmd/thidua/testdata/bad-rulebook.yaml")}, 422},
	}
	seen := map[string]bool{}
	for i, c := range cases {
		t.Run(fmt.Sprintf("%d%s", i, c.path), func(t *testing.T) {
			rec := post(t, h, c.path, c.parts...)
			require.Equal(t, c.want, rec.Code, rec.Body.String())
			checkResponse(t, doc, c.path, "post", rec)
			seen[c.path] = true
		})
	}
	for _, c := range []struct{ method, path string }{{"GET", "/healthz"}, {"GET", "/openapi.json"}, {"PUT", "/healthz"}} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		op := "get"
		checkResponse(t, doc, c.path, op, rec)
		seen[c.path] = true
	}
	for _, e := range (&server{}).endpoints() {
		require.True(t, seen[e.path], "no example request for %s", e.path)
	}
}

// checkResponse checks a response against the document's operation.
func checkResponse(t *testing.T, doc map[string]any, path, method string, rec *httptest.ResponseRecorder) {
	t.Helper()
	op := obj(obj(obj(doc["paths"])[path])[method])
	require.NotNil(t, op, "%s %s is not documented", method, path)
	resp := obj(obj(op["responses"])[strconv.Itoa(rec.Code)])
	require.NotNil(t, resp, "%s %s: status %d is not documented", method, path, rec.Code)
	if ref, ok := resp["$ref"].(string); ok {
		resp = resolve(t, doc, ref)
	}
	ct := rec.Header().Get("Content-Type")
	mt, _, _ := strings.Cut(ct, ";")
	media := obj(obj(resp["content"])[mt])
	require.NotNil(t, media, "%s %s %d: content type %q is not documented", method, path, rec.Code, ct)
	if mt != "application/json" {
		require.NotZero(t, rec.Body.Len())
		return
	}
	var body any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
	if errs := conform(doc, obj(media["schema"]), body, "$"); len(errs) > 0 {
		t.Errorf("%s %s %d does not match the document:\n%s", method, path, rec.Code, strings.Join(errs, "\n"))
	}
}

func resolve(t testing.TB, doc map[string]any, ref string) map[string]any {
	t.Helper()
	var v any = doc
	for _, p := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		v = obj(v)[p]
	}
	require.NotNil(t, v, "unresolved %s", ref)
	return obj(v)
}

// conform lists how v departs from the schema: a type it does not have, a
// required property it lacks, a constant it differs from, recursively
// through properties, additionalProperties, items and $ref.
func conform(doc map[string]any, schema map[string]any, v any, at string) []string {
	if ref, ok := schema["$ref"].(string); ok {
		var s any = doc
		for _, p := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			s = obj(s)[p]
		}
		if s == nil {
			return []string{at + ": unresolved " + ref}
		}
		return conform(doc, obj(s), v, at)
	}
	var errs []string
	if ty, ok := schema["type"]; ok {
		var types []string
		switch x := ty.(type) {
		case string:
			types = []string{x}
		case []any:
			for _, y := range x {
				types = append(types, y.(string))
			}
		}
		if !slices.Contains(types, jsonType(v)) && !(jsonType(v) == "integer" && slices.Contains(types, "number")) {
			return []string{fmt.Sprintf("%s: a %s, the document says %v", at, jsonType(v), types)}
		}
	}
	if c, ok := schema["const"]; ok && !reflect.DeepEqual(c, v) {
		errs = append(errs, fmt.Sprintf("%s: %v, the document says %v", at, v, c))
	}
	switch x := v.(type) {
	case map[string]any:
		if req, ok := schema["required"].([]any); ok {
			for _, r := range req {
				if _, ok := x[r.(string)]; !ok {
					errs = append(errs, fmt.Sprintf("%s: the required %q is missing", at, r))
				}
			}
		}
		props := obj(schema["properties"])
		for k, val := range x {
			if ps := obj(props[k]); ps != nil {
				errs = append(errs, conform(doc, ps, val, at+"."+k)...)
			} else if ap := obj(schema["additionalProperties"]); ap != nil {
				errs = append(errs, conform(doc, ap, val, at+"."+k)...)
			}
		}
	case []any:
		if items := obj(schema["items"]); items != nil {
			for i, val := range x {
				errs = append(errs, conform(doc, items, val, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	return errs
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// TestConform checks the structural check itself: it finds a missing
// required field, a wrong type and a wrong constant.
func TestConform(t *testing.T) {
	doc := spec(t)
	schema := map[string]any{"$ref": "#/components/schemas/Problems"}
	good := map[string]any{"schema": "thidua/problems/v1", "status": 422.0, "count": 1.0,
		"problems": []any{map[string]any{"code": "x", "text": map[string]any{"vi": "a", "en": "b"}}}}
	require.Empty(t, conform(doc, schema, good, "$"))
	bad := map[string]any{"schema": "thidua/problems/v2", "status": "422",
		"problems": []any{map[string]any{"text": map[string]any{"vi": "a"}}}}
	require.ElementsMatch(t, []string{
		`$: the required "count" is missing`,
		`$.schema: thidua/problems/v2, the document says thidua/problems/v1`,
		`$.status: a string, the document says [integer]`,
		`$.problems[0]: the required "code" is missing`,
		`$.problems[0].text: the required "en" is missing`,
	}, conform(doc, schema, bad, "$"))
}
