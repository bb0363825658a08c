package rules

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/ruletest"
	"github.com/reportlint/reportlint/schemas"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
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
			p, err := pack.Load(context.Background(), FS(), name, pack.Options{StrictBuiltinErrors: true, TypeCheck: true})
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
					t.Errorf("rule %s has no doc (<category>/%s/README.md)", r.ID, r.ID)
				}
			}
		})
	}
}

// A bundled rule is one folder, <category>/<RULE-ID>/, holding its source, its doc and its
// tests (the tests of a rule each edition defines live once, in govinfo-common); nothing
// is left in the folders of the layout before.
func TestEachRuleIsOneFolder(t *testing.T) {
	for _, name := range Names() {
		p, err := pack.Load(context.Background(), FS(), name, pack.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range p.Rules() {
			file, _, _ := strings.Cut(r.Source, ":")
			folder := path.Dir(file) // inside the pack's folder, or behind an included folder's name
			if !slices.Contains(p.Include, strings.Split(folder, "/")[0]) {
				folder = path.Join(name, folder)
			}
			category := r.Tags[slices.IndexFunc(r.Tags, func(t string) bool { return slices.Contains(pack.Categories, t) })]
			if want := path.Join(category, r.ID); !strings.HasSuffix(folder, "/"+want) || strings.Count(folder, "/") != 2 {
				t.Errorf("%s: rule %s is defined in %s, want %s/%s/", name, r.ID, file, path.Dir(folder), want)
				continue
			}
			shared := path.Join("govinfo-common", category, r.ID)
			for f, dirs := range map[string][]string{"README.md": {folder}, "tests.yaml": {folder, shared}} {
				if !slices.ContainsFunc(dirs, func(d string) bool { _, err := fs.Stat(FS(), path.Join(d, f)); return err == nil }) {
					t.Errorf("%s: rule %s has no %s in %s", name, r.ID, f, strings.Join(dirs, " or "))
				}
			}
		}
	}
	for _, name := range append(Names(), "govinfo-common") {
		for _, old := range []string{"rego", "cel", "docs", "tests"} {
			if _, err := fs.Stat(FS(), path.Join(name, old)); err == nil {
				t.Errorf("%s/%s/ is left from the layout before one folder per rule", name, old)
			}
		}
	}
}

// Every bundled manifest validates against schemas/pack.schema.json, the schema editors
// can use for pack.yaml.
func TestManifestsMatchSchema(t *testing.T) {
	var doc any
	if err := json.Unmarshal(schemas.Pack, &doc); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("pack.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("pack.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Names() {
		data, err := fs.ReadFile(FS(), name+"/pack.yaml")
		if err != nil {
			t.Fatal(err)
		}
		var m any
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(m)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s/pack.yaml: %v", name, err)
		}
	}
	// And the schema rejects what the loader rejects.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"name": "x", "version": "one", "colour": "blue"}`))
	if err := sch.Validate(bad); err == nil {
		t.Error("a bad manifest validates")
	}
}
