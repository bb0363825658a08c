package lint

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/rules"
)

// The CLI loads the bundled packs with their rules' compilation deferred to their first
// evaluation (pack.Options.Defer): the rule descriptors and every finding must be those of
// packs compiled when they load.
func TestDeferredPacksMatchEager(t *testing.T) {
	load := func(deferred bool) *Linter {
		var packs []*pack.Pack
		for _, name := range rules.Names() {
			p, err := pack.Load(context.Background(), rules.FS(), name, pack.Options{Defer: deferred})
			if err != nil {
				t.Fatal(err)
			}
			packs = append(packs, p)
		}
		return &Linter{Packs: packs, Ingest: ingest.Options{Limits: limit.Default()}, Pair: true}
	}
	eager, deferred := load(false), load(true)
	for i, p := range eager.Packs {
		if got, want := deferred.Packs[i].Rules(), p.Rules(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: deferred rules differ:\n got %v\nwant %v", p.Ref(), got, want)
		}
	}
	files, err := filepath.Glob(filepath.Join(corpusDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		if !strings.HasSuffix(f, "SOURCES.md") {
			paths = append(paths, f)
		}
	}
	paths = append(paths, sample)
	run := func(l *Linter) map[string]string {
		out := map[string]string{}
		if err := l.Run(context.Background(), paths, func(r finding.Result) error {
			out[r.Path] = findingLines(r)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	want, got := run(eager), run(deferred)
	for _, p := range paths {
		if got[p] != want[p] {
			t.Errorf("%s: deferred packs found\n%s\nwant\n%s", p, got[p], want[p])
		}
	}
	for i, p := range eager.Packs {
		if got, want := deferred.Packs[i].Rules(), p.Rules(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: rules differ once compiled:\n got %v\nwant %v", p.Ref(), got, want)
		}
	}
}

// A deferred pack makes its input schema when asked for: the same as an eager pack's.
func TestDeferredPackInputSchema(t *testing.T) {
	for _, name := range rules.Names() {
		eager, err := pack.Load(context.Background(), rules.FS(), name, pack.Options{})
		if err != nil {
			t.Fatal(err)
		}
		deferred, err := pack.Load(context.Background(), rules.FS(), name, pack.Options{Defer: true})
		if err != nil {
			t.Fatal(err)
		}
		if string(deferred.InputSchema()) != string(eager.InputSchema()) {
			t.Errorf("%s: deferred input schema differs", name)
		}
	}
}
