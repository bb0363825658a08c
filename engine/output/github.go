package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
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
		g.printf("::error file=%s,title=%s::%s\n", ghProperty(r.Path), ghProperty("无法读取"), ghData(r.Err.Error()))
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
	g.printf("%s\n", SummaryLine(s))
	return g.err
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
