// Package cnnum parses numbers as they are written in Chinese government
// information-disclosure annual reports (政府信息公开工作年度报告): Arabic digits in half or
// full width with thousands separators, Chinese numerals (一千二百零四, 二〇二五, 壹仟贰佰零肆),
// mixed forms (1.2万), percentages (12.5%, 百分之十二点五), signs (-8, 负五) and accounting
// negatives ((1,204)).
//
// # Grammar
//
// After surrounding white space is trimmed, a literal is
//
//	[sign | "("] ["百分之"] numeral ["%"] [")"]
//
// where sign is one of + - − ﹢ ﹣ 正 负 (full-width ＋ and － fold to + and -), the
// parentheses (also （ ）) mark an accounting negative and must both be present, and "%"
// (also ％ ﹪) is not allowed together with 百分之 or with a scale word. A numeral is one of:
//
//   - Arabic: digits, optionally grouped by commas in thousands positions (1,204;
//     12,345,678; the first group has 1 to 3 digits and does not start with 0; the
//     Chinese comma ， folds to a comma), optionally followed by "." and one or more
//     digits, optionally followed by a scale word. A decimal point needs digits on both
//     sides: ".5" and "12." are errors.
//   - Chinese, read digit by digit: 零〇○一二三四五六七八九 (and the financial capitals) with
//     no unit characters, as in years: 二〇二五 = 2025. An optional 点 and digits follow.
//   - Chinese with units 十百千万亿 (拾佰仟萬億): 一千二百零四 = 1204, 十二 = 12,
//     三亿零五万 = 300050000, up to but not including 10^16 (亿亿 is not accepted). 两 is
//     accepted before 百, 千, 万 and 亿 only. At most one digit stands before a unit
//     (二二十 is an error). An optional 点 and digit-by-digit decimals follow:
//     十二点三四 = 12.34; 点五 is an error.
//
// A scale word (百, 千, 万, 亿 or a combination such as 千万, 万亿) may follow an Arabic numeral
// (1.2万, 3亿, 1.5万亿) or a Chinese numeral that has a 点 fraction and no 万 or 亿 of its
// own (一点五万). Units of measure (件, 个, 元, 万元 …) are not part of a literal: Parse
// rejects "12件"; ParsePrefix reads the number in front of them.
//
// # Chinese numerals with units
//
// The reading follows standard usage. 零 marks a gap and must stand for at least one
// skipped position (一千零四; 一千零二百 is an error). Skipping a position without 零 is
// accepted when the next digit carries its own unit (一千五十 = 1050), and rejected when
// it does not, because such a form is ambiguous (一亿五万). The part after 亿 is stricter:
// without 万 it must start with 零, since 一亿三千 is read as 一亿零三千 by some and as
// 一亿三千万 by others; 一亿三千万 and 一亿零三千 are accepted. A final bare digit right
// after a unit takes the next lower unit, as in speech: 一千五 = 1500, 一万五 = 15000,
// 一亿五 = 150000000; it is rejected where the reading is unclear (二十万五, 一千五点五).
//
// # Limits
//
// A literal has at most 40 mantissa digits; longer ones are rejected with ErrRange. With
// that limit and the largest scale (万亿, 10^12) every accepted value is finite. Nothing in
// this package panics on any input, valid UTF-8 or not.
package cnnum

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Number is a parsed numeric literal.
type Number struct {
	// Value is the value with its sign, multiplied out by any scale word (1.2万 is 12000)
	// but not divided by 100 for percentages: 12.5% has Value 12.5 and Percent true.
	// A zero value is always +0, even when written "-0".
	Value float64

	// Integer reports that the literal denotes a whole number without relying on a written
	// fraction. It is true when no fractional digits were written ("12", "1,204", "十二",
	// "12%", "-3"), and when fractional digits were written but a scale word shifts them all
	// into the integer part ("1.2万" = 12000, "1.50万"). It is false for "12.0", "12.5%",
	// "十二点零" and "1.23456万" (12345.6).
	Integer bool

	// Signed reports that an explicit sign was written: "+3", "-8", "－8", "−8", "负五",
	// "正三", or accounting parentheses "(12)".
	Signed bool

	// Percent reports a percentage: "12.5%", "１２．５％" or "百分之十二点五".
	Percent bool

	// Chinese reports that at least one Chinese character took part in the literal: a
	// numeral or unit (including 万 and 亿 after Arabic digits), 点, 正, 负 or 百分之.
	// Full-width Arabic digits are not Chinese.
	Chinese bool
}

// ErrSyntax is wrapped by errors from Parse for input that is not a number.
var ErrSyntax = errors.New("invalid syntax")

// ErrRange is wrapped by errors from Parse for a well-formed number that is too long
// (more than 40 digits) or too large to represent.
var ErrRange = errors.New("value out of range")

// NumError is the error returned by Parse.
type NumError struct {
	Input  string // the string given to Parse
	Offset int    // byte offset in Input where the problem was found
	Err    error  // ErrSyntax or ErrRange
	why    reason
}

// Error describes the problem, quoting at most the first 40 runes of the input.
func (e *NumError) Error() string {
	q := e.Input
	if utf8.RuneCountInString(q) > 40 {
		n := 0
		for i := range q {
			if n == 40 {
				q = q[:i] + "…"
				break
			}
			n++
		}
	}
	msg := fmt.Sprintf("cnnum: parsing %q: %v", q, e.Err)
	switch e.why {
	case rEmpty:
		msg += ": empty"
	case rIncomplete:
		msg += ": incomplete number"
	case rTooLong:
		msg += ": more than 40 digits"
	case rUnexpected:
		r, _ := utf8.DecodeRuneInString(e.Input[e.Offset:])
		msg += fmt.Sprintf(": unexpected %q at byte %d", r, e.Offset)
	}
	return msg
}

// Unwrap returns ErrSyntax or ErrRange.
func (e *NumError) Unwrap() error { return e.Err }

// Fold maps full-width and half-width variants to their canonical width with
// width.Fold from golang.org/x/text/width: full-width digits, Latin letters and ASCII
// punctuation become ASCII (１２，３４５．６％ -> 12,345.6%), the ideographic space U+3000
// becomes a space, and half-width katakana become full width. CJK punctuation that has no
// ASCII counterpart, such as 。 and 、, is kept. Parse and ParsePrefix fold rune by rune
// themselves, so Parse(Fold(s)) and Parse(s) agree.
func Fold(s string) string {
	// Most strings are already folded (ASCII, Chinese); they are returned as they are,
	// without the transformer's buffers.
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || foldRune(r) != r {
			return width.Fold.String(s)
		}
		i += size
	}
	return s
}

// Parse parses s, which must consist of exactly one number literal (see the package
// documentation) with optional white space around it. White space is any Unicode space,
// including U+3000 and U+00A0, and the zero-width space and BOM (U+200B, U+FEFF).
// Inner white space is not allowed: "1 204" is an error.
//
// A leading decimal point (".5", "点五") is an error, as is a trailing one ("12.").
// The error is a *NumError wrapping ErrSyntax or ErrRange.
func Parse(s string) (Number, error) {
	i, j := trimBounds(s)
	t := s[i:j]
	if t == "" {
		return Number{}, &NumError{Input: s, Offset: i, Err: ErrSyntax, why: rEmpty}
	}
	acc, accEnd, stop, why := scan(t)
	if accEnd == len(t) {
		n, ok := acc.number()
		if !ok {
			return Number{}, &NumError{Input: s, Offset: i, Err: ErrRange, why: rNone}
		}
		return n, nil
	}
	switch why {
	case rTooLong:
		return Number{}, &NumError{Input: s, Offset: i + stop, Err: ErrRange, why: rTooLong}
	case rNone:
		return Number{}, &NumError{Input: s, Offset: j, Err: ErrSyntax, why: rIncomplete}
	}
	return Number{}, &NumError{Input: s, Offset: i + stop, Err: ErrSyntax, why: why}
}

// ParsePrefix parses the longest number literal at the start of s, after optional white
// space, and returns it with the number of bytes of s consumed (leading white space
// included, trailing white space not), so that s[length:] is the rest of the text:
// "12件" gives 12 and length 2; "三万零五十元" gives 30050 and len("三万零五十").
// Whenever ok is true, Parse(s[:length]) returns the same Number.
//
// ok is false when no prefix of s is a number, and also when the longest one runs on
// into something that makes the reading doubtful: a digit, a Chinese numeral or unit, or
// a percent sign ("1,2345", "二〇二五万", "5千3"); a '.', ',' or 点 followed by a digit
// ("1.2.3", "12,34", "3点30分"); or 多, 余, 几 or 来 followed by a unit ("三十多万" is
// about 300000, not 30). ParsePrefix is lexical: it does not know words, so "一般" reads
// as 1 followed by "般"; callers choose where to start.
func ParsePrefix(s string) (n Number, length int, ok bool) {
	i := 0
	for i < len(s) {
		r, size := decodeFold(s[i:])
		if !isSpace(r) {
			break
		}
		i += size
	}
	acc, accEnd, _, _ := scan(s[i:])
	if accEnd <= 0 {
		return Number{}, 0, false
	}
	end := i + accEnd
	if runsOn(s[end:]) {
		return Number{}, 0, false
	}
	n, ok = acc.number()
	if !ok {
		return Number{}, 0, false
	}
	return n, end, true
}

// IsPlaceholder reports whether s, after trimming white space (including U+3000 and
// U+00A0) and folding width, is a cell that says "nothing" or "not applicable" instead
// of giving a number:
//
//   - one or more dashes: - -- — —— – ― ‐ − ﹣ ─ (and full-width －, －－);
//   - one or more slashes: / \ ／ ＼ ∕ ╱;
//   - an ellipsis: one or more … or ⋯, or two or more dots;
//   - N/A, NA, N.A., n/a (any case);
//   - 无, 暂无, 无此项, 不适用, 不涉及, 未涉及.
//
// A blank cell is not a placeholder: IsPlaceholder("") is false, so callers can tell an
// omitted value from a deliberate "nothing". Numbers such as "0" or "-0" are not
// placeholders either.
func IsPlaceholder(s string) bool {
	i, j := trimBounds(s)
	t := s[i:j]
	if t == "" {
		return false
	}
	if allFolded(t, isDash) || allFolded(t, isSlash) {
		return true
	}
	if allFolded(t, isEllipsis) {
		return len(t) >= 2 // "." alone is not an ellipsis; "…" is 3 bytes
	}
	// Words: fold into a small buffer; no placeholder word is longer.
	if len(t) > 32 {
		return false
	}
	var buf [32 + utf8.UTFMax]byte
	w := buf[:0]
	for _, r := range t {
		w = utf8.AppendRune(w, foldRune(r))
	}
	switch string(w) {
	case "无", "暂无", "无此项", "不适用", "不涉及", "未涉及":
		return true
	}
	for _, p := range [...]string{"N/A", "NA", "N.A.", "N.A"} {
		if strings.EqualFold(string(w), p) {
			return true
		}
	}
	return false
}

// allFolded reports whether f holds for every rune of s after folding.
func allFolded(s string, f func(rune) bool) bool {
	for i := 0; i < len(s); {
		r, size := decodeFold(s[i:])
		if !f(r) {
			return false
		}
		i += size
	}
	return true
}

func isEllipsis(r rune) bool {
	return r == '…' || r == '⋯' || r == '.'
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−', '﹣', '─', '━', '﹘':
		return true
	}
	return false
}

func isSlash(r rune) bool {
	switch r {
	case '/', '\\', '∕', '╱', '⁄', '﹨':
		return true
	}
	return false
}

// isSpace reports whether the (folded) rune r is white space for trimming.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// trimBounds returns the bounds of s without leading and trailing white space.
func trimBounds(s string) (int, int) {
	i, j := 0, len(s)
	for i < j {
		r, size := decodeFold(s[i:j])
		if !isSpace(r) {
			break
		}
		i += size
	}
	for j > i {
		r, size := utf8.DecodeLastRuneInString(s[i:j])
		if !isSpace(foldRune(r)) {
			break
		}
		j -= size
	}
	return i, j
}

// runsOn reports whether rest, the text after a number, continues it in a way that makes
// the number doubtful (see ParsePrefix).
func runsOn(rest string) bool {
	if rest == "" {
		return false
	}
	r, size := decodeFold(rest)
	c, _ := classify(r)
	switch c {
	case cDigit, cHanDigit, cLiang, cSmall, cLarge, cPercent:
		return true
	case cDot, cComma, cPoint:
		r2, _ := decodeFold(rest[size:])
		c2, _ := classify(r2)
		return c2 == cDigit || c2 == cHanDigit || c2 == cLiang
	}
	switch r {
	case '多', '余', '餘', '几', '幾', '来', '來':
		r2, _ := decodeFold(rest[size:])
		c2, _ := classify(r2)
		return c2 == cSmall || c2 == cLarge
	}
	return false
}
