package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// junitReporter writes JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines) show
// as test reports: one testsuite per document, one testcase per finding. A finding at or
// above the --fail-on level is a <failure>; one below it is a passing testcase whose
// system-out holds the finding, so it is recorded without failing the build. A document
// without findings is one passing testcase; one that cannot be read is an <error>.
// Suites stream as documents arrive, so the root element carries no totals (every suite
// carries its own). There are no timestamps or durations: output is deterministic.
type junitReporter struct {
	w      io.Writer
	failOn finding.Level
	err    error
}

type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func (j *junitReporter) write(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

func (j *junitReporter) Begin([]finding.Rule) error {
	j.write(xml.Header + `<testsuites name="reportlint">` + "\n")
	return j.err
}

func (j *junitReporter) Result(r finding.Result) error {
	suite := junitSuite{Name: r.Path}
	if r.Err != nil {
		suite.Errors++
		suite.Cases = append(suite.Cases, junitCase{Name: i18n.T("读取文档"), Classname: r.Path, File: r.Path,
			Error: &junitProblem{Message: i18n.Sprintf("无法读取：%s", r.Err.Error()), Type: "unreadable", Text: r.Err.Error()}})
	}
	for _, f := range r.Findings {
		c := junitCase{Name: junitName(f), Classname: r.Path, File: f.Location.Path, Line: f.Location.Span.Start.Line}
		body := junitBody(f)
		if f.Level.AtLeast(j.failOn) {
			suite.Failures++
			c.Failure = &junitProblem{Message: f.Message, Type: string(f.Level), Text: body}
		} else {
			c.SystemOut = body
		}
		suite.Cases = append(suite.Cases, c)
	}
	if len(suite.Cases) == 0 {
		suite.Cases = append(suite.Cases, junitCase{Name: "reportlint", Classname: r.Path, File: r.Path})
	}
	suite.Tests = len(suite.Cases)
	b, err := xml.MarshalIndent(suite, "  ", "  ")
	if err != nil {
		return err
	}
	j.write(string(b) + "\n")
	return j.err
}

func (j *junitReporter) End(Summary) error {
	j.write("</testsuites>\n")
	return j.err
}

// junitName names a finding's testcase by rule and place, which keeps names unique within
// a document and stable between runs.
func junitName(f finding.Finding) string {
	s := f.Location.Span.Start
	switch {
	case s.Line > 0:
		return fmt.Sprintf("%s %d:%d", f.RuleID, s.Line, s.Col)
	case s.Ref != "":
		return fmt.Sprintf("%s %s", f.RuleID, s.Ref)
	}
	return f.RuleID
}

// junitBody is a finding as the text format prints it, with its related places.
func junitBody(f finding.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s[%s] %s", position(f.Location), f.Level, f.RuleID, f.Message)
	for _, rel := range f.Related {
		what := rel.Message
		if what == "" {
			what = finding.ShowLogical(rel.Logical)
		}
		fmt.Fprintf(&b, "\n%s %s: %s", i18n.T("相关位置"), position(rel), what)
	}
	return b.String()
}
