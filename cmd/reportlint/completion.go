package main

import (
	"context"
	"io/fs"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/rules"
)

// registerCompletions gives shell completion (reportlint completion bash|zsh|fish|
// powershell) the values of the flags that take one of a list: the choice flags, --pack
// (the bundled packs, or a folder), and the rule ids and categories of --select, --ignore
// and --level; `rules explain` completes rule ids.
func registerCompletions(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		lint := c.Name() == "lint"
		for _, ch := range choices {
			if lint || c.Name() == "merge" || ch.flag == "input-format" || ch.flag == "charset" {
				complete(c, ch.flag, fixed(ch.values))
			}
		}
		if c.Name() == "rules" {
			complete(c, "format", fixed(func() []string { return []string{"text", "json", "markdown"} }))
		}
		if c.Name() != "new" { // rules new --pack takes a folder
			complete(c, "pack", completePack)
		}
		if lint {
			complete(c, "select", completeRuleList)
			complete(c, "ignore", completeRuleList)
			complete(c, "level", completeLevel)
		}
		if c.Name() == "explain" && c.Parent() != nil && c.Parent().Name() == "rules" && c.ValidArgsFunction == nil {
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				ids, _ := bundledRuleNames(false)
				return prefixed(ids, toComplete), cobra.ShellCompDirectiveNoFileComp
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

type completeFunc = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

// complete registers f for the flag of c, when c has it.
func complete(c *cobra.Command, flag string, f completeFunc) {
	if c.Flags().Lookup(flag) != nil {
		_ = c.RegisterFlagCompletionFunc(flag, f)
	}
}

func fixed(values func() []string) completeFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return prefixed(values(), toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// prefixed keeps the values that start with prefix.
func prefixed(values []string, prefix string) []string {
	var out []string
	for _, v := range values {
		if strings.HasPrefix(v, prefix) {
			out = append(out, v)
		}
	}
	return out
}

// bundledPackRefs lists the bundled packs as NAME and NAME@VERSION, read from their
// manifests without compiling them.
func bundledPackRefs() []string {
	var out []string
	for _, name := range rules.Names() {
		data, err := fs.ReadFile(rules.FS(), name+"/pack.yaml")
		if err != nil {
			continue
		}
		var m struct{ Name, Version string }
		if yaml.Unmarshal(data, &m) != nil || m.Name == "" {
			continue
		}
		out = append(out, m.Name, m.Name+"@"+m.Version)
	}
	return out
}

// completePack offers the bundled packs; a folder holding a pack is completed as a file
// name when none matches.
func completePack(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if m := prefixed(bundledPackRefs(), toComplete); len(m) > 0 {
		return m, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// bundledRuleNames lists the rule ids of the bundled packs, sorted, with their category
// tags when tags is set.
func bundledRuleNames(tags bool) ([]string, error) {
	packs, _, err := loadPacks(context.Background(), packFlags{}, false)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range packs {
		for _, r := range p.Rules() {
			out = append(out, r.ID)
			if tags {
				out = append(out, r.Tags...)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// completeRuleList completes the last entry of a comma-separated list of rule ids and
// categories (--select T3-ROW-SUM,ari → T3-ROW-SUM,arithmetic).
func completeRuleList(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	names, err := bundledRuleNames(true)
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	head, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		head, last = toComplete[:i+1], toComplete[i+1:]
	}
	var out []string
	for _, n := range prefixed(names, last) {
		out = append(out, head+n)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeLevel completes ID=LEVEL: the rule id first (then =, without a space), then the
// level.
func completeLevel(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if id, lv, ok := strings.Cut(toComplete, "="); ok {
		var out []string
		for _, l := range prefixed([]string{"error", "warning", "note"}, lv) {
			out = append(out, id+"="+l)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	ids, err := bundledRuleNames(false)
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, id := range prefixed(ids, toComplete) {
		out = append(out, id+"=")
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}
