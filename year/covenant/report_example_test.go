package covenant_test

import (
	"fmt"
	"os"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/year/covenant"
)

// The progress of a covenant inside a unit after six months, written as
// thidua covenant progress prints it: parties and criteria by their names.
func ExampleCovenant_WriteProgress() {
	c, err := covenant.Parse("covenant.yaml", []byte(exampleCovenant))
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := c.Progress(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	behind, checked := p.Behind()
	fmt.Println(behind, "of", checked, "behind")
	if err := c.WriteProgress(os.Stdout, p, lang.English); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 1 of 2 behind
	// Giao ước thi đua năm 2021 (chính quyền – công đoàn), 2021
	// after 6 months (as of 2021-06-30)
	//
	// Party                          Criterion                     Target  Achieved  Projected    % of target  On course
	// Ban Giám đốc                   Sáng kiến được công nhận      6       2         4            66.67%       NO
	// Ban chấp hành Công đoàn cơ sở  Tỷ lệ đạt Lao động tiên tiến  85      86.5      86.5 (held)  101.76%      yes
	// Projection: linear criteria × 12 ÷ 6, rounded once as each criterion states; held criteria keep the value achieved.
	// 1 of 2 targets not on course.
}

// The year end projected from the nine-month report of Cụm II's covenant,
// under the cluster's rulebook (examples/cum2-years): no ballot is held
// before the year-end meeting, so the vote condition is assumed met and
// the tie-break on votes skipped.
func ExampleForecast_WriteText() {
	dir := "../../examples/cum2-years/"
	c, err := covenant.Load(dir + "covenant-2021.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	rb, err := rules.Load(dir + "rulebook-2021.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The other criteria, facts and deductions of the nine months.
	base, _, err := scoresheet.Load(rb, dir+"interim-2021.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	fc, err := c.Project(rb, base, 9)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := fc.WriteText(os.Stdout, lang.Vietnamese); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Dự kiến kết quả cuối năm theo Bảng chấm điểm công tác thi đua, khen thưởng Cụm II – Các cơ quan quản lý chuyên ngành (minh họa) (phiên bản 2021.1):
	//   giả định: chưa có kết quả bỏ phiếu (việc bỏ phiếu diễn ra tại hội nghị tổng kết năm): coi như đã đạt các điều kiện về số phiếu (Được từ 80% thành viên cụm bỏ phiếu tán thành); không áp dụng tiêu chí ưu tiên nhiều phiếu hơn
	//   giả định: giá trị các tiêu chí của giao ước được dự kiến từ kết quả sơ kết 9 tháng
	//
	// Hạng  Đơn vị                                  Tổng điểm dự kiến  Dự kiến đạt                       Điều kiện chưa đạt
	// 1     Sở Tài nguyên và Môi trường             96,50              Cờ thi đua của UBND tỉnh          —
	// 2     Sở Công Thương                          95,70              Bằng khen của Chủ tịch UBND tỉnh  —
	// 3     Sở Khoa học và Công nghệ                94,17              Bằng khen của Chủ tịch UBND tỉnh  —
	// 4     Sở Xây dựng                             87,50              —                                 Tổng điểm đạt từ 90 điểm trở lên; Không có tiêu chí nào dưới 85% số điểm tối đa
	// 5     Sở Thông tin và Truyền thông            80,10              —                                 Tổng điểm đạt từ 90 điểm trở lên; Không có tiêu chí nào dưới 85% số điểm tối đa
	// 6     Sở Giao thông Vận tải                   78,83              —                                 Tổng điểm đạt từ 90 điểm trở lên; Không có tiêu chí nào dưới 85% số điểm tối đa; Tổng điểm đạt từ 80 điểm trở lên
	// 7     Sở Nông nghiệp và Phát triển nông thôn  76,00              —                                 Tổng điểm đạt từ 90 điểm trở lên; Không có tiêu chí nào dưới 85% số điểm tối đa; Tổng điểm đạt từ 80 điểm trở lên
	// 8     Thanh tra tỉnh                          73,50              —                                 Tổng điểm đạt từ 90 điểm trở lên; Không có tiêu chí nào dưới 85% số điểm tối đa; Tổng điểm đạt từ 80 điểm trở lên
}
