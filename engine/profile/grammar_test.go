package profile

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/text"
)

// claimsOf reads src (a one-paragraph narrative, after a title naming the year 2023) and
// lists its grammar claims as id:n, with the category and share when there are.
func claimsOf(tb testing.TB, src string) string {
	tb.Helper()
	f := apply(tb, "某某局2023年政府信息公开工作年度报告\n\n"+src)
	var out []string
	for _, c := range f.Claims {
		n, ok := c.Fields["n"]
		if !ok {
			continue
		}
		s := fmt.Sprintf("%s:%v", c.ID, n.Value)
		if cat, ok := c.Fields["category"]; ok {
			s += "," + cat.Text
		}
		if pct, ok := c.Fields["pct"]; ok {
			s += "," + pct.Text + "%"
		}
		if sc, ok := c.Fields["scope"]; ok {
			s += ",scope=" + sc.Text
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestGrammarBindsEachNumberToOneQuantity(t *testing.T) {
	s4 := "四、政府信息公开行政复议、行政诉讼情况\n"
	cases := []struct{ src, want string }{
		{"共收到政府信息公开申请18件，上年结转2件，已办结18件，结转下年度继续办理2件。",
			"applications_received:18 carried_over_count:2 answered_count:18 carried_forward_count:2"},
		{"本年度新收申请18件，加上上年结转的2件，共需办理20件，其中已办结18件，2件结转至2024年办理。",
			"applications_received:18 carried_over_count:2 answered_count:18 carried_forward_count:2"},
		{"共受理申请20件（含上年结转2件）。", "applications_with_carried:20 carried_over_count:2"},
		{"共收到18件申请，办结17件，1件结转下年度。", "applications_received:18 answered_count:17 carried_forward_count:1"},
		{"全年办结申请18件，其中予以公开9件，占50%；部分公开3件；不予公开1件。",
			"answered_count:18 result_count:9,予以公开,50% result_count:3,部分公开 result_count:1,不予公开"},
		{"予以公开、部分公开、无法提供分别为9件、3件、6件。",
			"result_count:9,予以公开 result_count:3,部分公开 result_count:6,无法提供"},
		{"收到申请较上年增加5件，同比增长20%。", ""},
		{"其中，自然人申请15件，法人或其他组织申请3件；网上申请12件、信函申请6件。", ""},
		{"2022年收到申请15件，2023年收到申请18件。", "applications_received:18"},
		{"代表区政府受理申请17件。", "applications_received:17,scope=代表区政府"},
		{"收到并办结申请18件。", ""},
		{"共收到政府信息公开申请十八件。", "applications_received:18"},
		{"全区各部门共收到政府信息公开申请1200件。", ""},
		{"主动公开政府信息1234条，召开新闻发布会5场，收到人大代表建议15件。", ""},
		{"累计收到申请300件，平均每月25件。", ""},
		{"本机关办理行政复议案件120件。", ""},
		{s4 + "本年度发生行政复议2件，其中维持1件、尚未审结1件；行政诉讼1件。", "reconsideration_count:2 litigation_count:1"},
		{s4 + "行政复议、行政诉讼各1件。", "reconsideration_count:1 litigation_count:1"},
		{s4 + "被申请行政复议1起、提起行政诉讼0起。", "reconsideration_count:1 litigation_count:0"},
		{"因政府信息公开引起的行政复议2件。", "reconsideration_count:2"},
		{"制发行政规范性文件3件，废止1件。", "normative_docs_issued:3"},
		{"受理群众来信18件，3个部门参与。", ""},
		{"转下一年度办理答复的有1件。", "carried_forward_count:1"},
		{"同意公开答复9件。", "result_count:9,同意公开"},
		{"因本机关不掌握等原因无法提供265件。", "result_count:265,无法提供"},
		{"3至5件申请正在办理中。", ""},
		{"因本机关不掌握相关政府信息、没有现成信息需要另行制作等原因无法提供29件。", "result_count:29,无法提供"},
		{"本年度新收政府信息公开申请4件。本年度办结4件。", "applications_received:4 answered_count:4"},
		{"全年办结申请30件，5件因尚在答复期限内结转下年度办理。", "answered_count:30 carried_forward_count:5"},
		{"本年新制作规范性文件6件，新公开6件。", "normative_docs_issued:6"},
		{"无法提供3件（其中本机关不掌握相关政府信息2件），占35.00%。", "result_count:3,无法提供,35.00%"},
		{s4 + "2021年，本县因政府信息公开被申请行政复议0起、提起行政诉讼2起。\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
			"reconsideration_count:0 litigation_count:2"},
	}
	for _, c := range cases {
		if got := claimsOf(t, c.src); got != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

// Every match of a kind's phrases or of a context, in every sentence of the fixtures'
// reports, holds what its gate looks for: the gates never hide a match.
func TestGrammarGatesHideNoMatch(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*.txt")
	more, _ := filepath.Glob("../../fixtures/corpus/real/*.txt")
	files = append(files, more...)
	for _, pack := range []string{"govinfo-2019", "govinfo-2021", "govinfo-pre2019"} {
		p := loadPackProfile(t, pack)
		g := p.grammar
		if g == nil {
			continue
		}
		type gated struct {
			re   *regexp.Regexp
			gate int
		}
		var all []gated
		for _, k := range g.kinds {
			all = append(all, gated{k.any, k.gate})
		}
		for _, c := range append(slices.Clone(g.before), g.after...) {
			all = append(all, gated{c.re, c.gate})
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			pr := &profiler{Profile: p, s: newStream(&document.Document{Blocks: text.Blocks(string(b))}), ctx: context.Background()}
			pr.lits = newLitIndex(pr.s.foldedStr, p.scanner)
			prev := 0
			for _, end := range sentenceBounds(pr.s.foldedStr) {
				sent := pr.s.foldedStr[prev:end]
				pl := &phraseLits{p: pr, base: prev}
				for _, x := range all {
					for _, m := range x.re.FindAllStringIndex(sent, -1) {
						if !pl.may(x.gate, m[0], m[1]) {
							t.Errorf("%s, %s: the gate of %s hides its match %q", pack, f, x.re, sent[m[0]:m[1]])
						}
					}
				}
				prev = end
			}
		}
	}
}
