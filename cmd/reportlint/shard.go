package main

import (
	"context"
	"fmt"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/output"
)

// shardFlag checks --shard and the flags it cannot go with; nil when the run is whole.
func shardFlag(opts *LintOptions) (*lint.Shard, error) {
	if opts.ShardBy != lint.ShardByBody && opts.ShardBy != lint.ShardByFolder {
		return nil, usage(i18n.Errorf("--shard-by: want body or folder, not %q", opts.ShardBy))
	}
	if opts.Shard == "" {
		if opts.ShardBy != lint.ShardByBody {
			return nil, usage(i18n.Errorf("--shard-by goes with --shard K/N"))
		}
		return nil, nil
	}
	sh, err := lint.ParseShard(opts.Shard)
	if err != nil {
		return nil, usage(fmt.Errorf("--shard: %w", err))
	}
	switch {
	case opts.Aggregate != "":
		return nil, usage(i18n.Errorf("--shard and --aggregate do not go together: the aggregate report is checked against the sums of every other input, so lint it with its components in one run"))
	case opts.WriteBaseline != "":
		return nil, usage(i18n.Errorf("--shard and --write-baseline do not go together: write the baseline from the merged shards (reportlint merge --write-baseline FILE) or from one run"))
	}
	return &sh, nil
}

// shardPaths keeps the inputs of shard sh: every year of a body goes to the same shard
// (lint.Linter.ShardKeys, by body or by folder as --shard-by says), so cross-year pairing
// finds what one run over all inputs finds. It returns them with what the json format
// says of the shard.
func shardPaths(ctx context.Context, opts *LintOptions, l *lint.Linter, paths []string, sh lint.Shard) ([]string, *output.ShardInfo, error) {
	by := l.ShardBy(opts.ShardBy)
	keys, err := l.ShardKeys(ctx, paths, by)
	if err != nil {
		return nil, nil, err
	}
	positions := lint.Split(keys, sh)
	mine := make([]string, len(positions))
	for i, p := range positions {
		mine[i] = paths[p]
	}
	if !opts.Quiet {
		fmt.Fprint(opts.IO.ErrOut, i18n.Sprintf("分片 %s：检查 %d 个文档中的 %d 个\n", sh, len(paths), len(mine)))
	}
	return mine, &output.ShardInfo{K: sh.K, N: sh.N, By: by, Inputs: len(paths),
		Digest: lint.InputsDigest(paths), Positions: positions}, nil
}
