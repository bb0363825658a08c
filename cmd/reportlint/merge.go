package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/baseline"
	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/output"
	"github.com/reportlint/reportlint/internal/atomicfile"
)

// MergeOptions are the settings of `reportlint merge`.
type MergeOptions struct {
	IO            *IOStreams
	Files         []string
	Format        string
	Output        string
	FailOn        string
	Color         string
	SARIFRoot     string
	WriteBaseline string
	reportFlags
}

// NewCmdMerge builds the merge command; runF replaces the run function in tests.
func NewCmdMerge(io *IOStreams, runF func(context.Context, *MergeOptions) error) *cobra.Command {
	opts := &MergeOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "merge [flags] FILE...",
		Short: i18n.T("Join the JSON of sharded lint runs into one report"),
		Long: i18n.T(`Join the JSON reports of the shards of one run (reportlint lint --shard K/N
--format json, one FILE per shard, in any order) into the report, in any format, that one
run of reportlint lint over all the inputs would have written, byte for byte: the
documents in input order, the same totals and the same exit status for --fail-on.

Every shard from 1 to N must be given once, and all must come from the same inputs, flags
and version of reportlint; in a run that pairs years, each body's reports must come from
one shard. Otherwise merge fails and names the difference (an -o file is left as it was).
Give merge the
output flags the one run would get; the lint flags belong to the shards. See
docs/sharding.md, with a GitHub Actions matrix.

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when a document could
not be read, or on a usage error or shards that do not make one run.`),
		Example: `  reportlint lint --shard 1/3 --format json -o shard-1.json reports/
  reportlint lint --shard 2/3 --format json -o shard-2.json reports/
  reportlint lint --shard 3/3 --format json -o shard-3.json reports/
  reportlint merge --format sarif -o results.sarif shard-*.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage(i18n.Errorf("merge needs the JSON FILE of every shard"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return mergeRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "text", i18n.Sprintf("output format: %s", strings.Join(output.Formats(), ", ")))
	f.StringVarP(&opts.Output, "output", "o", "", i18n.T("write the report to `FILE` instead of standard output"))
	f.StringVar(&opts.FailOn, "fail-on", "error", i18n.T("exit 1 when a finding is at least this level: error, warning, note or none"))
	f.StringVar(&opts.Color, "color", "auto", i18n.T("colour text output: auto, always or never"))
	f.StringVar(&opts.SARIFRoot, "sarif-root", "", i18n.T("make SARIF artifact URIs relative to this `FOLDER` (%SRCROOT%) (default: the Git work tree holding the working directory, else the working directory)"))
	f.StringVar(&opts.WriteBaseline, "write-baseline", "", i18n.T("write every finding of the merged run to a baseline `FILE` and exit 0 (unless a document could not be read)"))
	addReportFlags(cmd, &opts.reportFlags)
	_ = cmd.MarkFlagDirname("sarif-root")
	return cmd
}

// mergeRun reads the shards, checks that they make one run, and reports their results in
// input order through the same reporters, summary and exit status as lint.
func mergeRun(opts *MergeOptions) error {
	lo := &LintOptions{IO: opts.IO, Format: opts.Format, Output: opts.Output, FailOn: opts.FailOn,
		Color: opts.Color, WriteBaseline: opts.WriteBaseline}
	lo.SARIFRoot, lo.reportFlags = opts.SARIFRoot, opts.reportFlags
	for _, fv := range [][2]string{{"format", opts.Format}, {"fail-on", opts.FailOn}, {"color", opts.Color}} {
		if err := checkChoice(fv[0], fv[1]); err != nil {
			return err
		}
	}
	failOn, color, err := checkRunFlags(lo)
	if err != nil {
		return err
	}
	outputs := []namedFile{{"-o", opts.Output}, {"--write-baseline", opts.WriteBaseline}}
	for i, o := range outputs {
		for _, p := range outputs[i+1:] {
			if o.path != "" && p.path != "" && sameFile(o.path, p.path) {
				return usage(i18n.Errorf("%s and %s name the same file %s: each output needs a file of its own", o.role, p.role, o.path))
			}
		}
		for _, f := range opts.Files {
			if o.path != "" && sameFile(o.path, f) {
				return usage(i18n.Errorf("%s %s is also a shard to merge", o.role, o.path))
			}
		}
	}
	readers := make([]*output.ShardReader, 0, len(opts.Files))
	for _, name := range opts.Files {
		f, err := os.Open(name)
		if err != nil {
			return i18n.Errorf("shard %w", err)
		}
		defer f.Close()
		r, err := output.ReadShard(name, f)
		if err != nil {
			return err
		}
		readers = append(readers, r)
	}
	if err := output.CheckShards(readers); err != nil {
		return err
	}
	first := readers[0]
	var w io.Writer = opts.IO.Out
	var file *atomicfile.File
	outPath, pages := htmlPages(opts.Format, opts.Output)
	if opts.Output != "" {
		if file, err = atomicfile.Create(outPath); err != nil {
			return fmt.Errorf("-o: %w", err)
		}
		defer file.Abort()
		w = file
	}
	rep, err := startReport(lo, w, output.Options{Color: color, FailOn: failOn, Page: pages, ToolVersion: first.Version}, first.Rules)
	if err != nil {
		return err
	}
	var bw *baseline.Writer
	if opts.WriteBaseline != "" {
		bw = baseline.NewWriter(opts.WriteBaseline)
	}
	var sum output.Summary
	obs := newRunObserver(lo, first.Shard.Inputs, first.Rules)
	baselined, err := output.Merge(readers, func(r finding.Result) error {
		if bw != nil {
			bw.Add(r)
		}
		sum.Add(r)
		return obs.Result(r, rep.Result)
	})
	obs.Finish()
	if err != nil {
		return err
	}
	sum.Baselined = baselined
	if bw != nil {
		if baselined > 0 {
			return usage(i18n.Errorf("--write-baseline: the shards were linted against a baseline (%d findings left out); lint them without --baseline to write a new one", baselined))
		}
		if err := bw.Close(); err != nil {
			return err
		}
		fmt.Fprint(opts.IO.ErrOut, i18n.Sprintf("已把 %d 个发现写入基线 %s\n", bw.Len(), output.EscapeControl(opts.WriteBaseline)))
	}
	if err := rep.End(sum); err != nil {
		return err
	}
	return finishRun(lo, file, sum, obs, bw, failOn)
}
