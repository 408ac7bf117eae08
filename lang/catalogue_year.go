package lang

// yearTexts are the sentences of the packages about the cluster's year and
// the levels above: history, covenant, province and titles.
var yearTexts = map[string][2]string{
	// history: a unit's run of awards and the "not two years running"
	// check. {0} is an award tier's id, {1} a list of years.
	"history.run":       {"được {0} năm {1}", "{0} in {1}"},
	"history.run.none":  {"năm {1} không được {0}", "no {0} in {1}"},
	"history.violation": {"{0}: nếu được {1} năm {2} thì sẽ là {3} năm liên tiếp (đã được các năm {4}; chỉ được tối đa {5} năm liên tiếp)", "{0}: {1} in {2} would be {3} years running (received in {4}; at most {5} allowed)"},

	// Words shared by the reports of history, covenant, province and
	// titles: a date ({0} year, {1} month, {2} day), a list joined by
	// "; ", yes and no in a table.
	"year.date": {"{2}/{1}/{0}", "{0}-{1}-{2}"},
	"year.list": {"{parts}", "{parts}"},
	"year.yes":  {"có", "yes"},
	"year.no":   {"KHÔNG", "NO"},

	// history: the reports of thidua history (ClusterReport,
	// MemberReport). Names come from the files; {0} of title is a
	// cluster's or unit's name, {1}–{2} the years.
	"history.report.title":          {"{0}, {1}–{2}", "{0}, {1}–{2}"},
	"history.report.years":          {"Năm\tSố đơn vị\tCụm trưởng\tCụm phó\tHình thức\tĐơn vị dẫn đầu", "Year\tMembers\tHead\tDeputy\tAppointed\tRanked first"},
	"history.how.elected":           {"bầu", "elected"},
	"history.how.rotation":          {"luân phiên", "by rotation"},
	"history.how.assigned":          {"chỉ định", "assigned"},
	"history.how.inferred":          {"suy đoán", "inferred"},
	"history.report.changes":        {"Thay đổi thành viên:", "Membership changes:"},
	"history.report.joined":         {"{p0} gia nhập cụm", "{p0} joined the cluster"},
	"history.report.left":           {"{p0} rời cụm", "{p0} left the cluster"},
	"history.report.merged_all":     {"{p0} hợp nhất thành {0}, kế thừa thành tích của các đơn vị này", "{p0} merged into {0}, which carries over their award history"},
	"history.report.merged":         {"{p0} hợp nhất thành {0}, kế thừa thành tích của {p1}", "{p0} merged into {0}, which carries over the award history of {p1}"},
	"history.report.awards":         {"Khen thưởng được đề nghị của từng đơn vị, {0}–{1} (đơn vị hình thành sau hợp nhất được tính cả khen thưởng của các đơn vị tiền thân):", "Awards proposed per member, {0}–{1} (a successor counts its predecessors' awards):"},
	"history.report.awards.head":    {"Đơn vị\tNăm là thành viên", "Member\tMember in"},
	"history.report.by":             {"{0} (do {1} nhận)", "{0} (received by {1})"},
	"history.report.years_received": {"{0} năm: {p0}", "{0} years: {p0}"},
	"history.report.decided":        {"Kết quả do lịch sử khen thưởng quyết định (xếp hạng từng năm có tính đến các năm trước):", "Decided by the history (ranking each year with the years before it):"},
	"history.report.past":           {"{0} xếp trên {1} vì năm trước chưa được {2}: {p0} so với {p1}", "{0} ranks above {1} as it had no {2} the year before: {p0} v {p1}"},
	"history.report.past_any":       {"{0} xếp trên {1} vì năm trước chưa được khen thưởng: {p0} so với {p1}", "{0} ranks above {1} as it had no award the year before: {p0} v {p1}"},
	"history.report.passed":         {"{0} không được đề nghị {1} vì chưa đạt: {p0} — {p1}", "{0} passed over for {1}, failing: {p0} — {p1}"},
	"history.report.see_card":       {"xem bảng điểm của đơn vị", "see its scorecard"},
	"history.report.pending":        {"{0} chờ phân định trường hợp bằng điểm giữa {1}", "{0} pending an unresolved tie between {1}"},
	"history.report.control":        {"CẢNH BÁO về bộ tiêu chí (kiểm soát thay đổi bộ tiêu chí):", "WARNING about the rulebooks (rulebook change control):"},
	"history.report.predecessors":   {"Tính cả thành tích của các đơn vị tiền thân: {p0}", "Its award history includes its predecessors': {p0}"},
	"history.report.predecessor":    {"{0} (khen thưởng trước năm {1})", "{0} (awards before {1})"},
	"history.report.no_award":       {"Không được đề nghị khen thưởng trong các năm này.", "No award proposed in these years."},
	"history.report.member.head":    {"Năm\tCụm\tĐơn vị nhận\tKhen thưởng\tHạng\tTình trạng", "Year\tCluster\tReceived by\tAward\tRank\tStatus"},
	"history.status.proposed":       {"đã đề nghị", "proposed"},
	"history.status.awarded":        {"đã được khen thưởng", "awarded"},
	"history.status.cut":            {"không được thông qua", "cut"},
	"history.report.tier_years":     {"{0}: {1} trong {2} năm {3}–{4} ({5})", "{0}: {1} of the {2} years {3}–{4} ({5})"},
	"history.report.roles":          {"Vai trò:", "Roles:"},
	"history.report.head":           {"Cụm trưởng {0} ({p0})", "head of {0} ({p0})"},
	"history.report.head_by":        {"Cụm trưởng {0} ({p0}, do {1} đảm nhiệm)", "head of {0} ({p0}, held by {1})"},
	"history.report.deputy":         {"Cụm phó {0} ({p0})", "deputy head of {0} ({p0})"},
	"history.report.deputy_by":      {"Cụm phó {0} ({p0}, do {1} đảm nhiệm)", "deputy head of {0} ({p0}, held by {1})"},

	// covenant: how a value is projected to the year end, and what a
	// projection of the standings assumes.
	"covenant.projection.linear":    {"{0:n} × 12 ÷ {1} = {2:n} (làm tròn {p0})", "{0} × 12 ÷ {1} = {2} ({p0})"},
	"covenant.projection.held":      {"giữ nguyên giá trị đã đạt", "held"},
	"covenant.assume.no_ballot":     {"chưa có kết quả bỏ phiếu (việc bỏ phiếu diễn ra tại hội nghị tổng kết năm): {parts}", "no ballot before the year-end meeting: {parts}"},
	"covenant.assume.votes_met":     {"coi như đã đạt các điều kiện về số phiếu ({p0})", "the vote conditions are assumed met ({p0})"},
	"covenant.assume.no_more_votes": {"không áp dụng tiêu chí ưu tiên {0:rule}", "the tie-break {0} is skipped"},
	"covenant.assume.projected":     {"giá trị các tiêu chí của giao ước được dự kiến từ kết quả sơ kết {0} tháng", "values of the covenant's criteria projected from the report after {0} months"},

	// covenant: the report of thidua covenant progress (WriteProgress,
	// Forecast.WriteText). {0} of title is the covenant's title, {1} its
	// year; a report's months are {0}.
	"covenant.report.title":       {"{0}, năm {1}", "{0}, {1}"},
	"covenant.report.after":       {"sau {0} tháng", "after {0} months"},
	"covenant.report.after_as_of": {"sau {0} tháng (tính đến ngày {p0})", "after {0} months (as of {p0})"},
	"covenant.report.titled":      {"{0}, {p0}", "{0}, {p0}"},
	"covenant.report.head":        {"Bên giao ước\tTiêu chí\tChỉ tiêu\tĐã đạt\tDự kiến cả năm\t% chỉ tiêu\tĐúng tiến độ", "Party\tCriterion\tTarget\tAchieved\tProjected\t% of target\tOn course"},
	"covenant.report.held":        {"{0:n} (giữ nguyên)", "{0} (held)"},
	"covenant.report.projection":  {"Cách dự kiến: tiêu chí tích lũy lấy giá trị đã đạt × 12 ÷ {0}, làm tròn một lần theo quy định của từng tiêu chí; tiêu chí giữ nguyên lấy giá trị đã đạt.", "Projection: linear criteria × 12 ÷ {0}, rounded once as each criterion states; held criteria keep the value achieved."},
	"covenant.report.behind":      {"{0}/{1} chỉ tiêu chưa đúng tiến độ.", "{0} of {1} targets not on course."},
	"covenant.report.projected":   {"Dự kiến kết quả cuối năm theo {0} (phiên bản {1}):", "Projected year end under {0} (version {1}):"},
	"covenant.report.assumed":     {"giả định: {p0}", "assumed: {p0}"},
	"covenant.report.rank.head":   {"Hạng\tĐơn vị\tTổng điểm dự kiến\tDự kiến đạt\tĐiều kiện chưa đạt", "Rank\tMember\tProjected total\tOn course for\tNot met"},
	"covenant.report.pending":     {"CHỜ PHÂN ĐỊNH {0}: {1} suất giữa {2} (bằng điểm chưa phân định)", "PENDING {0}: {1} place(s) between {2} (unresolved tie)"},

	// province: the report of thidua nominate (Province.WriteText).
	"province.report.title":              {"{0} — năm {1}", "{0} — {1}"},
	"province.report.council":            {"Đề nghị của các cụm và quyết định của {p0}", "Proposals of the clusters and decisions of {p0}"},
	"province.report.council.meeting":    {"Đề nghị của các cụm và quyết định của {p0} (phiên họp ngày {p1})", "Proposals of the clusters and decisions of {p0} (meeting of {p1})"},
	"province.report.council.default":    {"Hội đồng Thi đua – Khen thưởng tỉnh", "the provincial council (Hội đồng Thi đua – Khen thưởng tỉnh)"},
	"province.report.decided.head":       {"Cụm\tĐơn vị\tKhen thưởng\tHạng\tTỷ lệ điểm\tQuyết định\tLý do", "Cluster\tMember\tAward\tRank\tPercent\tDecision\tReason"},
	"province.verdict.approved":          {"thông qua", "approved"},
	"province.verdict.cut":               {"không thông qua", "cut"},
	"province.verdict.pending":           {"chờ xét", "pending"},
	"province.report.tally":              {"{0}: {1} đề nghị, {2} thông qua{p0}{p1}", "{0}: {1} proposed, {2} approved{p0}{p1}"},
	"province.report.tally.cut":          {", {0} không thông qua", ", {0} cut"},
	"province.report.tally.pending":      {", {0} chờ xét", ", {0} pending"},
	"province.report.in_all":             {"Tổng cộng: {p0}", "In all: {p0}"},
	"province.report.government":         {"{0}: xét chọn trong số các đơn vị dẫn đầu cụm được Hội đồng thông qua đề nghị tặng cờ thi đua cấp tỉnh", "{0}: nominations drawn from the cluster leaders approved for the provincial flag"},
	"province.report.quota":              {"Số lượng đề nghị tối đa: {p0} — trên {0} tập thể đủ tiêu chuẩn cờ thi đua cấp tỉnh ({1} đơn vị dẫn đầu các cụm trên + {2} tập thể khác)", "Quota: {p0} — of {0} collectives meeting the provincial flag standard ({1} cluster leaders here + {2} elsewhere)"},
	"province.report.basis":              {"Căn cứ: {0}", "Basis: {0}"},
	"province.report.provisional":        {"TẠM TÍNH: {0} đề nghị tặng cờ đang chờ xét; số lượng chỉ tính các đề nghị đã được thông qua", "PROVISIONAL: {0} flag proposals are pending; the quota counts approved ones only"},
	"province.report.no_candidate":       {"Không có đơn vị được xét.", "No candidate."},
	"province.report.ranked":             {"Xếp hạng các đơn vị được xét theo {p0} (bộ tiêu chí có mã băm {0})", "Candidates ranked by {p0} (rulebook hash {0})"},
	"province.report.criterion":          {"{p0} (tối đa {0:n} điểm, {p1})", "{p0} (max {0}, {p1})"},
	"province.criterion.cluster_percent": {"kết quả chấm điểm tại cụm", "the result in the cluster"},
	"province.criterion.council_votes":   {"phiếu bầu của Hội đồng", "the council's votes"},
	"province.report.rank.head":          {"Hạng\tĐơn vị\tCụm\tĐiểm\tTiêu chuẩn chưa đạt\tĐược đề nghị\tCăn cứ xếp hạng", "Rank\tCandidate\tCluster\tScore\tStandards not met\tNominated\tDecided by"},
	"province.report.passed":             {"Bỏ qua: {0} (không đạt {p0})", "Passed over: {0} (fails {p0})"},
	"province.report.pending":            {"CHỜ PHÂN ĐỊNH: {0} suất giữa {1} (bằng điểm chưa phân định)", "PENDING: {0} place(s) between {1} (unresolved tie)"},
	"province.report.nominated":          {"Đề nghị tặng {0}: {p0}", "Nominated for {0}: {p0}"},
	"province.report.none":               {"không có", "none"},

	// province: the Government-flag quota, "20% × 12 = 2,4 → 2 (làm
	// tròn xuống)"; {2} is "=" or "≈", {p0} the rounding mode.
	"province.quota":    {"{0:n} × {1} {2} {3:n} → {4} ({p0})", "{0} × {1} {2} {3} → {4} ({p0})"},
	"province.no_quota": {"không có chỉ tiêu", "no quota"},

	// titles: a cap on a title, "15% × 73 = 10,95 → 10 (làm tròn
	// xuống)", and a holder awarded a title without meeting a condition:
	// "{holder} ({name}): {title}: {condition} — {detail}".
	"titles.cap":                  {"{0:n} × {1} {2} {3:n} → {4} ({p0})", "{0} × {1} {2} {3} → {4} ({p0})"},
	"titles.cap.unchecked":        {"{0:n} số được tặng {1}: chưa kiểm tra (chưa rõ số lượng)", "{0} of {1}: not checked (number unknown)"},
	"titles.failure":              {"{p0}: {0}: {p1} — {p2}", "{p0}: {0}: {p1} — {p2}"},
	"titles.holder.person":        {"cá nhân {0}", "person {0}"},
	"titles.holder.collective":    {"tập thể {0}", "collective {0}"},
	"titles.condition.requires":   {"phải đạt {0}", "requires {0}"},
	"titles.condition.initiative": {"sáng kiến", "initiative"},
	"titles.condition.fact":       {"tiêu chuẩn: {0}", "condition: {0}"},
	"titles.condition.members":    {"tỷ lệ thành viên đạt {0}", "share of members holding {0}"},
	"titles.fail.requires":        {"chưa đạt {0} trong cùng năm", "does not hold {0} the same year"},
	"titles.fail.initiative":      {"chưa có sáng kiến được công nhận", "no recognised initiative (sáng kiến) is recorded"},
	"titles.fail.fact_unstated":   {"chưa được xác định, và tiêu chuẩn không có giá trị mặc định", "not stated, and the fact has no default"},
	"titles.fail.fact_false":      {"không đạt", "is false"},
	"titles.fail.no_members":      {"chưa có danh sách thành viên của tập thể", "no members of the collective are listed"},
	"titles.fail.members":         {"{0}/{1} thành viên đạt {2}, cần {p0}", "{0} of {1} members hold {2}, {p0} needed"},
	"titles.need.at_least":        {"ít nhất {0:n}", "at least {0}"},
	"titles.need.more_than":       {"trên {0:n}", "more than {0}"},

	// titles: the report of thidua titles (Titles.WriteText).
	"titles.report.title":       {"{0} — năm {1}", "{0} — {1}"},
	"titles.report.head":        {"Danh hiệu\tĐối tượng\tSố được tặng\tSố lượng tối đa\tTrong giới hạn", "Title\tFor\tAwarded\tQuota\tWithin quota"},
	"titles.for.individual":     {"cá nhân", "individual"},
	"titles.for.collective":     {"tập thể", "collective"},
	"titles.report.unknown":     {"chưa rõ", "unknown"},
	"titles.report.count":       {"{0} (theo số liệu)", "{0} (count)"},
	"titles.report.over":        {"KHÔNG: vượt {0}", "NO: {0} over"},
	"titles.report.not_checked": {"Chưa kiểm tra điều kiện: hồ sơ chỉ có số lượng, không có danh sách cá nhân, tập thể được tặng.", "Conditions not checked: the holders are not listed, only the numbers."},
	"titles.report.all_met":     {"Mọi cá nhân, tập thể trong danh sách đều đạt điều kiện của danh hiệu được tặng.", "Every holder listed meets its titles' conditions."},
	"titles.report.not_met":     {"Chưa đạt điều kiện:", "Conditions not met:"},
	"titles.report.failed":      {"vượt số lượng tối đa hoặc có trường hợp chưa đạt điều kiện", "quota exceeded or conditions not met"},

	// Rounding modes, named in the quotas of titles and province and in
	// covenant projections. English keeps the rulebook's own words.
}
