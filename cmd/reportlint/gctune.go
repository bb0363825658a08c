package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// gcTuner keeps the soft memory limit at max(floor, 1.5 × the live heap), set again after
// every collection: low enough that a sweep's heap stays near what it needs, never so low
// that the live heap alone reaches it.
type gcTuner struct {
	floor  uint64
	sample []metrics.Sample
}

var tunerOnce sync.Once

// startGCTuner sets the limit and re-sets it after each collection, for the process.
func startGCTuner(floor uint64) {
	tunerOnce.Do(func() {
		t := &gcTuner{floor: floor, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
		debug.SetMemoryLimit(int64(floor))
		t.arm()
	})
}

// arm makes the next collection call tune: a finalizer runs once the collector finds its
// object unreachable, and tune arms a new one.
func (t *gcTuner) arm() {
	s := &struct{ _ [16]byte }{}
	runtime.SetFinalizer(s, func(any) {
		t.tune()
		t.arm()
	})
}

func (t *gcTuner) tune() {
	metrics.Read(t.sample)
	var live uint64
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		live = t.sample[0].Value.Uint64()
	}
	debug.SetMemoryLimit(int64(limitFor(t.floor, live)))
}

// limitFor is the memory limit for a live heap: half as much again, at least floor.
func limitFor(floor, live uint64) uint64 {
	return max(floor, live+live/2)
}
