package anchor

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalized is a text with every run of white space made one space, so
// that rewrapping, double spaces and paragraph breaks do not break a match,
// and the way back to the original text's offsets.
type normalized struct {
	s    string
	runs []wsRun // the runs whose length changed, in order
}

// wsRun is white space text[start:end] that became the one space s[at].
type wsRun struct{ at, start, end int }

func normalize(text string) normalized {
	var b strings.Builder
	var runs []wsRun
	copied := 0 // text[:copied] is in b
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isSpace(r) {
			i += size
			continue
		}
		j := skipSpace(text, i)
		if j-i == 1 && text[i] == ' ' {
			i = j // already what it becomes
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(text))
		}
		b.WriteString(text[copied:i])
		if j-i != 1 {
			runs = append(runs, wsRun{at: b.Len(), start: i, end: j})
		}
		b.WriteByte(' ')
		i, copied = j, j
	}
	if copied == 0 {
		return normalized{s: text}
	}
	b.WriteString(text[copied:])
	return normalized{s: b.String(), runs: runs}
}

// isSpace is unicode.IsSpace with the common case first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// skipSpace returns the end of the run of white space starting at i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// collapse is s with every run of white space made one space.
func collapse(s string) string {
	return normalize(s).s
}

// runAt returns the index of the last run at or before normalized offset
// p, or -1.
func (n normalized) runAt(p int) int {
	return sort.Search(len(n.runs), func(i int) bool { return n.runs[i].at > p }) - 1
}

// orig is the original offset of normalized offset p.
func (n normalized) orig(p int) int {
	i := n.runAt(p)
	if i < 0 {
		return p
	}
	r := n.runs[i]
	if r.at == p {
		return r.start
	}
	return r.end + p - r.at - 1
}

// span maps the normalized s[a:b] (b > a) back to the original text. A
// space at either end stands for its whole run of white space.
func (n normalized) span(a, b int) (start, end int) {
	if i := n.runAt(b - 1); i >= 0 && n.runs[i].at == b-1 {
		return n.orig(a), n.runs[i].end
	}
	return n.orig(a), n.orig(b-1) + 1
}

// contextBefore returns up to n runes of text right before pos, white space
// collapsed, and whether they reach the start of the text. It appends to
// buf[:0].
func contextBefore(buf []rune, text string, pos, n int) ([]rune, bool) {
	out := buf[:0]
	i := pos
	for len(out) < n && i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !isSpace(r) {
			out = append(out, r)
			i -= size
			continue
		}
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:i])
			if !isSpace(r) {
				break
			}
			i -= size
		}
		out = append(out, ' ')
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out, i == 0
}

// contextAfter returns up to n runes of text from pos on, white space
// collapsed, and whether they reach the end of the text. It appends to
// buf[:0].
func contextAfter(buf []rune, text string, pos, n int) ([]rune, bool) {
	out := buf[:0]
	i := pos
	for len(out) < n && i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) {
			out = append(out, r)
			i += size
			continue
		}
		i = skipSpace(text, i)
		out = append(out, ' ')
	}
	return out, i == len(text)
}

// similarity is 1 when got is the text want was, falling to 0 as they
// differ: one minus their edit distance relative to want's length. An empty
// want (my is nil) asks for nothing and is always met.
func similarity(my *myers, got []rune) float64 {
	if my == nil {
		return 1
	}
	return max(0, 1-float64(my.distance(got))/float64(my.m))
}
