package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/output"
	"github.com/reportlint/reportlint/engine/profile"
)

// ExtractOptions are the settings of `reportlint extract`.
type ExtractOptions struct {
	IO          *IOStreams
	Path        string
	InputFormat string
	Charset     string
	StdinName   string
	// Lines prints the document's lines as the linter numbers them, not the JSON.
	Lines bool
	packFlags
}

// NewCmdExtract builds the extract command.
func NewCmdExtract(io *IOStreams, runF func(context.Context, *ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH",
		Short: i18n.T("Print what the rules see of a document, as JSON"),
		Long: i18n.T(`Print, as JSON, exactly what the rules see of one document: the document's blocks with
their source spans, the pack chosen for it, and the report facts (sections, tables cell by
cell, narrative claims), each with the place in the source it came from.

With --lines, print instead the document's lines as a finding's line:col counts them: the
file's own lines for text, Markdown and HTML, and for PDF and DOCX the lines of the text
rebuilt from the layout (a PDF's counted per page, each table row on one line). It shows
what a location in a PDF points at.`),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage(i18n.Errorf("extract needs exactly one PATH"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return extractRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.InputFormat, "input-format", "", i18n.T("read the document as this format; default: detect"))
	cmd.Flags().StringVar(&opts.Charset, "charset", "", i18n.T("character encoding of a text-like document; default: detect"))
	cmd.Flags().StringVar(&opts.StdinName, "stdin-filename", "", i18n.T("the `NAME` a document read from standard input (PATH -) goes under; its extension helps detect the format"))
	cmd.Flags().BoolVar(&opts.Lines, "lines", false, i18n.T("print the document's numbered lines, as findings' locations count them, instead of the JSON"))
	addPackFlags(cmd, &opts.packFlags)
	return cmd
}

// extraction is the JSON extract prints.
type extraction struct {
	Document *document.Document `json:"document"`
	Pack     string             `json:"pack"`
	Facts    *profile.Facts     `json:"facts"`
}

func extractRun(ctx context.Context, opts *ExtractOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	l, err := newLinter(ctx, opts.packFlags, opts.InputFormat, opts.Charset, 1, 0, "")
	if err != nil {
		return err
	}
	paths, err := readStdin(opts.IO.In, opts.StdinName, l, []string{opts.Path})
	if err != nil {
		return err
	}
	d, err := l.Extract(ctx, paths[0])
	if err != nil {
		return err
	}
	if opts.Lines {
		return printLines(opts.IO.Out, lint.Lines(d.Doc))
	}
	enc := json.NewEncoder(opts.IO.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(extraction{Document: d.Doc, Pack: d.Pack.Ref(), Facts: d.Facts})
}

// printLines writes numbered lines, under a heading for each page of a paged document;
// lines without text are left out.
func printLines(w io.Writer, lines []lint.Line) error {
	bw := bufio.NewWriter(w)
	page := 0
	for _, l := range lines {
		if l.Page != page && l.Page > 0 {
			page = l.Page
			fmt.Fprint(bw, i18n.Sprintf("第 %d 页\n", page))
		}
		// The document's text is escaped as the text output escapes it, tabs kept.
		parts := strings.Split(l.Text, "\t")
		for i, p := range parts {
			parts[i] = output.EscapeControl(p)
		}
		fmt.Fprintf(bw, "%5d  %s\n", l.Line, strings.Join(parts, "\t"))
	}
	return bw.Flush()
}
