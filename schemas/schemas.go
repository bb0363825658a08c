// Package schemas holds reportlint's JSON Schemas: the rule input (input.schema.json), the
// document model (document.schema.json), the pack manifest (pack.schema.json), the JSON
// output (results.schema.json), and the official SARIF 2.1.0 schema the SARIF output is
// tested against.
package schemas

import _ "embed"

// Input is the JSON Schema of what rules see as input. Packs are type-checked against it.
//
//go:embed input.schema.json
var Input []byte

// Document is the JSON Schema of the document model importers produce.
//
//go:embed document.schema.json
var Document []byte

// Pack is the JSON Schema of a rule pack's manifest, pack.yaml.
//
//go:embed pack.schema.json
var Pack []byte

// Results is the JSON Schema of what lint --format json writes, with the members a shard
// (lint --shard K/N) adds for reportlint merge.
//
//go:embed results.schema.json
var Results []byte
