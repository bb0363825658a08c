package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// maxStyleChain bounds the w:basedOn chain followed (and breaks cycles).
const maxStyleChain = 32

// style is what the importer needs from one paragraph style of word/styles.xml.
type style struct {
	name    string
	basedOn string
	outline int // w:outlineLvl, -1 when not set
	numID   string
	ilvl    int
	hasNum  bool
}

// styles are the paragraph styles of a document, by style id.
type styles struct {
	byID map[string]*style
	def  string // id of the default paragraph style
}

func newStyles() *styles { return &styles{byID: map[string]*style{}} }

// read parses word/styles.xml.
func (s *styles) read(x *xmlReader) error {
	return x.walk(func(se xml.StartElement) error {
		if !isW(se.Name) || se.Name.Local != "style" {
			return nil
		}
		if attr(se, "type") != "paragraph" && attr(se, "type") != "" {
			return x.skip()
		}
		st := &style{outline: -1}
		id := attr(se, "styleId")
		if d := attr(se, "default"); (d == "1" || d == "true" || d == "on") && s.def == "" {
			s.def = id
		}
		err := x.walk(func(c xml.StartElement) error {
			if !isW(c.Name) {
				return x.skip()
			}
			switch c.Name.Local {
			case "name":
				st.name = attr(c, "val")
			case "basedOn":
				st.basedOn = attr(c, "val")
			case "pPr":
				return x.walk(func(p xml.StartElement) error {
					switch p.Name.Local {
					case "outlineLvl":
						if v, err := strconv.Atoi(attr(p, "val")); err == nil {
							st.outline = v
						}
					case "numPr":
						st.hasNum = true
						return x.walk(func(n xml.StartElement) error {
							switch n.Name.Local {
							case "numId":
								st.numID = attr(n, "val")
							case "ilvl":
								st.ilvl, _ = strconv.Atoi(attr(n, "val"))
							}
							return x.skip()
						}, nil)
					}
					return x.skip()
				}, nil)
			}
			return x.skip()
		}, nil)
		if err != nil {
			return err
		}
		if _, dup := s.byID[id]; !dup && len(s.byID) < maxEntries {
			s.byID[id] = st
		}
		return nil
	}, nil)
}

// styleKind says what a paragraph style makes of a paragraph.
type styleKind int

const (
	plainStyle styleKind = iota
	headingStyle
	tocStyle
)

// headingName recognises built-in style names and ids such as "heading 1", "Heading1",
// "标题 1", "toc 2", "目录 2". It returns the kind and level.
func headingName(s string) (styleKind, int) {
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	for _, p := range []struct {
		prefix string
		kind   styleKind
	}{{"heading", headingStyle}, {"标题", headingStyle}, {"toc", tocStyle}, {"目录", tocStyle}} {
		rest, ok := strings.CutPrefix(s, p.prefix)
		if ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return p.kind, int(rest[0] - '0')
		}
	}
	return plainStyle, 0
}

// resolve says what style id makes of a paragraph: plain, a heading of some level, or a
// table-of-contents entry. It walks the basedOn chain: the first style that sets an outline
// level, or whose name is a built-in heading or TOC name, decides.
func (s *styles) resolve(id string) (styleKind, int) {
	if id == "" {
		id = s.def
	}
	seen := 0
	for cur := id; cur != "" && seen < maxStyleChain; seen++ {
		st, ok := s.byID[cur]
		if !ok {
			if k, l := headingName(cur); k != plainStyle {
				return k, l
			}
			return plainStyle, 0
		}
		if k, l := headingName(st.name); k == tocStyle {
			return k, l
		}
		if st.outline >= 0 {
			if st.outline <= 8 {
				return headingStyle, st.outline + 1
			}
			return plainStyle, 0
		}
		if k, l := headingName(st.name); k != plainStyle {
			return k, l
		}
		cur = st.basedOn
	}
	return plainStyle, 0
}

// numbering returns the list numbering a paragraph style (or one it is based on) applies.
func (s *styles) numbering(id string) (numID string, ilvl int, ok bool) {
	if id == "" {
		id = s.def
	}
	seen := 0
	for cur := id; cur != "" && seen < maxStyleChain; seen++ {
		st, found := s.byID[cur]
		if !found {
			return "", 0, false
		}
		if st.hasNum {
			return st.numID, st.ilvl, true
		}
		cur = st.basedOn
	}
	return "", 0, false
}
