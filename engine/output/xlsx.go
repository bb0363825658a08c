package output

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// xlsxReporter writes a workbook: the sheet 文档 (Documents) with one row per document
// (documentHeader), the sheet 发现 (Findings) with one row per finding (findingHeader).
// Rows go to excelize's stream writers as documents arrive; the workbook is written at
// the end.
type xlsxReporter struct {
	out        io.Writer
	f          *excelize.File
	docs, fnds *excelize.StreamWriter
	ids        []string
	nDoc, nFnd int
	bold       int
	// sheetDocs and sheetFindings are the sheets' names, in the run's language.
	sheetDocs, sheetFindings string
}

func (x *xlsxReporter) Begin(rules []finding.Rule) error {
	x.f = excelize.NewFile()
	x.sheetDocs, x.sheetFindings = i18n.T("文档"), i18n.T("发现")
	sheetDocs, sheetFindings := x.sheetDocs, x.sheetFindings
	// Fixed document properties, so that the same results give the same bytes.
	epoch := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	if err := x.f.SetDocProps(&excelize.DocProperties{Creator: "reportlint", Created: epoch, Modified: epoch, Title: i18n.T("reportlint 检查结果")}); err != nil {
		return err
	}
	if err := x.f.SetSheetName("Sheet1", sheetDocs); err != nil {
		return err
	}
	if _, err := x.f.NewSheet(sheetFindings); err != nil {
		return err
	}
	var err error
	if x.bold, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return err
	}
	if x.docs, err = x.f.NewStreamWriter(sheetDocs); err != nil {
		return err
	}
	if x.fnds, err = x.f.NewStreamWriter(sheetFindings); err != nil {
		return err
	}
	x.ids = ruleIDs(rules)
	for _, s := range []*excelize.StreamWriter{x.docs, x.fnds} {
		if err := s.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	if err := x.docs.SetColWidth(1, 2, 40); err != nil {
		return err
	}
	if err := x.fnds.SetColWidth(1, 1, 40); err != nil {
		return err
	}
	if err := x.fnds.SetColWidth(13, 13, 60); err != nil {
		return err
	}
	if err := x.write(x.docs, &x.nDoc, toAny(documentHeader(x.ids)), true); err != nil {
		return err
	}
	return x.write(x.fnds, &x.nFnd, toAny(findingHeader()), true)
}

func (x *xlsxReporter) write(s *excelize.StreamWriter, n *int, vals []any, header bool) error {
	*n++
	cells := make([]any, len(vals))
	for i, v := range vals {
		switch t := v.(type) {
		case string:
			// Strings stay strings (never formulas); cellText also guards the copy a
			// user pastes elsewhere.
			v = cellText(t)
		}
		if header {
			cells[i] = excelize.Cell{StyleID: x.bold, Value: v}
		} else {
			cells[i] = v
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, *n)
	if err != nil {
		return err
	}
	return s.SetRow(cell, cells)
}

func (x *xlsxReporter) Result(r finding.Result) error {
	if err := x.write(x.docs, &x.nDoc, documentRow(r, x.ids), false); err != nil {
		return err
	}
	for _, f := range r.Findings {
		if err := x.write(x.fnds, &x.nFnd, findingRow(r, f), false); err != nil {
			return err
		}
	}
	return nil
}

func (x *xlsxReporter) End(Summary) error {
	for _, s := range []*excelize.StreamWriter{x.docs, x.fnds} {
		if err := s.Flush(); err != nil {
			return err
		}
	}
	if x.nDoc > 1 {
		last, _ := excelize.CoordinatesToCellName(len(documentHeader(x.ids)), x.nDoc)
		if err := x.f.AutoFilter(x.sheetDocs, "A1:"+last, nil); err != nil {
			return err
		}
	}
	if x.nFnd > 1 {
		last, _ := excelize.CoordinatesToCellName(len(findingHeader()), x.nFnd)
		if err := x.f.AutoFilter(x.sheetFindings, "A1:"+last, nil); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	_, err := x.f.WriteTo(&buf)
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return sortedZip(x.out, buf.Bytes())
}

// sortedZip copies the zip archive data to w with its entries in name order: excelize
// writes the workbook's parts in map order, and the same results must give the same bytes.
func sortedZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, f := range files {
		// [Content_Types].xml sorts first, as Office expects it.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		_, err = io.Copy(fw, rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}
