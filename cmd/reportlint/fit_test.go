package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// The SARIF root is --sarif-root, else the nearest folder holding .git (a folder, or the
// file of a linked work tree), else the working directory.
func TestSARIFRoot(t *testing.T) {
	tmp := t.TempDir()
	repo, worktree, plain := filepath.Join(tmp, "repo"), filepath.Join(tmp, "wt"), filepath.Join(tmp, "plain")
	for _, d := range []string{filepath.Join(repo, ".git"), filepath.Join(repo, "a", "b"), filepath.Join(worktree, "sub"), plain} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(worktree, ".git"), []byte("gitdir: /elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ flag, wd, want string }{
		{"", filepath.Join(repo, "a", "b"), repo},
		{"", repo, repo},
		{"", filepath.Join(worktree, "sub"), worktree},
		{"", "", ""},
		{filepath.Join(repo, "a"), filepath.Join(repo, "a", "b"), filepath.Join(repo, "a")},
	} {
		got, err := sarifRoot(tc.flag, tc.wd)
		if err != nil || got != tc.want {
			t.Errorf("sarifRoot(%q, %q) = %q, %v; want %q", tc.flag, tc.wd, got, err, tc.want)
		}
	}
	// plain has no .git above it inside tmp; whatever holds tmp may, so only check that
	// the answer is plain or one of its parents.
	if got, _ := sarifRoot("", plain); !strings.HasPrefix(plain, got) {
		t.Errorf("sarifRoot in a plain folder = %q", got)
	}
	if _, err := sarifRoot(filepath.Join(tmp, "missing"), repo); err == nil {
		t.Error("a missing --sarif-root was accepted")
	}
}

func TestForceExclude(t *testing.T) {
	paths := []string{"drafts/a.txt", "年报/2023.txt", "x/drafts/b.md", "old-1.txt", "sub/old-2.txt", "-", "keep.md"}
	kept, dropped, err := forceExclude(paths, []string{"drafts", "old-*", "sub/*.txt"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(kept, " "); got != "年报/2023.txt - keep.md" {
		t.Errorf("kept %s", got)
	}
	if len(dropped) != 4 {
		t.Errorf("dropped %v", dropped)
	}
	if _, _, err := forceExclude(paths, []string{"["}, ""); err == nil {
		t.Error("a bad pattern was accepted")
	}
}

// Only a text, Markdown or HTML file named on the command line that DOC-NOT-REPORT finds
// is no report is skipped.
func TestSkipNonReport(t *testing.T) {
	inLang(t, i18n.Zh)
	notReport := []finding.Finding{{RuleID: "DOC-NOT-REPORT", Level: finding.Error}}
	for _, tc := range []struct {
		name   string
		skip   bool
		r      finding.Result
		paths  []string
		remain int
	}{
		{"named note", true, finding.Result{Path: "n.md", Format: "markdown", Findings: notReport}, []string{"n.md"}, 0},
		{"flag off", false, finding.Result{Path: "n.md", Format: "markdown", Findings: notReport}, []string{"n.md"}, 1},
		{"found by a walk", true, finding.Result{Path: "d/n.md", Format: "markdown", Findings: notReport}, []string{"d"}, 1},
		{"a PDF may be a scan", true, finding.Result{Path: "s.pdf", Format: "pdf", Findings: notReport}, []string{"s.pdf"}, 1},
		{"a report", true, finding.Result{Path: "r.txt", Format: "text", Findings: []finding.Finding{{RuleID: "T3-ROW-SUM"}}}, []string{"r.txt"}, 1},
	} {
		io, _, errOut := TestIO()
		opts := &LintOptions{IO: io, Paths: tc.paths}
		opts.SkipNonReports = tc.skip
		got := skipNonReport(opts, tc.r)
		if len(got.Findings) != tc.remain || (tc.remain == 0) != strings.Contains(errOut.String(), "已跳过") {
			t.Errorf("%s: %d findings left, stderr %q", tc.name, len(got.Findings), errOut)
		}
	}
}
