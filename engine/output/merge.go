package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
)

// ShardReader reads back, one result at a time, the json format a sharded run wrote
// (lint --shard K/N --format json): the inverse of the json reporter with Options.Shard.
type ShardReader struct {
	// Name is the file the shard was read from, for messages.
	Name string
	// Version is the version of reportlint that wrote the shard.
	Version string
	// Shard is the shard's header; Positions stays empty.
	Shard ShardInfo
	// Rules are the rules in use in the run, as its reporters began with them.
	Rules []finding.Rule
	// rules is the rules as written, to compare shards.
	rules json.RawMessage
	dec   *json.Decoder
	// next is the result read ahead, with its input position; done is set after the
	// last.
	next    finding.Result
	nextPos int
	done    bool
	last    int
	summary jsonSummary
}

// ReadShard reads a sharded run's JSON up to its first result.
func ReadShard(name string, r io.Reader) (*ShardReader, error) {
	s := &ShardReader{Name: name, dec: json.NewDecoder(r), last: -1}
	if err := s.head(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := s.advance(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// head reads the object's members before the results array.
func (s *ShardReader) head() error {
	if err := s.delim('{'); err != nil {
		return fmt.Errorf("not the JSON output of reportlint lint: %w", err)
	}
	var sawShard bool
	for {
		key, err := s.key()
		if err != nil {
			return err
		}
		switch key {
		case "tool":
			var tool struct{ Name, Version string }
			if err := s.dec.Decode(&tool); err != nil {
				return fmt.Errorf("tool: %w", err)
			}
			if tool.Name != "reportlint" {
				return fmt.Errorf("written by %q, not reportlint", tool.Name)
			}
			s.Version = tool.Version
		case "shard":
			if err := s.dec.Decode(&s.Shard); err != nil {
				return fmt.Errorf("shard: %w", err)
			}
			sawShard = true
		case "rules":
			if err := s.dec.Decode(&s.rules); err != nil {
				return fmt.Errorf("rules: %w", err)
			}
			if err := json.Unmarshal(s.rules, &s.Rules); err != nil {
				return fmt.Errorf("rules: %w", err)
			}
		case "results":
			if !sawShard {
				return errors.New("not a shard: write each shard with reportlint lint --shard K/N --format json")
			}
			return s.delim('[')
		default:
			var skip json.RawMessage
			if err := s.dec.Decode(&skip); err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
		}
	}
}

func (s *ShardReader) delim(want json.Delim) error {
	t, err := s.dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("want %q, found %v", want, t)
	}
	return nil
}

func (s *ShardReader) key() (string, error) {
	t, err := s.dec.Token()
	if err != nil {
		return "", err
	}
	k, ok := t.(string)
	if !ok {
		return "", fmt.Errorf("want a member name, found %v", t)
	}
	return k, nil
}

// advance reads the next result, or, after the last, the summary.
func (s *ShardReader) advance() error {
	if s.dec.More() {
		var w jsonResult
		if err := s.dec.Decode(&w); err != nil {
			return fmt.Errorf("result after input %d: %w", s.last, err)
		}
		if w.Input == nil {
			return fmt.Errorf("result %s has no input position", strconv.Quote(w.Path))
		}
		pos := *w.Input
		if pos <= s.last || pos >= s.Shard.Inputs {
			return fmt.Errorf("result %s: input position %d out of order or beyond the run's %d inputs", strconv.Quote(w.Path), pos, s.Shard.Inputs)
		}
		s.last, s.nextPos, s.next = pos, pos, w.result()
		return nil
	}
	s.done = true
	if err := s.delim(']'); err != nil {
		return err
	}
	for {
		t, err := s.dec.Token()
		if err != nil {
			return fmt.Errorf("summary: %w", err)
		}
		if d, ok := t.(json.Delim); ok && d == '}' {
			return nil
		}
		k, _ := t.(string)
		var v json.RawMessage
		if err := s.dec.Decode(&v); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
		if k == "summary" {
			if err := json.Unmarshal(v, &s.summary); err != nil {
				return fmt.Errorf("summary: %w", err)
			}
		}
	}
}

// result is the result a JSON result was written from.
func (w jsonResult) result() finding.Result {
	r := finding.Result{Path: w.Path, Format: w.Format, Pack: w.Pack, About: w.About, Findings: w.Findings, View: w.View, BodyKey: w.BodyKey}
	if w.Error != "" {
		r.Err = errors.New(w.Error)
	}
	if len(w.Lines) > 0 {
		r.Lines = finding.SourceLines{}
		for _, l := range w.Lines {
			r.Lines[finding.LineKey{Page: l.Page, Line: l.Line}] = l.Text
		}
	}
	return r
}

// CheckShards checks that shards are the N parts, once each, of one run: the same tool
// version, inputs, rules and split, and every shard from 1 to N.
func CheckShards(rs []*ShardReader) error {
	if len(rs) == 0 {
		return errors.New("no shards to merge")
	}
	first := rs[0]
	byK := map[int]string{}
	for _, r := range rs {
		h, f := r.Shard, first.Shard
		switch {
		case r.Version != first.Version:
			return fmt.Errorf("%s was written by reportlint %s, %s by %s: merge shards of one run", r.Name, r.Version, first.Name, first.Version)
		case h.N != f.N:
			return fmt.Errorf("%s is a shard of %d, %s of %d: merge shards of one run", r.Name, h.N, first.Name, f.N)
		case h.Inputs != f.Inputs || h.Digest != f.Digest:
			return fmt.Errorf("%s and %s split different inputs (%d and %d documents): give every shard the same paths", r.Name, first.Name, h.Inputs, f.Inputs)
		case h.By != f.By:
			return fmt.Errorf("%s split its inputs by %s, %s by %s: give every shard the same flags", r.Name, h.By, first.Name, f.By)
		case !bytes.Equal(r.rules, first.rules):
			return fmt.Errorf("%s and %s used different rules: give every shard the same packs, selection and levels", r.Name, first.Name)
		case h.K < 1 || h.K > h.N:
			return fmt.Errorf("%s: shard %d of %d", r.Name, h.K, h.N)
		}
		if other, ok := byK[h.K]; ok {
			return fmt.Errorf("%s and %s are both shard %d/%d", other, r.Name, h.K, h.N)
		}
		byK[h.K] = r.Name
	}
	var missing []string
	for k := 1; k <= first.Shard.N; k++ {
		if _, ok := byK[k]; !ok {
			missing = append(missing, fmt.Sprintf("%d/%d", k, first.Shard.N))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("shards missing: %s", strings.Join(missing, ", "))
	}
	return nil
}

// Merge calls emit with the shards' results in the order of the whole run's inputs, and
// returns how many findings the shards' baselines left out. Every input position must come
// from exactly one shard; and when the run pairs reports across years (a split by body or
// by folder), every report of a body from the same shard, or the shards may have paired
// reports differently from one run. Call CheckShards first.
func Merge(rs []*ShardReader, emit func(finding.Result) error) (baselined int, err error) {
	total := 0
	if len(rs) > 0 {
		total = rs[0].Shard.Inputs
	}
	type seen struct {
		k    int
		path string
	}
	bodies := map[string]seen{}
	for pos := 0; pos < total; pos++ {
		var from []*ShardReader
		for _, r := range rs {
			if !r.done && r.nextPos == pos {
				from = append(from, r)
			}
		}
		switch len(from) {
		case 0:
			return 0, fmt.Errorf("input %d is in no shard: the shards did not split the inputs alike (give every shard the same paths and flags)", pos)
		case 1:
		default:
			names := make([]string, len(from))
			for i, r := range from {
				names[i] = r.Name
			}
			return 0, fmt.Errorf("input %d (%s) is in more than one shard: %s", pos, from[0].next.Path, strings.Join(names, ", "))
		}
		r := from[0]
		if b := r.next.BodyKey; b != "" && r.Shard.By != "path" {
			if first, ok := bodies[b]; !ok {
				bodies[b] = seen{r.Shard.K, r.next.Path}
			} else if first.k != r.Shard.K {
				return 0, fmt.Errorf("the reports of %s are in shards %d/%d (%s) and %d/%d (%s), so the shards may pair years differently from one run: split by body (--shard-by body) or keep each body's reports in one folder",
					b, first.k, r.Shard.N, first.path, r.Shard.K, r.Shard.N, r.next.Path)
			}
		}
		if err := emit(r.next); err != nil {
			return 0, err
		}
		if err := r.advance(); err != nil {
			return 0, fmt.Errorf("%s: %w", r.Name, err)
		}
	}
	for _, r := range rs {
		if !r.done {
			return 0, fmt.Errorf("%s: result for input %d beyond the run's %d inputs", r.Name, r.nextPos, total)
		}
		baselined += r.summary.Baselined
	}
	return baselined, nil
}
