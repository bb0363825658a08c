package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/finding"
)

// RulesNewOptions are the settings of `reportlint rules new`.
type RulesNewOptions struct {
	IO       *IOStreams
	ID       string
	Pack     string
	Engine   string
	Category string
	Level    string
	Title    string
}

// NewCmdRulesNew builds `rules new`, which scaffolds a rule: its source, its doc and its
// test cases, the three pieces every rule ships with.
func NewCmdRulesNew(io *IOStreams, runF func(context.Context, *RulesNewOptions) error) *cobra.Command {
	opts := &RulesNewOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "new [flags] RULE-ID",
		Short: "Scaffold a new rule in a pack folder: source, doc and test cases",
		Long: `Write the three files a rule ships with into a pack folder: the rule (a Rego module
under rego/<category>/ or a CEL file under cel/), its doc (docs/<ID>.md, with the sections
every rule doc has) and its test cases (tests/<ID>.yaml, one that must trigger the rule and
one that must not). The rule loads but never fires and its trigger case fails, so
'reportlint rules test DIR' is red until the rule is written. Existing files are never
overwritten.`,
		Example: `  reportlint rules new --pack rules/govinfo-2021 --engine rego --category narrative NAR-FEES
  reportlint rules new --pack mypack --engine cel --category arithmetic --level warning T2-SUM`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("new needs exactly one RULE-ID")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return rulesNewRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Pack, "pack", "", "the pack `DIR` (holding pack.yaml, or a folder it includes) to add the rule to")
	f.StringVar(&opts.Engine, "engine", "rego", "rego (structure, narrative) or cel (row, column and cell arithmetic)")
	f.StringVar(&opts.Category, "category", "", "the rule's category tag: section, arithmetic, narrative, metadata or format")
	f.StringVar(&opts.Level, "level", "error", "the rule's level: error, warning or note")
	f.StringVar(&opts.Title, "title", "", "the rule's title, in Chinese (default: a placeholder to replace)")
	return cmd
}

var ruleID = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$`)

// categories are the tags every rule carries one of (rules/RULES.md lists them).
var categories = []string{"section", "arithmetic", "narrative", "metadata", "format"}

func rulesNewRun(opts *RulesNewOptions) error {
	switch {
	case !ruleID.MatchString(opts.ID):
		return usagef("rule id %q: want upper-case words joined by hyphens, such as NAR-FEES", opts.ID)
	case opts.Pack == "":
		return usagef("--pack: name the pack folder to add the rule to")
	case !isDir(opts.Pack):
		return usagef("--pack %s: not a folder", opts.Pack)
	case opts.Engine != "rego" && opts.Engine != "cel":
		return usagef("--engine: want rego or cel, not %q", opts.Engine)
	case !slices.Contains(categories, opts.Category):
		return usagef("--category: want one of %s, not %q", strings.Join(categories, ", "), opts.Category)
	}
	level, err := finding.ParseLevel(opts.Level)
	if err != nil || level == finding.None {
		return usagef("--level: want error, warning or note, not %q", opts.Level)
	}
	if taken, where := ruleDefined(opts.Pack, opts.ID); taken {
		return usagef("rule %s is already defined in %s", opts.ID, where)
	}
	title := opts.Title
	if title == "" {
		title = "（规则标题：报告应当怎样）"
	}
	name := strings.ToLower(strings.ReplaceAll(opts.ID, "-", "_"))
	var src, body string
	switch opts.Engine {
	case "rego":
		src = filepath.Join(opts.Pack, "rego", opts.Category, name+".rego")
		report := regoBare
		if hasResultLib(opts.Pack) {
			report = regoWithLib
		}
		body = fmt.Sprintf(regoTemplate, title, opts.ID, level, opts.Category, name, report)
	case "cel":
		src = filepath.Join(opts.Pack, "cel", name+".yaml")
		body = fmt.Sprintf(celTemplate, opts.ID, title, level, opts.Category)
	}
	files := []struct{ path, body string }{
		{src, body},
		{filepath.Join(opts.Pack, "docs", opts.ID+".md"), fmt.Sprintf(docTemplate, opts.ID, title)},
		{filepath.Join(opts.Pack, "tests", opts.ID+".yaml"), fmt.Sprintf(testTemplate, opts.ID, level)},
	}
	for _, f := range files {
		if _, err := os.Stat(f.path); err == nil {
			return usagef("%s exists; not overwriting it", f.path)
		}
	}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(f.path, []byte(f.body), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(opts.IO.Out, f.path)
	}
	fmt.Fprintf(opts.IO.Out, "写好规则后运行：reportlint rules test %s\n", opts.Pack)
	return nil
}

// ruleDefined reports whether a rule file under dir already declares id, and where.
func ruleDefined(dir, id string) (bool, string) {
	var where string
	decl := regexp.MustCompile(`(?m)^\s*(?:#\s*)?(?:-\s*)?id:\s*` + regexp.QuoteMeta(id) + `\s*$`)
	errFound := errors.New("found")
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (!strings.HasSuffix(p, ".rego") && !strings.HasSuffix(p, ".yaml")) || strings.Contains(filepath.ToSlash(p), "/tests/") {
			return nil
		}
		if data, err := os.ReadFile(p); err == nil && decl.Match(data) {
			where = p
			return errFound
		}
		return nil
	})
	return where != "", where
}

const regoTemplate = `# METADATA
# title: %s
# description: >-
#   （说明规则检查什么、依据什么。）
# custom:
#   id: %s
#   level: %s
#   tags: [%s]
#   since: 0.0.0
package reportlint.rules.%s

%s`

// The report rule of a scaffold: with the shared result helpers when the pack has them
// (govinfo-common's rego/lib), else a violation object of its own.
const (
	regoWithLib = `import data.reportlint.lib.result

# The input is described in schemas/input.schema.json; reportlint extract FILE prints it for
# a document. Report at the fact that is wrong (a cell, a claim, a section ref).
report contains result.fail(msg, "doc") if {
	false # the condition that makes the report wrong
	msg := "（发现的说明：应为多少，实际为多少）"
}
`
	regoBare = `# The input is described in schemas/input.schema.json; reportlint extract FILE prints it for
# a document. A violation is {"msg", "at"}: "at" is the ref of the fact that is wrong (a
# cell, a claim, a section) or "doc".
report contains {"msg": msg, "at": "doc"} if {
	false # the condition that makes the report wrong
	msg := "（发现的说明：应为多少，实际为多少）"
}
`
)

// hasResultLib reports whether the pack, or a folder it includes, holds the shared result
// helpers (package reportlint.lib.result).
func hasResultLib(dir string) bool {
	dirs := []string{dir}
	if data, err := os.ReadFile(filepath.Join(dir, "pack.yaml")); err == nil {
		var m struct {
			Include []string `yaml:"include"`
		}
		if yaml.Unmarshal(data, &m) == nil {
			for _, inc := range m.Include {
				dirs = append(dirs, filepath.Join(filepath.Dir(filepath.Clean(dir)), inc))
			}
		}
	}
	lib := regexp.MustCompile(`(?m)^package reportlint\.lib\.result$`)
	found := false
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil || found || e.IsDir() || !strings.HasSuffix(p, ".rego") {
				return nil
			}
			if data, err := os.ReadFile(p); err == nil && lib.Match(data) {
				found = true
			}
			return nil
		})
	}
	return found
}

const celTemplate = `# （说明这组规则检查什么。）CEL rules see tables, cells and claims; see schemas/input.schema.json
# and the rules in govinfo-common/cel for the helpers (num, sum, cells, column).
rules:
  - id: %s
    title: %s
    description: （说明规则检查什么、依据什么。）
    level: %s
    tags: [%s]
    since: 0.0.0
    assert: 'true'
    at: '"doc"'
    message: '（发现的说明：应为多少，实际为多少）'
`

const docTemplate = `# %s：%s

## 检查内容

（规则检查什么：哪张表、哪一行或哪句话，应当怎样。）

## 为什么重要

（不这样会有什么问题；依据的文件或条款。）

## 不符合的示例

` + "```text\n（触发本规则的报告片段）\n```" + `

## 符合的示例

` + "```text\n（不触发本规则的报告片段）\n```" + `

## 依据与说明

（格式文件、条例条款或核对实践；是否可能误报，因此为错误、警告还是提示。）
`

const testTemplate = `rule: %s
cases:
  - name: a report with the defect
    doc: |
      （触发本规则的报告片段：用 base: 引用 tests/ 下的文件，再用 edits 改出缺陷）
    want:
      - {at: "1:1", level: %s, message: "（发现的说明）"}
  - name: a report without it
    doc: |
      （不触发本规则的报告片段）
    want: []
`
