package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/schemas"
)

// renderShard writes the results at positions as shard k of n, in the json format with
// Options.Shard.
func renderShard(t *testing.T, k, n int, positions []int) []byte {
	t.Helper()
	var buf bytes.Buffer
	all := results()
	info := &ShardInfo{K: k, N: n, By: "body", Inputs: len(all), Digest: strings.Repeat("ab", 32), Positions: positions}
	rep, err := New("json", &buf, Options{ToolVersion: "9.9.9", Shard: info})
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Begin(rules()); err != nil {
		t.Fatal(err)
	}
	var sum Summary
	for _, p := range positions {
		r := all[p]
		r.BodyKey = map[int]string{0: "甲局", 2: "乙局", 3: "甲局"}[p]
		sum.Add(r)
		if err := rep.Result(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.End(sum); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func resultsSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	var doc any
	if err := json.Unmarshal(schemas.Results, &doc); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("results.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("results.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The json format, whole or a shard's, validates against schemas/results.schema.json.
func TestJSONValidatesAgainstTheSchema(t *testing.T) {
	s := resultsSchema(t)
	for name, data := range map[string][]byte{
		"whole":   render(t, "json", false),
		"shard 1": renderShard(t, 1, 2, []int{0, 3}),
		"shard 2": renderShard(t, 2, 2, []int{1, 2}),
		"empty":   renderShard(t, 3, 3, nil),
	} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Shards read back and merged give every format the bytes of the whole run.
func TestMergeRoundTrip(t *testing.T) {
	shards := [][]byte{renderShard(t, 2, 3, []int{1, 2}), renderShard(t, 1, 3, []int{0, 3}), renderShard(t, 3, 3, nil)}
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var rs []*ShardReader
			for i, data := range shards {
				r, err := ReadShard(string(rune('a'+i)), bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				rs = append(rs, r)
			}
			if err := CheckShards(rs); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			rep, err := New(format, &buf, Options{ToolVersion: rs[0].Version, WorkDir: "/work", FailOn: finding.Warning})
			if err != nil {
				t.Fatal(err)
			}
			if err := rep.Begin(rs[0].Rules); err != nil {
				t.Fatal(err)
			}
			var sum Summary
			if _, err := Merge(rs, func(r finding.Result) error { sum.Add(r); return rep.Result(r) }); err != nil {
				t.Fatal(err)
			}
			if err := rep.End(sum); err != nil {
				t.Fatal(err)
			}
			if want := render(t, format, false); !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("merged %s differs from the whole run:\n--- merged\n%s\n--- whole\n%s", format, buf.Bytes(), want)
			}
		})
	}
}

// Merge refuses an input in two shards or in none, and a body's reports in two shards.
func TestMergeRefusesOverlapsAndGaps(t *testing.T) {
	for _, tc := range []struct {
		name   string
		shards [][]int
		want   string
	}{
		{"overlap", [][]int{{0, 1, 3}, {1, 2}}, "input 1 (dir/报告 二.txt) is in more than one shard"},
		{"gap", [][]int{{0, 3}, {1}}, "input 2 is in no shard"},
		{"body split", [][]int{{0, 1}, {2, 3}}, "the reports of 甲局 are in shards 1/2 (a.txt) and 2/2 (old.txt)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rs []*ShardReader
			for i, pos := range tc.shards {
				r, err := ReadShard("s", bytes.NewReader(renderShard(t, i+1, len(tc.shards), pos)))
				if err != nil {
					t.Fatal(err)
				}
				rs = append(rs, r)
			}
			if err := CheckShards(rs); err != nil {
				t.Fatal(err)
			}
			_, err := Merge(rs, func(finding.Result) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Merge: %v, want %q", err, tc.want)
			}
		})
	}
}
