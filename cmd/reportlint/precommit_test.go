package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// preCommitHook is a hook of .pre-commit-hooks.yaml.
type preCommitHook struct {
	ID, Entry, Language, Files, Exclude string
}

func readHooks(t *testing.T) []preCommitHook {
	t.Helper()
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	return hooks
}

// The pre-commit hooks run a command that exists with flags it has, pick up every extension
// reportlint reads and nothing it refuses, and leave out the usual project files.
func TestPreCommitHook(t *testing.T) {
	hooks := readHooks(t)
	var ids []string
	for _, h := range hooks {
		ids = append(ids, h.ID+":"+h.Language)
	}
	if got := strings.Join(ids, " "); got != "reportlint:golang reportlint-system:system reportlint-docker:docker" {
		t.Fatalf("hooks = %s", got)
	}
	for _, h := range hooks {
		args := strings.Fields(h.Entry)
		cmd, rest, err := NewRootCmd(&IOStreams{}).Find(args[1:])
		if err != nil || cmd.Name() != "lint" || args[0] != "reportlint" {
			t.Fatalf("%s: entry %q: %v", h.ID, h.Entry, err)
		}
		if err := cmd.ParseFlags(rest); err != nil {
			t.Fatalf("%s: entry %q: %v", h.ID, h.Entry, err)
		}
		for _, flag := range []string{"force-exclude", "skip-non-reports"} {
			if !cmd.Flags().Changed(flag) {
				t.Errorf("%s: entry %q does not pass --%s", h.ID, h.Entry, flag)
			}
		}
		files, exclude := regexp.MustCompile(h.Files), regexp.MustCompile(h.Exclude)
		picks := func(name string) bool { return files.MatchString(name) && !exclude.MatchString(name) }
		for _, name := range []string{"a.txt", "b.MD", "c.markdown", "d.html", "e.htm", "f.shtml", "g.docx", "h.PDF",
			"年报/2023年政府信息公开工作年度报告.txt", "reports/licensed-报告.txt", "docsets/a.md"} {
			if !picks(name) {
				t.Errorf("%s skips %s", h.ID, name)
			}
		}
		for _, name := range []string{"a.doc", "b.png", "c.go", "docx.zip", "README.md", "sub/readme.txt",
			"CHANGELOG.md", "LICENSE.txt", "CONTRIBUTING.md", "docs/guide.md", "doc/x.html", ".github/PULL_REQUEST_TEMPLATE.md"} {
			if picks(name) {
				t.Errorf("%s picks %s", h.ID, name)
			}
		}
	}
}

// TestPreCommitEndToEnd commits to a throwaway Git repository through Debian's pre-commit
// and the reportlint-system hook of this repository's .pre-commit-hooks.yaml, with this
// reportlint on PATH: a README, a note that is not a report, a good report and a bad one in
// a folder .reportlint.yaml excludes pass; a bad report blocks the commit.
func TestPreCommitEndToEnd(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		needTool(t, "pre-commit", "apt-get install pre-commit")
	}
	if _, err := exec.LookPath("git"); err != nil {
		needTool(t, "git", "apt-get install git")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "reportlint"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	env := append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+tmp, "PRE_COMMIT_HOME="+filepath.Join(tmp, "cache"), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "NO_COLOR=1")
	run := func(dir string, args ...string) (string, error) {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(dir string, args ...string) string {
		t.Helper()
		out, err := run(dir, args...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	}
	write := func(path, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(path string) string {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}

	// pre-commit itself accepts the hook definitions.
	must(".", "pre-commit", "validate-manifest", "../../.pre-commit-hooks.yaml")

	// The hook repository: this repository's hook definitions, committed.
	hooks := filepath.Join(tmp, "hooks")
	write(filepath.Join(hooks, ".pre-commit-hooks.yaml"), read("../../.pre-commit-hooks.yaml"))
	must(hooks, "git", "init", "-q", "-b", "main")
	must(hooks, "git", "add", ".")
	must(hooks, "git", "commit", "-q", "-m", "hooks")
	rev := strings.TrimSpace(must(hooks, "git", "rev-parse", "HEAD"))

	// The project: reports in 年报/, a README, notes, and drafts the configuration excludes.
	proj := filepath.Join(tmp, "project")
	write(filepath.Join(proj, ".pre-commit-config.yaml"), "repos:\n  - repo: "+hooks+"\n    rev: "+rev+"\n    hooks:\n      - id: reportlint-system\n")
	write(filepath.Join(proj, ".reportlint.yaml"), "exclude: [drafts]\nlang: zh\n") // whatever the locale
	write(filepath.Join(proj, "README.md"), "# 年报仓库\n\n这里存放本机关历年的政府信息公开工作年度报告。\n")
	write(filepath.Join(proj, "notes.txt"), "待办：核对表三数字。\n")
	write(filepath.Join(proj, "年报", "2023年报告.txt"), read("../../fixtures/2023_chanhe_zhengshuju.txt"))
	bad := read("../../fixtures/variants/defect-row-total.txt")
	write(filepath.Join(proj, "drafts", "草稿.txt"), bad)
	must(proj, "git", "init", "-q", "-b", "main")
	must(proj, "pre-commit", "install")
	must(proj, "git", "add", ".")
	out := must(proj, "git", "commit", "-m", "reports")
	if !strings.Contains(out, "reportlint (installed binary)") || !strings.Contains(out, "Passed") {
		t.Errorf("the hook did not run and pass:\n%s", out)
	}

	// A bad report blocks the commit, naming the rule it breaks.
	write(filepath.Join(proj, "年报", "2024年报告.txt"), bad)
	must(proj, "git", "add", ".")
	out, err := run(proj, "git", "commit", "-m", "bad report")
	if err == nil || !strings.Contains(out, "Failed") || !strings.Contains(out, "error[T3-ROW-SUM]") {
		t.Fatalf("a bad report was committed (err %v):\n%s", err, out)
	}

	// The note, named alone, is skipped with a note rather than failing.
	out, err = run(proj, "pre-commit", "run", "reportlint-system", "--verbose", "--files", "notes.txt")
	if err != nil || !strings.Contains(out, "已跳过 notes.txt") {
		t.Errorf("a file that is not a report failed the hook (err %v):\n%s", err, out)
	}
}
