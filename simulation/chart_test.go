package simulation

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

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
