package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// This file builds DOCX packages in memory for the tests, and the fixture
// testdata/chanhe_sample.docx (see fixture_test.go).

const (
	nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
		`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
		`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
		`xmlns:v="urn:schemas-microsoft-com:vml" ` +
		`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`
	xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

	contentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
		`</Types>`
	packageRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`</Relationships>`
	documentRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
		`</Relationships>`
	// stylesXML has the default paragraph style "a" and the heading styles with the ids
	// Chinese Word gives them ("1", "2": names "heading 1", "heading 2"), plus Heading3 as
	// English Word names it and a TOC style.
	stylesXML = xmlHead + `<w:styles ` + nsDecl + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:sz w:val="24"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体"/><w:b/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/><w:basedOn w:val="a"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="My section title"/><w:basedOn w:val="1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="a"/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>` +
		`</w:styles>`
	footerXML = xmlHead + `<w:ftr ` + nsDecl + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">- </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:ftr>`
)

// docXML wraps body content into a w:document.
func docXML(body string) string {
	return xmlHead + `<w:document ` + nsDecl + `><w:body>` + body +
		`<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>` +
		`</w:body></w:document>`
}

// numberingXML is a list with Chinese labels: level 0 "一、", level 1 "（一）", level 2
// "1." (no suffix after the first two, a tab after the third).
const numberingXML = xmlHead + `<w:numbering ` + nsDecl + `>` +
	`<w:abstractNum w:abstractNumId="0">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/>` +
	`<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>` +
	`<w:lvlText w:val="%3."/></w:lvl>` +
	`<w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
	`</w:numbering>`

// zipParts writes parts into a zip in name order.
func zipParts(tb testing.TB, parts map[string]string) []byte {
	tb.Helper()
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	// [Content_Types].xml goes first, as Word writes it.
	sort.SliceStable(names, func(i, j int) bool { return names[i] == "[Content_Types].xml" && names[j] != names[i] })
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// packageParts returns a complete package around body.
func packageParts(body string) map[string]string {
	return map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  packageRels,
		"word/_rels/document.xml.rels": documentRels,
		"word/document.xml":            docXML(body),
		"word/styles.xml":              stylesXML,
		"word/numbering.xml":           numberingXML,
		"word/footer1.xml":             footerXML,
	}
}

// makeDocx builds a DOCX around body content.
func makeDocx(tb testing.TB, body string) []byte { return zipParts(tb, packageParts(body)) }

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run is a w:r with one w:t.
func run(text string) string {
	return `<w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// xpara is a w:p with optional paragraph properties (inner XML of w:pPr) and runs of text.
func xpara(ppr string, texts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if ppr != "" {
		b.WriteString("<w:pPr>" + ppr + "</w:pPr>")
	}
	for _, t := range texts {
		b.WriteString(run(t))
	}
	b.WriteString("</w:p>")
	return b.String()
}

// p is a plain paragraph of one run.
func p(text string) string { return xpara("", text) }

// styled is a paragraph in style id.
func styled(id, text string) string { return xpara(`<w:pStyle w:val="`+id+`"/>`, text) }

// cellOpt describes a table cell's merges.
type cellOpt struct {
	span   int    // gridSpan, 0 or 1 = none
	vmerge string // "", "restart" or "continue"
}

// tc is a w:tc whose content is the given paragraphs' XML.
func tc(o cellOpt, content ...string) string {
	var b strings.Builder
	b.WriteString("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>")
	if o.span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(o.span) + `"/>`)
	}
	switch o.vmerge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	if len(content) == 0 {
		content = []string{"<w:p/>"}
	}
	for _, c := range content {
		b.WriteString(c)
	}
	b.WriteString("</w:tc>")
	return b.String()
}

// ct is a plain cell holding one centred paragraph of text (no paragraph if text is "").
func ct(o cellOpt, text string) string {
	if text == "" {
		return tc(o)
	}
	return tc(o, xpara(`<w:jc w:val="center"/>`, text))
}

// tr is a w:tr.
func tr(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }

// tbl is a bordered w:tbl of cols grid columns sharing width evenly.
func tbl(cols int, rows ...string) string {
	widths := make([]int, cols)
	for i := range widths {
		widths[i] = 9000 / cols
	}
	return tblW(widths, rows...)
}

// tblW is a bordered w:tbl whose grid columns have the given widths (twips).
func tblW(widths []int, rows ...string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString("</w:tblGrid>")
	for _, r := range rows {
		b.WriteString(r)
	}
	b.WriteString("</w:tbl>")
	return b.String()
}
