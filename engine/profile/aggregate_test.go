package profile

import (
	"slices"
	"strings"
	"testing"
)

// Totals sum every cell over the components, count how many had a number, name those that
// did not, and record components that could not be read; Attach is independent of the
// order components were added in.
func TestTotals(t *testing.T) {
	src := sampleText(t)
	withApps := func(path, row string) *Facts {
		f := apply(t, strings.Replace(src, "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", "一、本年新收政府信息公开申请数量 "+row, 1))
		f.Source.Path = path
		return f
	}
	a, b := withApps("b.txt", "2 0 0 0 0 0 2"), withApps("a.txt", "/ 0 0 0 0 0 1")
	totals := NewTotals()
	totals.Add(a)
	totals.Add(b)
	totals.Fail("c.pdf")
	agg := withApps("district.txt", "2 0 0 0 0 0 3")
	totals.Attach(agg)
	got := agg.Aggregate
	if got.Documents != 2 || !slices.Equal(got.Paths, []string{"a.txt", "b.txt"}) || !slices.Equal(got.Unreadable, []string{"c.pdf"}) {
		t.Fatalf("aggregate = %d %v %v", got.Documents, got.Paths, got.Unreadable)
	}
	total := got.Cells["t3.new_received.total"]
	if total.Sum != 3 || total.Numbers != 2 || len(total.Lacking) != 0 {
		t.Errorf("total = %+v", total)
	}
	natural := got.Cells["t3.new_received.natural_person"]
	if natural.Sum != 2 || natural.Numbers != 1 || !slices.Equal(natural.Lacking, []string{"a.txt"}) {
		t.Errorf("natural person = %+v", natural)
	}
}
