package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/rules"
)

// Main runs the command line and returns the exit code.
func Main(args []string, io *IOStreams) int {
	getenv := io.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	lang, err := chooseLang(args, getenv)
	i18n.Set(lang)
	if err != nil {
		fmt.Fprintf(io.ErrOut, "reportlint: %v\n", err)
		return exitError
	}
	cmd := NewRootCmd(io)
	cmd.SetArgs(args)
	failed, err := cmd.ExecuteC()
	err = translateCobraError(err)
	code := exitCode(err)
	if err != nil && code == exitError {
		var ie inputError
		if !errors.As(err, &ie) {
			fmt.Fprintf(io.ErrOut, "reportlint: %v\n", err)
			var ue usageError
			if errors.As(err, &ue) {
				path := "reportlint"
				if failed != nil {
					path = failed.CommandPath()
				}
				fmt.Fprint(io.ErrOut, i18n.Sprintf("Run '%s --help' for usage.\n", path))
			}
		}
	}
	return code
}

// NewRootCmd assembles the command tree, in the language of the run.
func NewRootCmd(io *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "reportlint",
		Short: i18n.T("Lint report documents against versioned rule packs"),
		Long: i18n.T(`reportlint checks report documents against declarative, versioned rule packs
(CEL and Rego) and reports findings as text, JSON, SARIF, GitHub annotations, JUnit XML
or an HTML page.

Bundled packs check the Chinese government information-disclosure annual report
(“政府信息公开工作年度报告”); the pack is picked from the report's format edition and year.`),
		Version:       toolVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	// --lang is read before the command tree is built (chooseLang); it is declared here
	// for help, completion and the parser.
	root.PersistentFlags().String("lang", "", i18n.T("language of help, messages, findings and reports: zh or en (default: the configuration file's lang, else LC_ALL, LC_MESSAGES or LANG, else zh)"))
	root.Flags().BoolP("version", "v", false, i18n.T("version for reportlint"))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usage(translateFlagError(err)) })
	root.AddCommand(NewCmdLint(io, nil), NewCmdMerge(io, nil), NewCmdExtract(io, nil), NewCmdRules(io, nil), NewCmdVersion(io), NewCmdServe(io))
	registerCompletions(root)
	localizeCobra(root)
	return root
}

// packFlags are the flags that choose and configure rule packs.
type packFlags struct {
	Pack        string
	BlankAsZero bool
}

// loadPacks returns the packs to use: the one --pack names (NAME, NAME@VERSION, or a
// folder holding pack.yaml), else every bundled pack for automatic selection, newest first.
func loadPacks(ctx context.Context, pf packFlags, strict bool) (candidates []*pack.Pack, forced *pack.Pack, err error) {
	// Bundled packs are type-checked by their tests; a pack from a folder, and any pack
	// under `rules test`, is checked when it loads.
	opts := pack.Options{BlankAsZero: pf.BlankAsZero, StrictBuiltinErrors: strict, TypeCheck: strict}
	if pf.Pack != "" {
		if st, err := os.Stat(pf.Pack); err == nil && st.IsDir() {
			abs, err := filepath.Abs(pf.Pack)
			if err != nil {
				return nil, nil, err
			}
			opts.TypeCheck = true
			// The folder holding the pack is opened as an os.Root: no path or link the
			// pack names can reach outside it (and the pack refuses links of its own).
			// The root stays open for the run; rule tests read the pack's files later.
			root, err := os.OpenRoot(filepath.Dir(abs))
			if err != nil {
				return nil, nil, err
			}
			p, err := pack.Load(ctx, root.FS(), filepath.Base(abs), opts)
			if err != nil {
				return nil, nil, err
			}
			return []*pack.Pack{p}, p, nil
		}
	}
	// A bundled pack's rules are compiled when it first evaluates a document (their
	// tests compile them all): one report compiles one pack. `rules test` compiles all.
	opts.Defer = !strict
	// The packs load side by side (their profiles' patterns take the most time).
	names := rules.Names()
	all := make([]*pack.Pack, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { all[i], errs[i] = pack.Load(ctx, rules.FS(), name, opts) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	// Newest edition first: the first pack's profile reads every document once.
	for i := 0; i < len(all); i++ {
		for j := i + 1; j < len(all); j++ {
			if all[j].Years.From > all[i].Years.From {
				all[i], all[j] = all[j], all[i]
			}
		}
	}
	if pf.Pack == "" {
		return all, nil, nil
	}
	name, version, _ := strings.Cut(pf.Pack, "@")
	for _, p := range all {
		if p.Name == name && (version == "" || p.Version == version) {
			return []*pack.Pack{p}, p, nil
		}
	}
	return nil, nil, unknownPack(pf.Pack, all)
}

// unknownPack explains a --pack that names no bundled pack: the versions there are of a
// pack that exists, else the closest pack names and every bundled pack.
func unknownPack(ref string, all []*pack.Pack) error {
	name, version, _ := strings.Cut(ref, "@")
	var names, known, versions []string
	for _, p := range all {
		known = append(known, p.Ref())
		if !slices.Contains(names, p.Name) {
			names = append(names, p.Name)
		}
		if p.Name == name {
			versions = append(versions, p.Version)
		}
	}
	slices.Sort(known)
	slices.Sort(names)
	if len(versions) > 0 {
		slices.Sort(versions)
		return usage(i18n.Errorf("--pack: pack %s has no version %s; bundled versions: %s", name, version, strings.Join(versions, ", ")))
	}
	return usage(i18n.Errorf("--pack: no pack or folder %q (bundled: %s; or give a folder with pack.yaml)%s",
		ref, strings.Join(known, ", "), didYouMean(name, names)))
}
