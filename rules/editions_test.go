package rules

import (
	"io/fs"
	"reflect"
	"testing"

	"github.com/reportlint/reportlint/engine/profile"
)

// Every bundled profile gives a document the same edition verdict: a profile that does not
// extend the shared one (govinfo-pre2019) repeats its edition markers exactly.
func TestEditionMarkersAgree(t *testing.T) {
	read := func(name string) *profile.Spec {
		b, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		s, err := profile.DecodeSpec(b)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	common := read("govinfo-common/profile.yaml")
	for _, name := range Names() {
		s := read(name + "/profile.yaml")
		if s.Extends != "" {
			continue
		}
		if !reflect.DeepEqual(s.Editions, common.Editions) || !reflect.DeepEqual(s.EditionPatterns, common.EditionPatterns) {
			t.Errorf("%s/profile.yaml: editions/edition_patterns differ from govinfo-common/profile.yaml", name)
		}
	}
}
