package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// githubReporter writes GitHub Actions workflow commands (::error file=…,line=…::message),
// which annotate the files of a pull request without uploading SARIF.
type githubReporter struct {
	w   io.Writer
	err error
}

func (g *githubReporter) printf(format string, args ...any) {
	if g.err == nil {
		_, g.err = fmt.Fprintf(g.w, format, args...)
	}
}

func (g *githubReporter) Begin([]finding.Rule) error { return nil }

func (g *githubReporter) Result(r finding.Result) error {
	if r.Err != nil {
		g.printf("::error file=%s,title=%s::%s\n", ghProperty(r.Path), ghProperty(i18n.T("无法读取")), ghData(r.Err.Error()))
	}
	for _, f := range r.Findings {
		level := "error"
		switch f.Level {
		case finding.Warning:
			level = "warning"
		case finding.Note:
			level = "notice"
		}
		s, e := f.Location.Span.Start, f.Location.Span.End
		g.printf("::%s file=%s", level, ghProperty(f.Location.Path))
		if s.Line > 0 {
			g.printf(",line=%d,col=%d", s.Line, s.Col)
			if e.Line == s.Line && e.Col > s.Col {
				g.printf(",endColumn=%d", e.Col)
			}
		}
		g.printf(",title=%s::%s\n", ghProperty(f.RuleID), ghData(f.Message))
	}
	return g.err
}

func (g *githubReporter) End(s Summary) error {
	g.printf("%s\n", ghData(SummaryLine(s)))
	return g.err
}

// ghData escapes a workflow command's message as GitHub's toolkit does (%, CR, LF), so
// that text from a document can neither end the command nor start another; the other
// control characters, which the runner would pass on to the log, are escaped the same way.
func ghData(s string) string { return ghEscape(s, false) }

// ghProperty escapes a workflow command's property value: as ghData, plus : and , which
// separate properties.
func ghProperty(s string) string { return ghEscape(s, true) }

func ghEscape(s string, property bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '%' || r == '\r' || r == '\n' || property && (r == ':' || r == ','),
			r < 0x20 && r != '\t', r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		case r >= 0x80 && r < 0xa0, r == '\u2028', r == '\u2029':
			fmt.Fprintf(&b, "%%u%04X", r) // C1 controls and Unicode line separators
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
