// Package lint runs reportlint over documents: it reads each file, picks the rule pack for
// the document's edition and year, maps the document to facts, evaluates the pack, and
// resolves every finding to its place in the source. Documents are linted concurrently and
// results are delivered in input order; one bad document never stops the others.
package lint

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
)

// Linter lints documents with a set of packs. It is safe for concurrent use.
type Linter struct {
	// Packs are the candidates for automatic selection, newest edition first.
	Packs []*pack.Pack
	// Force, when set, is used for every document (--pack).
	Force *pack.Pack
	// Ingest controls reading files.
	Ingest ingest.Options
	// Workers is the number of documents linted at once; 0 means GOMAXPROCS.
	Workers int
	// Previous is the previous year's report of the body of every document linted
	// (--previous); cross-year rules compare each document with it.
	Previous string
	// Pair makes Run find, among its inputs, each document's previous-year report of the
	// same body (by the title's body name and year) for the cross-year rules.
	Pair bool
	// Params override the packs' rule parameters (repeat_threshold ...).
	Params map[string]float64
	// Selection narrows and adjusts the rules reported; nil reports every rule as the
	// packs define it.
	Selection *Selection
	// Memory holds documents given as bytes rather than files (standard input), by the
	// path they are linted under; a path found here is not read from disk.
	Memory map[string][]byte
	// Aggregate is the path of a report that aggregates the others of the run (a
	// district's report over its bodies' reports): its tables are compared, cell by cell,
	// with the sums of theirs (--aggregate).
	Aggregate string
	// KeepView makes every result carry the reviewer's view of its document
	// (finding.Result.View), for the marked-up HTML report.
	KeepView bool
}

// Rules returns the rules of every pack the linter may use, pack by pack in the linter's
// order and by id within a pack (Pack.Rules is sorted), as the selection adjusts them. Packs may share ids (each has its own FMT-EDITION).
func (l *Linter) Rules() []finding.Rule {
	packs := l.Packs
	if l.Force != nil {
		packs = []*pack.Pack{l.Force}
	}
	var out []finding.Rule
	for _, p := range packs {
		out = append(out, l.Selection.rules(p.Rules())...)
	}
	return out
}

// Document is a read document with the pack chosen for it and its facts.
type Document struct {
	Doc   *document.Document
	Pack  *pack.Pack
	Facts *profile.Facts
}

// Extract reads the file at path (or the document Memory holds for it) and maps it to
// facts, as the rules would see it.
func (l *Linter) Extract(ctx context.Context, path string) (*Document, error) {
	var doc *document.Document
	var err error
	if data, ok := l.Memory[path]; ok {
		doc, err = ingest.Read(ctx, path, data, l.Ingest)
	} else {
		doc, err = ingest.ReadFile(ctx, path, l.Ingest)
	}
	if err != nil {
		return nil, err
	}
	p, facts, err := l.choose(ctx, doc)
	if err != nil {
		return nil, err
	}
	facts.Params = l.params(p)
	return &Document{Doc: doc, Pack: p, Facts: facts}, nil
}

// params are the rule parameters of pack p for this run: the pack's, overridden by the
// linter's.
func (l *Linter) params(p *pack.Pack) map[string]float64 {
	out := make(map[string]float64, len(p.Params)+len(l.Params))
	for k, v := range p.Params {
		out[k] = v
	}
	for k, v := range l.Params {
		out[k] = v
	}
	return out
}

// Lint lints one file. It never panics: an internal error becomes the result's Err.
func (l *Linter) Lint(ctx context.Context, path string) finding.Result {
	return l.lint(ctx, path, Context{})
}

// readError says in the run's language why a file could not be opened, for the errors of
// the file system that users meet (missing file, no permission); other errors already do.
func readError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return wrapped{i18n.T("文件不存在"), err}
	case errors.Is(err, fs.ErrPermission):
		return wrapped{i18n.T("没有读取这个文件的权限"), err}
	}
	return err
}

// wrapped is an error with a message of its own that still unwraps to its cause.
type wrapped struct {
	msg string
	err error
}

func (w wrapped) Error() string { return w.msg }
func (w wrapped) Unwrap() error { return w.err }

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	x, errA := filepath.Abs(a)
	y, errB := filepath.Abs(b)
	if errA != nil || errB != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return x == y
}

// Extensions are the file types a folder walk picks up: the formats reportlint reads, and
// the other formats reports are published as (.doc, .wps, .ofd, .rtf), so that a sweep
// reports those as unreadable, saying what to do, instead of skipping them silently.
func Extensions() []string {
	return []string{".txt", ".md", ".markdown", ".html", ".htm", ".shtml", ".docx", ".pdf", ".doc", ".wps", ".ofd", ".rtf"}
}

// Expand turns the command-line paths into files: files as given, folders walked
// recursively for files with a known extension (hidden entries skipped), sorted. A walked
// file or folder is left out when one of the exclude patterns (filepath.Match syntax)
// matches its name or its slash-separated path below the folder walked; files named on the
// command line are always kept. A path that does not exist is returned as is, so that
// reading it reports the error in order.
func Expand(paths, exclude []string) ([]string, error) {
	for _, pat := range exclude {
		if _, err := filepath.Match(pat, ""); err != nil {
			return nil, i18n.Errorf("exclude pattern %q: %w", pat, err)
		}
	}
	excluded := func(root, path, name string) bool {
		rel, err := filepath.Rel(root, path)
		if err != nil {
			rel = path
		}
		rel = filepath.ToSlash(rel)
		for _, pat := range exclude {
			if ok, _ := filepath.Match(pat, name); ok {
				return true
			}
			if ok, _ := filepath.Match(pat, rel); ok {
				return true
			}
		}
		return false
	}
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil && path != p {
				// An unreadable entry below the folder is kept as a path: reading it
				// reports the error as that document's, and the walk goes on.
				found = append(found, path)
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if err != nil {
				return err
			}
			if path == p {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") || excluded(p, path, name) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			if slices.Contains(Extensions(), ext) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, i18n.Errorf("walk %s: %w", p, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// sourceLines collects the text of the lines findings point at, rebuilt from the
// document's segments: each segment placed at its column.
func sourceLines(doc *document.Document, fs []finding.Finding) finding.SourceLines {
	want := map[finding.LineKey]bool{}
	for _, f := range fs {
		s := f.Location.Span.Start
		if s.Line > 0 {
			want[finding.LineKey{Page: s.Page, Line: s.Line}] = true
		}
	}
	return linesOf(doc, want)
}

// Line is a line of a document as the linter rebuilds it from the document's segments:
// the line and page a finding's location names. A PDF's lines are counted per page.
type Line struct {
	finding.LineKey
	Text string
}

// Lines returns every line of doc that holds text, in order (extract --lines).
func Lines(doc *document.Document) []Line {
	want := map[finding.LineKey]bool{}
	mark := func(segs []document.Segment) {
		for _, s := range segs {
			want[finding.LineKey{Page: s.Start.Page, Line: s.Start.Line}] = true
		}
	}
	for _, b := range doc.Blocks {
		mark(b.Segments)
		for _, r := range b.Rows {
			for _, c := range r.Cells {
				mark(c.Segments)
			}
		}
	}
	var out []Line
	for k, text := range linesOf(doc, want) {
		out = append(out, Line{k, text})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Page != out[b].Page {
			return out[a].Page < out[b].Page
		}
		return out[a].Line < out[b].Line
	})
	return out
}

// linesOf rebuilds the lines of doc that want names.
func linesOf(doc *document.Document, want map[finding.LineKey]bool) finding.SourceLines {
	if len(want) == 0 {
		return nil
	}
	type piece struct {
		col  int
		text string
	}
	pieces := map[finding.LineKey][]piece{}
	add := func(segs []document.Segment) {
		for _, s := range segs {
			k := finding.LineKey{Page: s.Start.Page, Line: s.Start.Line}
			if want[k] {
				pieces[k] = append(pieces[k], piece{s.Start.Col, s.Text})
			}
		}
	}
	for _, b := range doc.Blocks {
		add(b.Segments)
		for _, r := range b.Rows {
			for _, c := range r.Cells {
				add(c.Segments)
			}
		}
	}
	out := finding.SourceLines{}
	for k, ps := range pieces {
		sort.SliceStable(ps, func(a, b int) bool { return ps[a].col < ps[b].col })
		var sb strings.Builder
		col := 1
		for _, p := range ps {
			for col < p.col {
				sb.WriteByte(' ')
				col++
			}
			if p.col < col {
				continue // overlapping pieces (entity-decoded HTML): keep the first
			}
			sb.WriteString(p.text)
			col += utf8.RuneCountInString(p.text)
		}
		out[k] = sb.String()
	}
	return out
}
