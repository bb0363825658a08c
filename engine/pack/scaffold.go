package pack

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// NewRule describes a rule to scaffold.
type NewRule struct {
	ID       string
	Engine   string // rego or cel
	Category string // the rule's category tag (section, arithmetic, narrative, metadata, format)
	Level    finding.Level
	Title    string // in Chinese; empty: a placeholder
	TitleEn  string // in English; empty: a placeholder
}

// File is a file of a scaffold: a path inside the folder and its content.
type File struct {
	Path string
	Body string
}

// Folder is a folder a rule can be added to: a pack, or a folder packs include.
type Folder struct {
	root fs.FS
	dir  string
	// Packs are the packs whose tests run the folder's rules: the folder itself when it
	// holds pack.yaml, else every sibling pack that includes it, by folder name.
	Packs []string
}

// OpenFolder returns the folder dir of root with the packs that take its rules; a folder
// that is no pack and that no sibling pack includes is an error.
func OpenFolder(root fs.FS, dir string) (*Folder, error) {
	dir = path.Clean(dir)
	f := &Folder{root: root, dir: dir}
	if _, err := fs.Stat(root, path.Join(dir, "pack.yaml")); err == nil {
		f.Packs = []string{dir}
		return f, nil
	}
	parent, name := path.Dir(dir), path.Base(dir)
	entries, err := fs.ReadDir(root, parent)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == name {
			continue
		}
		data, err := readRegular(root, path.Join(parent, e.Name(), "pack.yaml"))
		if err != nil {
			continue
		}
		var m Manifest
		if decodeStrict(data, &m) == nil && slices.Contains(m.Include, name) {
			f.Packs = append(f.Packs, path.Join(parent, e.Name()))
		}
	}
	if len(f.Packs) == 0 {
		return nil, i18n.Errorf("%s has no pack.yaml and no pack beside it includes it", dir)
	}
	return f, nil
}

// Defines returns where a rule with the id is defined among the rules of the folder's
// packs (a path in root), or "" when none defines it. A pack that does not load is an
// error: the new rule could not be tested in it.
func (f *Folder) Defines(ctx context.Context, id string) (string, error) {
	for _, dir := range f.Packs {
		p, err := Load(ctx, f.root, dir, Options{})
		if err != nil {
			return "", err
		}
		if r, ok := p.byID[id]; ok {
			src, _, _ := strings.Cut(r.Source, ":")
			if first, _, _ := strings.Cut(src, "/"); slices.Contains(p.Include, first) {
				return path.Join(path.Dir(dir), src), nil // in an included folder
			}
			return path.Join(dir, src), nil
		}
	}
	return "", nil
}

// Scaffold returns the new rule's files, paths inside the folder, all in the rule's own
// folder <category>/<ID>/: its source (rule.rego or rule.yaml), its doc (README.md) and
// its tests (tests.yaml). The rule works at once: it reports a placeholder phrase in the
// first section of the first pack's profile, and its tests pass, so that `rules test`
// is green until the author replaces the condition and the cases.
func (f *Folder) Scaffold(ctx context.Context, r NewRule) ([]File, error) {
	if r.Engine != "rego" && r.Engine != "cel" {
		return nil, i18n.Errorf("engine: want rego or cel, not %q", r.Engine)
	}
	p, err := Load(ctx, f.root, f.Packs[0], Options{})
	if err != nil {
		return nil, err
	}
	sections := p.Profile.Spec().Sections
	if len(sections) == 0 || sections[0].Title == "" {
		return nil, i18n.Errorf("the pack's profile has no titled section for the scaffold's test documents")
	}
	heading := sections[0].Numeral + "、" + sections[0].Title
	title := r.Title
	if title == "" {
		title = "（规则标题：报告应当怎样）"
	}
	titleEn := r.TitleEn
	if titleEn == "" {
		titleEn = "(Rule title, what the report should do)"
	}
	if !slices.Contains(Categories, r.Category) {
		return nil, i18n.Errorf("category: want one of %s, not %q", strings.Join(Categories, ", "), r.Category)
	}
	name := strings.ToLower(strings.ReplaceAll(r.ID, "-", "_"))
	dir := RuleDir(r.Category, r.ID)
	var src File
	switch r.Engine {
	case "rego":
		report := regoBare
		if f.hasResultLib() {
			report = regoWithLib
		}
		src = File{path.Join(dir, regoSource), fmt.Sprintf(regoTemplate, title, r.ID, r.Level, r.Category, titleEn, name, report)}
	case "cel":
		src = File{path.Join(dir, celSource), fmt.Sprintf(celTemplate, r.ID, title, r.Level, r.Category, titleEn)}
	}
	return []File{
		src,
		{path.Join(dir, ruleDocMD), fmt.Sprintf(docTemplate, r.ID, title)},
		{path.Join(dir, ruleDocEn), fmt.Sprintf(docEnTemplate, r.ID, titleEn)},
		{path.Join(dir, ruleTests), fmt.Sprintf(testTemplate, r.ID, heading, r.Level, heading)},
	}, nil
}

// hasResultLib reports whether the folder, or a folder its packs include, holds the
// shared result helpers (package reportlint.lib.result).
func (f *Folder) hasResultLib() bool {
	dirs := []string{f.dir}
	for _, dir := range f.Packs {
		dirs = append(dirs, dir)
		if data, err := readRegular(f.root, path.Join(dir, "pack.yaml")); err == nil {
			var m Manifest
			if decodeStrict(data, &m) == nil {
				for _, inc := range m.Include {
					dirs = append(dirs, path.Join(path.Dir(dir), inc))
				}
			}
		}
	}
	for _, d := range dirs {
		found := false
		_ = fs.WalkDir(f.root, d, func(p string, e fs.DirEntry, err error) error {
			if err != nil || found || e.IsDir() {
				return nil
			}
			if k, _, _ := classify(strings.TrimPrefix(p, d+"/")); k != regoFile {
				return nil
			}
			if data, err := readRegular(f.root, p); err == nil && strings.Contains(string(data), "\npackage reportlint.lib.result\n") {
				found = true
			}
			return nil
		})
		if found {
			return true
		}
	}
	return false
}

// The placeholder phrase a scaffolded rule reports, until its author writes the real
// condition (rules see text folded, so it holds no full-width punctuation).
const placeholder = "示例缺陷"

const regoTemplate = `# METADATA
# title: %s
# description: >-
#   （说明规则检查什么、依据什么。）
# custom:
#   id: %s
#   level: %s
#   tags: [%s]
#   since: 0.0.0
#   en:
#     title: %s
#     description: (What the rule checks, and on what basis.)
package reportlint.rules.%s

%s`

// The report rule of a scaffold: with the shared result helpers when the pack has them
// (govinfo-common's lib/), else a violation object of its own.
const (
	regoWithLib = `import data.reportlint.lib.result

# The input is described in schemas/input.schema.json; reportlint extract FILE prints it for
# a document. Report at the fact that is wrong (a cell, a claim, a section ref).
report contains result.fail(msg, "doc") if {
	# The condition that makes the report wrong; this one finds the placeholder phrase
	# the scaffold's tests use. Replace it, and the tests with real cases.
	some s in input.sections
	contains(s.text, "` + placeholder + `")
	msg := result.text("（发现的说明：应为多少，实际为多少）", "(What is wrong: the value expected and the value found)")
}
`
	regoBare = `# The input is described in schemas/input.schema.json; reportlint extract FILE prints it for
# a document. A violation is {"msg", "at"}: "at" is the ref of the fact that is wrong (a
# cell, a claim, a section) or "doc"; "msg" is a string or {"zh": ..., "en": ...}.
report contains {"msg": msg, "at": "doc"} if {
	# The condition that makes the report wrong; this one finds the placeholder phrase
	# the scaffold's tests use. Replace it, and the tests with real cases.
	some s in input.sections
	contains(s.text, "` + placeholder + `")
	msg := {"zh": "（发现的说明：应为多少，实际为多少）", "en": "(What is wrong: the value expected and the value found)"}
}
`
)

const celTemplate = `# （说明这组规则检查什么。）CEL rules see tables, cells and claims; see schemas/input.schema.json
# and the rules in govinfo-common/cel for the helpers (num, sum, cells, column).
rules:
  - id: %s
    title: %s
    description: （说明规则检查什么、依据什么。）
    level: %s
    tags: [%s]
    since: 0.0.0
    # The condition the report must meet; this one refuses the placeholder phrase the
    # scaffold's tests use. Replace it, and the tests with real cases.
    assert: '!sections.exists(s, s.text.contains("` + placeholder + `"))'
    at: '"doc"'
    message: '（发现的说明：应为多少，实际为多少）'
    en:
      title: %s
      description: (What the rule checks, and on what basis.)
      message: '(What is wrong: the value expected and the value found)'
`

const docTemplate = `# %s：%s

## 检查内容

（规则检查什么：哪张表、哪一行或哪句话，应当怎样。）

## 为什么重要

（不这样会有什么问题；依据的文件或条款。）

## 不符合的示例

` + "```text\n（触发本规则的报告片段）\n```" + `

## 符合的示例

` + "```text\n（不触发本规则的报告片段）\n```" + `

## 依据与说明

（格式文件、条例条款或核对实践；是否可能误报，因此为错误、警告还是提示。）
`

const docEnTemplate = `# %s: %s

## What it checks

(What the rule checks: which table, row or sentence, and what it should be.)

## Why it matters

(What goes wrong otherwise; the document or clause it rests on.)

## Failing example

` + "```text\n(a report excerpt that triggers the rule)\n```" + `

## Passing example

` + "```text\n(a report excerpt that does not)\n```" + `

## Basis and notes

(The format document, the regulation's clause or the reviewers' practice; whether it can
report wrongly, and so whether it is an error, a warning or a note.)
`

const testTemplate = `rule: %s
cases:
  # Replace these with a report that has the defect (base: a file under tests/, with
  # edits that make the defect) and one that does not.
  - name: a report with the defect
    doc: |
      %s
      ` + placeholder + `
    want:
      - {at: "1:1", level: %s, message: "（发现的说明", message_en: "(What is wrong"}
  - name: a report without it
    doc: |
      %s
      正文。
    want: []
`
