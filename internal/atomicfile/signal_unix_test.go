//go:build unix

package atomicfile

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A process killed by SIGINT or SIGTERM while writing removes its temporary file and
// exits with the shell's code for the signal; the target keeps its old content.
func TestSignalRemovesTemporaryFile(t *testing.T) {
	if dir := os.Getenv("ATOMICFILE_SIGNAL_CHILD"); dir != "" {
		CleanupOnSignal()
		f, err := Create(filepath.Join(dir, "out.sarif"))
		if err != nil {
			os.Exit(3)
		}
		f.WriteString("partial")
		os.Stdout.WriteString("ready\n")
		time.Sleep(30 * time.Second)
		os.Exit(4)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "out.sarif"), []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemporaryFile$")
			cmd.Env = append(os.Environ(), "ATOMICFILE_SIGNAL_CHILD="+dir)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if line, _ := bufio.NewReader(out).ReadString('\n'); line != "ready\n" {
				t.Fatalf("child said %q", line)
			}
			if tmp, _ := filepath.Glob(filepath.Join(dir, ".out.sarif.*.tmp")); len(tmp) != 1 {
				t.Fatalf("temporary files while writing: %v", tmp)
			}
			cmd.Process.Signal(sig)
			cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != 128+int(sig) {
				t.Errorf("exit code %d, want %d", code, 128+int(sig))
			}
			if tmp, _ := filepath.Glob(filepath.Join(dir, ".out.sarif.*")); len(tmp) != 0 {
				t.Errorf("left behind: %v", tmp)
			}
			if data, _ := os.ReadFile(filepath.Join(dir, "out.sarif")); string(data) != "old" {
				t.Errorf("target = %q", data)
			}
		})
	}
}
