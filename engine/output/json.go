package output

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/reportlint/reportlint/engine/finding"
)

// jsonReporter writes one JSON object: {"tool", "results": [...], "summary"}, streaming the
// results array. In a sharded run (Options.Shard) the object also holds the shard and the
// rules in use, and each result its input position, source lines and view: all that
// reportlint merge needs to write any format as one run over every input would.
type jsonReporter struct {
	w       io.Writer
	version string
	shard   *ShardInfo
	n       int
}

type jsonResult struct {
	Input    *int              `json:"input,omitempty"`
	BodyKey  string            `json:"bodyKey,omitempty"`
	Path     string            `json:"path"`
	Format   string            `json:"format,omitempty"`
	Pack     string            `json:"pack,omitempty"`
	About    *finding.About    `json:"about,omitempty"`
	Error    string            `json:"error,omitempty"`
	Findings []finding.Finding `json:"findings"`
	Lines    []jsonLine        `json:"lines,omitempty"`
	View     *finding.View     `json:"view,omitempty"`
}

// jsonLine is a source line a finding points at, as a sharded run's JSON carries it.
type jsonLine struct {
	Page int    `json:"page,omitempty"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

type jsonSummary struct {
	Documents     int `json:"documents"`
	Unreadable    int `json:"unreadable"`
	Errors        int `json:"errors"`
	Warnings      int `json:"warnings"`
	Notes         int `json:"notes"`
	NotAssessable int `json:"notAssessable"`
	Baselined     int `json:"baselined,omitempty"`
}

func (j *jsonReporter) Begin(rules []finding.Rule) error {
	head, _ := json.Marshal(map[string]string{"name": "reportlint", "version": j.version})
	start := `{"tool":` + string(head)
	if j.shard != nil {
		sh, err := json.Marshal(j.shard)
		if err != nil {
			return err
		}
		if rules == nil {
			rules = []finding.Rule{}
		}
		rs, err := json.Marshal(rules)
		if err != nil {
			return err
		}
		start += `,"shard":` + string(sh) + `,"rules":` + string(rs)
	}
	_, err := io.WriteString(j.w, start+`,"results":[`)
	return err
}

func (j *jsonReporter) Result(r finding.Result) error {
	out := jsonResult{Path: r.Path, Format: r.Format, Pack: r.Pack, About: r.About, Findings: r.Findings}
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
	}
	if r.Err != nil {
		out.Error = r.Err.Error()
	}
	if j.shard != nil {
		if j.n >= len(j.shard.Positions) {
			return fmt.Errorf("shard %d/%d: more results than its %d documents", j.shard.K, j.shard.N, len(j.shard.Positions))
		}
		out.Input = &j.shard.Positions[j.n]
		out.BodyKey = r.BodyKey
		out.Lines = wireLines(r.Lines)
		out.View = r.View
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	sep := "\n"
	if j.n > 0 {
		sep = ",\n"
	}
	j.n++
	_, err = io.WriteString(j.w, sep+string(b))
	return err
}

// wireLines lists source lines by page and line.
func wireLines(ls finding.SourceLines) []jsonLine {
	out := make([]jsonLine, 0, len(ls))
	for k, text := range ls {
		out = append(out, jsonLine{Page: k.Page, Line: k.Line, Text: text})
	}
	slices.SortFunc(out, func(a, b jsonLine) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Line, b.Line))
	})
	return out
}

func (j *jsonReporter) End(s Summary) error {
	b, _ := json.Marshal(jsonSummary{
		Documents: s.Documents, Unreadable: s.Unreadable, Errors: s.Counts.Error,
		Warnings: s.Counts.Warning, Notes: s.Counts.Note, NotAssessable: s.NotAssessable,
		Baselined: s.Baselined,
	})
	_, err := io.WriteString(j.w, "\n],\"summary\":"+string(b)+"}\n")
	return err
}
