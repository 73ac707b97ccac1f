package query

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Some letters are written in a compatibility form, which shows the same
// letters but which FTS5's unicode61 keeps as letters of their own: the
// fullwidth Latin letters and digits of Chinese, Japanese and Korean text
// (Ｔｏｋｙｏ, Ｇ７, ２０２４), the halfwidth katakana of older Japanese
// systems (ｻﾐｯﾄ), and the ligatures of typeset text, which text copied from
// a PDF carries (ﬁnance, ﬂight, ofﬁce). Search folds them as it folds
// accents: they are the letters they stand for (their Unicode compatibility
// decomposition, NFKC), in the index (the store gives article_fts its text
// so, IndexForm) and in queries, so that tokyo finds Ｔｏｋｙｏ, ﬁnance finds
// finance and サミット finds ｻﾐｯﾄ. Other compatibility characters
// (superscripts, circled forms, halfwidth Hangul) stay what unicode61 makes
// of them.
//
// Text is read composed (NFC), whichever form it came in: a Korean word
// typed on macOS comes as conjoining jamo (ᄃ ᅢ ᄐ ᅩ ᆼ for 대통),
// Japanese as kana and a combining voicing mark (カ and ゙ for ガ), Arabic
// with a combining hamza, and unicode61 reads each form as other words.
// Halfwidth katakana are made katakana first, so that ｶﾞ composes into ガ
// (normalForm).

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

// Compat returns s with its fullwidth letters and digits and its ligatures
// as the letters they stand for: Compat("Ｔｏｋｙｏ ﬁnance") is "Tokyo
// finance". It returns s itself when there is nothing to change, which it
// tells quickly: every such character starts with the byte 0xEF in UTF-8.
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

// Some Latin letters are not a letter and an accent, and unicode61 keeps
// them as letters of their own, where a reader expects them to be found as
// the letters they are read as: strasse finds Straße, oeuvre œuvre, lodz
// Łódź and da nang Đà Nẵng, as gdansk finds Gdańsk. The Turkish dotless ı
// is i, as unicode61 makes İ and I i: kapandı and KAPANDI are one word.
// Each is given to the index, and read in a query, as those letters
// (spelledLetters), in either case and with the accents it may carry (Ǿ is
// o). Cyrillic ё and й and Icelandic þ and ð stay letters of their own (å,
// an a with a ring, was a already).
var spelledLetters = map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ł': "l", 'ı': "i"}

// spellings holds the letters search reads a character as where it is not
// what unicode61 folds it to, in lower case: the compatibility forms
// (compatForm, folded: Ｔ is t) and every Latin letter that is a letter of
// spelledLetters in another case or with an accent.
var spellings = func() map[rune]string {
	m := map[rune]string{}
	for r, s := range compatForms {
		var b strings.Builder
		for _, c := range s {
			if f := foldRune(c); f >= 0 {
				b.WriteRune(f)
			}
		}
		m[r] = b.String()
	}
	for _, block := range [][2]rune{{0x00C0, 0x024F}, {0x1E00, 0x1EFF}} {
		for r := block[0]; r <= block[1]; r++ {
			base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
			if s, ok := spelledLetters[unicode.ToLower(base)]; ok {
				m[r] = s
			}
		}
	}
	return m
}()

// spelling returns the letters r is read as (see spellings), if r is read
// as other letters than unicode61 makes of it. Such characters are Latin
// letters from U+00C6 and compatibility forms from U+FB00, and none are in
// between but the Latin Extended Additional block.
func spelling(r rune) (string, bool) {
	if r < 0x00C6 || r > 0x024F && r < 0x1E00 || r > 0x1EFF && r < 0xFB00 || r > 0xFF5A {
		return "", false
	}
	s, ok := spellings[r]
	return s, ok
}

// Halfwidth katakana (U+FF61–U+FF9F, with the halfwidth Japanese
// punctuation) are katakana: each is one character as NFKC makes it, and,
// as it, three bytes long in UTF-8, so that widening them moves no offset.
const halfwidthFirst, halfwidthLast = 0xFF61, 0xFF9F

// halfwidthKana holds the katakana (or punctuation) of each halfwidth
// one, from U+FF61.
var halfwidthKana = func() (t [halfwidthLast - halfwidthFirst + 1]rune) {
	for i := range t {
		t[i], _ = utf8.DecodeRuneInString(norm.NFKC.String(string(rune(halfwidthFirst + i))))
	}
	return t
}()

func isHalfwidthKana(r rune) bool { return halfwidthFirst <= r && r <= halfwidthLast }

// widenKana returns s with its halfwidth katakana as katakana, at the same
// byte offsets.
func widenKana(s string) string {
	var out []byte // nil until something changes
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isHalfwidthKana(r) {
			if out == nil {
				out = []byte(s)
			}
			utf8.EncodeRune(out[i:], halfwidthKana[r-halfwidthFirst])
		}
		i += n
	}
	if out == nil {
		return s
	}
	return string(out)
}

// normalForm returns s as search reads it before it folds its letters:
// composed (NFC), its halfwidth katakana katakana first (see the note at
// the top of this file). It returns s itself when s is so already, which
// it tells quickly for ASCII and for text of composed letters
// (needsNormalForm).
func normalForm(s string) string {
	if !needsNormalForm(s) {
		return s
	}
	return norm.NFC.String(widenKana(s))
}

// needsNormalForm reports whether normalForm changes s. Most characters
// are settled: composed, never composing with the one before them and
// never reordered. Only a run of unsettled ones, with the character
// before it, which they may compose with, is given to norm to check. The
// store checks every text it indexes and every text a phrase is looked
// for in, so ASCII is passed eight bytes at a time, and a character of
// three bytes (most of Chinese, Japanese and Korean) without decoding it
// when none of the 64 code points its first two bytes name is unsettled
// (passSettled).
func needsNormalForm(s string) bool {
	settled := 0 // where the last settled character before i begins
	for i := 0; i < len(s); {
		if next, last := passSettled(s, i, &unsettledSet); next > i {
			settled, i = last, next
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unsettledSet.has(r) {
			settled, i = i, i+n
			continue
		}
		end := i + n
		kana := isHalfwidthKana(r)
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !unsettledSet.has(r) {
				break
			}
			kana = kana || isHalfwidthKana(r)
			end += n
		}
		if kana || !norm.NFC.IsNormalString(s[settled:end]) {
			return true
		}
		i = end
	}
	return false
}

// passSettled passes, from byte i of s, the characters that are surely
// not in set: ASCII, eight bytes at a time, and characters of three bytes
// whose block of 64 code points, which their first two bytes name, has
// none in set. It returns where it stops (i when the character at i is
// not one of them) and where the last character it passed begins.
func passSettled(s string, i int, set *runeBlocks) (next, last int) {
	last = i
	for i < len(s) {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			last, i = i, i+1
			if j := skipASCII(s, i); j > i {
				last, i = j-1, j
			}
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			set.block(rune(c&0x0F)<<6|rune(s[i+1]&0x3F)) == 0:
			last, i = i, i+3
		default:
			return i, last
		}
	}
	return i, last
}

// runeBlocks is a set of the code points of the Basic Multilingual Plane
// for which in is true, as a bit for each code point of a block of 64,
// each block found the first time one of its characters is asked for:
// most text reads few blocks, and finding them all would ask norm's
// tables 65,536 questions.
type runeBlocks struct {
	in    func(rune) bool
	bits  [0x10000 / 64]atomic.Uint64
	found [0x10000 / 64]atomic.Bool
}

// block returns the bits of block b, the code points from b<<6.
func (t *runeBlocks) block(b rune) uint64 {
	if t.found[b].Load() {
		return t.bits[b].Load()
	}
	var bits uint64
	for k := range rune(64) {
		if t.in(b<<6 | k) {
			bits |= 1 << k
		}
	}
	t.bits[b].Store(bits)
	t.found[b].Store(true)
	return bits
}

// has reports whether r is in the set; beyond the Basic Multilingual
// Plane, it asks in.
func (t *runeBlocks) has(r rune) bool {
	if r > 0xFFFF {
		return t.in(r)
	}
	return t.block(r>>6)&(1<<(r&63)) != 0
}

// unsettledSet holds the characters that may change when text is composed,
// or make the character before them change (unsettledRune).
var unsettledSet = runeBlocks{in: unsettledRune}

// unsettledRune reports whether r may change when text is composed, or
// make the character before it change: a character NFC does not keep, one
// that composes with the one before it or is reordered with it (a
// combining mark), or a halfwidth katakana. ASCII characters are all
// settled.
func unsettledRune(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	if isHalfwidthKana(r) {
		return true
	}
	var buf [utf8.UTFMax]byte
	b := buf[:utf8.EncodeRune(buf[:], r)]
	p := norm.NFC.Properties(b)
	return p.CCC() != 0 || !p.BoundaryBefore() || norm.NFC.QuickSpan(b) < len(b)
}

// IndexForm returns s as the store gives it to article_fts: in its normal
// form (normalForm: composed, halfwidth katakana as katakana), the letters
// read as others spelled out (spelling: Ｔｏｋｙｏ as tokyo, ﬁ as fi, ß as
// ss, ı as i), the vowel points of Arabic and Hebrew left out
// (optionalMark), and its Greek letters bare (BareGreek). unicode61 then
// folds the rest as Tokens reads it. It returns s itself when there is
// nothing to change, which it tells quickly for ASCII text.
func IndexForm(s string) string {
	if !hasIndexedAnew(s) {
		return s
	}
	return BareGreek(spellOut(normalForm(s)))
}

// indexedAnewSet holds the characters IndexForm may change, or that may
// make it change the one before them: the unsettled ones (unsettledRune),
// those read as other letters (spelling), the vowel points of Arabic and
// Hebrew (optionalMark), and Greek letters and the combining marks that
// may be theirs (BareGreek).
var indexedAnewSet = runeBlocks{in: func(r rune) bool {
	_, spelled := spelling(r)
	return spelled || unsettledRune(r) || optionalMark(r) ||
		0x0300 <= r && r <= 0x03FF || greekExtFirst <= r && r <= greekExtLast
}}

// hasIndexedAnew reports whether s has a character of indexedAnewSet, which
// IndexForm reads a text for before it copies any: most text has none.
func hasIndexedAnew(s string) bool {
	for i := 0; i < len(s); {
		if next, _ := passSettled(s, i, &indexedAnewSet); next > i {
			i = next
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if indexedAnewSet.has(r) {
			return true
		}
		i += n
	}
	return false
}

// spellOut returns s with the characters read as other letters (spelling)
// as those letters, and without the vowel points of Arabic and Hebrew
// (optionalMark); s itself when it has none.
func spellOut(s string) string {
	var out []byte // nil until something changes
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && out == nil {
			i = skipASCII(s, i+1)
			continue
		}
		if !mayBeSpelled(c) {
			if out != nil {
				out = append(out, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		x, spelled := spelling(r)
		if !spelled && !optionalMark(r) {
			if out != nil {
				out = append(out, s[i:i+n]...)
			}
			i += n
			continue
		}
		if out == nil {
			out = make([]byte, i, len(s)+len(x))
			copy(out, s[:i])
		}
		out = append(out, x...) // nothing for a mark
		i += n
	}
	if out == nil {
		return s
	}
	return string(out)
}

// mayBeSpelled reports whether c may be the first byte of a character
// spellOut changes: in UTF-8, the Latin letters from U+00C6 to U+024F
// start with 0xC3 to 0xC9, the Hebrew and Arabic marks with 0xD6 to 0xDB,
// the Latin Extended Additional block with 0xE1, and the compatibility
// forms with 0xEF. Any other byte, ASCII or a byte of another character,
// is passed as it is.
func mayBeSpelled(c byte) bool {
	return 0xC3 <= c && c <= 0xC9 || 0xD6 <= c && c <= 0xDB || c == 0xE1 || c == 0xEF
}

// NewlyFolded reports whether the index is given s otherwise since schema
// 21 (IndexForm) than it was before: s holds a vowel point of Arabic or
// Hebrew, a letter read as other letters (ß, ı, ł; not the compatibility
// forms, read so since schema 15), halfwidth katakana, or characters not
// composed (NFC), some of which, decomposed Latin, were read alike before.
func NewlyFolded(s string) bool {
	if needsNormalForm(s) {
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i = skipASCII(s, i+1)
			continue
		}
		if !mayBeSpelled(c) {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if optionalMark(r) {
			return true
		}
		if _, ok := spelling(r); ok {
			if _, compat := compatForm(r); !compat {
				return true
			}
		}
		i += n
	}
	return false
}
