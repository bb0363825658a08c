// Package charset decodes the bytes of text-like documents (plain text, Markdown, HTML) to
// UTF-8: byte-order marks, UTF-8, UTF-16 and the Chinese GB18030/GBK/GB2312 family, which
// many government portals still serve.
package charset

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
)

// Names returned by Decode.
const (
	UTF8    = "utf-8"
	UTF8BOM = "utf-8-bom"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
)

// ErrBinary is returned for bytes that are not text in any encoding reportlint reads.
var ErrBinary = i18n.NewError("不是文本文件：内容既不是 UTF-8、UTF-16 编码的文字，也不是 GB18030 编码的文字")

// Decode returns data as a UTF-8 string and the name of the encoding it was read from.
//
// The order is: a byte-order mark wins; then hint (a charset label from an HTML meta tag or
// the user), when it names an encoding reportlint knows; then valid UTF-8; then GB18030,
// a superset of GBK and GB2312. Data with NUL bytes and no UTF-16 BOM, or GB18030 text with
// many undecodable sequences, is rejected as binary.
func Decode(data []byte, hint string) (string, string, error) {
	s, enc, _, err := DecodeRepaired(data, hint)
	return s, enc, err
}

// Repair says where UTF-8 text held bytes that are not UTF-8 and were read as U+FFFD:
// a stray byte (a truncated copy, a bad conversion) in an otherwise UTF-8 report.
type Repair struct {
	// Count is the number of invalid sequences replaced.
	Count int
	// Line and Col (code points, from 1) are where the first one is in the decoded text,
	// lines ending at LF, CRLF or a lone CR.
	Line, Col int
}

// Note is the importer's note for the repair, in the language of the run.
func (r *Repair) Note() document.Note {
	at := document.Pos{Line: r.Line, Col: r.Col}
	end := at
	end.Col++
	return document.Note{
		Message: i18n.Sprintf("文件是 UTF-8 编码，但有 %d 处字节不是有效的 UTF-8（第一处在第 %d 行第 %d 列），已按替换字符 U+FFFD 读取：这些位置的文字无法核对", r.Count, r.Line, r.Col),
		Span:    document.Span{Start: at, End: end},
	}
}

// DecodeRepaired is Decode that also reads UTF-8 text with a few invalid bytes, replacing
// each invalid sequence with U+FFFD and saying where in the Repair (nil when nothing was
// replaced), instead of taking the file for GB18030 or for binary data.
func DecodeRepaired(data []byte, hint string) (string, string, *Repair, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) && mostlyUTF8(data[3:]) {
			s, rep := replaceInvalid(data[3:])
			return s, UTF8BOM, rep, nil
		}
		s, enc, err := decodeUTF8(data[3:], UTF8BOM)
		return s, enc, nil, err
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		s, enc, err := decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:], UTF16LE)
		return s, enc, nil, err
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, enc, err := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:], UTF16BE)
		return s, enc, nil, err
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", nil, ErrBinary
	}
	valid := utf8.Valid(data)
	label := normalizeLabel(hint)
	switch {
	case label == GB18030 && (!valid || !looksUTF8(data)):
		s, enc, err := decodeGB(data)
		return s, enc, nil, err
	case valid:
		return string(data), UTF8, nil, nil
	case label == UTF8 || mostlyUTF8(data):
		s, rep := replaceInvalid(data)
		return s, UTF8, rep, nil
	}
	s, enc, err := decodeGB(data)
	return s, enc, nil, err
}

// mostlyUTF8 reports whether data is UTF-8 text with a few stray bytes: many well-formed
// multi-byte sequences (Chinese text) and at most one invalid byte for every 10 of them.
// GB18030 text is almost all invalid as UTF-8, so it never passes.
func mostlyUTF8(data []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return multi >= 8 && bad*10 <= multi
}

// replaceInvalid decodes data as UTF-8 with each invalid sequence read as U+FFFD, and says
// how many there were and where the first one is.
func replaceInvalid(data []byte) (string, *Repair) {
	var b strings.Builder
	b.Grow(len(data) + 16)
	rep := &Repair{}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			if rep.Count == 0 {
				rep.Line, rep.Col = line, col
			}
			rep.Count++
			// A run of invalid bytes counts as one replacement.
			for i+n < len(data) {
				r2, n2 := utf8.DecodeRune(data[i+n:])
				if r2 != utf8.RuneError || n2 != 1 {
					break
				}
				n++
			}
		}
		b.WriteRune(r)
		switch {
		case r == '\n', r == '\r' && (i+n >= len(data) || data[i+n] != '\n'):
			line, col = line+1, 1
		case r == '\r':
		default:
			col++
		}
		i += n
	}
	return b.String(), rep
}

// looksUTF8 reports whether data has at least one multi-byte UTF-8 sequence; plain ASCII is
// valid in every encoding and says nothing.
func looksUTF8(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

// Known reports whether label names an encoding Decode can be told to use (--charset):
// UTF-8 or GB18030 and their aliases (GBK, GB2312 ...). UTF-16 needs no label: its
// byte-order mark names it.
func Known(label string) bool { return normalizeLabel(label) != "" }

// normalizeLabel maps charset labels seen in the wild to the names above.
func normalizeLabel(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "gb2312", "gbk", "gb18030", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "chinese", "csgb2312", "iso-ir-58":
		return GB18030
	case "utf-8", "utf8", "unicode-1-1-utf-8":
		return UTF8
	}
	return ""
}

func decodeUTF8(data []byte, name string) (string, string, error) {
	if !utf8.Valid(data) {
		return "", "", i18n.NewError("文件以 UTF-8 字节顺序标记开头，但内容不是有效的 UTF-8")
	}
	return string(data), name, nil
}

func decodeWith(enc encoding.Encoding, data []byte, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", i18n.Errorf("按 %s 解码：%w", name, err)
	}
	return string(out), name, nil
}

// decodeGB decodes GB18030 and rejects the result when too much of it did not decode: a
// file in an encoding reportlint does not know (or binary data) should be an error, not a
// page of mojibake that silently passes every rule.
func decodeGB(data []byte) (string, string, error) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", i18n.Errorf("按 %s 解码：%w", GB18030, err)
	}
	s := string(out)
	bad, total := 0, 0
	for _, r := range s {
		total++
		if r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			bad++
		}
	}
	if total > 0 && bad*20 > total {
		return "", "", ErrBinary
	}
	return s, GB18030, nil
}
