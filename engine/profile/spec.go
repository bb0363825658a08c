// Package profile maps a generic document.Document to the named facts rules read: the
// sections of the report, its tables cell by cell, and the claims its narrative makes. What
// to look for (section titles, table templates, claim patterns) comes from the rule pack's
// profile file; the code here knows no report domain. Every fact keeps where in the source
// it came from, and a cell that is blank or holds a placeholder keeps that state instead of
// becoming 0.
package profile

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/i18n"
)

// Spec is a pack's profile: what the report's sections, tables and claims look like.
type Spec struct {
	// Extends names a base profile (a file in a folder the pack includes, such as
	// govinfo-common/profile.yaml) that this one overlays: see Overlay.
	Extends string `yaml:"extends"`
	// Numeral is the regular expression for a first-level heading number, for example
	// `[一二三四五六七八九十]{1,3}`; Separator follows it (`[、.]`). Both match folded text.
	Numeral   string `yaml:"numeral"`
	Separator string `yaml:"separator"`
	// Sections are the first-level sections in their required order.
	Sections []SectionSpec `yaml:"sections"`
	// Tables are the table templates, in the order they appear in a report.
	Tables []TableSpec `yaml:"tables"`
	// Claims are the patterns read from the narrative.
	Claims []ClaimSpec `yaml:"claims"`
	// Quantities is the claim grammar: the counts the narrative states, each number bound
	// to the one quantity named next to it, or to none.
	Quantities *GrammarSpec `yaml:"quantities"`
	// Editions lists, per edition of the report format, literal markers whose presence
	// says the document uses that edition's tables.
	Editions map[string][]string `yaml:"editions"`
	// EditionPatterns are markers that need a pattern over folded text (a row directly
	// followed by another), each with the name messages show.
	EditionPatterns map[string][]NamedPattern `yaml:"edition_patterns"`
	// Placeholders are cell texts that mean "nothing / not applicable" in this domain, in
	// addition to the generic ones (/, -, —, 无 ...).
	Placeholders []string `yaml:"placeholders"`
	// Units are the unit words a number in a table may carry (3件, 251000元, 12.5万元), by
	// the column type that accepts them (count, signed, amount). The cell keeps its number
	// and records the unit; a unit its column does not accept (元 in a count column) makes
	// the cell invalid. In flowing text a unit also ends a value, so a row written
	// "1个 246900元" or "1个246900元" reads as two values.
	Units map[string][]string `yaml:"units"`
	// Macros are named regular-expression fragments, used in claim patterns as {{name}}.
	Macros map[string]string `yaml:"macros"`
}

// SectionSpec describes one first-level section.
type SectionSpec struct {
	ID string `yaml:"id"`
	// Numeral is the expected heading number (一, 二 ...).
	Numeral string `yaml:"numeral"`
	// Title is the canonical title; Pattern is a regular expression over folded text that
	// accepts it and its known variants.
	Title   string `yaml:"title"`
	Pattern string `yaml:"pattern"`
	// Alt is a pattern for the start of the section's content when a report gives it no
	// heading of its own (（一）主要问题 … （二）改进情况 in place of 五、存在的主要问题及改进情况).
	Alt string `yaml:"alt"`
}

// TableSpec is a table template. A template is matched as an ordered sequence of anchors
// (caption, row labels) in the document's text; header labels only confirm the table.
type TableSpec struct {
	ID string `yaml:"id"`
	// Group joins templates that together form one table of the report (table 2's blocks).
	Group string `yaml:"group"`
	Title string `yaml:"title"`
	// Section is the id of the section the table belongs to.
	Section string `yaml:"section"`
	// Caption is a label that starts the table (第二十条第（一）项), if it has one.
	Caption string `yaml:"caption"`
	// Header are column-header labels; when found they locate and confirm the table.
	Header  []string     `yaml:"header"`
	Columns []ColumnSpec `yaml:"columns"`
	Rows    []RowSpec    `yaml:"rows"`
	// Subtotals are extra columns some reports add (a 法人或其他组织 subtotal): a row with
	// one value too many, where the value after column After is the sum of SumOf, is read
	// without it.
	Subtotals []SubtotalSpec `yaml:"subtotals"`
}

// SubtotalSpec is a column a report may add that the format does not have.
type SubtotalSpec struct {
	Label string   `yaml:"label"`
	After string   `yaml:"after"`
	SumOf []string `yaml:"sum_of"`
}

// ColumnSpec is one value column.
type ColumnSpec struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"`
	// Type is count (integer ≥ 0), amount (number ≥ 0, decimals allowed) or signed
	// (integer, may be negative).
	Type string `yaml:"type"`
	// SumOf lists the columns whose values this column totals. It is used only to split
	// runs of digits that a scraped page wrote without separators; rules still check
	// totals themselves.
	SumOf []string `yaml:"sum_of"`
}

// RowSpec is one row of a template.
type RowSpec struct {
	ID string `yaml:"id"`
	// Label is the row label as the format prints it; Aliases are variants. An empty label
	// means the row has none: its values follow the header.
	Label   string   `yaml:"label"`
	Aliases []string `yaml:"aliases"`
	// Kind is data (default: holds values), group (a label over sub-rows, no values of its
	// own) or total (a data row holding a total).
	Kind string `yaml:"kind"`
	// Parent is the id of the group row this row belongs to.
	Parent string `yaml:"parent"`
	// SumOf lists rows (a group row stands for its data rows) whose values this row
	// totals, column by column. Like ColumnSpec.SumOf, it only helps split runs of
	// digits written without separators.
	SumOf []string `yaml:"sum_of"`
	// Carry marks a row whose cells a later report of the same body compares with (this
	// year's 上年结转 is last year's 结转下年度): they are kept in the report's Summary and
	// reach rules as input.previous.cells.
	Carry bool `yaml:"carry"`
}

// ClaimSpec is a pattern read from the narrative.
type ClaimSpec struct {
	ID string `yaml:"id"`
	// In says where to look: preamble (before the first section), narrative (all text
	// outside tables), document (everything), or a section id.
	In string `yaml:"in"`
	// Pattern is a regular expression over folded text with whitespace removed; named
	// groups become the claim's fields (n__2, n__3 … also fill field n, for alternatives). {{name}} inserts a macro.
	Pattern string `yaml:"pattern"`
	// First keeps only the first match.
	First bool `yaml:"first"`
	// AcrossBlocks lets matches run over block boundaries (a title a PDF wrapped into two
	// lines); other claims are read within one block.
	AcrossBlocks bool `yaml:"across_blocks"`
	// YieldTo lists claims that win where they overlap this one: "同意公开答复9件" is a
	// result count, not a count of answered applications.
	YieldTo []string `yaml:"yield_to"`
}

// GrammarSpec is the claim grammar of a profile. A sentence is cut into clauses (at , ; :
// and brackets); every number followed by a unit is a candidate. A candidate becomes a
// claim of quantity K when a phrase of K stands right before it (only Fillers between) and
// nothing else in its clause before it names another quantity or a context that changes
// the meaning (a change, a share, a subset, another year); a number with nothing before it
// may take a phrase that follows it (1件结转下年度). "A、B、C分别为1件、2件、3件" binds
// in order, "A、B各1件" binds the number to each. Everything the grammar is not sure of
// makes no claim. All patterns match folded text with whitespace removed.
type GrammarSpec struct {
	// Number is the pattern of a number (Arabic or Chinese numerals).
	Number string `yaml:"number"`
	// Units are the default units of a count (件|条|个).
	Units string `yaml:"units"`
	// Fillers are words that may stand between a phrase and its number without changing
	// what it counts (共|共计|为).
	Fillers string `yaml:"fillers"`
	// Connectors are words that may start a clause part before its phrase (、|和|及).
	Connectors string `yaml:"connectors"`
	// Respectively marks a clause that lists phrases, then their numbers in order (分别为).
	Respectively string `yaml:"respectively"`
	// Each marks a clause that gives one number to every phrase it lists (各).
	Each string `yaml:"each"`
	// Frame follows a phrase that sets the scope of what comes after rather than being
	// counted (办结的申请中，予以公开9件): such a phrase does not compete for the number.
	Frame string `yaml:"frame"`
	// Share matches, right after a claim's number, the share stated with it; its group pct
	// becomes the claim's field pct (，占33.9%).
	Share string `yaml:"share"`
	// Contexts are words that change what a number means.
	Contexts []ContextSpec `yaml:"contexts"`
	// Kinds are the quantities, each a claim id.
	Kinds []QuantitySpec `yaml:"kinds"`
}

// ContextSpec is a word that changes what the number after it means.
type ContextSpec struct {
	ID string `yaml:"id"`
	// Pattern is matched against the clause text before the quantity's phrase (since the
	// previous number), or, with After, against the text right after the number's unit.
	Pattern string `yaml:"pattern"`
	After   bool   `yaml:"after"`
	// ReportYearOK keeps a context from applying when its group y is the report's year
	// (2023年收到申请18件 in a 2023 report, not 2022年收到申请15件).
	ReportYearOK bool `yaml:"report_year_ok"`
	// Field, when set, keeps the claim and records the matched text as this field (代表
	// 区政府受理 → scope); otherwise the number makes no claim.
	Field string `yaml:"field"`
}

// QuantitySpec is one quantity the narrative may state.
type QuantitySpec struct {
	// ID is the claim id the quantity's claims get. Name tells apart two entries of one
	// id that differ in where they look or what they need (default: the id).
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// In says where to look, as for ClaimSpec (default: the narrative).
	In string `yaml:"in"`
	// Phrases name the quantity; named groups become fields (category).
	Phrases []string `yaml:"phrases"`
	// Units overrides the grammar's units for this quantity (元|万元).
	Units string `yaml:"units"`
	// Follow, when set, is what must come right after the number's unit for a phrase
	// before the number to bind (收到18件 binds only as 收到18件申请).
	Follow string `yaml:"follow"`
	// Needs, when set, must be found in the sentence before the number (行政复议 counts
	// disclosure cases outside section 四 only where the sentence says 政府信息公开).
	Needs string `yaml:"needs"`
	// Avoid, when set, must not be found in the sentence before the number (a sentence
	// about letters or a hotline counts other things than applications).
	Avoid string `yaml:"avoid"`
	// Weak marks a phrase too general to compete for a number it does not stand next to
	// (办理 in 办理因政府信息公开引发的行政复议36起).
	Weak bool `yaml:"weak"`
	// Retarget changes the quantity of a claim when the rest of its sentence matches
	// Pattern (收到申请20件（含上年结转2件） counts new and carried-over applications);
	// an empty To drops the claim.
	Retarget []RetargetSpec `yaml:"retarget"`
}

// RetargetSpec is a context after a number that changes which quantity it counts.
type RetargetSpec struct {
	Pattern string `yaml:"pattern"`
	To      string `yaml:"to"`
}

// NamedPattern is a regular expression over folded, whitespace-free text with a readable
// name.
type NamedPattern struct {
	Name    string `yaml:"name"`
	Pattern string `yaml:"pattern"`
}

// ParseSpec reads a profile from YAML and checks it.
func ParseSpec(data []byte) (*Spec, error) {
	s, err := DecodeSpec(data)
	if err != nil {
		return nil, err
	}
	if err := s.validate(); err != nil {
		return nil, err
	}
	return s, nil
}

// DecodeSpec reads a profile from YAML without checking it, for a base that another
// profile will overlay.
func DecodeSpec(data []byte) (*Spec, error) {
	var s Spec
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return nil, err
	}
	return &s, nil
}

// Overlay returns base with s laid over it: s's numeral and separator when set; macros,
// editions, placeholders and units merged (s wins); sections, tables and claims replaced by id
// where s defines the same id, in base's order, and s's new ones after. Table matching
// keeps each section's tables in list order, so a new table of an existing section may
// come last.
func Overlay(base, s *Spec) *Spec {
	out := *base
	out.Extends = ""
	if s.Numeral != "" {
		out.Numeral = s.Numeral
	}
	if s.Separator != "" {
		out.Separator = s.Separator
	}
	out.Macros = mergeMaps(base.Macros, s.Macros)
	out.Editions = mergeMaps(base.Editions, s.Editions)
	out.EditionPatterns = mergeMaps(base.EditionPatterns, s.EditionPatterns)
	out.Placeholders = append(append([]string(nil), base.Placeholders...), s.Placeholders...)
	out.Units = map[string][]string{}
	for _, m := range []map[string][]string{base.Units, s.Units} {
		for typ, us := range m {
			out.Units[typ] = append(out.Units[typ], us...)
		}
	}
	out.Sections = overlayByID(base.Sections, s.Sections, func(x SectionSpec) string { return x.ID })
	out.Tables = overlayByID(base.Tables, s.Tables, func(x TableSpec) string { return x.ID })
	out.Claims = overlayByID(base.Claims, s.Claims, func(x ClaimSpec) string { return x.ID })
	if s.Quantities != nil {
		out.Quantities = s.Quantities
	}
	return &out
}

func mergeMaps[V any](a, b map[string]V) map[string]V {
	out := map[string]V{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func overlayByID[T any](base, over []T, id func(T) string) []T {
	out := append([]T(nil), base...)
	for _, o := range over {
		replaced := false
		for i := range out {
			if id(out[i]) == id(o) {
				out[i], replaced = o, true
			}
		}
		if !replaced {
			out = append(out, o)
		}
	}
	return out
}

// validate fills the profile's defaults, then checks it, reporting every problem found.
func (s *Spec) validate() error {
	s.fillDefaults()
	return s.check()
}

// fillDefaults gives what a profile may leave out its default: the heading numeral and
// separator, a section's pattern (its title, literally), a column's type (count) and a
// row's kind (data).
func (s *Spec) fillDefaults() {
	if s.Numeral == "" {
		s.Numeral = `[一二三四五六七八九十]{1,3}`
	}
	if s.Separator == "" {
		s.Separator = `[、.]`
	}
	for i, sec := range s.Sections {
		if sec.Pattern == "" {
			s.Sections[i].Pattern = regexp.QuoteMeta(sec.Title)
		}
	}
	for _, t := range s.Tables {
		for j, c := range t.Columns {
			if c.Type == "" {
				t.Columns[j].Type = "count"
			}
		}
		for j, r := range t.Rows {
			if r.Kind == "" {
				t.Rows[j].Kind = "data"
			}
		}
	}
}

// specErrors collects the problems found in a profile, in the order they are found.
type specErrors []string

// bad records one problem, given in the run's language.
func (e *specErrors) bad(msg string) {
	*e = append(*e, msg)
}

// check reports every problem of a profile whose defaults are filled, leaving it as it is.
func (s *Spec) check() error {
	var errs specErrors
	for _, re := range []string{s.Numeral, s.Separator} {
		if _, err := compileRE(re); err != nil {
			errs.bad(fmt.Sprintf("numeral/separator: %v", err))
		}
	}
	ids := map[string]bool{}
	s.checkSections(ids, &errs)
	for i, t := range s.Tables {
		s.checkTable(i, &t, ids, &errs)
	}
	s.checkClaims(&errs)
	if s.Quantities != nil {
		if _, err := compileGrammar(s, s.Quantities); err != nil {
			errs.bad(fmt.Sprintf("quantities: %v", err))
		}
	}
	s.checkUnits(&errs)
	for ed, ps := range s.EditionPatterns {
		for _, np := range ps {
			if _, err := compileRE(np.Pattern); err != nil || np.Name == "" {
				errs.bad(i18n.Sprintf("edition_patterns %s %q: needs a name and a valid pattern (%v)", ed, np.Name, err))
			}
		}
	}
	if len(errs) > 0 {
		return i18n.Errorf("invalid profile:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// checkSections checks each section has an id of its own, a title and valid patterns,
// recording the ids in ids.
func (s *Spec) checkSections(ids map[string]bool, errs *specErrors) {
	for i, sec := range s.Sections {
		if sec.ID == "" || sec.Title == "" {
			errs.bad(i18n.Sprintf("sections[%d]: id and title are required", i))
		}
		if ids[sec.ID] {
			errs.bad(i18n.Sprintf("sections[%d]: duplicate id %q", i, sec.ID))
		}
		ids[sec.ID] = true
		if _, err := compileRE(sec.Pattern); err != nil {
			errs.bad(i18n.Sprintf("sections[%d] %s: pattern: %v", i, sec.ID, err))
		}
		if _, err := compileRE(sec.Alt); sec.Alt != "" && err != nil {
			errs.bad(i18n.Sprintf("sections[%d] %s: alt: %v", i, sec.ID, err))
		}
	}
}

// checkTable checks table i: an id of its own (recorded in ids), a known section, its
// columns and subtotals, and its rows.
func (s *Spec) checkTable(i int, t *TableSpec, ids map[string]bool, errs *specErrors) {
	if t.ID == "" {
		errs.bad(i18n.Sprintf("tables[%d]: id is required", i))
	}
	if ids[t.ID] {
		errs.bad(i18n.Sprintf("tables[%d]: duplicate id %q", i, t.ID))
	}
	ids[t.ID] = true
	if t.Section != "" && !sectionKnown(s.Sections, t.Section) {
		errs.bad(i18n.Sprintf("table %s: unknown section %q", t.ID, t.Section))
	}
	if len(t.Columns) == 0 || len(t.Rows) == 0 {
		errs.bad(i18n.Sprintf("table %s: columns and rows are required", t.ID))
	}
	checkColumnSums(t, errs)
	checkColumns(t, errs)
	checkRows(t, errs)
}

// checkColumnSums checks that a column's sum and a subtotal name the table's columns.
func checkColumnSums(t *TableSpec, errs *specErrors) {
	cols := map[string]bool{}
	for _, c := range t.Columns {
		cols[c.ID] = true
	}
	for _, c := range t.Columns {
		for _, id := range c.SumOf {
			if !cols[id] || id == c.ID {
				errs.bad(i18n.Sprintf("table %s column %s: sum_of names unknown column %q", t.ID, c.ID, id))
			}
		}
	}
	for _, st := range t.Subtotals {
		if !cols[st.After] || len(st.SumOf) == 0 {
			errs.bad(i18n.Sprintf("table %s subtotal %q: after must name a column and sum_of must list columns", t.ID, st.Label))
		}
		for _, id := range st.SumOf {
			if !cols[id] {
				errs.bad(i18n.Sprintf("table %s subtotal %q: sum_of names unknown column %q", t.ID, st.Label, id))
			}
		}
	}
}

// checkColumns checks each column has an id of its own and a known type.
func checkColumns(t *TableSpec, errs *specErrors) {
	cols := map[string]bool{}
	for j, c := range t.Columns {
		if c.ID == "" || cols[c.ID] {
			errs.bad(i18n.Sprintf("table %s columns[%d]: missing or duplicate id %q", t.ID, j, c.ID))
		}
		cols[c.ID] = true
		switch c.Type {
		case "count", "amount", "signed":
		default:
			errs.bad(i18n.Sprintf("table %s column %s: unknown type %q", t.ID, c.ID, c.Type))
		}
	}
}

// checkRows checks each row has an id of its own, a known kind, an earlier row for a
// parent and known rows in its sum, and that only a one-row table leaves its row
// without a label.
func checkRows(t *TableSpec, errs *specErrors) {
	rows := map[string]bool{}
	unlabelled := 0
	for j, r := range t.Rows {
		if r.ID == "" || rows[r.ID] {
			errs.bad(i18n.Sprintf("table %s rows[%d]: missing or duplicate id %q", t.ID, j, r.ID))
		}
		rows[r.ID] = true
		switch r.Kind {
		case "data", "group", "total":
		default:
			errs.bad(i18n.Sprintf("table %s row %s: unknown kind %q", t.ID, r.ID, r.Kind))
		}
		if r.Parent != "" && !rows[r.Parent] {
			errs.bad(i18n.Sprintf("table %s row %s: parent %q must be an earlier row", t.ID, r.ID, r.Parent))
		}
		if r.Label == "" {
			unlabelled++
		}
	}
	for _, r := range t.Rows {
		for _, id := range r.SumOf {
			if !rows[id] || id == r.ID {
				errs.bad(i18n.Sprintf("table %s row %s: sum_of names unknown row %q", t.ID, r.ID, id))
			}
		}
	}
	if unlabelled > 0 && (unlabelled > 1 || len(t.Rows) > 1) {
		errs.bad(i18n.Sprintf("table %s: only a one-row table may have a row without a label", t.ID))
	}
}

// checkClaims checks each claim has an id, a valid pattern and a known region.
func (s *Spec) checkClaims(errs *specErrors) {
	for i, c := range s.Claims {
		if c.ID == "" || c.Pattern == "" {
			errs.bad(i18n.Sprintf("claims[%d]: id and pattern are required", i))
			continue
		}
		switch c.In {
		case "", "narrative", "preamble", "document":
		default:
			if !sectionKnown(s.Sections, c.In) {
				errs.bad(i18n.Sprintf("claim %s: unknown region %q", c.ID, c.In))
			}
		}
		if _, err := compileRE(s.expand(c.Pattern)); err != nil {
			errs.bad(i18n.Sprintf("claim %s: pattern: %v", c.ID, err))
		}
	}
}

// checkUnits checks unit words are given for known column types and are words, not
// numbers.
func (s *Spec) checkUnits(errs *specErrors) {
	for typ, us := range s.Units {
		switch typ {
		case "count", "amount", "signed":
		default:
			errs.bad(i18n.Sprintf("units: unknown column type %q", typ))
		}
		for _, u := range us {
			if strings.TrimSpace(u) == "" || strings.ContainsAny(u, "0123456789") {
				errs.bad(i18n.Sprintf("units %s: %q is not a unit word", typ, u))
			}
		}
	}
}

func sectionKnown(secs []SectionSpec, id string) bool {
	for _, s := range secs {
		if s.ID == id {
			return true
		}
	}
	return false
}

// expand replaces {{name}} with the macro's pattern.
func (s *Spec) expand(p string) string {
	for name, m := range s.Macros {
		p = strings.ReplaceAll(p, "{{"+name+"}}", m)
	}
	return p
}
