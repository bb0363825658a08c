package reportgen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// GCell is one cell of a table grid as printed: a label or a value, with its spans. A
// label may hold "\n" where a narrow column breaks it (商业\n企业).
type GCell struct {
	Text string
	// Key is set on value cells.
	Key              *CellKey
	RowSpan, ColSpan int
	// Header marks header cells; Left marks row labels (left-aligned).
	Header, Left bool
}

// Grid is a table as printed: rows of the cells that start in them (as HTML lists them),
// with the table's column count and relative column widths.
type Grid struct {
	// Group is t2, t3 or t4.
	Group  string
	Cols   int
	Widths []int
	Rows   [][]GCell
}

// Slot is one position of a grid's matrix: the cell covering it, and whether the cell
// starts there.
type Slot struct {
	Cell   *GCell
	Origin bool
}

// Matrix places every cell at the positions it covers.
func (g *Grid) Matrix() [][]Slot {
	m := make([][]Slot, len(g.Rows))
	for i := range m {
		m[i] = make([]Slot, g.Cols)
	}
	for i, row := range g.Rows {
		col := 0
		for j := range row {
			c := &row[j]
			for col < g.Cols && m[i][col].Cell != nil {
				col++
			}
			rs, cs := max(c.RowSpan, 1), max(c.ColSpan, 1)
			for di := 0; di < rs && i+di < len(m); di++ {
				for dj := 0; dj < cs && col+dj < g.Cols; dj++ {
					m[i+di][col+dj] = Slot{Cell: c, Origin: di == 0 && dj == 0}
				}
			}
			col += cs
		}
	}
	return m
}

// label applies the report's label style: ASCII brackets, straight quotes, a space after
// the item number.
func (r *Report) label(s string) string {
	st := r.Style
	if st.ASCIIBrackets {
		s = strings.NewReplacer("（", "(", "）", ")").Replace(s)
	}
	if st.StraightQuotes {
		s = strings.NewReplacer("“", "\"", "”", "\"").Replace(s)
	}
	if st.DotSpace && len(s) > 2 && s[0] >= '1' && s[0] <= '9' && s[1] == '.' {
		s = s[:2] + " " + s[2:]
	}
	return s
}

func (r *Report) caption(s string) string {
	if r.Style.CaptionSpace {
		s = strings.Replace(s, "第二十条第", "第二十条 第", 1)
	}
	return r.label(s)
}

// wrap breaks a short header label in two when the style says so.
func (r *Report) wrap(s string) string {
	if !r.Style.HeaderWrap {
		return s
	}
	rs := []rune(s)
	if len(rs) < 4 || len(rs) > 6 {
		return s
	}
	h := len(rs) / 2
	return string(rs[:h]) + "\n" + string(rs[h:])
}

// Grids returns the printed tables of a group: one grid, or one per block of table 2 when
// the style splits it. The widths are drawn from the report's seed, so every carrier
// prints the same columns.
func (r *Report) Grids(group string) []Grid {
	rng := newRand(r.Seed ^ 0x51ab1e)
	switch group {
	case "t2":
		return r.table2Grids(rng)
	case "t3":
		return []Grid{r.table3Grid(rng)}
	default:
		return []Grid{r.table4Grid(rng)}
	}
}

func key(t, row, col string) *CellKey { return &CellKey{t, row, col} }

func widths(rng *rand.Rand, label int, labelW, n int) []int {
	w := make([]int, 0, label+n)
	for range label {
		w = append(w, labelW+rng.IntN(labelW/2+1))
	}
	for range n {
		w = append(w, 6+rng.IntN(6))
	}
	return w
}

func (r *Report) table2Grids(rng *rand.Rand) []Grid {
	var blocks []TableSpec
	for _, t := range r.Specs() {
		if t.Group == "t2" {
			blocks = append(blocks, t)
		}
	}
	grid := func(cols int, bs []TableSpec) Grid {
		g := Grid{Group: "t2", Cols: 1 + cols, Widths: widths(rng, 1, 24, cols)}
		for _, b := range bs {
			g.Rows = append(g.Rows, []GCell{{Text: r.caption(b.Caption), ColSpan: 1 + cols, Header: true}})
			head := []GCell{{Text: "信息内容", Header: true}}
			for i, c := range b.Cols {
				span := 1
				if i == len(b.Cols)-1 {
					span = cols - len(b.Cols) + 1
				}
				head = append(head, GCell{Text: r.label(c.Label), ColSpan: span, Header: true})
			}
			g.Rows = append(g.Rows, head)
			for _, row := range b.Rows {
				cells := []GCell{{Text: row.Label, Left: true}}
				for i, c := range b.Cols {
					span := 1
					if i == len(b.Cols)-1 {
						span = cols - len(b.Cols) + 1
					}
					cells = append(cells, GCell{Key: key(b.ID, row.ID, c.ID), ColSpan: span})
				}
				g.Rows = append(g.Rows, cells)
			}
		}
		return g
	}
	if r.Style.T2Split {
		var out []Grid
		for _, b := range blocks {
			out = append(out, grid(len(b.Cols), []TableSpec{b}))
		}
		return out
	}
	return []Grid{grid(3, blocks)}
}

func (r *Report) table3Grid(rng *rand.Rand) Grid {
	spec, _ := Spec(r.Edition, "t3")
	sub := r.Style.SubtotalCol
	nv := 7
	if sub {
		nv = 8
	}
	g := Grid{Group: "t3", Cols: 3 + nv}
	g.Widths = append([]int{4 + rng.IntN(3), 6 + rng.IntN(6), 18 + rng.IntN(14)}, widths(rng, 0, 0, nv)...)
	note := "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	if r.Style.ASCIIBrackets {
		note = r.label(note)
	}
	if r.Style.BareNote {
		note = strings.Trim(note, "（）()")
	}
	kinds := []string{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}
	if sub {
		g.Rows = append(g.Rows,
			[]GCell{{Text: note, RowSpan: 2, ColSpan: 3, Header: true}, {Text: "申请人情况", ColSpan: nv, Header: true}})
		row := []GCell{{Text: r.wrap("自然人"), Header: true}, {Text: "法人或其他组织", Header: true}}
		for _, k := range kinds {
			row = append(row, GCell{Text: r.wrap(k), Header: true})
		}
		g.Rows = append(g.Rows, append(row, GCell{Text: "总计", Header: true}))
	} else {
		g.Rows = append(g.Rows,
			[]GCell{{Text: note, RowSpan: 3, ColSpan: 3, Header: true}, {Text: "申请人情况", ColSpan: 7, Header: true}},
			[]GCell{{Text: r.wrap("自然人"), RowSpan: 2, Header: true}, {Text: "法人或其他组织", ColSpan: 5, Header: true}, {Text: "总计", RowSpan: 2, Header: true}})
		var row []GCell
		for _, k := range kinds {
			row = append(row, GCell{Text: r.wrap(k), Header: true})
		}
		g.Rows = append(g.Rows, row)
	}
	values := func(row string) []GCell {
		var out []GCell
		for i, c := range t3Cols {
			out = append(out, GCell{Key: key("t3", row, c.ID)})
			if sub && i == 0 {
				out = append(out, GCell{Key: key("t3", row, "legal_subtotal")})
			}
		}
		return out
	}
	// Rows under 三、本年度办理结果.
	under := 0
	for _, row := range spec.Rows {
		if row.ID != "results" && isUnder(spec, row.ID, "results") && !row.Group {
			under++
		}
	}
	children := func(group string) int {
		n := 0
		for _, row := range spec.Rows {
			if row.Parent == group {
				n++
			}
		}
		return n
	}
	firstUnder := true
	for _, row := range spec.Rows {
		if row.Group {
			continue
		}
		var cells []GCell
		switch {
		case row.Parent == "":
			cells = []GCell{{Text: r.label(row.Label), ColSpan: 3, Left: true}}
		default:
			if firstUnder {
				cells = append(cells, GCell{Text: r.label("三、本年度办理结果"), RowSpan: under})
				firstUnder = false
			}
			if row.Parent == "results" {
				cells = append(cells, GCell{Text: r.label(row.Label), ColSpan: 2, Left: true})
				break
			}
			if p, _ := spec.Row(row.Parent); firstChild(spec, row.ID) {
				cells = append(cells, GCell{Text: r.label(p.Label), RowSpan: children(row.Parent)})
			}
			cells = append(cells, GCell{Text: r.label(row.Label), Left: true})
		}
		g.Rows = append(g.Rows, append(cells, values(row.ID)...))
	}
	return g
}

func firstChild(spec TableSpec, row string) bool {
	r, _ := spec.Row(row)
	for _, x := range spec.Rows {
		if x.Parent == r.Parent {
			return x.ID == row
		}
	}
	return false
}

func (r *Report) table4Grid(rng *rand.Rand) Grid {
	g := Grid{Group: "t4", Cols: 15, Widths: widths(rng, 0, 0, 15)}
	parts := []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
	row1 := []GCell{}
	for _, p := range parts {
		row1 = append(row1, GCell{Text: r.wrap(p), RowSpan: 2, Header: true})
	}
	row1 = append(row1, GCell{Text: "未经复议直接起诉", ColSpan: 5, Header: true}, GCell{Text: "复议后起诉", ColSpan: 5, Header: true})
	var row2 []GCell
	for range 2 {
		for _, p := range parts {
			row2 = append(row2, GCell{Text: r.wrap(p), Header: true})
		}
	}
	var data []GCell
	for _, c := range t4Cols {
		data = append(data, GCell{Key: key("t4", "cases", c.ID)})
	}
	g.Rows = [][]GCell{
		{{Text: "行政复议", ColSpan: 5, Header: true}, {Text: "行政诉讼", ColSpan: 10, Header: true}},
		row1, row2, data,
	}
	return g
}

// Text is what a grid cell shows: its label, or its value as the report writes it. The
// subtotal column some reports add is the sum of the five organisation columns.
func (r *Report) Text(c *GCell) string {
	if c.Key == nil {
		return c.Text
	}
	if c.Key.Col == "legal_subtotal" {
		sum := 0.0
		for _, col := range ApplicantCols()[1:] {
			sum += r.Values[CellKey{"t3", c.Key.Row, col}]
		}
		return formatInt(sum)
	}
	return r.CellText(*c.Key)
}

func formatInt(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
