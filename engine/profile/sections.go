package profile

import (
	"slices"
	"sort"
)

// headingCandidate is one place where a section's heading may be.
type headingCandidate struct {
	sec        int // index into Spec.Sections
	start, end int // code points, heading text
	numeral    string
	score      int
}

// findSections locates the first-level headings. A candidate is the section's title
// pattern, optionally preceded by a numeral and separator; it must be numbered or begin a
// line (so the list of parts in an introduction does not count). Among candidates, the
// highest-scoring chain in the required order wins; a heading found only out of order is
// still reported, with InOrder false.
func (p *profiler) findSections() {
	spec := p.spec
	var cands []headingCandidate
	bounds := p.sentenceEnds()
	for i, sec := range spec.Sections {
		re := p.sectionRE[i]
		for _, w := range windows(p.s.foldedStr, p.lits, bounds, 0, len(p.s.foldedStr), p.sectionLits[i]) {
			p.headingCandidates(re, w, i, sec.Numeral, &cands)
		}
	}
	p.chooseSections(cands)
}

// headingCandidates adds the matches of re in the byte window w of the folded text.
func (p *profiler) headingCandidates(re *filteredRE, w [2]int, i int, want string, cands *[]headingCandidate) {
	hay := p.s.foldedStr[w[0]:w[1]]
	for _, m := range re.findAllIn(p.lits, p.s.foldedStr, w[0], w[1], maxOccurrences) {
		{
			start := int(p.s.foldIdx[w[0]+m[0]])
			end := int(p.s.foldIdx[w[0]+m[1]])
			numeral := ""
			if m[2] >= 0 {
				numeral = hay[m[2]:m[3]]
			}
			c := headingCandidate{sec: i, start: start, end: end, numeral: numeral}
			if !p.scoreHeading(&c, want) {
				continue
			}
			*cands = append(*cands, c)
		}
	}
}

// chooseSections picks the headings from the candidates and fills the section facts.
func (p *profiler) chooseSections(cands []headingCandidate) {
	spec := p.spec
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })

	chain := bestChain(len(cands), func(i int) (int, int, int, int) {
		return cands[i].sec, cands[i].start, cands[i].end, cands[i].score
	})
	chosen := map[int]headingCandidate{}
	for _, ci := range chain {
		chosen[cands[ci].sec] = cands[ci]
	}
	inOrder := map[int]bool{}
	for sec := range chosen {
		inOrder[sec] = true
	}
	// Sections missing from the chain may still be present out of order: take their best
	// candidate that does not overlap a chosen heading.
	for i := range spec.Sections {
		if _, ok := chosen[i]; ok {
			continue
		}
		best := -1
		for ci, c := range cands {
			if c.sec != i || overlapsChosen(c, chosen) {
				continue
			}
			if best < 0 || c.score > cands[best].score {
				best = ci
			}
		}
		if best >= 0 {
			chosen[i] = cands[best]
		}
	}
	var found []headingCandidate
	for _, c := range chosen {
		found = append(found, c)
	}
	sort.Slice(found, func(a, b int) bool { return found[a].start < found[b].start })
	for i, sec := range spec.Sections {
		out := &Section{Ref: sec.ID, ID: sec.ID, Title: sec.Title, Numeral: sec.Numeral, start: -1, bodyEnd: -1}
		p.facts.Sections = append(p.facts.Sections, out)
		c, ok := chosen[i]
		if !ok {
			if r := p.altRE[i]; r != nil {
				if loc := r.findIn(p.lits, p.s.foldedStr); loc != nil {
					a, b := int(p.s.foldIdx[loc[0]]), int(p.s.foldIdx[loc[1]])
					out.Unheaded = true
					out.Heading = p.s.text(a, b)
					out.Span = p.s.span(a, b)
				}
			}
			continue
		}
		out.Found = true
		out.InOrder = inOrder[i]
		out.Heading = p.s.text(c.start, c.end)
		out.WrittenNumeral = c.numeral
		out.Span = p.s.span(c.start, c.end)
		out.start = c.start
		out.headEnd = c.end
		out.bodyEnd = p.s.len()
		for k, f := range found {
			if f.start == c.start {
				out.Order = k + 1
				if k+1 < len(found) {
					out.bodyEnd = found[k+1].start
				}
			}
		}
		out.BodySpan = p.s.span(c.start, out.bodyEnd)
	}
}

func overlapsChosen(c headingCandidate, chosen map[int]headingCandidate) bool {
	for _, o := range chosen {
		if c.start < o.end && o.start < c.end {
			return true
		}
	}
	return false
}

// scoreHeading scores a candidate and reports whether it can be a heading at all.
func (p *profiler) scoreHeading(c *headingCandidate, want string) bool {
	s := p.s
	if c.start > 0 {
		prev := s.folded[c.start-1]
		if prev == '(' || prev == '（' {
			return false // (一)… is a second-level heading
		}
	}
	lineStart := p.startsLine(c.start)
	afterBreak := c.start == 0 || isSentenceEnd(s.folded[c.start-1])
	if c.numeral == "" && (!lineStart || !p.endsLine(c.end) && !p.startsBlock(c.start)) {
		// An unnumbered title is a heading when it starts a line, and either is a line of
		// its own or starts a block: a paragraph wrapped just before a title it names
		// (…、存在的主要问题及改进情况和其他需要报告的事项等六个部分) goes on after it.
		return false
	}
	score := 1
	if c.numeral != "" {
		score += 2
		if c.numeral == want {
			score++
		}
	}
	if lineStart {
		score += 2
	} else if afterBreak {
		score++
	} else if c.numeral != "" && !afterBreak {
		// "…的三、收到和处理…" inside a sentence: weak.
		score--
	}
	if p.endsLine(c.end) {
		score++ // the heading is a line of its own
	}
	c.score = score
	return true
}

// emphasis reports whether r is a mark a heading may be wrapped in when the text kept its
// markup (Markdown's **…** and __…__).
func emphasis(r rune) bool { return r == '*' || r == '_' }

// startsLine reports whether code point i begins a line, emphasis marks before it aside
// (“**政府信息公开行政复议、行政诉讼情况**”).
func (p *profiler) startsLine(i int) bool {
	s := p.s
	k := i
	for n := 0; n < 3 && k > 0 && !s.lineStart[k] && emphasis(s.folded[k-1]); n++ {
		k--
	}
	return s.lineStart[k]
}

// startsBlock reports whether code point i, emphasis marks before it aside, begins a
// block (a paragraph, heading or cell), not a line a paragraph wrapped onto.
func (p *profiler) startsBlock(i int) bool {
	s := p.s
	for n := 0; n < 3 && i > 0 && emphasis(s.folded[i-1]); n++ {
		if _, ok := slices.BinarySearch(s.blockStart, i); ok {
			return true
		}
		i--
	}
	_, ok := slices.BinarySearch(s.blockStart, i)
	return ok
}

// endsLine reports whether the text ends a line at code point i, emphasis marks aside.
func (p *profiler) endsLine(i int) bool {
	s := p.s
	for k := i; k < i+4; k++ {
		if k >= s.len() || s.lineStart[k] {
			return true
		}
		if !emphasis(s.folded[k]) {
			return false
		}
	}
	return false
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', ';', '!', '?', ':', '；', '！', '？', '：', '"', '”', ')', '）':
		return true
	}
	return false
}

// bestChain picks, from items sorted by start, a chain with strictly increasing keys and
// non-overlapping, increasing positions that maximises the total score (ties go to the
// chain found first, so earlier places win). item(i) returns key, start, end and score.
func bestChain(n int, item func(i int) (key, start, end, score int)) []int {
	if n == 0 {
		return nil
	}
	best := make([]int, n)
	prev := make([]int, n)
	for i := 0; i < n; i++ {
		ki, si, _, wi := item(i)
		best[i] = wi
		prev[i] = -1
		for j := 0; j < i; j++ {
			kj, _, ej, _ := item(j)
			if kj < ki && ej <= si && best[j]+wi > best[i] {
				best[i] = best[j] + wi
				prev[i] = j
			}
		}
	}
	top := 0
	for i := 1; i < n; i++ {
		if best[i] > best[top] {
			top = i
		}
	}
	var chain []int
	for i := top; i >= 0; i = prev[i] {
		chain = append(chain, i)
	}
	for l, r := 0, len(chain)-1; l < r; l, r = l+1, r-1 {
		chain[l], chain[r] = chain[r], chain[l]
	}
	return chain
}

// compileSectionRE builds the heading expression of one section: an optional numeral and
// separator, then the title pattern.
func compileSectionRE(spec *Spec, sec SectionSpec) *filteredRE {
	return newFilteredRE(`(?:(` + spec.Numeral + `)` + spec.Separator + `)?(?:` + sec.Pattern + `)`)
}
