package reportgen

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Kind is the kind of body that publishes a report.
type Kind string

// The kinds of body: a people's government, its general office, a government department
// (局·委·办), a township or sub-district.
const (
	KindGovernment Kind = "government"
	KindGovOffice  Kind = "gov_office"
	KindDepartment Kind = "department"
	KindTownship   Kind = "township"
)

// Body is the body a report is about.
type Body struct {
	// Name is the full name in the title: 淮安市洪泽区教育局.
	Name string
	Kind Kind
	// Level is province, city, county or town: the level of the area the body serves.
	Level string
	// Region is the area's name (洪泽区), City the prefecture (淮安市), if any.
	Region, City string
	// Self is how the report names the body in running text: 我局, 区政府, 本镇.
	Self string
	// Short is the short name used in narrative sentences: 区教育局, 洪泽区政府.
	Short string
	// Site is the portal that publishes the report: 洪泽区人民政府门户网站.
	Site string
	// Domain is the portal's host name.
	Domain string
	// MakesRules is true for the governments that may make 规章 (provinces, 设区的市).
	MakesRules bool
}

// Government reports whether the body is (or reports for) a people's government, whose
// report must also cover 工作考核、社会评议和责任追究.
func (b Body) Government() bool {
	return b.Kind == KindGovernment || b.Kind == KindGovOffice || b.Kind == KindTownship
}

// Report is one generated annual report: the model every carrier is written from.
type Report struct {
	// Seed is the seed the report was drawn from; Generate(Seed) gives it back.
	Seed    uint64
	Body    Body
	Year    int
	Edition Edition
	// Values are the numbers of every value cell of tables 2, 3 and 4.
	Values map[CellKey]float64
	// Decimals is the number of decimals an amount cell is written with.
	Decimals map[CellKey]int
	// Written replaces the text of a cell: "" for a blank cell, "/" for a placeholder.
	// Only defects set it.
	Written map[CellKey]string
	// Facts are the quantities the narrative states that are not in the tables.
	Facts Facts
	// Style is how the report is written: numbering, numerals, table layout, carrier look.
	Style Style
	// Title is the report's title.
	Title string
	// Published is the publication date a portal page shows (YYYY-MM-DD).
	Published string
	// Blocks are the report's content, in order.
	Blocks []Block
	// Omit lists table groups left out of the document (t2, t3, t4).
	Omit []string
}

// Facts are figures the narrative states besides the tables' own, drawn with the tables so
// that every sentence about them is true.
type Facts struct {
	// PrevNew is last year's 本年新收 total, for 同比 statements.
	PrevNew int
	// Channels splits 本年新收 by how applications arrived: 网上, 信函, 当面, 传真, 其他.
	Channels map[string]int
	// FeeCases and FeeYuan are information-processing fees charged (件, 元).
	FeeCases, FeeYuan int
	// Published counts items proactively published (条), PolicyReads 政策解读 (篇).
	Published, PolicyReads, Press int
	// Proposals and Motions are 人大代表建议 and 政协提案 handled (件).
	Proposals, Motions int
	// Media counts the body's 政务新媒体 accounts.
	Media int
	// Training counts training sessions (场) and trainees (人次).
	Training, Trainees int
}

// Value returns a cell's number.
func (r *Report) Value(t, row, col string) float64 { return r.Values[CellKey{t, row, col}] }

// Int returns a cell's number as an int.
func (r *Report) Int(t, row, col string) int { return int(r.Values[CellKey{t, row, col}]) }

// Specs returns the report's tables.
func (r *Report) Specs() []TableSpec { return Specs(r.Edition) }

// Clone returns a deep copy, for injecting a defect.
func (r *Report) Clone() *Report {
	c := *r
	c.Values = maps.Clone(r.Values)
	c.Decimals = maps.Clone(r.Decimals)
	c.Written = maps.Clone(r.Written)
	if c.Written == nil {
		c.Written = map[CellKey]string{}
	}
	c.Facts.Channels = maps.Clone(r.Facts.Channels)
	c.Omit = slices.Clone(r.Omit)
	c.Blocks = make([]Block, len(r.Blocks))
	for i, b := range r.Blocks {
		c.Blocks[i] = b.clone()
	}
	return &c
}

// CellText is the text written in a cell: the override a defect set, or the number.
func (r *Report) CellText(k CellKey) string {
	if s, ok := r.Written[k]; ok {
		return s
	}
	v := r.Values[k]
	if d, ok := r.Decimals[k]; ok && d > 0 {
		return strconv.FormatFloat(v, 'f', d, 64)
	}
	spec, _ := Spec(r.Edition, k.Table)
	for _, c := range spec.Cols {
		if c.ID == k.Col && c.Signed && v > 0 && r.Style.PlusSign {
			return "+" + strconv.Itoa(int(v))
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Omitted reports whether a table group is left out of the document.
func (r *Report) Omitted(group string) bool { return slices.Contains(r.Omit, group) }

// RowTotal is the 总计 of a table-3 row.
func (r *Report) RowTotal(row string) int { return r.Int("t3", row, "total") }

// CategoryTotal is the 总计 of a kind of result (the sum of its rows).
func (r *Report) CategoryTotal(c Category) int {
	n := 0
	for _, row := range c.Rows {
		n += r.RowTotal(row)
	}
	return n
}

// BlockKind is the kind of a block of the document.
type BlockKind int

// Kinds of block.
const (
	// BTitle is the report's title.
	BTitle BlockKind = iota
	// BHeading is a section heading (一、总体情况).
	BHeading
	// BSubheading is a sub-part heading on its own line (（一）主动公开).
	BSubheading
	// BPara is a paragraph of running text.
	BPara
	// BTable is one of the tables (Table names the group: t2, t3, t4).
	BTable
)

// Block is one block of the document: a heading, a paragraph or a table.
type Block struct {
	Kind BlockKind
	// Section is the section the block belongs to (0 before section 一).
	Section int
	// Numeral and Sep and Title make a section heading: 一 、 总体情况. A heading with an
	// empty Numeral has no number.
	Numeral, Sep, Title string
	// Spans are the text of titles, sub-headings and paragraphs.
	Spans []Span
	// Table is the table group of a BTable block.
	Table string
	// Tag marks blocks a defect may remove or change (fee, period).
	Tag string
}

func (b Block) clone() Block {
	c := b
	c.Spans = make([]Span, len(b.Spans))
	for i, s := range b.Spans {
		c.Spans[i] = s
		if s.Num != nil {
			n := *s.Num
			c.Spans[i].Num = &n
		}
	}
	return c
}

// HeadingText is the text of a section heading.
func (b Block) HeadingText() string { return b.Numeral + b.Sep + b.Title }

// Span is a piece of running text: literal text, or a number that states a quantity.
type Span struct {
	Text string
	Num  *Num
	// Tag marks spans a defect may change or remove (period, fee).
	Tag string
}

// Quantity names what a number in the narrative states.
type Quantity string

// Quantities the narrative states. Those whose claims the linter checks against the tables
// map to a rule in ClaimRule.
const (
	QReceived       Quantity = "received"        // 本年新收 总计
	QCarriedOver    Quantity = "carried_over"    // 上年结转 总计
	QAnswered       Quantity = "answered"        // （七）总计 总计
	QCarriedForward Quantity = "carried_forward" // 结转下年度 总计
	QToHandle       Quantity = "to_handle"       // 新收 + 上年结转
	QNatural        Quantity = "natural"         // 本年新收·自然人
	QLegal          Quantity = "legal"           // 本年新收·法人或其他组织 (sum of five columns)
	QReview         Quantity = "review"          // 表四 行政复议 总计
	QLitigation     Quantity = "litigation"      // 表四 直接起诉总计 + 复议后起诉总计
	QNormIssued     Quantity = "norm_issued"     // 表二 行政规范性文件 本年制发 (2019: 本年新制作)
	QNormRepealed   Quantity = "norm_repealed"   // 2021: 本年废止
	QNormInForce    Quantity = "norm_in_force"   // 2021: 现行有效
	QLicensing      Quantity = "licensing"       // 表二 行政许可 处理决定
	QPenalty        Quantity = "penalty"         // 表二 行政处罚 处理决定
	QOther          Quantity = "other"           // not a table quantity
)

// QResult is the count of a kind of result (予以公开 …); QPct its share of （七）总计.
func QResult(cat string) Quantity { return Quantity("result:" + cat) }

// QPct is the percentage of a kind of result.
func QPct(cat string) Quantity { return Quantity("pct:" + cat) }

// QReviewPart is one part of the 行政复议 block (upheld, pending …).
func QReviewPart(part string) Quantity { return Quantity("review:" + part) }

// QLitigationPart is the 总计 of one litigation block (direct, after).
func QLitigationPart(block string) Quantity { return Quantity("litigation:" + block) }

// QShare is the share (%) of 本年新收 that natural persons or organisations sent.
func QShare(who string) Quantity { return Quantity("share:" + who) }

// QLitigationResult is the number of lawsuits (both blocks) with one result.
func QLitigationResult(part string) Quantity { return Quantity("litresult:" + part) }

// QCell is the value of one table cell.
func QCell(t, row, col string) Quantity { return Quantity("cell:" + t + "." + row + "." + col) }

// QChannel is the number of applications that came by one channel.
func QChannel(ch string) Quantity { return Quantity("channel:" + ch) }

// Num is a number in the narrative: what it states, its value, and how it is written.
type Num struct {
	Q Quantity
	V float64
	// Decimals for percentages.
	Decimals int
	// Chinese writes the number in Chinese numerals (十八).
	Chinese bool
	// Zero and Some, when set, write the whole span: Zero when V is 0 (未收到政府信息公开申请),
	// Some otherwise, with %s for the number (共收到政府信息公开申请%s件).
	Zero, Some string
	// Group marks a number that belongs to a list stating every kind of result, so that
	// changing it also breaks the list's sum (NAR-RESULTS-SUM).
	Group string
}

// Text writes the number.
func (n *Num) Text() string {
	if n.Decimals > 0 {
		return strconv.FormatFloat(n.V, 'f', n.Decimals, 64)
	}
	// A report that writes counts up to ten in Chinese numerals writes others in digits
	// (and never 零件, which reads as "parts").
	if n.Chinese && n.V >= 1 && n.V <= 10 {
		return Chinese(int(n.V))
	}
	return strconv.Itoa(int(n.V))
}

// Render writes the span's text.
func (s Span) Render() string {
	if s.Num == nil {
		return s.Text
	}
	n := s.Num
	if n.Zero != "" && n.V == 0 {
		return n.Zero
	}
	if n.Some != "" {
		return strings.ReplaceAll(n.Some, "%s", n.Text())
	}
	return n.Text()
}

// Text is a block's text, its spans joined.
func (b Block) Text() string {
	if b.Kind == BHeading {
		return b.HeadingText()
	}
	var sb strings.Builder
	for _, s := range b.Spans {
		sb.WriteString(s.Render())
	}
	return sb.String()
}

// Chinese writes n (0 ≤ n < 100000) in Chinese numerals: 18 → 十八, 105 → 一百零五.
func Chinese(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if n < 0 || n >= 100000 {
		return strconv.Itoa(n)
	}
	if n < 10 {
		return digits[n]
	}
	if n < 20 {
		return "十" + map[bool]string{true: "", false: digits[n%10]}[n%10 == 0]
	}
	units := []string{"", "十", "百", "千", "万"}
	var parts []string
	s := strconv.Itoa(n)
	zero := false
	for i, ch := range s {
		d := int(ch - '0')
		u := units[len(s)-1-i]
		if d == 0 {
			zero = true
			continue
		}
		if zero && len(parts) > 0 {
			parts = append(parts, "零")
		}
		zero = false
		parts = append(parts, digits[d]+u)
	}
	return strings.Join(parts, "")
}

// Describe is a one-line summary of the report, for logs and the manifest.
func (r *Report) Describe() string {
	return fmt.Sprintf("%s %d年 (%s, %s, 新收%d)", r.Body.Name, r.Year, r.Edition, r.Body.Kind, r.RowTotal("new_received"))
}
