package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
)

// lintMemory lints text as the document at path.
func lintMemory(t *testing.T, l *Linter, path, text string) finding.Result {
	t.Helper()
	l.Memory = map[string][]byte{path: []byte(text)}
	r := l.Lint(context.Background(), path)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	return r
}

// ruleIDs lists the findings' rule ids.
func ruleIDs(r finding.Result) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.RuleID)
	}
	return out
}

// Real reports of 2016–2018 (openings only, no tables) are placed in the format before
// 2019, by its parts or by their year, and get the one format finding of the pack for that
// format and none of the 2019/2021 checks.
func TestChooseRealPre2019Reports(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/pre2019/*.txt")
	if err != nil || len(files) < 3 {
		t.Fatalf("fixtures: %d, %v", len(files), err)
	}
	l := newTestLinter(t)
	for _, f := range files {
		r := l.Lint(context.Background(), f)
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		if !strings.HasPrefix(r.Pack, "govinfo-pre2019@") {
			t.Errorf("%s: pack %s, want govinfo-pre2019", f, r.Pack)
		}
		n := 0
		for _, fd := range r.Findings {
			switch {
			case fd.RuleID == "FMT-EDITION":
				n++
				if !strings.Contains(fd.Message, "2019 年以前的旧格式") && !strings.Contains(fd.Message, "早于国办公开办函〔2019〕60号") {
					t.Errorf("%s: FMT-EDITION says %q", f, fd.Message)
				}
			case fd.RuleID == "DOC-PERIOD" || fd.RuleID == "DOC-YEAR" || strings.HasPrefix(fd.RuleID, "PRE-"):
			default:
				t.Errorf("%s: unexpected %s: %s", f, fd.RuleID, fd.Message)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d FMT-EDITION findings, want 1 (%v)", f, n, ruleIDs(r))
		}
	}
}

func readSample2017(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../rules/govinfo-pre2019/testdata/sample-2017.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The old statistics table: edition pre2019 in the result, the pack for it, and its sums
// checked; a contradiction between table and text is found.
func TestChoosePre2019Table(t *testing.T) {
	l := newTestLinter(t)
	text := readSample2017(t)
	r := lintMemory(t, l, "old.txt", text)
	if r.About == nil || r.About.Edition != "pre2019" || r.About.Year != 2017 {
		t.Fatalf("about: %+v", r.About)
	}
	if got := strings.Join(ruleIDs(r), ","); got != "FMT-EDITION" {
		t.Errorf("findings %s, want FMT-EDITION only", got)
	}
	bad := strings.Replace(text, "（一）收到申请数 件 10", "（一）收到申请数 件 12", 1)
	r = lintMemory(t, l, "old.txt", bad)
	if got := strings.Join(ruleIDs(r), ","); got != "FMT-EDITION,PRE-NAR-APPLICATIONS,PRE-SUM" {
		t.Errorf("findings %s", got)
	}
}

// A report in the old format dated 2020: the year's pack (2019) reads none of its tables,
// so the old format's pack takes it, and says the format is wrong for the year.
func TestChooseOldFormatLateYear(t *testing.T) {
	l := newTestLinter(t)
	r := lintMemory(t, l, "late.txt", strings.ReplaceAll(readSample2017(t), "2017", "2020"))
	if !strings.HasPrefix(r.Pack, "govinfo-pre2019@") {
		t.Fatalf("pack %s", r.Pack)
	}
	if len(r.Findings) == 0 || r.Findings[0].RuleID != "FMT-EDITION" || r.Findings[0].Level != finding.Error {
		t.Fatalf("findings %v", ruleIDs(r))
	}
	for _, f := range r.Findings {
		if strings.HasPrefix(f.RuleID, "T3-") || strings.HasPrefix(f.RuleID, "T4-") || f.RuleID == "DOC-SECTIONS" || f.RuleID == "DOC-TABLES" {
			t.Errorf("2019 check %s on an old-format report", f.RuleID)
		}
	}
}

// A 2019-format report keeps the 2019 pack; a 2022 report in the 2019 format still goes
// to the year's pack, which reads its tables 三 and 四 and reports the edition.
func TestChooseNewEditionsUnchanged(t *testing.T) {
	l := newTestLinter(t)
	b, err := os.ReadFile("../../rules/govinfo-2019/testdata/sample-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := lintMemory(t, l, "s.txt", string(b))
	if !strings.HasPrefix(r.Pack, "govinfo-2019@") || r.About.Edition != "2019" {
		t.Errorf("pack %s, edition %s", r.Pack, r.About.Edition)
	}
	r = lintMemory(t, l, "s.txt", strings.ReplaceAll(string(b), "2020", "2022"))
	if !strings.HasPrefix(r.Pack, "govinfo-2021@") {
		t.Errorf("pack %s", r.Pack)
	}
}
