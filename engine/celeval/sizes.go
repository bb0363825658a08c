package celeval

import (
	"reflect"
	"unicode/utf8"

	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"
)

// factSizes tells, for one document, whether the facts behind each variable fit
// fastSizes: every list and map at most fastListSize entries, every string at most
// fastStringSize characters, however deep.
type factSizes struct {
	vars map[string]any
	fit  map[string]bool // by variable, once looked at
	// fields are, by struct type, the exported fields that can hold a string, a list or
	// a map.
	fields map[reflect.Type][]int
	seen   map[uintptr]bool
}

// within reports whether the facts behind every variable named fit.
func (f *factSizes) within(names []string) bool {
	for _, n := range names {
		ok, seen := f.fit[n]
		if !seen {
			f.seen = map[uintptr]bool{}
			ok = f.fitsValue(reflect.ValueOf(f.vars[n]))
			f.fit[n] = ok
		}
		if !ok {
			return false
		}
	}
	return true
}

// fitsValue walks a Go value as CEL sees it (exported fields, elements, keys and values).
func (f *factSizes) fitsValue(v reflect.Value) bool {
	seen := f.seen
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return true
		}
		seen[v.Pointer()] = true
		return f.fitsValue(v.Elem())
	case reflect.Interface:
		return v.IsNil() || f.fitsValue(v.Elem())
	case reflect.String:
		return fitsString(v.String())
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 { // bytes
			return v.Len() <= fastStringSize
		}
		if v.Len() > fastListSize {
			return false
		}
		for i := 0; i < v.Len(); i++ {
			if !f.fitsValue(v.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if v.Len() > fastListSize {
			return false
		}
		it := v.MapRange()
		for it.Next() {
			if !f.fitsValue(it.Key()) || !f.fitsValue(it.Value()) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for _, i := range f.structFields(v.Type()) {
			if !f.fitsValue(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return true
}

// structFields returns the exported fields of struct type t that can hold a string, a
// list or a map.
func (f *factSizes) structFields(t reflect.Type) []int {
	if idx, ok := f.fields[t]; ok {
		return idx
	}
	var idx []int
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		switch sf.Type.Kind() {
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
			reflect.Float32, reflect.Float64:
			continue
		}
		idx = append(idx, i)
	}
	if f.fields == nil {
		f.fields = map[reflect.Type][]int{}
	}
	f.fields[t] = idx
	return idx
}

func fitsString(s string) bool {
	return len(s) <= fastStringSize || utf8.RuneCountInString(s) <= fastStringSize
}

// fits reports whether a CEL value fits fastSizes. Facts (native values) are checked
// with the variables they come from (factSizes).
func fits(v ref.Val) bool {
	switch x := v.(type) {
	case types.String:
		return fitsString(string(x))
	case types.Bytes:
		return len(x) <= fastStringSize
	case traits.Mapper:
		if n, ok := x.Size().(types.Int); !ok || n > fastListSize {
			return false
		}
		for it := x.Iterator(); it.HasNext() == types.True; {
			k := it.Next()
			if !fits(k) || !fits(x.Get(k)) {
				return false
			}
		}
	case traits.Lister:
		if n, ok := x.Size().(types.Int); !ok || n > fastListSize {
			return false
		}
		for it := x.Iterator(); it.HasNext() == types.True; {
			if !fits(it.Next()) {
				return false
			}
		}
	}
	return true
}
