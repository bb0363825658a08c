package reportgen

import (
	"fmt"
	"slices"
	"strings"
)

// Violation is a rule a report's model breaks, with where.
type Violation struct {
	Rule  string
	Where string
}

// Check returns the rules the model breaks: table 3's row totals, column totals and 勾稽
// identity, table 4's block totals, and every narrative number that disagrees with the
// quantity it states. A clean report breaks none; a defective one breaks the rules its
// defect targets and perhaps others as a consequence. Cells written as blank or a
// placeholder are left out of the arithmetic (it cannot be judged).
func Check(r *Report) []Violation {
	c := &checker{r: r}
	c.table3()
	c.table4()
	c.narrative()
	return c.out
}

// checker collects the violations of one report's model, in the order they are found.
type checker struct {
	r   *Report
	out []Violation
}

// add records a violation of rule, with where it is.
func (c *checker) add(rule, f string, args ...any) {
	c.out = append(c.out, Violation{rule, fmt.Sprintf(f, args...)})
}

// num is a cell's value; false for a cell written as blank or a placeholder.
func (c *checker) num(k CellKey) (float64, bool) {
	if _, ok := c.r.Written[k]; ok {
		return 0, false
	}
	return c.r.Values[k], true
}

// sum adds up cells; false when one of them cannot be judged.
func (c *checker) sum(keys []CellKey) (float64, bool) {
	sum, ok := 0.0, true
	for _, k := range keys {
		v, okc := c.num(k)
		sum += v
		ok = ok && okc
	}
	return sum, ok
}

// table3 checks table 3: each data row's total is the sum of its applicant columns, each
// column's total of results the sum of the kinds of result, and new plus carried over
// equals answered plus carried forward.
func (c *checker) table3() {
	spec, _ := Spec(c.r.Edition, "t3")
	cols := ApplicantCols()
	for _, row := range spec.DataRows() {
		var keys []CellKey
		for _, col := range cols {
			keys = append(keys, CellKey{"t3", row.ID, col})
		}
		sum, ok := c.sum(keys)
		if t, okt := c.num(CellKey{"t3", row.ID, "total"}); ok && okt && t != sum {
			c.add("T3-ROW-SUM", "%s: %v ≠ %v", row.ID, t, sum)
		}
	}
	for _, col := range append(cols, "total") {
		var keys []CellKey
		for _, row := range spec.DataRows() {
			if row.Total || !isUnder(spec, row.ID, "results") {
				continue
			}
			keys = append(keys, CellKey{"t3", row.ID, col})
		}
		sum, ok := c.sum(keys)
		t, okt := c.num(CellKey{"t3", "total_results", col})
		if ok && okt && t != sum {
			c.add("T3-COL-TOTAL", "%s: %v ≠ %v", col, t, sum)
		}
		a, ok1 := c.num(CellKey{"t3", "new_received", col})
		b, ok2 := c.num(CellKey{"t3", "carried_over", col})
		d, ok3 := c.num(CellKey{"t3", "carried_forward", col})
		if ok1 && ok2 && ok3 && okt && a+b != t+d {
			c.add("T3-IDENTITY", "%s: %v+%v ≠ %v+%v", col, a, b, t, d)
		}
	}
}

// table4 checks each block of table 4: its total is the sum of its parts.
func (c *checker) table4() {
	for _, b := range T4Blocks() {
		var keys []CellKey
		for _, p := range T4Parts()[:4] {
			keys = append(keys, CellKey{"t4", "cases", b + "_" + p})
		}
		sum, ok := c.sum(keys)
		if t, okt := c.num(CellKey{"t4", "cases", b + "_total"}); ok && okt && t != sum {
			c.add("T4-SUM", "%s: %v ≠ %v", b, t, sum)
		}
	}
}

// narrative checks every number of the text against the quantity it states, and a
// complete list of results whose numbers no longer add up.
func (c *checker) narrative() {
	for _, blk := range c.r.Blocks {
		for _, s := range blk.Spans {
			n := s.Num
			if n == nil {
				continue
			}
			truth, ok := c.r.Truth(n.Q, n.Decimals)
			if !ok || truth == n.V {
				continue
			}
			rule := ClaimRule(n.Q)
			if rule == "" {
				rule = "NARRATIVE"
			}
			c.add(rule, "%s: text %v, table %v", n.Q, n.V, truth)
			if n.Group != "" && strings.HasPrefix(string(n.Q), "result:") {
				c.add("NAR-RESULTS-SUM", "%s: listed kinds of result no longer add up", n.Group)
			}
		}
	}
}

// Rules are the distinct rule ids of violations, sorted.
func Rules(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		if !slices.Contains(out, v.Rule) {
			out = append(out, v.Rule)
		}
	}
	slices.Sort(out)
	return out
}

// ClaimRule is the rule that compares a narrative quantity with the tables, "" for
// quantities no rule checks.
func ClaimRule(q Quantity) string {
	switch {
	case q == QReceived || q == QCarriedOver || q == QAnswered || q == QCarriedForward:
		return "NAR-APPLICATIONS"
	case q == QReview || q == QLitigation:
		return "NAR-REVIEW-LITIGATION"
	case q == QNormIssued:
		return "NAR-NORMATIVE-DOCS"
	case strings.HasPrefix(string(q), "result:"):
		return "NAR-RESULTS"
	case strings.HasPrefix(string(q), "pct:"):
		return "NAR-PERCENT"
	}
	return ""
}

// Truth is the value a narrative quantity has in the model's tables (a percentage rounded
// to the given decimals); false for quantities that are not table figures.
func (r *Report) Truth(q Quantity, decimals int) (float64, bool) {
	t3 := func(row string) float64 { return r.Value("t3", row, "total") }
	t4 := func(col string) float64 { return r.Value("t4", "cases", col) }
	cat := func(id string) (float64, bool) {
		if id == "disclosed+partial" {
			return t3("disclosed") + t3("partial"), true
		}
		for _, c := range ResultCategories(r.Edition) {
			if c.ID == id {
				return float64(r.CategoryTotal(c)), true
			}
		}
		return 0, false
	}
	s := string(q)
	switch {
	case q == QReceived:
		return t3("new_received"), true
	case q == QCarriedOver:
		return t3("carried_over"), true
	case q == QAnswered:
		return t3("total_results"), true
	case q == QCarriedForward:
		return t3("carried_forward"), true
	case q == QToHandle:
		return t3("new_received") + t3("carried_over"), true
	case q == QNatural:
		return r.Value("t3", "new_received", "natural_person"), true
	case q == QLegal:
		return t3("new_received") - r.Value("t3", "new_received", "natural_person"), true
	case q == QReview:
		return t4("review_total"), true
	case q == QLitigation:
		return t4("direct_total") + t4("after_total"), true
	case q == QNormIssued:
		return r.Value("t2_1", "normative", "issued"), true
	case q == QNormRepealed:
		return r.Value("t2_1", "normative", "repealed"), true
	case q == QNormInForce:
		return r.Value("t2_1", "normative", "in_force"), true
	case q == QLicensing:
		return r.Value("t2_5", "licensing", "decisions"), true
	case q == QPenalty:
		return r.Value("t2_6", "penalty", "decisions"), true
	case strings.HasPrefix(s, "result:"):
		return cat(strings.TrimPrefix(s, "result:"))
	case strings.HasPrefix(s, "pct:"):
		v, ok := cat(strings.TrimPrefix(s, "pct:"))
		a := t3("total_results")
		if !ok || a == 0 {
			return 0, false
		}
		return roundTo(100*v/a, decimals), true
	case strings.HasPrefix(s, "review:"):
		return t4("review_" + strings.TrimPrefix(s, "review:")), true
	case strings.HasPrefix(s, "litigation:"):
		return t4(strings.TrimPrefix(s, "litigation:") + "_total"), true
	case strings.HasPrefix(s, "share:"):
		n := t3("new_received")
		if n == 0 {
			return 0, false
		}
		k := r.Value("t3", "new_received", "natural_person")
		if strings.HasSuffix(s, ":legal") {
			k = n - k
		}
		return roundTo(100*k/n, decimals), true
	case strings.HasPrefix(s, "litresult:"):
		p := strings.TrimPrefix(s, "litresult:")
		return t4("direct_"+p) + t4("after_"+p), true
	case strings.HasPrefix(s, "cell:"):
		parts := strings.SplitN(strings.TrimPrefix(s, "cell:"), ".", 3)
		return r.Value(parts[0], parts[1], parts[2]), true
	case strings.HasPrefix(s, "channel:"):
		return float64(r.Facts.Channels[strings.TrimPrefix(s, "channel:")]), true
	}
	return 0, false
}
