package atomicfile

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestAbortKeepsExistingFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half a result")
	f.Abort()
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("after Abort the file holds %q, want %q", b, "old")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("temporary file left behind: %v", ents)
	}
}

func TestCommitReplacesKeepingMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.txt")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want %q mode 0600", b, st.Mode().Perm(), "new")
	}
}

func TestConcurrentWritersDoNotInterleave(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.json")
	a := make([]byte, 1<<20)
	b := make([]byte, 1<<20)
	for i := range a {
		a[i], b[i] = 'a', 'b'
	}
	var wg sync.WaitGroup
	for _, data := range [][]byte{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := WriteFile(p, data); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	got, _ := os.ReadFile(p)
	if string(got) != string(a) && string(got) != string(b) {
		t.Errorf("the file mixes writers (%d bytes)", len(got))
	}
}

func TestDeviceWrittenInPlace(t *testing.T) {
	if err := WriteFile(os.DevNull, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatalf("%s replaced: %v %v", os.DevNull, st, err)
	}
}
