package documents_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// The submission (tờ trình) for the Cụm II example, Markdown: its proposals.
func ExampleNew() {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	if err != nil {
		log.Fatal(err)
	}
	sheet, err := sheets.Check(rb, "../examples/cum2/scores-2020.csv")
	if err != nil {
		log.Fatal(err)
	}
	st, err := ranking.Rank(rb, sheet)
	if err != nil {
		log.Fatal(err)
	}
	doc, err := documents.New(documents.Submission, rb, st, documents.Options{Place: "Cao Bằng"})
	if err != nil {
		log.Fatal(err)
	}
	var md bytes.Buffer
	if err := doc.Write(&md, documents.Markdown); err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "Về việc") || strings.HasPrefix(line, "**Về việc") ||
			strings.HasPrefix(line, "a) ") || strings.HasPrefix(line, "b) ") || strings.HasPrefix(line, "- **") {
			fmt.Println(line)
		}
	}
	// Output:
	// **Về việc đề nghị tặng Cờ thi đua của UBND tỉnh và Bằng khen của Chủ tịch UBND tỉnh năm 2020**
	// a) Cờ thi đua của UBND tỉnh cho 01 tập thể:
	// - **Sở Công Thương** (đơn vị xếp thứ Nhất, 96,35 điểm);
	// b) Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể:
	// - **Sở Khoa học và Công nghệ** (đơn vị xếp thứ Nhì, 94,70 điểm);
	// - **Sở Xây dựng** (đơn vị xếp thứ Ba, 88,75 điểm).
}

// Numbers are written from the exact decimal, in the language's style.
func ExampleNumber() {
	total := decimal.RequireFromString("96.35")
	fmt.Println(documents.Number(total, 2, lang.Vietnamese))
	fmt.Println(documents.Number(decimal.RequireFromString("94.7"), 2, lang.Vietnamese))
	fmt.Println(documents.Number(decimal.RequireFromString("1250.5"), 1, lang.Vietnamese))
	fmt.Println(documents.Number(total, 2, lang.English))
	// Output:
	// 96,35
	// 94,70
	// 1.250,5
	// 96.35
}

// Ranks in words, as the cluster's minutes write them.
func ExampleOrdinal() {
	for _, n := range []int{1, 2, 3, 4, 11, 21} {
		fmt.Println(documents.Ordinal(n, lang.Vietnamese))
	}
	fmt.Println(documents.Ordinal(2, lang.English))
	// Output:
	// thứ Nhất
	// thứ Nhì
	// thứ Ba
	// thứ Tư
	// thứ Mười một
	// thứ Hai mươi mốt
	// second
}
