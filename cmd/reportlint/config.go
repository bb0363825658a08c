package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest"
)

// configNames are the configuration files looked for in the working directory and its
// parents, nearest first.
var configNames = []string{".reportlint.yaml", "reportlint.yaml"}

// fileConfig is a configuration file: the lint flags a project wants by default. A flag
// given on the command line replaces the file's value. Unknown keys are errors, so that a
// misspelt key does not silently do nothing.
type fileConfig struct {
	Select          []string          `yaml:"select"`
	Ignore          []string          `yaml:"ignore"`
	Levels          map[string]string `yaml:"levels"`
	Exclude         []string          `yaml:"exclude"`
	FailOn          string            `yaml:"fail-on"`
	Pack            string            `yaml:"pack"`
	BlankAsZero     *bool             `yaml:"blank-as-zero"`
	RepeatThreshold *float64          `yaml:"repeat-threshold"`
	Params          map[string]string `yaml:"params"`
	Baseline        string            `yaml:"baseline"`
	Lang            string            `yaml:"lang"`
	// Lines holds the line of each key given, and of each entry of levels and params
	// ("levels/T3-ROW-SUM"), for messages about its value.
	Lines map[string]int `yaml:"-"`
}

// findConfig returns the nearest configuration file at or above dir, or "".
func findConfig(dir string) string {
	for {
		for _, name := range configNames {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// maxConfigSize bounds the configuration file read: a few lines of YAML in practice.
const maxConfigSize = 1 << 20

// configKeys are the keys of a configuration file, in the order the docs list them, with
// what each value must be (for messages, translated when they are written).
var configKeys = []struct{ key, want string }{
	{"select", "a list of rule ids, id patterns or categories"},
	{"ignore", "a list of rule ids, id patterns or categories"},
	{"levels", "a map of rule id to level (error, warning or note)"},
	{"exclude", "a list of shell patterns"},
	{"fail-on", "a level: error, warning, note or none"},
	{"pack", "a pack: NAME, NAME@VERSION or a folder"},
	{"blank-as-zero", "true or false"},
	{"repeat-threshold", "a number between 0 and 1"},
	{"params", "a map of parameter name to number"},
	{"baseline", "a file name"},
	{"lang", "a language: zh or en"},
}

// locatedConfigError is an error in the content of a configuration file, which names the
// file, the line and the key.
type locatedConfigError struct{ error }

func (e locatedConfigError) Unwrap() error { return e.error }

// configError is a located configuration error: FILE:LINE: KEY: message.
func configError(path string, line int, key, msg string) error {
	loc := path
	if line > 0 {
		loc = fmt.Sprintf("%s:%d", path, line)
	}
	if key != "" {
		loc += ": " + key
	}
	return locatedConfigError{fmt.Errorf("%s: %s", loc, msg)}
}

// readConfig decodes a configuration file strictly: a regular file holding one YAML
// document, a mapping of known keys to values of the right kind. Errors name the file, the
// line and the key, never a Go type. The lines of the keys are kept for later messages.
func readConfig(path string) (*fileConfig, error) {
	data, err := ingest.ReadRegular(path, maxConfigSize)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &fileConfig{Lines: map[string]int{}}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil
		}
		// "yaml: line 3: mapping values are not allowed" becomes "FILE:3: mapping …".
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		var line int
		if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
			_, msg, _ = strings.Cut(msg, ": ")
		}
		return nil, configError(path, line, "", msg)
	}
	// A second document (after ---) would be ignored silently: refuse it.
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, configError(path, 0, "", i18n.T("more than one YAML document (---): put every setting in one"))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, configError(path, root.Line, "", i18n.T("want a mapping of settings (key: value), such as fail-on: warning"))
	}
	var keys []string
	for _, k := range configKeys {
		keys = append(keys, k.key)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		want := ""
		for _, ck := range configKeys {
			if ck.key == key {
				want = ck.want
			}
		}
		if want == "" {
			return nil, configError(path, k.Line, "", i18n.Sprintf("unknown key %q (known: %s)%s", key, strings.Join(keys, ", "), didYouMean(key, keys)))
		}
		if _, dup := c.Lines[key]; dup {
			return nil, configError(path, k.Line, key, i18n.Sprintf("given twice (first on line %d)", c.Lines[key]))
		}
		c.Lines[key] = k.Line
		if err := c.set(key, v); err != nil {
			return nil, configError(path, v.Line, key, i18n.Sprintf("want %s, not %s", i18n.T(want), describeNode(v)))
		}
		if entry, err := c.check(key); err != nil {
			line := v.Line
			if l, ok := c.Lines[key+"/"+entry]; ok {
				line = l
			}
			return nil, configError(path, line, key, err.Error())
		}
	}
	return c, nil
}

// set decodes the value of one key into its field.
func (c *fileConfig) set(key string, v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return fmt.Errorf("empty")
	}
	switch key {
	case "select":
		return decodeList(v, &c.Select)
	case "ignore":
		return decodeList(v, &c.Ignore)
	case "exclude":
		return decodeList(v, &c.Exclude)
	case "levels":
		return decodeStringMap(v, &c.Levels, key, c.Lines)
	case "params":
		return decodeStringMap(v, &c.Params, key, c.Lines)
	case "fail-on":
		return decodeString(v, &c.FailOn)
	case "pack":
		return decodeString(v, &c.Pack)
	case "baseline":
		return decodeString(v, &c.Baseline)
	case "lang":
		return decodeString(v, &c.Lang)
	case "blank-as-zero":
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			return fmt.Errorf("not a boolean")
		}
		var b bool
		if err := v.Decode(&b); err != nil {
			return err
		}
		c.BlankAsZero = &b
	case "repeat-threshold":
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!float" && v.Tag != "!!int") {
			return fmt.Errorf("not a number")
		}
		var x float64
		if err := v.Decode(&x); err != nil {
			return err
		}
		c.RepeatThreshold = &x
	}
	return nil
}

// check checks the value of one key as the flag of the same name is checked. It returns
// the entry of levels or params at fault, if any.
func (c *fileConfig) check(key string) (entry string, err error) {
	switch key {
	case "fail-on":
		if err := checkChoice("fail-on", c.FailOn); err != nil {
			return "", errors.New(strings.TrimPrefix(err.Error(), "--fail-on: "))
		}
	case "levels":
		for _, id := range slices.Sorted(maps.Keys(c.Levels)) {
			if lv, err := finding.ParseLevel(c.Levels[id]); err != nil || lv == finding.None {
				return id, i18n.Errorf("%s: want error, warning or note, not %q", id, c.Levels[id])
			}
		}
	case "exclude", "select", "ignore":
		list := map[string][]string{"exclude": c.Exclude, "select": c.Select, "ignore": c.Ignore}[key]
		for _, pat := range list {
			if _, err := path.Match(pat, ""); err != nil {
				return "", i18n.Errorf("bad pattern %q: %v", pat, err)
			}
		}
	case "lang":
		if _, err := i18n.Parse(c.Lang); err != nil {
			return "", err
		}
	case "repeat-threshold":
		if x := *c.RepeatThreshold; x < 0 || x > 1 {
			return "", i18n.Errorf("want a share between 0 and 1, not %v", x)
		}
	case "params":
		for _, name := range slices.Sorted(maps.Keys(c.Params)) {
			v := c.Params[name]
			x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				return name, i18n.Errorf("%s: want a number, not %q", name, v)
			}
			if err := checkParam(name, x); err != nil {
				return name, fmt.Errorf("%s: %v", name, err)
			}
		}
	}
	return "", nil
}

func decodeString(v *yaml.Node, out *string) error {
	if v.Kind != yaml.ScalarNode {
		return fmt.Errorf("not a scalar")
	}
	*out = v.Value
	return nil
}

func decodeList(v *yaml.Node, out *[]string) error {
	if v.Kind == yaml.ScalarNode {
		// One entry may stand alone: select: arithmetic.
		*out = []string{v.Value}
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return fmt.Errorf("not a list")
	}
	list := []string{}
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode {
			return fmt.Errorf("not a list of strings")
		}
		list = append(list, e.Value)
	}
	*out = list
	return nil
}

func decodeStringMap(v *yaml.Node, out *map[string]string, key string, lines map[string]int) error {
	if v.Kind != yaml.MappingNode {
		return fmt.Errorf("not a mapping")
	}
	m := map[string]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, e := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode || e.Kind != yaml.ScalarNode {
			return fmt.Errorf("not a mapping of strings")
		}
		m[k.Value] = e.Value
		lines[key+"/"+k.Value] = k.Line
	}
	*out = m
	return nil
}

// describeNode says what a YAML value is, for messages: a list, a mapping, or the text.
func describeNode(v *yaml.Node) string {
	switch v.Kind {
	case yaml.SequenceNode:
		return i18n.T("a YAML list")
	case yaml.MappingNode:
		return i18n.T("a YAML mapping")
	case yaml.AliasNode:
		return i18n.T("a YAML alias")
	}
	if v.Tag == "!!null" {
		return i18n.T("an empty value")
	}
	return strconv.Quote(v.Value)
}

// applyConfig fills the options the command line left unset from the configuration file:
// --config FILE, else the nearest .reportlint.yaml or reportlint.yaml, unless --no-config.
// It returns the file used, or "".
func applyConfig(cmd *cobra.Command, opts *LintOptions) (string, error) {
	path := configPath(opts)
	if path == "" {
		return "", nil
	}
	c, err := readConfig(path)
	var located locatedConfigError
	switch {
	case errors.As(err, &located):
		return "", usage(err) // names the file, line and key already
	case err != nil:
		return "", usage(fmt.Errorf("--config: %w", err))
	}
	opts.configOrigin = map[string]string{}
	a := configApplier{cmd: cmd, opts: opts, c: c, path: path}
	a.ruleSettings()
	a.packSettings()
	return path, nil
}

// configPath returns the configuration file to use: --config FILE, else the nearest
// .reportlint.yaml or reportlint.yaml; "" with --no-config or when there is none.
func configPath(opts *LintOptions) string {
	if opts.NoConfig {
		return ""
	}
	if opts.Config != "" {
		return opts.Config
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return findConfig(wd)
}

// configApplier fills options from the configuration file at path.
type configApplier struct {
	cmd  *cobra.Command
	opts *LintOptions
	c    *fileConfig
	path string
}

// set reports whether the command line left a flag unset, so that the file's value
// applies; it records where that value came from, for later messages.
func (a configApplier) set(flag string) bool {
	if a.cmd.Flags().Changed(flag) {
		return false
	}
	key := map[string]string{"level": "levels", "param": "params"}[flag]
	if key == "" {
		key = flag
	}
	if line, ok := a.c.Lines[key]; ok {
		a.opts.configOrigin[flag] = fmt.Sprintf("%s:%d: %s", a.path, line, key)
	}
	return true
}

// ruleSettings fills the rule selection, levels, excluded paths and the level findings
// fail the run from.
func (a configApplier) ruleSettings() {
	c, opts := a.c, a.opts
	if c.Select != nil && a.set("select") {
		opts.Select = c.Select
	}
	if c.Ignore != nil && a.set("ignore") {
		opts.Ignore = c.Ignore
	}
	if c.Levels != nil && a.set("level") {
		opts.Levels = c.Levels
	}
	if c.Exclude != nil && a.set("exclude") {
		opts.Exclude = c.Exclude
	}
	if c.FailOn != "" && a.set("fail-on") {
		opts.FailOn = c.FailOn
	}
}

// packSettings fills the pack, blank handling, baseline, rule parameters and repeat
// threshold; a pack folder or baseline file named relatively is found beside the
// configuration file.
func (a configApplier) packSettings() {
	c, opts, path := a.c, a.opts, a.path
	if c.Pack != "" && a.set("pack") {
		opts.Pack = c.Pack
		// A pack folder is relative to the configuration file.
		if p := filepath.Join(filepath.Dir(path), c.Pack); !filepath.IsAbs(c.Pack) && isDir(p) {
			opts.Pack = p
		}
	}
	if c.BlankAsZero != nil && a.set("blank-as-zero") {
		opts.BlankAsZero = *c.BlankAsZero
	}
	if c.Baseline != "" && !a.cmd.Flags().Changed("write-baseline") && a.set("baseline") {
		// A baseline file is relative to the configuration file.
		opts.Baseline = c.Baseline
		if !filepath.IsAbs(c.Baseline) {
			opts.Baseline = filepath.Join(filepath.Dir(path), c.Baseline)
		}
	}
	if c.Params != nil && a.set("param") {
		opts.Params = c.Params
	}
	if c.RepeatThreshold != nil && a.set("repeat-threshold") {
		opts.Repeat = *c.RepeatThreshold
	}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
