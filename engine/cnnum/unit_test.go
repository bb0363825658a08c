package cnnum

import (
	"errors"
	"testing"
)

func TestIsSign(t *testing.T) {
	for _, r := range []rune{'+', '-', '−', '﹣', '﹢', '＋', '－'} {
		if !IsSign(r) {
			t.Errorf("IsSign(%q) = false", r)
		}
	}
	for _, r := range []rune{'—', '–', '正', '负', '0', '.', '/', '~'} {
		if IsSign(r) {
			t.Errorf("IsSign(%q) = true", r)
		}
	}
}

func TestParseUnit(t *testing.T) {
	units := []string{"件", "个", "元", "万元"}
	for _, tc := range []struct {
		name, in string
		want     Number
		unit     string
		err      error
	}{
		{"count with its unit", "3件", num(3, fInt), "件", nil},
		{"amount in yuan", "246900元", num(246900, fInt), "元", nil},
		{"ten-thousands of yuan is a unit, not a scale", "12.5万元", num(12.5, 0), "万元", nil},
		{"zero in ten-thousands", "0万元", num(0, fInt), "万元", nil},
		{"space before the unit", " 0 万元 ", num(0, fInt), "万元", nil},
		{"full-width digits", "３件", num(3, fInt), "件", nil},
		{"signed with a unit", "－2个", num(-2, fInt|fSigned), "个", nil},
		{"no unit", "17", num(17, fInt), "", nil},
		{"signed without a unit", "+17", num(17, fInt|fSigned), "", nil},
		{"unit alone", "元", Number{}, "", ErrSyntax},
		{"unknown unit", "3条", Number{}, "", ErrSyntax},
		{"two numbers", "1个246900元", Number{}, "", ErrSyntax},
		{"scale word before a unit", "1.2万件", num(12000, fInt|fCN), "件", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, unit, err := ParseUnit(tc.in, units)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("ParseUnit(%q) error = %v, want %v", tc.in, err, tc.err)
				}
				return
			}
			if err != nil || !sameNumber(n, tc.want) || unit != tc.unit {
				t.Fatalf("ParseUnit(%q) = %+v, %q, %v; want %+v, %q", tc.in, n, unit, err, tc.want, tc.unit)
			}
		})
	}
}
