package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// validateSARIF checks a SARIF log against the official 2.1.0 schema (draft-04).
func validateSARIF(schemaPath string, data []byte) error {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	sch, err := c.Compile(schemaPath)
	if err != nil {
		return fmt.Errorf("compile schema: %w", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("parse log: %w", err)
	}
	return sch.Validate(doc)
}

// cmdSARIFValid is the script command `sarifvalid FILE`: the file must be a SARIF log that
// validates against the official schema and carries what GitHub code scanning reads.
func cmdSARIFValid(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sarifvalid FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	err = validateSARIF(ts.Getenv("SARIF_SCHEMA"), data)
	if err == nil {
		err = checkCodeScanning(data)
	}
	if neg {
		if err == nil {
			ts.Fatalf("%s is a valid SARIF log", args[0])
		}
		return
	}
	if err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
}

// sarifRule is what code scanning reads of a rule.
type sarifRule struct {
	ID                   string         `json:"id"`
	ShortDescription     map[string]any `json:"shortDescription"`
	FullDescription      map[string]any `json:"fullDescription"`
	Help                 map[string]any `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration map[string]any `json:"defaultConfiguration"`
	Properties           struct {
		Tags []string `json:"tags"`
		Pack string   `json:"pack"`
	} `json:"properties"`
}

// checkCodeScanning checks the members GitHub code scanning relies on: a driver with name,
// version and complete rules, each carrying its pack; each pack an extension with name and
// version; the %SRCROOT% base declared; and each result pointing at its rule by id and
// index in the driver's rules (where Sarif.Multitool looks for it), with no redundant
// rule reference (SARIF2004).
func checkCodeScanning(data []byte) error {
	type component struct {
		Name    string      `json:"name"`
		Version string      `json:"version"`
		Rules   []sarifRule `json:"rules"`
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver     component   `json:"driver"`
				Extensions []component `json:"extensions"`
			} `json:"tool"`
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           *int              `json:"ruleIndex"`
				Rule                any               `json:"rule"`
				Locations           []any             `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Properties          struct {
					Pack string `json:"pack"`
				} `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return err
	}
	if len(log.Runs) != 1 {
		return fmt.Errorf("want one run, got %d", len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name == "" || d.Version == "" || len(d.Rules) == 0 {
		return fmt.Errorf("driver needs a name, a version and rules")
	}
	if base := run.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		return fmt.Errorf("%%SRCROOT%% is not declared as an absolute folder URI: %q", base)
	}
	packs := map[string]bool{}
	for _, ext := range run.Tool.Extensions {
		if ext.Name == "" || ext.Version == "" || len(ext.Rules) != 0 {
			return fmt.Errorf("extension %q needs a name and a version, and its rules belong to the driver", ext.Name)
		}
		packs[ext.Name+"@"+ext.Version] = true
	}
	cats := "section arithmetic narrative metadata format"
	for _, r := range d.Rules {
		if r.ShortDescription == nil || r.FullDescription == nil || r.Help == nil || r.HelpURI == "" || r.DefaultConfiguration == nil {
			return fmt.Errorf("rule %s lacks a description, help, helpUri or defaultConfiguration", r.ID)
		}
		if !packs[r.Properties.Pack] {
			return fmt.Errorf("rule %s names pack %q, which is no extension", r.ID, r.Properties.Pack)
		}
		ok := false
		for _, t := range r.Properties.Tags {
			ok = ok || strings.Contains(cats, t)
		}
		if !ok {
			return fmt.Errorf("rule %s of %s has no category tag", r.ID, r.Properties.Pack)
		}
	}
	for _, res := range run.Results {
		if res.RuleIndex == nil || *res.RuleIndex >= len(d.Rules) || res.Rule != nil {
			return fmt.Errorf("result %s does not name its rule by id and index alone", res.RuleID)
		}
		if r := d.Rules[*res.RuleIndex]; r.ID != res.RuleID || r.Properties.Pack != res.Properties.Pack {
			return fmt.Errorf("result %s of %s points at rule %s of %s", res.RuleID, res.Properties.Pack, r.ID, r.Properties.Pack)
		}
		if len(res.Locations) == 0 || res.PartialFingerprints["reportlint/v1"] == "" {
			return fmt.Errorf("result %s lacks a location or fingerprint", res.RuleID)
		}
	}
	return nil
}

func TestValidateSARIFRejectsBadLevel(t *testing.T) {
	bad := []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`)
	if err := validateSARIF("../../schemas/sarif-schema-2.1.0.json", bad); err == nil {
		t.Fatal("a log with level fatal validated")
	}
}
