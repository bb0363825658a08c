package reportgen

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrapTextKeepsNumbersWhole(t *testing.T) {
	s := strings.Repeat("本年度共收到政府信息公开申请12345件，办结98.76%，", 6)
	lines := wrapText(s, 13)
	if strings.Join(lines, "") != s {
		t.Fatal("wrapping lost text")
	}
	for i := 1; i < len(lines); i++ {
		a, _ := utf8.DecodeLastRuneInString(lines[i-1])
		b, _ := utf8.DecodeRuneInString(lines[i])
		if noBreak(a, b) {
			t.Errorf("line %d breaks between %q and %q", i, a, b)
		}
	}
}

func TestSpaceDigits(t *testing.T) {
	if got := spaceDigits("2023年共收到申请18件（国办公开办函〔2021〕30号）"); got != "2023 年共收到申请 18 件（国办公开办函〔2021〕30 号）" {
		t.Fatalf("got %q", got)
	}
}

// Every grid fills its matrix: each position covered by exactly one cell, so every
// carrier prints the same columns.
func TestGridsAreRectangular(t *testing.T) {
	for i := range 80 {
		r := Generate(ReportSeed(5, i))
		for _, g := range append(append(r.Grids("t2"), r.Grids("t3")...), r.Grids("t4")...) {
			if len(g.Widths) != g.Cols {
				t.Fatalf("%s: %d widths for %d columns", g.Group, len(g.Widths), g.Cols)
			}
			values := 0
			for ri, row := range g.Matrix() {
				for ci, s := range row {
					if s.Cell == nil {
						t.Fatalf("report %d %s: row %d column %d is not covered", i, g.Group, ri, ci)
					}
					if s.Origin && s.Cell.Key != nil {
						values++
					}
				}
			}
			if g.Group == "t3" {
				want := len(t3Rows(r.Edition)) - 5 // the group rows have no values
				if r.Edition == Ed2019 {
					want++ // （六）其他处理 is a row of values
				}
				cols := 7
				if r.Style.SubtotalCol {
					cols = 8
				}
				if values != want*cols {
					t.Fatalf("report %d: table 3 has %d values, want %d", i, values, want*cols)
				}
			}
		}
	}
}

func TestDOCXMergesCells(t *testing.T) {
	r := Generate(21)
	for _, g := range r.Grids("t3") {
		x := r.docxTable(g)
		for _, want := range []string{`<w:gridSpan w:val="3"/>`, `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`} {
			if !strings.Contains(x, want) {
				t.Errorf("table 3 has no %s", want)
			}
		}
	}
}

// The HTML is a portal page: the article among navigation, and tables with spans.
func TestHTMLIsAPortalPage(t *testing.T) {
	for i := range 6 {
		r := Generate(ReportSeed(9, i))
		page := string(RenderHTML(r))
		for _, want := range []string{"首页", `rowspan="`, `colspan="`, r.Title, "</html>"} {
			if !strings.Contains(page, want) {
				t.Errorf("report %d: page has no %q", i, want)
			}
		}
	}
}

// Every narrative number that states a table quantity is tagged, so defects and the
// model check see it; the period statement is tagged for the period defects.
func TestNarrativeIsTagged(t *testing.T) {
	periods := 0
	for i := range 100 {
		r := Generate(ReportSeed(13, i))
		if periodSpan(r) != nil {
			periods++
		}
		for _, b := range r.Blocks {
			for _, s := range b.Spans {
				if s.Num == nil && strings.ContainsAny(s.Text, "0123456789") && s.Tag != "period" && !strings.Contains(s.Text, "〔") &&
					!strings.Contains(s.Text, "年") && !strings.Contains(s.Text, "邮编") && !strings.Contains(s.Text, "100%") && !strings.Contains(s.Text, "711") && !strings.Contains(s.Text, "个部分") && !strings.Contains(s.Text, "均为0") {
					t.Errorf("report %d: untagged number in %q", i, s.Text)
				}
			}
		}
	}
	if periods != 100 {
		t.Fatalf("%d of 100 reports state their period", periods)
	}
}
