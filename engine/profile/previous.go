package profile

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
)

// Summary is what the other reports of a run need of one report, kept small so that a
// sweep can hold one per document: who and when, the tables' rows that carry over from
// year to year (with their labels and places, so that cross-year rules can be judged from
// two summaries alone), and the hashes of the narrative's sentences.
type Summary struct {
	Path    string
	Body    string
	Year    int
	Edition string
	source  Source
	report  Report
	// tables hold only the rows the profile marks carry.
	tables map[string]*Table
	// refs resolve the document, the carried rows and their cells.
	refs map[string]Resolved
	// sentences are the narrative's sentences, in order, as hash and length.
	sentences []sentence
}

type sentence struct {
	hash uint64
	len  int
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

// Summarize returns the summary of a document's facts: the rows the profile marks carry,
// with their tables' columns and labels, and the narrative's sentences.
func Summarize(f *Facts) *Summary {
	s := &Summary{Path: f.Source.Path, Year: f.Report.Year, Edition: f.Edition.Detected,
		source: f.Source, report: Report{Year: f.Report.Year, YearFrom: f.Report.YearFrom},
		tables: map[string]*Table{}, refs: map[string]Resolved{}}
	s.Body = BodyOf(f)
	// Strings are cloned: a substring of the document's text would keep all of it.
	keep := func(ref string) {
		if res, ok := f.Resolve(ref); ok {
			res.Snippet = strings.Clone(res.Snippet)
			res.Logical = strings.Clone(res.Logical)
			s.refs[ref] = res
		}
	}
	keep("doc")
	for id, t := range f.Tables {
		ct := *t
		ct.Title, ct.Doubt = strings.Clone(t.Title), strings.Clone(t.Doubt)
		ct.Rows = map[string]*Row{}
		ct.RowOrder = nil
		for _, rid := range t.RowOrder {
			r := t.Rows[rid]
			if r == nil || !r.carry {
				continue
			}
			ct.Rows[rid] = cloneRow(r)
			ct.RowOrder = append(ct.RowOrder, rid)
			keep(r.Ref)
			for _, c := range r.Cells {
				keep(c.Ref)
			}
		}
		if len(ct.Rows) > 0 {
			keep(t.Ref)
			s.tables[id] = &ct
		}
	}
	for _, sec := range f.Sections {
		for _, sent := range sentences(sec.Text) {
			s.sentences = append(s.sentences, sentence{hashSentence(sent), len([]rune(sent))})
		}
	}
	return s
}

// Facts returns the facts a summary keeps, as rules see them: the carried rows of the
// tables, the year and the edition, and nothing of the narrative. Cross-document rules
// read no more, so they give the same findings on these as on the whole document's facts.
func (s *Summary) Facts() *Facts {
	f := &Facts{Source: s.source, Report: s.report, Edition: Edition{Detected: s.Edition},
		Tables: s.tables, refs: make(map[string]Resolved, len(s.refs)), cells: map[string]*Cell{}}
	for ref, r := range s.refs {
		f.refs[ref] = r
	}
	for _, t := range s.tables {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				f.cells[c.Ref] = c
			}
		}
	}
	return f
}

// Link attaches prev to f as f.Previous, measuring how much of f's narrative repeats
// prev's.
func Link(f *Facts, prev *Summary) {
	if prev == nil {
		return
	}
	LinkSummary(f, Summarize(f), prev)
}

// LinkSummary is Link for facts whose narrative is known only by cur, its summary (the
// facts a Summary returns).
func LinkSummary(f *Facts, cur, prev *Summary) {
	if prev == nil {
		return
	}
	cells := map[string]*Cell{}
	for _, t := range prev.tables {
		for _, r := range t.Rows {
			if !r.Found {
				continue
			}
			for _, c := range r.Cells {
				cells[c.Ref] = c
			}
		}
	}
	p := &Previous{Path: prev.Path, Year: prev.Year, Body: prev.Body, Edition: prev.Edition, Cells: cells}
	seen := make(map[uint64]bool, len(prev.sentences))
	for _, x := range prev.sentences {
		seen[x.hash] = true
	}
	total, repeated, n, r := 0, 0, 0, 0
	for _, x := range cur.sentences {
		total += x.len
		n++
		if seen[x.hash] {
			repeated += x.len
			r++
		}
	}
	if total > 0 {
		p.Repeat = Repeat{Share: float64(repeated) / float64(total), Sentences: n, Repeated: r}
	}
	f.Previous = p
	for ref, res := range prev.refs {
		if _, ok := cells[ref]; !ok {
			continue
		}
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

// BodyOf is the key that pairs f's report with the same body's other years: the body its
// title names, normalised by BodyKey; empty when the title names none. Sweeps pair by it,
// and sharded runs (lint.ShardKeys) keep a body's reports together by it.
func BodyOf(f *Facts) string {
	if f.Report.Title != nil {
		if b, ok := f.Report.Title.Fields["body"]; ok {
			return BodyKey(b.Text)
		}
	}
	return ""
}

// BodyKey normalises a body's name for pairing reports of the same body.
func BodyKey(name string) string {
	name = foldString(name)
	for _, p := range []string{"标题:", "标题"} {
		name = strings.TrimPrefix(name, p)
	}
	return name
}

// Resolved returns the places of the facts the summary keeps.
func (s *Summary) Resolved() []Resolved {
	out := make([]Resolved, 0, len(s.refs))
	for _, r := range s.refs {
		out = append(out, r)
	}
	return out
}

// cloneRow copies a row and its cells with strings of their own.
func cloneRow(r *Row) *Row {
	c := *r
	c.Label, c.Written, c.Run = strings.Clone(r.Label), strings.Clone(r.Written), strings.Clone(r.Run)
	c.Cells = make(map[string]*Cell, len(r.Cells))
	for k, x := range r.Cells {
		y := *x
		y.Text, y.Unit = strings.Clone(x.Text), strings.Clone(x.Unit)
		c.Cells[k] = &y
	}
	return &c
}

// summaryWire is a Summary as it is written to a sweep's spill file.
type summaryWire struct {
	Path, Body, Edition string
	Year                int
	Source              Source
	Report              Report
	Tables              map[string]*Table
	Refs                map[string]Resolved
	Hashes              []uint64
	Lens                []int32
}

// GobEncode writes the summary for a sweep's spill file.
func (s *Summary) GobEncode() ([]byte, error) {
	w := summaryWire{Path: s.Path, Body: s.Body, Edition: s.Edition, Year: s.Year, Source: s.source,
		Report: s.report, Tables: s.tables, Refs: s.refs,
		Hashes: make([]uint64, len(s.sentences)), Lens: make([]int32, len(s.sentences))}
	for i, x := range s.sentences {
		w.Hashes[i], w.Lens[i] = x.hash, int32(x.len)
	}
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(&w)
	return b.Bytes(), err
}

// GobDecode reads a summary GobEncode wrote.
func (s *Summary) GobDecode(data []byte) error {
	var w summaryWire
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&w); err != nil {
		return err
	}
	if len(w.Hashes) != len(w.Lens) {
		return fmt.Errorf("summary: %d sentence hashes, %d lengths", len(w.Hashes), len(w.Lens))
	}
	*s = Summary{Path: w.Path, Body: w.Body, Edition: w.Edition, Year: w.Year, source: w.Source,
		report: w.Report, tables: w.Tables, refs: w.Refs, sentences: make([]sentence, len(w.Hashes))}
	if s.tables == nil {
		s.tables = map[string]*Table{}
	}
	if s.refs == nil {
		s.refs = map[string]Resolved{}
	}
	for i := range w.Hashes {
		s.sentences[i] = sentence{w.Hashes[i], int(w.Lens[i])}
	}
	return nil
}
