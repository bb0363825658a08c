// Package pack loads versioned rule packs: a folder with a manifest (pack.yaml), the
// profile (profile.yaml) and one folder per rule, <category>/<ID>/, with its source
// (rule.rego or rule.yaml), its doc (README.md) and its tests (tests.yaml); see layout.go.
// Everything is compiled once, and a pack is safe for concurrent use by many documents.
package pack

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/celeval"
	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
	"github.com/reportlint/reportlint/engine/regoeval"
	"github.com/reportlint/reportlint/schemas"
)

// EngineVersion is the version of the rule engine; a pack's manifest names the lowest
// version it needs.
const EngineVersion = "1.2.0"

// Manifest is a pack's pack.yaml.
type Manifest struct {
	// Name identifies the pack family (govinfo-2021); Version is semantic (1.2.0).
	Name    string `yaml:"name"`
	Version string `yaml:"version"`
	// Title says, in Chinese, which report format the pack checks; En.Title in English.
	// The loaded pack's Title is the run's language's.
	Title string `yaml:"title"`
	En    struct {
		Title string `yaml:"title"`
	} `yaml:"en"`
	// Edition is the report-format edition whose tables the pack expects.
	Edition string `yaml:"edition"`
	// Years are the report years the pack applies to; To 0 means open-ended.
	Years struct {
		From int `yaml:"from"`
		To   int `yaml:"to"`
	} `yaml:"years"`
	// Engine is the lowest engine version the pack needs.
	Engine string `yaml:"engine"`
	// HelpURI is the address of a rule's doc, with {doc} for the doc's path from the
	// packs' folder (govinfo-common/arithmetic/T3-ROW-SUM/README.md), {id} for the rule id
	// and {dir} for the folder the doc is in (the pack's or an included one).
	HelpURI string `yaml:"help_uri"`
	// Params are the pack's rule parameters and their defaults (repeat_threshold: 0.5);
	// rules read them as input.params, and the command line may override them.
	Params map[string]float64 `yaml:"params"`
	// Include names sibling folders whose rules, docs and rule tests the pack shares, such as the rules common to both report editions: an
	// included folder's tests run under every pack that includes it.
	Include []string `yaml:"include"`
	// TestVars are what ${name} stands for in the rule tests the pack runs, so that tests
	// shared through Include can name this pack's sample document and year
	// (sample: sample-2023.txt, year: "2023").
	TestVars map[string]string `yaml:"test_vars"`
	// Gate lists rules that decide whether the document is something the pack can check at
	// all (a report of this kind, with readable text). When one of them reports, only its
	// findings and those of the rules in Keep (importer notes) are reported: the others
	// would only restate that nothing was found. Needs engine 1.1.0.
	Gate struct {
		Rules []string `yaml:"rules"`
		Keep  []string `yaml:"keep"`
	} `yaml:"gate"`
}

// Options change how a pack is compiled.
type Options struct {
	// BlankAsZero reads blank cells as 0 in arithmetic rules.
	BlankAsZero bool
	// StrictBuiltinErrors turns Rego built-in errors into evaluation errors (rule tests).
	StrictBuiltinErrors bool
	// TypeCheck checks the Rego rules against the pack's input schema (InputSchema): a
	// rule reading a field the input does not have fails to load. It costs about 25 ms a
	// pack, so the CLI does it for packs from a folder and in `rules test`, and the tests
	// do it for the bundled packs.
	TypeCheck bool
	// Defer compiles the CEL and Rego rules on the pack's first evaluation; Load then reads
	// only their descriptors, so a run that lints one document compiles only the pack it
	// picks. Rules that fail to compile then fail that evaluation instead of the load: the
	// CLI defers only the bundled packs, which their tests compile.
	Defer bool
}

// Pack is a compiled rule pack.
type Pack struct {
	Manifest
	// FS holds the pack's files (for tests and docs).
	FS fs.FS
	// testDirs are the folders whose tests/ the pack runs: its own, then the included.
	testDirs []TestDir
	Profile  *profile.Profile
	cel      *celeval.Set
	rego     *regoeval.Set
	// prepared compiles deferred rules (Options.Defer) on the first evaluation.
	prepared sync.Once
	rules    []finding.Rule
	byID     map[string]finding.Rule
	// inputSchema is the rule input's JSON Schema for this pack's profile; with
	// schemaSpec set (a deferred pack), InputSchema makes it on first use.
	inputSchema []byte
	schemaSpec  *profile.Spec
	schemaOnce  sync.Once
}

func typeCheck(opts Options, schema []byte) []byte {
	if opts.TypeCheck {
		return schema
	}
	return nil
}

// InputSchema returns the JSON Schema of the input the pack's rules see: the generic
// schemas/input.schema.json with the profile's tables, rows and columns spelled out.
func (p *Pack) InputSchema() []byte {
	p.schemaOnce.Do(func() {
		if p.schemaSpec == nil {
			return
		}
		// inputSchema fails only on a malformed embedded schema, which an eager load reports.
		if s, err := inputSchema(p.schemaSpec); err == nil {
			p.inputSchema = s
		}
	})
	return p.inputSchema
}

// TestDir is a folder whose tests/ a pack runs.
type TestDir struct {
	// Name is "" for the pack's own folder, the folder's name for an included one.
	Name string
	FS   fs.FS
}

// TestDirs returns the folders whose rule tests the pack runs: its own first, then those
// of the folders it includes, in the manifest's order.
func (p *Pack) TestDirs() []TestDir { return p.testDirs }

// Ref returns name@version.
func (p *Pack) Ref() string { return p.Name + "@" + p.Version }

// Rules returns the pack's rules sorted by id, with their docs.
func (p *Pack) Rules() []finding.Rule { return p.rules }

// Rule returns the rule with the given id.
func (p *Pack) Rule(id string) (finding.Rule, bool) {
	r, ok := p.byID[id]
	return r, ok
}

// ApplyGate returns the findings to report: when a gate rule that applies (by applies,
// the run's rule selection) has a finding, only the gate rules' findings and those of the
// rules the gate keeps; otherwise all of them.
func (p *Pack) ApplyGate(fs []finding.Finding, applies func(id string, tags []string) bool) []finding.Finding {
	closed := slices.ContainsFunc(fs, func(f finding.Finding) bool {
		return slices.Contains(p.Gate.Rules, f.RuleID) && applies(f.RuleID, f.Tags)
	})
	if !closed {
		return fs
	}
	out := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		if slices.Contains(p.Gate.Rules, f.RuleID) || slices.Contains(p.Gate.Keep, f.RuleID) {
			out = append(out, f)
		}
	}
	return out
}

var semver = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?$`)

// errLink refuses a symbolic link inside a pack folder, or an included folder that is one.
var errLink = i18n.NewError("symbolic link: a pack's files and included folders must be in the pack's folder, not links to elsewhere")

// notLink refuses name in fsys when it is a symbolic link (or anything but a regular file
// or a folder). File systems that know no links (embed.FS) pass.
func notLink(fsys fs.FS, name string) error {
	st, err := fs.Lstat(fsys, name)
	if err != nil {
		return err
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		return errLink
	}
	if !st.Mode().IsRegular() && !st.IsDir() {
		return i18n.Errorf("not a regular file")
	}
	return nil
}

// readRegular reads the file name of fsys, refusing a symbolic link.
func readRegular(fsys fs.FS, name string) ([]byte, error) {
	if err := notLink(fsys, name); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return fs.ReadFile(fsys, name)
}

// Load compiles the pack in folder dir of root; the folders it includes are siblings of
// dir in root. All problems are reported together.
func Load(ctx context.Context, root fs.FS, dir string, opts Options) (*Pack, error) {
	p, err := readManifest(root, dir)
	if err != nil {
		return nil, err
	}
	var errs []error
	if err := p.loadProfileAndSchema(root, opts); err != nil {
		errs = append(errs, err)
	}
	files, ferrs := p.readFiles(root, path.Clean(dir))
	errs = append(errs, ferrs...)
	ref := p.Ref()
	if len(files.cel) > 0 {
		if p.cel, err = celeval.Load(files.cel, ref, celeval.Options{BlankAsZero: opts.BlankAsZero, Defer: opts.Defer}); err != nil {
			errs = append(errs, err)
		}
	}
	if len(files.rego) > 0 {
		if p.rego, err = regoeval.Load(ctx, files.rego, ref, regoeval.Options{StrictBuiltinErrors: opts.StrictBuiltinErrors, InputSchema: typeCheck(opts, p.inputSchema), Defer: opts.Defer}); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 {
		errs = p.indexRules(files.docs)
	}
	if len(errs) > 0 {
		return nil, i18n.Errorf("pack %s:\n%w", ref, errors.Join(errs...))
	}
	return p, nil
}

// readManifest reads and checks the manifest of the pack in folder dir of root.
func readManifest(root fs.FS, dir string) (*Pack, error) {
	fsys, err := fs.Sub(root, path.Clean(dir))
	if err != nil {
		return nil, err
	}
	p := &Pack{FS: fsys, byID: map[string]finding.Rule{}}
	data, err := readRegular(fsys, "pack.yaml")
	if err != nil {
		return nil, i18n.Errorf("read manifest: %w", err)
	}
	if err := decodeStrict(data, &p.Manifest); err != nil {
		return nil, fmt.Errorf("pack.yaml: %w", err)
	}
	if i18n.Current() == i18n.En && p.En.Title != "" {
		p.Title = p.En.Title
	}
	if err := p.checkManifest(); err != nil {
		return nil, err
	}
	return p, nil
}

// loadProfileAndSchema compiles the pack's profile and the input schema it implies (made
// when first asked for, when nothing reads it at load). On failure the input schema is the
// generic one.
func (p *Pack) loadProfileAndSchema(root fs.FS, opts Options) error {
	p.inputSchema = schemas.Input
	spec, err := p.loadProfile(root)
	if err != nil {
		return err
	}
	if p.Profile, err = profile.Compile(spec); err != nil {
		return fmt.Errorf("profile.yaml: %w", err)
	}
	if opts.Defer && !opts.TypeCheck {
		p.schemaSpec = spec
		return nil
	}
	input, err := inputSchema(spec)
	if err != nil {
		return err
	}
	p.inputSchema = input
	return nil
}

// ruleDoc is a rule's documentation, the folder it came from (the pack's or an included
// one) and its path from the packs' root (help_uri's {dir} and {doc}).
type ruleDoc struct {
	dir, path string
	text      []byte
}

// packFiles are the rule sources and docs of a pack and the folders it includes.
type packFiles struct {
	cel  []celeval.File
	rego []regoeval.File
	docs map[string]ruleDoc // by rule id; the pack's own folder wins
}

// readFiles reads the rule sources and docs of the pack's folder dir and of the sibling
// folders it includes, and notes each folder's tests.
func (p *Pack) readFiles(root fs.FS, dir string) (packFiles, []error) {
	files := packFiles{docs: map[string]ruleDoc{}}
	var errs []error
	// The pack's own folder comes first, so its docs win over an included folder's.
	sources := []string{dir}
	for _, inc := range p.Include {
		if inc == "" || strings.Contains(inc, "/") || strings.HasPrefix(inc, ".") {
			errs = append(errs, i18n.Errorf("pack.yaml: include %q must name a sibling folder", inc))
			continue
		}
		sources = append(sources, inc)
	}
	for i, src := range sources {
		sub, err := fs.Sub(root, src)
		if err == nil {
			err = notLink(root, src)
		}
		if err == nil {
			_, err = fs.Stat(sub, ".")
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("include %s: %w", src, err))
			continue
		}
		prefix := ""
		if i > 0 {
			prefix = src + "/"
			p.testDirs = append(p.testDirs, TestDir{Name: src, FS: sub})
		} else {
			p.testDirs = append(p.testDirs, TestDir{FS: sub})
		}
		if err := files.read(sub, prefix, path.Base(src)); err != nil {
			errs = append(errs, err)
		}
	}
	return files, errs
}

// read adds the rule sources and docs of one folder, whose file names take prefix.
func (f *packFiles) read(sub fs.FS, prefix, dir string) error {
	return fs.WalkDir(sub, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link could point anywhere; its target would be published as rule help
			// or loaded as rules. A pack's files are its own.
			return fmt.Errorf("%s%s: %w", prefix, name, errLink)
		}
		if d.IsDir() {
			return nil
		}
		kind, id, _ := classify(name)
		if kind == docEnFile {
			kind, id = docFile, id+enDoc
		}
		if _, seen := f.docs[id]; kind != celFile && kind != regoFile && (kind != docFile || seen) {
			return nil
		}
		b, err := readRegular(sub, name)
		if err != nil {
			return err
		}
		switch kind {
		case celFile:
			f.cel = append(f.cel, celeval.File{Name: prefix + name, Data: b})
		case regoFile:
			f.rego = append(f.rego, regoeval.File{Name: prefix + name, Data: b})
		default:
			f.docs[id] = ruleDoc{dir: dir, path: path.Join(dir, name), text: b}
		}
		return nil
	})
}

// indexRules gathers the compiled rules with their docs, sorted by id, and checks that ids
// are unique and that the gate names rules of the pack.
func (p *Pack) indexRules(docs map[string]ruleDoc) []error {
	var errs []error
	var rules []finding.Rule
	if p.cel != nil {
		rules = append(rules, p.cel.Rules()...)
	}
	if p.rego != nil {
		rules = append(rules, p.rego.Rules()...)
	}
	for i, r := range rules {
		if prev, ok := p.byID[r.ID]; ok {
			errs = append(errs, i18n.Errorf("%s: rule id %s also defined at %s", r.Source, r.ID, prev.Source))
			continue
		}
		if err := checkPlace(r, p.Include); err != nil {
			errs = append(errs, err)
		}
		d, ok := docs[r.ID]
		if ok {
			rules[i].Help = string(d.text)
		}
		if en, ok := docs[r.ID+enDoc]; ok {
			localizeHelp(&rules[i], en)
			if i18n.Current() == i18n.En {
				d = en
			}
		}
		rules[i].Localize("zh", i18n.Current().String())
		if p.HelpURI != "" && ok {
			rules[i].HelpURI = strings.NewReplacer("{id}", r.ID, "{dir}", d.dir, "{doc}", d.path).Replace(p.HelpURI)
		}
		p.byID[r.ID] = rules[i]
	}
	for _, id := range append(append([]string(nil), p.Gate.Rules...), p.Gate.Keep...) {
		if _, ok := p.byID[id]; !ok {
			errs = append(errs, i18n.Errorf("pack.yaml: gate names rule %s, which the pack does not define", id))
		}
	}
	sort.Slice(rules, func(a, b int) bool { return rules[a].ID < rules[b].ID })
	p.rules = rules
	return errs
}

// enDoc marks a rule's English doc among the docs by rule id.
const enDoc = "\x00en"

// localizeHelp adds the rule's English doc to its English text.
func localizeHelp(r *finding.Rule, doc ruleDoc) {
	r.Text = maps.Clone(r.Text) // shared with the rule set the rule came from
	if r.Text == nil {
		r.Text = map[string]finding.RuleText{}
	}
	if _, ok := r.Text["zh"]; !ok {
		r.Text["zh"] = finding.RuleText{Title: r.Title, Description: r.Description, Help: r.Help}
	}
	en := r.Text["en"]
	en.Help = string(doc.text)
	r.Text["en"] = en
}

// loadProfile reads profile.yaml and, when it extends a base profile in an included
// folder, lays it over that base.
func (p *Pack) loadProfile(root fs.FS) (*profile.Spec, error) {
	data, err := readRegular(p.FS, "profile.yaml")
	if err != nil {
		return nil, i18n.Errorf("read profile: %w", err)
	}
	spec, err := profile.DecodeSpec(data)
	if err != nil {
		return nil, fmt.Errorf("profile.yaml: %w", err)
	}
	if spec.Extends == "" {
		return spec, nil
	}
	dir, _, _ := strings.Cut(spec.Extends, "/")
	included := false
	for _, inc := range p.Include {
		included = included || inc == dir
	}
	if !included || path.Clean(spec.Extends) != spec.Extends {
		return nil, i18n.Errorf("profile.yaml: extends %q must be a file in an included folder", spec.Extends)
	}
	err = notLink(root, dir)
	var bdata []byte
	if err == nil {
		bdata, err = readRegular(root, spec.Extends)
	}
	if err != nil {
		return nil, fmt.Errorf("profile.yaml: extends: %w", err)
	}
	base, err := profile.DecodeSpec(bdata)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", spec.Extends, err)
	}
	return profile.Overlay(base, spec), nil
}

func (p *Pack) checkManifest() error {
	var problems []string
	if p.Name == "" {
		problems = append(problems, i18n.T("name is required"))
	}
	if !semver.MatchString(p.Version) {
		problems = append(problems, i18n.Sprintf("version %q is not a semantic version", p.Version))
	}
	if p.Engine != "" {
		if !semver.MatchString(p.Engine) {
			problems = append(problems, i18n.Sprintf("engine %q is not a semantic version", p.Engine))
		} else if compareVersions(p.Engine, EngineVersion) > 0 {
			problems = append(problems, i18n.Sprintf("needs engine %s, this is %s", p.Engine, EngineVersion))
		}
	}
	if (len(p.Gate.Rules) > 0 || len(p.Gate.Keep) > 0) && (!semver.MatchString(p.Engine) || compareVersions(p.Engine, "1.1.0") < 0) {
		problems = append(problems, i18n.T("gate needs engine: 1.1.0 or later"))
	}
	if len(problems) > 0 {
		return fmt.Errorf("pack.yaml: %s", strings.Join(problems, i18n.T("; ")))
	}
	return nil
}

// compareVersions compares two semantic versions by major, minor and patch.
func compareVersions(a, b string) int {
	pa, pb := strings.SplitN(a, "-", 2)[0], strings.SplitN(b, "-", 2)[0]
	as, bs := strings.Split(pa, "."), strings.Split(pb, ".")
	for i := 0; i < 3; i++ {
		x, _ := strconv.Atoi(as[i])
		y, _ := strconv.Atoi(bs[i])
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// AppliesTo reports whether the pack covers reports of the given year (0: unknown).
func (p *Pack) AppliesTo(year int) bool {
	if year == 0 {
		return true
	}
	return year >= p.Years.From && (p.Years.To == 0 || year <= p.Years.To)
}

// Evaluate runs the pack's CEL and Rego rules on the facts. A rule that errors does not
// hide the findings of the others; the error is returned next to them.
func (p *Pack) Evaluate(ctx context.Context, facts *profile.Facts) ([]finding.Raw, error) {
	p.prepare()
	var out []finding.Raw
	var errs []error
	if p.cel != nil {
		raws, err := p.cel.Eval(ctx, facts)
		out = append(out, raws...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	if p.rego != nil {
		raws, err := p.rego.Eval(ctx, regoeval.Input(facts))
		out = append(out, raws...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return out, errors.Join(errs...)
}

// EvaluateCross evaluates only the rules that read other documents of the run (the
// previous year's report, an aggregate's components), on facts that hold what those rules
// read (profile.Summary.Facts, linked with the other documents).
func (p *Pack) EvaluateCross(ctx context.Context, facts *profile.Facts) ([]finding.Raw, error) {
	p.prepare()
	if p.rego == nil {
		return nil, nil
	}
	return p.rego.EvalCross(ctx, regoeval.Input(facts))
}

// prepare compiles the pack's deferred CEL and Rego rules, the two at once; their errors
// are kept by each set and returned by its evaluations.
func (p *Pack) prepare() {
	p.prepared.Do(func() {
		if p.cel == nil || p.rego == nil {
			return // the one set there is compiles on its first evaluation
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			_ = p.cel.Prepare()
		}()
		_ = p.rego.Prepare()
		<-done
	})
}

func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	return dec.Decode(v)
}
