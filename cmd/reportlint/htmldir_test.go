package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// With -o DIR/, the html format writes the dashboard to DIR/index.html and each
// document's marked-up report to a page of its own, linked both ways.
func TestHTMLDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out") + "/"
	lintTo(t, "--format", "html", "-o", dir, "../../fixtures/2023_chanhe_zhengshuju.txt", "../../fixtures/corpus/real/2024_pingtan.txt")
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"h":"d/00001.html"`, `"h":"d/00002.html"`, `<section id="dashboard">`} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Contains(string(index), `<article class="doc"`) {
		t.Error("index.html holds a document's report; it belongs on the document's page")
	}
	for _, name := range []string{"d/00001.html", "d/00002.html"} {
		page, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`<a href="../index.html">`, `<table class="grid">`, "</html>"} {
			if !strings.Contains(string(page), want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
}

// A sweep writing its pages inside the folder it lints does not lint an earlier run's
// pages.
func TestHTMLDirectoryInsideInputs(t *testing.T) {
	in := t.TempDir()
	sample, err := os.ReadFile("../../fixtures/2023_chanhe_zhengshuju.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "a.txt"), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(in, "out") + "/"
	for range 2 {
		io, _, errOut := TestIO()
		Main([]string{"lint", "--no-config", "--format", "html", "-o", out, in}, io)
		if !strings.Contains(errOut.String(), "检查了 1 个文档") {
			t.Fatalf("want one document linted, got %q", errOut)
		}
	}
}
