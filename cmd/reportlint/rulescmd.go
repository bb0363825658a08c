package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/finding"
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
		Short: "List the rule packs and their rules",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return rulesRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	addPackFlags(cmd, &opts.packFlags)
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
			Name    string         `json:"name"`
			Version string         `json:"version"`
			Title   string         `json:"title"`
			Edition string         `json:"edition"`
			Rules   []finding.Rule `json:"rules"`
		}
		var out []packOut
		for _, p := range packs {
			out = append(out, packOut{p.Name, p.Version, p.Title, p.Edition, p.Rules()})
		}
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case "text":
	default:
		return usagef("--format: want text or json, not %q", opts.Format)
	}
	for i, p := range packs {
		if i > 0 {
			fmt.Fprintln(opts.IO.Out)
		}
		years := fmt.Sprintf("%d–", p.Years.From)
		if p.Years.To != 0 {
			years += fmt.Sprint(p.Years.To)
		}
		fmt.Fprintf(opts.IO.Out, "%s  %s（报告年度 %s，%d 条规则）\n", p.Ref(), p.Title, years, len(p.Rules()))
		tw := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tLEVEL\tTAGS\tENGINE\tTITLE")
		for _, r := range p.Rules() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Level, strings.Join(r.Tags, ","), r.Engine, r.Title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
