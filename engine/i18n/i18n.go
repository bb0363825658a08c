// Package i18n gives the program's messages in the language of the run: Chinese (zh) or
// English (en).
//
// The code writes each message once, in its source language (the engine and the rules in
// Chinese, the command line in English), and passes it through T, Sprintf, Errorf or
// NewError. The catalogue (catalog/*.yaml, embedded) pairs every such message with its
// translation; a test keeps it complete both ways. The language is the process's, set once
// by the command line before it builds anything (as gettext's locale is): a run speaks one
// language.
//
// The catalogue is a keyed table, not golang.org/x/text/message's Printer: the Printer
// formats numbers by locale (1,234), which would change every number the tool prints and
// its byte-for-byte determinism, and it does not wrap errors (%w). Language tags are parsed
// and matched with golang.org/x/text/language.
package i18n

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/language"
)

// Lang is a language the program speaks.
type Lang uint8

const (
	// Zh is Chinese, the language of the reports and the default.
	Zh Lang = iota
	// En is English.
	En
)

// Langs are the languages, in the order help lists them.
var Langs = []Lang{Zh, En}

func (l Lang) String() string {
	if l == En {
		return "en"
	}
	return "zh"
}

var supported = []language.Tag{language.Chinese, language.English}

var matcher = language.NewMatcher(supported)

// Parse reads a language name: zh, en, or a tag or locale naming one of them (zh-CN,
// en_US.UTF-8, zh-Hans).
func Parse(s string) (Lang, error) {
	name := strings.TrimSpace(s)
	if i := strings.IndexAny(name, ".@"); i >= 0 {
		name = name[:i] // en_US.UTF-8, zh_CN@pinyin
	}
	name = strings.ReplaceAll(name, "_", "-")
	tag, err := language.Parse(name)
	if err == nil {
		if _, i, conf := matcher.Match(tag); conf != language.No {
			return Langs[i], nil
		}
	}
	return Zh, Errorf("unknown language %q (available: zh, en)", s)
}

// FromEnvironment is the language the locale variables ask for (LC_ALL, LC_MESSAGES, LANG,
// the first one set), and whether one of them names a language the program speaks. C and
// POSIX name none.
func FromEnvironment(getenv func(string) string) (Lang, bool) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		l, err := Parse(v)
		return l, err == nil
	}
	return Zh, false
}

var current atomic.Uint32

// Set makes l the language of the process's messages.
func Set(l Lang) { current.Store(uint32(l)) }

// Current is the language of the process's messages.
func Current() Lang { return Lang(current.Load()) }

// T is the message key in the current language.
func T(key string) string { return In(Current(), key) }

// In is the message key in language l: the key itself when it is written in l or has no
// translation.
func In(l Lang, key string) string {
	e, ok := lookup(key)
	if !ok {
		return key
	}
	if l == En {
		return e.En
	}
	return e.Zh
}

// C is the message key in the current language, in context ctx: the same words may
// translate differently in different places (文档 heads a column of one document each,
// "Document", and a section listing them, "Documents"). The catalogue gives such an entry
// a context.
func C(ctx, key string) string {
	e, ok := lookup(ctx + contextSep + key)
	if !ok {
		return key
	}
	if Current() == En {
		return e.En
	}
	return e.Zh
}

// contextSep joins a context and a message in the catalogue's index, as gettext does.
const contextSep = "\x04"

// Sprintf formats the message format in the current language. An English message may have
// a singular form, used when the first integer argument is 1.
func Sprintf(format string, args ...any) string {
	return fmt.Sprintf(translateFormat(Current(), format, args), args...)
}

func translateFormat(l Lang, format string, args []any) string {
	e, ok := lookup(format)
	if !ok {
		return format
	}
	if l == Zh {
		return e.Zh
	}
	if e.EnOne != "" && firstInt(args) == 1 {
		return e.EnOne
	}
	return e.En
}

func firstInt(args []any) int64 {
	for _, a := range args {
		switch v := a.(type) {
		case int:
			return int64(v)
		case int64:
			return v
		case int32:
			return int64(v)
		case uint64:
			return int64(v)
		}
	}
	return -1
}

// Errorf is fmt.Errorf with the format in the current language; %w wraps as it does there.
func Errorf(format string, args ...any) error {
	return fmt.Errorf(translateFormat(Current(), format, args), args...)
}

// Error is an error whose text is a fixed message, given in the language current when the
// text is asked for: a sentinel error declared at package level reads in the run's language.
type Error struct{ key string }

// NewError returns an Error with the message key.
func NewError(key string) error { return &Error{key} }

func (e *Error) Error() string { return T(e.key) }

// Is reports an Error with the same key as the same error.
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.key == e.key
}

// quotedText is text in quotes: document text a message cites.
var quotedText = regexp.MustCompile(`“[^”]*”|「[^」]*」|"[^"]*"|‘[^’]*’|《[^》]*》`)

// UnquotedChinese is the Chinese of s outside quotes (Han characters and full-width
// punctuation): what an English message must not have, since the document text it cites
// is quoted.
func UnquotedChinese(s string) string {
	s = quotedText.ReplaceAllString(s, "")
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。：；（）、“”《》？！【】", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
