package pdf

import "testing"

// Tables of unequal widths stacked into one ruled grid (LibreOffice prints an HTML page's
// consecutive tables that way) leave an empty L-shaped margin beside the narrower ones: a
// region that is not a rectangle but holds no text, so nothing is lost by reading its grid
// cells apart and the table is not irregular. The same region with text in it is.
func TestEmptyIrregularMarginIsNotIrregular(t *testing.T) {
	// One column 0–100 (y 0–40), two columns 0–200 (y 40–80), three columns 0–300 (y 80–120).
	rules := []seg{
		{0, 0, 100, 0}, {0, 20, 100, 20}, {0, 40, 200, 40}, {0, 60, 200, 60},
		{0, 80, 300, 80}, {0, 100, 300, 100}, {0, 120, 300, 120},
		{0, 0, 0, 120}, {100, 0, 100, 120}, {200, 40, 200, 120}, {300, 80, 300, 120},
	}
	glyphAt := func(x, y float64) glyph {
		return glyph{r: '字', x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5, size: 10}
	}
	var gs []glyph
	for _, c := range [][2]float64{{50, 10}, {50, 30}, {50, 50}, {150, 50}, {50, 70}, {150, 70}, {50, 90}, {150, 90}, {250, 90}, {50, 110}, {150, 110}, {250, 110}} {
		gs = append(gs, glyphAt(c[0], c[1]))
	}
	for _, tc := range []struct {
		name      string
		extra     []glyph
		irregular bool
	}{
		{"an empty margin", nil, false},
		{"text in the margin", []glyph{glyphAt(250, 30)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tables, _ := latticeTables(1, rules, append(append([]glyph(nil), gs...), tc.extra...))
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			if tables[0].irregular != tc.irregular {
				t.Errorf("irregular = %v, want %v", tables[0].irregular, tc.irregular)
			}
		})
	}
}
