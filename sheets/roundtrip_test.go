package sheets_test

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// roundTrip writes sh as CSV and reads it back.
func roundTrip(t testing.TB, sh scoring.Sheet) scoring.Sheet {
	t.Helper()
	text := writeString(t, sh)
	back, err := sheets.ReadCSV("written.csv", strings.NewReader(text))
	require.NoError(t, err, "reading back:\n%s", text)
	return back
}

func TestRoundTripExamples(t *testing.T) {
	for _, name := range exampleCSVs {
		t.Run(name+" reads back equal after WriteCSV", func(t *testing.T) {
			sh, err := sheets.ReadCSV(name, bytes.NewReader(readExample(t, name)))
			require.NoError(t, err)
			require.NotEmpty(t, sh.Scores)
			back := roundTrip(t, sh)
			if d := cmp.Diff(sh, back, ignoreSource); d != "" {
				t.Errorf("round trip mismatch (-read +read back):\n%s", d)
			}
			require.Equal(t, sh.Hash(), back.Hash())
		})
	}
	t.Run("scores-2020.json reads back equal after WriteCSV", func(t *testing.T) {
		sh, err := sheets.ParseJSON("scores-2020.json", readExample(t, "scores-2020.json"))
		require.NoError(t, err)
		back := roundTrip(t, sh)
		if d := cmp.Diff(sh, back, ignoreSource); d != "" {
			t.Errorf("round trip mismatch (-read +read back):\n%s", d)
		}
	})
	t.Run("writing what was read back gives the same text", func(t *testing.T) {
		sh, err := sheets.ReadCSV("x.csv", bytes.NewReader(readExample(t, "scores-2020.csv")))
		require.NoError(t, err)
		first := writeString(t, sh)
		require.Equal(t, first, writeString(t, roundTrip(t, sh)))
	})
	t.Run("the small JSON sheet, with every kind of row, reads back equal", func(t *testing.T) {
		sh := smallSheet("")
		back := roundTrip(t, sh)
		if d := cmp.Diff(sh, back, ignoreSource); d != "" {
			t.Errorf("round trip mismatch (-written +read back):\n%s", d)
		}
	})
}

func TestExampleCSVAndJSONAgree(t *testing.T) {
	fromCSV, err := sheets.ReadCSV("scores-2020.csv", bytes.NewReader(readExample(t, "scores-2020.csv")))
	require.NoError(t, err)
	fromJSON, err := sheets.ParseJSON("scores-2020.json", readExample(t, "scores-2020.json"))
	require.NoError(t, err)

	t.Run("the CSV and JSON example files hold the same sheet", func(t *testing.T) {
		if d := cmp.Diff(fromCSV, fromJSON, ignoreSource); d != "" {
			t.Errorf("mismatch (-csv +json):\n%s", d)
		}
		// Spot checks against the files' text, so that an equal misreading
		// of both cannot pass.
		require.Equal(t, "Cụm II – Các cơ quan quản lý chuyên ngành", fromCSV.Cluster)
		require.Equal(t, 2020, fromCSV.Year)
		require.Len(t, fromCSV.Members, 7)
		require.Len(t, fromCSV.Scores, 7*8*2+7) // 8 criteria, 2 stages, a second assessor for 08
		require.Equal(t, scoring.Ballot{Entitled: 7, Present: 7, Votes: fromCSV.Ballot.Votes, Source: fromCSV.Ballot.Source}, *fromCSV.Ballot)
		require.Equal(t, []scoring.Occurrences{{Member: "SGTVT", Item: "bao_cao_muon", Count: 1, Note: "Báo cáo quý III chậm", Source: scoring.Source{File: "scores-2020.csv", Line: 133}}}, fromCSV.Deductions)
	})
	t.Run("the CSV and JSON example files have the same hash", func(t *testing.T) {
		h := fromCSV.Hash()
		require.True(t, strings.HasPrefix(h, "sha256:"), h)
		require.Equal(t, h, fromJSON.Hash())
	})
	t.Run("the hash does not depend on the order of rows", func(t *testing.T) {
		lines := strings.Split(strings.TrimSuffix(string(readExample(t, "scores-2020.csv")), "\n"), "\n")
		body := lines[1:]
		rand.New(rand.NewPCG(7, 11)).Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
		shuffled := readString(t, "shuffled.csv", lines[0]+"\n"+strings.Join(body, "\n")+"\n")
		require.Equal(t, fromCSV.Hash(), shuffled.Hash())
	})
	t.Run("the hash changes when a score changes", func(t *testing.T) {
		text := strings.Replace(string(readExample(t, "scores-2020.csv")), "score,SCT,03,19,cluster,,", "score,SCT,03,\"19,5\",cluster,,", 1)
		changed := readString(t, "changed.csv", text)
		require.NotEqual(t, fromCSV.Hash(), changed.Hash())
	})
	t.Run("the four CSV examples have four different hashes", func(t *testing.T) {
		seen := map[string]string{}
		for _, name := range exampleCSVs {
			sh := readString(t, name, string(readExample(t, name)))
			h := sh.Hash()
			require.NotContains(t, seen, h, "%s has the hash of %s", name, seen[h])
			seen[h] = name
		}
	})
}

// Random sheets for the round-trip property. Texts are what ReadCSV can
// return: trimmed, NFC (only precomposed letters are used), and non-empty
// where a row needs them; ids and keys are on one line.
var alphabet = []rune("abcxyzABCXYZ0123456789 _-./#;,\"'\n–ăâđêôơưởờứựệếạảấậầẩẫắằẳẵặẹẻẽềểễỉịọỏốồổỗộớợủụừửữỳỵỷỹ")

func randomText(r *rand.Rand, empty bool) string {
	return randomString(r, alphabet, empty)
}

// randomID is randomText without line breaks.
func randomID(r *rand.Rand) string {
	return randomString(r, alphabet[:slices.Index(alphabet, '\n')], false)
}

func randomString(r *rand.Rand, alphabet []rune, empty bool) string {
	for {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		s := strings.TrimSpace(b.String())
		if s != "" || empty {
			return s
		}
	}
}

func randomDecimal(r *rand.Rand) decimal.Decimal {
	return decimal.New(r.Int64N(2_000_000_000_000)-1_000_000_000_000, -r.Int32N(8))
}

func randomSheet(r *rand.Rand) scoring.Sheet {
	id := func() string { return randomID(r) }
	var sh scoring.Sheet
	sh.Cluster = randomText(r, true)
	if r.IntN(2) == 0 {
		sh.Year = 1900 + r.IntN(8100)
	}
	for range r.IntN(5) {
		sh.Members = append(sh.Members, scoring.Member{ID: id(), Name: randomText(r, true)})
	}
	for range r.IntN(8) {
		assessor := ""
		if r.IntN(2) == 0 {
			assessor = id()
		}
		sh.Scores = append(sh.Scores, scoring.Entry{Member: id(), Criterion: id(), Stage: id(), Assessor: assessor, Value: randomDecimal(r)})
	}
	for range r.IntN(3) {
		sh.Targets = append(sh.Targets, scoring.Target{Member: id(), Criterion: id(), Value: randomDecimal(r)})
	}
	for range r.IntN(3) {
		sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: id(), Criterion: id()})
	}
	for range r.IntN(3) {
		sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: id(), Item: id(), Count: r.IntN(1_000_001), Note: randomText(r, true)})
	}
	for range r.IntN(3) {
		sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: id(), Item: id(), Count: r.IntN(1_000_001), Note: randomText(r, true)})
	}
	for range r.IntN(3) {
		sh.Facts = append(sh.Facts, scoring.FactValue{Member: id(), Fact: id(), Value: r.IntN(2) == 0})
	}
	if r.IntN(3) > 0 {
		b := &scoring.Ballot{Entitled: r.IntN(3) * r.IntN(50), Present: r.IntN(3) * r.IntN(50)}
		seen := map[string]bool{}
		for range r.IntN(5) {
			m := id()
			if seen[m] {
				continue // one vote per member: CSV rows for a member add up
			}
			seen[m] = true
			b.Votes = append(b.Votes, scoring.Vote{Member: m, For: r.IntN(1_000_001), Against: r.IntN(2) * r.IntN(100), Abstain: r.IntN(2) * r.IntN(100)})
		}
		sh.Ballot = b
	}
	for range r.IntN(3) {
		sh.History = append(sh.History, scoring.PastAward{Member: id(), Year: 1900 + r.IntN(8100), Award: id()})
	}
	for range r.IntN(4) {
		sh.Lots = append(sh.Lots, id())
	}
	played := map[[2]string]bool{}
	for range r.IntN(4) {
		a, b := id(), id()
		if a == b || played[[2]string{a, b}] || played[[2]string{b, a}] {
			continue // a pair's two rows are one match
		}
		played[[2]string{a, b}] = true
		sh.Matches = append(sh.Matches, scoring.Match{Member: a, Rival: b, For: r.IntN(10), Against: r.IntN(10)})
	}
	return sh
}

func TestRoundTripRandomSheets(t *testing.T) {
	r := rand.New(rand.NewPCG(2020, 2))
	n := 2000
	if testing.Short() {
		n = 200
	}
	for i := range n {
		sh := randomSheet(r)
		text := writeString(t, sh)
		back, err := sheets.ReadCSV("random.csv", strings.NewReader(text))
		require.NoError(t, err, "sheet %d:\n%s", i, text)
		if d := cmp.Diff(sh, back, ignoreSource); d != "" {
			t.Fatalf("sheet %d: ReadCSV(WriteCSV(sheet)) differs (-written +read back):\n%s\nCSV:\n%s", i, d, text)
		}
		require.Equal(t, sh.Hash(), back.Hash(), "sheet %d", i)
	}
}

func TestRoundTripLineBreaks(t *testing.T) {
	t.Run("a quoted line break in a name survives a round trip", func(t *testing.T) {
		sh := readString(t, "cum.csv", header+"member,SCT,name,\"Sở\nCông Thương\"\n")
		back := roundTrip(t, sh)
		require.Equal(t, "Sở\nCông Thương", back.Members[0].Name)
	})
	t.Run("a carriage return inside a quoted name reads as a line break and survives a round trip", func(t *testing.T) {
		sh := readString(t, "cum.csv", header+"member,SCT,name,\"A\rB\"\n")
		require.Equal(t, "A\nB", sh.Members[0].Name)
		back := roundTrip(t, sh)
		require.Equal(t, "A\nB", back.Members[0].Name)
	})
	t.Run("a quoted CR CR LF reads back the same after WriteCSV", func(t *testing.T) {
		// encoding/csv turns the final CR LF of a line into LF, so the cell
		// is "A\r\nB"; ReadCSV keeps line breaks as LF: "A\nB".
		sh := readString(t, "cum.csv", header+"member,SCT,name,\"A\r\r\nB\"\nbonus,SCT,co,1,,,\"x\r\r\ny\"\n")
		require.Equal(t, "A\nB", sh.Members[0].Name)
		back := roundTrip(t, sh)
		require.Equal(t, sh.Members[0].Name, back.Members[0].Name)
		require.Equal(t, sh.Bonuses[0].Note, back.Bonuses[0].Note)
	})
	t.Run("ids with a carriage return are refused rather than read back otherwise", func(t *testing.T) {
		for _, text := range []string{
			header + "member,\"A\rB\",name,x\n",
			header + "member,\"A\r\r\nB\",name,x\n",
		} {
			_, err := sheets.ReadCSV("cum.csv", strings.NewReader(text))
			checkErrors(t, "cum.csv", err, []wantErr{{line: 2, criterion: "name", msg: `the member "A\nB" holds a line break`}})
		}
	})
}

func TestWriteCSVEmptyBallot(t *testing.T) {
	t.Run("a ballot without counts survives a round trip", func(t *testing.T) {
		sh := scoring.Sheet{Ballot: &scoring.Ballot{}}
		require.Equal(t, header+"ballot,,entitled,0,,,\n", writeString(t, sh))
		back := roundTrip(t, sh)
		require.NotNil(t, back.Ballot)
		if d := cmp.Diff(sh, back, ignoreSource); d != "" {
			t.Errorf("mismatch (-written +read back):\n%s", d)
		}
	})
	t.Run("a ballot with only a number present writes no entitled row", func(t *testing.T) {
		sh := scoring.Sheet{Ballot: &scoring.Ballot{Present: 5}}
		require.Equal(t, header+"ballot,,present,5,,,\n", writeString(t, sh))
		require.Equal(t, sh.Hash(), roundTrip(t, sh).Hash())
	})
	t.Run("a ballot with only votes writes no entitled row", func(t *testing.T) {
		sh := scoring.Sheet{Ballot: &scoring.Ballot{Votes: []scoring.Vote{{Member: "SCT"}}}}
		require.Equal(t, header+"votes,SCT,for,0,,,\n", writeString(t, sh))
		require.Equal(t, sh.Hash(), roundTrip(t, sh).Hash())
	})
	t.Run("an empty JSON ballot survives a round trip through CSV", func(t *testing.T) {
		sh, err := sheets.ParseJSON("cum.json", []byte(`{"ballot": {}}`))
		require.NoError(t, err)
		require.Equal(t, sh.Hash(), roundTrip(t, sh).Hash())
	})
}

// TestNamedBallots: a rulebook's several ballots (one per tier or band)
// are written with their id in the stage column and read back as they
// were, beside the sheet's unnamed ballot; JSON reads them too.
func TestNamedBallots(t *testing.T) {
	sh := scoring.Sheet{
		Ballot: &scoring.Ballot{Entitled: 7, Votes: []scoring.Vote{{Member: "SCT", For: 5}}},
		Ballots: []scoring.Ballot{
			{ID: "co", Entitled: 7, Present: 6, Votes: []scoring.Vote{{Member: "SCT", For: 6}, {Member: "SXD", For: 2, Against: 4}}},
			{ID: "bk", Entitled: 7, Votes: []scoring.Vote{{Member: "SXD", For: 7}}},
		},
	}
	text := writeString(t, sh)
	require.Contains(t, text, "ballot,,present,6,co,,\n")
	require.Contains(t, text, "votes,SXD,against,4,co,,\n")
	back := roundTrip(t, sh)
	if d := cmp.Diff(sh, back, ignoreSource); d != "" {
		t.Errorf("mismatch (-written +read back):\n%s", d)
	}
	require.Equal(t, sh.Hash(), back.Hash())
	named := sh
	named.Ballots = named.Ballots[:1]
	require.NotEqual(t, sh.Hash(), named.Hash(), "the named ballots are in the hash")

	js, err := sheets.ParseJSON("cum.json", []byte(`{"ballots": [{"id": "co", "entitled": 7, "present": 6,
		"votes": [{"member": "SCT", "for": 6}, {"member": "SXD", "for": 2, "against": 4}]},
		{"id": "bk", "entitled": 7, "votes": [{"member": "SXD", "for": 7}]}]}`))
	require.NoError(t, err)
	require.Equal(t, 3, js.Ballots[1].Source.Line, "a named ballot keeps its line")
	js.Ballot = sh.Ballot
	require.Equal(t, sh.Hash(), js.Hash())
}

func TestLoad(t *testing.T) {
	csvPath := filepath.Join(examples, "scores-2020.csv")
	jsonPath := filepath.Join(examples, "scores-2020.json")
	fromCSV, err := sheets.Load(csvPath)
	require.NoError(t, err)
	fromJSON, err := sheets.Load(jsonPath)
	require.NoError(t, err)

	t.Run("a .csv file is read as CSV, with the path in every source", func(t *testing.T) {
		require.Len(t, fromCSV.Members, 7)
		require.Equal(t, scoring.Source{File: csvPath, Line: 7}, fromCSV.Members[0].Source) // after the header, three comments and two cluster rows
		for _, s := range fromCSV.Scores {
			require.Equal(t, csvPath, s.Source.File)
		}
	})
	t.Run("a .json file is read as JSON, with the path in every source", func(t *testing.T) {
		if d := cmp.Diff(fromCSV, fromJSON, ignoreSource); d != "" {
			t.Errorf("mismatch (-csv +json):\n%s", d)
		}
		require.Equal(t, jsonPath, fromJSON.Scores[0].Source.File)
	})
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	for _, name := range []string{"cum.yaml", "cum.yml", "CUM.YAML"} {
		t.Run("a "+filepath.Ext(name)+" file is read as YAML", func(t *testing.T) {
			p := write(name, smallYAML)
			got, err := sheets.Load(p)
			require.NoError(t, err)
			if d := cmp.Diff(smallSheet(p), got, ignoreSource); d != "" {
				t.Errorf("mismatch (-want +got):\n%s", d)
			}
			require.Equal(t, p, got.Members[0].Source.File)
		})
	}
	t.Run("an upper-case .CSV file is read as CSV", func(t *testing.T) {
		got, err := sheets.Load(write("CUM.CSV", header+"member,SCT,name,x\n"))
		require.NoError(t, err)
		require.Equal(t, []scoring.Member{{ID: "SCT", Name: "x", Source: scoring.Source{File: filepath.Join(dir, "CUM.CSV"), Line: 2}}}, got.Members)
	})
	t.Run("a .txt file is read as CSV", func(t *testing.T) {
		got, err := sheets.Load(write("cum.txt", header+"member,SCT,name,x\n"))
		require.NoError(t, err)
		require.Len(t, got.Members, 1)
	})
	t.Run("a file of another kind is refused by its extension", func(t *testing.T) {
		_, err := sheets.Load(write("cum.ods", "PK"))
		require.ErrorContains(t, err, `unknown score sheet format ".ods" (expected .csv, .txt, .json, .yaml, .yml or .xlsx)`)
		var es scoring.InputErrors
		require.ErrorAs(t, err, &es)
		require.Equal(t, "sheet.format", es[0].Message.Key)
		require.Contains(t, es.Text(lang.Vietnamese), `định dạng bảng điểm ".ods" không được hỗ trợ`)
	})
	t.Run("a workbook is left to package scoresheet", func(t *testing.T) {
		_, err := sheets.Load(write("cum.xlsx", "PK"))
		var es scoring.InputErrors
		require.ErrorAs(t, err, &es)
		require.Equal(t, "sheet.xlsx", es[0].Message.Key)
		require.ErrorContains(t, err, "package scoresheet")
	})
	t.Run("a missing file gives the error of the file system", func(t *testing.T) {
		_, err := sheets.Load(filepath.Join(dir, "none.csv"))
		require.ErrorIs(t, err, fs.ErrNotExist)
	})
	t.Run("errors in a loaded file name the path", func(t *testing.T) {
		p := write("bad.csv", header+"score,SCT,1.1,abc,cluster\n")
		_, err := sheets.Load(p)
		checkErrors(t, p, err, []wantErr{{line: 2, member: "SCT", criterion: "1.1", msg: `found "abc"`}})
		p = write("bad.json", "{\n \"yaer\": 2020\n}")
		_, err = sheets.Load(p)
		checkErrors(t, p, err, []wantErr{{line: 2, msg: `unknown key "yaer" (did you mean "year"?)`}})
	})
	t.Run("a JSON file larger than MaxBytes is refused before it is read", func(t *testing.T) {
		p := filepath.Join(dir, "huge.json")
		f, err := os.Create(p)
		require.NoError(t, err)
		require.NoError(t, f.Truncate(sheets.MaxBytes+1)) // sparse: nothing is written
		require.NoError(t, f.Close())
		_, err = sheets.Load(p)
		checkErrors(t, p, err, []wantErr{{msg: "file is larger than 33554432 bytes"}})
	})
	for _, name := range []string{"huge.csv", "huge.txt", "huge.yaml"} {
		t.Run("a "+filepath.Ext(name)+" file larger than MaxBytes is refused with the same message", func(t *testing.T) {
			p := filepath.Join(dir, name)
			f, err := os.Create(p)
			require.NoError(t, err)
			require.NoError(t, f.Truncate(sheets.MaxBytes+1))
			require.NoError(t, f.Close())
			_, err = sheets.Load(p)
			checkErrors(t, p, err, []wantErr{{msg: "file is larger than 33554432 bytes"}})
		})
	}
	t.Run("a JSON file under MaxBytes is not refused for its size", func(t *testing.T) {
		// 9 MiB: a sheet followed by spaces, well under MaxBytes (32 MiB).
		text := `{"cluster": "Cụm II"}` + strings.Repeat(" ", 9<<20)
		p := write("padded.json", text)
		got, err := sheets.Load(p)
		require.NoError(t, err)
		require.Equal(t, "Cụm II", got.Cluster)
	})
}
