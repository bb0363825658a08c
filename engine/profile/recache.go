package profile

import (
	"regexp"
	"sync"
	"sync/atomic"
)

// The packs' profiles share most of their patterns (each edition's profile extends the
// shared one), and checking a profile compiles what Compile then uses: compileRE keeps
// each compiled expression by its source, for the process, so a pattern is compiled once
// however many packs hold it. A *regexp.Regexp is safe for concurrent use. Past
// maxCachedRE sources (packs of patterns made up on the fly), expressions are compiled
// without being kept.
var (
	cachedRE    sync.Map // source -> *onceRE
	cachedCount atomic.Int64
)

const maxCachedRE = 4096

type onceRE struct {
	once sync.Once
	re   *regexp.Regexp
	err  error
}

func compileRE(src string) (*regexp.Regexp, error) {
	v, ok := cachedRE.Load(src)
	if !ok {
		if cachedCount.Load() >= maxCachedRE {
			return regexp.Compile(src)
		}
		var loaded bool
		if v, loaded = cachedRE.LoadOrStore(src, &onceRE{}); !loaded {
			cachedCount.Add(1)
		}
	}
	c := v.(*onceRE)
	c.once.Do(func() { c.re, c.err = regexp.Compile(src) })
	return c.re, c.err
}

// mustCompileRE is compileRE for a pattern the profile's check has accepted.
func mustCompileRE(src string) *regexp.Regexp {
	re, err := compileRE(src)
	if err != nil {
		panic("profile: " + err.Error())
	}
	return re
}
