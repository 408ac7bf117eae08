package history_test

import (
	"fmt"
	"os"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/history"
)

// A cluster followed over three years (the example of
// examples/cum2-years): the report holds what thidua history prints, value
// by value — here what the history decided in the rankings, in English and
// in Vietnamese. Members and award tiers are named as the files name them.
func ExampleHistory_ClusterReport() {
	h, err := history.Load("../../examples/cum2-years/history.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	from, to := h.Span([]string{"cum2"}, 0)
	r, err := h.ClusterReport("cum2", from, to)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Cluster.Name, r.From, r.To)
	for _, c := range r.Changes {
		fmt.Printf("%d: %s\n", c.Year, c.Message().In(lang.English))
	}
	for _, n := range r.Decided {
		fmt.Printf("%d: %s\n", n.Year, n.Message.In(lang.English))
		fmt.Printf("%d: %s\n", n.Year, n.Message.In(lang.Vietnamese))
	}
	// Output:
	// Cụm II – Các cơ quan quản lý chuyên ngành 2020 2022
	// 2021: Sở Thông tin và Truyền thông joined the cluster
	// 2022: Sở Khoa học và Công nghệ + Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ (hợp nhất với Sở TT&TT – minh họa), which carries over their award history
	// 2021: Sở Tài nguyên và Môi trường ranks above Sở Công Thương as it had no Cờ thi đua của UBND tỉnh the year before: no award in 2020 v Cờ thi đua của UBND tỉnh in 2020
	// 2021: Sở Tài nguyên và Môi trường xếp trên Sở Công Thương vì năm trước chưa được Cờ thi đua của UBND tỉnh: năm 2020 không được khen so với năm 2020 được Cờ thi đua của UBND tỉnh
	// 2022: Sở Tài nguyên và Môi trường passed over for Cờ thi đua của UBND tỉnh, failing: Không tặng Cờ thi đua hai năm liên tiếp (minh họa) — Cờ thi đua của UBND tỉnh in 2021
	// 2022: Sở Tài nguyên và Môi trường không được đề nghị Cờ thi đua của UBND tỉnh vì chưa đạt: Không tặng Cờ thi đua hai năm liên tiếp (minh họa) — được Cờ thi đua của UBND tỉnh năm 2021
}

// One unit over the years, written as thidua history --member prints it.
func ExampleHistory_MemberReport() {
	h, err := history.Load("../../examples/cum2-years/history.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := h.MemberReport("STNMT", h.Clusters(), 2020, 2022)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.WriteText(os.Stdout, lang.Vietnamese); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Sở Tài nguyên và Môi trường, 2020–2022
	//
	// Năm   Cụm                                        Đơn vị nhận                  Khen thưởng                       Hạng  Tình trạng
	// 2021  Cụm II – Các cơ quan quản lý chuyên ngành  Sở Tài nguyên và Môi trường  Cờ thi đua của UBND tỉnh          1     đã đề nghị
	// 2022  Cụm II – Các cơ quan quản lý chuyên ngành  Sở Tài nguyên và Môi trường  Bằng khen của Chủ tịch UBND tỉnh  1     đã đề nghị
	//
	// Cờ thi đua của UBND tỉnh: 1 trong 3 năm 2020–2022 (2021)
	// Bằng khen của Chủ tịch UBND tỉnh: 1 trong 3 năm 2020–2022 (2022)
	//
	// Vai trò:
	//   2021: Cụm trưởng Cụm II – Các cơ quan quản lý chuyên ngành (bầu)
}
