package lint

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
)

// spillAfter is the number of documents a sweep keeps in memory between its passes;
// beyond it, documents wait in a temporary file, so that a sweep's memory does not grow
// with its size.
var spillAfter = 512

// store keeps a sweep's documents between its two passes, in input order: in memory, or,
// past spillAfter documents, in a temporary file (deleted when the sweep ends) with only
// offsets in memory.
type store struct {
	packs []*pack.Pack
	mem   []*pending
	file  *os.File
	off   []int64
	end   int64
	// unlinked is true when the file was deleted while open.
	unlinked bool
	err      error
}

func newStore(packs []*pack.Pack) *store { return &store{packs: packs} }

// pendingWire is a pending document as the spill file holds it.
type pendingWire struct {
	Res   finding.Result
	Err   string
	Pack  int
	Sum   *profile.Summary
	Lines map[finding.LineKey]string
}

// add keeps document i's pending state; documents are added in order.
func (s *store) add(p *pending) error {
	if s.err != nil {
		return s.err
	}
	if s.file == nil && len(s.mem) < spillAfter {
		s.mem = append(s.mem, p)
		return nil
	}
	if s.file == nil {
		f, err := os.CreateTemp("", ".reportlint-sweep-*")
		if err != nil {
			return s.fail(fmt.Errorf("temporary file for the sweep: %w", err))
		}
		s.file = f
		// Unlinked at once where the system allows it: nothing is left behind, however
		// the run ends.
		s.unlinked = os.Remove(f.Name()) == nil
		old := s.mem
		s.mem = nil
		for _, q := range old {
			if err := s.write(q); err != nil {
				return err
			}
		}
	}
	return s.write(p)
}

func (s *store) fail(err error) error {
	s.err = err
	return err
}

func (s *store) write(p *pending) error {
	if p.whole != nil {
		// The aggregate report is kept whole in memory: it is one document.
		s.off = append(s.off, -1)
		s.mem = append(s.mem, p)
		return nil
	}
	w := pendingWire{Res: p.res, Pack: slices.Index(s.packs, p.pack), Sum: p.sum, Lines: p.lines}
	if p.res.Err != nil {
		w.Err = p.res.Err.Error()
		w.Res.Err = nil
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&w); err != nil {
		return s.fail(fmt.Errorf("keep %s for the sweep's second pass: %w", p.res.Path, err))
	}
	if _, err := s.file.WriteAt(b.Bytes(), s.end); err != nil {
		return s.fail(fmt.Errorf("temporary file for the sweep: %w", err))
	}
	s.off = append(s.off, s.end)
	s.end += int64(b.Len())
	return nil
}

// get returns document i's pending state. It is safe for concurrent use once every
// document has been added.
func (s *store) get(i int) (*pending, error) {
	if s.file == nil {
		return s.mem[i], nil
	}
	if s.off[i] < 0 {
		for _, p := range s.mem {
			if p.whole != nil {
				return p, nil
			}
		}
	}
	end := s.end
	if j := slices.IndexFunc(s.off[i+1:], func(o int64) bool { return o >= 0 }); j >= 0 {
		end = s.off[i+1+j]
	}
	buf := make([]byte, end-s.off[i])
	if _, err := s.file.ReadAt(buf, s.off[i]); err != nil {
		return nil, fmt.Errorf("temporary file for the sweep: %w", err)
	}
	var w pendingWire
	if err := gob.NewDecoder(bytes.NewReader(buf)).Decode(&w); err != nil {
		return nil, fmt.Errorf("temporary file for the sweep: %w", err)
	}
	p := &pending{res: w.Res, sum: w.Sum, lines: w.Lines}
	if w.Pack >= 0 && w.Pack < len(s.packs) {
		p.pack = s.packs[w.Pack]
	}
	if w.Err != "" {
		p.res.Err = errors.New(w.Err)
	}
	return p, nil
}

// close deletes the temporary file.
func (s *store) close() {
	if s.file != nil {
		name := s.file.Name()
		s.file.Close()
		if !s.unlinked {
			os.Remove(name)
		}
	}
}
