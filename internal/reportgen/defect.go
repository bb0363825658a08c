package reportgen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Defect describes a defect injected into a report.
type Defect struct {
	// Kind is the defect kind (t3-row-sum, nar-received …; see DefectKinds).
	Kind string `json:"kind"`
	// Rules are the rule ids that must fire.
	Rules []string `json:"rules"`
	// Also are rules that may fire as a consequence (the defect breaks them too).
	Also []string `json:"also,omitempty"`
	// Instead, per carrier, are rules that count as finding the defect in that carrier
	// when it cannot show the defect itself (a blank cell in whitespace-separated text is
	// a missing value: TABLE-SHAPE).
	Instead map[Carrier][]string `json:"instead,omitempty"`
	// Detail says what was changed.
	Detail string `json:"detail"`
}

// ErrNotApplicable is returned when a report has nothing a defect kind could change (no
// sentence stating the quantity, a 2019-format report for FEE-STATEMENT).
var ErrNotApplicable = errors.New("defect not applicable to this report")

// DefectKind is a kind of defect the injector knows, with the rules that must find it.
type DefectKind struct {
	Name  string
	Rules []string
	apply func(r *Report, rng *rand.Rand) (string, error)
}

// DefectKinds are every defect kind, in a stable order.
func DefectKinds() []DefectKind {
	return []DefectKind{
		{"t3-row-sum", []string{"T3-ROW-SUM"}, defRowSum},
		{"t3-col-total", []string{"T3-COL-TOTAL"}, defColTotal},
		{"t3-identity", []string{"T3-IDENTITY"}, defIdentity},
		{"t4-sum", []string{"T4-SUM"}, defT4Sum},
		{"nar-received", []string{"NAR-APPLICATIONS"}, defClaim(QReceived)},
		{"nar-carried-over", []string{"NAR-APPLICATIONS"}, defClaim(QCarriedOver)},
		{"nar-answered", []string{"NAR-APPLICATIONS"}, defClaim(QAnswered)},
		{"nar-carried-forward", []string{"NAR-APPLICATIONS"}, defClaim(QCarriedForward)},
		{"nar-results", []string{"NAR-RESULTS"}, defResult(false)},
		{"nar-results-sum", []string{"NAR-RESULTS", "NAR-RESULTS-SUM"}, defResult(true)},
		{"nar-percent", []string{"NAR-PERCENT"}, defPercent},
		{"nar-review", []string{"NAR-REVIEW-LITIGATION"}, defClaim(QReview)},
		{"nar-litigation", []string{"NAR-REVIEW-LITIGATION"}, defClaim(QLitigation)},
		{"nar-normative-docs", []string{"NAR-NORMATIVE-DOCS"}, defClaim(QNormIssued)},
		{"doc-sections", []string{"DOC-SECTIONS"}, defMissingSection},
		{"doc-section-num", []string{"DOC-SECTION-NUM"}, defSectionNum},
		{"doc-section-order", []string{"DOC-SECTION-ORDER"}, defSectionOrder},
		{"doc-period-missing", []string{"DOC-PERIOD"}, defPeriodMissing},
		{"doc-period-range", []string{"DOC-PERIOD"}, defPeriodRange},
		{"doc-year", []string{"DOC-YEAR"}, defYear},
		{"doc-tables", []string{"DOC-TABLES"}, defTables},
		{"cell-blank", []string{"CELL-BLANK"}, defBlank},
		{"cell-placeholder", []string{"CELL-PLACEHOLDER"}, defPlaceholder},
		{"fee-statement", []string{"FEE-STATEMENT"}, defFee},
	}
}

// Inject returns a copy of r with one defect of the named kind, drawn from seed, and the
// description of the defect: the rules that must fire, and those that may also fire
// because the defect breaks them as well (computed with Check). It returns
// ErrNotApplicable when the report has nothing the kind could change.
func Inject(r *Report, kind string, seed uint64) (*Report, *Defect, error) {
	i := slices.IndexFunc(DefectKinds(), func(k DefectKind) bool { return k.Name == kind })
	if i < 0 {
		return nil, nil, fmt.Errorf("unknown defect kind %q", kind)
	}
	k := DefectKinds()[i]
	d := r.Clone()
	rng := newRand(seed)
	detail, err := k.apply(d, rng)
	if err != nil {
		return nil, nil, err
	}
	def := &Defect{Kind: kind, Rules: k.Rules, Detail: detail}
	for _, rule := range Rules(Check(d)) {
		if !slices.Contains(def.Rules, rule) && !slices.Contains(Rules(Check(r)), rule) {
			def.Also = append(def.Also, rule)
		}
	}
	switch kind {
	case "cell-blank":
		// In whitespace-separated text (and a PDF's text layer without rulings) a blank
		// cell is a missing value: the row has one value too few.
		def.Instead = map[Carrier][]string{}
		if d.Style.TXT != "pipes" {
			def.Instead[TXT] = []string{"TABLE-SHAPE"}
		}
		def.Also = append(def.Also, "TABLE-SHAPE")
	case "doc-sections":
		def.Also = append(def.Also, "FEE-STATEMENT", "DOC-PERIOD", "DOC-ACCOUNTABILITY", "DOC-ASPECTS", "DOC-YEAR")
	case "doc-tables":
		def.Also = append(def.Also, "NAR-APPLICATIONS", "NAR-RESULTS", "NAR-REVIEW-LITIGATION", "NAR-NORMATIVE-DOCS")
	}
	return d, def, nil
}

// delta changes v by a small random amount, never to v itself nor below zero.
func delta(rng *rand.Rand, v int) int {
	d := pick(rng, 1, 1, 2, 3, 5, 10)
	if v-d >= 0 && chance(rng, 0.4) {
		return v - d
	}
	return v + d
}

func (r *Report) add(t, row, col string, d float64) { r.Values[CellKey{t, row, col}] += d }

// leafResults are table 3's result rows that hold values (not （七）总计).
func leafResults(r *Report) []string {
	spec, _ := Spec(r.Edition, "t3")
	var out []string
	for _, row := range spec.DataRows() {
		if !row.Total && isUnder(spec, row.ID, "results") {
			out = append(out, row.ID)
		}
	}
	return out
}

// defRowSum moves applications between two rows of one applicant column without touching
// the totals: both rows' 总计 are then wrong, every column still adds up.
func defRowSum(r *Report, rng *rand.Rand) (string, error) {
	col := pick(rng, ApplicantCols()...)
	rows := leafResults(r)
	var from []string
	for _, row := range rows {
		if r.Value("t3", row, col) > 0 {
			from = append(from, row)
		}
	}
	if len(from) == 0 {
		// Nothing to move: one more application in a row, its 总计 left as it was.
		row := pick(rng, rows...)
		r.add("t3", row, col, 1)
		return fmt.Sprintf("表三“%s”·%s +1, 总计 unchanged", row, col), nil
	}
	a := pick(rng, from...)
	b := pick(rng, rows...)
	for b == a {
		b = pick(rng, rows...)
	}
	d := float64(1 + rng.IntN(int(r.Value("t3", a, col))))
	r.add("t3", a, col, -d)
	r.add("t3", b, col, d)
	return fmt.Sprintf("表三·%s: %v moved from %s to %s, totals unchanged", col, d, a, b), nil
}

// defColTotal adds applications to a result row (its 总计 too) without changing （七）总计.
func defColTotal(r *Report, rng *rand.Rand) (string, error) {
	row := pick(rng, leafResults(r)...)
	col := pick(rng, ApplicantCols()...)
	d := float64(pick(rng, 1, 2, 3))
	r.add("t3", row, col, d)
	r.add("t3", row, "total", d)
	return fmt.Sprintf("表三“%s”·%s and 总计 +%v, （七）总计 unchanged", row, col, d), nil
}

// defIdentity changes 上年结转 or 结转下年度 in one column (and its row total).
func defIdentity(r *Report, rng *rand.Rand) (string, error) {
	row := pick(rng, "carried_over", "carried_forward", "new_received")
	col := pick(rng, ApplicantCols()...)
	d := float64(pick(rng, 1, 2, 3))
	r.add("t3", row, col, d)
	r.add("t3", row, "total", d)
	return fmt.Sprintf("表三“%s”·%s and 总计 +%v", row, col, d), nil
}

// defT4Sum changes one part of a table-4 block, its 总计 left as it was.
func defT4Sum(r *Report, rng *rand.Rand) (string, error) {
	b := pick(rng, T4Blocks()...)
	p := pick(rng, T4Parts()[:4]...)
	k := CellKey{"t4", "cases", b + "_" + p}
	v := int(r.Values[k])
	nv := delta(rng, v)
	r.Values[k] = float64(nv)
	return fmt.Sprintf("表四 %s_%s %d → %d, 总计 unchanged", b, p, v, nv), nil
}

// nums returns the narrative numbers that state q.
func nums(r *Report, match func(*Num) bool) []*Num {
	var out []*Num
	for i := range r.Blocks {
		for j := range r.Blocks[i].Spans {
			if n := r.Blocks[i].Spans[j].Num; n != nil && match(n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// defClaim changes one narrative number stating q, so it contradicts the table.
func defClaim(q Quantity) func(*Report, *rand.Rand) (string, error) {
	return func(r *Report, rng *rand.Rand) (string, error) {
		ns := nums(r, func(n *Num) bool { return n.Q == q })
		if len(ns) == 0 {
			return "", ErrNotApplicable
		}
		n := pick(rng, ns...)
		old := n.V
		n.V = float64(delta(rng, int(old)))
		// Not a value that reads as another quantity: one of the two litigation blocks
		// (a scope question), or new plus carried over (another way of counting).
		var avoid []float64
		switch q {
		case QLitigation:
			avoid = []float64{r.Value("t4", "cases", "direct_total"), r.Value("t4", "cases", "after_total")}
		case QReceived:
			avoid = []float64{r.Value("t3", "new_received", "total") + r.Value("t3", "carried_over", "total")}
		}
		for n.V == old || slices.Contains(avoid, n.V) {
			n.V++
		}
		return fmt.Sprintf("narrative %s %v → %v", q, old, n.V), nil
	}
}

// defResult changes the count of a kind of result in the narrative; with inList, one in
// a list naming every kind, so the list no longer adds up either.
func defResult(inList bool) func(*Report, *rand.Rand) (string, error) {
	return func(r *Report, rng *rand.Rand) (string, error) {
		ns := nums(r, func(n *Num) bool {
			return strings.HasPrefix(string(n.Q), "result:") && (!inList || n.Group != "")
		})
		if len(ns) == 0 {
			return "", ErrNotApplicable
		}
		n := pick(rng, ns...)
		old := n.V
		n.V = float64(delta(rng, int(old)))
		return fmt.Sprintf("narrative %s %v → %v", n.Q, old, n.V), nil
	}
}

// defPercent changes a stated share so that it no longer matches its count.
func defPercent(r *Report, rng *rand.Rand) (string, error) {
	ns := nums(r, func(n *Num) bool { return strings.HasPrefix(string(n.Q), "pct:") })
	if len(ns) == 0 {
		return "", ErrNotApplicable
	}
	n := pick(rng, ns...)
	old := n.V
	d := float64(5 + rng.IntN(11))
	if old+d > 100 || (old-d >= 0 && chance(rng, 0.5)) {
		d = -d
	}
	n.V = roundTo(old+d, n.Decimals)
	return fmt.Sprintf("narrative %s %v%% → %v%%", n.Q, old, n.V), nil
}

// sectionRange is the index range of section k's blocks (heading included).
func sectionRange(r *Report, k int) (int, int) {
	start, end := -1, len(r.Blocks)
	for i, b := range r.Blocks {
		if b.Section == k && start < 0 {
			start = i
		}
		if start >= 0 && b.Section > k {
			end = i
			break
		}
	}
	return start, end
}

func defMissingSection(r *Report, rng *rand.Rand) (string, error) {
	k := pick(rng, 1, 5, 6)
	if k == 6 && r.Edition == Ed2021 {
		k = pick(rng, 1, 5)
	}
	s, e := sectionRange(r, k)
	r.Blocks = slices.Delete(r.Blocks, s, e)
	return fmt.Sprintf("section %s removed", Chinese(k)), nil
}

func defSectionNum(r *Report, rng *rand.Rand) (string, error) {
	k := 2 + rng.IntN(5)
	s, _ := sectionRange(r, k)
	h := &r.Blocks[s]
	old := h.HeadingText()
	switch rng.IntN(3) {
	case 0:
		h.Numeral = Chinese(k - 1)
	case 1:
		h.Numeral = Chinese(k + 1)
	default:
		h.Numeral, h.Sep = "", ""
	}
	return fmt.Sprintf("heading %q → %q", old, h.HeadingText()), nil
}

func defSectionOrder(r *Report, rng *rand.Rand) (string, error) {
	s5, e5 := sectionRange(r, 5)
	s6, e6 := sectionRange(r, 6)
	five := slices.Clone(r.Blocks[s5:e5])
	six := slices.Clone(r.Blocks[s6:e6])
	r.Blocks = append(append(append(r.Blocks[:s5:s5], six...), five...), r.Blocks[e6:]...)
	return "sections 五 and 六 swapped", nil
}

func periodSpan(r *Report) *Span {
	for i := range r.Blocks {
		for j := range r.Blocks[i].Spans {
			if r.Blocks[i].Spans[j].Tag == "period" {
				return &r.Blocks[i].Spans[j]
			}
		}
	}
	return nil
}

func defPeriodMissing(r *Report, _ *rand.Rand) (string, error) {
	p := periodSpan(r)
	if p == nil {
		return "", ErrNotApplicable
	}
	old := p.Text
	p.Text = ""
	return fmt.Sprintf("period statement %q removed", old), nil
}

var (
	endDate   = regexp.MustCompile(`12月31日`)
	startDate = regexp.MustCompile(`1月1日`)
	yearRe    = regexp.MustCompile(`(19|20)[0-9]{2}`)
)

func defPeriodRange(r *Report, rng *rand.Rand) (string, error) {
	p := periodSpan(r)
	if p == nil {
		return "", ErrNotApplicable
	}
	old := p.Text
	if chance(rng, 0.5) {
		p.Text = endDate.ReplaceAllString(p.Text, pick(rng, "11月30日", "12月20日", "6月30日"))
	} else {
		p.Text = startDate.ReplaceAllString(p.Text, pick(rng, "2月1日", "1月15日", "7月1日"))
	}
	return fmt.Sprintf("period %q → %q", old, p.Text), nil
}

func defYear(r *Report, _ *rand.Rand) (string, error) {
	p := periodSpan(r)
	if p == nil {
		return "", ErrNotApplicable
	}
	old := p.Text
	p.Text = yearRe.ReplaceAllString(p.Text, strconv.Itoa(r.Year-1))
	return fmt.Sprintf("period %q → %q", old, p.Text), nil
}

func defTables(r *Report, rng *rand.Rand) (string, error) {
	g := pick(rng, "t2", "t3", "t4")
	r.Omit = append(r.Omit, g)
	return "table " + g + " left out", nil
}

// cellKeys are the value cells of the report's tables.
func cellKeys(r *Report, groups ...string) []CellKey {
	var out []CellKey
	for _, t := range r.Specs() {
		if !slices.Contains(groups, t.Group) {
			continue
		}
		for _, row := range t.DataRows() {
			for _, c := range t.Cols {
				out = append(out, CellKey{t.ID, row.ID, c.ID})
			}
		}
	}
	return out
}

func defBlank(r *Report, rng *rand.Rand) (string, error) {
	k := pick(rng, cellKeys(r, pick(rng, "t2", "t3", "t3", "t4"))...)
	r.Written[k] = ""
	return fmt.Sprintf("cell %s (%v) left blank", k, r.Values[k]), nil
}

func defPlaceholder(r *Report, rng *rand.Rand) (string, error) {
	k := pick(rng, cellKeys(r, pick(rng, "t2", "t3", "t3", "t4"))...)
	ph := pick(rng, "/", "—", "-", "无", "不适用")
	r.Written[k] = ph
	return fmt.Sprintf("cell %s (%v) written %q", k, r.Values[k], ph), nil
}

func defFee(r *Report, _ *rand.Rand) (string, error) {
	if r.Edition != Ed2021 {
		return "", ErrNotApplicable
	}
	i := slices.IndexFunc(r.Blocks, func(b Block) bool { return b.Tag == "fee" })
	if i < 0 {
		return "", ErrNotApplicable
	}
	r.Blocks = slices.Delete(r.Blocks, i, i+1)
	if s, e := sectionRange(r, 6); e-s == 1 {
		r.Blocks = slices.Insert(r.Blocks, e, Block{Kind: BPara, Section: 6, Spans: []Span{lit("无。")}})
	}
	return "fee statement removed", nil
}
