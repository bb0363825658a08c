package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/baseline"
	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest"
	ingestcharset "github.com/reportlint/reportlint/engine/ingest/charset"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/output"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/internal/atomicfile"
)

// LintOptions are the settings of `reportlint lint`.
type LintOptions struct {
	IO            *IOStreams
	Paths         []string
	Format        string
	Output        string
	FailOn        string
	Exclude       []string
	Select        []string
	Ignore        []string
	Levels        map[string]string
	Config        string
	NoConfig      bool
	Params        map[string]string
	Baseline      string
	WriteBaseline string
	StdinName     string
	Aggregate     string
	Color         string
	InputFormat   string
	Charset       string
	Workers       int
	MaxFileSize   int64
	Timeout       string
	Previous      string
	NoPair        bool
	Repeat        float64
	// Shard is --shard K/N: lint only the K-th of N parts of the inputs.
	Shard string
	// ShardBy is --shard-by: what keeps a body's reports in one shard, body or folder.
	ShardBy string
	packFlags
	fitFlags
	reportFlags
}

// NewCmdLint builds the lint command; runF replaces the run function in tests.
func NewCmdLint(io *IOStreams, runF func(context.Context, *LintOptions) error) *cobra.Command {
	opts := &LintOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "lint [flags] PATH...",
		Short: i18n.T("Lint documents and report findings"),
		Long: i18n.T(`Lint report documents (files, or folders walked recursively) and report findings.

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a usage error,
an unreadable document or a broken rule pack.

For archives beyond one machine, --shard K/N lints the K-th of N parts, each on its own
machine, and 'reportlint merge' joins the parts' --format json into what one run over all
the inputs writes (docs/sharding.md).`),
		Example: `  reportlint lint report.txt
  reportlint lint --format sarif -o results.sarif reports/
  reportlint lint --format html -o report.html reports/
  reportlint lint --fail-on warning --pack govinfo-2021@1.2.0 report.html
  reportlint lint --shard 2/4 --format json -o shard-2.json reports/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage(i18n.Errorf("lint needs at least one PATH"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			config, err := applyConfig(cmd, opts)
			if err != nil {
				return err
			}
			if nothingLeft, err := prepareLint(opts, config); err != nil || nothingLeft {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return attributeConfig(lintRun(cmd.Context(), opts), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "text", i18n.Sprintf("output format: %s", strings.Join(output.Formats(), ", ")))
	f.StringVarP(&opts.Output, "output", "o", "", i18n.T("write the report to `FILE` instead of standard output"))
	f.StringVar(&opts.FailOn, "fail-on", "error", i18n.T("exit 1 when a finding is at least this level: error, warning, note or none"))
	f.StringVar(&opts.Color, "color", "auto", i18n.T("colour text output: auto, always or never"))
	f.StringVar(&opts.InputFormat, "input-format", "", i18n.Sprintf("read every document as this format (%s); default: detect", strings.Join(ingest.Formats(), ", ")))
	f.StringVar(&opts.Charset, "charset", "", i18n.T("character encoding of text-like documents (utf-8, gbk, gb18030); default: detect"))
	f.IntVarP(&opts.Workers, "jobs", "j", 0, i18n.T("documents linted at once (default: number of CPUs)"))
	f.Int64Var(&opts.MaxFileSize, "max-file-size", limit.Default().MaxBytes, i18n.T("largest document read, in bytes"))
	f.StringVar(&opts.Timeout, "timeout", limit.Default().Timeout.String(), i18n.T("time limit per document"))
	f.StringVar(&opts.Previous, "previous", "", i18n.T("the previous year's report of the same body (`FILE`), for the cross-year rules"))
	f.StringArrayVar(&opts.Exclude, "exclude", nil, i18n.T("leave out files and folders of a folder walk whose name or path below the folder matches `PATTERN` (repeatable; * ? [...] as in shell patterns)"))
	f.StringSliceVar(&opts.Select, "select", nil, i18n.T("report only these rules: ids (T3-ROW-SUM), id patterns (T3-*) or categories (arithmetic); comma-separated or repeated"))
	f.StringSliceVar(&opts.Ignore, "ignore", nil, i18n.T("do not report these rules (ids, id patterns or categories); wins over --select"))
	f.StringToStringVar(&opts.Levels, "level", nil, i18n.T("change rules' levels: `ID=LEVEL`[,ID=LEVEL...] with LEVEL error, warning or note"))
	f.StringToStringVar(&opts.Params, "param", nil, i18n.T("set rule parameters: `NAME=VALUE`[,NAME=VALUE...], e.g. deadline_department=120 (reportlint rules lists them)"))
	f.StringVar(&opts.Aggregate, "aggregate", "", i18n.T("the report (`FILE`) that aggregates the other inputs, as some regions require of district reports: AGG-SUM compares its tables with the sums of theirs"))
	f.StringVar(&opts.StdinName, "stdin-filename", "", i18n.T("the `NAME` a document read from standard input (PATH -) is reported under; its extension helps detect the format"))
	f.StringVar(&opts.Baseline, "baseline", "", i18n.T("leave out the findings accepted in this baseline `FILE` (written by --write-baseline)"))
	f.StringVar(&opts.WriteBaseline, "write-baseline", "", i18n.T("write every finding of this run to a baseline `FILE` and exit 0 (unless a document cannot be read)"))
	f.StringVar(&opts.Config, "config", "", i18n.T("read defaults from this configuration `FILE` (default: the nearest .reportlint.yaml or reportlint.yaml)"))
	f.BoolVar(&opts.NoConfig, "no-config", false, i18n.T("ignore configuration files"))
	f.BoolVar(&opts.NoPair, "no-pair", false, i18n.T("do not pair each document with the same body's previous-year report among the inputs"))
	f.StringVar(&opts.Shard, "shard", "", i18n.T("lint only part `K/N` of the inputs (1 ≤ K ≤ N), split so that each body's reports stay together (--shard-by); 'reportlint merge' joins the parts' --format json"))
	f.StringVar(&opts.ShardBy, "shard-by", "body", i18n.T("with --shard, keep each body's reports in one shard by `KEY`: body, the body each title names (every shard reads every input to learn it), or folder, the folder holding them (nothing is read twice; merge checks that each body's reports shared one)"))
	f.Float64Var(&opts.Repeat, "repeat-threshold", 0, i18n.T("share of narrative repeated from the previous year above which DOC-REPEAT warns (default: the pack's, 0.5)"))
	addPackFlags(cmd, &opts.packFlags)
	addFitFlags(cmd, &opts.fitFlags)
	addReportFlags(cmd, &opts.reportFlags)
	return cmd
}

func addPackFlags(cmd *cobra.Command, pf *packFlags) {
	cmd.Flags().StringVar(&pf.Pack, "pack", "", i18n.T("use this rule pack for every document: NAME, NAME@VERSION or a folder (default: pick by the report's edition and year)"))
	cmd.Flags().BoolVar(&pf.BlankAsZero, "blank-as-zero", false, i18n.T("read blank table cells as 0 in arithmetic rules (placeholders stay not assessable)"))
}

// maxWorkers bounds -j: each worker may hold a document and its facts in memory, and more
// workers than this gain nothing on any machine reportlint runs on.
const maxWorkers = 256

// newLinter builds a linter from the shared flags.
func newLinter(ctx context.Context, pf packFlags, inputFormat, charset string, workers int, maxSize int64, timeout string) (*lint.Linter, error) {
	lim := limit.Default()
	if maxSize > 0 {
		lim.MaxBytes = maxSize
	}
	if timeout != "" {
		d, err := parseDuration(timeout)
		if err != nil {
			return nil, usage(fmt.Errorf("--timeout: %w", err))
		}
		lim.Timeout = d
	}
	if workers < 0 || workers > maxWorkers {
		return nil, usage(i18n.Errorf("-j/--jobs: want 1 to %d documents at once (0: the number of CPUs), not %d", maxWorkers, workers))
	}
	if charset != "" && !ingestcharset.Known(charset) {
		return nil, usage(i18n.Errorf("--charset: unknown encoding %q (want utf-8, gbk, gb2312 or gb18030)", charset))
	}
	if inputFormat != "" && !contains(ingest.Formats(), inputFormat) {
		return nil, usage(fmt.Errorf("--input-format: %w", unknownValue("format", inputFormat, ingest.Formats())))
	}
	packs, forced, err := loadPacks(ctx, pf, false)
	if err != nil {
		return nil, err
	}
	return &lint.Linter{
		Packs: packs, Force: forced, Workers: workers,
		Ingest: ingest.Options{Format: inputFormat, Charset: charset, Limits: lim},
	}, nil
}

func lintRun(ctx context.Context, opts *LintOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	failOn, color, err := checkRunFlags(opts)
	if err != nil {
		return err
	}
	shard, err := shardFlag(opts)
	if err != nil {
		return err
	}
	l, err := configureLinter(ctx, opts)
	if err != nil {
		return err
	}
	paths, err := documentPaths(opts, l)
	if err != nil {
		return err
	}
	var info *output.ShardInfo
	if shard != nil {
		if paths, info, err = shardPaths(ctx, opts, l, paths, *shard); err != nil {
			return err
		}
	}
	base, bw, err := baselines(opts)
	if err != nil {
		return err
	}
	// -o is written to a temporary file beside it and renamed over it only when the run
	// has finished: a run that fails or is killed leaves an existing file as it was, and
	// two runs writing the same file each leave it whole.
	var w io.Writer = opts.IO.Out
	var file *atomicfile.File
	outPath, pages := htmlPages(opts.Format, opts.Output) // -o DIR/: index.html and a page per document
	if opts.Output != "" {
		if file, err = atomicfile.Create(outPath); err != nil {
			return fmt.Errorf("-o: %w", err)
		}
		defer file.Abort()
		w = file
	}
	rep, err := startReport(opts, w, output.Options{Color: color, FailOn: failOn, Page: pages, Shard: info}, l.Rules())
	if err != nil {
		return err
	}
	sum, obs, err := lintDocuments(ctx, opts, l, paths, rep, base, bw)
	if err != nil {
		return err
	}
	return finishRun(opts, file, sum, obs, bw, failOn)
}

// checkRunFlags checks --fail-on, --format and --color, returning the level findings fail
// the run from and whether the report is coloured.
func checkRunFlags(opts *LintOptions) (finding.Level, bool, error) {
	failOn, err := finding.ParseLevel(opts.FailOn)
	if err != nil {
		return failOn, false, usage(fmt.Errorf("--fail-on: %w", err))
	}
	if !contains(output.Formats(), opts.Format) {
		return failOn, false, usage(fmt.Errorf("--format: %w", unknownValue("format", opts.Format, output.Formats())))
	}
	color := false
	switch opts.Color {
	case "always":
		color = true
	case "auto":
		color = opts.IO.OutTTY && opts.Output == "" && opts.IO.Getenv("NO_COLOR") == ""
	case "never":
	default:
		return failOn, false, usage(i18n.Errorf("--color: want auto, always or never, not %q", opts.Color))
	}
	return failOn, color, nil
}

// configureLinter builds the linter from the packs, the previous and aggregate files,
// the rule parameters and the rule selection.
func configureLinter(ctx context.Context, opts *LintOptions) (*lint.Linter, error) {
	l, err := newLinter(ctx, opts.packFlags, opts.InputFormat, opts.Charset, opts.Workers, opts.MaxFileSize, opts.Timeout)
	if err != nil {
		return nil, err
	}
	l.Previous = opts.Previous
	l.Pair = !opts.NoPair
	l.Aggregate = opts.Aggregate
	// The marked-up report draws each document's tables; a shard's JSON carries them for
	// a merge into html.
	l.KeepView = opts.Format == "html" || (opts.Shard != "" && opts.Format == "json")
	if opts.Repeat < 0 || opts.Repeat > 1 {
		return nil, usage(i18n.Errorf("--repeat-threshold: want a share between 0 and 1, not %v", opts.Repeat))
	}
	if l.Params, err = params(opts, l.Packs); err != nil {
		return nil, err
	}
	sel, err := selection(opts, l.Rules())
	if err != nil {
		return nil, err
	}
	l.Selection = sel
	return l, nil
}

// documentPaths lists the documents to lint: the paths given and standard input, less
// excluded paths, the run's own output files and an earlier run's pages.
func documentPaths(opts *LintOptions, l *lint.Linter) ([]string, error) {
	paths, err := lint.Expand(opts.Paths, opts.Exclude)
	if err != nil {
		return nil, usage(err)
	}
	if paths, err = readStdin(opts.IO.In, opts.StdinName, l, paths); err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, usage(i18n.Errorf("no documents found in %s", strings.Join(opts.Paths, " ")))
	}
	if len(paths) > 1 {
		tuneGC()
	}
	if opts.Baseline != "" && opts.WriteBaseline != "" {
		return nil, usage(i18n.Errorf("--baseline and --write-baseline do not go together: write a new baseline from all findings, or lint against one"))
	}
	paths, err = checkOutputs(paths, opts.Paths, l.Memory,
		[]namedFile{{"-o", opts.Output}, {"--write-baseline", opts.WriteBaseline}},
		[]namedFile{{"--previous", opts.Previous}, {"--aggregate", opts.Aggregate}, {"--baseline", opts.Baseline}})
	if err != nil {
		return nil, err
	}
	paths = leavePagesOut(paths, opts.Paths, opts.Format, opts.Output) // an earlier run's -o DIR/ pages
	if len(paths) == 0 {
		return nil, usage(i18n.Errorf("no documents found in %s", strings.Join(opts.Paths, " ")))
	}
	return paths, nil
}

// baselines loads the --baseline findings are filtered against, and opens the
// --write-baseline file the findings are accepted into.
func baselines(opts *LintOptions) (*baseline.Baseline, *baseline.Writer, error) {
	var base *baseline.Baseline
	if opts.Baseline != "" {
		var err error
		if base, err = baseline.Load(opts.Baseline); err != nil {
			return nil, nil, usage(fmt.Errorf("--baseline: %w", err))
		}
	}
	var bw *baseline.Writer
	if opts.WriteBaseline != "" {
		bw = baseline.NewWriter(opts.WriteBaseline)
	}
	return base, bw, nil
}

// startReport opens the report in the chosen format on w, with the tool's version (unless
// ro has one: a merge writes the shards'), the working directory and the SARIF root added
// to ro, and begins it with the rules in use.
func startReport(opts *LintOptions, w io.Writer, ro output.Options, rules []finding.Rule) (output.Reporter, error) {
	wd, _ := os.Getwd()
	root, err := sarifRoot(opts.SARIFRoot, wd)
	if err != nil {
		return nil, err
	}
	if ro.ToolVersion == "" {
		ro.ToolVersion = toolVersion()
	}
	ro.WorkDir, ro.SARIFRoot = wd, root
	rep, err := output.New(opts.Format, w, ro)
	if err != nil {
		return nil, usage(err)
	}
	if err := rep.Begin(rules); err != nil {
		return nil, err
	}
	return rep, nil
}

// lintDocuments lints the documents, reporting each result less what the baseline
// accepts, writes the new baseline if asked, and ends the report with the summary.
func lintDocuments(ctx context.Context, opts *LintOptions, l *lint.Linter, paths []string, rep output.Reporter, base *baseline.Baseline, bw *baseline.Writer) (output.Summary, *runObserver, error) {
	var sum output.Summary
	obs := newRunObserver(opts, len(paths), l.Rules()) // progress line, --statistics
	err := l.Run(ctx, paths, func(r finding.Result) error {
		r = skipNonReport(opts, r)
		if bw != nil {
			bw.Add(r)
		}
		r, n := base.Filter(r)
		sum.Baselined += n
		sum.Add(r)
		return obs.Result(r, rep.Result)
	})
	obs.Finish()
	if err == nil && bw != nil {
		if err = bw.Close(); err == nil {
			fmt.Fprint(opts.IO.ErrOut, i18n.Sprintf("已把 %d 个发现写入基线 %s\n", bw.Len(), output.EscapeControl(opts.WriteBaseline)))
		}
	}
	if err == nil {
		err = rep.End(sum)
	}
	return sum, obs, err
}

// finishRun puts the -o file in place, prints the summary line and the statistics, and
// returns the run's outcome: documents that could not be read, or findings at the
// --fail-on level, fail it.
func finishRun(opts *LintOptions, file *atomicfile.File, sum output.Summary, obs *runObserver, bw *baseline.Writer, failOn finding.Level) error {
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
		// With -o, the summary still reaches the terminal (unless --quiet).
		if !opts.Quiet {
			fmt.Fprintln(opts.IO.ErrOut, output.SummaryLine(sum))
		}
	}
	if opts.Statistics {
		obs.printStatistics(statisticsOut(opts))
	}
	switch {
	case sum.Unreadable > 0:
		if opts.Format != "text" && opts.Output == "" {
			fmt.Fprint(opts.IO.ErrOut, i18n.Sprintf("reportlint: %d 个文档无法读取\n", sum.Unreadable))
		}
		return inputError{sum.Unreadable}
	case bw != nil:
		return nil // the findings were just accepted
	case sum.Counts.Max().AtLeast(failOn):
		return findingsError{}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// selection builds the rule selection from --select, --ignore and --level (or the
// configuration file), checked against the rules of the packs in use.
func selection(opts *LintOptions, rules []finding.Rule) (*lint.Selection, error) {
	if len(opts.Select) == 0 && len(opts.Ignore) == 0 && len(opts.Levels) == 0 {
		return nil, nil
	}
	sel := &lint.Selection{Select: opts.Select, Ignore: opts.Ignore, Levels: map[string]finding.Level{}}
	for id, v := range opts.Levels {
		lv, err := finding.ParseLevel(v)
		if err != nil || lv == finding.None {
			return nil, usage(i18n.Errorf("--level %s: want error, warning or note, not %q", id, v))
		}
		sel.Levels[id] = lv
	}
	if err := sel.Check(rules); err != nil {
		return nil, usage(fmt.Errorf("--select/--ignore/--level: %w%s", err, selectionHint(opts, rules)))
	}
	return sel, nil
}

// params builds the rule parameters the command line sets (--param, and
// --repeat-threshold for repeat_threshold), checked against the packs' parameters.
func params(opts *LintOptions, packs []*pack.Pack) (map[string]float64, error) {
	known := map[string]bool{}
	for _, p := range packs {
		for k := range p.Params {
			known[k] = true
		}
	}
	out := map[string]float64{}
	for k, v := range opts.Params {
		if !known[k] {
			return nil, usage(i18n.Errorf("--param: no pack has a parameter %q (have %s)", k, strings.Join(slices.Sorted(maps.Keys(known)), ", ")))
		}
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, usage(i18n.Errorf("--param %s: want a number, not %q", k, v))
		}
		if err := checkParam(k, x); err != nil {
			return nil, usage(fmt.Errorf("--param %s: %w", k, err))
		}
		out[k] = x
	}
	if opts.Repeat > 0 {
		out["repeat_threshold"] = opts.Repeat
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// checkParam checks the value of a bundled packs' parameter, whether from --param or from
// params in the configuration file, as the flag of the same meaning is checked.
func checkParam(name string, x float64) error {
	switch {
	case name == "repeat_threshold":
		if x < 0 || x > 1 {
			return i18n.Errorf("want a share between 0 and 1, not %v", x)
		}
	case strings.HasPrefix(name, "deadline_"):
		month, day := int(x)/100, int(x)%100
		if x != math.Trunc(x) || month < 1 || month > 12 || day < 1 ||
			day > time.Date(2024, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			return i18n.Errorf("want a date as month×100+day (131 for 31 January), not %v", x)
		}
	case name == "accountability_townships":
		if x != 0 && x != 1 {
			return i18n.Errorf("want 0 or 1, not %v", x)
		}
	}
	return nil
}

// readStdin reads the document standing for the path "-" from standard input, once, into
// the linter's memory under --stdin-filename (default <stdin>), and renames the path.
func readStdin(in io.Reader, stdinName string, l *lint.Linter, paths []string) ([]string, error) {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
		}
	}
	switch {
	case n == 0:
		return paths, nil
	case n > 1:
		return nil, usage(i18n.Errorf("standard input (-) can be named only once"))
	case in == nil:
		return nil, usage(i18n.Errorf("no standard input to read"))
	}
	name := stdinName
	if name == "" {
		name = "<stdin>"
	}
	data, err := readAllDeadline(in, l.Ingest.Limits.MaxBytes, l.Ingest.Limits.Timeout)
	if err != nil {
		return nil, err
	}
	l.Memory = map[string][]byte{name: data}
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = p
		if p == "-" {
			out[i] = name
		}
	}
	return out, nil
}

// readAllDeadline reads r to its end, at most limitBytes (0: no limit), within timeout (0:
// none): standard input that never ends, or never comes, ends the run with an error instead
// of hanging it.
func readAllDeadline(r io.Reader, limitBytes int64, timeout time.Duration) ([]byte, error) {
	if limitBytes > 0 {
		r = io.LimitReader(r, limitBytes+1)
	}
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(r)
		done <- result{data, err}
	}()
	var deadline <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		deadline = t.C
	}
	select {
	case res := <-done:
		if res.err != nil {
			return nil, i18n.Errorf("read standard input: %w", res.err)
		}
		if limitBytes > 0 && int64(len(res.data)) > limitBytes {
			return nil, usage(i18n.Errorf("standard input is larger than --max-file-size (%d bytes)", limitBytes))
		}
		return res.data, nil
	case <-deadline:
		// The reading goroutine stays blocked until the process exits, which it now does.
		return nil, i18n.Errorf("standard input: not read to its end within --timeout %s", timeout)
	}
}

// sweepMemoryFloor is the Go heap a run of many text documents settles at: the collector
// runs when the heap reaches it, whatever the number of documents. The packs, the regular
// expressions and the documents in flight live in about 20 MiB; the process's peak RSS is
// this plus about 25 MiB of program text and runtime.
const sweepMemoryFloor = 64 << 20

// tuneGC sets the collector for a run of many documents, unless GOGC or GOMEMLIMIT says
// otherwise. A document allocates a few megabytes that die with it, so collecting at every
// doubling of the live heap (the default) spends much of 2 cores in the collector; a high
// GOGC under a soft memory limit collects only when the heap reaches the limit: fewer
// collections, and memory flat in the number of documents. The limit follows the live
// heap (gcTuner): a fixed one below it (PDF readers keep their WebAssembly memory in the
// heap) would make the collector run without pause.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		startGCTuner(sweepMemoryFloor)
	}
}
