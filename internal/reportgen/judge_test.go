package reportgen

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
	"github.com/reportlint/reportlint/rules"
)

// newLinter builds the linter as the reportlint command does: every bundled pack, the
// newest edition first, default limits.
func newLinter(tb testing.TB) *lint.Linter {
	tb.Helper()
	var packs []*pack.Pack
	for _, name := range rules.Names() {
		p, err := pack.Load(context.Background(), rules.FS(), name, pack.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		packs = append(packs, p)
	}
	sort.SliceStable(packs, func(i, j int) bool { return packs[i].Years.From > packs[j].Years.From })
	return &lint.Linter{Packs: packs, Ingest: ingest.Options{Limits: limit.Default()}}
}

// doc is one document to judge: a file of a generated set and the model it was written
// from.
type doc struct {
	path    string
	carrier Carrier
	item    Item
	report  *Report
	defect  *Defect
}

// cell is a table cell as the linter read it: its state and value.
type cell struct {
	State string
	Value float64
}

func (c cell) String() string {
	if c.State == profile.StateNumber {
		return fmt.Sprintf("%v", c.Value)
	}
	return c.State
}

// outcome is what the linter made of a document.
type outcome struct {
	doc
	err      error
	findings []finding.Finding
	cells    map[CellKey]cell
	took     time.Duration
}

// judge lints documents with a few workers, reading the cells of clean documents too.
func judge(tb testing.TB, l *lint.Linter, docs []doc, workers int) []outcome {
	out := make([]outcome, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := docs[i]
				start := time.Now()
				o := outcome{doc: d}
				res := l.Lint(context.Background(), d.path)
				o.err, o.findings = res.Err, res.Findings
				// Cells are compared for clean reports and the defects that change how a
				// cell reads; reading the others twice would only cost time.
				if o.err == nil && (d.defect == nil || strings.HasPrefix(d.defect.Kind, "cell-")) {
					if x, err := l.Extract(context.Background(), d.path); err == nil {
						o.cells = cellsOf(x.Facts)
					}
				}
				o.took = time.Since(start)
				out[i] = o
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// cellsOf collects every cell of the tables the linter found.
func cellsOf(f *profile.Facts) map[CellKey]cell {
	out := map[CellKey]cell{}
	for id, t := range f.Tables {
		if !t.Found {
			continue
		}
		for rid, r := range t.Rows {
			for cid, c := range r.Cells {
				out[CellKey{id, rid, cid}] = cell{c.State, c.Value}
			}
		}
	}
	return out
}

// expectedCells are the cells of a report's model as the linter should read them.
func expectedCells(r *Report) map[CellKey]cell {
	out := map[CellKey]cell{}
	for _, t := range r.Specs() {
		if r.Omitted(t.Group) {
			continue
		}
		for _, row := range t.DataRows() {
			for _, c := range t.Cols {
				k := CellKey{t.ID, row.ID, c.ID}
				switch w, ok := r.Written[k]; {
				case !ok:
					out[k] = cell{profile.StateNumber, r.Values[k]}
				case w == "":
					out[k] = cell{profile.StateBlank, 0}
				default:
					out[k] = cell{profile.StatePlaceholder, 0}
				}
			}
		}
	}
	return out
}

// cellDiff lists the cells of want that got reads differently, "" when they agree.
func cellDiff(want, got map[CellKey]cell, limit int) (int, string) {
	var keys []CellKey
	for k := range want {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	var diffs []string
	n := 0
	for _, k := range keys {
		g, ok := got[k]
		if ok && g.State == want[k].State && (g.State != profile.StateNumber || g.Value == want[k].Value) {
			continue
		}
		n++
		if len(diffs) < limit {
			gs := "not read"
			if ok {
				gs = g.String()
			}
			diffs = append(diffs, fmt.Sprintf("%s: want %s, got %s", k, want[k], gs))
		}
	}
	return n, strings.Join(diffs, "; ")
}

// cellsVersus lists the cells of the model that got reads differently from ref (a cell
// neither read counts as the same).
func cellsVersus(model, ref, got map[CellKey]cell, limit int) (int, string) {
	var keys []CellKey
	for k := range model {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	show := func(c cell, ok bool) string {
		if !ok {
			return "not read"
		}
		return c.String()
	}
	var diffs []string
	n := 0
	for _, k := range keys {
		a, aok := ref[k]
		b, bok := got[k]
		if aok == bok && (!aok || (a.State == b.State && (a.State != profile.StateNumber || a.Value == b.Value))) {
			continue
		}
		n++
		if len(diffs) < limit {
			diffs = append(diffs, fmt.Sprintf("%s: text %s, here %s", k, show(a, aok), show(b, bok)))
		}
	}
	return n, strings.Join(diffs, "; ")
}

// ruleCounts is the findings' rule ids with their counts, notes included: "A×2 B×1".
func ruleCounts(fs []finding.Finding) string {
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.RuleID]++
	}
	var parts []string
	for id, n := range counts {
		parts = append(parts, fmt.Sprintf("%s×%d", id, n))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// falseFindings are the errors and warnings of a clean document.
func falseFindings(o outcome) []finding.Finding {
	var out []finding.Finding
	for _, f := range o.findings {
		if f.Level == finding.Error || f.Level == finding.Warning {
			out = append(out, f)
		}
	}
	return out
}

// comparable reports whether a document should read like its text version: not when its
// defect is one the text cannot show (a blank cell in whitespace-separated text).
func comparable(o outcome) bool {
	return o.defect == nil || o.defect.Instead[TXT] == nil
}

// found reports whether the linter found the defect: every rule the defect names fired
// (and decided: a "not assessable" note is not a finding), or the carrier's stand-in.
func found(o outcome) bool {
	fired := func(rule string) bool {
		return slices.ContainsFunc(o.findings, func(f finding.Finding) bool { return f.RuleID == rule && !f.NotAssessable })
	}
	all := func(rules []string) bool {
		for _, r := range rules {
			if !fired(r) {
				return false
			}
		}
		return len(rules) > 0
	}
	return all(o.defect.Rules) || all(o.defect.Instead[o.carrier])
}

// fired lists the rules of a document's findings, decided ones only.
func fired(o outcome) string {
	var fs []finding.Finding
	for _, f := range o.findings {
		if !f.NotAssessable {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return "nothing"
	}
	return ruleCounts(fs)
}

// example is a short quote of a finding: where, the text it points at, the message.
func example(o outcome, f finding.Finding) string {
	snip := strings.Join(strings.Fields(f.Location.Snippet), " ")
	if r := []rune(snip); len(r) > 60 {
		snip = string(r[:60]) + "…"
	}
	msg := f.Message
	if r := []rune(msg); len(r) > 90 {
		msg = string(r[:90]) + "…"
	}
	return fmt.Sprintf("%s:%d “%s” — %s", filepath.Base(o.path), f.Location.Span.Start.Line, snip, msg)
}

// summary is the judged set, in the tables the suite prints.
type summary struct {
	carriers []Carrier
	// Precision: per carrier, clean documents, those with false findings, false findings
	// by rule, and up to three examples per carrier and rule.
	clean, dirty map[Carrier]int
	// cleanErr counts clean documents the linter could not read or evaluate (each one a
	// failure too).
	cleanErr map[Carrier]int
	falseBy  map[Carrier]map[string]int
	examples map[Carrier]map[string][]string
	// Invariance: per carrier, documents whose cells differ from the model, and whose
	// findings differ from the text carrier's, with examples.
	cellDocs, cellBad map[Carrier]int
	cellEx            map[Carrier][]string
	sameDocs, sameBad map[Carrier]int
	sameEx            map[Carrier][]string
	readErr           map[Carrier][]string
	// Recall: per defect kind and carrier, injected and found, with missed examples.
	injected, caught map[string]map[Carrier]int
	missed           map[string]map[Carrier][]string
	took             map[Carrier]time.Duration
	docs             map[Carrier]int
}

func summarize(outs []outcome) *summary {
	s := &summary{
		clean: map[Carrier]int{}, dirty: map[Carrier]int{}, cleanErr: map[Carrier]int{}, falseBy: map[Carrier]map[string]int{}, examples: map[Carrier]map[string][]string{},
		cellDocs: map[Carrier]int{}, cellBad: map[Carrier]int{}, cellEx: map[Carrier][]string{},
		sameDocs: map[Carrier]int{}, sameBad: map[Carrier]int{}, sameEx: map[Carrier][]string{}, readErr: map[Carrier][]string{},
		injected: map[string]map[Carrier]int{}, caught: map[string]map[Carrier]int{}, missed: map[string]map[Carrier][]string{},
		took: map[Carrier]time.Duration{}, docs: map[Carrier]int{},
	}
	txt := map[Item]outcome{}
	for _, o := range outs {
		if o.carrier == TXT {
			txt[o.item] = o
		}
		if !slices.Contains(s.carriers, o.carrier) {
			s.carriers = append(s.carriers, o.carrier)
		}
	}
	order := AllCarriers()
	sort.Slice(s.carriers, func(i, j int) bool { return slices.Index(order, s.carriers[i]) < slices.Index(order, s.carriers[j]) })
	for _, o := range outs {
		c := o.carrier
		s.took[c] += o.took
		s.docs[c]++
		if o.err != nil {
			s.readErr[c] = append(s.readErr[c], fmt.Sprintf("%s: %v", filepath.Base(o.path), o.err))
			if o.defect == nil {
				s.cleanErr[c]++
			}
			continue
		}
		if o.defect == nil {
			s.clean[c]++
			ff := falseFindings(o)
			if len(ff) > 0 {
				s.dirty[c]++
			}
			for _, f := range ff {
				if s.falseBy[c] == nil {
					s.falseBy[c], s.examples[c] = map[string]int{}, map[string][]string{}
				}
				s.falseBy[c][f.RuleID]++
				if len(s.examples[c][f.RuleID]) < 3 {
					s.examples[c][f.RuleID] = append(s.examples[c][f.RuleID], example(o, f))
				}
			}
			s.cellDocs[c]++
			if n, diff := cellDiff(expectedCells(o.report), o.cells, 4); n > 0 {
				s.cellBad[c]++
				if len(s.cellEx[c]) < 5 {
					s.cellEx[c] = append(s.cellEx[c], fmt.Sprintf("%s: %d cells, %s", filepath.Base(o.path), n, diff))
				}
			}
		} else {
			k := o.defect.Kind
			if s.injected[k] == nil {
				s.injected[k], s.caught[k], s.missed[k] = map[Carrier]int{}, map[Carrier]int{}, map[Carrier][]string{}
			}
			s.injected[k][c]++
			if found(o) {
				s.caught[k][c]++
			} else if len(s.missed[k][c]) < 3 {
				s.missed[k][c] = append(s.missed[k][c], fmt.Sprintf("%s (%s): fired %s", filepath.Base(o.path), o.defect.Detail, fired(o)))
			}
		}
		if t, ok := txt[o.item]; ok && c != TXT && t.err == nil && comparable(o) {
			s.sameDocs[c]++
			if a, b := ruleCounts(o.findings), ruleCounts(t.findings); a != b {
				s.sameBad[c]++
				if len(s.sameEx[c]) < 5 {
					s.sameEx[c] = append(s.sameEx[c], fmt.Sprintf("%s: %s | txt: %s", filepath.Base(o.path), a, b))
				}
			}
		}
	}
	return s
}

// precisionTable is the table of false findings on clean documents per carrier.
func (s *summary) precisionTable() string {
	var b strings.Builder
	fmt.Fprintf(&b, "False findings (error or warning) on clean reports:\n%-14s %6s %7s %8s %8s  %s\n", "carrier", "clean", "unread", "flagged", "findings", "by rule")
	for _, c := range s.carriers {
		total := 0
		var rules []string
		for r, n := range s.falseBy[c] {
			total += n
			rules = append(rules, fmt.Sprintf("%s×%d", r, n))
		}
		sort.Strings(rules)
		fmt.Fprintf(&b, "%-14s %6d %7d %8d %8d  %s\n", c, s.clean[c]+s.cleanErr[c], s.cleanErr[c], s.dirty[c]+s.cleanErr[c], total, strings.Join(rules, " "))
	}
	for _, c := range s.carriers {
		var rules []string
		for r := range s.examples[c] {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		for _, r := range rules {
			fmt.Fprintf(&b, "  %s %s:\n", c, r)
			for _, e := range s.examples[c][r] {
				fmt.Fprintf(&b, "    %s\n", e)
			}
		}
	}
	return b.String()
}

// recallTable is the table of defects found per kind and carrier.
func (s *summary) recallTable() string {
	var b strings.Builder
	var kinds []string
	for _, k := range DefectKinds() {
		if s.injected[k.Name] != nil {
			kinds = append(kinds, k.Name)
		}
	}
	fmt.Fprintf(&b, "Recall (defects found / injected):\n%-20s", "defect kind")
	for _, c := range s.carriers {
		fmt.Fprintf(&b, " %12s", c)
	}
	b.WriteString("\n")
	tot, hit := map[Carrier]int{}, map[Carrier]int{}
	for _, k := range kinds {
		fmt.Fprintf(&b, "%-20s", k)
		for _, c := range s.carriers {
			n, h := s.injected[k][c], s.caught[k][c]
			tot[c] += n
			hit[c] += h
			if n == 0 {
				fmt.Fprintf(&b, " %12s", "-")
			} else {
				fmt.Fprintf(&b, " %12s", fmt.Sprintf("%d/%d", h, n))
			}
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-20s", "all")
	for _, c := range s.carriers {
		if tot[c] == 0 {
			fmt.Fprintf(&b, " %12s", "-")
		} else {
			fmt.Fprintf(&b, " %12s", fmt.Sprintf("%.0f%%", 100*float64(hit[c])/float64(tot[c])))
		}
	}
	b.WriteString("\n")
	for _, k := range kinds {
		for _, c := range s.carriers {
			for _, m := range s.missed[k][c] {
				fmt.Fprintf(&b, "  missed %s %s: %s\n", k, c, m)
			}
		}
	}
	return b.String()
}

// invarianceTable is the table of documents whose cells or findings differ.
func (s *summary) invarianceTable() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Carrier invariance:\n%-14s %16s %22s %10s %12s\n", "carrier", "cells≠model", "findings≠txt", "unread", "lint time")
	for _, c := range s.carriers {
		avg := time.Duration(0)
		if s.docs[c] > 0 {
			avg = s.took[c] / time.Duration(s.docs[c])
		}
		fmt.Fprintf(&b, "%-14s %16s %22s %10d %12s\n", c, fmt.Sprintf("%d/%d", s.cellBad[c], s.cellDocs[c]),
			fmt.Sprintf("%d/%d", s.sameBad[c], s.sameDocs[c]), len(s.readErr[c]), avg.Round(time.Millisecond).String()+"/doc")
	}
	for _, c := range s.carriers {
		for _, e := range s.readErr[c] {
			fmt.Fprintf(&b, "  unread %s: %s\n", c, e)
		}
		for _, e := range s.cellEx[c] {
			fmt.Fprintf(&b, "  cells %s: %s\n", c, e)
		}
		for _, e := range s.sameEx[c] {
			fmt.Fprintf(&b, "  findings %s: %s\n", c, e)
		}
	}
	return b.String()
}
