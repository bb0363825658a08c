package profile

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

func TestZZPerPattern(t *testing.T) {
	dir := os.Getenv("PERPAT_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir + "/*.txt")
	files = files[:200]
	p := loadPackProfile(t, "govinfo-2021")
	claimT := make([]time.Duration, len(p.spec.Claims))
	secT := make([]time.Duration, len(p.spec.Sections))
	var docs []*document.Document
	for _, f := range files {
		data, _ := os.ReadFile(f)
		doc, _ := ingest.Read(context.Background(), f, data, ingest.Options{Limits: limit.Default()})
		docs = append(docs, doc)
	}
	stage := map[string]time.Duration{}
	for _, doc := range docs {
		f := &Facts{Tables: map[string]*Table{}}
		st := time.Now()
		pr := &profiler{Profile: p, s: newStream(doc), facts: f, ctx: context.Background()}
		stage["stream"] += time.Since(st)
		bounds := sentenceBounds(pr.s.foldedStr)
		var cands []headingCandidate
		for i, sec := range p.spec.Sections {
			st := time.Now()
			for _, w := range windows(pr.s.foldedStr, bounds, 0, len(pr.s.foldedStr), p.sectionLits[i]) {
				pr.headingCandidates(p.sectionRE[i], w, i, sec.Numeral, &cands)
			}
			secT[i] += time.Since(st)
		}
		for _, x := range []struct {
			n string
			f func()
		}{{"sections", pr.findSections}, {"tables", pr.findTables}, {"texts", pr.sectionTexts}} {
			st := time.Now()
			x.f()
			stage[x.n] += time.Since(st)
		}
		sentences := sentenceBounds(pr.s.foldedStr)
		inBlocks := mergeBounds(sentences, pr.blockBytes())
		for i, c := range p.spec.Claims {
			st := time.Now()
			pr.bounds = inBlocks
			if c.AcrossBlocks {
				pr.bounds = sentences
			}
			for _, r := range pr.claimRegions(c.In) {
				if pr.findClaimIn(c, p.claimRE[i], p.claimLits[i], r[0], r[1]) && c.First {
					break
				}
			}
			claimT[i] += time.Since(st)
		}
		pr.dropYielding()
		for _, x := range []struct {
			n string
			f func()
		}{{"edition", pr.detectEdition}, {"year", pr.reportYear}, {"quantities", pr.findQuantities}, {"finish", pr.finishClaims}} {
			st := time.Now()
			x.f()
			stage[x.n] += time.Since(st)
		}
	}
	n := float64(len(docs))
	us := func(d time.Duration) float64 { return float64(d.Microseconds()) / n }
	var keys []string
	for k := range stage {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("stage %-12s %8.1f us", k, us(stage[k]))
	}
	for i, c := range p.spec.Sections {
		t.Logf("section %-4s %8.1f us lits %q", c.ID, us(secT[i]), p.sectionLits[i])
	}
	for i, c := range p.spec.Claims {
		t.Logf("claim %-24s %8.1f us lits %q", c.ID, us(claimT[i]), p.claimLits[i])
	}
}

func TestZZLits(t *testing.T) {
	p := loadPackProfile(t, "govinfo-2021")
	show := func(kind string, f *filteredRE) {
		t.Logf("%s seg=%v bar=%q%q lits=%q", kind, f.segmented, func() (s string) {
			for i, b := range f.barrierASCII {
				if b {
					s += string(rune(i))
				}
			}
			return
		}(), string(f.barrierRunes), f.any)
	}
	for i, f := range p.sectionRE {
		show(p.spec.Sections[i].ID, f)
	}
	for i, f := range p.claimRE {
		show(p.spec.Claims[i].ID, f)
	}
	for ed, fs := range p.editionRE {
		for _, f := range fs {
			show(ed, f)
		}
	}
}
