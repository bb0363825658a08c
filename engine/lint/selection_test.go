package lint

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
)

func TestSelectionKeeps(t *testing.T) {
	tests := []struct {
		name string
		sel  Selection
		id   string
		tags []string
		want bool
	}{
		{"everything by default", Selection{}, "T3-ROW-SUM", []string{"arithmetic"}, true},
		{"selected by id", Selection{Select: []string{"T3-ROW-SUM"}}, "T3-ROW-SUM", nil, true},
		{"not selected", Selection{Select: []string{"T4-SUM"}}, "T3-ROW-SUM", nil, false},
		{"selected by pattern", Selection{Select: []string{"T3-*"}}, "T3-ROW-SUM", nil, true},
		{"selected by tag", Selection{Select: []string{"arithmetic"}}, "T3-ROW-SUM", []string{"arithmetic"}, true},
		{"ignored by id", Selection{Ignore: []string{"DOC-DEADLINE"}}, "DOC-DEADLINE", nil, false},
		{"ignore beats select", Selection{Select: []string{"metadata"}, Ignore: []string{"DOC-*"}}, "DOC-DEADLINE", []string{"metadata"}, false},
		{"a pattern is not a prefix", Selection{Select: []string{"T3"}}, "T3-ROW-SUM", nil, false},
	}
	for _, tc := range tests {
		if got := tc.sel.Keeps(tc.id, tc.tags); got != tc.want {
			t.Errorf("%s: Keeps(%s) = %v", tc.name, tc.id, got)
		}
	}
}

func TestSelectionCheck(t *testing.T) {
	rules := []finding.Rule{{ID: "T3-ROW-SUM", Tags: []string{"arithmetic"}}, {ID: "DOC-DEADLINE", Tags: []string{"metadata"}}}
	ok := Selection{Select: []string{"arithmetic", "DOC-*"}, Ignore: []string{"T3-ROW-SUM"}, Levels: map[string]finding.Level{"DOC-DEADLINE": finding.Note}}
	if err := ok.Check(rules); err != nil {
		t.Fatalf("valid selection rejected: %v", err)
	}
	bad := Selection{Select: []string{"T3-ROWSUM", "[x"}, Levels: map[string]finding.Level{"NOPE": finding.Note}}
	err := bad.Check(rules)
	if err == nil {
		t.Fatal("typos accepted")
	}
	for _, want := range []string{`"T3-ROWSUM"`, `"[x"（模式有误）`, `"NOPE"（级别设置）`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

// A selection applies to the findings of a real run and to the rules the reporters list:
// ignored rules disappear, levels change, and not-assessable notes stay notes.
func TestSelectionOnSample(t *testing.T) {
	l := newTestLinter(t)
	before := l.Lint(context.Background(), sample)
	if !slices.ContainsFunc(before.Findings, func(f finding.Finding) bool { return f.RuleID == "FEE-STATEMENT" }) {
		t.Fatalf("the sample should have a FEE-STATEMENT warning: %+v", before.Findings)
	}
	l.Selection = &Selection{Ignore: []string{"DOC-ALL-ZERO"}, Levels: map[string]finding.Level{"FEE-STATEMENT": finding.Error}}
	after := l.Lint(context.Background(), sample)
	if len(after.Findings) != len(before.Findings)-1 {
		t.Fatalf("findings %+v", after.Findings)
	}
	for _, f := range after.Findings {
		if f.RuleID == "DOC-ALL-ZERO" || (f.RuleID == "FEE-STATEMENT" && f.Level != finding.Error) {
			t.Errorf("selection not applied: %+v", f)
		}
	}
	for _, r := range l.Rules() {
		if r.ID == "DOC-ALL-ZERO" || (r.ID == "FEE-STATEMENT" && r.Level != finding.Error) {
			t.Errorf("rule list not adjusted: %+v", r)
		}
	}
	// The packs themselves are untouched.
	for _, p := range l.Packs {
		if r, ok := p.Rule("FEE-STATEMENT"); ok && r.Level != finding.Warning {
			t.Errorf("pack %s rule changed: %+v", p.Ref(), r)
		}
		// The packs sharing govinfo-common's rules (not govinfo-pre2019) keep DOC-ALL-ZERO.
		if slices.Contains(p.Include, "govinfo-common") && !slices.ContainsFunc(p.Rules(), func(r finding.Rule) bool { return r.ID == "DOC-ALL-ZERO" }) {
			t.Errorf("pack %s lost DOC-ALL-ZERO", p.Ref())
		}
	}
}
