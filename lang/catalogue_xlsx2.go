package lang

// xlsx2Texts are the sentences of the Excel reader about named ballots
// (votes.ballots): a votes column, or a details row, of one ballot.
var xlsx2Texts = map[string][2]string{
	"xlsx.key.ballot":       {"{0}: bộ tiêu chí không có cuộc bỏ phiếu {1} (các cuộc bỏ phiếu: {2})", "{0}: unknown ballot {1} (the rulebook's ballots: {2})"},
	"xlsx.votes.ballot":     {"{0}: {p0}", "{0}: {p0}"},
	"xlsx.info.ballot":      {"bộ tiêu chí không có cuộc bỏ phiếu {0} (các cuộc bỏ phiếu: {1})", "unknown ballot {0} (the rulebook's ballots: {1})"},
	"xlsx.info.entitled_of": {"số thành viên có quyền bỏ phiếu ({p0}): {p1}", "entitled ({p0}): {p1}"},
	"xlsx.info.present_of":  {"số thành viên có mặt ({p0}): {p1}", "present ({p0}): {p1}"},
}
