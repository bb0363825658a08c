package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// langInputs are documents of every carrier and edition, clean and defective, real and
// made, with findings of every category, notes of the importers and not-assessable cells.
var langInputs = []string{"--exclude", "SOURCES.md", "--exclude", "make.sh", "../../fixtures/formats", "../../fixtures/variants", "../../fixtures/corpus/real", "../../fixtures/pre2019"}

// firstQuote is the first document text a message quotes.
var firstQuote = regexp.MustCompile(`“[^”]*”`)

// codeSpan is a code block or span of a rule's doc: the report text it cites.
var codeSpan = regexp.MustCompile("(?s)```.*?```|`[^`\n]*`")

// Findings and reports speak the run's language: in English, the messages, rule texts,
// summaries and errors of every human and machine format have no Chinese outside the
// document text they quote; in Chinese, no English prose.
func TestFindingsAndReportsInBothLanguages(t *testing.T) {
	// same: each language's findings without their words, which must be the same.
	same := map[string][]string{}
	// A report missing two parts: two findings of one rule at one place, which must come
	// in the same order in both languages.
	sample, err := os.ReadFile("../../fixtures/formats/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(sample), "\n") {
		if !strings.HasPrefix(line, "四、政府信息公开") && !strings.HasPrefix(line, "五、存在") {
			kept = append(kept, line)
		}
	}
	missing := filepath.Join(t.TempDir(), "missing-parts.txt")
	if err := os.WriteFile(missing, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := append(slices.Clone(langInputs), missing)
	for _, lang := range []string{"en", "zh"} {
		var texts []string
		add := func(where, s string) { texts = append(texts, where+"\x00"+s) }

		_, out, errOut := runIn(lang, append([]string{"lint", "--format", "json", "--no-config"}, inputs...)...)
		var res struct {
			Results []struct {
				Path     string `json:"path"`
				Error    string `json:"error"`
				Findings []struct {
					Rule     string `json:"rule"`
					Level    string `json:"level"`
					Message  string `json:"message"`
					Expected string `json:"expected"`
					Actual   string `json:"actual"`
					Print    string `json:"fingerprint"`
					Location struct {
						Span struct {
							Start struct{ Line, Col int } `json:"start"`
						} `json:"span"`
					} `json:"location"`
					Related []struct {
						Message string `json:"message"`
					} `json:"related"`
				} `json:"findings"`
			} `json:"results"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("%s: json: %v\n%s", lang, err, errOut)
		}
		findings := 0
		for _, r := range res.Results {
			if r.Error != "" {
				add(r.Path+" error", strings.ReplaceAll(r.Error, r.Path, ""))
			}
			for _, f := range r.Findings {
				findings++
				same[lang] = append(same[lang], fmt.Sprintf("%s %d:%d %s %s %s %q %q", r.Path, f.Location.Span.Start.Line, f.Location.Span.Start.Col, f.Rule, f.Level, f.Print, f.Expected, f.Actual))
				if r.Path == missing && f.Rule == "DOC-SECTIONS" {
					// The heading each finding quotes, the same words in both languages.
					same[lang] = append(same[lang], f.Print+" "+firstQuote.FindString(f.Message))
				}
				add(r.Path+" "+f.Rule, f.Message)
				for _, rel := range f.Related {
					add(r.Path+" "+f.Rule+" related", rel.Message)
				}
			}
		}
		if findings < 100 {
			t.Fatalf("%s: %d findings: the inputs are not what the test needs", lang, findings)
		}
		add("summary", errOut)

		addSARIF(t, lang, inputs, add)

		// The text report, less the document's lines it prints under each finding.
		_, out, _ = runIn(lang, append([]string{"lint", "--no-config", "--color", "never"}, inputs...)...)
		for _, line := range strings.Split(out, "\n") {
			if !strings.HasPrefix(line, "    ") {
				add("text", line)
			}
		}
		// The table of documents, less the columns that hold the document's own words.
		_, out, _ = runIn(lang, append([]string{"lint", "--format", "csv", "--no-config"}, inputs...)...)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
		if err != nil || len(rows) < 40 {
			t.Fatalf("%s: csv: %v, %d rows", lang, err, len(rows))
		}
		for _, row := range rows {
			for i, cell := range row {
				if i == 0 || i == 1 || i == 3 {
					continue // path, body, region
				}
				add("csv", cell)
			}
		}
		// The rule list: every pack's title and every rule's.
		_, out, _ = runIn(lang, "rules")
		for _, line := range strings.Split(out, "\n") {
			add("rules", line)
		}
		checkLanguage(t, lang, texts)
	}
	// The same findings in the same order, with the same fingerprints (a baseline written
	// in one language holds in the other).
	if !slices.Equal(same["en"], same["zh"]) {
		for i := range min(len(same["en"]), len(same["zh"])) {
			if same["en"][i] != same["zh"][i] {
				t.Errorf("finding %d differs:\nen %s\nzh %s", i, same["en"][i], same["zh"][i])
				break
			}
		}
		t.Errorf("en has %d findings, zh %d", len(same["en"]), len(same["zh"]))
	}
}

// checkLanguage fails for each text not in the language: English with Chinese outside
// quotes, Chinese with a run of English prose.
func checkLanguage(t *testing.T, lang string, texts []string) {
	t.Helper()
	bad := 0
	for _, wt := range texts {
		where, s, _ := strings.Cut(wt, "\x00")
		var problem string
		if lang == "en" {
			problem = hanOutside(s)
		} else if runs := englishRuns(s, nil); len(runs) > 0 {
			problem = strings.Join(runs, " | ")
		}
		if problem != "" {
			bad++
			if bad <= 20 {
				t.Errorf("%s: %s: %q in %q", lang, where, problem, s)
			}
		}
	}
	if bad > 20 {
		t.Errorf("%s: %d texts in all", lang, bad)
	}
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRefd struct {
	Message sarifText `json:"message"`
}

type sarifComponent struct {
	Rules []struct {
		ID    string    `json:"id"`
		Short sarifText `json:"shortDescription"`
		Full  sarifText `json:"fullDescription"`
		Help  sarifText `json:"help"`
	} `json:"rules"`
}

// addSARIF adds the messages and rule texts of the SARIF log of a run over inputs.
func addSARIF(t *testing.T, lang string, inputs []string, add func(where, s string)) {
	t.Helper()
	_, out, _ := runIn(lang, append([]string{"lint", "--format", "sarif", "--no-config"}, inputs...)...)
	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver     sarifComponent   `json:"driver"`
				Extensions []sarifComponent `json:"extensions"`
			} `json:"tool"`
			Results []struct {
				RuleID  string      `json:"ruleId"`
				Message sarifText   `json:"message"`
				Related []sarifRefd `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &sarif); err != nil {
		t.Fatalf("%s: sarif: %v", lang, err)
	}
	for _, run := range sarif.Runs {
		for _, c := range append([]sarifComponent{run.Tool.Driver}, run.Tool.Extensions...) {
			for _, r := range c.Rules {
				add("sarif rule "+r.ID, r.Short.Text)
				add("sarif rule "+r.ID, r.Full.Text)
				add("sarif rule help "+r.ID, codeSpan.ReplaceAllString(r.Help.Text, ""))
			}
		}
		for _, r := range run.Results {
			add("sarif "+r.RuleID, r.Message.Text)
			for _, rel := range r.Related {
				add("sarif "+r.RuleID+" related", rel.Message.Text)
			}
		}
	}

}
