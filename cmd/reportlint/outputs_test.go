package main

import (
	"io"
	"strings"
	"testing"
	"time"
)

func TestReadAllDeadline(t *testing.T) {
	pr, pw := io.Pipe() // standard input that never sends anything
	defer pw.Close()
	start := time.Now()
	_, err := readAllDeadline(pr, 1<<20, 50*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "--timeout") {
		t.Errorf("err = %v, want the --timeout error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	data, err := readAllDeadline(strings.NewReader("报告"), 1<<20, time.Second)
	if err != nil || string(data) != "报告" {
		t.Errorf("got %q, %v", data, err)
	}
	if _, err := readAllDeadline(strings.NewReader("12345"), 4, time.Second); err == nil {
		t.Error("no error for input over the size limit")
	}
}

func TestSameFile(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"out.txt", "./out.txt", true},
		{"out.txt", "sub/../out.txt", true},
		{"out.txt", "other.txt", false},
	} {
		if got := sameFile(tc.a, tc.b); got != tc.want {
			t.Errorf("sameFile(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
