package simulation

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/sheets"
)

// The SVG is well-formed XML, names every member, and each member's bar
// segments add up to the full bar (the rank probabilities sum to 1).
func TestChartSVG(t *testing.T) {
	rb, model := cum2(t)
	sh, _ := sheets.Load("../examples/cum2/scores-2020.csv")
	r, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 2000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	widths := map[float64]float64{} // y → total width
	texts := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "rect" {
				var y, w float64
				var tip bool
				for _, a := range e.Attr {
					switch a.Name.Local {
					case "y":
						y, _ = strconv.ParseFloat(a.Value, 64)
					case "width":
						w, _ = strconv.ParseFloat(a.Value, 64)
					case "height":
						tip = a.Value == "18"
					}
				}
				if tip {
					widths[y] += w
				}
			}
		case xml.CharData:
			texts += string(e)
		}
	}
	for _, m := range r.Members {
		if !strings.Contains(texts, m.Member.Name) {
			t.Errorf("the chart does not name %s", m.Member.Name)
		}
	}
	if len(widths) != len(r.Members) {
		t.Fatalf("%d bars for %d members", len(widths), len(r.Members))
	}
	for y, w := range widths {
		if w < barWidth-0.5 || w > barWidth+0.5 {
			t.Errorf("bar at y=%v is %.2f wide, want %d", y, w, barWidth)
		}
	}
	var page bytes.Buffer
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), `<meta charset="utf-8">`) || !strings.Contains(page.String(), "<svg") || !strings.Contains(page.String(), "Sở Công Thương") {
		t.Error("the HTML page lacks its charset, the chart or the members")
	}
}

// The chart speaks the language it is asked for: Vietnamese by default
// (its title, legend, tooltips and table heads, decimal commas), English
// on request; and it names the award tiers by the rulebook's names, never
// by their ids. The old WriteSVG and WriteHTML still write English.
func TestChartLanguage(t *testing.T) {
	rb, model := cum2(t)
	sh, _ := sheets.Load("../examples/cum2/scores-2020.csv")
	r, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 2000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	comma := regexp.MustCompile(`\d,\d%`)
	point := regexp.MustCompile(`\d\.\d%`)
	words := func(doc string) string { // the text people read: no tags, no attributes but the tooltips
		return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(doc, " ")
	}
	for _, c := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  []string
		not   []string
		num   *regexp.Regexp
	}{
		{"svg-vi", func(b *bytes.Buffer) error { return r.WriteSVGIn(b, ChartOptions{Rulebook: rb}) },
			[]string{"Xác suất xếp hạng", "kịch bản", "hạng 1", "khoảng tin cậy 95%", "Cờ thi đua của UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"},
			[]string{"Rank probabilities", "scenarios", "rank 1", "engine", "CI"}, comma},
		{"html-vi", func(b *bytes.Buffer) error {
			return r.WriteHTMLIn(b, ChartOptions{Lang: lang.Vietnamese, Rulebook: rb})
		},
			[]string{"Đơn vị", "hạng 1", "Cờ thi đua của UBND tỉnh", `lang="vi"`},
			[]string{"Member", "rank 1", "scenarios"}, comma},
		{"svg-en", func(b *bytes.Buffer) error { return r.WriteSVGIn(b, ChartOptions{Lang: lang.English, Rulebook: rb}) },
			[]string{"Rank probabilities", "scenarios", "rank 1", "95% CI", "Cờ thi đua của UBND tỉnh"},
			[]string{"Xác suất", "kịch bản", "hạng 1"}, point},
		{"svg-old", func(b *bytes.Buffer) error { return r.WriteSVG(b) },
			[]string{"Rank probabilities", "rank 1"}, []string{"Xác suất", "hạng 1"}, point},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.write(&b); err != nil {
				t.Fatal(err)
			}
			doc := b.String()
			for _, w := range c.want {
				if !strings.Contains(doc, w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(doc, w) {
					t.Errorf("has %q", w)
				}
			}
			if !c.num.MatchString(doc) {
				t.Errorf("no percentage written as %v", c.num)
			}
			other := point
			if c.num == point {
				other = comma
			}
			if other.MatchString(words(doc)) {
				t.Errorf("a percentage written as %v: %q", other, other.FindString(words(doc)))
			}
			if c.name != "svg-old" && regexp.MustCompile(`\b(flag|merit)\b`).MatchString(words(doc)) {
				t.Errorf("a tier named by its id")
			}
			if err := xml.Unmarshal([]byte(strings.TrimPrefix(doc, "<!DOCTYPE html>\n")), new(any)); c.name[:3] == "svg" && err != nil {
				t.Errorf("not well-formed: %v", err)
			}
			if os.Getenv("THIDUA_CHART") != "" {
				os.WriteFile(filepath.Join(os.Getenv("THIDUA_CHART"), "chart-"+c.name+".svg"), b.Bytes(), 0o644)
			}
		})
	}
}
