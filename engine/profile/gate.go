package profile

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// A pattern is only worth running where one of its required literals occurs. requiredLiterals
// works out, from a pattern's syntax tree, a set of literals at least one of which every
// match contains (nil when it cannot tell); the profile then runs the pattern only on the
// sentences holding one, instead of on the whole document. Patterns never cross a sentence
// end (they are written with [^。] for gaps), so the result is the same, at a fraction of
// the cost: Go's regexp cannot skip ahead on a pattern that starts with an alternation.
func requiredLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	lits := required(re.Simplify())
	for _, l := range lits {
		if utf8.RuneCountInString(l) < 2 {
			return nil // too common to narrow anything
		}
	}
	return lits
}

func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			lits := required(sub)
			if lits == nil {
				return nil
			}
			out = append(out, lits...)
		}
		return out
	case syntax.OpConcat:
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			lits := required(sub)
			if lits == nil {
				continue
			}
			if l := shortest(lits); l > bestLen {
				best, bestLen = lits, l
			}
		}
		return best
	}
	return nil
}

func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		if c := utf8.RuneCountInString(l); n < 0 || c < n {
			n = c
		}
	}
	return n
}

// sentenceBounds returns the byte offsets in s where sentences end: after 。;!? and their
// full-width forms, and at the end.
func sentenceBounds(s string) []int {
	var out []int
	for i, r := range s {
		switch r {
		case '。', ';', '!', '?', '；', '！', '？':
			out = append(out, i+utf8.RuneLen(r))
		}
	}
	if len(out) == 0 || out[len(out)-1] != len(s) {
		out = append(out, len(s))
	}
	return out
}

// windows returns the byte ranges of [from, to) to search for a pattern with the given
// required literals: the sentences in the range that contain one, merged when adjacent.
// With no literals the whole range is one window. idx, when not nil, indexes s.
func windows(s string, idx *litIndex, bounds []int, from, to int, lits []string) [][2]int {
	if len(lits) == 0 {
		return [][2]int{{from, to}}
	}
	first, _ := slices.BinarySearch(bounds, from+1)
	// The sentences (indexes into bounds) holding a whole occurrence of a literal.
	var held []int
	for _, l := range lits {
		var at []int
		if idx != nil {
			at = idx.positions(l)
		} else {
			at = indexEvery(s, l)
		}
		k, _ := slices.BinarySearch(at, from)
		for _, o := range at[k:] {
			if o >= to {
				break
			}
			// The sentence holding o: the first whose end is past o.
			si, _ := slices.BinarySearch(bounds[first:], o+1)
			si += first
			if si == len(bounds) {
				continue
			}
			if o+len(l) <= min(bounds[si], to) && (len(held) == 0 || held[len(held)-1] != si) {
				held = append(held, si)
			}
		}
	}
	slices.Sort(held)
	held = slices.Compact(held)
	var out [][2]int
	for _, si := range held {
		start := from
		if si > first {
			start = max(from, bounds[si-1])
		}
		e := min(bounds[si], to)
		if e <= start {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] == start {
			out[n-1][1] = e
		} else {
			out = append(out, [2]int{start, e})
		}
	}
	return out
}
