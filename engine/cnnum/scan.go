package cnnum

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// maxDigits is the largest number of mantissa digits a literal may have.
const maxDigits = 40

// pctWord is the Chinese percent prefix, "hundred parts of".
const pctWord = "百分之"

// class is the role a (folded) rune can play in a literal.
type class uint8

const (
	cOther    class = iota
	cDigit          // ASCII 0-9; value is the digit
	cHanDigit       // 零〇○一…九 and capitals; value is the digit
	cLiang          // 两 兩; value 2
	cSmall          // 十百千 拾佰仟; value is the exponent
	cLarge          // 万亿 萬億; value is the exponent
	cDot            // .
	cComma          // ,
	cPoint          // 点 點
	cPlus           // + ﹢
	cMinus          // - − ﹣
	cHanPlus        // 正
	cHanMinus       // 负 負
	cOpen           // (
	cClose          // )
	cPercent        // % ﹪
)

// isHan reports whether c is a class of Chinese characters.
func (c class) isHan() bool {
	switch c {
	case cHanDigit, cLiang, cSmall, cLarge, cPoint, cHanPlus, cHanMinus:
		return true
	}
	return false
}

// classify returns the class of the folded rune r and its value.
func classify(r rune) (class, int8) {
	if r < utf8.RuneSelf {
		return classifyASCII(r)
	}
	return classifyWide(r)
}

// classifyASCII returns the class and value of an ASCII rune: a digit, a sign, a
// separator, a parenthesis or the percent sign.
func classifyASCII(r rune) (class, int8) {
	if '0' <= r && r <= '9' {
		return cDigit, int8(r - '0')
	}
	switch r {
	case '.':
		return cDot, 0
	case ',':
		return cComma, 0
	case '+':
		return cPlus, 0
	case '-':
		return cMinus, 0
	case '(':
		return cOpen, 0
	case ')':
		return cClose, 0
	case '%':
		return cPercent, 0
	}
	return cOther, 0
}

// classifyWide returns the class and value of a rune beyond ASCII: a Chinese digit,
// unit, point or sign, or a small-form sign.
func classifyWide(r rune) (class, int8) {
	switch r {
	case '零', '〇', '○':
		return cHanDigit, 0
	case '一', '壹':
		return cHanDigit, 1
	case '二', '贰', '貳':
		return cHanDigit, 2
	case '三', '叁', '參', '叄':
		return cHanDigit, 3
	case '四', '肆':
		return cHanDigit, 4
	case '五', '伍':
		return cHanDigit, 5
	case '六', '陆', '陸':
		return cHanDigit, 6
	case '七', '柒':
		return cHanDigit, 7
	case '八', '捌':
		return cHanDigit, 8
	case '九', '玖':
		return cHanDigit, 9
	case '两', '兩':
		return cLiang, 2
	case '十', '拾':
		return cSmall, 1
	case '百', '佰':
		return cSmall, 2
	case '千', '仟':
		return cSmall, 3
	case '万', '萬':
		return cLarge, 4
	case '亿', '億':
		return cLarge, 8
	case '点', '點':
		return cPoint, 0
	case '正':
		return cHanPlus, 0
	case '负', '負':
		return cHanMinus, 0
	case '−', '﹣':
		return cMinus, 0
	case '﹢':
		return cPlus, 0
	case '﹪':
		return cPercent, 0
	}
	return cOther, 0
}

// foldRune folds r as width.Fold does.
func foldRune(r rune) rune {
	// ASCII and the CJK Unified Ideographs block have no width variants (a test checks it).
	if r < utf8.RuneSelf || ('\u4e00' <= r && r <= '\u9fff') {
		return r
	}
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}

// decodeFold decodes the first rune of s and folds it. An invalid byte decodes as
// utf8.RuneError with size 1; an empty s gives size 0.
func decodeFold(s string) (rune, int) {
	if s != "" && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	r, size := utf8.DecodeRuneInString(s)
	return foldRune(r), size
}

// reason tells why scanning stopped or why a parse failed.
type reason uint8

const (
	rNone       reason = iota // the input ran out
	rUnexpected               // a rune that cannot continue the literal
	rTooLong                  // more than maxDigits digits
	rEmpty                    // nothing but white space
	rIncomplete               // the input ended inside a literal
)

// phase is where the recognizer is in the grammar.
type phase uint8

const (
	phStart   phase = iota // nothing read yet: a sign, "(", 百分之 or a numeral may come
	phBody                 // after a sign, "(" or 百分之: a numeral (or 百分之) must come
	phInt                  // in the integer part of a numeral
	phFrac                 // in the fractional digits
	phScale                // in a scale word (万, 亿, 千万, …)
	phPercent              // after "%"
	phClosed               // after ")"
)

// tok is the kind of the previous token of a Chinese numeral with units.
type tok uint8

const (
	tokNone tok = iota
	tokDigit
	tokZero
	tokSmall
	tokLarge
)

// pow10u holds the powers of ten that positions within a 亿 frame need.
var pow10u = [...]uint64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8}

// pow10f holds the powers of ten that float64 represents exactly.
var pow10f = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// state is the recognizer's state. It is a plain value: copying it saves a position.
type state struct {
	ph                          phase
	neg, signed, paren, pct     bool // sign, "(" and 百分之 seen
	percent, chinese            bool // "%" seen, a Chinese character consumed
	han, unit, point, usedLarge bool // Chinese numeral; with units; 点 or "." seen; 万/亿 as units

	buf   [maxDigits]byte // mantissa digits: integer part, then fraction
	nd    int             // digits in buf
	nFrac int             // of which fractional

	commas bool // Arabic integer part has thousands separators
	group  int  // digits in the current thousands group

	// Chinese numerals with units. A 亿 frame is the part below 亿 (hi holds what came
	// before 亿); positions count decimal places within the frame and are shifted up by 4
	// or 8 when 万 or 亿 multiplies what came before.
	hi, wan, sec  uint64 // value before 亿; multiplier of 万 in the frame; current section
	hiSet, wanSet bool
	pd            int8 // pending digit waiting for its unit, -1 if none
	pdLiang       bool // the pending digit is 两
	zero          bool // 零 pending
	lastPos       int8 // position of the last placed digit, -1 if none
	lastUnit      int8 // exponent of the last unit read
	lastTok       tok

	// The first section after 亿 may end in 万 or not, so where its first digit stands
	// is known only at the section's end; its gap check waits until then.
	afterYi     bool // 亿 read, no digit placed since
	deferred    bool // a check is waiting
	defBefore   int8 // position of the digit before 亿's section (shifted by 亿)
	defP        int8 // the first digit's position within the section
	defZero     bool // 零 came before it
	defExplicit bool // it had its own small unit

	scale     int   // exponent of the scale word
	scaleStep uint8 // 0 none, 1 after 百/千, 2 after 万, 3 after 亿
}

// scan runs the recognizer over s. It returns a copy of the state at the end of the
// longest accepted prefix and that prefix's length (-1 if none), the byte offset where
// scanning stopped, and why (rNone if s ran out).
func scan(s string) (acc state, accEnd, stop int, why reason) {
	st := state{pd: -1, lastPos: -1}
	accEnd = -1
	for i := 0; i < len(s); {
		r, size := decodeFold(s[i:])
		if (st.ph == phStart || st.ph == phBody) && !st.pct && r == '百' && strings.HasPrefix(s[i:], pctWord) {
			st.pct, st.chinese, st.ph = true, true, phBody
			i += len(pctWord)
			continue
		}
		c, v := classify(r)
		if why = st.step(c, v); why != rNone {
			return acc, accEnd, i, why
		}
		if c.isHan() {
			st.chinese = true
		}
		i += size
		if st.accepting() {
			acc, accEnd = st, i
		}
	}
	return acc, accEnd, len(s), rNone
}

// accepting reports whether the input read so far is a complete literal.
func (st *state) accepting() bool {
	switch st.ph {
	case phClosed:
		return true
	case phPercent:
		return !st.paren
	}
	return !st.paren && st.numeralDone()
}

// numeralDone reports whether the numeral read so far is complete.
func (st *state) numeralDone() bool {
	switch st.ph {
	case phInt:
		if !st.han {
			return st.nd > 0 && (!st.commas || st.group == 3)
		}
		if st.unit {
			_, ok := st.unitValue(true)
			return ok
		}
		return st.nd > 0 && !st.pdLiang
	case phFrac:
		return st.nFrac > 0
	case phScale:
		return true
	}
	return false
}

func (st *state) push(d int8) reason {
	if st.nd >= maxDigits {
		return rTooLong
	}
	st.buf[st.nd] = byte('0' + d)
	st.nd++
	return rNone
}

// step advances the recognizer by one rune of class c and value v.
func (st *state) step(c class, v int8) reason {
	switch st.ph {
	case phStart:
		switch c {
		case cPlus, cMinus, cHanPlus, cHanMinus:
			st.signed, st.neg, st.ph = true, c == cMinus || c == cHanMinus, phBody
			return rNone
		case cOpen:
			st.paren, st.signed, st.neg, st.ph = true, true, true, phBody
			return rNone
		}
		return st.begin(c, v)
	case phBody:
		return st.begin(c, v)
	case phInt:
		if st.han {
			return st.stepHanInt(c, v)
		}
		return st.stepArabicInt(c, v)
	case phFrac:
		if (st.han && c == cHanDigit) || (!st.han && c == cDigit) {
			st.nFrac++
			return st.push(v)
		}
		return st.tail(c, v)
	case phScale:
		switch {
		case c == cLarge && st.scaleStep == 1:
			st.scale += int(v)
			st.scaleStep = 2
			if v == 8 {
				st.scaleStep = 3
			}
			return rNone
		case c == cLarge && v == 8 && st.scaleStep == 2:
			st.scale += 8
			st.scaleStep = 3
			return rNone
		}
		return st.tail(c, v)
	case phPercent:
		if c == cClose && st.paren {
			st.ph = phClosed
			return rNone
		}
	}
	return rUnexpected
}

// begin reads the first rune of a numeral.
func (st *state) begin(c class, v int8) reason {
	switch c {
	case cDigit:
		st.ph = phInt
		return st.stepArabicInt(c, v)
	case cHanDigit, cLiang, cSmall:
		st.ph, st.han = phInt, true
		return st.stepHanInt(c, v)
	}
	return rUnexpected
}

// tail reads what may follow a complete numeral: a scale word, "%" or ")".
func (st *state) tail(c class, v int8) reason {
	if !st.numeralDone() {
		return rUnexpected
	}
	switch c {
	case cPercent:
		if st.pct || st.scale != 0 {
			return rUnexpected
		}
		st.percent, st.ph = true, phPercent
		return rNone
	case cClose:
		if !st.paren {
			return rUnexpected
		}
		st.ph = phClosed
		return rNone
	case cSmall, cLarge:
		// A scale word after an Arabic numeral, or after a Chinese one with a fraction and
		// no 万 or 亿 of its own. (Chinese integer parts read their units themselves.)
		if st.ph == phScale || (st.han && (st.ph != phFrac || st.usedLarge)) || (c == cSmall && v < 2) {
			return rUnexpected
		}
		st.scale, st.ph = int(v), phScale
		switch {
		case c == cSmall:
			st.scaleStep = 1
		case v == 4:
			st.scaleStep = 2
		default:
			st.scaleStep = 3
		}
		return rNone
	}
	return rUnexpected
}

func (st *state) stepArabicInt(c class, v int8) reason {
	switch c {
	case cDigit:
		if st.commas && st.group == 3 {
			return rUnexpected
		}
		st.group++
		return st.push(v)
	case cComma:
		if st.commas {
			if st.group != 3 {
				return rUnexpected
			}
		} else if st.group < 1 || st.group > 3 || st.buf[0] == '0' {
			return rUnexpected
		}
		st.commas, st.group = true, 0
		return rNone
	case cDot:
		if !st.numeralDone() {
			return rUnexpected
		}
		st.ph, st.point = phFrac, true
		return rNone
	}
	return st.tail(c, v)
}

func (st *state) stepHanInt(c class, v int8) reason {
	if st.unit {
		return st.stepUnit(c, v)
	}
	// Digit by digit so far.
	switch c {
	case cHanDigit:
		if st.pdLiang {
			return rUnexpected
		}
		return st.push(v)
	case cLiang:
		if st.nd > 0 {
			return rUnexpected
		}
		st.pdLiang = true
		return st.push(v)
	case cSmall, cLarge:
		// A unit: the numeral has units, and at most one digit (not 零) came before it.
		if st.nd > 1 || (st.nd == 1 && st.buf[0] == '0') {
			return rUnexpected
		}
		st.pd = -1
		if st.nd == 1 {
			st.pd = int8(st.buf[0] - '0')
		}
		st.nd, st.unit, st.lastPos, st.lastTok = 0, true, -1, tokNone
		return st.stepUnit(c, v)
	case cPoint:
		if st.nd == 0 || st.pdLiang {
			return rUnexpected
		}
		st.ph, st.point = phFrac, true
		return rNone
	}
	return st.tail(c, v)
}

// stepUnit reads a rune of a Chinese numeral with units.
func (st *state) stepUnit(c class, v int8) reason {
	switch c {
	case cHanDigit, cLiang:
		return st.unitDigit(c, v)
	case cSmall:
		return st.unitSmall(v)
	case cLarge:
		return st.unitLarge(v)
	case cPoint:
		return st.unitPoint()
	}
	return st.tail(c, v)
}

// unitDigit reads a digit (or 两) of a Chinese numeral with units: 零 marks a gap after a
// unit, any other digit waits for its unit.
func (st *state) unitDigit(c class, v int8) reason {
	if c == cHanDigit && v == 0 {
		if st.pd >= 0 || st.zero || (st.lastTok != tokSmall && st.lastTok != tokLarge) {
			return rUnexpected
		}
		st.zero, st.lastTok = true, tokZero
		return rNone
	}
	if st.pd >= 0 || st.lastTok == tokNone {
		return rUnexpected
	}
	st.pd, st.pdLiang, st.lastTok = v, c == cLiang, tokDigit
	return rNone
}

// unitSmall reads a small unit (十百千, exponent v) of a Chinese numeral with units,
// adding the pending digit times the unit to the section.
func (st *state) unitSmall(v int8) reason {
	d := st.pd
	if d < 0 {
		// A bare 十 starts the numeral or a section after 万 or 亿: 十二, 一万十五.
		if v != 1 || st.zero || (st.lastTok != tokNone && st.lastTok != tokLarge) {
			return rUnexpected
		}
		d = 1
	} else if st.pdLiang && v == 1 {
		return rUnexpected // 两十
	}
	if !st.place(v, true) {
		return rUnexpected
	}
	st.sec += uint64(d) * pow10u[v]
	st.lastTok, st.lastUnit = tokSmall, v
	return rNone
}

// unitLarge reads a large unit (万 or 亿, exponent v) of a Chinese numeral with units:
// the pending digit ends the section, and the section moves to the 万 or 亿 place.
func (st *state) unitLarge(v int8) reason {
	if st.pd >= 0 {
		d := st.pd
		if !st.place(0, false) {
			return rUnexpected
		}
		st.sec += uint64(d)
	} else if st.zero {
		return rUnexpected
	}
	if v == 4 {
		if !st.closeWan() {
			return rUnexpected
		}
	} else if !st.closeYi() {
		return rUnexpected
	}
	st.lastPos += v
	st.lastTok, st.lastUnit, st.usedLarge = tokLarge, v, true
	return rNone
}

// closeWan moves the section to the 万 place. It reports false when 万 came already,
// the section is empty, or the first digit after 亿 skipped a place it may not.
func (st *state) closeWan() bool {
	if st.wanSet || st.sec == 0 {
		return false
	}
	if st.deferred {
		if !gapOK(st.defBefore, st.defP+4, st.defZero, st.defExplicit) {
			return false
		}
		st.deferred = false
	}
	st.wan, st.sec, st.wanSet = st.sec, 0, true
	return true
}

// closeYi moves what came before to the 亿 place. It reports false when 亿 came already
// or nothing came before it.
func (st *state) closeYi() bool {
	f := st.wan*1e4 + st.sec
	if st.hiSet || f == 0 {
		return false
	}
	st.hi, st.wan, st.sec, st.wanSet, st.hiSet = f, 0, 0, false, true
	st.afterYi = true
	return true
}

// unitPoint reads 点 after a Chinese numeral with units: the numeral's value becomes the
// integer digits and the fraction follows.
func (st *state) unitPoint() reason {
	val, ok := st.unitValue(false)
	if !ok {
		return rUnexpected
	}
	var tmp [20]byte
	for _, b := range strconv.AppendUint(tmp[:0], val, 10) {
		if r := st.push(int8(b - '0')); r != rNone {
			return r
		}
	}
	st.ph, st.point = phFrac, true
	return rNone
}

// place puts the pending digit (or a bare 十) at position p of the frame. explicit tells
// whether the digit carries its own small unit. It checks that positions decrease, that
// 零 stands for a real gap, and that a digit without a unit does not skip a position
// without 零. For the first digit after 亿 the check waits (see state.deferred).
func (st *state) place(p int8, explicit bool) bool {
	switch {
	case st.afterYi:
		st.afterYi, st.deferred = false, true
		st.defBefore, st.defP, st.defZero, st.defExplicit = st.lastPos, p, st.zero, explicit
	case st.lastPos >= 0:
		if !gapOK(st.lastPos, p, st.zero, explicit) {
			return false
		}
	}
	st.lastPos, st.zero, st.pd, st.pdLiang = p, false, -1, false
	return true
}

// gapOK reports whether a digit may stand at position p after one at position before:
// lower, with 零 only across a real gap, and skipping positions without 零 only when the
// digit has its own small unit (一千五十, not 一亿五万).
func gapOK(before, p int8, zero, explicit bool) bool {
	if p >= before {
		return false
	}
	gap := before - p
	if zero {
		return gap >= 2
	}
	return explicit || gap == 1
}

// unitValue returns the value of a complete Chinese numeral with units. colloquial allows
// a final bare digit to take the next lower unit (一千五 = 1500).
func (st *state) unitValue(colloquial bool) (uint64, bool) {
	// The first section after 亿 did not end in 万: a skip without 零 is ambiguous there
	// (一亿三千 is 一亿零三千 to some readers and 一亿三千万 to others).
	if st.deferred && !st.defZero {
		return 0, false
	}
	frame := st.wan*1e4 + st.sec
	if st.pd < 0 {
		if st.zero {
			return 0, false
		}
		return st.hi*1e8 + frame, true
	}
	if st.pdLiang {
		return 0, false
	}
	var p int8
	switch {
	case st.zero:
		if st.lastPos < 2 {
			return 0, false
		}
		p = 0
	case st.lastPos == 1:
		p = 0
	case colloquial && st.lastPos >= 2 && st.lastPos == st.lastUnit:
		p = st.lastPos - 1
	default:
		return 0, false
	}
	return st.hi*1e8 + frame + uint64(st.pd)*pow10u[p], true
}

// number computes the Number of a complete literal; ok is false if it is out of range.
func (st *state) number() (Number, bool) {
	var tmp [20]byte
	digits := st.buf[:st.nd]
	if st.han && st.unit && !st.point {
		v, _ := st.unitValue(true)
		digits = strconv.AppendUint(tmp[:0], v, 10)
	}
	f, ok := decimalValue(digits, st.scale-st.nFrac)
	if !ok {
		return Number{}, false
	}
	integer := true
	if st.nFrac > 0 {
		integer = st.scale > 0
		frac := digits[len(digits)-st.nFrac:]
		for i := st.scale; i < len(frac); i++ {
			if frac[i] != '0' {
				integer = false
				break
			}
		}
	}
	if st.neg {
		f = -f
	}
	if f == 0 {
		f = 0 // no negative zero
	}
	return Number{
		Value:   f,
		Integer: integer,
		Signed:  st.signed,
		Percent: st.percent || st.pct,
		Chinese: st.chinese,
	}, true
}

// decimalValue returns the float64 nearest to digits × 10^exp, where digits are ASCII
// decimal digits. ok is false if the value is not finite.
func decimalValue(digits []byte, exp int) (float64, bool) {
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		exp++
	}
	if len(digits) == 0 {
		return 0, true
	}
	if len(digits) <= 15 && -22 <= exp && exp <= 22 {
		// Exact mantissa and power of ten: one correctly rounded operation.
		var m uint64
		for _, b := range digits {
			m = m*10 + uint64(b-'0')
		}
		if exp >= 0 {
			return float64(m) * pow10f[exp], true
		}
		return float64(m) / pow10f[-exp], true
	}
	s := string(digits) + "e" + strconv.Itoa(exp)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}
