package audit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// errorsReport audits the seeded-errors example.
func errorsReport(t *testing.T) audit.Report {
	t.Helper()
	r, err := audit.AuditFiles(context.Background(), example("rulebook.yaml"), example("recorded-2020-errors-sheet.csv"), example("recorded-2020-errors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func cleanReport(t *testing.T) audit.Report {
	t.Helper()
	r, err := audit.AuditFiles(context.Background(), example("rulebook.yaml"), example("scores-2020.csv"), example("recorded-2020.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRender compares each format of the clean and the seeded-errors
// example with testdata/*.golden (go test -update rewrites them): in
// English as Write writes them (report-NAME.FORMAT.golden), and in
// Vietnamese (report-NAME.vi.FORMAT.golden). JSON is the same in both
// languages.
func TestRender(t *testing.T) {
	for _, c := range []struct {
		name   string
		report func(*testing.T) audit.Report
	}{{"clean", cleanReport}, {"errors", errorsReport}} {
		for _, f := range []audit.Format{audit.Markdown, audit.JSON, audit.HTML} {
			t.Run(c.name+"."+string(f), func(t *testing.T) {
				r := c.report(t)
				var b, en, vi bytes.Buffer
				if err := r.Write(&b, f); err != nil {
					t.Fatal(err)
				}
				golden(t, "report-"+c.name+"."+string(f)+".golden", b.String())
				if err := r.WriteIn(&en, f, lang.English); err != nil {
					t.Fatal(err)
				}
				if en.String() != b.String() {
					t.Error("WriteIn in English differs from Write")
				}
				if err := r.WriteIn(&vi, f, lang.Vietnamese); err != nil {
					t.Fatal(err)
				}
				if f == audit.JSON {
					if vi.String() != b.String() {
						t.Error("the JSON report depends on the language")
					}
					return
				}
				golden(t, "report-"+c.name+".vi."+string(f)+".golden", vi.String())
			})
		}
	}
}

// TestRenderVietnamese checks the Vietnamese report's words, independently
// of the golden files: labels, severities, kinds, statuses and decimal
// commas, and no English label left.
func TestRenderVietnamese(t *testing.T) {
	var b bytes.Buffer
	if err := errorsReport(t).WriteIn(&b, audit.Markdown, lang.Vietnamese); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"# Kiểm tra kết quả bình xét: Cụm II – Các cơ quan quản lý chuyên ngành — 2020",
		"**Không đạt:** Kết quả ghi trong biên bản không đúng với bảng điểm và bộ tiêu chí: 19 lỗi và 4 cảnh báo.",
		"## Phát hiện: 19 lỗi, 4 cảnh báo, 0 thông tin",
		"| STT | Mức độ | Loại | Đơn vị | Quy tắc / tiêu chí | Biên bản ghi | Tính lại | Nội dung | Vị trí |",
		"| lỗi | làm tròn sai | Sở Xây dựng | 03 | 18,004 | 18 |",
		"| cảnh báo | bằng điểm không ghi căn cứ | Sở Xây dựng |  | hạng 2 và hạng 3 | cùng tổng điểm 94,7 |",
		"| lỗi | không đủ số phiếu | Sở Công Thương | Được từ 80% thành viên cụm bỏ phiếu tán thành | Cờ thi đua của UBND tỉnh | 5/7 phiếu của thành viên cụm, cần 80% |",
		"| cảnh báo | căn cứ phân định không đúng | Sở Khoa học và Công nghệ | nhiều phiếu hơn | nhiều phiếu hơn | tổng điểm: 94,7 &lt; 96,35 (Sở Công Thương) |",
		"| Sở Xây dựng | 3 | 3 | 94,7 | 94,7 | Bằng khen của Chủ tịch UBND tỉnh | Bằng khen của Chủ tịch UBND tỉnh | nhóm I: 38 &lt; 38,5 (Sở Khoa học và Công nghệ) | xem phát hiện |",
		"| Sở Y tế | 8 | — | 70 | — | — | — |  | không có trong bảng điểm |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the Vietnamese report lacks %q", want)
		}
	}
	for _, english := range []string{"Findings", "Severity", "| error |", "| warning |", "not in sheet", "Recorded", "rulebook caobang", "The minutes", " v "} {
		if strings.Contains(out, english) {
			t.Errorf("the Vietnamese report has %q", english)
		}
	}
	b.Reset()
	if err := cleanReport(t).WriteIn(&b, audit.Markdown, lang.Vietnamese); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "**Đạt:** mọi tổng điểm, thứ hạng và đề nghị khen thưởng ghi trong biên bản đều đúng") {
		t.Errorf("the clean verdict:\n%s", b.String())
	}
}

// TestJSONSchema checks the JSON report's layout: the schema name, numbers
// as strings, every finding with its fields.
func TestJSONSchema(t *testing.T) {
	var b bytes.Buffer
	if err := errorsReport(t).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["schema"] != "thidua/audit/v2" || doc["clean"] != false {
		t.Errorf("schema %v, clean %v", doc["schema"], doc["clean"])
	}
	findings := doc["findings"].([]any)
	if len(findings) < 15 {
		t.Fatalf("%d findings", len(findings))
	}
	for _, f := range findings {
		m := f.(map[string]any)
		for _, k := range []string{"severity", "kind"} {
			if _, ok := m[k].(string); !ok {
				t.Errorf("finding %v: %s is not a string", m, k)
			}
		}
		// a sentence is a message, written in both languages for readers
		// without the catalogue
		for _, k := range []string{"message", "recorded_phrase", "recomputed_phrase"} {
			msg, ok := m[k].(map[string]any)
			if !ok && k == "message" {
				t.Errorf("finding %v: message is not an object", m)
			}
			if ok && (msg["key"] == "" || msg["vi"] == "" || msg["en"] == "" || k == "message" && msg["vi"] == msg["en"]) {
				t.Errorf("finding %v: %s %v", m, k, msg)
			}
		}
		for _, k := range []string{"recorded", "recomputed"} {
			if v, ok := m[k]; ok {
				if _, isString := v.(string); !isString {
					t.Errorf("finding %v: %s is %T, not a string", m, k, v)
				}
			}
		}
	}
	in := doc["inputs"].(map[string]any)
	for _, k := range []string{"rulebook", "sheet", "recorded"} {
		if h := in[k].(map[string]any)["hash"].(string); !strings.HasPrefix(h, "sha256:") {
			t.Errorf("%s hash %q", k, h)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]audit.Format{"md": audit.Markdown, "markdown": audit.Markdown, "JSON": audit.JSON, "html": audit.HTML} {
		if got, err := audit.ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := audit.ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium binary found (chromium, chromium-browser, google-chrome): install it (Debian: apt-get install chromium) to test the HTML report in a browser")
	return ""
}

// browse runs headless Chromium on a file with extra flags and returns its
// standard output.
func browse(t *testing.T, bin, file string, flags ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}, flags...)
	args = append(args, "file://"+file)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && stdout.Len() > 0 {
			t.Logf("chromium exited with %v (output kept)", err)
		} else {
			t.Fatalf("chromium: %v\n%s", err, stderr.String())
		}
	}
	return stdout.String()
}

// TestHTMLInBrowser renders the seeded-errors report in Vietnamese in
// headless Chromium and checks the DOM it builds: one table row per
// finding, highlighted by severity, with the Vietnamese words and names
// intact; it keeps a screenshot.
func TestHTMLInBrowser(t *testing.T) {
	bin := chromium(t)
	r := errorsReport(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "audit.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteIn(f, audit.HTML, lang.Vietnamese); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	dom := browse(t, bin, page, "--dump-dom")
	if !strings.Contains(dom, `<html lang="vi">`) {
		t.Errorf("the DOM lacks lang=\"vi\":\n%.500s", dom)
	}
	rows := regexp.MustCompile(`<tr class="finding (error|warning|info)" data-kind="([a-z_]+)">`).FindAllStringSubmatch(dom, -1)
	if len(rows) != len(r.Findings) {
		t.Fatalf("%d finding rows in the DOM, %d findings", len(rows), len(r.Findings))
	}
	for i, row := range rows {
		if row[1] != string(r.Findings[i].Severity) || row[2] != string(r.Findings[i].Kind) {
			t.Errorf("row %d: %s %s, want %s %s", i+1, row[1], row[2], r.Findings[i].Severity, r.Findings[i].Kind)
		}
	}
	for _, s := range []string{
		"<td>Sở Tài nguyên và Môi trường</td>",
		"Cờ thi đua của UBND tỉnh",
		"Cụm II – Các cơ quan quản lý chuyên ngành",
		"số sáng kiến được công nhận",
		`class="verdict dirty"`,
		`<span class="badge error">lỗi</span>`,
		`<span class="badge warning">cảnh báo</span>`,
		"Không đạt: Kết quả ghi trong biên bản không đúng",
		"tổng điểm: 81,75 &lt; 86,28 (Sở Tài nguyên và Môi trường)",
		r.Inputs.Recorded.Hash,
	} {
		if !strings.Contains(dom, s) {
			t.Errorf("the DOM lacks %q", s)
		}
	}
	shot := filepath.Join(dir, "audit.png")
	browse(t, bin, page, "--screenshot="+shot, "--window-size=1400,2000", "--hide-scrollbars")
	info, err := os.Stat(shot)
	if err != nil || info.Size() < 10_000 {
		t.Fatalf("screenshot %s: %v (%d bytes)", shot, err, sizeOf(info))
	}
	png, _ := os.ReadFile(shot)
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("%s is not a PNG", shot)
	}
	t.Logf("screenshot of the report: %s (%d bytes)", shot, info.Size())
	if dst := os.Getenv("THIDUA_KEEP_SCREENSHOT"); dst != "" {
		if err := os.WriteFile(dst, png, 0o644); err != nil {
			t.Error(err)
		}
	}
}

func sizeOf(info os.FileInfo) int64 {
	if info == nil {
		return 0
	}
	return info.Size()
}

// TestHTMLIsSelfContained checks that the page loads nothing: no script,
// no external style sheet, no image, no link to a network address; and
// that its lang attribute is its language's.
func TestHTMLIsSelfContained(t *testing.T) {
	for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
		var b bytes.Buffer
		if err := errorsReport(t).WriteIn(&b, audit.HTML, tag); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		for _, bad := range []string{"<script", "<link", "<img", "http://", "https://", "@import", "url("} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: the page contains %q", tag, bad)
			}
		}
		for _, good := range []string{`<meta charset="utf-8">`, `<html lang="` + tag.String() + `">`, "<style>"} {
			if !strings.Contains(page, good) {
				t.Errorf("%s: the page lacks %q", tag, good)
			}
		}
	}
}
