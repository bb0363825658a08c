package output

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/reportlint/reportlint/engine/finding"
)

// csvReporter writes one row per document (documentHeader), as UTF-8 with a byte-order
// mark so that Excel reads the Chinese right. Rows stream as documents arrive.
type csvReporter struct {
	w   *csv.Writer
	out io.Writer
	ids []string
}

func (c *csvReporter) Begin(rules []finding.Rule) error {
	if _, err := io.WriteString(c.out, "\ufeff"); err != nil {
		return err
	}
	c.w = csv.NewWriter(c.out)
	c.w.UseCRLF = true
	c.ids = ruleIDs(rules)
	return c.row(toAny(documentHeader(c.ids)))
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func (c *csvReporter) row(vals []any) error {
	rec := make([]string, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case int:
			rec[i] = strconv.Itoa(x)
		case string:
			rec[i] = cellText(x)
		}
	}
	if err := c.w.Write(rec); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

func (c *csvReporter) Result(r finding.Result) error { return c.row(documentRow(r, c.ids)) }

func (c *csvReporter) End(Summary) error {
	c.w.Flush()
	return c.w.Error()
}
