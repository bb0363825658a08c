package main

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/reportlint/reportlint/engine/i18n"
)

// sameFile reports whether a and b name the same file: the same file on disk when both
// exist (os.SameFile sees through links and other spellings), else the same cleaned
// absolute path, so that an output not written yet is still caught.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	x, errA := filepath.Abs(a)
	y, errB := filepath.Abs(b)
	if errA != nil || errB != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return x == y
}

// namedFile is a path with the flag or role that named it, for messages.
type namedFile struct{ role, path string }

// checkOutputs refuses a run whose outputs (-o, --write-baseline) would overwrite one of
// its inputs (documents, --previous, --aggregate, --baseline) or each other, and leaves out
// of paths the files a folder walk found that are outputs of this run (an -o inside the
// folder linted, written by an earlier run). explicit are the paths given on the command
// line; an output among them is an error, not skipped.
func checkOutputs(paths, explicit []string, memory map[string][]byte, outputs, others []namedFile) ([]string, error) {
	outputs = slices.DeleteFunc(outputs, func(o namedFile) bool { return o.path == "" })
	if len(outputs) == 0 {
		return paths, nil
	}
	for i, o := range outputs {
		for _, p := range outputs[i+1:] {
			if sameFile(o.path, p.path) {
				return nil, usage(i18n.Errorf("%s and %s name the same file %s: each output needs a file of its own", o.role, p.role, o.path))
			}
		}
		for _, in := range others {
			if in.path != "" && sameFile(o.path, in.path) {
				return nil, usage(i18n.Errorf("%s %s is also the %s: writing it would destroy what is read", o.role, o.path, in.role))
			}
		}
	}
	kept := paths[:0:0]
	for _, p := range paths {
		if _, ok := memory[p]; ok {
			kept = append(kept, p)
			continue
		}
		i := slices.IndexFunc(outputs, func(o namedFile) bool { return sameFile(p, o.path) })
		switch {
		case i < 0:
			kept = append(kept, p)
		case slices.Contains(explicit, p):
			return nil, usage(i18n.Errorf("%s %s is also a document to lint: writing it would destroy what is read", outputs[i].role, outputs[i].path))
		}
		// else: found by a folder walk; an output of this run is not one of its inputs.
	}
	return kept, nil
}
