package documents_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	cum2   = "../examples/cum2/"
	nghean = "../examples/nghean-grading/"
)

// rank loads the Cụm II rulebook and a sheet of the examples and ranks it.
func rank(t testing.TB, sheet string) (*rules.Rulebook, *ranking.Standings) {
	t.Helper()
	return rankIn(t, cum2, sheet)
}

// rankIn loads the rulebook of an example folder and ranks one of its
// sheets.
func rankIn(t testing.TB, dir, sheet string) (*rules.Rulebook, *ranking.Standings) {
	t.Helper()
	rb, err := rules.Load(dir + "rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(rb, dir+sheet)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	return rb, st
}

// render builds a document and writes it in a format.
func render(t testing.TB, kind documents.Kind, f documents.Format, rb *rules.Rulebook, st *ranking.Standings, opts documents.Options) string {
	t.Helper()
	d, err := documents.New(kind, rb, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.Write(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var hashes = regexp.MustCompile(`sha256:[0-9a-f]{64}`)

// stableHashes replaces content hashes in golden files: they change whenever
// the canonical encoding of rulebooks or sheets does, which is not this
// package's concern. TestProvenance checks the exact hashes instead.
func stableHashes(s string) string { return hashes.ReplaceAllString(s, "sha256:…") }

// TestGolden compares the documents for the Cụm II examples with
// testdata/*.md and *.html. Run with -update to rewrite them after an
// intended change, and review the diff.
func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		sheet string
		kind  documents.Kind
		opts  documents.Options
	}{
		{"cum2-2020-summary", "scores-2020.csv", documents.Summary, documents.Options{}},
		{"cum2-2020-submission", "scores-2020.csv", documents.Submission, documents.Options{}},
		{"cum2-2020-submission-en", "scores-2020.csv", documents.Submission, documents.Options{Lang: lang.English}},
		{"cum2-2020-summary-en", "scores-2020.csv", documents.Summary, documents.Options{Lang: lang.English}},
		{"tie-broken-summary", "tie-broken.csv", documents.Summary, documents.Options{}},
		{"top-ineligible-submission", "top-ineligible.csv", documents.Submission, documents.Options{}},
		{"unresolved-tie-submission", "unresolved-tie.csv", documents.Submission, documents.Options{}},
		{"unresolved-tie-summary", "unresolved-tie.csv", documents.Summary, documents.Options{}},
		{"shared-rank-submission", "shared-rank.csv", documents.Submission, documents.Options{}},
		// grading bands (xếp loại): a Xếp loại column, the bands and their
		// members, the flag only from the highest band
		{"nghean-grading-summary", nghean + "scores-2025.csv", documents.Summary, documents.Options{}},
		{"nghean-grading-submission", nghean + "scores-2025.csv", documents.Submission, documents.Options{}},
		{"nghean-grading-summary-en", nghean + "scores-2025.csv", documents.Summary, documents.Options{Lang: lang.English}},
	}
	for _, c := range cases {
		dir, sheet := cum2, c.sheet
		if strings.HasPrefix(sheet, nghean) {
			dir, sheet = nghean, strings.TrimPrefix(sheet, nghean)
		}
		rb, st := rankIn(t, dir, sheet)
		for _, f := range []documents.Format{documents.Markdown, documents.HTML} {
			name := c.name + "." + string(f)
			t.Run(name, func(t *testing.T) {
				got := stableHashes(render(t, c.kind, f, rb, st, c.opts))
				path := filepath.Join("testdata", name)
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if d := cmp.Diff(string(want), got); d != "" {
					t.Errorf("%s differs (-want +got):\n%s", path, d)
				}
			})
		}
	}
}

// TestProvenance: every document names the rulebook's id, version and exact
// hash and the sheet's exact hash, and carries the rulebook's note that the
// scores are illustrative.
func TestProvenance(t *testing.T) {
	rb, st := rank(t, "scores-2020.csv")
	note := rb.Regulation().Notes
	if note == "" {
		t.Fatal("the example rulebook has no notes: the test would prove nothing")
	}
	for _, kind := range []documents.Kind{documents.Summary, documents.Submission} {
		for _, f := range []documents.Format{documents.Markdown, documents.HTML} {
			t.Run(string(kind)+"."+string(f), func(t *testing.T) {
				out := render(t, kind, f, rb, st, documents.Options{})
				for _, want := range []string{st.Rulebook.Hash, st.SheetHash, "caobang-cum2", "2020.1", note, "DỰ THẢO", "<!-- DỰ THẢO"} {
					if !strings.Contains(out, want) {
						t.Errorf("no %q in the document", want)
					}
				}
			})
		}
	}
}

// TestSummaryNumbers checks each member's row against its scorecard: the
// group points, the bonus, the deductions and the total, with decimal
// commas, in rank order.
func TestSummaryNumbers(t *testing.T) {
	rb, st := rank(t, "tie-broken.csv")
	md := render(t, documents.Summary, documents.Markdown, rb, st, documents.Options{})
	rows := tableRows(md)
	if len(rows) != len(st.Rows) {
		t.Fatalf("%d table rows, want one per member (%d):\n%s", len(rows), len(st.Rows), md)
	}
	for i, r := range st.Rows {
		cells := rows[i]
		if cells[1] != r.Member.Name {
			t.Errorf("row %d is %q, want %q (rank order)", i+1, cells[1], r.Member.Name)
		}
		var want []string
		for _, g := range []string{"I", "II", "III", "IV"} {
			n, _ := r.Card.Node(g)
			want = append(want, documents.Number(n.Value, 2, lang.Vietnamese))
		}
		want = append(want, documents.Number(r.Card.Criteria, 2, lang.Vietnamese))
		for j, w := range want {
			if cells[2+j] != w {
				t.Errorf("%s column %d = %q, want %q", r.Member.ID, 2+j, cells[2+j], w)
			}
		}
		if got, w := cells[9], "**"+documents.Number(r.Total, 2, lang.Vietnamese)+"**"; got != w {
			t.Errorf("%s total = %q, want %q", r.Member.ID, got, w)
		}
		sum := r.Card.Criteria.Add(r.Card.Bonus.Total).Sub(r.Card.Deductions.Total)
		if !sum.Equal(r.Total) {
			t.Errorf("%s: criteria + bonus - deductions = %s, total %s", r.Member.ID, sum, r.Total)
		}
		if strings.Contains(strings.Join(cells[2:10], " "), ".") {
			t.Errorf("%s: a decimal point in a Vietnamese row: %q", r.Member.ID, cells)
		}
	}
	// the tie broken by group I is explained on both rows
	for _, w := range []string{
		"Bằng điểm với Sở Xây dựng, xếp trên do nhiều điểm hơn ở nhóm I: 38,5 so với 38.",
		"Bằng điểm với Sở Khoa học và Công nghệ, xếp dưới do ít điểm hơn ở nhóm I: 38 so với 38,5.",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("no %q in the summary", w)
		}
	}
}

// tableRows returns the cells of the body rows of the Markdown score table
// (the rows that start with a number).
func tableRows(md string) [][]string {
	var rows [][]string
	for _, l := range strings.Split(md, "\n") {
		if !regexp.MustCompile(`^\| \d+ \|`).MatchString(l) {
			continue
		}
		parts := strings.Split(strings.Trim(l, "|"), " | ")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		rows = append(rows, parts)
	}
	return rows
}

// TestSubmissionContent checks the submission's wording for the published
// outcome and the variants.
func TestSubmissionContent(t *testing.T) {
	cases := []struct {
		name  string
		sheet string
		opts  documents.Options
		want  []string // in order
		not   []string
	}{
		{"published outcome: flag to 1st, Bằng khen to 2nd and 3rd", "scores-2020.csv", documents.Options{}, []string{
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/TTr-…", "……, ngày … tháng … năm …",
			"TỜ TRÌNH", "Về việc đề nghị tặng Cờ thi đua của UBND tỉnh và Bằng khen của Chủ tịch UBND tỉnh năm 2020",
			"Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng.",
			"Căn cứ Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2005, 2013;", "Căn cứ Nghị định 91/2017/NĐ-CP;",
			"Sở Công Thương: 96,35 điểm, xếp thứ Nhất;", "Sở Khoa học và Công nghệ: 94,70 điểm, xếp thứ Nhì;",
			"Sở Xây dựng: 88,75 điểm, xếp thứ Ba;", "Thanh tra tỉnh: 76,00 điểm, xếp thứ Bảy.",
			"a) Cờ thi đua của UBND tỉnh cho 01 tập thể:", "**Sở Công Thương** (đơn vị xếp thứ Nhất, 96,35 điểm);",
			"b) Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể:", "**Sở Khoa học và Công nghệ** (đơn vị xếp thứ Nhì, 94,70 điểm);",
			"**Sở Xây dựng** (đơn vị xếp thứ Ba, 88,75 điểm).",
			"Kính đề nghị Hội đồng Thi đua – Khen thưởng tỉnh xem xét, trình Chủ tịch UBND tỉnh quyết định./.", "TRƯỞNG CỤM",
		}, []string{"CHƯA ĐỦ CĂN CỨ", "Luật Thi đua, khen thưởng (số, ngày"}},
		{"options fill the placeholders", "scores-2020.csv", documents.Options{
			Issuer: "Sở Khoa học và Công nghệ", Parent: "UBND tỉnh Cao Bằng", Recipient: "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng", Place: "Cao Bằng",
		}, []string{"UBND TỈNH CAO BẰNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Cao Bằng, ngày … tháng … năm …",
			"Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng.", "Sở Khoa học và Công nghệ kính trình Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"}, nil},
		{"top scorer ineligible → flag to the next, the reason stated", "top-ineligible.csv", documents.Options{}, []string{
			"a) Cờ thi đua của UBND tỉnh cho 01 tập thể:", "**Sở Khoa học và Công nghệ** (đơn vị xếp thứ Nhì, 94,70 điểm);",
			"Không đề nghị Sở Công Thương (xếp thứ Nhất) do chưa đạt điều kiện: Không có tập thể, cá nhân bị kỷ luật.",
			"b) Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể:", "**Sở Tài nguyên và Môi trường** (đơn vị xếp thứ Tư, 86,40 điểm)",
		}, nil},
		{"tie broken by group I → both sides explained", "tie-broken.csv", documents.Options{}, []string{
			"Sở Khoa học và Công nghệ: 94,70 điểm, xếp thứ Nhì (bằng điểm với Sở Xây dựng, xếp trên do nhiều điểm hơn ở nhóm I: 38,5 so với 38);",
			"Sở Xây dựng: 94,70 điểm, xếp thứ Ba (bằng điểm với Sở Khoa học và Công nghệ, xếp dưới do ít điểm hơn ở nhóm I: 38 so với 38,5);",
		}, nil},
		{"unresolved tie → shared rank, flag pending, Bằng khen not decided, a warning", "unresolved-tie.csv", documents.Options{}, []string{
			"CHƯA ĐỦ CĂN CỨ ĐỂ TRÌNH",
			"Sở Công Thương: 96,35 điểm, đồng xếp thứ Nhất", "Sở Khoa học và Công nghệ: 96,35 điểm, đồng xếp thứ Nhất",
			"01 suất chưa xác định: Sở Công Thương và Sở Khoa học và Công nghệ bằng điểm",
			"b) Bằng khen của Chủ tịch UBND tỉnh: chưa xét, chờ phân định trường hợp bằng điểm nêu trên.",
		}, []string{"(đơn vị xếp thứ"}},
		{"a tie that decides no award → a shared rank, no warning", "shared-rank.csv", documents.Options{}, []string{
			"Sở Nông nghiệp và Phát triển nông thôn: 79,85 điểm, đồng xếp thứ Sáu (đồng hạng với Thanh tra tỉnh: bằng nhau theo mọi tiêu chí ưu tiên, không ảnh hưởng đến khen thưởng)",
			"Thanh tra tỉnh: 79,85 điểm, đồng xếp thứ Sáu (đồng hạng với Sở Nông nghiệp và Phát triển nông thôn",
		}, []string{"CHƯA ĐỦ CĂN CỨ ĐỂ TRÌNH", "chưa phân định"}},
		{"English labels, English numbers", "scores-2020.csv", documents.Options{Lang: lang.English}, []string{
			"SOCIALIST REPUBLIC OF VIET NAM", "SUBMISSION", "On the proposal to award Cờ thi đua của UBND tỉnh and Bằng khen của Chủ tịch UBND tỉnh for 2020",
			"Sở Công Thương: 96.35 points, ranked first;", "**Sở Công Thương** (ranked first, 96.35 points)",
			"We respectfully submit these proposals for the provincial Emulation and Commendation Council to consider and the Chairman of the provincial People's Committee to decide./.",
		}, []string{"96,35", "Kính gửi"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rb, st := rank(t, c.sheet)
			md := render(t, documents.Submission, documents.Markdown, rb, st, c.opts)
			rest := md
			for _, w := range c.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("no %q (in order) in:\n%s", w, md)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range c.not {
				if strings.Contains(md, n) {
					t.Errorf("unexpected %q in:\n%s", n, md)
				}
			}
		})
	}
}

// TestLawPlaceholder: a rulebook whose legal basis does not name the Law on
// Emulation and Commendation gets a placeholder for it, and its regulation
// is cited with its kind, number, date and issuer.
func TestLawPlaceholder(t *testing.T) {
	rb := mustRulebook(t, `
id: x
version: "1"
title: Bảng điểm Khối thi đua
jurisdiction: Tỉnh Nghệ An
regulation:
  number: 77/2025/QĐ-UBND
  title: Quy định đánh giá, chấm điểm, xếp loại thi đua hằng năm
  issuer: UBND tỉnh Nghệ An
  date: 2025-10-23
  legal_basis: [Nghị định 152/2025/NĐ-CP]
criteria:
  - {id: I, name: Chuyên môn, max: 100}
awards:
  - {id: flag, name: Cờ thi đua của UBND tỉnh, count: 1}
`)
	st := rankSheet(t, rb, "A:90", "B:80")
	md := render(t, documents.Submission, documents.Markdown, rb, st, documents.Options{})
	for _, w := range []string{
		"Căn cứ Luật Thi đua, khen thưởng (số, ngày ban hành của Luật đang có hiệu lực: …);",
		"Căn cứ Nghị định 152/2025/NĐ-CP;",
		"Căn cứ Quyết định số 77/2025/QĐ-UBND ngày 23 tháng 10 năm 2025 của UBND tỉnh Nghệ An ban hành Quy định đánh giá, chấm điểm, xếp loại thi đua hằng năm;",
		"Về việc đề nghị tặng Cờ thi đua của UBND tỉnh**\n",
		"Cụm có 02 đơn vị thành viên.",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("no %q in:\n%s", w, md)
		}
	}
	if strings.Contains(md, "năm 0") {
		t.Errorf("a sheet without a year gives %q:\n%s", "năm 0", md)
	}
}

func mustRulebook(t testing.TB, yaml string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Parse("test.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// rankSheet ranks members given as "ID:points" on the single criterion I.
func rankSheet(t testing.TB, rb *rules.Rulebook, members ...string) *ranking.Standings {
	t.Helper()
	var sh scoring.Sheet
	for _, m := range members {
		id, v, _ := strings.Cut(m, ":")
		name := id
		if n, rest, ok := strings.Cut(id, "="); ok {
			id, name = n, rest
		}
		sh.Members = append(sh.Members, scoring.Member{ID: id, Name: name})
		sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: "I", Stage: "cluster", Value: decimal.RequireFromString(v)})
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestEscaping: names from the data cannot break the Markdown table or
// inject HTML.
func TestEscaping(t *testing.T) {
	rb := mustRulebook(t, `
id: x
version: "1"
title: T
criteria:
  - {id: I, name: "Nhóm <b>I</b> | *một*", max: 100}
awards:
  - {id: flag, name: Cờ thi đua, count: 1}
`)
	st := rankSheet(t, rb, "A=Sở <script>alert(1)</script>:90", "B=Sở A | B *C* _D_:80")
	html := render(t, documents.Summary, documents.HTML, rb, st, documents.Options{})
	if strings.Contains(html, "<script>") || strings.Contains(html, "<b>I</b>") {
		t.Errorf("unescaped markup in the HTML:\n%s", html)
	}
	if !strings.Contains(html, "Sở &lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the member's name is not in the HTML, escaped")
	}
	md := render(t, documents.Summary, documents.Markdown, rb, st, documents.Options{})
	rows := tableRows(md)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2:\n%s", len(rows), md)
	}
	if rows[1][1] != `Sở A \| B \*C\* \_D\_` {
		t.Errorf("member cell %q: the name is not escaped", rows[1][1])
	}
	if strings.Contains(md, "<script>") {
		t.Errorf("raw <script> in the Markdown")
	}
}

func TestErrors(t *testing.T) {
	rb, st := rank(t, "scores-2020.csv")
	other := mustRulebook(t, `
id: other
version: "1"
title: T
criteria:
  - {id: I, name: I, max: 100}
`)
	if _, err := documents.New(documents.Summary, other, st, documents.Options{}); !errors.Is(err, documents.ErrRulebookMismatch) {
		t.Errorf("standings of another rulebook: %v, want ErrRulebookMismatch", err)
	}
	bare := *st
	bare.Rows = append([]ranking.Row(nil), st.Rows...)
	for i := range bare.Rows {
		bare.Rows[i].Card = scoring.Scorecard{}
	}
	if _, err := documents.New(documents.Summary, rb, &bare, documents.Options{}); !errors.Is(err, documents.ErrNoScorecards) {
		t.Errorf("standings without scorecards: %v, want ErrNoScorecards", err)
	}
	if _, err := documents.New(documents.Submission, rb, &bare, documents.Options{}); err != nil {
		t.Errorf("a submission needs no scorecard for untied standings: %v", err)
	}
	if _, err := documents.New("minutes", rb, st, documents.Options{}); !errors.Is(err, documents.ErrUnknownKind) {
		t.Errorf("unknown kind: %v", err)
	}
	if _, err := documents.New(documents.Summary, rb, st, documents.Options{Lang: lang.Tag(9)}); err == nil {
		t.Error("unknown language: no error")
	}
	d, err := documents.New(documents.Summary, rb, st, documents.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write(io.Discard, "pdf"); !errors.Is(err, documents.ErrUnknownFormat) {
		t.Errorf("unknown format: %v", err)
	}
}

// TestDOCX: the Word document is a zip whose parts are well-formed XML, with
// the members, the numbers and the page set to A4 landscape for the summary
// and portrait for the submission; the same document gives the same bytes.
func TestDOCX(t *testing.T) {
	rb, st := rank(t, "scores-2020.csv")
	cases := []struct {
		kind documents.Kind
		page string
		want []string
	}{
		{documents.Summary, `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, []string{"Sở Công Thương", "96,35", "NGƯỜI LẬP BIỂU", `w:vMerge w:val="restart"`, "<w:tblHeader/>"}},
		{documents.Submission, `<w:pgSz w:w="11906" w:h="16838"/>`, []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ TRÌNH", "xếp thứ Nhì", "94,70"}},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			out := render(t, c.kind, documents.DOCX, rb, st, documents.Options{})
			again := render(t, c.kind, documents.DOCX, rb, st, documents.Options{})
			if out != again {
				t.Error("two renderings of the same document differ")
			}
			z, err := zip.NewReader(strings.NewReader(out), int64(len(out)))
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, f := range z.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				parts[f.Name] = string(b)
				dec := xml.NewDecoder(bytes.NewReader(b))
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
					}
				}
			}
			for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
				if _, ok := parts[p]; !ok {
					t.Errorf("no part %s", p)
				}
			}
			doc := parts["word/document.xml"]
			for _, w := range append(c.want, c.page) {
				if !strings.Contains(doc, w) {
					t.Errorf("no %q in word/document.xml", w)
				}
			}
		})
	}
}

// TestSummaryByPercent: a cluster ranked by percentage, where a group is not
// assigned to one member and another has a bonus, gets a percentage column,
// a dash for the group not assigned, the bonus, and a tier given as a share.
func TestSummaryByPercent(t *testing.T) {
	book := mustRulebook(t, `
id: pct
version: "1"
title: Bảng điểm
rank_by: percent
rounding: {percent: {places: 2}}
criteria:
  - {id: I, name: Chuyên môn, max: 60}
  - {id: II, name: Phong trào, max: 40}
bonus:
  items: [{id: co, name: Cờ năm trước, points: 5}]
awards:
  - {id: merit, name: Bằng khen, share: 50%}
`)
	sh := scoring.Sheet{Cluster: "Khối X", Year: 2024}
	for _, m := range []struct {
		id     string
		i, ii  string
		notII  bool
		bonus  int
		points string
	}{{"A", "50", "", true, 0, ""}, {"B", "50", "30", false, 1, ""}, {"C", "40", "30", false, 0, ""}} {
		sh.Members = append(sh.Members, scoring.Member{ID: m.id, Name: "Đơn vị " + m.id})
		sh.Scores = append(sh.Scores, scoring.Entry{Member: m.id, Criterion: "I", Stage: "cluster", Value: decimal.RequireFromString(m.i)})
		if m.notII {
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: m.id, Criterion: "II"})
		} else {
			sh.Scores = append(sh.Scores, scoring.Entry{Member: m.id, Criterion: "II", Stage: "cluster", Value: decimal.RequireFromString(m.ii)})
		}
		if m.bonus > 0 {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: m.id, Item: "co", Count: m.bonus})
		}
	}
	st, err := ranking.Rank(book, sh)
	if err != nil {
		t.Fatal(err)
	}
	md := render(t, documents.Summary, documents.Markdown, book, st, documents.Options{})
	for _, w := range []string{
		"# BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024", "**Tỷ lệ (%)**",
		"| 1 | Đơn vị B | 50 | 30 | 80 | 5 | 0 | **85** | 85,00 | 1 | **Bằng khen** |",
		"| 2 | Đơn vị A | 50 | — | 50 | 0 | 0 | **50** | 83,33 | 2 |",
		"- —: nhóm tiêu chí không được giao cho đơn vị (tỷ lệ tính trên số điểm được giao)",
		"Bằng khen: 50% số đơn vị thành viên (01 tập thể).",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("no %q in:\n%s", w, md)
		}
	}
}

// TestStandingsFromJSON writes a submission from standings read back from
// JSON, without scorecards: a tie decided by last year's award is still
// explained from the decision's values, on both sides.
func TestStandingsFromJSON(t *testing.T) {
	rb, err := rules.Load(cum2 + "rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(rb, cum2+"unresolved-tie.csv")
	if err != nil {
		t.Fatal(err)
	}
	sh.History = append(sh.History, scoring.PastAward{Member: "SCT", Year: sh.Year - 1, Award: "flag"})
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var back ranking.Standings
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for i := range back.Rows {
		back.Rows[i].Card = scoring.Scorecard{}
	}
	md := render(t, documents.Submission, documents.Markdown, rb, &back, documents.Options{})
	for _, want := range []string{
		fmt.Sprintf("năm %d chưa được tặng", sh.Year-1),
		fmt.Sprintf("năm %d đã được tặng Cờ thi đua", sh.Year-1),
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the submission lacks %q:\n%s", want, md)
		}
	}
}
