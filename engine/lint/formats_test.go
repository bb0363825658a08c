package lint

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
)

// formatExtensions are the renderings of each fixture, the text one first.
func formatExtensions() []string { return []string{".txt", ".html", ".docx", ".pdf"} }

// TestSameFindingsInEveryFormat lints the same report rendered as text, HTML, DOCX and
// PDF (fixtures/formats, made by make.sh) and requires the same findings from each: the
// same rule ids, the same number of each. Only the form of the locations differs.
func TestSameFindingsInEveryFormat(t *testing.T) {
	l := newTestLinter(t)
	for _, name := range []string{"sample", "defect"} {
		t.Run(name, func(t *testing.T) {
			want := ""
			for _, ext := range formatExtensions() {
				path := filepath.Join("../../fixtures/formats", name+ext)
				r := l.Lint(context.Background(), path)
				if r.Err != nil {
					t.Fatalf("%s: %v", path, r.Err)
				}
				got := ruleCounts(r.Findings)
				if want == "" {
					want = got
					continue
				}
				if got != want {
					t.Errorf("%s gives %s, the text version %s", path, got, want)
				}
			}
			if name == "defect" && !strings.Contains(want, "T3-ROW-SUM×1") {
				t.Errorf("the defect is not found: %s", want)
			}
		})
	}
}

func ruleCounts(fs []finding.Finding) string {
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.RuleID]++
	}
	var parts []string
	for id, n := range counts {
		parts = append(parts, fmt.Sprintf("%s×%d", id, n))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// A PDF whose tables have no rulings is read by text alignment, which the importer says
// may be wrong: the clean sample then gets no error (what the reading got wrong is a
// warning that says why), and the importer's note is reported.
func TestBorderlessPDFHasNoFalseErrors(t *testing.T) {
	l := newTestLinter(t)
	r := l.Lint(context.Background(), "../../fixtures/formats/borderless.pdf")
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	doubted := 0
	for _, f := range r.Findings {
		if f.Level == finding.Error {
			t.Errorf("false error: %s %s", f.RuleID, f.Message)
		}
		if strings.Contains(f.Message, "该表格读取可能不准确") {
			doubted++
		}
	}
	counts := ruleCounts(r.Findings)
	if !strings.Contains(counts, "DOC-IMPORT×") || doubted == 0 {
		t.Errorf("findings %s, %d doubted", counts, doubted)
	}
}
