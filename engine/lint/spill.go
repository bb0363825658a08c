package lint

import (
	"bytes"
	"encoding/gob"
	"errors"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
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
	codec    spillCodec
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
			return s.fail(i18n.Errorf("temporary file for the sweep: %w", err))
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
	b, err := s.codec.encode(&w)
	if err != nil {
		return s.fail(i18n.Errorf("keep %s for the sweep's second pass: %w", p.res.Path, err))
	}
	if _, err := s.file.WriteAt(b, s.end); err != nil {
		return s.fail(i18n.Errorf("temporary file for the sweep: %w", err))
	}
	s.off = append(s.off, s.end)
	s.end += int64(len(b))
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
		return nil, i18n.Errorf("temporary file for the sweep: %w", err)
	}
	var w pendingWire
	if err := s.codec.decode(buf, &w); err != nil {
		return nil, i18n.Errorf("temporary file for the sweep: %w", err)
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

// spillCodec encodes the spilled documents with gob, sending the types once: a gob stream
// describes its types before their first value, and a fresh encoder per document would
// repeat the descriptions in every record and make every read compile a decoder. The
// descriptions go in prefix instead, which primes each decoder; a record then holds only
// its value and decodes with any primed decoder, in any order. (pendingWire holds no
// interface values, the one kind whose types a stream describes later, at first use.)
type spillCodec struct {
	enc    *gob.Encoder
	buf    bytes.Buffer
	prefix []byte
	pool   sync.Pool // *spillDecoder
}

// encode returns w's record; it is not safe for concurrent use (documents are added in
// order, by one goroutine).
func (c *spillCodec) encode(w *pendingWire) ([]byte, error) {
	if c.enc == nil {
		c.enc = gob.NewEncoder(&c.buf)
		if err := c.enc.Encode(&pendingWire{}); err != nil {
			return nil, err
		}
		c.prefix = bytes.Clone(c.buf.Bytes())
	}
	c.buf.Reset()
	if err := c.enc.Encode(w); err != nil {
		return nil, err
	}
	return c.buf.Bytes(), nil
}

// decode reads a record encode returned into w; it is safe for concurrent use once the
// first record is encoded.
func (c *spillCodec) decode(record []byte, w *pendingWire) error {
	d, _ := c.pool.Get().(*spillDecoder)
	if d == nil {
		d = &spillDecoder{}
		d.dec = gob.NewDecoder(&d.in)
		d.in.b = c.prefix
		if err := d.dec.Decode(&pendingWire{}); err != nil {
			return err
		}
	}
	d.in.b, d.in.i = record, 0
	if err := d.dec.Decode(w); err != nil {
		return err // a decoder that failed mid-record is not reused
	}
	d.in.b = nil
	c.pool.Put(d)
	return nil
}

// spillDecoder is a gob decoder primed with the types, reading one record at a time.
type spillDecoder struct {
	dec *gob.Decoder
	in  recordReader
}

// recordReader reads a byte slice; being an io.ByteReader, gob reads it unbuffered, so
// a decoder never reads past the record it is given.
type recordReader struct {
	b []byte
	i int
}

func (r *recordReader) Read(p []byte) (int, error) {
	if r.i >= len(r.b) {
		return 0, io.EOF
	}
	n := copy(p, r.b[r.i:])
	r.i += n
	return n, nil
}

func (r *recordReader) ReadByte() (byte, error) {
	if r.i >= len(r.b) {
		return 0, io.EOF
	}
	r.i++
	return r.b[r.i-1], nil
}
