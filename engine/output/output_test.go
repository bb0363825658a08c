package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/finding"
)

var update = flag.Bool("update", false, "rewrite golden files")

func span(line, col, endCol int) document.Span {
	return document.Span{Start: document.Pos{Line: line, Col: col}, End: document.Pos{Line: line, Col: endCol}}
}

func results() []finding.Result {
	fs := []finding.Finding{
		{
			RuleID: "NAR-APPLICATIONS", Level: finding.Error, Tags: []string{"narrative"}, Pack: "p@1.0.0",
			Message: "正文称收到申请 3 件，表三“本年新收政府信息公开申请数量”总计为 0 件", Expected: "0", Actual: "3",
			Location: finding.Location{Path: "a.txt", Span: span(2, 17, 18), Snippet: "3", Logical: "一、总体情况", LogicalKind: "module", Ref: "claim.0.n"},
			Related:  []finding.Location{{Path: "a.txt", Span: span(5, 20, 21), Snippet: "0", Message: "表三本年新收申请总计", Logical: "表三/一/总计", Ref: "t3.r1.total"}},
		},
		{
			RuleID: "T3-ROW-SUM", Level: finding.Note, Tags: []string{"arithmetic"}, NotAssessable: true, Pack: "p@1.0.0",
			Message:  "无法判定（表三各行“总计”等于六类申请人之和）：表三/一/科研机构为占位符“/”，不是数字",
			Location: finding.Location{Path: "a.txt", Span: span(5, 12, 13), Snippet: "/", Logical: "表三/一/科研机构", LogicalKind: "element", Ref: "t3.r1.research"},
		},
		{
			RuleID: "PDF-RULE", Level: finding.Warning, Tags: []string{"format"}, Pack: "p@1.0.0",
			Message:  "在 PDF 第 2 页",
			Location: finding.Location{Path: "a.txt", Span: document.Span{Start: document.Pos{Page: 2, Line: 7, Col: 3}, End: document.Pos{Page: 2, Line: 7, Col: 5}}, Snippet: "12", Ref: "x"},
		},
	}
	finding.Sort(fs)
	return []finding.Result{
		{Path: "a.txt", Format: "text", Pack: "p@1.0.0", Findings: fs, Lines: finding.SourceLines{
			{Line: 2}:          "2023年共收到政府信息公开申请3件。",
			{Line: 5}:          "一、本年新收 0 0 / 0 0 0 0",
			{Page: 2, Line: 7}: "第二行 12 件",
		}},
		{Path: "dir/报告 二.txt", Err: errors.New("open dir/报告 二.txt: no such file or directory")},
		{Path: "clean.txt", Format: "text", Pack: "p@1.0.0"},
		{Path: "old.txt", Format: "text", Pack: "q@2.1.0", Findings: []finding.Finding{{
			RuleID: "T3-ROW-SUM", Level: finding.Error, Tags: []string{"arithmetic"}, Pack: "q@2.1.0",
			Message:  "表三“总计”为 2，六类申请人之和为 1",
			Location: finding.Location{Path: "old.txt", Span: span(3, 20, 21), Snippet: "2", Ref: "t3.r1.total"},
		}}, Lines: finding.SourceLines{{Line: 3}: "一、本年新收 0 0 0 0 0 1 2"}},
	}
}

func rules() []finding.Rule {
	return []finding.Rule{
		{ID: "NAR-APPLICATIONS", Title: "正文所述申请数量应与表三一致", Level: finding.Error, Tags: []string{"narrative"}, HelpURI: "https://example.com/NAR.md", Help: "# NAR\n", Engine: "rego", Pack: "p@1.0.0", Source: "rego/x.rego:7", Since: "1.0.0"},
		{ID: "PDF-RULE", Title: "t", Level: finding.Warning, Tags: []string{"format"}, HelpURI: "https://example.com/P.md", Engine: "cel", Pack: "p@1.0.0"},
		{ID: "T3-ROW-SUM", Title: "表三各行“总计”等于六类申请人之和", Description: "每行总计", Level: finding.Error, Tags: []string{"arithmetic"}, HelpURI: "https://example.com/T3.md", Engine: "cel", Pack: "p@1.0.0"},
		{ID: "T3-ROW-SUM", Title: "旧格式表三各行总计", Level: finding.Error, Tags: []string{"arithmetic"}, HelpURI: "https://example.com/q/T3.md", Engine: "cel", Pack: "q@2.1.0"},
	}
}

func render(t *testing.T, format string, color bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	rep, err := New(format, &buf, Options{Color: color, ToolVersion: "9.9.9", WorkDir: "/work", FailOn: finding.Warning})
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Begin(rules()); err != nil {
		t.Fatal(err)
	}
	var sum Summary
	for _, r := range results() {
		sum.Add(r)
		if err := rep.Result(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.End(sum); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		format, file string
		color        bool
	}{
		{"text", "report.txt", false},
		{"text", "report-color.txt", true},
		{"json", "report.json", false},
		{"sarif", "report.sarif", false},
		{"github", "report.github", false},
		{"junit", "report.junit.xml", false},
		{"html", "report.html", false},
	} {
		t.Run(tt.file, func(t *testing.T) {
			a := render(t, tt.format, tt.color)
			golden(t, tt.file, a)
			if b := render(t, tt.format, tt.color); !bytes.Equal(a, b) {
				t.Error("output is not deterministic")
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", &bytes.Buffer{}, Options{}); err == nil {
		t.Fatal("New(xml) succeeded")
	}
}

func TestSARIFURIs(t *testing.T) {
	// Run from /repo/sub inside the repository /repo.
	s := &sarifReporter{workDir: "/repo/sub", root: "/repo"}
	for in, want := range map[string]string{
		"a.txt":             "sub/a.txt",
		"dir/报告 二.txt":      "sub/dir/%E6%8A%A5%E5%91%8A%20%E4%BA%8C.txt",
		"/repo/sub/x.pdf":   "sub/x.pdf",
		"../top.md":         "top.md",
		"/repo/年报/报告.txt":   "%E5%B9%B4%E6%8A%A5/%E6%8A%A5%E5%91%8A.txt",
		"/elsewhere/y.html": "file:///elsewhere/y.html",
		"/repository/z.txt": "file:///repository/z.txt",
		"../../outside.txt": "file:///outside.txt",
		"./a/../b.txt":      "sub/b.txt",
	} {
		if got := s.uri(in); got != want {
			t.Errorf("uri(%q) = %q, want %q", in, got, want)
		}
	}
	if got := rootURI("/repo"); got != "file:///repo/" {
		t.Errorf("rootURI = %q", got)
	}
}

// TestSARIFValidatesAgainstTheSchema checks the golden log against the official SARIF
// 2.1.0 schema, so a change that breaks the format fails here as well as in the CLI tests.
func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	sch, err := c.Compile("../../schemas/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, "sarif", false)))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatal(err)
	}
}

// Every rule is in the driver's rules with its pack in properties, and a result names its
// rule by id and by index there, so two packs may define the same id differently. Each
// pack is an extension with its name and version.
func TestSARIFRulesByPack(t *testing.T) {
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID, HelpURI string
						Properties  struct{ Pack string }
					}
				}
				Extensions []struct{ Name, Version string }
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID     string
				RuleIndex  *int
				Rule       any
				Message    struct{ Text string }
				Properties struct{ Pack string }
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", false), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	if len(rules) != 4 || fmt.Sprint(run.Tool.Extensions) != "[{p 1.0.0} {q 2.1.0}]" {
		t.Fatalf("driver rules %+v, extensions %+v", rules, run.Tool.Extensions)
	}
	if base := run.OriginalURIBaseIDs["%SRCROOT%"].URI; base != "file:///work/" {
		t.Errorf("%%SRCROOT%% = %q", base)
	}
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	for _, r := range run.Results {
		if r.RuleIndex == nil || *r.RuleIndex >= len(rules) || r.Rule != nil {
			t.Fatalf("result %q: ruleIndex %v, rule %v", r.Message.Text, r.RuleIndex, r.Rule)
		}
		rule := rules[*r.RuleIndex]
		if rule.ID != r.RuleID || rule.Properties.Pack != r.Properties.Pack {
			t.Errorf("result %q (%s) points at rule %d (%s of %s)", r.Message.Text, r.Properties.Pack, *r.RuleIndex, rule.ID, rule.Properties.Pack)
		}
		if r.Message.Text == "表三“总计”为 2，六类申请人之和为 1" && rule.HelpURI != "https://example.com/q/T3.md" {
			t.Errorf("the q finding uses the rule of pack %s (%s)", rule.Properties.Pack, rule.HelpURI)
		}
	}
}

// The JUnit report parses as XML; findings at or above FailOn are failures, the others are
// recorded in system-out; an unreadable document is an error; a clean one passes.
func TestJUnit(t *testing.T) {
	var doc struct {
		Suites []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Errors   int    `xml:"errors,attr"`
			Cases    []struct {
				Name      string    `xml:"name,attr"`
				Failure   *struct{} `xml:"failure"`
				Error     *struct{} `xml:"error"`
				SystemOut string    `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(render(t, "junit", false), &doc); err != nil {
		t.Fatal(err)
	}
	type summary struct {
		name                    string
		tests, failures, errors int
	}
	var got []summary
	for _, s := range doc.Suites {
		got = append(got, summary{s.Name, s.Tests, s.Failures, s.Errors})
		failures := 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				failures++
			}
		}
		if failures != s.Failures || len(s.Cases) != s.Tests {
			t.Errorf("suite %s: counts %d/%d do not match its %d cases", s.Name, s.Failures, s.Tests, len(s.Cases))
		}
	}
	want := []summary{{"a.txt", 3, 2, 0}, {"dir/报告 二.txt", 1, 0, 1}, {"clean.txt", 1, 0, 0}, {"old.txt", 1, 1, 0}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("suites = %v, want %v", got, want)
	}
	if note := doc.Suites[0].Cases[1]; note.Failure != nil || !strings.Contains(note.SystemOut, "note[T3-ROW-SUM]") {
		t.Errorf("a note below --fail-on is %+v", note)
	}
}

// The HTML page escapes everything that comes from documents.
func TestHTMLEscapes(t *testing.T) {
	var buf bytes.Buffer
	rep, _ := New("html", &buf, Options{})
	if err := rep.Begin(nil); err != nil {
		t.Fatal(err)
	}
	bad := `<script>alert(1)</script>.txt`
	err := rep.Result(finding.Result{Path: bad, Findings: []finding.Finding{{
		RuleID: "X", Level: finding.Error, Message: `<img src=x onerror=alert(1)>`,
		Location: finding.Location{Path: bad, Span: span(1, 1, 2)},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.End(Summary{Documents: 1}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script>alert") || strings.Contains(out, "<img") || strings.Count(out, "<script") != 2 {
		t.Fatalf("unescaped input in\n%s", out)
	}
	if !strings.Contains(out, "&lt;script&gt;") || !strings.HasSuffix(out, "</html>\n") {
		t.Fatalf("page:\n%s", out)
	}
}

func TestTextEscapesControlCharacters(t *testing.T) {
	var buf bytes.Buffer
	rep, _ := New("text", &buf, Options{})
	name := "a\x1b[2Jb\u202ec\xff.txt"
	rep.Result(finding.Result{Path: name, Err: errors.New("open " + name + ": denied")})
	rep.Result(finding.Result{Path: name, Findings: []finding.Finding{{RuleID: "X", Level: finding.Error, Message: "m",
		Location: finding.Location{Path: name, Span: span(1, 1, 2)}}}})
	got := buf.String()
	if strings.ContainsAny(got, "\x1b\u202e") || !utf8.ValidString(got) {
		t.Errorf("control characters reach the output: %q", got)
	}
	if want := `a\x1b[2Jb\u202ec\xff.txt`; strings.Count(got, want) != 3 {
		t.Errorf("want the name escaped as %s three times, got %q", want, got)
	}
}
