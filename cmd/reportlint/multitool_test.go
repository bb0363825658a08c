package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
)

// requireTools is set by .ci/run: the external validators (Sarif.Multitool, pre-commit) must
// be there, and a test that needs one fails instead of skipping.
const requireTools = "REPORTLINT_REQUIRE_TOOLS"

// needTool skips the test when an external tool is missing, unless CI requires it.
func needTool(t *testing.T, name, install string) {
	t.Helper()
	if os.Getenv(requireTools) != "" {
		t.Fatalf("%s is not installed and %s is set: %s", name, requireTools, install)
	}
	t.Skipf("%s is not installed (%s)", name, install)
}

// multitool returns Microsoft's SARIF validator: $SARIF_MULTITOOL, else the one npm ci
// installs in tools/sarif.
func multitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SARIF_MULTITOOL"); p != "" {
		return p
	}
	dir := map[string]string{"linux": "linux", "darwin": "darwin", "windows": "win32"}[runtime.GOOS]
	exe := "Sarif.Multitool"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	p, err := filepath.Abs(filepath.Join("../../tools/sarif/node_modules/@microsoft", "sarif-multitool-"+dir, exe))
	if err == nil {
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	needTool(t, "Sarif.Multitool", "run npm ci in tools/sarif")
	return ""
}

// multitoolProblems validates SARIF logs with Sarif.Multitool in one run and returns its
// errors and warnings per log (notes are advice, such as "provide code snippets").
func multitoolProblems(t *testing.T, logs ...string) map[string][]string {
	t.Helper()
	mt := multitool(t)
	out := filepath.Join(t.TempDir(), "validation.sarif")
	cmd := exec.Command(mt, append(append([]string{"validate"}, logs...), "-o", out, "--log", "ForceOverwrite")...)
	// The validator is a self-contained .NET program; without ICU it needs invariant
	// globalization.
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1", "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Sarif.Multitool validate: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
			} `json:"invocations"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("validator output: %v", err)
	}
	if len(res.Runs) != 1 || len(res.Runs[0].Invocations) == 0 || !res.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Fatalf("the validator did not run to its end:\n%s", data)
	}
	got := map[string][]string{}
	for _, r := range res.Runs[0].Results {
		level := r.Level
		if level == "" {
			level = "warning" // SARIF's default level
		}
		if level != "error" && level != "warning" {
			continue
		}
		file := ""
		if len(r.Locations) > 0 {
			file = filepath.Base(r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		}
		got[file] = append(got[file], level+" "+r.RuleID)
	}
	return got
}

// sarifURIs lists the artifact URIs of a log's results, with their base.
func sarifURIs(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		for _, l := range r.Locations {
			a := l.PhysicalLocation.ArtifactLocation
			seen[a.URIBaseID+" "+a.URI] = true
		}
	}
	var uris []string
	for u := range seen {
		uris = append(uris, u)
	}
	sort.Strings(uris)
	return uris
}

// The SARIF of every fixture (fixtures/, with the real reports of fixtures/corpus/real),
// written from the repository root and from a subfolder, passes Microsoft's Sarif.Multitool
// with no error and no warning, and both runs name the documents by the same URIs,
// relative to the repository root. A log with a known defect must fail, so that a
// validator that checks nothing cannot pass the test.
func TestSARIFMultitool(t *testing.T) {
	multitool(t) // before the linting: skip early when it is missing
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	fromRoot, fromSub, bad := filepath.Join(tmp, "root.sarif"), filepath.Join(tmp, "sub.sarif"), filepath.Join(tmp, "bad.sarif")
	lint := func(dir string, args ...string) {
		t.Chdir(dir)
		io, _, errOut := TestIO()
		if code := Main(append([]string{"lint", "--format", "sarif", "--fail-on", "none"}, args...), io); code != 0 {
			t.Fatalf("lint %v in %s: exit %d\n%s", args, dir, code, errOut)
		}
	}
	lint(repo, "-o", fromRoot, "--sarif-root", repo, "fixtures")
	lint(filepath.Join(repo, "fixtures", "corpus"), "-o", fromSub, "--sarif-root", "../..", "..")
	a, b := sarifURIs(t, fromRoot), sarifURIs(t, fromSub)
	if !slices.Equal(a, b) || len(a) < 20 || !slices.Contains(a, "%SRCROOT% fixtures/corpus/real/2023_hongzequ.pdf") {
		t.Errorf("URIs from the root and from a subfolder differ or miss the corpus:\n%v\n%v", a, b)
	}
	defect := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[]}},"results":[{"ruleId":"R1","ruleIndex":3,"message":{"text":"m."}}]}]}`
	if err := os.WriteFile(bad, []byte(defect), 0o644); err != nil {
		t.Fatal(err)
	}
	problems := multitoolProblems(t, fromRoot, fromSub, bad)
	if !slices.Contains(problems["bad.sarif"], "error SARIF1009") {
		t.Errorf("the validator let a wrong ruleIndex through: %v", problems)
	}
	delete(problems, "bad.sarif")
	for file, list := range problems {
		t.Errorf("%s: %d errors and warnings: %s", file, len(list), strings.Join(list, ", "))
	}
}
