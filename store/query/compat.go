package query

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Some letters are written in a compatibility form, which shows the same
// letters but which FTS5's unicode61 keeps as letters of their own: the
// fullwidth Latin letters and digits of Chinese, Japanese and Korean text
// (Ｔｏｋｙｏ, Ｇ７, ２０２４), and the ligatures of typeset text, which text
// copied from a PDF carries (ﬁnance, ﬂight, ofﬁce). Search folds them as
// it folds accents: they are the letters they stand for (their Unicode
// compatibility decomposition, NFKC), in the index (the store gives
// article_fts its text with them so, Compat) and in queries, so that tokyo
// finds Ｔｏｋｙｏ and ﬁnance finds finance. Other compatibility characters
// (superscripts, circled and halfwidth forms) stay what unicode61 makes of
// them.

// compatForms holds, for the characters folded so, the letters they stand
// for: by code point, from U+FB00 (the ligatures) and U+FF10 (the fullwidth
// digits and letters).
var compatForms = func() map[rune]string {
	m := map[rune]string{}
	add := func(from, to rune) {
		for r := from; r <= to; r++ {
			m[r] = norm.NFKC.String(string(r))
		}
	}
	add(0xFB00, 0xFB06) // ff fi fl ffi ffl ſt st
	add(0xFB13, 0xFB17) // the Armenian ligatures: մն մե մի վն մխ
	add(0xFF10, 0xFF19) // ０–９
	add(0xFF21, 0xFF3A) // Ａ–Ｚ
	add(0xFF41, 0xFF5A) // ａ–ｚ
	return m
}()

// compatForm returns the letters r stands for, if r is one of the
// compatibility forms search folds.
func compatForm(r rune) (string, bool) {
	if r < 0xFB00 || r > 0xFF5A || r > 0xFB17 && r < 0xFF10 {
		return "", false
	}
	s, ok := compatForms[r]
	return s, ok
}

// Compat returns s with its compatibility forms (see above) as the letters
// they stand for: Compat("Ｔｏｋｙｏ ﬁnance") is "Tokyo finance". It returns s
// itself when there is nothing to change, which it tells quickly: every
// such character starts with the byte 0xEF in UTF-8.
func Compat(s string) string {
	at := strings.IndexByte(s, 0xEF)
	if at < 0 || !HasCompat(s[at:]) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:at])
	for i := at; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if f, ok := compatForm(r); ok && n > 1 {
			b.WriteString(f)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// HasCompat reports whether s holds a compatibility form that Compat
// changes.
func HasCompat(s string) bool {
	for {
		at := strings.IndexByte(s, 0xEF)
		if at < 0 {
			return false
		}
		if r, n := utf8.DecodeRuneInString(s[at:]); n > 1 {
			if _, ok := compatForm(r); ok {
				return true
			}
		}
		s = s[at+1:]
	}
}
