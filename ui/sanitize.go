package ui

import (
	"strings"
	"unicode/utf8"

	"tidings/feeds"
	"tidings/feeds/marks"
)

// Everything shown on the terminal that came from a file or a feed passes
// through this file. Titles, sources, tags, URLs and error messages go through
// oneLine; article bodies go through feeds.CleanText before glamour (see
// cleanMarkdown) and keepStyles after it, because glamour passes escape
// sequences in its input straight through and decodes numeric character
// references such as &#27; into live control characters.

// oneLine returns s as a single line of plain text, the way every one-line
// field (title, source, tag, URL, author, error message) is shown: as
// feeds.CleanLine leaves it, without escape sequences, control characters,
// bidirectional overrides or runs of white space; without the characters
// that show nothing (marks.Drop: joiners, direction marks, soft hyphens,
// variation selectors, tag characters, Hangul fillers... but where they
// change what is drawn), so that it cannot look like another or like
// nothing; and as wide on the terminal as it is laid out (displayText).
// It is as much of s as a screen can show (shownPart), so that a field of
// megabytes, which a library imported before fields were cut
// (feeds.ShortLine) may hold, costs what a line does.
func oneLine(s string) string { return wholeLine(shownPart(s)) }

// wholeLine is oneLine but for the cut: all of s, cleaned as oneLine
// cleans it. What is not drawn but kept whole (a link's address, to open
// or copy) is checked with it.
func wholeLine(s string) string {
	if isPlainLine(s) {
		return s
	}
	s = feeds.CleanLine(s)
	if t := marks.Drop(s); t != s {
		// What is left may have two spaces in a row, or the pieces of a
		// numeric character reference together: cleaned again.
		s = feeds.CleanLine(t)
	}
	return displayText(s)
}

// isPlainLine reports whether s is printable ASCII without leading, trailing
// or doubled spaces, the common case, which oneLine returns unchanged.
func isPlainLine(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == '&' && i+1 < len(s) && s[i+1] == '#') {
			return false
		}
		if c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// keepStyles filters rendered output down to text, newlines, tabs and SGR
// sequences (ESC [ params m), the only escape sequences tidings asks glamour
// for. Every other escape sequence (OSC, DCS, APC, cursor movement, mode
// changes...) and every other control character is removed, a C1 control
// alone; invalid UTF-8 becomes U+FFFD. So are bidirectional overrides and
// isolates, which glamour decodes from character references (&#x202E;)
// that the cleaning before it leaves alone, and a zero-width joiner or
// non-joiner between two ASCII characters, where it joins nothing and a
// terminal may give it a cell of its own. Other zero-width characters
// stay: web pages are full of them, they show nothing, and the highlights
// match the rendering to the stored text word for word. The text between
// the sequences is written as wide as it is laid out (displayText, done
// before glamour too), for what glamour decodes from character references
// (&#8205; is a joiner).
func keepStyles(s string) string {
	return displayStyled(filterStyles(s))
}

// filterStyles is keepStyles but for the widths.
func filterStyles(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f):
			b.WriteByte(c)
			i++
			continue
		case c == 0x1b:
			n, keep := escapeSequence(s[i:])
			if keep {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		case c < 0x80: // other C0 controls and DEL
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// A stray byte such as 0x9b is CSI to an 8-bit terminal.
			b.WriteRune(utf8.RuneError)
		case r >= 0x80 && r <= 0x9f:
			// A C1 control goes alone, as feeds.CleanText drops it, even
			// an introducer (U+009B CSI, U+009D OSC...): without it what
			// follows is plain text, and double-encoded UTF-8 puts U+009D
			// after "â€" where a closing quote was, with the rest of the
			// line after it.
		case feeds.IsBidi(r), isStrayJoiner(s, i, r, size):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isStrayJoiner reports whether r, at s[i:i+size], is a zero-width joiner
// or non-joiner with ASCII on both sides: emoji sequences and the scripts
// that need them have other characters there.
func isStrayJoiner(s string, i int, r rune, size int) bool {
	return (r == 0x200c || r == 0x200d) && i > 0 && s[i-1] < utf8.RuneSelf &&
		i+size < len(s) && s[i+size] < utf8.RuneSelf
}

// escapeSequence measures the escape sequence at the start of s (s[0] is
// ESC) and reports whether it is an SGR sequence to keep.
func escapeSequence(s string) (n int, keep bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch s[1] {
	case '[':
		return csiSequence(s)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC
		return 2 + stringLength(s[2:], s[1] == ']'), false
	}
	// ESC, any intermediate bytes, one final byte (ESC 7, ESC ( B, ESC c...).
	i := 1
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i, false
}

// csiSequence measures the CSI sequence at the start of s (ESC [) and reports
// whether it is SGR with plain numeric parameters. A malformed sequence ends
// before the first byte that cannot belong to it, which scrub then judges on
// its own.
func csiSequence(s string) (n int, keep bool) {
	i := 2
	plain := true
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f { // parameter bytes
		if c := s[i]; c != ';' && c != ':' && (c < '0' || c > '9') {
			plain = false // private prefixes such as '?' or '>'
		}
		i++
	}
	inter := i
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f { // intermediate bytes
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e { // final byte
		return i + 1, plain && inter == i && s[i] == 'm'
	}
	return i, false
}

// stringLength measures a control string's body and terminator: up to ST
// (ESC \ or U+009C), or BEL for OSC, or the end of s when unterminated,
// because a terminal would swallow everything up to a terminator too.
func stringLength(s string, bel bool) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0x07 && bel:
			return i + 1
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return len(s)
}

// shownPart is as much of a one-line field as a screen can show of it,
// its first lineMost bytes and "…" when there is more, cut between two
// characters. It is s itself when it fits.
func shownPart(s string) string {
	if len(s) <= lineMost {
		return s
	}
	cut := lineMost - len("…")
	for back := 0; back < utf8.UTFMax && !utf8.RuneStart(s[cut]); back++ {
		cut--
	}
	return s[:cut] + "…"
}

// lineMost is how many bytes of a one-line field oneLine reads: more than
// a screen shows of one (the reader wraps a title to two lines, a few
// hundred cells each on the widest terminal, a cell a character of up to
// four bytes and its marks), few enough that a field of megabytes (a
// hostile feed's title) is no more work to draw than a field of a line.
const lineMost = 16 << 10
