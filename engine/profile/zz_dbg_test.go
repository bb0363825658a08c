package profile

import (
	"regexp/syntax"
	"testing"
)

func dump(re *syntax.Regexp, ind string, t *testing.T) {
	t.Logf("%s%v %q min=%d max=%d exact=%q contain=%q", ind, re.Op, string(re.Rune), re.Min, re.Max, exactSet(re), mustContain(re))
	for _, s := range re.Sub {
		dump(s, ind+"  ", t)
	}
}

func TestZZDbg(t *testing.T) {
	re, _ := syntax.Parse(`信息(?:公开)?处理费|(?:未|没有)(?:发生|产生|收取)(?:政府信息公开)?(?:的)?收费`, syntax.Perl)
	dump(re.Simplify(), "", t)
}
