package lint

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/i18n"
)

func TestParseShard(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En) // the errors as written; TestShardErrorsInBothLanguages has both languages
	for _, tc := range []struct {
		in   string
		want Shard
		err  string
	}{
		{in: "1/1", want: Shard{1, 1}},
		{in: "2/5", want: Shard{2, 5}},
		{in: "5/5", want: Shard{5, 5}},
		{in: "0/5", err: "K runs from 1 to N"},
		{in: "6/5", err: "K runs from 1 to N"},
		{in: "-1/5", err: "K runs from 1 to N"},
		{in: "1/0", err: "at least 1 shard"},
		{in: "1/-2", err: "at least 1 shard"},
		{in: "", err: "want K/N"},
		{in: "3", err: "want K/N"},
		{in: "1/2/3", err: "want K/N"},
		{in: "a/b", err: "want K/N"},
		{in: "1 /2", err: "want K/N"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseShard(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("ParseShard(%q) = %v, %v; want an error with %q", tc.in, got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ParseShard(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

// The split is a function of the key alone, the same on every machine and release that
// merges with it: these values must not change.
func TestOfIsStable(t *testing.T) {
	for _, tc := range []struct {
		key  string
		n    int
		want int
	}{
		{"body:平潭综合实验区管委会", 3, 2},
		{"body:平潭综合实验区管委会", 10, 5},
		{"path:reports/a.txt", 4, 2},
		{"path:reports/a.txt", 1, 1},
	} {
		if got := Of(tc.key, tc.n); got != tc.want || got < 1 || got > tc.n {
			t.Errorf("Of(%q, %d) = %d, want %d", tc.key, tc.n, got, tc.want)
		}
	}
	if got := Of("", 7); got != int(14695981039346656037%7)+1 {
		t.Errorf("Of(\"\", 7) = %d: not FNV-1a 64", got)
	}
}

// The shards of a split hold every input once, and the keys keep a body's reports
// together: the real corpus's reports of 平潭 share one key; a file that cannot be read is
// keyed by its path.
func TestShardKeysKeepBodiesTogether(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "20*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("corpus: %v %v", files, err)
	}
	files = append(files, "missing.txt")
	l := newTestLinter(t)
	l.Pair = true
	keys, err := l.ShardKeys(context.Background(), files, l.ShardBy(ShardByBody))
	if err != nil {
		t.Fatal(err)
	}
	pingtan := map[string]bool{}
	for i, f := range files {
		if strings.Contains(f, "pingtan") {
			pingtan[keys[i]] = true
		}
	}
	if len(pingtan) != 1 {
		t.Errorf("平潭's reports have keys %v, want one", pingtan)
	}
	if k := keys[len(keys)-1]; k != "path:missing.txt" {
		t.Errorf("missing.txt: key %q", k)
	}
	for _, n := range []int{1, 2, 3, 7} {
		var all []int
		for k := 1; k <= n; k++ {
			all = append(all, Split(keys, Shard{k, n})...)
		}
		slices.Sort(all)
		want := make([]int, len(files))
		for i := range want {
			want[i] = i
		}
		if !slices.Equal(all, want) {
			t.Errorf("%d shards hold inputs %v of %d", n, all, len(files))
		}
	}
	// By folder, or without pairing, nothing is read: the key is the folder, or the path.
	keys, err = l.ShardKeys(context.Background(), files, ShardByFolder)
	if err != nil || keys[0] != "folder:"+filepath.ToSlash(corpusDir) || keys[len(keys)-1] != "folder:." {
		t.Errorf("folder keys: %v, %v", keys, err)
	}
	l.Pair = false
	if by := l.ShardBy(ShardByBody); by != ShardByPath {
		t.Errorf("a run that pairs nothing splits by %s", by)
	}
	keys, err = l.ShardKeys(context.Background(), files, ShardByPath)
	if err != nil || keys[0] != "path:"+filepath.ToSlash(files[0]) {
		t.Errorf("unpaired keys: %v, %v", keys[:1], err)
	}
}
