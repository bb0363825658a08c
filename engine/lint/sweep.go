package lint

import (
	"context"
	"fmt"
	"runtime"
	"slices"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
)

// Run lints paths with l.Workers documents at once and calls emit with each result in the
// order of paths. Every document is read and profiled once.
//
// When documents are checked on their own (no pairing across years, no aggregate report,
// or an explicit --previous report), results stream out as documents finish, at most a
// few waiting to be emitted. Otherwise the run has two passes. The first reads each
// document, checks it on its own and keeps a small summary of it (profile.Summary): the
// table rows that carry over from year to year, and the hashes of its sentences; the
// aggregate report alone is kept whole. The second pass evaluates, for each document whose
// previous-year report is among the inputs, only the rules that compare documents, from
// the two summaries; and checks the aggregate report against its components' sums.
func (l *Linter) Run(ctx context.Context, paths []string, emit func(finding.Result) error) error {
	if l.Previous != "" {
		prev, err := l.previous(ctx)
		if err != nil {
			return err
		}
		return ordered(ctx, l.workers(len(paths)), len(paths), func(ctx context.Context, i int) finding.Result {
			return l.lint(ctx, paths[i], Context{Previous: prev})
		}, emit)
	}
	if l.Aggregate == "" && (!l.Pair || len(paths) < 2) {
		return ordered(ctx, l.workers(len(paths)), len(paths), func(ctx context.Context, i int) finding.Result {
			return l.lint(ctx, paths[i], Context{})
		}, emit)
	}
	return l.sweep(ctx, paths, emit)
}

// previous reads the explicit --previous report.
func (l *Linter) previous(ctx context.Context) (*profile.Summary, error) {
	ctx, cancel := l.deadline(ctx)
	defer cancel()
	d, err := l.Extract(ctx, l.Previous)
	if err != nil {
		return nil, fmt.Errorf("--previous %s: %w", l.Previous, l.readError(err))
	}
	return profile.Summarize(d.Facts), nil
}

// pending is a document between the two passes of a sweep.
type pending struct {
	res  finding.Result
	pack *pack.Pack
	// sum is the document's summary, nil when it could not be read.
	sum *profile.Summary
	// lines are the source lines of the summary's facts, for the findings of the second
	// pass.
	lines finding.SourceLines
	// whole is the aggregate report, checked in the second pass.
	whole *Document
}

func (l *Linter) sweep(ctx context.Context, paths []string, emit func(finding.Result) error) error {
	aggregate := ""
	if l.Aggregate != "" {
		// The aggregate report is the input that names the same file, however spelled;
		// it is linted first when it is not among the inputs.
		aggregate = l.Aggregate
		if i := slices.IndexFunc(paths, func(p string) bool { return samePath(p, l.Aggregate) }); i >= 0 {
			aggregate = paths[i]
		} else {
			paths = append([]string{l.Aggregate}, paths...)
		}
	}
	var totals *profile.Totals
	if aggregate != "" {
		totals = profile.NewTotals()
	}
	type key struct {
		body string
		year int
	}
	index := map[key]int{}
	packs := l.Packs
	if l.Force != nil {
		packs = append([]*pack.Pack{l.Force}, packs...)
	}
	st := newStore(packs)
	defer st.close()
	i := 0
	err := ordered(ctx, l.workers(len(paths)), len(paths), func(ctx context.Context, i int) *pending {
		return l.first(ctx, paths[i], paths[i] == aggregate, totals)
	}, func(p *pending) error {
		if s := p.sum; l.Pair && s != nil && s.Body != "" && s.Year != 0 {
			if _, ok := index[key{s.Body, s.Year}]; !ok {
				index[key{s.Body, s.Year}] = i
			}
		}
		i++
		return st.add(p)
	})
	if err != nil {
		return err
	}
	return ordered(ctx, l.workers(len(paths)), len(paths), func(ctx context.Context, i int) finding.Result {
		p, err := st.get(i)
		if err != nil {
			return finding.Result{Path: paths[i], Err: err}
		}
		var prev *profile.Summary
		if s := p.sum; s != nil && s.Body != "" && s.Year != 0 {
			if j, ok := index[key{s.Body, s.Year - 1}]; ok {
				q, err := st.get(j)
				if err != nil {
					return finding.Result{Path: paths[i], Err: err}
				}
				if q.sum != nil && q.sum.Path != s.Path {
					prev = q.sum
				}
			}
		}
		return l.second(ctx, p, prev, totals)
	}, emit)
}

// first is a document's first pass: read, check on its own, summarise.
func (l *Linter) first(ctx context.Context, path string, isAggregate bool, totals *profile.Totals) (p *pending) {
	defer func() {
		if r := recover(); r != nil {
			p = &pending{res: finding.Result{Path: path, Err: i18n.Errorf("内部错误：%v", r)}}
		}
	}()
	ctx, cancel := l.deadline(ctx)
	defer cancel()
	d, err := l.Extract(ctx, path)
	if err != nil {
		if totals != nil && !isAggregate {
			totals.Fail(path)
		}
		return &pending{res: finding.Result{Path: path, Err: l.readError(err)}}
	}
	sum := profile.Summarize(d.Facts)
	if isAggregate {
		return &pending{res: finding.Result{Path: path}, pack: d.Pack, sum: sum, whole: d}
	}
	if totals != nil {
		totals.Add(d.Facts)
	}
	res := l.Check(ctx, d, Context{})
	res.Path = path
	return &pending{res: res, pack: d.Pack, sum: sum, lines: summaryLines(d, sum)}
}

// second is a document's second pass: the rules that compare it with the previous
// year's report, or, for the aggregate report, its whole check.
func (l *Linter) second(ctx context.Context, p *pending, prev *profile.Summary, totals *profile.Totals) (res finding.Result) {
	path := p.res.Path
	defer func() {
		if r := recover(); r != nil {
			res = finding.Result{Path: path, Err: i18n.Errorf("内部错误：%v", r)}
		}
	}()
	ctx, cancel := l.deadline(ctx)
	defer cancel()
	if p.whole != nil {
		res = l.Check(ctx, p.whole, Context{Previous: prev, Totals: totals})
		res.Path = path
		return res
	}
	res = p.res
	if prev == nil || res.Err != nil {
		return res
	}
	facts := p.sum.Facts()
	facts.Params = l.params(p.pack)
	profile.LinkSummary(facts, p.sum, prev)
	raws, err := p.pack.EvaluateCross(ctx, facts)
	if err != nil {
		res.Err = l.evalError(p.pack, err)
		return res
	}
	if len(raws) == 0 {
		return res
	}
	res.Findings = l.finish(path, p.pack, facts, raws, res.Findings)
	detach(&res)
	for k, v := range p.lines {
		if res.Lines == nil {
			res.Lines = finding.SourceLines{}
		}
		if _, ok := res.Lines[k]; !ok {
			res.Lines[k] = v
		}
	}
	return res
}

// summaryLines are the source lines of the facts a summary keeps.
func summaryLines(d *Document, s *profile.Summary) finding.SourceLines {
	want := map[finding.LineKey]bool{}
	for _, r := range s.Resolved() {
		if st := r.Span.Start; st.Line > 0 {
			want[finding.LineKey{Page: st.Page, Line: st.Line}] = true
		}
	}
	return linesOf(d.Doc, want)
}

// workers is the number of documents worked on at once for n documents.
func (l *Linter) workers(n int) int {
	w := l.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return max(1, min(w, n)) // no idle goroutines
}

// ordered runs work for 0..n-1, workers at once, and calls emit with the results in
// order. At most a few results wait to be emitted, so a slow document does not let
// finished ones pile up, and memory does not depend on n.
func ordered[T any](ctx context.Context, workers, n int, work func(context.Context, int) T, emit func(T) error) error {
	window := workers * 4
	jobs := make(chan int)
	done := make([]chan T, window)
	for i := range done {
		done[i] = make(chan T, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for w := 0; w < workers; w++ {
		go func() {
			for i := range jobs {
				done[i%window] <- work(ctx, i)
			}
		}()
	}
	sem := make(chan struct{}, window)
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := 0; i < n; i++ {
		r := <-done[i%window]
		<-sem
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}
