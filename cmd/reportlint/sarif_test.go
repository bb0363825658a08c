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
	} `json:"properties"`
}

// checkCodeScanning checks the members GitHub code scanning relies on: a driver with name
// and version, each pack an extension with name, version and complete rules, and each
// result pointing at its rule by id, index and extension.
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
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Rule      *struct {
					ID            string `json:"id"`
					Index         int    `json:"index"`
					ToolComponent struct {
						Index int `json:"index"`
					} `json:"toolComponent"`
				} `json:"rule"`
				Locations           []any             `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
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
	if d := run.Tool.Driver; d.Name == "" || d.Version == "" {
		return fmt.Errorf("driver needs a name and a version")
	}
	if len(run.Tool.Extensions) == 0 {
		return fmt.Errorf("no rule pack among the extensions")
	}
	cats := "section arithmetic narrative metadata format"
	for _, ext := range run.Tool.Extensions {
		if ext.Name == "" || ext.Version == "" || len(ext.Rules) == 0 {
			return fmt.Errorf("extension %q needs a name, a version and rules", ext.Name)
		}
		for _, r := range ext.Rules {
			if r.ShortDescription == nil || r.FullDescription == nil || r.Help == nil || r.HelpURI == "" || r.DefaultConfiguration == nil {
				return fmt.Errorf("rule %s of %s lacks a description, help, helpUri or defaultConfiguration", r.ID, ext.Name)
			}
			ok := false
			for _, t := range r.Properties.Tags {
				ok = ok || strings.Contains(cats, t)
			}
			if !ok {
				return fmt.Errorf("rule %s of %s has no category tag", r.ID, ext.Name)
			}
		}
	}
	for _, res := range run.Results {
		ref := res.Rule
		if ref == nil || res.RuleIndex == nil || *res.RuleIndex != ref.Index || ref.ID != res.RuleID ||
			ref.ToolComponent.Index >= len(run.Tool.Extensions) {
			return fmt.Errorf("result %s does not name its rule by id, index and pack", res.RuleID)
		}
		rules := run.Tool.Extensions[ref.ToolComponent.Index].Rules
		if ref.Index >= len(rules) || rules[ref.Index].ID != res.RuleID {
			return fmt.Errorf("result %s points at another rule", res.RuleID)
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
