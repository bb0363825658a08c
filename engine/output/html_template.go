package output

// htmlTemplate is the page of the html format: "head" opens it, "doc" is one document's
// marked-up report, "tail" is the dashboard and closes it, "foot" closes a document's own
// page. Everything is inline: the page makes no request.
const htmlTemplate = `
{{- define "head" -}}
<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reportlint {{.Version}}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{{.Title}}</title>
<style>
:root{--bad:#cf222e;--badbg:#ffebe9;--na:#9a6700;--nabg:#fff8c5;--rel:#0969da;--relbg:#ddf4ff;--line:#d1d9e0;--muted:#59636e}
*{box-sizing:border-box}
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:0;color:#1f2328;background:#f6f8fa;font-size:14px;line-height:1.5}
main{display:flex;flex-direction:column;max-width:90rem;margin:0 auto;padding:1rem}
#dashboard{order:-1}#dashboard.single{order:1}#dashboard.single .sweep{display:none}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:.5rem 0}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.2rem;margin:.2rem 0}h3{font-size:1.05rem;margin:.6rem 0 .3rem}h4{font-size:.95rem;margin:.4rem 0}
.muted{color:var(--muted)}
.figs{display:flex;flex-wrap:wrap;gap:.5rem}
.fig{flex:1 1 9rem;border:1px solid var(--line);border-radius:6px;padding:.4rem .7rem;background:#fff}
.fig b{display:block;font-size:1.6rem;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:1rem}
.chart{margin:0;flex:0 1 auto}.chart figcaption{font-weight:600;margin:.3rem 0}
.chart .bar{fill:#8c959f}.chart .part{fill:var(--bad)}.chart .lb,.chart .v{font-size:12px;fill:#1f2328}.chart a{fill:var(--rel)}
table{border-collapse:collapse}
.list{width:100%;font-size:.9rem}
.list th,.list td{text-align:left;vertical-align:top;padding:.2rem .45rem;border-bottom:1px solid #eaeef2}
.list th{position:sticky;top:0;background:#f6f8fa;cursor:pointer;user-select:none;white-space:nowrap}
.list th[aria-sort=ascending]::after{content:" ▲"}.list th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
.filters input,.filters select{font:inherit;padding:.2rem .4rem}
.error{color:var(--bad);font-weight:600}.warning{color:var(--na);font-weight:600}.note{color:var(--rel)}.clean{color:#1a7f37;font-weight:600}
code{font-size:.85rem;background:#f6f8fa;padding:0 .2rem;word-break:break-all}
details.help pre{white-space:pre-wrap;background:#f6f8fa;padding:.5rem;font-size:.85rem}
/* the marked-up report */
.doc{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
.doc>header p{margin:.2rem 0}
.blk{display:grid;grid-template-columns:minmax(0,1fr) 24rem;gap:1rem;border-top:1px solid #eaeef2;padding:.4rem 0}
.blk.nofind{grid-template-columns:minmax(0,1fr)}
.text{white-space:pre-wrap;word-break:break-all;margin:.2rem 0}
.missing{color:var(--muted);font-style:italic}
.grid{font-size:.85rem;margin:.3rem 0}
.grid th,.grid td{border:1px solid #afb8c1;padding:.15rem .35rem;vertical-align:top}
.grid thead th{background:#f6f8fa;font-weight:600;font-size:.8rem;max-width:9rem}
.grid tbody th{text-align:left;font-weight:normal;background:#fbfcfd;max-width:22rem}
.grid td{text-align:right;min-width:2.4rem;font-variant-numeric:tabular-nums}
.grid tr.group th{font-weight:600;background:#f6f8fa}
.grid .absent th{color:var(--muted)}
.s-blank,.s-missing{background:#f6f8fa}.s-placeholder,.s-invalid{color:var(--muted)}
.bad{background:var(--badbg)!important;outline:2px solid var(--bad);outline-offset:-2px}
.na{background:repeating-linear-gradient(45deg,var(--nabg),var(--nabg) 4px,#fff 4px,#fff 8px)!important;outline:2px dashed var(--na);outline-offset:-2px}
.chk{background:#fbefff!important;outline:2px solid #8250df;outline-offset:-2px}
.rel{background:var(--relbg);outline:1px solid var(--rel);outline-offset:-1px}
mark{background:none;color:inherit}
mark.bad,mark.na,mark.chk,mark.rel{padding:0 .1rem}
mark.own{display:block;margin:.2rem 0}
:target{box-shadow:0 0 0 3px #fd8c73!important}
sup a{font-size:.7rem;text-decoration:none;margin-left:.1rem;padding:0 .15rem;border-radius:3px;color:#fff;background:var(--bad)}
sup a.warning{background:var(--na)}sup a.note{background:var(--rel)}sup a.rel,sup a.more{background:#fff;color:var(--rel);border:1px solid var(--rel)}
aside .f{border-left:4px solid var(--bad);background:#fff;padding:.3rem .5rem;margin:.3rem 0;font-size:.85rem;box-shadow:0 1px 2px #0001}
aside .f.warning{border-color:var(--na)}aside .f.note{border-color:var(--rel)}
aside .f.na{border-left-style:dashed}
.f p{margin:.15rem 0}.f dl{margin:.15rem 0;display:grid;grid-template-columns:auto 1fr;gap:0 .4rem}.f dt{color:var(--muted)}.f dd{margin:0}.f dd.want,.f dd.got{font-variant-numeric:tabular-nums;font-weight:600}.f dd.got{color:var(--bad)}
.legend span{display:inline-block;padding:0 .4rem;margin-right:.4rem}
@media (max-width:60rem){.blk{grid-template-columns:minmax(0,1fr)}}
@media screen{.doc{content-visibility:auto;contain-intrinsic-size:auto 40rem}}
@media print{
body{background:#fff;font-size:10pt}main{display:block;max-width:none;padding:0}
.filters,.noprint,sup{display:none}
.card,.doc{border:none;padding:0}
.doc~.doc,.doc~#dashboard{break-before:page}
.blk{grid-template-columns:minmax(0,1fr) 16rem}
aside .f{break-inside:avoid}
.grid{break-inside:auto}.grid tr{break-inside:avoid}
.list th{position:static}
a{color:inherit;text-decoration:none}
.bad,.na,.chk,.rel,aside .f,.chart .part{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
</style>
</head>
<body>
<main>
{{end}}

{{- define "links"}}{{if .}}<sup>{{range .}}<a href="{{.Href}}" class="{{.Class}}" title="{{tf "第 %s 个发现" .Text}}">{{.Text}}</a>{{end}}</sup>{{end}}{{end}}

{{- define "rel"}}<dt>{{t "相关"}}</dt><dd>{{if .Href}}<a href="{{.Href}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}{{if .Snippet}}“{{.Snippet}}”{{end}}{{if .Role}}{{t "："}}{{.Role}}{{end}}</dd>{{end}}

{{- define "finding" -}}
<div class="f {{.Level}}{{if .NA}} na{{end}}" id="{{.ID}}">
<p><span class="{{.Level}}">{{label .Level}}</span>{{if .NA}} · {{t "无法判定"}}{{end}} <b>{{.Rule}}</b>{{if .Title}} <span class="muted">{{.Title}}</span>{{end}}</p>
<p>{{.Message}}</p>
<dl>
{{- if .At}}<dt>{{t "位置"}}</dt><dd><a href="{{.At.Href}}">{{.At.Text}}</a></dd>{{else}}<dt>{{t "位置"}}</dt><dd><code>{{.Where}}</code></dd>{{end}}
{{- if .Expected}}<dt>{{t "应为"}}</dt><dd class="want">{{.Expected}}</dd><dt>{{t "实际"}}</dt><dd class="got">{{.Actual}}</dd>{{if and .Snippet (ne .Snippet .Actual)}}<dt>{{t "原文"}}</dt><dd>“{{.Snippet}}”</dd>{{end}}
{{- else if .Snippet}}<dt>{{t "实际"}}</dt><dd>“{{.Snippet}}”</dd>{{end}}
{{- range .Related}}{{template "rel" .}}{{end}}
</dl>
{{- if .More}}<details><summary>{{tf "另有 %d 处相关位置" (len .More)}}</summary><dl>{{range .More}}{{template "rel" .}}{{end}}</dl></details>{{end}}
</div>
{{- end}}

{{- define "doc" -}}
<article class="doc" id="d{{.N}}">
<header>
{{- if .Back}}<p class="noprint"><a href="../{{.Back}}">{{t "← 返回总览"}}</a></p>{{end}}
<h2>{{.Heading}}</h2>
<p><code>{{.Path}}</code>{{range .Meta}} · {{.}}{{end}}</p>
<p>{{if .Err}}<span class="error">{{t "无法读取"}}</span>{{t "："}}{{.Err}}{{else if .Clean}}<span class="clean">{{t "通过"}}</span>{{t "："}}{{t "未发现问题"}}{{else}}{{counts .Counts}}{{end}}</p>
{{- if .HasView}}
<p class="legend muted noprint">{{t "图例："}}<span class="bad">{{t "有误"}}</span><span class="na">{{t "无法判定"}}</span><span class="chk">{{t "请核实"}}</span><span class="rel">{{t "相关"}}</span> {{t "单元格右上角的数字链接到旁边的发现；发现中的位置链接回单元格。"}}</p>
{{- end}}
</header>
{{- if .General}}
<div class="blk"><div><h3>{{t "全文"}}</h3><p class="muted">{{t "这些发现涉及整个文档或未能在下面的章节和表格中定位。"}}</p></div><aside>
{{- range .General}}{{template "finding" .}}{{end}}
</aside></div>
{{- end}}
{{- range .Blocks}}
<div class="blk{{if not .Findings}} nofind{{end}}"><div>
{{- if eq .Level 3}}<h3 id="{{.ID}}"{{if .Class}} class="{{.Class}}"{{end}}>{{.Heading}}{{template "links" .Links}}{{if .Missing}} <span class="missing">{{t "（未找到）"}}</span>{{end}}</h3>{{else}}<h4 id="{{.ID}}"{{if .Class}} class="{{.Class}}"{{end}}>{{.Heading}}{{template "links" .Links}}{{if .Missing}} <span class="missing">{{t "（未找到）"}}</span>{{end}}</h4>{{end}}
{{- if .Text}}<p class="text">{{range .Text}}{{if .Class}}<mark id="{{.ID}}" class="{{.Class}}">{{.Text}}{{template "links" .Links}}</mark>{{else}}{{.Text}}{{end}}{{end}}</p>{{end}}
{{- with .Table}}{{if .Doubt}}<p class="warning">{{.Doubt}}</p>{{end}}{{if .Found}}
<table class="grid">
<thead><tr><th scope="col"></th>{{range .Cols}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
{{- if .Group}}
<tr class="group {{.Class}}" id="{{.ID}}"><th scope="rowgroup" colspan="{{.Span}}" style="{{pad .Depth}}">{{.Label}}{{template "links" .Links}}</th><td></td></tr>
{{- else}}
<tr class="{{.Class}}" id="{{.ID}}"><th scope="row" style="{{pad .Depth}}">{{.Label}}{{template "links" .Links}}</th>{{range .Cells}}<td id="{{.ID}}" class="{{.Class}}"{{if .Title}} title="{{.Title}}"{{end}}>{{.Text}}{{template "links" .Links}}</td>{{end}}</tr>
{{- end}}
{{- end}}
</tbody>
</table>{{end}}{{end}}
</div>
{{- if .Findings}}<aside>{{range .Findings}}{{template "finding" .}}{{end}}</aside>{{end}}
</div>
{{- end}}
</article>
{{end}}

{{- define "foot" -}}
</main>
</body>
</html>
{{end}}

{{- define "tail" -}}
<section id="dashboard"{{if eq .Docs 1}} class="single"{{end}}>
<div class="card">
<h1>{{t "reportlint 检查结果"}}</h1>
<p>{{.Line}}</p>
<div class="figs">
<div class="fig" id="fig-docs"><b>{{.Docs}}</b>{{t "份报告"}}</div>
<div class="fig" id="fig-clean"><b>{{.CleanShare}}</b>{{tf "通过（%d 份无任何发现）" .Clean}}</div>
<div class="fig" id="fig-errors"><b class="error">{{.Errors}}</b>{{tf "个错误（%d 份报告）" .DocsWithError}}</div>
<div class="fig" id="fig-warnings"><b class="warning">{{.Warnings}}</b>{{t "个警告"}}</div>
<div class="fig" id="fig-na"><b>{{.NA}}</b>{{t "个无法判定"}}</div>
<div class="fig" id="fig-bad"><b>{{.Bad}}</b>{{t "份无法读取"}}</div>
</div>
</div>
<div class="card charts sweep">
{{.ByRule}}
{{.ByCategory}}
{{.ByYear}}
{{.ByKind}}
{{.ByRegion}}
</div>
<div class="card sweep">
<h2>{{t "文档"}}</h2>
<div class="filters">
<input type="search" id="q" placeholder="{{t "搜索路径、机关、地区、规则"}}" size="28" aria-label="{{t "搜索"}}">
<select id="f-level" aria-label="{{t "结果"}}"><option value="">{{t "全部结果"}}</option><option value="error">{{t "有错误"}}</option><option value="warning">{{t "有警告"}}</option><option value="na">{{t "有无法判定"}}</option><option value="clean">{{t "通过"}}</option><option value="bad">{{t "无法读取"}}</option></select>
<select id="f-year" aria-label="{{t "年度"}}"><option value="">{{t "全部年度"}}</option>{{range .Years}}<option>{{.}}</option>{{end}}</select>
<select id="f-kind" aria-label="{{t "机关类别"}}"><option value="">{{t "全部类别"}}</option>{{range .Kinds}}<option>{{.}}</option>{{end}}</select>
<select id="f-region" aria-label="{{t "地区"}}"><option value="">{{t "全部地区"}}</option>{{range .Regions}}<option>{{.}}</option>{{end}}</select>
<select id="f-rule" aria-label="{{t "规则"}}"><option value="">{{t "全部规则"}}</option>{{range .RuleIDs}}<option>{{.}}</option>{{end}}</select>
<span id="shown" class="muted"></span>
</div>
<table class="list" id="docs">
<thead><tr><th data-k="p">{{tc "column" "文档"}}</th><th data-k="b">{{t "发布机关"}}</th><th data-k="k">{{t "类别"}}</th><th data-k="r">{{t "地区"}}</th><th data-k="y" data-num="1">{{t "年度"}}</th><th data-k="e" data-num="1">{{tc "count" "错误"}}</th><th data-k="w" data-num="1">{{tc "count" "警告"}}</th><th data-k="o" data-num="1">{{tc "count" "提示"}}</th><th data-k="na" data-num="1">{{t "无法判定"}}</th><th data-k="ru">{{t "规则"}}</th></tr></thead>
<tbody></tbody>
</table>
<noscript><p>{{t "表格需要启用脚本；下面每份报告仍可直接阅读。"}}</p></noscript>
</div>
<div class="card">
<h2>{{t "规则"}}</h2>
<p class="muted">{{t "同一编号的规则在各规则包中合并为一行；级别按本次实际报告的统计。"}}</p>
<table class="list" id="rules">
<thead><tr><th>{{tc "column" "规则"}}</th><th>{{t "标题"}}</th><th>{{t "类别"}}</th><th>{{t "本次报告的级别"}}</th><th>{{t "无法判定"}}</th><th>{{t "文档数"}}</th><th>{{t "发现数"}}</th><th>{{t "规则包"}}</th></tr></thead>
<tbody>
{{- range .Rules}}{{if .Findings}}
<tr id="rule-{{.ID}}"><td><code>{{.ID}}</code></td><td>{{.Title}}{{if .Help}}<details class="help"><summary>{{t "说明"}}</summary><pre>{{.Help}}</pre></details>{{end}}</td><td>{{cats .Tags}}</td><td>{{levels .ByLevel}}</td><td class="n">{{.NotAssessable}}</td><td class="n">{{.Docs}}</td><td class="n">{{.Findings}}</td><td>{{join .Packs " "}}</td></tr>
{{- end}}{{end}}
</tbody>
</table>
<details><summary>{{t "本次未报告的规则"}}</summary>
<table class="list"><tbody>
{{- range .Rules}}{{if not .Findings}}
<tr id="rule-{{.ID}}"><td><code>{{.ID}}</code></td><td>{{.Title}}{{if .Help}}<details class="help"><summary>{{t "说明"}}</summary><pre>{{.Help}}</pre></details>{{end}}</td><td>{{cats .Tags}}</td><td>{{join .Packs " "}}</td></tr>
{{- end}}{{end}}
</tbody></table>
</details>
</div>
</section>
</main>
<script type="application/json" id="data">{{.Data}}</script>
<script>
(function(){
"use strict";
var docs=JSON.parse(document.getElementById("data").textContent);
var tbody=document.querySelector("#docs tbody"),shown=document.getElementById("shown");
var sortKey="",sortDir=1,limit=500;
function el(tag,text,cls){var e=document.createElement(tag);if(text!==undefined&&text!==null)e.textContent=String(text);if(cls)e.className=cls;return e;}
function row(d){
 var tr=document.createElement("tr");
 var td=el("td"),a=el("a",d.p);a.href=d.h;td.appendChild(a);
 if(d.x){td.appendChild(el("div",{{t "无法读取："}}+d.x,"error"));}
 tr.appendChild(td);
 tr.appendChild(el("td",d.b||""));tr.appendChild(el("td",d.k||""));tr.appendChild(el("td",d.r||""));
 tr.appendChild(el("td",d.y||"","n"));
 tr.appendChild(el("td",d.e,"n"+(d.e?" error":"")));tr.appendChild(el("td",d.w,"n"+(d.w?" warning":"")));
 tr.appendChild(el("td",d.o,"n"));tr.appendChild(el("td",d.na,"n"));
 tr.appendChild(el("td",d.ru||""));
 return tr;
}
function val(id){return document.getElementById(id).value;}
function matches(d,q,lv,y,k,r,ru){
 if(lv==="error"&&!d.e)return false;
 if(lv==="warning"&&!d.w)return false;
 if(lv==="na"&&!d.na)return false;
 if(lv==="clean"&&(d.e||d.w||d.o||d.x))return false;
 if(lv==="bad"&&!d.x)return false;
 if(y&&String(d.y||"")!==y)return false;
 if(k&&d.k!==k)return false;
 if(r&&d.r!==r)return false;
 if(ru&&(" "+(d.ru||"")+" ").indexOf(" "+ru+" ")<0)return false;
 if(q){var hay=(d.p+" "+(d.b||"")+" "+(d.r||"")+" "+(d.k||"")+" "+(d.ru||"")+" "+(d.y||"")).toLowerCase();if(hay.indexOf(q)<0)return false;}
 return true;
}
function render(){
 var q=val("q").trim().toLowerCase(),lv=val("f-level"),y=val("f-year"),k=val("f-kind"),r=val("f-region"),ru=val("f-rule");
 var list=docs.filter(function(d){return matches(d,q,lv,y,k,r,ru);});
 if(sortKey){list.sort(function(a,b){var x=a[sortKey],z=b[sortKey];if(x===undefined)x="";if(z===undefined)z="";
  var c=(typeof x==="number"&&typeof z==="number")?x-z:String(x).localeCompare(String(z),"zh-CN");return c*sortDir||a.n-b.n;});}
 var frag=document.createDocumentFragment(),n=Math.min(list.length,limit);
 for(var i=0;i<n;i++)frag.appendChild(row(list[i]));
 tbody.textContent="";tbody.appendChild(frag);
 shown.textContent={{t "显示 "}}+n+{{t " / 符合 "}}+list.length+{{t " / 共 "}}+docs.length+{{t " 份"}};
 if(list.length>n){var tr=document.createElement("tr"),td=el("td");td.colSpan=10;var b=el("button",{{t "再显示 500 份"}});b.type="button";b.onclick=function(){limit+=500;render();};td.appendChild(b);tr.appendChild(td);tbody.appendChild(tr);}
}
var ths=document.querySelectorAll("#docs th");
Array.prototype.forEach.call(ths,function(th){th.addEventListener("click",function(){
 var k=th.getAttribute("data-k");
 if(sortKey===k){sortDir=-sortDir;}else{sortKey=k;sortDir=th.getAttribute("data-num")?-1:1;}
 Array.prototype.forEach.call(ths,function(o){o.removeAttribute("aria-sort");});
 th.setAttribute("aria-sort",sortDir>0?"ascending":"descending");render();});});
["q","f-level","f-year","f-kind","f-region","f-rule"].forEach(function(id){document.getElementById(id).addEventListener("input",function(){limit=500;render();});});
render();
document.body.setAttribute("data-ready","1");
})();
</script>
</body>
</html>
{{end}}`
