package main

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// The progress line appears once the run has taken a moment, says how far it is, how fast
// and how long is left, is cleared while a result is written and at the end.
func TestProgressLine(t *testing.T) {
	inLang(t, i18n.Zh)
	clock := &fakeClock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	o := startObserver(&buf, true, 10, nil, clock.now)
	report := func(finding.Result) error { buf.WriteString("REPORT\n"); return nil }
	o.Result(finding.Result{Path: "a"}, report)
	if strings.Contains(buf.String(), "已检查") {
		t.Fatalf("progress shown before a moment passed: %q", buf.String())
	}
	clock.t = clock.t.Add(2 * time.Second)
	o.Result(finding.Result{Path: "b"}, report)
	want := "REPORT\nREPORT\n\r\x1b[K已检查 2/10 份（20%） · 每秒 1.0 份 · 预计还需 8 秒"
	if buf.String() != want {
		t.Fatalf("got %q\nwant %q", buf.String(), want)
	}
	buf.Reset()
	clock.t = clock.t.Add(2 * time.Second)
	o.Result(finding.Result{Path: "c"}, report)
	if got := buf.String(); !strings.HasPrefix(got, "\r\x1b[KREPORT\n") || !strings.Contains(got, "已检查 3/10 份") {
		t.Errorf("the line is not cleared before the report is written, or not redrawn: %q", got)
	}
	buf.Reset()
	o.Finish()
	if buf.String() != "\r\x1b[K" {
		t.Errorf("finish left %q", buf.String())
	}
	if got := rateAndTimeLeft(0.5, 3725*time.Second); got != " · 每秒 0.5 份 · 预计还需 1 小时 02 分" {
		t.Errorf("zh: %q", got)
	}
	i18n.Set(i18n.En)
	if got := rateAndTimeLeft(2, 125*time.Second); got != " · 2.0 documents/s · about 2 min 05 s left" {
		t.Errorf("en: %q", got)
	}
	clock.t = clock.t.Add(2 * time.Second)
	o = startObserver(&buf, true, 10, nil, clock.now)
	clock.t = clock.t.Add(2 * time.Second)
	o.Result(finding.Result{Path: "d"}, report)
	o.Finish()
	if got := buf.String(); !strings.Contains(got, "checked 1/10 documents (10%) · 0.5 documents/s · about 18 s left") {
		t.Errorf("en: the line is %q", got)
	}
}

// Without a terminal (or with --quiet) nothing but the report is written.
func TestNoProgressWithoutTerminal(t *testing.T) {
	clock := &fakeClock{t: time.Now()}
	var buf bytes.Buffer
	o := startObserver(&buf, false, 3, nil, clock.now)
	clock.t = clock.t.Add(time.Minute)
	o.Result(finding.Result{}, func(finding.Result) error { return errors.New("x") })
	o.Finish()
	if buf.Len() != 0 {
		t.Errorf("wrote %q", buf.String())
	}
}

// --statistics prints findings per rule after the report; --quiet drops the summary that
// -o sends to standard error.
func TestStatisticsAndQuiet(t *testing.T) {
	io, out, errOut := TestIO()
	code := Main([]string{"lint", "--no-config", "--statistics", "../../fixtures/corpus/real/2019_shanghaishibgt.html"}, io)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	line := regexp.MustCompile(`(?m)^\s+(\d+)  (\S+)\s+(\d+) 个文档  (.*)$`)
	ms := line.FindAllStringSubmatch(out.String(), -1)
	if len(ms) < 3 {
		t.Fatalf("no statistics in\n%s", out)
	}
	total, prev := 0, -1
	for _, m := range ms {
		n, _ := strconv.Atoi(m[1])
		if prev >= 0 && n > prev {
			t.Errorf("not most first: %q", ms)
		}
		prev = n
		total += n
	}
	// Every finding of the report is a line "path:line:col: level[RULE] message".
	shown := len(regexp.MustCompile(`(?m)^\S+:\d+:\d+: (error|warning|note)\[`).FindAllString(out.String(), -1))
	if total != shown || shown == 0 {
		t.Errorf("statistics count %d findings; the report shows %d", total, shown)
	}

	dir := t.TempDir()
	io, _, errOut = TestIO()
	Main([]string{"lint", "--no-config", "--quiet", "-o", dir + "/r.json", "--format", "json", "../../fixtures/2023_chanhe_zhengshuju.txt"}, io)
	if errOut.Len() != 0 {
		t.Errorf("--quiet still wrote %q", errOut)
	}
	io, _, errOut = TestIO()
	Main([]string{"lint", "--no-config", "-o", dir + "/r.json", "--format", "json", "../../fixtures/2023_chanhe_zhengshuju.txt"}, io)
	if !strings.Contains(errOut.String(), "检查了 1 个文档") {
		t.Errorf("without --quiet the summary is missing: %q", errOut)
	}
}
