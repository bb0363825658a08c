// Package limit holds the resource limits every importer enforces, so that a hostile or
// broken file (a zip bomb, HTML nested a million deep, a 10,000-page PDF) ends in a clear
// error naming the limit instead of exhausting the machine.
package limit

import (
	"fmt"
	"time"
)

// Limits bound the work one document may cause.
type Limits struct {
	// MaxBytes is the largest file read, in bytes.
	MaxBytes int64
	// MaxDecompressed is the most bytes an archive (DOCX) may expand to, in total.
	MaxDecompressed int64
	// MaxDepth is the deepest element nesting accepted in HTML and XML.
	MaxDepth int
	// MaxPages is the most pages read from a paginated document.
	MaxPages int
	// Timeout is the time budget for reading and evaluating one document.
	Timeout time.Duration
}

// Default returns the limits used unless the user sets others: generous for real annual
// reports (a few MB, under 100 pages) and small enough to stop abuse quickly.
func Default() Limits {
	return Limits{
		MaxBytes:        64 << 20,
		MaxDecompressed: 256 << 20,
		MaxDepth:        512,
		MaxPages:        500,
		Timeout:         60 * time.Second,
	}
}

// Error reports that a document exceeded a limit.
type Error struct {
	// What names the limit, as the user would set it: "file size", "nesting depth" ...
	What string
	// Limit and Actual are in the limit's unit; Actual may be a lower bound.
	Limit, Actual int64
	// Unit is "bytes", "levels", "pages" ...
	Unit string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s exceeds the limit: %d %s > %d %s", e.What, e.Actual, e.Unit, e.Limit, e.Unit)
}
