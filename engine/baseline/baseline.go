// Package baseline records the findings a project has accepted, so that a run reports only
// new ones: the way to adopt reportlint in CI over reports that already have findings.
// A finding is matched by document, rule and fingerprint; fingerprints leave out line
// numbers, so edits elsewhere in a report do not bring an accepted finding back.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/internal/atomicfile"
)

// Version is the baseline file format's version.
const Version = 1

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Path is relative to the baseline file's folder, with
// forward slashes, so a baseline works from any working directory and on any system.
// Message is there for people reading the file; matching ignores it.
type Entry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

type key struct{ path, rule, fingerprint string }

// Baseline is a loaded baseline.
type Baseline struct {
	dir     string
	entries map[key]bool
}

// MaxSize is the largest baseline file read, in bytes: far more than any project's
// accepted findings, and a bound on what a wrong path (/dev/zero) can make it read.
const MaxSize = 64 << 20

// Load reads a baseline file: a regular file of at most MaxSize bytes holding one JSON
// object and nothing after it.
func Load(path string) (*Baseline, error) {
	data, err := ingest.ReadRegular(path, MaxSize)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, err // names the file already
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, i18n.Errorf("%s: data after the baseline's JSON object", path)
	}
	if f.Version != Version {
		return nil, i18n.Errorf("%s: baseline version %d, want %d", path, f.Version, Version)
	}
	b := &Baseline{dir: dirOf(path), entries: map[key]bool{}}
	for _, e := range f.Findings {
		b.entries[key{e.Path, e.Rule, e.Fingerprint}] = true
	}
	return b, nil
}

// Filter removes from r the findings the baseline accepts and returns how many it removed.
func (b *Baseline) Filter(r finding.Result) (finding.Result, int) {
	if b == nil || len(r.Findings) == 0 {
		return r, 0
	}
	p := relPath(b.dir, r.Path)
	kept := make([]finding.Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if !b.entries[key{p, f.RuleID, f.Fingerprint}] {
			kept = append(kept, f)
		}
	}
	n := len(r.Findings) - len(kept)
	r.Findings = kept
	return r, n
}

// Writer collects the findings of a run into a baseline file.
type Writer struct {
	path    string
	dir     string
	entries []Entry
}

// NewWriter starts a baseline to be written to path.
func NewWriter(path string) *Writer {
	return &Writer{path: path, dir: dirOf(path), entries: []Entry{}}
}

// Add records every finding of r.
func (w *Writer) Add(r finding.Result) {
	p := relPath(w.dir, r.Path)
	for _, f := range r.Findings {
		w.entries = append(w.entries, Entry{Path: p, Rule: f.RuleID, Fingerprint: f.Fingerprint, Message: f.Message})
	}
}

// Len is the number of findings recorded.
func (w *Writer) Len() int { return len(w.entries) }

// Close writes the file atomically (a run killed meanwhile leaves the old file whole),
// entries sorted so that the same findings give the same bytes.
func (w *Writer) Close() error {
	slices.SortFunc(w.entries, func(a, b Entry) int {
		return strings.Compare(a.Path+"\x00"+a.Rule+"\x00"+a.Fingerprint, b.Path+"\x00"+b.Rule+"\x00"+b.Fingerprint)
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(File{Version: Version, Findings: w.entries}); err != nil {
		return err
	}
	return atomicfile.WriteFile(w.path, buf.Bytes())
}

func dirOf(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Dir(path)
	}
	return filepath.Dir(abs)
}

// relPath is a document's path relative to dir, with forward slashes.
func relPath(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	if rel, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}
