// Package lint runs reportlint over documents: it reads each file, picks the rule pack for
// the document's edition and year, maps the document to facts, evaluates the pack, and
// resolves every finding to its place in the source. Documents are linted concurrently and
// results are delivered in input order; one bad document never stops the others.
package lint

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/finding"
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
	p, facts := l.choose(doc)
	facts.Params = map[string]float64{}
	for k, v := range p.Params {
		facts.Params[k] = v
	}
	for k, v := range l.Params {
		facts.Params[k] = v
	}
	return &Document{Doc: doc, Pack: p, Facts: facts}, nil
}

// previousFinder returns, for a document's facts, the summary of the same body's report
// for the year before, or nil.
type previousFinder func(*profile.Facts) *profile.Summary

// pairing prepares the cross-year lookup for a run: the explicit --previous report, or
// the inputs indexed by body and year (the first document of each wins).
func (l *Linter) pairing(ctx context.Context, paths []string) (previousFinder, error) {
	if l.Previous != "" {
		d, err := l.Extract(ctx, l.Previous)
		if err != nil {
			return nil, fmt.Errorf("--previous %s: %w", l.Previous, err)
		}
		prev := profile.Summarize(d.Facts)
		return func(*profile.Facts) *profile.Summary { return prev }, nil
	}
	if !l.Pair || len(paths) < 2 {
		return nil, nil
	}
	type key struct {
		body string
		year int
	}
	summaries := make([]*profile.Summary, len(paths))
	l.extractAll(ctx, paths, func(i int, d *Document, err error) {
		if err == nil {
			summaries[i] = profile.Summarize(d.Facts)
		}
	})
	index := map[key]*profile.Summary{}
	for _, s := range summaries {
		if s == nil || s.Body == "" || s.Year == 0 {
			continue
		}
		k := key{s.Body, s.Year}
		if _, ok := index[k]; !ok {
			index[k] = s
		}
	}
	return func(f *profile.Facts) *profile.Summary {
		cur := profile.Summarize(f)
		if cur.Body == "" || cur.Year == 0 {
			return nil
		}
		return index[key{cur.Body, cur.Year - 1}]
	}, nil
}

// components sums the tables of every document of the run but the aggregate report, as
// many at once as the run lints. A component that cannot be read is recorded as such (no
// total can then be judged); its own result reports why.
func (l *Linter) components(ctx context.Context, paths []string, aggregate string) *profile.Totals {
	totals := profile.NewTotals()
	parts := slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return p == aggregate })
	l.extractAll(ctx, parts, func(i int, d *Document, err error) {
		if err == nil {
			totals.Add(d.Facts)
		} else {
			totals.Fail(parts[i])
		}
	})
	return totals
}

// extractAll extracts paths, as many at once as the run lints, and calls fn with each
// (concurrently; fn must be safe for that). A panic while reading a document is passed on
// as that document's error, so no document goes missing.
func (l *Linter) extractAll(ctx context.Context, paths []string, fn func(i int, d *Document, err error)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(l.Workers, runtime.GOMAXPROCS(0)))
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			d, err := func() (d *Document, err error) {
				defer func() {
					if r := recover(); r != nil {
						d, err = nil, fmt.Errorf("内部错误：%v", r)
					}
				}()
				return l.Extract(ctx, p)
			}()
			fn(i, d, err)
		}()
	}
	wg.Wait()
}

// choose picks the pack for doc: the one whose edition the document's tables follow and
// whose years cover the report year; failing that, the one for the year (its format rule
// then reports the wrong edition); failing that, the newest.
func (l *Linter) choose(doc *document.Document) (*pack.Pack, *profile.Facts) {
	if l.Force != nil {
		return l.Force, l.Force.Profile.Apply(doc)
	}
	first := l.Packs[0]
	facts := first.Profile.Apply(doc)
	year, ed := facts.Report.Year, facts.Edition.Detected
	pick := func(ok func(*pack.Pack) bool) *pack.Pack {
		for _, p := range l.Packs {
			if ok(p) {
				return p
			}
		}
		return nil
	}
	p := pick(func(p *pack.Pack) bool { return p.Edition == ed && year != 0 && p.AppliesTo(year) })
	if p == nil && year != 0 {
		p = pick(func(p *pack.Pack) bool { return p.AppliesTo(year) })
	}
	if p == nil {
		p = pick(func(p *pack.Pack) bool { return p.Edition == ed })
	}
	if p == nil {
		p = first
	}
	if p != first {
		facts = p.Profile.Apply(doc)
	}
	return p, facts
}

// Lint lints one file. It never panics: an internal error becomes the result's Err.
func (l *Linter) Lint(ctx context.Context, path string) finding.Result {
	return l.lint(ctx, path, runState{})
}

// readError says in Chinese why a file could not be opened, for the errors of the file
// system that users meet (missing file, no permission); other errors already do.
func readError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return wrapped{"文件不存在", err}
	case errors.Is(err, fs.ErrPermission):
		return wrapped{"没有读取这个文件的权限", err}
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

// runState is what a run prepares before linting its documents: the cross-year lookup and
// the sums of an aggregate report's components.
type runState struct {
	previous previousFinder
	// totals are the components' sums, attached to the document at path aggregate.
	totals    *profile.Totals
	aggregate string
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	x, errA := filepath.Abs(a)
	y, errB := filepath.Abs(b)
	if errA != nil || errB != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return x == y
}

func (l *Linter) lint(ctx context.Context, path string, run runState) (res finding.Result) {
	res.Path = path
	defer func() {
		if r := recover(); r != nil {
			res.Findings = nil
			res.Err = fmt.Errorf("内部错误：%v", r)
		}
	}()
	if t := l.Ingest.Limits.Timeout; t > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t)
		defer cancel()
	}
	d, err := l.Extract(ctx, path)
	if err != nil {
		res.Err = readError(err)
		if errors.Is(err, context.DeadlineExceeded) {
			res.Err = fmt.Errorf("超过每个文档 %s 的时间限制", l.Ingest.Limits.Timeout)
		}
		return res
	}
	res.Format = d.Doc.Format
	res.Pack = d.Pack.Ref()
	res.About = about(d.Facts)
	res.View = l.view(d.Facts)
	if run.previous != nil {
		if prev := run.previous(d.Facts); prev != nil && prev.Path != path {
			profile.Link(d.Facts, prev)
		}
	}
	if run.totals != nil && path == run.aggregate {
		run.totals.Attach(d.Facts)
	}
	raws, err := d.Pack.Evaluate(ctx, d.Facts)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			res.Err = fmt.Errorf("超过每个文档 %s 的时间限制", l.Ingest.Limits.Timeout)
			return res
		}
		res.Err = fmt.Errorf("执行规则包 %s：%w", d.Pack.Ref(), err)
	}
	res.Findings = l.Selection.findings(d.Pack.ApplyGate(Resolve(path, d.Pack, d.Facts, raws), l.Selection.Keeps))
	res.Lines = sourceLines(d.Doc, res.Findings)
	return res
}

// Run lints paths with l.Workers documents at once and calls emit with each result in the
// order of paths. Memory stays bounded: at most a few results wait to be emitted.
func (l *Linter) Run(ctx context.Context, paths []string, emit func(finding.Result) error) error {
	previous, err := l.pairing(ctx, paths)
	if err != nil {
		return err
	}
	run := runState{previous: previous}
	if l.Aggregate != "" {
		// The aggregate report is the input that names the same file, however spelled;
		// it is linted first when it is not among the inputs.
		run.aggregate = l.Aggregate
		if i := slices.IndexFunc(paths, func(p string) bool { return samePath(p, l.Aggregate) }); i >= 0 {
			run.aggregate = paths[i]
		} else {
			paths = append([]string{l.Aggregate}, paths...)
		}
		run.totals = l.components(ctx, paths, run.aggregate)
	}
	workers := l.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(paths))) // no idle goroutines
	type job struct {
		i    int
		path string
	}
	jobs := make(chan job)
	done := make([]chan finding.Result, len(paths))
	for i := range done {
		done[i] = make(chan finding.Result, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for w := 0; w < workers; w++ {
		go func() {
			for j := range jobs {
				done[j.i] <- l.lint(ctx, j.path, run)
			}
		}()
	}
	// Feed jobs at most `window` ahead of the result being emitted, so a slow document
	// does not let finished results pile up.
	sem := make(chan struct{}, workers*4)
	go func() {
		defer close(jobs)
		for i, p := range paths {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{i, p}:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := range paths {
		r := <-done[i]
		done[i] = nil
		<-sem
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
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
			return nil, fmt.Errorf("exclude pattern %q: %w", pat, err)
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
			return nil, fmt.Errorf("walk %s: %w", p, err)
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
