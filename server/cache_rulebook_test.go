package server

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
)

// variant is the bundled rulebook under another title: another file,
// another rulebook (another hash), the same rules.
func variant(t testing.TB, n int) string {
	t.Helper()
	text := read(t, cum2Rules)
	const title = "title: Bảng chấm điểm"
	require.Contains(t, text, title)
	return strings.Replace(text, title, fmt.Sprintf("title: Bảng %d tiêu chí", n), 1)
}

// postText sends the rulebook's text and the Cụm II sheet to /v1/rank.
func postRules(t testing.TB, h http.Handler, name, rulesText string, more ...part) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := multipartText(t, "rules", name, rulesText, append([]part{file("scores", cum2Scores)}, more...)...)
	req := httptest.NewRequest(http.MethodPost, "/v1/rank", body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// multipartText builds a multipart body whose first part is a file of the
// given text.
func multipartText(t testing.TB, field, name, text string, more ...part) (*bytes.Buffer, string) {
	t.Helper()
	dir := t.TempDir()
	path := dir + "/" + name
	require.NoError(t, writeFile(path, text))
	body, ct := multipartBody(t, append([]part{{name: field, path: path}}, more...)...)
	buf := new(bytes.Buffer)
	_, err := buf.ReadFrom(body)
	require.NoError(t, err)
	return buf, ct
}

// TestRulebookCacheSharesOneRulebook: the requests that send the same
// rulebook file, under any name, share one parsed rulebook, and their
// answers are those of a server that keeps none, byte for byte.
func TestRulebookCacheSharesOneRulebook(t *testing.T) {
	s := New(Options{}).(*server)
	none := New(Options{Rulebooks: -1}).(*server)
	require.Nil(t, none.rulebooks)
	text := read(t, cum2Rules)

	first := postRules(t, s, "rulebook.yaml", text)
	requireJSONResponse(t, first, http.StatusOK)
	require.Equal(t, 1, s.rulebooks.len())
	kept := s.rulebooks.byKey[sha256.Sum256([]byte(text))].Value.(*cachedRulebook).rb

	again := postRules(t, s, "another-name.yml", text)
	require.Equal(t, first.Body.String(), again.Body.String())
	require.Equal(t, 1, s.rulebooks.len(), "the same file is parsed once")
	require.Same(t, kept, s.rulebooks.byKey[sha256.Sum256([]byte(text))].Value.(*cachedRulebook).rb)
	require.Equal(t, first.Body.String(), postRules(t, none, "rulebook.yaml", text).Body.String())

	// Another rulebook is another entry, with its own answer.
	other := postRules(t, s, "rulebook.yaml", variant(t, 1))
	requireJSONResponse(t, other, http.StatusOK)
	require.Equal(t, 2, s.rulebooks.len())
	require.NotEqual(t, first.Body.String(), other.Body.String())
	require.Equal(t, other.Body.String(), postRules(t, none, "rulebook.yaml", variant(t, 1)).Body.String())
	require.Equal(t, first.Body.String(), postRules(t, s, "rulebook.yaml", text).Body.String())

	// With the scorecards, the same as the library's.
	rb, err := rules.Parse("rulebook.yaml", []byte(text))
	require.NoError(t, err)
	sh, _, err := scoresheet.CheckReader(rb, "scores-2020.csv", strings.NewReader(read(t, cum2Scores)), scoresheet.CSV)
	require.NoError(t, err)
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	rec := postRules(t, s, "rulebook.yaml", text, param("explain", "true"))
	require.Equal(t, string(encodedJSON(t, standings{Standings: st})), rec.Body.String())
}

// TestRulebookCacheKeepsNoError: a rulebook that does not parse is not
// kept, and each request's problems name its own file.
func TestRulebookCacheKeepsNoError(t *testing.T) {
	s := New(Options{}).(*server)
	bad := strings.Replace(read(t, cum2Rules), "version: \"2020.1\"", "version: \"2020.1\"\nunknown_key: 1", 1)
	for _, name := range []string{"a.yaml", "b.yaml", "a.yaml"} {
		rec := postRules(t, s, name, bad)
		require.Equal(t, http.StatusUnprocessableEntity, rec.Code, rec.Body.String())
		ps := problemsOf(t, rec)
		require.NotEmpty(t, ps.Problems)
		require.NotNil(t, ps.Problems[0].Where)
		require.Equal(t, name, ps.Problems[0].Where.File)
	}
	require.Equal(t, 0, s.rulebooks.len())
}

// TestRulebookCacheBounds: the cache keeps at most its number of
// rulebooks and its bytes of files, dropping the least recently used.
func TestRulebookCacheBounds(t *testing.T) {
	c := newRulebookCache(3, 1<<20)
	texts := make([][]byte, 6)
	for i := range texts {
		texts[i] = []byte(variant(t, i))
	}
	parse := func(i int) *rules.Rulebook {
		rb, err := c.parse("rulebook.yaml", texts[i])
		require.NoError(t, err)
		return rb
	}
	has := func(i int) bool { _, ok := c.byKey[sha256.Sum256(texts[i])]; return ok }
	rb0 := parse(0)
	parse(1)
	parse(2)
	require.Same(t, rb0, parse(0), "0 is kept, and now the most recently used")
	parse(3) // drops 1, the least recently used
	require.Equal(t, 3, c.len())
	require.True(t, has(0))
	require.False(t, has(1))
	require.True(t, has(2))
	require.True(t, has(3))
	for i := range texts {
		parse(i)
		require.LessOrEqual(t, c.len(), 3)
	}
	require.Equal(t, int64(len(texts[3])+len(texts[4])+len(texts[5])), c.size)

	// Within its bytes: room for two files, then one; a file larger than
	// them all is parsed and not kept.
	size := int64(len(texts[0]))
	c = newRulebookCache(10, 2*size+1)
	parse(0)
	parse(1)
	require.Equal(t, 2, c.len())
	parse(2)
	require.Equal(t, 2, c.len())
	require.False(t, has(0))
	require.LessOrEqual(t, c.size, c.maxBytes)
	c = newRulebookCache(10, size-1)
	parse(0)
	require.Equal(t, 0, c.len())

	// A nil cache parses every time.
	var none *rulebookCache
	a, err := none.parse("rulebook.yaml", texts[0])
	require.NoError(t, err)
	b, err := none.parse("rulebook.yaml", texts[0])
	require.NoError(t, err)
	require.NotSame(t, a, b)
}
