package ruletest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/pack"
)

const gateRule = `# METADATA
# title: not a report
# custom:
#   id: NOT-REPORT
#   level: error
#   tags: [section]
#   en:
#     title: not a report
#     description: The document is not a report.
package reportlint.rules.not_report

report contains {"msg": "not a report", "at": "doc"} if not input.sections[0].found
`

// A pack's gate rule hides the other rules' findings in rule tests exactly as it does
// for users: a case that expects a finding the gate hides fails, and the lint pipeline
// shows the same document only the gate's finding.
func TestGateHidesFindingsInTestsAsInLint(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En) // the assertions read the English messages
	fsys := fstest.MapFS{
		"p/pack.yaml":                       {Data: []byte("name: p\nversion: 1.0.0\nengine: 1.1.0\ngate:\n  rules: [NOT-REPORT]\n")},
		"p/profile.yaml":                    {Data: []byte("sections: [{id: s1, numeral: 一, title: 总体情况}]\ntables: [{id: t, columns: [{id: a}], rows: [{id: r, label: 甲}]}]\n")},
		"p/rego/no_foo.rego":                {Data: []byte(strings.Replace(rule, "input.sections[0].text", "concat(\" \", [s.text | some s in input.sections])", 1) + "\nreport contains {\"msg\": \"foo anywhere\", \"at\": \"doc\"} if not input.sections[0].found\n")},
		"p/rego/not_report.rego":            {Data: []byte(gateRule)},
		"p/section/NOT-REPORT/README.en.md": {Data: []byte("# NOT-REPORT\n")},
		"p/narrative/NO-FOO/README.en.md":   {Data: []byte(enDoc)},
		"p/tests/NOT-REPORT.yaml": {Data: []byte(`rule: NOT-REPORT
cases:
  - {name: plain text, doc: "foo", want: [{at: "1:1"}]}
  - {name: a report, doc: "一、总体情况\n正文\n", want: []}
`)},
		"p/tests/NO-FOO.yaml": {Data: []byte(`rule: NO-FOO
cases:
  - {name: hidden by the gate, doc: "foo", want: [{at: "1:1", message: "foo anywhere"}]}
  - {name: a report, doc: "一、总体情况\n正文\n", want: []}
`)},
	}
	p, err := pack.Load(context.Background(), fsys, "p", pack.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := Run(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	var noFoo, gate Outcome
	for _, o := range out {
		switch o.Rule {
		case "NO-FOO":
			noFoo = o
		case "NOT-REPORT":
			gate = o
		}
	}
	if !gate.OK() {
		t.Errorf("the gate rule's own cases fail: %v", gate.Errors)
	}
	if noFoo.OK() || !strings.Contains(strings.Join(noFoo.Errors, "\n"), "missing finding") {
		t.Errorf("a case expecting a finding the gate hides passed: %v", noFoo.Errors)
	}

	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.txt")
	if err := os.WriteFile(doc, []byte("foo"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &lint.Linter{Force: p, Ingest: ingest.Options{Limits: limit.Default()}}
	res := l.Lint(context.Background(), doc)
	if res.Err != nil || len(res.Findings) != 1 || res.Findings[0].RuleID != "NOT-REPORT" {
		t.Errorf("lint shows %+v (err %v), want only NOT-REPORT", res.Findings, res.Err)
	}
}
