package reportgen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// writer builds a report's blocks. Every number it writes that states a table quantity is
// a Num tagged with the quantity, so a defect can change it and the judging suite knows
// which rule a contradiction belongs to.
type writer struct {
	r   *Report
	rng *rand.Rand
	sec int
	out []Block
	// lists counts result lists, to name each list's group.
	lists int
}

func lit(s string) Span { return Span{Text: s} }

// fill replaces the placeholders of the phrase pools.
func (w *writer) fill(s string) string {
	b := w.r.Body
	return strings.NewReplacer(
		"{Y1}", strconv.Itoa(w.r.Year+1),
		"{Y}", strconv.Itoa(w.r.Year),
		"{S}", b.Self,
		"{N}", b.Short,
		"{A}", levelWord(b.Region),
		"{W}", b.Site,
	).Replace(s)
}

// num writes a count, in Chinese numerals for counts up to ten when the style says so.
func (w *writer) num(q Quantity, v int) Span {
	return Span{Num: &Num{Q: q, V: float64(v), Chinese: w.r.Style.Chinese && v >= 1 && v <= 10}}
}

// pct writes the share of part in whole.
func (w *writer) pct(q Quantity, part, whole int) Span {
	d := w.r.Style.PctDecimals
	return Span{Num: &Num{Q: q, V: roundTo(100*float64(part)/float64(whole), d), Decimals: d}}
}

func (w *writer) para(tag string, spans ...Span) {
	w.out = append(w.out, Block{Kind: BPara, Section: w.sec, Spans: spans, Tag: tag})
}

func (w *writer) heading(n int, title string) {
	w.sec = n
	w.out = append(w.out, Block{Kind: BHeading, Section: n, Numeral: Chinese(n), Sep: w.r.Style.HeadingSep, Title: title})
}

func (w *writer) subheading(text string) {
	w.out = append(w.out, Block{Kind: BSubheading, Section: w.sec, Spans: []Span{lit(text)}})
}

func (w *writer) table(group string) {
	w.out = append(w.out, Block{Kind: BTable, Section: w.sec, Table: group})
}

// sentences joins pieces into one paragraph's spans; strings become literal spans.
func spans(parts ...any) []Span {
	var out []Span
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			if v != "" {
				out = append(out, lit(v))
			}
		case Span:
			out = append(out, v)
		case []Span:
			out = append(out, v...)
		default:
			panic(fmt.Sprintf("spans: %T", p))
		}
	}
	return out
}

// write builds all blocks of the report.
func (w *writer) write() {
	r, rng := w.r, w.rng
	w.out = append(w.out, Block{Kind: BTitle, Spans: []Span{lit(r.Title)}})
	period := w.period()
	intro := rng.IntN(10) >= 2
	if intro {
		w.intro(period)
	}
	w.heading(1, pick(rng, append(repeat("总体情况", 18), "政府信息公开工作总体情况", "基本情况")...))
	lead := w.fill(pick(rng, leadSentences...))
	if !intro {
		w.para("", spans(lead, period)...)
	} else {
		w.para("", lit(lead))
	}
	w.section1()
	w.heading(2, pick(rng, "主动公开政府信息情况", "主动公开政府信息情况", "主动公开政府信息情况", "主动公开政府信息的情况"))
	if chance(rng, 0.15) {
		w.para("", lit(pick(rng, "该部分以表格形式报告，表格如下：", "本年度主动公开政府信息情况如下：")))
	}
	w.table("t2")
	w.heading(3, pick(rng, "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况"))
	if chance(rng, 0.4) {
		w.para("", w.applications()...)
	}
	w.table("t3")
	if chance(rng, 0.15) && r.RowTotal("total_results") > 0 {
		w.para("", w.results(true)...)
	}
	w.heading(4, pick(rng, "政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况",
		"政府信息公开行政复议和行政诉讼情况", "政府信息公开行政复议及行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况"))
	if chance(rng, 0.4) {
		w.para("", w.review()...)
	}
	w.table("t4")
	w.heading(5, pick(rng, "存在的主要问题及改进情况", "存在的主要问题及改进情况", "存在的主要问题及改进情况",
		"政府信息公开工作存在的主要问题及改进情况", "存在的主要问题和改进措施", "存在问题及改进情况", "存在的问题及改进措施"))
	w.section5()
	w.heading(6, "其他需要报告的事项")
	w.section6()
	r.Blocks = w.out
}

// period is the 统计期限 sentence.
func (w *writer) period() Span {
	y := w.r.Year
	forms := []string{
		"本报告所列数据的统计期限为%d年1月1日至%d年12月31日。",
		"本报告中所列数据统计期限自%d年1月1日起至%d年12月31日止。",
		"本年报中所列数据的统计期限为%d年1月1日至%[2]d年12月31日。",
		"本报告所列数据统计期限为%d年1月1日至%d年12月31日。",
		"报告中所列数据的统计期限从%d年1月1日到%[2]d年12月31日止。",
		"本报告中使用数据统计期限为%d年1月1日起至%d年12月31日止。",
		"本年度报告中所列数据统计期限为%d年1月1日至12月31日。",
	}
	f := pick(w.rng, forms...)
	var s string
	if strings.Count(f, "%") == 1 {
		s = fmt.Sprintf(f, y)
	} else {
		s = fmt.Sprintf(f, y, y)
	}
	return Span{Text: s, Tag: "period"}
}

func (w *writer) intro(period Span) {
	r, rng := w.r, w.rng
	var basis string
	format := "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
	if r.Edition == Ed2019 {
		format = "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）"
	}
	switch rng.IntN(4) {
	case 0:
		basis = "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和" + format + "要求，由" + r.Body.Name + "编制。"
	case 1:
		basis = "根据《中华人民共和国政府信息公开条例》（国务院令第711号）规定，现公布" + r.Title + "。"
	case 2:
		basis = "本年度报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，结合" + r.Body.Short + strconv.Itoa(r.Year) + "年度政府信息公开工作情况编制。"
	default:
		basis = "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）、" + format + "等文件要求编制。"
	}
	parts := []string{"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"}
	var structure string
	switch rng.IntN(5) {
	case 0:
		structure = "本报告包括" + strings.Join(parts[:5], "、") + "和" + parts[5] + "等六个部分。"
	case 1:
		structure = "全文包括" + strings.Join(parts[:5], "、") + "以及" + parts[5] + "。"
	case 2:
		structure = "本报告共分6个部分：" + strings.Join(parts, "、") + "。"
	}
	var contact string
	if chance(rng, 0.5) {
		contact = "本报告电子版可在" + r.Body.Site + "（" + r.Body.Domain + "）下载。"
		if chance(rng, 0.7) {
			contact += fmt.Sprintf("如对本报告有疑问，请与%s%s联系（地址：%s%s%d号，邮编：%d，电话：0%d-%d）。",
				r.Body.Short, pick(rng, contacts...), r.Body.City, pick(rng, streets...), 1+rng.IntN(300),
				200000+rng.IntN(600000), 510+rng.IntN(400), 80000000+rng.IntN(9999999))
		}
	}
	if chance(rng, 0.5) {
		w.para("", lit(basis), lit(structure), period, lit(contact))
	} else {
		w.para("", lit(basis), period, lit(structure), lit(contact))
	}
}

// sub writes one of section 一's five sub-parts, in the report's sub-part style.
func (w *writer) sub(i int, titles []string, body []Span) {
	title := pick(w.rng, titles...)
	switch w.r.Style.SubParts {
	case "heading":
		w.subheading("（" + Chinese(i) + "）" + title)
		w.para("", body...)
	case "inline":
		w.para("", append([]Span{lit("（" + Chinese(i) + "）" + title + "。")}, body...)...)
	default:
		w.para("", append([]Span{lit(Chinese(i) + "是" + pick(w.rng, "持续", "切实", "不断", "着力") + "做好" + title + "工作。")}, body...)...)
	}
}

func (w *writer) section1() {
	r, rng := w.r, w.rng
	f := r.Facts
	// (一) 主动公开.
	var active []Span
	active = append(active, lit(w.fill(pick(rng,
		"{Y}年，通过{W}等平台主动公开政府信息", "全年主动公开各类政府信息", "本年度在政府信息公开专栏发布信息"))))
	active = append(active, w.num(QOther, f.Published), lit("条"))
	if f.PolicyReads > 0 {
		active = append(active, lit("，发布政策解读"), w.num(QOther, f.PolicyReads), lit("篇"))
	}
	active = append(active, lit("。"))
	active = append(active, w.normative()...)
	active = append(active, lit(pick(rng, activeFiller...)))
	w.sub(1, []string{"主动公开", "主动公开情况", "主动公开方面", "主动公开政府信息"}, active)

	// (二) 依申请公开.
	var req []Span
	req = append(req, lit(pick(rng, requestFiller...)))
	if chance(rng, 0.75) {
		req = append(req, w.applications()...)
	}
	w.sub(2, []string{"依申请公开", "依申请公开情况", "依申请公开方面", "依申请公开政府信息"}, req)

	// (三) 政府信息管理.
	w.sub(3, []string{"政府信息管理", "政府信息管理情况", "政府信息管理方面"},
		[]Span{lit(pick(rng, managementSentences...)), lit(pick(rng, managementSentences...))})

	// (四) 平台建设.
	plat := []Span{lit(w.fill(pick(rng, platformSentences...)))}
	if f.Media > 0 {
		plat = append(plat, lit("目前共开设政务新媒体账号"), w.num(QOther, f.Media), lit("个。"))
	}
	w.sub(4, []string{"政府信息公开平台建设", "政府信息公开平台建设情况", "平台建设方面"}, plat)

	// (五) 监督保障.
	sup := []Span{lit(pick(rng, supervisionSentences...)),
		lit("全年组织政务公开业务培训"), w.num(QOther, f.Training), lit("场，参训"), w.num(QOther, f.Trainees), lit("人次。")}
	if r.Body.Government() {
		sup = append(sup, lit(pick(rng, accountabilitySentences...)))
	}
	w.sub(5, []string{"监督保障", "监督保障情况", "政府信息公开监督保障", "监督保障方面"}, sup)
}

// normative states table 2's 规范性文件 figures, and sometimes its decisions.
func (w *writer) normative() []Span {
	r, rng := w.r, w.rng
	issued := r.Int("t2_1", "normative", "issued")
	var out []Span
	if r.Edition == Ed2021 {
		repealed := r.Int("t2_1", "normative", "repealed")
		inForce := r.Int("t2_1", "normative", "in_force")
		switch {
		case issued == 0 && chance(rng, 0.5):
			out = append(out, Span{Num: &Num{Q: QNormIssued, Zero: w.fill("{Y}年，{S}未制发行政规范性文件"), Some: w.fill("{Y}年，{S}制发行政规范性文件%s件")}},
				lit("，现行有效行政规范性文件"), w.num(QNormInForce, inForce), lit("件。"))
		case rng.IntN(2) == 0:
			out = append(out, lit("本年制发行政规范性文件"), w.num(QNormIssued, issued), lit("件，废止"), w.num(QNormRepealed, repealed),
				lit("件，截至年底现行有效"), w.num(QNormInForce, inForce), lit("件。"))
		default:
			out = append(out, lit(w.fill("{Y}年共制定行政规范性文件")), w.num(QNormIssued, issued), lit("件，均按规定进行了合法性审查并及时公开。"))
		}
	} else {
		published := r.Int("t2_1", "normative", "published")
		if issued == 0 {
			out = append(out, Span{Num: &Num{Q: QNormIssued, Zero: w.fill("{Y}年，{S}未制定规范性文件。"), Some: w.fill("{Y}年，{S}制定规范性文件%s件。")}})
		} else {
			out = append(out, lit("本年新制作规范性文件"), w.num(QNormIssued, issued), lit("件，新公开"), w.num(QOther, published), lit("件。"))
		}
	}
	if k := r.Int("t2_1", "rules", "issued"); k > 0 && r.Edition == Ed2021 && chance(rng, 0.6) {
		out = append(out, lit("制定政府规章"), w.num(QCell("t2_1", "rules", "issued"), k), lit("件，废止"),
			w.num(QCell("t2_1", "rules", "repealed"), r.Int("t2_1", "rules", "repealed")), lit("件，现行有效规章"),
			w.num(QCell("t2_1", "rules", "in_force"), r.Int("t2_1", "rules", "in_force")), lit("件。"))
	}
	lic := r.Int("t2_5", "licensing", "decisions")
	pen := r.Int("t2_6", "penalty", "decisions")
	if (lic > 0 || pen > 0) && chance(rng, 0.5) {
		out = append(out, lit("全年公开行政许可决定"), w.num(QLicensing, lic), lit("件、行政处罚决定"), w.num(QPenalty, pen), lit("件。"))
	}
	return out
}

// applications states the year's applications in one of the styles real reports use.
func (w *writer) applications() []Span {
	r, rng := w.r, w.rng
	n, c := r.RowTotal("new_received"), r.RowTotal("carried_over")
	a, f := r.RowTotal("total_results"), r.RowTotal("carried_forward")
	y := strconv.Itoa(r.Year)
	self := r.Body.Self
	if n == 0 && c == 0 {
		return w.noApplications(y, self)
	}
	if n == 0 {
		return []Span{{Num: &Num{Q: QReceived, Zero: "本年度未新收政府信息公开申请，", Some: "本年度新收政府信息公开申请%s件，"}},
			lit("上年结转的"), w.num(QCarriedOver, c), lit("件申请已全部办结。")}
	}
	t := &appText{w: w, n: n, c: c, a: a, f: f, y: y, self: self}
	style := rng.IntN(7)
	if c == 0 && (style == 1 || style == 2 || style == 4 || style == 6) {
		style = pick(rng, 0, 3, 5)
	}
	t.counts(style)
	t.applicants()
	t.channels()
	if a > 0 && chance(rng, 0.5) {
		t.add(w.results(false))
	}
	if chance(rng, 0.2) && style != 3 {
		t.add(pick(rng, "所有申请均在法定期限内答复。", "按时答复率100%。", "无超期答复情况。"))
	}
	return t.out
}

// noApplications says no application was received or carried over, in one of the
// wordings real reports use.
func (w *writer) noApplications(y, self string) []Span {
	zero := pick(w.rng,
		y+"年，"+self+"未收到政府信息公开申请。",
		"本年度"+self+"未收到政府信息公开申请。",
		"全年未收到依申请公开事项。",
		"本年度未收到公民、法人或其他组织提出的政府信息公开申请。",
		"本年度政府信息公开申请数量为0。",
		"本年度"+self+"未收到政府信息公开申请，无上年结转申请。",
		y+"年，"+self+"没有接到政府信息公开申请。",
	)
	some := y + "年，" + self + "共收到政府信息公开申请%s件。"
	return []Span{{Num: &Num{Q: QReceived, Zero: zero, Some: some}}}
}

// appText is the statement of the year's applications being written: the counts it
// states (new n, carried over c, answered a, carried forward f) and its spans so far.
type appText struct {
	w          *writer
	out        []Span
	n, c, a, f int
	y, self    string
}

// add appends text and numbers to the statement.
func (t *appText) add(xs ...any) { t.out = append(t.out, spans(xs...)...) }

// yoy sometimes compares the new applications with the previous year's.
func (t *appText) yoy() {
	w, rng, n := t.w, t.w.rng, t.n
	if !chance(rng, 0.3) {
		return
	}
	prev := w.r.Facts.PrevNew
	switch {
	case prev == n:
		t.add("，与上年持平")
	case prev > 0 && chance(rng, 0.5):
		word, more := "增长", "增加"
		if n < prev {
			word, more = "下降", "减少"
		}
		d := w.r.Style.PctDecimals
		p := roundTo(100*float64(abs(n-prev))/float64(prev), d)
		if chance(rng, 0.4) {
			t.add("，同比"+more, w.num(QOther, abs(n-prev)), "件，"+word, Span{Num: &Num{Q: QOther, V: p, Decimals: d}}, "%")
		} else {
			t.add("，同比"+word, Span{Num: &Num{Q: QOther, V: p, Decimals: d}}, "%")
		}
	default:
		word := "增加"
		if n < prev {
			word = "减少"
		}
		t.add("，较上年"+word, w.num(QOther, abs(n-prev)), "件")
	}
}

// forward states the applications carried forward to next year, if any.
func (t *appText) forward() {
	w, f := t.w, t.f
	if f == 0 {
		return
	}
	switch w.rng.IntN(4) {
	case 0:
		t.add("，结转下年度继续办理", w.num(QCarriedForward, f), "件")
	case 1:
		t.add("，", w.num(QCarriedForward, f), "件结转至"+strconv.Itoa(w.r.Year+1)+"年办理")
	case 2:
		t.add("，", w.num(QCarriedForward, f), "件因尚在答复期限内结转下年度办理")
	default:
		t.add("，结转下一年度", w.num(QCarriedForward, f), "件")
	}
}

// counts states the applications received, carried over, answered and carried forward
// in the given style.
func (t *appText) counts(style int) {
	w, rng := t.w, t.w.rng
	n, c, a, f, y, self := t.n, t.c, t.a, t.f, t.y, t.self
	switch style {
	case 0: // 共收到…上年结转…已办结…结转
		t.add(pick(rng, y+"年，"+self+"共收到政府信息公开申请", "全年共收到政府信息公开申请", "本年度"+self+"新收政府信息公开申请", "全年共受理政府信息公开申请"),
			w.num(QReceived, n), "件")
		t.yoy()
		if c > 0 {
			t.add("，上年结转", w.num(QCarriedOver, c), "件")
		}
		t.add(pick(rng, "，已办结", "，办结", "，依法答复"), w.num(QAnswered, a), "件")
		t.forward()
		t.add("。")
	case 1: // 新收…加上上年结转…共需办理…
		t.add("本年度新收申请", w.num(QReceived, n), "件，加上上年结转的", w.num(QCarriedOver, c), "件，共需办理", w.num(QToHandle, n+c), "件，其中已办结", w.num(QAnswered, a), "件")
		t.forward()
		t.add("。")
	case 2: // 受理申请…（含上年结转…）
		t.add(y+"年，共受理政府信息公开申请", w.num(QToHandle, n+c), "件（含上年结转", w.num(QCarriedOver, c), "件），办结", w.num(QAnswered, a), "件")
		t.forward()
		t.add("。")
	case 3: // 收到…均已办结 / 办结…
		t.receivedAnswered()
	case 4: // 共完成答复…包括上年结转…
		t.add(self+"全年共完成政府信息公开申请答复", w.num(QAnswered, a), "件，包括上年结转申请", w.num(QCarriedOver, c), "件")
		t.add("；本年新收申请", w.num(QReceived, n), "件")
		t.forward()
		t.add("。")
	case 6: // 共收到…（其中上年结转…）
		t.add(y+"年，"+self+"共收到政府信息公开申请", w.num(QToHandle, n+c), "件（其中上年结转", w.num(QCarriedOver, c), "件）")
		if f == 0 {
			t.add("，已全部办结。")
		} else {
			t.add("，办结", w.num(QAnswered, a), "件")
			t.forward()
			t.add("。")
		}
	default: // 新收…自然人…法人
		t.add(pick(rng, "本年度新收政府信息公开申请", y+"年新收政府信息公开申请"), w.num(QReceived, n), "件")
		t.yoy()
		t.add("。")
		if c > 0 {
			t.add("上年结转申请", w.num(QCarriedOver, c), "件。")
		}
		t.add("本年度办结", w.num(QAnswered, a), "件")
		t.forward()
		t.add("。")
	}
}

// receivedAnswered states the applications received, then that all were answered or how
// many were, with those carried over and forward.
func (t *appText) receivedAnswered() {
	w, rng := t.w, t.w.rng
	t.add(pick(rng, t.y+"年，"+t.self+"收到政府信息公开申请", "本年度共接收政府信息公开申请"), w.num(QReceived, t.n), "件")
	t.yoy()
	if t.f == 0 && t.c == 0 {
		if chance(rng, 0.3) {
			t.add("，办结", w.num(QAnswered, t.a), "件，办结率100%。")
		} else {
			t.add(pick(rng, "，均已按时办结。", "，全部在法定期限内答复。"))
		}
		return
	}
	t.add("，全年办结申请", w.num(QAnswered, t.a), "件")
	if t.c > 0 {
		t.add("（含上年结转", w.num(QCarriedOver, t.c), "件）")
	}
	t.forward()
	t.add("。")
}

// applicants sometimes states who applied: natural persons, legal persons, or both.
func (t *appText) applicants() {
	w, r, rng, n := t.w, t.w.r, t.w.rng, t.n
	if !chance(rng, 0.4) {
		return
	}
	nat := r.Int("t3", "new_received", "natural_person")
	legal := n - nat
	switch {
	case legal == 0:
		t.add("申请人均为自然人。")
	case nat == 0:
		t.add("申请人均为法人或其他组织。")
	case chance(rng, 0.35):
		d := r.Style.PctDecimals
		share := func(q Quantity, k int) Span {
			return Span{Num: &Num{Q: q, V: roundTo(100*float64(k)/float64(n), d), Decimals: d}}
		}
		t.add("按申请人类型分，自然人申请", w.num(QNatural, nat), "件，占", share(QShare("natural"), nat), "%；法人或其他组织申请",
			w.num(QLegal, legal), "件，占", share(QShare("legal"), legal), "%。")
	default:
		t.add(pick(rng, "其中，", "从申请主体看，"), "自然人申请", w.num(QNatural, nat), "件，法人或其他组织申请", w.num(QLegal, legal), "件。")
	}
}

// channels sometimes states how the applications arrived.
func (t *appText) channels() {
	w, rng := t.w, t.w.rng
	if !chance(rng, 0.3) {
		return
	}
	var parts []Span
	for _, ch := range []string{"网上申请", "信函申请", "当面申请", "电子邮件申请"} {
		if k := w.r.Facts.Channels[ch]; k > 0 {
			if len(parts) > 0 {
				parts = append(parts, lit("、"))
			}
			parts = append(parts, lit(ch), w.num(QChannel(ch), k), lit("件"))
		}
	}
	if len(parts) > 0 {
		t.add(pick(rng, "从申请渠道看，", "按申请方式分，"), parts, "。")
	}
}

// repeat returns n copies of s, to weight a choice.
func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// results lists the kinds of result, in one of the styles real reports use.
func (w *writer) results(standalone bool) []Span {
	r, rng := w.r, w.rng
	w.lists++
	t := &resultText{
		w: w, a: r.RowTotal("total_results"), cats: ResultCategories(r.Edition),
		group: "list" + strconv.Itoa(w.lists),
	}
	if standalone {
		t.add(pick(rng, "从办理结果看，", "本年度办结的申请中，"))
	} else {
		t.add(pick(rng, "其中，", "办理结果方面，", "从办理结果看，"))
	}
	style := pick(rng, 0, 1, 1, 2, 3, 4)
	switch style {
	case 0, 1: // 予以公开9件，占50%；部分公开3件……
		t.eachKind(style == 1)
	case 2: // 予以公开、部分公开、无法提供分别为9件、3件、6件
		t.respectively()
	case 3: // 予以公开9件……，其余为……
		t.firstAndRest()
	default: // 不予公开/无法提供 with reasons
		t.withReasons()
	}
	return t.out
}

// resultText is a list of the kinds of result being written: the results in all (a),
// the kinds of the report's edition, the group its numbers form as a complete list, and
// its spans so far.
type resultText struct {
	w     *writer
	out   []Span
	a     int
	cats  []Category
	group string
}

// add appends text and numbers to the list.
func (t *resultText) add(xs ...any) { t.out = append(t.out, spans(xs...)...) }

// total is the number of results of a kind.
func (t *resultText) total(c Category) int { return t.w.r.CategoryTotal(c) }

// numG writes the number of results of a kind as a member of the list.
func (t *resultText) numG(c Category) Span {
	s := t.w.num(QResult(c.ID), t.total(c))
	s.Num.Group = t.group
	return s
}

// eachKind states each kind's number in turn, with its share when withPct; sometimes
// every kind, sometimes those that occurred, sometimes the first two together.
func (t *resultText) eachKind(withPct bool) {
	w, r, rng, cats, a := t.w, t.w.r, t.w.rng, t.cats, t.a
	all := chance(rng, 0.5)
	combine := chance(rng, 0.25) && t.total(cats[0]) > 0 && t.total(cats[1]) > 0
	first := true
	for i, c := range cats {
		k := t.total(c)
		if k == 0 && !all {
			continue
		}
		if combine && i == 1 {
			continue
		}
		if !first {
			t.add(pick(rng, "；", "，"))
		}
		first = false
		name := c.Name
		if i == 0 && chance(rng, 0.2) {
			name = "同意公开"
		}
		if combine && i == 0 {
			t.combined(withPct)
			continue
		}
		t.add(name, t.numG(c), "件")
		if c.ID == "unable" && r.RowTotal("unable_not_held") > 0 && chance(rng, 0.3) {
			t.add("（其中本机关不掌握相关政府信息", w.num(QOther, r.RowTotal("unable_not_held")), "件）")
		}
		if withPct && k > 0 {
			t.add(pick(rng, "，占", "，占比"), w.pct(QPct(c.ID), k, a), "%")
		}
	}
	if !all {
		t.ungroupIfIncomplete()
	}
	t.add("。")
}

// combined states the disclosed and partly disclosed results as one number, with its
// share when withPct.
func (t *resultText) combined(withPct bool) {
	w, rng, cats := t.w, t.w.rng, t.cats
	name := pick(rng, "予以公开及部分公开", "予以公开及部分公开", "予以公开或部分公开")
	k := t.total(cats[0]) + t.total(cats[1])
	s := w.num(QResult("disclosed+partial"), k)
	s.Num.Group = t.group
	t.add(name, s, "件")
	if withPct {
		t.add("，占", w.pct(QPct("disclosed+partial"), k, t.a), "%")
	}
}

// ungroupIfIncomplete takes the numbers out of the list's group when a kind that did not
// occur was left out: listing only the kinds that occurred is not a complete list unless
// none was left out.
func (t *resultText) ungroupIfIncomplete() {
	for _, c := range t.cats {
		if t.total(c) == 0 {
			for i := range t.out {
				if t.out[i].Num != nil && t.out[i].Num.Group == t.group {
					t.out[i].Num.Group = ""
				}
			}
			break
		}
	}
}

// respectively names the kinds that occurred, then their numbers in the same order; with
// only one kind, says all results were of it.
func (t *resultText) respectively() {
	w := t.w
	var names []string
	var nums []Span
	for _, c := range t.cats {
		if t.total(c) > 0 {
			names = append(names, c.Name)
			nums = append(nums, w.num(QResult(c.ID), t.total(c)), lit("件"), lit("、"))
		}
	}
	if len(names) < 2 {
		c := t.cats[0]
		for _, cc := range t.cats {
			if t.total(cc) > 0 {
				c = cc
			}
		}
		t.add("均为", c.Name, "。")
		return
	}
	nums = nums[:len(nums)-1]
	t.add(strings.Join(names, "、"), "分别为", nums, "。")
}

// firstAndRest states the disclosed results, then the rest together.
func (t *resultText) firstAndRest() {
	w, rng := t.w, t.w.rng
	c0 := t.cats[0]
	t.add(c0.Name, w.num(QResult(c0.ID), t.total(c0)), "件")
	rest := t.a - t.total(c0)
	if rest > 0 {
		t.add("，", pick(rng, "其余", "其他"), w.num(QOther, rest), "件分别作出部分公开、不予公开、无法提供、不予处理等答复")
	}
	t.add("。")
}

// withReasons states each kind that occurred, the reasons a request could not be met
// among them.
func (t *resultText) withReasons() {
	w := t.w
	for _, c := range t.cats {
		k := t.total(c)
		if k == 0 {
			continue
		}
		switch c.ID {
		case "disclosed":
			t.add("予以公开", w.num(QResult(c.ID), k), "件；")
		case "partial":
			t.add("部分公开", w.num(QResult(c.ID), k), "件；")
		case "withheld":
			t.add("不予公开", w.num(QResult(c.ID), k), "件；")
		case "unable":
			t.add("因本机关不掌握相关政府信息、没有现成信息需要另行制作等原因无法提供", w.num(QResult(c.ID), k), "件；")
		case "not_processed":
			t.add("不予处理", w.num(QResult(c.ID), k), "件；")
		case "other_handling":
			t.add("其他处理", w.num(QResult(c.ID), k), "件；")
		}
	}
	if len(t.out) > 0 {
		last := &t.out[len(t.out)-1]
		last.Text = strings.TrimSuffix(last.Text, "；") + "。"
	}
}

// review states table 4 in one of the styles real reports use.
func (w *writer) review() []Span {
	r, rng := w.r, w.rng
	v := func(block, part string) int { return r.Int("t4", "cases", block+"_"+part) }
	rev := v("review", "total")
	d, af := v("direct", "total"), v("after", "total")
	lits := d + af
	y := strconv.Itoa(r.Year)
	var out []Span
	add := func(xs ...any) { out = append(out, spans(xs...)...) }
	if rev == 0 && lits == 0 {
		if chance(rng, 0.75) {
			add(pick(rng,
				"本年度未发生因政府信息公开引起的行政复议和行政诉讼。",
				y+"年，"+r.Body.Self+"未发生政府信息公开行政复议、行政诉讼案件。",
				"全年无因政府信息公开申请被申请行政复议或提起行政诉讼的情况。",
				"本年度没有因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
				"因政府信息公开被申请行政复议、提起行政诉讼的数量均为0。",
			))
			return out
		}
		add(y+"年，"+r.Body.Self+"因政府信息公开被申请行政复议", w.num(QReview, 0), "起、提起行政诉讼", w.num(QLitigation, 0), "起。")
		return out
	}
	unit := pick(rng, "件", "起")
	parts := func() {
		var ps []Span
		names := map[string]string{"upheld": "维持", "corrected": "纠正", "other": "其他结果", "pending": "尚未审结"}
		after := map[string]string{"upheld": "维持原行政行为", "corrected": "被纠正", "other": "以其他方式结案", "pending": "尚在审理中"}
		verbs := chance(rng, 0.4)
		for _, p := range T4Parts()[:4] {
			if k := v("review", p); k > 0 {
				if len(ps) > 0 {
					ps = append(ps, Span{Text: pick(rng, "、", "，")})
				}
				if verbs {
					ps = append(ps, w.num(QReviewPart(p), k), Span{Text: unit + after[p]})
				} else {
					ps = append(ps, Span{Text: names[p]}, w.num(QReviewPart(p), k), Span{Text: unit})
				}
			}
		}
		add("，其中", ps)
	}
	litParts := func() {
		var ps []Span
		names := map[string]string{"upheld": "法院判决维持", "corrected": "判决纠正", "other": "以其他方式结案", "pending": "尚未审结"}
		for _, p := range T4Parts()[:4] {
			if k := v("direct", p) + v("after", p); k > 0 {
				if len(ps) > 0 {
					ps = append(ps, Span{Text: "、"})
				}
				ps = append(ps, Span{Text: names[p]}, w.num(QLitigationResult(p), k), Span{Text: unit})
			}
		}
		add("，其中", ps)
	}
	switch rng.IntN(4) {
	case 0:
		add(y+"年，"+r.Body.Self+"因政府信息公开被申请行政复议", w.num(QReview, rev), unit, "、提起行政诉讼", w.num(QLitigation, lits), unit, "。")
	case 1:
		add("因政府信息公开引起的行政复议案件", w.num(QReview, rev), unit, "、行政诉讼案件", w.num(QLitigation, lits), unit, "。")
	case 2:
		if rev > 0 {
			add("本年度发生政府信息公开行政复议", w.num(QReview, rev), unit)
			if chance(rng, 0.7) {
				parts()
			}
		} else {
			add("本年度未发生政府信息公开行政复议")
		}
		if lits > 0 {
			add("；行政诉讼", w.num(QLitigation, lits), unit)
			if d > 0 && af > 0 {
				add("（其中未经复议直接起诉", w.num(QLitigationPart("direct"), d), unit, "、复议后起诉", w.num(QLitigationPart("after"), af), unit, "）")
			}
			add("。")
		} else {
			add("，未发生行政诉讼。")
		}
	default:
		if rev > 0 {
			add("被申请行政复议", w.num(QReview, rev), unit)
			parts()
			add("。")
		} else {
			add("未发生行政复议。")
		}
		if lits > 0 {
			add("被提起行政诉讼", w.num(QLitigation, lits), unit)
			if chance(rng, 0.5) {
				litParts()
			}
			add("。")
		} else {
			add("未发生因政府信息公开引起的行政诉讼。")
		}
	}
	return out
}

func (w *writer) section5() {
	r, rng := w.r, w.rng
	ps := pickN(rng, problems, 2+rng.IntN(2))
	is := pickN(rng, improvements, 2+rng.IntN(2))
	ordinals := []string{"一是", "二是", "三是", "四是"}
	enum := func(xs []string) string {
		var b strings.Builder
		for i, x := range xs {
			b.WriteString(ordinals[i] + x)
			if i < len(xs)-1 {
				b.WriteString("；")
			} else {
				b.WriteString("。")
			}
		}
		return b.String()
	}
	next := w.fill("{Y1}年，{S}将")
	if chance(rng, 0.5) {
		w.subheading(pick(rng, "（一）存在的主要问题", "（一）存在问题"))
		w.para("", lit(w.fill("{Y}年，{S}政府信息公开工作取得了一定成效，但仍存在一些不足：")+enum(ps)))
		w.subheading(pick(rng, "（二）改进情况", "（二）改进措施", "（二）下一步工作打算"))
		w.para("", lit(next+"重点做好以下工作："+enum(is)))
		return
	}
	w.para("", lit(w.fill(pick(rng, "{Y}年，{S}政府信息公开工作虽然取得了一定成绩，但还存在一些不足，", "对照上级要求，{S}政府信息公开工作仍存在一些问题，"))+
		"主要表现在："+enum(ps)))
	w.para("", lit(pick(rng, "针对上述问题，", "下一步，")+next+"采取以下措施加以改进："+enum(is)))
	_ = r
}

func (w *writer) section6() {
	r, rng := w.r, w.rng
	f := r.Facts
	wrote := false
	if r.Edition == Ed2021 {
		var fee []Span
		if f.FeeCases == 0 {
			fee = append(fee, lit(w.fill(pick(rng,
				"{Y}年，{S}未收取信息处理费。",
				"本年度未收取政府信息公开信息处理费。",
				"{Y}年，无收取信息处理费情况。",
				"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{S}本年度未向申请人收取信息处理费。",
				"本年度没有发生收取信息处理费的情况。",
			))))
		} else {
			fee = append(fee, lit(w.fill("依据《政府信息公开信息处理费管理办法》，{S}本年度共对")), w.num(QOther, f.FeeCases),
				lit("件政府信息公开申请收取信息处理费，共计"), Span{Num: &Num{Q: QOther, V: float64(f.FeeYuan)}}, lit("元。"))
		}
		if k := r.RowTotal("other_no_fee"); k > 0 && chance(rng, 0.5) {
			fee = append(fee, lit("另有"), w.num(QOther, k), lit("件申请因申请人逾期未按收费通知要求缴纳费用，不再处理。"))
		}
		w.para("fee", fee...)
		wrote = true
	}
	if f.Proposals+f.Motions > 0 && chance(rng, 0.5) {
		if chance(rng, 0.5) {
			w.para("", lit(w.fill("{Y}年，{S}共办理人大代表建议")), w.num(QOther, f.Proposals), lit("件、政协提案"), w.num(QOther, f.Motions),
				lit("件，办复率100%，答复全文均已按规定公开。"))
		} else {
			w.para("", lit("全年承办人大代表建议和政协提案共"), w.num(QOther, f.Proposals+f.Motions), lit("件，已全部办结并按要求公开办理结果。"))
		}
		wrote = true
	}
	if chance(rng, 0.3) {
		w.para("", lit(w.fill(pick(rng, sixOther...))))
		wrote = true
	}
	if !wrote {
		w.para("", lit(pick(rng, "无。", "本年度无其他需要报告的事项。", "没有其他需要报告的事项。")))
	}
}

func pickN(rng *rand.Rand, xs []string, n int) []string {
	idx := rng.Perm(len(xs))[:n]
	out := make([]string, n)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
