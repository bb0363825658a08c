package celeval

import (
	"reflect"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"

	"github.com/reportlint/reportlint/engine/profile"
)

// fieldReader gives the environment direct readers of the facts' number, string and
// boolean fields (cell.value, row.id...): the generic native-type reader boxes each field
// it reads twice, once as a Go value and once as a CEL value; these make the CEL value
// straight away. Every other field is read as before.
func fieldReader() cel.EnvOption {
	return func(env *cel.Env) (*cel.Env, error) {
		p := &fieldProvider{Provider: env.CELTypeProvider(), structs: map[string]reflect.Type{}}
		p.collect(reflect.TypeOf(profile.Facts{}))
		return cel.CustomTypeProvider(p)(env)
	}
}

// fieldProvider is the environment's type provider with direct readers of scalar fields.
type fieldProvider struct {
	types.Provider
	// structs are the facts' struct types by their CEL name (profile.Cell).
	structs map[string]reflect.Type
}

// collect records t and the struct types its fields reach.
func (p *fieldProvider) collect(t reflect.Type) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.PkgPath() != reflect.TypeOf(profile.Facts{}).PkgPath() {
		return
	}
	name := "profile." + t.Name()
	if _, ok := p.structs[name]; ok {
		return
	}
	p.structs[name] = t
	for i := 0; i < t.NumField(); i++ {
		p.collect(t.Field(i).Type)
	}
}

// FindStructFieldType implements types.Provider.
func (p *fieldProvider) FindStructFieldType(structType, fieldName string) (*types.FieldType, bool) {
	ft, ok := p.Provider.FindStructFieldType(structType, fieldName)
	if !ok {
		return ft, ok
	}
	st, known := p.structs[structType]
	if !known {
		return ft, ok
	}
	idx, kind := -1, reflect.Invalid
	for i := 0; i < st.NumField(); i++ {
		f := st.Field(i)
		if f.IsExported() && jsonName(f) == fieldName {
			idx, kind = i, scalarKind(f.Type)
			break
		}
	}
	if idx < 0 || kind == reflect.Invalid {
		return ft, ok
	}
	generic := ft.GetFrom
	fast := *ft
	fast.GetFrom = func(obj any) (any, error) {
		v := reflect.ValueOf(obj)
		if v.Kind() == reflect.Pointer && !v.IsNil() {
			v = v.Elem()
		}
		if v.Type() != st {
			return generic(obj)
		}
		f := v.Field(idx)
		switch kind {
		case reflect.Float64:
			return types.Double(f.Float()), nil
		case reflect.String:
			return types.String(f.String()), nil
		case reflect.Bool:
			return types.Bool(f.Bool()), nil
		}
		return types.Int(f.Int()), nil
	}
	return &fast, true
}

// jsonName is the name a field goes by in rules: its json tag's, else its own.
func jsonName(f reflect.StructField) string {
	if tag, ok := f.Tag.Lookup("json"); ok {
		return strings.Split(tag, ",")[0]
	}
	return f.Name
}

// scalarKind is the kind of a field of exactly type float64, string, bool or int, which
// the generic reader turns into a double, a string, a bool or an int; Invalid otherwise.
func scalarKind(t reflect.Type) reflect.Kind {
	switch t {
	case reflect.TypeOf(float64(0)), reflect.TypeOf(""), reflect.TypeOf(false), reflect.TypeOf(0):
		return t.Kind()
	}
	return reflect.Invalid
}
