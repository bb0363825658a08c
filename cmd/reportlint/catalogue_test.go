package main

import (
	"context"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/i18n"
)

var updateCatalogue = flag.Bool("update-catalogue", false, "rewrite rules/RULES.md")

// TestCatalogueIsCurrent keeps rules/RULES.md, the rule catalogue generated from the packs'
// metadata, in step with the packs (go test -update-catalogue rewrites it).
func TestCatalogueIsCurrent(t *testing.T) {
	inLang(t, i18n.Zh)
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

var updateCLIDocs = flag.Bool("update-cli-docs", false, "rewrite docs/cli.md")

// TestCLIReferenceIsCurrent keeps docs/cli.md, generated from the command tree, in step
// with the commands and flags (go test -update-cli-docs rewrites it). It is the English
// reference.
func TestCLIReferenceIsCurrent(t *testing.T) {
	inLang(t, i18n.En)
	var out strings.Builder
	io, _, _ := TestIO()
	if err := writeCLIReference(&out, NewRootCmd(io)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## reportlint lint\n", "## reportlint rules new\n", "--fail-on", "--baseline"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the reference lacks %q", want)
		}
	}
	const path = "../../docs/cli.md"
	if *updateCLIDocs {
		if err := os.MkdirAll("../../docs", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Fatalf("%s is stale: run make generate", path)
	}
}
