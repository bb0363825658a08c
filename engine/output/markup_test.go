package output

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
)

func viewResult() finding.Result {
	r := results()[0]
	r.About = &finding.About{Body: "某某市<b>局</b>", BodyKind: "department", Region: "某某市", Year: 2023}
	r.View = &finding.View{
		Title: "某某市2023年政府信息公开工作年度报告",
		Sections: []finding.ViewSection{
			{Ref: "s1", ID: "s1", Heading: "一、总体情况", Found: true, Text: "本年度2023年共收到政府信息公开申请3件。<script>x</script>"},
			{Ref: "s3", ID: "s3", Heading: "三、收到和处理政府信息公开申请情况", Found: true},
		},
		Tables: []finding.ViewTable{{Ref: "t3", Title: "表三", Section: "s3", Found: true,
			Columns: []finding.ViewColumn{{ID: "research", Label: "科研机构"}, {ID: "total", Label: "总计"}},
			Rows: []finding.ViewRow{{Ref: "t3.r1", Label: "一、本年新收", Found: true, Cells: []finding.ViewCell{
				{Ref: "t3.r1.research", Text: "/", State: "placeholder"}, {Ref: "t3.r1.total", Text: "0", State: "number"}}}}}},
		Claims: []finding.ViewClaim{{Ref: "claim.0", Section: "s1", Text: "2023年共收到政府信息公开申请3件。", Fields: map[string]string{"claim.0.n": "3"}}},
	}
	return r
}

// The marked-up report highlights the sentence and the cells findings point at, as wrong,
// not assessable or related, and links them both ways.
func TestMarkedUpReport(t *testing.T) {
	var buf bytes.Buffer
	rep, _ := New("html", &buf, Options{})
	if err := rep.Begin(rules()); err != nil {
		t.Fatal(err)
	}
	if err := rep.Result(viewResult()); err != nil {
		t.Fatal(err)
	}
	if err := rep.End(Summary{Documents: 1}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// Findings are numbered in the document's order (results() sorts them): NAR at the
	// claim, T3-ROW-SUM at the placeholder, PDF-RULE nowhere drawn.
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`<mark id="d1-claim.0" class="bad">2023年共收到政府信息公开申请3件。<sup><a href="#d1-f1" class="error"`),
		regexp.MustCompile(`<td id="d1-t3.r1.research" class="s-placeholder na" title="占位符">/<sup><a href="#d1-f2" class="note"`),
		regexp.MustCompile(`<td id="d1-t3.r1.total" class="s-number rel">0<sup><a href="#d1-f1" class="rel"`),
		regexp.MustCompile(`<div class="f error" id="d1-f1">[^$]*?<dt>位置</dt><dd><a href="#d1-claim.0">一、总体情况</a></dd><dt>应为</dt><dd class="want">0</dd><dt>实际</dt><dd class="got">3</dd><dt>相关</dt><dd><a href="#d1-t3.r1.total">表三/一/总计</a>“0”：表三本年新收申请总计</dd>`),
		regexp.MustCompile(`<div class="f note na" id="d1-f2">`),
		regexp.MustCompile(`<h3>全文</h3>[^$]*?id="d1-f3"`),
		regexp.MustCompile(`<th scope="col">科研机构</th><th scope="col">总计</th>`),
		regexp.MustCompile(`&lt;script&gt;x&lt;/script&gt;`),
		regexp.MustCompile(`某某市&lt;b&gt;局&lt;/b&gt;`),
	} {
		if !want.MatchString(out) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(out, "<script>x") || strings.Contains(out, "<b>局") {
		t.Error("document text reaches the page unescaped")
	}
}
