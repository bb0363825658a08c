package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/output"
)

// fitFlags are the lint flags that fit reportlint into the places it runs: code scanning
// (--sarif-root) and pre-commit hooks (--force-exclude, --skip-non-reports).
type fitFlags struct {
	SARIFRoot      string
	ForceExclude   bool
	SkipNonReports bool
	// configOrigin maps a flag whose value came from the configuration file to where:
	// "FILE:LINE: KEY".
	configOrigin map[string]string
}

func addFitFlags(cmd *cobra.Command, ff *fitFlags) {
	f := cmd.Flags()
	f.StringVar(&ff.SARIFRoot, "sarif-root", "", i18n.T("make SARIF artifact URIs relative to this `FOLDER` (%SRCROOT%) (default: the Git work tree holding the working directory, else the working directory)"))
	f.BoolVar(&ff.ForceExclude, "force-exclude", false, i18n.T("apply --exclude (and the configuration file's exclude) to the paths named on the command line too, as pre-commit hooks need"))
	f.BoolVar(&ff.SkipNonReports, "skip-non-reports", false, i18n.T("skip, with a note, a text, Markdown or HTML file named on the command line that is plainly not a report (DOC-NOT-REPORT), instead of failing it"))
	_ = cmd.MarkFlagDirname("sarif-root")
}

// sarifRoot is the folder SARIF artifact URIs are relative to: --sarif-root, else the Git
// work tree holding the working directory, else the working directory.
func sarifRoot(flag, wd string) (string, error) {
	if flag != "" {
		abs, err := filepath.Abs(flag)
		if err != nil {
			return "", usage(fmt.Errorf("--sarif-root: %w", err))
		}
		if !isDir(abs) {
			return "", usage(i18n.Errorf("--sarif-root: %s is not a folder", flag))
		}
		return abs, nil
	}
	if wd == "" {
		return "", nil
	}
	return cmp.Or(gitWorkTree(wd), wd), nil
}

// gitWorkTree returns the nearest folder at or above dir holding .git (a folder, or the
// file a linked work tree or a submodule has), or "". It does not run git.
func gitWorkTree(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// forceExclude leaves out of the paths named on the command line those an exclude pattern
// matches: by the name of the file or of any folder on its path, or by the path itself or
// a leading part of it, relative to the configuration file's folder (when the path is
// inside it) or as given. It returns the paths kept and the ones left out.
func forceExclude(paths, exclude []string, configFile string) (kept, dropped []string, err error) {
	for _, pat := range exclude {
		if _, err := filepath.Match(pat, ""); err != nil {
			return nil, nil, usage(i18n.Errorf("exclude pattern %q: %v", pat, err))
		}
	}
	base := ""
	if configFile != "" {
		base, _ = filepath.Abs(filepath.Dir(configFile))
	}
	for _, p := range paths {
		if p == "-" || !excludedPath(p, exclude, base) {
			kept = append(kept, p)
		} else {
			dropped = append(dropped, p)
		}
	}
	return kept, dropped, nil
}

func excludedPath(p string, exclude []string, base string) bool {
	rel := filepath.Clean(p)
	if base != "" {
		if abs, err := filepath.Abs(p); err == nil {
			if r, err := filepath.Rel(base, abs); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				rel = r
			}
		}
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i := range parts {
		lead := strings.Join(parts[:i+1], "/")
		for _, pat := range exclude {
			if ok, _ := filepath.Match(pat, parts[i]); ok {
				return true
			}
			if ok, _ := filepath.Match(pat, lead); ok {
				return true
			}
		}
	}
	return false
}

// prepareLint checks the choice flags (suggesting the value meant) and applies
// --force-exclude to opts.Paths. It reports whether nothing is left to lint, which is no
// error: a hook given only excluded files has nothing to judge.
func prepareLint(opts *LintOptions, configFile string) (nothingLeft bool, err error) {
	if err := checkChoices(opts); err != nil {
		return false, err
	}
	if !opts.ForceExclude || len(opts.Exclude) == 0 {
		return false, nil
	}
	kept, dropped, err := forceExclude(opts.Paths, opts.Exclude, configFile)
	if err != nil {
		return false, err
	}
	opts.Paths = kept
	if len(kept) == 0 {
		fmt.Fprint(opts.IO.ErrOut, i18n.Sprintf("reportlint: 没有要检查的文档：%d 个文件均被 exclude 排除（--force-exclude）\n", len(dropped)))
		return true, nil
	}
	return false, nil
}

// skippableFormats are the formats in which a document without a title, a section or a
// table is plainly not a report. A PDF or DOCX that reads so is more likely a report whose
// text cannot be read (a scan), and stays a finding.
var skippableFormats = []string{"text", "markdown", "html"}

// skipNonReport drops, under --skip-non-reports, the findings of a document named on the
// command line that DOC-NOT-REPORT finds is not a report, and notes the skip on standard
// error.
func skipNonReport(opts *LintOptions, r finding.Result) finding.Result {
	if !opts.SkipNonReports || r.Err != nil || !slices.Contains(skippableFormats, r.Format) ||
		!slices.Contains(opts.Paths, r.Path) {
		return r
	}
	if !slices.ContainsFunc(r.Findings, func(f finding.Finding) bool { return f.RuleID == "DOC-NOT-REPORT" }) {
		return r
	}
	fmt.Fprint(opts.IO.ErrOut, i18n.Sprintf("reportlint: 已跳过 %s：不是政府信息公开工作年度报告（没有标题、六个部分或统计表；--skip-non-reports）\n", output.EscapeControl(r.Path)))
	r.Findings = nil
	r.Lines = nil
	return r
}

// attributeConfig rewrites a usage error about a flag whose value came from the
// configuration file so that it names the file, line and key instead of the flag:
// "--pack: ..." becomes ".reportlint.yaml:3: pack: ...".
func attributeConfig(err error, opts *LintOptions) error {
	var ue usageError
	if err == nil || len(opts.configOrigin) == 0 || !errors.As(err, &ue) {
		return err
	}
	msg := ue.Error()
	if rest, ok := strings.CutPrefix(msg, "--select/--ignore/--level"); ok {
		var from []string
		for _, flag := range []string{"select", "ignore", "level"} {
			if o, ok := opts.configOrigin[flag]; ok {
				from = append(from, o)
			} else if flag == "select" && len(opts.Select) > 0 || flag == "ignore" && len(opts.Ignore) > 0 || flag == "level" && len(opts.Levels) > 0 {
				from = append(from, "--"+flag)
			}
		}
		return usage(fmt.Errorf("%s%s", strings.Join(from, ", "), rest))
	}
	for flag, origin := range opts.configOrigin {
		if rest, ok := strings.CutPrefix(msg, "--"+flag); ok && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " ")) {
			return usage(fmt.Errorf("%s%s", origin, strings.TrimPrefix(rest, " ")))
		}
	}
	return err
}
