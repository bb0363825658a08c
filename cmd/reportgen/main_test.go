package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/reportlint/reportlint/internal/reportgen"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr bool
		check   func(*options) bool
	}{
		{"defaults", []string{"-out", "x"}, false, func(o *options) bool {
			return o.n == 10 && o.seed == 1 && slices.Equal(o.carriers, reportgen.DirectCarriers()) && !o.defects
		}},
		{"all carriers", []string{"-out", "x", "-carriers", "all"}, false, func(o *options) bool {
			return slices.Equal(o.carriers, reportgen.AllCarriers())
		}},
		{"defects", []string{"-out", "x", "-defects", "-per-report", "2", "-kinds", "t3-row-sum,doc-year", "-defect-carriers", "txt"}, false, func(o *options) bool {
			return o.defects && o.perReport == 2 && slices.Equal(o.kinds, []string{"t3-row-sum", "doc-year"}) && slices.Equal(o.defectCarriers, []reportgen.Carrier{reportgen.TXT})
		}},
		{"no output folder", []string{"-n", "3"}, true, nil},
		{"unknown carrier", []string{"-out", "x", "-carriers", "txt,rtf"}, true, nil},
		{"unknown defect", []string{"-out", "x", "-kinds", "typo"}, true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, err := parse(tc.args, io.Discard)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err == nil && !tc.check(o) {
				t.Fatalf("options %+v", o)
			}
		})
	}
}

func TestRunWritesASetAndItsManifest(t *testing.T) {
	dir := t.TempDir()
	if err := run(context.Background(), []string{"-n", "3", "-seed", "5", "-defects", "-per-report", "1", "-out", dir}, io.Discard); err != nil {
		t.Fatal(err)
	}
	m, err := reportgen.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Reports != 3 || len(m.Files) != 6*len(reportgen.DirectCarriers()) {
		t.Fatalf("%d reports, %d files", m.Reports, len(m.Files))
	}
	for _, f := range m.Files {
		if _, err := os.Stat(filepath.Join(dir, f.Path)); err != nil {
			t.Error(err)
		}
		if f.DefectKind != "" && (f.Defect == nil || len(f.Defect.Rules) == 0) {
			t.Errorf("%s: no expected rules", f.Path)
		}
	}
}
