// Command reportlint lints report documents against versioned rule packs. Its first domain
// is the Chinese government information-disclosure annual report (政府信息公开工作年度报告).
package main

import (
	"os"

	"github.com/reportlint/reportlint/internal/atomicfile"
)

func main() {
	// A run stopped by Ctrl-C or SIGTERM leaves no hidden temporary -o file behind.
	atomicfile.CleanupOnSignal()
	os.Exit(Main(os.Args[1:], SystemIO()))
}
