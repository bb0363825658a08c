package regoeval

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
	"github.com/reportlint/reportlint/schemas"
)

const okRule = `# METADATA
# title: a section is missing
# custom:
#   id: SEC
#   level: error
#   tags: [section]
package reportlint.rules.sec

report contains {"msg": sprintf("缺少%s", [s.title]), "at": s.ref, "related": [{"ref": "doc", "message": "文档"}]} if {
	some s in input.sections
	not s.found
}

report contains {"msg": "warn", "at": "doc", "level": "warning"} if {
	input.report.year == 2023
}
`

func TestEval(t *testing.T) {
	set, err := Load(context.Background(), []File{{Name: "rego/sec.rego", Data: []byte(okRule)}}, "p@1.0.0", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rs := set.Rules(); len(rs) != 1 || rs[0].ID != "SEC" || rs[0].Source != "rego/sec.rego:7" || rs[0].Title != "a section is missing" {
		t.Fatalf("rules = %+v", rs)
	}
	f := &profile.Facts{
		Report:   profile.Report{Year: 2023},
		Sections: []*profile.Section{{Ref: "s1", ID: "s1", Title: "总体情况", Found: true}, {Ref: "s2", ID: "s2", Title: "主动公开", Found: false}},
		Tables:   map[string]*profile.Table{},
	}
	raws, err := set.Eval(context.Background(), Input(f))
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 {
		t.Fatalf("raws = %+v", raws)
	}
	var got []string
	for _, r := range raws {
		got = append(got, r.RuleID+"|"+r.Message+"|"+r.At+"|"+string(r.Level))
	}
	joined := strings.Join(got, "\n")
	if !strings.Contains(joined, "SEC|缺少主动公开|s2|") || !strings.Contains(joined, "SEC|warn|doc|warning") {
		t.Fatalf("raws:\n%s", joined)
	}
}

func TestCapabilitiesLeaveOutTheOutsideWorld(t *testing.T) {
	caps := Capabilities()
	for _, name := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122"} {
		if caps.ContainsBuiltin(name) {
			t.Errorf("%s is allowed", name)
		}
	}
	for _, name := range []string{"sprintf", "count", "regex.match", "concat"} {
		if !caps.ContainsBuiltin(name) {
			t.Errorf("%s is missing", name)
		}
	}
	bad := `# METADATA
# title: reaches out
# custom:
#   id: NET
#   level: error
#   tags: [format]
package reportlint.rules.net

report contains {"msg": "x", "at": "doc"} if {
	http.send({"method": "GET", "url": "http://example.com"})
}
`
	if _, err := Load(context.Background(), []File{{Name: "net.rego", Data: []byte(bad)}}, "p@1.0.0", Options{}); err == nil {
		t.Fatal("a rule calling http.send compiled")
	}
}

func TestLoadErrorsAreLocated(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.En) // the assertions read the English messages
	tests := map[string]struct{ src, want string }{
		"parse error":     {"package reportlint.rules.x\nreport contains x if {", "x.rego:"},
		"no metadata":     {"package reportlint.rules.x\nreport contains {\"msg\": \"m\", \"at\": \"doc\"} if true\n", "x.rego:1: package x has no METADATA"},
		"bad level":       {"# METADATA\n# title: t\n# custom:\n#   id: X\n#   level: fatal\n#   tags: [format]\npackage reportlint.rules.x\n", "custom.level must be error, warning or note"},
		"no category tag": {"# METADATA\n# title: t\n# custom:\n#   id: X\n#   level: error\n#   tags: [misc]\npackage reportlint.rules.x\n", "custom.tags must include one of"},
		"unsafe var":      {"# METADATA\n# title: t\n# custom:\n#   id: X\n#   level: error\n#   tags: [format]\npackage reportlint.rules.x\nreport contains {\"msg\": m, \"at\": \"doc\"} if { y := 1 }\n", "x.rego:8"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Load(context.Background(), []File{{Name: "x.rego", Data: []byte(tt.src)}}, "p@1.0.0", Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestInputMatchesGenericConversion(t *testing.T) {
	f := &profile.Facts{
		Source:   profile.Source{Path: "a.txt", Format: "text"},
		Report:   profile.Report{Year: 2023, YearFrom: "title"},
		Edition:  profile.Edition{Detected: "2021", Markers: map[string][]string{"2021": {"本年制发件数"}}, Refs: map[string]string{"2021": "edition.2021"}},
		Sections: []*profile.Section{{Ref: "s1", ID: "s1", Found: true, Order: 1}},
		Tables:   map[string]*profile.Table{},
		Claims: []*profile.Claim{{Ref: "claim.0", ID: "period", Fields: map[string]*profile.Field{
			"y1": {Ref: "claim.0.y1", Text: "2023", Number: true, Value: 2023},
		}}},
	}
	v := Input(f)
	year, err := v.Find(ast.MustParseRef("x.report.year")[1:])
	if err != nil || year.String() != "2023" {
		t.Fatalf("report.year = %v, %v", year, err)
	}
	y1, err := v.Find(ast.MustParseRef("x.claims[0].fields.y1.value")[1:])
	if err != nil || y1.String() != "2023" {
		t.Fatalf("claims[0].fields.y1.value = %v, %v", y1, err)
	}
}

// With the input schema, a rule that reads a field the input does not have fails to load,
// naming the file and line; the same rule loads without the schema, and correct reads
// load with it. (Tables, rows and columns are maps in the generic schema; the pack
// package checks them against a schema specialised to the profile.)
func TestInputSchemaCatchesWrongFields(t *testing.T) {
	rule := func(body string) []File {
		return []File{{Name: "rego/x.rego", Data: []byte(`# METADATA
# title: t
# custom:
#   id: X-ONE
#   level: error
#   tags: [section]
package reportlint.rules.x

report contains {"msg": "m", "at": "doc"} if {
` + body + `
}
`)}}
	}
	opts := Options{InputSchema: schemas.Input}
	for _, bad := range []string{
		"	input.report.titel",
		"	input.sections[_].found == \"yes\"",
		"	input.previous.repeat.shar > 0",
	} {
		if _, err := Load(context.Background(), rule(bad), "p@1.0.0", Options{}); err != nil {
			t.Fatalf("%q does not load without the schema: %v", bad, err)
		}
		_, err := Load(context.Background(), rule(bad), "p@1.0.0", opts)
		if err == nil || !strings.Contains(err.Error(), "rego/x.rego:") {
			t.Errorf("%q loads with the schema (err %v)", bad, err)
		}
	}
	good := "	some t in input.tables\n	some r in t.rows\n	r.cells.total.value > 0\n	input.previous.repeat.share > input.params.repeat_threshold"
	if _, err := Load(context.Background(), rule(good), "p@1.0.0", opts); err != nil {
		t.Errorf("a correct rule fails with the schema: %v", err)
	}
}

// The input built for every bundled fixture validates against the input schema, so the
// schema the packs are checked against is what they are given.
func TestInputValidatesAgainstSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	var doc any
	if err := json.Unmarshal(schemas.Input, &doc); err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("input.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	f := &profile.Facts{
		Source:   profile.Source{Path: "a.txt", Format: "text"},
		Report:   profile.Report{Year: 2023, YearFrom: "title", Title: &profile.Claim{Ref: "claim.title", ID: "title", Fields: map[string]*profile.Field{}}},
		Edition:  profile.Edition{Detected: "2021", Markers: map[string][]string{"2021": {"本年制发件数"}}, Refs: map[string]string{"2021": "edition.2021"}},
		Sections: []*profile.Section{{Ref: "s1", ID: "s1", Found: true, Order: 1}},
		Tables: map[string]*profile.Table{"t3": {Ref: "t3", ID: "t3", Found: true, Columns: []string{"total"}, ColumnLabels: map[string]string{"total": "总计"},
			RowOrder: []string{"r1"}, Rows: map[string]*profile.Row{"r1": {Ref: "t3.r1", ID: "r1", Found: true, Cells: map[string]*profile.Cell{
				"total": {Ref: "t3.r1.total", Table: "t3", Row: "r1", Col: "total", State: profile.StateNumber, Value: 3, Integer: true},
			}}}}},
		Claims:   []*profile.Claim{},
		Params:   map[string]float64{"repeat_threshold": 0.5},
		Previous: &profile.Previous{Path: "b.txt", Year: 2022, Cells: map[string]*profile.Cell{"t3.r1.total": {Ref: "t3.r1.total", State: profile.StateBlank}}},
	}
	totals := profile.NewTotals()
	totals.Add(f)
	totals.Fail("c.pdf")
	totals.Attach(f)
	js, err := ast.JSON(Input(f))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(js); err != nil {
		t.Fatal(err)
	}
}
