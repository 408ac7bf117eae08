package synth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/sheets"
)

// TestClusterRanks checks that generated clusters load, validate and rank,
// that the written files read back to the same sheet, and that the same
// Config gives the same files.
func TestClusterRanks(t *testing.T) {
	for _, c := range []Config{{Members: 7, Criteria: 8, Seed: 1}, {Members: 10, Criteria: 30, Seed: 2}, {Members: 60, Criteria: 150, Seed: 3}} {
		rb, sh, err := Cluster(c)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(rb.Nodes()); got != c.Criteria+(c.Criteria+9)/10 {
			t.Errorf("%+v: %d nodes", c, got)
		}
		st, err := ranking.Rank(rb, sh)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if len(st.Rows) != c.Members {
			t.Errorf("%+v: %d rows", c, len(st.Rows))
		}
		dir := t.TempDir()
		if err := Write(dir, c); err != nil {
			t.Fatal(err)
		}
		rb2, err := rules.Load(filepath.Join(dir, "rulebook.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		sh2, _, err := scoresheet.Load(rb2, filepath.Join(dir, "scores.csv"))
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if err := sheets.WriteCSV(&a, sh); err != nil {
			t.Fatal(err)
		}
		if err := sheets.WriteCSV(&b, sh2); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%+v: the written sheet reads back differently", c)
		}
		if !bytes.Equal(RulebookYAML(c), RulebookYAML(c)) || a.String() != func() string {
			var x bytes.Buffer
			_ = sheets.WriteCSV(&x, Sheet(c))
			return x.String()
		}() {
			t.Errorf("%+v: not deterministic", c)
		}
	}
}

// TestWriteFiles writes a cluster for the CLI when THIDUA_SYNTH_DIR is set:
// THIDUA_SYNTH=60x150 (members × criteria, default 60x150) and
// THIDUA_SYNTH_SEED (default 1).
func TestWriteFiles(t *testing.T) {
	dir := os.Getenv("THIDUA_SYNTH_DIR")
	if dir == "" {
		t.Skip("THIDUA_SYNTH_DIR not set")
	}
	c := Config{Members: 60, Criteria: 150, Seed: 1}
	if s := os.Getenv("THIDUA_SYNTH"); s != "" {
		if _, err := fmt.Sscanf(s, "%dx%d", &c.Members, &c.Criteria); err != nil {
			t.Fatalf("THIDUA_SYNTH=%q: want MEMBERSxCRITERIA", s)
		}
	}
	if s := os.Getenv("THIDUA_SYNTH_SEED"); s != "" {
		if _, err := fmt.Sscan(s, &c.Seed); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(dir, c); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %+v to %s", c, dir)
}
