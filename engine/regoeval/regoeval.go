// Package regoeval runs a pack's Rego rules. Each rule is one package under
// data.reportlint.rules, described by its package METADATA annotation (title, description
// and custom id, level, tags, since), and adds violation objects to its `report` set:
// {"msg": string, "at": fact reference, "related": [{"ref", "message"}], "level"}.
// All rules of a pack are prepared once into a single query and evaluated with one Eval per
// document, on the facts converted directly to OPA's ast.Value. Rules run with
// capabilities that leave out the network, the environment, the clock and randomness.
package regoeval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
)

// RulesPrefix is the package path under which rule packages live.
const RulesPrefix = "reportlint.rules."

// File is a Rego module of a pack.
type File struct {
	Name string
	Data []byte
}

// Options change how rules are evaluated.
type Options struct {
	// StrictBuiltinErrors makes a built-in error (to_number("x")) fail the query instead
	// of silently making an expression undefined; `rules test` turns it on.
	StrictBuiltinErrors bool
	// InputSchema, a JSON Schema of the input, makes the type checker reject a rule that
	// reads an input field the schema does not define (input.tables.t3.rws).
	InputSchema []byte
	// Defer prepares the queries on the first evaluation instead of in Load, which then
	// only parses the modules and reads the rules' descriptors: a run that lints one
	// document compiles only the pack it picks. Compile errors then surface on the first
	// evaluation, so only the bundled packs, which their tests compile, load this way.
	Defer bool
}

// Set is a prepared pack of Rego rules, safe for concurrent use.
type Set struct {
	query rego.PreparedEvalQuery
	// cross evaluates only the rules that read other documents (input.previous,
	// input.aggregate), for a document whose own rules have already been evaluated.
	cross    rego.PreparedEvalQuery
	hasCross bool
	rules    map[string]finding.Rule // by package name (after RulesPrefix)
	gov      *governor
	// prepare, when preparation is deferred (Options.Defer), prepares the queries once, on
	// the first evaluation; err is its outcome.
	prepare func() error
	once    sync.Once
	err     error
}

// Capabilities returns OPA's built-ins minus those that reach outside the document or
// give different answers on the same input: http.send, net.*, opa.runtime, the clock,
// randomness and everything OPA itself marks non-deterministic; and
// strings.render_template, whose Go templates can loop a number of times of their choosing.
func Capabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	var keep []*ast.Builtin
	for _, b := range c.Builtins {
		switch {
		case b.Nondeterministic,
			b.Name == "http.send", b.Name == "opa.runtime", b.Name == "strings.render_template",
			strings.HasPrefix(b.Name, "net."),
			strings.HasPrefix(b.Name, "time.now"),
			strings.HasPrefix(b.Name, "rand."),
			strings.HasPrefix(b.Name, "uuid.rfc4122"),
			strings.HasPrefix(b.Name, "providers."):
			continue
		}
		keep = append(keep, b)
	}
	c.Builtins = keep
	c.AllowNet = []string{}
	return c
}

// Load parses, checks and prepares the modules. Every problem is returned, each as
// file:line: message.
func Load(ctx context.Context, files []File, pack string, opts Options) (*Set, error) {
	caps := Capabilities()
	if opts.Defer {
		return loadDeferred(files, pack, opts, caps)
	}
	mods, err := parse(files, caps)
	if err != nil {
		return nil, err
	}
	set, crossNames, err := describe(mods, pack)
	if err != nil {
		return nil, err
	}
	if err := set.prepareQueries(ctx, caps, mods, crossNames, opts); err != nil {
		return nil, err
	}
	return set, nil
}

// loadDeferred reads the rule descriptors from each module's head (its package annotation
// and package clause) and leaves parsing the rest, checking and preparing the queries to
// the first evaluation. A module whose head does not give its descriptor is parsed whole.
func loadDeferred(files []File, pack string, opts Options, caps *ast.Capabilities) (*Set, error) {
	var heads []*ast.Module
	var errs []error
	for _, f := range files {
		m, err := parseHead(f, caps)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		heads = append(heads, m)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	set, _, err := describe(heads, pack)
	if err != nil {
		return nil, err
	}
	set.prepare = func() error {
		mods, err := parse(files, caps)
		if err != nil {
			return err
		}
		full, crossNames, err := describe(mods, pack)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(full.rules, set.rules) {
			return i18n.Errorf("pack %s: the rules' package annotations read differently from the whole modules", pack)
		}
		// A context of its own: the first document's deadline must not fail the pack
		// for every later document.
		return set.prepareQueries(context.Background(), caps, mods, crossNames, opts)
	}
	return set, nil
}

// parseHead parses a module's head: the source up to the end of its package clause, which
// holds the package annotation. A module whose head is not found, does not parse or gives
// no descriptor is parsed whole.
func parseHead(f File, caps *ast.Capabilities) (*ast.Module, error) {
	popts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps}
	src := string(f.Data)
	end := -1
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '\n')
		next := len(src)
		if j >= 0 {
			next = i + j + 1
		}
		if strings.HasPrefix(src[i:], "package ") {
			end = next
			break
		}
		i = next
	}
	if end > 0 {
		m, err := ast.ParseModuleWithOpts(f.Name, src[:end], popts)
		if err == nil && m != nil && (!strings.HasPrefix(m.Package.Path.String(), "data."+RulesPrefix) ||
			slices.ContainsFunc(m.Annotations, func(a *ast.Annotations) bool { return a.Scope == "package" })) {
			return m, nil
		}
	}
	return ast.ParseModuleWithOpts(f.Name, src, popts)
}

// parse parses the modules and checks their built-in calls.
// The modules are parsed on every core, each into its place: the result and the order of
// the errors are those of parsing them one by one.
func parse(files []File, caps *ast.Capabilities) ([]*ast.Module, error) {
	parsed := make([]*ast.Module, len(files))
	perrs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range next {
				parsed[i], perrs[i] = ast.ParseModuleWithOpts(files[i].Name, string(files[i].Data), ast.ParserOptions{
					ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps,
				})
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var errs []error
	var mods []*ast.Module
	for i, m := range parsed {
		if perrs[i] != nil {
			errs = append(errs, perrs[i])
			continue
		}
		mods = append(mods, m)
	}
	errs = append(errs, checkCalls(mods)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return mods, nil
}

// describe reads the rule descriptors from the modules' package annotations, and the
// names of the rules that read other documents.
func describe(mods []*ast.Module, pack string) (*Set, []string, error) {
	var errs []error
	set := &Set{rules: map[string]finding.Rule{}, gov: newGovernor(MemoryBudget)}
	var crossNames []string
	for _, m := range mods {
		path := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !strings.HasPrefix(path, RulesPrefix) {
			continue // a library module
		}
		name := strings.TrimPrefix(path, RulesPrefix)
		r, err := ruleFromModule(m, name, pack)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := set.rules[name]; ok {
			errs = append(errs, i18n.Errorf("%s: package %s also defined at %s", r.Source, path, prev.Source))
		}
		set.rules[name] = r
		if readsOtherDocuments(m) {
			crossNames = append(crossNames, name)
		}
	}
	seen := map[string]string{}
	for _, r := range set.rules {
		if other, ok := seen[r.ID]; ok {
			errs = append(errs, i18n.Errorf("%s: rule id %s also used at %s", r.Source, r.ID, other))
		}
		seen[r.ID] = r.Source
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	sort.Strings(crossNames)
	return set, crossNames, nil
}

// prepareQueries compiles the modules and prepares the query of all the rules and, when
// some rules read other documents, the query of those rules.
func (s *Set) prepareQueries(ctx context.Context, caps *ast.Capabilities, mods []*ast.Module, crossNames []string, opts Options) error {
	// The compiler is configured here, not through rego's options, so that the second
	// query can share it.
	compiler := ast.NewCompiler().WithCapabilities(caps).WithStrict(true)
	args := []func(*rego.Rego){
		rego.Compiler(compiler),
		rego.Query("data.reportlint.rules[name].report[v]"),
		rego.Capabilities(caps),
		rego.Strict(true),
		rego.StrictBuiltinErrors(opts.StrictBuiltinErrors),
		rego.SetRegoVersion(ast.RegoV1),
	}
	for _, m := range mods {
		args = append(args, rego.ParsedModule(m))
	}
	if len(opts.InputSchema) > 0 {
		var schema any
		if err := json.Unmarshal(opts.InputSchema, &schema); err != nil {
			return i18n.Errorf("input schema: %w", err)
		}
		ss := ast.NewSchemaSet()
		ss.Put(ast.SchemaRootRef, schema)
		args = append(args, rego.Schemas(ss))
		compiler.WithSchemas(ss)
	}
	pq, err := rego.New(args...).PrepareForEval(ctx)
	if err != nil {
		return locate(err)
	}
	s.query = pq
	if len(crossNames) > 0 {
		// The second query reuses the compiled modules.
		names := make([]*ast.Term, len(crossNames))
		for i, n := range crossNames {
			names[i] = ast.StringTerm(n)
		}
		q := fmt.Sprintf("some name in %v; data.reportlint.rules[name].report[v]", ast.SetTerm(names...))
		cq, err := rego.New(rego.Compiler(compiler), rego.Query(q), rego.Capabilities(caps), rego.Strict(true),
			rego.StrictBuiltinErrors(opts.StrictBuiltinErrors), rego.SetRegoVersion(ast.RegoV1)).PrepareForEval(ctx)
		if err != nil {
			return locate(err)
		}
		s.cross, s.hasCross = cq, true
	}
	return nil
}

// Prepare prepares the queries if Load deferred it (Options.Defer), once; the first
// evaluation does otherwise. It returns what Eval would: the compile errors.
func (s *Set) Prepare() error { return s.ready() }

// ready prepares the queries if Load deferred it.
func (s *Set) ready() error {
	if s.prepare != nil {
		s.once.Do(func() { s.err = s.prepare() })
	}
	return s.err
}

var (
	previousRef  = ast.MustParseRef("input.previous")
	aggregateRef = ast.MustParseRef("input.aggregate")
)

// readsOtherDocuments reports whether a rule module reads what other documents of the run
// give a document: input.previous or input.aggregate.
func readsOtherDocuments(m *ast.Module) bool {
	found := false
	ast.WalkRefs(m, func(r ast.Ref) bool {
		if r.HasPrefix(previousRef) || r.HasPrefix(aggregateRef) {
			found = true
		}
		return found
	})
	return found
}

// locate unwraps OPA's compile errors so each is reported as file:line: code: message.
func locate(err error) error {
	var aerrs ast.Errors
	if errors.As(err, &aerrs) {
		var out []error
		for _, e := range aerrs {
			out = append(out, e)
		}
		return errors.Join(out...)
	}
	return err
}

// ruleFromModule reads the rule descriptor from the package annotation.
func ruleFromModule(m *ast.Module, name, pack string) (finding.Rule, error) {
	loc := m.Package.Location
	src := fmt.Sprintf("%s:%d", loc.File, loc.Row)
	var ann *ast.Annotations
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			ann = a
		}
	}
	if ann == nil {
		return finding.Rule{}, i18n.Errorf("%s: package %s has no METADATA annotation (scope package)", src, name)
	}
	custom := ann.Custom
	str := func(k string) string {
		if s, ok := custom[k].(string); ok {
			return s
		}
		return ""
	}
	r := finding.Rule{
		ID: str("id"), Title: ann.Title, Description: strings.TrimSpace(ann.Description),
		Since: str("since"), Engine: "rego", Source: src, Pack: pack,
	}
	if en, ok := custom["en"].(map[string]any); ok {
		title, _ := en["title"].(string)
		desc, _ := en["description"].(string)
		r.Text = map[string]finding.RuleText{"en": {Title: title, Description: strings.TrimSpace(desc)}}
	}
	var problems []string
	if r.ID == "" {
		problems = append(problems, i18n.T("custom.id is required"))
	}
	if r.Title == "" {
		problems = append(problems, i18n.T("title is required"))
	}
	lvl, err := finding.ParseLevel(str("level"))
	if err != nil || lvl == finding.None {
		problems = append(problems, i18n.Sprintf("custom.level must be error, warning or note, not %q", str("level")))
	}
	r.Level = lvl
	if tags, ok := custom["tags"].([]any); ok {
		for _, t := range tags {
			if s, ok := t.(string); ok {
				r.Tags = append(r.Tags, s)
			}
		}
	}
	if !finding.HasCategory(r.Tags) {
		problems = append(problems, i18n.Sprintf("custom.tags must include one of %s", strings.Join(finding.Categories(), ", ")))
	}
	if len(problems) > 0 {
		return r, i18n.Errorf("%s: rule %s: %s", src, name, strings.Join(problems, i18n.T("; ")))
	}
	return r, nil
}

// Rules returns the rule descriptors, sorted by id.
func (s *Set) Rules() []finding.Rule {
	out := make([]finding.Rule, 0, len(s.rules))
	for _, r := range s.rules {
		out = append(out, r)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out
}

// Eval runs every rule on the facts, converted once with Input. The rules are stopped
// when the heap grows by more than MemoryBudget while they run (see governor).
func (s *Set) Eval(ctx context.Context, input ast.Value) ([]finding.Raw, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	return s.eval(ctx, s.query, input)
}

// EvalCross runs only the rules that read other documents (input.previous,
// input.aggregate); they read nothing of the document but its carried table rows, its
// year and its edition (profile.Summary.Facts).
func (s *Set) EvalCross(ctx context.Context, input ast.Value) ([]finding.Raw, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	if !s.hasCross {
		return nil, nil
	}
	return s.eval(ctx, s.cross, input)
}

func (s *Set) eval(ctx context.Context, q rego.PreparedEvalQuery, input ast.Value) ([]finding.Raw, error) {
	var rs rego.ResultSet
	err := s.gov.run(ctx, func(ctx context.Context) (err error) {
		rs, err = q.Eval(ctx, rego.EvalParsedInput(input))
		return err
	})
	if errors.Is(err, errMemory) {
		return nil, i18n.Errorf("Rego 规则运行时内存增长超过上限 %d MiB，已停止", s.gov.budget>>20)
	}
	if err != nil {
		return nil, locate(err)
	}
	var out []finding.Raw
	var errs []error
	for _, res := range rs {
		name, _ := res.Bindings["name"].(string)
		rule, ok := s.rules[name]
		if !ok {
			continue
		}
		raw, err := violation(rule.ID, res.Bindings["v"])
		if err != nil {
			errs = append(errs, i18n.Errorf("rule %s (%s): %w", rule.ID, rule.Source, err))
			continue
		}
		out = append(out, raw)
	}
	return out, errors.Join(errs...)
}

// violation reads one violation object.
func violation(id string, v any) (finding.Raw, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return finding.Raw{}, i18n.Errorf("violation is %T, want an object with msg and at", v)
	}
	raw := finding.Raw{RuleID: id}
	raw.Message, raw.Key = localText(obj["msg"]), sourceText(obj["msg"])
	if raw.Message == "" {
		return raw, i18n.Errorf("violation without msg: %v", obj)
	}
	raw.At, _ = obj["at"].(string)
	if l, ok := obj["level"].(string); ok && l != "" {
		lvl, err := finding.ParseLevel(l)
		if err != nil {
			return raw, err
		}
		raw.Level = lvl
	}
	if na, ok := obj["not_assessable"].(bool); ok {
		raw.NotAssessable = na
	}
	raw.Expected, raw.Actual = value(obj["expected"]), value(obj["actual"])
	if rel, ok := obj["related"].([]any); ok {
		for _, r := range rel {
			switch x := r.(type) {
			case string:
				raw.Related = append(raw.Related, finding.RelatedRef{Ref: x})
			case map[string]any:
				ref, _ := x["ref"].(string)
				msg := localText(x["message"])
				raw.Related = append(raw.Related, finding.RelatedRef{Ref: ref, Message: msg})
			}
		}
	}
	return raw, nil
}

// localText is a violation's text in the run's language: a string is the same in every
// language; an object {"zh": ..., "en": ...} (result.text) gives each language's, and the
// Chinese where the English is missing.
func localText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		zh, _ := x["zh"].(string)
		en, _ := x["en"].(string)
		if i18n.Current() == i18n.En && en != "" {
			return en
		}
		return zh
	}
	return ""
}

// sourceText is a violation's text in the pack's own language (Chinese).
func sourceText(v any) string {
	if x, ok := v.(map[string]any); ok {
		zh, _ := x["zh"].(string)
		return zh
	}
	s, _ := v.(string)
	return s
}

// value writes a violation's expected or actual value as a message would: a number with
// the digits it needs, a string as it is; anything else (or nothing) as "".
func value(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		if f, err := x.Float64(); err == nil {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// Input converts facts to the value rules see as `input`, directly (no JSON round trip).
func Input(f *profile.Facts) ast.Value { return factsValue(f) }
