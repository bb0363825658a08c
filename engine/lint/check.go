package lint

import (
	"context"
	"errors"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
)

// Context is what the rest of a run gives one document's checks: the same body's report
// for the year before, and, for a report that aggregates others, the sums of their tables.
type Context struct {
	// Previous is the summary of the same body's report for the year before (nil: none).
	Previous *profile.Summary
	// Totals are the component reports' tables summed, for the aggregate report.
	Totals *profile.Totals
}

// Check evaluates a read document in context c and returns its result as users see it:
// findings located in the source, closed by the pack's gate rules, narrowed by the rule
// selection, with the source lines they point at. It is the one per-document step of
// every entry point: the lint command, rule tests, the local server and the benchmarks.
// Check links c into d.Facts.
func (l *Linter) Check(ctx context.Context, d *Document, c Context) finding.Result {
	path := d.Facts.Source.Path
	res := finding.Result{Path: path, Format: d.Doc.Format, Pack: d.Pack.Ref(), About: about(d.Facts), BodyKey: profile.BodyOf(d.Facts)}
	if c.Previous != nil && c.Previous.Path != path {
		profile.Link(d.Facts, c.Previous)
	}
	if c.Totals != nil {
		c.Totals.Attach(d.Facts)
	}
	raws, err := d.Pack.Evaluate(ctx, d.Facts)
	if err != nil {
		if res.Err = l.evalError(d.Pack, err); errors.Is(err, context.DeadlineExceeded) {
			return res
		}
	}
	res.Findings = l.finish(path, d.Pack, d.Facts, raws, nil)
	res.Lines = sourceLines(d.Doc, res.Findings)
	res.View = l.view(d.Facts)
	detach(&res)
	return res
}

// detach gives a result strings of its own: a snippet cut from the document's text would
// keep all of it alive for as long as the result (a sweep's reporters keep results).
func detach(r *finding.Result) {
	loc := func(l *finding.Location) {
		l.Snippet, l.Logical, l.Message = strings.Clone(l.Snippet), strings.Clone(l.Logical), strings.Clone(l.Message)
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		loc(&f.Location)
		for j := range f.Related {
			loc(&f.Related[j])
		}
	}
	r.BodyKey = strings.Clone(r.BodyKey)
	if r.About != nil {
		r.About.Body = strings.Clone(r.About.Body)
		r.About.Region = strings.Clone(r.About.Region)
	}
}

// finish resolves raw findings and adds them to earlier ones of the same document, then
// applies the pack's gate and the selection to them all.
func (l *Linter) finish(path string, p *pack.Pack, facts *profile.Facts, raws []finding.Raw, earlier []finding.Finding) []finding.Finding {
	fs := append(earlier, Resolve(path, p, facts, raws)...)
	fs = l.Selection.findings(p.ApplyGate(fs, l.Selection.Keeps))
	finding.Sort(fs)
	return fs
}

// evalError says why a pack could not be evaluated on a document.
func (l *Linter) evalError(p *pack.Pack, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return i18n.Errorf("超过每个文档 %s 的时间限制", l.Ingest.Limits.Timeout)
	}
	return i18n.Errorf("执行规则包 %s：%w", p.Ref(), err)
}

// lint reads the file at path and checks it in context c, within the per-document time
// limit. It never panics: an internal error becomes the result's Err.
func (l *Linter) lint(ctx context.Context, path string, c Context) (res finding.Result) {
	defer func() {
		if r := recover(); r != nil {
			res = finding.Result{Path: path, Err: i18n.Errorf("内部错误：%v", r)}
		}
	}()
	ctx, cancel := l.deadline(ctx)
	defer cancel()
	d, err := l.Extract(ctx, path)
	if err != nil {
		return finding.Result{Path: path, Err: l.readError(err)}
	}
	res = l.Check(ctx, d, c)
	res.Path = path
	return res
}

// deadline bounds ctx by the per-document time limit.
func (l *Linter) deadline(ctx context.Context) (context.Context, context.CancelFunc) {
	if t := l.Ingest.Limits.Timeout; t > 0 {
		return context.WithTimeout(ctx, t)
	}
	return context.WithCancel(ctx)
}

// readError says why a document could not be read.
func (l *Linter) readError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return i18n.Errorf("超过每个文档 %s 的时间限制", l.Ingest.Limits.Timeout)
	}
	return readError(err)
}
