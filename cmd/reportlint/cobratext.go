package main

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/i18n"
)

// localizeCobra puts the text cobra writes itself into the language of the run: the help
// and version templates, the help flag of every command, the help command and the
// completion command with its subcommands. Cobra adds the help and completion commands
// when the tree runs; they are added here first, so that it finds them and keeps them.
func localizeCobra(root *cobra.Command) {
	cobra.AddTemplateFunc("flagUsages", flagUsages)
	cobra.AddTemplateFunc("moreHelp", func(path string) string {
		return i18n.Sprintf(`Use "%s [command] --help" for more information about a command.`, path)
	})
	root.SetUsageTemplate(usageTemplate())
	root.SetVersionTemplate(i18n.Sprintf("%s version %s\n", "{{.DisplayName}}", "{{.Version}}"))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			localizeHelpCmd(c, root.Name())
		case "completion":
			localizeCompletionCmd(c, root.Name())
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		addHelpFlag(c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// usageTemplate is cobra's usage template with its headings in the language of the run,
// and the flags' defaults too (flagUsages).
func usageTemplate() string {
	return i18n.T("Usage:") + `{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

` + i18n.T("Aliases:") + `
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + i18n.T("Examples:") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

` + i18n.T("Available Commands:") + `{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

` + i18n.T("Additional Commands:") + `{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + i18n.T("Flags:") + `
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

` + i18n.T("Global Flags:") + `
{{flagUsages .InheritedFlags}}{{end}}{{if .HasHelpSubCommands}}

` + i18n.T("Additional help topics:") + `{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

{{moreHelp .CommandPath}}{{end}}
`
}

// flagDefault is the default pflag writes at the end of a flag's line: (default "text").
var flagDefault = regexp.MustCompile(`(?m) \(default ("[^"]*"|[^()"]*)\)$`)

// flagUsages is the flags' lines as pflag writes them, with their defaults in the
// language of the run.
func flagUsages(fs interface{ FlagUsages() string }) string {
	s := strings.TrimRight(fs.FlagUsages(), " \t\n")
	return flagDefault.ReplaceAllStringFunc(s, func(m string) string {
		v := flagDefault.FindStringSubmatch(m)[1]
		return i18n.Sprintf(" (default %s)", v)
	})
}

// addHelpFlag gives c its -h/--help flag, which cobra would add in English.
func addHelpFlag(c *cobra.Command) {
	if c.Flags().Lookup("help") != nil || c.Flags().ShorthandLookup("h") != nil {
		return
	}
	c.Flags().BoolP("help", "h", false, i18n.Sprintf("help for %s", c.DisplayName()))
	_ = c.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
}

// localizeHelpCmd translates the help command, and its message for a topic it does not
// know.
func localizeHelpCmd(help *cobra.Command, name string) {
	help.Short = i18n.T("Help about any command")
	help.Long = i18n.Sprintf("Help provides help for any command in the application.\nSimply type %s help [path to command] for full details.", name)
	run := help.Run
	help.Run = func(c *cobra.Command, args []string) {
		if cmd, _, err := c.Root().Find(args); cmd == nil || err != nil {
			c.Print(i18n.Sprintf("Unknown help topic %#q\n", args))
			cobra.CheckErr(c.Root().Usage())
			return
		}
		run(c, args)
	}
}

// localizeCompletionCmd translates the completion command and its subcommands, one per
// shell.
func localizeCompletionCmd(completion *cobra.Command, name string) {
	completion.Short = i18n.T("Generate the autocompletion script for the specified shell")
	completion.Long = i18n.Sprintf("Generate the autocompletion script for %[1]s for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n", name)
	for _, c := range completion.Commands() {
		c.Short = i18n.Sprintf("Generate the autocompletion script for %s", c.Name())
		if f := c.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = i18n.T("disable completion descriptions")
		}
		switch c.Name() {
		case "bash":
			c.Long = i18n.Sprintf(`Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(%[1]s completion bash)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion bash > /etc/bash_completion.d/%[1]s

#### macOS:

	%[1]s completion bash > $(brew --prefix)/etc/bash_completion.d/%[1]s

You will need to start a new shell for this setup to take effect.
`, name)
		case "zsh":
			c.Long = i18n.Sprintf(`Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(%[1]s completion zsh)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion zsh > "${fpath[1]}/_%[1]s"

#### macOS:

	%[1]s completion zsh > $(brew --prefix)/share/zsh/site-functions/_%[1]s

You will need to start a new shell for this setup to take effect.
`, name)
		case "fish":
			c.Long = i18n.Sprintf(`Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	%[1]s completion fish | source

To load completions for every new session, execute once:

	%[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

You will need to start a new shell for this setup to take effect.
`, name)
		case "powershell":
			c.Long = i18n.Sprintf(`Generate the autocompletion script for powershell.

To load completions in your current shell session:

	%[1]s completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`, name)
		}
	}
}

// The errors of the flag parser (pflag), by their text: an unknown flag, a flag without
// its value, a value that does not parse, a malformed flag.
var (
	unknownFlag      = regexp.MustCompile(`^unknown flag: --(.*)$`)
	unknownShorthand = regexp.MustCompile(`^unknown shorthand flag: ('.*') in -(.*)$`)
	flagNoValue      = regexp.MustCompile(`^flag needs an argument: --(.*)$`)
	shorthandNoValue = regexp.MustCompile(`^flag needs an argument: ('.*') in -(.*)$`)
	invalidValue     = regexp.MustCompile(`(?s)^invalid argument ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*") flag: `)
	badFlagSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// translateFlagError puts an error of the flag parser into the language of the run; its
// arguments and the reason a value does not parse are kept.
func translateFlagError(err error) error {
	msg := err.Error()
	if m := unknownFlag.FindStringSubmatch(msg); m != nil {
		return i18n.Errorf("unknown flag: --%s", m[1])
	}
	if m := unknownShorthand.FindStringSubmatch(msg); m != nil {
		return i18n.Errorf("unknown shorthand flag: %s in -%s", m[1], m[2])
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return i18n.Errorf("flag needs an argument: --%s", m[1])
	}
	if m := shorthandNoValue.FindStringSubmatch(msg); m != nil {
		return i18n.Errorf("flag needs an argument: %s in -%s", m[1], m[2])
	}
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		value, _ := strconv.Unquote(m[1])
		flag, _ := strconv.Unquote(m[2])
		cause := errors.Unwrap(err)
		if cause == nil {
			cause = errors.New(strings.TrimPrefix(msg, m[0]))
		}
		return i18n.Errorf("invalid argument %q for %q flag: %w", value, flag, translateFlagCause(cause))
	}
	if m := badFlagSyntax.FindStringSubmatch(msg); m != nil {
		return i18n.Errorf("bad flag syntax: %s", m[1])
	}
	return err
}

// keyValue is the reason pflag gives for an entry of a NAME=VALUE flag without "=".
var keyValue = regexp.MustCompile(`^(.*) must be formatted as key=value$`)

// translateFlagCause puts the reason pflag gives for a value it cannot parse into the
// language of the run: that of a number, a boolean or a NAME=VALUE list.
func translateFlagCause(err error) error {
	if err == nil {
		return nil
	}
	switch msg := err.Error(); msg {
	case "must be an integer":
		return i18n.Errorf("must be an integer")
	case "must be a number":
		return i18n.Errorf("must be a number")
	case "must be true or false":
		return i18n.Errorf("must be true or false")
	case "must be a single CSV record; quote fields containing newlines":
		return i18n.Errorf("must be a single CSV record; quote fields containing newlines")
	default:
		if m := keyValue.FindStringSubmatch(msg); m != nil {
			return i18n.Errorf("%s must be formatted as key=value", m[1])
		}
	}
	return err
}

// Cobra's own errors, which are plain text: an unknown command (with the commands it may
// mean) and a wrong number of arguments.
var (
	unknownCommand   = regexp.MustCompile(`(?s)^unknown command ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*")(?:\n\nDid you mean this\?\n(.*))?$`)
	argCount         = regexp.MustCompile(`^(requires at least|accepts at most|accepts) (\d+) arg\(s\), (?:only )?received (\d+)$`)
	argRange         = regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`)
	requiredFlagsSet = regexp.MustCompile(`^required flag\(s\) (.*) not set$`)
)

// translateCobraError puts an error cobra makes when it finds the command and checks its
// arguments into the language of the run, as a usage error; other errors are returned as
// they are.
func translateCobraError(err error) error {
	if err == nil {
		return nil
	}
	var ue usageError
	if errors.As(err, &ue) {
		return err
	}
	msg := err.Error()
	if m := unknownCommand.FindStringSubmatch(msg); m != nil {
		cmd, _ := strconv.Unquote(m[1])
		path, _ := strconv.Unquote(m[2])
		out := i18n.Sprintf("unknown command %q for %q", cmd, path)
		if m[3] != "" {
			out += i18n.T("\n\nDid you mean this?\n") + strings.TrimRight(m[3], "\n")
		}
		return usage(errors.New(out))
	}
	if m := argCount.FindStringSubmatch(msg); m != nil {
		want, _ := strconv.Atoi(m[2])
		got, _ := strconv.Atoi(m[3])
		switch m[1] {
		case "requires at least":
			return usage(i18n.Errorf("requires at least %d arg(s), only received %d", want, got))
		case "accepts at most":
			return usage(i18n.Errorf("accepts at most %d arg(s), received %d", want, got))
		}
		return usage(i18n.Errorf("accepts %d arg(s), received %d", want, got))
	}
	if m := argRange.FindStringSubmatch(msg); m != nil {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		got, _ := strconv.Atoi(m[3])
		return usage(i18n.Errorf("accepts between %d and %d arg(s), received %d", lo, hi, got))
	}
	if m := requiredFlagsSet.FindStringSubmatch(msg); m != nil {
		return usage(i18n.Errorf("required flag(s) %s not set", m[1]))
	}
	return err
}
