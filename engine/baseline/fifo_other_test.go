//go:build !unix

package baseline

import "errors"

func mkfifo(string) error { return errors.ErrUnsupported }
