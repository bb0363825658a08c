package lint

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
)

// quotedText is document text a message quotes, which stays as the document writes it.
var quotedText = regexp.MustCompile(`“[^”]*”|「[^」]*」|"[^"]*"|‘[^’]*’|《[^》]*》`)

// chineseOutside is the Chinese of s outside quotes and outside the names given (logical
// locations, rule titles): what an English message must not have.
func chineseOutside(s string, names ...string) string {
	for _, n := range names {
		if n != "" {
			s = strings.ReplaceAll(s, n, "")
		}
	}
	s = quotedText.ReplaceAllString(s, "")
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。：；（）、“”《》？！", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ruleOf is the rule of finding f, as its pack describes it in the run's language.
func ruleOf(t *testing.T, l *Linter, f finding.Finding) finding.Rule {
	t.Helper()
	for _, p := range l.Packs {
		if r, ok := p.Rule(f.RuleID); ok && p.Ref() == f.Pack {
			return r
		}
	}
	t.Fatalf("no rule %s in pack %s", f.RuleID, f.Pack)
	return finding.Rule{}
}

// inLanguages runs f under each language, restoring the run's language after.
func inLanguages(t *testing.T, f func(t *testing.T, lang i18n.Lang)) {
	t.Helper()
	defer i18n.Set(i18n.Current())
	for _, lang := range i18n.Langs {
		i18n.Set(lang)
		t.Run(lang.String(), func(t *testing.T) { f(t, lang) })
	}
}

// table3 is a report whose table 3 has its first row written with the cells given (HTML
// cells) and the rest zero.
func table3(t *testing.T, first string) string {
	t.Helper()
	row := func(label, cells string) string { return "<tr><td>" + label + "</td>" + cells + "</tr>" }
	zeros := strings.Repeat("<td>0</td>", 7)
	page := "<p>三、收到和处理政府信息公开申请情况</p><table>" +
		row("一、本年新收政府信息公开申请数量", first) +
		row("二、上年结转政府信息公开申请数量", zeros) + "</table>"
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A not-assessable note names, in the run's language, the cells that kept its rule from
// deciding: in English with English states and separators, the logical locations as the
// document names them; in Chinese as it always has.
func TestNotAssessableNoteInBothLanguages(t *testing.T) {
	path := table3(t, "<td></td><td>/</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>")
	inLanguages(t, func(t *testing.T, lang i18n.Lang) {
		l := newTestLinter(t)
		l.Selection = &Selection{Select: []string{"T3-ROW-SUM"}}
		r := l.Lint(context.Background(), path)
		if r.Err != nil || len(r.Findings) != 1 || !r.Findings[0].NotAssessable {
			t.Fatalf("%v %+v", r.Err, r.Findings)
		}
		f := r.Findings[0]
		rule := ruleOf(t, l, f)
		locs := append([]finding.Location{f.Location}, f.Related...)
		if len(locs) != 2 {
			t.Fatalf("locations %+v", locs)
		}
		names := []string{rule.Title}
		for _, loc := range locs {
			names = append(names, loc.Logical)
		}
		if lang == i18n.Zh {
			want := "无法判定（" + rule.Title + "）：" + locs[0].Logical + "为空白；" + locs[1].Logical + "为占位符“/”，不是数字"
			if f.Message != want {
				t.Errorf("message\n%s\nwant\n%s", f.Message, want)
			}
			return
		}
		want := "Not assessable (" + rule.Title + "): not a number: " + finding.ShowLogical(locs[0].Logical) + " (blank); " + finding.ShowLogical(locs[1].Logical) + " (placeholder “/”)"
		if f.Message != want {
			t.Errorf("message\n%s\nwant\n%s", f.Message, want)
		}
		if h := chineseOutside(f.Message, names...); h != "" {
			t.Errorf("Chinese %q in %q", h, f.Message)
		}
		if locs[0].Message != "blank" || locs[1].Message != "placeholder “/”" {
			t.Errorf("cell states %q, %q", locs[0].Message, locs[1].Message)
		}
	})
}

// Past five cells, the note counts them all; in English with English words.
func TestNotAssessableNoteCountsInBothLanguages(t *testing.T) {
	path := table3(t, strings.Repeat("<td></td>", 7))
	inLanguages(t, func(t *testing.T, lang i18n.Lang) {
		l := newTestLinter(t)
		l.Selection = &Selection{Select: []string{"T3-ROW-SUM"}}
		r := l.Lint(context.Background(), path)
		if r.Err != nil || len(r.Findings) != 1 {
			t.Fatalf("%v %+v", r.Err, r.Findings)
		}
		f := r.Findings[0]
		n := 1 + len(f.Related)
		want := map[i18n.Lang]string{i18n.Zh: fmt.Sprintf("为空白；等共 %d 处，不是数字", n), i18n.En: fmt.Sprintf(" (blank); and others, %d in all", n)}[lang]
		if n <= 5 || !strings.HasSuffix(f.Message, want) {
			t.Errorf("message %q does not end with %q", f.Message, want)
		}
		if lang == i18n.En {
			rule := ruleOf(t, l, f)
			names := []string{rule.Title, f.Location.Logical}
			for _, loc := range f.Related {
				names = append(names, loc.Logical)
			}
			if h := chineseOutside(f.Message, names...); h != "" {
				t.Errorf("Chinese %q in %q", h, f.Message)
			}
		}
	})
}

// An error in a table the importer doubts says so in the run's language.
func TestDoubtInBothLanguages(t *testing.T) {
	path := table3(t, `<td rowspan="99999">0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td>`)
	inLanguages(t, func(t *testing.T, lang i18n.Lang) {
		l := newTestLinter(t)
		l.Selection = &Selection{Select: []string{"T3-ROW-SUM"}}
		r := l.Lint(context.Background(), path)
		if r.Err != nil || len(r.Findings) != 1 || r.Findings[0].Level != finding.Warning {
			t.Fatalf("%v %+v", r.Err, r.Findings)
		}
		msg := r.Findings[0].Message
		want := map[i18n.Lang]*regexp.Regexp{
			i18n.Zh: regexp.MustCompile(`（该表格读取可能不准确：[^。]+；请人工核对）$`),
			i18n.En: regexp.MustCompile(` \(the table may have been read inaccurately: [^。]+[^.]; check it by hand\)$`),
		}[lang]
		if !want.MatchString(msg) {
			t.Errorf("message %q does not match %s", msg, want)
		}
	})
}

// The errors a document's result may carry read in the run's language.
func TestDocumentErrorsInBothLanguages(t *testing.T) {
	l := newTestLinter(t)
	l.Ingest.Limits.Timeout = 2 * time.Second
	missing := filepath.Join(t.TempDir(), "missing.txt")
	want := map[i18n.Lang][]string{
		i18n.Zh: {"文件不存在", "超过每个文档 2s 的时间限制", "内部错误：runtime error"},
		i18n.En: {"file does not exist", "exceeded the time limit of 2s per document", "internal error: runtime error"},
	}
	inLanguages(t, func(t *testing.T, lang i18n.Lang) {
		r := l.Lint(context.Background(), missing)
		timeout := l.readError(fmt.Errorf("read: %w", context.DeadlineExceeded))
		// A panic checking a document (here: a document without a summary compared with
		// the year before) is the document's internal error.
		broken := &pending{res: finding.Result{Path: missing}}
		internal := l.second(context.Background(), broken, &profile.Summary{}, nil).Err
		got := []string{fmt.Sprint(r.Err), fmt.Sprint(timeout), fmt.Sprint(internal)}
		for i, w := range want[lang] {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("got %q, want %q", got[i], w)
			}
		}
		if !errors.Is(r.Err, os.ErrNotExist) {
			t.Errorf("%v does not unwrap to the file system's error", r.Err)
		}
	})
}

// An unknown selection is named in the run's language.
func TestSelectionErrorInBothLanguages(t *testing.T) {
	l := newTestLinter(t)
	bad := Selection{Select: []string{"T3-ROWSUM", "[x"}, Levels: map[string]finding.Level{"NOPE": finding.Note}}
	want := map[i18n.Lang]string{
		i18n.Zh: `没有与之对应的规则："T3-ROWSUM"、"[x"（模式有误）、"NOPE"（级别设置）（可用 reportlint rules 查看规则编号和类别）`,
		i18n.En: `no rule matches "T3-ROWSUM", "[x" (invalid pattern), "NOPE" (level setting) (reportlint rules lists the rule ids and categories)`,
	}
	inLanguages(t, func(t *testing.T, lang i18n.Lang) {
		if err := bad.Check(l.Rules()); err == nil || err.Error() != want[lang] {
			t.Errorf("got %v, want %s", err, want[lang])
		}
	})
}

// Shard errors read in the run's language.
func TestShardErrorsInBothLanguages(t *testing.T) {
	want := map[i18n.Lang][]string{
		i18n.Zh: {"分片 0/5：K 应在 1 到 N（5）之间", "分片数至少为 1，而不是 0", `应为 K/N（如 2/5），而不是 "a/b"`, `未知的分片依据 "x"（可用 body、folder 或 path）`},
		i18n.En: {"shard 0 of 5: K runs from 1 to N (5)", "want at least 1 shard, not 0", `want K/N (such as 2/5), not "a/b"`, `unknown shard key "x" (want body, folder or path)`},
	}
	l := newTestLinter(t)
	inLanguages(t, func(t *testing.T, lang i18n.Lang) {
		var got []string
		for _, s := range []string{"0/5", "1/0", "a/b"} {
			_, err := ParseShard(s)
			got = append(got, fmt.Sprint(err))
		}
		_, err := l.ShardKeys(context.Background(), []string{"a.txt"}, "x")
		got = append(got, fmt.Sprint(err))
		for i, w := range want[lang] {
			if got[i] != w {
				t.Errorf("got %q, want %q", got[i], w)
			}
		}
	})
}
