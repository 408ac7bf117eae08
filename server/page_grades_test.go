package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestPageGrades uploads the Nghệ An grading example (xếp loại): the
// standings show a Xếp loại column with each member's band by name, the
// bands are listed with their members and the note that a band needs no
// rank, and the member ranked first is passed over for the flag because
// of its band. No band id shows. The Cụm II page, which does not grade,
// has no band.
func TestPageGrades(t *testing.T) {
	ts := newPageServer(t)
	resp := postForm(t, ts.URL+"/xep-hang", param("nguon", "tai-len"),
		part{"rules", "rulebook.yaml", readFile(t, "../examples/nghean-grading/rulebook.yaml")},
		part{"scores", "scores-2025.csv", readFile(t, "../examples/nghean-grading/scores-2025.csv")})
	page := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, text(page))
	}
	txt := text(page)
	for _, w := range []string{
		"Xếp loại",
		"1 Chủ tịch UBND xã 03 (minh họa) 97 Hoàn thành tốt nhiệm vụ —",
		"2 Chủ tịch UBND xã 01 (minh họa) 94 Hoàn thành xuất sắc nhiệm vụ Cờ thi đua của UBND tỉnh",
		"Mức xếp loại không phụ thuộc thứ hạng",
		"Hoàn thành tốt nhiệm vụ (3): Chủ tịch UBND xã 03 (minh họa), Chủ tịch UBND xã 02 (minh họa), Chủ tịch UBND xã 04 (minh họa)",
		"Không hoàn thành nhiệm vụ (1): Chủ tịch UBND xã 06 (minh họa)",
		"Bỏ qua Chủ tịch UBND xã 03 (minh họa): không đạt xếp loại từ mức Hoàn thành xuất sắc nhiệm vụ trở lên, đơn vị được xếp loại Hoàn thành tốt nhiệm vụ",
	} {
		if !strings.Contains(txt, w) {
			t.Errorf("the page lacks %q:\n%s", w, txt)
		}
	}
	for _, id := range []string{"xuat_sac", "khong_hoan_thanh", "hoan_thanh "} {
		if strings.Contains(txt, id) {
			t.Errorf("the page shows the id %q", id)
		}
	}

	resp = postForm(t, ts.URL+"/xep-hang", param("nguon", "cum2"),
		part{"scores", "scores-2020.csv", readFile(t, "../examples/cum2/scores-2020.csv")})
	if txt := text(body(t, resp)); strings.Contains(txt, "Xếp loại") {
		t.Error("a rulebook that does not grade shows bands")
	}
}
