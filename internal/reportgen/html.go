package reportgen

import (
	"fmt"
	"html"
	"strings"
)

// htmlTable writes a grid as an HTML table with rowspan and colspan, as portal editors
// (UEditor, TRS) write them.
func (r *Report) htmlTable(g Grid) string {
	var b strings.Builder
	total := 0
	for _, w := range g.Widths {
		total += w
	}
	b.WriteString(`<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;border:1px solid #000">` + "\n<colgroup>")
	for _, w := range g.Widths {
		fmt.Fprintf(&b, `<col width="%d%%"/>`, w*100/total)
	}
	b.WriteString("</colgroup>\n<tbody>\n")
	for _, row := range g.Rows {
		b.WriteString("<tr>")
		for _, c := range row {
			b.WriteString("<td")
			if c.RowSpan > 1 {
				fmt.Fprintf(&b, ` rowspan="%d"`, c.RowSpan)
			}
			if c.ColSpan > 1 {
				fmt.Fprintf(&b, ` colspan="%d"`, c.ColSpan)
			}
			align := "center"
			if c.Left {
				align = "left"
			}
			fmt.Fprintf(&b, ` style="border:1px solid #000;text-align:%s;vertical-align:middle;padding:2px">`, align)
			text := r.Text(&c)
			var inner string
			if text == "" {
				inner = "&nbsp;"
			} else {
				inner = strings.ReplaceAll(html.EscapeString(text), "\n", "<br/>")
			}
			if r.Style.HTMLCellP {
				inner = fmt.Sprintf(`<p style="text-align:%s;margin:0">%s</p>`, align, inner)
			}
			b.WriteString(inner + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table>\n")
	return b.String()
}

// htmlArticle writes the report's content: headings, paragraphs and tables.
func (r *Report) htmlArticle(withTitle bool) string {
	var b strings.Builder
	p := func(style, text string) {
		fmt.Fprintf(&b, "<p style=\"%s\">%s</p>\n", style, html.EscapeString(text))
	}
	for _, blk := range r.Blocks {
		switch blk.Kind {
		case BTitle:
			if withTitle {
				fmt.Fprintf(&b, "<p style=\"text-align:center;font-size:18pt;font-weight:bold\">%s</p>\n", html.EscapeString(r.Title))
			}
		case BHeading:
			if r.Style.HTMLHeadings {
				fmt.Fprintf(&b, "<h3>%s</h3>\n", html.EscapeString(blk.HeadingText()))
			} else {
				fmt.Fprintf(&b, "<p style=\"text-indent:2em\"><strong>%s</strong></p>\n", html.EscapeString(blk.HeadingText()))
			}
		case BSubheading:
			p("text-indent:2em;font-weight:bold", r.ParaText(blk))
		case BPara:
			p("text-indent:2em", r.ParaText(blk))
		case BTable:
			if r.Omitted(blk.Table) {
				continue
			}
			for _, g := range r.Grids(blk.Table) {
				b.WriteString(r.htmlTable(g))
			}
		}
	}
	return b.String()
}

const htmlHead = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
<style>
body { font-family: "WenQuanYi Zen Hei", "Microsoft YaHei", "SimSun", sans-serif; font-size: 12pt; line-height: 1.6; }
table { border-collapse: collapse; font-size: 9pt; margin: 6pt 0; }
td { border: 1px solid #000; }
.nav a, .footer a { margin-right: 1em; }
</style></head><body>
`

// RenderHTML writes the report as a government portal page: site header, navigation and
// breadcrumb, the article's metadata, the article, related links and the footer.
func RenderHTML(r *Report) []byte {
	rng := newRand(r.Seed ^ 0x417e1)
	var b strings.Builder
	fmt.Fprintf(&b, htmlHead, html.EscapeString(r.Title)+" - "+html.EscapeString(r.Body.Site))
	site := strings.TrimSuffix(r.Body.Site, "门户网站")
	nav := `<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zjwm/">走进` +
		html.EscapeString(r.Body.Region) + `</a></div>`
	crumb := `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>`
	switch r.Style.HTMLPage {
	case 0:
		fmt.Fprintf(&b, "<div class=\"header\"><div class=\"logo\">%s</div>%s</div>\n%s\n", html.EscapeString(site), nav, crumb)
		b.WriteString(`<table class="meta" style="width:100%;font-size:10pt">`)
		fmt.Fprintf(&b, "<tr><td>索引号：</td><td>%s/%s-%05d</td><td>主题分类：</td><td>政务公开</td></tr>", fmt.Sprintf("11%010d", rng.IntN(1e9)), r.Published[:4], rng.IntN(99999))
		fmt.Fprintf(&b, "<tr><td>发布机构：</td><td>%s</td><td>发布日期：</td><td>%s</td></tr>", html.EscapeString(r.Body.Name), r.Published)
		fmt.Fprintf(&b, "<tr><td>名称：</td><td colspan=\"3\">%s</td></tr></table>\n", html.EscapeString(r.Title))
		fmt.Fprintf(&b, "<h1 style=\"text-align:center;font-size:16pt\">%s</h1>\n<div class=\"TRS_Editor\">\n", html.EscapeString(r.Title))
		b.WriteString(r.htmlArticle(false))
	case 1:
		fmt.Fprintf(&b, "<div class=\"top\">%s</div>\n%s\n<div class=\"article\">\n", html.EscapeString(site), nav)
		fmt.Fprintf(&b, "<h2 style=\"text-align:center\">%s</h2>\n<div class=\"info\">发布时间：%s %02d:%02d　来源：%s　浏览次数：%d</div>\n<div id=\"zoom\">\n",
			html.EscapeString(r.Title), r.Published, 8+rng.IntN(10), rng.IntN(60), html.EscapeString(r.Body.Name), 100+rng.IntN(5000))
		b.WriteString(r.htmlArticle(false))
	default:
		fmt.Fprintf(&b, "%s\n<div class=\"content\">\n", crumb)
		b.WriteString(r.htmlArticle(true))
	}
	b.WriteString("</div>\n")
	if r.Style.HTMLRelated {
		b.WriteString(`<div class="related"><p>相关阅读：</p><ul>`)
		for _, y := range []int{r.Year - 1, r.Year - 2} {
			fmt.Fprintf(&b, `<li><a href="/zwgk/ndbg/%d.html">%s%d年政府信息公开工作年度报告</a></li>`, y, html.EscapeString(r.Body.Name), y)
		}
		b.WriteString("</ul></div>\n")
	}
	fmt.Fprintf(&b, "<div class=\"footer\"><p>主办：%s　承办：%s大数据中心</p><p>网站标识码：%d　ICP备案号：%s ICP备%08d号</p><p><a href=\"/sitemap\">网站地图</a><a href=\"/contact\">联系我们</a></p></div>\n",
		html.EscapeString(strings.TrimSuffix(r.Body.Site, "门户网站")+"办公室"), html.EscapeString(r.Body.Region), 3200000000+rng.IntN(99999999), pick(rng, "苏", "豫", "闽", "浙"), rng.IntN(1e8))
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// RenderMarkdown writes the report as Markdown, as converters and OCR pipelines produce
// it: headings, paragraphs, and tables as pipe tables (merged cells left empty or
// repeated) or as HTML tables inside the Markdown.
func RenderMarkdown(r *Report) []byte {
	var b strings.Builder
	st := r.Style
	for _, blk := range r.Blocks {
		switch blk.Kind {
		case BTitle:
			if st.MDHeadings {
				b.WriteString("# " + r.Title + "\n\n")
			} else {
				b.WriteString(r.Title + "\n\n")
			}
		case BHeading:
			if st.MDHeadings {
				b.WriteString("## " + blk.HeadingText() + "\n\n")
			} else {
				b.WriteString("**" + blk.HeadingText() + "**\n\n")
			}
		case BSubheading:
			if st.MDHeadings {
				b.WriteString("### " + r.ParaText(blk) + "\n\n")
			} else {
				b.WriteString(r.ParaText(blk) + "\n\n")
			}
		case BPara:
			b.WriteString(r.ParaText(blk) + "\n\n")
		case BTable:
			if r.Omitted(blk.Table) {
				continue
			}
			for _, g := range r.Grids(blk.Table) {
				if st.MD == "html" {
					b.WriteString(r.htmlTable(g) + "\n")
					continue
				}
				b.WriteString(r.pipeTable(g, st.MD == "pipe-repeat") + "\n")
			}
		}
	}
	return []byte(b.String())
}

func (r *Report) pipeTable(g Grid, repeat bool) string {
	var b strings.Builder
	for i, row := range g.Matrix() {
		b.WriteString("|")
		for _, s := range row {
			text := ""
			if s.Cell != nil && (s.Origin || repeat) {
				text = strings.ReplaceAll(r.Text(s.Cell), "\n", "")
			}
			if text == "" && s.Cell != nil && s.Cell.Key != nil && s.Origin {
				text = " "
			}
			b.WriteString(" " + text + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", g.Cols) + "\n")
		}
	}
	return b.String()
}
