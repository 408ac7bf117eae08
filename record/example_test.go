package record_test

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"strings"
	"time"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// A cluster secretariat seals its 2020 result, signed; years later an
// auditor verifies it against the rulebook and the sheet, with the
// secretariat's public key — and then against a sheet changed since.
func Example() {
	rb, err := rules.Load("testdata/rulebook.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	sh, err := sheets.Check(rb, "testdata/scores-2020.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := ranking.Rank(rb, sh, ranking.WithSeed(7)) // SXD and SYT are drawn by lots
	if err != nil {
		fmt.Println(err)
		return
	}
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	rec, err := record.Seal(rb, sh, st, record.Options{Key: key, Now: time.Date(2021, 1, 5, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	file := rec.Marshal() // what is archived: one line of canonical JSON

	back, err := record.Parse(file)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := record.Verify(back, record.Check{Rulebook: rb, Sheet: &sh, PublicKey: key.Public().(ed25519.PublicKey)})
	fmt.Println("verified:", rep.OK())
	fmt.Println("lots:", back.Lots.Draws)

	other, _ := sheets.Check(rb, "testdata/scores-2022.csv")
	rep = record.Verify(back, record.Check{Rulebook: rb, Sheet: &other})
	fmt.Println("kinds:", rep.Kinds())
	for _, f := range rep.Findings {
		if f.Status == record.Failed {
			text, _, _ := strings.Cut(f.Text(lang.Vietnamese), " sha256:")
			fmt.Println(text)
		}
	}
	// Output:
	// verified: true
	// lots: [[SXD SYT]]
	// kinds: [unknown_key changed_sheet]
	// hồ sơ được ký bằng khóa
	// bảng điểm đã thay đổi: hồ sơ ghi
}
