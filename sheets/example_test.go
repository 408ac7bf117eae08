package sheets_test

import (
	"fmt"
	"strings"

	"github.com/thidua/thidua/sheets"
)

// Read a small score sheet, as Excel with a Vietnamese locale saves it
// (semicolons, decimal commas), and print its members and scores.
func ExampleReadCSV() {
	const text = `record;member;key;value;stage;assessor
cluster;;name;Cụm II;;
cluster;;year;2020;;
member;SCT;name;Sở Công Thương;;
member;SXD;name;Sở Xây dựng;;
# cluster-stage scores, one per assessor for criterion 08
score;SCT;08;9,5;cluster;TTT
score;SCT;08;9;cluster;SKHCN
score;SXD;08;8,75;cluster;SCT
score;SXD;07;không giao;cluster;
`
	sh, err := sheets.ReadCSV("cum2.csv", strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sh.Cluster, sh.Year)
	for _, m := range sh.Members {
		fmt.Printf("%s: %s\n", m.ID, m.Name)
	}
	for _, s := range sh.Scores {
		fmt.Printf("%s %s %s (%s, line %d)\n", s.Member, s.Criterion, s.Value, s.Assessor, s.Source.Line)
	}
	for _, a := range sh.NotAssigned {
		fmt.Printf("%s %s not assigned\n", a.Member, a.Criterion)
	}
	// Output:
	// Cụm II 2020
	// SCT: Sở Công Thương
	// SXD: Sở Xây dựng
	// SCT 08 9.5 (TTT, line 7)
	// SCT 08 9 (SKHCN, line 8)
	// SXD 08 8.75 (SCT, line 9)
	// SXD 07 not assigned
}

// Errors name the file, the line, the member and the criterion; every bad
// row is reported at once.
func ExampleReadCSV_errors() {
	const text = `record,member,key,value,stage
score,SCT,08,"1.234,5",cluster
score,SXD,08,abc,cluster
fact,SXD,no_discipline,maybe,
`
	_, err := sheets.ReadCSV("cum2.csv", strings.NewReader(text))
	fmt.Println(err)
	// Output:
	// cum2.csv:2: member SCT: 08: expected a number like 9.75 or 9,75, found "1.234,5"
	// cum2.csv:3: member SXD: 08: expected a number like 9.75 or 9,75, found "abc"
	// cum2.csv:4: member SXD: no_discipline: expected true or false (yes/no, có/không, 1/0), found "maybe"
}

func ExampleParseDecimal() {
	for _, s := range []string{"9,75", "9.75", "1.234,5"} {
		d, err := sheets.ParseDecimal(s)
		fmt.Println(d, err)
	}
	// Output:
	// 9.75 <nil>
	// 9.75 <nil>
	// 0 expected a number like 9.75 or 9,75, found "1.234,5"
}
