package main

import (
	"fmt"
	"github.com/reportlint/reportlint/engine/i18n"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// writeCLIReference writes the command-line reference, generated from the command tree so
// that it cannot drift from the flags: every command with its usage, description, examples
// and flags, in the language the tree was built in (docs/cli.md is the English one).
func writeCLIReference(w io.Writer, root *cobra.Command) error {
	var b strings.Builder
	b.WriteString(i18n.T("# reportlint command-line reference\n\nGenerated from the command tree (`make generate`); do not edit by hand.\n"))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n```\n%s\n```\n", c.CommandPath(), c.Short, c.UseLine())
		if c.Long != "" {
			fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(c.Long))
		}
		if c.Example != "" {
			fmt.Fprintf(&b, "\nExamples:\n\n```sh\n%s\n```\n", strings.TrimRight(dedent(c.Example), "\n"))
		}
		if flags := documentedFlags(c); flags != "" {
			fmt.Fprintf(&b, "\n%s\n\n```\n%s```\n", i18n.T("Flags:"), flags)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	_, err := io.WriteString(w, b.String())
	return err
}

// documentedFlags are the usage lines of the flags of c the reference lists: its own,
// less -h/--help, which every command has.
func documentedFlags(c *cobra.Command) string {
	if help := c.Flags().Lookup("help"); help != nil && !help.Hidden {
		help.Hidden = true
		defer func() { help.Hidden = false }()
	}
	return c.NonInheritedFlags().FlagUsagesWrapped(100)
}

// dedent removes the two-space indent cobra examples carry.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "  ")
	}
	return strings.Join(lines, "\n")
}
