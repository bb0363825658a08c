package profile

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// Summary is what a later report needs of an earlier one of the same body: who and when,
// the cells that carry over from year to year, and the narrative's sentences. It is small,
// so a sweep can keep one per document.
type Summary struct {
	Path    string
	Body    string
	Year    int
	Edition string
	cells   map[string]*Cell
	refs    map[string]Resolved
	// sentences maps the hash of each normalised narrative sentence to its length.
	sentences map[uint64]int
}

// Previous is what rules see, in input.previous, of the same body's report for the year
// before: its cells that carry over (this year's 上年结转 is last year's 结转下年度; this
// year's stock of documents in force follows from last year's), and how much of this
// year's narrative repeats last year's.
type Previous struct {
	Path    string           `json:"path"`
	Year    int              `json:"year"`
	Body    string           `json:"body"`
	Edition string           `json:"edition"`
	Cells   map[string]*Cell `json:"cells"`
	Repeat  Repeat           `json:"repeat"`
}

// Repeat measures text reuse: the share of this report's narrative (in characters, digits
// masked so a changed year does not hide a copy) made of sentences that also appear in the
// previous report.
type Repeat struct {
	Share     float64 `json:"share"`
	Sentences int     `json:"sentences"`
	Repeated  int     `json:"repeated"`
}

// Summarize returns the summary of a document's facts: it keeps the cells of the rows the
// profile marks carry.
func Summarize(f *Facts) *Summary {
	s := &Summary{Path: f.Source.Path, Year: f.Report.Year, Edition: f.Edition.Detected,
		cells: map[string]*Cell{}, refs: map[string]Resolved{}, sentences: map[uint64]int{}}
	if f.Report.Title != nil {
		if b, ok := f.Report.Title.Fields["body"]; ok {
			s.Body = BodyKey(b.Text)
		}
	}
	for _, t := range f.Tables {
		if !t.Found {
			continue
		}
		for _, r := range t.Rows {
			if !r.carry || !r.Found {
				continue
			}
			for _, c := range r.Cells {
				cp := *c
				s.cells[c.Ref] = &cp
				if res, ok := f.Resolve(c.Ref); ok {
					s.refs[c.Ref] = res
				}
			}
		}
	}
	for _, sec := range f.Sections {
		for _, sent := range sentences(sec.Text) {
			s.sentences[hashSentence(sent)] = len([]rune(sent))
		}
	}
	return s
}

// BodyKey normalises a body's name for pairing reports of the same body.
func BodyKey(name string) string {
	name = foldString(name)
	for _, p := range []string{"标题:", "标题"} {
		name = strings.TrimPrefix(name, p)
	}
	return name
}

// Link attaches prev to f as f.Previous, measuring text reuse.
func Link(f *Facts, prev *Summary) {
	if prev == nil {
		return
	}
	p := &Previous{Path: prev.Path, Year: prev.Year, Body: prev.Body, Edition: prev.Edition, Cells: prev.cells}
	total, repeated, n, r := 0, 0, 0, 0
	for _, sec := range f.Sections {
		for _, sent := range sentences(sec.Text) {
			l := len([]rune(sent))
			total += l
			n++
			if _, ok := prev.sentences[hashSentence(sent)]; ok {
				repeated += l
				r++
			}
		}
	}
	if total > 0 {
		p.Repeat = Repeat{Share: float64(repeated) / float64(total), Sentences: n, Repeated: r}
	}
	f.Previous = p
	for ref, res := range prev.refs {
		res.Path = prev.Path
		f.addRef(PreviousRef(ref), res)
	}
}

// PreviousRef is the reference, in a later report's facts, of a fact of the previous one.
func PreviousRef(ref string) string { return "previous:" + ref }

// sentences splits a section's folded text into sentences worth comparing: at least 12
// characters, digits masked.
func sentences(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool {
		return r == '。' || r == ';' || r == '!' || r == '?' || r == '；' || r == '！' || r == '？'
	}) {
		var b strings.Builder
		digits := false
		for _, r := range s {
			if unicode.IsDigit(r) {
				if !digits {
					b.WriteByte('#')
				}
				digits = true
				continue
			}
			digits = false
			b.WriteRune(r)
		}
		if m := b.String(); len([]rune(m)) >= 12 {
			out = append(out, m)
		}
	}
	return out
}

func hashSentence(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
