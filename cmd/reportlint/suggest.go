package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest"
	ingestcharset "github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/output"
)

// distance is the Levenshtein edit distance between a and b, in runes, ignoring case.
func distance(a, b string) int {
	x, y := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}

// suggest returns the candidates closest to s, if close enough to be what was meant: at
// most a third of the longer word's letters wrong (at least one), or the same letters
// without the separators (T3ROWSUM for T3-ROW-SUM), or its start (warn for warning). Ties come in the candidates' order.
func suggest(s string, candidates []string) []string {
	if s == "" {
		return nil
	}
	squash := func(v string) string {
		return strings.Map(func(r rune) rune {
			if r == '-' || r == '_' || r == ' ' {
				return -1
			}
			return r
		}, strings.ToLower(v))
	}
	best, out := -1, []string(nil)
	for _, c := range candidates {
		if c == s || slices.Contains(out, c) {
			continue
		}
		d := distance(s, c)
		if squash(s) == squash(c) {
			d = 0
		} else if len([]rune(s)) >= 3 && strings.HasPrefix(strings.ToLower(c), strings.ToLower(s)) {
			d = 1 // a prefix: warn for warning
		}
		limit := max(1, max(len([]rune(s)), len([]rune(c)))/3)
		if d > limit {
			continue
		}
		switch {
		case best < 0 || d < best:
			best, out = d, []string{c}
		case d == best:
			out = append(out, c)
		}
	}
	return out
}

// didYouMean is "; did you mean X?" for the closest candidates, or "".
func didYouMean(s string, candidates []string) string {
	m := suggest(s, candidates)
	switch len(m) {
	case 0:
		return ""
	case 1:
		return i18n.Sprintf("; did you mean %s?", m[0])
	}
	return i18n.Sprintf("; did you mean %s or %s?", strings.Join(m[:len(m)-1], ", "), m[len(m)-1])
}

// choice is a flag whose value is one of a fixed list.
type choice struct {
	flag   string
	noun   string // what a value is, for messages (unknownValue)
	values func() []string
}

// choices are the lint and merge flags with a fixed list of values, for checks and
// completion.
var choices = []choice{
	{"format", "format", output.Formats},
	{"fail-on", "level", func() []string { return []string{"error", "warning", "note", "none"} }},
	{"color", "value", func() []string { return []string{"auto", "always", "never"} }},
	{"input-format", "format", ingest.Formats},
	{"charset", "encoding", func() []string { return []string{"utf-8", "gbk", "gb2312", "gb18030"} }},
	{"shard-by", "key", func() []string { return []string{"body", "folder"} }},
}

// unknownValue says that value is none of values, what a value of noun is, suggesting the
// closest.
func unknownValue(noun, value string, values []string) error {
	want, hint := strings.Join(values, ", "), didYouMean(value, values)
	switch noun {
	case "level":
		return i18n.Errorf("unknown level %q (want %s)%s", value, want, hint)
	case "encoding":
		return i18n.Errorf("unknown encoding %q (want %s)%s", value, want, hint)
	case "key":
		return i18n.Errorf("unknown key %q (want %s)%s", value, want, hint)
	case "value":
		return i18n.Errorf("unknown value %q (want %s)%s", value, want, hint)
	}
	return i18n.Errorf("unknown format %q (want %s)%s", value, want, hint)
}

// checkChoice checks the value of a choice flag, suggesting the closest value when it is
// none of them. An empty value (the flag's default "detect") is fine.
func checkChoice(flag, value string) error {
	for _, c := range choices {
		if c.flag != flag || value == "" {
			continue
		}
		values := c.values()
		if slices.Contains(values, strings.ToLower(value)) || (flag == "charset" && ingestcharset.Known(value)) {
			return nil
		}
		return usage(fmt.Errorf("--%s: %w", flag, unknownValue(c.noun, value, values)))
	}
	return nil
}

// checkChoices checks every choice flag of lint.
func checkChoices(opts *LintOptions) error {
	for _, fv := range [][2]string{
		{"format", opts.Format}, {"fail-on", opts.FailOn}, {"color", opts.Color},
		{"input-format", opts.InputFormat}, {"charset", opts.Charset}, {"shard-by", opts.ShardBy},
	} {
		if err := checkChoice(fv[0], fv[1]); err != nil {
			return err
		}
	}
	return nil
}

// selectionHint suggests rule ids and categories for the entries of --select, --ignore and
// --level that name no rule: ；“X”是否指 Y？ for each.
func selectionHint(opts *LintOptions, rules []finding.Rule) string {
	var names []string
	for _, r := range rules {
		names = append(names, r.ID)
		names = append(names, r.Tags...)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	entries := append(append([]string(nil), opts.Select...), opts.Ignore...)
	for id := range opts.Levels {
		entries = append(entries, id)
	}
	slices.Sort(entries)
	var hints []string
	for _, e := range slices.Compact(entries) {
		if strings.ContainsAny(e, "*?[") || slices.Contains(names, e) {
			continue
		}
		switch m := suggest(e, names); len(m) {
		case 0:
		case 1:
			hints = append(hints, i18n.Sprintf("；“%s”是否指 %s？", e, m[0]))
		default:
			hints = append(hints, i18n.Sprintf("；“%s”是否指 %s 或 %s？", e, strings.Join(m[:len(m)-1], ", "), m[len(m)-1]))
		}
	}
	return strings.Join(hints, "")
}
