package ui

import (
	"sort"
	"strings"
	"tidings/feeds"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Passages are anchored in the article's plain text (anchor.PlainText), but
// drawn on glamour's rendering of its Markdown. The rendering, without its
// styles and its wrapping, is the plain text up to white space, plus what
// glamour adds around it (margins, bullets, "##", a link's address). A
// bodyLayout matches the plain text's words to the rendering's words in
// order, once per rendering, so that any passage can then be drawn (and
// any line of the rendering traced back to the text) in time linear in the
// rendering.

// alignLookahead is how many words of the rendering a word of the plain
// text may skip over to find itself: what glamour adds between two words
// (a bullet, a heading's marks, a wrapped link address) is rarely more.
const alignLookahead = 24

// bodyLayout maps a rendering to the plain text it shows.
type bodyLayout struct {
	text  string  // the plain text
	strip string  // the rendering without its escape sequences
	at    []int32 // where each byte of strip is in the rendering
	lines []int32 // where each line of strip starts

	words  []plainWord // the plain text's words, in order
	pieces []piece     // where the words are in strip
	// linePlain is, for each line of the rendering, where in the plain
	// text the first word on it is; -1 for a line showing none.
	linePlain []int
}

// plainWord is a word of the plain text and its pieces in the rendering
// (pieces[first:first+n]); a word wrapped in the middle has two.
type plainWord struct {
	start, end int32
	first, n   int32
}

// piece is a part of a plain word found in strip: the n plain bytes from
// the word's start+off on are strip[rs:re]. n is re-rs but in a word the
// screen shows otherwise than it is stored (displayText: an emoji sequence
// as its emoji, a conjunct cut with word joiners).
type piece struct {
	off, rs, re, n int32
}

// stripStyles returns rendered output without its escape sequences, and
// where each byte of that is in out.
func stripStyles(out string) (string, []int32) {
	plain := make([]byte, 0, len(out))
	at := make([]int32, 0, len(out))
	for i := 0; i < len(out); {
		if out[i] == 0x1b {
			n, _ := escapeSequence(out[i:])
			i += n
			continue
		}
		j := i
		for j < len(out) && out[j] != 0x1b {
			j++
		}
		plain = append(plain, out[i:j]...)
		for k := i; k < j; k++ {
			at = append(at, int32(k))
		}
		i = j
	}
	return string(plain), at
}

// fields returns where the words (runs of anything but white space) of s
// are, as start and end byte offsets. Bidirectional controls count as white
// space: the plain text keeps them, the rendering does not (feeds.StripBidi).
func fields(s string) [][2]int32 {
	var out [][2]int32
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r) || feeds.IsBidi(r)
		}
		switch {
		case space && start >= 0:
			out = append(out, [2]int32{int32(start), int32(i)})
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		out = append(out, [2]int32{int32(start), int32(len(s))})
	}
	return out
}

// newBodyLayout matches text's words to those of out, a rendering of the
// Markdown text was taken from.
func newBodyLayout(out, text string) *bodyLayout {
	l := &bodyLayout{text: text}
	l.strip, l.at = stripStyles(out)
	l.lines = append(l.lines, 0)
	for i := 0; i < len(l.strip); i++ {
		if l.strip[i] == '\n' {
			l.lines = append(l.lines, int32(i+1))
		}
	}

	pw, rw := fields(text), fields(l.strip)
	l.words = make([]plainWord, len(pw))
	l.pieces = make([]piece, 0, len(pw)+8)
	word := func(k int) string { return l.strip[rw[k][0]:rw[k][1]] }
	j := 0 // the next word of the rendering
	for i, p := range pw {
		stored := text[p[0]:p[1]]
		// The word as the screen shows it, which is what the rendering
		// holds; where they differ, plain offsets are found in stored.
		w := shownWord(stored)
		plainOff := func(off int) int32 { return int32(off) }
		if w != stored {
			var offsets *shownOffsets
			plainOff = func(off int) int32 {
				switch {
				case off <= 0:
					return 0
				case off >= len(w):
					return int32(len(stored))
				case offsets == nil:
					offsets = newShownOffsets(stored)
				}
				return offsets.stored(off)
			}
		}
		pwd := &l.words[i]
		pwd.start, pwd.end, pwd.first = p[0], p[1], int32(len(l.pieces))
		found := false
		for k := j; k < len(rw) && k < j+alignLookahead; k++ {
			r := word(k)
			if !strings.HasPrefix(w, r) {
				continue
			}
			// The word itself, or its start with the rest wrapped onto
			// the next line(s).
			off, kk := len(r), k+1
			for off < len(w) && kk < len(rw) && strings.HasPrefix(w[off:], word(kk)) {
				off += len(word(kk))
				kk++
			}
			if off != len(w) {
				continue
			}
			off = 0
			for x := k; x < kk; x++ {
				next := off + int(rw[x][1]-rw[x][0])
				start, end := plainOff(off), plainOff(next)
				l.pieces = append(l.pieces, piece{off: start, rs: rw[x][0], re: rw[x][1], n: end - start})
				off = next
			}
			j, found = kk, true
			break
		}
		if !found && j < len(rw) {
			// Glued to something glamour adds ("word." before a link's
			// address): the part they share.
			r := word(j)
			n := commonPrefix(w, r)
			if n > 0 && (n == len(w) || n == len(r)) {
				l.pieces = append(l.pieces, piece{off: 0, rs: rw[j][0], re: rw[j][0] + int32(n), n: plainOff(n)})
				j++
			}
		}
		pwd.n = int32(len(l.pieces)) - pwd.first
	}

	l.linePlain = make([]int, len(l.lines))
	for i := range l.linePlain {
		l.linePlain[i] = -1
	}
	line := 0
	for _, w := range l.words {
		for _, p := range l.pieces[w.first : w.first+w.n] {
			for line+1 < len(l.lines) && l.lines[line+1] <= p.rs {
				line++
			}
			if l.linePlain[line] < 0 {
				l.linePlain[line] = int(w.start + p.off)
			}
		}
	}
	return l
}

// shownWord is a word of the plain text as the reader shows it: written so
// that both ways of measuring it agree (displayText), then without what is
// filtered out of glamour's output (keepStyles: a joiner between ASCII
// letters).
func shownWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return keepStyles(displayText(w))
		}
	}
	return w
}

// shownOffsets maps a word of the plain text as it is shown (shownWord) to
// the word as it is stored, cluster by cluster: the i-th cluster of the
// stored word starts at at[i], and what it is shown as at shown[i].
type shownOffsets struct {
	at, shown []int32
}

func newShownOffsets(stored string) *shownOffsets {
	o := &shownOffsets{}
	d := 0
	for i := 0; i < len(stored); {
		c, _ := ansi.FirstGraphemeCluster(stored[i:], ansi.GraphemeWidth)
		if len(c) == 0 {
			c = stored[i : i+1]
		}
		o.at, o.shown = append(o.at, int32(i)), append(o.shown, int32(d))
		d += len(shownWord(c))
		i += len(c)
	}
	return o
}

// stored is where in the stored word the byte off of the shown word is: the
// start of the first cluster shown at off or after it.
func (o *shownOffsets) stored(off int) int32 {
	k := sort.Search(len(o.shown), func(k int) bool { return int(o.shown[k]) >= off })
	if k == len(o.shown) {
		return o.at[len(o.at)-1] // not expected: off is inside the word
	}
	return o.at[k]
}

// commonPrefix is how many bytes a and b share at their start, whole runes.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[n:])
		rb, _ := utf8.DecodeRuneInString(b[n:])
		if ra != rb {
			break
		}
		n += sa
	}
	return n
}

// size is roughly how many bytes the layout holds.
func (l *bodyLayout) size() int {
	return len(l.strip) + 4*len(l.at) + 4*len(l.lines) + 16*len(l.words) + 12*len(l.pieces) + 8*len(l.linePlain)
}

// lineOf is the line of strip that byte i is on.
func (l *bodyLayout) lineOf(i int32) int {
	return sort.Search(len(l.lines), func(k int) bool { return l.lines[k] > i }) - 1
}

// ranges returns where the plain text's bytes [start, end) are in strip:
// one range per line at most, covering the white space between its words
// but nothing glamour put between them (a link's address).
func (l *bodyLayout) ranges(start, end int) [][2]int32 {
	var out [][2]int32
	i := sort.Search(len(l.words), func(k int) bool { return int(l.words[k].end) > start })
	for ; i < len(l.words) && int(l.words[i].start) < end; i++ {
		w := l.words[i]
		for _, p := range l.pieces[w.first : w.first+w.n] {
			ps := int(w.start + p.off)
			pe := ps + int(p.n)
			a, b := max(ps, start), min(pe, end)
			if a >= b {
				continue
			}
			r := [2]int32{p.rs + int32(a-ps), p.rs + int32(b-ps)}
			if p.n != p.re-p.rs {
				r = [2]int32{p.rs, p.re} // shown otherwise: all of it
			}
			if n := len(out); n > 0 && isBlank(l.strip[out[n-1][1]:r[0]]) {
				out[n-1][1] = r[1]
				continue
			}
			out = append(out, r)
		}
	}
	return out
}

// isBlank reports whether s is spaces within one line.
func isBlank(s string) bool {
	for _, r := range s {
		if r == '\n' || !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// blankLine reports whether line n of strip shows nothing but spaces.
func (l *bodyLayout) blankLine(n int) bool {
	start, end := l.lines[n], int32(len(l.strip))
	if n+1 < len(l.lines) {
		end = l.lines[n+1] - 1
	}
	return strings.TrimSpace(l.strip[start:end]) == ""
}
