package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/pack"
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
		Short: i18n.T("Scaffold a new rule in a pack folder: source, doc and test cases"),
		Long: i18n.T(`Write the three files a rule ships with into a pack folder, or into a folder packs
include (such as govinfo-common, whose rules and tests every including pack runs), all in
the rule's own folder <category>/<ID>/: the rule (rule.rego, a Rego module, or rule.yaml,
a CEL rule), its doc (README.md, with the sections every rule doc has) and its test cases
(tests.yaml, one that must trigger the rule and one that must not). The new rule works at once: it reports a
placeholder phrase its tests use, so 'reportlint rules test' passes for every pack that
takes it until the condition and the cases are replaced with real ones. Existing files
are never overwritten.`),
		Example: `  reportlint rules new --pack rules/govinfo-common --engine rego --category narrative NAR-FEES
  reportlint rules new --pack rules/govinfo-2021 --engine rego --category narrative NAR-FEES
  reportlint rules new --pack mypack --engine cel --category arithmetic --level warning T2-SUM`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage(i18n.Errorf("new needs exactly one RULE-ID"))
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
	f.StringVar(&opts.Pack, "pack", "", i18n.T("the pack `DIR` (holding pack.yaml, or a folder it includes) to add the rule to"))
	f.StringVar(&opts.Engine, "engine", "rego", i18n.T("rego (structure, narrative) or cel (row, column and cell arithmetic)"))
	f.StringVar(&opts.Category, "category", "", i18n.T("the rule's category tag: section, arithmetic, narrative, metadata or format"))
	f.StringVar(&opts.Level, "level", "error", i18n.T("the rule's level: error, warning or note"))
	f.StringVar(&opts.Title, "title", "", i18n.T("the rule's title, in Chinese (default: a placeholder to replace)"))
	return cmd
}

var ruleID = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$`)

// categories are the tags every rule carries one of (rules/RULES.md lists them).
var categories = []string{"section", "arithmetic", "narrative", "metadata", "format"}

func rulesNewRun(opts *RulesNewOptions) error {
	switch {
	case !ruleID.MatchString(opts.ID):
		return usage(i18n.Errorf("rule id %q: want upper-case words joined by hyphens, such as NAR-FEES", opts.ID))
	case opts.Pack == "":
		return usage(i18n.Errorf("--pack: name the pack folder to add the rule to"))
	case !isDir(opts.Pack):
		return usage(i18n.Errorf("--pack %s: not a folder", opts.Pack))
	case opts.Engine != "rego" && opts.Engine != "cel":
		return usage(i18n.Errorf("--engine: want rego or cel, not %q", opts.Engine))
	case !slices.Contains(categories, opts.Category):
		return usage(i18n.Errorf("--category: want one of %s, not %q", strings.Join(categories, ", "), opts.Category))
	}
	level, err := finding.ParseLevel(opts.Level)
	if err != nil || level == finding.None {
		return usage(i18n.Errorf("--level: want error, warning or note, not %q", opts.Level))
	}
	// The pack layout is engine/pack's: the folder is a pack, or a folder packs include.
	abs, err := filepath.Abs(opts.Pack)
	if err != nil {
		return err
	}
	rel := filepath.Base(abs)
	folder, err := pack.OpenFolder(os.DirFS(filepath.Dir(abs)), rel)
	if err != nil {
		return usage(fmt.Errorf("--pack %s: %w", opts.Pack, err))
	}
	ctx := context.Background()
	where, err := folder.Defines(ctx, opts.ID)
	if err != nil {
		return fmt.Errorf("--pack %s: %w", opts.Pack, err)
	}
	show := func(p string) string { // a path beside the folder, as the user named it
		r, _ := filepath.Rel(rel, filepath.FromSlash(p))
		return filepath.Join(opts.Pack, r)
	}
	if where != "" {
		return usage(i18n.Errorf("rule %s is already defined in %s", opts.ID, show(where)))
	}
	files, err := folder.Scaffold(ctx, pack.NewRule{ID: opts.ID, Engine: opts.Engine, Category: opts.Category, Level: level, Title: opts.Title})
	if err != nil {
		return fmt.Errorf("--pack %s: %w", opts.Pack, err)
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(opts.Pack, f.Path)); err == nil {
			return usage(i18n.Errorf("%s exists; not overwriting it", filepath.Join(opts.Pack, f.Path)))
		}
	}
	for _, f := range files {
		p := filepath.Join(opts.Pack, f.Path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := writeNew(p, []byte(f.Body)); err != nil {
			return err
		}
		fmt.Fprintln(opts.IO.Out, p)
	}
	for _, p := range folder.Packs {
		fmt.Fprint(opts.IO.Out, i18n.Sprintf("运行测试：reportlint rules test %s\n", show(p)))
	}
	return nil
}

// writeNew writes a file that must not exist yet: an existing one is never replaced.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
