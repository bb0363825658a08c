package profile

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// Summarize keeps the cells of the rows the profile marks carry, and nothing else; Link
// hands them to the next year's facts with their sources, and measures repeated text.
func TestSummarizeKeepsCarriedRows(t *testing.T) {
	src := sampleText(t)
	prev := apply(t, src)
	sum := Summarize(prev)
	var rows []string
	cells := 0
	for _, tb := range sum.tables {
		for _, r := range tb.Rows {
			for _, c := range r.Cells {
				rows = append(rows, c.Ref[:strings.LastIndex(c.Ref, ".")])
				cells++
			}
		}
	}
	rows = slices.Compact(slices.Sorted(slices.Values(rows)))
	if want := []string{"t2_1.normative", "t2_1.rules", "t3.carried_forward", "t3.carried_over"}; !slices.Equal(rows, want) {
		t.Fatalf("carried rows = %v, want %v", rows, want)
	}
	if sum.Year != 2023 || sum.Body == "" {
		t.Errorf("summary of %d, body %q", sum.Year, sum.Body)
	}

	cur := apply(t, src)
	Link(cur, sum)
	if cur.Previous == nil || len(cur.Previous.Cells) != cells {
		t.Fatalf("previous = %+v", cur.Previous)
	}
	ref := "t3.carried_forward.total"
	res, ok := cur.Resolve(PreviousRef(ref))
	if !ok || res.Path != prev.Source.Path {
		t.Errorf("Resolve(%s) = %+v, %v", PreviousRef(ref), res, ok)
	}
	if r := cur.Previous.Repeat; r.Share != 1 || r.Sentences == 0 || r.Repeated != r.Sentences {
		t.Errorf("a report compared with itself repeats %+v", r)
	}
	if got := slices.Sorted(maps.Keys(cur.Previous.Cells)); !slices.Contains(got, ref) {
		t.Errorf("previous cells %v lack %s", got, ref)
	}
}
