package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/i18n"
)

// inLang sets the language of the messages for the rest of the test. Main sets it for a
// run; a test that calls the command line's functions directly says which it expects.
func inLang(t *testing.T, l i18n.Lang) {
	t.Helper()
	prev := i18n.Current()
	i18n.Set(l)
	t.Cleanup(func() { i18n.Set(prev) })
}

// runIn runs the command line in language lang and returns its exit code, standard output
// and standard error.
func runIn(lang string, args ...string) (int, string, string) {
	io, out, errOut := TestIO()
	code := Main(append([]string{"--lang", lang}, args...), io)
	return code, out.String(), errOut.String()
}

// commandPaths are the paths of every command of the tree that help lists, root first.
func commandPaths() []string {
	io, _, _ := TestIO()
	var paths []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		paths = append(paths, c.CommandPath())
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewRootCmd(io))
	return paths
}

// quotedText is text the help quotes: a file, a command or a report's own words.
var quotedText = regexp.MustCompile("“[^”]*”|「[^」]*」|\"[^\"\n]*\"|《[^》]*》|`[^`\n]*`")

// hanOutside is the Chinese text of s that is not quoted.
func hanOutside(s string) string {
	var b strings.Builder
	for _, r := range quotedText.ReplaceAllString(s, "") {
		if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。：；（）、？！", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// namesInProse are the names Chinese help writes as they are: the product, formats,
// encodings, tools, languages.
var namesInProse = map[string]bool{
	"reportlint": true, "sarif": true, "json": true, "html": true, "csv": true, "xlsx": true,
	"junit": true, "github": true, "cel": true, "rego": true, "git": true, "markdown": true,
	"docx": true, "pdf": true, "txt": true, "xml": true, "gbk": true, "zh": true, "en": true,
	"yaml": true, "schema": true, "go": true, "shell": true, "bash": true, "zsh": true,
	"fish": true, "powershell": true, "linux": true, "macos": true, "actions": true,
}

// englishWord is a word of English prose: letters, perhaps with an apostrophe (rule's).
var englishWord = regexp.MustCompile(`^[A-Za-z][a-z]*(?:'[a-z]+)?$`)

// englishRuns finds, in help that should be Chinese, the runs of three or more English
// words in a row, less what Chinese help writes as it is: the command lines of examples
// and instructions, command paths, quoted text, flags, UPPERCASE placeholders, paths and
// URLs, and the names in namesInProse.
func englishRuns(help string, paths []string) []string {
	byLength := slices.Clone(paths)
	slices.SortFunc(byLength, func(a, b string) int { return len(b) - len(a) })
	var runs []string
	for _, line := range strings.Split(help, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed != line && (strings.HasPrefix(trimmed, "reportlint ") || strings.HasPrefix(trimmed, "source ") || strings.HasPrefix(trimmed, "echo ")) {
			continue // a command to type
		}
		for _, p := range byLength {
			line = strings.ReplaceAll(line, p, " ")
		}
		line = quotedText.ReplaceAllString(line, " ")
		// Anything but ASCII letters, digits, spaces and the marks of flags, paths and
		// placeholders ends a run: Chinese text and punctuation, commas, brackets.
		line = strings.Map(func(r rune) rune {
			switch {
			case r == ' ' || r == '\t':
				return ' '
			case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_./=@%[]|<>$~#*+'", r)):
				return r
			}
			return '\n'
		}, line)
		for _, seg := range strings.Split(line, "\n") {
			var run []string
			flush := func() {
				if len(run) >= 3 {
					runs = append(runs, strings.Join(run, " "))
				}
				run = nil
			}
			for _, tok := range strings.Fields(seg) {
				if englishWord.MatchString(tok) && !namesInProse[strings.ToLower(tok)] {
					run = append(run, tok)
				} else {
					flush()
				}
			}
			flush()
		}
	}
	return runs
}

// cobraEnglish are the words of cobra's own help, which Chinese help must not keep.
var cobraEnglish = []string{"Usage:", "Flags:", "Examples:", "Aliases:", "Available Commands", "Additional help topics",
	"Global Flags", "for more information", "help for", "version for", "(default "}

// Every command's help, walked through the whole tree, is in the language asked for:
// English help has no Chinese outside quotes, Chinese help no English prose.
func TestHelpOfEveryCommandInBothLanguages(t *testing.T) {
	paths := commandPaths()
	if len(paths) < 15 || !slices.Contains(paths, "reportlint completion powershell") || !slices.Contains(paths, "reportlint rules new") {
		t.Fatalf("the walk found %d commands: %v", len(paths), paths)
	}
	for _, p := range paths {
		args := append(strings.Fields(p)[1:], "--help")
		t.Run(p, func(t *testing.T) {
			code, en, _ := runIn("en", args...)
			if code != 0 || !strings.Contains(en, "Usage:") {
				t.Fatalf("en: exit %d\n%s", code, en)
			}
			if h := hanOutside(en); h != "" {
				t.Errorf("English help has Chinese: %q\n%s", h, en)
			}
			code, zh, _ := runIn("zh", args...)
			if code != 0 || !strings.Contains(zh, "用法：") {
				t.Fatalf("zh: exit %d\n%s", code, zh)
			}
			if runs := englishRuns(zh, paths); len(runs) > 0 {
				t.Errorf("Chinese help has English prose: %q\n%s", runs, zh)
			}
			for _, s := range cobraEnglish {
				if strings.Contains(zh, s) {
					t.Errorf("Chinese help has cobra's %q\n%s", s, zh)
				}
			}
		})
	}
}

// The check of Chinese help finds English prose, and lets through what Chinese help
// writes as it is.
func TestEnglishRuns(t *testing.T) {
	paths := []string{"reportlint", "reportlint lint"}
	for help, want := range map[string]int{
		"  -o, --output FILE   把报告写入 FILE，而不是标准输出":                   0,
		"  reportlint lint --format sarif -o results.sarif reports/": 0,
		"有发现达到此级别时退出状态为 1：error、warning、note 或 none":                 0,
		"用法：\n  reportlint lint [flags] PATH...":                     0,
		"以 JSON 打印规则所看到的文档内容（见 docs/cli.md、https://example.com/a）":   0,
		"Lint documents and report findings":                         1,
		"  -h, --help   help for lint":                               1,
		"输出格式：write the report to FILE instead of standard output":   2,
		"the rule's level: error, warning or note":                   2,
	} {
		if got := englishRuns(help, paths); len(got) != want {
			t.Errorf("%q: runs %q, want %d", help, got, want)
		}
	}
}

// Usage errors, cobra's and pflag's among them, are in the language of the run, and so is
// the hint that follows them.
func TestUsageErrorsInBothLanguages(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "typo.yaml")
	list := filepath.Join(dir, "list.yaml")
	for name, text := range map[string]string{config: "fail-on: warning\nselct: [T3-ROW-SUM]\n", list: "exclude: {drafts: true}\n"} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name   string
		args   []string
		zh, en []string
	}{
		{"unknown flag", []string{"lint", "--bogus", "r.txt"},
			[]string{"reportlint: 未知的选项：--bogus\n", "运行 'reportlint lint --help' 查看用法。\n"},
			[]string{"reportlint: unknown flag: --bogus\n", "Run 'reportlint lint --help' for usage.\n"}},
		{"unknown shorthand flag", []string{"lint", "-x", "r.txt"},
			[]string{`未知的短选项 'x'（在 -x 中）`}, []string{`unknown shorthand flag: 'x' in -x`}},
		{"flag without its value", []string{"lint", "r.txt", "--format"},
			[]string{"选项缺少值：--format"}, []string{"flag needs an argument: --format"}},
		{"value that does not parse", []string{"lint", "-j", "many", "r.txt"},
			[]string{`选项 "-j, --jobs" 的值 "many" 无效：应为整数`}, []string{`invalid argument "many" for "-j, --jobs" flag: must be an integer`}},
		{"format with a suggestion", []string{"lint", "--no-config", "--format", "sarf", "r.txt"},
			[]string{`--format: 未知的格式 "sarf"（可用：text, json, sarif, github, junit, html, csv, xlsx）；是否指 sarif？`},
			[]string{`--format: unknown format "sarf" (want text, json, sarif, github, junit, html, csv, xlsx); did you mean sarif?`}},
		{"unknown command", []string{"lnt"},
			[]string{`"reportlint" 没有子命令 "lnt"` + "\n\n是否指：\n\tlint\n", "运行 'reportlint --help' 查看用法。"},
			[]string{`unknown command "lnt" for "reportlint"` + "\n\nDid you mean this?\n\tlint\n", "Run 'reportlint --help' for usage."}},
		{"argument to a command that takes none", []string{"rules", "bogus"},
			[]string{`"reportlint rules" 没有子命令 "bogus"`, "运行 'reportlint rules --help' 查看用法。"},
			[]string{`unknown command "bogus" for "reportlint rules"`, "Run 'reportlint rules --help' for usage."}},
		{"key of the configuration file", []string{"lint", "--config", config, "r.txt"},
			[]string{config + `:2: 未知的键 "selct"（可用：select, ignore, levels, exclude, fail-on, pack, blank-as-zero, repeat-threshold, params, baseline, lang）；是否指 select？`},
			[]string{config + `:2: unknown key "selct" (known: select, ignore, levels, exclude, fail-on, pack, blank-as-zero, repeat-threshold, params, baseline, lang); did you mean select?`}},
		{"value in the configuration file", []string{"lint", "--config", list, "r.txt"},
			[]string{list + ":1: exclude: 应为由 shell 模式组成的列表，而不是 YAML 映射\n"},
			[]string{list + ":1: exclude: want a list of shell patterns, not a YAML mapping\n"}},
		{"missing argument", []string{"lint"},
			[]string{"lint 至少需要一个 PATH"}, []string{"lint needs at least one PATH"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, lang := range []string{"zh", "en"} {
				code, _, stderr := runIn(lang, tc.args...)
				want := map[string][]string{"zh": tc.zh, "en": tc.en}[lang]
				for _, w := range want {
					if code != exitError || !strings.Contains(stderr, w) {
						t.Errorf("%s: exit %d, stderr\n%s\nwant 2 and %q", lang, code, stderr, w)
					}
				}
				if lang == "en" && hanOutside(stderr) != "" {
					t.Errorf("en: Chinese in %q", stderr)
				}
				if lang == "zh" && (strings.Contains(stderr, "unknown") || strings.Contains(stderr, "Run '")) {
					t.Errorf("zh: English in %q", stderr)
				}
			}
		})
	}
}

// Cobra's errors about the number of arguments are recognised and translated, and other
// errors are left as they are.
func TestTranslateCobraError(t *testing.T) {
	for _, tc := range []struct{ in, zh, en string }{
		{"requires at least 1 arg(s), only received 0", "至少需要 1 个参数，只给了 0 个", "requires at least 1 arg(s), only received 0"},
		{"accepts at most 2 arg(s), received 3", "最多接受 2 个参数，给了 3 个", "accepts at most 2 arg(s), received 3"},
		{"accepts 1 arg(s), received 2", "需要 1 个参数，给了 2 个", "accepts 1 arg(s), received 2"},
		{"accepts between 1 and 2 arg(s), received 0", "需要 1 到 2 个参数，给了 0 个", "accepts between 1 and 2 arg(s), received 0"},
		{`required flag(s) "pack" not set`, `缺少必需的选项："pack"`, `required flag(s) "pack" not set`},
		{"open r.txt: no such file or directory", "open r.txt: no such file or directory", "open r.txt: no such file or directory"},
	} {
		for lang, want := range map[i18n.Lang]string{i18n.Zh: tc.zh, i18n.En: tc.en} {
			inLang(t, lang)
			if got := translateCobraError(errors.New(tc.in)); got.Error() != want {
				t.Errorf("%v: %q became %q, want %q", lang, tc.in, got, want)
			}
		}
	}
	if translateCobraError(nil) != nil {
		t.Error("nil became an error")
	}
}

// The page serve answers with is in the language of the run.
func TestUploadPageInBothLanguages(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		inLang(t, lang)
		var page strings.Builder
		if err := uploadPage.Execute(&page, newUploadText(200)); err != nil {
			t.Fatal(err)
		}
		switch lang {
		case i18n.En:
			if h := hanOutside(page.String()); h != "" || !strings.Contains(page.String(), `<html lang="en">`) || !strings.Contains(page.String(), "at most 200 at once") {
				t.Errorf("en: Chinese %q in\n%s", h, page.String())
			}
		default:
			if !strings.Contains(page.String(), `<html lang="zh-CN">`) || !strings.Contains(page.String(), "一次最多 200 份") {
				t.Errorf("zh:\n%s", page.String())
			}
		}
	}
}
