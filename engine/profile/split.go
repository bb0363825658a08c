package profile

import "sort"

// Scraped pages often run a row's cells together with no separator:
// "一、本年新收政府信息公开申请数量640020470" is 64, 0, 0, 2, 0, 4, 70. Such runs are split
// with what the template knows: the number of columns, that a number of more than one
// digit does not start with 0, and the column sums the profile declares (总计 = the sum
// of the applicant columns). A run is split only when exactly one split satisfies all of
// this; otherwise the row stays unaligned and the rules say "not assessable".

// maxSplits bounds the enumeration, so a long run of digits costs bounded time.
const maxSplits = 200000

// maxCandidates is the most splits of one row kept for joint resolution.
const maxCandidates = 8

// splitRuns splits digit-run tokens into want values in every way that fits the column
// sums. A sign in a run ("8249-19426307") starts a value, and only in a column that takes
// signed values (signed[i]); a value never has a sign inside. It returns the candidate
// splits: none when the tokens are not digit runs or too many splits fit to be worth
// resolving.
func (p *profiler) splitRuns(toks []token, want int, sums []sumRule, signed []bool) [][]token {
	if len(toks) == 0 || len(toks) >= want {
		return nil
	}
	if (len(toks) > 1 || p.loneNumber(toks[0])) && len(sums) == 0 && !hasSignedRun(toks) {
		// Values written apart ("行政许可 2 59", "行政事业性收费 11") and too few of them:
		// a cell was left empty, most likely, and nothing could tell a split of one of
		// them ("5 9", "1 1") from that. Only the column sums can.
		return nil
	}
	digits := p.runDigits(toks)
	if digits < want || digits > 48 {
		return nil
	}
	w := &splitWalk{
		p: p, toks: toks, want: want, sums: sums, signed: signed,
		budget: maxSplits,
		cur:    make([][2]int, 0, want),
		values: make([]float64, 0, want),
	}
	w.walk(0, toks[0].start)
	if w.count == 0 || w.count > maxCandidates || w.overflow {
		return nil
	}
	return p.splitTokens(w.found)
}

// runDigits counts the digits of tokens that are all runs of digits written in flowing
// text; -1 when one of them is not.
func (p *profiler) runDigits(toks []token) int {
	digits := 0
	for _, t := range toks {
		if t.kind != tokNumber && t.kind != tokRun || t.inCell || !p.isDigits(t.start, t.end) {
			return -1
		}
		for _, r := range p.s.folded[t.start:t.end] {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
	}
	return digits
}

// splitWalk enumerates the ways a row's digit runs split into values, within a budget,
// keeping the splits whose values satisfy the column sums.
type splitWalk struct {
	p      *profiler
	toks   []token
	want   int
	sums   []sumRule
	signed []bool

	found    [][][2]int // the splits found: code-point ranges
	count    int
	budget   int
	cur      [][2]int
	values   []float64
	overflow bool
}

// walk extends the split under way with every value that can start at pos in token ti.
func (w *splitWalk) walk(ti, pos int) {
	if w.count > maxCandidates || w.overflow {
		return
	}
	if w.budget--; w.budget < 0 {
		w.overflow = true
		return
	}
	toks := w.toks
	if ti == len(toks) {
		if len(w.cur) == w.want && sumsHold(w.values, w.sums) {
			w.count++
			w.found = append(w.found, append([][2]int(nil), w.cur...))
		}
		return
	}
	t := toks[ti]
	if pos == t.end {
		w.walk(ti+1, toks[min(ti+1, len(toks)-1)].start)
		return
	}
	folded := w.p.s.folded
	// Values still needed must fit in the digits left.
	left := 0
	for _, u := range toks[ti+1:] {
		left += u.end - u.start
	}
	first := pos // the first digit of the value
	if isSign(folded[pos]) {
		if len(w.cur) >= len(w.signed) || !w.signed[len(w.cur)] {
			return // a sign only starts a value of a signed column
		}
		first++
	}
	for end := first + 1; end <= t.end; end++ {
		if isSign(folded[end-1]) {
			break // a sign starts the next value
		}
		if end-first > 1 && folded[first] == '0' {
			break // 07 is not a number in a table
		}
		remaining := w.want - len(w.cur) - 1
		if remaining > (t.end-end)+left || (end == t.end && ti == len(toks)-1 && remaining != 0) {
			continue
		}
		w.cur = append(w.cur, [2]int{pos, end})
		w.values = append(w.values, w.p.digitValue(pos, end))
		w.walk(ti, end)
		w.cur = w.cur[:len(w.cur)-1]
		w.values = w.values[:len(w.values)-1]
	}
}

// splitTokens turns the splits found, as code-point ranges, into number tokens.
func (p *profiler) splitTokens(found [][][2]int) [][]token {
	var out [][]token
	for _, f := range found {
		split := make([]token, len(f))
		for i, r := range f {
			split[i] = token{start: r[0], end: r[1], kind: tokNumber, split: true}
			split[i].num.Value = p.digitValue(r[0], r[1])
			split[i].num.Integer = true
			split[i].num.Signed = isSign(p.s.folded[r[0]])
		}
		out = append(out, split)
	}
	return out
}

// hasSignedRun reports whether a token is values written together with a sign between
// them ("0+5"): a run whatever else the row holds.
func hasSignedRun(toks []token) bool {
	for _, t := range toks {
		if t.kind == tokRun {
			return true
		}
	}
	return false
}

// signedColumns says, for each column of t, whether it takes signed values.
func signedColumns(t *TableSpec) []bool {
	out := make([]bool, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Type == "signed"
	}
	return out
}

// isSign reports a sign in a run of digits (the stream is width-folded already).
func isSign(r rune) bool { return r == '+' || r == '-' || r == '−' || r == '﹣' || r == '﹢' }

// maxCombinations bounds the joint resolution of ambiguous rows.
const maxCombinations = 4096

// resolveSplits chooses, for rows with several candidate splits, the one combination under
// which every row sum the profile declares holds in every column it can be checked in. It
// returns the chosen splits by row index; rows stay ambiguous (and absent) unless exactly
// one combination fits.
func (p *profiler) resolveSplits(t *TableSpec, toks [][]token, cands map[int][][]token) map[int][]token {
	if len(cands) == 0 {
		return nil
	}
	rules := rowSumRules(t)
	if len(rules) == 0 {
		return nil
	}
	var rows []int
	combos := 1
	for i, c := range cands {
		rows = append(rows, i)
		combos *= len(c)
		if combos > maxCombinations {
			return nil
		}
	}
	sort.Ints(rows)
	want := len(t.Columns)
	value := func(choice []int, row, col int) (float64, bool) {
		for k, r := range rows {
			if r == row {
				return cands[r][choice[k]][col].num.Value, true
			}
		}
		rt := toks[row]
		if len(rt) != want || rt[col].kind != tokNumber {
			return 0, false
		}
		return rt[col].num.Value, true
	}
	var fits [][]int
	choice := make([]int, len(rows))
	for n := 0; n < combos; n++ {
		x := n
		for k, r := range rows {
			choice[k] = x % len(cands[r])
			x /= len(cands[r])
		}
		if rowSumsHold(rules, want, func(row, col int) (float64, bool) { return value(choice, row, col) }) {
			fits = append(fits, append([]int(nil), choice...))
			if len(fits) > 1 {
				return nil
			}
		}
	}
	if len(fits) != 1 {
		return nil
	}
	out := map[int][]token{}
	for k, r := range rows {
		out[r] = cands[r][fits[0][k]]
	}
	return out
}

// rowSumRule says that row total equals the sum of rows parts, column by column.
type rowSumRule struct {
	total int
	parts []int
}

// rowSumRules returns the row sums a table declares, with group rows expanded to their
// data rows.
func rowSumRules(t *TableSpec) []rowSumRule {
	idx := map[string]int{}
	for i, r := range t.Rows {
		idx[r.ID] = i
	}
	var leaves func(id string) []int
	leaves = func(id string) []int {
		i := idx[id]
		if t.Rows[i].Kind != "group" {
			return []int{i}
		}
		var out []int
		for j, r := range t.Rows {
			if r.Parent == id {
				out = append(out, leaves(r.ID)...)
			}
			_ = j
		}
		return out
	}
	var out []rowSumRule
	for i, r := range t.Rows {
		if len(r.SumOf) == 0 {
			continue
		}
		rule := rowSumRule{total: i}
		for _, id := range r.SumOf {
			rule.parts = append(rule.parts, leaves(id)...)
		}
		out = append(out, rule)
	}
	return out
}

// rowSumsHold checks every rule in every column where all its values are known; a rule
// with no checkable column does not count against a combination.
func rowSumsHold(rules []rowSumRule, cols int, value func(row, col int) (float64, bool)) bool {
	for _, r := range rules {
		for c := 0; c < cols; c++ {
			total, ok := value(r.total, c)
			if !ok {
				continue
			}
			sum, all := 0.0, true
			for _, part := range r.parts {
				v, ok := value(part, c)
				if !ok {
					all = false
					break
				}
				sum += v
			}
			if all && sum != total {
				return false
			}
		}
	}
	return true
}

// allDigits reports whether every token is a run of digits (signs allowed, see isDigits).
func (p *profiler) allDigits(toks []token) bool {
	for _, t := range toks {
		if t.kind != tokNumber && t.kind != tokRun || t.inCell || !p.isDigits(t.start, t.end) {
			return false
		}
	}
	return true
}

// isDigits reports whether [a, b) is digits, with signs in front of digits
// ("8249-19426307"): what a row of values written together is made of.
func (p *profiler) isDigits(a, b int) bool {
	digits := false
	for i, r := range p.s.folded[a:b] {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case isSign(r) && a+i+1 < b && !isSign(p.s.folded[a+i+1]):
		default:
			return false
		}
	}
	return digits
}

// digitValue is the value of the digits [a, b), negative after a minus sign.
func (p *profiler) digitValue(a, b int) float64 {
	v, neg := 0.0, false
	for _, r := range p.s.folded[a:b] {
		if isSign(r) {
			neg = r != '+' && r != '﹢'
			continue
		}
		v = v*10 + float64(r-'0')
	}
	if neg && v != 0 {
		return -v
	}
	return v
}

// sumRule says that the value at index total equals the sum of the values at parts.
type sumRule struct {
	total int
	parts []int
}

func sumsHold(values []float64, sums []sumRule) bool {
	for _, s := range sums {
		if s.total >= len(values) {
			continue
		}
		var t float64
		for _, i := range s.parts {
			t += values[i]
		}
		if t != values[s.total] {
			return false
		}
	}
	return true
}

// sumRules returns the column sums the table declares, as column indexes.
func sumRules(t *TableSpec) []sumRule {
	idx := map[string]int{}
	for i, c := range t.Columns {
		idx[c.ID] = i
	}
	var out []sumRule
	for i, c := range t.Columns {
		if len(c.SumOf) == 0 {
			continue
		}
		r := sumRule{total: i}
		for _, id := range c.SumOf {
			r.parts = append(r.parts, idx[id])
		}
		out = append(out, r)
	}
	return out
}

// loneNumber reports whether a token in flowing text can be one number written as a word
// of its own: apart from the word before it and without a leading zero. Values run into
// their label (规章000) or starting with a zero (规章 000, as scraped pages write them)
// are values run together.
func (p *profiler) loneNumber(t token) bool {
	if t.inCell || t.start == 0 || p.s.atom[t.start] == p.s.atom[t.start-1] {
		return false
	}
	return !(t.end-t.start > 1 && p.s.folded[t.start] == '0')
}
