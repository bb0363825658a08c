package main

import (
	"context"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/i18n"
)

var updateCatalogue = flag.Bool("update-catalogue", false, "rewrite rules/RULES.md and rules/RULES.en.md")

// TestCatalogueIsCurrent keeps rules/RULES.md and its English rules/RULES.en.md, the rule
// catalogue generated from the packs' metadata, in step with the packs (go test
// -update-catalogue rewrites them).
func TestCatalogueIsCurrent(t *testing.T) {
	for lang, path := range map[i18n.Lang]string{i18n.Zh: "../../rules/RULES.md", i18n.En: "../../rules/RULES.en.md"} {
		inLang(t, lang)
		io, out, _ := TestIO()
		if err := rulesRun(context.Background(), &RulesOptions{IO: io, Format: "markdown"}); err != nil {
			t.Fatal(err)
		}
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
}

var updateCLIDocs = flag.Bool("update-cli-docs", false, "rewrite docs/cli.md and docs/cli.zh.md")

// TestCLIReferenceIsCurrent keeps docs/cli.md (English) and docs/cli.zh.md (Chinese),
// generated from the command tree, in step with the commands and flags (go test
// -update-cli-docs rewrites them).
func TestCLIReferenceIsCurrent(t *testing.T) {
	for lang, path := range map[i18n.Lang]string{i18n.En: "../../docs/cli.md", i18n.Zh: "../../docs/cli.zh.md"} {
		inLang(t, lang)
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
}
