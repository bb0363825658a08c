// Package finding defines what a lint run produces: rule descriptors, findings with their
// locations and fingerprints, and per-document results. Reporters (text, JSON, SARIF) read
// these values; the engines (CEL, Rego) produce them.
package finding

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/document"
)

// Level is the severity of a finding, as in SARIF.
type Level string

// Levels, from most to least severe. None is used only for --fail-on none.
const (
	Error   Level = "error"
	Warning Level = "warning"
	Note    Level = "note"
	None    Level = "none"
)

// ParseLevel reads a level name as given on the command line or in a rule.
func ParseLevel(s string) (Level, error) {
	switch l := Level(strings.ToLower(strings.TrimSpace(s))); l {
	case Error, Warning, Note, None:
		return l, nil
	}
	return "", fmt.Errorf("unknown level %q (want error, warning, note or none)", s)
}

// Rank orders levels: error 3, warning 2, note 1, none 0.
func (l Level) Rank() int {
	switch l {
	case Error:
		return 3
	case Warning:
		return 2
	case Note:
		return 1
	}
	return 0
}

// AtLeast reports whether l is as severe as threshold or more. Nothing is at least None's
// opposite: with threshold None, no level qualifies (so --fail-on none never fails).
func (l Level) AtLeast(threshold Level) bool {
	if threshold == None {
		return false
	}
	return l.Rank() >= threshold.Rank()
}

// Categories returns the category tags; every rule carries at least one of them.
func Categories() []string {
	return []string{"section", "arithmetic", "narrative", "metadata", "format"}
}

// HasCategory reports whether tags include one of the categories.
func HasCategory(tags []string) bool {
	for _, t := range tags {
		for _, c := range Categories() {
			if t == c {
				return true
			}
		}
	}
	return false
}

// Raw is a finding as an engine returns it: it names facts by reference (for example
// t3.new_received.total or claim.4.n), and the lint run resolves them to source places.
type Raw struct {
	RuleID  string
	Message string
	// Level overrides the rule's default level when set.
	Level Level
	// At is the fact the finding is about; Related are other facts involved.
	At      string
	Related []RelatedRef
	// NotAssessable marks a finding that says the rule could not be decided; Missing are
	// the facts (cells) whose state prevented it.
	NotAssessable bool
	Missing       []string
	// Key is the message in the pack's own language (Chinese) where the rule gives one
	// in each: it orders findings, and so numbers their fingerprints, the same way in
	// every language.
	Key string
	// Expected and Actual are the two values the rule compared, as its message writes
	// them (what the table sums to, what the cell or the sentence says), when it compared
	// two values.
	Expected, Actual string
}

// RelatedRef is a related fact with a note on its role.
type RelatedRef struct {
	Ref     string
	Message string
}

// Rule describes one rule of a pack: the single source for `reportlint rules`, rule docs,
// and SARIF tool.driver.rules.
type Rule struct {
	// ID is the stable code (for example T3-ROW-SUM). Never reused for another check.
	ID string `json:"id"`
	// Title is the one-line summary, in Chinese.
	Title string `json:"title"`
	// Description is a paragraph saying what the rule checks.
	Description string `json:"description,omitempty"`
	// Level is the default level of the rule's findings.
	Level Level `json:"level"`
	// Tags include at least one category (section, arithmetic, narrative, metadata, format).
	Tags []string `json:"tags"`
	// Help is the rule's documentation in Markdown.
	Help string `json:"help,omitempty"`
	// HelpURI points at the rule's documentation in the repository.
	HelpURI string `json:"helpUri,omitempty"`
	// Since is the pack version that added the rule.
	Since string `json:"since,omitempty"`
	// Engine is "cel" or "rego".
	Engine string `json:"engine"`
	// Source is the rule's definition as file:line inside its pack.
	Source string `json:"source,omitempty"`
	// Pack is name@version of the pack the rule belongs to.
	Pack string `json:"pack"`
	// Text is the rule's title, description and help in each language its pack writes
	// them in ("zh", "en"); Title, Description and Help above are the run's language's.
	Text map[string]RuleText `json:"-"`
}

// RuleText is a rule's human text in one language.
type RuleText struct {
	Title, Description, Help string
}

// Localize sets the rule's title, description and help to those of language lang, where
// the rule has them, and records the texts it had as those of language from.
func (r *Rule) Localize(from, lang string) {
	// The map may be shared with the rule set the rule came from: change a copy.
	r.Text = maps.Clone(r.Text)
	if r.Text == nil {
		r.Text = map[string]RuleText{}
	}
	if _, ok := r.Text[from]; !ok {
		r.Text[from] = RuleText{Title: r.Title, Description: r.Description, Help: r.Help}
	}
	t, ok := r.Text[lang]
	if !ok {
		return
	}
	r.Title = cmp.Or(t.Title, r.Title)
	r.Description = cmp.Or(t.Description, r.Description)
	r.Help = cmp.Or(t.Help, r.Help)
}

// Location is a place in a document a finding points at.
type Location struct {
	// Path is the document's path as given by the user.
	Path string `json:"path"`
	// Span is where the place is in the source.
	Span document.Span `json:"span"`
	// Snippet is the source text of the place (a cell's number, a sentence).
	Snippet string `json:"snippet,omitempty"`
	// Message says what the place is, for related locations ("表格：本年新收申请总计").
	Message string `json:"message,omitempty"`
	// Logical is the logical location, for example "表三/一、本年新收政府信息公开申请数量/总计".
	Logical string `json:"logical,omitempty"`
	// LogicalKind is the SARIF kind of the logical location: "element" for table cells and
	// rows, "module" for sections, "text" otherwise.
	LogicalKind string `json:"logicalKind,omitempty"`
	// Ref is the fact the location was resolved from (for example t3.new_received.total).
	Ref string `json:"ref,omitempty"`
}

// Finding is one result of one rule on one document.
type Finding struct {
	RuleID  string   `json:"rule"`
	Level   Level    `json:"level"`
	Message string   `json:"message"`
	Tags    []string `json:"tags,omitempty"`
	// Location is the primary place: the table cell or sentence at fault.
	Location Location `json:"location"`
	// Related are the other places involved, such as the table cell a sentence contradicts.
	Related []Location `json:"related,omitempty"`
	// NotAssessable is true when the rule could not be decided (a blank or placeholder cell
	// where a number belongs, a table that was not found); Message says why.
	NotAssessable bool `json:"notAssessable,omitempty"`
	// Expected and Actual are the two values the rule compared, when it compared two: the
	// value the rule derives (a sum, the table's figure) and the one the report gives.
	Expected string `json:"expected,omitempty"`
	Actual   string `json:"actual,omitempty"`
	// Fingerprint identifies the finding across edits that do not touch it: it hashes the
	// rule, the document's logical place and the snippet, not line numbers.
	Fingerprint string `json:"fingerprint"`
	// Pack is name@version of the pack that produced the finding.
	Pack string `json:"pack,omitempty"`
	// SortKey is Raw.Key: what orders findings at one place the same way in every
	// language.
	SortKey string `json:"-"`
}

// ComputeFingerprint fills f.Fingerprint from the rule id, the logical locations and the
// snippets of the primary and related locations. Line numbers are left out on purpose, so
// the fingerprint survives edits elsewhere in the document. occurrence separates findings
// that would otherwise collide (same rule, same place, same text).
func (f *Finding) ComputeFingerprint(occurrence int) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", f.RuleID, f.Location.Logical, f.Location.Ref, normalize(f.Location.Snippet))
	for _, r := range f.Related {
		fmt.Fprintf(h, "\x00%s\x00%s", r.Ref, normalize(r.Snippet))
	}
	fmt.Fprintf(h, "\x00%d", occurrence)
	f.Fingerprint = hex.EncodeToString(h.Sum(nil))[:32]
}

func normalize(s string) string { return strings.Join(strings.Fields(s), "") }

// Compare orders findings by position, then rule id, then the message in the pack's
// language (SortKey, when both have one), then the message: the order of every report,
// so output is the same byte for byte on the same input, and findings at one place come
// in the same order (and take the same fingerprints) whatever the run's language.
func Compare(a, b Finding) int {
	if c := comparePos(a.Location.Span.Start, b.Location.Span.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.RuleID, b.RuleID); c != 0 {
		return c
	}
	if a.SortKey != "" && b.SortKey != "" {
		if c := cmp.Compare(a.SortKey, b.SortKey); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(a.Message, b.Message); c != 0 {
		return c
	}
	return cmp.Compare(a.Location.Ref, b.Location.Ref)
}

func comparePos(a, b document.Pos) int {
	if c := cmp.Compare(a.Page, b.Page); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Col, b.Col); c != 0 {
		return c
	}
	return cmp.Compare(a.Ref, b.Ref)
}

// Sort sorts findings with Compare and then assigns fingerprints, numbering repeated
// identical places so that every fingerprint in a document is unique.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, Compare)
	seen := map[string]int{}
	for i := range fs {
		fs[i].ComputeFingerprint(0)
		n := seen[fs[i].Fingerprint]
		seen[fs[i].Fingerprint] = n + 1
		if n > 0 {
			fs[i].ComputeFingerprint(n)
		}
	}
}

// Result is everything a lint run found in one document.
type Result struct {
	// Path is the document as the user named it.
	Path string `json:"path"`
	// Format is the importer that read it.
	Format string `json:"format,omitempty"`
	// Pack is name@version of the pack applied, empty if none could be.
	Pack string `json:"pack,omitempty"`
	// About describes the document as far as its text tells; nil when it could not be read.
	About *About `json:"about,omitempty"`
	// Findings are sorted with Compare.
	Findings []Finding `json:"findings"`
	// Err is set when the document could not be read or evaluated at all; then Findings
	// may be empty, and the run exits with code 2.
	Err error `json:"-"`
	// Lines holds the source lines the findings point at, for showing them with a caret.
	Lines SourceLines `json:"-"`
	// View is the document's sections and tables for the marked-up report; nil unless
	// the run keeps it (lint.Linter.KeepView).
	View *View `json:"-"`
	// BodyKey is the key that pairs the document with the same body's reports of other
	// years (profile.BodyOf); empty when its title names no body. A sharded run records it,
	// so that merge can check that every body's reports were linted in one shard.
	BodyKey string `json:"-"`
}

// About is what a document says of itself: the body that published it, the year it
// reports on and the format edition its tables follow. Sweep outputs group by these.
type About struct {
	// Body is the publishing body as the title names it (上海市规划和自然资源局).
	Body string `json:"body,omitempty"`
	// BodyKind classifies the body: people_government, government_office, department,
	// township, zone or other; empty when the title names none.
	BodyKind string `json:"body_kind,omitempty"`
	// Region is the administrative region the body belongs to, as far as the title and
	// the path tell (上海市, 福建省平潭综合实验区).
	Region string `json:"region,omitempty"`
	// Year is the year reported on; 0 when unknown.
	Year int `json:"year,omitempty"`
	// Edition is the format edition the document follows (2021, 2019, pre-2019, mixed or
	// unknown).
	Edition string `json:"edition,omitempty"`
}

// SourceLines maps a (page, line) to the line's text as shown to the user.
type SourceLines map[LineKey]string

// LineKey identifies a source line; Page is 0 for formats without pages.
type LineKey struct{ Page, Line int }

// Counts tallies findings by level.
type Counts struct {
	Error, Warning, Note int
}

// Add counts the findings of r.
func (c *Counts) Add(r Result) {
	for _, f := range r.Findings {
		switch f.Level {
		case Error:
			c.Error++
		case Warning:
			c.Warning++
		case Note:
			c.Note++
		}
	}
}

// Max returns the most severe level counted, or None.
func (c Counts) Max() Level {
	switch {
	case c.Error > 0:
		return Error
	case c.Warning > 0:
		return Warning
	case c.Note > 0:
		return Note
	}
	return None
}
