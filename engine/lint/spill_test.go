package lint

import (
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
)

// A spilled record holds only its value: it decodes alone, in any order, on any of the
// decoders that read the sweep's file at once.
func TestSpillCodecRecordsStandAlone(t *testing.T) {
	var c spillCodec
	var want []pendingWire
	var records [][]byte
	for i := range 40 {
		w := pendingWire{
			Res:   finding.Result{Path: fmt.Sprintf("r%02d.txt", i), Findings: []finding.Finding{{RuleID: "T3-ROW-SUM", Message: fmt.Sprint("应为 ", i)}}},
			Pack:  i % 3,
			Lines: map[finding.LineKey]string{{Page: 1, Line: i}: "行"},
		}
		if i%7 == 0 {
			w.Err = "读取失败"
			w.Res.Findings = nil
		}
		b, err := c.encode(&w)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, w)
		records = append(records, append([]byte(nil), b...))
	}
	if len(records[0]) >= len(c.prefix) {
		t.Errorf("the first record (%d bytes) holds the type descriptions (%d bytes with an empty value)", len(records[0]), len(c.prefix))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := len(records) - 1 - g; i >= 0; i -= 4 {
				var got pendingWire
				if err := c.decode(records[i], &got); err != nil {
					t.Errorf("record %d: %v", i, err)
					return
				}
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("record %d: got %+v, want %+v", i, got, want[i])
				}
			}
		})
	}
	wg.Wait()
	var got pendingWire
	if err := c.decode(records[3][:len(records[3])/2], &got); err == nil {
		t.Error("a truncated record decoded without error")
	}
}
