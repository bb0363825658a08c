package profile

import "github.com/reportlint/reportlint/engine/document"

// Cell states. Only StateNumber carries a value; every other state makes arithmetic over
// the cell "not assessable".
const (
	StateNumber      = "number"      // a number
	StateBlank       = "blank"       // an empty cell
	StatePlaceholder = "placeholder" // "/", "—", "无" ...
	StateInvalid     = "invalid"     // text that is not a number
	StateMissing     = "missing"     // the row or table was not found, or its values could not be aligned
)

// Facts is what rules see of one document: its sections, tables and narrative claims,
// each with the place in the source it came from. `reportlint extract` prints it.
type Facts struct {
	Source   Source            `json:"source"`
	Report   Report            `json:"report"`
	Edition  Edition           `json:"edition"`
	Sections []*Section        `json:"sections"`
	Tables   map[string]*Table `json:"tables"`
	Claims   []*Claim          `json:"claims"`
	Notes    []Note            `json:"notes,omitempty"`
	// Params are the run's rule parameters (repeat_threshold ...), pack defaults overridden
	// by the command line.
	Params map[string]float64 `json:"params,omitempty"`
	// Previous is the same body's report for the year before, when one is linted with it.
	Previous *Previous `json:"previous,omitempty"`
	// Aggregate is the component reports' tables summed cell by cell, when this report is
	// linted as their aggregate (--aggregate).
	Aggregate *Aggregate          `json:"aggregate,omitempty"`
	refs      map[string]Resolved `json:"-"`
	cells     map[string]*Cell    `json:"-"`
}

// Source says which file the facts come from and how it was read.
type Source struct {
	Path     string `json:"path"`
	Format   string `json:"format"`
	Encoding string `json:"encoding,omitempty"`
}

// Report holds document-level facts.
type Report struct {
	// Year is the report's year (the statistics year): from the title, else the statistics
	// period, else 0.
	Year int `json:"year"`
	// YearFrom says where Year came from: title, period or none.
	YearFrom string `json:"year_from"`
	// Title is the report title claim, if found.
	Title *Claim `json:"title,omitempty"`
}

// Edition records which format edition the tables follow, from the markers the profile
// lists per edition.
type Edition struct {
	// Detected is an edition name, "mixed" when markers of several editions occur, or
	// "unknown" when none do.
	Detected string `json:"detected"`
	// Markers lists, per edition, the markers found.
	Markers map[string][]string `json:"markers"`
	// Refs gives, per edition, the reference of the first marker found (edition.2019),
	// for pointing at it.
	Refs map[string]string `json:"refs"`
}

// Section is one first-level section of the report.
type Section struct {
	Ref     string `json:"ref"`
	ID      string `json:"id"`
	Title   string `json:"title"`
	Numeral string `json:"numeral"`
	Found   bool   `json:"found"`
	// InOrder is false when the heading was found, but out of the required order.
	InOrder bool `json:"in_order"`
	// Unheaded is true when the section has no heading but its content was recognised
	// by the profile's alt pattern; Span is then where that content starts.
	Unheaded bool `json:"unheaded,omitempty"`
	// Order is the heading's position among the headings found (1-based), 0 if not found.
	Order int `json:"order"`
	// Heading is the heading as written; WrittenNumeral its number ("" when unnumbered).
	Heading        string `json:"heading,omitempty"`
	WrittenNumeral string `json:"written_numeral,omitempty"`
	// Text is the section's body outside tables, folded and without whitespace.
	Text string        `json:"text,omitempty"`
	Span document.Span `json:"span"`
	// BodySpan covers the heading and everything up to the next heading.
	BodySpan document.Span `json:"body_span"`
	start    int
	headEnd  int
	bodyEnd  int
}

// Table is a table matched against its template.
type Table struct {
	Ref     string `json:"ref"`
	ID      string `json:"id"`
	Group   string `json:"group,omitempty"`
	Title   string `json:"title"`
	Section string `json:"section,omitempty"`
	Found   bool   `json:"found"`
	// Columns are the value columns' ids in order.
	Columns []string `json:"columns"`
	// ColumnLabels map column ids to their labels.
	ColumnLabels map[string]string `json:"column_labels"`
	// Rows map row ids to rows; RowOrder lists them in template order.
	Rows     map[string]*Row `json:"rows"`
	RowOrder []string        `json:"row_order"`
	// HeaderFound counts the header labels seen.
	HeaderFound int `json:"header_found"`
	// Numbers counts the cells holding a number.
	Numbers int `json:"numbers"`
	// Garbled is true when so many rows could not be aligned with the columns that the
	// rows that could are not trusted either (labels and values out of order, as PDF
	// converters leave them): every cell is then missing.
	Garbled bool `json:"garbled,omitempty"`
	// Uncertain is set when the importer noted that it may have read the table wrongly (a
	// PDF table without rulings, clamped spans): Doubt is its note. Errors about the
	// table's facts are then reported as warnings.
	Uncertain bool          `json:"uncertain,omitempty"`
	Doubt     string        `json:"doubt,omitempty"`
	Span      document.Span `json:"span"`
}

// Row is one row of a table.
type Row struct {
	Ref    string `json:"ref"`
	ID     string `json:"id"`
	Label  string `json:"label"`
	Kind   string `json:"kind"`
	Parent string `json:"parent,omitempty"`
	// Leaves lists, for a group row, the ids of the data rows under it, at any depth.
	Leaves []string `json:"leaves,omitempty"`
	Found  bool     `json:"found"`
	// Written is the label as the document writes it.
	Written string `json:"written,omitempty"`
	// Values is how many values were read for the row; Aligned is true when that is
	// exactly one per column, so values could be assigned to columns. Expected is how
	// many the row should hold as the table is written: one per column, and one more
	// where the table has an extra subtotal column the row did not show.
	Values   int  `json:"values"`
	Expected int  `json:"expected"`
	Aligned  bool `json:"aligned"`
	// Split is true when the values were cut from digits written without separators,
	// using the template's column count and sums (their row sums then hold by
	// construction).
	Split bool `json:"split,omitempty"`
	// Run is set when the row's values are digits written together that could not be
	// split in exactly one way: the digits as written.
	Run   string           `json:"run,omitempty"`
	Cells map[string]*Cell `json:"cells"`
	Span  document.Span    `json:"span"`
	// carry is RowSpec.Carry: Summarize keeps the row's cells.
	carry bool
}

// Cell is one value of a row.
type Cell struct {
	Ref   string  `json:"ref"`
	Table string  `json:"table"`
	Row   string  `json:"row"`
	Col   string  `json:"col"`
	Type  string  `json:"type"`
	State string  `json:"state"`
	Value float64 `json:"value"`
	// Integer is true when the number has no fractional part.
	Integer bool `json:"integer"`
	// Signed is true when the number was written with a sign (+3, -2, −2). Only a change
	// column (type signed) expects one.
	Signed bool `json:"signed"`
	// Unit is a unit word written after the number (元, 万元, 件), if any; a unit the
	// column does not take leaves the cell invalid.
	Unit string        `json:"unit,omitempty"`
	Text string        `json:"text,omitempty"`
	Span document.Span `json:"span"`
}

// Claim is a statement read from the narrative by one of the profile's patterns.
type Claim struct {
	Ref string `json:"ref"`
	ID  string `json:"id"`
	// Section is the id of the section holding the claim, "" in the preamble.
	Section string `json:"section"`
	// Sentence is where the sentence holding the claim starts (a code-point offset in
	// the document's text): claims with the same Sentence were read from one sentence.
	Sentence int               `json:"sentence"`
	Text     string            `json:"text"`
	Fields   map[string]*Field `json:"fields"`
	Span     document.Span     `json:"span"`
	start    int
	end      int
}

// Field is a named part of a claim; numbers are parsed.
type Field struct {
	Ref    string        `json:"ref"`
	Text   string        `json:"text"`
	Number bool          `json:"number"`
	Value  float64       `json:"value"`
	Span   document.Span `json:"span"`
}

// Note is something the profile could not do, for example values it could not align.
type Note struct {
	Ref     string        `json:"ref"`
	Message string        `json:"message"`
	Span    document.Span `json:"span"`
}

// Resolved is what a fact reference points at, for locating findings.
type Resolved struct {
	// Path is set when the fact is in another document (the previous year's report).
	Path    string
	Span    document.Span
	Snippet string
	// Logical is a readable path such as 表三/（一）予以公开/自然人.
	Logical string
	// Kind is the SARIF logical location kind.
	Kind string
}

// Resolve returns the source place of a fact reference ("t3.new_received.total", "s6",
// "claim.4", "claim.4.n", "doc").
func (f *Facts) Resolve(ref string) (Resolved, bool) {
	r, ok := f.refs[ref]
	return r, ok
}

// Cell returns the table cell with the given reference.
func (f *Facts) Cell(ref string) (*Cell, bool) {
	c, ok := f.cells[ref]
	return c, ok
}

func (f *Facts) addRef(ref string, r Resolved) {
	if f.refs == nil {
		f.refs = map[string]Resolved{}
	}
	f.refs[ref] = r
}
