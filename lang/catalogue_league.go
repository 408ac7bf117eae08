package lang

// leagueTexts are the sentences of head-to-head tie-breaks as leagues
// define them (đối đầu kiểu giải đấu): the rulebook's form, the sheet's
// match results and the mini-league's table in explanations.
var leagueTexts = map[string][2]string{
	"rules.tie.league_form": {"league cần một trong hai dạng: reapply (áp dụng lại cho các đơn vị còn bằng nhau) hoặc once (một lần, rồi chuyển sang quy tắc sau), nhận được {0}", "league takes one of two forms: reapply (computed again among those still tied) or once (then the next rule), found {0}"},

	"input.match.self":     {"kết quả trận đấu ghi đơn vị {0} đấu với chính nó", "a match result puts {0} against itself"},
	"input.match.negative": {"kết quả trận với {0} có tỉ số âm ({1}–{2}): tỉ số là số nguyên không âm", "the result against {0} has a negative score ({1}–{2}): scores are whole numbers, not negative"},
	"input.match.twice":    {"kết quả trận với {0} được ghi hai lần{p0}", "the result against {0} is given twice{p0}"},
	"csv.match.score":      {"dòng match cần tỉ số của đơn vị ở cột value (số nguyên không âm)", "a match row needs the member's score in the value column (a whole number, not negative)"},
	"csv.match.half":       {"dòng match ghi tỉ số của {0} với {1}, nhưng thiếu dòng ghi tỉ số của {1} với {0}", "a match row gives {0}'s score against {1}, but no row gives {1}'s score against {0}"},
	"csv.match.twice":      {"tỉ số của đơn vị này với {0} được ghi hai lần (dòng {1})", "the member's score against {0} is given twice (line {1})"},

	"league.missing":        {"đối đầu kiểu giải đấu: bảng điểm không có kết quả trận {0} – {1}", "league: the sheet has no result of {0} v {1}"},
	"value.league":          {"giải đấu nhỏ giữa {0} đơn vị bằng điểm: {1} điểm, hiệu số {2}, ghi {3} sau {4} trận (kết quả: {list})", "mini-league of {0} tied members: {1} points, difference {2}, scored {3} in {4} matches (results: {list})"},
	"value.league.match":    {"{0}–{1} với {2}", "{0}–{1} v {2}"},
	"value.league.unplayed": {"chưa có kết quả với {0}", "no result v {0}"},
	"value.out_of_play":     {"{p0}; không tính {p1} vì không đủ điều kiện cho hình thức khen thưởng nào", "{p0}; not counting {p1}, eligible for no award"},
	"value.members":         {"{list}", "{list}"},
	"value.member":          {"{0}", "{0}"},
}
