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
	f.any = mustContain(re)
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
		return true
	}
	for _, s := range f.any {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// FindStringIndex is regexp's, searching only where a match can be.
func (f *filteredRE) FindStringIndex(text string) []int {
	if f.any == nil {
		return f.Regexp.FindStringIndex(text)
	}
	if !f.segmented {
		if !f.mayMatch(text) {
			return nil
		}
		return f.Regexp.FindStringIndex(text)
	}
	var loc []int
	f.eachSegment(text, func(a, b int) bool {
		if m := f.Regexp.FindStringIndex(text[a:b]); m != nil {
			loc = []int{a + m[0], a + m[1]}
			return false
		}
		return true
	})
	return loc
}

// FindAllStringSubmatchIndex is regexp's, searching only where a match can be.
func (f *filteredRE) FindAllStringSubmatchIndex(text string, n int) [][]int {
	if f.any == nil {
		return f.Regexp.FindAllStringSubmatchIndex(text, n)
	}
	if !f.segmented {
		if !f.mayMatch(text) {
			return nil
		}
		return f.Regexp.FindAllStringSubmatchIndex(text, n)
	}
	var out [][]int
	f.eachSegment(text, func(a, b int) bool {
		ms := f.Regexp.FindAllStringSubmatchIndex(text[a:b], n-len(out))
		for _, m := range ms {
			for i := range m {
				if m[i] >= 0 {
					m[i] += a
				}
			}
		}
		out = append(out, ms...)
		return len(out) < n || n < 0
	})
	return out
}

// eachSegment calls fn with the byte ranges of text, in order, that run between barriers
// and hold a literal, until fn returns false. The literals hold no barrier (the pattern
// matches them), so a range is found from any literal in it.
func (f *filteredRE) eachSegment(text string, fn func(a, b int) bool) {
	next := make([]int, len(f.any)) // next occurrence of each literal at or after pos, -1: none
	for i := range next {
		next[i] = -2 // not looked for yet
	}
	pos := 0
	for pos < len(text) {
		at := -1
		for i, l := range f.any {
			if next[i] == -1 {
				continue
			}
			if next[i] < pos {
				j := strings.Index(text[pos:], l)
				if j < 0 {
					next[i] = -1
					continue
				}
				next[i] = pos + j
			}
			if at < 0 || next[i] < at {
				at = next[i]
			}
		}
		if at < 0 {
			return
		}
		a := at
		for a > pos {
			r, n := utf8.DecodeLastRuneInString(text[pos:a])
			if f.barrier(r) {
				break
			}
			a -= n
		}
		b := at
		for b < len(text) {
			r, n := utf8.DecodeRuneInString(text[b:])
			if f.barrier(r) {
				break
			}
			b += n
		}
		if !fn(a, b) {
			return
		}
		pos = b
	}
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
