package documents_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/documents"
)

// pdfPage is one page of a PDF: its size in points and the addresses of
// the links on it.
type pdfPage struct {
	W, H  float64
	Links []string
}

// printPDF opens an HTML file in headless Chromium, runs script (if any),
// and prints the page to PDF as a browser's "Save as PDF" does, with the
// page size the document's CSS asks for. It skips the test if Chromium
// cannot be found or started.
func printPDF(t *testing.T, file, script string) []byte {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	bin := chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+file)); err != nil {
		var ee *exec.Error
		if errors.As(err, &ee) {
			t.Skipf("Chromium cannot be started: %v", err)
		}
		t.Fatalf("open %s: %v", file, err)
	}
	if script != "" {
		if _, err := chromedp.Run(bctx, chromedp.Evaluate[any](script)); err != nil {
			t.Fatalf("script: %v", err)
		}
	}
	yes := true
	var pdf []byte
	if err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		r, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
		pdf = r.Data
		return err
	})); err != nil {
		t.Fatalf("print %s: %v", file, err)
	}
	return pdf
}

var (
	pdfObj    = regexp.MustCompile(`(?s)(\d+) 0 obj\s*(.*?)endobj`)
	pdfKids   = regexp.MustCompile(`/Type\s*/Pages\b(?s:.*?)/Kids\s*\[([^\]]*)\]`)
	pdfRef    = regexp.MustCompile(`(\d+) 0 R`)
	pdfMedia  = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
	pdfAnnots = regexp.MustCompile(`/Annots\s*\[([^\]]*)\]`)
	pdfURI    = regexp.MustCompile(`/URI\s*\(([^)]*)\)`)
)

// pdfPages reads the pages of a PDF as Chromium writes it (objects in the
// clear, page tree one level deep), in order.
func pdfPages(t *testing.T, pdf []byte) []pdfPage {
	t.Helper()
	objs := map[string]string{}
	for _, m := range pdfObj.FindAllSubmatch(pdf, -1) {
		objs[string(m[1])] = string(m[2])
	}
	var kids []string
	for _, o := range objs {
		if m := pdfKids.FindStringSubmatch(o); m != nil && strings.Contains(o, "/Count") && !strings.Contains(o, "/Parent") {
			for _, r := range pdfRef.FindAllStringSubmatch(m[1], -1) {
				kids = append(kids, r[1])
			}
		}
	}
	if len(kids) == 0 {
		t.Fatalf("no page tree in the PDF (%d bytes)", len(pdf))
	}
	var pages []pdfPage
	for _, k := range kids {
		o := objs[k]
		var p pdfPage
		if m := pdfMedia.FindStringSubmatch(o); m != nil {
			x0, _ := strconv.ParseFloat(m[1], 64)
			y0, _ := strconv.ParseFloat(m[2], 64)
			x1, _ := strconv.ParseFloat(m[3], 64)
			y1, _ := strconv.ParseFloat(m[4], 64)
			p.W, p.H = x1-x0, y1-y0
		}
		if m := pdfAnnots.FindStringSubmatch(o); m != nil {
			for _, r := range pdfRef.FindAllStringSubmatch(m[1], -1) {
				if u := pdfURI.FindStringSubmatch(objs[r[1]]); u != nil {
					p.Links = append(p.Links, u[1])
				}
			}
		}
		pages = append(pages, p)
	}
	return pages
}

// pageOf returns the pages (numbered from 1) that have a link to url.
func pageOf(pages []pdfPage, url string) []int {
	var out []int
	for i, p := range pages {
		for _, l := range p.Links {
			if l == url {
				out = append(out, i+1)
				break
			}
		}
	}
	return out
}

// markers is a script that turns the given elements into links to
// https://marker.test/NAME, so that the printed PDF says on which page
// each landed (a link is an annotation of the page it is on). The text
// itself is left as it is.
func markers(sel map[string]string) string {
	var b strings.Builder
	b.WriteString("(() => { const mark = (sel, name) => { const el = document.querySelector(sel); if (!el) throw new Error('no ' + sel); el.innerHTML = '<a href=\"https://marker.test/' + name + '\">' + el.innerHTML + '</a>'; };\n")
	for _, name := range slices.Sorted(maps.Keys(sel)) {
		s := sel[name]
		b.WriteString("mark(" + strconv.Quote(s) + ", " + strconv.Quote(name) + ");\n")
	}
	b.WriteString("return true; })()")
	return b.String()
}

// TestPrintKeepsSignatures prints the HTML documents to PDF in Chromium,
// as an official does with "Print" in the browser: A4 (landscape for the
// summary), and the signature block on the same page as the lines before
// it, in one piece. The summary of Cụm II used to print its signatures
// alone on a third page.
func TestPrintKeepsSignatures(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		kind   documents.Kind
		sheet  string
		w, h   float64
		before string // the last lines before the signatures
		first  string // the signature block's first line and last
		last   string
	}{
		{documents.Summary, "scores-2020.csv", 842, 595, "ul.conditions li:last-child", "table.signatures td:first-child strong", "table.signatures td:last-child .blank"},
		{documents.Summary, "top-ineligible.csv", 842, 595, "ul.conditions li:last-child", "table.signatures td:first-child strong", "table.signatures td:last-child .blank"},
		{documents.Submission, "scores-2020.csv", 595, 842, "p.closing", "table.signatures td:first-child strong", "table.signatures td:last-child .blank"},
	} {
		t.Run(string(c.kind)+"-"+c.sheet, func(t *testing.T) {
			rb, st := rank(t, c.sheet)
			file := filepath.Join(dir, string(c.kind)+"-"+c.sheet+".html")
			if err := os.WriteFile(file, []byte(render(t, c.kind, documents.HTML, rb, st, documents.Options{})), 0o644); err != nil {
				t.Fatal(err)
			}
			marks := map[string]string{"before": c.before, "first": c.first, "last": c.last}
			if c.kind == documents.Summary {
				marks["lastrow"] = "table.data tbody tr:last-child td:nth-child(2)"
			}
			pdf := printPDF(t, file, markers(marks))
			if d := os.Getenv("THIDUA_PRINTS"); d != "" {
				os.WriteFile(filepath.Join(d, string(c.kind)+"-"+c.sheet+".pdf"), pdf, 0o644)
			}
			pages := pdfPages(t, pdf)
			for i, p := range pages {
				if abs(p.W-c.w) > 2 || abs(p.H-c.h) > 2 {
					t.Errorf("page %d is %.1f × %.1f pt, want A4 %.0f × %.0f", i+1, p.W, p.H, c.w, c.h)
				}
			}
			before, first, last := pageOf(pages, "https://marker.test/before"), pageOf(pages, "https://marker.test/first"), pageOf(pages, "https://marker.test/last")
			if len(first) != 1 || len(last) != 1 || len(before) == 0 {
				t.Fatalf("markers not found: before %v, first %v, last %v (%d pages)", before, first, last, len(pages))
			}
			if first[0] != last[0] {
				t.Errorf("the signature block breaks across pages %d and %d", first[0], last[0])
			}
			if before[len(before)-1] != first[0] {
				t.Errorf("the signatures are on page %d, the lines before them on page %v: a page with the signatures alone", first[0], before)
			}
			if c.kind == documents.Summary && len(pageOf(pages, "https://marker.test/lastrow")) == 0 {
				t.Errorf("the score table's last row is not in the PDF")
			}
			t.Logf("%d pages; the signatures on page %d", len(pages), first[0])
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
