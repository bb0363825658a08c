package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// keyFuncs are the functions whose first argument is a message key.
var keyFuncs = map[string]bool{"T": true, "Sprintf": true, "Errorf": true, "NewError": true, "Fprintf": false}

// usedKeys are the literal message keys the program's Go code passes to the package, with
// where each is.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	root := filepath.Join("..", "..")
	keys := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (strings.HasPrefix(name, ".") || name == "bin" || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		inPackage := f.Name.Name == "i18n"
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			var name string
			arg := call.Args[0]
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "i18n" {
					name = fn.Sel.Name
				}
			case *ast.Ident:
				if inPackage {
					name = fn.Name
				}
			}
			if name == "In" && len(call.Args) == 2 {
				name, arg = "T", call.Args[1]
			}
			if name == "C" && len(call.Args) == 2 {
				ctx, ok1 := literal(call.Args[0])
				key, ok2 := literal(call.Args[1])
				if ok1 && ok2 {
					keys[ctx+contextSep+key] = fset.Position(call.Pos()).String()
				}
				return true
			}
			if !keyFuncs[name] {
				return true
			}
			if s, ok := literal(arg); ok {
				keys[s] = fset.Position(call.Pos()).String()
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) == 0 {
		t.Fatalf("found %d message keys in the code: the walk is broken", len(keys))
	}
	return keys
}

// literal is the string a constant expression of string literals spells.
func literal(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(x.X)
		b, ok2 := literal(x.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(x.X)
	}
	return "", false
}

func TestCatalogueCoversTheCode(t *testing.T) {
	all, err := Entries()
	if err != nil {
		t.Fatal(err)
	}
	keys := usedKeys(t)
	for k, at := range keys {
		if _, ok := lookup(k); !ok {
			t.Errorf("%s: message has no catalogue entry: %q", at, k)
		}
	}
	for _, e := range all {
		if e.Dynamic {
			continue
		}
		prefix := ""
		if e.Context != "" {
			prefix = e.Context + contextSep
		}
		_, zh := keys[prefix+e.Zh]
		_, en := keys[prefix+e.En]
		_, one := keys[prefix+e.EnOne]
		if !zh && !en && !one {
			t.Errorf("%s: entry is not used by the code (mark it dynamic: true if it is passed as a value): %q", e.File, e.Zh)
		}
	}
}

var verb = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[a-zA-Z%]`)

func verbs(s string) []string {
	vs := verb.FindAllString(s, -1)
	out := vs[:0]
	for _, v := range vs {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

func TestCatalogueEntriesAreComplete(t *testing.T) {
	all, err := Entries()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, e := range all {
		where := e.File + ": " + strconv.Quote(cmpOr(e.Zh, e.En))
		if e.Zh == "" || e.En == "" {
			t.Errorf("%s: both zh and en are required", where)
			continue
		}
		for _, k := range []string{e.Zh, e.En, e.EnOne} {
			if k == "" {
				continue
			}
			if e.Context != "" {
				k = e.Context + contextSep + k
			}
			if prev, dup := seen[k]; dup {
				t.Errorf("%s: %q is also a message of %s", where, k, prev)
			}
			seen[k] = e.File
		}
		if h := UnquotedChinese(e.En); h != "" {
			t.Errorf("%s: English text has Chinese outside quotes: %q", where, h)
		}
		if h := UnquotedChinese(e.EnOne); h != "" {
			t.Errorf("%s: English singular has Chinese outside quotes: %q", where, h)
		}
		zv, ev := verbs(e.Zh), verbs(e.En)
		if !sameVerbs(zv, ev) {
			t.Errorf("%s: verbs differ: zh %v, en %v", where, zv, ev)
		}
		if e.EnOne != "" && !sameVerbs(zv, verbs(e.EnOne)) {
			t.Errorf("%s: verbs differ: zh %v, en_one %v", where, zv, verbs(e.EnOne))
		}
	}
}

// sameVerbs: the same verbs in the same order, or, when either text numbers its
// arguments, the same verbs in some order.
func sameVerbs(a, b []string) bool {
	if slices.Equal(a, b) {
		return true
	}
	if !strings.Contains(strings.Join(a, "")+strings.Join(b, ""), "[") {
		return false
	}
	norm := func(vs []string) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			if j := strings.Index(v, "]"); j >= 0 {
				v = "%" + v[j+1:]
			}
			out[i] = v
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(norm(a), norm(b))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"zh": Zh, "en": En, "zh_CN.UTF-8": Zh, "en_US.UTF-8": En, "en-GB": En, "zh-Hant-TW": Zh, "zh-Hans": Zh, "EN": En} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"fr", "C", "POSIX", "", "klingon"} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q): no error", in)
		}
	}
}

func TestFromEnvironment(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env  map[string]string
		want Lang
		ok   bool
	}{
		{map[string]string{"LANG": "en_US.UTF-8"}, En, true},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, Zh, true},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB"}, En, true},
		{map[string]string{"LANG": "C.UTF-8"}, Zh, false},
		{map[string]string{}, Zh, false},
	}
	for _, c := range cases {
		got, ok := FromEnvironment(env(c.env))
		if got != c.want || ok != c.ok {
			t.Errorf("FromEnvironment(%v) = %v, %v; want %v, %v", c.env, got, ok, c.want, c.ok)
		}
	}
}

func TestMessagesFollowTheLanguage(t *testing.T) {
	defer Set(Current())
	Set(En)
	err := Errorf("unknown language %q (available: zh, en)", "fr")
	if err.Error() != `unknown language "fr" (available: zh, en)` {
		t.Errorf("en: %q", err)
	}
	Set(Zh)
	if got := Errorf("unknown language %q (available: zh, en)", "fr").Error(); got != `未知的语言 "fr"（可用：zh、en）` {
		t.Errorf("zh: %q", got)
	}
	if got := T("no such message"); got != "no such message" {
		t.Errorf("a message without an entry is itself: %q", got)
	}
	sentinel := NewError("unknown language %q (available: zh, en)")
	if !strings.HasPrefix(sentinel.Error(), "未知的语言") {
		t.Errorf("zh sentinel: %q", sentinel)
	}
	Set(En)
	if !strings.HasPrefix(sentinel.Error(), "unknown language") {
		t.Errorf("en sentinel: %q", sentinel)
	}
}

// The same words translate by their context: a column of one document each, a section
// listing them.
func TestContexts(t *testing.T) {
	defer Set(Current())
	Set(En)
	if got, heading := C("column", "文档"), T("文档"); got != "Document" || heading != "Documents" {
		t.Errorf("en: column %q, heading %q", got, heading)
	}
	if got := C("no such context", "文档"); got != "文档" {
		t.Errorf("unknown context: %q", got)
	}
	Set(Zh)
	if got := C("column", "文档"); got != "文档" {
		t.Errorf("zh: %q", got)
	}
}
