package main

import (
	"context"
	"flag"
	"os"
	"testing"
)

var updateCatalogue = flag.Bool("update-catalogue", false, "rewrite rules/RULES.md")

// TestCatalogueIsCurrent keeps rules/RULES.md, the rule catalogue generated from the packs'
// metadata, in step with the packs (go test -update-catalogue rewrites it).
func TestCatalogueIsCurrent(t *testing.T) {
	io, out, _ := TestIO()
	if err := rulesRun(context.Background(), &RulesOptions{IO: io, Format: "markdown"}); err != nil {
		t.Fatal(err)
	}
	const path = "../../rules/RULES.md"
	if *updateCatalogue {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Fatalf("%s is stale: run go test ./cmd/reportlint -run TestCatalogueIsCurrent -update-catalogue", path)
	}
}
