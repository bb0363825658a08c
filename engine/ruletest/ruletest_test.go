package ruletest

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportlint/reportlint/engine/pack"
)

const rule = `# METADATA
# title: a word the text must not hold
# custom:
#   id: NO-FOO
#   level: error
#   tags: [narrative]
package reportlint.rules.no_foo

report contains {"msg": "foo", "at": "doc"} if contains(input.sections[0].text, "foo")
`

func loadPack(t *testing.T, tests string) *pack.Pack {
	t.Helper()
	fsys := fstest.MapFS{
		"p/pack.yaml":          {Data: []byte("name: p\nversion: 1.0.0\n")},
		"p/profile.yaml":       {Data: []byte("sections: [{id: s1, numeral: 一, title: 总体情况}]\ntables: [{id: t, columns: [{id: a}], rows: [{id: r, label: 甲}]}]\n")},
		"p/rego/no_foo.rego":   {Data: []byte(rule)},
		"p/tests/NO-FOO.yaml":  {Data: []byte(tests)},
		"p/tests/docs/doc.txt": {Data: []byte("一、总体情况\n正文 bar\n")},
	}
	p, err := pack.Load(context.Background(), fsys, "p", pack.Options{StrictBuiltinErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, tests string) []string {
	t.Helper()
	out, err := Run(context.Background(), loadPack(t, tests))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].Rule != "NO-FOO" {
		t.Fatalf("outcomes = %+v", out)
	}
	return out[0].Errors
}

func TestPassingCases(t *testing.T) {
	errs := run(t, `rule: NO-FOO
cases:
  - name: triggers
    base: docs/doc.txt
    edits: [{replace: bar, with: foo}]
    want: [{at: "1:1", level: error, message: foo}]
  - name: passes
    base: docs/doc.txt
    want: []
`)
	if len(errs) != 0 {
		t.Fatalf("errors = %v", errs)
	}
}

func TestFailures(t *testing.T) {
	errs := run(t, `rule: NO-FOO
cases:
  - name: wrong place
    base: docs/doc.txt
    edits: [{replace: bar, with: foo}]
    want: [{at: "2:1"}]
  - name: unexpected
    doc: "一、总体情况\nfoo\n"
    want: []
  - name: edit not found
    base: docs/doc.txt
    edits: [{replace: nothing, with: foo}]
    want: []
  - name: no place
    base: docs/doc.txt
    edits: [{replace: bar, with: foo}]
    want: [{level: error}]
  - name: unknown parameter
    base: docs/doc.txt
    params: {nope: 1}
    want: []
`)
	all := strings.Join(errs, "\n")
	for _, want := range []string{
		`case "wrong place": missing finding at 2:1`,
		`case "wrong place": unexpected finding at 1:1 error "foo"`,
		`case "unexpected": unexpected finding at 1:1`,
		`case "edit not found": edit: "nothing" does not occur in the document`,
		`case "no place": a wanted finding needs at: LINE:COL`,
		`case "unknown parameter": params: the pack has no parameter "nope"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("errors lack %q:\n%s", want, all)
		}
	}
}

func TestRuleWithoutBothKindsOfCase(t *testing.T) {
	errs := run(t, `rule: NO-FOO
cases:
  - name: passes
    base: docs/doc.txt
    want: []
`)
	if len(errs) != 1 || !strings.Contains(errs[0], "no case triggers NO-FOO") {
		t.Fatalf("errors = %v", errs)
	}
}
