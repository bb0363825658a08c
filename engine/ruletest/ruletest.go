// Package ruletest runs a pack's rule tests: for every rule, documents that must trigger
// it (with the exact findings: place, level, and optionally message text) and documents
// that must not. Missing and unexpected findings both fail, as in go/analysis's
// analysistest. A rule without a triggering case or without a passing case fails too.
//
// Cases live in the rule's folder, <category>/<RULE-ID>/tests.yaml, inside the pack or
// inside a folder the pack includes: those run under every pack that includes the folder. ${name} in a test file stands for
// the running pack's test_vars (its sample document, its year), a case may be limited to
// some packs (packs: [govinfo-2021]), and a wanted place may differ by pack
// (at: {govinfo-2019: "103:30", govinfo-2021: "96:30"}).
//
//	rule: T3-ROW-SUM
//	cases:
//	  - name: a row total off by one
//	    base: sample-2023.txt             # a document in testdata/, or `doc:` inline text
//	    edits:                            # optional: each `replace` must occur exactly once
//	      - {replace: "数量 0 0 0 0 0 0 0", with: "数量 0 0 0 0 0 0 1"}
//	    want:
//	      - {at: "96:46", level: error, message: "总计应为 0"}
//	  - name: the clean sample
//	    base: sample-2023.txt
//	    want: []
package ruletest

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
)

// File is one rule's tests.yaml.
type File struct {
	Rule  string `yaml:"rule"`
	Cases []Case `yaml:"cases"`
}

// Case is one document and the findings of the rule it must give.
type Case struct {
	Name string `yaml:"name"`
	// Base is a document file beside the test file or in testdata/; Doc is inline text.
	// Exactly one is set.
	Base string `yaml:"base"`
	Doc  string `yaml:"doc"`
	// Format forces the importer (text, html, markdown ...); default: detect from Base.
	Format string `yaml:"format"`
	Edits  []Edit `yaml:"edits"`
	// Previous is the same body's report for the year before, for cross-year rules.
	Previous *Case `yaml:"previous"`
	// Components are the reports this one aggregates (as --aggregate does): their
	// tables are summed cell by cell for the aggregate rules.
	Components []Case `yaml:"components"`
	// Params override the pack's rule parameters for this case (as --param does).
	Params map[string]float64 `yaml:"params"`
	// Packs limits the case to the named packs; empty: every pack that runs the file.
	Packs []string `yaml:"packs"`
	Want  []Want   `yaml:"want"`
	line  int
}

// Edit replaces one exact occurrence of Replace with With.
type Edit struct {
	Replace string `yaml:"replace"`
	With    string `yaml:"with"`
	// All replaces every occurrence instead of requiring exactly one.
	All bool `yaml:"all"`
}

// Want is an expected finding of the rule under test.
type Want struct {
	// At is line:col of the primary location, or a map from pack name to line:col where
	// the packs' documents differ; it is required, since a rule test pins the exact
	// finding.
	At Place `yaml:"at"`
	// Level is error, warning or note; empty accepts any.
	Level string `yaml:"level"`
	// Message is a substring the message must contain; MessageEn, one the English
	// message must contain (every case also runs in English).
	Message   string `yaml:"message"`
	MessageEn string `yaml:"message_en"`
	// Expected and Actual, when set, must be the finding's compared values (finding.
	// Finding's Expected and Actual) exactly.
	Expected *string `yaml:"expected"`
	Actual   *string `yaml:"actual"`
	// NotAssessable must match the finding's flag when set.
	NotAssessable *bool `yaml:"not_assessable"`
}

// Place is line:col, for every pack or by pack name.
type Place struct {
	Any    string
	ByPack map[string]string
}

// UnmarshalYAML reads "12:3" or {pack: "12:3", ...}.
func (p *Place) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		return n.Decode(&p.ByPack)
	}
	return n.Decode(&p.Any)
}

// For returns the place under the named pack ("" when the map does not name it).
func (p Place) For(pack string) string {
	if p.ByPack != nil {
		return p.ByPack[pack]
	}
	return p.Any
}

// Outcome is the result of one rule's tests.
type Outcome struct {
	Rule   string
	File   string
	Cases  int
	Errors []string
}

// OK reports whether every case passed.
func (o Outcome) OK() bool { return len(o.Errors) == 0 }

// Run runs every test file of the pack and checks that each rule of the pack has a
// triggering and a passing case. Outcomes are sorted by rule id.
func Run(ctx context.Context, p *pack.Pack) ([]Outcome, error) {
	byRule := map[string]*Outcome{}
	for _, r := range p.Rules() {
		byRule[r.ID] = &Outcome{Rule: r.ID, Errors: englishText(r)}
	}
	// ran: rules with a test file; triggers, passes: their cases with and without findings.
	ran, triggers, passes := map[string]bool{}, map[string]int{}, map[string]int{}
	for _, dir := range p.TestDirs() {
		files, err := pack.TestFiles(dir.FS)
		if err != nil {
			return nil, err
		}
		for _, file := range files {
			name := path.Join(dir.Name, file)
			tf, lines, err := readFile(dir.FS, file, p.TestVars)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			o, ok := byRule[tf.Rule]
			if !ok {
				if dir.Name != "" {
					continue // a shared test of a rule this pack does not take
				}
				byRule[tf.Rule] = &Outcome{Rule: tf.Rule, File: name, Errors: []string{i18n.Sprintf("%s: rule %q is not in pack %s", name, tf.Rule, p.Ref())}}
				continue
			}
			o.File, ran[tf.Rule] = name, true
			for i, c := range tf.Cases {
				if i < len(lines) {
					c.line = lines[i]
				}
				if len(c.Packs) > 0 && !slices.Contains(c.Packs, p.Name) {
					continue
				}
				o.Cases++
				if len(c.Want) > 0 {
					triggers[tf.Rule]++
				} else {
					passes[tf.Rule]++
				}
				for _, e := range runCase(ctx, p, testSource{dir.FS, file}, tf.Rule, c) {
					o.Errors = append(o.Errors, i18n.Sprintf("%s:%d: case %q: %s", name, c.line, c.Name, e))
				}
			}
		}
	}
	var out []Outcome
	for _, o := range byRule {
		if !ran[o.Rule] {
			if len(o.Errors) == 0 {
				o.Errors = append(o.Errors, i18n.Sprintf("rule %s has no tests (<category>/%s/tests.yaml)", o.Rule, o.Rule))
			}
		} else {
			if triggers[o.Rule] == 0 {
				o.Errors = append(o.Errors, i18n.Sprintf("%s: no case triggers %s", o.File, o.Rule))
			}
			if passes[o.Rule] == 0 {
				o.Errors = append(o.Errors, i18n.Sprintf("%s: no case passes %s (want: [])", o.File, o.Rule))
			}
		}
		out = append(out, *o)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Rule < out[b].Rule })
	return out, nil
}

// englishText checks that the rule is written in English too: its title and description
// (en: in a CEL rule, custom.en in a Rego rule's METADATA) and its doc (README.en.md).
func englishText(r finding.Rule) []string {
	en := r.Text["en"]
	var errs []string
	for _, f := range []struct {
		text    string
		missing func() string
		chinese func(zh string) string
	}{
		{en.Title, func() string {
			return i18n.Sprintf("%s: rule %s has no English title (en.title, or custom.en.title in Rego METADATA)", r.Source, r.ID)
		}, func(zh string) string {
			return i18n.Sprintf("%s: rule %s: the English title has Chinese outside quotes (%q)", r.Source, r.ID, zh)
		}},
		{en.Description, func() string {
			return i18n.Sprintf("%s: rule %s has no English description (en.description, or custom.en.description)", r.Source, r.ID)
		}, func(zh string) string {
			return i18n.Sprintf("%s: rule %s: the English description has Chinese outside quotes (%q)", r.Source, r.ID, zh)
		}},
		{en.Help, func() string {
			return i18n.Sprintf("%s: rule %s has no English doc (README.en.md beside README.md)", r.Source, r.ID)
		}, func(zh string) string {
			return i18n.Sprintf("%s: rule %s: the English doc has Chinese outside quotes (%q)", r.Source, r.ID, zh)
		}},
	} {
		if strings.TrimSpace(f.text) == "" {
			errs = append(errs, f.missing())
		} else if zh := i18n.UnquotedChinese(stripCode(f.text)); zh != "" {
			errs = append(errs, f.chinese(zh))
		}
	}
	return errs
}

// codeBlock is a fenced or inline code span of a doc: report text cited as an example.
var codeBlock = regexp.MustCompile("(?s)```.*?```|`[^`\n]*`")

func stripCode(s string) string { return codeBlock.ReplaceAllString(s, "") }

// testVar is ${name} in a test file.
var testVar = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// readFile reads one test file with the pack's test variables put in, and the line of
// each case.
func readFile(fsys fs.FS, name string, vars map[string]string) (File, []int, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return File{}, nil, err
	}
	var unknown []string
	data = testVar.ReplaceAllFunc(data, func(m []byte) []byte {
		k := string(m[2 : len(m)-1])
		v, ok := vars[k]
		if !ok {
			unknown = append(unknown, k)
		}
		return []byte(v)
	})
	if len(unknown) > 0 {
		return File{}, nil, i18n.Errorf("the pack's test_vars have no %s", strings.Join(slices.Compact(unknown), ", "))
	}
	var node yaml.Node
	var tf File
	err = yaml.Unmarshal(data, &node)
	if err == nil {
		err = node.Decode(&tf)
	}
	return tf, caseLines(&node), err
}

// caseLines returns the line of each item of the top-level `cases` sequence.
func caseLines(doc *yaml.Node) []int {
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "cases" {
			var out []int
			for _, c := range m.Content[i+1].Content {
				out = append(out, c.Line)
			}
			return out
		}
	}
	return nil
}

// runCase lints the case's document with the pack and compares the rule's findings, once
// in each language: the same findings, each message in the language. The problems are
// worded in the run's language, whichever language the case ran in.
func runCase(ctx context.Context, p *pack.Pack, dir testSource, rule string, c Case) []string {
	docs, err := readDocuments(p, dir, c)
	if err != nil {
		return []string{err.Error()}
	}
	run := i18n.Current()
	defer i18n.Set(run)
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		i18n.Set(lang)
		got, fail := caseFindings(ctx, p, rule, c, docs)
		i18n.Set(run)
		if fail != nil && lang != run {
			// The engine's errors are worded in the language it ran in: when the case
			// fails the same way in the run's language, report that wording.
			if _, again := caseFindings(ctx, p, rule, c, docs); again != nil && again.stage == fail.stage {
				fail = again
			}
		}
		var errs []string
		if fail != nil {
			errs = []string{fail.String()}
		} else {
			errs = compare(p, c, got, lang)
		}
		if len(errs) == 0 {
			continue
		}
		if lang == i18n.En {
			for i, e := range errs {
				errs[i] = i18n.Sprintf("in English: %s", e)
			}
		}
		return errs
	}
	return nil
}

// doc is a document of a case: its bytes, the name it is read under and its format.
type doc struct {
	data         []byte
	name, format string
}

// caseDocs are the documents a case reads.
type caseDocs struct {
	doc        doc
	previous   *doc
	components []doc
}

// readDocuments reads the case's documents, and checks its parameters.
func readDocuments(p *pack.Pack, dir testSource, c Case) (caseDocs, error) {
	var docs caseDocs
	for k := range c.Params {
		if _, ok := p.Params[k]; !ok {
			return docs, i18n.Errorf("params: the pack has no parameter %q", k)
		}
	}
	data, name, err := document(p, dir, c)
	if err != nil {
		return docs, err
	}
	docs.doc = doc{data, name, c.Format}
	if c.Previous != nil {
		data, name, err := document(p, dir, *c.Previous)
		if err != nil {
			return docs, i18n.Errorf("previous: %w", err)
		}
		docs.previous = &doc{data, "previous-" + name, c.Previous.Format}
	}
	for i, cc := range c.Components {
		data, name, err := document(p, dir, cc)
		if err != nil {
			return docs, i18n.Errorf("component %d: %w", i+1, err)
		}
		docs.components = append(docs.components, doc{data, fmt.Sprintf("component-%d-%s", i+1, name), cc.Format})
	}
	return docs, nil
}

// stage is the step of a case's run that failed.
type stage int

const (
	readPrevious stage = iota
	readComponent
	readDocument
	evaluate
	panicked
)

// failure is why a case's run gave no findings; its text is made when it is reported, in
// the run's language, not in the language the case ran in.
type failure struct {
	stage stage
	n     int // the component, counted from 1
	err   error
	panic any
}

func (f *failure) String() string {
	switch f.stage {
	case readPrevious:
		return i18n.Sprintf("read previous document: %v", f.err)
	case readComponent:
		return i18n.Sprintf("read component %d: %v", f.n, f.err)
	case readDocument:
		return i18n.Sprintf("read document: %v", f.err)
	case evaluate:
		return i18n.Sprintf("evaluate: %v", f.err)
	}
	return i18n.Sprintf("panic: %v", f.panic)
}

// caseFindings are the findings of the rule on the case's documents, in the current
// language. A panic in the engine fails the case instead of the whole run.
func caseFindings(ctx context.Context, p *pack.Pack, rule string, c Case, docs caseDocs) (got []finding.Finding, fail *failure) {
	defer func() {
		if r := recover(); r != nil {
			got, fail = nil, &failure{stage: panicked, panic: r}
		}
	}()
	// The case runs through the pipeline the lint command uses: the pack's gate and
	// every other step apply as they do for users.
	l := &lint.Linter{Force: p, Params: c.Params, Ingest: ingest.Options{Limits: limit.Default()}}
	read := func(d doc) (*lint.Document, error) {
		l.Ingest.Format = d.format
		l.Memory = map[string][]byte{d.name: d.data}
		return l.Extract(ctx, d.name)
	}
	var lc lint.Context
	if docs.previous != nil {
		pd, err := read(*docs.previous)
		if err != nil {
			return nil, &failure{stage: readPrevious, err: err}
		}
		lc.Previous = profile.Summarize(pd.Facts)
	}
	if len(docs.components) > 0 {
		lc.Totals = profile.NewTotals()
		for i, cd := range docs.components {
			d, err := read(cd)
			if err != nil {
				return nil, &failure{stage: readComponent, n: i + 1, err: err}
			}
			lc.Totals.Add(d.Facts)
		}
	}
	d, err := read(docs.doc)
	if err != nil {
		return nil, &failure{stage: readDocument, err: err}
	}
	res := l.Check(ctx, d, lc)
	if res.Err != nil {
		return nil, &failure{stage: evaluate, err: res.Err}
	}
	for _, f := range res.Findings {
		if f.RuleID == rule {
			got = append(got, f)
		}
	}
	return got, nil
}

// compare checks the findings, got in language lang, against the wanted ones: each wanted
// one found, no other; in English, no message with Chinese outside the document text it
// quotes.
func compare(p *pack.Pack, c Case, got []finding.Finding, lang i18n.Lang) (errs []string) {
	used := make([]bool, len(got))
	for _, w := range c.Want {
		if w.At.For(p.Name) == "" {
			errs = append(errs, i18n.T("a wanted finding needs at: LINE:COL, the exact place it points at"))
			continue
		}
		found := false
		for i, f := range got {
			if !used[i] && matches(w, p.Name, f, lang) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			errs = append(errs, i18n.Sprintf("missing finding %s", describeWant(w, p.Name, lang)))
		}
	}
	for i, f := range got {
		if !used[i] {
			errs = append(errs, i18n.Sprintf("unexpected finding %s", describe(f)))
		}
	}
	if lang == i18n.En {
		for _, f := range got {
			if zh := i18n.UnquotedChinese(f.Message); zh != "" {
				errs = append(errs, i18n.Sprintf("finding %s: the English message has Chinese outside quotes (%q)", describe(f), zh))
			}
		}
	}
	if len(errs) > 0 && len(got) > 0 {
		var all []string
		for _, f := range got {
			all = append(all, describe(f))
		}
		errs = append(errs, i18n.Sprintf("got: %s", strings.Join(all, i18n.T("; "))))
	}
	return errs
}

// testSource is a test file: the folder (a pack's or an included one) and its path there.
type testSource struct {
	fsys fs.FS
	file string
}

// document returns the case's document bytes with the edits applied. A base document is
// looked for beside the test file, then in its folder's testdata/, then in the running
// pack's (pack.ReadTestDocument).
func document(p *pack.Pack, dir testSource, c Case) ([]byte, string, error) {
	var text, name string
	switch {
	case c.Base != "" && c.Doc != "":
		return nil, "", i18n.Errorf("set base or doc, not both")
	case c.Base != "":
		b, err := pack.ReadTestDocument(dir.fsys, dir.file, p.FS, c.Base)
		if err != nil {
			return nil, "", err
		}
		text, name = string(b), c.Base
	case c.Doc != "":
		text, name = c.Doc, "inline.txt"
		if c.Format != "" {
			name = "inline." + map[string]string{"markdown": "md"}[c.Format]
			if c.Format != "markdown" {
				name = "inline." + c.Format
			}
		}
	default:
		return nil, "", i18n.Errorf("no document: set base or doc")
	}
	for _, e := range c.Edits {
		n := strings.Count(text, e.Replace)
		switch {
		case e.Replace == "":
			return nil, "", i18n.Errorf("edit with an empty replace")
		case n == 0:
			return nil, "", i18n.Errorf("edit: %q does not occur in the document", e.Replace)
		case n > 1 && !e.All:
			return nil, "", i18n.Errorf("edit: %q occurs %d times; make it unique or set all: true", e.Replace, n)
		}
		text = strings.ReplaceAll(text, e.Replace, e.With)
	}
	return []byte(text), name, nil
}

func matches(w Want, pack string, f finding.Finding, lang i18n.Lang) bool {
	s := f.Location.Span.Start
	if w.At.For(pack) != strconv.Itoa(s.Line)+":"+strconv.Itoa(s.Col) {
		return false
	}
	if w.Level != "" && w.Level != string(f.Level) {
		return false
	}
	if msg := wantedMessage(w, lang); msg != "" && !strings.Contains(f.Message, msg) {
		return false
	}
	if w.NotAssessable != nil && *w.NotAssessable != f.NotAssessable {
		return false
	}
	if w.Expected != nil && *w.Expected != f.Expected || w.Actual != nil && *w.Actual != f.Actual {
		return false
	}
	return true
}

// wantedMessage is the text the message must contain in language lang.
func wantedMessage(w Want, lang i18n.Lang) string {
	if lang == i18n.En {
		return w.MessageEn
	}
	return w.Message
}

// describeWant describes a wanted finding, its message the one wanted in language lang.
func describeWant(w Want, pack string, lang i18n.Lang) string {
	s := i18n.Sprintf("at %s", w.At.For(pack))
	if w.Level != "" {
		s += " " + w.Level
	}
	if msg := wantedMessage(w, lang); msg != "" {
		s += i18n.Sprintf(" containing %q", msg)
	}
	if w.Expected != nil || w.Actual != nil {
		s += i18n.Sprintf(" expected %s actual %s", quoteOrAny(w.Expected), quoteOrAny(w.Actual))
	}
	return s
}

// quoteOrAny is a wanted value quoted, or (any) when the case does not say.
func quoteOrAny(s *string) string {
	if s == nil {
		return i18n.T("(any)")
	}
	return strconv.Quote(*s)
}

func describe(f finding.Finding) string {
	s := f.Location.Span.Start
	d := i18n.Sprintf("at %s", fmt.Sprintf("%d:%d", s.Line, s.Col)) + fmt.Sprintf(" %s %q", f.Level, f.Message)
	if f.Expected != "" || f.Actual != "" {
		d += i18n.Sprintf(" expected %s actual %s", strconv.Quote(f.Expected), strconv.Quote(f.Actual))
	}
	return d
}
