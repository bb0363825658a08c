package pack

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

const profileYAML = `
sections:
  - {id: s1, numeral: 一, title: 总体情况}
tables:
  - id: t
    title: 表
    columns: [{id: a}, {id: total}]
    rows: [{id: r1, label: 甲}, {id: r2, label: 乙}]
`

const celRule = `
rules:
  - id: CEL-ONE
    title: one
    level: warning
    tags: [arithmetic]
    assert: 'true'
    message: m
`

const regoRule = `# METADATA
# title: two
# custom:
#   id: REGO-TWO
#   level: error
#   tags: [section]
package reportlint.rules.two

report contains {"msg": "m", "at": "doc"} if false
`

func fsys(manifest string) fstest.MapFS {
	return fstest.MapFS{
		"p/pack.yaml":             {Data: []byte(manifest)},
		"p/profile.yaml":          {Data: []byte(profileYAML)},
		"p/cel/a.yaml":            {Data: []byte(celRule)},
		"common/rego/x/two.rego":  {Data: []byte(regoRule)},
		"p/docs/CEL-ONE.md":       {Data: []byte("# CEL-ONE\n")},
		"common/docs/CEL-ONE.md":  {Data: []byte("# shadowed by the pack's own doc\n")},
		"common/docs/REGO-TWO.md": {Data: []byte("# REGO-TWO\n")},
		"p/rego/two_test.rego":    {Data: []byte("package broken test that is not loaded")},
	}
}

const inc = "include: [common]\n"

func TestLoad(t *testing.T) {
	p, err := Load(context.Background(), fsys("name: demo\nversion: 1.2.0\nedition: \"2021\"\nyears: {from: 2021}\nhelp_uri: https://x/{dir}/{id}.md\n"+inc), "p", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Ref() != "demo@1.2.0" {
		t.Errorf("ref = %s", p.Ref())
	}
	rules := p.Rules()
	if len(rules) != 2 || rules[0].ID != "CEL-ONE" || rules[1].ID != "REGO-TWO" {
		t.Fatalf("rules = %+v", rules)
	}
	if rules[0].Help != "# CEL-ONE\n" || rules[0].HelpURI != "https://x/p/CEL-ONE.md" || rules[0].Pack != "demo@1.2.0" {
		t.Errorf("CEL-ONE = %+v", rules[0])
	}
	if rules[1].Help != "# REGO-TWO\n" || rules[1].Source != "common/rego/x/two.rego:7" {
		t.Errorf("REGO-TWO = %+v", rules[1])
	}
	if !p.AppliesTo(2023) || p.AppliesTo(2020) || !p.AppliesTo(0) {
		t.Error("AppliesTo is wrong")
	}
}

func TestLoadRejectsBadManifests(t *testing.T) {
	tests := map[string]string{
		"no name":          "version: 1.0.0\n",
		"bad version":      "name: x\nversion: one\n",
		"newer engine":     "name: x\nversion: 1.0.0\nengine: 99.0.0\n",
		"unknown field":    "name: x\nversion: 1.0.0\ncolour: blue\n",
		"gate, old engine": "name: x\nversion: 1.0.0\nengine: 1.0.0\ngate: {rules: [CEL-ONE]}\n" + inc,
		"gate, no rule":    "name: x\nversion: 1.0.0\nengine: 1.1.0\ngate: {rules: [NOPE]}\n" + inc,
		"not yaml at all":  "{{{",
	}
	for name, m := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(context.Background(), fsys(m), "p", Options{}); err == nil {
				t.Fatal("Load succeeded")
			}
		})
	}
}

func TestLoadCollectsEveryError(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En) // the assertions read the English messages
	f := fsys("name: x\nversion: 1.0.0\ninclude: [common, missing, ../up]\n")
	f["p/cel/a.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(celRule, "assert: 'true'", "assert: 'nope('", 1))}
	f["p/profile.yaml"] = &fstest.MapFile{Data: []byte("sections: [{id: s1}]")}
	_, err := Load(context.Background(), f, "p", Options{})
	if err == nil {
		t.Fatal("Load succeeded")
	}
	for _, want := range []string{"profile.yaml", "cel/a.yaml:7: rule CEL-ONE: assert", "include missing", `include "../up" must name a sibling folder`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestCompareVersions(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"1.0.0", "1.0.0", 0}, {"1.2.0", "1.10.0", -1}, {"2.0.0", "1.9.9", 1}, {"1.0.0-rc.1", "1.0.0", 0}} {
		if got := compareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("compareVersions(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// When a gate rule reports, only the gate's and the kept rules' findings remain, unless
// the run's selection leaves the gate rule out.
func TestApplyGate(t *testing.T) {
	p, err := Load(context.Background(), fsys("name: x\nversion: 1.0.0\nengine: 1.1.0\ngate: {rules: [REGO-TWO], keep: [CEL-ONE]}\n"+inc), "p", Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := func(string, []string) bool { return true }
	open := []finding.Finding{{RuleID: "CEL-ONE"}, {RuleID: "OTHER"}}
	if got := p.ApplyGate(open, all); len(got) != 2 {
		t.Errorf("without a gate finding: %+v", got)
	}
	closed := []finding.Finding{{RuleID: "CEL-ONE"}, {RuleID: "OTHER"}, {RuleID: "REGO-TWO"}}
	got := p.ApplyGate(closed, all)
	if len(got) != 2 || got[0].RuleID != "CEL-ONE" || got[1].RuleID != "REGO-TWO" {
		t.Errorf("with a gate finding: %+v", got)
	}
	ignored := func(id string, _ []string) bool { return id != "REGO-TWO" }
	if got := p.ApplyGate(closed, ignored); len(got) != 3 {
		t.Errorf("with the gate rule ignored: %+v", got)
	}
}

// Rules are type-checked against the input schema specialised to the pack's profile: a
// table, row or column the profile does not define is an error when the pack loads.
func TestRulesCheckedAgainstTheProfile(t *testing.T) {
	rule := func(body string) string {
		return "# METADATA\n# title: two\n# custom:\n#   id: REGO-TWO\n#   level: error\n#   tags: [section]\npackage reportlint.rules.two\n\nreport contains {\"msg\": \"m\", \"at\": \"doc\"} if {\n" + body + "\n}\n"
	}
	load := func(body string) error {
		f := fsys("name: x\nversion: 1.0.0\n" + inc)
		f["common/rego/x/two.rego"] = &fstest.MapFile{Data: []byte(rule(body))}
		_, err := Load(context.Background(), f, "p", Options{TypeCheck: true})
		return err
	}
	for _, good := range []string{
		"	input.tables.t.rows.r1.cells.total.value > 0",
		"	input.tables.t.found",
		"	some r in input.tables.t.row_order\n	input.tables.t.rows[r].found",
	} {
		if err := load(good); err != nil {
			t.Errorf("%q: %v", good, err)
		}
	}
	for _, bad := range []string{
		"	input.tables.u.found",
		"	input.tables.t.rows.r3.found",
		"	input.tables.t.rows.r1.cells.totl.value > 0",
		"	input.tables.t.rows.r1.cells.total.valeu > 0",
		"	input.report.titel",
	} {
		err := load(bad)
		if err == nil || !strings.Contains(err.Error(), "two.rego:") {
			t.Errorf("%q loads (err %v)", bad, err)
		}
	}
}

// A rule's folder is <category>/<RULE-ID>/: the rule in it, its README.md as its help,
// its tests.yaml among the folder's tests; a rule in another rule's folder, or under
// another category than its tag, does not load.
func TestRuleFolders(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En) // the assertions read the English messages
	layout := func(source string) fstest.MapFS {
		return fstest.MapFS{
			"p/pack.yaml":                   {Data: []byte("name: p\nversion: 1.0.0\nhelp_uri: https://x/{doc}\n")},
			"p/profile.yaml":                {Data: []byte(profileYAML)},
			source:                          {Data: []byte(regoRule)},
			"p/section/REGO-TWO/README.md":  {Data: []byte("# REGO-TWO\n")},
			"p/section/REGO-TWO/tests.yaml": {Data: []byte("rule: REGO-TWO\n")},
			"p/testdata/doc.txt":            {Data: []byte("一、总体情况\n")},
			"p/lib/helpers.rego":            {Data: []byte("package reportlint.lib.helpers\n\nx := 1\n")},
		}
	}
	fsys := layout("p/section/REGO-TWO/rule.rego")
	p, err := Load(context.Background(), fsys, "p", Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := p.Rule("REGO-TWO")
	if !ok || r.Help != "# REGO-TWO\n" || r.HelpURI != "https://x/p/section/REGO-TWO/README.md" || r.Source != "section/REGO-TWO/rule.rego:7" {
		t.Errorf("rule %+v", r)
	}
	if files, err := TestFiles(p.FS); err != nil || strings.Join(files, " ") != "section/REGO-TWO/tests.yaml" {
		t.Errorf("tests %v %v", files, err)
	}
	sub, _ := fs.Sub(fsys, "p")
	if b, err := ReadTestDocument(sub, "section/REGO-TWO/tests.yaml", nil, "doc.txt"); err != nil || string(b) != "一、总体情况\n" {
		t.Errorf("base from testdata/: %q %v", b, err)
	}
	if _, err := ReadTestDocument(sub, "section/REGO-TWO/tests.yaml", nil, "../../pack.yaml"); err == nil {
		t.Error("a base outside the pack was read")
	}
	for source, want := range map[string]string{
		"p/section/OTHER/rule.rego":       "rule REGO-TWO is in the folder of rule OTHER",
		"p/arithmetic/REGO-TWO/rule.rego": "is in the arithmetic folder but is not tagged arithmetic",
	} {
		if _, err := Load(context.Background(), layout(source), "p", Options{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err %v, want %q", source, err, want)
		}
	}
}

// A pack's loading errors read in the run's language; keys, file names and rule ids stay
// as written.
func TestLoadErrorsFollowTheLanguage(t *testing.T) {
	defer i18n.Set(i18n.Current())
	layout := fstest.MapFS{
		"p/pack.yaml":                     {Data: []byte("name: p\nversion: 1.0.0\n")},
		"p/profile.yaml":                  {Data: []byte(profileYAML)},
		"p/arithmetic/REGO-TWO/rule.rego": {Data: []byte(regoRule)},
	}
	for lang, want := range map[i18n.Lang][]string{
		i18n.Zh: {
			"pack.yaml: name 为必填项；version \"one\" 不是语义化版本号",
			"规则包 p@1.0.0：\narithmetic/REGO-TWO/rule.rego:7: 规则 REGO-TWO 位于 arithmetic 文件夹，但没有 arithmetic 标签",
		},
		i18n.En: {
			"pack.yaml: name is required; version \"one\" is not a semantic version",
			"pack p@1.0.0:\narithmetic/REGO-TWO/rule.rego:7: rule REGO-TWO is in the arithmetic folder but is not tagged arithmetic",
		},
	} {
		i18n.Set(lang)
		_, merr := Load(context.Background(), fsys("version: one\n"), "p", Options{})
		_, lerr := Load(context.Background(), layout, "p", Options{})
		for i, err := range []error{merr, lerr} {
			if err == nil || !strings.Contains(err.Error(), want[i]) {
				t.Errorf("%s: err %v, want %q", lang, err, want[i])
			}
		}
	}
}
