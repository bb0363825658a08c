package rules

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
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
					t.Errorf("rule %s has no doc (docs/%s.md)", r.ID, r.ID)
				}
			}
		})
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
