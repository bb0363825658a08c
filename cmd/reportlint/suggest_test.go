package main

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

func TestSuggest(t *testing.T) {
	ids := []string{"T3-ROW-SUM", "T3-COL-TOTAL", "T4-ROW-SUM", "arithmetic", "narrative"}
	for _, tc := range []struct{ in, want string }{
		{"T3-ROWSUM", "T3-ROW-SUM"},
		{"t3-row-sum", "T3-ROW-SUM"},
		{"T3_ROW_SUM", "T3-ROW-SUM"},
		{"T5-ROW-SUM", "T3-ROW-SUM T4-ROW-SUM"},
		{"arithmetc", "arithmetic"},
		{"narr", "narrative"},
		{"XYZ", ""},
		{"", ""},
	} {
		if got := strings.Join(suggest(tc.in, ids), " "); got != tc.want {
			t.Errorf("suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if d := distance("年报", "年度报告"); d != 2 {
		t.Errorf("distance in runes = %d", d)
	}
}

func TestCheckChoice(t *testing.T) {
	inLang(t, i18n.En)
	for _, tc := range []struct{ flag, value, want string }{
		{"format", "sarf", `--format: unknown format "sarf" (want text, json, sarif, github, junit, html, csv, xlsx); did you mean sarif?`},
		{"fail-on", "warn", `--fail-on: unknown level "warn" (want error, warning, note, none); did you mean warning?`},
		{"color", "allways", `did you mean always?`},
		{"input-format", "mardown", `did you mean markdown?`},
		{"charset", "gb1830", `did you mean gb18030?`},
		{"format", "xml", `--format: unknown format "xml" (want text, json, sarif, github, junit, html, csv, xlsx)`},
		{"charset", "GB18030", ""},
		{"charset", "utf8", ""},
		{"format", "", ""},
	} {
		err := checkChoice(tc.flag, tc.value)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) || strings.HasSuffix(tc.want, ")") && strings.Contains(got, "did you mean") {
			t.Errorf("--%s %s: %q, want %q", tc.flag, tc.value, got, tc.want)
		}
	}
}

func TestSelectionHint(t *testing.T) {
	rules := []finding.Rule{{ID: "T3-ROW-SUM", Tags: []string{"arithmetic"}}, {ID: "DOC-TITLE", Tags: []string{"metadata"}}}
	opts := &LintOptions{Select: []string{"T3-ROWSUM", "T3-*"}, Ignore: []string{"metadat"}, Levels: map[string]string{"DOC-TITEL": "note"}}
	inLang(t, i18n.Zh)
	want := "；“DOC-TITEL”是否指 DOC-TITLE？；“T3-ROWSUM”是否指 T3-ROW-SUM？；“metadat”是否指 metadata？"
	if got := selectionHint(opts, rules); got != want {
		t.Errorf("hint = %q, want %q", got, want)
	}
	i18n.Set(i18n.En)
	want = `; "DOC-TITEL": did you mean DOC-TITLE?; "T3-ROWSUM": did you mean T3-ROW-SUM?; "metadat": did you mean metadata?`
	if got := selectionHint(opts, rules); got != want {
		t.Errorf("en: hint = %q, want %q", got, want)
	}
}
