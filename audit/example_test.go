package audit_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// Audit the published result of Cụm II, 2020: the minutes' ranks and
// awards follow from the score sheet under the rulebook.
func Example() {
	r, err := audit.AuditFiles(context.Background(), "../examples/cum2/rulebook.yaml", "../examples/cum2/scores-2020.csv", "../examples/cum2/recorded-2020.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Clean, r.Verdict)
	fmt.Println(strings.HasPrefix(r.Inputs.Recorded.Hash, "sha256:"))
	for _, m := range r.Members[:3] {
		fmt.Println(m.RecordedRank, m.Name, m.RecordedTotal, m.RecordedAwards, m.Status)
	}
	// Output:
	// true Clean: every recorded total, rank and award follows from the score sheet under the rulebook in force; the recomputation matches the minutes.
	// true
	// 1 Sở Công Thương 96.35 [flag] ok
	// 2 Sở Khoa học và Công nghệ 94.7 [merit] ok
	// 3 Sở Xây dựng 88.75 [merit] ok
}

// Audit minutes that give the flag to a member short of the votes the
// rulebook requires, and rank two members the wrong way round.
func ExampleAudit() {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	sheet, err := sheets.Load("../examples/cum2/scores-2020.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	sheet.Ballot.Votes[5].For = 4 // Sở Công Thương: 4 votes of 7
	minutes := `record,member,key,value
rank,SCT,,1
award,SCT,flag
rank,SKHCN,,2
award,SKHCN,merit
rank,SXD,,4
award,SXD,merit
rank,STNMT,,3
`
	rec, err := audit.ReadCSV("minutes.csv", strings.NewReader(minutes))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := audit.Audit(context.Background(), rb, sheet, rec)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		if f.Severity == audit.Error {
			fmt.Printf("%s %s: %s\n", f.Kind, f.Member, f.Message)
		}
	}
	// Output:
	// order SXD: The minutes put Sở Xây dựng (SXD) at rank 4, but the recomputed standings place it at rank 3 (below Sở Khoa học và Công nghệ (SKHCN) by total: 88.75 < 94.7).
	// order STNMT: The minutes put Sở Tài nguyên và Môi trường (STNMT) at rank 3, but the recomputed standings place it at rank 4 (below Sở Xây dựng (SXD) by total: 86.4 < 88.75).
	// award_votes SCT: Sở Công Thương (SCT) is proposed for Cờ thi đua của UBND tỉnh without the votes it requires (phieu_80: Được từ 80% thành viên cụm bỏ phiếu tán thành): 4 votes of 7 members, 80% needed.
	// award_skipped SKHCN: Sở Khoa học và Công nghệ (SKHCN), at recomputed rank 2 and meeting the conditions of Cờ thi đua của UBND tỉnh, is passed over for it in favour of Sở Công Thương (SCT), at recomputed rank 1.
}

// A finding says itself in either language: Vietnamese quotes the
// engine's values in Vietnamese too, with decimal commas.
func ExampleFinding_Text() {
	r, err := audit.AuditFiles(context.Background(), "../examples/cum2/rulebook.yaml", "../examples/cum2/recorded-2020-errors-sheet.csv", "../examples/cum2/recorded-2020-errors.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		if f.Kind == audit.KindOrder && f.Member == "SGTVT" {
			fmt.Println(f.Severity.Label(lang.Vietnamese), "|", f.Kind.Label(lang.Vietnamese), "|", f.Text(lang.Vietnamese))
			fmt.Println(f.Severity.Label(lang.English), "|", f.Kind.Label(lang.English), "|", f.Text(lang.English))
		}
	}
	// Output:
	// lỗi | sai thứ hạng | Biên bản xếp Sở Giao thông Vận tải (SGTVT) hạng 4, nhưng theo kết quả tính lại đơn vị này xếp hạng 5 (xếp sau Sở Tài nguyên và Môi trường (STNMT) theo tổng điểm: 81,75 < 86,28).
	// error | order | The minutes put Sở Giao thông Vận tải (SGTVT) at rank 4, but the recomputed standings place it at rank 5 (below Sở Tài nguyên và Môi trường (STNMT) by total: 81.75 < 86.28).
}

// Write a report in Vietnamese, the language of the minutes: labels,
// verdict, findings and numbers (decimal commas). Write keeps English.
func ExampleReport_WriteIn() {
	r, err := audit.AuditFiles(context.Background(), "../examples/cum2/rulebook.yaml", "../examples/cum2/recorded-2020-errors-sheet.csv", "../examples/cum2/recorded-2020-errors.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := r.WriteIn(&b, audit.Markdown, lang.Vietnamese); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "**") || strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "| 12 |") {
			fmt.Println(line)
		}
	}
	// Output:
	// **Không đạt:** Kết quả ghi trong biên bản không đúng với bảng điểm và bộ tiêu chí: 19 lỗi và 4 cảnh báo.
	// ## Phát hiện: 19 lỗi, 4 cảnh báo, 0 thông tin
	// | 12 | lỗi | sai thứ hạng | Sở Tài nguyên và Môi trường |  | hạng 5, tổng điểm 86,28 | trên hạng 4 (tổng điểm 81,75) | Biên bản xếp Sở Tài nguyên và Môi trường hạng 5 với tổng điểm 86,28, sau Sở Giao thông Vận tải hạng 4 với 81,75: đơn vị có tổng điểm cao hơn không thể xếp hạng thấp hơn. | ../examples/cum2/recorded-2020-errors.csv:47 |
	// ## Đối chiếu biên bản với kết quả tính lại, từng đơn vị
}

// Read a recorded result written with semicolons and decimal commas, as a
// spreadsheet saves it in Vietnamese settings.
func ExampleReadCSV() {
	text := "record;member;key;value;note\n" +
		"member;SCT;name;Sở Công Thương;\n" +
		"rank;SCT;;1;\n" +
		"total;SCT;;96,35;\n" +
		"tiebreak;SXD;group I;SKHCN;nhiều điểm nhóm I hơn\n"
	rec, err := audit.ReadCSV("minutes.csv", strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := rec.Member("SCT")
	fmt.Println(m.Name, m.Rank.N, m.Total.Value, "line", m.Total.Source.Line)
	t := rec.TieBreaks[0]
	fmt.Printf("%s above %s by %s (%s)\n", t.Upper, t.Lower, t.Rule, t.Note)
	_, err = audit.ReadCSV("minutes.csv", strings.NewReader("record,member,key,value\nrank,SCT,,first\n"))
	fmt.Println(err)
	// Output:
	// Sở Công Thương 1 96.35 line 4
	// SKHCN above SXD by group I (nhiều điểm nhóm I hơn)
	// minutes.csv:2: member SCT: rank: expected a whole number from 1, found "first"
}

// Audit a folder of cluster-year folders, streaming the results in folder
// order; a folder missing a file is reported and the batch goes on.
func ExampleBatch() {
	dir, err := os.MkdirTemp("", "thidua-batch-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	put := func(folder, name, from string) {
		os.MkdirAll(filepath.Join(dir, folder), 0o755)
		data, _ := os.ReadFile(filepath.Join("../examples/cum2", from))
		os.WriteFile(filepath.Join(dir, folder, name), data, 0o644)
	}
	put("caobang/2020/cum2", "rulebook.yaml", "rulebook.yaml")
	put("caobang/2020/cum2", "scores.csv", "scores-2020.csv")
	put("caobang/2020/cum2", "recorded.csv", "recorded-2020.csv")
	put("caobang/2020/cum2-errors", "rulebook.yaml", "rulebook.yaml")
	put("caobang/2020/cum2-errors", "scores.csv", "recorded-2020-errors-sheet.csv")
	put("caobang/2020/cum2-errors", "recorded.csv", "recorded-2020-errors.csv")
	put("caobang/2020/cum3", "rulebook.yaml", "rulebook.yaml")

	sum, err := audit.Batch(context.Background(), dir, func(c audit.ClusterResult) error {
		if c.Err != nil {
			fmt.Println(c.Dir, "—", strings.TrimPrefix(c.Err.Error(), "malformed cluster folder: "))
			return nil
		}
		fmt.Println(c.Dir, "—", c.Report.Counts.Errors, "errors,", c.Report.Counts.Warnings, "warnings")
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d clusters, %d clean, %d with errors, %d malformed\n", sum.Clusters, sum.Clean, sum.WithErrors, sum.Malformed)
	// Output:
	// caobang/2020/cum2 — 0 errors, 0 warnings
	// caobang/2020/cum2-errors — 19 errors, 4 warnings
	// caobang/2020/cum3 — no score sheet (scores.csv)
	// 3 clusters, 1 clean, 1 with errors, 1 malformed
}
