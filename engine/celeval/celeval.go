// Package celeval runs a pack's CEL rules. A rule iterates over a scope the engine
// computes once per document (the rows of a table, its columns, a fixed list), binds each
// item to a name, and asserts a condition on it; the engine does the iteration, so each
// expression stays small. Cell values come pre-parsed; num() and sum() refuse cells that
// are blank, placeholders or missing, which makes the rule "not assessable" for that item
// instead of letting a blank pass as 0.
package celeval

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/checker"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"
	"github.com/google/cel-go/ext"
	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
)

// File is a CEL rule file of a pack.
type File struct {
	// Name is the file's path inside the pack, used in error messages and rule sources.
	Name string
	Data []byte
}

// Options change how rules read cells; they are fixed when a pack is loaded.
type Options struct {
	// BlankAsZero makes num() and sum() read blank cells as 0 (some provinces leave zero
	// cells blank); placeholders and missing cells stay not assessable.
	BlankAsZero bool
	// CostLimit bounds one evaluation of one expression, and the estimate made at load
	// time (see program); 0 means ExprCostLimit.
	CostLimit uint64
	// DocBudget bounds the cost of all the rules on one document; 0 means DocCostBudget.
	DocBudget uint64
	// Defer compiles the expressions on the first evaluation instead of in Load, which
	// then only reads the rules' descriptors: a run that lints one document compiles
	// only the pack it picks. A pack whose expressions do not compile then fails when it
	// first evaluates, not when it loads, so only the bundled packs, which their tests
	// compile, are loaded this way.
	Defer bool
}

// ruleSpec is a rule as written in YAML.
type ruleSpec struct {
	ID          string    `yaml:"id"`
	Title       string    `yaml:"title"`
	Description string    `yaml:"description"`
	Level       string    `yaml:"level"`
	Tags        []string  `yaml:"tags"`
	Since       string    `yaml:"since"`
	For         yaml.Node `yaml:"for"`
	As          string    `yaml:"as"`
	Let         yaml.Node `yaml:"let"`
	Assert      yaml.Node `yaml:"assert"`
	At          yaml.Node `yaml:"at"`
	Related     yaml.Node `yaml:"related"`
	Message     yaml.Node `yaml:"message"`
	// En is the rule's text in English: title, description and message template.
	En struct {
		Title       string    `yaml:"title"`
		Description string    `yaml:"description"`
		Message     yaml.Node `yaml:"message"`
	} `yaml:"en"`
}

type fileSpec struct {
	Rules []yaml.Node `yaml:"rules"`
}

// Rule is a compiled CEL rule.
type Rule struct {
	Meta finding.Rule
	// file and node are where the rule is written, kept for a deferred compilation.
	file    string
	node    *yaml.Node
	as      string
	forPrg  *compiled
	lets    []binding
	assert  *compiled
	at      *compiled
	related *compiled
	message []messagePart
	// messageEn is the English message template, when the rule has one.
	messageEn []messagePart
	// vars are the fact variables the rule's expressions read.
	vars []string
}

type binding struct {
	name string
	prg  *compiled
}

// messagePart is literal text or an expression whose value is formatted in place.
type messagePart struct {
	text string
	prg  *compiled
}

// Set is the compiled CEL rules of one pack. It is safe for concurrent use.
type Set struct {
	rules  []*Rule
	budget uint64 // cost all rules may spend on one document
	// adapter makes CEL values of the facts, once per document.
	adapter types.Adapter
	// compile, when compilation is deferred (Options.Defer), compiles the rules' expressions
	// once, on the first evaluation; err is its outcome.
	compile func() error
	once    sync.Once
	err     error
}

// Rules returns the descriptors of the rules in the set, sorted by id.
func (s *Set) Rules() []finding.Rule {
	out := make([]finding.Rule, 0, len(s.rules))
	for _, r := range s.rules {
		out = append(out, r.Meta)
	}
	return out
}

// PackError is an error located in a pack file.
type PackError struct {
	File string
	Line int
	Msg  string
}

func (e PackError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Load compiles the rule files. Every problem is collected, so an author sees all of them
// at once; the returned error joins them, one "file:line: message" per line.
func Load(files []File, pack string, opts Options) (*Set, error) {
	limit, budget := opts.CostLimit, opts.DocBudget
	if limit == 0 {
		limit = ExprCostLimit
	}
	if budget == 0 {
		budget = DocCostBudget
	}
	var env *cel.Env
	if !opts.Defer {
		var err error
		if env, err = newEnv(opts); err != nil {
			return nil, err
		}
	}
	set := &Set{budget: budget}
	if env != nil {
		set.adapter = env.CELTypeAdapter()
	}
	var errs []error
	for _, f := range files {
		var fs fileSpec
		if err := yaml.Unmarshal(f.Data, &fs); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.Name, err))
			continue
		}
		for i := range fs.Rules {
			node := &fs.Rules[i]
			r, rerrs := compileRule(env, f.Name, node, pack, limit)
			errs = append(errs, rerrs...)
			if r != nil {
				set.rules = append(set.rules, r)
			}
		}
	}
	sort.Slice(set.rules, func(a, b int) bool { return set.rules[a].Meta.ID < set.rules[b].Meta.ID })
	for i := 1; i < len(set.rules); i++ {
		if set.rules[i].Meta.ID == set.rules[i-1].Meta.ID {
			errs = append(errs, i18n.Errorf("%s: rule id %s defined twice (also %s)", set.rules[i].Meta.Source, set.rules[i].Meta.ID, set.rules[i-1].Meta.Source))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if opts.Defer {
		set.compile = func() error {
			env, err := newEnv(opts)
			if err != nil {
				return err
			}
			set.adapter = env.CELTypeAdapter()
			var errs []error
			for _, r := range set.rules {
				c, rerrs := compileRule(env, r.file, r.node, pack, limit)
				errs = append(errs, rerrs...)
				if c != nil {
					r.setPrograms(c)
				}
			}
			return errors.Join(errs...)
		}
	}
	return set, nil
}

// Prepare compiles the rules' expressions if Load deferred it (Options.Defer), once; the
// first evaluation does otherwise. It returns what Eval would: the compile errors.
func (s *Set) Prepare() error { return s.ready() }

// ready compiles the rules' expressions if Load deferred it.
func (s *Set) ready() error {
	if s.compile != nil {
		s.once.Do(func() { s.err = s.compile() })
	}
	return s.err
}

// setPrograms gives r the programs of c, the same rule compiled; r's descriptor, which
// Rules reads at any time, is left as it is.
func (r *Rule) setPrograms(c *Rule) {
	r.as, r.forPrg, r.lets, r.assert, r.at, r.related, r.message, r.messageEn, r.vars = c.as, c.forPrg, c.lets, c.assert, c.at, c.related, c.message, c.messageEn, c.vars
}

// newEnv declares the facts (as native Go types, so a misspelt field is a compile error)
// and the helper functions.
func newEnv(opts Options) (*cel.Env, error) {
	bz := opts.BlankAsZero
	// The helpers return lists of native cells, which only the environment's own adapter
	// (with the native types registered) can wrap; it is set once the environment exists.
	var adapter types.Adapter
	env, err := cel.NewEnv(
		ext.NativeTypes(
			reflect.TypeOf(&profile.Facts{}),
			ext.ParseStructTag("json"),
		),
		fieldReader(),
		cel.Variable("tables", cel.MapType(cel.StringType, cel.ObjectType("profile.Table"))),
		cel.Variable("sections", cel.ListType(cel.ObjectType("profile.Section"))),
		cel.Variable("claims", cel.ListType(cel.ObjectType("profile.Claim"))),
		cel.Variable("report", cel.ObjectType("profile.Report")),
		cel.Variable("edition", cel.ObjectType("profile.Edition")),
		cel.Variable("cells", cel.ListType(cel.ObjectType("profile.Cell"))),
		ext.Strings(),
		ext.Lists(),
		cel.CostEstimatorOptions(checker.OverloadCostEstimate("list_distinct", estimateDistinct)),
		ext.Math(),
		ext.Bindings(),
		cel.Function("num",
			cel.Overload("num_cell", []*cel.Type{cel.ObjectType("profile.Cell")}, cel.DoubleType,
				cel.UnaryBinding(func(v ref.Val) ref.Val { return numOf(v, bz) }))),
		cel.Function("sum",
			cel.Overload("sum_cells", []*cel.Type{cel.ListType(cel.ObjectType("profile.Cell"))}, cel.DoubleType,
				cel.UnaryBinding(func(v ref.Val) ref.Val { return sumOf(v, bz) })),
			cel.Overload("sum_doubles", []*cel.Type{cel.ListType(cel.DoubleType)}, cel.DoubleType,
				cel.UnaryBinding(sumDoubles))),
		// cells(row, cols) and column(table, rows, col) pick cells out of the facts in Go,
		// far cheaper than the same comprehension over native types in CEL.
		cel.Function("cells",
			cel.Overload("cells_row_cols", []*cel.Type{cel.ObjectType("profile.Row"), cel.ListType(cel.StringType)}, cel.ListType(cel.ObjectType("profile.Cell")),
				cel.BinaryBinding(func(row, cols ref.Val) ref.Val { return rowCells(adapter, row, cols) }))),
		cel.Function("column",
			cel.Overload("column_table_rows_col", []*cel.Type{cel.ObjectType("profile.Table"), cel.ListType(cel.StringType), cel.StringType}, cel.ListType(cel.ObjectType("profile.Cell")),
				cel.FunctionBinding(func(args ...ref.Val) ref.Val { return columnCells(adapter, args...) }))),
		cel.Function("is_number",
			cel.Overload("is_number_cell", []*cel.Type{cel.ObjectType("profile.Cell")}, cel.BoolType,
				cel.UnaryBinding(func(v ref.Val) ref.Val {
					c, ok := v.Value().(*profile.Cell)
					return types.Bool(ok && c.State == profile.StateNumber)
				}))),
	)
	if err != nil {
		return nil, err
	}
	adapter = env.CELTypeAdapter()
	return env, nil
}

// NotAssessable is the error num() and sum() raise for cells without a number.
type NotAssessable struct {
	Refs []string
}

func (e *NotAssessable) Error() string {
	return i18n.Sprintf("not assessable: %s", strings.Join(e.Refs, ", "))
}

func numOf(v ref.Val, blankAsZero bool) ref.Val {
	c, ok := v.Value().(*profile.Cell)
	if !ok || c == nil {
		return types.NewErr("%s", i18n.T("num: not a cell"))
	}
	switch {
	case c.State == profile.StateNumber:
		return types.Double(c.Value)
	case c.State == profile.StateBlank && blankAsZero:
		return types.Double(0)
	}
	return types.WrapErr(&NotAssessable{Refs: []string{c.Ref}})
}

func sumOf(v ref.Val, blankAsZero bool) ref.Val {
	l, ok := v.(traits.Lister)
	if !ok {
		return types.NewErr("%s", i18n.T("sum: not a list"))
	}
	var total float64
	var missing []string
	it := l.Iterator()
	for it.HasNext() == types.True {
		n := numOf(it.Next(), blankAsZero)
		if types.IsError(n) {
			var na *NotAssessable
			if errors.As(n.(*types.Err), &na) {
				missing = append(missing, na.Refs...)
				continue
			}
			return n
		}
		total += float64(n.(types.Double))
	}
	if len(missing) > 0 {
		return types.WrapErr(&NotAssessable{Refs: missing})
	}
	return types.Double(total)
}

func rowCells(adapter types.Adapter, rowVal, colsVal ref.Val) ref.Val {
	row, ok := rowVal.Value().(*profile.Row)
	cols, ok2 := colsVal.(traits.Lister)
	if !ok || !ok2 || row == nil {
		return types.NewErr("%s", i18n.T("cells: want a row and a list of column ids"))
	}
	var out []*profile.Cell
	it := cols.Iterator()
	for it.HasNext() == types.True {
		id, _ := it.Next().Value().(string)
		if c, ok := row.Cells[id]; ok {
			out = append(out, c)
		} else {
			return types.NewErr("%s", i18n.Sprintf("cells: row %s has no column %q", row.ID, id))
		}
	}
	return types.NewDynamicList(adapter, out)
}

func columnCells(adapter types.Adapter, args ...ref.Val) ref.Val {
	t, ok := args[0].Value().(*profile.Table)
	rows, ok2 := args[1].(traits.Lister)
	col, ok3 := args[2].Value().(string)
	if !ok || !ok2 || !ok3 || t == nil {
		return types.NewErr("%s", i18n.T("column: want a table, a list of row ids and a column id"))
	}
	var out []*profile.Cell
	it := rows.Iterator()
	for it.HasNext() == types.True {
		id, _ := it.Next().Value().(string)
		r, ok := t.Rows[id]
		if !ok {
			return types.NewErr("%s", i18n.Sprintf("column: table %s has no row %q", t.ID, id))
		}
		c, ok := r.Cells[col]
		if !ok {
			return types.NewErr("%s", i18n.Sprintf("column: row %s has no column %q", id, col))
		}
		out = append(out, c)
	}
	return types.NewDynamicList(adapter, out)
}

func sumDoubles(v ref.Val) ref.Val {
	l, ok := v.(traits.Lister)
	if !ok {
		return types.NewErr("%s", i18n.T("sum: not a list"))
	}
	var total float64
	it := l.Iterator()
	for it.HasNext() == types.True {
		d, ok := it.Next().(types.Double)
		if !ok {
			return types.NewErr("%s", i18n.T("sum: not a number"))
		}
		total += float64(d)
	}
	return types.Double(total)
}
