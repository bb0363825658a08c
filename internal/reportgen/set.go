package reportgen

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Item names one document of a generated set: a report (its seed), and the defect
// injected into it, if any. Build turns it back into the report, so a manifest is enough
// to know exactly what every file holds.
type Item struct {
	// Index is the report's number in the set; Seed the seed it was generated from.
	Index int    `json:"report"`
	Seed  uint64 `json:"seed"`
	// DefectKind and DefectSeed name the injected defect ("" for a clean report).
	DefectKind string `json:"defect_kind,omitempty"`
	DefectSeed uint64 `json:"defect_seed,omitempty"`
}

// Name is the item's file name without extension: r0007, or r0007-t3-row-sum.
func (it Item) Name() string {
	if it.DefectKind == "" {
		return fmt.Sprintf("r%04d", it.Index)
	}
	return fmt.Sprintf("r%04d-%s", it.Index, it.DefectKind)
}

// Build generates the item's report and injects its defect.
func (it Item) Build() (*Report, *Defect, error) {
	r := Generate(it.Seed)
	if it.DefectKind == "" {
		return r, nil, nil
	}
	return Inject(r, it.DefectKind, it.DefectSeed)
}

// File is one file of a generated set, as the manifest lists it.
type File struct {
	// Path is relative to the manifest's folder.
	Path    string  `json:"path"`
	Carrier Carrier `json:"carrier"`
	Item
	Year    int     `json:"year"`
	Edition Edition `json:"edition"`
	Body    string  `json:"body"`
	Kind    Kind    `json:"kind"`
	// Layout summarises the style the report is written in.
	Layout string  `json:"layout"`
	Defect *Defect `json:"defect,omitempty"`
}

// Manifest lists a generated set: every file, with the seed, edition and carrier it was
// written from and, for injected copies, the defect and the rules expected to fire.
type Manifest struct {
	Seed     uint64    `json:"seed"`
	Reports  int       `json:"reports"`
	Carriers []Carrier `json:"carriers"`
	Files    []File    `json:"files"`
}

// ReportSeed is the seed of report i of a set generated from seed (splitmix64).
func ReportSeed(seed uint64, i int) uint64 {
	z := seed + uint64(i+1)*0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Items lists a set: n clean reports (no two of one body for the same or adjacent years,
// see distinctReport) and, when perReport > 0, that many defective copies
// of each, the kinds injected least so far first, so that every kind is injected about
// equally often (kinds that do not apply to a report are skipped for it). Naming kinds
// restricts the defects to those.
func Items(seed uint64, n, perReport int, only ...string) []Item {
	var kinds []DefectKind
	for _, k := range DefectKinds() {
		if len(only) == 0 || slices.Contains(only, k.Name) {
			kinds = append(kinds, k)
		}
	}
	used := make([]int, len(kinds))
	years := map[string][]int{} // the years drawn so far for each body
	var out []Item
	for i := range n {
		s, r := distinctReport(seed, i, years)
		out = append(out, Item{Index: i, Seed: s})
		if perReport <= 0 {
			continue
		}
		order := make([]int, len(kinds))
		for j := range order {
			order[j] = (j + i) % len(kinds)
		}
		slices.SortStableFunc(order, func(a, b int) int { return used[a] - used[b] })
		added := 0
		for _, j := range order {
			if added == perReport {
				break
			}
			it := Item{Index: i, Seed: s, DefectKind: kinds[j].Name, DefectSeed: ReportSeed(s, j)}
			if _, _, err := Inject(r, it.DefectKind, it.DefectSeed); err != nil {
				continue
			}
			out = append(out, it)
			used[j]++
			added++
		}
	}
	return out
}

// maxRedraws bounds the draws for one report of a set that keep meeting a body already
// drawn for the same or an adjacent year.
const maxRedraws = 64

// distinctReport draws report i of a set: from ReportSeed(seed, i), or, when that report's
// body already has a report in the set for the same year or the year next to it, from the
// next seed derived from it, until the body and year are free. Two unrelated reports of one
// body for consecutive years would be paired by the linter as a report and its
// predecessor (reportlint lint --pair) and judged by the cross-year rules, which compare
// numbers nobody made consistent; two for the same year would be one report twice.
func distinctReport(seed uint64, i int, years map[string][]int) (uint64, *Report) {
	s := ReportSeed(seed, i)
	r := Generate(s)
	for k := 1; k <= maxRedraws && adjacentYear(years[r.Body.Name], r.Year); k++ {
		s = ReportSeed(s, k)
		r = Generate(s)
	}
	years[r.Body.Name] = append(years[r.Body.Name], r.Year)
	return s, r
}

// adjacentYear reports whether year is one of years or next to one.
func adjacentYear(years []int, year int) bool {
	for _, y := range years {
		if y >= year-1 && y <= year+1 {
			return true
		}
	}
	return false
}

// Layout summarises a report's style for the manifest.
func (r *Report) Layout() string {
	st := r.Style
	s := fmt.Sprintf("txt=%s md=%s html=%d sub=%s", st.TXT, st.MD, st.HTMLPage, st.SubParts)
	for _, f := range []struct {
		on   bool
		name string
	}{{st.Chinese, "chinese"}, {st.SpaceDigits, "spaced"}, {st.SubtotalCol, "subtotal"}, {st.T2Split, "t2split"},
		{st.HeaderWrap, "wrap"}, {st.ASCIIBrackets, "ascii"}, {st.StraightQuotes, "quotes"}, {st.TXTHeader, "scraped"}} {
		if f.on {
			s += " " + f.name
		}
	}
	return s
}

// WriteSet writes every item into dir in the direct carriers that the carriers asked
// for need, and returns the manifest. Defective copies are written in defectCarriers
// (nil: the same carriers). PDF carriers are made afterwards by MakePDFs from the HTML
// and DOCX files, which are written when a PDF carrier needs them.
func WriteSet(dir string, seed uint64, items []Item, carriers, defectCarriers []Carrier) (*Manifest, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if defectCarriers == nil {
		defectCarriers = carriers
	}
	m := &Manifest{Seed: seed}
	for _, c := range append(slices.Clone(carriers), defectCarriers...) {
		if !slices.Contains(m.Carriers, c) {
			m.Carriers = append(m.Carriers, c)
		}
	}
	for _, it := range items {
		carriers := carriers
		if it.DefectKind == "" {
			m.Reports++
		} else {
			carriers = defectCarriers
		}
		need := map[Carrier]bool{}
		for _, c := range carriers {
			need[c.Source()] = true
		}
		r, def, err := it.Build()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.Name(), err)
		}
		for _, c := range DirectCarriers() {
			if !need[c] {
				continue
			}
			data, err := Render(r, c)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", it.Name(), err)
			}
			if err := os.WriteFile(filepath.Join(dir, it.Name()+c.Ext()), data, 0o644); err != nil {
				return nil, err
			}
		}
		for _, c := range carriers {
			m.Files = append(m.Files, File{
				Path: it.Name() + c.Ext(), Carrier: c, Item: it, Year: r.Year, Edition: r.Edition,
				Body: r.Body.Name, Kind: r.Body.Kind, Layout: r.Layout(), Defect: def,
			})
		}
	}
	return m, nil
}

// WriteManifest writes manifest.json into dir.
func WriteManifest(dir string, m *Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "manifest.json"), append(data, '\n'), 0o644)
}

// ReadManifest reads dir/manifest.json.
func ReadManifest(dir string) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s/manifest.json: %w", dir, err)
	}
	return &m, nil
}
