package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const years = "../../examples/cum2-years/"

type command = cmdFunc

// TestHistoryGolden runs the history, nominate, covenant and titles
// commands and compares their exit code, stdout and stderr with
// testdata/history-NAME.golden (rewritten with -update, as TestGolden
// does). Once the commands are wired into run, these cases can call
// golden(t, name, append([]string{verb}, args...), code) instead. The
// tables are in Vietnamese by default: the cases with --lang en show them
// in English, the -vi cases one table of each command in Vietnamese.
func TestHistoryGolden(t *testing.T) {
	cases := []struct {
		name string
		cmd  command
		args []string
		code int
	}{
		{"history-cum2", historyCmd, []string{"--file", years + "history.yaml", "--lang", "en"}, exitOK},
		{"history-cum2-last-2-years", historyCmd, []string{"--file", years + "history.yaml", "--cluster", "cum2", "--years", "2", "--lang", "en"}, exitOK},
		{"history-member-skhcntt", historyCmd, []string{"--file", years + "history.yaml", "--member", "SKHCNTT", "--lang", "en"}, exitOK},
		{"history-member-stnmt", historyCmd, []string{"--file", years + "history.yaml", "--member", "STNMT", "--lang", "en"}, exitOK},
		{"history-bad-file", historyCmd, []string{"--file", "testdata/history-bad.yaml"}, exitBadInput},
		{"history-bad-file-en", historyCmd, []string{"--file", "testdata/history-bad.yaml", "--lang", "en"}, exitBadInput},
		{"history-missing-file", historyCmd, []string{"--file", "testdata/history-nonexistent.yaml"}, exitBadInput},
		{"history-usage-no-file", historyCmd, nil, exitUsage},
		{"history-usage-unknown-cluster", historyCmd, []string{"--file", years + "history.yaml", "--cluster", "cum9"}, exitUsage},
		{"history-usage-unknown-member", historyCmd, []string{"--file", years + "history.yaml", "--member", "XYZ"}, exitUsage},
		{"history-nominate-province", nominateCmd, []string{"--province", "../../examples/province/province-2021.yaml", "--lang", "en"}, exitOK},
		{"history-nominate-bad", nominateCmd, []string{"--province", "testdata/history-bad-province.yaml"}, exitBadInput},
		{"history-nominate-bad-en", nominateCmd, []string{"--province", "testdata/history-bad-province.yaml", "--lang", "en"}, exitBadInput},
		{"history-covenant-progress", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv", "--lang", "en"}, exitOK},
		{"history-covenant-progress-6-months", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--months", "6", "--lang", "en"}, exitOK},
		{"history-covenant-unit", covenantCmd, []string{"progress", "--covenant", years + "covenant-skhcn-2021.yaml", "--lang", "en"}, exitOK},
		{"history-covenant-no-report", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--months", "3"}, exitBadInput},
		{"history-covenant-no-report-en", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--months", "3", "--lang", "en"}, exitBadInput},
		{"history-covenant-usage", covenantCmd, []string{"--covenant", years + "covenant-2021.yaml"}, exitUsage},
		{"history-titles-skhcn-2020", titlesCmd, []string{"--file", years + "titles-skhcn-2020.yaml", "--lang", "en"}, exitOK},
		{"history-titles-centre", titlesCmd, []string{"--file", years + "titles-illustrative-centre.yaml", "--lang", "en"}, exitBadInput},

		// Vietnamese, the default.
		{"history-cum2-vi", historyCmd, []string{"--file", years + "history.yaml"}, exitOK},
		// Rulebook change control: warnings, not errors (exit 0).
		{"history-control", historyCmd, []string{"--file", "testdata/history-control/history.yaml", "--lang", "en"}, exitOK},
		{"history-control-vi", historyCmd, []string{"--file", "testdata/history-control/history.yaml"}, exitOK},
		{"history-member-skhcntt-vi", historyCmd, []string{"--file", years + "history.yaml", "--member", "SKHCNTT", "--lang", "vi"}, exitOK},
		{"history-nominate-province-vi", nominateCmd, []string{"--province", "../../examples/province/province-2021.yaml"}, exitOK},
		{"history-covenant-progress-vi", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv"}, exitOK},
		{"history-covenant-unit-vi", covenantCmd, []string{"progress", "--covenant", years + "covenant-skhcn-2021.yaml"}, exitOK},
		{"history-titles-centre-vi", titlesCmd, []string{"--file", years + "titles-illustrative-centre.yaml"}, exitBadInput},
		{"history-titles-skhcn-2020-vi", titlesCmd, []string{"--file", years + "titles-skhcn-2020.yaml"}, exitOK},

		// A language other than vi or en is a usage error.
		{"history-usage-bad-lang", historyCmd, []string{"--file", years + "history.yaml", "--lang", "fr"}, exitUsage},
		{"history-nominate-usage-bad-lang", nominateCmd, []string{"--province", "../../examples/province/province-2021.yaml", "--lang", "fr"}, exitUsage},
		{"history-covenant-usage-bad-lang", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--lang", "fr"}, exitUsage},
		{"history-titles-usage-bad-lang", titlesCmd, []string{"--file", years + "titles-skhcn-2020.yaml", "--lang", "fr"}, exitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { historyGolden(t, c.name, c.cmd, c.args, c.code) })
	}
}

// historyGolden is golden for a command called directly.
func historyGolden(t *testing.T, name string, cmd command, args []string, wantCode int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := call(cmd, args, &out, &errb)
	if code != wantCode {
		t.Errorf("exit code %d, want %d\nstderr:\n%s", code, wantCode, errb.String())
	}
	got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, out.String(), errb.String())
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, d)
	}
}

// TestHistoryOutcomes checks the outcomes the example files describe in the
// commands' output, in English and in Vietnamese, independently of the
// golden files' layout: runs of spaces (the tables' alignment) count as
// one.
func TestHistoryOutcomes(t *testing.T) {
	hist := []string{"--file", years + "history.yaml"}
	prov := []string{"--province", "../../examples/province/province-2021.yaml"}
	cov := []string{"progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv"}
	en := func(args ...string) []string { return append(slices.Clone(args), "--lang", "en") }
	const (
		flag  = "Cờ thi đua của UBND tỉnh"
		merit = "Bằng khen của Chủ tịch UBND tỉnh"
		cum2  = "Cụm II – Các cơ quan quản lý chuyên ngành"
	)
	cases := []struct {
		name string
		cmd  command
		args []string
		want []string // in order
	}{
		{"the 2021 tie is decided by the 2020 flag", historyCmd, en(hist...), []string{
			"2021 8 Sở Tài nguyên và Môi trường Sở Giao thông Vận tải elected",
			"2021: Sở Tài nguyên và Môi trường ranks above Sở Công Thương as it had no " + flag + " the year before: no award in 2020 v " + flag + " in 2020",
		}},
		{"vi: the 2021 tie is decided by the 2020 flag", historyCmd, hist, []string{
			"2021 8 Sở Tài nguyên và Môi trường Sở Giao thông Vận tải bầu",
			"2021: Sở Tài nguyên và Môi trường xếp trên Sở Công Thương vì năm trước chưa được " + flag + ": năm 2020 không được khen so với năm 2020 được " + flag,
		}},
		{"the 2022 flag passes over the 2021 holder", historyCmd, en(hist...), []string{
			"2022: Sở Tài nguyên và Môi trường passed over for " + flag + ", failing: Không tặng Cờ thi đua hai năm liên tiếp (minh họa) — " + flag + " in 2021",
		}},
		{"vi: the 2022 flag passes over the 2021 holder", historyCmd, hist, []string{
			"2022: Sở Tài nguyên và Môi trường không được đề nghị " + flag + " vì chưa đạt: Không tặng Cờ thi đua hai năm liên tiếp (minh họa) — được " + flag + " năm 2021",
		}},
		{"the successor counts its predecessor's awards", historyCmd, en(append(hist, "--member", "SKHCNTT")...), []string{
			"2020 " + cum2 + " Sở Khoa học và Công nghệ " + merit, merit + ": 2 of the 3 years 2020–2022 (2020, 2021)", flag + ": 1 of the 3 years 2020–2022 (2022)",
		}},
		{"vi: the successor counts its predecessor's awards", historyCmd, append(hist, "--member", "SKHCNTT"), []string{
			"2020 " + cum2 + " Sở Khoa học và Công nghệ " + merit, "đã đề nghị", merit + ": 2 trong 3 năm 2020–2022 (2020, 2021)", flag + ": 1 trong 3 năm 2020–2022 (2022)",
			"2020: Cụm trưởng " + cum2 + " (suy đoán, do Sở Khoa học và Công nghệ đảm nhiệm)",
		}},
		{"vi: the successor's row in the cluster's awards", historyCmd, hist, []string{
			"Sở Khoa học và Công nghệ (hợp nhất với Sở TT&TT – minh họa) 2022 2022 2 năm: 2020, 2021 (do Sở Khoa học và Công nghệ nhận)",
		}},
		{"two nominees under a 20% quota of 12", nominateCmd, en(prov...), []string{
			"cut", "Quota: 20% × 12 = 2.4 → 2 (floor)", "1 Sở Y tế", "yes", "Nominated for Cờ thi đua của Chính phủ: Sở Y tế, Sở Kế hoạch và Đầu tư",
		}},
		{"vi: two nominees under a 20% quota of 12", nominateCmd, prov, []string{
			"phiên họp ngày 15/03/2022", "92,6%", "không thông qua", "Số lượng đề nghị tối đa: 20% × 12 = 2,4 → 2 (làm tròn xuống)",
			"1 Sở Y tế", "97,60", "có", "tổng điểm: 95,18 < 97,6 (Sở Y tế)", "Đề nghị tặng Cờ thi đua của Chính phủ: Sở Y tế, Sở Kế hoạch và Đầu tư",
		}},
		{"the projection puts Sở TN&MT on course for the flag", covenantCmd, en(cov...), []string{
			"Sở Công Thương Tham gia hoạt động chung của cụm", "Hồ sơ khen thưởng đúng hạn 50 36 48 96.00% NO",
			"assumed: no ballot", "1 Sở Tài nguyên và Môi trường 96.50 " + flag,
		}},
		{"vi: the projection puts Sở TN&MT on course for the flag", covenantCmd, cov, []string{
			"tính đến ngày 30/09/2021", "Sở Công Thương Tham gia hoạt động chung của cụm", "Hồ sơ khen thưởng đúng hạn 50 36 48 96,00% KHÔNG",
			"giả định: chưa có kết quả bỏ phiếu", "1 Sở Tài nguyên và Môi trường 96,50 " + flag,
		}},
		{"vi: a held criterion", covenantCmd, []string{"progress", "--covenant", years + "covenant-skhcn-2021.yaml"}, []string{
			"86 (giữ nguyên)", "101,18%", "1/5 chỉ tiêu chưa đúng tiến độ.",
		}},
		{"vi: the titles within their quotas", titlesCmd, []string{"--file", years + "titles-skhcn-2020.yaml"}, []string{
			"Lao động tiên tiến cá nhân 73 (theo số liệu)", "15% × 73 = 10,95 → 10 (làm tròn xuống) có", "chưa rõ", "Chưa kiểm tra điều kiện",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := call(c.cmd, c.args, &out, &errb); code != exitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			s := spaces.ReplaceAllString(out.String(), " ")
			for _, w := range c.want {
				i := strings.Index(s, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, out.String())
				}
				s = s[i+len(w):]
			}
		})
	}
}

// spaces are the runs of spaces that align a table's columns.
var spaces = regexp.MustCompile(` {2,}`)

// TestYearNamesNotIDs runs every command in Vietnamese and in English on
// the example files: the output writes members, clusters, award tiers,
// eligibility conditions, criteria and titles by the names the files give,
// never by their ids.
func TestYearNamesNotIDs(t *testing.T) {
	ids := regexp.MustCompile(`\b(cum[123]|SKHCN|SKHCNTT|STNMT|SGTVT|SXD|SNNPTNT|SCT|TTT|STTTT|SKHDT|STC|SNV|SYT|SGDDT|SVHTTDL|` +
		`government_flag|cluster_percent|council_votes|diem_90|diem_80|san_85|ky_luat|phieu_80|khong_2_nam|khong_lien_tiep|` +
		`ldtt|cstdcs|ttldtt|ttldxs|P0[1-9]|KT|HC|BGD|CDCS|dao_tao|sang_kien|hoat_dong)\b`)
	// The award tiers' ids are English words: an English sentence may say
	// "flag".
	tiers := regexp.MustCompile(`\b(flag|merit)\b`)
	runs := []struct {
		cmd  command
		args []string
	}{
		{historyCmd, []string{"--file", years + "history.yaml"}},
		{historyCmd, []string{"--file", years + "history.yaml", "--member", "SKHCNTT"}},
		{historyCmd, []string{"--file", years + "history.yaml", "--member", "STNMT"}},
		{nominateCmd, []string{"--province", "../../examples/province/province-2021.yaml"}},
		{covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv"}},
		{covenantCmd, []string{"progress", "--covenant", years + "covenant-skhcn-2021.yaml"}},
		{titlesCmd, []string{"--file", years + "titles-skhcn-2020.yaml"}},
		{titlesCmd, []string{"--file", years + "titles-illustrative-centre.yaml"}},
		{rankCmd, []string{"--rules", "../../examples/cum2/rulebook.yaml", "--scores", "../../examples/cum2/scores-2020.csv"}},
		{rankCmd, []string{"--rules", "../../examples/cum2/rulebook.yaml", "--scores", "../../examples/cum2/top-ineligible.csv"}},
	}
	for _, r := range runs {
		for _, code := range []string{"vi", "en"} {
			var out, errb bytes.Buffer
			call(r.cmd, append(slices.Clone(r.args), "--lang", code), &out, &errb)
			if out.Len() == 0 {
				t.Fatalf("%v: no output: %s", r.args, errb.String())
			}
			for i, line := range strings.Split(out.String(), "\n") {
				id := ids.FindString(line)
				if id == "" && code == "vi" {
					id = tiers.FindString(line)
				}
				if id != "" {
					t.Errorf("%v --lang %s, line %d writes the id %q:\n%s", r.args, code, i+1, id, line)
				}
			}
		}
	}
}
