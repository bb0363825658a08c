package finding

// View is what a reviewer reads of a document: its title, its sections with their text, its
// tables as grids with every row and column label, and the narrative statements the rules
// read, each with the fact reference findings point at (Location.Ref). The marked-up HTML
// report draws it; lint runs build it only when asked (Linter.KeepView), so that sweeps in
// other formats do not hold it.
type View struct {
	Title    string        `json:"title,omitempty"`
	Sections []ViewSection `json:"sections"`
	Tables   []ViewTable   `json:"tables"`
	Claims   []ViewClaim   `json:"claims,omitempty"`
}

// ViewSection is a first-level section: its heading as written (or its template title when
// not found) and its text outside tables.
type ViewSection struct {
	Ref     string `json:"ref"`
	ID      string `json:"id"`
	Heading string `json:"heading"`
	Found   bool   `json:"found"`
	Text    string `json:"text,omitempty"`
}

// ViewTable is a table as a grid; Section is the id of the section holding it.
type ViewTable struct {
	Ref     string       `json:"ref"`
	Title   string       `json:"title"`
	Section string       `json:"section,omitempty"`
	Found   bool         `json:"found"`
	Columns []ViewColumn `json:"columns"`
	Rows    []ViewRow    `json:"rows"`
	// Doubt is the importer's note when it may have read the table wrongly.
	Doubt string `json:"doubt,omitempty"`
}

// ViewColumn is a value column.
type ViewColumn struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// ViewRow is a row with one cell per column (Cells[i] is in Columns[i]); a group row has
// no cells. Depth is how many group rows it sits under.
type ViewRow struct {
	Ref   string     `json:"ref"`
	Label string     `json:"label"`
	Group bool       `json:"group,omitempty"`
	Depth int        `json:"depth,omitempty"`
	Found bool       `json:"found"`
	Cells []ViewCell `json:"cells,omitempty"`
}

// ViewCell is one value: its text as written and its state (number, blank, placeholder,
// invalid, missing).
type ViewCell struct {
	Ref   string `json:"ref"`
	Text  string `json:"text,omitempty"`
	State string `json:"state"`
}

// ViewClaim is a statement of the narrative the rules read (claim.4), in the section with
// id Section ("" in the preamble); Fields are its named parts' references and texts.
type ViewClaim struct {
	Ref     string            `json:"ref"`
	Section string            `json:"section,omitempty"`
	Text    string            `json:"text"`
	Fields  map[string]string `json:"fields,omitempty"`
}
