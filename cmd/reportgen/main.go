// Command reportgen writes generated 政府信息公开工作年度报告 for judging reportlint: clean
// reports in every carrier and, with -defects, copies with injected defects, plus a
// manifest (manifest.json) naming each file's seed, edition, carrier and expected rules.
// It is a developer tool, not part of the shipped binary.
//
//	go run ./cmd/reportgen -n 100 -seed 1 -out /tmp/reports -defects
//	go run ./cmd/reportgen -n 4 -carriers txt,html,pdf-chromium -out /tmp/r
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/reportlint/reportlint/internal/reportgen"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "reportgen:", err)
		os.Exit(2)
	}
}

// options are the command's flags.
type options struct {
	n              int
	seed           uint64
	out            string
	carriers       []reportgen.Carrier
	defectCarriers []reportgen.Carrier
	defects        bool
	perReport      int
	kinds          []string
	tools          reportgen.PDFTools
}

func carrierList(s string) ([]reportgen.Carrier, error) {
	if s == "all" {
		return reportgen.AllCarriers(), nil
	}
	var out []reportgen.Carrier
	for _, name := range strings.Split(s, ",") {
		c, err := reportgen.ParseCarrier(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func parse(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("reportgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	fs.IntVar(&o.n, "n", 10, "number of clean reports")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the set (the same seed gives the same files)")
	fs.StringVar(&o.out, "out", "", "output folder (required)")
	carriers := fs.String("carriers", "txt,md,html,docx", "comma-separated carriers, or all: txt,md,html,docx,pdf-lo-html,pdf-lo-docx,pdf-chromium")
	defectCarriers := fs.String("defect-carriers", "", "carriers of the defective copies (default: -carriers)")
	fs.BoolVar(&o.defects, "defects", false, "also write copies with injected defects")
	fs.IntVar(&o.perReport, "per-report", 3, "defective copies per report with -defects (0: every kind that applies)")
	kinds := fs.String("kinds", "", "comma-separated defect kinds to inject (default: all)")
	fs.StringVar(&o.tools.Soffice, "soffice", "soffice", "LibreOffice's soffice, for pdf-lo-*")
	fs.StringVar(&o.tools.Chromium, "chromium", "chromium", "Chromium, for pdf-chromium")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.out == "" {
		return nil, errors.New("-out is required")
	}
	var err error
	if o.carriers, err = carrierList(*carriers); err != nil {
		return nil, err
	}
	if *defectCarriers != "" {
		if o.defectCarriers, err = carrierList(*defectCarriers); err != nil {
			return nil, err
		}
	}
	if *kinds != "" {
		known := map[string]bool{}
		for _, k := range reportgen.DefectKinds() {
			known[k.Name] = true
		}
		for _, k := range strings.Split(*kinds, ",") {
			if !known[k] {
				return nil, fmt.Errorf("unknown defect kind %q", k)
			}
			o.kinds = append(o.kinds, k)
		}
	}
	return o, nil
}

func run(ctx context.Context, args []string, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	start := time.Now()
	per := 0
	if o.defects {
		per = o.perReport
		if per == 0 {
			per = len(reportgen.DefectKinds())
		}
	}
	items := reportgen.Items(o.seed, o.n, per, o.kinds...)
	m, err := reportgen.WriteSet(o.out, o.seed, items, o.carriers, o.defectCarriers)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %d reports (%d documents) in %s\n", m.Reports, len(items), time.Since(start).Round(time.Millisecond))
	o.tools.Log = stderr
	if err := reportgen.MakePDFs(ctx, o.out, m, o.tools); err != nil {
		return err
	}
	if err := reportgen.WriteManifest(o.out, m); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "manifest: %s/manifest.json (%d files) in %s\n", o.out, len(m.Files), time.Since(start).Round(time.Millisecond))
	return nil
}
