package output

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/reportlint/reportlint/engine/finding"
)

// The document's body, kind, region and year reach JSON results and SARIF result
// properties, so a sweep can be grouped by them.
func TestAboutInJSONAndSARIF(t *testing.T) {
	rs := results()
	rs[0].About = &finding.About{Body: "上海市规划和自然资源局", BodyKind: "department", Region: "上海市", Year: 2023, Edition: "2021"}
	for _, format := range []string{"json", "sarif"} {
		var buf bytes.Buffer
		rep, err := New(format, &buf, Options{ToolVersion: "9.9.9", WorkDir: "/work"})
		if err != nil {
			t.Fatal(err)
		}
		if err := rep.Begin(rules()); err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if err := rep.Result(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := rep.End(Summary{}); err != nil {
			t.Fatal(err)
		}
		var got finding.About
		switch format {
		case "json":
			var doc struct {
				Results []struct {
					About *finding.About `json:"about"`
				} `json:"results"`
			}
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Results[0].About == nil {
				t.Fatalf("json: no about in %s", buf.String())
			}
			got = *doc.Results[0].About
		case "sarif":
			var doc struct {
				Runs []struct {
					Results []struct {
						Properties finding.About `json:"properties"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			got = doc.Runs[0].Results[0].Properties
		}
		if got != *rs[0].About {
			t.Errorf("%s: about = %+v, want %+v", format, got, *rs[0].About)
		}
	}
}
