package main

import (
	"os"
	"strings"

	"github.com/reportlint/reportlint/engine/i18n"
)

// chooseLang is the language of the run: --lang, else the configuration file's lang (the
// file lint would read: --config FILE, the nearest one, none with --no-config), else the
// locale (LC_ALL, LC_MESSAGES, LANG), else Chinese. The language must be known before the
// command tree is built, since help is written in it, so the arguments are scanned here;
// an unknown --lang is an error. A configuration file that cannot be read is left to
// lint, which reports it.
func chooseLang(args []string, getenv func(string) string) (i18n.Lang, error) {
	flags := scanFlags(args, "--lang", "--config", "--no-config")
	if v, ok := flags["--lang"]; ok {
		l, err := i18n.Parse(v)
		if err != nil {
			return i18n.Zh, usageError{err}
		}
		return l, nil
	}
	if v, given := flags["--no-config"]; !given || v == "false" {
		path := flags["--config"]
		if path == "" {
			if wd, err := os.Getwd(); err == nil {
				path = findConfig(wd)
			}
		}
		if path != "" {
			if c, err := readConfig(path); err == nil && c.Lang != "" {
				if l, err := i18n.Parse(c.Lang); err == nil {
					return l, nil
				}
			}
		}
	}
	l, _ := i18n.FromEnvironment(getenv)
	return l, nil
}

// scanFlags finds the named long flags among args, before any "--": --name VALUE or
// --name=VALUE; a flag given without a value (--no-config) maps to "".
func scanFlags(args []string, names ...string) map[string]string {
	out := map[string]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		for _, name := range names {
			switch {
			case strings.HasPrefix(a, name+"="):
				out[name] = strings.TrimPrefix(a, name+"=")
			case a == name && name == "--no-config":
				out[name] = ""
			case a == name && i+1 < len(args):
				out[name] = args[i+1]
				i++
			}
		}
	}
	return out
}
