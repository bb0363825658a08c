package output

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// textReporter prints compiler-style lines: path:line:col: level[RULE-ID] message, then the
// source line with a caret under the place, then related places, then a summary.
type textReporter struct {
	w     io.Writer
	color bool
	err   error
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func (t *textReporter) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + ansiReset
}

func (t *textReporter) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

func (t *textReporter) Begin([]finding.Rule) error { return nil }

func (t *textReporter) Result(r finding.Result) error {
	if r.Err != nil {
		t.printf("%s: %s %s\n", EscapeControl(r.Path), t.paint(ansiRed+ansiBold, "error"), i18n.Sprintf("无法读取：%s", EscapeControl(r.Err.Error())))
	}
	for _, f := range r.Findings {
		t.finding(r, f)
	}
	return t.err
}

func levelColor(l finding.Level) string {
	switch l {
	case finding.Error:
		return ansiRed + ansiBold
	case finding.Warning:
		return ansiYellow + ansiBold
	}
	return ansiCyan + ansiBold
}

func (t *textReporter) finding(r finding.Result, f finding.Finding) {
	t.printf("%s: %s%s %s\n", position(f.Location),
		t.paint(levelColor(f.Level), string(f.Level)),
		t.paint(ansiBold, "["+f.RuleID+"]"), f.Message)
	t.source(r, f.Location)
	for i, rel := range f.Related {
		if i == maxRelated {
			t.printf("  %s\n", i18n.Sprintf("%s 等共 %d 处", t.paint(ansiDim, i18n.T("相关位置")), len(f.Related)))
			break
		}
		t.printf("  %s %s %s\n", t.paint(ansiDim, i18n.T("相关位置")), position(rel), EscapeControl(relatedName(rel)))
	}
}

// maxRelated is how many related places a text report lists per finding; JSON and SARIF
// list them all.
const maxRelated = 5

// window is how many code points of a long source line are shown on each side of the
// place a finding points at (portal pages often hold a whole report on one line).
const window = 40

// EscapeControl writes the control characters of s (C0, DEL, C1, bidirectional overrides)
// and its invalid UTF-8 bytes as Go escapes (\x1b, \u202e), so that a file name cannot
// move the cursor, recolour or clear the terminal, or reorder what is shown.
func EscapeControl(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r < 0x100 && unsafeRune(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// position formats path:line:col, with the page for paginated formats and the format's own
// locator where there are no lines.
func position(l finding.Location) string {
	s := l.Span.Start
	var b strings.Builder
	b.WriteString(EscapeControl(l.Path))
	if s.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", s.Line, s.Col)
	}
	if s.Page > 0 {
		fmt.Fprintf(&b, " (%s)", pageLabel(s.Page))
	}
	if s.Ref != "" {
		fmt.Fprintf(&b, " [%s]", s.Ref)
	}
	return b.String()
}

// source prints the source line and a caret line under the span, counting East Asian wide
// characters as two columns so the caret lands under the right character.
func (t *textReporter) source(r finding.Result, l finding.Location) {
	s := l.Span.Start
	line, ok := r.Lines[finding.LineKey{Page: s.Page, Line: s.Line}]
	if !ok || s.Col < 1 {
		return
	}
	runes := []rune(line)
	if s.Col-1 > len(runes) {
		return
	}
	col := s.Col
	endCol := l.Span.End.Col
	if len(runes) > 2*window+20 {
		from := max(s.Col-1-window, 0)
		to := min(s.Col-1+window, len(runes))
		if l.Span.End.Line == s.Line {
			to = min(max(to, endCol-1), len(runes), s.Col-1+2*window)
		}
		prefix, suffix := "", ""
		if from > 0 {
			prefix = "…"
		}
		if to < len(runes) {
			suffix = "…"
		}
		clipped := append([]rune(prefix), runes[from:to]...)
		runes = append(clipped, []rune(suffix)...)
		shift := from - len([]rune(prefix))
		col -= shift
		endCol -= shift
		line = string(runes)
	}
	var caret strings.Builder
	for _, c := range runes[:col-1] {
		if c == '\t' {
			caret.WriteByte('\t')
			continue
		}
		caret.WriteString(strings.Repeat(" ", cellWidth(c)))
	}
	n := 1
	if l.Span.End.Line == s.Line && endCol > col {
		end := min(endCol-1, len(runes))
		n = 0
		for _, c := range runes[col-1 : end] {
			n += cellWidth(c)
		}
	}
	mark := "^" + strings.Repeat("~", max(n-1, 0))
	t.printf("    %s\n    %s%s\n", line, caret.String(), t.paint(ansiRed+ansiBold, mark))
}

func cellWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

func (t *textReporter) End(s Summary) error {
	t.printf("%s\n", SummaryLine(s))
	return t.err
}

// SummaryLine is the one-line summary of a run.
func SummaryLine(s Summary) string {
	line := i18n.Sprintf("检查了 %d 个文档：%s", s.Documents, countsText(s.Counts))
	if s.NotAssessable > 0 {
		line += i18n.Sprintf("（其中 %d 个无法判定）", s.NotAssessable)
	}
	if s.Baselined > 0 {
		line += i18n.Sprintf("；另有 %d 个发现已在基线中，未报告", s.Baselined)
	}
	if s.Unreadable > 0 {
		line += i18n.Sprintf("；%d 个文档无法读取", s.Unreadable)
	}
	return line
}

// countsText counts findings by level: 1 个错误，2 个警告，0 个提示.
func countsText(c finding.Counts) string {
	return i18n.Sprintf("%s，%s，%s", i18n.Sprintf("%d 个错误", c.Error), i18n.Sprintf("%d 个警告", c.Warning), i18n.Sprintf("%d 个提示", c.Note))
}
