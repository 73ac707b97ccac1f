package ui

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/store/query"
)

// The words a filter matched are highlighted in list titles, the reader's
// title and the rendered body. Matching folds case and diacritics exactly as
// the library's index does (query.Highlights), so what is highlighted is
// what matched; the words are looked for as the screen shows them
// (shownHighlights).

// highlightTerms is what to highlight for a query: the words, phrases and
// prefixes it looks for (not those it excludes), as the library reads it.
func highlightTerms(q listQuery) []string {
	n, err := query.Parse(q.whole())
	if err != nil {
		return nil
	}
	return query.Terms(n)
}

// fitHighlighted cuts plain one-line text s to width cells as fit does and
// renders it in base, and where terms occur in hl.
func fitHighlighted(s string, width int, terms []string, base, hl styler) string {
	if width <= 0 {
		return ""
	}
	var ranges [][2]int
	if len(terms) > 0 {
		ranges = shownHighlights(s, terms)
	}
	if len(ranges) == 0 {
		return base.Render(fit(s, width))
	}
	cut := ansi.Truncate(s, width, "…")
	keep := len(s) // the bytes of s that are shown
	if cut != s {
		keep = max(len(cut)-len("…"), 0)
	}
	rest := ""
	if cut != s {
		rest = "…"
	}
	if w := ansi.StringWidth(cut); w < width {
		rest += strings.Repeat(" ", width-w)
	}
	out := highlightRanges(s[:keep], ranges, base, hl)
	if rest != "" {
		out += base.Render(rest)
	}
	return out
}

// highlightText renders s in base, and where terms occur in hl.
func highlightText(s string, terms []string, base, hl lipgloss.Style) string {
	if len(terms) == 0 {
		return base.Render(s)
	}
	return highlightRanges(s, shownHighlights(s, terms), base, hl)
}

// shownHighlights is query.Highlights for text as the screen shows it
// (displayText): the terms are looked for as they are shown (shownTerms),
// in the text without the word joiners that cut its clusters, which the
// library's text does not have: a halfwidth ｶ⁠ﾞ is ガ there, as it was
// found. The ranges are text's; a joiner where one begins or ends is
// outside it.
func shownHighlights(text string, terms []string) [][2]int {
	terms = shownTerms(terms)
	bare := withoutJoiners(text)
	if len(bare) == len(text) {
		return query.Highlights(text, terms)
	}
	var joiners []int // where each joiner was in bare, in order
	for at, n := 0, 0; ; n++ {
		i := strings.IndexRune(text[at:], wordJoiner)
		if i < 0 {
			break
		}
		at += i
		joiners = append(joiners, at-n*joinerLen)
		at += joinerLen
	}
	ranges := query.Highlights(bare, terms)
	for k, r := range ranges {
		before := sort.SearchInts(joiners, r[0]+1) // at or before its start
		within := sort.SearchInts(joiners, r[1])   // before its end
		ranges[k] = [2]int{r[0] + before*joinerLen, r[1] + within*joinerLen}
	}
	return ranges
}

// joinerLen is the length of a word joiner in UTF-8.
const joinerLen = len(string(wordJoiner))

// highlightRanges renders s in base, and its byte ranges (sorted, apart;
// those past its end are cut) in hl.
func highlightRanges(s string, ranges [][2]int, base, hl styler) string {
	var b strings.Builder
	at := 0
	for _, r := range ranges {
		if r[0] >= len(s) {
			break
		}
		end := min(r[1], len(s))
		if r[0] > at {
			b.WriteString(base.Render(s[at:r[0]]))
		}
		b.WriteString(hl.Render(s[r[0]:end]))
		at = end
	}
	if at < len(s) {
		b.WriteString(base.Render(s[at:]))
	}
	return b.String()
}

// sgrReset ends every style.
const sgrReset = "\x1b[m"

// highlightRendered marks where terms occur in glamour's rendered output,
// which by now holds only text and SGR sequences (keepStyles). The plain
// text is matched; each match, line by line and without the margins, is
// wrapped in the open sequence (the highlight style's own SGR), which is
// repeated after every sequence of glamour's inside the match and followed
// by a reset and glamour's styling as it stood. Only SGR sequences are
// added, so the output stays what keepStyles lets through.
func highlightRendered(out string, terms []string, open string) string {
	if len(terms) == 0 || open == "" {
		return out
	}
	text, at := stripStyles(out)
	var edits []styleEdit
	for _, r := range shownHighlights(text, terms) {
		for start := r[0]; start < r[1]; {
			end := r[1]
			if nl := strings.IndexByte(text[start:end], '\n'); nl >= 0 {
				end = start + nl
			}
			s, e := start, end
			for s < e && text[s] == ' ' {
				s++
			}
			for e > s && text[e-1] == ' ' {
				e--
			}
			if s < e {
				edits = append(edits, styleEdit{start: int32(s), end: int32(e), open: open})
			}
			start = end + 1
		}
	}
	return applyStyles(out, at, edits)
}

// isSGRReset reports whether an SGR sequence starts by resetting every
// attribute: ESC [ m, ESC [ 0 m, ESC [ 0 ; ... m.
func isSGRReset(seq string) bool {
	params := strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b["), "m")
	first, _, _ := strings.Cut(params, ";")
	return first == "" || strings.Trim(first, "0") == ""
}

// sgrOpen is the sequence that turns style s on: what s renders before a
// character.
func sgrOpen(s lipgloss.Style) string {
	open, _, _ := strings.Cut(s.Render("x"), "x")
	return open
}
