package lint

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/profile"
)

// describeResult prints what a user sees of a result: every finding with its place,
// level, message and related places, and the source lines shown.
func describeResult(r finding.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s err=%v\n", r.Path, r.Err)
	for _, f := range r.Findings {
		s := f.Location.Span.Start
		fmt.Fprintf(&b, "  %s %s %d:%d:%d %s %s\n", f.RuleID, f.Level, s.Page, s.Line, s.Col, f.Location.Logical, f.Message)
		for _, rel := range f.Related {
			rs := rel.Span.Start
			fmt.Fprintf(&b, "    related %s %d:%d:%d %s %s\n", rel.Path, rs.Page, rs.Line, rs.Col, rel.Logical, rel.Message)
		}
		if line, ok := r.Lines[finding.LineKey{Page: s.Page, Line: s.Line}]; ok {
			fmt.Fprintf(&b, "    | %s\n", line)
		}
	}
	return b.String()
}

// A sweep pairs each report with the same body's report for the year before from its
// summary alone, in a second pass over summaries; linting the report with that previous
// report named explicitly (--previous), from its whole facts, gives the same result.
func TestSweepPairsAsExplicitPrevious(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "20*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("corpus: %v %v", files, err)
	}
	ctx := context.Background()
	l := newTestLinter(t)
	l.Pair = true
	swept := map[string]finding.Result{}
	if err := l.Run(ctx, files, func(r finding.Result) error { swept[r.Path] = r; return nil }); err != nil {
		t.Fatal(err)
	}
	type key struct {
		body string
		year int
	}
	byKey := map[key]string{}
	sums := map[string]*profile.Summary{}
	for _, f := range files {
		d, err := l.Extract(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		s := profile.Summarize(d.Facts)
		sums[f] = s
		if _, ok := byKey[key{s.Body, s.Year}]; !ok {
			byKey[key{s.Body, s.Year}] = f
		}
	}
	paired, cross := 0, 0
	for _, f := range files {
		s := sums[f]
		prev, ok := byKey[key{s.Body, s.Year - 1}]
		if !ok || s.Body == "" {
			if got, want := describeResult(swept[f]), describeResult(l.Lint(ctx, f)); got != want {
				t.Errorf("unpaired %s: sweep gives\n%s\nalone\n%s", f, got, want)
			}
			continue
		}
		paired++
		single := *l
		single.Previous = prev
		single.Pair = false
		var want finding.Result
		if err := single.Run(ctx, []string{f}, func(r finding.Result) error { want = r; return nil }); err != nil {
			t.Fatal(err)
		}
		if got, w := describeResult(swept[f]), describeResult(want); got != w {
			t.Errorf("%s paired with %s: sweep gives\n%s\n--previous gives\n%s", f, prev, got, w)
		}
		for _, x := range want.Findings {
			if x.RuleID == "T2-STOCK" || x.RuleID == "T3-XY" || x.RuleID == "DOC-REPEAT" {
				cross++
			}
		}
	}
	if paired < 3 || cross == 0 {
		t.Errorf("%d reports paired, %d cross-year findings: the corpus no longer exercises pairing", paired, cross)
	}
}

// A sweep gives the same results whether it keeps its documents in memory between its
// passes or in its temporary file.
func TestSweepSpillsToAFile(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "20*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("corpus: %v %v", files, err)
	}
	// The aggregate report is kept whole in memory even when the others are spilled.
	run := func(after int, aggregate string) []string {
		defer func(old int) { spillAfter = old }(spillAfter)
		spillAfter = after
		l := newTestLinter(t)
		l.Pair = true
		l.Aggregate = aggregate
		var out []string
		if err := l.Run(context.Background(), files, func(r finding.Result) error {
			out = append(out, describeResult(r))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, agg := range []string{"", files[3]} {
		mem, spilled := run(1000, agg), run(2, agg)
		if len(mem) != len(files) || strings.Join(mem, "") != strings.Join(spilled, "") {
			t.Errorf("aggregate %q: in memory\n%s\nspilled\n%s", agg, strings.Join(mem, ""), strings.Join(spilled, ""))
		}
	}
}
