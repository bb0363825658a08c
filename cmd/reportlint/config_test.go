package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The configuration example in the README is a valid configuration file.
func TestReadmeConfigExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```yaml\n# .reportlint.yaml\n")
	if !ok {
		t.Fatal("README has no .reportlint.yaml example")
	}
	example, _, _ := strings.Cut(rest, "```")
	path := filepath.Join(t.TempDir(), ".reportlint.yaml")
	if err := os.WriteFile(path, []byte(example), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := readConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Select) != 5 || c.Levels["DOC-ACCOUNTABILITY"] != "note" || c.RepeatThreshold == nil || *c.RepeatThreshold != 0.6 {
		t.Errorf("example read as %+v", c)
	}
}

func TestFindConfigNearestFirst(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := findConfig(deep); got != "" && strings.HasPrefix(got, root) {
		t.Fatalf("found %s in an empty tree", got)
	}
	for _, p := range []string{filepath.Join(root, ".reportlint.yaml"), filepath.Join(root, "a", "reportlint.yaml")} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := findConfig(deep), filepath.Join(root, "a", "reportlint.yaml"); got != want {
		t.Errorf("findConfig = %s, want %s", got, want)
	}
	c, err := readConfig(filepath.Join(root, ".reportlint.yaml"))
	if err != nil || c.Select != nil {
		t.Errorf("an empty file: %+v, %v", c, err)
	}
}
