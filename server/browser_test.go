package server_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (chromium, chromium-browser or google-chrome; on Debian: apt-get install chromium): the web page is not checked in a browser")
	return ""
}

// screenshots is the folder the browser test saves its screenshots in
// (docs/img), when THIDUA_SCREENSHOTS is set; "" otherwise.
func screenshots() string {
	if os.Getenv("THIDUA_SCREENSHOTS") == "" {
		return ""
	}
	return filepath.Join("..", "docs", "img")
}

// TestBrowser drives the web page in a real Chromium, as an official
// would: choose the example rulebook, upload the filled workbook, read the
// standings, download the tờ trình, run a simulation, then upload a
// workbook with a bad cell and find the problem, in Vietnamese, beside the
// workbook's field with the cell named. With THIDUA_SCREENSHOTS=1 it saves
// screenshots of the page (1366×768) in docs/img.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	bin := chromium(t)
	ts := newPageServer(t)
	dir := t.TempDir()
	seed, err := filepath.Abs(seedWorkbook)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bang-diem-loi.xlsx")
	if err := os.WriteFile(bad, badWorkbook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	downloads := filepath.Join(dir, "downloads")
	if err := os.Mkdir(downloads, 0o755); err != nil {
		t.Fatal(err)
	}

	// Everything, the browser included, within a bounded time.
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(1366, 768), chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("lang", "vi"), chromedp.Env("LANGUAGE=vi", "LANG=vi_VN.UTF-8"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		var ee *exec.Error
		if errors.As(err, &ee) {
			t.Skipf("Chromium cannot be started: %v", err)
		}
		t.Fatalf("start Chromium: %v", err)
	}

	shots := screenshots()
	shot := func(name, sel string) {
		t.Helper()
		if shots == "" {
			return
		}
		steps := []chromedp.Action[chromedp.Void]{}
		if sel != "" {
			steps = append(steps, chromedp.ScrollIntoView(sel))
		}
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("scroll to %s: %v", sel, err)
		}
		png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		png = smaller(t, png)
		if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s: %d bytes", name, len(png))
	}
	submit := func(button string) {
		t.Helper()
		if _, err := chromedp.Run(bctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(button))); err != nil {
			t.Fatalf("click %s: %v", button, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return strings.TrimSpace(s)
	}

	// 1. Open the page and choose the example rulebook.
	if err := chromedp.Do(bctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible("#buoc-1"),
		chromedp.Click(`input[name="nguon"][value="cum2"]`),
	); err != nil {
		t.Fatal(err)
	}
	shot("web-1-start.png", "")

	// 3. Upload the filled workbook and rank it.
	if err := chromedp.Do(bctx, chromedp.SetUploadFiles("#scores", []string{seed})); err != nil {
		t.Fatal(err)
	}
	submit("#xep-hang")
	if err := chromedp.Do(bctx, chromedp.WaitVisible("#bang-xep-hang")); err != nil {
		t.Fatal(err)
	}

	// 4. The standings: the top member by name, its award by name.
	if got := text("#bang-xep-hang tbody tr:first-child td.don-vi"); got != "Sở Công Thương" {
		t.Errorf("first row: %q, want Sở Công Thương", got)
	}
	if got := text("#bang-xep-hang tbody tr:first-child td.khen-thuong"); got != "Cờ thi đua của UBND tỉnh" {
		t.Errorf("first row's award: %q, want Cờ thi đua của UBND tỉnh", got)
	}
	if got := text("#bang-xep-hang tbody tr:nth-child(2) td.can-cu"); !strings.Contains(got, "Sở Công Thương xếp trên Sở Khoa học và Công nghệ theo tổng điểm") {
		t.Errorf("second row's reason: %q", got)
	}
	shot("web-2-standings.png", "#ket-qua")
	if shots != "" {
		// The standings as printed: print styles, the width of A4.
		var png []byte
		err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}), chromedp.EmulateViewport(794, 1123), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			var err error
			png, err = chromedp.FullScreenshot(100)(ctx, tg)
			return err
		}), chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
			return err
		}), chromedp.EmulateViewport(1366, 768))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, "web-5-print.png"), smaller(t, png), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// 5. Download the tờ trình (.docx).
	progress := chromedp.Events(bctx, browser.DownloadProgress)
	begin := chromedp.Events(bctx, browser.DownloadWillBegin)
	if err := chromedp.Do(bctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: ptr(true),
		})
		return err
	}), chromedp.Click("#tai-to-trinh")); err != nil {
		t.Fatal(err)
	}
	var suggested string
	for ev, err := range begin {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		suggested = ev.SuggestedFilename
		break
	}
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatalf("the download was cancelled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(downloads, ev.GUID)
			break
		}
	}
	if !strings.HasSuffix(suggested, ".docx") {
		t.Errorf("the tờ trình downloads as %q, want a .docx", suggested)
	}
	if data, err := os.ReadFile(file); err != nil || !bytes.HasPrefix(data, []byte("PK\x03\x04")) || !bytes.Contains(data, []byte("word/document.xml")) {
		t.Errorf("the tờ trình is not a Word document (%d bytes, %v)", len(data), err)
	}

	// 6. A simulation and its chart.
	if err := chromedp.Do(bctx, chromedp.SetValue(`input[name="n"]`, "5000")); err != nil {
		t.Fatal(err)
	}
	submit("#chay-mo-phong")
	if err := chromedp.Do(bctx, chromedp.WaitVisible("#ket-qua-mo-phong svg.bar")); err != nil {
		t.Fatal(err)
	}
	if got := text("#ket-qua-mo-phong"); !strings.Contains(got, "5000 kịch bản") || !strings.Contains(got, "Sở Công Thương") {
		t.Errorf("simulation: %.300q", got)
	}
	shot("web-4-simulation.png", "#ket-qua-mo-phong")

	// A workbook with a bad cell: the problem, in Vietnamese, beside the
	// workbook's field, with its cell.
	if err := chromedp.Do(bctx, chromedp.SetUploadFiles("#scores", []string{bad})); err != nil {
		t.Fatal(err)
	}
	submit("#xep-hang")
	if err := chromedp.Do(bctx, chromedp.WaitVisible("#buoc-3 #loi-scores .problem")); err != nil {
		t.Fatal(err)
	}
	if got := text("#loi-scores .problem .place"); got != "Ô Bảng điểm!"+badCell {
		t.Errorf("the problem's place: %q, want Ô Bảng điểm!%s", got, badCell)
	}
	if got := text("#loi-scores .problem .member"); got != "Sở Khoa học và Công nghệ" {
		t.Errorf("the problem's member: %q", got)
	}
	if got := text("#loi-scores .problem .text"); !strings.Contains(got, "cần một số") || !strings.Contains(got, "mười tám") {
		t.Errorf("the problem's text: %q, want it in Vietnamese", got)
	}
	if n, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll("#ket-qua").length`)); err != nil || n != 0 {
		t.Errorf("standings shown for a bad workbook (%d, %v)", n, err)
	}
	shot("web-3-error.png", "#buoc-3")
}

func ptr[T any](v T) *T { return &v }

// smaller re-encodes a screenshot with at most 256 colours (the page's own
// are few; the rest, the edges of letters, go to the nearest of them) and
// the best compression, to keep the files under docs/img small.
func smaller(t *testing.T, data []byte) []byte {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	b := img.Bounds()
	count := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			count[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	colours := make([]color.RGBA, 0, len(count))
	for c := range count {
		colours = append(colours, c)
	}
	slices.SortFunc(colours, func(a, b color.RGBA) int {
		if d := count[b] - count[a]; d != 0 {
			return d
		}
		return int(a.R)<<16 | int(a.G)<<8 | int(a.B) - (int(b.R)<<16 | int(b.G)<<8 | int(b.B))
	})
	palette := color.Palette{}
	for _, c := range colours[:min(256, len(colours))] {
		palette = append(palette, c)
	}
	out := image.NewPaletted(b, palette)
	index := map[color.RGBA]uint8{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			i, ok := index[c]
			if !ok {
				i = uint8(palette.Index(c))
				index[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, out); err != nil || buf.Len() >= len(data) {
		return data
	}
	return buf.Bytes()
}
