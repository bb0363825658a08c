package cnnum

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

// FuzzParse checks that nothing panics and that Parse, ParsePrefix, Fold and
// IsPlaceholder agree with each other on arbitrary input.
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		if len(tc.in) < 200 {
			f.Add(tc.in)
		}
	}
	for _, s := range []string{
		"12件", "三万零五十元", "1,204，其中", "（1,204）", "百分之五十的", "3点30分", "三十多万",
		"二〇二五年", "一千五百件", "１２．５％以上", "—", "N/A", "不适用", "\u3000１２\u3000",
	} {
		f.Add(s)
	}
	f.Fuzz(checkInvariants)
}

// checkInvariants checks everything FuzzParse promises about one input.
func checkInvariants(t *testing.T, s string) {
	t.Helper()
	n, err := Parse(s)
	if err == nil {
		checkParsed(t, s, n)
	} else {
		checkParseError(t, s, err)
	}
	checkFolded(t, s, n, err)
	checkPrefix(t, s, n, err)
}

// checkParsed checks a number Parse read from s: finite, no negative zero, negative only
// with a sign, Integer only without a fraction, and s not a placeholder.
func checkParsed(t *testing.T, s string, n Number) {
	t.Helper()
	if math.IsInf(n.Value, 0) || math.IsNaN(n.Value) {
		t.Fatalf("Parse(%q).Value = %v, not finite", s, n.Value)
	}
	if math.Signbit(n.Value) && n.Value == 0 {
		t.Fatalf("Parse(%q).Value is negative zero", s)
	}
	if n.Value < 0 && !n.Signed {
		t.Fatalf("Parse(%q) = %+v: negative without a sign", s, n)
	}
	if n.Integer && n.Value != math.Trunc(n.Value) {
		t.Fatalf("Parse(%q) = %+v: Integer but value has a fraction", s, n)
	}
	if IsPlaceholder(s) {
		t.Fatalf("%q is both a number and a placeholder", s)
	}
}

// checkParseError checks the error Parse gave for s: a *NumError wrapping ErrSyntax or
// ErrRange, with an offset inside s.
func checkParseError(t *testing.T, s string, err error) {
	t.Helper()
	var ne *NumError
	if !errors.As(err, &ne) || (!errors.Is(err, ErrSyntax) && !errors.Is(err, ErrRange)) {
		t.Fatalf("Parse(%q) error %v is not a *NumError wrapping ErrSyntax or ErrRange", s, err)
	}
	if ne.Offset < 0 || ne.Offset > len(s) {
		t.Fatalf("Parse(%q) error offset %d out of range", s, ne.Offset)
	}
	_ = err.Error()
}

// checkFolded checks that folding s first changes nothing: Parse(Fold(s)) gives what
// Parse(s) gave (n, err).
func checkFolded(t *testing.T, s string, n Number, err error) {
	t.Helper()
	fs := Fold(s)
	fn, ferr := Parse(fs)
	if (err == nil) != (ferr == nil) {
		t.Fatalf("Parse(%q) error %v but Parse(Fold) = Parse(%q) error %v", s, err, fs, ferr)
	}
	if err == nil && fn != n {
		t.Fatalf("Parse(%q) = %+v but Parse(%q) = %+v", s, n, fs, fn)
	}
}

// checkPrefix checks that ParsePrefix(s) stays in bounds, ends on a rune boundary and
// agrees with Parse, which gave n, err for s.
func checkPrefix(t *testing.T, s string, n Number, err error) {
	t.Helper()
	pn, length, ok := ParsePrefix(s)
	if length < 0 || length > len(s) {
		t.Fatalf("ParsePrefix(%q) length %d out of range", s, length)
	}
	if !ok {
		if length != 0 || pn != (Number{}) {
			t.Fatalf("ParsePrefix(%q) not ok but returned %+v, %d", s, pn, length)
		}
		if err == nil {
			t.Fatalf("Parse(%q) = %+v but ParsePrefix is not ok", s, n)
		}
		return
	}
	if length == 0 {
		t.Fatalf("ParsePrefix(%q) ok with length 0", s)
	}
	if !onRuneBoundary(s, length) {
		t.Fatalf("ParsePrefix(%q) length %d not on a rune boundary", s, length)
	}
	if math.IsInf(pn.Value, 0) || math.IsNaN(pn.Value) {
		t.Fatalf("ParsePrefix(%q).Value = %v, not finite", s, pn.Value)
	}
	p, perr := Parse(s[:length])
	if perr != nil || p != pn {
		t.Fatalf("ParsePrefix(%q) = %+v, %d but Parse(%q) = %+v, %v", s, pn, length, s[:length], p, perr)
	}
	if err == nil {
		_, j := trimBounds(s)
		if pn != n || length != j {
			t.Fatalf("Parse(%q) = %+v but ParsePrefix = %+v, %d (want length %d)", s, n, pn, length, j)
		}
	}
}

// TestInvariantsExhaustive runs the fuzz checks on every string of up to four tokens
// from an alphabet of the characters that matter, so CI covers the grammar's corners
// without a fuzzing run.
func TestInvariantsExhaustive(t *testing.T) {
	alphabet := []string{
		"0", "1", "5", ",", ".", "-", "(", ")", "%", " ", "件",
		"零", "一", "二", "两", "十", "百", "千", "万", "亿", "点", "负", "百分之", "多",
	}
	var gen func(prefix string, depth int)
	gen = func(prefix string, depth int) {
		checkInvariants(t, prefix)
		if depth == 0 || t.Failed() {
			return
		}
		for _, a := range alphabet {
			gen(prefix+a, depth-1)
		}
	}
	depth := 4
	if testing.Short() {
		depth = 3
	}
	gen("", depth)
}

// FuzzValue checks values against strconv.ParseFloat on plain decimal strings.
func FuzzValue(f *testing.F) {
	f.Add(uint64(96171), uint64(6), uint8(1), false)
	f.Add(uint64(24252), uint64(311082), uint8(6), true)
	f.Add(uint64(1), uint64(5), uint8(2), false)
	f.Fuzz(func(t *testing.T, i, frac uint64, zeros uint8, neg bool) {
		s := strconv.FormatUint(i, 10)
		if zeros > 0 {
			fs := strconv.FormatUint(frac, 10)
			for len(fs) < int(zeros%30) {
				fs = "0" + fs
			}
			s += "." + fs
		}
		if len(s) > 41 {
			t.Skip("more digits than Parse accepts")
		}
		if neg {
			s = "-" + s
		}
		n, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(%q): %v", s, err)
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		if want == 0 {
			want = 0
		}
		if n.Value != want {
			t.Fatalf("Parse(%q).Value = %v, strconv says %v", s, n.Value, want)
		}
	})
}

// onRuneBoundary reports whether byte offset n of s falls between runes as a range loop
// decodes them (an invalid byte counts as a one-byte rune).
func onRuneBoundary(s string, n int) bool {
	for i := range s {
		if i == n {
			return true
		}
		if i > n {
			return false
		}
	}
	return n == len(s)
}
