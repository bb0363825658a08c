package profile

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// TestZZEquiv dumps the facts of every document under EQUIV_DIRS for every pack profile.
func TestZZEquiv(t *testing.T) {
	dirs := os.Getenv("EQUIV_DIRS")
	if dirs == "" {
		t.Skip()
	}
	var files []string
	for _, d := range strings.Split(dirs, ":") {
		filepath.Walk(d, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && !strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".yaml") {
				files = append(files, p)
			}
			return nil
		})
	}
	sort.Strings(files)
	var docs []*document.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		doc, err := ingest.Read(context.Background(), f, data, ingest.Options{Limits: limit.Default()})
		if err != nil {
			continue
		}
		docs = append(docs, doc)
	}
	packs := []string{"govinfo-2021", "govinfo-2019", "govinfo-pre2019"}
	var profs []*Profile
	for _, p := range packs {
		profs = append(profs, loadPackProfile(t, p))
	}
	out, _ := os.Create(os.Getenv("EQUIV_OUT"))
	defer out.Close()
	w := bufio.NewWriter(out)
	defer w.Flush()
	var el time.Duration
	for _, doc := range docs {
		for pi, p := range profs {
			st := time.Now()
			f := p.Apply(doc)
			el += time.Since(st)
			b, err := json.Marshal(struct {
				Pack  string
				F     *Facts
				Refs  map[string]Resolved
				Cells map[string]*Cell
			}{packs[pi], f, f.refs, f.cells})
			if err != nil {
				t.Fatal(err)
			}
			h := sha256.Sum256(b)
			if only := os.Getenv("EQUIV_FULL"); only != "" && strings.Contains(doc.Path, only) {
				w.Write(b)
				w.WriteByte('\n')
			} else {
				fmt.Fprintf(w, "%s %s %x\n", doc.Path, packs[pi], h)
			}
		}
	}
	t.Logf("%d docs, %d applies, %.3f ms per apply", len(docs), len(docs)*len(profs), float64(el.Microseconds())/1000/float64(len(docs)*len(profs)))
}
