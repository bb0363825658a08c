package rules

import (
	"context"
	"testing"

	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/ruletest"
)

// TestBundledPacks loads every bundled pack, as strictly as `rules test` does, and runs
// each rule's cases: a case that must trigger the rule and one that must not.
func TestBundledPacks(t *testing.T) {
	names := Names()
	if len(names) == 0 {
		t.Fatal("no bundled packs")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			p, err := pack.Load(context.Background(), FS(), name, pack.Options{StrictBuiltinErrors: true})
			if err != nil {
				t.Fatal(err)
			}
			outcomes, err := ruletest.Run(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range outcomes {
				t.Run(o.Rule, func(t *testing.T) {
					for _, e := range o.Errors {
						t.Error(e)
					}
				})
			}
			for _, r := range p.Rules() {
				if r.Help == "" {
					t.Errorf("rule %s has no doc (docs/%s.md)", r.ID, r.ID)
				}
			}
		})
	}
}
