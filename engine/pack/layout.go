package pack

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// A pack's folder holds one folder per rule, under the rule's category:
//
//	pack.yaml, profile.yaml
//	<category>/<RULE-ID>/rule.rego   the rule in Rego (or rule.yaml: the rule in CEL)
//	<category>/<RULE-ID>/README.md   its documentation (rules explain, SARIF help)
//	<category>/<RULE-ID>/tests.yaml  its test cases (rules test)
//	lib/*.rego                       Rego helpers the rules share
//	testdata/                        documents the tests start from (base: sample-2023.txt)
//
// The categories are the rules' category tags: section, arithmetic, narrative, metadata,
// format. A folder that packs include (govinfo-common) has the same layout; a rule's
// tests there run under every pack that includes the folder, including the tests of a
// rule each including pack defines for itself (govinfo-common/format/FMT-EDITION holds
// only tests.yaml). Packs written before this layout (cel/*.yaml, rego/**/*.rego,
// docs/<ID>.md, tests/<ID>.yaml, tests/<document>) still load.

// Categories are the rule categories, the folder names of the rules.
var Categories = []string{"section", "arithmetic", "narrative", "metadata", "format"}

// The file names inside a rule's folder.
const (
	regoSource = "rule.rego"
	celSource  = "rule.yaml"
	ruleDocMD  = "README.md"
	// ruleDocEn is the doc in English; README.md is in the pack's language (Chinese).
	ruleDocEn = "README.en.md"
	ruleTests = "tests.yaml"
	testData  = "testdata"
)

// fileKind is what a file of a pack's folder is.
type fileKind int

const (
	otherFile fileKind = iota
	regoFile
	celFile
	docFile
	docEnFile
	testFile
)

// classify tells what the file at name (slash-separated, inside a pack's folder) is, and
// for a rule's folder, the rule id and category its place names.
func classify(name string) (kind fileKind, id, category string) {
	parts := strings.Split(name, "/")
	base := parts[len(parts)-1]
	if len(parts) == 3 && slices.Contains(Categories, parts[0]) {
		id, category = parts[1], parts[0]
		switch base {
		case regoSource:
			return regoFile, id, category
		case celSource:
			return celFile, id, category
		case ruleDocMD:
			return docFile, id, category
		case ruleDocEn:
			return docEnFile, id, category
		case ruleTests:
			return testFile, id, category
		}
		return otherFile, "", ""
	}
	switch {
	case parts[0] == "lib" && len(parts) == 2 && strings.HasSuffix(base, ".rego") && !strings.HasSuffix(base, "_test.rego"):
		return regoFile, "", ""
	// The layout before one folder per rule.
	case parts[0] == "rego" && strings.HasSuffix(base, ".rego") && !strings.HasSuffix(base, "_test.rego"):
		return regoFile, "", ""
	case parts[0] == "cel" && len(parts) == 2 && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")):
		return celFile, "", ""
	case parts[0] == "docs" && len(parts) == 2 && strings.HasSuffix(base, ".en.md"):
		return docEnFile, strings.TrimSuffix(base, ".en.md"), ""
	case parts[0] == "docs" && len(parts) == 2 && strings.HasSuffix(base, ".md"):
		return docFile, strings.TrimSuffix(base, ".md"), ""
	case parts[0] == "tests" && len(parts) == 2 && strings.HasSuffix(base, ".yaml"):
		return testFile, "", ""
	}
	return otherFile, "", ""
}

// RuleDir is the folder of rule id in category, inside a pack's folder.
func RuleDir(category, id string) string { return path.Join(category, id) }

// TestFiles returns the rule test files of a pack's folder, sorted.
func TestFiles(fsys fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name == testData {
				return fs.SkipDir
			}
			return nil
		}
		if k, _, _ := classify(name); k == testFile {
			out = append(out, name)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// ReadTestDocument reads a test case's base document: beside the test file (file, in
// fsys), then in the testdata folder of fsys, then in own's (the pack running the test,
// when the test comes from an included folder).
func ReadTestDocument(fsys fs.FS, file string, own fs.FS, base string) ([]byte, error) {
	if base == "" || path.IsAbs(base) || strings.HasPrefix(path.Clean(base), "..") {
		return nil, i18n.Errorf("base %q: want a file name inside the pack", base)
	}
	type place struct {
		fsys fs.FS
		name string
	}
	tries := []place{{fsys, path.Join(path.Dir(file), base)}, {fsys, path.Join(testData, base)}}
	if own != nil {
		tries = append(tries, place{own, path.Join(testData, base)}, place{own, path.Join("tests", base)})
	}
	var first error
	for _, t := range tries {
		b, err := readRegular(t.fsys, t.name)
		if err == nil {
			return b, nil
		}
		if first == nil {
			first = err
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, i18n.Errorf("base %s: not beside the test file, nor in %s/: %w", base, testData, first)
}

// checkPlace checks that a rule defined in a rule's folder is the rule the folder names,
// under its category. Source is file:line, the file's path inside the pack's folder or,
// for an included folder, behind the folder's name.
func checkPlace(r finding.Rule, include []string) error {
	file, _, _ := strings.Cut(r.Source, ":")
	for _, inc := range include {
		if rest, ok := strings.CutPrefix(file, inc+"/"); ok {
			file = rest
			break
		}
	}
	kind, id, category := classify(file)
	if (kind != regoFile && kind != celFile) || id == "" {
		return nil
	}
	if id != r.ID {
		return i18n.Errorf("%s: rule %s is in the folder of rule %s: each rule has a folder named by its id", r.Source, r.ID, id)
	}
	if !slices.Contains(r.Tags, category) {
		return i18n.Errorf("%s: rule %s is in the %s folder but is not tagged %s: the folder names the rule's category", r.Source, r.ID, category, category)
	}
	return nil
}
