package reportgen

import "math/rand/v2"

// Style is how one report is written, drawn at random per report: the same choices apply
// to every carrier the report is written in, except the carrier-specific ones, which only
// that carrier reads.
type Style struct {
	// Chinese writes small counts in Chinese numerals (十八件) in the narrative.
	Chinese bool
	// SpaceDigits puts spaces between digits and Chinese text (18 件, 2023 年), as text
	// exported from PDF often has.
	SpaceDigits bool
	// PctDecimals is the number of decimals of percentages (0, 1 or 2).
	PctDecimals int
	// HeadingSep separates a section numeral from its title (、 or ．).
	HeadingSep string
	// SubParts is how section 一's five sub-parts are written: "heading" (a line of their
	// own), "inline" (（一）主动公开方面。text…) or "ordinal" (一是……).
	SubParts string
	// PlusSign writes positive 本年增/减 values with a plus sign (+3).
	PlusSign bool

	// Table labels.
	// ASCIIBrackets writes （一） as (一) in table labels and captions.
	ASCIIBrackets bool
	// StraightQuotes writes 危及"三安全一稳定" with straight quotes.
	StraightQuotes bool
	// DotSpace writes 1. 属于国家秘密 with a space after the dot.
	DotSpace bool
	// CaptionSpace writes 第二十条 第（一）项 with a space.
	CaptionSpace bool
	// SubtotalCol adds the 法人或其他组织 subtotal column to table 3 (a variant some
	// reports use; the profile reads the table without it).
	SubtotalCol bool
	// BareNote writes table 3's 勾稽 note without its brackets.
	BareNote bool
	// T2Split writes each block of table 2 as a table of its own (else one table).
	T2Split bool
	// HeaderWrap breaks the short header labels of tables 3 and 4 over two lines (商业
	// 企业, 结果 维持), as narrow columns do.
	HeaderWrap bool

	// TXT is the layout of tables in text: lines, aligned, tabs, pipes or pdf.
	TXT string
	// TXTWrap wraps paragraphs at this many characters (0: one paragraph per line).
	TXTWrap int
	// TXTHeader starts the text with a scraped page's header (标题:, 发布时间:).
	TXTHeader bool
	// TXTPageNumbers puts page numbers (- 3 -) between lines, as PDF exports do.
	TXTPageNumbers bool

	// MD is the layout of tables in Markdown: pipe-empty (merged cells left empty),
	// pipe-repeat (merged cells repeated) or html (HTML tables inside the Markdown).
	MD string
	// MDHeadings writes section headings as Markdown headings (##).
	MDHeadings bool

	// HTMLPage is the portal template (0 … 2); HTMLHeadings writes section headings as
	// <h3> (else <p><strong>); HTMLCellP wraps cell text in <p>; HTMLRelated adds a list of
	// related reports after the article.
	HTMLPage     int
	HTMLHeadings bool
	HTMLCellP    bool
	HTMLRelated  bool

	// DOCXHeadings uses Word heading styles for section headings (else bold paragraphs).
	DOCXHeadings bool
}

func pick[T any](rng *rand.Rand, xs ...T) T { return xs[rng.IntN(len(xs))] }

func chance(rng *rand.Rand, p float64) bool { return rng.Float64() < p }

func drawStyle(rng *rand.Rand) Style {
	s := Style{
		Chinese:        chance(rng, 0.12),
		SpaceDigits:    chance(rng, 0.25),
		PctDecimals:    pick(rng, 0, 1, 2, 2),
		HeadingSep:     pick(rng, "、", "、", "、", "、", "．"),
		SubParts:       pick(rng, "heading", "heading", "inline", "inline", "ordinal"),
		PlusSign:       chance(rng, 0.2),
		ASCIIBrackets:  chance(rng, 0.25),
		StraightQuotes: chance(rng, 0.2),
		DotSpace:       chance(rng, 0.15),
		CaptionSpace:   chance(rng, 0.15),
		SubtotalCol:    chance(rng, 0.1),
		T2Split:        chance(rng, 0.4),
		BareNote:       chance(rng, 0.1),
		HeaderWrap:     chance(rng, 0.4),
		TXT:            pick(rng, "lines", "lines", "aligned", "tabs", "pipes", "pdf", "pdf"),
		TXTHeader:      chance(rng, 0.2),
		MD:             pick(rng, "pipe-empty", "pipe-repeat", "html"),
		MDHeadings:     chance(rng, 0.6),
		HTMLPage:       rng.IntN(3),
		HTMLHeadings:   chance(rng, 0.4),
		HTMLCellP:      chance(rng, 0.5),
		HTMLRelated:    chance(rng, 0.3),
		DOCXHeadings:   chance(rng, 0.5),
	}
	if s.TXT == "pdf" {
		s.TXTWrap = 36 + rng.IntN(8)
		s.TXTPageNumbers = chance(rng, 0.5)
	} else if chance(rng, 0.2) {
		s.TXTWrap = 40 + rng.IntN(20)
	}
	return s
}
