// Package rules holds the rule packs bundled into the reportlint binary. Each folder is one
// pack (see engine/pack); the binary embeds them so that it runs with no files around it.
package rules

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed all:govinfo-2021
var bundled embed.FS

// FS returns the bundled packs, one folder per pack.
func FS() fs.FS { return bundled }

// Names returns the folders of the bundled packs, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(bundled, ".")
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}
