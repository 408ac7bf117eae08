package documents_test

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
)

// wnode is an element of a Word document's XML, read generically.
type wnode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []wnode    `xml:",any"`
	Text    string     `xml:",chardata"`
}

// child returns the first child element with the local name, if any.
func (n wnode) child(name string) (wnode, bool) {
	for _, c := range n.Nodes {
		if c.XMLName.Local == name {
			return c, true
		}
	}
	return wnode{}, false
}

// all returns the child elements with the local name.
func (n wnode) all(name string) []wnode {
	var out []wnode
	for _, c := range n.Nodes {
		if c.XMLName.Local == name {
			out = append(out, c)
		}
	}
	return out
}

// text is the text of the element and of everything in it.
func (n wnode) text() string {
	var b strings.Builder
	if n.XMLName.Local == "t" {
		b.WriteString(n.Text)
	}
	for _, c := range n.Nodes {
		b.WriteString(c.text())
	}
	return b.String()
}

func (n wnode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// has reports whether a paragraph's properties include the element.
func (n wnode) has(prop string) bool {
	ppr, _ := n.child("pPr")
	_, ok := ppr.child(prop)
	return ok
}

// docxBody reads the body of a .docx's word/document.xml.
func docxBody(t *testing.T, docx string) wnode {
	t.Helper()
	z, err := zip.NewReader(strings.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		var doc wnode
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		body, ok := doc.child("body")
		if !ok {
			t.Fatal("no w:body")
		}
		return body
	}
	t.Fatal("no word/document.xml")
	return wnode{}
}

// TestDOCXSignaturesKeptTogether: in the Word documents the signature
// block is one row that does not split across pages, each of its cells'
// lines kept with the next, and the lines before it kept with it, so that
// Word never leaves the dotted lines alone on a page (the summary of Cụm
// II did, on page 3).
func TestDOCXSignaturesKeptTogether(t *testing.T) {
	for _, c := range []struct {
		kind  documents.Kind
		sheet string
		sign  string // a word of the signature block
	}{
		{documents.Summary, "scores-2020.csv", lang.Vietnamese.Say("doc.compiler")},
		{documents.Summary, "top-ineligible.csv", lang.Vietnamese.Say("doc.compiler")},
		{documents.Submission, "scores-2020.csv", lang.Vietnamese.Say("doc.recipients_title")},
	} {
		t.Run(string(c.kind)+"-"+c.sheet, func(t *testing.T) {
			rb, st := rank(t, c.sheet)
			body := docxBody(t, render(t, c.kind, documents.DOCX, rb, st, documents.Options{}))
			at := -1
			for i, n := range body.Nodes {
				if n.XMLName.Local == "tbl" && strings.Contains(n.text(), c.sign) {
					at = i
				}
			}
			if at < 0 {
				t.Fatalf("no signature block (a table with %q)", c.sign)
			}
			sig := body.Nodes[at]
			for _, tr := range sig.all("tr") {
				trPr, _ := tr.child("trPr")
				if _, ok := trPr.child("cantSplit"); !ok {
					t.Errorf("the signature row may split across pages: no w:cantSplit")
				}
				for ci, tc := range tr.all("tc") {
					ps := tc.all("p")
					for pi, p := range ps[:len(ps)-1] {
						if !p.has("keepNext") {
							t.Errorf("cell %d, line %d (%q) is not kept with the next", ci+1, pi+1, p.text())
						}
					}
				}
			}
			// The paragraph before the block is kept with it.
			prev := at - 1
			for prev >= 0 && body.Nodes[prev].XMLName.Local == "p" && strings.TrimSpace(body.Nodes[prev].text()) == "" {
				prev--
			}
			if prev < 0 || body.Nodes[prev].XMLName.Local != "p" || !body.Nodes[prev].has("keepNext") {
				t.Errorf("the lines before the signatures are not kept with them")
			}
		})
	}
}

// realWidth is the width in em of a character in Times New Roman Bold,
// rounded up within its class (lower case but m and w at most 0.556 em,
// capitals at most 0.778 but M and W, digits 0.5): what a heading needs.
func realWidth(r rune) float64 {
	switch {
	case r == 'm' || r == 'M' || r == 'W' || r == '%':
		return 1
	case r == 'w':
		return 0.722
	case strings.ContainsRune("()[]", r):
		return 0.333
	case '0' <= r && r <= '9':
		return 0.5
	case strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r):
		return 0.778
	}
	return 0.556
}

// TestDOCXHeadingsDoNotBreakWords: every heading cell of the summary's
// table is as wide as its longest word at its font size (Times New Roman
// Bold, plus the cell's margins), so that Word does not break "thưởng"
// into "thưởn" and "g".
func TestDOCXHeadingsDoNotBreakWords(t *testing.T) {
	for _, sheet := range []string{"scores-2020.csv", "top-ineligible.csv"} {
		rb, st := rank(t, sheet)
		for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
			body := docxBody(t, render(t, documents.Summary, documents.DOCX, rb, st, documents.Options{Lang: tag}))
			var scores wnode
			for _, n := range body.Nodes {
				if n.XMLName.Local == "tbl" && strings.Contains(n.text(), tag.Say("doc.col_bonus")) {
					scores = n
				}
			}
			rows := scores.all("tr")
			if len(rows) == 0 {
				t.Fatalf("%s: no score table", sheet)
			}
			checked := 0
			for _, tr := range rows {
				trPr, _ := tr.child("trPr")
				if _, head := trPr.child("tblHeader"); !head {
					continue
				}
				for _, tc := range tr.all("tc") {
					pr, _ := tc.child("tcPr")
					if span, ok := pr.child("gridSpan"); ok && span.attr("val") != "1" {
						continue
					}
					tcW, _ := pr.child("tcW")
					w, _ := strconv.Atoi(tcW.attr("w"))
					for _, p := range tc.all("p") {
						for _, r := range p.all("r") {
							rpr, _ := r.child("rPr")
							sz, _ := rpr.child("sz")
							size, _ := strconv.Atoi(sz.attr("val"))
							for _, word := range strings.Fields(r.text()) {
								em := 0.0
								for _, c := range word {
									em += realWidth(c)
								}
								need := int(em*float64(size)*10) + 2*57 // half-points → twips, and the cell margins
								if w < need {
									t.Errorf("%s %s: the heading %q is %d twips wide, its word %q needs %d", sheet, tag, tc.text(), w, word, need)
								}
								checked++
							}
						}
					}
				}
			}
			if checked < 10 {
				t.Errorf("%s: only %d heading words checked", sheet, checked)
			}
		}
	}
}
