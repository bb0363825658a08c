package lint

import (
	"context"
	"fmt"
	"os"
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
// may be wrong: the clean sample then gets no error, the importer's notes are reported,
// and otherwise the findings of the text version: every table, table 2 whose blocks are
// small tables of their own too, is read in full.
func TestBorderlessPDFHasNoFalseErrors(t *testing.T) {
	l := newTestLinter(t)
	r := l.Lint(context.Background(), "../../fixtures/formats/borderless.pdf")
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var read []finding.Finding
	for _, f := range r.Findings {
		if f.Level == finding.Error {
			t.Errorf("false error: %s %s", f.RuleID, f.Message)
		}
		if f.RuleID != "DOC-IMPORT" {
			read = append(read, f)
		}
	}
	if counts := ruleCounts(r.Findings); !strings.Contains(counts, "DOC-IMPORT×") {
		t.Errorf("findings %s", counts)
	}
	text := l.Lint(context.Background(), "../../fixtures/formats/sample.txt")
	if got, want := ruleCounts(read), ruleCounts(text.Findings); got != want {
		t.Errorf("findings besides the importer's notes %s, the text version %s", got, want)
	}
}

// An error located in a table the importer noted it may have misread is reported as a
// warning carrying the importer's doubt; the same error elsewhere stays an error.
func TestErrorsInDoubtedTablesAreWarnings(t *testing.T) {
	row := func(label string, vals ...int) string {
		var b strings.Builder
		b.WriteString("<tr><td>" + label + "</td>")
		for _, v := range vals {
			fmt.Fprintf(&b, "<td>%d</td>", v)
		}
		return b.String() + "</tr>"
	}
	page := func(first string) string {
		return "<p>三、收到和处理政府信息公开申请情况</p><table>" +
			strings.Replace(row("一、本年新收政府信息公开申请数量", 0, 0, 0, 0, 0, 0, 1), "<td>0</td>", first, 1) +
			row("二、上年结转政府信息公开申请数量", 0, 0, 0, 0, 0, 0, 0) + "</table>"
	}
	dir := t.TempDir()
	clean, doubted := filepath.Join(dir, "clean.html"), filepath.Join(dir, "doubted.html")
	if err := os.WriteFile(clean, []byte(page("<td>0</td>")), 0o644); err != nil {
		t.Fatal(err)
	}
	// A rowspan far beyond any real table in the row: the importer clamps it and says so.
	if err := os.WriteFile(doubted, []byte(page(`<td rowspan="99999">0</td>`)), 0o644); err != nil {
		t.Fatal(err)
	}
	l := newTestLinter(t)
	l.Selection = &Selection{Select: []string{"T3-ROW-SUM"}}
	level := func(path string) (finding.Level, string) {
		r := l.Lint(context.Background(), path)
		if r.Err != nil || len(r.Findings) != 1 {
			t.Fatalf("%s: %v %+v", path, r.Err, r.Findings)
		}
		return r.Findings[0].Level, r.Findings[0].Message
	}
	if lv, _ := level(clean); lv != finding.Error {
		t.Errorf("clean table: %s", lv)
	}
	if lv, msg := level(doubted); lv != finding.Warning || !strings.Contains(msg, "该表格读取可能不准确：表格单元格的 rowspan=99999") {
		t.Errorf("doubted table: %s %s", lv, msg)
	}
}
