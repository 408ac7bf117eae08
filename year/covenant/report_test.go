package covenant_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/covenant"
)

// TestWriteProgress counts the targets not on course and writes the
// progress with the parties and criteria named, each party once.
func TestWriteProgress(t *testing.T) {
	c, err := covenant.New(base())
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Progress(9)
	if err != nil {
		t.Fatal(err)
	}
	// A/hs 48 of 48 is on course; B/hs 93.33 of 100, A/hd 2 of 4 and the
	// held A/tl 84.5 of 85 are not.
	if behind, checked := p.Behind(); behind != 3 || checked != 4 {
		t.Errorf("Behind() = %d, %d; want 3, 4", behind, checked)
	}
	var out bytes.Buffer
	if err := c.WriteProgress(&out, p, lang.Vietnamese); err != nil {
		t.Fatal(err)
	}
	s := spaces(out.String())
	for _, w := range []string{
		"Giao ước 2021, năm 2021\nsau 9 tháng\n",
		"\nSở A Hồ sơ đúng hạn 48 36 48 100,00% có\n Hoạt động 4 2 2 50,00% KHÔNG\n Tỷ lệ 85 84,5 84,5 (giữ nguyên) 99,41% KHÔNG\nSở B Hồ sơ đúng hạn",
		"3/4 chỉ tiêu chưa đúng tiến độ.",
	} {
		if !strings.Contains(s, w) {
			t.Errorf("progress lacks %q:\n%s", w, out.String())
		}
	}
}

// spaces folds the tables' alignment to one space.
func spaces(s string) string {
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}
