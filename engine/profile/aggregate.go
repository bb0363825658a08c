package profile

import (
	"slices"
	"sync"
)

// Totals adds up, cell by cell, the tables of the reports an aggregate report sums (a
// district's report over its departments' and townships' reports, where the region's rules
// say it aggregates). It is safe for concurrent use.
type Totals struct {
	mu         sync.Mutex
	documents  []string
	unreadable []string
	cells      map[string]*AggregateCell
}

// NewTotals returns empty totals.
func NewTotals() *Totals { return &Totals{cells: map[string]*AggregateCell{}} }

// Aggregate is what rules see, in input.aggregate, of the component reports of an
// aggregate report: how many there are, and each cell's sum over them.
type Aggregate struct {
	Documents int      `json:"documents"`
	Paths     []string `json:"paths"`
	// Unreadable are components that could not be read: the sums leave them out, so no
	// total can be judged.
	Unreadable []string                  `json:"unreadable,omitempty"`
	Cells      map[string]*AggregateCell `json:"cells"`
}

// AggregateCell is one cell summed over the component reports: Sum of the numbers, Numbers
// how many components had a number there, Lacking the components that did not (a blank,
// a placeholder, a table that was not found), so that a rule can tell an incomplete sum
// from a wrong total.
type AggregateCell struct {
	Sum     float64  `json:"sum"`
	Numbers int      `json:"numbers"`
	Lacking []string `json:"lacking,omitempty"`
}

// Add counts one component report: every cell of every table template.
func (t *Totals) Add(f *Facts) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.documents = append(t.documents, f.Source.Path)
	for _, tb := range f.Tables {
		for _, r := range tb.Rows {
			if r.Kind == "group" && r.Values == 0 {
				continue
			}
			for _, c := range r.Cells {
				a := t.cells[c.Ref]
				if a == nil {
					a = &AggregateCell{}
					t.cells[c.Ref] = a
				}
				if c.State == StateNumber {
					a.Sum += c.Value
					a.Numbers++
				} else {
					a.Lacking = append(a.Lacking, f.Source.Path)
				}
			}
		}
	}
}

// Fail records a component that could not be read.
func (t *Totals) Fail(path string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.unreadable = append(t.unreadable, path)
}

// Attach gives f, the aggregate report, the totals as f.Aggregate. Paths are sorted so
// that the input does not depend on the order components were read in.
func (t *Totals) Attach(f *Facts) {
	t.mu.Lock()
	defer t.mu.Unlock()
	a := &Aggregate{Documents: len(t.documents), Paths: slices.Sorted(slices.Values(t.documents)),
		Unreadable: slices.Sorted(slices.Values(t.unreadable)), Cells: map[string]*AggregateCell{}}
	for ref, c := range t.cells {
		cp := *c
		cp.Lacking = slices.Sorted(slices.Values(c.Lacking))
		a.Cells[ref] = &cp
	}
	f.Aggregate = a
}
