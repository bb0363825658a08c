package cnnum

import (
	"strings"
	"unicode/utf8"
)

// IsSign reports whether r, after width folding, is the sign of an Arabic-digit literal:
// + - − ﹢ ﹣ and the full-width ＋ －. The Chinese signs 正 and 负 are not included: they
// start a Chinese numeral, not a number written in digits.
func IsSign(r rune) bool {
	c, _ := classify(foldRune(r))
	return c == cPlus || c == cMinus
}

// ParseUnit parses s as a number literal followed by one of units: "3件", "246900元",
// "12.5万元", "0 万元". White space around s and between the number and the unit is
// ignored, and units are compared after width folding. The longest unit that ends s wins,
// so "12.5万元" is 12.5 with unit "万元", not 125000 with unit "元". When no unit ends s,
// s must be a literal on its own and unit is "". The error is Parse's, for the text in
// front of the unit.
func ParseUnit(s string, units []string) (n Number, unit string, err error) {
	i, j := trimBounds(s)
	t := s[i:j]
	ft := Fold(t)
	best, bestRunes := "", 0
	for _, u := range units {
		fu := Fold(u)
		if fu == "" || len(fu) <= len(Fold(best)) || !strings.HasSuffix(ft, fu) {
			continue
		}
		best, bestRunes = u, utf8.RuneCountInString(fu)
	}
	if best == "" {
		n, err = Parse(t)
		return n, "", err
	}
	// Folding maps rune to rune, so the unit is the last bestRunes runes of t.
	cut := len(t)
	for k := 0; k < bestRunes; k++ {
		_, size := utf8.DecodeLastRuneInString(t[:cut])
		cut -= size
	}
	n, err = Parse(t[:cut])
	if err != nil {
		return Number{}, "", err
	}
	return n, best, nil
}
