package profile

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// filteredRE is a regular expression with the literal strings one of which every match
// contains: a text that holds none of them cannot match, which strings.Index tells far
// faster than the regexp engine scanning the whole text. When the pattern also cannot
// match some punctuation (a barrier: 。 for a pattern written with [^。] gaps, the commas
// and semicolons most patterns never cross) and uses no anchors or word boundaries, every
// match lies within one run of text between barriers, and only the runs holding a literal
// are searched: the matches are the same as a search of the whole text, found in a
// fraction of the time.
type filteredRE struct {
	*regexp.Regexp
	// any is nil when the pattern has no such set.
	any []string
	// segmented is set when the pattern has no anchors or word boundaries, so that a run
	// of text between barriers can be searched on its own.
	segmented bool
	// barrierASCII and barrierRunes are the barrier code points the pattern cannot match.
	barrierASCII [utf8.RuneSelf]bool
	barrierRunes []rune
	// need is what a text must hold for the pattern to match in it (nil: nothing known).
	need *litFilter
}

// litFilter is a condition on the literals a text holds, true of every text re matches in:
// the literal itself, all of the parts of a concatenation, one of an alternation's.
type litFilter struct {
	lit  string
	all  bool // subs must all hold, else one of them
	subs []*litFilter
	// id is lit's index in the scanner sc, when one finds it (see resolve).
	sc *litScanner
	id int
}

// resolve records where sc keeps the literals of the condition, so that a document's index
// made by sc hands their places without looking them up by name.
func (c *litFilter) resolve(sc *litScanner) {
	if c == nil {
		return
	}
	if id, ok := sc.id[c.lit]; ok && c.subs == nil {
		c.sc, c.id = sc, id
	}
	for _, sub := range c.subs {
		sub.resolve(sc)
	}
}

// holds reports whether text meets the condition.
func (c *litFilter) holds(text string) bool {
	if c == nil {
		return true
	}
	if c.subs == nil {
		return strings.Contains(text, c.lit)
	}
	for _, sub := range c.subs {
		if sub.holds(text) != c.all {
			return !c.all
		}
	}
	return c.all
}

// holdsIn is holds of text[a:b], the literals' places read from idx when it is not nil.
func (c *litFilter) holdsIn(idx *litIndex, text string, a, b int) bool {
	if c == nil {
		return true
	}
	if idx == nil {
		return c.holds(text[a:b])
	}
	if c.subs == nil {
		var at []int
		if c.sc != nil && c.sc == idx.sc {
			at = idx.found[c.id]
		} else {
			at = idx.positions(c.lit)
		}
		k, _ := slices.BinarySearch(at, a)
		return k < len(at) && at[k]+len(c.lit) <= b
	}
	for _, sub := range c.subs {
		if sub.holdsIn(idx, text, a, b) != c.all {
			return !c.all
		}
	}
	return c.all
}

// literals appends the literals of the condition to out.
func (c *litFilter) literals(out []string) []string {
	if c == nil {
		return out
	}
	if c.subs == nil {
		return append(out, c.lit)
	}
	for _, sub := range c.subs {
		out = sub.literals(out)
	}
	return out
}

// needOf returns the condition every text re matches in meets, nil when none is known.
func needOf(re *syntax.Regexp) *litFilter {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return &litFilter{lit: string(re.Rune)}
	case syntax.OpCharClass:
		set := exactSet(re)
		if set == nil {
			return nil
		}
		c := &litFilter{}
		for _, s := range set {
			c.subs = append(c.subs, &litFilter{lit: s})
		}
		return c
	case syntax.OpCapture, syntax.OpPlus:
		return needOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needOf(re.Sub[0])
		}
	case syntax.OpConcat:
		c := &litFilter{all: true}
		for _, sub := range re.Sub {
			if n := needOf(sub); n != nil {
				c.subs = append(c.subs, n)
			}
		}
		if len(c.subs) > 0 {
			return c
		}
	case syntax.OpAlternate:
		c := &litFilter{}
		for _, sub := range re.Sub {
			n := needOf(sub)
			if n == nil {
				return nil
			}
			c.subs = append(c.subs, n)
		}
		return c
	}
	return nil
}

// barrierCandidates are the code points of the folded text that may split it for a pattern
// that cannot match them: sentence and clause punctuation, brackets, quotation marks, and
// the stand-in for a blank table cell.
var barrierCandidates = []rune{'。', ';', '!', '?', ',', ':', '(', ')', '"', '、', '“', '”', '《', '》', '【', '】', emptyCell}

// maxLiterals bounds the literals a pattern is filtered by: each is looked for in the text
// on its own.
const maxLiterals = 24

func newFilteredRE(pattern string) *filteredRE {
	f := &filteredRE{Regexp: mustCompileRE(pattern)}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return f
	}
	re = re.Simplify()
	f.need = needOf(re)
	f.any = mustContainWide(re)
	if f.any == nil {
		return f
	}
	f.segmented = !hasAssertion(re)
	for _, r := range barrierCandidates {
		if canMatchRune(re, r) {
			continue
		}
		if r < utf8.RuneSelf {
			f.barrierASCII[r] = true
		} else {
			f.barrierRunes = append(f.barrierRunes, r)
		}
	}
	return f
}

// mayMatch reports whether text holds one of the literals every match contains.
func (f *filteredRE) mayMatch(text string) bool {
	if f.any == nil {
		return f.need.holds(text)
	}
	for _, s := range f.any {
		if strings.Contains(text, s) {
			return f.need.holds(text)
		}
	}
	return false
}

// FindStringIndex is regexp's, searching only where a match can be.
func (f *filteredRE) FindStringIndex(text string) []int {
	return f.findIn(nil, text)
}

// FindAllStringSubmatchIndex is regexp's, searching only where a match can be.
func (f *filteredRE) FindAllStringSubmatchIndex(text string, n int) [][]int {
	return f.findAllIn(nil, text, 0, len(text), n)
}

// findIn is FindStringIndex on text, which idx, when not nil, indexes.
func (f *filteredRE) findIn(idx *litIndex, text string) []int {
	if f.any == nil || !f.segmented {
		if !f.mayMatch(text) {
			return nil
		}
		return f.Regexp.FindStringIndex(text)
	}
	var loc []int
	f.eachSegment(idx, text, 0, len(text), func(a, b int) bool {
		if !f.need.holdsIn(idx, text, a, b) {
			return true
		}
		if m := f.Regexp.FindStringIndex(text[a:b]); m != nil {
			loc = []int{a + m[0], a + m[1]}
			return false
		}
		return true
	})
	return loc
}

// findAllIn is FindAllStringSubmatchIndex on text[from:to], which idx, when not nil,
// indexes; the offsets are relative to from.
func (f *filteredRE) findAllIn(idx *litIndex, text string, from, to, n int) [][]int {
	if f.any == nil || !f.segmented {
		if !f.mayMatch(text[from:to]) {
			return nil
		}
		return f.Regexp.FindAllStringSubmatchIndex(text[from:to], n)
	}
	var out [][]int
	f.eachSegment(idx, text, from, to, func(a, b int) bool {
		if !f.need.holdsIn(idx, text, a, b) {
			return true
		}
		ms := f.Regexp.FindAllStringSubmatchIndex(text[a:b], n-len(out))
		for _, m := range ms {
			for i := range m {
				if m[i] >= 0 {
					m[i] += a - from
				}
			}
		}
		out = append(out, ms...)
		return len(out) < n || n < 0
	})
	return out
}

// litIndex holds where literals occur in one text, each looked for once however many
// patterns and windows ask.
type litIndex struct {
	text  string
	sc    *litScanner
	found [][]int          // offsets of the scanner's literals, by their index
	at    map[string][]int // of other literals, found on first use
}

// newLitIndex indexes text, finding the literals sc knows in one pass.
func newLitIndex(text string, sc *litScanner) *litIndex {
	x := &litIndex{text: text, sc: sc}
	if sc != nil {
		x.found = sc.scanAll(text)
	}
	return x
}

// positions returns the offsets of every occurrence of l, overlapping ones too.
func (x *litIndex) positions(l string) []int {
	if x.sc != nil {
		if i, ok := x.sc.id[l]; ok {
			return x.found[i]
		}
	}
	at, ok := x.at[l]
	if !ok {
		at = indexEvery(x.text, l)
		if x.at == nil {
			x.at = map[string][]int{}
		}
		x.at[l] = at
	}
	return at
}

// indexEvery returns the offsets of every occurrence of l in text, overlapping ones too.
func indexEvery(text, l string) []int {
	var at []int
	for i := 0; ; {
		j := strings.Index(text[i:], l)
		if j < 0 {
			return at
		}
		at = append(at, i+j)
		i += j + 1
	}
}

// nextIn returns the first of the sorted offsets at, of a literal n bytes long, at or after
// pos whose occurrence ends by end; -1 when there is none.
func nextIn(at []int, n, pos, end int) int {
	k, _ := slices.BinarySearch(at, pos)
	if k == len(at) || at[k]+n > end {
		return -1
	}
	return at[k]
}

// litScanner finds a set of literals in a text in one pass, looking at each code point
// once: far cheaper than one search of the whole text per literal.
type litScanner struct {
	lits    []string
	id      map[string]int // index of each literal in lits
	first   map[rune][]int // literals by their first code point
	isFirst []uint64       // bit set of the first code points below 0x10000
	// byFirst lists the literals by their first code point below 0x10000, at the index
	// slot holds for it, plus one (0: none starts with it).
	slot    []uint16
	byFirst [][]int
}

func newLitScanner(lits []string) *litScanner {
	sc := &litScanner{id: map[string]int{}, first: map[rune][]int{}, isFirst: make([]uint64, 0x10000/64)}
	for _, l := range lits {
		if _, seen := sc.id[l]; l == "" || seen {
			continue
		}
		r, _ := utf8.DecodeRuneInString(l)
		sc.first[r] = append(sc.first[r], len(sc.lits))
		sc.id[l] = len(sc.lits)
		sc.lits = append(sc.lits, l)
		if r < 0x10000 {
			sc.isFirst[r/64] |= 1 << (r % 64)
		}
	}
	if len(sc.first) < 0xFFFF {
		sc.slot = make([]uint16, 0x10000)
		for r, ls := range sc.first {
			if r < 0x10000 {
				sc.byFirst = append(sc.byFirst, ls)
				sc.slot[r] = uint16(len(sc.byFirst))
			}
		}
	}
	return sc
}

// nextRune decodes the code point at byte i of text as a range loop does, setting *n to
// its length: the three-byte form of the Chinese text is read in line.
func nextRune(text string, i int, n *int) rune {
	if c := text[i]; c < utf8.RuneSelf {
		*n = 1
		return rune(c)
	} else if c >= 0xE0 && c < 0xF0 && i+2 < len(text) {
		c1, c2 := text[i+1], text[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				*n = 3
				return r
			}
		}
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	*n = size
	return r
}

// starting returns the literals whose first code point is r.
func (sc *litScanner) starting(r rune) []int {
	if r < 0x10000 && sc.slot != nil {
		if k := sc.slot[r]; k > 0 {
			return sc.byFirst[k-1]
		}
		return nil
	}
	return sc.first[r]
}

// scanAll returns the offsets of every occurrence of each literal in text, by the
// literal's index (nil for those that do not occur). The lists share one array.
func (sc *litScanner) scanAll(text string) [][]int {
	type hit struct{ lit, at int32 }
	hits := make([]hit, 0, len(text)/8) // reports hold a literal every few characters
	for i, n := 0, 0; i < len(text); i += n {
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			r, n = rune(c), 1
		} else {
			r = nextRune(text, i, &n)
		}
		if r < 0x10000 && sc.isFirst[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, li := range sc.starting(r) {
			if strings.HasPrefix(text[i:], sc.lits[li]) {
				hits = append(hits, hit{int32(li), int32(i)})
			}
		}
	}
	count := make([]int, len(sc.lits)+1)
	for _, h := range hits {
		count[h.lit+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	all := make([]int, len(hits))
	found := make([][]int, len(sc.lits))
	for li := range found {
		if count[li+1] > count[li] {
			found[li] = all[count[li]:count[li]:count[li+1]]
		}
	}
	for _, h := range hits {
		found[h.lit] = append(found[h.lit], int(h.at))
	}
	return found
}

// eachSegment calls fn with the byte ranges of text[from:to], in order, that run between
// barriers and hold a literal, until fn returns false. The literals hold no barrier (the
// pattern matches them), so a range is found from any literal in it. idx, when not nil,
// indexes text.
func (f *filteredRE) eachSegment(idx *litIndex, text string, from, to int, fn func(a, b int) bool) {
	var buf [8]int
	next := buf[:0] // next occurrence of each literal at or after pos; -1: none
	var atBuf [8][]int
	at := atBuf[:0] // with an index, the offsets of each literal
	for _, l := range f.any {
		next = append(next, -2)
		if idx != nil {
			at = append(at, idx.positions(l))
		}
	}
	pos := from
	for pos < to {
		first := -1
		for i, l := range f.any {
			if next[i] == -1 {
				continue
			}
			if next[i] < pos {
				if idx != nil {
					next[i] = nextIn(at[i], len(l), pos, to)
				} else if j := strings.Index(text[pos:to], l); j >= 0 {
					next[i] = pos + j
				} else {
					next[i] = -1
				}
				if next[i] < 0 {
					continue
				}
			}
			if first < 0 || next[i] < first {
				first = next[i]
			}
		}
		if first < 0 {
			return
		}
		a, b := f.segmentAround(text, pos, first, to)
		if !fn(a, b) {
			return
		}
		pos = b
	}
}

// segmentAround returns the run of text[from:to] between barriers that holds offset at.
func (f *filteredRE) segmentAround(text string, from, at, to int) (int, int) {
	a := at
	for a > from {
		r, n := utf8.DecodeLastRuneInString(text[from:a])
		if f.barrier(r) {
			break
		}
		a -= n
	}
	b := at
	for b < to {
		r, n := utf8.DecodeRuneInString(text[b:to])
		if f.barrier(r) {
			break
		}
		b += n
	}
	return a, b
}

func (f *filteredRE) barrier(r rune) bool {
	if r < utf8.RuneSelf {
		return f.barrierASCII[r]
	}
	return slices.Contains(f.barrierRunes, r)
}

// hasAssertion reports whether re holds an anchor or a word boundary, which look at the
// text around a match.
func hasAssertion(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return slices.ContainsFunc(re.Sub, hasAssertion)
}

// canMatchRune reports whether some match of re may hold r.
func canMatchRune(re *syntax.Regexp, r rune) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			if c == r || re.Flags&syntax.FoldCase != 0 && foldEqual(c, r) {
				return true
			}
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= r && r <= re.Rune[i+1] {
				return true
			}
		}
		return false
	case syntax.OpAnyCharNotNL:
		return r != '\n'
	case syntax.OpAnyChar:
		return true
	}
	return slices.ContainsFunc(re.Sub, func(sub *syntax.Regexp) bool { return canMatchRune(sub, r) })
}

// foldEqual reports whether a and b are the same letter but for case.
func foldEqual(a, b rune) bool {
	for c := a; ; {
		if c == b {
			return true
		}
		if c = unicode.SimpleFold(c); c == a {
			return false
		}
	}
}

// mustContain returns strings one of which every match of re (simplified) contains, or nil
// when it cannot tell: of the sets found, the one whose shortest string is longest.
func mustContain(re *syntax.Regexp) []string {
	set := containSet(re)
	if len(set) == 0 || slices.Contains(set, "") {
		return nil
	}
	return withoutSuperstrings(set)
}

// maxWide bounds the literals mustContainWide gathers.
const maxWide = 64

// mustContainWide is mustContain, or, where that cannot tell, a larger set from the
// alternatives of an alternation or the code points of a class (up to maxWide of them): a
// pattern listing thirty words, or a number with one of ten units, is then still looked
// for only where one of them occurs.
func mustContainWide(re *syntax.Regexp) []string {
	if set := mustContain(re); set != nil {
		return set
	}
	var set []string
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		set = mustContainWide(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			set = mustContainWide(re.Sub[0])
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune) && len(set) <= maxWide; i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1] && len(set) <= maxWide; c++ {
				set = append(set, string(c))
			}
		}
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s := mustContainWide(sub)
			if s == nil {
				return nil
			}
			set = append(set, s...)
		}
		slices.Sort(set)
		set = withoutSuperstrings(slices.Compact(set))
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if s := mustContainWide(sub); s != nil && (set == nil || betterSet(s, set)) {
				set = s
			}
		}
	}
	if len(set) > maxWide {
		return nil
	}
	return set
}

// withoutSuperstrings drops the strings of set that hold another: a match holding one
// holds the other.
func withoutSuperstrings(set []string) []string {
	return slices.DeleteFunc(slices.Clone(set), func(s string) bool {
		return slices.ContainsFunc(set, func(o string) bool { return o != s && strings.Contains(s, o) })
	})
}

// containSet is mustContain before the empty string is ruled out: the strings re matches,
// when they are few and cheaper to look for than what its parts must contain.
func containSet(re *syntax.Regexp) []string {
	set := partsSet(re)
	if ex := exactSet(re); ex != nil && !slices.Contains(ex, "") && (set == nil || betterSet(ex, set)) {
		return ex
	}
	return set
}

// partsSet is what the parts of re tell that every match contains.
func partsSet(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return containSet(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return containSet(re.Sub[0])
		}
	case syntax.OpConcat:
		return concatSet(re.Sub)
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set := mustContain(sub)
			if set == nil {
				return nil
			}
			out = append(out, set...)
		}
		return literalsOrNil(withoutSuperstrings(out))
	}
	return nil
}

// concatSet picks the best set of a concatenation: one of a part, or the strings a run of
// parts with finitely many strings spells together.
func concatSet(subs []*syntax.Regexp) []string {
	var best []string
	consider := func(set []string) {
		if len(set) == 0 || slices.Contains(set, "") {
			return
		}
		if best == nil || betterSet(set, best) {
			best = set
		}
	}
	for i, sub := range subs {
		consider(mustContain(sub))
		run := exactSet(sub)
		for j := i + 1; run != nil && j < len(subs); j++ {
			consider(run)
			run = product(run, exactSet(subs[j]))
		}
		consider(run)
	}
	return best
}

// betterSet reports whether a filters better than b: it costs less to look for, each
// string costing a search of the text plus, the shorter it is, the more places it turns up
// at for the pattern to be tried on.
func betterSet(a, b []string) bool { return setCost(a) < setCost(b) }

func setCost(set []string) float64 {
	c := 0.0
	for _, s := range set {
		switch n := len(s); {
		case n <= 1:
			c += 16
		case n == 2:
			c += 8
		case n == 3: // one Chinese character
			c += 4
		case n < 6:
			c += 2
		case n < 9:
			c += 1
		case n < 12:
			c += 0.3
		default:
			c += 0.1
		}
	}
	return c + 0.5*float64(len(set))
}

// exactSet returns every string re matches, when there are at most maxLiterals of them,
// else nil.
func exactSet(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(out) == maxLiterals/4 {
					return nil
				}
				out = append(out, string(c))
			}
		}
		return out
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpQuest:
		if sub := exactSet(re.Sub[0]); sub != nil {
			return literalsOrNil(append([]string{""}, sub...))
		}
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			if out = product(out, exactSet(sub)); out == nil {
				return nil
			}
		}
		return out
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set := exactSet(sub)
			if set == nil {
				return nil
			}
			out = append(out, set...)
		}
		return literalsOrNil(out)
	}
	return nil
}

// product returns every string of a followed by one of b, nil when either is nil or there
// would be more than maxLiterals.
func product(a, b []string) []string {
	if a == nil || b == nil || len(a)*len(b) > maxLiterals {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return literalsOrNil(out)
}

// literalsOrNil returns set without repeats, nil when it holds more than maxLiterals.
func literalsOrNil(set []string) []string {
	slices.Sort(set)
	set = slices.Compact(set)
	if len(set) > maxLiterals {
		return nil
	}
	return set
}

// litSpans are the occurrences of a set of literals in a text, by start, each with the
// least end of it and those after it: whether one lies within a range is one binary search.
type litSpans struct {
	unknown bool // the set is not known: any range may hold a match
	// A single literal is its offsets and length; several are merged in occ.
	at  []int
	n   int
	occ []litOcc
}

type litOcc struct{ start, minEnd int }

// newLitSpans gathers the occurrences of lits in the text idx indexes; nil lits is the
// unknown set.
func newLitSpans(idx *litIndex, lits []string) *litSpans {
	switch len(lits) {
	case 0:
		return &litSpans{unknown: lits == nil}
	case 1:
		return &litSpans{at: idx.positions(lits[0]), n: len(lits[0])}
	}
	var occ []litOcc
	for _, l := range lits {
		for _, o := range idx.positions(l) {
			occ = append(occ, litOcc{o, o + len(l)})
		}
	}
	slices.SortFunc(occ, func(a, b litOcc) int { return a.start - b.start })
	for i := len(occ) - 2; i >= 0; i-- {
		occ[i].minEnd = min(occ[i].minEnd, occ[i+1].minEnd)
	}
	return &litSpans{occ: occ}
}

// within reports whether an occurrence lies within bytes [a, b).
func (o *litSpans) within(a, b int) bool {
	switch {
	case o.unknown:
		return true
	case o.occ == nil:
		k, _ := slices.BinarySearch(o.at, a)
		return k < len(o.at) && o.at[k]+o.n <= b
	}
	k, _ := slices.BinarySearchFunc(o.occ, a, func(x litOcc, a int) int { return x.start - a })
	return k < len(o.occ) && o.occ[k].minEnd <= b
}
