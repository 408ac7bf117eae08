package documents

import "github.com/thidua/thidua/lang"

// labels holds every fixed word of the documents in one language. Names
// from the rulebook and the sheet are not translated.
type labels struct {
	motto1, motto2 string
	draft          string // the draft notice; %s: the document's name
	summaryName    string
	submissionName string
	notePrefix     string
	points         string
	datePlace      string // "%s, ngày … tháng … năm …"
	placeBlank     string
	dateBlank      string
	rulebookRef    string // id, version, hash
	sheetRef       string // hash
	lotsSeed       string // seed
	lotsRecorded   string
	generated      string
	memberUnit     string // "đơn vị" in counts
	collective     string // "tập thể" in counts

	// summary
	summaryTitle      string // year
	summaryTitleNoYr  string
	attachedTo        string // issuer
	colNo, colMember  string
	colGroups, colSum string
	colMax            string // "tối đa %s"
	colBonus, colDed  string
	colTotal, colPct  string
	colRank, colAward string
	colNotes          string
	legend            string
	notAssigned       string
	conditionsTitle   string
	tierCount         string // name, count
	tierShare         string // name, share, quota
	tierRequires      string // conditions
	tierNoRequires    string
	maxLine           string // max
	compiler, head    string
	signHint          string
	signSealHint      string
	noteFailedTier    string // tier, reasons
	noteFailed        string // reasons
	failTotal         string // total, min
	failPercent       string // percent, min
	failFloor         string // criteria, share
	failGroup         string // group, points, min
	failFact          string // reason
	failDeductions    string // deducted, max
	failStreak        string // award name, years running, limit
	failVotes         string // for, base, share
	failNoBallot      string
	failQuorum        string // present, entitled
	colVotes          string
	colVotesHint      string
	noteSkipped       string // tier, reasons
	noteForfeited     string // tier, reasons
	notePending       string // tier, candidates
	noteTiedWith      string // names
	noteAbove         string // name, why
	noteBelow         string // name, why

	// tie-break phrases: upper form, lower form; %s the rule's reference
	moreIn, lessIn         string // group or criterion, upper value, lower value
	fewerDed, moreDed      string
	moreBonus, lessBonus   string
	moreVotes, fewerVotes  string
	h2hWin, h2hLose        string
	notAwarded, wasAwarded string // year, award
	lotsAbove, lotsBelow   string
	groupWord, critWord    string

	// submission
	numberLine      string
	subTitle        string
	subAbout        string // awards, year
	subAboutNoYear  string
	and             string
	recipientLabel  string
	recipientFmt    string // jurisdiction
	recipientBlank  string
	parentFmt       string // jurisdiction
	ground          string // "Căn cứ %s;"
	lawPlaceholder  string
	regulationOf    string // "%s của %s"
	regIssuing      string // "ban hành"
	regAbout        string // "về"
	regNumber       string // "%s số %s"
	rulebookGround  string // title, id, version
	resultGround    string // year, cluster
	intro           string // issuer, recipient, year
	introNoYear     string // issuer, recipient
	sec1            string
	resultsIntro    string // members count
	resultItem      string // name, total, ordinal
	resultItemTied  string // name, total, ordinal
	resultsDetail   string
	sec2            string
	proposeIntro    string // issuer, recipient
	tierLine        string // letter, award, count
	tierLineShort   string // letter, award, count, quota
	tierNobody      string // letter, award
	proposalItem    string // name, ordinal, total
	skippedLine     string // name, ordinal, reasons
	forfeitedLine   string // name, ordinal, reasons
	pendingLine     string // places, names
	blockedLine     string // letter, award
	pendingWarning  string
	dossierTitle    string
	dossierSummary  string // year
	dossierNoYear   string
	dossierMinutes  string
	dossierReports  string
	closing         string // recipient
	recipientsTitle string
	recipientsList  []string
	signer          string
	unitsWord       string
}

var vi = labels{
	motto1:         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	motto2:         "Độc lập - Tự do - Hạnh phúc",
	draft:          "DỰ THẢO. %s được tạo tự động từ kết quả chấm điểm, xếp hạng (thidua): mọi số liệu lấy từ bảng điểm và bộ tiêu chí ghi ở cuối văn bản, không nhập tay. Phải đối chiếu với mẫu văn bản đang có hiệu lực (Mẫu số 01, Phụ lục I, Nghị định 98/2023/NĐ-CP hoặc văn bản thay thế) và quy định của tỉnh trước khi ký ban hành.",
	summaryName:    "Bảng tổng hợp này",
	submissionName: "Tờ trình này",
	notePrefix:     "Lưu ý: ",
	points:         "điểm",
	datePlace:      "%s, ngày … tháng … năm …",
	placeBlank:     "……",
	dateBlank:      "ngày … tháng … năm …",
	rulebookRef:    "Bộ tiêu chí %s, phiên bản %s, mã kiểm tra %s",
	sheetRef:       "Bảng điểm: mã kiểm tra %s",
	lotsSeed:       "Bốc thăm theo seed %d",
	lotsRecorded:   "Bốc thăm theo kết quả đã ghi nhận trong bảng điểm",
	generated:      "Lập tự động bằng thidua từ bảng điểm và bộ tiêu chí trên; mã kiểm tra (SHA-256) cho phép đối chiếu đúng dữ liệu đã dùng.",
	memberUnit:     "đơn vị",
	collective:     "tập thể",

	summaryTitle:     "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM %d",
	summaryTitleNoYr: "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA",
	attachedTo:       "(Kèm theo Tờ trình số …/TTr-… ngày … tháng … năm … của %s)",
	colNo:            "TT",
	colMember:        "Đơn vị",
	colGroups:        "Điểm theo nhóm tiêu chí",
	colSum:           "Cộng",
	colMax:           "tối đa %s",
	colBonus:         "Điểm thưởng",
	colDed:           "Điểm trừ",
	colTotal:         "Tổng điểm",
	colPct:           "Tỷ lệ (%)",
	colRank:          "Xếp hạng",
	colAward:         "Đề nghị khen thưởng",
	colNotes:         "Ghi chú",
	legend:           "Nhóm tiêu chí",
	notAssigned:      "—: nhóm tiêu chí không được giao cho đơn vị (tỷ lệ tính trên số điểm được giao)",
	conditionsTitle:  "Điều kiện đề nghị khen thưởng",
	tierCount:        "%s: %s tập thể",
	tierShare:        "%s: %s số đơn vị thành viên (%s tập thể)",
	tierRequires:     "; điều kiện: %s",
	tierNoRequires:   "",
	maxLine:          "tối đa %s điểm",
	compiler:         "NGƯỜI LẬP BIỂU",
	head:             "TRƯỞNG CỤM",
	signHint:         "(Ký, ghi rõ họ tên)",
	signSealHint:     "(Ký, ghi rõ họ tên, đóng dấu)",
	noteFailedTier:   "Chưa đủ điều kiện %s: %s",
	noteFailed:       "Chưa đạt: %s",
	failTotal:        "tổng điểm %s, chưa đạt %s",
	failPercent:      "tỷ lệ %s%%, chưa đạt %s%%",
	failFloor:        "tiêu chí %s dưới %s điểm tối đa",
	failGroup:        "nhóm %s đạt %s, chưa đạt %s điểm",
	failFact:         "không đạt “%s”",
	failDeductions:   "bị trừ %s điểm, quá mức %s điểm",
	failStreak:       "đã được %s %d năm liên tiếp (tối đa %d)",
	failVotes:        "%d/%d phiếu tán thành, chưa đạt %s",
	failNoBallot:     "chưa có kết quả bỏ phiếu",
	failQuorum:       "không đủ thành viên dự họp: %d/%d",
	colVotes:         "Phiếu tán thành",
	colVotesHint:     "trên số dự họp",
	noteSkipped:      "Không đề nghị %s: %s",
	noteForfeited:    "Không đề nghị %s (suất không chuyển cho đơn vị khác): %s",
	notePending:      "%s: chờ phân định bằng điểm với %s",
	noteTiedWith:     "Đồng hạng với %s: bằng điểm theo mọi tiêu chí ưu tiên, chưa phân định",
	noteAbove:        "Bằng điểm với %s, xếp trên do %s",
	noteBelow:        "Bằng điểm với %s, xếp dưới do %s",

	moreIn:     "nhiều điểm hơn ở %s: %s so với %s",
	lessIn:     "ít điểm hơn ở %s: %s so với %s",
	fewerDed:   "ít điểm trừ hơn: %s so với %s",
	moreDed:    "nhiều điểm trừ hơn: %s so với %s",
	moreBonus:  "nhiều điểm thưởng hơn: %s so với %s",
	lessBonus:  "ít điểm thưởng hơn: %s so với %s",
	moreVotes:  "nhiều phiếu tán thành hơn: %s so với %s",
	fewerVotes: "ít phiếu tán thành hơn: %s so với %s",
	h2hWin:     "được nhiều đơn vị chấm chéo cho điểm cao hơn",
	h2hLose:    "được ít đơn vị chấm chéo cho điểm cao hơn",
	notAwarded: "năm %d chưa được tặng %s",
	wasAwarded: "năm %d đã được tặng %s",
	lotsAbove:  "bốc thăm được xếp trên",
	lotsBelow:  "bốc thăm được xếp dưới",
	groupWord:  "nhóm %s",
	critWord:   "tiêu chí %s",

	numberLine:      "Số: …/TTr-…",
	subTitle:        "TỜ TRÌNH",
	subAbout:        "Về việc đề nghị tặng %s năm %d",
	subAboutNoYear:  "Về việc đề nghị tặng %s",
	and:             " và ",
	recipientLabel:  "Kính gửi: ",
	recipientFmt:    "Ủy ban nhân dân %s",
	recipientBlank:  "……………………",
	parentFmt:       "UBND %s",
	ground:          "Căn cứ %s;",
	lawPlaceholder:  "Luật Thi đua, khen thưởng (số, ngày ban hành của Luật đang có hiệu lực: …)",
	regulationOf:    "%s của %s",
	regIssuing:      "ban hành",
	regAbout:        "về",
	regNumber:       "%s số %s",
	rulebookGround:  "%s (bộ tiêu chí %s, phiên bản %s)",
	resultGround:    "Căn cứ kết quả chấm điểm, bình xét thi đua năm %d của %s,",
	intro:           "%s kính trình %s xem xét, khen thưởng các tập thể có thành tích xuất sắc trong phong trào thi đua năm %d như sau:",
	introNoYear:     "%s kính trình %s xem xét, khen thưởng các tập thể có thành tích xuất sắc trong phong trào thi đua như sau:",
	sec1:            "1. Kết quả chấm điểm, xếp hạng",
	resultsIntro:    "Cụm có %s đơn vị thành viên. Kết quả chấm điểm, xếp hạng thi đua như sau:",
	resultItem:      "%s: %s điểm, xếp %s",
	resultItemTied:  "%s: %s điểm, đồng xếp %s",
	resultsDetail:   "(Chi tiết tại Bảng tổng hợp kết quả chấm điểm kèm theo.)",
	sec2:            "2. Đề nghị khen thưởng",
	proposeIntro:    "Căn cứ kết quả chấm điểm, xếp hạng và điều kiện khen thưởng theo quy định, %s kính đề nghị %s xem xét, tặng:",
	tierLine:        "%s) %s cho %s tập thể:",
	tierLineShort:   "%s) %s cho %s tập thể (chỉ tiêu %s; không đủ đơn vị đạt điều kiện):",
	tierNobody:      "%s) %s: không có tập thể đủ điều kiện đề nghị.",
	proposalItem:    "%s (đơn vị xếp %s, %s điểm)",
	skippedLine:     "Không đề nghị %s (xếp %s) do chưa đạt điều kiện: %s.",
	forfeitedLine:   "Không đề nghị %s (xếp %s) do chưa đạt điều kiện: %s; suất này không chuyển cho đơn vị khác.",
	pendingLine:     "%s suất chưa xác định: %s bằng điểm theo mọi tiêu chí ưu tiên, chưa phân định. Cụm sẽ phân định theo quy chế và đề nghị bổ sung.",
	blockedLine:     "%s) %s: chưa xét, chờ phân định trường hợp bằng điểm nêu trên.",
	pendingWarning:  "CHƯA ĐỦ CĂN CỨ ĐỂ TRÌNH: còn trường hợp bằng điểm chưa phân định, các suất khen thưởng liên quan chưa xác định (xem mục 2).",
	dossierTitle:    "Hồ sơ kèm theo:",
	dossierSummary:  "Bảng tổng hợp kết quả chấm điểm thi đua năm %d;",
	dossierNoYear:   "Bảng tổng hợp kết quả chấm điểm thi đua;",
	dossierMinutes:  "Biên bản họp bình xét và kết quả bỏ phiếu của Cụm;",
	dossierReports:  "Báo cáo thành tích của các tập thể được đề nghị (Mẫu số 02, Phụ lục I, Nghị định 98/2023/NĐ-CP hoặc mẫu đang có hiệu lực).",
	closing:         "Kính đề nghị %s xem xét, quyết định./.",
	recipientsTitle: "Nơi nhận:",
	recipientsList:  []string{"- Như trên;", "- Các đơn vị thành viên Cụm;", "- Lưu: VT."},
	signer:          "TRƯỞNG CỤM",
	unitsWord:       "đơn vị",
}

var en = labels{
	motto1:         "SOCIALIST REPUBLIC OF VIET NAM",
	motto2:         "Independence - Freedom - Happiness",
	draft:          "DRAFT. %s was generated from the scoring and ranking results (thidua): every figure comes from the score sheet and the rulebook identified at the end, none is typed by hand. Check it against the form in force (Form 01, Appendix I, Decree 98/2023/NĐ-CP or its replacement) and the province's rules before it is signed.",
	summaryName:    "This summary",
	submissionName: "This submission",
	notePrefix:     "Note: ",
	points:         "points",
	datePlace:      "%s, date … … …",
	placeBlank:     "……",
	dateBlank:      "date … … …",
	rulebookRef:    "Rulebook %s, version %s, hash %s",
	sheetRef:       "Score sheet: hash %s",
	lotsSeed:       "Lots drawn with seed %d",
	lotsRecorded:   "Lots from the draw recorded in the score sheet",
	generated:      "Generated by thidua from the score sheet and the rulebook above; the SHA-256 hashes identify the exact data used.",
	memberUnit:     "members",
	collective:     "collective(s)",

	summaryTitle:     "SUMMARY OF THE EMULATION SCORES, %d",
	summaryTitleNoYr: "SUMMARY OF THE EMULATION SCORES",
	attachedTo:       "(Attached to Submission No. …/TTr-… of … by %s)",
	colNo:            "No.",
	colMember:        "Member",
	colGroups:        "Points by criteria group",
	colSum:           "Sum",
	colMax:           "max %s",
	colBonus:         "Bonus",
	colDed:           "Deductions",
	colTotal:         "Total",
	colPct:           "Percent",
	colRank:          "Rank",
	colAward:         "Award proposed",
	colNotes:         "Notes",
	legend:           "Criteria groups",
	notAssigned:      "—: group not assigned to the member (the percentage is of the points assigned)",
	conditionsTitle:  "Conditions for the awards",
	tierCount:        "%s: %s collective(s)",
	tierShare:        "%s: %s of the members (%s collective(s))",
	tierRequires:     "; requires: %s",
	tierNoRequires:   "",
	maxLine:          "max %s points",
	compiler:         "PREPARED BY",
	head:             "CLUSTER HEAD",
	signHint:         "(Signature, full name)",
	signSealHint:     "(Signature, full name, seal)",
	noteFailedTier:   "Not eligible for %s: %s",
	noteFailed:       "Fails: %s",
	failTotal:        "total %s, below %s",
	failPercent:      "%s%%, below %s%%",
	failFloor:        "criteria %s below %s of the maximum",
	failGroup:        "group %s has %s, below %s points",
	failFact:         "fails “%s”",
	failDeductions:   "%s points deducted, more than %s",
	failStreak:       "received %s %d years running (at most %d)",
	failVotes:        "%d/%d votes in favour, below %s",
	failNoBallot:     "no ballot recorded",
	failQuorum:       "no quorum: %d/%d present",
	colVotes:         "Votes in favour",
	colVotesHint:     "of those present",
	noteSkipped:      "Not proposed for %s: %s",
	noteForfeited:    "Not proposed for %s (the place is not passed on): %s",
	notePending:      "%s: pending the tie with %s",
	noteTiedWith:     "Shares the rank with %s: equal under every tie-break rule, unresolved",
	noteAbove:        "Equal total with %s, ranked above: %s",
	noteBelow:        "Equal total with %s, ranked below: %s",

	moreIn:     "more points in %s: %s v %s",
	lessIn:     "fewer points in %s: %s v %s",
	fewerDed:   "fewer deductions: %s v %s",
	moreDed:    "more deductions: %s v %s",
	moreBonus:  "more bonus: %s v %s",
	lessBonus:  "less bonus: %s v %s",
	moreVotes:  "more votes in favour: %s v %s",
	fewerVotes: "fewer votes in favour: %s v %s",
	h2hWin:     "preferred by more peer assessors",
	h2hLose:    "preferred by fewer peer assessors",
	notAwarded: "did not receive %[2]s in %[1]d",
	wasAwarded: "received %[2]s in %[1]d",
	lotsAbove:  "drawn above by lots",
	lotsBelow:  "drawn below by lots",
	groupWord:  "group %s",
	critWord:   "criterion %s",

	numberLine:      "No.: …/TTr-…",
	subTitle:        "SUBMISSION",
	subAbout:        "On the proposal to award %s for %d",
	subAboutNoYear:  "On the proposal to award %s",
	and:             " and ",
	recipientLabel:  "To: ",
	recipientFmt:    "the People's Committee (Ủy ban nhân dân %s)",
	recipientBlank:  "……………………",
	parentFmt:       "UBND %s",
	ground:          "Pursuant to %s;",
	lawPlaceholder:  "the Law on Emulation and Commendation (number and date of the Law in force: …)",
	regulationOf:    "%s of %s",
	regIssuing:      "issuing",
	regAbout:        "on",
	regNumber:       "%s No. %s",
	rulebookGround:  "%s (rulebook %s, version %s)",
	resultGround:    "Pursuant to the scoring and evaluation of %d by %s,",
	intro:           "%s submits to %s, for consideration and commendation, the collectives with outstanding achievements in the emulation movement of %d:",
	introNoYear:     "%s submits to %s, for consideration and commendation, the collectives with outstanding achievements in the emulation movement:",
	sec1:            "1. Scores and ranking",
	resultsIntro:    "The cluster has %s members. Their scores and ranks are:",
	resultItem:      "%s: %s points, ranked %s",
	resultItemTied:  "%s: %s points, ranked %s (shared)",
	resultsDetail:   "(Details in the attached summary of the scores.)",
	sec2:            "2. Award proposals",
	proposeIntro:    "On the basis of the scores, the ranking and the conditions for the awards, %s requests %s to consider awarding:",
	tierLine:        "%s) %s to %s collective(s):",
	tierLineShort:   "%s) %s to %s collective(s) (quota %s; not enough eligible members):",
	tierNobody:      "%s) %s: no eligible collective.",
	proposalItem:    "%s (ranked %s, %s points)",
	skippedLine:     "%s (ranked %s) is not proposed: it does not meet %s.",
	forfeitedLine:   "%s (ranked %s) is not proposed: it does not meet %s; the place is not passed on.",
	pendingLine:     "%s place(s) undecided: %s are equal under every tie-break rule. The cluster will resolve the tie under its rules and submit a supplement.",
	blockedLine:     "%s) %s: not yet decided, waiting for the tie above to be resolved.",
	pendingWarning:  "NOT READY TO SUBMIT: an unresolved tie leaves award places undecided (see section 2).",
	dossierTitle:    "Attached:",
	dossierSummary:  "Summary of the emulation scores, %d;",
	dossierNoYear:   "Summary of the emulation scores;",
	dossierMinutes:  "Minutes of the cluster's evaluation meeting with the ballot results;",
	dossierReports:  "Achievement reports of the proposed collectives (Form 02, Appendix I, Decree 98/2023/NĐ-CP or the form in force).",
	closing:         "We respectfully request %s to consider and decide./.",
	recipientsTitle: "Recipients:",
	recipientsList:  []string{"- As above;", "- Cluster members;", "- Archive."},
	signer:          "CLUSTER HEAD",
	unitsWord:       "members",
}

func labelsOf(l lang.Tag) labels {
	if l == lang.English {
		return en
	}
	return vi
}
