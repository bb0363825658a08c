package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportlint/reportlint/schemas"
)

// writeShardCorpus writes reports/ under dir: four bodies × three years made from the
// sample report (so each body's later years repeat its earlier narrative and DOC-REPEAT
// pairs them), a file that cannot be read and a text that is not a report. It returns
// the bodies' names.
func writeShardCorpus(t *testing.T, dir string) []string {
	t.Helper()
	sample, err := os.ReadFile("../../fixtures/2023_chanhe_zhengshuju.txt")
	if err != nil {
		t.Fatal(err)
	}
	const name = "瀍河回族区政务服务和大数据管理局"
	bodies := []string{name, "瀍河回族区教育局", "洛阳市西工区卫生健康委员会", "孟津区人民政府办公室"}
	lines := strings.SplitAfter(string(sample), "\n")
	head := strings.Join(lines[:4], "")
	if !strings.Contains(head, name+"2023年") {
		t.Fatalf("the sample's title changed: %q", head)
	}
	reports := filepath.Join(dir, "reports")
	for i, b := range bodies {
		for _, y := range []string{"2022", "2023", "2024"} {
			title := strings.ReplaceAll(strings.ReplaceAll(head, name, b), "2023", y)
			sub := filepath.Join(reports, fmt.Sprintf("unit%d", i%2))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			doc := title + strings.Join(lines[4:], "")
			if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%s-b%d.txt", y, i)), []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, data := range map[string]string{"old.doc": "not a docx", "notes.txt": "会议纪要\n\n今天讨论了食堂菜单。\n"} {
		if err := os.WriteFile(filepath.Join(reports, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return bodies
}

// runCLI runs the command line in this process and returns its exit code and standard
// error.
func runCLI(args ...string) (int, string) {
	io, _, errOut := TestIO()
	code := Main(args, io)
	return code, errOut.String()
}

// shardDoc is what a shard's JSON says of one document.
type shardDoc struct {
	Input *int   `json:"input"`
	Path  string `json:"path"`
	About *struct {
		Body string `json:"body"`
	} `json:"about"`
	Findings []struct {
		Rule string `json:"rule"`
	} `json:"findings"`
}

// Shards of a run, merged, give byte for byte what one run over all the inputs gives, in
// every format, with the same exit status; the shards split the inputs without overlap and
// keep each body's years together, so the cross-year rule still fires.
func TestShardsMergeAsOneRun(t *testing.T) {
	dir := t.TempDir()
	bodies := writeShardCorpus(t, dir)
	t.Chdir(dir)
	formats := []string{"json", "sarif", "text", "github", "junit", "csv", "xlsx", "html", "html-dir"}
	type outcome struct {
		code   int
		stderr string
	}
	// One run over all the inputs, in every format.
	one := map[string]outcome{}
	output := func(format, failOn, prefix string) (flag, out string) {
		if format == "html-dir" {
			return "html", prefix + "-" + failOn + "-pages/"
		}
		return format, prefix + "-" + failOn + "." + format
	}
	for _, format := range formats {
		for _, failOn := range []string{"error", "none"} {
			flag, out := output(format, failOn, "one")
			code, stderr := runCLI("lint", "--no-config", "--fail-on", failOn, "--format", flag, "-o", out, "reports")
			if code != 2 {
				t.Errorf("one run exits %d, want 2 (old.doc cannot be read)", code)
			}
			one[out] = outcome{code, stderr}
		}
	}
	// By folder: each body's reports share a folder of reports/ (unit0, unit1).
	for _, split := range []struct {
		by string
		n  int
	}{{"body", 1}, {"body", 3}, {"body", 7}, {"folder", 3}} {
		n := split.n
		var shards []string
		var docs [][]shardDoc
		for k := 1; k <= n; k++ {
			out := fmt.Sprintf("shard-%s-%d-of-%d.json", split.by, k, n)
			code, stderr := runCLI("lint", "--no-config", "--shard", fmt.Sprintf("%d/%d", k, n), "--shard-by", split.by, "--format", "json", "-o", out, "reports")
			if strings.Contains(stderr, "--help") {
				t.Fatalf("shard %d/%d: exit %d\n%s", k, n, code, stderr)
			}
			shards = append(shards, out)
			docs = append(docs, readShardDocs(t, out))
		}
		checkSplit(t, n, docs, readShardDocs(t, "one-error.json"), bodies)
		for _, format := range formats {
			t.Run(fmt.Sprintf("%d shards by %s/%s", n, split.by, format), func(t *testing.T) {
				for _, failOn := range []string{"error", "none"} {
					flag, want := output(format, failOn, "one")
					_, merged := output(format, failOn, "merged")
					code, stderr := runCLI(append([]string{"merge", "--fail-on", failOn, "--format", flag, "-o", merged}, shards...)...)
					if w := one[want]; code != w.code || stderr != w.stderr {
						t.Errorf("--fail-on %s: merge exits %d with\n%s\none run exits %d with\n%s", failOn, code, stderr, w.code, w.stderr)
					}
					compareOutputs(t, want, merged)
				}
			})
		}
	}
}

// readShardDocs reads the results of a JSON output, which must validate against
// schemas/results.schema.json.
func readShardDocs(t *testing.T, path string) []shardDoc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateResults(data); err != nil {
		t.Errorf("%s: %v", path, err)
	}
	var v struct {
		Results []shardDoc `json:"results"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v.Results
}

// checkSplit checks that the shards' documents are exactly the run's inputs, each once,
// at its position; that a body's reports share a shard; and that the cross-year rule
// found what one run finds.
func checkSplit(t *testing.T, n int, shards [][]shardDoc, all []shardDoc, bodies []string) {
	t.Helper()
	seen := map[int]string{}
	shardOf := map[string]int{}
	repeats := 0
	for k, docs := range shards {
		for _, d := range docs {
			if d.Input == nil {
				t.Fatalf("%d shards: %s has no input position", n, d.Path)
			}
			if prev, ok := seen[*d.Input]; ok {
				t.Errorf("%d shards: input %d is in two shards (%s, %s)", n, *d.Input, prev, d.Path)
			}
			seen[*d.Input] = d.Path
			if *d.Input >= len(all) || all[*d.Input].Path != d.Path {
				t.Errorf("%d shards: input %d is %s in shard %d", n, *d.Input, d.Path, k+1)
			}
			if d.About != nil && d.About.Body != "" {
				if s, ok := shardOf[d.About.Body]; ok && s != k+1 {
					t.Errorf("%d shards: %s is in shards %d and %d", n, d.About.Body, s, k+1)
				}
				shardOf[d.About.Body] = k + 1
			}
			for _, f := range d.Findings {
				if f.Rule == "DOC-REPEAT" {
					repeats++
				}
			}
		}
	}
	if len(seen) != len(all) {
		t.Errorf("%d shards hold %d documents, the run has %d", n, len(seen), len(all))
	}
	for _, b := range bodies {
		if _, ok := shardOf[b]; !ok {
			t.Errorf("%d shards: no report of %s", n, b)
		}
	}
	// Two later years of each of the four bodies repeat the year before.
	if repeats != 2*len(bodies) {
		t.Errorf("%d shards: %d DOC-REPEAT findings, want %d", n, repeats, 2*len(bodies))
	}
}

// validateResults checks a JSON output against schemas/results.schema.json.
func validateResults(data []byte) error {
	var schema any
	if err := json.Unmarshal(schemas.Results, &schema); err != nil {
		return err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("results.schema.json", schema); err != nil {
		return err
	}
	sch, err := c.Compile("results.schema.json")
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(doc)
}

// compareOutputs compares two outputs: files byte for byte, folders file by file.
func compareOutputs(t *testing.T, want, got string) {
	t.Helper()
	st, err := os.Stat(want)
	if err != nil {
		t.Fatal(err)
	}
	if !st.IsDir() {
		a, errA := os.ReadFile(want)
		b, errB := os.ReadFile(got)
		if errA != nil || errB != nil {
			t.Fatalf("%v %v", errA, errB)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from %s (%d and %d bytes)", got, want, len(b), len(a))
		}
		return
	}
	list := func(root string) []string {
		var out []string
		_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, p)
				out = append(out, rel)
			}
			return nil
		})
		return out
	}
	a, b := list(want), list(got)
	if !slices.Equal(a, b) {
		t.Fatalf("%s holds %v, %s holds %v", got, b, want, a)
	}
	for _, f := range a {
		compareOutputs(t, filepath.Join(want, f), filepath.Join(got, f))
	}
}

// --shard takes K/N with 1 ≤ K ≤ N, and refuses the flags a split cannot honour.
func TestShardFlagErrors(t *testing.T) {
	dir := t.TempDir()
	writeShardCorpus(t, dir)
	t.Chdir(dir)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--shard", "0/3"}, "K runs from 1 to N"},
		{[]string{"--shard", "4/3"}, "K runs from 1 to N"},
		{[]string{"--shard", "-1/3"}, "K runs from 1 to N"},
		{[]string{"--shard", "1/0"}, "at least 1 shard"},
		{[]string{"--shard", "3"}, "want K/N"},
		{[]string{"--shard", "a/b"}, "want K/N"},
		{[]string{"--shard", "1/2/3"}, "want K/N"},
		{[]string{"--shard", " 1/2"}, "want K/N"},
		{[]string{"--shard", "1/2", "--aggregate", "reports/unit0/2022-b0.txt"}, "--shard and --aggregate"},
		{[]string{"--shard", "1/2", "--write-baseline", "b.json"}, "--shard and --write-baseline"},
		{[]string{"--shard", "1/2", "--shard-by", "year"}, "--shard-by: unknown key \"year\" (want body, folder)"},
		{[]string{"--shard", "1/2", "--shard-by", "floder"}, "did you mean folder?"},
		{[]string{"--shard-by", "folder"}, "--shard-by goes with --shard"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stderr := runCLI(append(append([]string{"--lang", "en", "lint", "--no-config"}, tc.args...), "reports")...)
			if code != exitError || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "Run 'reportlint lint --help'") {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.want)
			}
		})
	}
}

// merge refuses shards that do not make one run: one missing or given twice, shards of
// different inputs or rules, and JSON that is not a shard's.
func TestMergeRefusesMismatchedShards(t *testing.T) {
	dir := t.TempDir()
	writeShardCorpus(t, dir)
	t.Chdir(dir)
	lint := func(out string, args ...string) {
		t.Helper()
		if code, stderr := runCLI(append(append([]string{"lint", "--no-config", "--fail-on", "none", "--format", "json", "-o", out}, args...), "reports")...); code != 0 && code != 2 || !strings.Contains(stderr, "检查了") {
			t.Fatalf("lint %v: exit %d\n%s", args, code, stderr)
		}
	}
	lint("s1.json", "--shard", "1/2")
	lint("s2.json", "--shard", "2/2")
	lint("other1.json", "--shard", "1/2", "--exclude", "notes.txt")
	lint("sel2.json", "--shard", "2/2", "--select", "DOC-*")
	lint("whole.json")
	// Reports filed by year: a split by folder puts a body's years in different shards.
	for _, y := range []string{"2022", "2023", "2024"} {
		if err := os.MkdirAll(filepath.Join("byyear", y), 0o755); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join("reports", "unit0", y+"-b0.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("byyear", y, "b0.txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for k := 1; k <= 2; k++ {
		code, stderr := runCLI("lint", "--no-config", "--fail-on", "none", "--shard", fmt.Sprintf("%d/2", k), "--shard-by", "folder", "--format", "json", "-o", fmt.Sprintf("year%d.json", k), "byyear")
		if code != 0 {
			t.Fatalf("byyear shard %d: exit %d\n%s", k, code, stderr)
		}
	}
	for _, tc := range []struct {
		files []string
		want  string
	}{
		{[]string{"s1.json"}, "shards missing: 2/2"},
		{[]string{"s1.json", "s1.json"}, "are both shard 1/2"},
		{[]string{"other1.json", "s2.json"}, "split different inputs"},
		{[]string{"s1.json", "sel2.json"}, "used different rules"},
		{[]string{"whole.json"}, "not a shard"},
		{[]string{"year1.json", "year2.json"}, "the reports of 瀍河回族区政务服务和大数据管理局 are in shards 1/2 (byyear/2022/b0.txt) and 2/2 (byyear/2023/b0.txt)"},
		{[]string{"nope.json"}, "nope.json"},
	} {
		t.Run(strings.Join(tc.files, " "), func(t *testing.T) {
			code, stderr := runCLI(append([]string{"--lang", "en", "merge", "-o", "m.json", "--format", "json"}, tc.files...)...)
			if code != exitError || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.want)
			}
			if _, err := os.Stat("m.json"); err == nil {
				t.Errorf("a failed merge wrote m.json")
			}
		})
	}
	if code, stderr := runCLI("merge", "-o", "s1.json", "s1.json", "s2.json"); code != exitError || !strings.Contains(stderr, "也是要合并的分片") {
		t.Errorf("-o over a shard: exit %d, %q", code, stderr)
	}

	// The baseline of the merged shards is the one run's.
	wantCode, wantErr := runCLI("lint", "--no-config", "--write-baseline", "one-baseline.json", "reports")
	gotCode, gotErr := runCLI("merge", "--write-baseline", "merged-baseline.json", "-o", "m.txt", "s1.json", "s2.json")
	if gotCode != wantCode || !strings.Contains(gotErr, "写入基线") || !strings.Contains(wantErr, "写入基线") {
		t.Errorf("--write-baseline: merge exits %d with %q, one run %d with %q", gotCode, gotErr, wantCode, wantErr)
	}
	compareOutputs(t, "one-baseline.json", "merged-baseline.json")
}
