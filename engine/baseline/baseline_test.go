package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

func TestWriteLoadFilter(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("ci", 0o755); err != nil || os.MkdirAll("reports", 0o755) != nil {
		t.Fatal(err)
	}
	f1 := finding.Finding{RuleID: "T3-ROW-SUM", Fingerprint: "aa", Message: "总计应为 1"}
	f2 := finding.Finding{RuleID: "FEE-STATEMENT", Fingerprint: "bb", Message: "未说明"}
	res := finding.Result{Path: "reports/a.txt", Findings: []finding.Finding{f1, f2}}

	w := NewWriter("ci/baseline.json")
	w.Add(res)
	w.Add(finding.Result{Path: "reports/b.txt"})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("ci/baseline.json")
	want := `{
  "version": 1,
  "findings": [
    {
      "path": "../reports/a.txt",
      "rule": "FEE-STATEMENT",
      "fingerprint": "bb",
      "message": "未说明"
    },
    {
      "path": "../reports/a.txt",
      "rule": "T3-ROW-SUM",
      "fingerprint": "aa",
      "message": "总计应为 1"
    }
  ]
}
`
	if string(data) != want {
		t.Fatalf("baseline file:\n%s", data)
	}

	b, err := Load("ci/baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	// A new finding in the same document stays; the accepted ones go, whatever the
	// working directory and however the path is spelled.
	f3 := finding.Finding{RuleID: "T3-ROW-SUM", Fingerprint: "cc"}
	t.Chdir(filepath.Join(dir, "reports"))
	got, n := b.Filter(finding.Result{Path: "./a.txt", Findings: []finding.Finding{f1, f3, f2}})
	if n != 2 || len(got.Findings) != 1 || got.Findings[0].Fingerprint != "cc" {
		t.Fatalf("Filter = %+v, %d", got.Findings, n)
	}
	// The same finding in another document is not accepted.
	if _, n := b.Filter(finding.Result{Path: "b.txt", Findings: []finding.Finding{f1}}); n != 0 {
		t.Fatalf("a finding of another document was filtered")
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"version.json": `{"version": 2, "findings": []}`,
		"field.json":   `{"version": 1, "findings": [], "extra": true}`,
		"broken.json":  `{"version": 1, "findings": [`,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p); err == nil {
			t.Errorf("%s loaded", name)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing file loaded")
	}
}

func TestLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	trailing := filepath.Join(dir, "trailing.json")
	os.WriteFile(trailing, []byte(`{"version":1,"findings":[]} {"version":1}`), 0o644)
	fifo := filepath.Join(dir, "fifo.json")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, tc := range []struct{ name, path, want string }{
		{"trailing data", trailing, "基线文件的 JSON 对象之后还有数据"},
		{"FIFO", fifo, "命名管道"},
		{"device", os.DevNull, "设备文件"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := Load(tc.path); done <- err }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("Load(%s) = %v, want an error containing %q", tc.path, err, tc.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("Load(%s) hangs", tc.path)
			}
		})
	}
}

// A baseline's errors read in the run's language, naming the file.
func TestLoadErrorsInBothLanguages(t *testing.T) {
	defer i18n.Set(i18n.Current())
	dir := t.TempDir()
	version := filepath.Join(dir, "version.json")
	trailing := filepath.Join(dir, "trailing.json")
	os.WriteFile(version, []byte(`{"version": 2, "findings": []}`), 0o644)
	os.WriteFile(trailing, []byte(`{"version":1,"findings":[]} {"version":1}`), 0o644)
	want := map[i18n.Lang][]string{
		i18n.Zh: {version + "：基线文件版本为 2，应为 1", trailing + "：基线文件的 JSON 对象之后还有数据"},
		i18n.En: {version + ": baseline version 2, want 1", trailing + ": data after the baseline's JSON object"},
	}
	for _, lang := range i18n.Langs {
		i18n.Set(lang)
		for i, p := range []string{version, trailing} {
			if _, err := Load(p); err == nil || err.Error() != want[lang][i] {
				t.Errorf("%s: Load(%s) = %v, want %s", lang, p, err, want[lang][i])
			}
		}
	}
}
