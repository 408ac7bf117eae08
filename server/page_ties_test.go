package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestPageSharedRank: members whose tie decides no award share their rank
// on the page, quietly (đồng hạng); a tie that decides the flag is listed
// as unresolved.
func TestPageSharedRank(t *testing.T) {
	ts := newPageServer(t)
	for _, c := range []struct {
		sheet     string
		want, not []string
	}{
		{"shared-rank.csv", []string{
			"6= Thanh tra tỉnh 79,85",
			"Sở Nông nghiệp và Phát triển nông thôn và Thanh tra tỉnh đồng hạng: bằng nhau theo mọi tiêu chí ưu tiên",
		}, []string{"Trường hợp bằng điểm chưa phân định", "chưa phân định"}},
		{"unresolved-tie.csv", []string{"Trường hợp bằng điểm chưa phân định", "Hạng 1: Sở Công Thương và Sở Khoa học và Công nghệ"}, []string{"đồng hạng:"}},
	} {
		t.Run(c.sheet, func(t *testing.T) {
			resp := postForm(t, ts.URL+"/xep-hang", param("nguon", "cum2"),
				part{"scores", c.sheet, readFile(t, "../examples/cum2/"+c.sheet)})
			page := body(t, resp)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, text(page))
			}
			txt := text(page)
			for _, w := range c.want {
				if !strings.Contains(txt, w) {
					t.Errorf("the page lacks %q:\n%s", w, txt)
				}
			}
			for _, w := range c.not {
				if strings.Contains(txt, w) {
					t.Errorf("the page has %q", w)
				}
			}
		})
	}
}
