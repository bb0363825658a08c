package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/output"
)

// The html pages are tested in a real browser: headless Chromium driven through the
// DevTools protocol. Without Chromium the tests are skipped, except where
// REPORTLINT_BROWSER_TESTS is set (.ci/run sets it): there a missing browser fails them.

// browser returns a context driving a fresh headless Chromium.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("REPORTLINT_BROWSER_TESTS") != "" {
			t.Fatal("REPORTLINT_BROWSER_TESTS is set but no Chromium is installed (apt-get install chromium)")
		}
		t.Skip("no Chromium: set REPORTLINT_BROWSER_TESTS=1 to make this a failure")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.Headless,
		chromedp.Flag("disable-gpu", true), chromedp.WindowSize(1400, 1000))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return ctx
}

func fileURL(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(abs)
}

// lintTo runs reportlint lint with args and returns what it wrote to -o.
func lintTo(t *testing.T, args ...string) {
	t.Helper()
	io, _, errOut := TestIO()
	if code := Main(append([]string{"lint", "--no-config"}, args...), io); code > 1 {
		t.Fatalf("reportlint lint %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
}

// The marked-up report highlights exactly the cells and sentences the findings point at:
// a wrong one as wrong, a not-assessable one as not assessable, and every finding's
// place links to an element that links back to it.
func TestBrowserMarkedUpReport(t *testing.T) {
	ctx := browser(t)
	doc := "../../fixtures/corpus/real/2019_shanghaishibgt.html"
	dir := t.TempDir()
	page, js := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.json")
	lintTo(t, "--format", "html", "-o", page, doc)
	lintTo(t, "--format", "json", "-o", js, doc)
	fs := jsonFindings(t, js)
	if len(fs) < 5 {
		t.Fatalf("want a report with findings, got %d", len(fs))
	}
	got := findingPlaces(t, ctx, page)
	if len(got) != len(fs) {
		t.Fatalf("%d findings on the page, %d in the JSON", len(got), len(fs))
	}
	checkFindingPlaces(t, fs, got)
	checkHighlightedCells(t, ctx, fs)
	checkPrinted(t, ctx)
}

// jsonFindings reads the findings of the first document of a JSON report.
func jsonFindings(t *testing.T, js string) []finding.Finding {
	t.Helper()
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Results []finding.Result `json:"results"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out.Results[0].Findings
}

// findingPlace is a finding listed on the marked-up report: its id, whether the place it
// links to is on the page, that place's classes and the links back from it.
type findingPlace struct {
	ID, Class, Back string
	Found           bool
}

// findingPlaces opens the marked-up report and reads every finding it lists.
func findingPlaces(t *testing.T, ctx context.Context, page string) []findingPlace {
	t.Helper()
	script := `Array.from(document.querySelectorAll("aside .f")).map(function(f){
		var a=f.querySelector("dl dd a"), id=a?a.getAttribute("href").slice(1):"", el=id?document.getElementById(id):null;
		return {ID:f.id, Found:!!el, Class:el?el.className:"", Back:el?Array.from(el.querySelectorAll("sup a")).map(function(x){return x.getAttribute("href")}).join(" "):""};
	})`
	if err := chromedp.Do(ctx, chromedp.Navigate(fileURL(t, page)), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]findingPlace](script))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// checkFindingPlaces checks every finding at a table cell or row is drawn on the page,
// highlighted at least as gravely as the finding, and linked back to it.
func checkFindingPlaces(t *testing.T, fs []finding.Finding, got []findingPlace) {
	t.Helper()
	// The page lists findings block by block; match them to the JSON by number.
	byID := map[string]findingPlace{}
	for _, p := range got {
		byID[p.ID] = p
	}
	cells := 0
	for i, f := range fs {
		p, ok := byID[fmt.Sprintf("d1-f%d", i+1)]
		if !ok {
			t.Fatalf("finding %d (%s) is not on the page", i+1, f.RuleID)
		}
		if f.Location.Ref == "" || !strings.HasPrefix(f.Location.Ref, "t") {
			continue // a sentence or a section; checked through the cells below
		}
		if !p.Found {
			t.Errorf("finding %d (%s at %s): its place is not drawn", i+1, f.RuleID, f.Location.Ref)
			continue
		}
		cells++
		checkPlaceClass(t, i, f, p)
		if !strings.Contains(p.Back+" ", fmt.Sprintf("#d1-f%d ", i+1)) && !strings.Contains(p.Back, "+") {
			t.Errorf("finding %d (%s at %s): the place does not link back (links %q)", i+1, f.RuleID, f.Location.Ref, p.Back)
		}
	}
	if cells == 0 {
		t.Fatal("no finding points at a table cell or row; the test checks nothing")
	}
}

// checkPlaceClass checks the place of finding i is highlighted at least as gravely as the
// finding: a place several findings point at shows the gravest: bad, na, chk.
func checkPlaceClass(t *testing.T, i int, f finding.Finding, p findingPlace) {
	t.Helper()
	want := "bad"
	switch {
	case f.NotAssessable:
		want = "na"
	case f.Level == finding.Note:
		want = "chk"
	}
	classes := strings.Fields(p.Class)
	grave := map[string]int{"bad": 3, "na": 2, "chk": 1}
	best := ""
	for _, c := range classes {
		if grave[c] > grave[best] {
			best = c
		}
	}
	if grave[best] < grave[want] {
		t.Errorf("finding %d (%s at %s): place has classes %q, want %s", i+1, f.RuleID, f.Location.Ref, p.Class, want)
	}
}

// checkHighlightedCells checks every highlighted cell of a table is the place or a
// related place of a finding.
func checkHighlightedCells(t *testing.T, ctx context.Context, fs []finding.Finding) {
	t.Helper()
	refs := map[string]bool{}
	for _, f := range fs {
		refs["d1-"+f.Location.Ref] = true
		for _, r := range f.Related {
			refs["d1-"+r.Ref] = true
		}
	}
	marked, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".grid td.bad,.grid td.na,.grid td.chk,.grid td.rel")).map(function(e){return e.id})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(marked) == 0 {
		t.Fatal("no table cell is highlighted")
	}
	for _, id := range marked {
		if !refs[id] {
			t.Errorf("cell %s is highlighted but no finding points at it", id)
		}
	}
}

// checkPrinted checks that in print the report is drawn at once (no lazy rendering,
// which left pages blank), without the controls, with the highlights.
func checkPrinted(t *testing.T, ctx context.Context) {
	t.Helper()
	printMedia := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
	if err := chromedp.Do(ctx, printMedia); err != nil {
		t.Fatal(err)
	}
	type printed struct {
		Visibility, Filters, Sup, Bad string
	}
	pr, err := chromedp.Run(ctx, chromedp.Evaluate[printed](`(function(){
		var d=document.querySelector(".doc"),cs=getComputedStyle(d);
		return {Visibility:cs.contentVisibility, Filters:getComputedStyle(document.querySelector(".filters")).display,
			Sup:getComputedStyle(document.querySelector("sup")).display,
			Bad:getComputedStyle(document.querySelector(".grid td.bad,.grid td.na")).outlineStyle};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if pr.Visibility != "visible" || pr.Filters != "none" || pr.Sup != "none" || pr.Bad == "none" {
		t.Errorf("in print: %+v", pr)
	}
}

// dashboardBound is how long the dashboard of 5,000 documents may take to load and draw
// its table in headless Chromium on a shared 2-core machine (it takes well under a second
// on an idle one).
const dashboardBound = 8 * time.Second

// sweep returns n synthetic results with varied bodies, kinds, regions and years.
func sweep(n int) []finding.Result {
	kinds := []string{"people_government", "department", "township", "zone", "government_office"}
	regions := []string{"上海市", "淮安市洪泽区", "福建省平潭综合实验区", "沭阳县", "南京市玄武区", "杭州市"}
	var rs []finding.Result
	for i := range n {
		r := finding.Result{Path: fmt.Sprintf("reports/%04d.html", i), Format: "html", Pack: "govinfo-2021@1.2.0",
			About: &finding.About{Body: fmt.Sprintf("%s第%d局", regions[i%len(regions)], i), BodyKind: kinds[i%len(kinds)],
				Region: regions[i%len(regions)], Year: 2019 + i%6, Edition: "2021"}}
		for j := range i % 4 {
			lv := []finding.Level{finding.Error, finding.Warning, finding.Note}[j%3]
			r.Findings = append(r.Findings, finding.Finding{RuleID: []string{"T3-ROW-SUM", "NAR-RESULTS", "CELL-BLANK"}[j%3],
				Level: lv, Tags: []string{"arithmetic"}, Message: "m", NotAssessable: lv == finding.Note,
				Location: finding.Location{Path: r.Path, Ref: "t3.new_received.total", Logical: "表三/一/总计"}})
		}
		if i%97 == 0 {
			r.Findings, r.About = nil, nil
			r.Err = fmt.Errorf("无法读取 <b>%d</b>", i)
		}
		rs = append(rs, r)
	}
	return rs
}

// The dashboard of a 5,000-document sweep loads within dashboardBound; its filters,
// search and sorting show the documents they should.
func TestBrowserDashboard(t *testing.T) {
	t0 := time.Now()
	ctx := browser(t)
	const n = 5000
	rs := sweep(n)
	defer func() { t.Logf("whole test %v", time.Since(t0)) }()
	page := writeDashboard(t, rs)
	t.Logf("written after %v", time.Since(t0))
	st, _ := os.Stat(page)
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(fileURL(t, page)), chromedp.WaitVisible(`body[data-ready="1"]`)); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("dashboard of %d documents: %d bytes, loaded in %v", n, st.Size(), took)
	if took > dashboardBound {
		t.Errorf("the dashboard of %d documents took %v to load, more than %v", n, took, dashboardBound)
	}
	d := &dashboard{t: t, ctx: ctx, rs: rs}
	d.checkFilters(n)
	d.checkSortByErrors()
}

// writeDashboard writes the results as -o DIR/ writes a sweep: the dashboard in
// index.html, a page per document. It returns the dashboard's path.
func writeDashboard(t *testing.T, rs []finding.Result) string {
	t.Helper()
	dir := t.TempDir()
	page := filepath.Join(dir, "index.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	_, pages := htmlPages("html", dir+"/")
	rep, err := output.New("html", f, output.Options{ToolVersion: "test", Page: pages})
	if err != nil {
		t.Fatal(err)
	}
	var sum output.Summary
	if err := rep.Begin(nil); err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		sum.Add(r)
		if err := rep.Result(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.End(sum); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return page
}

// dashboard is a loaded dashboard of the results rs, driven in the browser.
type dashboard struct {
	t   *testing.T
	ctx context.Context
	rs  []finding.Result
}

// shown runs actions on the dashboard, then returns the line saying how many documents
// are shown, the number of rows drawn, and the first row's text.
func (d *dashboard) shown(actions ...chromedp.Action[chromedp.Void]) (string, int, string) {
	t := d.t
	t.Helper()
	type view struct {
		Text, First string
		Rows        int
	}
	if err := chromedp.Do(d.ctx, actions...); err != nil {
		t.Fatal(err)
	}
	v, err := chromedp.Run(d.ctx, chromedp.Evaluate[view](`({Text:document.getElementById("shown").textContent,
			Rows:document.querySelectorAll("#docs tbody tr td:first-child a").length,
			First:(document.querySelector("#docs tbody tr")||{}).textContent||""})`))
	if err != nil {
		t.Fatal(err)
	}
	return v.Text, v.Rows, v.First
}

// setField types value into the dashboard's control sel.
func setField(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(function(){var e=document.querySelector(%q);e.value=%q;e.dispatchEvent(new Event("input"));})()`, sel, value))
}

// count is the number of results keep keeps.
func (d *dashboard) count(keep func(finding.Result) bool) int {
	c := 0
	for _, r := range d.rs {
		if keep(r) {
			c++
		}
	}
	return c
}

// checkFilters checks the unfiltered dashboard of n documents, then filtering by year,
// level, unreadable documents, a search and a region, each showing the documents it should.
func (d *dashboard) checkFilters(n int) {
	t, rs, shown, set, count := d.t, d.rs, d.shown, setField, d.count
	text, rows, _ := shown()
	if want := fmt.Sprintf("显示 500 / 符合 %d / 共 %d 份", n, n); text != want || rows != 500 {
		t.Errorf("unfiltered: %q with %d rows, want %q", text, rows, want)
	}
	year := count(func(r finding.Result) bool { return r.About != nil && r.About.Year == 2021 })
	text, _, _ = shown(set("#f-year", "2021"))
	if want := fmt.Sprintf("符合 %d /", year); !strings.Contains(text, want) {
		t.Errorf("year 2021: %q, want %s", text, want)
	}
	withErr := count(func(r finding.Result) bool {
		var c finding.Counts
		c.Add(r)
		return c.Error > 0 && r.About != nil && r.About.Year == 2021
	})
	text, _, _ = shown(set("#f-level", "error"))
	if want := fmt.Sprintf("符合 %d /", withErr); !strings.Contains(text, want) {
		t.Errorf("year 2021 with errors: %q, want %s", text, want)
	}
	bad := count(func(r finding.Result) bool { return r.Err != nil })
	text, rows, first := shown(set("#f-year", ""), set("#f-level", "bad"))
	if want := fmt.Sprintf("显示 %d / 符合 %d /", bad, bad); !strings.HasPrefix(text, want) || rows != bad || !strings.Contains(first, "无法读取 <b>0</b>") {
		t.Errorf("unreadable: %q, %d rows, first %q; want %s", text, rows, first, want)
	}
	text, rows, first = shown(set("#f-level", ""), set("#q", rs[1234].About.Body))
	if !strings.Contains(text, "符合 1 /") || rows != 1 || !strings.Contains(first, "reports/1234.html") {
		t.Errorf("search: %q, %d rows, first %q", text, rows, first)
	}
	region := count(func(r finding.Result) bool { return r.About != nil && r.About.Region == "沭阳县" })
	text, _, _ = shown(set("#q", ""), set("#f-region", "沭阳县"))
	if want := fmt.Sprintf("符合 %d /", region); !strings.Contains(text, want) {
		t.Errorf("region: %q, want %s", text, want)
	}
}

// checkSortByErrors checks sorting by errors puts a document with the most errors first;
// clicking again, the fewest.
func (d *dashboard) checkSortByErrors() {
	t, ctx := d.t, d.ctx
	firstCell := chromedp.Evaluate[int](`+document.querySelector("#docs tbody tr td:nth-child(6)").textContent`)
	if err := chromedp.Do(ctx, setField("#f-region", ""), chromedp.Click(`#docs th[data-k="e"]`)); err != nil {
		t.Fatal(err)
	}
	firstErrors, err := chromedp.Run(ctx, firstCell)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#docs th[data-k="e"]`)); err != nil {
		t.Fatal(err)
	}
	lastErrors, err := chromedp.Run(ctx, firstCell)
	if err != nil {
		t.Fatal(err)
	}
	most := 0
	for _, r := range d.rs {
		var c finding.Counts
		c.Add(r)
		most = max(most, c.Error)
	}
	if firstErrors != most || lastErrors != 0 {
		t.Errorf("sorted by errors: first %d then %d, want %d then 0", firstErrors, lastErrors, most)
	}
}
