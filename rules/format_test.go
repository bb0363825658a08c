package rules

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

// Every Rego file of the bundled packs is formatted as `opa fmt` formats it (Rego v1):
// the packs' sources read the same whoever wrote them.
func TestRegoIsFormatted(t *testing.T) {
	n := 0
	err := fs.WalkDir(FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") {
			return err
		}
		n++
		src, err := fs.ReadFile(FS(), path)
		if err != nil {
			return err
		}
		got, err := format.SourceWithOpts(path, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return nil
		}
		if !bytes.Equal(got, src) {
			t.Errorf("%s is not formatted as opa fmt would (go test ./rules -run TestRegoIsFormatted -fix-rego rewrites it)", path)
			if *fixRego {
				return writeFile(path, got)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Fatalf("only %d Rego files found", n)
	}
}

var fixRego = flag.Bool("fix-rego", false, "rewrite unformatted Rego files in place")

// writeFile rewrites a pack file, by its path below this folder.
func writeFile(path string, data []byte) error {
	return os.WriteFile(filepath.FromSlash(path), data, 0o644)
}
