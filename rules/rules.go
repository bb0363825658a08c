// Package rules holds the rule packs bundled into the reportlint binary. Each folder is one
// pack (see engine/pack); the binary embeds them so that it runs with no files around it.
package rules

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed all:govinfo-2019 all:govinfo-2021 all:govinfo-common all:govinfo-pre2019
var bundled embed.FS

// FS returns the bundled packs, one folder per pack, and the folders they share.
func FS() fs.FS { return bundled }

// Names returns the folders of the bundled packs (those holding a pack.yaml), sorted.
func Names() []string {
	entries, _ := fs.ReadDir(bundled, ".")
	var out []string
	for _, e := range entries {
		if _, err := fs.Stat(bundled, e.Name()+"/pack.yaml"); e.IsDir() && err == nil {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}
