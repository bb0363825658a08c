package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The pre-commit hook runs a command that exists and picks up every extension reportlint
// reads, and nothing it refuses.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Entry, Language, Files string
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "reportlint" || hooks[0].Language != "golang" {
		t.Fatalf("hooks = %+v", hooks)
	}
	args := strings.Fields(hooks[0].Entry)
	if cmd, _, err := NewRootCmd(&IOStreams{}).Find(args[1:]); err != nil || cmd.Name() != "lint" {
		t.Fatalf("entry %q: %v", hooks[0].Entry, err)
	}
	re := regexp.MustCompile(hooks[0].Files)
	for _, name := range []string{"a.txt", "b.MD", "c.markdown", "d.html", "e.htm", "f.shtml", "g.docx", "h.PDF"} {
		if !re.MatchString(name) {
			t.Errorf("the hook skips %s", name)
		}
	}
	for _, name := range []string{"a.doc", "b.png", "c.go", "docx.zip"} {
		if re.MatchString(name) {
			t.Errorf("the hook picks %s", name)
		}
	}
}
