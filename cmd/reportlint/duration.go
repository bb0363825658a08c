package main

import (
	"time"

	"github.com/reportlint/reportlint/engine/i18n"
)

// parseDuration reads a time limit such as 30s or 2m; it must be positive.
func parseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, i18n.Errorf("must be positive, not %s", s)
	}
	return d, nil
}
