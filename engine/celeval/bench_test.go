package celeval

import (
	"context"
	"os"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/text"
	"github.com/reportlint/reportlint/engine/profile"
)

// BenchmarkRules times each CEL rule of the bundled packs on the sample report, so a rule
// that costs too much stands out.
func BenchmarkRules(b *testing.B) {
	files := bundledFiles(b)
	set, err := Load(files, "bench", Options{})
	if err != nil {
		b.Fatal(err)
	}
	facts := sampleFacts(b)
	ctx := context.Background()
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := set.Eval(ctx, facts); err != nil {
				b.Fatal(err)
			}
		}
	})
	vars := newScope(set.adapter, rawVars(facts))
	for _, r := range set.rules {
		b.Run(r.Meta.ID, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := r.eval(&meter{ctx: ctx, budget: DocCostBudget}, vars); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// sampleFacts profiles the bundled sample report with the 2021 pack's profile.
func sampleFacts(tb testing.TB) *profile.Facts {
	tb.Helper()
	read := func(name string) *profile.Spec {
		data, err := os.ReadFile("../../rules/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		s, err := profile.DecodeSpec(data)
		if err != nil {
			tb.Fatal(err)
		}
		return s
	}
	ed := read("govinfo-2021/profile.yaml")
	prof, err := profile.Compile(profile.Overlay(read(ed.Extends), ed))
	if err != nil {
		tb.Fatal(err)
	}
	src, err := os.ReadFile("../../fixtures/2023_chanhe_zhengshuju.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return prof.Apply(&document.Document{Blocks: text.Blocks(string(src))})
}
