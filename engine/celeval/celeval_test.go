package celeval

import (
	"context"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
)

func facts() *profile.Facts {
	cell := func(ref, state string, v float64) *profile.Cell {
		return &profile.Cell{Ref: ref, State: state, Value: v, Text: "x", Type: "count", Integer: true}
	}
	row := &profile.Row{Ref: "t.r", ID: "r", Found: true, Kind: "data", Cells: map[string]*profile.Cell{
		"a":     cell("t.r.a", profile.StateNumber, 2),
		"b":     cell("t.r.b", profile.StateNumber, 3),
		"total": cell("t.r.total", profile.StateNumber, 6),
	}}
	blank := &profile.Row{Ref: "t.s", ID: "s", Found: true, Kind: "data", Cells: map[string]*profile.Cell{
		"a":     cell("t.s.a", profile.StateBlank, 0),
		"b":     cell("t.s.b", profile.StatePlaceholder, 0),
		"total": cell("t.s.total", profile.StateNumber, 0),
	}}
	return &profile.Facts{Tables: map[string]*profile.Table{"t": {
		Ref: "t", ID: "t", Found: true, Columns: []string{"a", "b", "total"},
		Rows: map[string]*profile.Row{"r": row, "s": blank}, RowOrder: []string{"r", "s"},
	}}}
}

const sumRule = `
rules:
  - id: ROW-SUM
    title: total is the sum
    level: error
    tags: [arithmetic]
    for: 'tables.t.row_order.map(id, tables.t.rows[id])'
    as: row
    let:
      expected: 'sum([row.cells.a, row.cells.b])'
      actual: 'num(row.cells.total)'
    assert: 'actual == expected'
    at: 'row.cells.total'
    related: '[row.cells.a, row.cells.b]'
    message: 'total should be {{expected}}, is {{actual}}'
`

func TestEvalFindingsAndNotAssessable(t *testing.T) {
	set, err := Load([]File{{Name: "r.yaml", Data: []byte(sumRule)}}, "p@1.0.0", Options{})
	if err != nil {
		t.Fatal(err)
	}
	raws, err := set.Eval(context.Background(), facts())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 {
		t.Fatalf("raws = %+v", raws)
	}
	f := raws[0]
	if f.RuleID != "ROW-SUM" || f.At != "t.r.total" || f.Message != "total should be 5, is 6" || len(f.Related) != 2 || f.NotAssessable {
		t.Errorf("finding = %+v", f)
	}
	na := raws[1]
	if !na.NotAssessable || strings.Join(na.Missing, ",") != "t.s.a,t.s.b" || na.At != "t.s.total" {
		t.Errorf("not assessable = %+v", na)
	}
}

func TestBlankAsZero(t *testing.T) {
	set, err := Load([]File{{Name: "r.yaml", Data: []byte(sumRule)}}, "p@1.0.0", Options{BlankAsZero: true})
	if err != nil {
		t.Fatal(err)
	}
	raws, _ := set.Eval(context.Background(), facts())
	// The placeholder still makes row s not assessable; only its blank reads as 0.
	if len(raws) != 2 || !raws[1].NotAssessable || strings.Join(raws[1].Missing, ",") != "t.s.b" {
		t.Fatalf("raws = %+v", raws)
	}
}

func TestLoadErrorsAreLocated(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En) // the assertions read the English messages
	bad := `
rules:
  - id: A
    title: typo in a field
    level: error
    tags: [arithmetic]
    for: 'tables.t.row_order.map(id, tables.t.rows[id])'
    as: row
    assert: 'row.celz.size() > 0'
    message: m
  - id: B
    title: no category
    level: fatal
    tags: [misc]
    assert: 'true'
    message: m
  - id: C
    title: fine
    level: note
    tags: [format]
    assert: 'true'
    message: m
  - id: C
    title: duplicate
    level: note
    tags: [format]
    assert: 'true'
    message: m
`
	_, err := Load([]File{{Name: "cel/bad.yaml", Data: []byte(bad)}}, "p@1.0.0", Options{})
	if err == nil {
		t.Fatal("Load succeeded")
	}
	msg := err.Error()
	for _, want := range []string{
		"cel/bad.yaml:9: rule A: assert:", "undefined field 'celz'",
		"cel/bad.yaml:11: rule B: level must be error, warning or note",
		"rule B: tags must include one of",
		"rule id C defined twice",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for in, want := range map[float64]string{3: "3", -2: "-2", 96171.6: "96171.6", 0.5: "0.5", 24252.311082: "24252.311082"} {
		if got := FormatNumber(in); got != want {
			t.Errorf("FormatNumber(%v) = %s, want %s", in, got, want)
		}
	}
}
