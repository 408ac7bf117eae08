package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// runRecordCmd calls a command function as main's dispatch would.
func runRecordCmd(cmd cmdFunc, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := call(cmd, args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestSealVerifyKeygen goes through a cluster's two years: a key pair,
// two sealed records chained and signed, verified; then a record, a sheet
// and a chain link altered, each refused with its reason.
func TestSealVerifyKeygen(t *testing.T) {
	dir := t.TempDir()
	td := filepath.Join("..", "..", "record", "testdata")
	rb := filepath.Join(td, "rulebook.yaml")
	s20, s21 := filepath.Join(td, "scores-2020.csv"), filepath.Join(td, "scores-2021.csv")
	key := filepath.Join(dir, "cum")
	chain := filepath.Join(dir, "chain")
	os.Mkdir(chain, 0o755)
	r20, r21 := filepath.Join(chain, "2020.json"), filepath.Join(chain, "2021.json")

	code, out, errs := runRecordCmd(keygenCmd, "--out", key)
	if code != 0 || !strings.Contains(out, "dấu vân tay: sha256:") {
		t.Fatalf("keygen: %d %s %s", code, out, errs)
	}
	if st, err := os.Stat(key + ".key"); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("private key mode: %v %v", st.Mode(), err)
	}
	if code, _, errs := runRecordCmd(keygenCmd, "--out", key, "--lang", "en"); code != exitBadInput || !strings.Contains(errs, "a key is never replaced") {
		t.Errorf("keygen over a key: %d %s", code, errs)
	}

	code, out, errs = runRecordCmd(sealCmd, "--rules", rb, "--scores", s20, "--seed", "7", "--key", key+".key", "--out", r20)
	if code != 0 || !strings.Contains(out, "Đã niêm phong kết quả năm 2020") {
		t.Fatalf("seal 2020: %d %s %s", code, out, errs)
	}
	code, out, errs = runRecordCmd(sealCmd, "--rules", rb, "--scores", s21, "--seed", "7", "--key", key+".key", "--prev", r20, "--out", r21, "--lang", "en")
	if code != 0 || !strings.Contains(out, "previous:") {
		t.Fatalf("seal 2021: %d %s %s", code, out, errs)
	}
	code, out, errs = runRecordCmd(verifyCmd, r21, "--rules", rb, "--scores", s21, "--pub", key+".pub", "--chain", chain)
	if code != 0 || !strings.Contains(out, "ĐẠT: mọi kiểm tra đã thực hiện đều đúng") || strings.Count(out, "[OK]") != 6 {
		t.Fatalf("verify: %d\n%s%s", code, out, errs)
	}

	// The same as JSON (thidua/verify/v1): each check, its status and, when
	// it failed, why.
	code, out, errs = runRecordCmd(verifyCmd, r21, "--rules", rb, "--scores", s21, "--pub", key+".pub", "--chain", chain, "--format", "json")
	require.Equal(t, exitOK, code, errs)
	var v struct {
		Schema, Record, Hash, Engine, SealedAt string
		Year                                   int
		OK                                     bool
		Failed                                 []string
		Checks                                 []struct {
			Check, Status, Kind string
			Name, Message       struct{ Key, VI, EN string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &v), out)
	require.Equal(t, "thidua/verify/v1", v.Schema)
	require.Equal(t, r21, v.Record)
	require.True(t, v.OK)
	require.Equal(t, 2021, v.Year)
	require.Empty(t, v.Failed)
	require.NotNil(t, v.Failed, "[] rather than null")
	require.Len(t, v.Checks, 6)
	for _, c := range v.Checks {
		require.Equal(t, "ok", c.Status, "%+v", c)
		require.NotEmpty(t, c.Name.VI)
		require.NotEmpty(t, c.Message.Key)
	}
	code, out, _ = runRecordCmd(verifyCmd, "--format", "json", "--rules", rb, "--scores", s20, "--pub", key+".pub", r21)
	require.Equal(t, exitBadInput, code)
	require.NoError(t, json.Unmarshal([]byte(out), &v), out)
	require.False(t, v.OK)
	require.Equal(t, []string{"changed_sheet"}, v.Failed)
	failed := 0
	for _, c := range v.Checks {
		if c.Status == "failed" {
			failed++
			require.Equal(t, "sheet", c.Check)
			require.Equal(t, "changed_sheet", c.Kind)
			require.Equal(t, "score sheet", c.Name.EN)
		}
	}
	require.Equal(t, 1, failed)
	require.Equal(t, exitUsage, call(verifyCmd, []string{r21, "--format", "xml"}, io.Discard, io.Discard))

	// The 2020 sheet given for the 2021 record.
	code, out, _ = runRecordCmd(verifyCmd, "--lang", "en", "--rules", rb, "--scores", s20, "--pub", key+".pub", r21)
	if code != exitBadInput || !strings.Contains(out, "FAILED: the score sheet changed\n") {
		t.Errorf("changed sheet: %d\n%s", code, out)
	}
	// A record with a byte changed.
	data, _ := os.ReadFile(r21)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, bytes.Replace(data, []byte(`"year":"2021"`), []byte(`"year":"2022"`), 1), 0o644)
	code, out, _ = runRecordCmd(verifyCmd, "--lang", "en", bad, "--pub", key+".pub")
	if code != exitBadInput || !strings.Contains(out, "FAILED: the record was tampered with\n") {
		t.Errorf("tampered: %d\n%s", code, out)
	}
	// A record that is no longer JSON.
	os.WriteFile(bad, data[:len(data)-40], 0o644)
	code, _, errs = runRecordCmd(verifyCmd, bad)
	if code != exitBadInput || !strings.Contains(errs, "KHÔNG ĐẠT: không đọc được hồ sơ") || !strings.Contains(errs, bad+":1:") {
		t.Errorf("unreadable: %d\n%s", code, errs)
	}
	// A chain whose 2020 link was altered.
	os.WriteFile(r20, bytes.Replace(mustReadFile(t, r20), []byte(`"rank":"1"`), []byte(`"rank":"2"`), 1), 0o644)
	code, out, _ = runRecordCmd(verifyCmd, "--lang", "en", r21, "--chain", chain, "--pub", key+".pub")
	if code != exitBadInput || !strings.Contains(out, "the record of 2020 was altered") {
		t.Errorf("chain: %d\n%s", code, out)
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRecordUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		cmd  cmdFunc
		args []string
		want string
	}{
		{"seal without flags", sealCmd, nil, "--rules, --scores and --out are required"},
		{"seal bad lang", sealCmd, []string{"--rules", "r", "--scores", "s", "--out", "o", "--lang", "fr"}, "--lang must be vi or en"},
		{"seal over an input", sealCmd, []string{"--rules", "r.yaml", "--scores", "s.csv", "--out", "s.csv"}, "không ghi được vào s.csv"},
		{"verify without a record", verifyCmd, nil, "the record to verify is required"},
		{"verify two records", verifyCmd, []string{"a.json", "b.json"}, "one record at a time"},
		{"verify scores without rules", verifyCmd, []string{"a.json", "--scores", "s.csv"}, "--scores needs --rules"},
		{"keygen without out", keygenCmd, nil, "--out is required"},
	} {
		code, _, errs := runRecordCmd(tc.cmd, tc.args...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: %d %s", tc.name, code, errs)
		}
	}
	if code, _, errs := runRecordCmd(verifyCmd, filepath.Join(t.TempDir(), "none.json")); code != exitBadInput || !strings.Contains(errs, "none.json") {
		t.Errorf("missing record: %d %s", code, errs)
	}
}
