package charset

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	const text = "一、总体情况\n本年新收申请 3 件。"
	gb, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text)
	tests := []struct {
		name, in, hint, wantEnc string
	}{
		{"utf8", text, "", UTF8},
		{"utf8 bom", "\xEF\xBB\xBF" + text, "", UTF8BOM},
		{"gbk sniffed", gb, "", GB18030},
		{"gbk with hint", gb, "gb2312", GB18030},
		{"utf8 despite gbk hint", text, "GBK", UTF8},
		{"utf16le", u16le, "", UTF16LE},
		{"utf16be", u16be, "", UTF16BE},
		{"ascii", "plain ascii", "gbk", GB18030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode([]byte(tt.in), tt.hint)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding = %s, want %s", enc, tt.wantEnc)
			}
			want := text
			if tt.name == "ascii" {
				want = "plain ascii"
			}
			if got != want {
				t.Errorf("text = %q, want %q", got, want)
			}
		})
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	for name, in := range map[string][]byte{
		"nul bytes":    {'a', 0, 'b', 0},
		"random high":  {0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x80, 0x81, 0x30, 0xFF, 0xFF},
		"bad utf8 bom": {0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0xFD},
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := Decode(in, ""); err == nil {
				t.Fatal("expected an error")
			} else if name != "bad utf8 bom" && !errors.Is(err, ErrBinary) {
				t.Fatalf("err = %v, want ErrBinary", err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("一、总体情况"), "")
	f.Add([]byte{0xD2, 0xBB, 0xA1, 0xA2}, "gbk")
	f.Add([]byte{0xFF, 0xFE, 0x00}, "")
	f.Fuzz(func(t *testing.T, data []byte, hint string) {
		s, enc, err := Decode(data, hint)
		if err != nil {
			return
		}
		if enc == "" {
			t.Fatal("empty encoding name on success")
		}
		_ = s
	})
}

func TestDecodeRepairsStrayBytes(t *testing.T) {
	text := "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 0 0 0 0 0 0 1\n"
	for _, tc := range []struct {
		name string
		in   []byte
		enc  string
	}{
		{"stray byte", append([]byte("三、收到"), append([]byte{0xE5}, text[len("三、收到"):]...)...), UTF8},
		{"with BOM", append([]byte{0xEF, 0xBB, 0xBF}, append([]byte("三、收到"), append([]byte{0xE5}, text[len("三、收到"):]...)...)...), UTF8BOM},
		{"second line", []byte(strings.Replace(text, "本年", "本\xff年", 1)), UTF8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, enc, rep, err := DecodeRepaired(tc.in, "")
			if err != nil {
				t.Fatal(err)
			}
			if enc != tc.enc || rep == nil || rep.Count != 1 || !strings.Contains(s, "\uFFFD") {
				t.Fatalf("enc %q repair %+v text %q", enc, rep, s)
			}
			if strings.Replace(s, "\uFFFD", "", 1) != text {
				t.Errorf("text = %q", s)
			}
			if !strings.Contains(rep.Note().Message, "U+FFFD") {
				t.Errorf("note = %q", rep.Note().Message)
			}
		})
	}
	if _, _, rep, _ := DecodeRepaired([]byte(strings.Replace(text, "本年", "本\xff年", 1)), ""); rep.Line != 2 || rep.Col != 4 {
		t.Errorf("first replacement at %d:%d, want 2:4", rep.Line, rep.Col)
	}
}
