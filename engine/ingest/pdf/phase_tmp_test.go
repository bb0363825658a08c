package pdf

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium/requests"
)

func TestPhasesTmp(t *testing.T) {
	e, err := defaultEngine()
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"testdata/chanhe_sample.pdf"}
	for _, g := range goldens {
		files = append(files, filepath.Join(corpusDir, g.file))
	}
	for _, f := range files {
		data := readFile(t, f)
		ph := map[string]time.Duration{}
		nch := 0
		const reps = 20
		for r := 0; r < reps; r++ {
			inst, _ := e.pool.GetInstanceWithContext(context.Background())
			p := inst
			t0 := time.Now()
			buf := data
			doc, err := p.OpenDocument(&requests.OpenDocument{File: &buf})
			if err != nil {
				t.Fatal(err)
			}
			pc, _ := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
			ph["open"] += time.Since(t0)
			for i := 0; i < pc.PageCount; i++ {
				t0 = time.Now()
				lp, _ := p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc.Document, Index: i})
				ref := lp.Page
				page := requests.Page{ByReference: &ref}
				ph["loadpage"] += time.Since(t0)
				t0 = time.Now()
				tp, _ := p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
				cc, _ := p.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
				ph["textload"] += time.Since(t0)
				nch += cc.Count
				t0 = time.Now()
				for j := 0; j < cc.Count; j++ {
					p.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp.TextPage, Index: j})
				}
				ph["isgen"] += time.Since(t0)
				t0 = time.Now()
				for j := 0; j < cc.Count; j++ {
					p.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: j})
				}
				ph["unicode"] += time.Since(t0)
				t0 = time.Now()
				for j := 0; j < cc.Count; j++ {
					p.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp.TextPage, Index: j})
				}
				ph["fontsize"] += time.Since(t0)
				t0 = time.Now()
				for j := 0; j < cc.Count; j++ {
					p.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp.TextPage, Index: j})
				}
				ph["charbox"] += time.Since(t0)
				t0 = time.Now()
				for j := 0; j < cc.Count; j++ {
					p.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: j})
				}
				ph["loosebox"] += time.Since(t0)
				t0 = time.Now()
				p.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: cc.Count})
				ph["gettext"] += time.Since(t0)
				t0 = time.Now()
				p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
				ph["textclose"] += time.Since(t0)
				t0 = time.Now()
				x := &extractor{p: p, ctx: context.Background()}
				var rp rawPage
				rp.h = 842
				x.objects(page, &rp)
				ph["objects"] += time.Since(t0)
				t0 = time.Now()
				p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
				ph["closepage"] += time.Since(t0)
			}
			t0 = time.Now()
			p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
			ph["closedoc"] += time.Since(t0)
			inst.Close()
		}
		s := fmt.Sprintf("%s chars/doc=%d:", filepath.Base(f), nch/reps)
		for _, k := range []string{"open", "loadpage", "textload", "isgen", "unicode", "fontsize", "charbox", "loosebox", "gettext", "textclose", "objects", "closepage", "closedoc"} {
			s += fmt.Sprintf(" %s=%.2fms", k, float64(ph[k].Microseconds())/1000/reps)
		}
		t.Log(s)
	}
}
