package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDiffRealRegulationParts: thidua diff on the Nghệ An example and an
// amended copy states, in Vietnamese by default and in English, every
// change to the parts added with real regulations (grading bands, ballots,
// thresholds, the lowest band of an award, the rank convention, the
// authority, the legal basis), naming bands, ballots and awards by their
// names. Compared with testdata/diff-nghean-amended(-en).golden.
func TestDiffRealRegulationParts(t *testing.T) {
	src := "../../examples/nghean-grading/rulebook.yaml"
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	amended := string(data)
	for _, r := range [][2]string{
		{`version: "2025.1"`, `version: "2025.2"`},
		{"    - Thông tư 15/2025/TT-BNV\n", "    - {text: Thông tư 15/2025/TT-BNV, from: 2025-07-01}\n    - Nghị định 98/2023/NĐ-CP\n"},
		{"    - {id: tot, name: Bỏ phiếu mức Hoàn thành tốt nhiệm vụ}", "    - {id: tot, name: Bỏ phiếu mức Hoàn thành tốt}"},
		{"  - {id: duoi_90, reason: Dưới 90 điểm, max_total: 90, strict: true}", "  - {id: duoi_90, reason: Dưới 90 điểm, max_total: 90}"},
		{"    requires: [tu_80, san_80, phieu_tot]", "    requires: [tu_80, duoi_90, san_80, phieu_tot]"},
		{"    name: Không hoàn thành nhiệm vụ", "    name: Chưa hoàn thành nhiệm vụ"},
		{"    min_grade: xuat_sac", "    min_grade: tot"},
		{"tie_breaks:", "rank_convention: dense\nauthority: {council: Hội đồng Thi đua – Khen thưởng tỉnh Nghệ An, decides: Chủ tịch UBND tỉnh Nghệ An}\ntie_breaks:"},
	} {
		require.Contains(t, amended, r[0])
		amended = strings.Replace(amended, r[0], r[1], 1)
	}
	path := filepath.Join(t.TempDir(), "amended.yaml")
	require.NoError(t, os.WriteFile(path, []byte(amended), 0o644))
	for _, lang := range []string{"vi", "en"} {
		var out, errb bytes.Buffer
		code := call(diffCmd, []string{"--lang", lang, src, path}, &out, &errb)
		require.Equal(t, exitOK, code, errb.String())
		name := "diff-nghean-amended"
		if lang == "en" {
			name += "-en"
		}
		got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, out.String(), errb.String())
		compareGolden(t, name, strings.ReplaceAll(got, path, "NEW"))
	}
}
