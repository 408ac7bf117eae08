package server_test

import (
	"bytes"
	"encoding/base64"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/server"
)

// seedWorkbook is the filled workbook of Cụm II, 2020: the same sheet as
// examples/cum2/scores-2020.csv.
const seedWorkbook = "../sheets/xlsx/testdata/seed-cum2-2020.xlsx"

// badCell is the cell badWorkbook spoils: criterion 03 of Sở Khoa học và
// Công nghệ as the cluster scored it.
const badCell = "G9"

// badWorkbook is the seed workbook with a word where a number belongs.
func badWorkbook(t testing.TB) []byte {
	t.Helper()
	f, err := excelize.OpenFile(seedWorkbook)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellStr("Bảng điểm", badCell, "mười tám"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// part is one field of a form: a file if name is set.
type part struct {
	field, filename string
	data            []byte
}

// postForm posts a multipart form, as the page's form does.
func postForm(t testing.TB, url string, parts ...part) *http.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.filename != "" {
			w, err = mw.CreateFormFile(p.field, p.filename)
		} else {
			w, err = mw.CreateFormField(p.field)
		}
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	mw.Close()
	resp, err := http.Post(url, mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func body(t testing.TB, resp *http.Response) string {
	t.Helper()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func param(name, value string) part { return part{field: name, data: []byte(value)} }

func newPageServer(t testing.TB) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(server.New(server.Options{}))
	t.Cleanup(ts.Close)
	return ts
}

var tags = regexp.MustCompile(`<[^>]*>`)

// text is a page's text without its tags, spaces collapsed.
func text(html string) string {
	return strings.Join(strings.Fields(tags.ReplaceAllString(html, " ")), " ")
}

func TestPageHome(t *testing.T) {
	ts := newPageServer(t)
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	for _, want := range []string{`lang="vi"`, "Bộ tiêu chí", "Mẫu Excel của cụm", "Bảng điểm đã điền", "Xếp hạng", "Cụm II"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// Nothing from another origin: every src and href is the server's own.
	for _, m := range regexp.MustCompile(`(?:src|href|action)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if strings.Contains(m[1], "//") {
			t.Errorf("the page refers to another origin: %s", m[0])
		}
	}
	for _, asset := range []string{"/static/page.css", "/static/examples/cum2/rulebook.yaml"} {
		resp, err := http.Get(ts.URL + asset)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d", asset, resp.StatusCode)
		}
	}
	// A page's address opened with GET leads back to the start.
	resp, err = http.Get(ts.URL + "/xep-hang")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/" {
		t.Errorf("GET /xep-hang: %d at %s", resp.StatusCode, resp.Request.URL)
	}
	// The API's 404 is unchanged for other paths; no directory listing.
	for _, p := range []string{"/nothing", "/static/", "/static/examples/"} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, resp.StatusCode)
		}
	}
}

// TestPageExamplesBundled checks that the example files the page embeds are
// those of examples/.
func TestPageExamplesBundled(t *testing.T) {
	for _, name := range []string{"rulebook.yaml", "scores-2020.csv", "recorded-2020.csv"} {
		if !bytes.Equal(readFile(t, "static/examples/cum2/"+name), readFile(t, "../examples/cum2/"+name)) {
			t.Errorf("server/static/examples/cum2/%s differs from examples/cum2/%s: copy it again", name, name)
		}
	}
}

func TestPageRank(t *testing.T) {
	ts := newPageServer(t)
	resp := postForm(t, ts.URL+"/xep-hang", param("nguon", "cum2"),
		part{"scores", "seed-cum2-2020.xlsx", readFile(t, seedWorkbook)})
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, text(page))
	}
	txt := text(page)
	for _, want := range []string{
		"Dẫn đầu: Sở Công Thương — đề nghị Cờ thi đua của UBND tỉnh",
		"Sở Khoa học và Công nghệ 94,70 Bằng khen của Chủ tịch UBND tỉnh",
		"Sở Công Thương xếp trên Sở Khoa học và Công nghệ theo tổng điểm: 96,35 so với 94,7",
		"Tổng điểm đạt từ 90 điểm trở lên", // an unmet condition
		"tổng điểm 88,75 dưới 90",          // … with the member's value
		"Điểm tự chấm chênh lệch",          // divergences
		"Thanh tra tỉnh Tiêu chí 01",       // … by criterion
		"Đang dùng tệp đã tải lên: seed-cum2-2020.xlsx",
		// the cluster proposes; the council considers; the chairman decides
		"Kết quả là đề xuất của cụm; Hội đồng Thi đua – Khen thưởng tỉnh xem xét, trình Chủ tịch UBND tỉnh quyết định.",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("the standings lack %q", want)
		}
	}
	// Ids are not shown where names belong.
	for _, id := range []string{">flag<", ">merit<", "(SCT)", ">SKHCN<"} {
		if strings.Contains(page, id) {
			t.Errorf("the page shows the id %q", id)
		}
	}
}

func TestPageBadWorkbook(t *testing.T) {
	ts := newPageServer(t)
	resp := postForm(t, ts.URL+"/xep-hang", param("nguon", "cum2"), part{"scores", "bang-diem.xlsx", badWorkbook(t)})
	page := body(t, resp)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("status %d, want 422", resp.StatusCode)
	}
	i := strings.Index(page, `id="loi-scores"`)
	if i < 0 {
		t.Fatalf("no problems beside the workbook's field: %s", text(page))
	}
	near := text(page[i:])
	for _, want := range []string{"Ô Bảng điểm!" + badCell, "Sở Khoa học và Công nghệ", "03.", "cần một số", "mười tám"} {
		if !strings.Contains(near, want) {
			t.Errorf("the problem beside the workbook lacks %q: %.600s", want, near)
		}
	}
	if strings.Contains(page, `id="ket-qua"`) {
		t.Errorf("standings shown for a bad workbook")
	}
}

func TestPageMissingFiles(t *testing.T) {
	ts := newPageServer(t)
	resp := postForm(t, ts.URL+"/xep-hang", param("nguon", "tai-len"))
	txt := text(body(t, resp))
	for _, want := range []string{"Chưa có bộ tiêu chí", "Chưa có bảng điểm"} {
		if !strings.Contains(txt, want) {
			t.Errorf("no %q: %s", want, txt)
		}
	}
	resp = postForm(t, ts.URL+"/xep-hang", param("nguon", "tai-len"), part{"rules", "quy-che.yaml", []byte("id: x\ncriteria: 3\n")},
		part{"scores", "seed-cum2-2020.xlsx", readFile(t, seedWorkbook)})
	page := body(t, resp)
	i := strings.Index(page, `id="loi-rules"`)
	if resp.StatusCode != http.StatusUnprocessableEntity || i < 0 || !strings.Contains(text(page[i:]), "dòng 2") {
		t.Errorf("a bad rulebook: %d, %s", resp.StatusCode, text(page))
	}
}

// keep is what a page carries back: the hidden fields of its uploads.
func keep(t testing.TB, page string) []part {
	t.Helper()
	var out []part
	for _, m := range regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`).FindAllStringSubmatch(page, -1) {
		out = append(out, param(m[1], html.UnescapeString(m[2])))
	}
	if len(out) == 0 {
		t.Fatalf("the page carries nothing back")
	}
	return out
}

func TestPageDownloads(t *testing.T) {
	ts := newPageServer(t)
	rules := readFile(t, "../examples/cum2/rulebook.yaml")
	// An uploaded rulebook, carried back by the page with the workbook.
	resp := postForm(t, ts.URL+"/xep-hang", param("nguon", "tai-len"), part{"rules", "quy-che.yaml", rules},
		part{"scores", "seed-cum2-2020.xlsx", readFile(t, seedWorkbook)})
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("rank: %d %s", resp.StatusCode, text(page))
	}
	kept := keep(t, page)
	for _, p := range kept {
		if p.field == "rules_keep" {
			if got, _ := base64.StdEncoding.DecodeString(string(p.data)); !bytes.Equal(got, rules) {
				t.Errorf("the rulebook carried back differs")
			}
		}
	}
	for _, c := range []struct{ what, ctype, disp, magic string }{
		{"submission.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment", "PK\x03\x04"},
		{"summary.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment", "PK\x03\x04"},
		{"results.xlsx", server.XLSXType, "attachment", "PK\x03\x04"},
		{"submission.html", "text/html", "inline", "<!DOCTYPE html>"},
		{"summary.html", "text/html", "inline", "<!DOCTYPE html>"},
	} {
		t.Run(c.what, func(t *testing.T) {
			resp := postForm(t, ts.URL+"/tai-ve", append(kept, param("nguon", "tai-len"), param("what", c.what), param("place", "Cao Bằng"))...)
			b := body(t, resp)
			if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.ctype) ||
				!strings.HasPrefix(resp.Header.Get("Content-Disposition"), c.disp) || !strings.HasPrefix(b, c.magic) {
				t.Fatalf("%d %q %q %.200q", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"), b)
			}
			if strings.HasSuffix(c.what, ".html") && !strings.Contains(b, "Sở Công Thương") {
				t.Errorf("the document lacks the leader")
			}
		})
	}
	// The Excel template of the example lists its members.
	resp = postForm(t, ts.URL+"/mau-excel", param("nguon", "cum2"), param("year", "2020"))
	b := body(t, resp)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != server.XLSXType || !strings.HasPrefix(b, "PK") {
		t.Fatalf("template: %d %s %.200s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	f, err := excelize.OpenReader(strings.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Bảng điểm", "B8"); v == "" {
		t.Errorf("the template lists no member")
	}
}

func TestPageAudit(t *testing.T) {
	ts := newPageServer(t)
	base := []part{param("nguon", "cum2"), part{"scores", "seed-cum2-2020.xlsx", readFile(t, seedWorkbook)}}
	resp := postForm(t, ts.URL+"/kiem-tra", append(base, part{"recorded", "bien-ban.csv", readFile(t, "../examples/cum2/recorded-2020.csv")})...)
	b := body(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") ||
		!strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("audit: %d %s %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), text(b))
	}
	// Without a recorded result: the problem beside its field.
	resp = postForm(t, ts.URL+"/kiem-tra", base...)
	page := body(t, resp)
	i := strings.Index(page, `id="loi-recorded"`)
	if i < 0 || !strings.Contains(text(page[i:]), "Chưa có biên bản") {
		t.Errorf("no problem beside the recorded result's field: %s", text(page))
	}
	// The example's recorded result.
	resp = postForm(t, ts.URL+"/kiem-tra", append(base, param("what", "example"))...)
	if b := body(t, resp); resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("audit of the example's record: %d %.300s", resp.StatusCode, text(b))
	}
}

func TestPageSimulate(t *testing.T) {
	ts := newPageServer(t)
	resp := postForm(t, ts.URL+"/mo-phong", param("nguon", "cum2"), part{"scores", "seed-cum2-2020.xlsx", readFile(t, seedWorkbook)},
		param("range", "0,5"), param("step", "0,25"), param("n", "2000"), param("seed", "7"))
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("simulate: %d %s", resp.StatusCode, text(page))
	}
	txt := text(page)
	for _, want := range []string{"2000 kịch bản", "seed 7", "Xác suất từng hạng", "Cờ thi đua của UBND tỉnh", "Dẫn đầu: Sở Công Thương"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the simulation lacks %q", want)
		}
	}
	if !strings.Contains(page, `<svg class="bar"`) || !regexp.MustCompile(`\d+,\d%`).MatchString(txt) {
		t.Errorf("no chart or no Vietnamese percentages")
	}
	// A bad parameter is shown beside its field.
	resp = postForm(t, ts.URL+"/mo-phong", param("nguon", "cum2"), part{"scores", "seed-cum2-2020.xlsx", readFile(t, seedWorkbook)},
		param("range", "abc"), param("step", "0,25"))
	page = body(t, resp)
	if i := strings.Index(page, `id="loi-range"`); i < 0 || !strings.Contains(page[i:], "problem") {
		t.Errorf("no problem beside the range: %s", text(page))
	}
}

// internalIDs are the ids of examples/cum2 — members, award tiers,
// eligibility conditions, stages, bonus and deduction items and facts —
// and the names of the library's Go API and JSON schemas: none belongs in
// the page, which names things as the rulebook and the sheet name them.
var internalIDs = regexp.MustCompile(`\b(SCT|SKHCN|SXD|STNMT|SGTVT|SNNPTNT|TTT|flag|merit|diem_90|diem_80|san_85|ky_luat|phieu_80|self|cluster|co_tinh|co_cp|bao_cao_muon|vang_hop|khong_ky_luat)\b|ranking\.|thidua/[a-z]`)

// visibleText is what a reader sees of a page: no style, no tags (so no
// attributes, no hidden fields), entities decoded.
func visibleText(page string) string {
	page = regexp.MustCompile(`(?s)<style.*?</style>|<!--.*?-->`).ReplaceAllString(page, " ")
	return html.UnescapeString(text(page))
}

// TestPageNamesNotIDs ranks each score sheet of examples/cum2 on the page,
// and simulates one, and reads the page as an official sees it: members,
// tiers, conditions and stages by name, no id of the data, no name of the
// program's insides.
func TestPageNamesNotIDs(t *testing.T) {
	ts := newPageServer(t)
	check := func(what, page string) {
		t.Helper()
		txt := visibleText(page)
		if !strings.Contains(txt, "Sở Công Thương") {
			t.Fatalf("%s: no member named: %.300s", what, txt)
		}
		for _, m := range internalIDs.FindAllStringIndex(txt, -1) {
			t.Errorf("%s: an id where a name belongs: …%s‹%s›%s…", what, txt[max(0, m[0]-60):m[0]], txt[m[0]:m[1]], txt[m[1]:min(len(txt), m[1]+40)])
		}
	}
	for _, sheet := range []string{"scores-2020.csv", "top-ineligible.csv", "tie-broken.csv", "unresolved-tie.csv"} {
		resp := postForm(t, ts.URL+"/xep-hang", param("nguon", "cum2"), part{"scores", sheet, readFile(t, "../examples/cum2/"+sheet)})
		page := body(t, resp)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", sheet, resp.StatusCode, text(page))
		}
		check(sheet, page)
	}
	resp := postForm(t, ts.URL+"/mo-phong", param("nguon", "cum2"), part{"scores", "scores-2020.csv", readFile(t, "../examples/cum2/scores-2020.csv")},
		param("range", "0,5"), param("step", "0,25"), param("n", "2000"), param("seed", "7"))
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("simulate: %d %s", resp.StatusCode, text(page))
	}
	check("simulation", page)
}

// TestPageNamesTheAuthority: a sector's cluster's result names the
// sector's council, which considers it, and its head, who decides.
func TestPageNamesTheAuthority(t *testing.T) {
	ts := newPageServer(t)
	resp := postForm(t, ts.URL+"/xep-hang", param("nguon", "tai-len"),
		part{"rules", "sector-kiemsat.yaml", readFile(t, "../rules/testdata/sector-kiemsat.yaml")},
		part{"scores", "sector-scores.csv", readFile(t, "../cmd/thidua/testdata/sector-scores.csv")})
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, text(page))
	}
	want := "Kết quả là đề xuất của cụm; Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân xem xét, trình Viện trưởng Viện kiểm sát nhân dân tối cao quyết định."
	if txt := text(page); !strings.Contains(txt, want) {
		t.Errorf("the page lacks %q:\n%s", want, txt)
	}
}
