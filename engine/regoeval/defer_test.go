package regoeval

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/profile"
)

// A deferred set reads the rule descriptors from the modules' heads (OPA puts a package
// annotation above the package clause), and parses a module whole when its head has none;
// it finds what an eager set finds, refuses at load what an eager set refuses for its
// descriptor, and reports a module that does not compile on its first evaluation.
func TestDeferredLoad(t *testing.T) {
	lib := `package reportlint.lib.x

answer := 42
`
	files := []File{{Name: "rego/sec.rego", Data: []byte(okRule)}, {Name: "rego/lib.rego", Data: []byte(lib)}}
	eager, err := Load(context.Background(), files, "p@1.0.0", Options{})
	if err != nil {
		t.Fatal(err)
	}
	deferred, err := Load(context.Background(), files, "p@1.0.0", Options{Defer: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(deferred.Rules(), eager.Rules()) {
		t.Fatalf("deferred rules %+v, eager %+v", deferred.Rules(), eager.Rules())
	}
	f := &profile.Facts{Report: profile.Report{Year: 2023}, Sections: []*profile.Section{{Ref: "s1", ID: "s1", Title: "总体情况"}}, Tables: map[string]*profile.Table{}}
	want, err := eager.Eval(context.Background(), Input(f))
	if err != nil {
		t.Fatal(err)
	}
	got, err := deferred.Eval(context.Background(), Input(f))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !reflect.DeepEqual(got, want) {
		t.Fatalf("deferred found %+v, eager %+v", got, want)
	}

	bare := []File{{Name: "rego/bare.rego", Data: []byte("package reportlint.rules.bare\n\nreport contains {\"msg\": \"m\", \"at\": \"doc\"} if false\n")}}
	_, eerr := Load(context.Background(), bare, "p@1.0.0", Options{})
	_, derr := Load(context.Background(), bare, "p@1.0.0", Options{Defer: true})
	if eerr == nil || derr == nil || eerr.Error() != derr.Error() {
		t.Fatalf("a rule without a package annotation: eager %v, deferred %v", eerr, derr)
	}

	broken := strings.Replace(okRule, "not s.found", "not s.found\n\tundefined_fn(s)", 1)
	if _, err := Load(context.Background(), []File{{Name: "rego/sec.rego", Data: []byte(broken)}}, "p@1.0.0", Options{}); err == nil {
		t.Fatal("eager load of a module that does not compile succeeded")
	}
	set, err := Load(context.Background(), []File{{Name: "rego/sec.rego", Data: []byte(broken)}}, "p@1.0.0", Options{Defer: true})
	if err != nil {
		t.Fatalf("deferred load: %v", err)
	}
	if _, err := set.Eval(context.Background(), Input(f)); err == nil || !strings.Contains(err.Error(), "sec.rego") {
		t.Fatalf("first evaluation of a module that does not compile: %v", err)
	}
}
