package lint

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
)

// Shard is one of N parts of a run's inputs (--shard K/N): each part can be linted on its
// own machine, and the parts' results merged give what one run over all inputs gives.
type Shard struct {
	// K is the part, 1 to N.
	K, N int
}

// ParseShard reads K/N as the command line gives it: 1 ≤ K ≤ N.
func ParseShard(s string) (Shard, error) {
	var sh Shard
	k, n, ok := strings.Cut(s, "/")
	var errK, errN error
	sh.K, errK = strconv.Atoi(k)
	sh.N, errN = strconv.Atoi(n)
	if !ok || errK != nil || errN != nil {
		return Shard{}, i18n.Errorf("want K/N (such as 2/5), not %q", s)
	}
	if sh.N < 1 {
		return sh, i18n.Errorf("want at least 1 shard, not %d", sh.N)
	}
	if sh.K < 1 || sh.K > sh.N {
		return sh, i18n.Errorf("shard %d of %d: K runs from 1 to N (%d)", sh.K, sh.N, sh.N)
	}
	return sh, nil
}

// String is K/N.
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.K, s.N) }

// Of is the shard (1 to n) a grouping key belongs to: FNV-1a of the key, modulo n. It
// depends on the key alone, so every machine splits the same inputs the same way.
func Of(key string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64()%uint64(n)) + 1
}

// What decides a document's shard (ShardKeys).
const (
	// ShardByBody keys a document by the body its title names: exact, but every shard
	// reads every input to learn it.
	ShardByBody = "body"
	// ShardByFolder keys a document by the folder holding it: nothing is read, and it
	// keeps a body's years together when each body's reports share a folder (merge
	// checks that they did).
	ShardByFolder = "folder"
	// ShardByPath keys a document by its path: for runs that pair no reports.
	ShardByPath = "path"
)

// ShardBy is what this run keys documents by when want (ShardByBody or ShardByFolder) is
// asked: a run that pairs no reports across years (no Pair, or an explicit Previous)
// keys by path, as no document's result then depends on another's.
func (l *Linter) ShardBy(want string) string {
	if !l.pairs() {
		return ShardByPath
	}
	return want
}

// ShardKeys returns, for each path, the key that decides its shard, keyed as by says
// (ShardBy's answer). By body, the key is the body the report's title names
// (profile.BodyOf, the key the sweep pairs years by), so that every year of a body lands
// in the same shard and is paired as one run over all inputs pairs it; a document that
// cannot be read, or whose title names no body, is never paired, and its key is its path.
// Keying by body reads and profiles every document: a sharded run then reads all inputs
// once to split them, and its own inputs once more to lint them. By folder or path,
// nothing is read.
func (l *Linter) ShardKeys(ctx context.Context, paths []string, by string) ([]string, error) {
	keys := make([]string, len(paths))
	byPath := func(p string) string { return "path:" + filepath.ToSlash(p) }
	switch by {
	case ShardByPath:
		for i, p := range paths {
			keys[i] = byPath(p)
		}
		return keys, nil
	case ShardByFolder:
		for i, p := range paths {
			keys[i] = "folder:" + filepath.ToSlash(filepath.Dir(p))
		}
		return keys, nil
	case ShardByBody:
	default:
		return nil, i18n.Errorf("unknown shard key %q (want body, folder or path)", by)
	}
	i := 0
	err := ordered(ctx, l.workers(len(paths)), len(paths), func(ctx context.Context, i int) string {
		return l.bodyKey(ctx, paths[i])
	}, func(body string) error {
		if body == "" {
			keys[i] = byPath(paths[i])
		} else {
			keys[i] = "body:" + body
		}
		i++
		return nil
	})
	return keys, err
}

// pairs reports whether a run pairs reports of the same body among its inputs.
func (l *Linter) pairs() bool { return l.Pair && l.Previous == "" }

// bodyKey reads the document at path for the body its title names; "" when it cannot be
// read or names none.
func (l *Linter) bodyKey(ctx context.Context, path string) (body string) {
	defer func() {
		if r := recover(); r != nil {
			body = ""
		}
	}()
	ctx, cancel := l.deadline(ctx)
	defer cancel()
	d, err := l.Extract(ctx, path)
	if err != nil {
		return ""
	}
	return profile.BodyOf(d.Facts)
}

// Split returns the positions in keys of the inputs that belong to shard s, in input
// order.
func Split(keys []string, s Shard) []int {
	var out []int
	for i, k := range keys {
		if Of(k, s.N) == s.K {
			out = append(out, i)
		}
	}
	return out
}

// InputsDigest identifies a run's list of inputs, so that merging shards of different
// input lists fails instead of mixing them: SHA-256 of the paths, slash-separated, one
// per line.
func InputsDigest(paths []string) string {
	h := sha256.New()
	for _, p := range paths {
		h.Write([]byte(filepath.ToSlash(p)))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}
