package regoeval

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/reportlint/reportlint/engine/i18n"
)

// MaxRange is the most elements numbers.range and numbers.range_step may produce; with
// both bounds written as numbers in the rule it is checked when the pack loads.
const MaxRange = 100_000

// MaxFormatWidth is the widest field a sprintf format may ask for (%5000d).
const MaxFormatWidth = 1_000

// checkCalls refuses, when a pack loads, the built-in calls that make a large value out of
// a small one, where OPA neither checks the deadline nor bounds memory: numbers.range and
// numbers.range_step over bounds that are not small constants, sprintf formats with huge
// or computed widths. Every problem is returned as file:line: message.
func checkCalls(mods []*ast.Module) []error {
	var errs []error
	bad := func(loc *ast.Location, format string, args ...any) {
		file, row := "", 0
		if loc != nil {
			file, row = loc.File, loc.Row
		}
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, row, fmt.Sprintf(format, args...)))
	}
	for _, m := range mods {
		ast.WalkTerms(m, func(t *ast.Term) bool {
			call, ok := t.Value.(ast.Call)
			if !ok || len(call) == 0 {
				return false
			}
			name := call[0].String()
			args := call[1:]
			switch name {
			case "numbers.range", "numbers.range_step":
				if len(args) < 2 {
					break
				}
				lo, ok1 := constNumber(args[0])
				hi, ok2 := constNumber(args[1])
				step := big.NewFloat(1)
				ok3 := true
				if name == "numbers.range_step" && len(args) >= 3 {
					step, ok3 = constNumber(args[2])
				}
				if !ok1 || !ok2 || !ok3 {
					bad(t.Location, "%s", i18n.Sprintf("%s 的参数必须是写在规则中的数字（最多 %d 个元素），不能由输入计算：结果可能大到耗尽内存", name, MaxRange))
					break
				}
				n := new(big.Float).Sub(hi, lo)
				n.Abs(n)
				if step.Sign() != 0 {
					n.Quo(n, new(big.Float).Abs(step))
				}
				if n.Cmp(big.NewFloat(MaxRange)) > 0 {
					bad(t.Location, "%s", i18n.Sprintf("%s(%s, %s) 会产生超过 %d 个元素，超过上限：结果可能大到耗尽内存", name, args[0], args[1], MaxRange))
				}
			case "sprintf":
				if len(args) < 1 {
					break
				}
				if s, ok := args[0].Value.(ast.String); ok {
					if w := formatWidth(string(s)); w > MaxFormatWidth {
						bad(t.Location, "%s", i18n.Sprintf("sprintf 格式中的宽度或精度 %d 超过上限 %d", w, MaxFormatWidth))
					} else if w < 0 {
						bad(t.Location, "%s", i18n.Sprintf("sprintf 格式不能用 * 由参数决定宽度或精度"))
					}
				}
			}
			return false
		})
	}
	return errs
}

// constNumber returns the value of a number written in the rule.
func constNumber(t *ast.Term) (*big.Float, bool) {
	n, ok := t.Value.(ast.Number)
	if !ok {
		return nil, false
	}
	f, ok := new(big.Float).SetString(string(n))
	return f, ok
}

var formatVerb = regexp.MustCompile(`%[-+# 0]*(\*|\d*)(?:\.(\*|\d*))?`)

// formatWidth returns the largest width or precision a format asks for, or -1 when one
// is given by an argument (*).
func formatWidth(f string) int {
	widest := 0
	for _, m := range formatVerb.FindAllStringSubmatch(f, -1) {
		for _, w := range m[1:] {
			if w == "*" {
				return -1
			}
			n := 0
			for _, c := range w {
				n = min(n*10+int(c-'0'), 1<<30)
			}
			widest = max(widest, n)
		}
	}
	return widest
}

// MemoryBudget is how far the live heap may grow above what it was when Rego rules
// started running before they are stopped.
const MemoryBudget = 512 << 20

// errMemory is the cause of a Rego evaluation stopped for memory.
var errMemory = i18n.NewError("内存用量超过上限")

// governor stops Rego evaluations that make the heap grow past a budget. Go cannot tell
// which goroutine allocated what, so when the heap is over budget every evaluation in
// flight is stopped; each then runs again alone (the others wait), where the heap can
// only be its own: a document that fails alone is the culprit and gets the error, the
// others their findings.
type governor struct {
	budget uint64
	alone  sync.RWMutex // held for reading by evaluations in parallel, for writing by one alone

	mu      sync.Mutex
	running map[*flight]struct{}
}

// flight is one evaluation in progress.
type flight struct {
	cancel context.CancelCauseFunc
	base   uint64 // live heap when it started
}

func newGovernor(budget uint64) *governor {
	return &governor{budget: budget, running: map[*flight]struct{}{}}
}

// run calls eval with a context the governor cancels (cause errMemory) when the heap
// grows past the budget. A run stopped while others ran is repeated alone.
func (g *governor) run(ctx context.Context, eval func(context.Context) error) error {
	g.alone.RLock()
	err := g.watch(ctx, eval)
	g.alone.RUnlock()
	if !errors.Is(err, errMemory) || ctx.Err() != nil {
		return err
	}
	g.alone.Lock()
	defer g.alone.Unlock()
	runtime.GC() // the garbage of the stopped runs is not this document's
	return g.watch(ctx, eval)
}

// watch runs eval while a watchdog samples the heap every few milliseconds.
func (g *governor) watch(ctx context.Context, eval func(context.Context) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	f := &flight{cancel: cancel, base: liveHeap()}
	g.mu.Lock()
	g.running[f] = struct{}{}
	first := len(g.running) == 1
	g.mu.Unlock()
	if first {
		go g.watchdog()
	}
	err := eval(ctx)
	g.mu.Lock()
	delete(g.running, f)
	g.mu.Unlock()
	if context.Cause(ctx) == errMemory && ctx.Err() != nil {
		return errMemory
	}
	return err
}

// watchdog runs while evaluations are in flight.
func (g *governor) watchdog() {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		g.mu.Lock()
		if len(g.running) == 0 {
			g.mu.Unlock()
			return
		}
		base := ^uint64(0)
		for f := range g.running {
			base = min(base, f.base)
		}
		g.mu.Unlock()
		metrics.Read(samples)
		if samples[0].Value.Uint64() < base+g.budget {
			continue
		}
		// Over budget counting garbage: collect, and look again at what is live.
		runtime.GC()
		if liveHeap() < base+g.budget {
			continue
		}
		g.mu.Lock()
		for f := range g.running {
			f.cancel(errMemory)
		}
		g.mu.Unlock()
	}
}

// liveHeap returns the heap bytes live at the last collection plus those allocated since.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
