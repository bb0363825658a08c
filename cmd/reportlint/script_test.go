package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"reportlint": func() { os.Exit(Main(os.Args[1:], SystemIO())) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. Set UPDATE_SCRIPTS=1 to
// rewrite their expected files (review the diff).
func TestScripts(t *testing.T) {
	sample, err := filepath.Abs("../../fixtures/2023_chanhe_zhengshuju.txt")
	if err != nil {
		t.Fatal(err)
	}
	fixtures, err := filepath.Abs("../../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	schema, err := filepath.Abs("../../schemas/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SAMPLE", sample)
			env.Setenv("FIXTURES", fixtures)
			env.Setenv("SARIF_SCHEMA", schema)
			env.Setenv("NO_COLOR", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sarifvalid": cmdSARIFValid,
		},
	})
}
