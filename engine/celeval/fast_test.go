package celeval

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
)

// bundledFiles reads the CEL rules of the bundled 2021 pack and the folder it includes,
// one rule.yaml per rule folder.
func bundledFiles(tb testing.TB) []File {
	tb.Helper()
	var files []File
	for _, pack := range []string{"govinfo-common", "govinfo-2021"} {
		names, _ := filepath.Glob(filepath.Join("../../rules", pack, "*", "*", "rule.yaml"))
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				tb.Fatal(err)
			}
			files = append(files, File{Name: n, Data: data})
		}
	}
	if len(files) < 10 {
		tb.Fatalf("%d CEL rules found in the bundled packs", len(files))
	}
	return files
}

func bundledSet(tb testing.TB, opts Options) *Set {
	tb.Helper()
	files := bundledFiles(tb)
	set, err := Load(files, "bundled", opts)
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

// Expressions whose cost is bounded beforehand run untracked (see fastSizes); the
// findings and errors are those of every expression tracked, on facts that fit the
// bounds, on facts that do not, and when the untracked charges reach the budget.
func TestUntrackedMatchesTracked(t *testing.T) {
	cells := func(f *profile.Facts, edit func(c *profile.Cell)) *profile.Facts {
		for _, c := range allCells(f) {
			edit(c)
		}
		return f
	}
	for _, tc := range []struct {
		name    string
		facts   func() *profile.Facts
		opts    Options
		overrun bool // the untracked run gives way to the tracked one
	}{
		{"sample", func() *profile.Facts { return sampleFacts(t) }, Options{}, false},
		{"blanks and text", func() *profile.Facts {
			i := 0
			return cells(sampleFacts(t), func(c *profile.Cell) {
				switch i++; i % 7 {
				case 1:
					c.State, c.Text = profile.StateBlank, ""
				case 2:
					c.State, c.Text = profile.StateInvalid, "见附件"
				case 3:
					c.Value, c.Text = c.Value+3, c.Text+"3"
				}
			})
		}, Options{}, false},
		{"long cell text", func() *profile.Facts {
			return cells(sampleFacts(t), func(c *profile.Cell) {
				if c.Col == "total" {
					c.State, c.Text = profile.StateInvalid, strings.Repeat("无", fastStringSize+1)
				}
			})
		}, Options{}, false},
		{"small budget", func() *profile.Facts { return sampleFacts(t) }, Options{DocBudget: 20_000}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := bundledSet(t, tc.opts)
			ctx := context.Background()
			fast, ok, ferr := set.evalAll(ctx, tc.facts(), true)
			if ok == tc.overrun {
				t.Errorf("untracked run ok = %v, want %v", ok, !tc.overrun)
			}
			tracked, _, terr := set.evalAll(ctx, tc.facts(), false)
			got, gerr := set.Eval(ctx, tc.facts())
			if ok && (!reflect.DeepEqual(fast, tracked) || errString(ferr) != errString(terr)) {
				t.Errorf("untracked: %v, %v\ntracked: %v, %v", fast, ferr, tracked, terr)
			}
			if !reflect.DeepEqual(got, tracked) || errString(gerr) != errString(terr) {
				t.Errorf("Eval: %v, %v\ntracked: %v, %v", got, gerr, tracked, terr)
			}
			if len(tracked) == 0 && tc.name != "sample" && tc.name != "small budget" {
				t.Error("no findings: the case tests nothing")
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// A deferred set reads the rules' descriptors at load and compiles them on the first
// evaluation: the same findings as a set compiled at load, and an expression that does
// not compile fails that evaluation, located.
func TestDeferredCompile(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En) // the assertions read the English messages
	eager := bundledSet(t, Options{})
	deferred := bundledSet(t, Options{Defer: true})
	if !reflect.DeepEqual(deferred.Rules(), eager.Rules()) {
		t.Fatalf("descriptors differ:\n%v\n%v", deferred.Rules(), eager.Rules())
	}
	ctx := context.Background()
	want, werr := eager.Eval(ctx, sampleFacts(t))
	got, gerr := deferred.Eval(ctx, sampleFacts(t))
	if !reflect.DeepEqual(got, want) || errString(gerr) != errString(werr) {
		t.Fatalf("deferred: %v, %v\neager: %v, %v", got, gerr, want, werr)
	}
	bad := `
rules:
  - id: A
    title: bad
    level: error
    tags: [arithmetic]
    assert: 'tables.t3.celz == 1'
    message: m
`
	set, err := Load([]File{{Name: "cel/bad.yaml", Data: []byte(bad)}}, "p@1.0.0", Options{Defer: true})
	if err != nil {
		t.Fatalf("deferred load: %v", err)
	}
	if rs := set.Rules(); len(rs) != 1 || rs[0].ID != "A" {
		t.Fatalf("rules = %v", rs)
	}
	if _, err := set.Eval(ctx, sampleFacts(t)); err == nil || !strings.Contains(err.Error(), "cel/bad.yaml:7: rule A: assert:") {
		t.Fatalf("first evaluation: %v", err)
	}
}
