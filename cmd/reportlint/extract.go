package main

import (
	"context"
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/profile"
)

// ExtractOptions are the settings of `reportlint extract`.
type ExtractOptions struct {
	IO          *IOStreams
	Path        string
	InputFormat string
	Charset     string
	StdinName   string
	packFlags
}

// NewCmdExtract builds the extract command.
func NewCmdExtract(io *IOStreams, runF func(context.Context, *ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH",
		Short: "Print what the rules see of a document, as JSON",
		Long: `Print, as JSON, exactly what the rules see of one document: the document's blocks with
their source spans, the pack chosen for it, and the report facts (sections, tables cell by
cell, narrative claims), each with the place in the source it came from.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("extract needs exactly one PATH")
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
	cmd.Flags().StringVar(&opts.InputFormat, "input-format", "", "read the document as this format; default: detect")
	cmd.Flags().StringVar(&opts.Charset, "charset", "", "character encoding of a text-like document; default: detect")
	cmd.Flags().StringVar(&opts.StdinName, "stdin-filename", "", "the `NAME` a document read from standard input (PATH -) goes under; its extension helps detect the format")
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
	enc := json.NewEncoder(opts.IO.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(extraction{Document: d.Doc, Pack: d.Pack.Ref(), Facts: d.Facts})
}
