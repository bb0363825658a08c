//go:build race

package markdown

import "time"

// timeLimit is how long one hostile input may take; the race detector slows code ~10×.
const timeLimit = 10 * time.Second
