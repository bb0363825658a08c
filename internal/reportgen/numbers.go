package reportgen

import (
	"math"
	"math/rand/v2"
)

// scale is how busy a body is: the expected number of new applications in a year.
func drawScale(rng *rand.Rand, b Body) int {
	switch b.Kind {
	case KindTownship:
		if chance(rng, 0.55) {
			return 0
		}
		return 1 + rng.IntN(8)
	case KindDepartment:
		if b.Level == "county" && chance(rng, 0.3) {
			return 0
		}
		switch b.Level {
		case "county":
			return 1 + rng.IntN(pick(rng, 10, 30, 80))
		case "city":
			return 1 + rng.IntN(pick(rng, 30, 120, 400))
		default:
			return 20 + rng.IntN(pick(rng, 200, 800, 2500))
		}
	case KindGovOffice:
		if chance(rng, 0.1) {
			return 0
		}
		switch b.Level {
		case "county":
			return 1 + rng.IntN(60)
		case "city":
			return 10 + rng.IntN(300)
		default:
			return 50 + rng.IntN(1200)
		}
	default: // a people's government
		switch b.Level {
		case "county":
			return 5 + rng.IntN(pick(rng, 50, 200, 600))
		case "city":
			return 50 + rng.IntN(pick(rng, 300, 1500, 3000))
		default:
			return 300 + rng.IntN(pick(rng, 2000, 6000))
		}
	}
}

// weights returns random weights around base (each scaled by a factor in [0, 2)), some
// zeroed, so that reports differ in the mix of applicants and results.
func weights(rng *rand.Rand, base []float64, zeroP float64) []float64 {
	out := make([]float64, len(base))
	for i, w := range base {
		if i > 0 && chance(rng, zeroP) {
			continue
		}
		out[i] = w * (0.2 + 1.8*rng.Float64())
	}
	return out
}

func draw(rng *rand.Rand, w []float64) int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	r := rng.Float64() * sum
	for i, x := range w {
		if r < x {
			return i
		}
		r -= x
	}
	return 0
}

// fillTable3 draws the applications of the year one by one — who applied and how each was
// answered or carried forward — and counts them into table 3, so that every row total,
// every column total and the 勾稽 identity hold by construction, column by column.
func fillTable3(rng *rand.Rand, r *Report, scale int) {
	spec, _ := Spec(r.Edition, "t3")
	set := func(row, col string, v int) { r.Values[CellKey{"t3", row, col}] = float64(v) }
	for _, row := range spec.DataRows() {
		for _, c := range spec.Cols {
			set(row.ID, c.ID, 0)
		}
	}
	if scale == 0 {
		return
	}
	n := scale
	if scale > 3 {
		n = scale/2 + rng.IntN(scale)
	}
	carried := 0
	if chance(rng, 0.4) {
		carried = rng.IntN(n/8 + 2)
	}
	forward := 0
	if chance(rng, 0.45) {
		forward = min(n, rng.IntN(n/6+2))
	}
	cols := ApplicantCols()
	who := weights(rng, []float64{85, 6, 0.6, 0.6, 3, 5}, 0.5)
	if chance(rng, 0.15) {
		who = []float64{1, 0, 0, 0, 0, 0} // only natural persons
	}
	// Leaf result rows and their weights.
	var leaves []string
	var base []float64
	typical := map[string]float64{
		"disclosed": 35, "partial": 10, "unable_not_held": 20, "unable_needs_creation": 3, "unable_unclear": 3,
		"not_processed_petition": 4, "not_processed_repeat": 3, "not_processed_publication": 1,
		"not_processed_bulk": 1, "not_processed_confirm": 2, "other_no_correction": 4, "other_no_fee": 0.5,
		"other_other": 3, "other_handling": 6,
	}
	for _, row := range spec.DataRows() {
		if row.Total || !isUnder(spec, row.ID, "results") {
			continue
		}
		leaves = append(leaves, row.ID)
		w, ok := typical[row.ID]
		if !ok {
			w = 1 // the eight 不予公开 reasons
		}
		base = append(base, w)
	}
	results := weights(rng, base, 0.35)
	results[0] = max(results[0], 1)
	add := func(row, col string) {
		r.Values[CellKey{"t3", row, col}]++
		r.Values[CellKey{"t3", row, "total"}]++
	}
	for i := range n + carried {
		col := cols[draw(rng, who)]
		if i < n {
			add("new_received", col)
		} else {
			add("carried_over", col)
		}
		// Applications carried over from last year are all answered this year; the ones
		// carried forward are among this year's last.
		if i < n && i >= n-forward {
			add("carried_forward", col)
			continue
		}
		add(leaves[draw(rng, results)], col)
		add("total_results", col)
	}
}

func isUnder(spec TableSpec, row, group string) bool {
	for {
		r, ok := spec.Row(row)
		if !ok || r.Parent == "" {
			return false
		}
		if r.Parent == group {
			return true
		}
		row = r.Parent
	}
}

// fillTable4 draws the reconsideration and litigation cases caused by disclosure work.
func fillTable4(rng *rand.Rand, r *Report, scale int) {
	set := func(block, part string, v int) { r.Values[CellKey{"t4", "cases", block + "_" + part}] = float64(v) }
	count := func(rate float64) int {
		if scale == 0 || !chance(rng, math.Min(0.9, 0.15+float64(scale)/150)) {
			return 0
		}
		return rng.IntN(int(float64(scale)*rate)+2) + 0
	}
	for _, block := range T4Blocks() {
		rate := map[string]float64{"review": 0.04, "direct": 0.015, "after": 0.01}[block]
		total := count(rate)
		parts := make([]int, 4)
		w := weights(rng, []float64{60, 10, 10, 20}, 0.3)
		for range total {
			parts[draw(rng, w)]++
		}
		for i, p := range T4Parts()[:4] {
			set(block, p, parts[i])
		}
		set(block, "total", total)
	}
}

// fillTable2 draws the proactive-disclosure table of the report's edition.
func fillTable2(rng *rand.Rand, r *Report, scale int) {
	b := r.Body
	set := func(t, row, col string, v float64) { r.Values[CellKey{t, row, col}] = v }
	busy := map[string]int{"town": 1, "county": 3, "city": 8, "province": 20}[b.Level]
	if b.Kind == KindDepartment || b.Kind == KindGovOffice {
		busy = max(1, busy/2)
	}
	normIssued := 0
	if !chance(rng, 0.3) {
		normIssued = rng.IntN(busy*4 + 2)
	}
	rulesIssued, rulesStock := 0, 0
	if b.MakesRules && b.Kind == KindGovernment {
		rulesIssued = rng.IntN(busy/2 + 3)
		rulesStock = rulesIssued + 20 + rng.IntN(busy*15)
	}
	decisions := func(p float64, n int) int {
		if chance(rng, p) {
			return 0
		}
		return rng.IntN(n) + 1
	}
	licensing := decisions(0.4, pick(rng, 20, 300, 5000)*busy/3+1)
	penalty := decisions(0.4, pick(rng, 10, 200, 3000)*busy/3+1)
	coercion := decisions(0.6, pick(rng, 5, 50, 300))
	if r.Edition == Ed2021 {
		set("t2_1", "rules", "issued", float64(rulesIssued))
		set("t2_1", "rules", "repealed", float64(min(rulesIssued, rng.IntN(3))*btoi(rulesStock > 0)))
		set("t2_1", "rules", "in_force", float64(rulesStock))
		repealed := 0
		if chance(rng, 0.4) {
			repealed = rng.IntN(normIssued + 3)
		}
		set("t2_1", "normative", "issued", float64(normIssued))
		set("t2_1", "normative", "repealed", float64(repealed))
		set("t2_1", "normative", "in_force", float64(normIssued+rng.IntN(busy*20+5)))
		set("t2_5", "licensing", "decisions", float64(licensing))
		set("t2_6", "penalty", "decisions", float64(penalty))
		set("t2_6", "coercion", "decisions", float64(coercion))
		fee := 0.0
		if !chance(rng, 0.55) {
			d := pick(rng, 0, 2, 2, 4, 6)
			fee = roundTo(rng.Float64()*math.Pow(10, float64(1+rng.IntN(4))), d)
			r.Decimals[CellKey{"t2_8", "fees", "amount"}] = d
		}
		set("t2_8", "fees", "amount", fee)
		return
	}
	set("t2_1", "rules", "issued", float64(rulesIssued))
	set("t2_1", "rules", "published", float64(rulesIssued))
	set("t2_1", "rules", "total_public", float64(rulesStock))
	published := normIssued
	if normIssued > 0 && chance(rng, 0.2) {
		published = normIssued - rng.IntN(normIssued+1)
	}
	set("t2_1", "normative", "issued", float64(normIssued))
	set("t2_1", "normative", "published", float64(published))
	set("t2_1", "normative", "total_public", float64(published+rng.IntN(busy*20+5)))
	items := func(t, row string, maxItems, dec int) {
		prev := 0
		if !chance(rng, 0.3) {
			prev = rng.IntN(maxItems) + 1
		}
		change := 0
		if prev > 0 && chance(rng, 0.5) {
			change = rng.IntN(7) - 3
			change = max(change, -prev)
		}
		set(t, row, "prev_items", float64(prev))
		set(t, row, "change", float64(change))
		if dec >= 0 {
			set(t, row, "decisions", float64(dec*btoi(prev > 0)))
		}
	}
	items("t2_5", "licensing", 300, licensing)
	items("t2_5", "other_services", 100, decisions(0.5, 500))
	items("t2_6", "penalty", 1000, penalty)
	items("t2_6", "coercion", 50, coercion)
	items("t2_8", "fees", 30, -1)
	proc, amount := 0, 0.0
	if !chance(rng, 0.4) {
		proc = rng.IntN(busy*10) + 1
		amount = roundTo(float64(proc)*(5+rng.Float64()*200), 2)
		r.Decimals[CellKey{"t2_9", "procurement", "amount"}] = 2
	}
	set("t2_9", "procurement", "items", float64(proc))
	set("t2_9", "procurement", "amount", amount)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func roundTo(x float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}

// drawFacts draws the figures the narrative states besides the tables.
func drawFacts(rng *rand.Rand, r *Report, scale int) {
	n := r.RowTotal("new_received")
	f := Facts{Channels: map[string]int{}}
	f.PrevNew = max(0, n+rng.IntN(n/2+3)-(n/4+1))
	if n == 0 && chance(rng, 0.7) {
		f.PrevNew = 0
	}
	// Channels: 网上, 信函, 当面, 电子邮件.
	chans := []string{"网上申请", "信函申请", "当面申请", "电子邮件申请"}
	w := weights(rng, []float64{60, 25, 12, 3}, 0.4)
	for range n {
		f.Channels[chans[draw(rng, w)]]++
	}
	busy := map[string]int{"town": 1, "county": 4, "city": 12, "province": 30}[r.Body.Level]
	f.Published = 30 + rng.IntN(busy*400+50)
	f.PolicyReads = rng.IntN(busy*6 + 4)
	f.Press = rng.IntN(busy*3 + 2)
	if r.Body.Kind != KindTownship && chance(rng, 0.6) {
		f.Proposals = rng.IntN(busy*8 + 3)
		f.Motions = rng.IntN(busy*6 + 3)
	}
	f.Media = rng.IntN(4)
	f.Training = 1 + rng.IntN(5)
	f.Trainees = f.Training * (10 + rng.IntN(60))
	if r.Edition == Ed2021 && n > 30 && chance(rng, 0.2) {
		f.FeeCases = 1 + rng.IntN(3)
		f.FeeYuan = f.FeeCases * 100 * (1 + rng.IntN(4))
	}
	r.Facts = f
}
