package cnnum

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Flags for building expected Numbers.
const (
	fInt = 1 << iota
	fSigned
	fPct
	fCN
)

func num(v float64, flags int) Number {
	return Number{
		Value:   v,
		Integer: flags&fInt != 0,
		Signed:  flags&fSigned != 0,
		Percent: flags&fPct != 0,
		Chinese: flags&fCN != 0,
	}
}

type parseCase struct {
	name string
	in   string
	want Number
	err  error // ErrSyntax or ErrRange when Parse must fail
}

var parseCases = []parseCase{
	// ASCII and full-width digits, thousands separators.
	{"ascii digits", "123", num(123, fInt), nil},
	{"zero", "0", num(0, fInt), nil},
	{"leading zeros", "007", num(7, fInt), nil},
	{"fullwidth digits", "１２３", num(123, fInt), nil},
	{"thousands", "1,204", num(1204, fInt), nil},
	{"thousands millions", "12,345,678", num(12345678, fInt), nil},
	{"thousands three digit first group", "123,456", num(123456, fInt), nil},
	{"fullwidth thousands and decimal", "１，２０４．５", num(1204.5, 0), nil},
	{"chinese comma as separator", "1，204", num(1204, fInt), nil},
	{"thousands with decimals", "1,204.25", num(1204.25, 0), nil},
	{"bad group short", "1,2", Number{}, ErrSyntax},
	{"bad group long", "1,2345", Number{}, ErrSyntax},
	{"bad first group", "1234,567", Number{}, ErrSyntax},
	{"bad later group", "12,34,567", Number{}, ErrSyntax},
	{"comma first group zero", "0,123", Number{}, ErrSyntax},
	{"european decimal comma", "0,5", Number{}, ErrSyntax},
	{"trailing comma", "1,204,", Number{}, ErrSyntax},
	{"leading comma", ",204", Number{}, ErrSyntax},
	{"double comma", "1,,204", Number{}, ErrSyntax},
	{"comma in fraction", "1.204,5", Number{}, ErrSyntax},

	// Decimals.
	{"decimal", "96171.6", num(96171.6, 0), nil},
	{"long decimal", "24252.311082", num(24252.311082, 0), nil},
	{"decimal zero fraction", "12.0", num(12, 0), nil},
	{"zero point five", "0.5", num(0.5, 0), nil},
	{"leading dot", ".5", Number{}, ErrSyntax},
	{"trailing dot", "12.", Number{}, ErrSyntax},
	{"lone dot", ".", Number{}, ErrSyntax},
	{"two dots", "1.2.3", Number{}, ErrSyntax},

	// Signs.
	{"plus", "+1036", num(1036, fInt|fSigned), nil},
	{"minus", "-8", num(-8, fInt|fSigned), nil},
	{"fullwidth minus", "－8", num(-8, fInt|fSigned), nil},
	{"fullwidth plus", "＋8", num(8, fInt|fSigned), nil},
	{"unicode minus", "−8", num(-8, fInt|fSigned), nil},
	{"small hyphen minus", "﹣8", num(-8, fInt|fSigned), nil},
	{"minus decimal", "-0.25", num(-0.25, fSigned), nil},
	{"minus zero", "-0", num(0, fInt|fSigned), nil},
	{"chinese negative", "负五", num(-5, fInt|fSigned|fCN), nil},
	{"traditional negative", "負五", num(-5, fInt|fSigned|fCN), nil},
	{"chinese positive", "正三", num(3, fInt|fSigned|fCN), nil},
	{"chinese negative arabic", "负5", num(-5, fInt|fSigned|fCN), nil},
	{"accounting negative", "(1,204)", num(-1204, fInt|fSigned), nil},
	{"accounting negative fullwidth", "（1,204）", num(-1204, fInt|fSigned), nil},
	{"accounting negative percent", "(12.5%)", num(-12.5, fSigned|fPct), nil},
	{"accounting unclosed", "(12", Number{}, ErrSyntax},
	{"accounting unopened", "12)", Number{}, ErrSyntax},
	{"accounting with sign", "(-12)", Number{}, ErrSyntax},
	{"sign and accounting", "-(12)", Number{}, ErrSyntax},
	{"accounting empty", "()", Number{}, ErrSyntax},
	{"double minus", "--5", Number{}, ErrSyntax},
	{"plus minus", "+-5", Number{}, ErrSyntax},
	{"lone minus", "-", Number{}, ErrSyntax},
	{"lone chinese negative", "负", Number{}, ErrSyntax},
	{"sign after number", "5-", Number{}, ErrSyntax},

	// Percent.
	{"percent", "12.5%", num(12.5, fPct), nil},
	{"percent integer", "12%", num(12, fInt|fPct), nil},
	{"fullwidth percent", "１２．５％", num(12.5, fPct), nil},
	{"negative percent", "-3.5%", num(-3.5, fSigned|fPct), nil},
	{"chinese percent", "百分之十二点五", num(12.5, fPct|fCN), nil},
	{"chinese percent integer", "百分之五十", num(50, fInt|fPct|fCN), nil},
	{"chinese percent hundred", "百分之一百", num(100, fInt|fPct|fCN), nil},
	{"chinese percent arabic", "百分之12", num(12, fInt|fPct|fCN), nil},
	{"negative chinese percent", "负百分之五", num(-5, fInt|fSigned|fPct|fCN), nil},
	{"chinese percent with sign inside", "百分之负五", Number{}, ErrSyntax},
	{"double percent", "12%%", Number{}, ErrSyntax},
	{"chinese percent and sign", "百分之五%", Number{}, ErrSyntax},
	{"percent alone", "%", Number{}, ErrSyntax},
	{"chinese percent alone", "百分之", Number{}, ErrSyntax},
	{"percent with scale", "1.2万%", Number{}, ErrSyntax},

	// Chinese numerals with units.
	{"han single digit", "五", num(5, fInt|fCN), nil},
	{"han zero", "零", num(0, fInt|fCN), nil},
	{"han ten", "十", num(10, fInt|fCN), nil},
	{"han twelve", "十二", num(12, fInt|fCN), nil},
	{"han one-ten-two", "一十二", num(12, fInt|fCN), nil},
	{"han 1204", "一千二百零四", num(1204, fInt|fCN), nil},
	{"han 30050", "三万零五十", num(30050, fInt|fCN), nil},
	{"han 110", "一百一十", num(110, fInt|fCN), nil},
	{"han 105", "一百零五", num(105, fInt|fCN), nil},
	{"han 105 with ling circle", "一百〇五", num(105, fInt|fCN), nil},
	{"han liang bai", "两百", num(200, fInt|fCN), nil},
	{"han liang qian", "两千", num(2000, fInt|fCN), nil},
	{"han liang wan", "两万", num(20000, fInt|fCN), nil},
	{"han 200000", "二十万", num(200000, fInt|fCN), nil},
	{"han 100000", "十万", num(100000, fInt|fCN), nil},
	{"han 103000", "十万零三千", num(103000, fInt|fCN), nil},
	{"han one wan yi", "一万亿", num(1e12, fInt|fCN), nil},
	{"han 3.5e12", "三万五千亿", num(3.5e12, fInt|fCN), nil},
	{"han 300050000", "三亿零五万", num(300050000, fInt|fCN), nil},
	{"han 10005e8", "一万零五亿", num(1000500000000, fInt|fCN), nil},
	{"han yi", "一亿", num(1e8, fInt|fCN), nil},
	{"han 12345678", "一千二百三十四万五千六百七十八", num(12345678, fInt|fCN), nil},
	{"han max", "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九", num(9999999999999999, fInt|fCN), nil},
	{"han gap without ling explicit unit", "一千五十", num(1050, fInt|fCN), nil},
	{"han ten after wan", "一万十五", num(10015, fInt|fCN), nil},
	{"han colloquial qian", "一千五", num(1500, fInt|fCN), nil},
	{"han colloquial bai", "三百五", num(350, fInt|fCN), nil},
	{"han colloquial wan", "一万五", num(15000, fInt|fCN), nil},
	{"han colloquial yi", "一亿五", num(150000000, fInt|fCN), nil},
	{"han colloquial ambiguous", "二十万五", Number{}, ErrSyntax},
	{"han colloquial before point", "一千五点五", Number{}, ErrSyntax},
	{"han decimal", "十二点三四", num(12.34, fCN), nil},
	{"han zero point five", "零点五", num(0.5, fCN), nil},
	{"han decimal after units", "一万二千点五", num(12000.5, fCN), nil},
	{"han decimal zero", "十二点零", num(12, fCN), nil},
	{"han decimal with scale", "十二点五万", num(125000, fInt|fCN), nil},
	{"han digit decimal with scale", "一点五亿", num(150000000, fInt|fCN), nil},
	{"han negative", "负五", num(-5, fInt|fSigned|fCN), nil},
	{"han negative units", "负一百二十", num(-120, fInt|fSigned|fCN), nil},
	{"han traditional", "一萬二千", num(12000, fInt|fCN), nil},
	{"han traditional yi", "三億", num(3e8, fInt|fCN), nil},
	{"han ten ten", "十十", Number{}, ErrSyntax},
	{"han wan alone", "万", Number{}, ErrSyntax},
	{"han yi alone", "亿", Number{}, ErrSyntax},
	{"han bai alone", "百", Number{}, ErrSyntax},
	{"han two two ten", "二二十", Number{}, ErrSyntax},
	{"han bad order", "一百一千", Number{}, ErrSyntax},
	{"han bai bai", "一百百", Number{}, ErrSyntax},
	{"han ling without gap", "一千零二百", Number{}, ErrSyntax},
	{"han ling short gap", "一十零五", Number{}, ErrSyntax},
	{"han trailing ling", "一百零", Number{}, ErrSyntax},
	{"han double ling", "一千零零五", Number{}, ErrSyntax},
	{"han ling before unit", "零十", Number{}, ErrSyntax},
	{"han ling before wan", "一百零万", Number{}, ErrSyntax},
	{"han ling ten", "一百零十", Number{}, ErrSyntax},
	{"han ambiguous skip", "一亿五万", Number{}, ErrSyntax},
	{"han after yi with wan", "一亿三千万", num(1.3e8, fInt|fCN), nil},
	{"han 1.23e9", "十二亿三千万", num(1.23e9, fInt|fCN), nil},
	{"han after yi with ling", "一亿零三千", num(100003000, fInt|fCN), nil},
	{"han after yi ling digit", "一亿零五", num(100000005, fInt|fCN), nil},
	{"han after yi explicit skip with wan", "一亿十万", num(100100000, fInt|fCN), nil},
	{"han after wan yi with wan", "一万亿三千万", num(1000030000000, fInt|fCN), nil},
	{"han after yi without wan ambiguous", "一亿三千", Number{}, ErrSyntax},
	{"han after wan yi without wan ambiguous", "一万亿三千", Number{}, ErrSyntax},
	{"han after yi colloquial ambiguous", "一亿三千五", Number{}, ErrSyntax},
	{"han after yi ling without gap", "一亿零三千万", Number{}, ErrSyntax},
	{"han after yi before point", "一亿三千点五", Number{}, ErrSyntax},
	{"han ambiguous skip yi", "一万五亿", Number{}, ErrSyntax},
	{"han wan wan", "五万万", Number{}, ErrSyntax},
	{"han yi yi", "一亿亿", Number{}, ErrSyntax},
	{"han yi wan", "一亿万", Number{}, ErrSyntax},
	{"han liang shi", "两十", Number{}, ErrSyntax},
	{"han liang alone", "两", Number{}, ErrSyntax},
	{"han liang final", "一百两", Number{}, ErrSyntax},
	{"han liang in digits", "两二", Number{}, ErrSyntax},
	{"han digit after liang digits", "二两", Number{}, ErrSyntax},
	{"han leading point", "点五", Number{}, ErrSyntax},
	{"han trailing point", "十二点", Number{}, ErrSyntax},
	{"han units in fraction", "十二点三十", Number{}, ErrSyntax},
	{"han liang in fraction", "一点两", Number{}, ErrSyntax},
	{"han scale after units", "一万点五万", Number{}, ErrSyntax},
	{"han scale without fraction on digits", "二〇二五万", Number{}, ErrSyntax},
	{"han arabic mixed", "1二", Number{}, ErrSyntax},
	{"han mixed arabic digit", "十2", Number{}, ErrSyntax},

	// Financial capitals.
	{"capitals 1204", "壹仟贰佰零肆", num(1204, fInt|fCN), nil},
	{"capitals wan", "叁萬伍仟", num(35000, fInt|fCN), nil},
	{"capitals yi", "壹億", num(1e8, fInt|fCN), nil},
	{"capitals ten", "拾贰", num(12, fInt|fCN), nil},
	{"capitals traditional", "貳佰參拾陸", num(236, fInt|fCN), nil},
	{"capitals mixed with plain", "壹千二百", num(1200, fInt|fCN), nil},

	// Year-style digit strings.
	{"year ling circle", "二〇二五", num(2025, fInt|fCN), nil},
	{"year ling", "二零二三", num(2023, fInt|fCN), nil},
	{"year white circle", "二○二四", num(2024, fInt|fCN), nil},
	{"digits with decimal", "二〇点五", num(20.5, fCN), nil},

	// Arabic with scale words.
	{"arabic wan", "1.2万", num(12000, fInt|fCN), nil},
	{"arabic yi", "3亿", num(300000000, fInt|fCN), nil},
	{"arabic wan yi", "1.5万亿", num(1.5e12, fInt|fCN), nil},
	{"arabic wan fraction left", "1.23456万", num(12345.6, fCN), nil},
	{"arabic wan trailing zero", "1.50万", num(15000, fInt|fCN), nil},
	{"arabic qian", "5千", num(5000, fInt|fCN), nil},
	{"arabic bai wan", "3百万", num(3e6, fInt|fCN), nil},
	{"arabic qian wan", "1.2千万", num(1.2e7, fInt|fCN), nil},
	{"arabic qian yi", "5千亿", num(5e11, fInt|fCN), nil},
	{"arabic thousands wan", "1,234万", num(12340000, fInt|fCN), nil},
	{"arabic negative wan", "-1.2万", num(-12000, fInt|fSigned|fCN), nil},
	{"fullwidth wan", "１．２万", num(12000, fInt|fCN), nil},
	{"arabic traditional wan", "3萬", num(30000, fInt|fCN), nil},
	{"arabic shi", "5十", Number{}, ErrSyntax},
	{"arabic wan wan", "1万万", Number{}, ErrSyntax},
	{"arabic yi wan", "1亿万", Number{}, ErrSyntax},
	{"arabic wan then digits", "1万2千", Number{}, ErrSyntax},
	{"arabic han digit", "1五", Number{}, ErrSyntax},

	// Units of measure are not part of the number.
	{"unit jian", "12件", Number{}, ErrSyntax},
	{"unit yuan", "12元", Number{}, ErrSyntax},
	{"unit wanyuan", "12万元", Number{}, ErrSyntax},
	{"unit ge", "三个", Number{}, ErrSyntax},

	// Garbage.
	{"empty", "", Number{}, ErrSyntax},
	{"spaces only", "  \u3000", Number{}, ErrSyntax},
	{"letters", "abc", Number{}, ErrSyntax},
	{"dash placeholder", "—", Number{}, ErrSyntax},
	{"slash placeholder", "/", Number{}, ErrSyntax},
	{"exponent", "1e5", Number{}, ErrSyntax},
	{"hex", "0x1F", Number{}, ErrSyntax},
	{"invalid utf8", "1\xff2", Number{}, ErrSyntax},
	{"nul", "1\x00", Number{}, ErrSyntax},
	{"ideographic full stop", "12。5", Number{}, ErrSyntax},

	// White space.
	{"inner space", "1 204", Number{}, ErrSyntax},
	{"inner ideographic space", "1\u3000204", Number{}, ErrSyntax},
	{"surrounding spaces", "  12  ", num(12, fInt), nil},
	{"surrounding ideographic space", "\u300012\u3000", num(12, fInt), nil},
	{"surrounding nbsp", "\u00a012\u00a0", num(12, fInt), nil},
	{"surrounding tabs and newlines", "\t12\r\n", num(12, fInt), nil},
	{"surrounding zero width", "\ufeff12\u200b", num(12, fInt), nil},
	{"space after sign", "- 8", Number{}, ErrSyntax},

	// Range.
	{"40 digits", strings.Repeat("9", 40), num(1e40, fInt), nil},
	{"41 digits", strings.Repeat("9", 41), Number{}, ErrRange},
	{"41 han digits", strings.Repeat("九", 41), Number{}, ErrRange},
	{"long fraction", "0." + strings.Repeat("1", 40), Number{}, ErrRange},
	{"huge digits", strings.Repeat("1", 100000), Number{}, ErrRange},
	{"largest", strings.Repeat("9", 40) + "万亿", num(1e52, fInt|fCN), nil},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if tc.err != nil {
				if err == nil {
					t.Fatalf("Parse(%q) = %+v, want error %v", tc.in, got, tc.err)
				}
				if !errors.Is(err, tc.err) {
					t.Fatalf("Parse(%q) error = %v, want %v", tc.in, err, tc.err)
				}
				var ne *NumError
				if !errors.As(err, &ne) || ne.Input != tc.in || ne.Offset < 0 || ne.Offset > len(tc.in) {
					t.Fatalf("Parse(%q) error = %#v, want *NumError with Input and Offset in range", tc.in, err)
				}
				if got != (Number{}) {
					t.Errorf("Parse(%q) = %+v with error, want zero Number", tc.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tc.in, err)
			}
			if !sameNumber(got, tc.want) {
				t.Errorf("Parse(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

// sameNumber compares Numbers, allowing for the last-bit rounding of huge values.
func sameNumber(a, b Number) bool {
	if a.Integer != b.Integer || a.Signed != b.Signed || a.Percent != b.Percent || a.Chinese != b.Chinese {
		return false
	}
	if a.Value == b.Value {
		return true
	}
	return math.Abs(a.Value-b.Value) <= 1e-15*math.Abs(b.Value)
}

func TestParseExactValues(t *testing.T) {
	// Decimal conversion must be correctly rounded, as strconv.ParseFloat is.
	for _, tc := range []struct{ in, float string }{
		{"96171.6", "96171.6"},
		{"24252.311082", "24252.311082"},
		{"0.1", "0.1"},
		{"1.2万", "12000"},
		{"1.23456万", "12345.6"},
		{"12,345,678.901234", "12345678.901234"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"0.000000000000000000000000001", "1e-27"},
		{"9007199254740993", "9007199254740993"},
		{"十二点三四", "12.34"},
		{"1.5万亿", "1.5e12"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			want := mustFloat(t, tc.float)
			if got.Value != want {
				t.Errorf("Parse(%q).Value = %v, want %v", tc.in, got.Value, want)
			}
		})
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestNegativeZero(t *testing.T) {
	for _, in := range []string{"-0", "负零", "(0)", "-0.0万"} {
		t.Run(in, func(t *testing.T) {
			n, err := Parse(in)
			if err != nil {
				t.Fatal(err)
			}
			if n.Value != 0 || math.Signbit(n.Value) {
				t.Errorf("Parse(%q).Value = %v (signbit %v), want +0", in, n.Value, math.Signbit(n.Value))
			}
		})
	}
}

func TestParsePrefix(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   Number
		length int // -1: ok must be false
	}{
		{"count with unit", "12件", num(12, fInt), 2},
		{"han with unit", "三万零五十元", num(30050, fInt|fCN), len("三万零五十")},
		{"whole string", "1,204", num(1204, fInt), 5},
		{"thousands then comma", "1,204，其中", num(1204, fInt), 5},
		{"fullwidth then punctuation", "１２３。", num(123, fInt), len("１２３")},
		{"percent then text", "12.5%以上", num(12.5, fPct), 5},
		{"wanyuan", "1.2万元", num(12000, fInt|fCN), len("1.2万")},
		{"yi yuan", "3亿元", num(3e8, fInt|fCN), len("3亿")},
		{"trailing dot not consumed", "12.件", num(12, fInt), 2},
		{"trailing comma not consumed", "12,件", num(12, fInt), 2},
		{"leading space consumed", "  12 件", num(12, fInt), 4},
		{"ideographic space", "\u300012件", num(12, fInt), len("\u300012")},
		{"accounting then unit", "(12)件", num(-12, fInt|fSigned), 4},
		{"negative then unit", "-8件", num(-8, fInt|fSigned), 2},
		{"year then nian", "二〇二五年", num(2025, fInt|fCN), len("二〇二五")},
		{"chinese percent", "百分之五十的", num(50, fInt|fPct|fCN), len("百分之五十")},
		{"han colloquial then unit", "一千五百件", num(1500, fInt|fCN), len("一千五百")},
		{"range dash", "12-15", num(12, fInt), 2},
		{"approx yu after count", "1000余件", num(1000, fInt), 4},
		{"word starting with numeral", "一般", num(1, fInt|fCN), len("一")},
		{"space splits", "1 204", num(1, fInt), 1},
		{"close paren not ours", "1）", num(1, fInt), 1},
		{"open paren after", "12(含", num(12, fInt), 2},
		{"empty", "", Number{}, -1},
		{"spaces", "   ", Number{}, -1},
		{"text", "件数", Number{}, -1},
		{"placeholder", "—", Number{}, -1},
		{"sign only", "-件", Number{}, -1},
		{"negative word", "负责", Number{}, -1},
		{"positive word", "正在", Number{}, -1},
		{"wan alone", "万元", Number{}, -1},
		{"leading dot", ".5件", Number{}, -1},
		{"run on digits after group", "1,2345", Number{}, -1},
		{"run on bad group", "1,2", Number{}, -1},
		{"run on second dot", "1.2.3", Number{}, -1},
		{"run on han unit", "二〇二五万", Number{}, -1},
		{"run on arabic then small unit", "5千3", Number{}, -1},
		{"run on ten ten", "十十", Number{}, -1},
		{"run on two two ten", "二二十", Number{}, -1},
		{"run on percent", "1.2万%", Number{}, -1},
		{"clock time", "3点30分", Number{}, -1},
		{"han clock time", "十二点三十分", Number{}, -1},
		{"approx duo wan", "三十多万", Number{}, -1},
		{"approx yu wan", "1余万", Number{}, -1},
		{"too many digits", strings.Repeat("1", 50) + "件", Number{}, -1},
		{"unclosed paren", "(12件", Number{}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, length, ok := ParsePrefix(tc.in)
			if tc.length < 0 {
				if ok {
					t.Fatalf("ParsePrefix(%q) = %+v, %d, true; want not ok", tc.in, n, length)
				}
				if length != 0 || n != (Number{}) {
					t.Errorf("ParsePrefix(%q) not ok but returned %+v, %d", tc.in, n, length)
				}
				return
			}
			if !ok {
				t.Fatalf("ParsePrefix(%q) not ok, want %+v, %d", tc.in, tc.want, tc.length)
			}
			if length != tc.length || !sameNumber(n, tc.want) {
				t.Errorf("ParsePrefix(%q) = %+v, %d; want %+v, %d", tc.in, n, length, tc.want, tc.length)
			}
			p, err := Parse(tc.in[:length])
			if err != nil || p != n {
				t.Errorf("Parse(%q) = %+v, %v; want %+v as from ParsePrefix", tc.in[:length], p, err, n)
			}
		})
	}
}

func TestParsePrefixAgreesWithParse(t *testing.T) {
	for _, tc := range parseCases {
		if tc.err != nil {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			n, length, ok := ParsePrefix(tc.in)
			_, j := trimBounds(tc.in)
			if !ok || length != j || !sameNumber(n, tc.want) {
				t.Errorf("ParsePrefix(%q) = %+v, %d, %v; want %+v, %d, true", tc.in, n, length, ok, tc.want, j)
			}
		})
	}
}

func TestIsPlaceholder(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"/", true},
		{"／", true},
		{"//", true},
		{"\\", true},
		{"＼", true},
		{"-", true},
		{"--", true},
		{"---", true},
		{"—", true},
		{"——", true},
		{"－", true},
		{"－－", true},
		{"–", true},
		{"―", true},
		{"−", true},
		{"─", true},
		{"…", true},
		{"……", true},
		{"⋯⋯", true},
		{"...", true},
		{"..", true},
		{"无", true},
		{"暂无", true},
		{"无此项", true},
		{"不适用", true},
		{"不涉及", true},
		{"未涉及", true},
		{"N/A", true},
		{"n/a", true},
		{"NA", true},
		{"na", true},
		{"N.A.", true},
		{"Ｎ／Ａ", true},
		{" / ", true},
		{"\u3000—\u3000", true},
		{"\u00a0-\u00a0", true},
		{"", false},
		{"   ", false},
		{"\u3000", false},
		{".", false},
		{"0", false},
		{"-0", false},
		{"12", false},
		{"-8", false},
		{"一", false},
		{"无效", false},
		{"N", false},
		{"/-", false},
		{"- -", false},
		{"abc", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := IsPlaceholder(tc.in); got != tc.want {
				t.Errorf("IsPlaceholder(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"fullwidth digits", "１２３", "123"},
		{"fullwidth punctuation", "１，２０４．５％", "1,204.5%"},
		{"fullwidth minus and parens", "－（８）", "-(8)"},
		{"ideographic space", "a\u3000b", "a b"},
		{"keeps ideographic full stop", "共12件。", "共12件。"},
		{"keeps enumeration comma", "1、2", "1、2"},
		{"halfwidth full stop widened", "｡", "。"},
		{"fullwidth letters", "Ｎ／Ａ", "N/A"},
		{"han unchanged", "一千二百零四", "一千二百零四"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestFoldRuneMatchesWidth checks foldRune's shortcut for ASCII and CJK Unified
// Ideographs, and that it agrees with Fold on every rune.
func TestFoldRuneMatchesWidth(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		want := r
		if f := width.LookupRune(r).Folded(); f != 0 {
			want = f
		}
		if got := foldRune(r); got != want {
			t.Fatalf("foldRune(%U) = %U, want %U", r, got, want)
		}
		if r < 0x10000 {
			if got := Fold(string(r)); got != string(want) {
				t.Fatalf("Fold(%q) = %q, want %q", string(r), got, string(want))
			}
		}
	}
}

// Fold returns strings that need no folding as they are; it must agree with the
// transformer on every rune, on invalid UTF-8 and on mixed text.
func TestFoldMatchesTransformer(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if s := "a" + string(r) + "。"; Fold(s) != width.Fold.String(s) {
			t.Fatalf("Fold(%q) = %q, transformer %q", s, Fold(s), width.Fold.String(s))
		}
	}
	for _, s := range []string{"", "abc", "政府信息公开", "１２３万元", "\xff", "a\xe4\xb8", "（35.20）件\x80", "ｶﾀｶﾅ"} {
		if Fold(s) != width.Fold.String(s) {
			t.Errorf("Fold(%q) = %q, transformer %q", s, Fold(s), width.Fold.String(s))
		}
	}
}

func TestNumErrorMessage(t *testing.T) {
	tests := []struct {
		in       string
		contains string
		err      error
	}{
		{"12件", `unexpected '件' at byte 2`, ErrSyntax},
		{"12.", "incomplete number", ErrSyntax},
		{" ", "empty", ErrSyntax},
		{strings.Repeat("1", 41), "more than 40 digits", ErrRange},
		{strings.Repeat("x", 100), "…", ErrSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.contains, func(t *testing.T) {
			_, err := Parse(tc.in)
			if err == nil {
				t.Fatalf("Parse(%q) succeeded", tc.in)
			}
			if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.contains) || !strings.HasPrefix(err.Error(), "cnnum: ") {
				t.Errorf("Parse(%q) error = %q, want %v containing %q", tc.in, err, tc.err, tc.contains)
			}
		})
	}
}

var benchInputs = []string{
	"1,204", "96171.6", "24252.311082", "３２", "１，２０４", "0", "12", "-8", "+1036",
	"(1,204)", "12.5%", "１２．５％", "十二", "一千二百零四", "三万零五十", "二〇二五",
	"百分之十二点五", "1.2万", "1.5万亿", "壹仟贰佰零肆", " 37 ", "—", "/", "1,2",
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = Parse(benchInputs[i%len(benchInputs)])
	}
}

func BenchmarkParseValid(b *testing.B) {
	var valid []string
	for _, s := range benchInputs {
		if _, err := Parse(s); err == nil {
			valid = append(valid, s)
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = Parse(valid[i%len(valid)])
	}
}

func BenchmarkParsePrefix(b *testing.B) {
	inputs := []string{"12件", "三万零五十元", "1,204，其中", "12.5%以上", "二〇二五年", "件数", "1.2万元"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _, _ = ParsePrefix(inputs[i%len(inputs)])
	}
}

func BenchmarkIsPlaceholder(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = IsPlaceholder(benchInputs[i%len(benchInputs)])
	}
}

// refHan writes n (< 10^16) in Chinese numerals by the textbook rules: zeros at the end
// of a four-digit section are not read, zeros inside or at the start of a lower section
// are read as one 零, and a leading 一十 is shortened to 十.
func refHan(n uint64) string {
	if n == 0 {
		return "零"
	}
	return refHanBelow(n, true)
}

func refHanBelow(n uint64, top bool) string {
	split := func(unit uint64, name string, zeroBelow uint64) string {
		hi, lo := n/unit, n%unit
		s := refHanBelow(hi, top) + name
		if lo == 0 {
			return s
		}
		// Zeros are read at the start of the lower part, or when hi ends in a whole
		// section of zeros (1|0000|5000|0000 is 一万亿零五千万).
		if lo < zeroBelow || (hi >= 1e4 && hi%1e4 == 0) {
			s += "零"
		}
		return s + refHanBelow(lo, false)
	}
	switch {
	case n >= 1e8:
		return split(1e8, "亿", 1e7)
	case n >= 1e4:
		return split(1e4, "万", 1e3)
	}
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	units := []string{"", "十", "百", "千"}
	var b strings.Builder
	started, zero := false, false
	for e, p := 3, uint64(1000); e >= 0; e, p = e-1, p/10 {
		d := n / p % 10
		if d == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(top && !started && e == 1 && d == 1) {
			b.WriteString(digits[d])
		}
		b.WriteString(units[e])
		started = true
	}
	return b.String()
}

func TestRefHan(t *testing.T) {
	for n, want := range map[uint64]string{
		0: "零", 10: "十", 12: "十二", 110: "一百一十", 1204: "一千二百零四", 30050: "三万零五十",
		100010: "十万零一十", 10001000: "一千万一千", 300050000: "三亿零五万", 1000003000: "十亿零三千",
		1e12: "一万亿", 1000050000000: "一万亿零五千万",
	} {
		if got := refHan(n); got != want {
			t.Errorf("refHan(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestParseTextbookNumerals parses textbook Chinese numerals for every value below
// 200000 and for many random larger values, with and without a leading 一 before 十.
func TestParseTextbookNumerals(t *testing.T) {
	check := func(n uint64) {
		s := refHan(n)
		got, err := Parse(s)
		if err != nil || got.Value != float64(n) || !got.Integer || !got.Chinese {
			t.Fatalf("Parse(%s) = %+v, %v; want %d", s, got, err, n)
		}
		if strings.HasPrefix(s, "十") {
			s = "一" + s
			if got, err := Parse(s); err != nil || got.Value != float64(n) {
				t.Fatalf("Parse(%s) = %+v, %v; want %d", s, got, err, n)
			}
		}
		if p, length, ok := ParsePrefix(s + "件"); !ok || length != len(s) || p.Value != float64(n) {
			t.Fatalf("ParsePrefix(%s件) = %+v, %d, %v; want %d", s, p, length, ok, n)
		}
	}
	for n := uint64(0); n < 200000; n++ {
		check(n)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		// Values of every magnitude, with many zero digits.
		digits := 1 + rng.IntN(16)
		var n uint64
		for range digits {
			d := uint64(rng.IntN(10))
			if rng.IntN(3) == 0 {
				d = 0
			}
			n = n*10 + d
		}
		check(n)
	}
}
