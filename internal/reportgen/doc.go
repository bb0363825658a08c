// Package reportgen generates realistic, varied and clean 政府信息公开工作年度报告 (government
// information-disclosure annual reports) with consistent random numbers, writes each one in
// every carrier reportlint reads (text, Markdown, HTML, DOCX, and PDF made from the HTML and
// DOCX), and injects known defects into copies of them. It is the test bed on which the
// linter's precision (no false findings on clean reports) and recall (every injected defect
// found) are judged; the judging suite lives in this package's tests.
//
// A report is a model (Report): the body, the year and edition, tables 2, 3 and 4 as cell
// values keyed by the rule profile's table, row and column ids, and the narrative as blocks
// of spans in which every number that states a table quantity is a tagged Num. Generate
// draws a report from a seed (math/rand/v2, deterministic per seed); the renderers
// (RenderTXT, RenderMarkdown, RenderHTML, RenderDOCX) write it; Inject returns a defective
// copy with the rule ids that must fire. Defects are applied to the model, so every carrier
// carries the same defect.
package reportgen
