package celeval

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/checker"

	"github.com/reportlint/reportlint/engine/i18n"
)

// Cost bounds. CEL counts a cost unit for about every operation (a comparison, a field
// read, an element visited or allocated), so a cost bounds both the time and the memory an
// evaluation takes: a list of n elements costs at least n to build.
const (
	// ExprCostLimit stops one evaluation of one expression (a rule's for, a let, its
	// assertion, a message part) once it has spent this much: a few seconds, some hundred
	// MB at most. The bundled rules spend under 10,000 in all on the sample report.
	ExprCostLimit = 5_000_000
	// DocCostBudget is what all the rules of a pack may spend together on one document.
	DocCostBudget = 50_000_000
	// interruptEvery is how many comprehension steps pass between checks of the
	// document's deadline.
	interruptEvery = 100
)

// Size hints for the cost estimate made when a pack loads: the facts of a typical large
// report. The estimate serves to refuse a rule that is too costly whatever the document
// (a million by a million steps, a range whose size comes from the document's numbers);
// it is an upper bound for these sizes, so a rule that fits scales with the document
// (fine). On larger documents the run-time limits above are what stop an evaluation.
const (
	hintCells      = 2_000 // cells of all the tables
	hintTables     = 16
	hintRows       = 100 // rows of a table, row ids, a group's leaves
	hintColumns    = 20  // columns of a table, cells of a row
	hintSections   = 50
	hintClaims     = 500
	hintListSize   = 2_000 // any other list or map, or one whose origin is unknown
	hintStringSize = 100   // characters of a fact's text
)

// sizeHints gives the checker's cost estimator sizes for the facts and costs for the
// helper functions, which it cannot know by itself.
type sizeHints struct{}

func (sizeHints) EstimateSize(n checker.AstNode) *checker.SizeEstimate {
	size := func(max uint64) *checker.SizeEstimate { return &checker.SizeEstimate{Min: 0, Max: max} }
	switch n.Type().Kind() {
	case cel.StringType.Kind(), cel.BytesType.Kind():
		return size(hintStringSize)
	case cel.ListType(cel.DynType).Kind(), cel.MapType(cel.DynType, cel.DynType).Kind():
	default:
		return nil
	}
	path := n.Path()
	var last string // the innermost field named on the path
	for _, p := range path {
		if !strings.HasPrefix(p, "@") {
			last = p
		}
	}
	switch {
	case len(path) == 1 && last == "cells":
		return size(hintCells)
	case last == "tables":
		return size(hintTables)
	case last == "rows", last == "row_order", last == "leaves":
		return size(hintRows)
	case last == "columns", last == "column_labels", last == "cells":
		return size(hintColumns)
	case last == "sections":
		return size(hintSections)
	case last == "claims":
		return size(hintClaims)
	}
	return size(hintListSize)
}

func (h sizeHints) EstimateCallCost(function, overloadID string, target *checker.AstNode, args []checker.AstNode) *checker.CallEstimate {
	return helperCallCost(h, overloadID, args)
}

// helperCallCost estimates the cost of the helper functions, with the sizes of est.
func helperCallCost(est checker.CostEstimator, overloadID string, args []checker.AstNode) *checker.CallEstimate {
	size := func(n checker.AstNode) checker.SizeEstimate {
		if s := n.ComputedSize(); s != nil {
			return *s
		}
		if s := est.EstimateSize(n); s != nil {
			return *s
		}
		return checker.SizeEstimate{Min: 0, Max: hintListSize}
	}
	switch overloadID {
	case "num_cell", "is_number_cell":
		return &checker.CallEstimate{CostEstimate: checker.FixedCostEstimate(1)}
	case "sum_cells", "sum_doubles":
		s := size(args[0])
		return &checker.CallEstimate{CostEstimate: checker.CostEstimate(s)}
	case "cells_row_cols": // one cell per column asked for
		s := size(args[1])
		return &checker.CallEstimate{CostEstimate: checker.CostEstimate(s), ResultSize: &s}
	case "column_table_rows_col": // one cell per row asked for
		s := size(args[1])
		return &checker.CallEstimate{CostEstimate: checker.CostEstimate(s), ResultSize: &s}
	}
	return nil
}

// Tracking an expression's cost as it runs makes it several times slower (more on long
// lists), so an expression whose cost can be bounded beforehand runs untracked. Its cost
// is estimated when the pack loads for a document whose lists and maps hold at most
// fastListSize entries and whose strings have at most fastStringSize characters; on such
// a document (the facts the rule reads, checked before it runs, and every value the rule
// binds, checked as it binds them) it cannot cost more. An expression runs untracked when
// fastMargin times its estimate stays under the expression's limit, and is charged
// fastMargin times its estimate against the document's budget; when those charges reach
// the budget, the document's rules run again, tracked. The findings are the same either
// way: only an evaluation that would reach a limit reads its cost, and this rules it out.
const (
	fastListSize   = 2_000
	fastStringSize = 100
	// fastMargin covers any shortfall of the estimate.
	fastMargin = 10
)

// fastSizes estimates sizes for the untracked programs: every list and map fastListSize,
// every string fastStringSize.
type fastSizes struct{}

func (fastSizes) EstimateSize(n checker.AstNode) *checker.SizeEstimate {
	switch n.Type().Kind() {
	case cel.StringType.Kind(), cel.BytesType.Kind():
		return &checker.SizeEstimate{Min: 0, Max: fastStringSize}
	case cel.ListType(cel.DynType).Kind(), cel.MapType(cel.DynType, cel.DynType).Kind():
		return &checker.SizeEstimate{Min: 0, Max: fastListSize}
	}
	return nil
}

func (f fastSizes) EstimateCallCost(function, overloadID string, target *checker.AstNode, args []checker.AstNode) *checker.CallEstimate {
	return helperCallCost(f, overloadID, args)
}

// compiled is one expression's programs: one that tracks its cost against the limits and,
// when its cost can be bounded beforehand, one that does not.
type compiled struct {
	tracked cel.Program
	// fast is the untracked program (nil: the expression always runs tracked); bound is
	// what it is charged: fastMargin times its estimated cost.
	fast  cel.Program
	bound uint64
	// vars are the fact variables the expression reads (tables, cells...).
	vars []string
}

// program checks an expression's estimated cost and makes its programs, with the
// run-time cost limit and deadline checks on.
// The estimate may be up to 40 times the run-time limit: it is an upper bound.
func program(env *cel.Env, ast *cel.Ast, limit uint64) (*compiled, error) {
	est, err := env.EstimateCost(ast, sizeHints{})
	if err != nil {
		return nil, i18n.Errorf("估算计算量失败：%v", err)
	}
	if ceiling := satMul(limit, 40); est.Max > ceiling {
		return nil, i18n.Errorf("计算量过大：在一般规模的报告上估计最多 %s 个单位，超过上限 %d；请勿使用大范围的 lists.range、由文档数值决定范围的 lists.range 或多重嵌套的遍历", costString(est.Max), ceiling)
	}
	prg, err := env.Program(ast,
		cel.EvalOptions(cel.OptOptimize),
		cel.CostLimit(limit),
		cel.InterruptCheckFrequency(interruptEvery),
	)
	if err != nil {
		return nil, err
	}
	c := &compiled{tracked: prg}
	for _, r := range ast.NativeRep().ReferenceMap() {
		if isFactVar(r.Name) && !slices.Contains(c.vars, r.Name) {
			c.vars = append(c.vars, r.Name)
		}
	}
	if fe, err := env.EstimateCost(ast, fastSizes{}); err == nil {
		if bound := satMul(fe.Max, fastMargin); bound < limit {
			if c.fast, err = env.Program(ast, cel.EvalOptions(cel.OptOptimize), cel.InterruptCheckFrequency(interruptEvery)); err != nil {
				return nil, err
			}
			c.bound = max(bound, 1)
		}
	}
	return c, nil
}

// isFactVar tells the variables of the facts every rule sees (rawVars).
func isFactVar(name string) bool {
	switch name {
	case "tables", "sections", "claims", "report", "edition", "cells":
		return true
	}
	return false
}

// satMul multiplies without overflowing.
func satMul(a, b uint64) uint64 {
	if a != 0 && b > math.MaxUint64/a {
		return math.MaxUint64
	}
	return a * b
}

func costString(c uint64) string {
	if c == math.MaxUint64 {
		return i18n.T("无穷")
	}
	return fmt.Sprint(c)
}

// estimateDistinct replaces ext.Lists' estimate of distinct(), which is unbounded for a
// list with no path to the facts (the result of a map): each element is compared with
// those kept, so the cost is n² comparisons, each costing what comparing two items does.
func estimateDistinct(_ checker.CostEstimator, target *checker.AstNode, args []checker.AstNode) *checker.CallEstimate {
	if target == nil || len(args) != 0 {
		return nil
	}
	n := checker.SizeEstimate{Min: 0, Max: hintListSize}
	if s := (*target).ComputedSize(); s != nil {
		n = *s
	}
	eq := uint64(1)
	if t := (*target).Type(); len(t.Parameters()) == 1 {
		switch t.Parameters()[0].Kind() {
		case cel.StringType.Kind(), cel.BytesType.Kind():
			eq = hintStringSize / 10
		case cel.IntType.Kind(), cel.UintType.Kind(), cel.DoubleType.Kind(), cel.BoolType.Kind():
		default:
			eq = hintListSize
		}
	}
	cost := satMul(satMul(satMul(n.Max, n.Max), eq), 2)
	return &checker.CallEstimate{CostEstimate: checker.CostEstimate{Min: 0, Max: cost}, ResultSize: &checker.SizeEstimate{Min: 0, Max: n.Max}}
}
