package feeds

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/feeds/marks"
)

// CleanText makes untrusted multi-line text safe to store and to hand to a
// Markdown renderer. It
//
//   - replaces invalid UTF-8 with U+FFFD (one per run of bad bytes),
//   - turns "\r\n", a lone "\r", U+2028 and U+2029 into "\n",
//   - removes escape sequences whole: CSI, OSC (BEL or ST terminated, so
//     OSC 8 links and OSC 52 clipboard writes too), DCS, SOS, PM, APC and
//     two-byte ESC sequences, each begun by ESC,
//   - removes every other C0 control character but "\n" and "\t", DEL,
//     stray byte-order marks and every C1 control (U+0080–U+009F) alone,
//   - removes numeric character references that denote such controls
//     ("&#27;", "&#x1b;", "&#155;"...), because Markdown renderers decode
//     them into live bytes,
//   - keeps at most MaxMarks combining marks in a row on one character
//     (capMarks).
//
// A string sequence (OSC, DCS...) left unterminated ends at the end of its
// line, so a stray introducer cannot swallow the rest of an article.
//
// A C1 control goes alone, the text after it kept, even one that opens a
// sequence (U+009B CSI, U+009D OSC, U+0090 DCS...): with its introducer
// gone what followed it is plain text, and double-encoded UTF-8, common on
// the web, is full of them: a closing quote ” read as Windows-1252 is
// "â€" and U+009D, a hyphen ‐ is "â€" and U+0090, and reading what came
// after as an OSC or DCS string would lose the rest of the line. (A lone
// byte 0x9B in UTF-8 text is invalid UTF-8, repaired to U+FFFD.)
// CleanText is idempotent and returns s itself when there is nothing to do.
func CleanText(s string) string {
	if isCleanText(s) {
		return s
	}
	return capMarks(stripControlRefs(stripControls(s)))
}

// CleanLine cleans a one-line field (title, source, author, tag, URL): as
// CleanText, and also removes bidirectional overrides and invisible
// zero-width characters that could disguise what a reader sees, folds
// newlines, tabs and other white space runs into single spaces, and trims.
// A line break inside Chinese or Japanese text, which puts no spaces
// between words, goes with the spaces around it (foldSpace): a title
// wrapped inside 東京 is 東京, as a reader and a search read it.
func CleanLine(s string) string {
	return foldSpace(cleanLineText(s))
}

// idLine is CleanLine as it was before line breaks inside Chinese and
// Japanese text were taken out: every run of white space, line breaks
// too, is one space. The ids of articles are made of the one-line fields
// so folded, so that an article keeps the id it was stored under.
func idLine(s string) string {
	return foldEverySpace(cleanLineText(s))
}

// cleanLineText is CleanLine but for the folding of white space.
func cleanLineText(s string) string {
	s = CleanText(s)
	if hasInvisible(s) {
		// Removing invisible characters can join the pieces of a numeric
		// character reference ("&#2\u200b7;"), so references are stripped
		// again afterwards; which can join two runs of marks.
		s = capMarks(stripControlRefs(removeInvisible(s)))
	}
	return s
}

// MaxLineLength is how many characters a one-line field that people read
// keeps (a title, a feed's title, an author, a source, a tag): ten times
// a long headline, and few enough that a feed's title of megabytes is
// neither printed nor drawn whole every time it is listed.
const MaxLineLength = 1000

// ShortLine cleans a one-line field that people read (CleanLine) and cuts
// it to MaxLineLength characters, "…" the last of them: after the last
// whole word, or inside the word when that would lose more than half of
// the field (text written without spaces); never between a character and
// its marks. A field that fits is CleanLine's.
func ShortLine(s string) string {
	s = CleanLine(s)
	if len(s) <= MaxLineLength || utf8.RuneCountInString(s) <= MaxLineLength {
		return s
	}
	return cutAtWord(s, MaxLineLength-1)
}

// cutAtWord is s, longer than keep characters, cut to at most keep of
// them and "…": after the last whole word, or inside the word when that
// would lose more than half of what is kept (text written without
// spaces), but never inside a character a reader sees as one (a grapheme
// cluster, fittingClusters): a flag, a letter and its marks, an emoji and
// those joined to it; the punctuation and spaces the cut leaves at the
// end go.
func cutAtWord(s string, keep int) string {
	cut := fittingClusters(s, keep)
	whole := cut > 0
	if !whole {
		// One character on screen of more than keep (a thousand emoji
		// joined): cut inside it, after keep of its code points.
		n := 0
		for i := range s {
			if n == keep {
				cut = i
				break
			}
			n++
		}
	}
	head := s[:cut]
	if s[cut] != ' ' {
		if sp := strings.LastIndexByte(head, ' '); sp > len(head)/2 {
			head = head[:sp]
		} else if !whole {
			head = wholeCharacters(s, cut)
		}
	}
	head = strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—([{\"'、，；：،", r)
	})
	return head + "…"
}

// wholeCharacters is s up to cut, without the character at its end whose
// marks or joined characters come after cut. A head that is nothing else
// is kept.
func wholeCharacters(s string, cut int) string {
	head := s[:cut]
	next, _ := utf8.DecodeRuneInString(s[cut:])
	last, _ := utf8.DecodeLastRuneInString(head)
	if !marks.IsMark(next) && !marks.Ignorable(next) && !marks.Ignorable(last) {
		return head
	}
	for end := len(head); end > 0; {
		r, size := utf8.DecodeLastRuneInString(head[:end])
		end -= size
		if !marks.IsMark(r) && !marks.Ignorable(r) {
			if end > 0 {
				return head[:end]
			}
			break
		}
	}
	return head
}

// MaxMarks is how many combining marks in a row one character keeps in
// what is cleaned (marks.MaxRun): more than any script stacks on a letter.
const MaxMarks = marks.MaxRun

// capMarks keeps at most MaxMarks combining marks in a row (marks.CapRuns).
func capMarks(s string) string { return marks.CapRuns(s) }

// isCleanText reports whether CleanText would return s unchanged.
func isCleanText(s string) bool {
	run := 0 // marks in a row (capMarks)
	for i := 0; i < len(s); {
		// The common case, printable ASCII, eight bytes at a time.
		from := i
		for i+8 <= len(s) && !notableWord(load64(s, i)) {
			i += 8
		}
		for i < len(s) && !notablyASCII[s[i]] {
			i++
		}
		if i > from {
			run = 0
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			run = 0
			switch {
			case c == '\n' || c == '\t':
			case c < 0x20 || c == 0x7f:
				return false
			case c == '&' && i+1 < len(s) && s[i+1] == '#':
				if controlRefAt(s, i) > 0 {
					return false
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if isC1(r) || r == '\uFEFF' || r == '\u2028' || r == '\u2029' {
			return false
		}
		if run = marks.Run(run, r); run > MaxMarks {
			return false
		}
		i += size
	}
	return true
}

// notablyASCII marks the bytes isCleanText must look at: controls, "&",
// DEL and every byte of a multi-byte character.
var notablyASCII = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 || c == '&' || c >= 0x7f
	}
	return t
}()

// load64 reads s[i:i+8] as a little-endian word (one load, once compiled).
func load64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// notableWord reports whether any byte of w is notablyASCII: below 0x20,
// above 0x7e, or "&". The tests are the classic bit tricks for "has a
// byte less than", "has a byte greater than" and "has a zero byte".
func notableWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (w - ones*0x20) &^ w & highs
	above := ((w + ones*(0x7f-0x7e)) | w) & highs
	amp := w ^ (ones * '&')
	isAmp := (amp - ones) &^ amp & highs
	return below|above|isAmp != 0
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// stripControls is the first pass of CleanText: everything but numeric
// character references.
func stripControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	invalidRun := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			invalidRun = false
			switch {
			case c == '\r':
				b.WriteByte('\n')
				i++
				if i < len(s) && s[i] == '\n' {
					i++
				}
			case c == 0x1b:
				i = skipEscape(s, i+1)
			case c == '\n' || c == '\t':
				b.WriteByte(c)
				i++
			case c < 0x20 || c == 0x7f:
				i++
			default:
				b.WriteByte(c)
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if !invalidRun {
				b.WriteRune(utf8.RuneError)
			}
			invalidRun = true
			i++
			continue
		}
		invalidRun = false
		i += size
		switch {
		case isC1(r) || r == '\uFEFF':
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		default:
			b.WriteString(s[i-size : i])
		}
	}
	return b.String()
}

// skipEscape returns the index just past the escape sequence whose ESC byte
// precedes s[i].
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // intermediates, then a final byte (nF)
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // two-byte sequence (Fp, Fe, Fs)
		return i + 1
	default:
		// A lone ESC: drop it and read what follows as text (or as the
		// start of the next sequence).
		return i
	}
}

// skipCSI returns the index past a control sequence's parameter,
// intermediate and final bytes starting at s[i]. A sequence broken by any
// other byte ends there; that byte is read normally.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString returns the index past a control string (OSC, DCS, SOS, PM,
// APC) whose payload starts at s[i]: past its BEL, ST (ESC \ or U+009C),
// CAN or SUB terminator. Another ESC aborts the string and starts a new
// sequence; a newline or the end of input ends an unterminated string.
func skipString(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case 0x07, 0x18, 0x1a:
			return i + 1
		case 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case '\n', '\r':
			return i
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0x9c {
				return i + 2
			}
		}
		i++
	}
	return i
}

// isBidi reports whether r is a bidirectional embedding, override or
// isolate (U+202A–U+202E, U+2066–U+2069): the characters that make text
// show in another order than it is read.
func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// IsBidi reports whether StripBidi removes r.
func IsBidi(r rune) bool { return isBidi(r) }

// StripBidi removes bidirectional embeddings, overrides and isolates from
// multi-line text (an article's body, a note) before it is shown, so that
// it cannot disguise what a reader sees. The marks U+200E, U+200F and
// U+061C stay: they only nudge neutral characters. A body is stored with
// them (CleanText keeps them, so search --json and export stay lossless);
// what prints it strips them. StripBidi returns s itself when there is
// nothing to remove.
func StripBidi(s string) string {
	if !hasBidi(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidi(r) {
			return -1
		}
		return r
	}, s)
}

// hasBidi reports whether s holds a character isBidi removes. All of them
// are three bytes in UTF-8 starting with 0xE2 0x80 or 0xE2 0x81.
func hasBidi(s string) bool {
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], 0xe2)
		if j < 0 {
			return false
		}
		i += j
		if i+2 < len(s) {
			switch b1, b2 := s[i+1], s[i+2]; {
			case b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae, b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9:
				return true
			}
		}
	}
}

// isInvisible reports whether r is a bidirectional override or isolate, or
// a zero-width character with no use in a one-line field. Zero-width
// joiners stay: emoji sequences and several scripts need them.
func isInvisible(r rune) bool {
	switch {
	case isBidi(r):
		return true
	case r == 0x200b, r == 0x2060, r == 0xfeff, r == 0x180e, r >= 0x2061 && r <= 0x2064:
		return true
	}
	return false
}

func hasInvisible(s string) bool {
	for _, r := range s {
		if isInvisible(r) {
			return true
		}
	}
	return false
}

func removeInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, s)
}

// foldSpace turns every run of white space into one space and trims; but
// a line break between two characters of text written without spaces
// between words (writtenWithoutSpaces), with the spaces and tabs around
// it, goes: Chinese and Japanese lines are broken anywhere, by an
// author's editor or a feed's generator, and the words go on on the next
// line. A space typed between such characters stays a space.
func foldSpace(s string) string {
	if !needsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		end := i + size
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if !isSpace(r) {
				break
			}
			end += size
		}
		if i > 0 && end < len(s) && !brokenWord(s[:i], s[i:end], s[end:]) {
			b.WriteByte(' ')
		}
		i = end
	}
	return b.String()
}

// foldEverySpace turns every run of white space, line breaks too, into
// one space and trims: foldSpace as it was before (idLine).
func foldEverySpace(s string) string {
	if !needsFold(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// brokenWord reports whether gap, the white space between the texts
// before and after, is a line break with spaces or tabs around it inside
// text written without spaces between words: the gap the search reads as
// nothing in a body (query.MatchPhrase).
func brokenWord(before, gap, after string) bool {
	if strings.IndexByte(gap, '\n') < 0 || strings.Trim(gap, " \t\r\n") != "" {
		return false
	}
	next, _ := utf8.DecodeRuneInString(after)
	return writtenWithoutSpaces(next) && writtenWithoutSpaces(lastBase(before))
}

// lastBase is the last character of s that is not a mark drawn on the one
// before it (marks.IsMark: a voicing mark, a variation selector): the
// character whose script a line break after s follows.
func lastBase(s string) rune {
	for {
		r, size := utf8.DecodeLastRuneInString(s)
		if !marks.IsMark(r) || size >= len(s) {
			return r
		}
		s = s[:len(s)-size]
	}
}

// writtenWithoutSpaces reports whether r is a character of Chinese or
// Japanese text, which puts no spaces between words: Han, Hiragana,
// Katakana (halfwidth too) and Bopomofo, and the punctuation, symbols
// and fullwidth forms written with them (、。「」ー！). Hangul is not:
// Korean puts spaces between words, and a line break in it is one.
func writtenWithoutSpaces(r rune) bool {
	switch {
	case r < 0x2e80:
		return false
	case r >= 0x3000 && r <= 0x30ff, r >= 0xff01 && r <= 0xff9f:
		// CJK Symbols and Punctuation, Hiragana, Katakana; the fullwidth
		// forms and halfwidth punctuation and Katakana.
		return r != 0x3000 // the ideographic space is a space
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo)
}

func needsFold(s string) bool {
	prevSpace := true // a leading space needs folding too
	for _, r := range s {
		if !isSpace(r) {
			prevSpace = false
			continue
		}
		if prevSpace || r != ' ' {
			return true
		}
		prevSpace = true
	}
	return prevSpace && s != ""
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r)
}
