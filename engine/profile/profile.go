package profile

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

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
	// labels finds the canonical form of every table label (caption, row label, alias,
	// header word) and edition marker in the canonical text in one pass; labelID maps a
	// label as written to its index there, -1 when its canonical form is empty, and
	// labelRunes holds each canonical form's length in code points.
	labels     *litScanner
	labelID    map[string]int
	labelRunes []int
	// tableRefs are the references of every table's rows and cells; refHint and cellHint
	// are how many references and cells the tables and sections give a document.
	tableRefs         map[*TableSpec]*tableRefs
	refHint, cellHint int
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
	p.resolveLiterals()
	p.compileLabels()
	p.compileRefs()
	return p, nil
}

// compileRefs spells the references of the tables' cells once for all documents.
func (p *Profile) compileRefs() {
	p.tableRefs = map[*TableSpec]*tableRefs{}
	p.refHint = 1 + len(p.spec.Sections) + len(p.spec.Editions) + len(p.spec.EditionPatterns)
	for i := range p.spec.Tables {
		t := &p.spec.Tables[i]
		refs := &tableRefs{rows: make([]string, len(t.Rows)), cells: make([][]string, len(t.Rows))}
		for ri, r := range t.Rows {
			refs.rows[ri] = t.ID + "." + r.ID
			for _, c := range t.Columns {
				refs.cells[ri] = append(refs.cells[ri], refs.rows[ri]+"."+c.ID)
			}
		}
		p.tableRefs[t] = refs
		p.cellHint += len(t.Rows) * len(t.Columns)
		p.refHint += 1 + len(t.Rows)*(1+len(t.Columns))
	}
}

// compileLabels prepares the one-pass search of the table labels and edition markers.
func (p *Profile) compileLabels() {
	var labels []string
	for _, t := range p.spec.Tables {
		labels = append(labels, t.Caption)
		for _, r := range t.Rows {
			labels = append(labels, r.Label)
			labels = append(labels, r.Aliases...)
		}
		labels = append(labels, t.Header...)
	}
	for _, ms := range p.spec.Editions {
		labels = append(labels, ms...)
	}
	var canons []string
	p.labelID = map[string]int{}
	for _, l := range labels {
		if _, ok := p.labelID[l]; !ok {
			p.labelID[l] = -1
			if c := canonString(l); c != "" {
				canons = append(canons, c)
			}
		}
	}
	p.labels = newLitScanner(canons)
	for l := range p.labelID {
		if i, ok := p.labels.id[canonString(l)]; ok {
			p.labelID[l] = i
		}
	}
	for _, c := range p.labels.lits {
		p.labelRunes = append(p.labelRunes, utf8.RuneCountInString(c))
	}
}

// tableRefs are the references of a table's rows, and of their cells by column.
type tableRefs struct {
	rows  []string
	cells [][]string
}

// filtered returns the profile's filtered patterns (nil for a section without an
// alternative heading).
func (p *Profile) filtered() []*filteredRE {
	res := append(append(slices.Clone(p.sectionRE), p.altRE...), p.claimRE...)
	for _, fs := range p.editionRE {
		res = append(res, fs...)
	}
	if p.grammar != nil {
		res = append(res, p.grammar.token)
	}
	return res
}

// literals returns the literals the profile's patterns and windows are filtered by.
func (p *Profile) literals() []string {
	var out []string
	for _, ls := range append(slices.Clone(p.sectionLits), p.claimLits...) {
		out = append(out, ls...)
	}
	for _, f := range p.filtered() {
		if f != nil {
			out = f.need.literals(append(out, f.any...))
		}
	}
	if p.grammar != nil {
		out = p.grammar.literals(out)
	}
	return out
}

// resolveLiterals points the literal conditions of the profile's patterns at the scanner.
func (p *Profile) resolveLiterals() {
	for _, f := range p.filtered() {
		if f != nil {
			f.need.resolve(p.scanner)
		}
	}
	if p.grammar != nil {
		for _, n := range p.grammar.needs {
			n.resolve(p.scanner)
		}
	}
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
	// gates are where the literals of the grammar's kinds and contexts occur, made on first
	// use; activeBuf is readSentence's list of the kinds in play, and subGrammars the
	// grammars of the kinds in play met so far.
	gates       []*litSpans
	activeBuf   []bool
	subGrammars []subGrammar
	// labelAt are the offsets in the canonical text of each of the profile's labels, by
	// their index, made on first use.
	labelAt [][]int
	ctx     context.Context
	stopped bool // ctx was found done: the stages left return at once
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
		Tables: make(map[string]*Table, len(p.spec.Tables)),
		refs:   make(map[string]Resolved, p.refHint),
		cells:  make(map[string]*Cell, p.cellHint),
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
			if occ := p.indexAll(m, 0, p.s.len()); len(occ) > 0 {
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
