package documents

import (
	"strings"

	"github.com/thidua/thidua/lang"
)

// submission builds the cluster head's submission proposing the awards
// (tờ trình đề nghị tặng Cờ thi đua, Bằng khen), after the shape of Mẫu
// 01, Phụ lục I, Nghị định 98/2023/NĐ-CP.
func (b *builder) submission() *Document {
	st := b.st
	about := b.aboutAwards()
	subject := b.say("doc.sub_about_no_year", about)
	if st.Year != 0 {
		subject = b.say("doc.sub_about", about, st.Year)
	}
	doc := &Document{kind: Submission, lang: b.lang, title: b.say("doc.sub_title") + " — " + subject}
	doc.blocks = append(doc.blocks, b.draftBlocks(b.say("doc.submission_name"))...)
	doc.blocks = append(doc.blocks, b.letterhead())
	doc.blocks = append(doc.blocks,
		para{runs: []run{bold(b.say("doc.sub_title"))}, align: alignCenter, size: "title", meta: meta{class: "title"}},
		para{runs: []run{bold(subject)}, align: alignCenter, meta: meta{class: "subject"}},
		para{runs: []run{plain(b.say("doc.recipient_label")), plain(b.recipient + ".")}, align: alignCenter, meta: meta{class: "recipient"}},
	)
	for _, g := range b.grounds() {
		doc.blocks = append(doc.blocks, para{runs: []run{plain(g)}, indent: true, align: alignJustify, meta: meta{class: "ground"}})
	}
	year := st.Year
	intro := b.say("doc.intro_no_year", b.issuer, b.recipient)
	if year != 0 {
		intro = b.say("doc.intro", b.issuer, b.recipient, year)
	}
	doc.blocks = append(doc.blocks, para{runs: []run{plain(intro)}, indent: true, align: alignJustify})

	// 1. Results
	doc.blocks = append(doc.blocks,
		para{runs: []run{bold(b.say("doc.sec1"))}, indent: true, meta: meta{class: "section"}},
		para{runs: []run{plain(b.say("doc.results_intro", count(len(st.Rows))))}, indent: true, align: alignJustify},
	)
	var results []item
	for i, r := range st.Rows {
		form := "doc.result_item"
		if r.Tied {
			form = "doc.result_item_tied"
		}
		text := b.say(form, r.Member.Name, b.total(r), Ordinal(r.Rank, b.lang))
		if rs := b.rankRemarks(i); len(rs) > 0 {
			for k := range rs {
				rs[k] = uncapitalise(rs[k])
			}
			text += " (" + strings.Join(rs, "; ") + ")"
		}
		text += ";"
		if i == len(st.Rows)-1 {
			text = strings.TrimSuffix(text, ";") + "."
		}
		results = append(results, item{runs: []run{plain(text)}, meta: meta{class: "result", member: r.Member.ID}})
	}
	doc.blocks = append(doc.blocks, list{items: results, meta: meta{class: "results"}})
	doc.blocks = append(doc.blocks, b.gradeBlocks()...)
	doc.blocks = append(doc.blocks, para{runs: []run{italic(b.say("doc.results_detail"))}, indent: true})

	// 2. Proposals
	doc.blocks = append(doc.blocks,
		para{runs: []run{bold(b.say("doc.sec2"))}, indent: true, meta: meta{class: "section"}},
		para{runs: []run{plain(b.say("doc.propose_intro", b.issuer, b.recipient))}, indent: true, align: alignJustify},
	)
	doc.blocks = append(doc.blocks, b.proposals()...)

	// Dossier, closing, signature
	summary := b.say("doc.dossier_no_year")
	if year != 0 {
		summary = b.say("doc.dossier_summary", year)
	}
	dossier := []item{{runs: []run{plain(summary)}}}
	dossier = append(dossier, item{runs: []run{plain(b.say("doc.dossier_minutes"))}}, item{runs: []run{plain(b.reportsForm())}})
	auth := b.rb.Authority()
	closing := b.say("doc.closing", auth.CouncilName().In(b.lang), auth.DecidesName().In(b.lang))
	doc.blocks = append(doc.blocks,
		para{runs: []run{italic(b.say("doc.dossier_title"))}, indent: true},
		list{items: dossier, meta: meta{class: "dossier"}},
		keep{blocks: []block{
			para{runs: []run{plain(closing)}, indent: true, align: alignJustify, meta: meta{class: "closing"}},
			b.submissionSignatures(),
		}},
	)
	doc.blocks = append(doc.blocks, b.footer()...)
	return doc
}

// aboutAwards names the award tiers the submission proposes (those with a
// proposal or a pending place; all of them if none has).
func (b *builder) aboutAwards() string {
	var names []string
	for _, a := range b.st.Awards {
		if len(a.Proposed) > 0 || a.Pending != nil {
			names = append(names, a.Name)
		}
	}
	if len(names) == 0 {
		for _, t := range b.tiers {
			names = append(names, t.Name)
		}
	}
	return b.lang.Join(names)
}

// letterhead is the header: the issuing body and the number on the left,
// the national motto and the place and date on the right.
func (b *builder) letterhead() table {
	var left [][]run
	if b.parent != "" {
		left = append(left, []run{plain(upper(b.parent))})
	}
	left = append(left, []run{bold(upper(b.issuer))})
	lc := cell{lines: left, align: alignCenter, rule: true}
	rc := cell{lines: [][]run{{run{text: b.say("doc.motto1"), bold: true, nowrap: true}}, {run{text: b.say("doc.motto2"), bold: true, underline: true}}}, align: alignCenter}
	num := line(plain(b.say("doc.number_line")))
	num.align = alignCenter
	date := line(b.datePlace())
	date.align = alignCenter
	return table{plain: true, widths: []int{38, 62}, meta: meta{class: "letterhead"},
		body: []row{{cells: []cell{lc, rc}}, {cells: []cell{num, date}}}}
}

// docTypes names the kind of a legal text from the code in its number
// ("77/2025/QĐ-UBND" is a Quyết định).
var docTypes = map[string]string{
	"QĐ": "Quyết định", "HD": "Hướng dẫn", "NQ": "Nghị quyết", "KH": "Kế hoạch",
	"CT": "Chỉ thị", "NĐ": "Nghị định", "TT": "Thông tư", "QC": "Quy chế", "TB": "Thông báo",
}

// grounds are the legal grounds (căn cứ): the Law on Emulation and
// Commendation (a placeholder if the rulebook's legal basis in force does
// not name it), the legal basis in force in the year of the result (every
// entry if the sheet names no year: see rules.LegalRef), the regulation,
// the rulebook and the results.
func (b *builder) grounds() []string {
	reg := b.rb.Regulation()
	basis := reg.LegalBasisIn(b.st.Year)
	var out []string
	hasLaw := false
	for _, lb := range basis {
		low := strings.ToLower(lb.Text)
		if strings.Contains(low, "luật thi đua") || strings.Contains(low, "law on emulation") {
			hasLaw = true
		}
	}
	if !hasLaw {
		out = append(out, b.say("doc.ground", b.say("doc.law_placeholder")))
	}
	for _, lb := range basis {
		if t := strings.TrimSpace(lb.Text); t != "" {
			out = append(out, b.say("doc.ground", t))
		}
	}
	if r := b.regulationText(); r != "" {
		out = append(out, b.say("doc.ground", r))
	}
	if t := b.rb.Title(); t != "" && t != reg.Title {
		out = append(out, b.say("doc.ground", b.say("doc.rulebook_ground", t, b.rb.ID(), b.rb.Version())))
	}
	if b.st.Year != 0 && b.st.Cluster != "" {
		out = append(out, b.say("doc.result_ground", b.st.Year, b.st.Cluster))
	}
	return out
}

// regulationText writes the regulation the rulebook encodes as a ground:
// "Quyết định số 77/2025/QĐ-UBND ngày 23 tháng 10 năm 2025 của UBND tỉnh X
// ban hành Quy định …".
func (b *builder) regulationText() string {
	reg := b.rb.Regulation()
	date := longDate(reg.Date, b.lang)
	if reg.Number == "" {
		if reg.Title == "" {
			return ""
		}
		s := reg.Title
		if reg.Issuer != "" {
			s = b.say("doc.regulation_of", s, reg.Issuer)
		}
		if date != "" {
			s += " " + date
		}
		return s
	}
	s := b.say("doc.reg_number_only", reg.Number)
	if b.lang == lang.Vietnamese {
		kind := ""
		if parts := strings.Split(reg.Number, "/"); len(parts) > 1 {
			code, _, _ := strings.Cut(parts[len(parts)-1], "-")
			kind = docTypes[strings.ToUpper(code)]
		}
		if kind != "" {
			s = b.say("doc.reg_number", kind, reg.Number)
		}
	}
	if date != "" {
		s = b.say("doc.reg_dated", s, date)
	}
	if reg.Issuer != "" {
		s = b.say("doc.regulation_of", s, reg.Issuer)
	}
	if reg.Title != "" {
		verb := b.say("doc.reg_about")
		lt := strings.ToLower(reg.Title)
		for _, p := range []string{"quy định", "quy chế", "bảng", "bộ tiêu chí", "hướng dẫn", "tiêu chí"} {
			if strings.HasPrefix(lt, p) {
				verb = b.say("doc.reg_issuing")
			}
		}
		s += " " + verb + " " + reg.Title
	}
	return s
}

// proposals lists, per award tier, the members proposed and why places
// were passed over, forfeited or left pending.
func (b *builder) proposals() []block {
	var out []block
	for k, a := range b.st.Awards {
		letter := string(rune('a' + k%26))
		last := k == len(b.st.Awards)-1
		m := meta{class: "tier", tier: a.Tier}
		switch {
		case !a.Blocked.IsZero():
			out = append(out, para{runs: []run{plain(b.say("doc.blocked_line", letter, a.Name))}, indent: true, meta: m})
			continue
		case len(a.Proposed) == 0 && a.Pending == nil:
			out = append(out, para{runs: []run{plain(b.say("doc.tier_nobody", letter, a.Name))}, indent: true, meta: m})
		case len(a.Proposed) < a.Quota && a.Pending == nil:
			out = append(out, para{runs: []run{plain(b.say("doc.tier_line_short", letter, a.Name, count(len(a.Proposed)), count(a.Quota)))}, indent: true, meta: m})
		default:
			n := len(a.Proposed)
			if a.Pending != nil {
				n += a.Pending.Places
			}
			out = append(out, para{runs: []run{plain(b.say("doc.tier_line", letter, a.Name, count(n)))}, indent: true, meta: m})
		}
		var items []item
		for i, id := range a.Proposed {
			r := b.st.Rows[b.index[id]]
			text := b.say("doc.proposal_item", r.Member.Name, Ordinal(r.Rank, b.lang), b.total(r))
			if last && i == len(a.Proposed)-1 && a.Pending == nil && len(a.Skipped) == 0 && len(a.Forfeited) == 0 {
				text += "."
			} else {
				text += ";"
			}
			items = append(items, item{runs: []run{bold(r.Member.Name), plain(strings.TrimPrefix(text, r.Member.Name))},
				meta: meta{class: "proposal", tier: a.Tier, member: id}})
		}
		if a.Pending != nil {
			items = append(items, item{runs: []run{italic(b.say("doc.pending_line", count(a.Pending.Places), b.memberNames(a.Pending.Candidates)))},
				meta: meta{class: "pending", tier: a.Tier}})
		}
		if len(items) > 0 {
			out = append(out, list{items: items, meta: meta{class: "proposals", tier: a.Tier}})
		}
		for _, s := range a.Skipped {
			r := b.st.Rows[b.index[s.Member]]
			out = append(out, para{runs: []run{italic(b.say("doc.skipped_line", r.Member.Name, Ordinal(r.Rank, b.lang), b.withGrade(b.reasons(s.Failed), a.Tier, s.Member)))},
				indent: true, align: alignJustify, meta: meta{class: "skipped", tier: a.Tier, member: s.Member}})
		}
		for _, s := range a.Forfeited {
			r := b.st.Rows[b.index[s.Member]]
			out = append(out, para{runs: []run{italic(b.say("doc.forfeited_line", r.Member.Name, Ordinal(r.Rank, b.lang), b.withGrade(b.reasons(s.Failed), a.Tier, s.Member)))},
				indent: true, align: alignJustify, meta: meta{class: "forfeited", tier: a.Tier, member: s.Member}})
		}
	}
	return out
}

// submissionSignatures is the closing block: the recipients of copies on
// the left, the signer on the right, with blanks for the signature and the
// name.
func (b *builder) submissionSignatures() table {
	left := [][]run{{boldItalic(b.say("doc.recipients_title"))}}
	for _, key := range []string{"doc.recipients_1", "doc.recipients_2", "doc.recipients_3"} {
		left = append(left, []run{plain(b.say(key))})
	}
	lc := cell{lines: left, small: true}
	rc := lines([]run{bold(b.say("doc.signer"))}, []run{italic(b.say("doc.sign_hint"))}, nil, nil, nil, nil, []run{placeholder("……………………")})
	rc.align = alignCenter
	return table{plain: true, widths: []int{45, 55}, body: []row{{cells: []cell{lc, rc}}}, meta: meta{class: "signatures"}}
}
