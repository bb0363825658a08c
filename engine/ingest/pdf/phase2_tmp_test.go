package pdf

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium/requests"
)

func TestLoadPageTmp(t *testing.T) {
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
		for r := 0; r < 4; r++ {
			inst, _ := e.pool.GetInstanceWithContext(context.Background())
			p := inst
			buf := data
			doc, _ := p.OpenDocument(&requests.OpenDocument{File: &buf})
			pc, _ := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
			s := filepath.Base(f)
			for pass := 0; pass < 2; pass++ {
				s += " |"
				for i := 0; i < pc.PageCount; i++ {
					t0 := time.Now()
					lp, _ := p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc.Document, Index: i})
					d := time.Since(t0)
					ref := lp.Page
					page := requests.Page{ByReference: &ref}
					t0 = time.Now()
					tp, _ := p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
					d2 := time.Since(t0)
					p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
					s += fmt.Sprintf(" %.1f/%.1f", float64(d.Microseconds())/1000, float64(d2.Microseconds())/1000)
					p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
				}
			}
			p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
			inst.Close()
			t.Log(s)
		}
	}
}
