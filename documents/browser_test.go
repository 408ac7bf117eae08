package documents_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/documents"
)

// chromium returns the path of a headless Chromium, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	t.Skip("no Chromium found (chromium, chromium-browser or google-chrome): the rendered HTML is not checked in a browser")
	return ""
}

// browse loads a file in headless Chromium and returns the DOM after
// rendering (--dump-dom), or writes a screenshot to png.
func browse(t *testing.T, bin, page, png string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	if png != "" {
		args = append(args, "--window-size=1240,1754", "--screenshot="+png)
	} else {
		args = append(args, "--dump-dom")
	}
	args = append(args, "file://"+page)
	out, err := exec.CommandContext(ctx, bin, args...).Output()
	if err != nil {
		t.Fatalf("chromium %v: %v", args, err)
	}
	return string(out)
}

// TestBrowser loads the submission and the summary in a real browser and
// checks the rendered DOM: the Vietnamese text is intact (no mojibake, no
// replacement character), the summary has one table row per member in rank
// order, and the submission lists the proposals. Set THIDUA_SCREENSHOTS to
// a folder to keep a PNG of each page.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	bin := chromium(t)
	rb, st := rank(t, "scores-2020.csv")
	dir := t.TempDir()
	shots := os.Getenv("THIDUA_SCREENSHOTS")

	for _, kind := range []documents.Kind{documents.Summary, documents.Submission} {
		t.Run(string(kind), func(t *testing.T) {
			page := filepath.Join(dir, string(kind)+".html")
			if err := os.WriteFile(page, []byte(render(t, kind, documents.HTML, rb, st, documents.Options{})), 0o644); err != nil {
				t.Fatal(err)
			}
			dom := browse(t, bin, page, "")
			if strings.ContainsRune(dom, '\uFFFD') {
				t.Errorf("replacement characters in the rendered DOM")
			}
			// UTF-8 read as Latin-1 turns "đ", "ư", "ộ", "ế" into these
			for _, bad := range []string{"Ä‘", "Æ°", "á»", "áº", "Ã¡", "Ã¢"} {
				if strings.Contains(dom, bad) {
					t.Errorf("mojibake %q in the rendered DOM", bad)
				}
			}
			for _, w := range []string{`<html lang="vi">`, "Cụm II – Các cơ quan quản lý chuyên ngành", "Sở Nông nghiệp và Phát triển nông thôn",
				st.Rulebook.Hash, st.SheetHash, "DỰ THẢO", "Điểm số trong các bảng điểm kèm theo là số liệu minh họa"} {
				if !strings.Contains(dom, w) {
					t.Errorf("no %q in the rendered DOM", w)
				}
			}
			switch kind {
			case documents.Summary:
				rows := regexp.MustCompile(`<tr class="member" data-member="([^"]+)">`).FindAllStringSubmatch(dom, -1)
				var got, want []string
				for _, r := range rows {
					got = append(got, r[1])
				}
				for _, r := range st.Rows {
					want = append(want, r.Member.ID)
				}
				if strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("member rows %v, want one per member in rank order %v", got, want)
				}
				for _, w := range []string{"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2020", "<strong>96,35</strong>", "NGƯỜI LẬP BIỂU", "TRƯỞNG CỤM"} {
					if !strings.Contains(dom, w) {
						t.Errorf("no %q in the summary", w)
					}
				}
			case documents.Submission:
				props := regexp.MustCompile(`<li class="proposal" data-tier="([^"]+)" data-member="([^"]+)">`).FindAllStringSubmatch(dom, -1)
				var got []string
				for _, p := range props {
					got = append(got, p[1]+":"+p[2])
				}
				if want := "flag:SCT,merit:SKHCN,merit:SXD"; strings.Join(got, ",") != want {
					t.Errorf("proposals %v, want %s", got, want)
				}
				for _, w := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ TRÌNH",
					"xếp thứ Nhất", "xếp thứ Nhì", "xếp thứ Ba", "Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng."} {
					if !strings.Contains(dom, w) {
						t.Errorf("no %q in the submission", w)
					}
				}
			}
			if shots != "" {
				png := filepath.Join(shots, "documents-"+string(kind)+".png")
				browse(t, bin, page, png)
				if fi, err := os.Stat(png); err != nil || fi.Size() == 0 {
					t.Errorf("no screenshot at %s: %v", png, err)
				}
			}
		})
	}
}

// TestDOCXOpensInLibreOffice converts the Word documents to text with
// LibreOffice, if it is installed, and checks the text: a document Word
// processors cannot open fails here.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no LibreOffice")
	}
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: the .docx is checked as XML only (apt-get install libreoffice-writer to check it)")
	}
	rb, st := rank(t, "scores-2020.csv")
	dir := t.TempDir()
	for _, kind := range []documents.Kind{documents.Summary, documents.Submission} {
		path := filepath.Join(dir, string(kind)+".docx")
		if err := os.WriteFile(path, []byte(render(t, kind, documents.DOCX, rb, st, documents.Options{})), 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		out, err := exec.CommandContext(ctx, bin, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
			"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, path).CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		text, err := os.ReadFile(strings.TrimSuffix(path, ".docx") + ".txt")
		if err != nil {
			t.Fatalf("LibreOffice did not convert %s: %v\n%s", path, err, out)
		}
		for _, w := range []string{"Sở Công Thương", "96,35", "Sở Khoa học và Công nghệ", "TRƯỞNG CỤM"} {
			if !strings.Contains(string(text), w) {
				t.Errorf("%s: no %q in the text LibreOffice read", kind, w)
			}
		}
	}
}
