package profile

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// filteredRE is a regular expression with the literal strings one of which every match
// contains: a text that holds none of them cannot match, which strings.Contains tells
// far faster than the regexp engine scanning the whole text.
type filteredRE struct {
	*regexp.Regexp
	// any is nil when the pattern has no such set.
	any []string
}

func newFilteredRE(pattern string) *filteredRE {
	f := &filteredRE{Regexp: mustCompileRE(pattern)}
	if re, err := syntax.Parse(pattern, syntax.Perl); err == nil {
		f.any = mustContain(re)
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

// FindStringIndex is regexp's, after the literal check.
func (f *filteredRE) FindStringIndex(text string) []int {
	if !f.mayMatch(text) {
		return nil
	}
	return f.Regexp.FindStringIndex(text)
}

// mustContain returns strings one of which every match of re contains, or nil when it
// cannot tell.
func mustContain(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return mustContain(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustContain(re.Sub[0])
		}
	case syntax.OpConcat:
		// The child whose shortest literal is longest filters best.
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			set := mustContain(sub)
			if set == nil {
				continue
			}
			short := len(set[0])
			for _, s := range set {
				short = min(short, len(s))
			}
			if short > bestLen {
				best, bestLen = set, short
			}
		}
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set := mustContain(sub)
			if set == nil {
				return nil
			}
			out = append(out, set...)
		}
		return out
	}
	return nil
}
