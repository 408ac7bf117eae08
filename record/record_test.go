package record

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/bounded/boundedtest"
	"github.com/thidua/thidua/internal/version"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

var update = flag.Bool("update", false, "rewrite the golden records in testdata")

// testKey is the secretariat's key of the tests: fixed, so that records
// are the same at every run.
var testKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

func pub() ed25519.PublicKey { return testKey.Public().(ed25519.PublicKey) }

// goldenEngine is the engine the golden records name, whatever version of
// thidua runs the tests.
const goldenEngine = "github.com/thidua/thidua v0.1.0-dev"

// A record sealed without Options.Engine names the engine thidua version
// reports: the module and its version, from internal/version.
func TestEngineVersion(t *testing.T) {
	rb := rulebook(t)
	sh := sheet(t, rb, 2020)
	st, err := ranking.Rank(rb, sh, ranking.WithSeed(7))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Seal(rb, sh, st, Options{Now: sealedAt(2020)})
	if err != nil {
		t.Fatal(err)
	}
	if want := version.Engine(); r.Engine != want || r.Engine != EngineVersion() || !strings.HasPrefix(want, version.Module+" ") {
		t.Errorf("engine %q, want %q", r.Engine, want)
	}
	back, err := Parse(r.Marshal())
	if err != nil || back.Engine != r.Engine {
		t.Errorf("read back: %v, %q", err, back.Engine)
	}
}

func sealedAt(year int) time.Time { return time.Date(year+1, 1, 5, 9, 0, 0, 0, time.UTC) }

func rulebook(t testing.TB) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Load("testdata/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

func sheet(t testing.TB, rb *rules.Rulebook, year int) scoring.Sheet {
	t.Helper()
	sh, err := sheets.Check(rb, sheetPath(year))
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func sheetPath(year int) string { return filepath.Join("testdata", "scores-"+itoa(year)+".csv") }

func itoa(n int) string {
	return string(rune('0'+n/1000)) + string(rune('0'+n/100%10)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10))
}

// seal ranks a year's sheet with seed 7 and seals it after prev.
func seal(t testing.TB, year int, prev *Record, key ed25519.PrivateKey, compact bool) *Record {
	t.Helper()
	rb := rulebook(t)
	sh := sheet(t, rb, year)
	st, err := ranking.Rank(rb, sh, ranking.WithSeed(7))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Seal(rb, sh, st, Options{Prev: prev, Key: key, Now: sealedAt(year), Compact: compact, Engine: goldenEngine,
		RulebookFile: mustRead(t, "testdata/rulebook.yaml"), SheetFile: mustRead(t, sheetPath(year))})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// chain seals 2020, 2021 and 2022, signed.
func chain(t testing.TB) []*Record {
	r20 := seal(t, 2020, nil, testKey, false)
	r21 := seal(t, 2021, r20, testKey, false)
	r22 := seal(t, 2022, r21, testKey, false)
	return []*Record{r20, r21, r22}
}

func check(t testing.TB, year int) Check {
	rb := rulebook(t)
	sh := sheet(t, rb, year)
	return Check{Rulebook: rb, Sheet: &sh, PublicKey: pub(), RulebookFile: mustRead(t, "testdata/rulebook.yaml"), SheetFile: mustRead(t, sheetPath(year))}
}

func statuses(rep Report) string {
	var out []string
	for _, f := range rep.Findings {
		s := f.Check + ":" + string(f.Status)
		if f.Kind != "" {
			s += ":" + string(f.Kind)
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestSealAndVerify(t *testing.T) {
	rs := chain(t)
	c := check(t, 2021)
	c.Prev = rs[0]
	rep := Verify(rs[1], c)
	if !rep.OK() {
		t.Fatalf("%s\n%v", statuses(rep), rep.Findings)
	}
	want := "integrity:ok signature:ok rulebook:ok sheet:ok result:ok chain:ok"
	if got := statuses(rep); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for _, f := range rep.Findings {
		for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
			if err := f.Message.Check(); err != nil {
				t.Error(err)
			}
			if txt := f.Text(tag); strings.ContainsAny(txt, "{}‹") {
				t.Errorf("%s", txt)
			}
		}
	}
	if rs[1].Prev != rs[0].Hash() || rs[1].Lots == nil || rs[1].Lots.Seed != "7" || len(rs[1].Lots.Draws) != 1 {
		t.Errorf("prev %s, lots %+v", rs[1].Prev, rs[1].Lots)
	}
	// Nothing to check against: only the record itself.
	rep = Verify(rs[0], Check{})
	if want := "integrity:ok signature:failed:unknown_key rulebook:skipped sheet:skipped result:skipped chain:skipped"; statuses(rep) != want {
		t.Errorf("got  %s\nwant %s", statuses(rep), want)
	}
	unsigned := seal(t, 2020, nil, nil, false)
	if rep := Verify(unsigned, Check{}); !rep.OK() || rep.Findings[1].Status != Skipped {
		t.Errorf("%s", statuses(rep))
	}
	if rep := Verify(unsigned, Check{PublicKey: pub()}); !rep.Has(UnknownKey) {
		t.Errorf("%s", statuses(rep))
	}
}

// TestGolden writes the records the documentation shows
// (testdata/record-2020.json, record-2021.json and the compact
// record-2021-compact.json) and checks they do not change: a change of
// the format shows here first.
func TestGolden(t *testing.T) {
	rs := chain(t)
	files := map[string]*Record{
		"record-2020.json":         rs[0],
		"record-2021.json":         rs[1],
		"record-2021-compact.json": seal(t, 2021, rs[0], testKey, true),
	}
	for name, r := range files {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, r.Marshal(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Marshal(); !bytes.Equal(got, want) {
			t.Errorf("%s changed (go test -update to rewrite):\n%s", name, got)
		}
		back, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(back.Marshal(), want) || back.Hash() != r.Hash() {
			t.Errorf("%s does not read back", name)
		}
	}
	if pem, _ := MarshalPublicKey(pub()); *update {
		os.WriteFile("testdata/secretariat.pub", pem, 0o644)
	}
	if key, _ := MarshalPrivateKey(testKey); *update {
		os.WriteFile("testdata/secretariat.key", key, 0o600)
	}
}

func TestCompact(t *testing.T) {
	full := seal(t, 2021, nil, testKey, false)
	small := seal(t, 2021, nil, testKey, true)
	if small.Result != nil || small.ResultHash != full.ResultHash || len(small.Marshal()) >= len(full.Marshal()) {
		t.Fatalf("compact %+v", small)
	}
	if rep := Verify(small, check(t, 2021)); !rep.OK() {
		t.Errorf("%s", statuses(rep))
	}
	// A compact record of another result names only the hashes.
	c := check(t, 2022)
	sh22 := *c.Sheet
	forged := *small
	forged.SheetHash, forged.SheetFileHash = sh22.Hash(), FileHash(c.SheetFile)
	forged.StatedHash = forged.Hash()
	forged.Signature = ed25519.Sign(testKey, forged.Canonical())
	rep := Verify(&forged, c)
	if !rep.Has(DifferentResult) || len(rep.Kinds()) != 1 {
		t.Fatalf("%s", statuses(rep))
	}
	if txt := rep.Findings[4].Text(lang.English); !strings.Contains(txt, "compact record states result hash") {
		t.Error(txt)
	}
}

// TestDifferentResult: a record whose result was rewritten and sealed
// again (with the secretariat's key) is refused when the sheet is ranked
// again, naming the row that differs.
func TestDifferentResult(t *testing.T) {
	r := seal(t, 2022, nil, testKey, false)
	forged := *r
	res := *r.Result
	res.Rows = slices.Clone(res.Rows)
	res.Rows[1], res.Rows[2] = res.Rows[2], res.Rows[1]
	forged.Result = &res
	forged.ResultHash = res.Hash()
	forged.StatedHash = forged.Hash()
	forged.Signature = ed25519.Sign(testKey, forged.Canonical())
	rep := Verify(&forged, check(t, 2022))
	if got := rep.Kinds(); !slices.Equal(got, []Kind{DifferentResult}) {
		t.Fatalf("%s", statuses(rep))
	}
	vi := rep.Findings[4].Text(lang.Vietnamese)
	if !strings.Contains(vi, "dòng 2: hồ sơ ghi SXD hạng 3, 91 điểm; tính lại được SYT hạng 2, 92 điểm") {
		t.Error(vi)
	}
}

// TestFileOnlyChanges: a comment added to the rulebook or a note to the
// sheet leaves their content hashes as they were, but not their files'.
func TestFileOnlyChanges(t *testing.T) {
	r := seal(t, 2021, nil, testKey, false)
	c := check(t, 2021)
	c.RulebookFile = append([]byte("# sửa\n"), c.RulebookFile...)
	rep := Verify(r, c)
	if !slices.Equal(rep.Kinds(), []Kind{WrongRulebook}) || rep.Findings[2].Message.Key != "record.check.rulebook.file" {
		t.Errorf("%s", statuses(rep))
	}
	c = check(t, 2021)
	c.SheetFile = bytes.Replace(c.SheetFile, []byte("2021,,,"), []byte("2021,,,ghi chú"), 1)
	rep = Verify(r, c)
	if !slices.Equal(rep.Kinds(), []Kind{ChangedSheet}) || rep.Findings[3].Message.Key != "record.check.sheet.file" {
		t.Errorf("%s", statuses(rep))
	}
	c.SheetFile, c.RulebookFile = nil, nil // the content only
	if rep := Verify(r, c); !rep.OK() {
		t.Errorf("%s", statuses(rep))
	}
}

func TestWrongInputs(t *testing.T) {
	r := seal(t, 2021, nil, testKey, false)
	c := check(t, 2021)
	other := sheet(t, c.Rulebook, 2022)
	rep := Verify(r, Check{Rulebook: c.Rulebook, Sheet: &other, PublicKey: pub()})
	if got := statuses(rep); got != "integrity:ok signature:ok rulebook:ok sheet:failed:changed_sheet result:skipped chain:skipped" {
		t.Error(got)
	}
	rb2, err := rules.Parse("other.yaml", bytes.Replace(mustRead(t, "testdata/rulebook.yaml"), []byte("count: 2"), []byte("count: 1"), 1))
	if err != nil {
		t.Fatal(err)
	}
	rep = Verify(r, Check{Rulebook: rb2, Sheet: c.Sheet, PublicKey: pub()})
	if !slices.Equal(rep.Kinds(), []Kind{WrongRulebook}) || !strings.Contains(rep.Findings[2].Text(lang.English), "has other content") {
		t.Errorf("%s %v", statuses(rep), rep.Findings[2])
	}
	_, priv2, _ := ed25519.GenerateKey(nil) // a foreign key
	rep = Verify(r, Check{PublicKey: priv2.Public().(ed25519.PublicKey)})
	if !slices.Equal(rep.Kinds(), []Kind{UnknownKey}) {
		t.Errorf("%s", statuses(rep))
	}
	stripped := *r
	stripped.Signature = nil
	if rep := Verify(&stripped, Check{PublicKey: pub()}); !slices.Equal(rep.Kinds(), []Kind{Tampered}) {
		t.Errorf("%s", statuses(rep))
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealRefuses(t *testing.T) {
	rb := rulebook(t)
	sh20, sh21 := sheet(t, rb, 2020), sheet(t, rb, 2021)
	st, _ := ranking.Rank(rb, sh21)
	r20 := seal(t, 2020, nil, nil, false)
	for _, tc := range []struct {
		name string
		sh   scoring.Sheet
		o    Options
		key  string
	}{
		{"standings of another sheet", sh20, Options{}, "record.seal.mismatch"},
		{"the previous record of the same year", sh21, Options{Prev: seal(t, 2021, nil, nil, false)}, "record.seal.prev_year"},
		{"a tampered previous record", sh21, Options{Prev: func() *Record { x := *r20; x.Cluster = "X"; return &x }()}, "record.seal.prev_tampered"},
		{"a bad key", sh21, Options{Key: ed25519.PrivateKey{1, 2}}, "record.key.size"},
	} {
		_, err := Seal(rb, tc.sh, st, tc.o)
		var e *Error
		if !errors.As(err, &e) || e.Message.Key != tc.key {
			t.Errorf("%s: got %v, want %s", tc.name, err, tc.key)
		}
	}
	noYear := sh21
	noYear.Year = 0
	st0, _ := ranking.Rank(rb, noYear)
	if _, err := Seal(rb, noYear, st0, Options{}); err == nil || !strings.Contains(err.Error(), "no year") {
		t.Errorf("no year: %v", err)
	}
	other := *r20
	other.Cluster = "Cụm khác"
	other.StatedHash = other.Hash()
	if _, err := Seal(rb, sh21, st, Options{Prev: &other}); err == nil || !strings.Contains(err.Error(), "cluster") {
		t.Errorf("other cluster: %v", err)
	}
}

func TestChain(t *testing.T) {
	rs := chain(t)
	if rep := VerifyChain([]*Record{rs[2], rs[0], rs[1], rs[1]}, nil); !rep.OK() || !strings.Contains(rep.Findings[0].Text(lang.Vietnamese), "chuỗi 3 hồ sơ liền mạch, từ năm 2020 đến năm 2022") {
		t.Errorf("%s %v", statuses(rep), rep.Findings)
	}
	gap := VerifyChain([]*Record{rs[0], rs[2]}, nil)
	fork := VerifyChain([]*Record{rs[0], rs[1], seal(t, 2021, rs[0], testKey, true), rs[2]}, nil)
	// A year rewritten and hashed again (without the key): its own hash
	// holds, but the next year's link does not.
	forged := *rs[1]
	forged.SealedAt = forged.SealedAt.Add(time.Hour)
	forged.StatedHash = forged.Hash()
	forged.Signer, forged.Signature = "", nil
	forged.StatedHash = forged.Hash()
	relinked := VerifyChain([]*Record{rs[0], &forged, rs[2]}, nil)
	unlinked := *rs[1]
	unlinked.Prev = ""
	unlinked.StatedHash = unlinked.Hash()
	noPrev := VerifyChain([]*Record{rs[0], &unlinked}, nil)
	other := *rs[2]
	other.Cluster = "Cụm khác"
	other.StatedHash = other.Hash()
	cluster := VerifyChain([]*Record{rs[0], rs[1], &other}, nil)
	for _, tc := range []struct {
		name string
		rep  Report
		key  string
	}{
		{"gap", gap, "record.chain.gap"},
		{"fork", fork, "record.chain.fork"},
		{"relinked", relinked, "record.chain.prev"},
		{"no prev", noPrev, "record.chain.no_prev"},
		{"cluster", cluster, "record.chain.cluster"},
	} {
		if !slices.Equal(tc.rep.Kinds(), []Kind{BrokenChain}) || tc.rep.Findings[0].Message.Key != tc.key {
			t.Errorf("%s: %s %v", tc.name, statuses(tc.rep), tc.rep.Findings)
		}
	}
	if rep := VerifyChain(nil, nil); !rep.OK() || rep.Findings[0].Status != Skipped {
		t.Errorf("empty: %s", statuses(rep))
	}
	// Verify with the previous record checks the link.
	c := check(t, 2022)
	c.Prev = rs[0]
	if rep := Verify(rs[2], c); !slices.Equal(rep.Kinds(), []Kind{BrokenChain}) {
		t.Errorf("%s", statuses(rep))
	}
	c.Prev = nil
	if rep := Verify(rs[2], c); !rep.OK() || rep.Findings[5].Message.Key != "record.check.chain.skipped" {
		t.Errorf("%s", statuses(rep))
	}
}

// flips are the changes made to one byte by the tamper tests: each bit of
// the low seven, and the byte's upper case or lower case.
var flips = []byte{0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80}

// TestTamperRecord flips every bit of every byte of a signed, chained
// record with lots drawn: the record is refused as unreadable, or Verify
// finds it tampered — and for no other reason.
func TestTamperRecord(t *testing.T) {
	rs := chain(t)
	data := rs[1].Marshal()
	c := check(t, 2021)
	c.Prev = rs[0]
	unread, tampered := 0, 0
	for i := range data {
		for _, f := range flips {
			b := bytes.Clone(data)
			b[i] ^= f
			r, err := Parse(b)
			if err != nil {
				unread++
				continue
			}
			rep := Verify(r, c)
			if !slices.Equal(rep.Kinds(), []Kind{Tampered}) {
				t.Fatalf("byte %d ^ %#x (%q → %q): %s", i, f, data[i], b[i], statuses(rep))
			}
			tampered++
		}
	}
	t.Logf("%d bytes × %d flips: %d unreadable, %d tampered", len(data), len(flips), unread, tampered)
	if tampered == 0 {
		t.Error("no flip left a readable record: the test tests nothing but the parser")
	}
}

// TestTamperChainLink flips every bit of the middle record of a chain:
// VerifyChain finds the link tampered, or it cannot be read.
func TestTamperChainLink(t *testing.T) {
	rs := chain(t)
	data := rs[1].Marshal()
	for i := range data {
		for _, f := range flips {
			b := bytes.Clone(data)
			b[i] ^= f
			r, err := Parse(b)
			if err != nil {
				continue
			}
			rep := VerifyChain([]*Record{rs[0], r, rs[2]}, pub())
			if !rep.Has(Tampered) {
				t.Fatalf("byte %d ^ %#x: %s", i, f, statuses(rep))
			}
		}
	}
}

// TestTamperSheet flips every bit of every byte of the score sheet: it
// cannot be read, or Verify finds it changed — and for no other reason. A
// flip that leaves the scores the same (the sheet's content hash: a note,
// the case of a record kind) is found by the file's byte hash.
func TestTamperSheet(t *testing.T) {
	rb := rulebook(t)
	r := seal(t, 2020, nil, testKey, false)
	data := mustRead(t, "testdata/scores-2020.csv")
	unread, changed := 0, 0
	for i := range data {
		for _, f := range flips {
			b := bytes.Clone(data)
			b[i] ^= f
			sh, err := sheets.ReadCSV("s.csv", bytes.NewReader(b))
			if err == nil {
				_, err = scoring.Score(rb, sh)
			}
			if err != nil {
				unread++
				continue
			}
			rep := Verify(r, Check{Rulebook: rb, Sheet: &sh, PublicKey: pub(), SheetFile: b})
			if !slices.Equal(rep.Kinds(), []Kind{ChangedSheet}) {
				t.Errorf("byte %d ^ %#x (%q → %q): %s", i, f, data[i], b[i], statuses(rep))
				continue
			}
			changed++
		}
	}
	t.Logf("%d bytes × %d flips: %d unreadable, %d changed", len(data), len(flips), unread, changed)
}

// TestTamperRulebook flips every bit of every byte of the rulebook: it
// cannot be read, or Verify finds it is not the rulebook recorded.
func TestTamperRulebook(t *testing.T) {
	rb := rulebook(t)
	sh := sheet(t, rb, 2020)
	r := seal(t, 2020, nil, testKey, false)
	data := mustRead(t, "testdata/rulebook.yaml")
	unread, wrong := 0, 0
	for i := range data {
		for _, f := range flips {
			b := bytes.Clone(data)
			b[i] ^= f
			rb2, err := rules.Parse("r.yaml", b)
			if err != nil {
				unread++
				continue
			}
			rep := Verify(r, Check{Rulebook: rb2, Sheet: &sh, PublicKey: pub(), RulebookFile: b})
			if !slices.Equal(rep.Kinds(), []Kind{WrongRulebook}) {
				t.Errorf("byte %d ^ %#x (%q → %q): %s", i, f, data[i], b[i], statuses(rep))
				continue
			}
			wrong++
		}
	}
	t.Logf("%d bytes × %d flips: %d unreadable, %d wrong rulebook", len(data), len(flips), unread, wrong)
}

func TestKeys(t *testing.T) {
	privPEM, err := MarshalPrivateKey(testKey)
	if err != nil {
		t.Fatal(err)
	}
	pubPEM, err := MarshalPublicKey(pub())
	if err != nil {
		t.Fatal(err)
	}
	k, err := ParsePrivateKey(privPEM)
	if err != nil || !k.Equal(testKey) {
		t.Fatalf("%v", err)
	}
	p, err := ParsePublicKey(pubPEM)
	if err != nil || !p.Equal(pub()) {
		t.Fatalf("%v", err)
	}
	if !strings.HasPrefix(string(privPEM), "-----BEGIN PRIVATE KEY-----") || !strings.HasPrefix(string(pubPEM), "-----BEGIN PUBLIC KEY-----") {
		t.Errorf("%s%s", privPEM, pubPEM)
	}
	if fp := Fingerprint(pub()); !hashForm.MatchString(fp) || Fingerprint(ed25519.PublicKey{1}) != "" {
		t.Errorf("fingerprint %s", fp)
	}
	for _, tc := range []struct {
		name string
		err  error
		key  string
	}{
		{"public as private", second(ParsePrivateKey(pubPEM)), "record.key.pem"},
		{"private as public", second(ParsePublicKey(privPEM)), "record.key.pem"},
		{"not PEM", second(ParsePublicKey([]byte("hello"))), "record.key.pem"},
		{"bad DER", second(ParsePublicKey([]byte("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))), "record.key.der"},
		{"bad DER", second(ParsePrivateKey([]byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))), "record.key.der"},
	} {
		var e *Error
		if !errors.As(tc.err, &e) || e.Message.Key != tc.key {
			t.Errorf("%s: %v", tc.name, tc.err)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "k.pub"), pubPEM, 0o644)
	os.WriteFile(filepath.Join(dir, "k.key"), privPEM, 0o600)
	if _, err := ReadPublicKey(filepath.Join(dir, "k.pub")); err != nil {
		t.Error(err)
	}
	if _, err := ReadPrivateKey(filepath.Join(dir, "k.key")); err != nil {
		t.Error(err)
	}
	if _, err := ReadPrivateKey(filepath.Join(dir, "k.pub")); err == nil || !strings.Contains(err.Error(), "k.pub") {
		t.Errorf("%v", err)
	}
	boundedtest.Loader(t, MaxKeyBytes, ".pub", func(path string) error { _, err := ReadPublicKey(path); return err })
	boundedtest.Loader(t, MaxKeyBytes, ".key", func(path string) error { _, err := ReadPrivateKey(path); return err })
}

func second[T any](_ T, err error) error { return err }

func TestLoadIsBounded(t *testing.T) {
	boundedtest.Loader(t, MaxBytes, ".json", func(path string) error { _, err := Load(path); return err })
	if _, err := Parse(make([]byte, MaxBytes+1)); !strings.Contains(err.Error(), "limit") {
		t.Errorf("%v", err)
	}
}

// TestParseErrors: each problem is found, with its place and key path, in
// both languages.
func TestParseErrors(t *testing.T) {
	good := string(seal(t, 2021, seal(t, 2020, nil, nil, false), testKey, false).Marshal())
	replace := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("%q not in the record", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	for _, tc := range []struct {
		name, in, key, where string
	}{
		{"pretty-printed", strings.Replace(good, `{"cluster"`, "{ \"cluster\"", 1), "record.err.not_canonical", "1:2: "},
		{"two line feeds", good + "\n", "record.err.not_canonical", "2:1: "},
		{"not JSON", "{", "record.json.eof", "1:2: "},
		{"an array", "[]", "record.err.want_object", "1:1: "},
		{"other schema", replace(Schema, "thidua/record/v9"), "record.err.schema", "schema: "},
		{"unknown key", replace(`{"cluster"`, `{"x":"1","cluster"`), "record.err.unknown_key", ": x: "},
		{"missing key", replace(`"cluster":"Cụm thi đua thử",`, ``), "record.err.missing", "1:1: "},
		{"number", replace(`"year":"2021"`, `"year":2021`), "record.err.want_string", "year: "},
		{"year", replace(`"year":"2021"`, `"year":"21"`), "record.err.form.year", "year: "},
		{"hash", replace(`"sheet_hash":"sha256:`, `"sheet_hash":"sha256:A`), "record.err.form.hash", "sheet_hash: "},
		{"time", replace(`T09:00:00Z`, `T09:00:00+07:00`), "record.err.form.time", "sealed_at: "},
		{"decimal", replace(`"total":"94.5"`, `"total":"94.50"`), "record.err.form.decimal", "result.rows[0].total: "},
		{"rank", replace(`"rank":"1"`, `"rank":"01"`), "record.err.form.integer", "result.rows[0].rank: "},
		{"bool", replace(`"tied":false`, `"tied":"no"`), "record.err.want_bool", "result.rows[0].tied: "},
		{"strings", replace(`"awards":["flag"]`, `"awards":"flag"`), "record.err.want_strings", "result.rows[0].awards: "},
		{"signature", replace(`"signature":"`, `"signature":"AA`), "record.err.form.signature", "signature: "},
		{"duplicate", replace(`{"cluster"`, `{"cluster":"","cluster"`), "record.json.duplicate", "1:15: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.in))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("got %v", err)
			}
			if es[0].Message.Key != tc.key {
				t.Fatalf("got %s (%v), want %s", es[0].Message.Key, es, tc.key)
			}
			for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
				txt := es.Text(tag)
				if !strings.Contains(txt, tc.where) || strings.ContainsAny(txt, "{}‹") && tc.key != "record.json.duplicate" {
					t.Errorf("%s: %s", tag, txt)
				}
			}
		})
	}
	_, err := Load("testdata/nonexistent.json")
	if err == nil {
		t.Error("no error for a missing file")
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("[]"), 0o600)
	if _, err := Load(bad); err == nil || !strings.HasPrefix(err.Error(), bad+":1:1: ") {
		t.Errorf("%v", err)
	}
}

// FuzzParse: Parse never panics, and what it accepts is a record in its
// canonical form, which Marshal writes back byte for byte.
func FuzzParse(f *testing.F) {
	rs := chain(f)
	f.Add(rs[1].Marshal())
	f.Add(seal(f, 2021, nil, nil, true).Marshal())
	f.Add([]byte(`{"schema":"thidua/record/v1"}`))
	f.Add([]byte(`{"a":[1,2,{"b":null}],"c":"\ud83d\ude00"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("%T %v", err, err)
			}
			for _, e := range es {
				if err := e.Message.Check(); err != nil {
					t.Fatal(err)
				}
			}
			return
		}
		out := r.Marshal()
		if !bytes.Equal(out, data) && !bytes.Equal(out[:len(out)-1], data) {
			t.Fatalf("accepted %q, writes %q", data, out)
		}
		_ = Verify(r, Check{PublicKey: pub()})
	})
}

// TestWithoutThidua runs docs/record.md's worked example for real, where
// python3 and openssl are installed: the Python standard library checks
// the hashes and the chain, openssl the signature and the fingerprint.
func TestWithoutThidua(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	dir := t.TempDir()
	for _, f := range []string{"record-2020.json", "record-2021.json", "rulebook.yaml", "scores-2021.csv", "secretariat.pub"} {
		if err := os.WriteFile(filepath.Join(dir, f), mustRead(t, filepath.Join("testdata", f)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script, _ := filepath.Abs("testdata/verify_record.py")
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run(py, script, "record-2021.json", "--rules", "rulebook.yaml", "--scores", "scores-2021.csv", "--prev", "record-2020.json")
	if err != nil || strings.Contains(out, "FAIL") || strings.Count("\n"+out, "\nok ") != 6 {
		t.Fatalf("%v\n%s", err, out)
	}
	rec, _ := Load("testdata/record-2021.json")
	if !strings.Contains(out, "ok    hash: "+rec.Hash()) {
		t.Errorf("python's hash is not Go's %s:\n%s", rec.Hash(), out)
	}
	if body := mustRead(t, filepath.Join(dir, "record-2021.json.body")); !bytes.Equal(body, rec.Canonical()) {
		t.Errorf("python's canonical form is not Go's")
	}
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("no openssl")
	}
	out, err = run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "secretariat.pub", "-rawin", "-in", "record-2021.json.body", "-sigfile", "record-2021.json.sig")
	if err != nil || !strings.Contains(out, "Signature Verified Successfully") {
		t.Errorf("openssl: %v %s", err, out)
	}
	out, err = run("sh", "-c", "openssl pkey -pubin -in secretariat.pub -outform DER | openssl dgst -sha256")
	if err != nil || !strings.Contains(out, strings.TrimPrefix(rec.Signer, "sha256:")) {
		t.Errorf("fingerprint: %v %s, want %s", err, out, rec.Signer)
	}
}
