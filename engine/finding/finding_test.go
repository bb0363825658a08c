package finding

import (
	"testing"

	"github.com/reportlint/reportlint/engine/document"
)

func TestLevelAtLeast(t *testing.T) {
	tests := []struct {
		l, threshold Level
		want         bool
	}{
		{Error, Error, true},
		{Warning, Error, false},
		{Warning, Warning, true},
		{Note, Warning, false},
		{Note, Note, true},
		{Error, Note, true},
		{Error, None, false},
	}
	for _, tt := range tests {
		if got := tt.l.AtLeast(tt.threshold); got != tt.want {
			t.Errorf("%s.AtLeast(%s) = %v, want %v", tt.l, tt.threshold, got, tt.want)
		}
	}
}

func TestParseLevel(t *testing.T) {
	for _, s := range []string{"error", "WARNING", " note ", "none"} {
		if _, err := ParseLevel(s); err != nil {
			t.Errorf("ParseLevel(%q): %v", s, err)
		}
	}
	if _, err := ParseLevel("fatal"); err == nil {
		t.Error("ParseLevel(fatal) succeeded")
	}
}

func at(line, col int) document.Span {
	return document.Span{Start: document.Pos{Line: line, Col: col}, End: document.Pos{Line: line, Col: col + 1}}
}

func TestFingerprintIgnoresLines(t *testing.T) {
	a := Finding{RuleID: "T3-ROW-SUM", Location: Location{Span: at(10, 3), Logical: "表三/一/总计", Ref: "t3.r1.total", Snippet: "7"}}
	b := a
	b.Location.Span = at(42, 9)
	a.ComputeFingerprint(0)
	b.ComputeFingerprint(0)
	if a.Fingerprint != b.Fingerprint {
		t.Fatalf("fingerprint changed when only the line moved: %s vs %s", a.Fingerprint, b.Fingerprint)
	}
	c := a
	c.Location.Snippet = "8"
	c.ComputeFingerprint(0)
	if c.Fingerprint == a.Fingerprint {
		t.Fatal("fingerprint did not change with the snippet")
	}
}

func TestSortDeterministicAndUnique(t *testing.T) {
	fs := []Finding{
		{RuleID: "B", Location: Location{Span: at(5, 1), Ref: "x"}},
		{RuleID: "A", Location: Location{Span: at(5, 1), Ref: "x"}},
		{RuleID: "A", Location: Location{Span: at(2, 1), Ref: "y"}},
		{RuleID: "A", Location: Location{Span: at(9, 1), Ref: "y"}},
	}
	Sort(fs)
	order := []string{"A@2", "A@5", "B@5", "A@9"}
	for i, f := range fs {
		got := f.RuleID + "@" + string(rune('0'+f.Location.Span.Start.Line))
		if got != order[i] {
			t.Fatalf("position %d: got %s, want %s", i, got, order[i])
		}
	}
	seen := map[string]bool{}
	for _, f := range fs {
		if seen[f.Fingerprint] {
			t.Fatalf("duplicate fingerprint %s", f.Fingerprint)
		}
		seen[f.Fingerprint] = true
	}
}

func TestCountsMax(t *testing.T) {
	var c Counts
	if c.Max() != None {
		t.Fatal("empty counts should be None")
	}
	c.Add(Result{Findings: []Finding{{Level: Note}, {Level: Warning}}})
	if c.Max() != Warning || c.Warning != 1 || c.Note != 1 {
		t.Fatalf("counts = %+v max %s", c, c.Max())
	}
}

func TestHasCategory(t *testing.T) {
	if !HasCategory([]string{"x", "narrative"}) || HasCategory([]string{"misc"}) || HasCategory(nil) {
		t.Fatal("HasCategory is wrong")
	}
}
