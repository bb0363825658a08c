//go:build !race

package html

import "time"

// timeLimit is how long one hostile input may take.
const timeLimit = time.Second
