package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestLibreOffice opens the workbooks this package writes in a real
// spreadsheet program, if LibreOffice Calc is installed, and has it save
// them again: the filled template saved by Calc must read back as the same
// sheet (its numbers, shared strings and styles are Calc's own), and the
// results must open with their totals intact.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no LibreOffice")
	}
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed (apt-get install libreoffice-calc to run this test)")
	}
	rb := loadRulebook(t)
	csv := loadCSV(t, rb, "scores-2020.csv")
	st, err := ranking.Rank(rb, csv)
	require.NoError(t, err)
	var results bytes.Buffer
	require.NoError(t, xlsx.WriteResults(&results, rb, st, xlsx.ResultOptions{Scorecards: true}))

	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	require.NoError(t, os.Mkdir(in, 0o755))
	files := map[string][]byte{"filled.xlsx": newFiller(t, rb, template(t, rb, csv)).fill(csv), "results.xlsx": results.Bytes()}
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(in, name), data, 0o644))
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		msg, err := exec.CommandContext(ctx, bin, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
			"--convert-to", "xlsx:Calc Office Open XML", "--outdir", out, filepath.Join(in, name)).CombinedOutput()
		cancel()
		require.NoError(t, err, "soffice: %s", msg)
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			if bytes.Contains(msg, []byte("source file could not be loaded")) {
				t.Skip("LibreOffice Calc is not installed (only its core): apt-get install libreoffice-calc")
			}
			t.Fatalf("LibreOffice did not convert %s: %v\n%s", name, err, msg)
		}
	}

	sh, warnings, err := xlsx.Load(filepath.Join(out, "filled.xlsx"), nil, rb)
	require.NoError(t, err)
	require.Empty(t, warnings)
	require.Equal(t, csv.Hash(), sh.Hash(), "the template, filled and saved by LibreOffice, reads back as the CSV sheet")

	f, err := excelize.OpenFile(filepath.Join(out, "results.xlsx"))
	require.NoError(t, err)
	defer f.Close()
	for i, row := range st.Rows {
		v, err := f.GetCellValue(xlsx.SheetStandings, "D"+itoa(6+i), excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		require.Equal(t, row.Total.String(), v, "total of %s as LibreOffice saved it", row.Member.ID)
	}
}

func itoa(n int) string { return fmt.Sprint(n) }
