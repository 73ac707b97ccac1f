package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
)

// What is drawn is laid out by lipgloss, glamour and this package with
// ansi.StringWidth, which measures a grapheme cluster as one (the family
// emoji 👨‍👩‍👧‍👦 is two cells). Bubble Tea's renderer measures with
// ansi.StringWidthWc, one character at a time, unless the terminal says it
// does otherwise (mode 2027), and xterm, tmux and screen do not: they draw
// the family as four people, eight cells. Where the two measures disagree a
// line is wider than it was laid out and the renderer cuts its end; or
// narrower, and the row after it is misaligned. So before it is laid out,
// text from a file or a feed is written so that the two agree
// (displayText): what a terminal drawing one character at a time would
// show, as near as can be. It is for the screen only; the library keeps
// the text as it came.

// wordJoiner separates what must not be measured as one cluster: it is
// zero cells wide both ways, breaks a grapheme cluster, and joins the
// pieces as one word for anything that wraps lines.
const wordJoiner = '\u2060'

// displayText returns s with every grapheme cluster as wide measured whole
// as measured character by character:
//
//   - an emoji sequence loses its joiners, variation selectors, keycap and
//     tag characters, and its skin tones stand apart: 👨‍👩‍👧‍👦 is four
//     people, 👍🏽 a thumb and a swatch,
//     ✈️ the plane as text is written (✈), 1️⃣ the digit 1;
//   - Hangul jamo are composed into syllables where they can be (NFC);
//   - Thai and Lao SARA AM are written as their two parts;
//   - a cluster that still does not agree (a letter and its spacing vowel
//     sign in Devanagari, Bengali, Tamil..., a conjunct) is cut with word
//     joiners (U+2060) before each character that takes a cell of its own;
//   - a regional indicator without its pair is the letter it stands for,
//     and a character the two measures see otherwise even alone (a mark
//     newer than one of their tables) goes.
//
// ASCII text is returned as it is, at once.
func displayText(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	if i > 0 {
		i-- // the cluster may start with the ASCII character before
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		if j := simpleRun(s, i); j > i {
			b.WriteString(s[i:j])
			i = j
			continue
		}
		c, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if len(c) == 0 { // not expected: a cluster holds a character at least
			c = s[i : i+1]
		}
		i += len(c)
		if kept := withMostMarks(c, s[i:]); len(kept) < len(c) {
			c, w = kept, ansi.StringWidth(kept)
		}
		if w == ansi.StringWidthWc(c) {
			b.WriteString(c)
		} else {
			writeCluster(&b, c)
		}
	}
	return b.String()
}

// withMostMarks is cluster c with no more than feeds.MaxMarks characters
// after its first, as feeds.CleanText keeps marks on a letter: a terminal
// stacks a few in a cell, and a letter under millions (a hostile title's,
// in a library from before they were capped) would be sent to it whole
// every frame. rest is the text after c: what is kept of c still ends
// before it, no joiner left last to join the two.
func withMostMarks(c, rest string) string {
	n := 0
	for i := range c {
		if n > feeds.MaxMarks {
			return endingBefore(c[:i], rest)
		}
		n++
	}
	return c
}

// endingBefore is the cluster c, or as much of it as is a cluster that
// ends before rest.
func endingBefore(c, rest string) string {
	if rest == "" {
		return c
	}
	_, size := utf8.DecodeRuneInString(rest)
	for c != "" {
		if whole, _ := ansi.FirstGraphemeCluster(c+rest[:size], ansi.GraphemeWidth); len(whole) == len(c) {
			return c
		}
		_, last := utf8.DecodeLastRuneInString(c)
		c = c[:len(c)-last]
	}
	return c
}

// displayStyled is displayText for text with SGR sequences in it (as
// keepStyles leaves it): the text between them, where a terminal's
// clusters are, is written so that both measures agree; the sequences stay.
func displayStyled(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i = 0; i < len(s); {
		if s[i] == 0x1b {
			n, _ := escapeSequence(s[i:])
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		j := strings.IndexByte(s[i:], 0x1b)
		if j < 0 {
			j = len(s)
		} else {
			j += i
		}
		b.WriteString(displayText(s[i:j]))
		i = j
	}
	return b.String()
}

// shownTerms is a filter's words as the screen shows them (displayText),
// to be found in what it shows (shownHighlights): a Thai word with SARA AM
// is written with its two parts there. The word joiners that cut a cluster
// are left out, as shownHighlights leaves them out of the text. It returns
// terms itself when none changes.
func shownTerms(terms []string) []string {
	var out []string
	for i, t := range terms {
		if d := withoutJoiners(displayText(t)); d != t && out == nil {
			out = append(make([]string, 0, len(terms)), terms[:i]...)
			out = append(out, d)
		} else if out != nil {
			out = append(out, d)
		}
	}
	if out == nil {
		return terms
	}
	return out
}

// withoutJoiners is s without the word joiners displayText puts in.
func withoutJoiners(s string) string {
	if !strings.ContainsRune(s, wordJoiner) {
		return s
	}
	return strings.ReplaceAll(s, string(wordJoiner), "")
}

// simpleRun returns where the run of simple characters from s[i] on ends:
// characters each a cluster of its own, as both measures see them, because
// neither they nor the character after them extend a cluster.
func simpleRun(s string, i int) int {
	j := i
	for j < len(s) {
		size := 1
		if s[j] >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[j:])
			if !simple(r) {
				break
			}
		}
		if k := j + size; k < len(s) && s[k] >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s[k:]); !simple(r) {
				break // the next one may extend this one's cluster
			}
		}
		j += size
	}
	return j
}

// simple reports whether r is a letter or sign of the scripts most text is
// in (Latin, Greek, Cyrillic, CJK ideographs, Hangul syllables) that never
// extends a cluster and is as wide to both measures: not a combining mark.
func simple(r rune) bool {
	return r < 0x300 || r >= 0x370 && r < 0x483 || r >= 0x48a && r < 0x530 ||
		r >= 0x4e00 && r <= 0x9fff || r >= 0xac00 && r <= 0xd7a3
}

// agrees reports whether both measures give s the same width.
func agrees(s string) bool {
	return ansi.StringWidth(s) == ansi.StringWidthWc(s)
}

// writeCluster writes c, a cluster the two measures disagree on, in a form
// they agree on (see displayText): an emoji sequence as what it is built
// of, one at a time; Hangul jamo composed, Thai and Lao SARA AM as its two
// parts; what still disagrees cut into pieces (cutCluster).
func writeCluster(b *strings.Builder, c string) {
	t := saraAm.Replace(norm.NFC.String(dropEmojiMarks(c)))
	if t == c {
		cutCluster(b, c)
		return
	}
	writeClusters(b, t, cutCluster)
}

// saraAm writes Thai and Lao SARA AM as their two parts (their compatibility
// decomposition), NIKHAHIT and SARA AA: a terminal gives SARA AM a cell of
// its own, and the cluster it makes with the letter before it is one.
var saraAm = strings.NewReplacer("\u0e33", "\u0e4d\u0e32", "\u0eb3", "\u0ecd\u0eb2")

// writeClusters writes the clusters of s that agree as they are, and the
// others with fix.
func writeClusters(b *strings.Builder, s string, fix func(*strings.Builder, string)) {
	for s != "" {
		c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if len(c) == 0 {
			c = s[:1]
		}
		s = s[len(c):]
		if kept := withMostMarks(c, s); len(kept) < len(c) {
			c, w = kept, ansi.StringWidth(kept)
		}
		if w == ansi.StringWidthWc(c) {
			b.WriteString(c)
		} else {
			fix(b, c)
		}
	}
}

// dropEmojiMarks drops from c the characters that make an emoji sequence
// of single characters: variation selectors, the combining keycap, tag
// characters and zero-width joiners, but a joiner before a letter or a
// mark (a half form in Devanagari); a skin tone is cut off, a swatch.
func dropEmojiMarks(c string) string {
	var b strings.Builder
	for i, r := range c {
		switch {
		case r >= 0x1f3fb && r <= 0x1f3ff:
			// A skin tone is a swatch of its own, as such a terminal
			// draws it: 👍🏽 and 👍🏿 stay apart.
			b.WriteRune(wordJoiner)
		case r >= 0xfe00 && r <= 0xfe0f, r == 0x20e3, r >= 0xe0020 && r <= 0xe007f:
			continue
		case r == 0x200d:
			next, _ := utf8.DecodeRuneInString(c[i+len("\u200d"):])
			if !unicode.IsLetter(next) && !unicode.Is(unicode.M, next) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cutCluster writes c, a cluster the measures disagree on, cut with word
// joiners into pieces that each take the cells of the character they start
// with: a letter and its spacing vowel sign, or the consonants of a
// conjunct, are two clusters, as a terminal drawing one character at a time
// draws them.
func cutCluster(b *strings.Builder, c string) {
	start, first := 0, true
	for i, r := range c {
		if i > start && ansi.StringWidthWc(string(r)) > 0 {
			writePiece(b, c[start:i], first)
			start, first = i, false
		}
	}
	writePiece(b, c[start:], first)
}

// writePiece writes a piece of a cluster: one character that takes cells
// and those after it that take none, after a word joiner unless it is the
// first. A piece the measures still disagree on keeps its first character
// (a lone regional indicator as its letter; one the measures see otherwise
// even alone as nothing) and those after it that keep it agreeing.
func writePiece(b *strings.Builder, p string, first bool) {
	if p == "" {
		return
	}
	if !agrees(p) {
		p = agreeingPiece(p)
		if p == "" {
			return
		}
	}
	if !first {
		b.WriteRune(wordJoiner)
	}
	b.WriteString(p)
}

// agreeingPiece is as much of p as the measures agree on (see writePiece):
// of the characters after the first, the first maxMarks are tried.
func agreeingPiece(p string) string {
	r, size := utf8.DecodeRuneInString(p)
	base := string(r)
	switch {
	case r >= 0x1f1e6 && r <= 0x1f1ff:
		base = string('A' + r - 0x1f1e6) // a regional indicator: its letter
	case !agrees(base):
		base = ""
	}
	out, tried := base, 0
	for _, m := range p[size:] {
		if tried++; tried > maxMarks {
			break
		}
		if agrees(out + string(m)) {
			out += string(m)
		}
	}
	return out
}

// maxMarks is how many marks on one character agreeingPiece tries: more
// than a terminal stacks, few enough that a hostile run of thousands costs
// nothing.
const maxMarks = 16
