// Command benchsweep writes, for each report given, the table facts reportlint reads from it
// as a small JSON file ({"t3": {"row": {"col": value}}, "t4": ...}): the pre-extracted data
// that `make bench-sweep` gives conftest, so that reportlint's sweep from raw text can be
// timed side by side with a policy engine that is handed the numbers.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
	"github.com/reportlint/reportlint/rules"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: benchsweep OUT-DIR REPORT...")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "benchsweep:", err)
		os.Exit(1)
	}
}

func run(out string, paths []string) error {
	ctx := context.Background()
	var packs []*pack.Pack
	for _, name := range rules.Names() {
		p, err := pack.Load(ctx, rules.FS(), name, pack.Options{})
		if err != nil {
			return err
		}
		packs = append(packs, p)
	}
	l := &lint.Linter{Packs: packs, Ingest: ingest.Options{Limits: limit.Default()}}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, path := range paths {
		d, err := l.Extract(ctx, path)
		if err != nil {
			return err
		}
		facts := map[string]map[string]map[string]float64{}
		for _, id := range []string{"t3", "t4"} {
			t := d.Facts.Tables[id]
			if t == nil || !t.Found {
				continue
			}
			facts[id] = rows(t)
		}
		data, err := json.Marshal(facts)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".json"
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// rows maps each row to its numeric cells by column.
func rows(t *profile.Table) map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	for id, r := range t.Rows {
		cells := map[string]float64{}
		for col, c := range r.Cells {
			if c.State == profile.StateNumber {
				cells[col] = c.Value
			}
		}
		out[id] = cells
	}
	return out
}
