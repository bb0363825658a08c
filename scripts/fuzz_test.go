package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fuzz.sh tolerates Go 1.26's end-of-fuzztime deadline race (after one retry) but fails
// on a real failing input; fake go commands stand in for the two outcomes.
func TestFuzzScript(t *testing.T) {
	dir := t.TempDir()
	fake := func(name, out string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\nprintf '%s\\n' \""+out+"\"\nexit 1\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	run := func(goCmd string) (string, error) {
		cmd := exec.Command("bash", "fuzz.sh", "1s", "./x:FuzzX")
		cmd.Env = append(os.Environ(), "GO="+goCmd)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run(fake("flake", "--- FAIL: FuzzX (5.6s)\n    context deadline exceeded"))
	if err != nil || strings.Count(out, "fuzz ./x FuzzX") != 2 || !strings.Contains(out, "not a failure") {
		t.Errorf("deadline race: %v\n%s", err, out)
	}
	out, err = run(fake("real", "--- FAIL: FuzzX (0.1s)\n    x_test.go:12: bad\n    Failing input written to testdata/fuzz/FuzzX/abc\n    context deadline exceeded"))
	if err == nil || strings.Count(out, "fuzz ./x FuzzX") != 1 {
		t.Errorf("a failing input passed: %v\n%s", err, out)
	}
}
