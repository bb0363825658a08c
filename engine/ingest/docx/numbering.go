package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// maxLabel bounds a w:lvlText (Word allows 255 characters), so that a hostile list
// definition repeated on every paragraph cannot multiply the text.
const maxLabel = 256

// numLevel is one level of a list definition in word/numbering.xml.
type numLevel struct {
	start  int
	format string // w:numFmt: decimal, chineseCounting, bullet ...
	text   string // w:lvlText: "%1、", "（%2）", "%1.%2"
	suff   string // tab (default), space, nothing
	legal  bool   // w:isLgl: show every level as decimal
	set    bool
}

// numDef is one w:num: an abstract definition plus overrides.
type numDef struct {
	abstract string
	starts   map[int]int
	levels   map[int]*numLevel
}

// numbering renders automatic list labels ("一、", "（一）", "1.") in document order, so
// that a heading numbered by Word reads as it is printed.
type numbering struct {
	abstract map[string]*[9]numLevel
	nums     map[string]*numDef
	counters map[string]*[9]int
	used     map[string]*[9]bool
}

func newNumbering() *numbering {
	return &numbering{
		abstract: map[string]*[9]numLevel{},
		nums:     map[string]*numDef{},
		counters: map[string]*[9]int{},
		used:     map[string]*[9]bool{},
	}
}

// read parses word/numbering.xml.
func (n *numbering) read(x *xmlReader) error {
	readLevel := func(lv *numLevel) error {
		lv.set = true
		lv.start = 1
		return x.walk(func(se xml.StartElement) error {
			if !isW(se.Name) {
				return nil // mc:AlternateContent: Choice and Fallback are both looked into
			}
			switch se.Name.Local {
			case "start":
				if v, err := strconv.Atoi(attr(se, "val")); err == nil {
					lv.start = v
				}
			case "numFmt":
				if v := attr(se, "val"); v != "" && v != "custom" {
					lv.format = v
				}
			case "lvlText":
				lv.text = attr(se, "val")
				if len(lv.text) > maxLabel {
					lv.text = lv.text[:maxLabel]
				}
			case "suff":
				lv.suff = attr(se, "val")
			case "isLgl":
				lv.legal = onOff(se)
			}
			return x.skip()
		}, nil)
	}
	return x.walk(func(se xml.StartElement) error {
		if !isW(se.Name) {
			return nil
		}
		switch se.Name.Local {
		case "abstractNum":
			if len(n.abstract) >= maxEntries {
				return x.skip()
			}
			levels := &[9]numLevel{}
			n.abstract[attr(se, "abstractNumId")] = levels
			return x.walk(func(c xml.StartElement) error {
				if isW(c.Name) && c.Name.Local == "lvl" {
					i, err := strconv.Atoi(attr(c, "ilvl"))
					if err != nil || i < 0 || i > 8 {
						return x.skip()
					}
					return readLevel(&levels[i])
				}
				return x.skip()
			}, nil)
		case "num":
			if len(n.nums) >= maxEntries {
				return x.skip()
			}
			def := &numDef{starts: map[int]int{}, levels: map[int]*numLevel{}}
			n.nums[attr(se, "numId")] = def
			return x.walk(func(c xml.StartElement) error {
				switch c.Name.Local {
				case "abstractNumId":
					def.abstract = attr(c, "val")
				case "lvlOverride":
					i, err := strconv.Atoi(attr(c, "ilvl"))
					if err != nil || i < 0 || i > 8 {
						return x.skip()
					}
					return x.walk(func(o xml.StartElement) error {
						switch o.Name.Local {
						case "startOverride":
							if v, err := strconv.Atoi(attr(o, "val")); err == nil {
								def.starts[i] = v
							}
						case "lvl":
							lv := &numLevel{}
							def.levels[i] = lv
							return readLevel(lv)
						}
						return x.skip()
					}, nil)
				}
				return x.skip()
			}, nil)
		}
		return nil
	}, nil)
}

// level returns the definition of level ilvl of list numID.
func (n *numbering) level(def *numDef, ilvl int) *numLevel {
	if lv, ok := def.levels[ilvl]; ok && lv.set {
		return lv
	}
	if a, ok := n.abstract[def.abstract]; ok && a[ilvl].set {
		return &a[ilvl]
	}
	return nil
}

// label advances the counter of level ilvl of list numID and returns the label Word prints
// before the paragraph, suffix included ("一、", "（二）\t"), or "" for bullets, unknown
// lists and numID 0 (numbering switched off).
func (n *numbering) label(numID string, ilvl int) string {
	def, ok := n.nums[numID]
	if !ok || numID == "0" || ilvl < 0 || ilvl > 8 {
		return ""
	}
	lv := n.level(def, ilvl)
	if lv == nil {
		return ""
	}
	// Lists that share an abstract definition share their counters unless a w:num restarts
	// them with startOverride.
	key := "a" + def.abstract
	if len(def.starts) > 0 || len(def.levels) > 0 {
		key = "n" + numID
	}
	cnt, used := n.counters[key], n.used[key]
	if cnt == nil {
		cnt, used = &[9]int{}, &[9]bool{}
		n.counters[key], n.used[key] = cnt, used
	}
	start := func(i int) int {
		if v, ok := def.starts[i]; ok {
			return v
		}
		if l := n.level(def, i); l != nil {
			return l.start
		}
		return 1
	}
	if used[ilvl] {
		cnt[ilvl]++
	} else {
		cnt[ilvl] = start(ilvl)
		used[ilvl] = true
	}
	for j := ilvl + 1; j < 9; j++ {
		used[j] = false
	}
	if lv.format == "bullet" {
		return ""
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			i++
			if lv.format == "none" {
				continue
			}
			v := start(k)
			if used[k] {
				v = cnt[k]
			}
			f := "decimal"
			if l := n.level(def, k); l != nil && l.format != "" {
				f = l.format
			}
			if lv.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f))
			continue
		}
		b.WriteByte(t[i])
	}
	if b.Len() == 0 {
		return ""
	}
	switch lv.suff {
	case "space":
		b.WriteByte(' ')
	case "nothing":
	default:
		b.WriteByte('\t')
	}
	return b.String()
}

// formatNumber writes v in a w:numFmt style; unknown styles and out-of-range values fall
// back to decimal.
func formatNumber(v int, format string) string {
	if write, ok := numberFormats[format]; ok {
		if s, ok := write(v, format); ok {
			return s
		}
	}
	return strconv.Itoa(v)
}

// numberFormats gives, for each w:numFmt style written otherwise than in decimal, the
// function writing a number in it; the function reports false for a value the style
// cannot show.
var numberFormats = map[string]func(v int, format string) (string, bool){
	"chineseCounting":              chineseCounting,
	"chineseCountingThousand":      chineseCounting,
	"japaneseCounting":             chineseCounting,
	"taiwaneseCounting":            chineseCounting,
	"chineseLegalSimplified":       chineseLegal,
	"ideographDigital":             ideographDigits,
	"taiwaneseDigital":             ideographDigits,
	"japaneseDigitalTenThousand":   ideographDigits,
	"ideographTraditional":         cyclicSign("甲乙丙丁戊己庚辛壬癸"),
	"ideographZodiac":              cyclicSign("子丑寅卯辰巳午未申酉戌亥"),
	"decimalEnclosedCircle":        enclosedNumber(0x2460),
	"decimalEnclosedCircleChinese": enclosedNumber(0x2460),
	"decimalEnclosedFullstop":      enclosedNumber(0x2488),
	"decimalEnclosedParen":         enclosedNumber(0x2474),
	"decimalFullWidth":             fullWidthNumber,
	"decimalFullWidth2":            fullWidthNumber,
	"decimalZero":                  zeroPadded,
	"upperLetter":                  letterNumber,
	"lowerLetter":                  letterNumber,
	"upperRoman":                   romanNumber,
	"lowerRoman":                   romanNumber,
}

// chineseCounting writes 0 ≤ v < 10000 in Chinese counting numerals: 十一, 一百零一.
func chineseCounting(v int, _ string) (string, bool) {
	return chineseNumber(v, "〇一二三四五六七八九", "十百千", true)
}

// chineseLegal writes 0 ≤ v < 10000 in Chinese financial numerals: 壹拾壹.
func chineseLegal(v int, _ string) (string, bool) {
	return chineseNumber(v, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", false)
}

// ideographDigits writes v ≥ 0 digit by digit in Chinese digits: 105 → 一〇五.
func ideographDigits(v int, _ string) (string, bool) {
	if v < 0 {
		return "", false
	}
	d := []rune("〇一二三四五六七八九")
	var b strings.Builder
	for _, c := range strconv.Itoa(v) {
		b.WriteRune(d[c-'0'])
	}
	return b.String(), true
}

// cyclicSign returns a style writing v ≥ 1 as the v-th of signs, starting over after the
// last (the heavenly stems, the earthly branches).
func cyclicSign(signs string) func(int, string) (string, bool) {
	rs := []rune(signs)
	return func(v int, _ string) (string, bool) {
		if v < 1 {
			return "", false
		}
		return string(rs[(v-1)%len(rs)]), true
	}
}

// enclosedNumber returns a style writing 1 ≤ v ≤ 20 as the enclosed number character
// of the block starting at first (①, ⒈, ⑴).
func enclosedNumber(first rune) func(int, string) (string, bool) {
	return func(v int, _ string) (string, bool) {
		if v < 1 || v > 20 {
			return "", false
		}
		return string(first + rune(v) - 1), true
	}
}

// fullWidthNumber writes v in decimal with full-width digits: 12 → １２.
func fullWidthNumber(v int, _ string) (string, bool) {
	var b strings.Builder
	for _, c := range strconv.Itoa(v) {
		if c >= '0' && c <= '9' {
			c += 0xFF10 - '0'
		}
		b.WriteRune(c)
	}
	return b.String(), true
}

// zeroPadded writes 0 ≤ v < 10 with a leading zero: 01.
func zeroPadded(v int, _ string) (string, bool) {
	if v < 0 || v >= 10 {
		return "", false
	}
	return "0" + strconv.Itoa(v), true
}

// letterNumber writes 1 ≤ v ≤ 780 as letters, upper or lower case by format: A … Z,
// AA … ZZ, AAA ….
func letterNumber(v int, format string) (string, bool) {
	if v < 1 || v > 780 {
		return "", false
	}
	c := byte('A' + (v-1)%26)
	if format == "lowerLetter" {
		c += 'a' - 'A'
	}
	return strings.Repeat(string(c), (v-1)/26+1), true
}

// romanNumber writes 1 ≤ v < 4000 in Roman numerals, upper or lower case by format.
func romanNumber(v int, format string) (string, bool) {
	if v < 1 || v >= 4000 {
		return "", false
	}
	s := roman(v)
	if format == "lowerRoman" {
		s = strings.ToLower(s)
	}
	return s, true
}

// chineseNumber writes 0 ≤ v < 10000 with Chinese digits and the units 十百千: 10 → 十,
// 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十; digits[0] is written only for 0 itself. With shortTen false, 10–19 keep
// their leading one (壹拾壹), as financial numerals do.
func chineseNumber(v int, digits, units string, shortTen bool) (string, bool) {
	if v < 0 || v >= 10000 {
		return "", false
	}
	d, u := []rune(digits), []rune(units)
	if v == 0 {
		return string(d[0]), true
	}
	var b strings.Builder
	places := []int{1000, 100, 10, 1}
	zero := false
	started := false
	for i, p := range places {
		q := v / p % 10
		if q == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		unit := 3 - i // index into units for 千百十 (places 1000,100,10)
		if !(shortTen && q == 1 && p == 10 && !started) {
			b.WriteRune(d[q])
		}
		if unit > 0 {
			b.WriteRune(u[unit-1])
		}
		started = true
	}
	return b.String(), true
}

func roman(v int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}
