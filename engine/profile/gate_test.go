package profile

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/text"
)

func TestRequiredLiterals(t *testing.T) {
	tests := map[string][]string{
		`行政复议(?:案件)?(?P<n>[0-9]+)件`:     {"行政复议"},
		`(?:未|没有)(?:收到|受理)申请`:           {"收到", "受理"},
		`(?:新收|收到)申请|申请(?:数量)?为0`:       {"新收", "收到", "申请"},
		`(?:政府)?(?:信息公开|政务公开)(?:报告|年报)`: {"信息公开", "政务公开"},
		`[0-9]+万条`:  {"万条"},
		`(?:予以)?公开`: {"公开"},
		`a?`:        nil,
		`[0-9]+年`:   nil, // one character: not worth it
	}
	for p, want := range tests {
		if got := requiredLiterals(p); !slices.Equal(got, want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestWindows(t *testing.T) {
	s := "甲乙丙。丁戊己。甲庚辛。"
	b := sentenceBounds(s)
	got := windows(s, nil, b, 0, len(s), []string{"甲"})
	if len(got) != 2 || s[got[0][0]:got[0][1]] != "甲乙丙。" || s[got[1][0]:got[1][1]] != "甲庚辛。" {
		t.Fatalf("windows = %v", got)
	}
	if all := windows(s, nil, b, 3, 12, nil); len(all) != 1 || all[0] != [2]int{3, 12} {
		t.Fatalf("no literals: %v", all)
	}
}

// The literals of every bundled pattern never hide a match: on every sentence of the
// fixtures' and the corpus's text reports, a pattern that matches the sentence finds one
// of its literals in it.
func TestRequiredLiteralsHideNoMatch(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*.txt")
	more, _ := filepath.Glob("../../fixtures/corpus/real/*.txt")
	files = append(files, more...)
	if len(files) < 5 {
		t.Fatalf("%d documents", len(files))
	}
	for _, pack := range []string{"govinfo-2019", "govinfo-2021", "govinfo-pre2019"} {
		p := loadPackProfile(t, pack)
		res := append(slices.Clone(p.claimRE), p.sectionRE...)
		lits := append(slices.Clone(p.claimLits), p.sectionLits...)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := newStream(&document.Document{Blocks: text.Blocks(string(b))})
			start := 0
			for _, end := range sentenceBounds(s.foldedStr) {
				sentence := s.foldedStr[start:end]
				start = end
				for i, re := range res {
					if lits[i] == nil || !re.MatchString(sentence) {
						continue
					}
					if !slices.ContainsFunc(lits[i], func(l string) bool { return strings.Contains(sentence, l) }) {
						t.Errorf("%s, %s: %s matches %q, which holds none of %q", pack, f, re, sentence, lits[i])
					}
				}
			}
		}
	}
}
