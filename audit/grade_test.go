package audit_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// nghean is the folder of the Nghệ An grading example: its recomputation
// grades M01 xuat_sac, M02, M03 and M04 tot, M05 and M07 hoan_thanh, M06
// khong_hoan_thanh.
var nghean = filepath.Join("..", "examples", "nghean-grading")

// ngheanMembers are the member rows of minutes of the Nghệ An example,
// each member once, the flag to M01.
const ngheanMembers = "record,member,key,value,note\n" +
	"member,M01,name,Chủ tịch UBND xã 01 (minh họa)\nmember,M02\nmember,M03\nmember,M04\nmember,M05\nmember,M06\nmember,M07\n" +
	"award,M01,flag\n"

// auditNghean audits minutes of the Nghệ An example (file name: .csv or
// .yaml) against the example's sheet and its rulebook, edited.
func auditNghean(t *testing.T, name, minutes string, replace ...[2]string) audit.Report {
	t.Helper()
	dir := t.TempDir()
	rb := edit(t, readFile(t, filepath.Join(nghean, "rulebook.yaml")), replace)
	writeFile(t, filepath.Join(dir, "rulebook.yaml"), rb)
	writeFile(t, filepath.Join(dir, name), minutes)
	r, err := audit.AuditFiles(context.Background(), filepath.Join(dir, "rulebook.yaml"), filepath.Join(nghean, "scores-2025.csv"), filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// gradeFindings are a report's findings about the grading bands.
func gradeFindings(r audit.Report) []audit.Finding {
	var out []audit.Finding
	for _, f := range r.Findings {
		if f.Kind == audit.KindGrade || f.Kind == audit.KindUnknownGrade {
			out = append(out, f)
		}
	}
	return out
}

func TestAuditGrades(t *testing.T) {
	noBottomBand := [2]string{"  - id: khong_hoan_thanh\n    name: Không hoàn thành nhiệm vụ\n", ""}
	type want struct {
		kind   audit.Kind
		member string
		line   int
		vi, en []string // the message names the member and both bands
	}
	cases := []struct {
		name, file, minutes string
		replace             [][2]string
		want                []want
	}{
		{name: "no band recorded: nothing checked", file: "recorded.csv", minutes: ngheanMembers},
		{name: "the right bands, by id", file: "recorded.csv",
			minutes: ngheanMembers + "grade,M01,,xuat_sac\ngrade,M03,,tot\ngrade,M06,,khong_hoan_thanh\n"},
		{name: "the right bands, by name", file: "recorded.csv",
			minutes: ngheanMembers + "grade,M01,,Hoàn thành xuất sắc nhiệm vụ\ngrade,M07,,Hoàn thành nhiệm vụ\n"},
		{name: "a wrong band → grade", file: "recorded.csv",
			minutes: ngheanMembers + "grade,M01,,xuat_sac\ngrade,M03,,Hoàn thành xuất sắc nhiệm vụ\n",
			want: []want{{audit.KindGrade, "M03", 11,
				[]string{"M03", "ở mức Hoàn thành xuất sắc nhiệm vụ", "xếp loại Hoàn thành tốt nhiệm vụ"},
				[]string{"M03", "as Hoàn thành xuất sắc nhiệm vụ", "grades it Hoàn thành tốt nhiệm vụ"}}}},
		{name: "an unknown band → unknown_grade, located", file: "recorded.csv",
			minutes: ngheanMembers + "grade,M02,,tot\ngrade,M05,,Khá\n",
			want: []want{{audit.KindUnknownGrade, "M05", 11,
				[]string{"M05", `"Khá"`, "nghean-xep-loai-minh-hoa"}, []string{"M05", `"Khá"`, "not a grading band"}}}},
		{name: "a band the recomputation gives none → grade", file: "recorded.csv",
			minutes: ngheanMembers + "grade,M06,,hoan_thanh\n", replace: [][2]string{noBottomBand},
			want: []want{{audit.KindGrade, "M06", 10,
				[]string{"M06", "Hoàn thành nhiệm vụ", "không đạt điều kiện của mức xếp loại nào"},
				[]string{"M06", "Hoàn thành nhiệm vụ", "meets the conditions of no band"}}}},
		{name: "YAML: the right band", file: "recorded.yaml",
			minutes: "members:\n  - id: M01\n    grade: xuat_sac\n  - id: M02\n    grade: Hoàn thành tốt nhiệm vụ\n"},
		{name: "YAML: a wrong band → grade", file: "recorded.yaml",
			minutes: "members:\n  - id: M01\n    grade: xuat_sac\n  - id: M06\n    grade: hoan_thanh\n",
			want: []want{{audit.KindGrade, "M06", 5,
				[]string{"M06", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"}, []string{"M06", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"}}}},
		{name: "YAML: an unknown band → unknown_grade", file: "recorded.yaml",
			minutes: "members:\n  - id: M04\n    grade: gioi\n",
			want:    []want{{audit.KindUnknownGrade, "M04", 3, []string{"M04", `"gioi"`}, []string{"M04", `"gioi"`}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := auditNghean(t, c.file, c.minutes, c.replace...)
			got := gradeFindings(r)
			if len(got) != len(c.want) {
				t.Fatalf("%d grade findings, want %d:\n%s", len(got), len(c.want), findingsText(r))
			}
			for i, w := range c.want {
				f := got[i]
				if f.Kind != w.kind || f.Severity != audit.Error || f.Member != w.member || f.Source.Line != w.line {
					t.Errorf("finding %s %s %s line %d, want error %s %s line %d", f.Severity, f.Kind, f.Member, f.Source.Line, w.kind, w.member, w.line)
				}
				for tag, words := range map[lang.Tag][]string{lang.Vietnamese: w.vi, lang.English: w.en} {
					text := f.Text(tag)
					for _, s := range words {
						if !strings.Contains(text, s) {
							t.Errorf("%s message %q lacks %q", tag, text, s)
						}
					}
				}
			}
			if len(c.want) == 0 && slices.ContainsFunc(r.Findings, func(f audit.Finding) bool { return f.Severity == audit.Error }) {
				t.Errorf("errors in a correct record:\n%s", findingsText(r))
			}
		})
	}
}

// A rulebook without grading bands has none the minutes can record.
func TestAuditGradeWithoutBands(t *testing.T) {
	rec := recordedOf(t, "recorded.csv", readFile(t, example("recorded-2020.csv"))+"grade,SCT,,Hoàn thành xuất sắc nhiệm vụ\n")
	sh := sheetOf(t, "scores.csv", readFile(t, example("scores-2020.csv")))
	r := auditOf(t, cum2(t), sh, rec)
	if got := kinds(r); !slices.Equal(got, []audit.Kind{audit.KindUnknownGrade}) {
		t.Errorf("kinds %v, want [unknown_grade]:\n%s", got, findingsText(r))
	}
}

// Malformed grade rows are located parse errors, all of them.
func TestReadGradeRows(t *testing.T) {
	text := "record,member,key,value\n" +
		"grade,M01,,tot\n" + // line 2
		"grade,M01,,xuat_sac\n" + // line 3: twice
		"grade,M02,band,tot\n" + // line 4: a key
		"grade,M03,,\n" + // line 5: no band
		"grade,,,tot\n" // line 6: no member
	rec, err := audit.ReadCSV("recorded.csv", strings.NewReader(text))
	var pe audit.ParseErrors
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want ParseErrors", err)
	}
	var lines []int
	for _, e := range pe {
		lines = append(lines, e.Line)
	}
	if !slices.Equal(lines, []int{3, 4, 5, 6}) {
		t.Errorf("errors on lines %v, want [3 4 5 6]: %v", lines, err)
	}
	if m, _ := rec.Member("M01"); m.Grade.Band != "tot" || m.Grade.Source.Line != 2 {
		t.Errorf("M01's grade = %+v, want tot on line 2", m.Grade)
	}
}

// A band recorded changes the minutes' hash; minutes without one keep the
// hash they had before bands could be recorded (reports and sealed records
// hold it); the same band from CSV or YAML hashes the same.
func TestRecordedHashGrade(t *testing.T) {
	rec, err := audit.Load(example("recorded-2020.csv"))
	if err != nil {
		t.Fatal(err)
	}
	const before = "sha256:082e7c742f1188ff34cb17cc380bd813230d50cb7adb5133fb20f2441f8a4c1a"
	if h := rec.Hash(); h != before {
		t.Errorf("hash %s, want %s as before grades", h, before)
	}
	graded := recordedOf(t, "recorded.csv", readFile(t, example("recorded-2020.csv"))+"grade,SCT,,tot\n")
	if graded.Hash() == before {
		t.Error("a recorded band does not change the hash")
	}
	csv := recordedOf(t, "recorded.csv", "record,member,key,value\ngrade,A,,tot\n")
	yaml, err := audit.ParseJSON("recorded.yaml", []byte("members:\n  - id: A\n    grade: tot\n"))
	if err != nil {
		t.Fatal(err)
	}
	if csv.Hash() != yaml.Hash() {
		t.Errorf("CSV hash %s, YAML hash %s", csv.Hash(), yaml.Hash())
	}
}
