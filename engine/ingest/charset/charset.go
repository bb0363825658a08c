// Package charset decodes the bytes of text-like documents (plain text, Markdown, HTML) to
// UTF-8: byte-order marks, UTF-8, UTF-16 and the Chinese GB18030/GBK/GB2312 family, which
// many government portals still serve.
package charset

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
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
var ErrBinary = errors.New("不是文本文件：内容既不是 UTF-8、UTF-16 编码的文字，也不是 GB18030 编码的文字")

// Decode returns data as a UTF-8 string and the name of the encoding it was read from.
//
// The order is: a byte-order mark wins; then hint (a charset label from an HTML meta tag or
// the user), when it names an encoding reportlint knows; then valid UTF-8; then GB18030,
// a superset of GBK and GB2312. Data with NUL bytes and no UTF-16 BOM, or GB18030 text with
// many undecodable sequences, is rejected as binary.
func Decode(data []byte, hint string) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return decodeUTF8(data[3:], UTF8BOM)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:], UTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:], UTF16BE)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", ErrBinary
	}
	switch normalizeLabel(hint) {
	case GB18030:
		if !utf8.Valid(data) || !looksUTF8(data) {
			return decodeGB(data)
		}
	case UTF8:
		if utf8.Valid(data) {
			return string(data), UTF8, nil
		}
	}
	if utf8.Valid(data) {
		return string(data), UTF8, nil
	}
	return decodeGB(data)
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
		return "", "", errors.New("文件以 UTF-8 字节顺序标记开头，但内容不是有效的 UTF-8")
	}
	return string(data), name, nil
}

func decodeWith(enc encoding.Encoding, data []byte, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("decode %s: %w", name, err)
	}
	return string(out), name, nil
}

// decodeGB decodes GB18030 and rejects the result when too much of it did not decode: a
// file in an encoding reportlint does not know (or binary data) should be an error, not a
// page of mojibake that silently passes every rule.
func decodeGB(data []byte) (string, string, error) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("按 GB18030 解码：%w", err)
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
