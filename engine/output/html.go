package output

import (
	"html/template"
	"io"
	"sort"

	"github.com/reportlint/reportlint/engine/finding"
)

// htmlReporter writes one self-contained HTML page (no scripts, no external resources) for
// a reviewer sweeping many reports: each document as a collapsible entry with its counts
// and findings, then the totals and a table of findings per rule. Documents stream as they
// arrive; the totals, known only at the end, are written last and shown first (CSS order).
type htmlReporter struct {
	w       io.Writer
	version string
	// rules are the descriptors by pack and id; perRule counts findings by the same key.
	rules   map[[2]string]finding.Rule
	perRule map[[2]string]*ruleCount
	// docs counts the documents written so far.
	docs int
}

type ruleCount struct {
	Rule      finding.Rule
	Documents int
	Findings  int
	lastDoc   int
}

func newHTMLReporter(w io.Writer, opts Options) *htmlReporter {
	return &htmlReporter{w: w, version: opts.ToolVersion,
		rules: map[[2]string]finding.Rule{}, perRule: map[[2]string]*ruleCount{}}
}

// levelLabel is a level as the page shows it.
func levelLabel(l finding.Level) string {
	switch l {
	case finding.Error:
		return "错误"
	case finding.Warning:
		return "警告"
	case finding.Note:
		return "提示"
	}
	return string(l)
}

var htmlPage = template.Must(template.New("page").Funcs(template.FuncMap{"label": levelLabel}).Parse(`
{{- define "head" -}}
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reportlint {{.}}">
<title>reportlint 检查结果</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{display:flex;flex-direction:column;max-width:72rem;margin:0 auto;padding:1rem}
section{background:#fff;border:1px solid #d1d9e0;border-radius:6px;padding:.5rem 1rem;margin:.5rem 0}
#summary{order:-1}
h1{font-size:1.4rem}h2{font-size:1.1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #eaeef2}
td.n{text-align:right;font-variant-numeric:tabular-nums}
details{border-bottom:1px solid #eaeef2;padding:.25rem 0}
summary{cursor:pointer}
code{font-size:.85rem;background:#f6f8fa;padding:0 .2rem}
.error{color:#cf222e;font-weight:600}.warning{color:#9a6700;font-weight:600}.note{color:#0969da}
.clean{color:#1a7f37}.rel{color:#59636e;font-size:.85rem}
</style>
</head>
<body>
<main>
<section id="documents">
<h2>文档</h2>
{{end}}

{{- define "doc" -}}
<details{{if .Open}} open{{end}}>
<summary>{{if .Err}}<span class="error">无法读取</span>{{else if .Findings}}<span class="{{.Worst}}">{{label .Worst}}</span>{{else}}<span class="clean">通过</span>{{end}} <code>{{.Path}}</code>
{{- if .Pack}} · {{.Pack}}{{end}} · {{.Counts.Error}} 个错误，{{.Counts.Warning}} 个警告，{{.Counts.Note}} 个提示</summary>
{{- if .Err}}
<p class="error">{{.Err}}</p>
{{- end}}
{{- if .Findings}}
<table>
<tr><th>位置</th><th>级别</th><th>规则</th><th>说明</th></tr>
{{- range .Findings}}
<tr><td><code>{{.Where}}</code></td><td class="{{.Level}}">{{label .Level}}</td><td>{{if .Help}}<a href="{{.Help}}">{{.Rule}}</a>{{else}}{{.Rule}}{{end}}</td><td>{{.Message}}
{{- range .Related}}<div class="rel">相关位置 <code>{{.Where}}</code>：{{.What}}</div>{{end}}</td></tr>
{{- end}}
</table>
{{- end}}
</details>
{{end}}

{{- define "tail" -}}
</section>
<section id="summary">
<h1>reportlint 检查结果</h1>
<p>{{.Line}}</p>
{{- if .Rules}}
<h2>按规则</h2>
<table>
<tr><th>规则</th><th>级别</th><th>标题</th><th>规则包</th><th>文档数</th><th>发现数</th></tr>
{{- range .Rules}}
<tr><td>{{if .Rule.HelpURI}}<a href="{{.Rule.HelpURI}}">{{.Rule.ID}}</a>{{else}}{{.Rule.ID}}{{end}}</td><td class="{{.Rule.Level}}">{{label .Rule.Level}}</td><td>{{.Rule.Title}}</td><td>{{.Rule.Pack}}</td><td class="n">{{.Documents}}</td><td class="n">{{.Findings}}</td></tr>
{{- end}}
</table>
{{- end}}
</section>
</main>
</body>
</html>
{{end}}`))

type htmlDoc struct {
	Path, Pack, Err string
	Worst           finding.Level
	Counts          finding.Counts
	Open            bool
	Findings        []htmlFinding
}

type htmlFinding struct {
	Where, Rule, Help, Message string
	Level                      finding.Level
	Related                    []htmlRelated
}

type htmlRelated struct{ Where, What string }

func (h *htmlReporter) Begin(rules []finding.Rule) error {
	for _, r := range rules {
		h.rules[[2]string{r.Pack, r.ID}] = r
	}
	return htmlPage.ExecuteTemplate(h.w, "head", h.version)
}

func (h *htmlReporter) Result(r finding.Result) error {
	doc := htmlDoc{Path: r.Path, Pack: r.Pack, Worst: finding.None}
	if r.Err != nil {
		doc.Err = r.Err.Error()
	}
	doc.Counts.Add(r)
	doc.Worst = doc.Counts.Max()
	doc.Open = doc.Err != "" || doc.Counts.Error > 0
	h.docs++
	seq := h.docs
	for _, f := range r.Findings {
		key := [2]string{f.Pack, f.RuleID}
		rule, ok := h.rules[key]
		if !ok {
			rule = finding.Rule{ID: f.RuleID, Pack: f.Pack, Level: f.Level}
		}
		c := h.perRule[key]
		if c == nil {
			c = &ruleCount{Rule: rule}
			h.perRule[key] = c
		}
		c.Findings++
		if c.lastDoc != seq {
			c.Documents++
			c.lastDoc = seq
		}
		hf := htmlFinding{Where: position(f.Location), Rule: f.RuleID, Help: rule.HelpURI, Message: f.Message, Level: f.Level}
		for _, rel := range f.Related {
			what := rel.Message
			if what == "" {
				what = rel.Logical
			}
			hf.Related = append(hf.Related, htmlRelated{Where: position(rel), What: what})
		}
		doc.Findings = append(doc.Findings, hf)
	}
	return htmlPage.ExecuteTemplate(h.w, "doc", doc)
}

func (h *htmlReporter) End(s Summary) error {
	rules := make([]*ruleCount, 0, len(h.perRule))
	for _, c := range h.perRule {
		rules = append(rules, c)
	}
	// Most widespread first; ties by id and pack, so the page is deterministic.
	sort.Slice(rules, func(a, b int) bool {
		x, y := rules[a], rules[b]
		if x.Documents != y.Documents {
			return x.Documents > y.Documents
		}
		if x.Rule.ID != y.Rule.ID {
			return x.Rule.ID < y.Rule.ID
		}
		return x.Rule.Pack < y.Rule.Pack
	})
	return htmlPage.ExecuteTemplate(h.w, "tail", struct {
		Line  string
		Rules []*ruleCount
	}{SummaryLine(s), rules})
}
