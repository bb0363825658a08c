package profile

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/ingest/text"
)

// goldenSentence is one annotated sentence of fixtures/claims (see its README).
type goldenSentence struct {
	ID     string        `yaml:"id"`
	Year   int           `yaml:"year"`
	Text   string        `yaml:"text"`
	Claims []goldenClaim `yaml:"claims"`
}

type goldenClaim struct {
	Kind     string  `yaml:"kind"`
	N        float64 `yaml:"n"`
	Category string  `yaml:"category"`
}

// goldenKind maps the annotation's kinds to the profile's claim ids. Kinds the profile does
// not read (rules issued, sub-rows) count against recall only.
var goldenKind = map[string]string{
	"applications_received":     "applications_received",
	"applications_with_carried": "applications_with_carried",
	"carried_over":              "carried_over_count",
	"answered":                  "answered_count",
	"carried_forward":           "carried_forward_count",
	"result":                    "result_count",
	"reconsideration":           "reconsideration_count",
	"litigation":                "litigation_count",
	"normative_docs_issued":     "normative_docs_issued",
	"applications_none":         "applications_none",
	"normative_docs_none":       "normative_docs_none",
	"reconsideration_none":      "reconsideration_none",
	"litigation_none":           "litigation_none",
	"fee_none":                  "fee_none",
	"fee_amount":                "fee_amount",
}

// grammarIDs are the claim ids compared with the annotation.
var grammarIDs = []string{"applications_received", "applications_with_carried", "carried_over_count", "answered_count",
	"carried_forward_count", "result_count", "reconsideration_count", "litigation_count", "normative_docs_issued",
	"applications_none", "normative_docs_none", "fee_none", "fee_amount"}

// sameCategory folds the ways reports name one result category.
var sameCategory = map[string]string{"同意公开": "予以公开", "全部公开": "予以公开", "予以公开和部分公开": "予以公开及部分公开", "予以公开或部分公开": "予以公开及部分公开", "区分处理后公开": "部分公开", "公开答复": "予以公开"}

func goldenKey(id string, n float64, category string) string {
	if c, ok := sameCategory[category]; ok {
		category = c
	}
	return fmt.Sprintf("%s:%v:%s", id, n, category)
}

func loadGolden(tb testing.TB) []goldenSentence {
	tb.Helper()
	files, _ := filepath.Glob("../../fixtures/claims/golden-*.yaml")
	if len(files) == 0 {
		tb.Fatal("no golden sentences in fixtures/claims")
	}
	var all []goldenSentence
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var ss []goldenSentence
		if err := yaml.Unmarshal(data, &ss); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		all = append(all, ss...)
	}
	return all
}

// TestGoldenClaims reads every real sentence of the golden set as the narrative of a report
// of its year and compares the claims with the hand annotation: a claim the annotation
// lacks is a failure (the extractor must never bind a number to the wrong quantity); the
// share of annotated claims found is reported.
func TestGoldenClaims(t *testing.T) {
	p := loadProfile(t)
	golden := loadGolden(t)
	var annotated, found, made, wrong int
	missed := map[string]int{}
	for _, g := range golden {
		year := g.Year
		if year == 0 {
			year = 2023
		}
		src := fmt.Sprintf("某某局%d年政府信息公开工作年度报告\n\n一、总体情况\n%s\n", year, g.Text)
		f := p.Apply(&document.Document{Path: g.ID + ".txt", Format: "text", Blocks: text.Blocks(src)})
		want := map[string]int{}
		for _, c := range g.Claims {
			id, ok := goldenKind[c.Kind]
			n := c.N
			if strings.HasSuffix(c.Kind, "_none") {
				n = 0
			}
			annotated++
			if !ok {
				missed[c.Kind]++
				continue
			}
			want[goldenKey(id, n, c.Category)]++
		}
		got := map[string]int{}
		for _, c := range f.Claims {
			if c.ID == "review_litigation_none" || c.ID == "litigation_none" {
				// A statement of no reconsideration (and, when it says so, no litigation), or
				// of no litigation alone.
				var keys []string
				if c.ID == "review_litigation_none" {
					keys = append(keys, goldenKey("reconsideration_none", 0, ""))
				}
				if c.ID == "litigation_none" || c.Fields["lit"] != nil {
					keys = append(keys, goldenKey("litigation_none", 0, ""))
				}
				made++
				for _, k := range keys {
					alt := strings.Replace(k, "_none:", "_count:", 1)
					switch {
					case want[k] > 0:
						want[k]--
						found++
					case want[alt] > 0:
						want[alt]--
						found++
					default:
						wrong++
						t.Errorf("%s: claim %s is not in the annotation\n  %s", g.ID, k, g.Text)
					}
				}
				continue
			}
			if !slices.Contains(grammarIDs, c.ID) {
				continue
			}
			if _, ok := c.Fields["scope"]; ok {
				continue // a count the text scopes to a part: rules only note it
			}
			var key string
			switch {
			case c.ID == "applications_none" || c.ID == "normative_docs_none" || c.ID == "fee_none":
				key = goldenKey(c.ID, 0, "")
			case c.Fields["n"] != nil && c.Fields["n"].Number:
				cat := ""
				if cf := c.Fields["category"]; cf != nil {
					cat = cf.Text
				}
				key = goldenKey(c.ID, c.Fields["n"].Value, cat)
			default:
				continue
			}
			made++
			got[key]++
		}
		for key, n := range got {
			// A written zero may be annotated as a nil statement and the other way round.
			alt := strings.Replace(key, "applications_received:0:", "applications_none:0:", 1)
			ok := min(n, want[key]+want[alt])
			found += ok
			if n > ok {
				wrong += n - ok
				t.Errorf("%s: claim %s is not in the annotation\n  %s", g.ID, key, g.Text)
			}
		}
		for key, n := range want {
			if got[key] < n {
				missed[strings.SplitN(key, ":", 2)[0]] += n - got[key]
				if testing.Verbose() && os.Getenv("GOLDEN_MISSES") != "" {
					t.Logf("%s: missed %s\n  %s", g.ID, key, g.Text)
				}
			}
		}
	}
	var ms []string
	for k, n := range missed {
		ms = append(ms, fmt.Sprintf("%s %d", k, n))
	}
	sort.Strings(ms)
	t.Logf("golden set: %d sentences, %d annotated claims; %d claims made, %d wrong; recall %.1f%% (%d found); missed: %s",
		len(golden), annotated, made, wrong, 100*float64(found)/float64(annotated), found, strings.Join(ms, ", "))
}
