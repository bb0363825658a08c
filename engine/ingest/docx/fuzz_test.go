package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"testing"

	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// storedDocx wraps xml as word/document.xml, with the test styles and numbering, in a zip
// without compression, so that the fuzzer's changes reach the XML reader intact.
func storedDocx(xml []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct {
		name string
		data []byte
	}{
		{"word/document.xml", xml},
		{"word/styles.xml", []byte(stylesXML)},
		{"word/numbering.xml", []byte(numberingXML)},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Store})
		if err != nil {
			return nil
		}
		if _, err := w.Write(part.data); err != nil {
			return nil
		}
	}
	if err := zw.Close(); err != nil {
		return nil
	}
	return buf.Bytes()
}

// FuzzImport feeds the importer arbitrary bytes twice: as a file (mostly exercising the zip
// layer) and as the content of word/document.xml inside a valid package (exercising the XML
// reader, tables and merges). Either way it must return a document that keeps the model's
// invariants or an error, quickly, and never panic. Crashers found are kept under
// testdata/fuzz/FuzzImport.
//
// The engine minimises every new input for up to -fuzzminimizetime (60 s by default)
// before counting on, and the fixture seeds are a few KB, so the exec count stalls for long
// stretches; -fuzzminimizetime=2s gives far more executions per minute.
func FuzzImport(f *testing.F) {
	f.Add(readFile(f, fixturePath))
	f.Add(readFile(f, fixtureLOPath))
	for _, body := range []string{
		// Small seeds: the fuzzer minimises every new input, which is slow for large ones.
		tbl(3, tr(ct(cellOpt{vmerge: "restart"}, "组"), ct(cellOpt{span: 2}, "1")), tr(tc(cellOpt{vmerge: "continue"}), ct(cellOpt{}, "2"), ct(cellOpt{}, "3"))),
		tbl(2, tr(tc(cellOpt{}, p("外"), tbl(2, tr(ct(cellOpt{}, "内"), ct(cellOpt{}, "0")))), ct(cellOpt{}, "x"))),
		`<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>a</w:t><w:tab/><w:br/>` +
			`<w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
		`<w:tbl><w:tblGrid><w:gridCol w:w="0"/><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr></w:tc></w:tr></w:tbl>`,
	} {
		f.Add([]byte(docXML(body)))
	}
	lim := limit.Limits{MaxDecompressed: 16 << 20, MaxDepth: 256}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, storedDocx(data)} {
			doc, err := Import(context.Background(), "fuzz.docx", in, lim)
			if err != nil {
				if doc != nil {
					t.Fatalf("a document and an error: %v", err)
				}
				continue
			}
			checkInvariants(t, doc)
		}
	})
}
