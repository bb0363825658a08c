// Package atomicfile writes files so that readers see either the old content or the whole
// new content, never a part: the data goes to a temporary file in the target's folder,
// which is renamed over the target only when the writer commits. A run that fails or is
// killed leaves an existing file untouched, and two writers of the same file cannot
// interleave (the last rename wins, whole).
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
)

// pending holds the temporary files being written, so that a run killed by a signal can
// remove them (see CleanupOnSignal). It is process-wide because signals are.
var pending = struct {
	sync.Mutex
	names map[string]struct{}
}{names: map[string]struct{}{}}

func track(name string) {
	pending.Lock()
	pending.names[name] = struct{}{}
	pending.Unlock()
}

func untrack(name string) {
	pending.Lock()
	delete(pending.names, name)
	pending.Unlock()
}

// RemovePending removes the temporary files of every write not yet committed or aborted.
func RemovePending() {
	pending.Lock()
	defer pending.Unlock()
	for name := range pending.names {
		os.Remove(name)
		delete(pending.names, name)
	}
}

// CleanupOnSignal makes an interrupt (Ctrl-C) or SIGTERM remove the temporary files of the
// writes in progress and end the process with the shell's code for the signal (130, 143),
// instead of leaving hidden .tmp files behind. Call it once, at the start of main.
func CleanupOnSignal() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		RemovePending()
		code := 1
		if n, ok := s.(syscall.Signal); ok {
			code = 128 + int(n)
		}
		os.Exit(code)
	}()
}

// File is an output being written. Write to it, then Commit or Abort; Abort after Commit
// does nothing, so `defer f.Abort()` is the usual pattern.
type File struct {
	*os.File
	path string
	// direct is set when the target is not a regular file (a terminal, /dev/null, a pipe
	// someone reads): it is written in place, as there is nothing to replace atomically.
	direct bool
	done   bool
}

// Create starts writing the file at path. The temporary file is hidden (its name starts
// with a dot) so that folder walks skip it.
func Create(path string) (*File, error) {
	perm := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		switch {
		case st.IsDir():
			return nil, fmt.Errorf("%s is a folder", path)
		case !st.Mode().IsRegular():
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return nil, err
			}
			return &File{File: f, path: path, direct: true}, nil
		}
		perm = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(perm); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	track(f.Name())
	return &File{File: f, path: path}, nil
}

// Commit flushes the data to disk and renames the temporary file over the target.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: already committed or aborted")
	}
	f.done = true
	if f.direct {
		return f.File.Close()
	}
	tmp := f.File.Name()
	defer untrack(tmp)
	err := f.File.Sync()
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, f.path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

// Abort drops what was written; an existing target keeps its content.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	if !f.direct {
		os.Remove(f.File.Name())
		untrack(f.File.Name())
	}
}

// WriteFile writes data to path atomically.
func WriteFile(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}
