package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

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

// readConfig decodes a configuration file strictly: a regular file holding one YAML
// document.
func readConfig(path string) (*fileConfig, error) {
	data, err := ingest.ReadRegular(path, maxConfigSize)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var c fileConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// A second document (after ---) would be ignored silently: refuse it.
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: more than one YAML document (---): put every setting in one", path)
	}
	return &c, nil
}

// applyConfig fills the options the command line left unset from the configuration file:
// --config FILE, else the nearest .reportlint.yaml or reportlint.yaml, unless --no-config.
// It returns the file used, or "".
func applyConfig(cmd *cobra.Command, opts *LintOptions) (string, error) {
	if opts.NoConfig {
		return "", nil
	}
	path := opts.Config
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", nil
		}
		if path = findConfig(wd); path == "" {
			return "", nil
		}
	}
	c, err := readConfig(path)
	if err != nil {
		return "", usagef("--config: %v", err)
	}
	set := func(flag string) bool { return !cmd.Flags().Changed(flag) }
	if c.Select != nil && set("select") {
		opts.Select = c.Select
	}
	if c.Ignore != nil && set("ignore") {
		opts.Ignore = c.Ignore
	}
	if c.Levels != nil && set("level") {
		opts.Levels = c.Levels
	}
	if c.Exclude != nil && set("exclude") {
		opts.Exclude = c.Exclude
	}
	if c.FailOn != "" && set("fail-on") {
		opts.FailOn = c.FailOn
	}
	if c.Pack != "" && set("pack") {
		opts.Pack = c.Pack
		// A pack folder is relative to the configuration file.
		if p := filepath.Join(filepath.Dir(path), c.Pack); !filepath.IsAbs(c.Pack) && isDir(p) {
			opts.Pack = p
		}
	}
	if c.BlankAsZero != nil && set("blank-as-zero") {
		opts.BlankAsZero = *c.BlankAsZero
	}
	if c.Baseline != "" && set("baseline") && set("write-baseline") {
		// A baseline file is relative to the configuration file.
		opts.Baseline = c.Baseline
		if !filepath.IsAbs(c.Baseline) {
			opts.Baseline = filepath.Join(filepath.Dir(path), c.Baseline)
		}
	}
	if c.Params != nil && set("param") {
		opts.Params = c.Params
	}
	if c.RepeatThreshold != nil && set("repeat-threshold") {
		opts.Repeat = *c.RepeatThreshold
	}
	return path, nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
