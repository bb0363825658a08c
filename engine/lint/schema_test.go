package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportlint/reportlint/engine/profile"
	"github.com/reportlint/reportlint/engine/regoeval"
	"github.com/reportlint/reportlint/schemas"
)

// The document every importer made of every real report and fixture validates against
// schemas/document.schema.json, and the input rules get for every real report and every fixture, paired with a previous
// year's report where there is one, validates against the input schema of the pack that
// checks it: the schema the rules are type-checked against is the input they are given.
func TestInputMatchesSchema(t *testing.T) {
	var files []string
	for _, pat := range []string{corpusDir + "/*", "../../fixtures/variants/*.txt", "../../fixtures/formats/*", "../../fixtures/*.txt"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if ext := filepath.Ext(f); ext != ".sh" && ext != ".yaml" && !strings.HasSuffix(f, "SOURCES.md") {
				files = append(files, f)
			}
		}
	}
	if len(files) < 40 {
		t.Fatalf("only %d files", len(files))
	}
	l := newTestLinter(t)
	docSchema := compileSchema(t, schemas.Document)
	bySchema := map[string]*jsonschema.Schema{}
	schemaOf := func(t *testing.T, d *Document) *jsonschema.Schema {
		if s, ok := bySchema[d.Pack.Ref()]; ok {
			return s
		}
		s := compileSchema(t, d.Pack.InputSchema())
		bySchema[d.Pack.Ref()] = s
		return s
	}
	var prev *profile.Summary
	for _, f := range files {
		d, err := l.Extract(context.Background(), f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if prev != nil {
			profile.Link(d.Facts, prev) // any report stands in as a previous one
		}
		prev = profile.Summarize(d.Facts)
		js, err := ast.JSON(regoeval.Input(d.Facts))
		if err != nil {
			t.Fatal(err)
		}
		if err := schemaOf(t, d).Validate(js); err != nil {
			t.Errorf("%s (%s): %v", f, d.Pack.Ref(), err)
		}
		if err := docSchema.Validate(roundTrip(t, d.Doc)); err != nil {
			t.Errorf("%s: document: %v", f, err)
		}
	}
}

func compileSchema(t *testing.T, data []byte) *jsonschema.Schema {
	t.Helper()
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// roundTrip is v as encoding/json writes it and the schema validator reads it.
func roundTrip(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
