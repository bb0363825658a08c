package pdf

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/klippa-app/go-pdfium/requests"
)

// TestGeneratedCharacters checks what glyphAt relies on when it asks pdfium whether a
// character was made up only for spaces and control characters: in every test and corpus
// PDF, each character pdfium generated (a space between words, a line break) is one of
// those. A pdfium that generated other characters would make the importer keep them.
func TestGeneratedCharacters(t *testing.T) {
	e, err := defaultEngine()
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, pat := range []string{"testdata/*.pdf", "testdata/carriers/*.pdf", corpusDir + "/*.pdf", "../../../fixtures/formats/*.pdf"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	generated := 0
	for _, f := range files {
		if filepath.Base(f) == "encrypted_user.pdf" {
			continue
		}
		generated += generatedChars(t, e, f)
	}
	if generated == 0 {
		t.Fatalf("no generated character in %d files: the check proves nothing", len(files))
	}
}

// generatedChars returns how many characters pdfium generated in the PDF file f, and
// fails t for each that is neither a space nor a control character.
func generatedChars(t *testing.T, e *Engine, f string) int {
	t.Helper()
	inst, err := e.pool.GetInstanceWithContext(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	data := readFile(t, f)
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	n := 0
	for i := 0; i < pc.PageCount; i++ {
		lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc.Document, Index: i})
		if err != nil {
			t.Fatalf("%s page %d: %v", f, i+1, err)
		}
		ref := lp.Page
		tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &ref}})
		if err != nil {
			t.Fatalf("%s page %d: %v", f, i+1, err)
		}
		cc, _ := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
		for c := 0; c < cc.Count; c++ {
			gen, err := inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp.TextPage, Index: c})
			if err != nil || !gen.IsGenerated {
				continue
			}
			n++
			u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: c})
			if err == nil && !mayBeGenerated(rune(u.Unicode)) {
				t.Errorf("%s page %d: pdfium generated %U, which the importer would keep", f, i+1, u.Unicode)
			}
		}
		inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
		inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	}
	return n
}

// TestTightBoxesOnDemand checks that fixLooseBoxes reads the tight box only of a glyph
// whose loose box is far larger than the page's usual text, and replaces that box by the
// tight one.
func TestTightBoxesOnDemand(t *testing.T) {
	gs := []glyph{
		{r: '字', x0: 10, y0: 10, x1: 20, y1: 20, size: 10},
		{r: '字', x0: 20, y0: 10, x1: 30, y1: 20, size: 10},
		{r: '字', x0: 30, y0: -90, x1: 230, y1: 110, size: 200}, // a 200 pt box
		{r: '字', x0: 40, y0: 10, x1: 50, y1: 20, size: 10},
	}
	var read []int
	fixLooseBoxes(gs, func(k int) {
		read = append(read, k)
		g := &gs[k]
		g.tight = true
		g.tx0, g.ty0, g.tx1, g.ty1 = 31, 11, 39, 19
	})
	if len(read) != 1 || read[0] != 2 {
		t.Fatalf("tight boxes read for glyphs %v, want only [2]", read)
	}
	if g := gs[2]; g.x0 != 31 || g.x1 != 39 || g.y0 != 11 || g.y1 != 19 || g.size != 8 {
		t.Errorf("oversized box became %+v, want the tight box 31,11–39,19 of size 8", g)
	}
	if g := gs[0]; g.x0 != 10 || g.y1 != 20 || g.size != 10 {
		t.Errorf("usual box changed: %+v", g)
	}
}
