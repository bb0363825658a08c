package profile

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/cnnum"
)

// findClaims runs every claim pattern over its region of the folded, whitespace-free text,
// skipping the ranges tables occupy, and records each match with its named groups.
func (p *profiler) findClaims() {
	// Claims are read within a sentence of one block: windows end at sentence ends and at
	// block starts.
	sentences := p.sentenceEnds()
	inBlocks := p.sentenceBlockEnds()
	for i, c := range p.spec.Claims {
		if p.cancelled() {
			return
		}
		re := p.claimRE[i]
		p.bounds = inBlocks
		if c.AcrossBlocks {
			p.bounds = sentences
		}
		for _, r := range p.claimRegions(c.In) {
			if p.findClaimIn(c, re, p.claimLits[i], r[0], r[1]) && c.First {
				break
			}
		}
	}
	p.dropYielding()
}

// finishClaims puts the claims of the patterns and of the grammar in document order and
// gives each, and each of its fields, a reference.
func (p *profiler) finishClaims() {
	sort.SliceStable(p.facts.Claims, func(a, b int) bool {
		return p.facts.Claims[a].start < p.facts.Claims[b].start
	})
	for i, c := range p.facts.Claims {
		c.Ref = "claim." + strconv.Itoa(i)
		p.facts.addRef(c.Ref, Resolved{Span: c.Span, Snippet: c.Text, Logical: claimLogical(p.facts, c), Kind: "text"})
		for name, f := range c.Fields {
			f.Ref = c.Ref + "." + name
			p.facts.addRef(f.Ref, Resolved{Span: f.Span, Snippet: f.Text, Logical: claimLogical(p.facts, c), Kind: "text"})
		}
	}
}

// dropYielding removes claims that overlap a claim they yield to.
func (p *profiler) dropYielding() {
	yields := map[string][]string{}
	for _, c := range p.spec.Claims {
		yields[c.ID] = c.YieldTo
	}
	var keep []*Claim
	for _, c := range p.facts.Claims {
		drop := false
		for _, o := range p.facts.Claims {
			if o == c || o.start >= c.end || c.start >= o.end {
				continue
			}
			for _, id := range yields[c.ID] {
				drop = drop || o.ID == id
			}
		}
		if !drop {
			keep = append(keep, c)
		}
	}
	p.facts.Claims = keep
}

func claimLogical(f *Facts, c *Claim) string {
	for _, s := range f.Sections {
		if s.ID == c.Section {
			return s.Numeral + "、" + s.Title
		}
	}
	return "前言"
}

// findClaimIn records the matches of re in [from, to), looking only in the sentences that
// hold one of the pattern's required literals; it reports whether it found one.
func (p *profiler) findClaimIn(c ClaimSpec, re *filteredRE, lits []string, from, to int) bool {
	found := false
	for _, w := range windows(p.s.foldedStr, p.lits, p.bounds, p.s.foldByte(from), p.s.foldByte(to), lits) {
		if p.findClaimWindow(c, re, w[0], w[1]) {
			found = true
			if c.First {
				break
			}
		}
	}
	return found
}

// findClaimWindow records the matches of re in the byte range [a, b) of the folded text.
func (p *profiler) findClaimWindow(c ClaimSpec, re *filteredRE, a, b int) bool {
	s := p.s
	base := a
	found := false
	names := re.SubexpNames()
	for _, m := range re.findAllIn(p.lits, s.foldedStr, a, b, maxOccurrences) {
		start := int(s.foldIdx[base+m[0]])
		end := int(s.foldIdx[base+m[1]])
		cl := &Claim{ID: c.ID, Section: p.sectionAt(start), Sentence: p.sentenceAt(base + m[0]), Text: s.text(start, end), Fields: map[string]*Field{}, Span: s.span(start, end), start: start, end: end}
		for g := 1; g < len(names); g++ {
			if names[g] == "" || m[2*g] < 0 {
				continue
			}
			// Alternatives of one pattern name the same field n, n__2, n__3 (a regular
			// expression cannot repeat a group name); they all fill field n.
			name := names[g]
			if i := strings.Index(name, "__"); i > 0 {
				name = name[:i]
			}
			a := int(s.foldIdx[base+m[2*g]])
			b := int(s.foldIdx[base+m[2*g+1]])
			f := &Field{Text: s.text(a, b), Span: s.span(a, b)}
			if n, err := cnnum.Parse(string(s.folded[a:b])); err == nil {
				f.Number = true
				f.Value = n.Value
			}
			cl.Fields[name] = f
		}
		p.facts.Claims = append(p.facts.Claims, cl)
		found = true
		if c.First {
			break
		}
	}
	return found
}

// sectionAt returns the id of the section holding code point i, "" in the preamble.
func (p *profiler) sectionAt(i int) string {
	id, best := "", -1
	for _, s := range p.facts.Sections {
		if s.Found && s.start <= i && i < s.bodyEnd && s.start > best {
			id, best = s.ID, s.start
		}
	}
	return id
}

// claimRegions returns the code-point ranges a claim is searched in, with table ranges cut
// out (except for "document").
func (p *profiler) claimRegions(in string) [][2]int {
	n := p.s.len()
	var base [2]int
	switch in {
	case "document":
		return [][2]int{{0, n}}
	case "", "narrative":
		base = [2]int{0, n}
	case "preamble":
		end := n
		for _, s := range p.facts.Sections {
			if s.Found && s.start < end {
				end = s.start
			}
		}
		if end == n && n > 2000 {
			end = 2000 // no headings found: the preamble is the start of the document
		}
		base = [2]int{0, end}
	default:
		base = [2]int{-1, -1}
		for _, s := range p.facts.Sections {
			if s.ID == in && s.Found {
				base = [2]int{s.start, s.bodyEnd}
			}
		}
		if base[0] < 0 {
			return nil
		}
	}
	return subtract(base, p.tableRanges)
}

// subtract returns r minus the (possibly overlapping, unsorted) ranges cut.
func subtract(r [2]int, cut [][2]int) [][2]int {
	sorted := append([][2]int(nil), cut...)
	sort.Slice(sorted, func(a, b int) bool { return sorted[a][0] < sorted[b][0] })
	var out [][2]int
	cur := r[0]
	for _, c := range sorted {
		if c[1] <= cur || c[0] >= r[1] {
			continue
		}
		if c[0] > cur {
			out = append(out, [2]int{cur, c[0]})
		}
		if c[1] > cur {
			cur = c[1]
		}
	}
	if cur < r[1] {
		out = append(out, [2]int{cur, r[1]})
	}
	return out
}

// blockBytes returns the byte offsets in the folded text where blocks start.
func (p *profiler) blockBytes() []int {
	if p.blockAt == nil {
		p.blockAt = make([]int, 0, len(p.s.blockStart))
		for _, i := range p.s.blockStart {
			if i > 0 {
				p.blockAt = append(p.blockAt, p.s.foldByte(i))
			}
		}
	}
	return p.blockAt
}

// sentenceEnds returns sentenceBounds of the folded text, worked out once.
func (p *profiler) sentenceEnds() []int {
	if p.sentences == nil {
		p.sentences = sentenceBounds(p.s.foldedStr)
	}
	return p.sentences
}

// sentenceBlockEnds returns the sentence ends and the block starts of the folded text,
// worked out once: where a claim read within one block ends.
func (p *profiler) sentenceBlockEnds() []int {
	if p.inBlocks == nil {
		p.inBlocks = mergeBounds(p.sentenceEnds(), p.blockBytes())
	}
	return p.inBlocks
}

// mergeBounds merges two sorted lists of offsets.
func mergeBounds(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// sentenceAt returns where the sentence holding byte b of the folded text starts, as a
// code-point offset. A sentence here ends at a full stop (。！？) or a block's end: the
// clauses a semicolon separates, such as the items of one list, are one sentence.
func (p *profiler) sentenceAt(b int) int {
	if p.stops == nil {
		// The full stops are among the sentence ends (which also end at semicolons).
		var ends []int
		for _, e := range p.sentenceEnds() {
			switch r, _ := utf8.DecodeLastRuneInString(p.s.foldedStr[:e]); r {
			case '。', '!', '?', '！', '？':
				ends = append(ends, e)
			}
		}
		p.stops = mergeBounds(ends, p.blockBytes())
	}
	i, _ := slices.BinarySearch(p.stops, b+1)
	if i == 0 {
		return 0
	}
	return int(p.s.foldIdx[p.stops[i-1]])
}
