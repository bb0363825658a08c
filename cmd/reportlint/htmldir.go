package main

import (
	"io"
	"os"
	"path/filepath"
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
	st, err := os.Stat(out)
	isDir := err == nil && st.IsDir()
	if !isDir && !strings.HasSuffix(out, "/") && !strings.HasSuffix(out, string(filepath.Separator)) {
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
