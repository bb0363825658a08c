package celeval

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/google/cel-go/cel"
	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// compileRule compiles one rule node; it returns the rule (nil if unusable) and every error
// found, located at file:line. With env nil it reads and checks only the rule's
// descriptor, and compiles no expression.
func compileRule(env *cel.Env, file string, node *yaml.Node, pack string, limit uint64) (*Rule, []error) {
	var spec ruleSpec
	if err := node.Decode(&spec); err != nil {
		return nil, []error{PackError{file, node.Line, err.Error()}}
	}
	var errs []error
	// bad notes a problem of the rule, msg in the run's language.
	bad := func(line int, msg string) {
		errs = append(errs, PackError{file, line, i18n.Sprintf("rule %s: %s", spec.ID, msg)})
	}
	lvl := checkSpec(&spec, node.Line, bad)
	r := &Rule{
		Meta: finding.Rule{
			ID: spec.ID, Title: spec.Title, Description: strings.TrimSpace(spec.Description),
			Level: lvl, Tags: spec.Tags, Since: spec.Since, Engine: "cel",
			Source: fmt.Sprintf("%s:%d", file, node.Line), Pack: pack,
			Text: englishText(spec.En.Title, spec.En.Description),
		},
		file: file, node: node, as: spec.As,
	}
	if env == nil {
		if len(errs) > 0 {
			return nil, errs
		}
		return r, nil
	}
	compile := func(n *yaml.Node, what string, e *cel.Env) *compiled {
		if n.Value == "" {
			return nil
		}
		ast, iss := e.Compile(n.Value)
		if iss.Err() != nil {
			bad(n.Line, fmt.Sprintf("%s: %s", what, iss.Err()))
			return nil
		}
		prg, err := program(e, ast, limit)
		if err != nil {
			bad(n.Line, fmt.Sprintf("%s: %v", what, err))
			return nil
		}
		return prg
	}
	// The scope expression sees only the facts; the item it yields is bound to `as`
	// with the element type the checker inferred, so field typos on it are errors too.
	itemEnv := env
	if spec.For.Value != "" {
		ast, iss := env.Compile(spec.For.Value)
		if iss.Err() != nil {
			bad(spec.For.Line, "for: "+iss.Err().Error())
		} else {
			elem := cel.DynType
			if t := ast.OutputType(); t.Kind() == cel.ListType(cel.DynType).Kind() && len(t.Parameters()) == 1 {
				elem = t.Parameters()[0]
			} else {
				bad(spec.For.Line, i18n.Sprintf("for must yield a list, not %s", t))
			}
			if prg, err := program(env, ast, limit); err != nil {
				bad(spec.For.Line, "for: "+err.Error())
			} else {
				r.forPrg = prg
			}
			if spec.As != "" {
				if e, err := env.Extend(cel.Variable(spec.As, elem)); err != nil {
					bad(spec.For.Line, "as: "+err.Error())
				} else {
					itemEnv = e
				}
			}
		}
	}
	// Each let binding is visible to the later ones, to assert, at, related and message.
	if spec.Let.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(spec.Let.Content); i += 2 {
			name, expr := spec.Let.Content[i], spec.Let.Content[i+1]
			ast, iss := itemEnv.Compile(expr.Value)
			if iss.Err() != nil {
				bad(expr.Line, fmt.Sprintf("let %s: %s", name.Value, iss.Err()))
				continue
			}
			prg, err := program(itemEnv, ast, limit)
			if err != nil {
				bad(expr.Line, fmt.Sprintf("let %s: %v", name.Value, err))
				continue
			}
			r.lets = append(r.lets, binding{name: name.Value, prg: prg})
			if e, err := itemEnv.Extend(cel.Variable(name.Value, ast.OutputType())); err == nil {
				itemEnv = e
			} else {
				bad(expr.Line, fmt.Sprintf("let %s: %v", name.Value, err))
			}
		}
	} else if spec.Let.Kind != 0 {
		bad(spec.Let.Line, i18n.T("let must be a mapping of names to expressions"))
	}
	r.assert = compile(&spec.Assert, "assert", itemEnv)
	r.at = compile(&spec.At, "at", itemEnv)
	r.related = compile(&spec.Related, "related", itemEnv)
	r.message = compileMessage(spec.Message.Value, func(expr string) *compiled {
		return compile(&yaml.Node{Value: expr, Line: spec.Message.Line}, "message {{"+expr+"}}", itemEnv)
	})
	if spec.En.Message.Value != "" {
		r.messageEn = compileMessage(spec.En.Message.Value, func(expr string) *compiled {
			return compile(&yaml.Node{Value: expr, Line: spec.En.Message.Line}, "en.message {{"+expr+"}}", itemEnv)
		})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	r.vars = r.factVars()
	return r, nil
}

// checkSpec checks a rule's descriptor and required fields, written at line, and returns
// its level.
func checkSpec(spec *ruleSpec, line int, bad func(line int, msg string)) finding.Level {
	if spec.ID == "" {
		bad(line, i18n.T("id is required"))
	}
	lvl, err := finding.ParseLevel(spec.Level)
	if err != nil || lvl == finding.None {
		bad(line, i18n.Sprintf("level must be error, warning or note, not %q", spec.Level))
	}
	if spec.Title == "" {
		bad(line, i18n.T("title is required"))
	}
	if !finding.HasCategory(spec.Tags) {
		bad(line, i18n.Sprintf("tags must include one of %s", strings.Join(finding.Categories(), ", ")))
	}
	if spec.Assert.Value == "" {
		bad(line, i18n.T("assert is required"))
	}
	if spec.Message.Value == "" {
		bad(line, i18n.T("message is required"))
	}
	if spec.For.Value != "" && spec.As == "" {
		bad(spec.For.Line, i18n.T("for needs as: the name to bind each item to"))
	}
	return lvl
}

// factVars returns the fact variables the rule's expressions read.
func (r *Rule) factVars() []string {
	var out []string
	add := func(c *compiled) {
		if c == nil {
			return
		}
		for _, v := range c.vars {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	add(r.forPrg)
	for _, b := range r.lets {
		add(b.prg)
	}
	add(r.assert)
	add(r.at)
	add(r.related)
	for _, p := range append(r.message, r.messageEn...) {
		add(p.prg)
	}
	sort.Strings(out)
	return out
}

// englishText is a rule's English title and description as its Text, or nil.
func englishText(title, description string) map[string]finding.RuleText {
	if title == "" && description == "" {
		return nil
	}
	return map[string]finding.RuleText{"en": {Title: title, Description: strings.TrimSpace(description)}}
}

// compileMessage splits a template into literal text and {{expression}} parts.
func compileMessage(tmpl string, compile func(string) *compiled) []messagePart {
	var parts []messagePart
	for tmpl != "" {
		i := strings.Index(tmpl, "{{")
		if i < 0 {
			parts = append(parts, messagePart{text: tmpl})
			break
		}
		j := strings.Index(tmpl[i:], "}}")
		if j < 0 {
			parts = append(parts, messagePart{text: tmpl})
			break
		}
		if i > 0 {
			parts = append(parts, messagePart{text: tmpl[:i]})
		}
		parts = append(parts, messagePart{prg: compile(strings.TrimSpace(tmpl[i+2 : i+j]))})
		tmpl = tmpl[i+j+2:]
	}
	return parts
}
