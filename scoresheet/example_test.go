package scoresheet_test

import (
	"fmt"
	"os"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
)

// An embedder ranks the Cụm II 2020 sheet kept in three ways — an Excel
// workbook, a CSV file and a stream (a server's upload, standard input) —
// with one call for every file, whatever its format, and its twin for a
// stream, then ranking.Rank. The three are the same sheet (the same hash)
// and rank alike.
func Example() {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	rank := func(what string, sh scoring.Sheet, warnings []scoresheet.Warning, err error) {
		if err != nil {
			fmt.Println(what, err) // every problem, with its file and line or cell
			return
		}
		for _, w := range warnings {
			fmt.Println(what, "warning:", w) // a workbook's formula that disagrees, …
		}
		st, err := ranking.Rank(rb, sh)
		if err != nil {
			fmt.Println(what, err)
			return
		}
		top := st.Rows[0]
		fmt.Printf("%-8s %s…  1. %s %s %v\n", what, sh.Hash()[:14], top.Member.Name, top.Total, top.Awards)
	}

	// Files: the format is the extension's.
	for _, path := range []string{"../sheets/xlsx/testdata/seed-cum2-2020.xlsx", "../examples/cum2/scores-2020.csv"} {
		f, _ := scoresheet.FormatOf(path)
		sh, warnings, err := scoresheet.Check(rb, path)
		rank(f.String(), sh, warnings, err)
	}

	// A stream: the format is given.
	upload, err := os.Open("../examples/cum2/scores-2020.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer upload.Close()
	sh, warnings, err := scoresheet.CheckReader(rb, "upload", upload, scoresheet.JSON)
	rank("stream", sh, warnings, err)

	// Output:
	// xlsx     sha256:018742a…  1. Sở Công Thương 96.35 [flag]
	// csv      sha256:018742a…  1. Sở Công Thương 96.35 [flag]
	// stream   sha256:018742a…  1. Sở Công Thương 96.35 [flag]
}
