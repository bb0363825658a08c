// Package output writes lint results: one Reporter per format (text, json, sarif, github,
// junit, html, csv, xlsx), each writing to an io.Writer as results arrive, so memory does not grow
// with the number of documents. Every reporter is deterministic: same results, same bytes.
// The formats' fixed human text (headings, labels, column names, the summary line) is in
// the run's language (engine/i18n; catalogue catalog/output.yaml); machine keys (JSON and
// SARIF members, CSV column order) are the same in every language.
package output

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
)

// Reporter writes results in one format.
type Reporter interface {
	// Begin is called once, with every rule that may report.
	Begin(rules []finding.Rule) error
	// Result is called once per document, in input order.
	Result(r finding.Result) error
	// End is called once, after the last result.
	End(s Summary) error
}

// Summary totals a run.
type Summary struct {
	Documents int
	// Unreadable counts documents that could not be read or evaluated.
	Unreadable    int
	Counts        finding.Counts
	NotAssessable int
	// Baselined counts findings left out because the baseline accepts them.
	Baselined int
}

// Add counts one result.
func (s *Summary) Add(r finding.Result) {
	s.Documents++
	if r.Err != nil {
		s.Unreadable++
	}
	s.Counts.Add(r)
	for _, f := range r.Findings {
		if f.NotAssessable {
			s.NotAssessable++
		}
	}
}

// Options configure reporters.
type Options struct {
	// Color turns on ANSI colours in text output.
	Color bool
	// ToolVersion is reportlint's version, for SARIF and JSON.
	ToolVersion string
	// WorkDir is the working directory, against which relative document paths are read.
	WorkDir string
	// SARIFRoot is the folder SARIF artifact URIs are relative to (%SRCROOT%): the
	// repository root. Empty: URIs are relative to WorkDir.
	SARIFRoot string
	// FailOn is the --fail-on level: in JUnit XML, findings at or above it are failures.
	FailOn finding.Level
	// Page, when set, opens a file of its own for a page of the html format, by a name
	// relative to the main page (d/00001.html): each document's marked-up report then goes
	// to its own page, and the main page holds the dashboard (-o DIR/).
	Page func(name string) (io.WriteCloser, error)
	// Shard, when set, makes the json format write a shard of a run for reportlint merge:
	// the shard, the rules in use, and each result's input position, source lines and
	// view.
	Shard *ShardInfo
}

// ShardInfo says which part of a run's inputs a sharded run (lint --shard K/N) linted.
type ShardInfo struct {
	// K is the shard, 1 to N.
	K int `json:"index"`
	// N is the number of shards.
	N int `json:"count"`
	// By is what decided each document's shard: "body" (the body its title names, so a
	// body's years stay together) or "path" (runs that pair no reports).
	By string `json:"by"`
	// Inputs is the number of documents of the whole run, over all shards.
	Inputs int `json:"inputs"`
	// Digest identifies the whole run's list of inputs (lint.InputsDigest).
	Digest string `json:"digest"`
	// Positions are the input positions (0-based, over the whole run) of this shard's
	// documents, in order; each result carries its own as "input".
	Positions []int `json:"-"`
}

// Formats lists the format names New accepts.
func Formats() []string {
	return []string{"text", "json", "sarif", "github", "junit", "html", "csv", "xlsx"}
}

// New returns the reporter for format.
func New(format string, w io.Writer, opts Options) (Reporter, error) {
	switch format {
	case "text":
		return &textReporter{w: w, color: opts.Color}, nil
	case "json":
		return &jsonReporter{w: w, version: opts.ToolVersion, shard: opts.Shard}, nil
	case "sarif":
		return &sarifReporter{w: w, version: opts.ToolVersion, workDir: opts.WorkDir, root: cmp.Or(opts.SARIFRoot, opts.WorkDir)}, nil
	case "github":
		return &githubReporter{w: w}, nil
	case "junit":
		return &junitReporter{w: w, failOn: opts.FailOn}, nil
	case "html":
		return newHTMLReporter(w, opts), nil
	case "csv":
		return &csvReporter{out: w}, nil
	case "xlsx":
		return &xlsxReporter{out: w}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}
