package lint

import (
	"sort"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
)

// Resolve turns raw findings into located findings: the rule's level and tags, the source
// place of every referenced fact, fingerprints, and sorted order. Not-assessable findings
// of one rule are merged into one, which names every cell that kept the rule from
// deciding.
func Resolve(path string, p *pack.Pack, facts *profile.Facts, raws []finding.Raw) []finding.Finding {
	var out []finding.Finding
	merged := map[string]int{} // rule id -> index in out of its merged not-assessable finding
	for _, raw := range raws {
		rule, ok := p.Rule(raw.RuleID)
		if !ok {
			rule = finding.Rule{ID: raw.RuleID, Level: finding.Warning}
		}
		f := finding.Finding{
			RuleID: raw.RuleID, Level: rule.Level, Message: raw.Message, Tags: rule.Tags,
			NotAssessable: raw.NotAssessable, Pack: p.Ref(), Expected: raw.Expected, Actual: raw.Actual,
			SortKey: raw.Key,
		}
		if raw.Level != "" {
			f.Level = raw.Level
		}
		if raw.NotAssessable && len(raw.Missing) > 0 {
			if i, ok := merged[raw.RuleID]; ok {
				out[i].Related = appendMissing(out[i].Related, path, facts, raw.Missing)
				continue
			}
			f.Level = finding.Note
			f.Location = locate(path, facts, raw.Missing[0])
			f.Related = appendMissing(nil, path, facts, raw.Missing[1:])
			merged[raw.RuleID] = len(out)
			out = append(out, f)
			continue
		}
		f.Location = locate(path, facts, raw.At)
		for _, r := range raw.Related {
			loc := locate(path, facts, r.Ref)
			if r.Message != "" {
				loc.Message = r.Message
			}
			f.Related = append(f.Related, loc)
		}
		out = append(out, f)
	}
	for i := range out {
		if isMergedNA(merged, out, i) {
			out[i].Message = naMessage(p, out[i])
		}
		doubt(facts, &out[i])
	}
	finding.Sort(out)
	return out
}

// doubt turns an error about a table the importer may have read wrongly into a warning
// that says so: the defect may be the reading's, not the report's.
func doubt(facts *profile.Facts, f *finding.Finding) {
	if f.Level != finding.Error {
		return
	}
	id, _, _ := strings.Cut(f.Location.Ref, ".")
	t, ok := facts.Tables[id]
	if !ok || !t.Uncertain {
		return
	}
	f.Level = finding.Warning
	why := strings.TrimSuffix(t.Doubt, "。")
	if i18n.Current() == i18n.En {
		why = strings.TrimSuffix(why, ".")
	}
	f.Message += i18n.Sprintf("（该表格读取可能不准确：%s；请人工核对）", why)
}

func isMergedNA(merged map[string]int, out []finding.Finding, i int) bool {
	j, ok := merged[out[i].RuleID]
	return ok && j == i
}

// naMessage says which cells kept the rule from deciding.
func naMessage(p *pack.Pack, f finding.Finding) string {
	title := f.RuleID
	if r, ok := p.Rule(f.RuleID); ok {
		title = r.Title
		// The title in the language of the message, not of the pack's loading (rule
		// tests run each case in both).
		if t := r.Text[i18n.Current().String()]; t.Title != "" {
			title = t.Title
		}
	}
	locs := append([]finding.Location{f.Location}, f.Related...)
	var parts []string
	for i, l := range locs {
		if i == 5 {
			parts = append(parts, i18n.Sprintf("等共 %d 处", len(locs)))
			break
		}
		parts = append(parts, i18n.Sprintf("%s为%s", finding.ShowLogical(l.Logical), l.Message))
	}
	return i18n.Sprintf("无法判定（%s）：%s，不是数字", title, strings.Join(parts, clauseSep()))
}

// listSep separates the items of a list in the run's language (、 in Chinese); clauseSep
// separates clauses (；).
func listSep() string   { return i18n.T("、") }
func clauseSep() string { return i18n.T("；") }

func appendMissing(rel []finding.Location, path string, facts *profile.Facts, refs []string) []finding.Location {
	seen := map[string]bool{}
	for _, r := range rel {
		seen[r.Ref] = true
	}
	for _, ref := range refs {
		if seen[ref] {
			continue
		}
		seen[ref] = true
		rel = append(rel, locate(path, facts, ref))
	}
	sort.SliceStable(rel, func(a, b int) bool { return rel[a].Ref < rel[b].Ref })
	return rel
}

// locate resolves a fact reference; an unknown or empty one points at the document start.
func locate(path string, facts *profile.Facts, ref string) finding.Location {
	if ref == "" {
		ref = "doc"
	}
	r, ok := facts.Resolve(ref)
	if !ok {
		r, _ = facts.Resolve("doc")
	}
	// A cell of a row that was not found has no place of its own: point at its table.
	for parent := ref; r.Span.IsZero() && strings.Contains(parent, "."); {
		parent = parent[:strings.LastIndex(parent, ".")]
		if pr, ok := facts.Resolve(parent); ok && !pr.Span.IsZero() {
			r.Span = pr.Span
		}
	}
	loc := finding.Location{Path: path, Span: r.Span, Snippet: r.Snippet, Logical: r.Logical, LogicalKind: r.Kind, Ref: ref}
	if r.Path != "" {
		loc.Path = r.Path // a fact of another document (the previous year's report)
	}
	if c, ok := facts.Cell(ref); ok {
		loc.Message = cellState(c)
	}
	return loc
}

// cellState describes a cell for messages, in the run's language: 空白, 占位符“/”, 未读到,
// its text quoted, or its number.
func cellState(c *profile.Cell) string {
	switch c.State {
	case profile.StateBlank:
		return i18n.T("空白")
	case profile.StatePlaceholder:
		return i18n.Sprintf("占位符“%s”", c.Text)
	case profile.StateInvalid:
		return "“" + c.Text + "”"
	case profile.StateMissing:
		return i18n.T("未读到")
	}
	return c.Text
}
