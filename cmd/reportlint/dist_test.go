package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The Windows binary builds, statically, with the version stamps `make dist` sets; when
// wine is installed it also lints the sample, found under a folder with a Chinese name.
func TestWindowsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles reportlint: not in -short runs")
	}
	tmp := t.TempDir()
	exe := filepath.Join(tmp, "reportlint.exe")
	build := exec.Command("go", "build", "-trimpath",
		"-ldflags", "-X main.Version=9.8.7 -X main.Commit=abc123 -X main.Date=2026-12-01T00:00:00Z", "-o", exe, ".")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=windows go build: %v\n%s", err, out)
	}
	head := make([]byte, 2)
	f, err := os.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.Read(head)
	f.Close()
	if err != nil || string(head) != "MZ" {
		t.Fatalf("%s is not a Windows executable (%q, %v)", exe, head, err)
	}
	wine := ""
	for _, name := range []string{"wine", "wine64", "/usr/lib/wine/wine64"} {
		if p, err := exec.LookPath(name); err == nil {
			wine = p
			break
		}
	}
	if wine == "" {
		t.Logf("wine is not installed: the Windows binary was built but not run")
		return
	}
	dir := filepath.Join(tmp, "年报")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile("../../fixtures/2023_chanhe_zhengshuju.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "报告.txt"), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(wine, append([]string{exe}, args...)...)
		cmd.Dir = tmp
		cmd.Env = append(os.Environ(), "WINEPREFIX="+filepath.Join(tmp, "wine"), "WINEDEBUG=-all", "NO_COLOR=1")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("wine reportlint %v: %v\n%s%s", args, err, out, stderr.String())
		}
		return string(out)
	}
	// Go 1.24 and later need bcryptprimitives.dll (Windows 10), which wine before 9 lacks
	// (Debian 12 has wine 8): such a wine cannot run any Go program, so there is nothing
	// of reportlint's to test with it.
	probe := exec.Command(wine, exe, "version")
	probe.Env = append(os.Environ(), "WINEPREFIX="+filepath.Join(tmp, "wine"), "WINEDEBUG=-all")
	if out, err := probe.CombinedOutput(); err != nil && strings.Contains(string(out), "bcryptprimitives.dll not found") {
		t.Logf("%s cannot run Go programs (no bcryptprimitives.dll; wine 9 or later can): the Windows binary was built but not run", wine)
		return
	}
	if out := run("version"); !strings.Contains(out, "reportlint 9.8.7") || !strings.Contains(out, "abc123") {
		t.Errorf("version under wine:\n%s", out)
	}
	out := run("lint", "--fail-on", "none", "--format", "sarif", "年报")
	if !strings.Contains(out, `"uri":"%E5%B9%B4%E6%8A%A5/%E6%8A%A5%E5%91%8A.txt"`) || !strings.Contains(out, `"ruleId":"FEE-STATEMENT"`) {
		t.Errorf("linting 年报\\报告.txt under wine:\n%s", out)
	}
}
