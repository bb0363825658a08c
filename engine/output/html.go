package output

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// htmlReporter writes one self-contained, offline HTML page (inline CSS, script and SVG; no
// request leaves the page): first a dashboard of the run (headline figures, charts by rule,
// category, year, body kind and region, rules merged across packs with the levels actually
// reported and their help, and a sortable, filterable, searchable table of documents),
// then each document's marked-up report (its sections and tables drawn as grids, the
// cells and sentences findings point at highlighted, each finding beside them). Documents
// stream as they arrive; the dashboard, known only at the end, is written last and shown
// first (CSS order).
//
// With Options.Page set (-o DIR/), each document's report goes to a page of its own and
// the dashboard links to it; the main page then holds only the dashboard.
type htmlReporter struct {
	w       io.Writer
	version string
	page    func(name string) (io.WriteCloser, error)
	rules   map[string]*ruleStat
	docs    []dashDoc
	cats    map[string]int
	years   map[int]*groupStat
	kinds   map[string]*groupStat
	regions map[string]*groupStat
}

// ruleStat is a rule merged across packs: its descriptors' titles and help, and what it
// reported in the run.
type ruleStat struct {
	ID, Title, Help string
	Packs           []string
	Tags            []string
	Docs, Findings  int
	ByLevel         map[finding.Level]int
	NotAssessable   int
	lastDoc         int
}

// groupStat counts documents and findings of one year, kind or region.
type groupStat struct {
	Name                                   string
	Docs, Clean, Errors, Warnings, Notes   int
	DocsWithError, DocsNA, FindingsNA, Bad int
}

// dashDoc is one document's row of the dashboard table (short keys: the page embeds one
// per document).
type dashDoc struct {
	N        int    `json:"n"`
	Path     string `json:"p"`
	Href     string `json:"h"`
	Body     string `json:"b,omitempty"`
	Kind     string `json:"k,omitempty"`
	Region   string `json:"r,omitempty"`
	Year     int    `json:"y,omitempty"`
	Pack     string `json:"pk,omitempty"`
	Errors   int    `json:"e"`
	Warnings int    `json:"w"`
	Notes    int    `json:"o"`
	NA       int    `json:"na"`
	Err      string `json:"x,omitempty"`
	Rules    string `json:"ru,omitempty"`
}

func newHTMLReporter(w io.Writer, opts Options) *htmlReporter {
	return &htmlReporter{w: w, version: opts.ToolVersion, page: opts.Page,
		rules: map[string]*ruleStat{}, cats: map[string]int{}, years: map[int]*groupStat{},
		kinds: map[string]*groupStat{}, regions: map[string]*groupStat{}}
}

// levelLabel is a level as the page shows it.
func levelLabel(l finding.Level) string {
	switch l {
	case finding.Error:
		return i18n.T("错误")
	case finding.Warning:
		return i18n.T("警告")
	case finding.Note:
		return i18n.T("提示")
	}
	return string(l)
}

func (h *htmlReporter) Begin(rules []finding.Rule) error {
	for _, r := range rules {
		s := h.rules[r.ID]
		if s == nil {
			s = &ruleStat{ID: r.ID, Title: r.Title, Help: r.Help, ByLevel: map[finding.Level]int{}}
			h.rules[r.ID] = s
		}
		if s.Help == "" {
			s.Help = r.Help
		}
		s.Packs = append(s.Packs, r.Pack)
		for _, t := range r.Tags {
			if !slices.Contains(s.Tags, t) {
				s.Tags = append(s.Tags, t)
			}
		}
	}
	head := pageHead{Version: h.version, Title: i18n.T("reportlint 检查结果"), Lang: htmlLang()}
	return htmlPage.ExecuteTemplate(h.w, "head", head)
}

// pageHead is what the head of a page shows: the tool's version, the page's title and
// its language (the html element's lang).
type pageHead struct{ Version, Title, Lang string }

// htmlLang is the run's language as a page's lang attribute.
func htmlLang() string {
	if i18n.Current() == i18n.En {
		return "en"
	}
	return "zh-CN"
}

func (h *htmlReporter) Result(r finding.Result) error {
	n := len(h.docs) + 1
	var c finding.Counts
	c.Add(r)
	d := dashDoc{N: n, Path: r.Path, Pack: r.Pack, Errors: c.Error, Warnings: c.Warning, Notes: c.Note, Href: fmt.Sprintf("#d%d", n)}
	if h.page != nil {
		d.Href = docPageName(n)
	}
	if r.About != nil {
		d.Body, d.Kind, d.Region, d.Year = r.About.Body, kindLabel(r.About.BodyKind), r.About.Region, r.About.Year
	}
	if r.Err != nil {
		d.Err = r.Err.Error()
	}
	var ids []string
	for _, f := range r.Findings {
		if f.NotAssessable {
			d.NA++
		}
		s := h.rules[f.RuleID]
		if s == nil {
			s = &ruleStat{ID: f.RuleID, Tags: f.Tags, ByLevel: map[finding.Level]int{}}
			h.rules[f.RuleID] = s
		}
		s.Findings++
		s.ByLevel[f.Level]++
		if f.NotAssessable {
			s.NotAssessable++
		}
		if s.lastDoc != n {
			s.Docs++
			s.lastDoc = n
			ids = append(ids, f.RuleID)
		}
		for _, t := range f.Tags {
			h.cats[t]++
		}
	}
	slices.Sort(ids)
	d.Rules = strings.Join(ids, " ")
	add := func(g *groupStat) {
		g.Docs++
		g.Errors += c.Error
		g.Warnings += c.Warning
		g.Notes += c.Note
		g.FindingsNA += d.NA
		if c.Error > 0 {
			g.DocsWithError++
		}
		if r.Err != nil {
			g.Bad++
		}
		if len(r.Findings) == 0 && r.Err == nil {
			g.Clean++
		}
	}
	if d.Year != 0 {
		if h.years[d.Year] == nil {
			h.years[d.Year] = &groupStat{Name: fmt.Sprint(d.Year)}
		}
		add(h.years[d.Year])
	}
	if d.Kind == "" {
		d.Kind = i18n.T("未识别")
	}
	if d.Region == "" {
		d.Region = i18n.T("未识别")
	}
	kind, region := d.Kind, d.Region
	h.docs = append(h.docs, d)
	if h.kinds[kind] == nil {
		h.kinds[kind] = &groupStat{Name: kind}
	}
	add(h.kinds[kind])
	if h.regions[region] == nil {
		h.regions[region] = &groupStat{Name: region}
	}
	add(h.regions[region])

	doc := markup(r, n, h.rules)
	if h.page == nil {
		return htmlPage.ExecuteTemplate(h.w, "doc", doc)
	}
	pw, err := h.page(docPageName(n))
	if err != nil {
		return err
	}
	doc.Back = "index.html"
	err = htmlPage.ExecuteTemplate(pw, "head", pageHead{Version: h.version, Title: doc.Heading, Lang: htmlLang()})
	if err == nil {
		err = htmlPage.ExecuteTemplate(pw, "doc", doc)
	}
	if err == nil {
		err = htmlPage.ExecuteTemplate(pw, "foot", nil)
	}
	if cerr := pw.Close(); err == nil {
		err = cerr
	}
	return err
}

// docPageName is the file of document n's page in a directory of pages.
func docPageName(n int) string { return fmt.Sprintf("d/%05d.html", n) }

// The marked-up report of one document.

type mDoc struct {
	N              int
	Heading, Path  string
	Meta           []string
	Err            string
	Counts         finding.Counts
	NA             int
	Back           string
	General        []mFinding
	Blocks         []mBlock
	HasView, Clean bool
	Worst          finding.Level
}

// mBlock is a part of the report with the findings placed beside it: a section's heading
// and text, or a table.
type mBlock struct {
	ID       string
	Heading  string
	Level    int
	Missing  bool
	Text     []mSpan
	Table    *mTable
	Findings []mFinding
	// Class and Links mark the section or table itself when findings point at it.
	Class string
	Links []mLink
}

// mSpan is a piece of a section's text; Mark is set on a sentence findings point at.
type mSpan struct {
	Text, ID, Class string
	Links           []mLink
}

type mTable struct {
	Title, Doubt string
	Found        bool
	Cols         []string
	Rows         []mRow
}

type mRow struct {
	ID, Label, Class string
	Group            bool
	Depth, Span      int
	Links            []mLink
	Cells            []mCell
}

type mCell struct {
	ID, Text, Class, Title string
	Links                  []mLink
}

type mLink struct{ Href, Text, Class string }

type mFinding struct {
	ID, Rule, Title, Message, Snippet, Where string
	// Expected and Actual are the values the rule compared, when it compared two.
	Expected, Actual string
	Level            finding.Level
	NA               bool
	At               *mLink
	Related          []mRel
	// More are the related places beyond the first few, folded away.
	More []mRel
}

type mRel struct {
	Href, Name, Snippet, Role string
}

// maxShownRelated is how many related places a finding lists before folding the rest.
const maxShownRelated = 6

// anchor is the id of a fact's place in document n's page.
func anchor(n int, ref string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "d%d-", n)
	for _, r := range ref {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "~%x", r)
		}
	}
	return b.String()
}

// markup lays out document n: its view's sections and tables with findings placed beside
// the block that holds their place, and findings on no drawn place listed first.
func markup(r finding.Result, n int, rules map[string]*ruleStat) mDoc {
	d := docHeader(r, n)
	v := r.View
	lay := &docLayout{n: n, where: map[string]place{}, cellClass: map[string][]string{},
		cellLinks: map[string][]mLink{}, blockOf: map[string]int{}}
	if v != nil {
		lay.placeView(v)
	}
	// Findings, beside the block of their place.
	for i, f := range r.Findings {
		mf := lay.finding(i, f, rules)
		if b, ok := lay.blockOf[f.Location.Ref]; ok && mf.At != nil {
			lay.blocks[b].Findings = append(lay.blocks[b].Findings, mf)
		} else {
			d.General = append(d.General, mf)
		}
	}
	// Draw the blocks now that every place knows its findings.
	for k, ls := range lay.cellLinks {
		lay.cellLinks[k] = capLinks(ls)
	}
	if v != nil {
		lay.drawView(v)
	}
	// Blocks that show nothing (a preamble without claims read) are left out.
	preamble := anchor(n, "preamble")
	for _, b := range lay.blocks {
		if b.ID == preamble && len(b.Findings) == 0 && allEmpty(b.Text) {
			continue
		}
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

// docHeader returns the head of document n's part of the report: its path and title,
// its error, its counts of findings and what it says of itself.
func docHeader(r finding.Result, n int) mDoc {
	d := mDoc{N: n, Path: r.Path, Heading: r.Path, HasView: r.View != nil, Worst: finding.None}
	if r.Err != nil {
		d.Err = r.Err.Error()
	}
	d.Counts.Add(r)
	d.Worst = d.Counts.Max()
	d.Clean = len(r.Findings) == 0 && r.Err == nil
	d.Meta = docMeta(r)
	if v := r.View; v != nil && v.Title != "" {
		d.Heading = v.Title
	}
	return d
}

// docMeta returns what is shown under a document's heading: the body that published it,
// its kind, region, year and format edition, and the rule pack it was checked with.
func docMeta(r finding.Result) []string {
	var meta []string
	if a := r.About; a != nil {
		for _, s := range []string{a.Body, kindLabel(a.BodyKind), a.Region} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		if a.Year != 0 {
			meta = append(meta, i18n.Sprintf("%d 年度", a.Year))
		}
		if a.Edition != "" {
			meta = append(meta, i18n.Sprintf("格式 %s", a.Edition))
		}
	}
	if r.Pack != "" {
		meta = append(meta, r.Pack)
	}
	return meta
}

// place is where a fact is drawn: the anchor to link to and the name to show.
type place struct{ anchor, name string }

// docLayout is the marked-up layout of one document being built.
type docLayout struct {
	n      int
	where  map[string]place // the place of each fact reference
	blocks []mBlock
	// cellClass and cellLinks are the classes of the findings that point at a fact
	// reference and the links to them.
	cellClass map[string][]string
	cellLinks map[string][]mLink
	blockOf   map[string]int // the block that draws each fact reference
}

// placeView lays out the blocks of view v: the preamble, each section followed by its
// tables, then the tables of sections not in the view; and notes where each fact is.
func (l *docLayout) placeView(v *finding.View) {
	tablesIn := map[string][]int{}
	for i, t := range v.Tables {
		tablesIn[t.Section] = append(tablesIn[t.Section], i)
	}
	claimsIn := map[string][]int{}
	for i, c := range v.Claims {
		claimsIn[c.Section] = append(claimsIn[c.Section], i)
	}
	pre := mBlock{ID: anchor(l.n, "preamble"), Heading: i18n.T("标题与导语"), Level: 3}
	l.placeClaims(v, claimsIn[""])
	l.blocks = append(l.blocks, pre)
	for _, s := range v.Sections {
		l.where[s.Ref] = place{anchor(l.n, s.Ref), s.Heading}
		l.blockOf[s.Ref] = len(l.blocks)
		b := mBlock{ID: anchor(l.n, s.Ref), Heading: s.Heading, Level: 3, Missing: !s.Found}
		l.placeClaims(v, claimsIn[s.ID])
		l.blocks = append(l.blocks, b)
		for _, i := range tablesIn[s.ID] {
			l.placeTable(v.Tables[i])
		}
		delete(tablesIn, s.ID)
	}
	for _, t := range v.Tables {
		if _, ok := tablesIn[t.Section]; ok {
			l.placeTable(t)
		}
	}
}

// placeTable adds the block of table t and notes the places of its rows and cells.
func (l *docLayout) placeTable(t finding.ViewTable) {
	n := l.n
	id := anchor(n, t.Ref)
	l.blockOf[t.Ref] = len(l.blocks)
	l.where[t.Ref] = place{id, t.Title}
	for _, row := range t.Rows {
		l.where[row.Ref] = place{anchor(n, row.Ref), t.Title + "/" + row.Label}
		l.blockOf[row.Ref] = len(l.blocks)
		for j, c := range row.Cells {
			label := ""
			if j < len(t.Columns) {
				label = t.Columns[j].Label
			}
			l.where[c.Ref] = place{anchor(n, c.Ref), t.Title + "/" + row.Label + "/" + label}
			l.blockOf[c.Ref] = len(l.blocks)
		}
	}
	l.blocks = append(l.blocks, mBlock{ID: id, Heading: t.Title, Level: 4, Missing: !t.Found})
}

// placeClaims notes the places of the claims of v at indices idx (those of one section)
// and of their fields, in the block about to be added.
func (l *docLayout) placeClaims(v *finding.View, idx []int) {
	// Claims are placed in the text they were read from; those not found there
	// (folded differently) are listed under it.
	for _, i := range idx {
		c := v.Claims[i]
		l.where[c.Ref] = place{anchor(l.n, c.Ref), "“" + clip(c.Text, 24) + "”"}
		l.blockOf[c.Ref] = len(l.blocks)
		for ref := range c.Fields {
			l.where[ref] = l.where[c.Ref]
			l.blockOf[ref] = len(l.blocks)
		}
	}
}

// findingClass is the mark a finding puts on its place: not assessable, a note to check,
// or a problem.
func findingClass(f finding.Finding) string {
	switch {
	case f.NotAssessable:
		return "na"
	case f.Level == finding.Note:
		return "chk"
	}
	return "bad"
}

// finding returns the i-th finding f as shown, linked to its place and its related
// places where they are drawn, and marks those places with it.
func (l *docLayout) finding(i int, f finding.Finding, rules map[string]*ruleStat) mFinding {
	mf := mFinding{ID: fmt.Sprintf("d%d-f%d", l.n, i+1), Rule: f.RuleID, Message: f.Message, Snippet: f.Location.Snippet,
		Level: f.Level, NA: f.NotAssessable, Where: position(f.Location), Expected: f.Expected, Actual: f.Actual}
	if s := rules[f.RuleID]; s != nil {
		mf.Title = s.Title
	}
	class := findingClass(f)
	if p, ok := l.where[f.Location.Ref]; ok {
		name := finding.ShowLogical(f.Location.Logical)
		if name == "" {
			name = p.name
		}
		mf.At = &mLink{Href: "#" + p.anchor, Text: name}
		l.cellClass[f.Location.Ref] = append(l.cellClass[f.Location.Ref], class)
		l.cellLinks[f.Location.Ref] = append(l.cellLinks[f.Location.Ref], mLink{Href: "#" + mf.ID, Text: fmt.Sprint(i + 1), Class: string(f.Level)})
	}
	for _, rel := range f.Related {
		mr := l.related(i, f, mf.ID, rel)
		if len(mf.Related) < maxShownRelated {
			mf.Related = append(mf.Related, mr)
		} else {
			mf.More = append(mf.More, mr)
		}
	}
	return mf
}

// related returns a place related to the i-th finding f (shown with anchor id) as
// listed under it, linked where it is drawn in the same document, and marks that place.
func (l *docLayout) related(i int, f finding.Finding, id string, rel finding.Location) mRel {
	mr := mRel{Name: finding.ShowLogical(rel.Logical), Snippet: rel.Snippet, Role: rel.Message}
	if mr.Name == "" {
		mr.Name = position(rel)
	}
	if mr.Role == rel.Logical || mr.Role == mr.Name {
		mr.Role = ""
	}
	if p, ok := l.where[rel.Ref]; ok && rel.Path == f.Location.Path {
		mr.Href = "#" + p.anchor
		l.cellClass[rel.Ref] = append(l.cellClass[rel.Ref], "rel")
		l.cellLinks[rel.Ref] = append(l.cellLinks[rel.Ref], mLink{Href: "#" + id, Text: fmt.Sprint(i + 1), Class: "rel"})
	}
	return mr
}

// drawView fills the blocks of view v with their marked text and tables.
func (l *docLayout) drawView(v *finding.View) {
	n := l.n
	l.blocks[0].Text = markText("", v.Claims, "", n, l.cellClass, l.cellLinks)
	for _, s := range v.Sections {
		b := &l.blocks[l.blockOf[s.Ref]]
		b.Class, b.Links = worstClass(l.cellClass[s.Ref]), l.cellLinks[s.Ref]
		b.Text = markText(s.Text, v.Claims, s.ID, n, l.cellClass, l.cellLinks)
	}
	for _, t := range v.Tables {
		b := &l.blocks[l.blockOf[t.Ref]]
		b.Class, b.Links = worstClass(l.cellClass[t.Ref]), l.cellLinks[t.Ref]
		b.Table = l.drawTable(t)
	}
}

// drawTable returns table t as drawn, its rows and cells marked by the findings that
// point at them.
func (l *docLayout) drawTable(t finding.ViewTable) *mTable {
	n := l.n
	mt := &mTable{Title: t.Title, Doubt: t.Doubt, Found: t.Found}
	for _, c := range t.Columns {
		mt.Cols = append(mt.Cols, c.Label)
	}
	for _, row := range t.Rows {
		mr := mRow{ID: anchor(n, row.Ref), Label: row.Label, Group: row.Group, Depth: row.Depth,
			Class: worstClass(l.cellClass[row.Ref]), Links: l.cellLinks[row.Ref], Span: len(t.Columns)}
		if !row.Found {
			mr.Class += " absent"
		}
		for _, c := range row.Cells {
			mc := mCell{ID: anchor(n, c.Ref), Text: c.Text, Class: "s-" + c.State, Links: l.cellLinks[c.Ref]}
			if cls := worstClass(l.cellClass[c.Ref]); cls != "" {
				mc.Class += " " + cls
			}
			if c.State != "number" {
				mc.Title = stateLabel(c.State)
			}
			mr.Cells = append(mr.Cells, mc)
		}
		mt.Rows = append(mt.Rows, mr)
	}
	return mt
}

// capLinks keeps the first maxLinks links to findings of a place, and one more saying how
// many are left out (a blank cell may be involved in a dozen findings).
func capLinks(ls []mLink) []mLink {
	const maxLinks = 3
	if len(ls) <= maxLinks {
		return ls
	}
	out := slices.Clone(ls[:maxLinks])
	return append(out, mLink{Href: ls[maxLinks].Href, Text: fmt.Sprintf("+%d", len(ls)-maxLinks), Class: "more"})
}

func allEmpty(ss []mSpan) bool {
	for _, s := range ss {
		if s.Text != "" {
			return false
		}
	}
	return true
}

// worstClass is the class of a place from the findings on it: bad (an error or warning
// says it is wrong) over na (not assessable) over chk (a note asks to check it) over rel (a
// finding refers to it).
func worstClass(cs []string) string {
	for _, want := range []string{"bad", "na", "chk", "rel"} {
		if slices.Contains(cs, want) {
			return want
		}
	}
	return ""
}

func stateLabel(s string) string {
	switch s {
	case "blank":
		return i18n.T("空白")
	case "placeholder":
		return i18n.T("占位符")
	case "invalid":
		return i18n.T("不是数字")
	case "missing":
		return i18n.T("未找到")
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// markText splits a section's text around the claims of the section that findings point
// at, marking each; a claim whose text is not found in the section's (folded) text is
// appended as a sentence of its own.
func markText(text string, claims []finding.ViewClaim, section string, n int, class map[string][]string, links map[string][]mLink) []mSpan {
	type hit struct {
		at, end int
		c       finding.ViewClaim
		cls     string
		links   []mLink
	}
	var hits []hit
	var extra []mSpan
	for _, c := range claims {
		if c.Section != section {
			continue
		}
		cs := append([]string{}, class[c.Ref]...)
		ls := append([]mLink{}, links[c.Ref]...)
		refs := make([]string, 0, len(c.Fields))
		for ref := range c.Fields {
			refs = append(refs, ref)
		}
		sort.Strings(refs)
		for _, ref := range refs {
			cs = append(cs, class[ref]...)
			ls = append(ls, links[ref]...)
		}
		cls := worstClass(cs)
		if cls == "" {
			continue
		}
		folded := strings.Join(strings.Fields(c.Text), "")
		at := -1
		if folded != "" {
			at = strings.Index(text, folded)
		}
		overlaps := slices.ContainsFunc(hits, func(h hit) bool { return at >= 0 && at < h.end && at+len(folded) > h.at })
		if at < 0 || overlaps {
			extra = append(extra, mSpan{Text: c.Text, ID: anchor(n, c.Ref), Class: cls + " own", Links: ls})
			continue
		}
		hits = append(hits, hit{at, at + len(folded), c, cls, ls})
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].at < hits[b].at })
	var out []mSpan
	pos := 0
	for _, h := range hits {
		if h.at > pos {
			out = append(out, mSpan{Text: text[pos:h.at]})
		}
		out = append(out, mSpan{Text: text[h.at:h.end], ID: anchor(n, h.c.Ref), Class: h.cls, Links: h.links})
		pos = h.end
	}
	if pos < len(text) {
		out = append(out, mSpan{Text: text[pos:]})
	}
	return append(out, extra...)
}

// The dashboard.

type dashboard struct {
	Line                                            string
	Docs, Clean, Errors, Warnings, Notes, NA, Bad   int
	CleanShare                                      string
	ByRule, ByCategory, ByYear, ByKind, ByRegion    template.HTML
	Rules                                           []*ruleStat
	Data                                            template.JS
	Years, Kinds, Regions, RuleIDs                  []string
	Pages                                           bool
	DocsWithError, DocsWithWarning, DocsWithFinding int
}

func (h *htmlReporter) End(s Summary) error {
	db := dashboard{Line: SummaryLine(s), Docs: s.Documents, Errors: s.Counts.Error, Warnings: s.Counts.Warning,
		Notes: s.Counts.Note, NA: s.NotAssessable, Bad: s.Unreadable, Pages: h.page != nil}
	for _, d := range h.docs {
		if d.Errors+d.Warnings+d.Notes == 0 && d.Err == "" {
			db.Clean++
		}
		if d.Errors > 0 {
			db.DocsWithError++
		}
	}
	if s.Documents > 0 {
		db.CleanShare = fmt.Sprintf("%.0f%%", 100*float64(db.Clean)/float64(s.Documents))
	} else {
		db.CleanShare = "—"
	}
	for _, r := range h.rules {
		db.Rules = append(db.Rules, r)
	}
	// Most widespread first; ties by id, so the page is deterministic.
	sort.Slice(db.Rules, func(a, b int) bool {
		x, y := db.Rules[a], db.Rules[b]
		if x.Docs != y.Docs {
			return x.Docs > y.Docs
		}
		return x.ID < y.ID
	})
	var bars []bar
	for _, r := range db.Rules {
		if r.Docs > 0 {
			bars = append(bars, bar{Label: r.ID, Value: r.Docs, Title: r.Title, Href: "#rule-" + r.ID})
			db.RuleIDs = append(db.RuleIDs, r.ID)
		}
	}
	slices.Sort(db.RuleIDs)
	db.ByRule = barChart(i18n.T("按规则：出现问题的文档数"), bars, 25)
	bars = nil
	for _, c := range finding.Categories() {
		bars = append(bars, bar{Label: categoryLabel(c), Value: h.cats[c]})
	}
	db.ByCategory = barChart(i18n.T("按类别：发现数"), bars, 0)
	bars = nil
	years := make([]int, 0, len(h.years))
	for y := range h.years {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		g := h.years[y]
		bars = append(bars, bar{Label: g.Name, Value: g.Docs, Part: g.DocsWithError, Title: i18n.Sprintf("%d 个文档，%d 个有错误", g.Docs, g.DocsWithError)})
		db.Years = append(db.Years, g.Name)
	}
	db.ByYear = barChart(i18n.T("按年度：文档数（红色：有错误的）"), bars, 0)
	group := func(m map[string]*groupStat, limit int) ([]bar, []string) {
		gs := make([]*groupStat, 0, len(m))
		var names []string
		for _, g := range m {
			gs = append(gs, g)
			names = append(names, g.Name)
		}
		sort.Slice(gs, func(a, b int) bool {
			if gs[a].Docs != gs[b].Docs {
				return gs[a].Docs > gs[b].Docs
			}
			return gs[a].Name < gs[b].Name
		})
		var bs []bar
		for _, g := range gs {
			bs = append(bs, bar{Label: g.Name, Value: g.Docs, Part: g.DocsWithError, Title: i18n.Sprintf("%d 个文档，%d 个有错误，%d 个通过", g.Docs, g.DocsWithError, g.Clean)})
		}
		slices.Sort(names)
		return bs, names
	}
	bars, db.Kinds = group(h.kinds, 0)
	db.ByKind = barChart(i18n.T("按机关类别：文档数（红色：有错误的）"), bars, 0)
	bars, db.Regions = group(h.regions, 0)
	db.ByRegion = barChart(i18n.T("按地区：文档数（红色：有错误的）"), bars, 20)
	data, err := json.Marshal(h.docs)
	if err != nil {
		return err
	}
	if h.docs == nil {
		data = []byte("[]")
	}
	db.Data = template.JS(data) // json.Marshal escapes <, > and &: no </script> inside
	return htmlPage.ExecuteTemplate(h.w, "tail", db)
}

// bar is one bar of a chart; Part, when set, is drawn over it in red.
type bar struct {
	Label, Title, Href string
	Value, Part        int
}

// barChart draws a horizontal bar chart as inline SVG; limit > 0 keeps the first bars and
// sums the rest into one.
func barChart(title string, bars []bar, limit int) template.HTML {
	if limit > 0 && len(bars) > limit {
		rest := bar{Label: i18n.Sprintf("其余 %d 项", len(bars)-limit)}
		for _, b := range bars[limit:] {
			rest.Value += b.Value
			rest.Part += b.Part
		}
		bars = append(bars[:limit:limit], rest)
	}
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<figure class="chart"><figcaption>%s</figcaption>`, esc(title))
	if len(bars) == 0 {
		fmt.Fprintf(&b, `<p class="muted">%s</p></figure>`, esc(i18n.T("无")))
		return template.HTML(b.String())
	}
	maxV := 1
	for _, x := range bars {
		maxV = max(maxV, x.Value)
	}
	const rowH, labelW, barW = 22, 180, 300
	height := rowH * len(bars)
	fmt.Fprintf(&b, `<svg viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`, labelW+barW+60, height, labelW+barW+60, height, esc(title))
	for i, x := range bars {
		y := i * rowH
		w := x.Value * barW / maxV
		pw := x.Part * barW / maxV
		tip := x.Title
		if tip == "" {
			tip = fmt.Sprint(x.Value)
		}
		label := esc(clip(x.Label, 14))
		if x.Href != "" {
			label = fmt.Sprintf(`<a href="%s">%s</a>`, esc(x.Href), label)
		}
		fmt.Fprintf(&b, `<g><title>%s</title><text x="%d" y="%d" text-anchor="end" class="lb">%s</text><rect x="%d" y="%d" width="%d" height="%d" class="bar"/>`,
			esc(i18n.Sprintf("%s：%s", x.Label, tip)), labelW-6, y+15, label, labelW, y+4, max(w, 1), rowH-8)
		if pw > 0 {
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" class="part"/>`, labelW, y+4, pw, rowH-8)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="v">%d</text></g>`, labelW+w+4, y+15, x.Value)
	}
	b.WriteString(`</svg></figure>`)
	return template.HTML(b.String())
}

func levelsText(m map[finding.Level]int) string {
	var parts []string
	for _, l := range []finding.Level{finding.Error, finding.Warning, finding.Note} {
		if m[l] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", levelLabel(l), m[l]))
		}
	}
	return strings.Join(parts, " · ")
}

func categoriesText(tags []string) string {
	var out []string
	for _, c := range finding.Categories() {
		if slices.Contains(tags, c) {
			out = append(out, categoryLabel(c))
		}
	}
	return strings.Join(out, i18n.T("、"))
}

var htmlPage = template.Must(template.New("page").Funcs(template.FuncMap{
	"label": levelLabel, "levels": levelsText, "cats": categoriesText, "join": strings.Join,
	// t and tf give the page's fixed text in the run's language (catalog/output.yaml).
	"t": i18n.T, "tc": i18n.C, "tf": i18n.Sprintf, "counts": countsText,
	"pad": func(d int) string { return fmt.Sprintf("padding-left:%.1frem", 0.5+1.2*float64(d)) },
}).Parse(htmlTemplate))
