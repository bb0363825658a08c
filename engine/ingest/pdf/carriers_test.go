package pdf_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
	"github.com/reportlint/reportlint/rules"
)

// carriersDir holds HTML reports and the PDFs office suites print from them
// (testdata/carriers/make.sh): NAME.html, and NAME.PRODUCER.pdf for each producer. The
// source of a PDF without its page there is the real report NAME.html of the corpus.
const (
	carriersDir = "testdata/carriers"
	corpusDir   = "../../../fixtures/corpus/real"
)

// carrierDoubts lists, per carrier, the tables the importer must mark as doubted (it
// says that it may have misread them, and errors about them are reported as warnings),
// and among them the tables it may read differently from the source, as long as it reads
// no wrong value: a cell it cannot read is "missing", never another number. Every other
// table must be read exactly and without a doubt.
var carrierDoubts = map[string]struct{ doubted, inexact []string }{
	// Tables without rulings (LibreOffice ignores the page's style sheet): their columns
	// come from text alignment, so they are doubted, but read exactly.
	"sheet.lo.pdf":   {doubted: []string{"t2_1", "t3", "t4"}},
	"sheet.docx.pdf": {doubted: []string{"t2_1", "t3", "t4"}},
	// The same with numbers aligned left and right in neighbouring columns, so that
	// some touch (“6855249”): table 3 cannot be split into columns and is not read.
	"sheetalign.lo.pdf": {doubted: []string{"t2_1", "t3", "t4"}, inexact: []string{"t3"}},
}

// TestCarriersGiveTheSourceCells reads every PDF of testdata/carriers and the HTML page it
// was printed from (by LibreOffice, directly or through DOCX, or by Chromium), through the
// importers and the profile the rules see, and requires the same table cells from both
// (every table, row and column, with the same state and value) and the same findings. A
// table the PDF leaves ambiguous must be marked as doubted instead (carrierDoubts).
// CARRIERS=DIR runs it on the PDFs and pages of another folder.
func TestCarriersGiveTheSourceCells(t *testing.T) {
	dir := carriersDir
	if d := os.Getenv("CARRIERS"); d != "" {
		dir = d // a folder of new carriers, while making them
	}
	pdfs, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil || len(pdfs) == 0 || dir == carriersDir && len(pdfs) < 20 {
		t.Fatalf("%d carriers in %s: %v", len(pdfs), dir, err)
	}
	l := newLinter(t)
	sources := map[string][]string{}
	for _, pdf := range pdfs {
		base := filepath.Base(pdf)
		name, _, _ := strings.Cut(base, ".")
		t.Run(base, func(t *testing.T) {
			src := filepath.Join(dir, name+".html")
			if _, err := os.Stat(src); err != nil {
				src = filepath.Join(corpusDir, name+".html") // a real report of the corpus
			}
			want, ok := sources[src]
			if !ok {
				d, err := l.Extract(context.Background(), src)
				if err != nil {
					t.Fatal(err)
				}
				want = cells(d.Facts, nil)
				sources[src] = want
			}
			d, err := l.Extract(context.Background(), pdf)
			if err != nil {
				t.Fatal(err)
			}
			exp := carrierDoubts[base]
			var unsure []string
			for id, tb := range d.Facts.Tables {
				if tb.Uncertain {
					unsure = append(unsure, id)
					if !slices.Contains(exp.doubted, id) {
						t.Errorf("table %s is doubted: %s", id, tb.Doubt)
					}
				}
			}
			for _, id := range exp.doubted {
				if !slices.Contains(unsure, id) {
					t.Errorf("table %s is read without a doubt", id)
				}
			}
			got := cells(d.Facts, nil)
			if diff := diffLines(drop(want, exp.inexact), drop(got, exp.inexact)); diff != "" {
				t.Errorf("cells differ from %s (-html +pdf):\n%s", src, diff)
			}
			for _, line := range keep(got, exp.inexact) {
				if !slices.Contains(want, line) && !strings.Contains(line, " missing:") && !strings.HasSuffix(line, " not found") {
					t.Errorf("a doubted table has a value the source does not have: %s", line)
				}
			}
			// The same findings, rule by rule and level by level, but for the
			// importer's notes and what a doubt turns into warnings.
			wf, gf := findingCounts(l, t, src), findingCounts(l, t, pdf)
			for k, n := range gf {
				if k.rule == "DOC-IMPORT" || len(exp.doubted) > 0 && k.level != finding.Error {
					continue
				}
				if n != wf[k] {
					t.Errorf("%d %s %s, the HTML %d", n, k.level, k.rule, wf[k])
				}
			}
			for k, n := range wf {
				if _, ok := gf[k]; !ok && (len(exp.doubted) == 0 || k.level == finding.Error) {
					t.Errorf("no %s %s, the HTML %d", k.level, k.rule, n)
				}
			}
		})
	}
}

func newLinter(t testing.TB) *lint.Linter {
	t.Helper()
	var packs []*pack.Pack
	for _, name := range rules.Names() {
		p, err := pack.Load(context.Background(), rules.FS(), name, pack.Options{})
		if err != nil {
			t.Fatal(err)
		}
		packs = append(packs, p)
	}
	return &lint.Linter{Packs: packs, Ingest: ingest.Options{Limits: limit.Default()}}
}

// cells lists every table cell as "table row column value", the value being the number
// as written or the state and text of a cell without one; tables in skip are left out.
func cells(f *profile.Facts, skip []string) []string {
	var out []string
	for id, tb := range f.Tables {
		if slices.Contains(skip, id) {
			continue
		}
		if !tb.Found {
			out = append(out, id+" not found")
			continue
		}
		for _, rid := range tb.RowOrder {
			r := tb.Rows[rid]
			if !r.Found {
				out = append(out, fmt.Sprintf("%s %s not found", id, rid))
				continue
			}
			for _, c := range tb.Columns {
				cell, ok := r.Cells[c]
				if !ok {
					continue
				}
				v := cell.Text
				if cell.State != profile.StateNumber {
					v = cell.State + ":" + cell.Text
				}
				out = append(out, fmt.Sprintf("%s %s %s %s", id, rid, c, v))
			}
		}
	}
	sort.Strings(out)
	return out
}

// keep returns the lines of the tables listed.
func keep(lines, tables []string) []string {
	var out []string
	for _, l := range lines {
		id, _, _ := strings.Cut(l, " ")
		if slices.Contains(tables, id) {
			out = append(out, l)
		}
	}
	return out
}

// drop returns the lines of the tables not listed.
func drop(lines, tables []string) []string {
	var out []string
	for _, l := range lines {
		id, _, _ := strings.Cut(l, " ")
		if !slices.Contains(tables, id) {
			out = append(out, l)
		}
	}
	return out
}

// diffLines lists the lines only in want (-) and only in got (+), at most 40.
func diffLines(want, got []string) string {
	in := func(s []string) map[string]int {
		m := map[string]int{}
		for _, l := range s {
			m[l]++
		}
		return m
	}
	w, g := in(want), in(got)
	var out []string
	for _, l := range want {
		if g[l] > 0 {
			g[l]--
			continue
		}
		out = append(out, "-"+l)
	}
	for _, l := range got {
		if w[l] > 0 {
			w[l]--
			continue
		}
		out = append(out, "+"+l)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a][1:] < out[b][1:] })
	if len(out) > 40 {
		out = append(out[:40], fmt.Sprintf("… %d more", len(out)-40))
	}
	return strings.Join(out, "\n")
}

type ruleLevel struct {
	rule  string
	level finding.Level
}

// findingCounts counts a document's findings by rule and level.
func findingCounts(l *lint.Linter, t *testing.T, path string) map[ruleLevel]int {
	t.Helper()
	r := l.Lint(context.Background(), path)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	out := map[ruleLevel]int{}
	for _, f := range r.Findings {
		out[ruleLevel{f.RuleID, f.Level}]++
	}
	return out
}
