package xlsx_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/sheets/xlsx"
)

// TestCheck validates filled templates against the rulebook: scoring's
// problems name the cell they concern, and what follows from a cell that
// could not be read is not reported again.
func TestCheck(t *testing.T) {
	rb := loadRulebook(t)
	csv := loadCSV(t, rb, "scores-2020.csv")
	base := newFiller(t, rb, template(t, rb, csv)).fill(csv)
	// In the template: SKHCN's rows are 8 (Tự chấm) and 9 (Cụm chấm);
	// 03 is column G, 04 column H.
	tests := []struct {
		name  string
		edit  map[string]string // cell → new text ("" clears it)
		want  []string
		valid bool
	}{
		{name: "the filled template is valid", valid: true},
		{
			name: "a score above the maximum names its cell",
			edit: map[string]string{"G9": "21"},
			want: []string{"PATH:9: member SKHCN: 03: Bảng điểm!G9: 21 points is above the maximum"},
		},
		{
			name: "a missing score names the member's first cell",
			edit: map[string]string{"H8": "", "H9": ""},
			want: []string{"PATH:8: member SKHCN: 04: Bảng điểm!A8: no score given"},
		},
		{
			name: "a cell that cannot be read is reported once",
			edit: map[string]string{"H8": "chín", "H9": "x"},
			want: []string{
				`PATH:8: member SKHCN: 04: Bảng điểm!H8: expected a number like 9.75 or 9,75, found "chín"`,
				`PATH:9: member SKHCN: 04: Bảng điểm!H9: expected a number like 9.75 or 9,75, found "x"`,
			},
		},
		{
			name: "a pass/fail criterion given 2, and an assessor's second row",
			edit: map[string]string{"E9": "2", "A36": "SKHCN", "B36": "Sở Khoa học và Công nghệ", "C36": "Cụm chấm", "D36": "SGTVT", "M36": "9"},
			want: []string{
				"PATH:9: member SKHCN: 01: Bảng điểm!E9: pass/fail takes 1",
				"PATH:36: member SKHCN: 08: Bảng điểm!M36: a second cluster score by SGTVT",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytesReader(base))
			require.NoError(t, err)
			for cell, v := range tc.edit {
				require.NoError(t, f.SetCellStr(xlsx.SheetScores, cell, v))
			}
			path := filepath.Join(t.TempDir(), "scores.xlsx")
			require.NoError(t, f.SaveAs(path))
			sh, warnings, err := xlsx.Check(rb, path, xlsx.Options{})
			checkTexts(t, err, warnings)
			if tc.valid {
				require.NoError(t, err)
				require.Equal(t, csv.Hash(), sh.Hash())
				return
			}
			es := inputErrors(t, err)
			var got []string
			for _, e := range es {
				got = append(got, e.Error())
			}
			// Where a problem is (the reader's part) is compared exactly;
			// what scoring says about it, by its first words.
			require.Len(t, got, len(tc.want), "errors:\n%s", messages(got))
			for i, w := range tc.want {
				w = path + w[len("PATH"):]
				if len(got[i]) > len(w) {
					got[i] = got[i][:len(w)]
				}
				if d := cmp.Diff(w, got[i]); d != "" {
					t.Errorf("error %d (-want +got):\n%s", i, d)
				}
			}
		})
	}
	t.Run("a workbook that cannot be read is not scored", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "scores.xlsx")
		require.NoError(t, os.WriteFile(path, []byte("not a workbook"), 0o644))
		_, warnings, err := xlsx.Check(rb, path, xlsx.Options{})
		checkTexts(t, err, warnings)
		es := inputErrors(t, err)
		require.Len(t, es, 1)
	})
}
