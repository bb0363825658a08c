package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sync"

	yaml "go.yaml.in/yaml/v3"
)

//go:embed catalog/*.yaml
var catalogFS embed.FS

// Entry is one message of the catalogue in both languages.
type Entry struct {
	Zh string `yaml:"zh"`
	En string `yaml:"en"`
	// EnOne is the English singular form, when the message counts one thing.
	EnOne string `yaml:"en_one,omitempty"`
	// Dynamic marks a message the code passes as a value rather than a literal (a table of
	// labels), so that the completeness test does not take it for stale.
	Dynamic bool `yaml:"dynamic,omitempty"`
	// Context tells apart entries whose words are the same in one language (i18n.C).
	Context string `yaml:"context,omitempty"`
	// File is the catalogue file the entry is in.
	File string `yaml:"-"`
}

var (
	loadOnce sync.Once
	index    map[string]*Entry
	entries  []*Entry
	loadErr  error
)

func load() {
	index = map[string]*Entry{}
	names, _ := fs.Glob(catalogFS, "catalog/*.yaml")
	for _, name := range names {
		data, err := catalogFS.ReadFile(name)
		if err != nil {
			loadErr = err
			return
		}
		var list []*Entry
		if err := yaml.Unmarshal(data, &list); err != nil {
			loadErr = fmt.Errorf("%s: %w", name, err)
			return
		}
		for _, e := range list {
			e.File = path.Base(name)
			entries = append(entries, e)
			for _, k := range []string{e.Zh, e.En, e.EnOne} {
				if k != "" && e.Context != "" {
					k = e.Context + contextSep + k
				}
				if k != "" {
					if _, dup := index[k]; !dup {
						index[k] = e
					}
				}
			}
		}
	}
}

func lookup(key string) (*Entry, bool) {
	loadOnce.Do(load)
	e, ok := index[key]
	return e, ok
}

// Entries are the catalogue's messages, with the error loading it met (a broken catalogue
// file); for the tests that keep it complete.
func Entries() ([]*Entry, error) {
	loadOnce.Do(load)
	return entries, loadErr
}
