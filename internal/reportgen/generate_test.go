package reportgen

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestChinese(t *testing.T) {
	for n, want := range map[int]string{0: "零", 2: "二", 10: "十", 18: "十八", 20: "二十", 99: "九十九", 100: "一百", 105: "一百零五", 110: "一百一十", 1003: "一千零三", 2410: "二千四百一十"} {
		if got := Chinese(n); got != want {
			t.Errorf("Chinese(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	for _, seed := range []uint64{1, 42, 1 << 40} {
		a, b := Generate(seed), Generate(seed)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("seed %d: two reports differ", seed)
		}
		for _, c := range DirectCarriers() {
			x, err := Render(a, c)
			if err != nil {
				t.Fatal(err)
			}
			y, _ := Render(b, c)
			if !bytes.Equal(x, y) {
				t.Errorf("seed %d: %s differs", seed, c)
			}
		}
	}
}

// Every clean report's tables balance and every sentence is true of them.
func TestCleanReportsBreakNoRule(t *testing.T) {
	for i := range 600 {
		r := Generate(ReportSeed(7, i))
		if vs := Check(r); len(vs) > 0 {
			t.Fatalf("report %d (%s) breaks %v", i, r.Describe(), vs)
		}
	}
}

// The generator draws every kind of body, both editions, and small and big bodies.
func TestReportsVary(t *testing.T) {
	kinds := map[Kind]int{}
	eds := map[Edition]int{}
	zero, big := 0, 0
	for i := range 300 {
		r := Generate(ReportSeed(3, i))
		kinds[r.Body.Kind]++
		eds[r.Edition]++
		switch n := r.RowTotal("new_received"); {
		case n == 0:
			zero++
		case n >= 300:
			big++
		}
	}
	if len(kinds) != 4 || len(eds) != 2 || zero < 20 || big < 10 {
		t.Fatalf("kinds %v, editions %v, zero %d, big %d", kinds, eds, zero, big)
	}
}

// Each table or narrative defect breaks the rules it names in the model.
func TestDefectsBreakTheirRules(t *testing.T) {
	modelled := []string{"T3-ROW-SUM", "T3-COL-TOTAL", "T3-IDENTITY", "T4-SUM", "NAR-APPLICATIONS", "NAR-RESULTS", "NAR-RESULTS-SUM", "NAR-PERCENT", "NAR-REVIEW-LITIGATION", "NAR-NORMATIVE-DOCS"}
	for _, k := range DefectKinds() {
		t.Run(k.Name, func(t *testing.T) {
			applied := 0
			for i := range 200 {
				r := Generate(ReportSeed(11, i))
				d, def, err := Inject(r, k.Name, uint64(i))
				if err == ErrNotApplicable {
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				applied++
				if !reflect.DeepEqual(Check(r), []Violation(nil)) {
					t.Fatal("injecting changed the clean report")
				}
				got := Rules(Check(d))
				for _, rule := range def.Rules {
					if slices.Contains(modelled, rule) && !slices.Contains(got, rule) {
						t.Fatalf("report %d: %s does not break %s (breaks %v): %s", i, k.Name, rule, got, def.Detail)
					}
				}
			}
			if applied < 10 {
				t.Fatalf("applied to %d of 200 reports", applied)
			}
		})
	}
}

// Injected structural defects show in the text.
func TestStructuralDefectsShow(t *testing.T) {
	r := Generate(5)
	for kind, check := range map[string]func(clean, bad string) bool{
		"doc-sections": func(c, b string) bool { return len(b) < len(c) },
		"doc-period-missing": func(c, b string) bool {
			return strings.Contains(c, "统计期限") && !strings.Contains(b, "统计期限")
		},
		"doc-year": func(c, b string) bool { return c != b },
		"doc-section-order": func(c, b string) bool {
			return strings.Index(b, "六、") < strings.Index(b, "五、") || strings.Index(b, "六．") < strings.Index(b, "五．")
		},
		"doc-tables": func(c, b string) bool { return len(b) < len(c) },
	} {
		d, _, err := Inject(r, kind, 1)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		flat := func(r *Report) string { return strings.ReplaceAll(string(RenderTXT(r)), "\n", "") }
		if !check(flat(r), flat(d)) {
			t.Errorf("%s does not show in the text", kind)
		}
	}
}

func TestDOCXIsAZip(t *testing.T) {
	data, err := RenderDOCX(Generate(9))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if !slices.Contains(names, "word/document.xml") || !slices.Contains(names, "[Content_Types].xml") {
		t.Fatalf("parts %v", names)
	}
}

// Items balances the defect kinds over a set.
func TestItemsCoverEveryKind(t *testing.T) {
	counts := map[string]int{}
	for _, it := range Items(1, 60, 3) {
		counts[it.DefectKind]++
	}
	if counts[""] != 60 {
		t.Fatalf("clean reports %d", counts[""])
	}
	for _, k := range DefectKinds() {
		if counts[k.Name] < 3 {
			t.Errorf("%s injected %d times", k.Name, counts[k.Name])
		}
	}
}

// No two reports of a set share a body for the same or consecutive years: the linter would
// pair them as a report and its predecessor (lint --pair) though nothing relates them.
func TestItemsAvoidAccidentalPairs(t *testing.T) {
	const n = 500
	collisions := func(seeds []uint64) []string {
		seen := map[string][]int{}
		var bad []string
		for _, s := range seeds {
			r := Generate(s)
			if adjacentYear(seen[r.Body.Name], r.Year) {
				bad = append(bad, fmt.Sprintf("%s %d", r.Body.Name, r.Year))
			}
			seen[r.Body.Name] = append(seen[r.Body.Name], r.Year)
		}
		return bad
	}
	var plain, drawn []uint64
	for i, it := range Items(1, n, 0) {
		plain = append(plain, ReportSeed(1, i))
		drawn = append(drawn, it.Seed)
	}
	if len(collisions(plain)) == 0 {
		t.Fatalf("the first draws of %d reports have no body twice for adjacent years: the test proves nothing", n)
	}
	if bad := collisions(drawn); len(bad) > 0 {
		t.Errorf("%d reports share a body with another for the same or an adjacent year: %v", len(bad), bad)
	}
}
