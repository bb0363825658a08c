package reportgen

import (
	"fmt"
	"math/rand/v2"
)

// newRand returns the generator's random source for a seed: PCG, so that a seed gives the
// same report on every platform and Go version that keeps math/rand/v2's PCG.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// Generate draws one clean report from seed: the body, the year (2019–2025) and its
// edition, consistent tables, the narrative and the style it is written in. The same seed
// always gives the same report.
func Generate(seed uint64) *Report {
	rng := newRand(seed)
	year := 2019 + rng.IntN(7)
	r := &Report{
		Seed:     seed,
		Year:     year,
		Edition:  EditionFor(year),
		Body:     drawBody(rng),
		Values:   map[CellKey]float64{},
		Decimals: map[CellKey]int{},
		Written:  map[CellKey]string{},
	}
	r.Style = drawStyle(rng)
	scale := drawScale(rng, r.Body)
	fillTable2(rng, r, scale)
	fillTable3(rng, r, scale)
	fillTable4(rng, r, scale)
	drawFacts(rng, r, scale)
	r.Title = drawTitle(rng, r)
	r.Published = drawPublished(rng, r)
	w := writer{r: r, rng: rng}
	w.write()
	return r
}

func drawTitle(rng *rand.Rand, r *Report) string {
	switch rng.IntN(8) {
	case 0:
		return fmt.Sprintf("%s%d年度政府信息公开工作年度报告", r.Body.Name, r.Year)
	case 1:
		return fmt.Sprintf("%d年%s政府信息公开工作年度报告", r.Year, r.Body.Name)
	case 2:
		return fmt.Sprintf("%s%d年政府信息公开年度报告", r.Body.Name, r.Year)
	default:
		return fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Body.Name, r.Year)
	}
}

// drawPublished draws a publication date within the statutory deadline: 31 January for
// departments, 31 March for governments (条例 art. 49).
func drawPublished(rng *rand.Rand, r *Report) string {
	month, day := 1, 5+rng.IntN(26)
	if r.Body.Kind != KindDepartment {
		month = 1 + rng.IntN(3)
		day = 1 + rng.IntN(28)
		if month == 1 {
			day = 10 + rng.IntN(21)
		}
	}
	return fmt.Sprintf("%d-%02d-%02d", r.Year+1, month, day)
}
