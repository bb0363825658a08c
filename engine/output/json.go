package output

import (
	"encoding/json"
	"io"

	"github.com/reportlint/reportlint/engine/finding"
)

// jsonReporter writes one JSON object: {"tool", "results": [...], "summary"}, streaming the
// results array.
type jsonReporter struct {
	w       io.Writer
	version string
	n       int
}

type jsonResult struct {
	Path     string            `json:"path"`
	Format   string            `json:"format,omitempty"`
	Pack     string            `json:"pack,omitempty"`
	About    *finding.About    `json:"about,omitempty"`
	Error    string            `json:"error,omitempty"`
	Findings []finding.Finding `json:"findings"`
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

func (j *jsonReporter) Begin([]finding.Rule) error {
	head, _ := json.Marshal(map[string]string{"name": "reportlint", "version": j.version})
	_, err := io.WriteString(j.w, `{"tool":`+string(head)+`,"results":[`)
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

func (j *jsonReporter) End(s Summary) error {
	b, _ := json.Marshal(jsonSummary{
		Documents: s.Documents, Unreadable: s.Unreadable, Errors: s.Counts.Error,
		Warnings: s.Counts.Warning, Notes: s.Counts.Note, NotAssessable: s.NotAssessable,
		Baselined: s.Baselined,
	})
	_, err := io.WriteString(j.w, "\n],\"summary\":"+string(b)+"}\n")
	return err
}
