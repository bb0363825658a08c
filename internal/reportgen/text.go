package reportgen

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isHan reports whether r is a CJK ideograph.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// spaceDigits puts a space between a run of ASCII digits and an adjacent Chinese
// character (2023年 → 2023 年), as text made from some PDFs and Word files has.
func spaceDigits(s string) string {
	var b strings.Builder
	var prev rune
	for i, r := range s {
		if i > 0 {
			d1, d2 := isDigit(prev), isDigit(r)
			if (d1 && isHan(r)) || (isHan(prev) && d2) {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// ParaText is a paragraph's or sub-heading's text as the report writes it.
func (r *Report) ParaText(b Block) string {
	s := b.Text()
	if r.Style.SpaceDigits && b.Kind != BHeading && b.Kind != BTitle {
		s = spaceDigits(s)
	}
	return s
}

// noBreak reports whether a line may not break between a and b: inside a run of digits,
// Latin letters and their punctuation, or before closing punctuation.
func noBreak(a, b rune) bool {
	word := func(r rune) bool {
		return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".%/-:@", r))
	}
	if word(a) && word(b) {
		return true
	}
	return strings.ContainsRune("，。；：、？！）》”’,.;:)%", b)
}

// wrapText breaks s into lines of about width characters, as a PDF's text layer does,
// never inside a number or before closing punctuation.
func wrapText(s string, width int) []string {
	rs := []rune(s)
	var lines []string
	for len(rs) > width {
		cut := width
		for cut > width/2 && noBreak(rs[cut-1], rs[cut]) {
			cut--
		}
		if cut <= width/2 {
			cut = width
			for cut < len(rs) && noBreak(rs[cut-1], rs[cut]) {
				cut++
			}
		}
		lines = append(lines, string(rs[:cut]))
		rs = rs[cut:]
	}
	if len(rs) > 0 {
		lines = append(lines, string(rs))
	}
	return lines
}

// RenderTXT writes the report as plain text: as exported from a PDF (wrapped lines, page
// numbers, tables broken over lines) or scraped from a portal page (one paragraph per
// line, tables as whitespace- or pipe-separated rows), as the report's style says.
func RenderTXT(r *Report) []byte {
	st := r.Style
	var lines []string
	add := func(ls ...string) { lines = append(lines, ls...) }
	pdf := st.TXT == "pdf"
	gap := func() {
		if pdf {
			add("")
		}
	}
	if st.TXTHeader {
		add("标题: "+r.Title, "发布时间: "+r.Published+" 09:30", "发布机构: "+r.Body.Name, "==================== 正文 ====================")
	}
	for _, b := range r.Blocks {
		switch b.Kind {
		case BTitle:
			if pdf && utf8.RuneCountInString(r.Title) > 22 {
				rs := []rune(r.Title)
				cut := len(rs) - 9
				add("", string(rs[:cut]), string(rs[cut:]), "")
			} else {
				add(r.Title, "")
			}
		case BHeading:
			gap()
			add(b.HeadingText())
			gap()
		case BSubheading:
			add(r.ParaText(b))
		case BPara:
			text := r.ParaText(b)
			if st.TXTWrap > 0 {
				add(wrapText(text, st.TXTWrap)...)
			} else {
				add(text)
			}
			gap()
		case BTable:
			if r.Omitted(b.Table) {
				continue
			}
			for _, g := range r.Grids(b.Table) {
				gap()
				add(r.txtGrid(g)...)
				gap()
			}
		}
	}
	if st.TXTPageNumbers {
		var out []string
		page := 1
		for i, l := range lines {
			out = append(out, l)
			if i > 0 && i%44 == 0 {
				out = append(out, "", fmt.Sprintf("- %d -", page), "")
				page++
			}
		}
		out = append(out, "", fmt.Sprintf("- %d -", page))
		lines = out
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// flat is a label with its line breaks removed.
func flat(s string) string { return strings.ReplaceAll(s, "\n", "") }

// width is the display width of s: two columns for a Chinese character.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func (r *Report) txtGrid(g Grid) []string {
	m := g.Matrix()
	var out []string
	switch r.Style.TXT {
	case "pdf":
		return r.pdfGrid(g, m)
	case "aligned":
		// Column widths from the cells of span 1.
		cw := make([]int, g.Cols)
		for _, row := range m {
			for j, s := range row {
				if s.Cell != nil && s.Origin && max(s.Cell.ColSpan, 1) == 1 {
					cw[j] = max(cw[j], width(flat(r.Text(s.Cell))))
				}
			}
		}
		for _, row := range m {
			var b strings.Builder
			for j := 0; j < g.Cols; {
				s := row[j]
				span := 1
				if s.Cell != nil {
					span = max(s.Cell.ColSpan, 1)
				}
				w := 0
				for k := j; k < j+span && k < g.Cols; k++ {
					w += cw[k] + 3
				}
				text := ""
				if s.Cell != nil && s.Origin {
					text = flat(r.Text(s.Cell))
				}
				if s.Cell != nil && s.Cell.Key != nil {
					b.WriteString(strings.Repeat(" ", max(0, w-width(text)-1)) + text + " ")
				} else {
					b.WriteString(text + strings.Repeat(" ", max(1, w-width(text))))
				}
				j += span
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
		return out
	}
	sep := map[string]string{"lines": " ", "tabs": "\t", "pipes": " | "}[r.Style.TXT]
	for _, row := range m {
		var cells []string
		for _, s := range row {
			if s.Cell == nil || !s.Origin {
				continue
			}
			text := r.Text(s.Cell)
			if s.Cell.Header && r.Style.TXT == "pipes" {
				text = strings.ReplaceAll(text, "\n", " ")
			}
			cells = append(cells, flat(text))
		}
		line := strings.Join(cells, sep)
		if r.Style.TXT == "pipes" {
			line += " |"
		}
		out = append(out, line)
	}
	return out
}

// pdfGrid writes a table as a PDF's text layer gives it: header labels broken where their
// columns are narrow, long row labels wrapped with their values on the following line, and
// the merged group labels (三、本年度办理结果) cut into short lines before their first row.
func (r *Report) pdfGrid(g Grid, m [][]Slot) []string {
	var out []string
	add := func(ls ...string) { out = append(out, ls...) }
	labelW := 18
	for i, row := range m {
		var vals []string
		var labels []*GCell
		header := false
		for _, s := range row {
			if s.Cell == nil || !s.Origin {
				continue
			}
			if s.Cell.Key != nil {
				vals = append(vals, r.Text(s.Cell))
			} else {
				labels = append(labels, s.Cell)
				header = header || s.Cell.Header
			}
		}
		if len(vals) == 0 {
			// A header row: each label on lines of its own, broken where it wraps.
			for _, c := range labels {
				text := c.Text
				if utf8.RuneCountInString(text) > 24 {
					add(wrapText(text, 24)...)
					continue
				}
				if g.Group == "t2" {
					text = flat(text)
				}
				add(strings.Split(text, "\n")...)
			}
			if g.Group == "t2" && len(labels) > 1 {
				// Table 2's header rows stay on one line: 信息内容 本年制发件数 …
				out = out[:len(out)-len(labels)]
				var ts []string
				for _, c := range labels {
					ts = append(ts, flat(c.Text))
				}
				add(strings.Join(ts, " "))
			}
			add("")
			continue
		}
		_ = i
		// Group labels spanning rows come first, cut into short lines.
		var label string
		for _, c := range labels {
			if max(c.RowSpan, 1) > 1 {
				add(wrapText(flat(c.Text), 3)...)
				add("")
				continue
			}
			label = flat(c.Text)
		}
		v := strings.Join(vals, " ")
		switch {
		case label == "":
			add(v)
		case utf8.RuneCountInString(label) <= labelW:
			add(label + " " + v)
		default:
			add(wrapText(label, labelW)...)
			add("")
			if len(vals) > 2 {
				add(strings.Join(vals[:len(vals)-1], " "), vals[len(vals)-1])
			} else {
				add(v)
			}
		}
		add("")
	}
	return out
}
