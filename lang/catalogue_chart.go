package lang

// chartTexts are the words of the simulation's chart (package simulation,
// Result.WriteSVGIn and WriteHTMLIn): its title, the line below it, the
// legend, the tooltips and the heads of the table beside it. Numbers come
// already in the language's form ("41,9%").
var chartTexts = map[string][2]string{
	"chart.title":           {"Xác suất xếp hạng — {0}, phiên bản {1}", "Rank probabilities — {0}, version {1}"},
	"chart.sub":             {"{0} kịch bản, seed {1}, {2}", "{0} scenarios, seed {1}, {2}"},
	"chart.engine.compiled": {"bộ tính biên dịch (số nguyên, chính xác)", "compiled engine"},
	"chart.engine.decimal":  {"bộ tính số thập phân (chính xác)", "decimal engine"},
	"chart.partial":         {"DỞ DANG: {0} trên {1} kịch bản", "PARTIAL: {0} of {1} scenarios"},
	"chart.rank":            {"hạng {0}", "rank {0}"},
	"chart.below":           {"dưới hạng {0}", "below rank {0}"},
	"chart.rank_beyond":     {"hạng > {0}", "rank > {0}"},
	"chart.tip":             {"{0} — {1}: {2} (khoảng tin cậy 95%: {3}–{4}), {5} kịch bản", "{0} — {1}: {2} (95% CI {3}–{4}), {5} scenarios"},
	"chart.member":          {"Đơn vị", "Member"},
	"chart.awards":          {"Xác suất được đề nghị khen thưởng", "Probability of each award"},
}
