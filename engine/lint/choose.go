package lint

import (
	"context"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/pack"
	"github.com/reportlint/reportlint/engine/profile"
)

// minTableNumbers is how many numbers a pack's tables must hold in a document for the pack
// to count as able to read them: a table label met in the narrative is not a table.
const minTableNumbers = 3

// choose picks the pack for doc and returns it with the facts its profile reads:
//
//  1. the pack forced with --pack;
//  2. the pack made for the document's edition (its format, recognised from its tables and
//     structure) whose years cover the report year;
//  3. the pack for the report year, whose format rule then reports the other edition;
//     unless the document's edition has a pack of its own and the year's pack reads none
//     of its tables in the document (a report in the format before 2019 dated 2020): the
//     year's table checks would then only report that its tables are missing, and the
//     edition's pack says which format the document is in;
//  4. the pack made for the document's edition, whatever the year;
//  5. the newest pack.
//
// A document in a format none of the packs is made for ("unknown", or markers of several
// editions) goes by its year, and the format rule of that pack reports it.
//
// It stops with ctx's error once ctx is done.
func (l *Linter) choose(ctx context.Context, doc *document.Document) (*pack.Pack, *profile.Facts, error) {
	if l.Force != nil {
		f, err := l.Force.Profile.ApplyContext(ctx, doc)
		return l.Force, f, err
	}
	first := l.Packs[0]
	facts, err := first.Profile.ApplyContext(ctx, doc)
	if err != nil {
		return nil, nil, err
	}
	year, ed := facts.Report.Year, facts.Edition.Detected
	pick := func(ok func(*pack.Pack) bool) *pack.Pack {
		for _, p := range l.Packs {
			if ok(p) {
				return p
			}
		}
		return nil
	}
	own := pick(func(p *pack.Pack) bool { return p.Edition == ed })
	p := pick(func(p *pack.Pack) bool { return p.Edition == ed && p.AppliesTo(year) })
	if p == nil && year != 0 {
		if yp := pick(func(p *pack.Pack) bool { return p.AppliesTo(year) }); yp != nil {
			p = yp
			if own != nil {
				yf := facts
				if yp != first {
					if yf, err = yp.Profile.ApplyContext(ctx, doc); err != nil {
						return nil, nil, err
					}
				}
				if !readsTables(yf) {
					p = own
				} else if yp != first {
					return yp, yf, nil
				}
			}
		}
	}
	if p == nil {
		p = own
	}
	if p == nil {
		p = first
	}
	if p != first {
		if facts, err = p.Profile.ApplyContext(ctx, doc); err != nil {
			return nil, nil, err
		}
	}
	return p, facts, nil
}

// readsTables reports whether the facts hold a table of the profile with numbers in it.
func readsTables(f *profile.Facts) bool {
	for _, t := range f.Tables {
		if t.Found && !t.Garbled && t.Numbers >= minTableNumbers {
			return true
		}
	}
	return false
}
