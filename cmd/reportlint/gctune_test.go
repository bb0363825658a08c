package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimitFor(t *testing.T) {
	for _, tc := range []struct{ live, want uint64 }{{0, 64 << 20}, {20 << 20, 64 << 20}, {100 << 20, 150 << 20}} {
		if got := limitFor(64<<20, tc.live); got != tc.want {
			t.Errorf("limitFor(%d) = %d, want %d", tc.live, got, tc.want)
		}
	}
}

// The limit follows the live heap up: a live heap above the floor (a PDF reader's
// WebAssembly memory) raises it after a collection, so the collector does not run
// without pause.
func TestGCTunerRaisesTheLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	startGCTuner(64 << 20)
	live := make([]byte, 200<<20)
	for i := range live {
		live[i] = byte(i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) < 280<<20 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < 280<<20 {
		t.Errorf("memory limit %d MiB with 200 MiB live, want at least 300", got>>20)
	}
	runtime.KeepAlive(live)
}
