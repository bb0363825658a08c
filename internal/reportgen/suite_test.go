package reportgen

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The full run judges a large generated set in every carrier (make precision).
var (
	fullRun  = flag.Bool("full", false, "judge the full generated set (see make precision)")
	fullDir  = flag.String("full-dir", "", "with -full: the set to judge, written by cmd/reportgen; empty: generate one here (needs soffice and chromium)")
	fullN    = flag.Int("full-n", 1000, "with -full and no -full-dir: clean reports to generate")
	fullSeed = flag.Uint64("full-seed", 1, "with -full and no -full-dir: seed of the set")
)

// The representative slice run by go test: 40 clean reports and 3 injected copies of each
// in the four direct carriers, and the committed PDFs (testdata/pdf, both editions, made
// by LibreOffice from the HTML and DOCX and by Chromium from the HTML).
const (
	quickSeed    = 20250101
	quickReports = 40
	quickDefects = 3
	committedPDF = "testdata/pdf"
)

// docsOf lists the documents of a manifest in dir, each with the model it was written
// from.
func docsOf(t testing.TB, dir string, m *Manifest, carriers func(Carrier) bool) []doc {
	t.Helper()
	var out []doc
	built := map[Item]*Report{}
	defects := map[Item]*Defect{}
	for _, f := range m.Files {
		if !carriers(f.Carrier) {
			continue
		}
		r, ok := built[f.Item]
		if !ok {
			var err error
			r, defects[f.Item], err = f.Item.Build()
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			built[f.Item] = r
		}
		path := filepath.Join(dir, f.Path)
		if f.Carrier == TXT {
			// The model is rebuilt from the seed: a set written by another version of the
			// generator would be judged against the wrong model.
			if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, RenderTXT(r)) {
				t.Fatalf("%s was not written by this version of the generator (%v): write the set again", path, err)
			}
		}
		out = append(out, doc{path: path, carrier: f.Carrier, item: f.Item, report: r, defect: defects[f.Item]})
	}
	return out
}

// quickDocs writes the representative slice into a temporary folder and adds the
// committed PDFs, with their text versions written beside the slice for comparison.
func quickDocs(t *testing.T) []doc {
	dir := t.TempDir()
	items := Items(quickSeed, quickReports, quickDefects)
	m, err := WriteSet(dir, quickSeed, items, DirectCarriers(), nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := docsOf(t, dir, m, func(Carrier) bool { return true })
	pm, err := ReadManifest(committedPDF)
	if err != nil {
		t.Fatalf("committed PDFs: %v", err)
	}
	pdfs := docsOf(t, committedPDF, pm, func(c Carrier) bool { return c.Source() != c })
	seen := map[Item]bool{}
	for _, d := range pdfs {
		if seen[d.item] {
			continue
		}
		seen[d.item] = true
		path := filepath.Join(dir, "committed-"+d.item.Name()+TXT.Ext())
		if err := os.WriteFile(path, RenderTXT(d.report), 0o644); err != nil {
			t.Fatal(err)
		}
		d.path, d.carrier = path, TXT
		pdfs = append(pdfs, d)
	}
	return append(docs, pdfs...)
}

// The committed PDFs are made from HTML and DOCX files the generator writes today: when
// the generator changes, they must be made again (the command is in testdata/pdf/README.md).
func TestCommittedPDFsAreCurrent(t *testing.T) {
	m, err := ReadManifest(committedPDF)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Files {
		if f.Carrier.Source() != f.Carrier {
			if _, err := os.Stat(filepath.Join(committedPDF, f.Path)); err != nil {
				t.Errorf("%s: %v", f.Path, err)
			}
			continue
		}
		r, _, err := f.Item.Build()
		if err != nil {
			t.Fatal(err)
		}
		want, err := Render(r, f.Carrier)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(committedPDF, f.Path))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: the generator now writes it differently; make the PDFs again (testdata/pdf/README.md)", f.Path)
		}
	}
}

// TestJudge judges the linter on the representative slice: no false errors or warnings
// on clean reports in any carrier, the same cells and findings in every carrier as in the
// text, every cell read as the model has it, and every injected defect found. The linter
// is expected to fail parts of it until its readers and rules handle every style the
// generator writes; the log has the tables that say where.
func TestJudge(t *testing.T) {
	start := time.Now()
	docs := quickDocs(t)
	gen := time.Since(start)
	l := newLinter(t)
	outs := judge(t, l, docs, 2)
	s := summarize(outs)
	t.Logf("%d documents: generated in %s, judged in %s\n\n%s\n%s\n%s", len(docs), gen.Round(time.Millisecond),
		time.Since(start).Round(time.Millisecond), s.precisionTable(), s.invarianceTable(), s.recallTable())
	assertJudged(t, outs, false)
}

// TestJudgeFull is the full run: ≥1,000 clean reports in every carrier, PDFs made fresh,
// and injected copies. make precision generates the set with cmd/reportgen and runs it;
// without -full it does not run (it takes the better part of an hour).
func TestJudgeFull(t *testing.T) {
	if !*fullRun {
		t.Skip("the full run: make precision, or go test -run TestJudgeFull -full [-full-dir DIR]")
	}
	start := time.Now()
	dir := *fullDir
	if dir == "" {
		dir = t.TempDir()
		items := Items(*fullSeed, *fullN, quickDefects)
		m, err := WriteSet(dir, *fullSeed, items, AllCarriers(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := MakePDFs(context.Background(), dir, m, PDFTools{Log: os.Stderr}); err != nil {
			t.Fatal(err)
		}
		if err := WriteManifest(dir, m); err != nil {
			t.Fatal(err)
		}
	}
	m, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := docsOf(t, dir, m, func(Carrier) bool { return true })
	gen := time.Since(start)
	outs := judge(t, newLinter(t), docs, runtime.GOMAXPROCS(0))
	s := summarize(outs)
	// Printed whatever -v says: this is what make precision is run for.
	fmt.Printf("%d documents (%d clean reports) from %s: ready in %s, judged in %s\n\n%s\n%s\n%s\n", len(docs), m.Reports, dir,
		gen.Round(time.Second), (time.Since(start) - gen).Round(time.Second), s.precisionTable(), s.invarianceTable(), s.recallTable())
	assertJudged(t, outs, true)
}

// assertJudged fails for every document the linter got wrong, one line each (the first
// 25 per check, then a count). A false finding on a clean report always fails. Outside
// strict mode (the slice make test runs), the other checks fail when more than 5% of the
// documents they judge go wrong, and list every miss; strict mode (make precision) fails
// on any.
func assertJudged(t *testing.T, outs []outcome, strict bool) {
	txt := map[Item]outcome{}
	for _, o := range outs {
		if o.carrier == TXT {
			txt[o.item] = o
		}
	}
	t.Run("precision", func(t *testing.T) {
		reportJudged(t, strict, "with false findings", precisionMisses(outs), 0)
	})
	t.Run("invariance", func(t *testing.T) {
		bad, judged := invarianceMisses(outs, txt)
		reportJudged(t, strict, "differing from their text", bad, judged)
	})
	t.Run("cells", func(t *testing.T) {
		bad, judged := cellMisses(outs)
		reportJudged(t, strict, "with cells read wrong", bad, judged)
	})
	t.Run("recall", func(t *testing.T) {
		bad, judged := recallMisses(outs)
		reportJudged(t, strict, "with the defect missed", bad, judged)
	})
}

// reportJudged fails a check for the documents it got wrong (bad, of judged), one line
// each, the first 25 then a count; outside strict mode a check other than precision only
// logs them while at most 5% of the documents it judges go wrong.
func reportJudged(t *testing.T, strict bool, name string, bad []string, judged int) {
	if !strict && len(bad)*20 <= judged && name != "with false findings" {
		for _, b := range bad {
			t.Log(b)
		}
		t.Logf("%d of %d documents %s (at most 5%% allowed outside make precision)", len(bad), judged, name)
		return
	}
	for i, b := range bad {
		if i == 25 {
			t.Errorf("… and %d more documents %s", len(bad)-25, name)
			break
		}
		t.Error(b)
	}
}

// precisionMisses lists the clean reports that were not read or have false findings,
// with up to four of the findings each.
func precisionMisses(outs []outcome) []string {
	var bad []string
	for _, o := range outs {
		if o.defect != nil {
			continue
		}
		if o.err != nil {
			bad = append(bad, fmt.Sprintf("%s: not read: %v", filepath.Base(o.path), o.err))
			continue
		}
		if ff := falseFindings(o); len(ff) > 0 {
			var ex []string
			for i, f := range ff {
				if i == 4 {
					ex = append(ex, fmt.Sprintf("… %d more", len(ff)-4))
					break
				}
				ex = append(ex, fmt.Sprintf("%s[%s] %s", f.Level, f.RuleID, example(o, f)))
			}
			bad = append(bad, fmt.Sprintf("clean %s has %d false findings: %s", filepath.Base(o.path), len(ff), strings.Join(ex, " | ")))
		}
	}
	return bad
}

// invarianceMisses lists the documents whose cells or findings differ from those of the
// same report's text (txt), and how many were compared.
func invarianceMisses(outs []outcome, txt map[Item]outcome) ([]string, int) {
	var bad []string
	judged := 0
	for _, o := range outs {
		ref, ok := txt[o.item]
		if o.carrier == TXT || !ok || o.err != nil || ref.err != nil || !comparable(o) {
			continue
		}
		judged++
		if o.cells != nil && ref.cells != nil {
			if n, diff := cellsVersus(expectedCells(o.report), ref.cells, o.cells, 3); n > 0 {
				bad = append(bad, fmt.Sprintf("%s: %d cells differ from the text's: %s", filepath.Base(o.path), n, diff))
			}
		}
		if a, b := ruleCounts(o.findings), ruleCounts(ref.findings); a != b {
			bad = append(bad, fmt.Sprintf("%s: findings %s, the text's %s", filepath.Base(o.path), a, b))
		}
	}
	return bad, judged
}

// cellMisses lists the clean documents with cells read wrong, and how many were judged.
func cellMisses(outs []outcome) ([]string, int) {
	var bad []string
	judged := 0
	for _, o := range outs {
		if o.err != nil || o.cells == nil || o.defect != nil {
			continue // a defective copy is judged by recall: a blank the text cannot show leaves its row unread
		}
		judged++
		if n, diff := cellDiff(expectedCells(o.report), o.cells, 3); n > 0 {
			bad = append(bad, fmt.Sprintf("%s: %d cells read wrong: %s", filepath.Base(o.path), n, diff))
		}
	}
	return bad, judged
}

// recallMisses lists the defective documents whose defect was not found, and how many
// were judged.
func recallMisses(outs []outcome) ([]string, int) {
	var bad []string
	judged := 0
	for _, o := range outs {
		if o.defect == nil || o.err != nil {
			continue
		}
		if judged++; found(o) {
			continue
		}
		bad = append(bad, fmt.Sprintf("%s: %s (%s) not found, want %v; fired %s", filepath.Base(o.path), o.defect.Kind, o.defect.Detail, o.defect.Rules, fired(o)))
	}
	return bad, judged
}
