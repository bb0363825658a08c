package output

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
)

// Text taken from documents (messages, paths, errors) cannot break out of a workflow
// command: %, CR and LF are escaped as GitHub's toolkit does, : and , too in properties,
// and other control characters are escaped rather than passed to the log.
func TestGitHubEscapesWorkflowCommands(t *testing.T) {
	var buf bytes.Buffer
	r, err := New("github", &buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r.Begin(nil)
	r.Result(finding.Result{Path: "a,b:c\n::error::x.txt", Err: errors.New("坏\r\n::warning file=x::伪造 100%\x1b[31m")})
	r.End(Summary{Documents: 1, Unreadable: 1})
	out := buf.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "::") {
			t.Errorf("a second workflow command was injected: %q", l)
		}
	}
	want := "::error file=a%2Cb%3Ac%0A%3A%3Aerror%3A%3Ax.txt,title=无法读取::坏%0D%0A::warning file=x::伪造 100%25%1B[31m\n"
	if lines[0]+"\n" != want {
		t.Errorf("got  %q\nwant %q", lines[0]+"\n", want)
	}
	if strings.ContainsAny(out, "\x1b\r") {
		t.Errorf("control characters in output: %q", out)
	}
}
