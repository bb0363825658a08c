package lint

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/ingest"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/rules"
)

func newTestLinter(tb testing.TB) *Linter {
	tb.Helper()
	var packs []*pack.Pack
	for _, name := range rules.Names() {
		p, err := pack.Load(context.Background(), rules.FS(), name, pack.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		packs = append(packs, p)
	}
	// Newest edition first, as the command line orders them.
	sort.SliceStable(packs, func(i, j int) bool { return packs[i].Years.From > packs[j].Years.From })
	return &Linter{Packs: packs, Ingest: ingest.Options{Limits: limit.Default()}}
}

// The sample balances and says it received no applications, as its tables show. Its one
// real gap is the missing statement on information-processing fees; all its tables are
// zero, which is worth a note asking for confirmation, not more.
func TestSampleGivesOnlyTheFeeWarning(t *testing.T) {
	r := newTestLinter(t).Lint(context.Background(), sample)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, f := range r.Findings {
		got = append(got, string(f.Level)+" "+f.RuleID)
	}
	if strings.Join(got, ", ") != "note DOC-ALL-ZERO, warning FEE-STATEMENT" {
		t.Fatalf("findings = %v, want the FEE-STATEMENT warning and the DOC-ALL-ZERO note", got)
	}
}

func TestRunKeepsOrderAndSurvivesBadDocuments(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte{0, 1, 2, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	paths := []string{sample, bad, filepath.Join(dir, "missing.txt"), sample, sample}
	l := newTestLinter(t)
	l.Workers = 3
	var got []string
	err := l.Run(context.Background(), paths, func(r finding.Result) error {
		got = append(got, r.Path)
		if (r.Path == sample) != (r.Err == nil) {
			t.Errorf("%s: err = %v", r.Path, r.Err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, paths) {
		t.Fatalf("order = %v, want %v", got, paths)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.html", "sub/c.pdf", "sub/notes.csv", ".hidden/d.txt", "e.TXT", "sub/old.doc", "sub/logo.png"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Expand([]string{dir, "explicit.csv"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(dir, "a.html"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "e.TXT"),
		filepath.Join(dir, "sub/c.pdf"), filepath.Join(dir, "sub/old.doc"), "explicit.csv",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Expand = %v, want %v", got, want)
	}

	// Exclusions match names or paths below the walked folder, and prune folders; a file
	// named on the command line stays.
	explicit := filepath.Join(dir, "b.txt")
	got, err = Expand([]string{dir, explicit}, []string{"b.*", "sub"})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{filepath.Join(dir, "a.html"), filepath.Join(dir, "e.TXT"), explicit}
	if !slices.Equal(got, want) {
		t.Fatalf("Expand with exclusions = %v, want %v", got, want)
	}
	got, err = Expand([]string{dir}, []string{"sub/*.pdf", "*.TXT", "sub/*.doc"})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{filepath.Join(dir, "a.html"), filepath.Join(dir, "b.txt")}
	if !slices.Equal(got, want) {
		t.Fatalf("Expand with path exclusions = %v, want %v", got, want)
	}
	if _, err := Expand([]string{dir}, []string{"[a-"}); err == nil {
		t.Fatal("a malformed pattern was accepted")
	}
}

func TestLintIsDeterministic(t *testing.T) {
	l := newTestLinter(t)
	a := l.Lint(context.Background(), sample)
	b := l.Lint(context.Background(), sample)
	if len(a.Findings) != len(b.Findings) {
		t.Fatal("different number of findings")
	}
	for i := range a.Findings {
		if a.Findings[i].Fingerprint != b.Findings[i].Fingerprint || a.Findings[i].Message != b.Findings[i].Message {
			t.Fatalf("finding %d differs", i)
		}
	}
}

// A document that is not a report at all gets one DOC-NOT-REPORT error, not a list of
// everything missing; with the rule ignored, the full list comes back.
func TestNotAReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "404.html")
	page := "<html><head><title>404 页面不存在</title></head><body><p>您访问的页面不存在或已被删除。</p></body></html>"
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	l := newTestLinter(t)
	res := l.Lint(context.Background(), path)
	if res.Err != nil || len(res.Findings) != 1 || res.Findings[0].RuleID != "DOC-NOT-REPORT" || res.Findings[0].Level != finding.Error {
		t.Fatalf("got %v, %+v", res.Err, res.Findings)
	}
	l.Selection = &Selection{Ignore: []string{"DOC-NOT-REPORT"}}
	res = l.Lint(context.Background(), path)
	if len(res.Findings) < 5 || !slices.ContainsFunc(res.Findings, func(f finding.Finding) bool { return f.RuleID == "DOC-SECTIONS" }) {
		t.Fatalf("with DOC-NOT-REPORT ignored: %+v", res.Findings)
	}
}
