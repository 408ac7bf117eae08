package lang

// whatifTexts are the sentences of package whatif: what it takes to reach
// an outcome, break-evens and scenario notes.
var whatifTexts = map[string][2]string{
	// Why a target cannot be reached (Obstacle). {p0} of a fixed or a
	// condition obstacle is the engine's eligibility failure.
	"whatif.obstacle.fixed":     {"{0}: {p0} — tăng điểm cũng không thay đổi được điều này", "{0}: {p0} — no gain in scores changes this"},
	"whatif.obstacle.condition": {"{0}: {p0}", "{0}: {p0}"},
	"whatif.obstacle.caps":      {"{p0}: tổng điểm {0:n}, hạng {p1}, {p2}", "{p0}: total {0}, rank {p1}, {p2}"},
	"whatif.caps.at_max":        {"khi mọi tiêu chí có thể thay đổi đều đạt điểm tối đa", "with every criterion it can change at its maximum"},
	"whatif.caps.all_at_max":    {"mọi tiêu chí có thể thay đổi đều đã đạt điểm tối đa", "every criterion it can change is already at its maximum"},
	"whatif.rank":               {"{0}", "{0}"},
	"whatif.rank.tied":          {"{0} (bằng điểm)", "{0} (tied)"},
	"whatif.award.none":         {"không được đề nghị khen thưởng", "no award"},
	"whatif.award.proposed":     {"được đề nghị {0}", "proposed for {0}"},

	// Criteria the search holds at their current value (Fixed).
	"whatif.fixed.not_assigned": {"không được giao cho đơn vị", "not assigned to the member (không được giao)"},
	"whatif.fixed.relative":     {"chấm so với đơn vị dẫn đầu cụm: giữ nguyên giá trị hiện tại", "scored relative to the cluster's leader: held at its current value"},
	"whatif.fixed.votes":        {"quy đổi từ kết quả bỏ phiếu: giữ nguyên giá trị hiện tại", "converted from the ballot: held at its current value"},

	// Where the answer's exactness rests on an assumption (caveats).
	"whatif.caveat.head_to_head": {"thứ tự ưu tiên khi bằng điểm có tiêu chí đối đầu (head_to_head), so sánh điểm các đơn vị chấm chéo cho nhau; mức tăng đã được kiểm tra với đúng thứ tự ưu tiên đó, nhưng việc tìm kiếm không chọn cách phân bổ có lợi nhất khi so sánh đối đầu", "the tie-break chain has head_to_head, which compares the peers' own scores; a gain is verified with the real chain, but the search does not seek the allocation that best wins head-to-head comparisons"},
	"whatif.caveat.places":       {"thang điểm đầu vào của các tiêu chí không có mẫu số chung nhỏ: mức công sức được so sánh đến 12 chữ số thập phân (mức tăng điểm vẫn chính xác)", "the criteria's input scales share no small common denominator: efforts were compared to 12 decimal places (the gain is exact)"},

	// What a sweep varies, and over which values.
	"whatif.param.weight": {"trọng số của {0}", "weight of {0}"},
	"whatif.param.score":  {"điểm của {0} ở tiêu chí {1}", "score of {0} on {1}"},
	"whatif.range":        {"{0:n} … {1:n}, bước {2:n}", "{0} … {1} step {2}"},

	// An outcome: who ranks first, who is proposed for each tier.
	"whatif.outcome":         {"{parts}", "{parts}"},
	"whatif.outcome.winner":  {"dẫn đầu: {0}", "winner {0}"},
	"whatif.outcome.tier":    {"{0}: {list}", "{0} {list}"},
	"whatif.outcome.members": {"{0}", "{0}"},
	"whatif.outcome.nobody":  {"không có đơn vị", "nobody"},
	"whatif.outcome.blocked": {"chờ phân định bằng điểm ở hình thức trên", "blocked"},
	"whatif.outcome.pending": {"chờ phân định {0}", "pending {0}"},

	// Notes of a sweep that could not be exact, and of a break-even.
	"whatif.note.percent_weight":  {"bộ tiêu chí so sánh tỷ lệ điểm, mà tỷ lệ này biến đổi theo trọng số như thương của hai hàm bậc nhất: các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát", "the rulebook compares percentages, which vary with a weight as a ratio of two linear functions: break-evens are bracketed by the grid only"},
	"whatif.note.relative":        {"điểm của một tiêu chí chấm so với đơn vị dẫn đầu làm thay đổi đơn vị dẫn đầu, do đó thay đổi điểm của mọi đơn vị: các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát", "a relative criterion's score moves the cluster's leader and so every member's points: break-evens are bracketed by the grid only"},
	"whatif.note.unrankable":      {"không xếp hạng được với trọng số 1 hoặc 2 ({0}): các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát", "the rulebook cannot be ranked at weight 1 or 2 ({0}): break-evens are bracketed by the grid only"},
	"whatif.note.model_disagrees": {"tại {3:n}, theo mô hình chính xác {1:rule} của {0} là {2:n}, còn khi xếp hạng thực tế là {4:n}: các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát", "the exact model gives {0} a {1} of {2} at {3}, the engine {4}: break-evens are bracketed by the grid only"},
	"whatif.note.no_event":        {"giữa {0:n} và {1:n} kết quả thay đổi ở chỗ mô hình không thấy điểm biến đổi nào: ngưỡng chỉ khoanh được giữa hai giá trị khảo sát", "between {0} and {1} the outcome changes where the model sees no event: break-even bracketed by the grid"},
	"whatif.breakeven.see_notes":  {"chỉ khoanh được giữa hai giá trị khảo sát (xem phần ghi chú)", "located between two grid values only (see the notes)"},
	"whatif.breakeven.too_many":   {"giữa hai giá trị khảo sát có quá nhiều bước làm tròn để xét từng bước: chỉ khoanh được giữa hai giá trị đó", "too many rounding steps between the grid values to examine one by one: located between them only"},
	"whatif.breakeven.not_finite": {"ngưỡng không viết được thành số thập phân hữu hạn: mọi giá trị lớn hơn ngưỡng, ở sát ngưỡng, đều cho kết quả mới", "the break-even has no finite decimal expansion: every value above it gives the new outcome near it"},
	"whatif.breakeven.grid":       {"chỉ khoanh được giữa hai giá trị khảo sát", "located between two grid values only"},
	"whatif.breakeven.whole":      {"điểm chỉ nhận giá trị nguyên", "the score takes whole values only"},

	// A scenario's edits, one line each.
	"whatif.edit.set_score":         {"{0}: tiêu chí {1}, giai đoạn chấm {2}: đặt thành {3:n}", "{0}: {1} at stage {2} set to {3}"},
	"whatif.edit.set_score_by":      {"{0}: tiêu chí {1}, giai đoạn chấm {2}, người chấm {4}: đặt thành {3:n}", "{0}: {1} at stage {2} by {4} set to {3}"},
	"whatif.edit.add_deduction":     {"{0}: thêm {1} lần điểm trừ {2}", "{0}: add {1} × deduction {2}"},
	"whatif.edit.remove_deduction":  {"{0}: bỏ {1} lần điểm trừ {2}", "{0}: remove {1} × deduction {2}"},
	"whatif.edit.remove_deductions": {"{0}: bỏ mọi lần điểm trừ {1}", "{0}: remove every deduction {1}"},
	"whatif.edit.add_bonus":         {"{0}: thêm {1} lần điểm thưởng {2}", "{0}: add {1} × bonus {2}"},
	"whatif.edit.remove_bonus":      {"{0}: bỏ {1} lần điểm thưởng {2}", "{0}: remove {1} × bonus {2}"},
	"whatif.edit.remove_bonuses":    {"{0}: bỏ mọi lần điểm thưởng {1}", "{0}: remove every bonus {1}"},
	"whatif.edit.noted":             {"{p0} ({0})", "{p0} ({0})"},
	"whatif.edit.set_fact_true":     {"{0}: ghi nhận {1} là đúng", "{0}: fact {1} set to true"},
	"whatif.edit.set_fact_false":    {"{0}: ghi nhận {1} là sai", "{0}: fact {1} set to false"},
	"whatif.edit.drop_member":       {"{0}: đưa ra khỏi cụm", "{0}: dropped from the cluster"},
	"whatif.edit.add_votes":         {"{0}: phiếu tán thành {1}, không tán thành {2}, không biểu quyết {3}", "{0}: votes {1} for, {2} against, {3} abstaining"},
	"whatif.edit.none":              {"(không có thay đổi)", "(no edit)"},

	// A member's change between two standings (MemberChange).
	"whatif.diff.member":  {"{list}", "{list}"},
	"whatif.diff.moved":   {"{0}: hạng {1} → {2}, tổng điểm {3:n} → {4:n}", "{0}: rank {1} → {2}, total {3} → {4}"},
	"whatif.diff.dropped": {"{0}: đã đưa ra khỏi cụm (trước đó hạng {1}, tổng điểm {2:n})", "{0}: dropped (was rank {1}, total {2})"},
	"whatif.diff.gains":   {"nay được đề nghị {0}", "gains {0}"},
	"whatif.diff.loses":   {"không còn được đề nghị {0}", "loses {0}"},
}
