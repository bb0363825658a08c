package profile

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
)

// Profile is a compiled Spec, safe for concurrent use by many documents.
type Profile struct {
	spec      *Spec
	sectionRE []*filteredRE
	altRE     []*filteredRE
	claimRE   []*filteredRE
	grammar   *grammar
	editionRE map[string][]*filteredRE
	// sectionLits and claimLits are each pattern's required literals (see gate.go).
	sectionLits [][]string
	claimLits   [][]string
	// units are the folded unit words of every column type, longest first; unitOK says
	// which a column type accepts.
	units  []string
	unitOK map[string]map[string]bool
	// scanner finds every literal the patterns above are filtered by in one pass.
	scanner *litScanner
}

// Compile checks spec and compiles its patterns.
func Compile(spec *Spec) (*Profile, error) {
	if err := spec.validate(); err != nil {
		return nil, err
	}
	p := &Profile{spec: spec, unitOK: map[string]map[string]bool{}}
	for typ, us := range spec.Units {
		p.unitOK[typ] = map[string]bool{}
		for _, u := range us {
			f := foldString(u)
			p.unitOK[typ][f] = true
			if !slices.Contains(p.units, f) {
				p.units = append(p.units, f)
			}
		}
	}
	slices.SortFunc(p.units, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	for _, sec := range spec.Sections {
		p.sectionRE = append(p.sectionRE, compileSectionRE(spec, sec))
		var alt *filteredRE
		if sec.Alt != "" {
			alt = newFilteredRE(sec.Alt)
		}
		p.altRE = append(p.altRE, alt)
		p.sectionLits = append(p.sectionLits, requiredLiterals(p.sectionRE[len(p.sectionRE)-1].String()))
	}
	p.editionRE = map[string][]*filteredRE{}
	for ed, ps := range spec.EditionPatterns {
		for _, np := range ps {
			p.editionRE[ed] = append(p.editionRE[ed], newFilteredRE(np.Pattern))
		}
	}
	for _, c := range spec.Claims {
		re, err := compileRE(spec.expand(c.Pattern))
		if err != nil {
			return nil, fmt.Errorf("claim %s: %w", c.ID, err)
		}
		p.claimRE = append(p.claimRE, newFilteredRE(re.String()))
		p.claimLits = append(p.claimLits, requiredLiterals(re.String()))
	}
	if spec.Quantities != nil {
		g, err := compileGrammar(spec, spec.Quantities)
		if err != nil {
			return nil, fmt.Errorf("quantities: %w", err)
		}
		p.grammar = g
	}
	p.scanner = newLitScanner(p.literals())
	return p, nil
}

// literals returns the literals the profile's patterns and windows are filtered by.
func (p *Profile) literals() []string {
	var out []string
	for _, ls := range append(slices.Clone(p.sectionLits), p.claimLits...) {
		out = append(out, ls...)
	}
	res := append(append(slices.Clone(p.sectionRE), p.altRE...), p.claimRE...)
	for _, fs := range p.editionRE {
		res = append(res, fs...)
	}
	for _, f := range res {
		if f != nil {
			out = append(out, f.any...)
		}
	}
	return out
}

// Spec returns the profile's specification.
func (p *Profile) Spec() *Spec { return p.spec }

// profiler holds the state of one Apply.
type profiler struct {
	*Profile
	s           *stream
	lits        *litIndex // where the patterns' literals occur in the folded text
	facts       *Facts
	tableRanges [][2]int
	bounds      []int // sentence ends in the folded text
	// sentences, blockAt and inBlocks are the sentence ends, the block starts (bytes of
	// the folded text) and both merged, made on first use.
	sentences, blockAt, inBlocks []int
	stops                        []int // full-stop sentence ends and block starts (sentenceAt), made on first use
	ctx                          context.Context
	stopped                      bool // ctx was found done: the stages left return at once
}

// cancelled reports whether the profiling should stop, its context being done. The stages
// ask between steps of bounded cost (a table, a claim pattern, a run of sentences).
func (p *profiler) cancelled() bool {
	if !p.stopped && p.ctx.Err() != nil {
		p.stopped = true
	}
	return p.stopped
}

// Apply maps doc to facts.
func (p *Profile) Apply(doc *document.Document) *Facts {
	f, _ := p.ApplyContext(context.Background(), doc)
	return f
}

// ApplyContext is Apply that stops with ctx's error once ctx is done: a long document under
// the size limit takes seconds to read, and the per-document time limit covers that too.
func (p *Profile) ApplyContext(ctx context.Context, doc *document.Document) (*Facts, error) {
	f := &Facts{
		Source: Source{Path: doc.Path, Format: doc.Format, Encoding: doc.Encoding},
		Tables: map[string]*Table{},
	}
	pr := &profiler{Profile: p, s: newStream(doc), facts: f, ctx: ctx}
	pr.lits = newLitIndex(pr.s.foldedStr, p.scanner)
	f.addRef("doc", Resolved{Span: pr.s.span(0, min(1, pr.s.len())), Logical: "文档", Kind: "module"})
	for _, stage := range []func(){
		pr.findSections, pr.findTables, pr.sectionTexts, pr.findClaims,
		pr.detectEdition, pr.reportYear, pr.findQuantities, pr.finishClaims,
	} {
		if pr.cancelled() {
			return nil, ctx.Err()
		}
		stage()
	}
	if pr.cancelled() {
		return nil, ctx.Err()
	}
	if pr.s.truncated {
		n := pr.s.len()
		f.Notes = append(f.Notes, Note{Ref: "import.truncated", Message: i18n.Sprintf("文档过长，只检查了前 %d 个字符，之后的内容未检查", maxRunes), Span: pr.s.span(n-1, n)})
	}
	for _, t := range f.Tables {
		for _, n := range doc.Notes {
			if t.Found && !t.Uncertain && t.Span.Overlaps(n.Span) {
				t.Uncertain, t.Doubt = true, n.Message
			}
		}
	}
	for i, n := range doc.Notes {
		if pr.preambleTableNote(doc, n) {
			continue
		}
		ref := fmt.Sprintf("import.%d", i)
		f.Notes = append(f.Notes, Note{Ref: ref, Message: n.Message, Span: n.Span})
		f.addRef(ref, Resolved{Span: n.Span, Logical: "文档", Kind: "module"})
	}
	for _, n := range f.Notes {
		if _, ok := f.refs[n.Ref]; !ok {
			f.addRef(n.Ref, Resolved{Span: n.Span, Kind: "element"})
		}
	}
	return f, nil
}

// sectionTexts fills each section's Text: its body without tables, for keyword rules.
func (p *profiler) sectionTexts() {
	for _, s := range p.facts.Sections {
		if !s.Found {
			if !s.Unheaded {
				p.facts.addRef(s.Ref, Resolved{Logical: s.Numeral + "、" + s.Title, Kind: "module"})
			}
			continue
		}
		var b strings.Builder
		for _, r := range subtract([2]int{s.start, s.bodyEnd}, p.tableRanges) {
			b.WriteString(string(p.s.folded[r[0]:r[1]]))
		}
		s.Text = strings.ReplaceAll(b.String(), string(emptyCell), "")
		p.facts.addRef(s.Ref, Resolved{Span: s.Span, Snippet: s.Heading, Logical: s.Numeral + "、" + s.Title, Kind: "module"})
	}
	for _, s := range p.facts.Sections {
		if s.Unheaded {
			p.facts.addRef(s.Ref, Resolved{Span: s.Span, Snippet: s.Heading, Logical: s.Numeral + "、" + s.Title, Kind: "module"})
		}
	}
}

// detectEdition records the edition markers found anywhere in the document.
func (p *profiler) detectEdition() {
	e := Edition{Markers: map[string][]string{}, Refs: map[string]string{}}
	var found []string
	eds := map[string]bool{}
	for ed := range p.spec.Editions {
		eds[ed] = true
	}
	for ed := range p.spec.EditionPatterns {
		eds[ed] = true
	}
	for _, ed := range slices.Sorted(maps.Keys(eds)) {
		first := [2]int{-1, -1}
		for _, m := range p.spec.Editions[ed] {
			if occ := p.s.indexAll(m, 0, p.s.len()); len(occ) > 0 {
				e.Markers[ed] = append(e.Markers[ed], m)
				if first[0] < 0 || occ[0][0] < first[0] {
					first = occ[0]
				}
			}
		}
		for i, np := range p.spec.EditionPatterns[ed] {
			if loc := p.editionRE[ed][i].findIn(p.lits, p.s.foldedStr); loc != nil {
				e.Markers[ed] = append(e.Markers[ed], np.Name)
				a, b := int(p.s.foldIdx[loc[0]]), int(p.s.foldIdx[loc[1]])
				if first[0] < 0 || a < first[0] {
					first = [2]int{a, b}
				}
			}
		}
		if len(e.Markers[ed]) > 0 {
			found = append(found, ed)
			ref := "edition." + ed
			e.Refs[ed] = ref
			p.facts.addRef(ref, Resolved{Span: p.s.span(first[0], first[1]), Snippet: p.s.text(first[0], first[1]), Logical: "表格格式", Kind: "element"})
		}
	}
	switch len(found) {
	case 0:
		e.Detected = "unknown"
	case 1:
		e.Detected = found[0]
	default:
		e.Detected = "mixed"
	}
	p.facts.Edition = e
}

// reportYear sets the report year from the title claim, else from the statistics period.
func (p *profiler) reportYear() {
	r := &p.facts.Report
	r.YearFrom = "none"
	for _, c := range p.facts.Claims {
		if c.ID == "title" {
			r.Title = c
			if y, ok := c.Fields["year"]; ok && y.Number {
				r.Year, r.YearFrom = int(y.Value), "title"
			}
			break
		}
	}
	if r.Year != 0 {
		return
	}
	for _, c := range p.facts.Claims {
		if c.ID == "period" {
			if y, ok := c.Fields["y1"]; ok && y.Number {
				r.Year, r.YearFrom = int(y.Value), "period"
				return
			}
		}
	}
}
