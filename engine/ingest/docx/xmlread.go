package docx

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// XML namespaces the reader cares about. Elements are matched by namespace so that DrawingML
// text (a:p, a:t in charts and SmartArt) is not taken for document text.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// checkEvery is how many tokens pass between two looks at the context.
const checkEvery = 1024

// xmlReader streams the tokens of one part, counting element depth against the limit and
// watching the context.
type xmlReader struct {
	ctx      context.Context
	dec      *xml.Decoder
	part     string
	depth    int
	maxDepth int
	tokens   int
}

func newXMLReader(ctx context.Context, r io.Reader, part string, maxDepth int) *xmlReader {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, i18n.Errorf("不支持的 XML 编码 %q（DOCX 的各部分应为 UTF-8）", label)
	}
	return &xmlReader{ctx: ctx, dec: d, part: part, maxDepth: maxDepth}
}

// next returns the next token. Errors name the part; a *limit.Error stays reachable with
// errors.As. At the end of the part it returns io.EOF.
func (x *xmlReader) next() (xml.Token, error) {
	x.tokens++
	if x.tokens%checkEvery == 0 {
		if err := x.ctx.Err(); err != nil {
			return nil, err
		}
	}
	tok, err := x.dec.Token()
	if err != nil {
		if err == io.EOF {
			if x.depth > 0 {
				return nil, i18n.Errorf("%s：XML 在元素中途结束（该部分被截断）", x.part)
			}
			return nil, io.EOF
		}
		return nil, fmt.Errorf("%s: %w", x.part, err)
	}
	switch tok.(type) {
	case xml.StartElement:
		x.depth++
		if x.maxDepth > 0 && x.depth > x.maxDepth {
			return nil, fmt.Errorf("%s: %w", x.part, &limit.Error{What: "nesting depth", Limit: int64(x.maxDepth), Actual: int64(x.depth), Unit: "levels"})
		}
	case xml.EndElement:
		x.depth--
	}
	return tok, nil
}

// walk calls fn for every start element below the element just opened (or, at depth 0, for
// the whole part) and returns after that element's end tag. fn may consume the element it is
// given (with skip or a walk of its own); if it does not, walk goes on into its children, so
// unknown wrappers (w:sdt, w:customXml, w:hyperlink ...) are transparent. fn also sees the
// end tags of elements it left open, through end, which may be nil.
func (x *xmlReader) walk(fn func(se xml.StartElement) error, end func(ee xml.EndElement)) error {
	d := x.depth
	for {
		tok, err := x.next()
		if err != nil {
			if err == io.EOF && d == 0 {
				return nil
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			if x.depth < d {
				return nil
			}
			if end != nil {
				end(t)
			}
		}
	}
}

// skip consumes the rest of the element just opened.
func (x *xmlReader) skip() error {
	return x.walk(func(xml.StartElement) error { return nil }, nil)
}

// text returns the character data of the element just opened (w:t, w:instrText) and
// consumes it.
func (x *xmlReader) text() (string, error) {
	d := x.depth
	var out []byte
	for {
		tok, err := x.next()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			out = append(out, t...)
		case xml.EndElement:
			if x.depth < d {
				return string(out), nil
			}
		}
	}
}

// isW reports whether n is a WordprocessingML element (transitional, strict, or with no
// namespace at all, which some generators write).
func isW(n xml.Name) bool {
	return n.Space == nsW || n.Space == nsWStrict || n.Space == ""
}

// attr returns the value of the attribute with local name local, preferring the w
// namespace, or "".
func attr(se xml.StartElement, local string) string {
	v, found := "", false
	for _, a := range se.Attr {
		if a.Name.Local != local {
			continue
		}
		if isW(a.Name) {
			return a.Value
		}
		if !found {
			v, found = a.Value, true
		}
	}
	return v
}

// onOff reads an OOXML on/off property such as <w:vanish/> or <w:vanish w:val="false"/>.
func onOff(se xml.StartElement) bool {
	switch attr(se, "val") {
	case "false", "0", "off", "none":
		return false
	}
	return true
}
