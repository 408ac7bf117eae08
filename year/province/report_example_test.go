package province_test

import (
	"fmt"
	"os"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/province"
)

// The council's decisions on two clusters' proposals and the
// Government-flag nomination, written as thidua nominate prints them.
// Proposals written in the file give award tier ids only; a cluster read
// from a history file names them as its rulebook does (see
// examples/province).
func ExampleProvince_WriteText() {
	p, err := province.Parse("province.yaml", []byte(exampleProvince))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := p.WriteText(os.Stdout, lang.Vietnamese); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Tỉnh X — năm 2021
	//
	// Đề nghị của các cụm và quyết định của Hội đồng Thi đua – Khen thưởng tỉnh X (phiên họp ngày 15/03/2022)
	// Cụm     Đơn vị                       Khen thưởng  Hạng  Tỷ lệ điểm  Quyết định       Lý do
	// Cụm I   Sở Kế hoạch và Đầu tư        flag         1     97,5%       thông qua        —
	//         Sở Tài chính                 merit        2     95%         không thông qua  Hồ sơ chưa đầy đủ
	// Cụm II  Sở Tài nguyên và Môi trường  flag         1     96,1%       thông qua        —
	// Tổng cộng: flag: 2 đề nghị, 2 thông qua; merit: 1 đề nghị, 0 thông qua, 1 không thông qua
	//
	// Cờ thi đua của Chính phủ: xét chọn trong số các đơn vị dẫn đầu cụm được Hội đồng thông qua đề nghị tặng cờ thi đua cấp tỉnh
	// Số lượng đề nghị tối đa: 20% × 7 = 1,4 → 1 (làm tròn xuống) — trên 7 tập thể đủ tiêu chuẩn cờ thi đua cấp tỉnh (2 đơn vị dẫn đầu các cụm trên + 5 tập thể khác)
	// Xếp hạng các đơn vị được xét theo kết quả chấm điểm tại cụm (tối đa 100 điểm, tỷ lệ so với chỉ tiêu) (bộ tiêu chí có mã băm sha256:89ef278953e27546e5ab6cb3057ce6601b0c751b00a6b18a4ce02d57798902fe)
	//
	// Hạng  Đơn vị                       Cụm     Điểm   Tiêu chuẩn chưa đạt  Được đề nghị  Căn cứ xếp hạng
	// 1     Sở Kế hoạch và Đầu tư        Cụm I   97,50  —                    có
	// 2     Sở Tài nguyên và Môi trường  Cụm II  96,10  —                    —             tổng điểm: 96,1 < 97,5 (Sở Kế hoạch và Đầu tư)
	// Đề nghị tặng Cờ thi đua của Chính phủ: Sở Kế hoạch và Đầu tư
}
