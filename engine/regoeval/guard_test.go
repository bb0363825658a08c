package regoeval

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

func hostileRule(body string) []File {
	return []File{{Name: "rego/hostile.rego", Data: []byte(`# METADATA
# title: hostile
# custom:
#   id: X-HOSTILE
#   level: warning
#   tags: [format]
package reportlint.rules.hostile

report contains {"msg": "m", "at": "doc"} if {
	` + body + `
}
`)}}
}

// Built-ins that turn a small value into a huge one, which OPA neither interrupts nor
// bounds, are refused when the pack loads, naming the file and line.
func TestLoadRefusesAmplifyingCalls(t *testing.T) {
	for name, c := range map[string]struct{ body, want string }{
		"huge range":      {`count(numbers.range(1, 2000000000)) > 0`, "rego/hostile.rego:10: numbers.range(1, 2000000000) 会产生超过 100000 个元素"},
		"computed range":  {`count(numbers.range(1, count(input.claims) * 100000000)) > 0`, "rego/hostile.rego:10: numbers.range 的参数必须是写在规则中的数字"},
		"huge range step": {`count(numbers.range_step(0, 1000000000, 2)) > 0`, "numbers.range_step(0, 1000000000) 会产生超过"},
		"wide sprintf":    {`count(sprintf("%20000d", [1])) > 0`, "rego/hostile.rego:10: sprintf 格式中的宽度或精度 20000 超过上限"},
		"star sprintf":    {`count(sprintf("%*d", [2000000000, 1])) > 0`, "sprintf 格式不能用 *"},
		"template":        {`count(strings.render_template("{{range 2000000000}}x{{end}}", {})) > 0`, "rego/hostile.rego:10: rego_type_error: undefined function strings.render_template"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(context.Background(), hostileRule(c.body), "p@1", Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Load = %v, want %q", err, c.want)
			}
		})
	}
	if _, err := Load(context.Background(), hostileRule(`count(numbers.range(1, 12)) == 12
	sprintf("%-10s|%5.2f", ["a", 1.5]) != ""`), "p@1", Options{}); err != nil {
		t.Errorf("small constant range and narrow format refused: %v", err)
	}
}

// A rule that allocates without bound through data it builds itself (here a product of
// two allowed ranges) is stopped once the heap grows past the budget, with an error, and
// a document evaluated at the same time on the same pack keeps its findings.
func TestMemoryGovernor(t *testing.T) {
	set, err := Load(context.Background(), hostileRule(`input.report.year == 1
	count([[a, b] | some a in numbers.range(1, 100000); some b in numbers.range(1, 100000)]) > 0`), "p@1", Options{})
	if err != nil {
		t.Fatal(err)
	}
	set.gov = newGovernor(32 << 20)
	hostile := ast.MustParseTerm(`{"report": {"year": 1}}`).Value
	good := ast.MustParseTerm(`{"report": {"year": 2}}`).Value
	var wg sync.WaitGroup
	var hostileErr, goodErr error
	start := time.Now()
	wg.Add(2)
	go func() { defer wg.Done(); _, hostileErr = set.Eval(context.Background(), hostile) }()
	go func() {
		defer wg.Done()
		for range 5 { // the good document keeps being linted while the hostile one runs
			if _, goodErr = set.Eval(context.Background(), good); goodErr != nil {
				return
			}
		}
	}()
	wg.Wait()
	if hostileErr == nil || !strings.Contains(hostileErr.Error(), "内存增长超过上限 32 MiB") {
		t.Errorf("hostile document: %v, want the memory error", hostileErr)
	}
	if goodErr != nil {
		t.Errorf("good document: %v", goodErr)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
}
