package ruletest

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/pack"
)

// enDoc is a rule's doc in English, which rules test requires.
const enDoc = "# NO-FOO\n\nThe text must not hold foo.\n"

const rule = `# METADATA
# title: a word the text must not hold
# custom:
#   id: NO-FOO
#   level: error
#   tags: [narrative]
#   en:
#     title: a word the text must not hold
#     description: The text must not hold foo.
package reportlint.rules.no_foo

report contains {"msg": "foo", "at": "doc"} if contains(input.sections[0].text, "foo")
`

func loadPack(t *testing.T, tests string) *pack.Pack {
	t.Helper()
	fsys := fstest.MapFS{
		"p/pack.yaml":                     {Data: []byte("name: p\nversion: 1.0.0\n")},
		"p/profile.yaml":                  {Data: []byte("sections: [{id: s1, numeral: 一, title: 总体情况}]\ntables: [{id: t, columns: [{id: a}], rows: [{id: r, label: 甲}]}]\n")},
		"p/rego/no_foo.rego":              {Data: []byte(rule)},
		"p/tests/NO-FOO.yaml":             {Data: []byte(tests)},
		"p/tests/docs/doc.txt":            {Data: []byte("一、总体情况\n正文 bar\n")},
		"p/narrative/NO-FOO/README.en.md": {Data: []byte(enDoc)},
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
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En) // the assertions read the English messages
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
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En)
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

// A shared folder's tests run under every pack that includes it, with each pack's test
// variables, its own cases (packs:) and places (at: by pack); a wrong place fails under
// the pack it is wrong for only.
func TestSharedTestsRunUnderEveryIncludingPack(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En)
	shared := `rule: NO-FOO
cases:
  - name: triggers
    base: ${sample}
    edits: [{replace: "${word}", with: "${word} foo"}]
    want: [{at: {a: "1:1", b: "1:1"}, level: error, message: foo}]
  - name: passes
    base: ${sample}
    want: []
  - name: only under a, and wrong there
    packs: [a]
    doc: "一、总体情况\nfoo\n"
    want: []
`
	fsys := fstest.MapFS{
		"a/pack.yaml":                          {Data: []byte("name: a\nversion: 1.0.0\ninclude: [common]\ntest_vars: {sample: docs/a.txt, word: bar}\n")},
		"a/profile.yaml":                       {Data: []byte("sections: [{id: s1, numeral: 一, title: 总体情况}]\ntables: [{id: t, columns: [{id: a}], rows: [{id: r, label: 甲}]}]\n")},
		"a/tests/docs/a.txt":                   {Data: []byte("一、总体情况\n正文 bar\n")},
		"b/pack.yaml":                          {Data: []byte("name: b\nversion: 1.0.0\ninclude: [common]\ntest_vars: {sample: docs/b.txt, word: baz}\n")},
		"b/profile.yaml":                       {Data: []byte("sections: [{id: s1, numeral: 一, title: 总体情况}]\ntables: [{id: t, columns: [{id: a}], rows: [{id: r, label: 甲}]}]\n")},
		"b/tests/docs/b.txt":                   {Data: []byte("一、总体情况\n正文 baz\n")},
		"common/rego/no_foo.rego":              {Data: []byte(rule)},
		"common/tests/NO-FOO.yaml":             {Data: []byte(shared)},
		"common/narrative/NO-FOO/README.en.md": {Data: []byte(enDoc)},
	}
	for name, wrongCases := range map[string]int{"a": 1, "b": 0} {
		p, err := pack.Load(context.Background(), fsys, name, pack.Options{StrictBuiltinErrors: true})
		if err != nil {
			t.Fatal(err)
		}
		out, err := Run(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != 1 || out[0].File != "common/tests/NO-FOO.yaml" {
			t.Fatalf("%s: outcomes = %+v", name, out)
		}
		if (len(out[0].Errors) > 0) != (wrongCases > 0) || out[0].Cases != 2+wrongCases {
			t.Errorf("%s: %d cases, errors %q", name, out[0].Cases, out[0].Errors)
		}
		for _, e := range out[0].Errors {
			if !strings.Contains(e, `case "only under a`) {
				t.Errorf("%s: error %q", name, e)
			}
		}
	}
	// A variable the pack does not define is an error naming it.
	fsys["b/pack.yaml"] = &fstest.MapFile{Data: []byte("name: b\nversion: 1.0.0\ninclude: [common]\ntest_vars: {sample: docs/b.txt}\n")}
	p, err := pack.Load(context.Background(), fsys, "b", pack.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), p); err == nil || !strings.Contains(err.Error(), "test_vars have no word") {
		t.Errorf("err = %v", err)
	}
}

// The outcomes of rule tests read in the run's language, whichever language the failing
// case ran in: a case that fails in Chinese, one that fails only in English, and one whose
// document the engine cannot read (its error, made running in Chinese, is worded again).
func TestOutcomesFollowTheLanguage(t *testing.T) {
	defer i18n.Set(i18n.Current())
	tests := `rule: NO-FOO
cases:
  - name: wrong place
    base: docs/doc.txt
    edits: [{replace: bar, with: foo}]
    want: [{at: "2:1", message: foo}]
  - name: wrong English
    base: docs/doc.txt
    edits: [{replace: bar, with: foo}]
    want: [{at: "1:1", message: foo, message_en: bar}]
  - name: passes
    base: docs/doc.txt
    want: []
  - name: unreadable
    doc: "一、总体情况"
    format: nope
    want: []
`
	for lang, want := range map[i18n.Lang][]string{
		i18n.Zh: {
			`tests/NO-FOO.yaml:3: 测试用例 "wrong place"：缺少发现：位于 2:1，包含 "foo"`,
			`tests/NO-FOO.yaml:3: 测试用例 "wrong place"：多出发现：位于 1:1 error "foo"`,
			`tests/NO-FOO.yaml:7: 测试用例 "wrong English"：以英文运行时：缺少发现：位于 1:1，包含 "bar"`,
			`tests/NO-FOO.yaml:14: 测试用例 "unreadable"：读取文档：`,
		},
		i18n.En: {
			`tests/NO-FOO.yaml:3: case "wrong place": missing finding at 2:1 containing "foo"`,
			`tests/NO-FOO.yaml:3: case "wrong place": unexpected finding at 1:1 error "foo"`,
			`tests/NO-FOO.yaml:7: case "wrong English": in English: missing finding at 1:1 containing "bar"`,
			`tests/NO-FOO.yaml:14: case "unreadable": read document: `,
		},
	} {
		i18n.Set(lang)
		all := strings.Join(run(t, tests), "\n")
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: errors lack %q:\n%s", lang, w, all)
			}
		}
		if lang == i18n.En && i18n.UnquotedChinese(all) != "" {
			t.Errorf("en: errors have Chinese outside quotes: %q", i18n.UnquotedChinese(all))
		}
		if i18n.Current() != lang {
			t.Errorf("%s: the run left the language %s", lang, i18n.Current())
		}
	}
}
