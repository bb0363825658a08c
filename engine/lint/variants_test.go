package lint

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/finding"
)

// TestVariants lints the variants of the sample in fixtures/variants as a new user would,
// for both editions of the format: clean ones laid out differently (CRLF, BOM, GBK, page
// breaks and form feeds inside tables, other wrapping, full-width digits) give no error or
// warning; each one with an injected defect is flagged by a rule of the expected category
// (at error level unless the expectation says otherwise).
func TestVariants(t *testing.T) {
	dir := "../../fixtures/variants"
	data, err := os.ReadFile(filepath.Join(dir, "expect.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var expect map[string]struct {
		Clean    bool     `yaml:"clean"`
		Category string   `yaml:"category"`
		Rules    []string `yaml:"rules"`
		// Level is the level the rules report at; error unless said.
		Level string `yaml:"level"`
	}
	if err := yaml.Unmarshal(data, &expect); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	if len(files) != len(expect) {
		t.Fatalf("%d variant files, %d expectations", len(files), len(expect))
	}
	l := newTestLinter(t)
	for name, want := range expect {
		t.Run(name, func(t *testing.T) {
			r := l.Lint(context.Background(), filepath.Join(dir, name))
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if want.Clean {
				for _, f := range r.Findings {
					if f.Level == finding.Error || f.Level == finding.Warning {
						t.Errorf("clean variant: %s %s at %d:%d: %s", f.Level, f.RuleID, f.Location.Span.Start.Line, f.Location.Span.Start.Col, f.Message)
					}
				}
				return
			}
			level := finding.Level(want.Level)
			if level == "" {
				level = finding.Error
			}
			var flagged []string
			for _, f := range r.Findings {
				if f.Level == level && slices.Contains(f.Tags, want.Category) {
					flagged = append(flagged, f.RuleID)
				}
			}
			for _, rule := range want.Rules {
				if !slices.Contains(flagged, rule) {
					t.Errorf("want %s (category %s) at %s level; got %v", rule, want.Category, level, r.Findings)
				}
			}
		})
	}
}
