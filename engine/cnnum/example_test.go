package cnnum_test

import (
	"fmt"

	"github.com/reportlint/reportlint/engine/cnnum"
)

func ExampleParse() {
	for _, s := range []string{"1,204", "１２．５％", "三万零五十", "二〇二五", "1.2万", "（1,204）", "12件"} {
		n, err := cnnum.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s = %v integer=%v signed=%v percent=%v chinese=%v\n",
			s, n.Value, n.Integer, n.Signed, n.Percent, n.Chinese)
	}
	// Output:
	// 1,204 = 1204 integer=true signed=false percent=false chinese=false
	// １２．５％ = 12.5 integer=false signed=false percent=true chinese=false
	// 三万零五十 = 30050 integer=true signed=false percent=false chinese=true
	// 二〇二五 = 2025 integer=true signed=false percent=false chinese=true
	// 1.2万 = 12000 integer=true signed=false percent=false chinese=true
	// （1,204） = -1204 integer=true signed=true percent=false chinese=false
	// cnnum: parsing "12件": invalid syntax: unexpected '件' at byte 2
}

func ExampleParsePrefix() {
	s := "三万零五十元"
	n, length, ok := cnnum.ParsePrefix(s)
	fmt.Println(n.Value, ok, s[length:])
	// Output: 30050 true 元
}

func ExampleIsPlaceholder() {
	for _, s := range []string{"——", "／", "不适用", "0", ""} {
		fmt.Printf("%q %v\n", s, cnnum.IsPlaceholder(s))
	}
	// Output:
	// "——" true
	// "／" true
	// "不适用" true
	// "0" false
	// "" false
}
