package main

// The commands that follow a cluster across its year and across years:
//
//	thidua history --file HISTORY [--cluster C] [--member M] [--years N] [--lang vi|en]
//	thidua nominate --province FILE [--lang vi|en]
//	thidua covenant progress --covenant FILE [--rules RULEBOOK] [--scores SHEET] [--months M] [--lang vi|en]
//	thidua titles --file FILE [--lang vi|en]
//
// Their tables are in Vietnamese by default, in English with --lang en: the
// commands' own words are in yearVi and yearEn, the library's sentences
// (decisions, eligibility failures, quotas, assumptions) come from the lang
// package's catalogue. Names from the input files are never translated.

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/year/covenant"
	"github.com/thidua/thidua/year/history"
	"github.com/thidua/thidua/year/province"
	"github.com/thidua/thidua/year/titles"
)

// yearWords holds the words of the history, covenant progress, nominate
// and titles tables in one language.
type yearWords struct {
	tag lang.Tag
	yes string

	// history, one cluster
	histHead, histChanges, histJoined, histLeft, histMerged          string
	histAwards, histAwardsHead, histDecided, histPassed, histPending string
	histStreak, histSeeCard, histControl                             string
	how                                                              map[history.Appointment]string
	// history, one member
	histPredecessors, histPredecessor, histNoAward, histMemberHead  string
	histTierYears, histRoles, histRoleHead, histRoleDeputy, histVia string
	status                                                          map[history.Status]string

	// nominate
	nomTitle, nomCouncil, nomMeeting, nomHead, nomProposed, nomCut, nomPending, nomInAll string
	nomGov, nomQuota, nomBasis, nomProvisional, nomNoCandidate, nomRanked                string
	nomCriterion, nomRankHead, nomPassed, nomPendingTie, nomNominated, nomNone           string
	verdict                                                                              map[province.Verdict]string

	// covenant progress
	covAfter, covAsOf, covHead, covHeld, covNo, covProjection, covBehind string
	covProjected, covAssumed, covRankHead, covPending                    string

	// titles
	titHead, titUnknown, titCount, titOver, titNotChecked, titAllMet, titNotMet, titFailed string
	holder                                                                                 map[titles.HolderKind]string
}

var yearVi = yearWords{
	tag: lang.Vietnamese, yes: "có",

	histHead:       "Năm\tSố đơn vị\tCụm trưởng\tCụm phó\tHình thức\tĐơn vị dẫn đầu",
	histChanges:    "\nThay đổi thành viên:",
	histJoined:     "  %d: %s gia nhập cụm",
	histLeft:       "  %d: %s rời cụm",
	histMerged:     "  %d: %s hợp nhất thành %s — %s (kế thừa thành tích của %s)",
	histAwards:     "\nKhen thưởng được đề nghị của từng đơn vị, %d–%d (đơn vị hình thành sau hợp nhất được tính cả khen thưởng của các đơn vị tiền thân):\n",
	histAwardsHead: "Mã\tĐơn vị",
	histDecided:    "\nKết quả do lịch sử khen thưởng quyết định (xếp hạng từng năm có tính đến các năm trước):",
	histPassed:     "  %d: bỏ qua %s khi xét %s (không đạt %s); %s",
	histPending:    "  %d: %s chờ phân định trường hợp bằng điểm giữa %s",
	histStreak:     "%s không đạt: %s",
	histSeeCard:    "xem bảng điểm của đơn vị",
	histControl:    "\nCẢNH BÁO về bộ tiêu chí (kiểm soát thay đổi bộ tiêu chí):",
	how: map[history.Appointment]string{
		history.Elected: "bầu", history.ByRotation: "luân phiên", history.Assigned: "chỉ định", history.Inferred: "suy đoán",
	},
	histPredecessors: "Tính cả thành tích của các đơn vị tiền thân: %s\n",
	histPredecessor:  "%s (%s, khen thưởng trước năm %d)",
	histNoAward:      "Không được đề nghị khen thưởng trong các năm này.",
	histMemberHead:   "Năm\tCụm\tĐơn vị nhận\tKhen thưởng\tHạng\tTình trạng",
	histTierYears:    "%s: %d trong %d năm %d–%d (%s)\n",
	histRoles:        "\nVai trò:",
	histRoleHead:     "%d: Cụm trưởng %s (%s%s)",
	histRoleDeputy:   "%d: Cụm phó %s (%s%s)",
	histVia:          ", do %s đảm nhiệm",
	status: map[history.Status]string{
		history.Proposed: "đã đề nghị", history.Awarded: "đã được khen thưởng", history.Cut: "không được thông qua",
	},

	nomTitle:       "Đề nghị của các cụm và quyết định của %s",
	nomCouncil:     "Hội đồng Thi đua – Khen thưởng tỉnh",
	nomMeeting:     " (phiên họp ngày %s)",
	nomHead:        "Cụm\tMã\tĐơn vị\tKhen thưởng\tHạng\tTỷ lệ điểm\tQuyết định\tLý do",
	nomProposed:    "%s: %d đề nghị, %d thông qua",
	nomCut:         ", %d không thông qua",
	nomPending:     ", %d chờ xét",
	nomInAll:       "Tổng cộng: %s\n",
	nomGov:         "\n%s: xét chọn trong số các đơn vị dẫn đầu cụm được Hội đồng thông qua đề nghị tặng cờ thi đua cấp tỉnh\n",
	nomQuota:       "Số lượng đề nghị tối đa: %s — trên %d tập thể đủ tiêu chuẩn cờ thi đua cấp tỉnh (%d đơn vị dẫn đầu các cụm trên + %d tập thể khác)\n",
	nomBasis:       "Căn cứ: %s\n",
	nomProvisional: "TẠM TÍNH: %d đề nghị tặng cờ đang chờ xét; số lượng chỉ tính các đề nghị đã được thông qua\n",
	nomNoCandidate: "Không có đơn vị được xét.",
	nomRanked:      "Xếp hạng các đơn vị được xét theo bộ tiêu chí %s (%s): %s\n\n",
	nomCriterion:   "%s (tối đa %s điểm, %s)",
	nomRankHead:    "Hạng\tĐơn vị\tCụm\tĐiểm\tTiêu chuẩn chưa đạt\tĐược đề nghị\tCăn cứ xếp hạng",
	nomPassed:      "Bỏ qua: %s (không đạt %s)\n",
	nomPendingTie:  "CHỜ PHÂN ĐỊNH: %d suất giữa %s (bằng điểm chưa phân định)\n",
	nomNominated:   "Đề nghị tặng %s: %s\n",
	nomNone:        "không có",
	verdict: map[province.Verdict]string{
		province.Approved: "thông qua", province.CutDown: "không thông qua", province.Pending: "chờ xét",
	},

	covAfter:      "sau %d tháng",
	covAsOf:       " (tính đến ngày %s)",
	covHead:       "Bên giao ước\tTiêu chí\tChỉ tiêu\tĐã đạt\tDự kiến cả năm\t% chỉ tiêu\tĐúng tiến độ",
	covHeld:       " (giữ nguyên)",
	covNo:         "KHÔNG",
	covProjection: "Cách dự kiến: tiêu chí tích lũy lấy giá trị đã đạt × 12 ÷ %d, làm tròn một lần theo quy định của từng tiêu chí; tiêu chí giữ nguyên lấy giá trị đã đạt.\n",
	covBehind:     "%d/%d chỉ tiêu chưa đúng tiến độ.\n",
	covProjected:  "\nDự kiến kết quả cuối năm theo bộ tiêu chí %s, phiên bản %s:\n",
	covAssumed:    "  giả định: %s\n",
	covRankHead:   "Hạng\tĐơn vị\tTổng điểm dự kiến\tDự kiến đạt\tĐiều kiện chưa đạt",
	covPending:    "CHỜ PHÂN ĐỊNH %s: %d suất giữa %s (bằng điểm chưa phân định)\n",

	titHead:       "Mã\tDanh hiệu\tĐối tượng\tSố được tặng\tSố lượng tối đa\tTrong giới hạn",
	titUnknown:    "chưa rõ",
	titCount:      " (theo số liệu)",
	titOver:       "KHÔNG: vượt %d",
	titNotChecked: "\nChưa kiểm tra điều kiện: hồ sơ chỉ có số lượng, không có danh sách cá nhân, tập thể được tặng.",
	titAllMet:     "\nMọi cá nhân, tập thể trong danh sách đều đạt điều kiện của danh hiệu được tặng.",
	titNotMet:     "\nChưa đạt điều kiện:",
	titFailed:     "titles: vượt số lượng tối đa hoặc có trường hợp chưa đạt điều kiện",
	holder:        map[titles.HolderKind]string{titles.ForIndividual: "cá nhân", titles.ForCollective: "tập thể"},
}

var yearEn = yearWords{
	tag: lang.English, yes: "yes",

	histHead:       "Year\tMembers\tTrưởng cụm (head)\tPhó trưởng cụm (deputy)\tHow\tRanked first (dẫn đầu)",
	histChanges:    "\nMembership changes:",
	histJoined:     "  %d: joined %s",
	histLeft:       "  %d: left %s",
	histMerged:     "  %d: %s merged into %s — %s (history carried over: %s)",
	histAwards:     "\nAwards proposed per member, %d–%d (a successor counts its predecessors' awards):\n",
	histAwardsHead: "Member\tName",
	histDecided:    "\nDecided by the history (ranking each year with the years before it):",
	histPassed:     "  %d: %s passed over for %s (fails %s); %s",
	histPending:    "  %d: %s pending an unresolved tie between %s",
	histStreak:     "%s = false: %s",
	histSeeCard:    "see its scorecard",
	histControl:    "\nWARNING about the rulebooks (rulebook change control):",

	histPredecessors: "Its history includes its predecessors': %s\n",
	histPredecessor:  "%s (%s, awards before %d)",
	histNoAward:      "No award proposed in these years.",
	histMemberHead:   "Year\tCluster\tReceived by\tAward\tRank\tStatus",
	histTierYears:    "%s: %d of the %d years %d–%d (%s)\n",
	histRoles:        "\nRoles:",
	histRoleHead:     "%d: Trưởng cụm of %s (%s%s)",
	histRoleDeputy:   "%d: Phó trưởng cụm of %s (%s%s)",
	histVia:          ", as %s",

	nomTitle:       "Proposals and the provincial council's decisions",
	nomHead:        "Cluster\tMember\tName\tAward\tRank\tPercent\tDecision\tReason",
	nomProposed:    "%s: %d proposed, %d approved",
	nomCut:         ", %d cut",
	nomPending:     ", %d pending",
	nomInAll:       "In all: %s\n",
	nomGov:         "\n%s: nominations drawn from the cluster leaders approved for the provincial flag\n",
	nomQuota:       "Quota: %s — of %d collectives meeting the provincial flag standard (%d cluster leaders here + %d elsewhere)\n",
	nomBasis:       "Basis: %s\n",
	nomProvisional: "PROVISIONAL: %d flag proposals are pending; the quota counts approved ones only\n",
	nomNoCandidate: "No candidate.",
	nomRanked:      "Candidates ranked under rulebook %s (%s): %s\n\n",
	nomCriterion:   "%s (max %s, %s)",
	nomRankHead:    "Rank\tCandidate\tCluster\tScore\tStandards not met\tNominated\tDecided by",
	nomPassed:      "Passed over: %s (fails %s)\n",
	nomPendingTie:  "PENDING: %d place(s) between %s (unresolved tie)\n",
	nomNominated:   "Nominated for %s: %s\n",
	nomNone:        "none",

	covAfter:      "after %d months",
	covAsOf:       " (as of %s)",
	covHead:       "Party\tCriterion\tTarget\tAchieved\tProjected\t% of target\tOn course",
	covHeld:       " (held)",
	covNo:         "NO",
	covProjection: "Projection: linear criteria × 12 ÷ %d, rounded once as each criterion states; held criteria keep the value achieved.\n",
	covBehind:     "%d of %d targets not on course.\n",
	covProjected:  "\nProjected year end under rulebook %s, version %s:\n",
	covAssumed:    "  assumed: %s\n",
	covRankHead:   "Rank\tMember\tProjected total\tOn course for\tNot met",
	covPending:    "PENDING %s: %d place(s) between %s (unresolved tie)\n",

	titHead:       "Title\tName\tFor\tAwarded\tQuota\tWithin quota",
	titUnknown:    "unknown",
	titCount:      " (count)",
	titOver:       "NO: %d over",
	titNotChecked: "\nConditions not checked: the holders are not listed, only the numbers.",
	titAllMet:     "\nEvery holder listed meets its titles' conditions.",
	titNotMet:     "\nConditions not met:",
	titFailed:     "titles: quota exceeded or conditions not met",
}

// yearLang reads the --lang flag of the command called name; a value other
// than vi or en is reported on stderr.
func yearLang(name, code string, stderr io.Writer) (yearWords, bool) {
	t, err := lang.Parse(code)
	if err != nil {
		fmt.Fprintf(stderr, "thidua %s: --lang must be vi or en, found %q\n", name, code)
		return yearWords{}, false
	}
	if t == lang.English {
		return yearEn, true
	}
	return yearVi, true
}

// word returns m[k] if the language has a word for k (English has none: it
// writes the files' own values), else k as it is.
func word[K ~string](m map[K]string, k K) string {
	if w, ok := m[k]; ok {
		return w
	}
	return string(k)
}

// num writes a number given in canonical form ("38.5", "96.00%") in the
// language's form ("38,5", "96,00%").
func (l yearWords) num(s string) string { return l.tag.Number(s) }

// date writes a date as the language does: 15/03/2022 in Vietnamese,
// 2022-03-15 in English.
func (l yearWords) date(d rules.Date) string {
	s := d.String()
	if l.tag != lang.Vietnamese || len(s) != len("2006-01-02") {
		return s
	}
	return s[8:10] + "/" + s[5:7] + "/" + s[0:4]
}

// historyCmd prints, per cluster, who headed it and who ranked first each
// year, its membership changes, the awards per member over the years
// (following mergers) and what the history decided; with --member, one
// unit's awards and roles over the years.
func historyCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("history", stderr)
	file := fs.String("file", "", "history `file` (YAML or JSON)")
	cluster := fs.String("cluster", "", "show only the cluster with this `id`")
	member := fs.String("member", "", "show one unit's awards and roles over the years (`id`)")
	years := fs.Int("years", 0, "show only the last `N` years (0: all)")
	langCode := fs.String("lang", "vi", "`language` of the tables: vi or en")
	if code, ok := parse(fs, args, required{"file", file}); !ok {
		return code
	}
	if *years < 0 {
		fmt.Fprintf(stderr, "thidua history: --years must be positive, found %d\n", *years)
		return exitUsage
	}
	lg, ok := yearLang("history", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	h, err := history.Load(*file)
	if err != nil {
		report(stderr, lg.tag, err)
		return exitBadInput
	}
	ids := h.Clusters()
	if *cluster != "" {
		if !slices.Contains(ids, *cluster) {
			fmt.Fprintf(stderr, "thidua history: unknown cluster %q (the file has: %s)\n", *cluster, strings.Join(ids, ", "))
			return exitUsage
		}
		ids = []string{*cluster}
	}
	if *member != "" {
		if _, ok := h.Unit(*member); !ok {
			fmt.Fprintf(stderr, "thidua history: unknown unit %q\n", *member)
			return exitUsage
		}
		from, to := histSpan(h, ids, *years)
		histMember(stdout, lg, h, ids, *member, from, to)
		return exitOK
	}
	for i, id := range ids {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		from, to := histSpan(h, []string{id}, *years)
		histCluster(stdout, lg, h, id, from, to)
	}
	return exitOK
}

// histSpan returns the years shown: all the clusters' years, or the last n.
func histSpan(h *history.History, ids []string, n int) (int, int) {
	from, to := 0, 0
	for _, id := range ids {
		for _, y := range h.Years(id) {
			if from == 0 || y < from {
				from = y
			}
			to = max(to, y)
		}
	}
	if n > 0 && to-n+1 > from {
		from = to - n + 1
	}
	return from, to
}

func histCluster(w io.Writer, lg yearWords, h *history.History, id string, from, to int) {
	c, _ := h.Cluster(id)
	fmt.Fprintf(w, "%s (%s), %d–%d\n", c.Name, c.ID, from, to)
	if p := h.Province(); p != "" {
		fmt.Fprintln(w, p)
	}
	fmt.Fprintln(w)
	heads := map[int][]history.Term{}
	for _, hy := range h.Heads(id) {
		heads[hy.Year] = hy.Terms
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, lg.histHead)
	var shown []int
	for _, y := range h.Years(id) {
		if y < from || y > to {
			continue
		}
		shown = append(shown, y)
		ms, _ := h.Members(id, y)
		head, dep, how := "—", "—", "—"
		if ts := heads[y]; len(ts) > 0 {
			var hs, ds, hw []string
			for _, t := range ts {
				hs = append(hs, h.Name(t.Head))
				if t.Deputy != "" {
					ds = append(ds, h.Name(t.Deputy))
				}
				hw = append(hw, word(lg.how, t.How))
			}
			head, how = strings.Join(hs, "; "), strings.Join(hw, "; ")
			if len(ds) > 0 {
				dep = strings.Join(ds, "; ")
			}
		}
		top := "—"
		if t := h.Top(id, y); len(t) > 0 {
			top = strings.Join(histNames(h, t), " = ")
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\n", y, len(ms), head, dep, how, top)
	}
	tw.Flush()

	// Membership changes.
	var changes []string
	for k, y := range shown {
		cy := histYear(c, y)
		if len(cy.Joined) > 0 {
			changes = append(changes, fmt.Sprintf(lg.histJoined, y, strings.Join(histNames(h, cy.Joined), ", ")))
		}
		if len(cy.Left) > 0 {
			changes = append(changes, fmt.Sprintf(lg.histLeft, y, strings.Join(histNames(h, cy.Left), ", ")))
		}
		for _, m := range h.Mergers() {
			if m.Year == y && (k > 0 || y == from) && slices.Contains(cy.Members, m.Into) {
				changes = append(changes, fmt.Sprintf(lg.histMerged,
					y, strings.Join(histNames(h, m.From), " + "), m.Into, h.Name(m.Into), strings.Join(m.CarriedFrom(), ", ")))
			}
		}
	}
	if len(changes) > 0 {
		fmt.Fprintln(w, lg.histChanges)
		for _, l := range changes {
			fmt.Fprintln(w, l)
		}
	}

	// Awards per member over the years.
	var units []string
	for _, y := range shown {
		ms, _ := h.Members(id, y)
		for _, m := range ms {
			if !slices.Contains(units, m) {
				units = append(units, m)
			}
		}
	}
	var tiers []string
	for _, y := range shown {
		r, _ := h.Result(id, y)
		for _, a := range r.Awards {
			if !slices.Contains(tiers, a.Award) {
				tiers = append(tiers, a.Award)
			}
		}
	}
	fmt.Fprintf(w, lg.histAwards, from, to)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := lg.histAwardsHead
	for _, y := range shown {
		head += fmt.Sprintf("\t%d", y)
	}
	for _, t := range tiers {
		head += "\t" + t
	}
	fmt.Fprintln(tw, head)
	for _, u := range units {
		line := u + "\t" + h.Name(u)
		for _, y := range shown {
			cell := "·"
			if ms, _ := h.Members(id, y); !slices.Contains(ms, u) {
				cell = " "
			}
			var got []string
			for _, r := range h.Received(u, "", y, y) {
				s := r.Award
				if r.Unit != u {
					s += " (" + r.Unit + ")"
				}
				got = append(got, s)
			}
			if len(got) > 0 {
				cell = strings.Join(got, ", ")
			}
			line += "\t" + cell
		}
		for _, t := range tiers {
			line += fmt.Sprintf("\t%d", len(h.YearsReceived(u, t, from, to)))
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()

	// What the history decided: tie-breaks on past awards, awards passed on
	// for a streak.
	var notes []string
	for _, y := range shown {
		r, _ := h.Result(id, y)
		if r.Standings == nil {
			continue
		}
		for _, row := range r.Standings.Rows {
			if d := row.DecidedBy; d != nil && strings.HasPrefix(d.Rule, string(rules.NoAwardLastYear)) {
				notes = append(notes, fmt.Sprintf("  %d: %s", y, d.Text(lg.tag)))
			}
		}
		for _, a := range r.Standings.Awards {
			for _, s := range a.Skipped {
				notes = append(notes, fmt.Sprintf(lg.histPassed, y, s.Member, a.Tier, strings.Join(s.Failed, ", "), histStreakText(lg, h, c, s.Member, y)))
			}
			if a.Pending != nil {
				notes = append(notes, fmt.Sprintf(lg.histPending, y, a.Tier, strings.Join(a.Pending.Candidates, ", ")))
			}
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w, lg.histDecided)
		for _, n := range notes {
			fmt.Fprintln(w, n)
		}
	}
	histControl(w, lg, h, id, from, to)
}

// histControl writes the warnings of rulebook change control about the
// cluster's years shown: two rulebooks for one period, a rulebook not the
// one sealed, a rulebook dated after its scores, a sealed record that
// cannot be trusted.
func histControl(w io.Writer, lg yearWords, h *history.History, id string, from, to int) {
	var lines []string
	for _, x := range h.Warnings() {
		if x.Cluster == id && x.Year >= from && x.Year <= to {
			lines = append(lines, fmt.Sprintf("  %d: %s", x.Year, x.Text(lg.tag)))
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(w, lg.histControl)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// histStreakText explains a member's runs under the cluster's streak facts.
func histStreakText(lg yearWords, h *history.History, c history.Cluster, member string, year int) string {
	var out []string
	for _, l := range c.StreakFacts {
		if run := h.Run(member, l.Award, year); len(run) >= l.MaxConsecutive {
			out = append(out, fmt.Sprintf(lg.histStreak, l.Fact, h.RunText(member, year, l).In(lg.tag)))
		}
	}
	if len(out) == 0 {
		return lg.histSeeCard
	}
	return strings.Join(out, "; ")
}

func histYear(c history.Cluster, y int) history.Year {
	for _, cy := range c.Years {
		if cy.Year == y {
			return cy
		}
	}
	return history.Year{}
}

func histNames(h *history.History, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = h.Name(id)
	}
	return out
}

func histYears(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = fmt.Sprint(y)
	}
	return strings.Join(s, ", ")
}

func histMember(w io.Writer, lg yearWords, h *history.History, ids []string, member string, from, to int) {
	fmt.Fprintf(w, "%s (%s), %d–%d\n", h.Name(member), member, from, to)
	lin := h.Lineage(member)
	if len(lin) > 1 {
		var ps []string
		for _, l := range lin[1:] {
			ps = append(ps, fmt.Sprintf(lg.histPredecessor, l.Unit, h.Name(l.Unit), l.Before))
		}
		fmt.Fprintf(w, lg.histPredecessors, strings.Join(ps, "; "))
	}
	fmt.Fprintln(w)
	rs := h.Received(member, "", from, to)
	if len(rs) == 0 {
		fmt.Fprintln(w, lg.histNoAward)
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, lg.histMemberHead)
		for _, r := range rs {
			rank := "—"
			if r.Rank > 0 {
				rank = fmt.Sprint(r.Rank)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.Year, r.Cluster, r.Unit, r.Award, rank, word(lg.status, r.Status))
		}
		tw.Flush()
		var tiers []string
		for _, r := range rs {
			if !slices.Contains(tiers, r.Award) {
				tiers = append(tiers, r.Award)
			}
		}
		fmt.Fprintln(w)
		for _, t := range tiers {
			ys := h.YearsReceived(member, t, from, to)
			fmt.Fprintf(w, lg.histTierYears, t, len(ys), to-from+1, from, to, histYears(ys))
		}
	}
	var roles []string
	for _, id := range ids {
		for _, hy := range h.Heads(id) {
			if hy.Year < from || hy.Year > to {
				continue
			}
			for _, t := range hy.Terms {
				for _, l := range lin {
					switch l.Unit {
					case t.Head:
						roles = append(roles, fmt.Sprintf(lg.histRoleHead, hy.Year, id, word(lg.how, t.How), histVia(lg, l.Unit, member)))
					case t.Deputy:
						roles = append(roles, fmt.Sprintf(lg.histRoleDeputy, hy.Year, id, word(lg.how, t.How), histVia(lg, l.Unit, member)))
					}
				}
			}
		}
	}
	if len(roles) > 0 {
		fmt.Fprintln(w, lg.histRoles)
		for _, r := range roles {
			fmt.Fprintln(w, "  "+r)
		}
	}
}

func histVia(lg yearWords, unit, member string) string {
	if unit == member {
		return ""
	}
	return fmt.Sprintf(lg.histVia, unit)
}

// nominateCmd prints the clusters' proposals with the provincial council's
// decisions, the Government-flag quota and the ranking of the candidates.
func nominateCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("nominate", stderr)
	file := fs.String("province", "", "province `file` (YAML or JSON)")
	langCode := fs.String("lang", "vi", "`language` of the tables: vi or en")
	if code, ok := parse(fs, args, required{"province", file}); !ok {
		return code
	}
	lg, ok := yearLang("nominate", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	p, err := province.Load(*file)
	if err != nil {
		report(stderr, lg.tag, err)
		return exitBadInput
	}
	s := p.Spec()
	fmt.Fprintf(stdout, "%s — %d\n\n", s.Province, s.Year)
	fmt.Fprintln(stdout, nomTitle(lg, s.Council))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, lg.nomHead)
	for _, d := range p.Decided() {
		rank, pct := "—", "—"
		if d.Rank > 0 {
			rank = fmt.Sprint(d.Rank)
		}
		if !d.Percent.IsZero() {
			pct = lg.num(d.Percent.String()) + "%"
		}
		reason := d.Reason
		if reason == "" {
			reason = "—"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.Cluster, d.Member, d.Name, d.Award, rank, pct, word(lg.verdict, d.Verdict), reason)
	}
	tw.Flush()
	var tl []string
	for _, t := range p.Tallies() {
		x := fmt.Sprintf(lg.nomProposed, t.Award, t.Proposed, t.Approved)
		if t.Cut > 0 {
			x += fmt.Sprintf(lg.nomCut, t.Cut)
		}
		if t.Pending > 0 {
			x += fmt.Sprintf(lg.nomPending, t.Pending)
		}
		tl = append(tl, x)
	}
	fmt.Fprintf(stdout, lg.nomInAll, strings.Join(tl, "; "))

	n := p.Nominees()
	if n == nil {
		return exitOK
	}
	g := s.GovernmentFlag
	q := p.Quota()
	fmt.Fprintf(stdout, lg.nomGov, g.Award)
	fmt.Fprintf(stdout, lg.nomQuota, q.Text(lg.tag), q.Base, q.Leaders, q.Also)
	if q.Basis != "" {
		fmt.Fprintf(stdout, lg.nomBasis, q.Basis)
	}
	if q.PendingLeaders > 0 {
		fmt.Fprintf(stdout, lg.nomProvisional, q.PendingLeaders)
	}
	if n.Standings == nil {
		fmt.Fprintln(stdout, lg.nomNoCandidate)
		return exitOK
	}
	st := n.Standings
	fmt.Fprintf(stdout, lg.nomRanked, st.Rulebook.ID, st.Rulebook.Hash, provCriteria(lg, n.Rulebook))
	cluster := map[string]string{}
	for _, c := range n.Candidates {
		cluster[c.Member] = c.Cluster
	}
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, lg.nomRankHead)
	for _, r := range st.Rows {
		var failed []string
		for _, f := range r.Failed {
			failed = append(failed, f.Condition)
		}
		fails := strings.Join(failed, ", ")
		if fails == "" {
			fails = "—"
		}
		nom := "—"
		if slices.Contains(r.Awards, province.TierGovernmentFlag) {
			nom = lg.yes
		}
		rank := fmt.Sprint(r.Rank)
		if r.Tied {
			rank += "="
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rank, r.Member.Name, cluster[r.Member.ID], lg.num(r.Total.StringFixed(2)), fails, nom, decidedIn(wordsIn(lg.tag), r.DecidedBy))
	}
	tw.Flush()
	for _, a := range st.Awards {
		for _, sk := range a.Skipped {
			fmt.Fprintf(stdout, lg.nomPassed, sk.Member, strings.Join(sk.Failed, ", "))
		}
		if a.Pending != nil {
			fmt.Fprintf(stdout, lg.nomPendingTie, a.Pending.Places, strings.Join(a.Pending.Candidates, ", "))
		}
	}
	fmt.Fprintf(stdout, lg.nomNominated, g.Award, provList(lg, n.Nominated))
	return exitOK
}

// nomTitle heads the council's decisions: in English "Proposals and the
// provincial council's decisions (NAME, DATE)", in Vietnamese "Đề nghị của
// các cụm và quyết định của NAME (phiên họp ngày DATE)".
func nomTitle(lg yearWords, co province.Council) string {
	if lg.tag == lang.English {
		title := lg.nomTitle
		if co.Name != "" {
			title += " (" + co.Name
			if !co.Meeting.IsZero() {
				title += ", " + co.Meeting.String()
			}
			title += ")"
		}
		return title
	}
	name := co.Name
	if name == "" {
		name = lg.nomCouncil
	}
	title := fmt.Sprintf(lg.nomTitle, name)
	if !co.Meeting.IsZero() {
		title += fmt.Sprintf(lg.nomMeeting, lg.date(co.Meeting))
	}
	return title
}

func provCriteria(lg yearWords, rb *rules.Rulebook) string {
	var out []string
	for _, n := range rb.Nodes() {
		out = append(out, fmt.Sprintf(lg.nomCriterion, n.ID, lg.num(n.Max.String()), methodName(lg.tag, n.Method)))
	}
	return strings.Join(out, " + ")
}

func provList(lg yearWords, ids []string) string {
	if len(ids) == 0 {
		return lg.nomNone
	}
	return strings.Join(ids, ", ")
}

// covenantUsage is the covenant command's usage line.
const covenantUsage = "usage: thidua covenant progress --covenant FILE [--rules RULEBOOK] [--scores SHEET] [--months M] [--lang vi|en]"

// covenantCmd prints a covenant's progress at an interim report and, with
// a rulebook, the projected year-end standings.
func covenantCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "progress" {
		fmt.Fprintln(stderr, covenantUsage)
		return exitUsage
	}
	fs := newFlags("covenant progress", stderr)
	file := fs.String("covenant", "", "covenant `file` (YAML or JSON)")
	rulesPath := fs.String("rules", "", "the cluster's rulebook `file`: project the year-end standings")
	scoresPath := fs.String("scores", "", "score sheet `file` giving what the covenant does not (other criteria, facts, ballot)")
	months := fs.Int("months", 0, "the interim report after `M` months (0: the latest)")
	langCode := fs.String("lang", "vi", "`language` of the tables: vi or en")
	if code, ok := parse(fs, args[1:], required{"covenant", file}); !ok {
		return code
	}
	if *scoresPath != "" && *rulesPath == "" {
		fmt.Fprintln(stderr, "thidua covenant progress: --scores needs --rules")
		return exitUsage
	}
	lg, ok := yearLang("covenant progress", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	c, err := covenant.Load(*file)
	if err != nil {
		report(stderr, lg.tag, err)
		return exitBadInput
	}
	prog, err := c.Progress(*months)
	if err != nil {
		text := err.Error()
		var ce *covenant.Error
		if errors.As(err, &ce) {
			text = ce.Text(lg.tag)
		}
		fmt.Fprintf(stderr, "thidua covenant progress: %s\n", text)
		return exitBadInput
	}
	fmt.Fprintf(stdout, "%s (%s), %d\n", c.Title(), c.ID(), c.Year())
	when := fmt.Sprintf(lg.covAfter, prog.Months)
	if !prog.AsOf.IsZero() {
		when += fmt.Sprintf(lg.covAsOf, lg.date(prog.AsOf))
	}
	if prog.Title != "" {
		when = prog.Title + ", " + when
	}
	fmt.Fprintf(stdout, "%s\n\n", when)
	names := map[string]string{}
	for _, p := range c.Parties() {
		names[p.ID] = p.Name
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, lg.covHead)
	behind := 0
	for _, l := range prog.Lines {
		target, ach, proj, pct, on := "—", "—", "—", "—", "—"
		if l.HasTarget {
			target = lg.num(l.Target.String())
		}
		if l.HasAchieved {
			ach, proj = lg.num(l.Achieved.String()), lg.num(l.Projected.String())
			if l.Projection == covenant.Hold {
				proj += lg.covHeld
			}
		}
		if l.HasTarget && l.HasAchieved {
			on = lg.yes
			if !l.OnCourse {
				on = lg.covNo
				behind++
			}
			if !l.Target.IsZero() {
				pct = lg.num(l.Percent.StringFixed(2)) + "%"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", names[l.Party], l.Criterion, target, ach, proj, pct, on)
	}
	tw.Flush()
	fmt.Fprintf(stdout, lg.covProjection, prog.Months)
	fmt.Fprintf(stdout, lg.covBehind, behind, covCountTargets(prog))
	if *rulesPath == "" {
		return exitOK
	}
	rb, err := rules.Load(*rulesPath)
	if err != nil {
		report(stderr, lg.tag, err)
		return exitBadInput
	}
	var base scoring.Sheet
	if *scoresPath != "" {
		// Read only: the sheet lacks the covenant's criteria until the
		// projection adds them, so it is checked after.
		var warnings []scoresheet.Warning
		base, warnings, err = scoresheet.Load(rb, *scoresPath)
		warnReader(stderr, lg.tag, warnings)
		if err != nil {
			report(stderr, lg.tag, err)
			return exitBadInput
		}
	}
	fc, err := c.Project(rb, base, prog.Months)
	if err != nil {
		report(stderr, lg.tag, err)
		return exitBadInput
	}
	st := fc.Standings
	fmt.Fprintf(stdout, lg.covProjected, rb.ID(), rb.Version())
	for _, a := range fc.AssumptionTexts {
		fmt.Fprintf(stdout, lg.covAssumed, a.In(lg.tag))
	}
	fmt.Fprintln(stdout)
	tier := map[string]string{}
	for _, t := range fc.Rulebook.Awards() {
		tier[t.ID] = t.Name
	}
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, lg.covRankHead)
	for _, r := range st.Rows {
		var aw, failed []string
		for _, a := range r.Awards {
			aw = append(aw, tier[a])
		}
		for _, f := range r.Failed {
			failed = append(failed, f.Condition)
		}
		rank := fmt.Sprint(r.Rank)
		if r.Tied {
			rank += "="
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rank, r.Member.Name, lg.num(r.Total.StringFixed(2)), covDash(strings.Join(aw, ", ")), covDash(strings.Join(failed, ", ")))
	}
	tw.Flush()
	for _, a := range st.Awards {
		if a.Pending != nil {
			fmt.Fprintf(stdout, lg.covPending, tier[a.Tier], a.Pending.Places, strings.Join(a.Pending.Candidates, ", "))
		}
	}
	return exitOK
}

func covCountTargets(p covenant.Progress) int {
	n := 0
	for _, l := range p.Lines {
		if l.HasTarget && l.HasAchieved {
			n++
		}
	}
	return n
}

func covDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// titlesCmd checks a unit's titles against their conditions and quotas.
// It exits 1 when a title exceeds its quota or a holder fails a condition.
func titlesCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("titles", stderr)
	file := fs.String("file", "", "titles `file` (YAML or JSON)")
	langCode := fs.String("lang", "vi", "`language` of the tables: vi or en")
	if code, ok := parse(fs, args, required{"file", file}); !ok {
		return code
	}
	lg, ok := yearLang("titles", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	t, err := titles.Load(*file)
	if err != nil {
		report(stderr, lg.tag, err)
		return exitBadInput
	}
	r := t.Check()
	fmt.Fprintf(stdout, "%s — %d\n\n", t.Unit(), t.Year())
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, lg.titHead)
	for _, tc := range r.Titles {
		n := lg.titUnknown
		if tc.Known {
			n = fmt.Sprint(tc.Awarded)
			if tc.FromCounts {
				n += lg.titCount
			}
		}
		quota, within := "—", "—"
		if tc.Cap != nil {
			quota = tc.Cap.Text(lg.tag)
			if tc.Cap.Checked {
				within = lg.yes
				if tc.Cap.Over {
					within = fmt.Sprintf(lg.titOver, tc.Awarded-tc.Cap.Allowed)
				}
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", tc.Title, tc.Name, word(lg.holder, tc.For), n, quota, within)
	}
	tw.Flush()
	spec := t.Spec()
	if len(spec.People) == 0 && len(spec.Collectives) == 0 {
		fmt.Fprintln(stdout, lg.titNotChecked)
	} else if len(r.Failures) == 0 {
		fmt.Fprintln(stdout, lg.titAllMet)
	} else {
		fmt.Fprintln(stdout, lg.titNotMet)
		for _, f := range r.Failures {
			fmt.Fprintf(stdout, "  %s\n", f.Text(lg.tag))
		}
	}
	if !r.OK() {
		fmt.Fprintln(stderr, lg.titFailed)
		return exitBadInput
	}
	return exitOK
}
