package main

import (
	"errors"
	"fmt"
)

// Exit codes, decided in one place (Main).
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage error, unreadable input, broken rule pack
)

// findingsError reports that findings reached the --fail-on level; its message is already
// in the summary, so Main prints nothing more.
type findingsError struct{}

func (findingsError) Error() string { return "findings at or above the --fail-on level" }

// inputError reports documents that could not be read or evaluated; they were already
// reported in the output.
type inputError struct{ n int }

func (e inputError) Error() string { return fmt.Sprintf("%d document(s) could not be linted", e.n) }

// usageError is a bad flag or argument; Main prints it with a usage hint.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usage marks err, a message for the user, as a usage error.
func usage(err error) error { return usageError{err} }

// exitCode maps a command's error to the process exit code.
func exitCode(err error) int {
	var ie inputError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ie):
		return exitError
	case errors.Is(err, findingsError{}):
		return exitFindings
	}
	return exitError
}
