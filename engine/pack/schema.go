package pack

import (
	"encoding/json"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/profile"
	"github.com/reportlint/reportlint/schemas"
)

// inputSchema specialises the generic input schema to a pack's profile: input.tables gets
// exactly the profile's tables, each with exactly its rows, each with exactly its columns'
// cells. Rego's type checker then rejects, when the pack loads, a rule that names a table,
// row or column the profile does not define (input.tables.t3.rows.new_recieved).
func inputSchema(spec *profile.Spec) ([]byte, error) {
	var root map[string]any
	if err := json.Unmarshal(schemas.Input, &root); err != nil {
		return nil, i18n.Errorf("input schema: %w", err)
	}
	defs, _ := root["definitions"].(map[string]any)
	tableDef, _ := defs["table"].(map[string]any)
	rowDef, _ := defs["row"].(map[string]any)
	props, _ := root["properties"].(map[string]any)
	if tableDef == nil || rowDef == nil || props == nil {
		return nil, i18n.Errorf("input schema: no table or row definition")
	}
	tables := map[string]any{}
	var ids []string
	for _, t := range spec.Tables {
		cells := map[string]any{}
		for _, c := range t.Columns {
			cells[c.ID] = map[string]any{"$ref": "#/definitions/cell"}
		}
		rows := map[string]any{}
		var rowIDs []string
		for _, r := range t.Rows {
			row := with(rowDef, "cells", closed(cells, nil))
			rows[r.ID] = row
			rowIDs = append(rowIDs, r.ID)
		}
		tables[t.ID] = with(tableDef, "rows", closed(rows, rowIDs))
		ids = append(ids, t.ID)
	}
	props["tables"] = closed(tables, ids)
	return json.Marshal(root)
}

// closed is an object schema with exactly these properties, the listed ones required.
func closed(props map[string]any, required []string) map[string]any {
	out := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

// with returns a copy of the object schema def whose property name is replaced by s.
func with(def map[string]any, name string, s any) map[string]any {
	out := map[string]any{}
	for k, v := range def {
		out[k] = v
	}
	props := map[string]any{}
	for k, v := range def["properties"].(map[string]any) {
		props[k] = v
	}
	props[name] = s
	out["properties"] = props
	return out
}
