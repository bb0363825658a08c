//go:build !race

package markdown

import "time"

// timeLimit is how long one hostile input may take.
const timeLimit = time.Second
