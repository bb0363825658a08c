package celeval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
)

// Eval runs every rule on facts. A rule that fails to evaluate (a bug in the rule, not in
// the document) does not stop the others: its error is returned joined with the rest,
// next to the findings of the rules that worked.
//
// The expressions whose cost is bounded beforehand run untracked on facts that fit the
// sizes the bound assumes (see fastSizes); should their charges reach the document's
// budget, or a value they bind not fit, the rules run again with every expression tracked.
func (s *Set) Eval(ctx context.Context, facts *profile.Facts) ([]finding.Raw, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	if out, ok, err := s.evalAll(ctx, facts, true); ok {
		return out, err
	}
	out, _, err := s.evalAll(ctx, facts, false)
	return out, err
}

// evalAll runs every rule on facts, with fast, those that can untracked; ok is false when
// the run must be repeated tracked (meter.overrun).
func (s *Set) evalAll(ctx context.Context, facts *profile.Facts, fast bool) (out []finding.Raw, ok bool, err error) {
	raw := rawVars(facts)
	vars := newScope(s.adapter, raw)
	m := &meter{ctx: ctx, budget: s.budget}
	var sizes *factSizes
	if fast {
		sizes = &factSizes{vars: raw, fit: map[string]bool{}}
	}
	var errs []error
	item := &scope{}
	for _, r := range s.rules {
		if err := ctx.Err(); err != nil {
			return out, true, err
		}
		m.fast = fast && sizes.within(r.vars)
		raws, err := r.evalIn(m, vars, item)
		if m.overrun {
			return nil, false, nil
		}
		out = append(out, raws...)
		if err := ctx.Err(); err != nil {
			return out, true, err // the document's time is up: say so, not which rule was running
		}
		if err != nil {
			errs = append(errs, i18n.Errorf("rule %s (%s): %w", r.Meta.ID, r.Meta.Source, err))
		}
		if m.spent() {
			errs = append(errs, i18n.Errorf("规则包的计算量超过每个文档的上限 %d，其余规则没有执行", s.budget))
			break
		}
	}
	return out, true, errors.Join(errs...)
}

// meter is one document's evaluation: its deadline and the cost its rules have spent.
type meter struct {
	ctx    context.Context
	used   uint64
	budget uint64
	// fast runs the expressions that have an untracked program untracked, charging them
	// their bound. overrun says that, in fast mode, the charges reached the budget or a
	// bound value did not fit fastSizes: the document's rules must run again, tracked.
	fast, overrun bool
}

// errBudget stops a rule once the document's cost budget is spent.
var errBudget = i18n.NewError("每个文档的计算量已用完")

// eval evaluates p and charges its cost to the document; once the budget is spent, no
// further expression runs.
func (m *meter) eval(p *compiled, vars *scope) (ref.Val, error) {
	if m.spent() {
		return nil, errBudget
	}
	if m.fast && p.fast != nil {
		v, _, err := p.fast.ContextEval(m.ctx, vars)
		if m.used = satAdd(m.used, p.bound); m.used >= m.budget {
			m.overrun = true
		}
		return v, err
	}
	v, det, err := p.tracked.ContextEval(m.ctx, vars)
	if det != nil {
		if c := det.ActualCost(); c != nil {
			m.used += *c
		}
	}
	if err != nil && strings.Contains(err.Error(), "cost limit exceeded") {
		err = i18n.Errorf("表达式的计算量超过上限（%w）", err)
	}
	return v, err
}

// bind checks, in fast mode, that a value the rule binds to a name (an item, a let) fits
// the sizes the later expressions' bounds assume.
func (m *meter) bind(v ref.Val) {
	if m.fast && !fits(v) {
		m.overrun = true
	}
}

func (m *meter) spent() bool { return m.used >= m.budget || m.overrun }

func satAdd(a, b uint64) uint64 {
	if a > math.MaxUint64-b {
		return math.MaxUint64
	}
	return a + b
}

// eval evaluates the rule on the document whose facts vars holds.
func (r *Rule) eval(m *meter, vars *scope) ([]finding.Raw, error) {
	return r.evalIn(m, vars, &scope{})
}

// evalIn evaluates the rule on the document whose facts vars holds; item is the storage
// each item's scope reuses. A rule without a scope binds its lets in vars, where the
// later rules see them, as they always have.
func (r *Rule) evalIn(m *meter, vars, item *scope) ([]finding.Raw, error) {
	if r.forPrg == nil {
		return r.evalItem(m, vars)
	}
	v, err := m.eval(r.forPrg, vars)
	if err != nil {
		return nil, fmt.Errorf("for: %w", err)
	}
	l, ok := v.(traits.Lister)
	if !ok {
		return nil, i18n.Errorf("for: yielded %s, not a list", v.Type())
	}
	var out []finding.Raw
	var errs []error
	it := l.Iterator()
	for it.HasNext() == types.True {
		item.reset(vars)
		v := it.Next()
		item.bind(r.as, v)
		m.bind(v)
		raws, err := r.evalItem(m, item)
		out = append(out, raws...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return out, errors.Join(errs...)
}

// evalItem evaluates the lets and the assertion for one item.
func (r *Rule) evalItem(m *meter, vars *scope) ([]finding.Raw, error) {
	for _, b := range r.lets {
		v, err := m.eval(b.prg, vars)
		if err != nil {
			if na := asNotAssessable(err); na != nil {
				return []finding.Raw{r.notAssessable(m, vars, na)}, nil
			}
			return nil, fmt.Errorf("let %s: %w", b.name, err)
		}
		vars.bind(b.name, v)
		m.bind(v)
	}
	v, err := m.eval(r.assert, vars)
	if err != nil {
		if na := asNotAssessable(err); na != nil {
			return []finding.Raw{r.notAssessable(m, vars, na)}, nil
		}
		return nil, fmt.Errorf("assert: %w", err)
	}
	if b, ok := v.(types.Bool); !ok {
		return nil, i18n.Errorf("assert yielded %s, not a bool", v.Type())
	} else if b {
		return nil, nil
	}
	raw := finding.Raw{RuleID: r.Meta.ID}
	raw.At, raw.Related = r.locate(m, vars)
	msg, err := r.render(m, vars, r.localMessage())
	if err != nil {
		return nil, err
	}
	raw.Message, raw.Key = msg, msg
	if i18n.Current() != i18n.Zh && r.messageEn != nil {
		if raw.Key, err = r.render(m, vars, r.message); err != nil {
			return nil, err
		}
	}
	// A rule that binds expected and actual compared them: the finding carries both.
	if e, ok := boundVal(vars, "expected"); ok {
		if a, ok := boundVal(vars, "actual"); ok {
			raw.Expected, raw.Actual = Format(e), Format(a)
		}
	}
	return []finding.Raw{raw}, nil
}

// boundVal returns the CEL value a rule bound to name.
func boundVal(vars *scope, name string) (ref.Val, bool) {
	v, ok := vars.lookup(name)
	if !ok {
		return nil, false
	}
	rv, ok := v.(ref.Val)
	return rv, ok
}

// notAssessable builds the finding that says the rule could not be decided for the item.
func (r *Rule) notAssessable(m *meter, vars *scope, na *NotAssessable) finding.Raw {
	raw := finding.Raw{RuleID: r.Meta.ID, NotAssessable: true, Missing: na.Refs}
	raw.At, raw.Related = r.locate(m, vars)
	if raw.At == "" && len(na.Refs) > 0 {
		raw.At = na.Refs[0]
	}
	raw.Message, raw.Key = r.Meta.Title, r.Meta.Title
	return raw
}

// locate evaluates at and related; a location that cannot be computed is left out.
func (r *Rule) locate(m *meter, vars *scope) (string, []finding.RelatedRef) {
	var at string
	if r.at != nil {
		if v, err := m.eval(r.at, vars); err == nil {
			at = refOf(v)
		}
	}
	var rel []finding.RelatedRef
	if r.related != nil {
		if v, err := m.eval(r.related, vars); err == nil {
			if l, ok := v.(traits.Lister); ok {
				it := l.Iterator()
				for it.HasNext() == types.True {
					if ref := refOf(it.Next()); ref != "" && ref != at {
						rel = append(rel, finding.RelatedRef{Ref: ref})
					}
				}
			} else if ref := refOf(v); ref != "" {
				rel = append(rel, finding.RelatedRef{Ref: ref})
			}
		}
	}
	return at, rel
}

// refOf returns the fact reference of a value: a string, or any fact with a Ref field.
func refOf(v ref.Val) string {
	switch x := v.Value().(type) {
	case string:
		return x
	case *profile.Cell:
		return x.Ref
	case *profile.Row:
		return x.Ref
	case *profile.Table:
		return x.Ref
	case *profile.Section:
		return x.Ref
	case *profile.Claim:
		return x.Ref
	case *profile.Field:
		return x.Ref
	}
	return ""
}

// localMessage is the message template in the run's language.
func (r *Rule) localMessage() []messagePart {
	if i18n.Current() == i18n.En && r.messageEn != nil {
		return r.messageEn
	}
	return r.message
}

func (r *Rule) render(m *meter, vars *scope, parts []messagePart) (string, error) {
	var b strings.Builder
	for _, p := range parts {
		if p.prg == nil {
			b.WriteString(p.text)
			continue
		}
		v, err := m.eval(p.prg, vars)
		if err != nil {
			if asNotAssessable(err) != nil {
				b.WriteString(i18n.T("（无法读取）"))
				continue
			}
			return "", fmt.Errorf("message: %w", err)
		}
		b.WriteString(Format(v))
	}
	return b.String(), nil
}

// Format renders a CEL value for a message: whole numbers without a decimal point, other
// numbers with the digits they need, lists joined with 、.
func Format(v ref.Val) string {
	switch x := v.(type) {
	case types.Double:
		return FormatNumber(float64(x))
	case types.Int:
		return strconv.FormatInt(int64(x), 10)
	case types.Uint:
		return strconv.FormatUint(uint64(x), 10)
	case types.String:
		return string(x)
	case types.Bool:
		if x {
			return i18n.T("是")
		}
		return i18n.T("否")
	case traits.Lister:
		var parts []string
		it := x.Iterator()
		for it.HasNext() == types.True {
			parts = append(parts, Format(it.Next()))
		}
		return strings.Join(parts, "、")
	}
	if c, ok := v.Value().(*profile.Cell); ok {
		return c.Text
	}
	return fmt.Sprint(v.Value())
}

// FormatNumber prints whole numbers without a decimal point and others with the fewest
// digits that represent them.
func FormatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func asNotAssessable(err error) *NotAssessable {
	var na *NotAssessable
	if errors.As(err, &na) {
		return na
	}
	return nil
}

// allCells lists the cells of the rows found in the tables found, in table id, row and
// column order: the scope of cell-level rules.
func allCells(f *profile.Facts) []*profile.Cell {
	ids := make([]string, 0, len(f.Tables))
	for id := range f.Tables {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []*profile.Cell
	for _, id := range ids {
		t := f.Tables[id]
		if !t.Found {
			continue
		}
		for _, rid := range t.RowOrder {
			r := t.Rows[rid]
			if !r.Found {
				continue
			}
			for _, c := range t.Columns {
				if cell, ok := r.Cells[c]; ok {
					out = append(out, cell)
				}
			}
		}
	}
	return out
}
