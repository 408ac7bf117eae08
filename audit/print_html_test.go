package audit_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// A4 landscape, in points and, less the report's print margins (12 mm
// top and bottom, 10 mm left and right), in CSS pixels.
const (
	a4LongPt, a4ShortPt = 841.89, 595.28
	printWidthPx        = (297 - 2*10) * 96 * 10 / 254 // 1046
)

var (
	pdfPageRE  = regexp.MustCompile(`/Type\s*/Page\b[^s]`)
	pdfMediaRE = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
)

// brokenWords is a script that lays the page out for print and lists the
// cells of its tables too narrow for their longest word, which the
// browser then breaks letter by letter: each as "column: word (word's
// width > cell's)". Hashes and file names (code, td.where, td.file) may wrap
// anywhere and are left out.
const brokenWords = `(() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const out = [];
  for (const cell of document.querySelectorAll("table td, table th")) {
    if (cell.matches(".where, .file") || cell.querySelector("code")) continue;
    const cs = getComputedStyle(cell);
    canvas.font = cs.fontStyle + " " + cs.fontWeight + " " + cs.fontSize + " " + cs.fontFamily;
    const room = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    for (const el of [cell, ...cell.querySelectorAll("*")]) {
      const s = getComputedStyle(el);
      canvas.font = s.fontStyle + " " + s.fontWeight + " " + s.fontSize + " " + s.fontFamily;
      for (const node of el.childNodes) {
        if (node.nodeType !== 3) continue;
        for (const word of node.textContent.split(/\s+/)) {
          const w = canvas.measureText(word).width;
          if (w > room + 0.5) out.push(cell.closest("table").className + " col " + (cell.cellIndex + 1) + ": " + word + " (" + w.toFixed(0) + " > " + room.toFixed(0) + ")");
        }
      }
    }
  }
  return out;
})()`

// TestAuditPrintsOnA4 prints the Vietnamese report of the seeded-errors
// example as an official does from the browser: every page is A4
// (landscape, for the nine columns of the findings), and no column is so
// narrow that a word breaks inside it (the columns used to collapse to one
// letter per line on US Letter). Set THIDUA_SHOTS to a folder to keep the
// PDF and a PNG of the page as printed.
func TestAuditPrintsOnA4(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	bin := chromium(t)
	dir := t.TempDir()
	shots := os.Getenv("THIDUA_SHOTS")
	for _, c := range []struct {
		name string
		r    audit.Report
	}{{"errors", errorsReport(t)}, {"clean", cleanReport(t)}} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, c.name+".html")
			f, err := os.Create(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.r.WriteIn(f, audit.HTML, lang.Vietnamese); err != nil {
				t.Fatal(err)
			}
			f.Close()

			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
				chromedp.UserDataDir(filepath.Join(dir, "profile-"+c.name)),
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
				t.Fatal(err)
			}
			yes := true
			var pdf []byte
			if err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				r, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
				pdf = r.Data
				return err
			})); err != nil {
				t.Fatal(err)
			}
			pages := len(pdfPageRE.FindAll(pdf, -1))
			boxes := pdfMediaRE.FindAllSubmatch(pdf, -1)
			if pages == 0 || len(boxes) != pages {
				t.Fatalf("%d pages, %d media boxes in the PDF", pages, len(boxes))
			}
			for i, m := range boxes {
				w, _ := strconv.ParseFloat(string(m[3]), 64)
				h, _ := strconv.ParseFloat(string(m[4]), 64)
				if abs(w-a4LongPt) > 2 || abs(h-a4ShortPt) > 2 {
					t.Errorf("page %d is %.1f × %.1f pt, want A4 landscape (%.0f × %.0f; US Letter is 612 × 792)", i+1, w, h, a4LongPt, a4ShortPt)
				}
			}

			// The page as printed: print styles, the width of the page.
			if err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}), chromedp.EmulateViewport(printWidthPx, 1200)); err != nil {
				t.Fatal(err)
			}
			broken, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](brokenWords))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range broken {
				t.Errorf("a word broken in print: %s", b)
			}
			if shots != "" {
				os.WriteFile(filepath.Join(shots, "audit-"+c.name+".pdf"), pdf, 0o644)
				var png []byte
				if err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					var err error
					png, err = chromedp.FullScreenshot(100)(ctx, tg)
					return err
				})); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(shots, "audit-"+c.name+"-print.png"), png, 0o644)
				// The first page: A4 landscape at the width printed.
				if err := chromedp.Do(bctx, chromedp.EmulateViewport(printWidthPx, printWidthPx*210/297)); err != nil {
					t.Fatal(err)
				}
				first, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(shots, "audit-"+c.name+"-page1.png"), first, 0o644)
			}
			t.Logf("%d pages", pages)
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
