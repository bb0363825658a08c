package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/ruletest"
)

// RulesOptions are the settings of `reportlint rules`.
type RulesOptions struct {
	IO     *IOStreams
	Format string
	packFlags
}

// NewCmdRules builds the rules command.
func NewCmdRules(io *IOStreams, runF func(context.Context, *RulesOptions) error) *cobra.Command {
	opts := &RulesOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "rules [flags]",
		Short: i18n.T("List the rule packs and their rules"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return rulesRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", i18n.T("output format: text, json or markdown (the catalogue in rules/RULES.md)"))
	addPackFlags(cmd, &opts.packFlags)
	cmd.AddCommand(NewCmdRulesTest(io, nil), NewCmdRulesExplain(io), NewCmdRulesNew(io, nil), NewCmdRulesSchema(io))
	return cmd
}

func rulesRun(ctx context.Context, opts *RulesOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	packs, _, err := loadPacks(ctx, opts.packFlags, false)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json":
		type packOut struct {
			Name    string             `json:"name"`
			Version string             `json:"version"`
			Title   string             `json:"title"`
			Edition string             `json:"edition"`
			Params  map[string]float64 `json:"params"`
			Rules   []finding.Rule     `json:"rules"`
		}
		var out []packOut
		for _, p := range packs {
			out = append(out, packOut{p.Name, p.Version, p.Title, p.Edition, p.Params, p.Rules()})
		}
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case "markdown":
		return rulesMarkdown(opts.IO.Out, packs)
	case "text":
	default:
		return usage(i18n.Errorf("--format: want text, json or markdown, not %q", opts.Format))
	}
	return rulesText(opts.IO.Out, packs)
}

// rulesText lists each pack, with its rules in a table and its parameters.
func rulesText(w io.Writer, packs []*pack.Pack) error {
	for i, p := range packs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprint(w, i18n.Sprintf("%s  %s（报告年度 %s，%d 条规则）\n", p.Ref(), p.Title, packYears(p), len(p.Rules())))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, i18n.T("ID\tLEVEL\tTAGS\tENGINE\tTITLE"))
		for _, r := range p.Rules() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Level, strings.Join(r.Tags, ","), r.Engine, r.Title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if len(p.Params) > 0 {
			var ps []string
			for _, k := range slices.Sorted(maps.Keys(p.Params)) {
				ps = append(ps, fmt.Sprintf("%s=%v", k, p.Params[k]))
			}
			fmt.Fprint(w, i18n.Sprintf("参数（--param 可改）：%s\n", strings.Join(ps, " ")))
		}
	}
	return nil
}

// packYears is the report years a pack is for: 2021– or 2019–2020.
func packYears(p *pack.Pack) string {
	years := fmt.Sprintf("%d–", p.Years.From)
	if p.Years.To != 0 {
		years += fmt.Sprint(p.Years.To)
	}
	return years
}

// RulesTestOptions are the settings of `reportlint rules test`.
type RulesTestOptions struct {
	IO      *IOStreams
	Targets []string
	Verbose bool
}

// NewCmdRulesTest builds `rules test`.
func NewCmdRulesTest(io *IOStreams, runF func(context.Context, *RulesTestOptions) error) *cobra.Command {
	opts := &RulesTestOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "test [PACK|DIR]...",
		Short: i18n.T("Run the rule tests of packs (default: every bundled pack)"),
		Long: i18n.T(`Run each rule's test cases: documents that must trigger the rule with exactly the
findings listed, and documents that must not trigger it. Missing and unexpected findings
fail, and so does a rule without both kinds of case. Rego built-in errors are raised.`),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Targets = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return rulesTestRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, i18n.T("list every rule, not only failures"))
	return cmd
}

func rulesTestRun(ctx context.Context, opts *RulesTestOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	targets := opts.Targets
	if len(targets) == 0 {
		targets = []string{""}
	}
	failed := 0
	for _, t := range targets {
		packs, forced, err := loadPacks(ctx, packFlags{Pack: t}, true)
		if err != nil {
			return err
		}
		if forced != nil {
			packs = []*pack.Pack{forced}
		}
		for _, p := range packs {
			outcomes, err := ruletest.Run(ctx, p)
			if err != nil {
				return i18n.Errorf("pack %s: %w", p.Ref(), err)
			}
			cases, bad := 0, 0
			for _, o := range outcomes {
				cases += o.Cases
				if !o.OK() {
					bad++
					fmt.Fprintf(opts.IO.Out, "FAIL %s %s\n", p.Ref(), o.Rule)
					for _, e := range o.Errors {
						fmt.Fprintf(opts.IO.Out, "    %s\n", e)
					}
				} else if opts.Verbose {
					fmt.Fprint(opts.IO.Out, i18n.Sprintf("ok   %s %s (%d cases)\n", p.Ref(), o.Rule, o.Cases))
				}
			}
			status := "ok  "
			if bad > 0 {
				status = "FAIL"
			}
			fmt.Fprint(opts.IO.Out, i18n.Sprintf("%s %s: %d rules, %d cases, %d failing rules\n", status, p.Ref(), len(outcomes), cases, bad))
			failed += bad
		}
	}
	if failed > 0 {
		return findingsError{}
	}
	return nil
}

// NewCmdRulesExplain builds `rules explain ID`.
func NewCmdRulesExplain(io *IOStreams) *cobra.Command {
	var pf packFlags
	cmd := &cobra.Command{
		Use:   "explain [flags] RULE-ID",
		Short: i18n.T("Print a rule's documentation"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage(i18n.Errorf("explain needs exactly one RULE-ID"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			packs, _, err := loadPacks(ctx, pf, false)
			if err != nil {
				return err
			}
			id := strings.ToUpper(args[0])
			for _, p := range packs {
				r, ok := p.Rule(id)
				if !ok {
					continue
				}
				var in []string
				for _, q := range packs {
					if _, ok := q.Rule(id); ok {
						in = append(in, q.Ref())
					}
				}
				fmt.Fprint(io.Out, i18n.Sprintf("%s  %s\n级别：%s　类别：%s　引擎：%s　定义：%s　规则包：%s　始于：%s\n", r.ID, r.Title, r.Level, strings.Join(r.Tags, ","), r.Engine, r.Source, strings.Join(in, ", "), r.Since))
				if r.HelpURI != "" {
					fmt.Fprint(io.Out, i18n.Sprintf("文档：%s\n", r.HelpURI))
				}
				fmt.Fprintln(io.Out)
				help := r.Help
				if help == "" {
					help = r.Description + "\n"
				}
				fmt.Fprint(io.Out, help)
				return nil
			}
			var ids []string
			for _, q := range packs {
				for _, r := range q.Rules() {
					ids = append(ids, r.ID)
				}
			}
			slices.Sort(ids)
			return usage(i18n.Errorf("no rule %s in %s%s", id, packNames(packs), didYouMean(id, slices.Compact(ids))))
		},
	}
	addPackFlags(cmd, &pf)
	return cmd
}

func packNames(packs []*pack.Pack) string {
	var names []string
	for _, p := range packs {
		names = append(names, p.Ref())
	}
	return strings.Join(names, ", ")
}

// levelPolicy is what each level promises, the policy every rule's level follows.
func levelPolicy() string {
	return i18n.T(`
## 级别的含义 (level policy)

一条发现是对别人工作的判断，级别说明这个判断有多确定：

- **error（错误）**：确定无疑的矛盾——无歧义读到的数字彼此不符（表内合计、勾稽关系、正文数字与表格），
  或格式明确要求的内容确实缺失（缺少部分、缺少统计表、缺少表格行）。
- **warning（警告）**：很可能的问题，或一条经验规则而其前提成立：例如按期发布（已读到发布日期）、
  有无制定规章权限（已从机关名称判断）、跨年度衔接、数字单位、正文列举的各类结果之和。
- **note（提示）**：无法判定，或判断的前提无法确立：单元格空白或为占位符、数字连写无法唯一拆分、
  表格读取存疑、正文的数字口径可能不同（把上年结转算作收到、只说明代表政府受理的部分）、
  全零报告请人工确认。

读取本身有疑问时（导入器标记的表格、无框线 PDF 表格），本应是 error 的发现降为 warning 并说明疑点。
正文中的数字只有在能确定它说的是哪一项数量时才与表格比较；读不准的数字不作比较，不会产生错误。
每条规则的级别都按此审查过（见各规则文档）。
`)
}

// rulesMarkdown writes the rule catalogue: per pack, every rule with its level, category
// and title, linked to its doc. rules/RULES.md is the Chinese one.
func rulesMarkdown(w io.Writer, packs []*pack.Pack) error {
	var b strings.Builder
	b.WriteString(i18n.T("# Rule catalogue\n\nGenerated by `reportlint rules --format markdown`; do not edit by hand.\n"))
	b.WriteString(levelPolicy())
	for _, p := range packs {
		fmt.Fprint(&b, i18n.Sprintf("\n## %s\n\n%s，报告年度 %s，%d 条规则。\n\n", p.Ref(), p.Title, packYears(p), len(p.Rules())))
		counts := map[string]int{}
		for _, r := range p.Rules() {
			for _, t := range r.Tags {
				counts[t]++
			}
		}
		b.WriteString(i18n.T("| 类别 | 规则数 |\n|---|---|\n"))
		for _, c := range finding.Categories() {
			fmt.Fprintf(&b, "| %s | %d |\n", c, counts[c])
		}
		b.WriteString(i18n.T("\n| ID | 级别 | 类别 | 引擎 | 标题 |\n|---|---|---|---|---|\n"))
		for _, r := range p.Rules() {
			id := r.ID
			if r.HelpURI != "" {
				id = fmt.Sprintf("[%s](%s)", r.ID, r.HelpURI)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", id, r.Level, strings.Join(r.Tags, ", "), r.Engine, r.Title)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// NewCmdRulesSchema builds `rules schema`, which prints the JSON Schema of the input a
// pack's rules see, with the pack's tables, rows and columns spelled out: for editors and
// for writing rules.
func NewCmdRulesSchema(io *IOStreams) *cobra.Command {
	var pf packFlags
	cmd := &cobra.Command{
		Use:   "schema --pack NAME[@VERSION]|DIR",
		Short: i18n.T("Print the JSON Schema of the input a pack's rules see"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			packs, forced, err := loadPacks(ctx, pf, false)
			if err != nil {
				return err
			}
			if forced == nil {
				return usage(i18n.Errorf("--pack: name the pack (%s)", packNames(packs)))
			}
			var out bytes.Buffer
			if err := json.Indent(&out, forced.InputSchema(), "", "  "); err != nil {
				return err
			}
			out.WriteByte('\n')
			_, err = out.WriteTo(io.Out)
			return err
		},
	}
	addPackFlags(cmd, &pf)
	return cmd
}
