package celeval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func ruleFile(id, assert string) File {
	return File{Name: "hostile/" + id + ".yaml", Data: []byte(fmt.Sprintf(`
rules:
  - id: %s
    title: t
    level: warning
    tags: [format]
    assert: '%s'
    message: m
`, id, assert))}
}

// Rules whose cost does not depend on the document and is out of all proportion (a
// million by a million) are refused when the pack loads, naming the file and line.
func TestHostileRulesRefusedAtLoad(t *testing.T) {
	for name, expr := range map[string]string{
		"nested-all":    `lists.range(1000000).all(a, lists.range(1000000).all(b, a + b >= 0))`,
		"nested-map":    `lists.range(1000000).map(a, lists.range(1000000).map(b, a + b)).size() > 0`,
		"cells-square":  `cells.map(a, cells.map(b, cells.map(c, a.value + b.value + c.value))).size() > 0`,
		"range-of-fact": `lists.range(int(report.year) * 1000000).size() > 0`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load([]File{ruleFile("X-1", expr)}, "p@1", Options{})
			if err == nil || !strings.Contains(err.Error(), "hostile/X-1.yaml:") || !strings.Contains(err.Error(), "计算量过大") {
				t.Fatalf("Load = %v, want a 计算量过大 error naming the file", err)
			}
		})
	}
}

// Whatever passes the load-time estimate is still stopped by the run-time cost limit,
// with an error rather than a hang or an out-of-memory crash.
func TestCostLimitStopsEvaluation(t *testing.T) {
	expr := `lists.range(20000).map(a, a + 1).size() > 0`
	set, err := Load([]File{ruleFile("X-2", expr)}, "p@1", Options{CostLimit: 100000, DocBudget: math.MaxUint64})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = set.Eval(context.Background(), facts())
	if err == nil || !strings.Contains(err.Error(), "计算量超过上限") || !strings.Contains(err.Error(), "X-2") {
		t.Fatalf("Eval = %v, want a cost limit error naming the rule", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// The cost of all the rules on a document is bounded too: once the budget is spent the
// remaining rules do not run, and the error says so.
func TestDocumentBudget(t *testing.T) {
	var files []File
	for i := range 5 {
		files = append(files, ruleFile(fmt.Sprintf("X-%d", i), `lists.range(1000).all(a, a >= 0)`))
	}
	set, err := Load(files, "p@1", Options{DocBudget: 5000})
	if err != nil {
		t.Fatal(err)
	}
	_, err = set.Eval(context.Background(), facts())
	if err == nil || !strings.Contains(err.Error(), "每个文档的上限 5000") {
		t.Fatalf("Eval = %v, want the document budget error", err)
	}
}

// The document's deadline interrupts a long comprehension (checked every few steps), and
// the error is the context's, so the caller reports a time-out.
func TestDeadlineInterruptsEvaluation(t *testing.T) {
	expr := `lists.range(1000000).all(a, lists.range(1000000).all(b, a + b >= 0))`
	set, err := Load([]File{ruleFile("X-3", expr)}, "p@1", Options{CostLimit: math.MaxUint64, DocBudget: math.MaxUint64})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = set.Eval(ctx, facts())
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Eval = %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 10*time.Second { // the shared test machine can be slow
		t.Errorf("deadline of 200ms stopped the rule after %v", d)
	}
}

// The bundled rules pass the load-time estimate (Load would fail otherwise) and spend a
// small part of the document budget on a real report.
func TestBundledRulesCost(t *testing.T) {
	files := bundledFiles(t)
	set, err := Load(files, "bundled", Options{})
	if err != nil {
		t.Fatal(err)
	}
	env, err := newEnv(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var worst uint64
	for _, f := range files {
		var fs fileSpec
		if err := yaml.Unmarshal(f.Data, &fs); err != nil {
			t.Fatal(err)
		}
		for _, n := range fs.Rules {
			for _, c := range n.Content {
				if c.Kind != 8 || !strings.ContainsAny(c.Value, ".(") { // scalar expressions only
					continue
				}
				ast, iss := env.Compile(c.Value)
				if iss.Err() != nil {
					continue // uses `as` or a let: checked by Load above
				}
				est, _ := env.EstimateCost(ast, sizeHints{})
				worst = max(worst, est.Max)
			}
		}
	}
	t.Logf("largest load-time estimate of a bundled scope expression: %d (refused above %d)", worst, uint64(ExprCostLimit)*40)
	facts := sampleFacts(t)
	m := &meter{ctx: context.Background(), budget: DocCostBudget}
	for _, r := range set.rules {
		if _, err := r.eval(m, newScope(set.adapter, rawVars(facts))); err != nil {
			t.Errorf("%s: %v", r.Meta.ID, err)
		}
	}
	t.Logf("bundled rules on the sample report: cost %d of the budget %d", m.used, DocCostBudget)
	if m.used > DocCostBudget/100 {
		t.Errorf("bundled rules cost %d on the sample, more than 1%% of the budget", m.used)
	}
}
