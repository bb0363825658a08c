package celeval

import (
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/interpreter"

	"github.com/reportlint/reportlint/engine/profile"
)

// factNames are the variables of the facts every rule sees, in the order of scope.facts.
var factNames = [...]string{"tables", "sections", "claims", "report", "edition", "cells"}

// scope is what a rule's expressions see: the facts of the document, adapted to CEL
// values once per document rather than at every read, and the names the rule binds (the
// item, its lets). It is the activation the programs evaluate against, so no map of
// variables is built per item.
type scope struct {
	facts [len(factNames)]any
	// names and vals are the bound names and their values; a name bound again replaces
	// its value, as a map would.
	names []string
	vals  []any
}

// newScope adapts the document's facts with the environment's adapter.
func newScope(adapter types.Adapter, raw map[string]any) *scope {
	s := &scope{}
	for i, n := range factNames {
		v := raw[n]
		if adapter != nil {
			v = adapter.NativeToValue(v)
		}
		s.facts[i] = v
	}
	return s
}

// rawVars returns the variables every rule sees, as Go values.
func rawVars(facts *profile.Facts) map[string]any {
	return map[string]any{
		"tables":   facts.Tables,
		"sections": facts.Sections,
		"claims":   facts.Claims,
		"report":   &facts.Report,
		"edition":  &facts.Edition,
		"cells":    allCells(facts),
	}
}

// ResolveName implements interpreter.Activation.
func (s *scope) ResolveName(name string) (any, bool) {
	if v, ok := s.lookup(name); ok {
		return v, true
	}
	for i, n := range factNames {
		if n == name {
			return s.facts[i], true
		}
	}
	return nil, false
}

// Parent implements interpreter.Activation: a scope has none.
func (s *scope) Parent() interpreter.Activation { return nil }

// lookup returns the value bound to name.
func (s *scope) lookup(name string) (any, bool) {
	for i, n := range s.names {
		if n == name {
			return s.vals[i], true
		}
	}
	return nil, false
}

// bind binds name to v, replacing what it was bound to.
func (s *scope) bind(name string, v any) {
	for i, n := range s.names {
		if n == name {
			s.vals[i] = v
			return
		}
	}
	s.names = append(s.names, name)
	s.vals = append(s.vals, v)
}

// reset makes s the document's scope again, with the names bound in doc, reusing its
// storage.
func (s *scope) reset(doc *scope) {
	s.facts = doc.facts
	s.names = append(s.names[:0], doc.names...)
	s.vals = append(s.vals[:0], doc.vals...)
}
