package lint

import (
	"cmp"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/profile"
)

// view builds the reviewer's view of a document from its facts (finding.View), when the
// linter keeps views: sections in template order, tables in document order (tables not
// found last, by reference), claims in document order.
func (l *Linter) view(f *profile.Facts) *finding.View {
	if !l.KeepView {
		return nil
	}
	v := &finding.View{}
	if f.Report.Title != nil {
		v.Title = f.Report.Title.Text
	}
	for _, s := range f.Sections {
		h := s.Heading
		if h == "" {
			h = s.Numeral + s.Title
		}
		// The text starts with the heading as written; the view shows it as the heading.
		text := strings.TrimPrefix(s.Text, strings.Join(strings.Fields(s.Heading), ""))
		v.Sections = append(v.Sections, finding.ViewSection{Ref: s.Ref, ID: s.ID, Heading: h, Found: s.Found, Text: text})
	}
	tables := make([]*profile.Table, 0, len(f.Tables))
	for _, t := range f.Tables {
		tables = append(tables, t)
	}
	slices.SortFunc(tables, func(a, b *profile.Table) int {
		if a.Found != b.Found {
			if a.Found {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(a.Span.Start.Page, b.Span.Start.Page); c != 0 && a.Found {
			return c
		}
		if c := cmp.Compare(a.Span.Start.Line, b.Span.Start.Line); c != 0 && a.Found {
			return c
		}
		if c := cmp.Compare(a.Span.Start.Col, b.Span.Start.Col); c != 0 && a.Found {
			return c
		}
		return cmp.Compare(a.Ref, b.Ref)
	})
	for _, t := range tables {
		vt := finding.ViewTable{Ref: t.Ref, Title: t.Title, Section: t.Section, Found: t.Found, Doubt: t.Doubt}
		for _, c := range t.Columns {
			vt.Columns = append(vt.Columns, finding.ViewColumn{ID: c, Label: t.ColumnLabels[c]})
		}
		for _, id := range t.RowOrder {
			r := t.Rows[id]
			if r == nil {
				continue
			}
			label := r.Written
			if label == "" {
				label = r.Label
			}
			vr := finding.ViewRow{Ref: r.Ref, Label: label, Found: r.Found, Group: len(r.Leaves) > 0 && len(r.Cells) == 0}
			for p := r.Parent; p != "" && vr.Depth < 8; vr.Depth++ {
				pr := t.Rows[p]
				if pr == nil {
					break
				}
				p = pr.Parent
			}
			if !vr.Group {
				for _, c := range t.Columns {
					cell := r.Cells[c]
					if cell == nil {
						vr.Cells = append(vr.Cells, finding.ViewCell{Ref: r.Ref + "." + c, State: profile.StateMissing})
						continue
					}
					vr.Cells = append(vr.Cells, finding.ViewCell{Ref: cell.Ref, Text: cell.Text, State: cell.State})
				}
			}
			vt.Rows = append(vt.Rows, vr)
		}
		v.Tables = append(v.Tables, vt)
	}
	for _, c := range f.Claims {
		vc := finding.ViewClaim{Ref: c.Ref, Section: c.Section, Text: c.Text}
		if len(c.Fields) > 0 {
			vc.Fields = map[string]string{}
			for _, fl := range c.Fields {
				vc.Fields[fl.Ref] = fl.Text
			}
		}
		v.Claims = append(v.Claims, vc)
	}
	return v
}
