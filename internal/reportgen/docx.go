package reportgen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"text/template"
	"time"
)

// The fixed parts of the OOXML package.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
	docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体"/><w:b/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`
)

var coreTmpl = template.Must(template.New("core").Parse(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{{.Title}}</dc:title><dc:creator>{{.Creator}}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{{.Date}}T09:00:00Z</dcterms:created></cp:coreProperties>`))

var documentTmpl = template.Must(template.New("document").Parse(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{{range .}}{{.}}{{end}}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1080" w:bottom="1440" w:left="1080" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`))

func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run writes text as runs, a line break for each "\n".
func run(text string, bold bool, size int) string {
	var rpr string
	if bold || size > 0 {
		rpr = "<w:rPr>"
		if bold {
			rpr += "<w:b/>"
		}
		if size > 0 {
			rpr += fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, size, size)
		}
		rpr += "</w:rPr>"
	}
	var parts []string
	for _, line := range strings.Split(text, "\n") {
		parts = append(parts, `<w:t xml:space="preserve">`+xmlText(line)+`</w:t>`)
	}
	return "<w:r>" + rpr + strings.Join(parts, "<w:br/>") + "</w:r>"
}

func para(ppr, runs string) string {
	if ppr != "" {
		ppr = "<w:pPr>" + ppr + "</w:pPr>"
	}
	return "<w:p>" + ppr + runs + "</w:p>"
}

const indent = `<w:ind w:firstLineChars="200" w:firstLine="480"/>`

// docxTable writes a grid as a Word table: w:gridSpan for merged columns, w:vMerge
// (restart, then continue in each row below) for merged rows.
func (r *Report) docxTable(g Grid) string {
	total := 0
	for _, w := range g.Widths {
		total += w
	}
	tw := make([]int, len(g.Widths))
	for i, w := range g.Widths {
		tw[i] = w * 9700 / total
	}
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="9700" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, w := range tw {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString("</w:tblGrid>")
	m := g.Matrix()
	for _, row := range m {
		b.WriteString("<w:tr>")
		for j := 0; j < g.Cols; {
			s := row[j]
			if s.Cell == nil {
				fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p/></w:tc>`, tw[j])
				j++
				continue
			}
			c := s.Cell
			span := max(c.ColSpan, 1)
			w := 0
			for k := j; k < j+span && k < g.Cols; k++ {
				w += tw[k]
			}
			b.WriteString("<w:tc><w:tcPr>")
			fmt.Fprintf(&b, `<w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, span)
			}
			if max(c.RowSpan, 1) > 1 {
				if s.Origin {
					b.WriteString(`<w:vMerge w:val="restart"/>`)
				} else {
					b.WriteString(`<w:vMerge/>`)
				}
			}
			b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			jc := "center"
			if c.Left {
				jc = "left"
			}
			if s.Origin {
				b.WriteString(para(`<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="`+jc+`"/>`, run(r.Text(c), false, 18)))
			} else {
				b.WriteString("<w:p/>")
			}
			b.WriteString("</w:tc>")
			j += span
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	// A paragraph after each table keeps adjacent tables apart.
	b.WriteString("<w:p/>")
	return b.String()
}

// RenderDOCX writes the report as a Word document (OOXML, written directly): title,
// headings (Word heading styles or bold paragraphs), paragraphs, and tables with merged
// cells.
func RenderDOCX(r *Report) ([]byte, error) {
	var body []string
	for _, blk := range r.Blocks {
		switch blk.Kind {
		case BTitle:
			body = append(body, para(`<w:pStyle w:val="Title"/>`, run(r.Title, false, 0)))
		case BHeading:
			if r.Style.DOCXHeadings {
				body = append(body, para(`<w:pStyle w:val="Heading1"/>`, run(blk.HeadingText(), false, 0)))
			} else {
				body = append(body, para(indent, run(blk.HeadingText(), true, 0)))
			}
		case BSubheading:
			if r.Style.DOCXHeadings {
				body = append(body, para(`<w:pStyle w:val="Heading2"/>`, run(r.ParaText(blk), false, 0)))
			} else {
				body = append(body, para(indent, run(r.ParaText(blk), true, 0)))
			}
		case BPara:
			body = append(body, para(indent, run(r.ParaText(blk), false, 0)))
		case BTable:
			if r.Omitted(blk.Table) {
				continue
			}
			for _, g := range r.Grids(blk.Table) {
				body = append(body, r.docxTable(g))
			}
		}
	}
	var doc, core bytes.Buffer
	if err := documentTmpl.Execute(&doc, body); err != nil {
		return nil, fmt.Errorf("docx document: %w", err)
	}
	if err := coreTmpl.Execute(&core, map[string]string{"Title": xmlText(r.Title), "Creator": xmlText(r.Body.Name), "Date": r.Published}); err != nil {
		return nil, fmt.Errorf("docx core properties: %w", err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	stamp := time.Date(r.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", core.String()},
		{"word/_rels/document.xml.rels", docRels},
		{"word/styles.xml", styles},
		{"word/document.xml", doc.String()},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, fmt.Errorf("docx %s: %w", f.name, err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			return nil, fmt.Errorf("docx %s: %w", f.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return out.Bytes(), nil
}
