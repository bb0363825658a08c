package reportgen

import "fmt"

// Carrier is a form a report is published in.
type Carrier string

// The carriers: four written directly, three PDFs made from them by LibreOffice and
// Chromium (see MakePDFs).
const (
	TXT         Carrier = "txt"
	MD          Carrier = "md"
	HTML        Carrier = "html"
	DOCX        Carrier = "docx"
	PDFLOHTML   Carrier = "pdf-lo-html"
	PDFLODOCX   Carrier = "pdf-lo-docx"
	PDFChromium Carrier = "pdf-chromium"
)

// DirectCarriers are the carriers Render writes.
func DirectCarriers() []Carrier { return []Carrier{TXT, MD, HTML, DOCX} }

// PDFCarriers are the carriers MakePDFs makes, each from its source carrier.
func PDFCarriers() []Carrier { return []Carrier{PDFLOHTML, PDFLODOCX, PDFChromium} }

// AllCarriers are every carrier, text first.
func AllCarriers() []Carrier { return append(DirectCarriers(), PDFCarriers()...) }

// Source is the carrier a PDF carrier is made from.
func (c Carrier) Source() Carrier {
	switch c {
	case PDFLOHTML, PDFChromium:
		return HTML
	case PDFLODOCX:
		return DOCX
	}
	return c
}

// Ext is the file name ending of a carrier's files: .txt, .md, .html, .docx, or
// .lo-html.pdf and the like for PDFs (so the three PDFs of a report sit side by side).
func (c Carrier) Ext() string {
	switch c {
	case PDFLOHTML, PDFLODOCX, PDFChromium:
		return "." + string(c[len("pdf-"):]) + ".pdf"
	}
	return "." + string(c)
}

// ParseCarrier reads a carrier name.
func ParseCarrier(s string) (Carrier, error) {
	for _, c := range AllCarriers() {
		if string(c) == s {
			return c, nil
		}
	}
	return "", fmt.Errorf("unknown carrier %q (want one of %v)", s, AllCarriers())
}

// Render writes a report in one of the direct carriers.
func Render(r *Report, c Carrier) ([]byte, error) {
	switch c {
	case TXT:
		return RenderTXT(r), nil
	case MD:
		return RenderMarkdown(r), nil
	case HTML:
		return RenderHTML(r), nil
	case DOCX:
		return RenderDOCX(r)
	}
	return nil, fmt.Errorf("render %s: a PDF is made from the %s file by MakePDFs", c, c.Source())
}
