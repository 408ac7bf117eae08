package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/thidua/thidua/server"
)

// A client posts the rulebook and the score sheet as a JSON object and
// reads the standings; a sheet with problems is answered 422 with each
// problem located and written in Vietnamese and English.
func Example() {
	srv := httptest.NewServer(server.New(server.Options{}))
	defer srv.Close()

	rules, _ := os.ReadFile("../examples/cum2/rulebook.yaml")
	scores, _ := os.ReadFile("../examples/cum2/scores-2020.csv")
	body, _ := json.Marshal(map[string]string{"rules": string(rules), "scores": string(scores), "scores_format": "csv"})
	resp, err := http.Post(srv.URL+"/v1/rank", "application/json", bytes.NewReader(body))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var st struct {
		Schema string `json:"schema"`
		Rows   []struct {
			Rank   int `json:"rank"`
			Member struct {
				Name string `json:"name"`
			} `json:"member"`
			Total  string   `json:"total"`
			Awards []string `json:"awards"`
		} `json:"rows"`
	}
	json.NewDecoder(resp.Body).Decode(&st)
	fmt.Println(resp.StatusCode, st.Schema)
	for _, r := range st.Rows[:3] {
		fmt.Println(r.Rank, r.Member.Name, r.Total, r.Awards)
	}

	body, _ = json.Marshal(map[string]string{"rules": string(rules), "scores": "record,member,key,value,stage\nmember,SCT,name,Sở Công Thương\nscore,SCT,03,21,cluster\n", "scores_filename": "bad.csv"})
	resp, err = http.Post(srv.URL+"/v1/validate", "application/json", bytes.NewReader(body))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var ps server.Problems
	json.NewDecoder(resp.Body).Decode(&ps)
	for _, p := range ps.Problems {
		if p.Code == "input.value.above_max" {
			fmt.Println(resp.StatusCode, p.Code, p.Where.File, p.Where.Line, p.Member, p.Criterion)
			fmt.Println(p.Text.VI)
			fmt.Println(p.Text.EN)
		}
	}
	// Output:
	// 200 thidua/standings/v2
	// 1 Sở Công Thương 96.35 [flag]
	// 2 Sở Khoa học và Công nghệ 94.7 [merit]
	// 3 Sở Xây dựng 88.75 [merit]
	// 422 input.value.above_max bad.csv 3 SCT 03
	// bad.csv:3: đơn vị SCT: 03: 21 điểm vượt điểm tối đa 20
	// bad.csv:3: member SCT: 03: 21 points is above the maximum 20
}
