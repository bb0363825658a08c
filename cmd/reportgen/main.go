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
	n         int
	seed      uint64
	out       string
	carriers  []reportgen.Carrier
	defects   bool
	perReport int
	tools     reportgen.PDFTools
}

func parse(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("reportgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	fs.IntVar(&o.n, "n", 10, "number of clean reports")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the set (the same seed gives the same files)")
	fs.StringVar(&o.out, "out", "", "output folder (required)")
	carriers := fs.String("carriers", "txt,md,html,docx", "comma-separated carriers, or all: txt,md,html,docx,pdf-lo-html,pdf-lo-docx,pdf-chromium")
	fs.BoolVar(&o.defects, "defects", false, "also write copies with injected defects")
	fs.IntVar(&o.perReport, "per-report", 3, "defective copies per report with -defects (0: every kind that applies)")
	fs.StringVar(&o.tools.Soffice, "soffice", "soffice", "LibreOffice's soffice, for pdf-lo-*")
	fs.StringVar(&o.tools.Chromium, "chromium", "chromium", "Chromium, for pdf-chromium")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.out == "" {
		return nil, errors.New("-out is required")
	}
	list := *carriers
	if list == "all" {
		list = "txt,md,html,docx,pdf-lo-html,pdf-lo-docx,pdf-chromium"
	}
	for _, s := range strings.Split(list, ",") {
		c, err := reportgen.ParseCarrier(strings.TrimSpace(s))
		if err != nil {
			return nil, err
		}
		o.carriers = append(o.carriers, c)
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
	items := reportgen.Items(o.seed, o.n, per)
	m, err := reportgen.WriteSet(o.out, o.seed, items, o.carriers)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %d reports (%d documents) in %s\n", m.Reports, len(items), time.Since(start).Round(time.Millisecond))
	var pdfs []reportgen.Carrier
	for _, c := range o.carriers {
		if c.Source() != c {
			pdfs = append(pdfs, c)
		}
	}
	if len(pdfs) > 0 {
		var names []string
		for _, it := range items {
			names = append(names, it.Name())
		}
		o.tools.Log = stderr
		if err := reportgen.MakePDFs(ctx, o.out, names, pdfs, o.tools); err != nil {
			return err
		}
	}
	if err := reportgen.WriteManifest(o.out, m); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "manifest: %s/manifest.json (%d files) in %s\n", o.out, len(m.Files), time.Since(start).Round(time.Millisecond))
	return nil
}
