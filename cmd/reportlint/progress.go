package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/output"
)

// reportFlags are the lint flags about what reaches the terminal besides the report.
type reportFlags struct {
	Quiet      bool
	Statistics bool
}

func addReportFlags(cmd *cobra.Command, rf *reportFlags) {
	cmd.Flags().BoolVarP(&rf.Quiet, "quiet", "q", false, i18n.T("print nothing but the report: no progress line, no summary on standard error"))
	cmd.Flags().BoolVar(&rf.Statistics, "statistics", false, i18n.T("after the report, print how many findings each rule reported, most first"))
}

// runObserver watches a run's results as they are reported: it keeps a progress line on
// standard error (documents done of total, rate, time left) when that is a terminal, the
// run is not --quiet and it takes more than a moment; and it counts findings per rule for
// --statistics.
type runObserver struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool
	total int
	done  int
	start time.Time
	now   func() time.Time
	drawn bool
	stop  chan struct{}
	// stats counts findings per rule id; titles are the rules' titles.
	stats  map[string]*ruleTally
	titles map[string]string
}

type ruleTally struct {
	ID            string
	Findings      int
	Docs          int
	ByLevel       map[finding.Level]int
	NotAssessable int
}

// progressDelay is how long a run goes before it shows a progress line; progressEvery is
// how often the line is redrawn while no document finishes.
const (
	progressDelay = time.Second
	progressEvery = 250 * time.Millisecond
)

// newRunObserver starts watching a run of total documents.
func newRunObserver(opts *LintOptions, total int, rules []finding.Rule) *runObserver {
	tty := false
	if f, ok := opts.IO.ErrOut.(*os.File); ok && !opts.Quiet && total > 1 {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return startObserver(opts.IO.ErrOut, tty, total, rules, time.Now)
}

func startObserver(w io.Writer, tty bool, total int, rules []finding.Rule, now func() time.Time) *runObserver {
	o := &runObserver{w: w, tty: tty, total: total, start: now(), now: now, stats: map[string]*ruleTally{}, titles: map[string]string{}}
	for _, r := range rules {
		if o.titles[r.ID] == "" {
			o.titles[r.ID] = r.Title
		}
	}
	if tty {
		o.stop = make(chan struct{})
		go o.tick()
	}
	return o
}

func (o *runObserver) tick() {
	t := time.NewTicker(progressEvery)
	defer t.Stop()
	for {
		select {
		case <-o.stop:
			return
		case <-t.C:
			o.mu.Lock()
			o.draw()
			o.mu.Unlock()
		}
	}
}

// Result reports r through report, with the progress line cleared while it writes (the
// report may go to the same terminal), and counts it.
func (o *runObserver) Result(r finding.Result, report func(finding.Result) error) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.clear()
	err := report(r)
	o.done++
	seen := map[string]bool{}
	for _, f := range r.Findings {
		t := o.stats[f.RuleID]
		if t == nil {
			t = &ruleTally{ID: f.RuleID, ByLevel: map[finding.Level]int{}}
			o.stats[f.RuleID] = t
		}
		t.Findings++
		t.ByLevel[f.Level]++
		if f.NotAssessable {
			t.NotAssessable++
		}
		if !seen[f.RuleID] {
			seen[f.RuleID] = true
			t.Docs++
		}
	}
	o.draw()
	return err
}

// line is the progress line: 已检查 120/500 份（24%）· 每秒 8.3 份 · 预计还需 45 秒.
func (o *runObserver) line() string {
	elapsed := o.now().Sub(o.start)
	s := i18n.Sprintf("已检查 %d/%d 份（%d%%）", o.done, o.total, 100*o.done/max(o.total, 1))
	if o.done > 0 && elapsed > 0 {
		rate := float64(o.done) / elapsed.Seconds()
		left := time.Duration(float64(o.total-o.done) / rate * float64(time.Second))
		s += rateAndTimeLeft(rate, left)
	}
	return s
}

// rateAndTimeLeft is the end of the progress line: the documents a second, and the time
// left in whole seconds, minutes and hours.
func rateAndTimeLeft(rate float64, left time.Duration) string {
	sec := int(left.Round(time.Second).Seconds())
	switch {
	case sec < 60:
		return i18n.Sprintf(" · 每秒 %.1f 份 · 预计还需 %d 秒", rate, sec)
	case sec < 3600:
		return i18n.Sprintf(" · 每秒 %.1f 份 · 预计还需 %d 分 %02d 秒", rate, sec/60, sec%60)
	}
	return i18n.Sprintf(" · 每秒 %.1f 份 · 预计还需 %d 小时 %02d 分", rate, sec/3600, sec/60%60)
}

func (o *runObserver) draw() {
	if !o.tty || o.done >= o.total || o.now().Sub(o.start) < progressDelay {
		return
	}
	fmt.Fprintf(o.w, "\r\x1b[K%s", o.line())
	o.drawn = true
}

func (o *runObserver) clear() {
	if o.drawn {
		io.WriteString(o.w, "\r\x1b[K")
		o.drawn = false
	}
}

// Finish stops the progress line and clears it.
func (o *runObserver) Finish() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.stop != nil {
		close(o.stop)
		o.stop = nil
	}
	o.clear()
}

// statisticsOut is where --statistics prints: after a text report on standard output,
// else on standard error (so a JSON or SARIF report stays valid).
func statisticsOut(opts *LintOptions) io.Writer {
	if opts.Format == "text" && opts.Output == "" {
		return opts.IO.Out
	}
	return opts.IO.ErrOut
}

// printStatistics prints one line per rule that reported: findings, rule id, the levels
// reported, documents, title; most findings first, ties by id.
func (o *runObserver) printStatistics(w io.Writer) {
	ts := make([]*ruleTally, 0, len(o.stats))
	width := 0
	for _, t := range o.stats {
		ts = append(ts, t)
		width = max(width, len(t.ID))
	}
	sort.Slice(ts, func(a, b int) bool {
		if ts[a].Findings != ts[b].Findings {
			return ts[a].Findings > ts[b].Findings
		}
		return ts[a].ID < ts[b].ID
	})
	if len(ts) == 0 {
		fmt.Fprintln(w, i18n.T("没有规则报告发现"))
		return
	}
	for _, t := range ts {
		var levels []string
		for _, l := range []finding.Level{finding.Error, finding.Warning, finding.Note} {
			if n := t.ByLevel[l]; n > 0 {
				levels = append(levels, fmt.Sprintf("%s %d", l, n))
			}
		}
		lv := strings.Join(levels, ", ")
		if t.NotAssessable > 0 {
			lv += i18n.Sprintf("（无法判定 %d）", t.NotAssessable)
		}
		fmt.Fprint(w, i18n.Sprintf("%6d  %-*s  %d 个文档  %s  %s\n", t.Findings, width, t.ID, t.Docs, lv, output.EscapeControl(o.titles[t.ID])))
	}
}
