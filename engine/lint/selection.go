package lint

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// Selection narrows and adjusts the rules a run reports (--select, --ignore, --level and
// the configuration file). A selector is a rule id (T3-ROW-SUM), a pattern over ids with
// * and ? (T3-*), or a category tag (arithmetic). A rule reports when Select is empty or
// one of its selectors matches, and none of Ignore's does. Levels sets a rule's level by
// id; "not assessable" notes stay notes.
type Selection struct {
	Select []string
	Ignore []string
	Levels map[string]finding.Level
}

// matches reports whether selector sel picks a rule with this id and these tags.
func matches(sel, id string, tags []string) bool {
	if sel == id || slices.Contains(tags, sel) {
		return true
	}
	ok, _ := path.Match(sel, id)
	return ok && strings.ContainsAny(sel, "*?[")
}

func anyMatches(sels []string, id string, tags []string) bool {
	for _, s := range sels {
		if matches(s, id, tags) {
			return true
		}
	}
	return false
}

// Keeps reports whether the selection reports the rule with this id and tags.
func (s *Selection) Keeps(id string, tags []string) bool {
	if s == nil {
		return true
	}
	if len(s.Select) > 0 && !anyMatches(s.Select, id, tags) {
		return false
	}
	return !anyMatches(s.Ignore, id, tags)
}

// Check returns an error naming every selector that matches none of rules, and every
// level given for an unknown rule, so that a typo does not silently select nothing.
func (s *Selection) Check(rules []finding.Rule) error {
	if s == nil {
		return nil
	}
	var bad []string
	for _, sel := range append(append([]string(nil), s.Select...), s.Ignore...) {
		if _, err := path.Match(sel, ""); err != nil {
			bad = append(bad, i18n.Sprintf("%q（模式有误）", sel))
			continue
		}
		if !slices.ContainsFunc(rules, func(r finding.Rule) bool { return matches(sel, r.ID, r.Tags) }) {
			bad = append(bad, fmt.Sprintf("%q", sel))
		}
	}
	ids := make([]string, 0, len(s.Levels))
	for id := range s.Levels {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !slices.ContainsFunc(rules, func(r finding.Rule) bool { return r.ID == id }) {
			bad = append(bad, i18n.Sprintf("%q（级别设置）", id))
		}
	}
	if len(bad) > 0 {
		return i18n.Errorf("没有与之对应的规则：%s（可用 reportlint rules 查看规则编号和类别）", strings.Join(bad, listSep()))
	}
	return nil
}

// rules returns the rule descriptors the selection keeps, adjusted, in a new slice.
func (s *Selection) rules(in []finding.Rule) []finding.Rule {
	out := make([]finding.Rule, 0, len(in))
	if s == nil {
		return append(out, in...)
	}
	for _, r := range in {
		if !s.Keeps(r.ID, r.Tags) {
			continue
		}
		if l, ok := s.Levels[r.ID]; ok {
			r.Level = l
		}
		out = append(out, r)
	}
	return out
}

// findings returns the findings the selection keeps, adjusted, in a new slice.
func (s *Selection) findings(in []finding.Finding) []finding.Finding {
	if s == nil {
		return in
	}
	out := make([]finding.Finding, 0, len(in))
	for _, f := range in {
		if !s.Keeps(f.RuleID, f.Tags) {
			continue
		}
		if l, ok := s.Levels[f.RuleID]; ok && !f.NotAssessable {
			f.Level = l
		}
		out = append(out, f)
	}
	return out
}
