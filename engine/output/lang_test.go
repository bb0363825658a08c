package output

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// The tests of this file set the process's language: none of them may run in parallel.

// enRules are rules whose texts are in English, as a run in English gets them.
func enRules() []finding.Rule {
	return []finding.Rule{
		{ID: "NAR-APPLICATIONS", Title: "The applications the narrative states agree with table 3", Level: finding.Error, Tags: []string{"narrative"}, Help: "# NAR\n", Engine: "rego", Pack: "p@1.0.0"},
		{ID: "PDF-RULE", Title: "A rule on PDF pages", Level: finding.Warning, Tags: []string{"format"}, Engine: "cel", Pack: "p@1.0.0"},
		{ID: "T3-ROW-SUM", Title: "Each row's total in table 3 is the sum of the six kinds of applicant", Level: finding.Error, Tags: []string{"arithmetic"}, Engine: "cel", Pack: "p@1.0.0"},
		{ID: "UNUSED", Title: "A rule that reports nothing", Level: finding.Note, Tags: []string{"section"}, Engine: "cel", Pack: "p@1.0.0"},
	}
}

// enDocText is the document text enResults holds: what a run in English still shows in
// Chinese, since it is the document's.
var enDocText = []string{
	"2023年共收到政府信息公开申请3件。", "一、本年新收 0 0 / 0 0 0 0", "第二行 12 件",
	"某某市2023年政府信息公开工作年度报告", "一、总体情况", "三、收到和处理政府信息公开申请情况",
	"表三/一/科研机构", "表三/一/总计", "一、本年新收", "科研机构", "总计", "表三",
	"某某市规划局", "某某市", "报告 二.txt",
}

// enResults are results whose messages are in English, with Chinese only in what comes
// from the documents (paths, source lines, snippets, logical locations, the view) or is
// quoted.
func enResults() []finding.Result {
	fs := []finding.Finding{
		{
			RuleID: "NAR-APPLICATIONS", Level: finding.Error, Tags: []string{"narrative"}, Pack: "p@1.0.0",
			Message: "The narrative states 3 applications received; table 3 “本年新收” totals 0", Expected: "0", Actual: "3",
			Location: finding.Location{Path: "a.txt", Span: span(2, 17, 18), Snippet: "3", Logical: "一、总体情况", LogicalKind: "module", Ref: "claim.0.n"},
			Related: []finding.Location{
				{Path: "a.txt", Span: span(5, 20, 21), Snippet: "0", Message: "total of new applications in table 3", Logical: "表三/一/总计", Ref: "t3.r1.total"},
				{Path: "a.txt", Span: document2(2, 7, 3), Snippet: "12", Message: "a number on page 2"},
			},
		},
		{
			RuleID: "T3-ROW-SUM", Level: finding.Note, Tags: []string{"arithmetic"}, NotAssessable: true, Pack: "p@1.0.0",
			Message:  "Not assessable: 表三/一/科研机构 is a placeholder “/”, not a number",
			Location: finding.Location{Path: "a.txt", Span: span(5, 12, 13), Snippet: "/", Logical: "表三/一/科研机构", LogicalKind: "element", Ref: "t3.r1.research"},
		},
		{
			RuleID: "PDF-RULE", Level: finding.Warning, Tags: []string{"format"}, Pack: "p@1.0.0",
			Message:  "On PDF page 2",
			Location: finding.Location{Path: "a.txt", Span: document2(2, 7, 3), Snippet: "12", Ref: "x"},
		},
	}
	// More related places than the text format lists.
	for i := range 7 {
		fs[0].Related = append(fs[0].Related, finding.Location{Path: "a.txt", Span: span(5, 14+i, 15+i), Snippet: "0", Logical: "表三/一/总计", Message: "another cell"})
	}
	finding.Sort(fs)
	a := finding.Result{Path: "a.txt", Format: "text", Pack: "p@1.0.0", Findings: fs, Lines: finding.SourceLines{
		{Line: 2}:          "2023年共收到政府信息公开申请3件。",
		{Line: 5}:          "一、本年新收 0 0 / 0 0 0 0",
		{Page: 2, Line: 7}: "第二行 12 件",
	}}
	a.About = &finding.About{Body: "某某市规划局", BodyKind: "department", Region: "某某市", Year: 2023, Edition: "2021"}
	a.View = &finding.View{
		Title: "某某市2023年政府信息公开工作年度报告",
		Sections: []finding.ViewSection{
			{Ref: "s1", ID: "s1", Heading: "一、总体情况", Found: true, Text: "2023年共收到政府信息公开申请3件。"},
			{Ref: "s3", ID: "s3", Heading: "三、收到和处理政府信息公开申请情况"},
		},
		Tables: []finding.ViewTable{{Ref: "t3", Title: "表三", Section: "s3", Found: true,
			Columns: []finding.ViewColumn{{ID: "research", Label: "科研机构"}, {ID: "total", Label: "总计"}},
			Rows: []finding.ViewRow{{Ref: "t3.r1", Label: "一、本年新收", Found: true, Cells: []finding.ViewCell{
				{Ref: "t3.r1.research", Text: "/", State: "placeholder"}, {Ref: "t3.r1.total", Text: "0", State: "number"}}}}}},
		Claims: []finding.ViewClaim{{Ref: "claim.0", Section: "s1", Text: "2023年共收到政府信息公开申请3件。", Fields: map[string]string{"claim.0.n": "3"}}},
	}
	return []finding.Result{
		a,
		{Path: "dir/报告 二.txt", Err: errors.New("open dir/报告 二.txt: no such file or directory")},
		{Path: "clean.txt", Format: "text", Pack: "p@1.0.0", About: &finding.About{BodyKind: "township", Year: 2022}},
		{Path: "old.txt", Format: "text", Pack: "p@1.0.0", Findings: []finding.Finding{{
			RuleID: "T3-ROW-SUM", Level: finding.Error, Tags: []string{"arithmetic"}, Pack: "p@1.0.0",
			Message:  "Table 3's total is 2; the six kinds of applicant sum to 1",
			Location: finding.Location{Path: "old.txt", Span: span(3, 20, 21), Snippet: "2", Logical: "表三/一/总计", LogicalKind: "element", Ref: "t3.r1.total"},
		}}, Lines: finding.SourceLines{{Line: 3}: "一、本年新收 0 0 0 0 0 1 2"}},
	}
}

// document2 is a one-line span on page page of a paginated document.
func document2(page, line, col int) document.Span {
	s := span(line, col, col+2)
	s.Start.Page, s.End.Page = page, page
	return s
}

// renderIn renders results in format in language l, restoring the language after.
func renderIn(t *testing.T, l i18n.Lang, format string, rules []finding.Rule, rs []finding.Result, opts Options) []byte {
	t.Helper()
	defer i18n.Set(i18n.Current())
	i18n.Set(l)
	var buf bytes.Buffer
	rep, err := New(format, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Begin(rules); err != nil {
		t.Fatal(err)
	}
	sum := Summary{Baselined: 1}
	for _, r := range rs {
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

// quotedChinese is document text an English message may cite: in Chinese quotes or
// title marks.
var quotedChinese = regexp.MustCompile(`“[^”]*”|「[^」]*」|《[^》]*》`)

// chineseLeft returns the lines of out that hold Chinese (Han characters or full-width
// punctuation) outside quotes and outside the document's own text (enDocText), each with
// what is Chinese in it: the fixed text an English run failed to translate. ASCII quotes
// are not taken as quotes, since the html page quotes its attributes.
func chineseLeft(out string, extra ...string) []string {
	data := append(slices.Clone(enDocText), extra...)
	slices.SortFunc(data, func(a, b string) int { return len(b) - len(a) }) // longest first
	var left []string
	for _, line := range strings.Split(out, "\n") {
		s := quotedChinese.ReplaceAllString(line, "")
		for _, d := range data {
			s = strings.ReplaceAll(s, d, "")
		}
		var han strings.Builder
		for _, r := range s {
			if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。：；（）、“”《》？！【】", r) {
				han.WriteRune(r)
			}
		}
		if han.Len() > 0 {
			left = append(left, strconv.Quote(han.String())+" in "+strconv.Quote(clip(line, 200)))
		}
	}
	return left
}

func checkEnglish(t *testing.T, format string, out []byte, extra ...string) {
	t.Helper()
	if left := chineseLeft(string(out), extra...); len(left) > 0 {
		t.Errorf("%s in English has Chinese outside quotes and document text:\n%s", format, strings.Join(left, "\n"))
	}
}

// In English, the human formats have no fixed Chinese text left: only the documents'
// own text and quoted citations of it.
func TestHumanFormatsInEnglish(t *testing.T) {
	opts := Options{ToolVersion: "9.9.9", WorkDir: "/work", FailOn: finding.Warning}
	for _, format := range []string{"text", "github", "junit", "html", "csv"} {
		t.Run(format, func(t *testing.T) {
			out := renderIn(t, i18n.En, format, enRules(), enResults(), opts)
			checkEnglish(t, format, out)
			if format == "csv" {
				return
			}
			want := "checked 4 documents: 2 errors, 1 warning, 1 note (1 not assessable); 1 more finding is in the baseline and not reported; 1 document could not be read"
			if format != "junit" && !bytes.Contains(out, []byte(want)) {
				t.Errorf("%s: no English summary line %q in\n%s", format, want, out)
			}
		})
	}
	t.Run("text color", func(t *testing.T) {
		checkEnglish(t, "text", renderIn(t, i18n.En, "text", enRules(), enResults(), Options{Color: true}))
	})
	t.Run("html pages", func(t *testing.T) {
		pages := map[string]*bytes.Buffer{}
		o := opts
		o.Page = func(name string) (io.WriteCloser, error) {
			pages[name] = &bytes.Buffer{}
			return nopCloser{pages[name]}, nil
		}
		main := renderIn(t, i18n.En, "html", enRules(), enResults(), o)
		checkEnglish(t, "html", main)
		if len(pages) != 4 {
			t.Fatalf("%d pages", len(pages))
		}
		for name, p := range pages {
			checkEnglish(t, name, p.Bytes())
			if !bytes.Contains(p.Bytes(), []byte(`<html lang="en">`)) {
				t.Errorf("%s: not in English", name)
			}
		}
	})
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// The html page says its language, and its fixed texts are the English ones.
func TestHTMLInEnglish(t *testing.T) {
	out := string(renderIn(t, i18n.En, "html", enRules(), enResults(), Options{}))
	for _, want := range []string{
		`<html lang="en">`, `<title>reportlint results</title>`, `<h1>reportlint results</h1>`,
		`<dt>Expected</dt><dd class="want">0</dd><dt>Actual</dt><dd class="got">3</dd>`,
		`<span class="note">Note</span> · Not assessable <b>T3-ROW-SUM</b>`,
		`title="placeholder"`, `<span class="missing">(not found)</span>`,
		`<summary>3 more related locations</summary>`,
		`某某市规划局 · Department · 某某市 · year 2023 · 2021 format · p@1.0.0`,
		`<span class="error">Unreadable</span>: open dir/报告 二.txt`,
		`<span class="clean">Passed</span>: no findings`,
		`1 error, 1 warning, 1 note`,
		`el("div","Unreadable: "+d.x,"error")`,
		`shown.textContent="showing "+n+" / matching "+list.length+" / "+docs.length+" documents";`,
		`placeholder="Search paths, bodies, regions, rules"`,
		`<td>Narrative</td>`, `<td>Error 1</td>`,
		`By year: documents (red: with errors)`, `1 document, 1 with errors, 0 passed`,
		`<option value="">All years</option><option>2022</option><option>2023</option>`,
		`<option>Department</option><option>Township or subdistrict</option><option>Unidentified</option>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("English page lacks %s", want)
		}
	}
}

func TestSheetsInEnglish(t *testing.T) {
	out := renderIn(t, i18n.En, "csv", enRules(), enResults(), Options{})
	header, _, _ := strings.Cut(string(out[3:]), "\r\n")
	want := "Document,Body,Kind of body,Region,Year,Format edition,Pack,Read in full,Why unreadable,Errors,Warnings,Notes,Not assessable," +
		"Category: Sections,Category: Numbers,Category: Narrative,Category: Metadata,Category: Format,NAR-APPLICATIONS,PDF-RULE,T3-ROW-SUM,UNUSED"
	if cats := finding.Categories(); len(cats) != 5 {
		t.Skipf("categories %v: update the expected header", cats)
	}
	if header != want {
		t.Errorf("csv header\n%s\nwant\n%s", header, want)
	}

	x := renderIn(t, i18n.En, "xlsx", enRules(), enResults(), Options{})
	zr, err := zip.NewReader(bytes.NewReader(x), int64(len(x)))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/theme/") {
			continue // excelize's theme: fonts by script (等线 for Hans)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		// XML parts: one line per element, so that what is left names its place.
		all.WriteString(strings.ReplaceAll(string(b), "><", ">\n<") + "\n")
	}
	// The finding sheet splits a cell's logical location (表三/一/总计) into table, row
	// and column.
	checkEnglish(t, "xlsx", []byte(all.String()), "<t>一</t>")
	for _, want := range []string{`name="Documents"`, `name="Findings"`, `<dc:title>reportlint results</dc:title>`, `Location (line:col)`, `Related location`} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("xlsx lacks %s", want)
		}
	}
}

// After a run in English, a run in Chinese is byte for byte what it was: nothing keeps
// the language of an earlier run.
func TestChineseAfterEnglish(t *testing.T) {
	defer i18n.Set(i18n.Current())
	for _, format := range []string{"text", "github", "junit", "html", "csv", "xlsx", "sarif", "json"} {
		zh := renderIn(t, i18n.Zh, format, rules(), results(), Options{ToolVersion: "9.9.9", WorkDir: "/work"})
		renderIn(t, i18n.En, format, rules(), results(), Options{ToolVersion: "9.9.9", WorkDir: "/work"})
		if again := renderIn(t, i18n.Zh, format, rules(), results(), Options{ToolVersion: "9.9.9", WorkDir: "/work"}); !bytes.Equal(zh, again) {
			t.Errorf("%s: Chinese output changed after a run in English", format)
		}
	}
	i18n.Set(i18n.Zh)
	if got := SummaryLine(Summary{Documents: 2, Counts: finding.Counts{Error: 1}, NotAssessable: 1, Baselined: 3, Unreadable: 1}); got != "检查了 2 个文档：1 个错误，0 个警告，0 个提示（其中 1 个无法判定）；另有 3 个发现已在基线中，未报告；1 个文档无法读取" {
		t.Errorf("zh summary: %q", got)
	}
}

// templateKey finds the messages the html template passes to t and tf.
var templateContextKey = regexp.MustCompile(`\{\{-?\s*tc\s+("(?:[^"\\]|\\.)*")\s+("(?:[^"\\]|\\.)*")`)

var templateKey = regexp.MustCompile(`\{\{-?\s*tf?\s+("(?:[^"\\]|\\.)*")`)

// Every message of the html template has a catalogue entry (the catalogue's own test does
// not read templates), and every dynamic entry of output.yaml is one of them.
func TestTemplateMessagesAreCatalogued(t *testing.T) {
	keys := map[string]bool{}
	for _, m := range templateKey.FindAllStringSubmatch(htmlTemplate, -1) {
		k, err := strconv.Unquote(m[1])
		if err != nil {
			t.Fatalf("%s: %v", m[1], err)
		}
		if keys[k] {
			continue
		}
		keys[k] = true
		if i18n.In(i18n.En, k) == k {
			t.Errorf("template message %q has no English in the catalogue", k)
		}
		if i18n.In(i18n.Zh, k) != k {
			t.Errorf("template message %q is not the Chinese of its entry", k)
		}
	}
	if len(keys) < 40 {
		t.Fatalf("found %d template messages: the pattern is broken", len(keys))
	}
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En)
	contexts := 0
	for _, m := range templateContextKey.FindAllStringSubmatch(htmlTemplate, -1) {
		contexts++
		ctx, err1 := strconv.Unquote(m[1])
		k, err2 := strconv.Unquote(m[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s %s: %v %v", m[1], m[2], err1, err2)
		}
		if i18n.C(ctx, k) == k {
			t.Errorf("template message %q in context %q has no English in the catalogue", k, ctx)
		}
	}
	if contexts == 0 {
		t.Fatal("found no template message with a context: the pattern is broken")
	}
	all, err := i18n.Entries()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if e.File == "output.yaml" && e.Dynamic && !keys[e.Zh] {
			t.Errorf("output.yaml: dynamic entry %q is not in the html template", e.Zh)
		}
	}
}
