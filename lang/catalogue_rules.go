package lang

// rulesTexts name what a rulebook states: rounding rules and modes.
var rulesTexts = map[string][2]string{
	"rounding":           {"{0} chữ số thập phân, {p0}", "{0} places, {p0}"},
	"rounding.one":       {"1 chữ số thập phân, {p0}", "1 place, {p0}"},
	"rounding.half_up":   {"làm tròn thông thường", "half_up"},
	"rounding.half_even": {"làm tròn về số chẵn", "half_even"},
	"rounding.down":      {"cắt bỏ phần lẻ", "down"},
	"rounding.up":        {"làm tròn ra xa số 0", "up"},
	"rounding.floor":     {"làm tròn xuống", "floor"},
	"rounding.ceiling":   {"làm tròn lên", "ceiling"},
}
