package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// htmlPages decides where the html format writes: with -o naming a directory (ending in a
// slash, or an existing directory) the dashboard goes to DIR/index.html and each
// document's marked-up report to a page of its own under DIR/d/; otherwise everything goes
// to the one file (or standard output). It returns the main output's path and, for a
// directory, the function opening a page by its name relative to the main page.
func htmlPages(format, out string) (string, func(name string) (io.WriteCloser, error)) {
	if format != "html" || out == "" {
		return out, nil
	}
	if !pagesDir(format, out) {
		return out, nil
	}
	dir := filepath.Clean(out)
	_ = os.MkdirAll(dir, 0o755) // creating index.html reports a failure
	return filepath.Join(dir, "index.html"), func(name string) (io.WriteCloser, error) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		// Pages are written in place: syncing thousands of them one by one, as -o's
		// atomic replacement does, would take longer than linting (index.html, written
		// last, is still replaced atomically).
		return os.Create(path)
	}
}

// leavePagesOut leaves out of a folder walk's files those inside the folder -o DIR/
// writes pages to (an earlier run's index.html and d/*.html are not reports); a file
// named on the command line is kept.
func leavePagesOut(paths, explicit []string, format, out string) []string {
	if !pagesDir(format, out) {
		return paths
	}
	dir, err := filepath.Abs(filepath.Clean(out))
	if err != nil {
		return paths
	}
	kept := paths[:0:0]
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		rel, err2 := filepath.Rel(dir, abs)
		inside := err == nil && err2 == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
		if !inside || slices.Contains(explicit, p) {
			kept = append(kept, p)
		}
	}
	return kept
}

// pagesDir reports whether -o out asks the html format for a folder of pages: a path
// ending in a slash, or an existing folder.
func pagesDir(format, out string) bool {
	if format != "html" || out == "" {
		return false
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return true
	}
	return strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator))
}
