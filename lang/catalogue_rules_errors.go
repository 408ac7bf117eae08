package lang

// rulesErrorTexts are the problems found in a rulebook (package rules) and
// by the strict YAML/JSON decoder (internal/decode).
//
// Quoted values ({0} where English writes "x" in Go quotes) come quoted in
// the argument itself, so the templates hold no quotation marks of their
// own. Keys, words of the rulebook's vocabulary (ratio, trimmed_mean,
// all_members, …) and ids are the file's own and are not translated.
var rulesErrorTexts = map[string][2]string{
	// The decoder: the document as a whole.
	"decode.too_large":       {"tài liệu dài {0:n} byte, vượt giới hạn {1:n} byte", "document is {0} bytes; the limit is {1}"},
	"decode.empty":           {"tài liệu trống", "document is empty"},
	"decode.second_document": {"một tài liệu thứ hai bắt đầu tại đây (sau ---); mỗi tệp chỉ được chứa một tài liệu", "a second document starts here (after ---); a file holds one document"},
	"decode.syntax":          {"lỗi cú pháp YAML: {0}", "{0}"},
	"decode.json_syntax":     {"lỗi cú pháp JSON: {0} (tài liệu bắt đầu bằng {1} nên được đọc theo JSON)", "JSON syntax error: {0} (the document starts with {1}, so it is read as JSON)"},
	"decode.json":            {"lỗi JSON: {0} (tài liệu bắt đầu bằng {1} nên được đọc theo JSON)", "{0} (the document starts with {1}, so it is read as JSON)"},
	"decode.too_many_nodes":  {"tài liệu có hơn {0:n} nút", "document has more than {0} nodes"},
	"decode.too_deep":        {"tài liệu lồng các ánh xạ và danh sách sâu quá {0} cấp", "the document nests mappings and lists more than {0} levels deep"},

	// The decoder: keys and values.
	"decode.unknown_key":         {"khóa không hợp lệ {0} (các khóa hợp lệ: {1})", "unknown key {0} (known keys: {1})"},
	"decode.unknown_key.suggest": {"khóa không hợp lệ {0} (có phải là {1}?) (các khóa hợp lệ: {2})", "unknown key {0} (did you mean {1}?) (known keys: {2})"},
	"decode.duplicate_key":       {"khóa bị lặp (đã ghi ở dòng {0})", "duplicate key (first given on line {0})"},
	"decode.merge_key":           {"không hỗ trợ khóa gộp (<<); hãy ghi đầy đủ các khóa (anchor và alias cũng không được hỗ trợ)", "merge keys (<<) are not supported; write the keys out (anchors and aliases are not supported either)"},
	"decode.alias":               {"không hỗ trợ anchor và alias; hãy ghi đầy đủ giá trị", "anchors and aliases are not supported; write the value out"},
	"decode.expected":            {"cần {p0}, nhận được {p1}", "expected {p0}, found {p1}"},
	"decode.expected_value":      {"cần {p0}, nhận được {0}", "expected {p0}, found {0}"},
	"decode.want.text":           {"văn bản", "a text"},
	"decode.want.number":         {"một số", "a number"},
	"decode.want.bool":           {"true hoặc false", "true or false"},
	"decode.want.int":            {"một số nguyên", "a whole number"},
	"decode.want.uint":           {"một số nguyên từ 0 đến {0}", "a whole number from 0 to {0}"},
	"decode.want.single":         {"một giá trị đơn", "a single value"},
	"decode.want.list":           {"một danh sách", "a list"},
	"decode.want.mapping":        {"một nhóm khóa – giá trị", "a mapping of keys to values"},
	"decode.found.mapping":       {"một nhóm khóa – giá trị", "a mapping"},
	"decode.found.list":          {"một danh sách", "a list"},
	"decode.found.alias":         {"một alias", "an alias"},
	"decode.found.nothing":       {"không có giá trị", "nothing"},
	"decode.value":               {"giá trị không đọc được: {0}", "{0}"},
	"decode.go_type":             {"không đọc được vào kiểu Go {0}", "cannot decode into a Go value of type {0}"},
	"decode.text":                {"{0}", "{0}"},

	// Kinds of entry, with their article in English ("a criterion") and
	// without ("criterion"); Vietnamese has no article.
	"rules.a.criterion":         {"tiêu chí", "a criterion"},
	"rules.a.bonus_item":        {"mục điểm thưởng", "a bonus item"},
	"rules.a.deduction_item":    {"mục điểm trừ", "a deduction item"},
	"rules.a.fact":              {"dữ kiện", "a fact"},
	"rules.a.stage":             {"vòng chấm", "a stage"},
	"rules.a.condition":         {"điều kiện", "a condition"},
	"rules.a.award_tier":        {"hình thức khen thưởng", "an award tier"},
	"rules.noun.criterion":      {"tiêu chí", "criterion"},
	"rules.noun.bonus_item":     {"mục điểm thưởng", "bonus item"},
	"rules.noun.deduction_item": {"mục điểm trừ", "deduction item"},
	"rules.noun.fact":           {"dữ kiện", "fact"},
	"rules.noun.stage":          {"vòng chấm", "stage"},
	"rules.noun.condition":      {"điều kiện", "condition"},
	"rules.noun.award_tier":     {"hình thức khen thưởng", "award tier"},

	// The rulebook: identity, ids and names ({p0} is a kind of entry).
	"rules.id.missing_rulebook": {"bộ tiêu chí thiếu id", "a rulebook needs an id"},
	"rules.version.missing":     {"bộ tiêu chí thiếu phiên bản (version), cần có để kết quả ghi rõ đã chấm theo quy định nào", "a rulebook needs a version, so that results can say which rules produced them"},
	"rules.title.missing":       {"bộ tiêu chí thiếu tên (title)", "a rulebook needs a title"},
	"rules.in_force.order":      {"ngày hết hiệu lực ({0}) trước ngày bắt đầu hiệu lực ({1})", "ends ({0}) before it starts ({1})"},
	"rules.criteria.none":       {"bộ tiêu chí phải có ít nhất một tiêu chí", "a rulebook needs at least one criterion"},
	"rules.missing.unknown":     {"cách xử lý điểm thiếu {0} không hợp lệ (dùng error hoặc zero)", "unknown policy {0} (expected error or zero)"},
	"rules.rank_by.unknown":     {"căn cứ xếp hạng {0} không hợp lệ (dùng total hoặc percent)", "unknown basis {0} (expected total or percent)"},
	"rules.id.missing":          {"{p0} thiếu id", "{p0} needs an id"},
	"rules.id.malformed":        {"id {p0} {0} có khoảng trắng ở đầu hoặc cuối, dấu phẩy hoặc dấu xuống dòng", "{p0} id {0} has surrounding spaces, a comma or a line break"},
	"rules.id.duplicate":        {"id {p0} {0} bị trùng", "duplicate {p0} id {0}"},
	"rules.id.duplicate_at":     {"id {p0} {0} bị trùng (đã dùng tại {1})", "duplicate {p0} id {0} (also at {1})"},
	"rules.name.missing":        {"{p0} {0} thiếu tên", "{p0} {0} needs a name"},

	// Criteria and groups.
	"rules.criterion.weight_negative":       {"tiêu chí {0}: hệ số phải dương, nhận được {1:n}", "criterion {0}: weight must be positive, found {1}"},
	"rules.criterion.weight_zero":           {"tiêu chí {0}: hệ số 0: bỏ khóa weight nếu hệ số là 1, hoặc ghi hệ số dương", "criterion {0}: weight 0: omit the key for weight 1, or give a positive weight"},
	"rules.criterion.max":                   {"tiêu chí {0}: điểm tối đa phải lớn hơn 0, nhận được {1:n}", "criterion {0} needs a positive max, found {1}"},
	"rules.criterion.method_unknown":        {"tiêu chí {0}: cách chấm {1} không hợp lệ (phải là một trong: {2})", "criterion {0}: unknown method {1} (expected one of {2})"},
	"rules.criterion.tiers_misplaced":       {"tiêu chí {0}: tiers chỉ áp dụng cho cách chấm tiers, không áp dụng cho {1}", "criterion {0}: tiers apply only to method tiers, not {1}"},
	"rules.criterion.points_each_misplaced": {"tiêu chí {0}: points_each chỉ áp dụng cho cách chấm per_occurrence, không áp dụng cho {1}", "criterion {0}: points_each applies only to method per_occurrence, not {1}"},
	"rules.criterion.target_misplaced":      {"tiêu chí {0}: chỉ tiêu (target) chỉ áp dụng cho cách chấm ratio và relative, không áp dụng cho {1}", "criterion {0}: a target applies only to methods ratio and relative, not {1}"},
	"rules.criterion.target_negative":       {"tiêu chí {0}: chỉ tiêu phải dương, nhận được {1:n}", "criterion {0}: target must be positive, found {1}"},
	"rules.criterion.points_each_missing":   {"tiêu chí {0}: cách chấm per_occurrence cần points_each dương (ví dụ 5 cho \"5 điểm/buổi\")", "criterion {0}: per_occurrence needs positive points_each (e.g. 5 for \"5 điểm/buổi\")"},
	"rules.criterion.too_deep":              {"tiêu chí {0} ở cấp {1:n}: tiêu chí chỉ được lồng tối đa {2:n} cấp", "criterion {0} is at level {1}: criteria may be nested at most {2} levels deep"},
	"rules.group.method":                    {"nhóm tiêu chí {0} có tiêu chí con nên điểm của nhóm là tổng điểm các tiêu chí con; cách chấm (method) chỉ áp dụng cho tiêu chí không có tiêu chí con", "group {0} has children, so its points are their sum; a method applies only to a criterion without children"},
	"rules.group.leaf_keys":                 {"nhóm tiêu chí {0} có tiêu chí con; target, points_each và tiers chỉ áp dụng cho tiêu chí không có tiêu chí con", "group {0} has children; target, points_each and tiers apply only to a criterion without children"},
	"rules.group.max_negative":              {"nhóm tiêu chí {0}: điểm tối đa phải dương, nhận được {1:n}", "group {0}: max must be positive, found {1}"},
	"rules.group.max_exceeded":              {"nhóm tiêu chí {0}: điểm tối đa của các tiêu chí con cộng lại là {1:n}, vượt điểm tối đa của nhóm {2:n}", "group {0}: its children's maxima add up to {1}, more than the group's max {2}"},
	"rules.group.max_unreachable":           {"nhóm tiêu chí {0}: không thể đạt điểm tối đa {1:n}: điểm tối đa của các tiêu chí con cộng lại chỉ là {2:n}", "group {0}: max {1} cannot be reached: its children's maxima add up to only {2}"},
	"rules.tiers.none":                      {"tiêu chí {0}: cách chấm tiers cần ít nhất một mức", "criterion {0}: method tiers needs at least one tier"},
	"rules.tiers.duplicate":                 {"tiêu chí {0}: ngưỡng {1:n} được ghi hai lần (mức {2} và {3})", "criterion {0}: threshold {1} is given twice (tiers {2} and {3})"},
	"rules.tiers.points_range":              {"tiêu chí {0}: điểm của mức là {1:n}, ngoài khoảng 0…{2:n}", "criterion {0}: tier points {1} outside 0…{2}"},
	"rules.tiers.max_unreachable":           {"tiêu chí {0}: không thể đạt điểm tối đa {1:n}: mức cao nhất chỉ cho {2:n} điểm", "criterion {0}: max {1} cannot be reached: the best tier gives {2}"},
	"rules.tiers.decreasing":                {"tiêu chí {0}: ngưỡng {1:n} cho {2:n} điểm, ít hơn ngưỡng thấp hơn {3:n} ({4:n} điểm)", "criterion {0}: threshold {1} gives {2} points, fewer than the lower threshold {3} ({4} points)"},

	// Bonus and deduction items ({p0} is the kind of item).
	"rules.item.points":            {"{p0} {0}: số điểm mỗi lần phải dương, nhận được {1:n}", "{p0} {0} needs positive points per occurrence, found {1}"},
	"rules.item.max_negative":      {"{p0} {0}: điểm tối đa phải dương, nhận được {1:n}", "{p0} {0}: max must be positive, found {1}"},
	"rules.cap.negative":           {"mức trần phải dương, nhận được {0:n}", "cap must be positive, found {0}"},
	"rules.cap.no_bonus_items":     {"có mức trần {0:n} nhưng không có mục điểm thưởng nào", "a cap of {0} is given but there are no bonus items"},
	"rules.cap.no_deduction_items": {"có mức trần {0:n} nhưng không có mục điểm trừ nào", "a cap of {0} is given but there are no deduction items"},
	"rules.cap.unreachable":        {"không thể đạt mức trần {0:n}: điểm tối đa của các mục cộng lại chỉ là {1:n}", "cap {0} cannot be reached: the items' maxima add up to only {1}"},

	// Assessment stages, rounding, votes and shares.
	"rules.stage.trim_misplaced":           {"vòng chấm {0}: trim chỉ áp dụng khi aggregate là trimmed_mean", "stage {0}: trim applies only to aggregate trimmed_mean"},
	"rules.stage.trim_missing":             {"vòng chấm {0}: trimmed_mean cần trim ≥ 1 (số điểm cao nhất và số điểm thấp nhất được loại bỏ)", "stage {0}: trimmed_mean needs trim ≥ 1 (the number of highest and of lowest scores dropped)"},
	"rules.stage.aggregate_unknown":        {"vòng chấm {0}: cách tổng hợp {1} không hợp lệ (dùng mean, median hoặc trimmed_mean)", "stage {0}: unknown aggregate {1} (expected mean, median or trimmed_mean)"},
	"rules.assessment.stage_unused":        {"chỉ ghi stage khi có counts: stage", "a stage is named only with counts: stage"},
	"rules.assessment.stage_unknown":       {"counts: stage cần id của một vòng chấm, nhận được {0}", "counts: stage needs the id of a stage, found {0}"},
	"rules.assessment.counts_unknown":      {"lựa chọn {0} không hợp lệ (dùng latest, max, min hoặc stage)", "unknown choice {0} (expected latest, max, min or stage)"},
	"rules.assessment.divergence_negative": {"ngưỡng chênh lệch phải dương", "threshold must be positive"},
	"rules.rounding.places":                {"số chữ số thập phân phải từ 0 đến {0:n}, nhận được {1:n}", "places must be between 0 and {0}, found {1}"},
	"rules.rounding.mode_unknown":          {"cách làm tròn {0} không hợp lệ (phải là một trong: {1})", "unknown rounding mode {0} (expected one of {1})"},
	"rules.votes.base_unknown":             {"cách tính tỷ lệ phiếu {0} không hợp lệ (dùng all_members hoặc present)", "unknown vote base {0} (expected all_members or present)"},
	"rules.share.missing":                  {"cần một tỷ lệ lớn hơn 0, ví dụ 80% hoặc 2/3", "needs a share above zero, like 80% or 2/3"},
	"rules.share.over":                     {"tỷ lệ {0:n} vượt quá 100%", "share {0} is more than 100%"},
	"rules.share.parse_percent":            {"tỷ lệ {0}: cần ghi phần trăm, ví dụ 80%", "share {0}: expected a percentage like 80%"},
	"rules.share.parse_fraction":           {"tỷ lệ {0}: cần ghi phân số của hai số nguyên, ví dụ 2/3", "share {0}: expected a fraction of whole numbers like 2/3"},
	"rules.share.parse":                    {"tỷ lệ {0}: cần ghi dạng 80%, 2/3 hoặc 0.8", "share {0}: expected 80%, 2/3 or 0.8"},
	"rules.share.range":                    {"tỷ lệ {0}: ngoài phạm vi (phải từ 0 đến {1:n}, tức từ 0% đến {2:n}%)", "share {0}: out of range (expected 0 to {1}, that is 0% to {2}%)"},
	"rules.share.places":                   {"tỷ lệ {0}: quá nhiều chữ số thập phân (tối đa {1:n})", "share {0}: too many decimal places (at most {1})"},
	"rules.date.malformed":                 {"cần một ngày dạng YYYY-MM-DD, nhận được {0}", "expected a date YYYY-MM-DD, found {0}"},

	// Eligibility conditions.
	"rules.condition.reason_missing":          {"điều kiện {0} thiếu lý do (reason: nội dung hiển thị khi đơn vị không đạt điều kiện)", "condition {0} needs a reason (the text shown when a member fails it)"},
	"rules.condition.percent_range":           {"điều kiện {0}: tỷ lệ phần trăm phải trong khoảng 0…100, nhận được {1:n}", "condition {0}: percentage must be within 0…100, found {1}"},
	"rules.condition.criterion_unknown":       {"điều kiện {0}: không có tiêu chí hay nhóm tiêu chí {1}", "condition {0}: unknown criterion or group {1}"},
	"rules.condition.fact_unknown":            {"điều kiện {0}: dữ kiện {1} chưa được khai báo (khai báo trong facts)", "condition {0}: unknown fact {1} (declare it under facts)"},
	"rules.condition.max_deductions_negative": {"điều kiện {0}: không được là số âm", "condition {0}: must not be negative"},
	"rules.condition.consecutive_award":       {"điều kiện {0}: max_consecutive cần ghi hình thức khen thưởng được giới hạn (ví dụ flag)", "condition {0}: max_consecutive needs the award it limits (e.g. flag)"},
	"rules.condition.consecutive_years":       {"điều kiện {0}: years phải từ 1 trở lên (1: không được hai năm liên tiếp), nhận được {1:n}", "condition {0}: years must be at least 1 (1: not two years running), found {1}"},
	"rules.condition.kinds":                   {"điều kiện {0} phải có đúng một trong các khóa min_total, min_percent, criterion_floor, group_min, fact, max_deductions, max_consecutive, min_votes; hiện có {1:n}", "condition {0} must have exactly one of min_total, min_percent, criterion_floor, group_min, fact, max_deductions, max_consecutive, min_votes; found {1}"},

	// The tie-break chain (thứ tự ưu tiên khi bằng điểm).
	"rules.tie.duplicate":     {"{0} đã có trong thứ tự ưu tiên, ở vị trí {1}", "{0} is already in the chain at position {1}"},
	"rules.tie.ref_unknown":   {"{0}: không có id {1}", "{0}: unknown id {1}"},
	"rules.tie.not_group":     {"{0} là tiêu chí, không phải nhóm tiêu chí (hãy ghi criterion: {1})", "{0} is a criterion, not a group (write criterion: {1})"},
	"rules.tie.not_criterion": {"{0} là nhóm tiêu chí, không phải tiêu chí (hãy ghi group: {1})", "{0} is a group, not a criterion (write group: {1})"},
	"rules.tie.award_unknown": {"no_award_last_year: không có hình thức khen thưởng {0}", "no_award_last_year: unknown award tier {0}"},
	"rules.tie.no_argument":   {"{0} không nhận tham số, nhận được {1}", "{0} takes no argument, found {1}"},
	"rules.tie.lots_not_last": {"bốc thăm (lots) luôn phân định được các đơn vị bằng điểm nên các quy tắc sau nó không bao giờ được áp dụng: hãy đặt lots ở cuối", "lots always separates the tied members, so the rules after it can never apply: put it last"},
	"rules.tie.unknown":       {"quy tắc ưu tiên {0} không hợp lệ (phải là một trong: {1})", "unknown tie-break {0} (expected one of {1})"},
	"rules.tie.shape":         {"mỗi quy tắc ưu tiên là một từ, hoặc một khóa kèm tham số, ví dụ \"group: II\"", "a tie-break is one word or one key with its argument, e.g. \"group: II\""},
	"rules.want.tie_ref":      {"id của một nhóm tiêu chí, tiêu chí hoặc hình thức khen thưởng", "the id of a group, criterion or award tier"},

	// Award tiers.
	"rules.award.name_missing":             {"hình thức khen thưởng {0} thiếu tên (ví dụ: Cờ thi đua của UBND tỉnh)", "award tier {0} needs a name (e.g. Cờ thi đua của UBND tỉnh)"},
	"rules.award.count_negative":           {"hình thức khen thưởng {0}: số lượng (count) phải dương", "award tier {0}: count must be positive"},
	"rules.award.count_and_share":          {"hình thức khen thưởng {0}: chỉ ghi count hoặc share, không ghi cả hai", "award tier {0}: give count or share, not both"},
	"rules.award.count_missing":            {"hình thức khen thưởng {0} cần số lượng (count, ví dụ 1) hoặc tỷ lệ trong cụm (share, ví dụ 30%)", "award tier {0} needs a count (e.g. 1) or a share of the cluster (e.g. 30%)"},
	"rules.award.share_rounding_unknown":   {"cách làm tròn {0} không hợp lệ", "unknown rounding mode {0}"},
	"rules.award.share_rounding_misplaced": {"hình thức khen thưởng {0}: share_rounding chỉ áp dụng khi có share", "award tier {0}: share_rounding applies only with share"},
	"rules.award.condition_unknown":        {"hình thức khen thưởng {0}: không có điều kiện {1}", "award tier {0}: unknown condition {1}"},
	"rules.award.if_ineligible_unknown":    {"lựa chọn {0} không hợp lệ (dùng next_eligible hoặc none)", "unknown choice {0} (expected next_eligible or none)"},

	// The awarding authority (rules.Authority): a name left blank, and the
	// provincial defaults that name who considers the proposals (xem xét,
	// tham mưu) and who decides (quyết định) when the rulebook does not.
	"rules.authority.blank":   {"{0} chỉ có khoảng trắng: ghi tên, hoặc bỏ khóa này để dùng mặc định ({p0})", "{0} is blank: give a name, or leave the key out for the default ({p0})"},
	"rules.authority.council": {"Hội đồng Thi đua – Khen thưởng tỉnh", "the provincial Emulation and Commendation Council"},
	"rules.authority.decides": {"Chủ tịch UBND tỉnh", "the Chairman of the provincial People's Committee"},
}
