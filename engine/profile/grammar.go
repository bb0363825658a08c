package profile

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/cnnum"
	"github.com/reportlint/reportlint/engine/i18n"
)

// grammar is a compiled GrammarSpec.
type grammar struct {
	token        *filteredRE    // a number and its unit: groups n and u
	bare         *regexp.Regexp // ^(?:fillers)*$: nothing but fillers
	connectors   *regexp.Regexp // ^(?:connectors)+
	respectively *regexp.Regexp
	each         *regexp.Regexp
	share        *regexp.Regexp // ^(?:share), with group pct
	frame        *regexp.Regexp // ^(?:frame)
	before       []gContext
	after        []gContext
	kinds        []gKind
	// lits are, for each kind's phrases and each context (their gate), the literals one of
	// which every match contains, nil when not known: a kind or context is only tried on
	// text holding one of its literals (see phraseLits).
	lits [][]string
	// needs are, for each gate, what a text must hold for its pattern to match there (nil:
	// nothing known).
	needs []*litFilter
}

type gContext struct {
	id, field    string
	reportYearOK bool
	re           *regexp.Regexp
	gate         int // index in grammar.lits
}

type gKind struct {
	id, in   string
	gate     int            // index in grammar.lits of the literals of its phrases
	follow   *regexp.Regexp // ^(?:Follow), nil when any text may follow
	needs    *regexp.Regexp // nil when nothing is needed
	avoid    *regexp.Regexp // nil when nothing is to be avoided
	weak     bool
	left     *regexp.Regexp // ((?:P))(?:F)*$: the phrase right before a number
	right    *regexp.Regexp // ^(?:F)*((?:P)): the phrase right after a number
	any      *regexp.Regexp // P anywhere
	units    *regexp.Regexp // ^(?:U)$
	retarget []gRetarget
}

type gRetarget struct {
	re *regexp.Regexp
	to string
}

// compileGrammar compiles g with spec's macros.
func compileGrammar(spec *Spec, g *GrammarSpec) (*grammar, error) {
	var errs []string
	re := func(what, p string) *regexp.Regexp {
		r, err := compileRE(spec.expand(p))
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", what, err))
			return regexp.MustCompile(`$^`)
		}
		return r
	}
	opt := func(p string) string {
		if p == "" {
			return `$^`
		}
		return p
	}
	if g.Number == "" || g.Units == "" {
		return nil, i18n.NewError("number and units are required")
	}
	units := []string{g.Units}
	out := &grammar{
		connectors:   re("connectors", `^(?:`+opt(g.Connectors)+`)+`),
		respectively: re("respectively", opt(g.Respectively)),
		each:         re("each", opt(g.Each)),
		share:        re("share", `^(?:`+opt(g.Share)+`)`),
		frame:        re("frame", `^(?:`+opt(g.Frame)+`)`),
	}
	fill := `(?:` + opt(g.Fillers) + `)*`
	if g.Fillers == "" {
		fill = ""
	}
	out.bare = re("fillers", `^`+fill+`$`)
	seen := map[string]bool{}
	for i, k := range g.Kinds {
		if k.ID == "" || len(k.Phrases) == 0 {
			errs = append(errs, i18n.Sprintf("kinds[%d]: id and phrases are required", i))
			continue
		}
		name := k.Name
		if name == "" {
			name = k.ID
		}
		if seen[name] {
			errs = append(errs, i18n.Sprintf("kind %s: defined twice (give entries of one id a name)", name))
		}
		seen[name] = true
		alts := make([]string, len(k.Phrases))
		for j, ph := range k.Phrases {
			alts[j] = `(?:` + ph + `)`
		}
		p := strings.Join(alts, "|")
		ku := g.Units
		if k.Units != "" {
			ku = k.Units
			units = append(units, k.Units)
		}
		gk := gKind{
			id: k.ID, in: k.In,
			left:  re("kind "+k.ID, `((?:`+p+`))`+fill+`$`),
			right: re("kind "+k.ID, `^`+fill+`((?:`+p+`))`),
			any:   re("kind "+k.ID, p),
			units: re("kind "+k.ID+" units", `^(?:`+ku+`)$`),
		}
		gk.gate = out.addGate(gk.any)
		gk.weak = k.Weak
		if k.Avoid != "" {
			gk.avoid = re("kind "+k.ID+" avoid", k.Avoid)
		}
		if k.Needs != "" {
			gk.needs = re("kind "+k.ID+" needs", k.Needs)
		}
		if k.Follow != "" {
			gk.follow = re("kind "+k.ID+" follow", `^(?:`+k.Follow+`)`)
		}
		for _, r := range k.Retarget {
			gk.retarget = append(gk.retarget, gRetarget{re: re("kind "+k.ID+" retarget", `^(?:`+r.Pattern+`)`), to: r.To})
		}
		out.kinds = append(out.kinds, gk)
	}
	for _, c := range g.Contexts {
		if c.ID == "" || c.Pattern == "" {
			errs = append(errs, i18n.T("contexts: id and pattern are required"))
			continue
		}
		gc := gContext{id: c.ID, field: c.Field, reportYearOK: c.ReportYearOK}
		if c.After {
			gc.re = re("context "+c.ID, `^(?:`+c.Pattern+`)`)
			gc.gate = out.addGate(gc.re)
			out.after = append(out.after, gc)
		} else {
			gc.re = re("context "+c.ID, c.Pattern)
			gc.gate = out.addGate(gc.re)
			out.before = append(out.before, gc)
		}
	}
	out.token = newFilteredRE(re("number", `(?P<n>`+g.Number+`)(?P<u>`+unionLongestFirst(units)+`)`).String())
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, i18n.T("; ")))
	}
	return out, nil
}

// addGate records the literals one of which every match of re contains, and returns their
// index in g.lits.
func (g *grammar) addGate(re *regexp.Regexp) int {
	var lits []string
	var need *litFilter
	if parsed, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		parsed = parsed.Simplify()
		lits, need = mustContainWide(parsed), needOf(parsed)
	}
	g.lits = append(g.lits, lits)
	g.needs = append(g.needs, need)
	return len(g.lits) - 1
}

// literals appends to out every literal the grammar's gates look for.
func (g *grammar) literals(out []string) []string {
	for i, ls := range g.lits {
		out = g.needs[i].literals(append(out, ls...))
	}
	return out
}

// unionLongestFirst joins alternations so that a longer alternative is tried before a
// shorter one it starts with (万元 before 元 is not needed, but 件次 before 件 is).
func unionLongestFirst(alts []string) string {
	var all []string
	for _, a := range alts {
		all = append(all, strings.Split(a, "|")...)
	}
	slices.SortStableFunc(all, func(a, b string) int { return len(b) - len(a) })
	all = slices.Compact(all)
	return strings.Join(all, "|")
}

// numTok is a number with its unit in a sentence: byte offsets in the sentence.
type numTok struct {
	start, end   int // the number and unit
	nEnd         int // end of the number, start of the unit
	consumed     bool
	clauseStart  int
	clauseEnd    int
	unit, number string
}

// quantityClaim is a claim the grammar binds, before it becomes a Claim.
type quantityClaim struct {
	kind   *gKind
	tok    *numTok
	phrase [2]int            // the phrase's byte range in the sentence
	fields map[string][2]int // named groups of the phrase and contexts kept as fields
}

// findQuantities reads the claim grammar's quantities from the narrative.
func (p *profiler) findQuantities() {
	g := p.grammar
	if g == nil {
		return
	}
	s := p.s
	bounds := p.sentenceBlockEnds()
	var heads []int
	for _, sec := range p.facts.Sections {
		if sec.Found {
			heads = append(heads, s.foldByte(sec.start), s.foldByte(sec.headEnd))
		}
	}
	slices.Sort(heads)
	bounds = mergeBounds(bounds, slices.Compact(heads))
	regions := map[string][][2]int{}
	for _, k := range g.kinds {
		if _, ok := regions[k.in]; !ok {
			regions[k.in] = p.claimRegions(k.in)
		}
	}
	// Sentences are read once for every region any kind looks in; a claim is kept when its
	// kind looks where it stands.
	var all [][2]int
	for _, rs := range regions {
		all = append(all, rs...)
	}
	n := 0
	for _, r := range unionRanges(all) {
		from, to := s.foldByte(r[0]), s.foldByte(r[1])
		prev := from
		first, _ := slices.BinarySearch(bounds, from+1)
		for _, b := range bounds[first:] {
			if n++; n%256 == 0 && p.cancelled() {
				return
			}
			end := min(b, to)
			if end > prev {
				p.readSentence(prev, end, regions)
			}
			prev = end
			if b >= to {
				break
			}
		}
	}
}

// unionRanges merges overlapping code-point ranges.
func unionRanges(rs [][2]int) [][2]int {
	sorted := slices.Clone(rs)
	slices.SortFunc(sorted, func(a, b [2]int) int { return a[0] - b[0] })
	var out [][2]int
	for _, r := range sorted {
		if n := len(out); n > 0 && r[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

// readSentence binds the numbers of the sentence at bytes [a, b) of the folded text.
func (p *profiler) readSentence(a, b int, regions map[string][][2]int) {
	g := p.grammar
	sent := p.s.foldedStr[a:b]
	toks := g.tokens(p.s.foldedStr, a, b, p.lits)
	if len(toks) == 0 {
		return
	}
	// The kinds that look where the sentence stands; the others are not there to bind.
	g2 := p.activeKinds(regions, int(p.s.foldIdx[a+toks[0].start]))
	pl := &phraseLits{p: p, base: a}
	var out []quantityClaim
	out = append(out, g2.enumerations(sent, toks, p.facts.Report.Year, pl)...)
	for i := range toks {
		if toks[i].consumed {
			continue
		}
		if q, ok := g2.bind(sent, toks, i, p.facts.Report.Year, pl); ok {
			out = append(out, q)
		}
	}
	for _, q := range out {
		id := q.kind.id
		// The context after the number reaches up to the next number: 收到申请二件，办结三件
		// （含上年结转一件） says 含上年结转 of the second number, not the first.
		rest := sent[q.tok.end:]
		for _, t := range toks {
			if t.start >= q.tok.end {
				rest = sent[q.tok.end:t.start]
				break
			}
		}
		for _, r := range q.kind.retarget {
			if r.re.MatchString(rest) {
				id = r.to
				break
			}
		}
		if id == "" {
			continue
		}
		p.addQuantity(a, sent, id, q, min(q.phrase[0], q.tok.start))
	}
}

// phraseLits tells whether the literals of a kind's phrases or of a context occur within a
// range of one sentence: where none does, the kind or context cannot match and is not tried.
// A nil phraseLits knows nothing: everything may match.
type phraseLits struct {
	p    *profiler
	base int // the sentence's byte offset in the folded text
}

// may reports whether a match of the gate's pattern may lie within bytes [a, b) of the
// sentence.
func (pl *phraseLits) may(gate, a, b int) bool {
	if pl == nil {
		return true
	}
	p := pl.p
	return p.gateSpans(gate).within(pl.base+a, pl.base+b) && p.grammar.needs[gate].holdsIn(p.lits, p.s.foldedStr, pl.base+a, pl.base+b)
}

// gateSpans returns where the literals of the grammar's gate occur in the folded text,
// worked out on first use.
func (p *profiler) gateSpans(gate int) *litSpans {
	if p.gates == nil {
		p.gates = make([]*litSpans, len(p.grammar.lits))
	}
	if p.gates[gate] == nil {
		p.gates[gate] = newLitSpans(p.lits, p.grammar.lits[gate])
	}
	return p.gates[gate]
}

// fits reports whether the sentence up to a number has what the kind needs and nothing it
// avoids.
func (k *gKind) fits(before string) bool {
	return (k.needs == nil || k.needs.MatchString(before)) && (k.avoid == nil || !k.avoid.MatchString(before))
}

// activeKinds returns the grammar with the kinds alone that look at code point i, the
// same grammar for every sentence where the same kinds look.
func (p *profiler) activeKinds(regions map[string][][2]int, i int) *grammar {
	g := p.grammar
	active := p.activeBuf[:0]
	for _, k := range g.kinds {
		active = append(active, p.inRegions(regions[k.in], i))
	}
	p.activeBuf = active
	for _, sub := range p.subGrammars {
		if slices.Equal(sub.active, active) {
			return sub.g
		}
	}
	sub := g.only(active)
	p.subGrammars = append(p.subGrammars, subGrammar{slices.Clone(active), sub})
	return sub
}

// subGrammar is the grammar with some of its kinds alone.
type subGrammar struct {
	active []bool
	g      *grammar
}

// only returns the grammar with the active kinds alone.
func (g *grammar) only(active []bool) *grammar {
	if !slices.Contains(active, false) {
		return g
	}
	out := *g
	out.kinds = nil
	for ki, k := range g.kinds {
		if active[ki] {
			out.kinds = append(out.kinds, k)
		}
	}
	return &out
}

// inRegions reports whether code point i lies in one of rs.
func (p *profiler) inRegions(rs [][2]int, i int) bool {
	for _, r := range rs {
		if r[0] <= i && i < r[1] {
			return true
		}
	}
	return false
}

// addQuantity records a bound claim; a is the sentence's byte offset in the folded text.
func (p *profiler) addQuantity(a int, sent, id string, q quantityClaim, start int) {
	s := p.s
	cp := func(off int) int { return int(s.foldIdx[a+off]) }
	end := max(q.phrase[1], q.tok.end)
	cl := &Claim{ID: id, Sentence: p.sentenceAt(a + start), Fields: map[string]*Field{}, start: cp(start), end: cp(end)}
	cl.Section = p.sectionAt(cl.start)
	cl.Text, cl.Span = s.text(cl.start, cl.end), s.span(cl.start, cl.end)
	field := func(name string, r [2]int) {
		fa, fb := cp(r[0]), cp(r[1])
		f := &Field{Text: s.text(fa, fb), Span: s.span(fa, fb)}
		if n, err := cnnum.Parse(strings.ReplaceAll(sent[r[0]:r[1]], ",", "")); err == nil {
			f.Number, f.Value = true, n.Value
		}
		cl.Fields[name] = f
	}
	field("n", [2]int{q.tok.start, q.tok.nEnd})
	field("unit", [2]int{q.tok.nEnd, q.tok.end})
	for name, r := range q.fields {
		field(name, r)
	}
	if m := p.grammar.share.FindStringSubmatchIndex(sent[q.tok.end:]); m != nil {
		if i := p.grammar.share.SubexpIndex("pct"); i > 0 && m[2*i] >= 0 {
			field("pct", [2]int{q.tok.end + m[2*i], q.tok.end + m[2*i+1]})
		}
	}
	p.facts.Claims = append(p.facts.Claims, cl)
}

// tokens finds the numbers with a unit in the sentence text[a:b], and the clause each
// stands in; offsets are relative to a. idx, when not nil, indexes text.
func (g *grammar) tokens(text string, a, b int, idx *litIndex) []numTok {
	var toks []numTok
	sent := text[a:b]
	ni, ui := g.token.SubexpIndex("n"), g.token.SubexpIndex("u")
	for _, m := range g.token.findAllIn(idx, text, a, b, -1) {
		if m[0] > 0 {
			r, _ := utf8.DecodeLastRuneInString(sent[:m[0]])
			if r == '第' || r == '.' || (r >= '0' && r <= '9') || r == '#' {
				continue // an ordinal or part of another number
			}
		}
		t := numTok{start: m[2*ni], nEnd: m[2*ni+1], end: m[2*ui+1]}
		t.number, t.unit = sent[t.start:t.nEnd], sent[t.nEnd:t.end]
		t.clauseStart, t.clauseEnd = clauseAround(sent, t.start)
		toks = append(toks, t)
	}
	return toks
}

// clauseAround returns the clause of sent holding byte i: the text between separators
// (, ; : brackets and quotation marks; a comma between digits separates thousands).
func clauseAround(sent string, i int) (int, int) {
	start, end := 0, len(sent)
	for j, r := range sent {
		if !isClauseSep(sent, j, r) {
			continue
		}
		if j < i {
			start = j + utf8.RuneLen(r)
		} else {
			end = j
			break
		}
	}
	return start, end
}

func isClauseSep(sent string, j int, r rune) bool {
	switch r {
	case ',':
		return !(j > 0 && isDigit(sent[j-1]) && j+1 < len(sent) && isDigit(sent[j+1]))
	case ';', ':', '(', ')', '[', ']', '“', '”', '"', '《', '》', '。', '!', '?', '【', '】':
		return true
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// phrase is a quantity phrase found in a text.
type phrase struct {
	kind   *gKind
	span   [2]int
	fields map[string][2]int
}

// enumerations binds the clauses that list phrases and then their numbers (A、B分别为1件、2件)
// or one number for all (A、B各1件). The numbers of a clause that lists phrases are used up,
// bound or not.
func (g *grammar) enumerations(sent string, toks []numTok, year int, pl *phraseLits) []quantityClaim {
	var out []quantityClaim
	done := map[int]bool{}
	for i := range toks {
		cs, ce := toks[i].clauseStart, toks[i].clauseEnd
		if done[cs] {
			continue
		}
		done[cs] = true
		clause := sent[cs:ce]
		each := false
		m := g.respectively.FindStringIndex(clause)
		if m == nil {
			m, each = g.each.FindStringIndex(clause), true
		}
		if m == nil {
			continue
		}
		listEnd := cs + m[0]
		listStart := cs
		var nums []*numTok
		for j := range toks {
			switch {
			case toks[j].clauseStart != cs:
			case toks[j].end <= listEnd:
				listStart = max(listStart, toks[j].end) // a number before the list ends its context
			case toks[j].start >= cs+m[1]:
				nums = append(nums, &toks[j])
			}
		}
		if len(nums) == 0 || (each && (len(nums) != 1 || nums[0].start != cs+m[1])) {
			continue
		}
		phrases, ok := g.phrasesIn(sent, listStart, listEnd, pl)
		if !ok || len(phrases) < 2 {
			continue
		}
		for _, n := range nums {
			n.consumed = true
		}
		if (!each && len(phrases) != len(nums)) || g.blocked(sent[listStart:listEnd], phrases, listStart, year) {
			continue
		}
		for k, ph := range phrases {
			n := nums[0]
			if !each {
				n = nums[k]
			}
			if ph.kind.units.MatchString(n.unit) {
				out = append(out, quantityClaim{kind: ph.kind, tok: n, phrase: ph.span, fields: ph.fields})
			}
		}
	}
	return out
}

// phrasesIn returns the quantity phrases in sent[a:b] in order, nested ones folded into
// the longest; ok is false when two phrases overlap without one holding the other.
func (g *grammar) phrasesIn(sent string, a, b int, pl *phraseLits) ([]phrase, bool) {
	var all []phrase
	text := sent[a:b]
	for ki := range g.kinds {
		k := &g.kinds[ki]
		if !pl.may(k.gate, a, b) {
			continue
		}
		for _, m := range k.any.FindAllStringSubmatchIndex(text, -1) {
			all = append(all, phrase{kind: k, span: [2]int{a + m[0], a + m[1]}, fields: groups(k.any, m, a)})
		}
	}
	slices.SortStableFunc(all, func(x, y phrase) int {
		if x.span[0] != y.span[0] {
			return x.span[0] - y.span[0]
		}
		return y.span[1] - x.span[1]
	})
	var out []phrase
	for _, ph := range all {
		if n := len(out); n > 0 && ph.span[0] < out[n-1].span[1] {
			if ph.span[1] <= out[n-1].span[1] {
				continue // nested in the previous one
			}
			return nil, false
		}
		out = append(out, ph)
	}
	return out, true
}

// groups returns the named groups of match m of re, offset by base.
func groups(re *regexp.Regexp, m []int, base int) map[string][2]int {
	out := map[string][2]int{}
	for gi, name := range re.SubexpNames() {
		if name == "" || m[2*gi] < 0 {
			continue
		}
		if i := strings.Index(name, "__"); i > 0 {
			name = name[:i]
		}
		out[name] = [2]int{base + m[2*gi], base + m[2*gi+1]}
	}
	return out
}

// blocked reports whether a context that changes the meaning stands in text (which starts
// at byte base of the sentence) outside the phrases.
func (g *grammar) blocked(text string, phrases []phrase, base int, year int) bool {
	rest := []byte(text)
	for _, ph := range phrases {
		for i := ph.span[0] - base; i < ph.span[1]-base; i++ {
			rest[i] = ' ' // blank the phrase out, keeping offsets
		}
	}
	return g.blockedText(string(rest), 0, year, nil)
}

// bind binds token i of sent to the one quantity named next to it, if any.
func (g *grammar) bind(sent string, toks []numTok, i int, year int, pl *phraseLits) (quantityClaim, bool) {
	t := &toks[i]
	ls := t.clauseStart
	if i > 0 && toks[i-1].end > ls {
		ls = toks[i-1].end
	}
	if m := g.connectors.FindStringIndex(sent[ls:t.start]); m != nil {
		ls += m[1]
	}
	left := sent[ls:t.start]
	if q, ok, decided := g.bindLeft(sent, t, ls, left, year, pl); decided {
		return q, ok
	}
	// A number after words of its own counts what they name (政协提案85件的办理): only a
	// bare number may take the phrase after it.
	if !g.bare.MatchString(left) {
		return quantityClaim{}, false
	}
	// Nothing before the number: a phrase right after it (1件结转下年度).
	re := t.clauseEnd
	if i+1 < len(toks) && toks[i+1].start < re {
		re = toks[i+1].start
	}
	right := sent[t.end:re]
	var best *gKind
	var bm []int
	for ki := range g.kinds {
		k := &g.kinds[ki]
		if !pl.may(k.gate, t.end, re) {
			continue
		}
		m := k.right.FindStringSubmatchIndex(right)
		if m == nil || !k.units.MatchString(t.unit) || !k.fits(sent[:t.start]) {
			continue
		}
		if best == nil || m[3] > bm[3] {
			best, bm = k, m
		}
	}
	if best == nil {
		return quantityClaim{}, false
	}
	span := [2]int{t.end + bm[2], t.end + bm[3]}
	if !g.sole(right, t.end, [2]int{bm[2], bm[3]}, best.id, pl) {
		return quantityClaim{}, false
	}
	return quantityClaim{kind: best, tok: t, phrase: span, fields: groups(best.right, bm, t.end)}, true
}

// bindLeft binds t to the phrase that ends right before it. decided is false when no
// phrase stands in left at all (the caller then looks after the number).
func (g *grammar) bindLeft(sent string, t *numTok, ls int, left string, year int, pl *phraseLits) (q quantityClaim, ok, decided bool) {
	var best *gKind
	var bm []int
	for ki := range g.kinds {
		k := &g.kinds[ki]
		if !pl.may(k.gate, ls, t.start) {
			continue
		}
		m := k.left.FindStringSubmatchIndex(left)
		if m == nil || !k.units.MatchString(t.unit) || (k.follow != nil && !k.follow.MatchString(sent[t.end:])) || !k.fits(sent[:t.start]) {
			continue
		}
		if best == nil || m[2] < bm[2] {
			best, bm = k, m
		}
	}
	if best == nil {
		// No phrase ends here; any phrase elsewhere before the number, or a context that
		// changes the meaning, leaves it unbound.
		if _, any := g.anyPhrase(left, ls, pl); any || g.blockedText(left, ls, year, pl) {
			return q, false, true
		}
		return q, false, false
	}
	span := [2]int{bm[2], bm[3]}
	if !g.sole(left, ls, span, best.id, pl) {
		return q, false, true
	}
	before := left[:span[0]]
	if g.blockedText(before, ls, year, pl) {
		return q, false, true
	}
	after := sent[t.end:t.clauseEnd]
	for _, c := range g.after {
		if c.field == "" && pl.may(c.gate, t.end, t.clauseEnd) && c.re.MatchString(after) {
			return q, false, true
		}
	}
	fields := groups(best.left, bm, ls)
	for _, c := range g.before {
		if c.field == "" || !pl.may(c.gate, ls, ls+span[0]) {
			continue
		}
		if m := c.re.FindStringIndex(before); m != nil {
			fields[c.field] = [2]int{ls + m[0], ls + m[1]}
		}
	}
	return quantityClaim{kind: best, tok: t, phrase: [2]int{ls + span[0], ls + span[1]}, fields: fields}, true, true
}

// sole reports whether the phrase at span is the only quantity named in text: every other
// phrase found there lies inside it, frames what follows (办结的申请中), or names the same
// quantity. text starts at byte off of the sentence pl looks in.
func (g *grammar) sole(text string, off int, span [2]int, id string, pl *phraseLits) bool {
	for ki := range g.kinds {
		if g.kinds[ki].weak || g.kinds[ki].id == id || !pl.may(g.kinds[ki].gate, off, off+len(text)) {
			continue
		}
		for _, m := range g.kinds[ki].any.FindAllStringIndex(text, -1) {
			if (m[0] < span[0] || m[1] > span[1]) && !g.frame.MatchString(text[m[1]:]) {
				return false
			}
		}
	}
	return true
}

// anyPhrase reports whether text, at byte off of the sentence pl looks in, names any
// quantity.
func (g *grammar) anyPhrase(text string, off int, pl *phraseLits) (*gKind, bool) {
	for ki := range g.kinds {
		if pl.may(g.kinds[ki].gate, off, off+len(text)) && g.kinds[ki].any.MatchString(text) {
			return &g.kinds[ki], true
		}
	}
	return nil, false
}

// blockedText reports whether a blocking context stands in text. A context marked
// report_year_ok does not block when its group y is the report's year. text starts at
// byte off of the sentence pl looks in.
func (g *grammar) blockedText(text string, off int, year int, pl *phraseLits) bool {
	for _, c := range g.before {
		if c.field != "" || !pl.may(c.gate, off, off+len(text)) {
			continue
		}
		for _, m := range c.re.FindAllStringSubmatchIndex(text, -1) {
			if c.reportYearOK {
				if yi := c.re.SubexpIndex("y"); yi > 0 && m[2*yi] >= 0 && year > 0 && text[m[2*yi]:m[2*yi+1]] == fmt.Sprint(year) {
					continue
				}
			}
			return true
		}
	}
	return false
}
