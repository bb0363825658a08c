package main

import (
	"strings"
	"testing"
)

// complete runs cobra's hidden __complete command, as the shell scripts do, and returns
// the candidates and the directive line.
func runComplete(t *testing.T, args ...string) (candidates []string, directive string) {
	t.Helper()
	io, out, errOut := TestIO()
	if code := Main(append([]string{"__complete"}, args...), io); code != 0 {
		t.Fatalf("__complete %v: exit %d\n%s", args, code, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(line, ":") {
			directive = line
			continue
		}
		candidates = append(candidates, strings.SplitN(line, "\t", 2)[0])
	}
	return candidates, directive
}

func TestCompletion(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		want      string // candidates, space-separated
		directive string
	}{
		{[]string{"lint", "--format", ""}, "text json sarif github junit html csv xlsx", ":4"},
		{[]string{"lint", "--format", "s"}, "sarif", ":4"},
		{[]string{"lint", "--fail-on", "w"}, "warning", ":4"},
		{[]string{"lint", "--color", ""}, "auto always never", ":4"},
		{[]string{"merge", "--format", "x"}, "xlsx", ":4"},
		{[]string{"merge", "--fail-on", "n"}, "note none", ":4"},
		{[]string{"lint", "--input-format", "m"}, "markdown", ":4"},
		{[]string{"extract", "--charset", "gb"}, "gbk gb2312 gb18030", ":4"},
		{[]string{"rules", "--format", ""}, "text json markdown", ":4"},
		{[]string{"lint", "--pack", "govinfo-2021"}, "govinfo-2021 govinfo-2021@1.2.0", ":4"},
		{[]string{"lint", "--pack", "./"}, "", ":16"},
		{[]string{"lint", "--select", "T3-ROW-S"}, "T3-ROW-SUM", ":4"},
		{[]string{"lint", "--select", "T3-ROW-SUM,arith"}, "T3-ROW-SUM,arithmetic", ":4"},
		{[]string{"lint", "--ignore", "narr"}, "narrative", ":4"},
		{[]string{"lint", "--level", "FEE-STATE"}, "FEE-STATEMENT=", ":6"},
		{[]string{"lint", "--level", "FEE-STATEMENT=w"}, "FEE-STATEMENT=warning", ":4"},
		{[]string{"rules", "explain", "T3-ROW-"}, "T3-ROW-SUM", ":4"},
	} {
		got, dir := runComplete(t, tc.args...)
		if strings.Join(got, " ") != tc.want || dir != tc.directive {
			t.Errorf("%v: %q %s, want %q %s", tc.args, got, dir, tc.want, tc.directive)
		}
	}
}
