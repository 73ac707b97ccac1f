// Package anchor finds a passage of an article again after its text has
// changed. A passage is kept as a W3C TextQuoteSelector: the exact quote and
// a little of the text before and after it. Find looks for the quote as it
// is, then with white space normalised, then approximately (a few characters
// edited), and uses the surrounding text to choose between several places,
// to refuse places where nothing around is as it was, and to place the ends
// of a passage found approximately. Such a passage is made whole words and
// whole sentences, as a reader selects them, wherever the quote began or
// ended at a word's or a sentence's edge.
//
// Anchoring works on the text a reader sees: PlainText turns an article's
// Markdown body into that text, so that the store and the reader anchor
// against the same characters.
package anchor

import (
	"cmp"
	"container/heap"
	"slices"
	"strings"
	"unicode/utf8"
)

// ContextLen is how many characters (runes) of text Make keeps on each side
// of a quote, as other TextQuoteSelector implementations do.
const ContextLen = 32

// Selector is a passage of a text: the quote itself and the text around it.
type Selector struct {
	Quote  string
	Prefix string // up to ContextLen runes right before the quote
	Suffix string // up to ContextLen runes right after the quote
}

// Make is the selector of text[start:end]. Offsets are bytes; they are
// clamped to the text and moved outwards to rune boundaries, so any pair of
// offsets makes a selector of valid pieces of the text.
func Make(text string, start, end int) Selector {
	start, end = min(max(start, 0), len(text)), min(max(end, 0), len(text))
	if end < start {
		start, end = end, start
	}
	if q, size := runeAround(text, start); q >= 0 {
		start = q
		end = max(end, q+size)
	}
	if q, size := runeAround(text, end); q >= 0 {
		end = q + size
	}
	pre := start
	for range ContextLen {
		if pre == 0 {
			break
		}
		_, size := utf8.DecodeLastRuneInString(text[:pre])
		pre -= size
	}
	post := end
	for range ContextLen {
		if post == len(text) {
			break
		}
		_, size := utf8.DecodeRuneInString(text[post:])
		post += size
	}
	return Selector{Quote: text[start:end], Prefix: text[pre:start], Suffix: text[end:post]}
}

// runeAround returns the start and size of the valid multi-byte rune that
// offset i falls inside of, and -1 when i is at a boundary.
func runeAround(text string, i int) (int, int) {
	for q := i - 1; q >= 0 && q > i-utf8.UTFMax; q-- {
		if utf8.RuneStart(text[q]) {
			if _, size := utf8.DecodeRuneInString(text[q:]); size > 1 && q+size > i {
				return q, size
			}
			break
		}
	}
	return -1, 0
}

// Find returns where s's passage is in text, as byte offsets: the quote
// found once is that place; found several times, the place whose
// surroundings best match s's prefix and suffix. White space never matters
// (a quote taken from a text wrapped one way is found in the text wrapped
// another way). When the quote is not there at all, Find looks for it with
// a few characters edited, and accepts the closest such passage when it is
// similar enough, taking the surroundings into account; otherwise ok is false
// and the passage is orphaned. A passage found so ends where its prefix and
// suffix say, and is made whole words at each end where the quote began or
// ended at a word's edge (a word it begins or ends inside of is taken whole;
// in scripts written without spaces, each character is a word), and whole
// sentences where the quote began or ended a sentence; white space and
// punctuation cut off from its words are left out.
//
// Words found where nothing around them is as it was are not taken for
// the passage when they could be another's: a quote found several times
// none of whose places has the surroundings of its selector (its paragraph
// deleted, another copy of the sentence left, the paragraph that followed
// it now next to that copy), or a short one found wholly elsewhere, is
// orphaned rather than moved onto those words; when its text comes back, it
// is found there again (agrees). Nor is a quote that began and ended at
// words' edges found as it is inside a longer word ("4" in "45"): that place
// is weighed as an approximate one, and made whole words. An empty quote is
// never found.
func Find(text string, s Selector) (start, end int, ok bool) {
	if s.Quote == "" || text == "" {
		return 0, 0, false
	}
	c := newContext(s)
	// The quote as it is: nothing but the choice between places to make.
	p, ok, seen := c.place(text, s.Quote)
	if ok {
		return p, p + len(s.Quote), true
	}
	quote := collapse(s.Quote)
	if strings.TrimSpace(quote) == "" {
		return 0, 0, false // white space alone says nothing about where it was
	}
	nt := normalize(text)
	a, ok, seenNormal := c.place(nt.s, quote)
	b := a + len(quote)
	if !ok {
		// The words are there but not where the passage was: only a
		// place whose surroundings agree is taken from now on.
		c.elsewhere = seen || seenNormal
		var errors int
		if a, b, errors, ok = c.fuzzy(nt.s, quote); !ok {
			return 0, 0, false
		}
		a, b = snap(nt.s, a, b, s, errors)
	}
	start, end = nt.span(a, b)
	return start, end, true
}

// maxOccurrences bounds the places of an exact quote weighed by their
// surroundings (a one-letter quote in a long text): the ones whose
// neighbouring characters agree longest with the prefix and suffix.
const maxOccurrences = 1024

// place returns where the exact quote q is in text, choosing among several
// places by their surroundings: one surrounded by exactly the prefix and
// suffix (reaching the text's start and end when they did) at once, else
// the most similar among those whose surroundings agree with the
// selector's (agrees). A quote found once is that place, unless it is
// short and its surroundings disagree (needsContext). A place inside a
// longer word, where the quote began or ended at a word's edge ("4" of
// "45"), is not the quote's (cutsWord). ok is false when no place is the
// passage's; seen says whether q is in text, as words, at all.
func (c *context) place(text, q string) (p int, ok, seen bool) {
	first, n := -1, 0
	var top topPlaces
	for from := 0; from <= len(text)-len(q); {
		i := strings.Index(text[from:], q)
		if i < 0 {
			break
		}
		p := from + i
		_, size := utf8.DecodeRuneInString(text[p:])
		from = p + size
		if c.cutsWord(text, p, p+len(q)) {
			continue // part of a longer word: the approximate search weighs it whole
		}
		if c.perfect(text, p, p+len(q)) {
			return p, true, true
		}
		if first < 0 {
			first = p
		}
		n++
		top.add(p, c.agreement(text, p, p+len(q)))
	}
	if n == 0 {
		return 0, false, false
	}
	if n == 1 && !c.needsContext() {
		return first, true, true
	}
	quoteLen := utf8.RuneCountInString(q)
	var best candidate
	found := false
	for _, p := range top.positions() {
		cand := c.weigh(text, p, p+len(q), 0, quoteLen)
		if !c.agrees(text, cand) {
			continue
		}
		if !found || better(cand, best) < 0 {
			best, found = cand, true
		}
	}
	return best.start, found, true
}

// agreement is how many bytes next to text[start:end] agree with the prefix
// and suffix: a cheap first measure of a place.
func (c *context) agreement(text string, start, end int) int {
	before, after := text[:start], text[end:]
	pre, suf := c.sel.Prefix, c.sel.Suffix
	n := 0
	for n < len(before) && n < len(pre) && before[len(before)-1-n] == pre[len(pre)-1-n] {
		n++
	}
	m := 0
	for m < len(after) && m < len(suf) && after[m] == suf[m] {
		m++
	}
	return n + m
}

// topPlaces keeps the maxOccurrences places of the greatest agreement, the
// earlier place among equals.
type topPlaces struct{ h placeHeap }

type placeHeap []struct{ p, agree int }

func (h placeHeap) Len() int { return len(h) }
func (h placeHeap) Less(i, j int) bool {
	return h[i].agree < h[j].agree || h[i].agree == h[j].agree && h[i].p > h[j].p
}
func (h placeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *placeHeap) Push(x any)   { *h = append(*h, x.(struct{ p, agree int })) }
func (h *placeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (t *topPlaces) add(p, agree int) {
	if len(t.h) < maxOccurrences {
		heap.Push(&t.h, struct{ p, agree int }{p, agree})
		return
	}
	if agree > t.h[0].agree {
		t.h[0] = struct{ p, agree int }{p, agree}
		heap.Fix(&t.h, 0)
	}
}

// positions returns the places kept, in text order.
func (t *topPlaces) positions() []int {
	out := make([]int, len(t.h))
	for i, x := range t.h {
		out[i] = x.p
	}
	slices.Sort(out)
	return out
}

// context is a selector's prefix and suffix, prepared for comparing with
// the text around candidate places.
type context struct {
	sel            Selector
	prefix, suffix []rune // white space collapsed
	preMy, sufMy   *myers // prepared to measure them against text, when first needed
	buf            []rune // room for the text around a place
	// atStart and atEnd say that the prefix (suffix) is shorter than Make
	// would take from the middle of a text: the passage began (ended) the
	// text, which tells apart places that read the same nearby.
	atStart, atEnd bool
	// short says that the quote is shorter than its context: words that
	// may well be elsewhere too, found only where their surroundings agree.
	short bool
	// elsewhere says that the quote is in the text, but nowhere with its
	// surroundings: an edited place is taken only where they agree.
	elsewhere bool
	// preNear and sufNear are the prefix and suffix within the passage's
	// own line (paragraph, list item, table row), white space collapsed:
	// nil where the passage begins (ends) its line, or has only white
	// space and punctuation beside it there.
	preNear, sufNear     []rune
	preNearMy, sufNearMy *myers
	// preLines and sufLines are the other lines of the prefix and suffix
	// that have words, white space collapsed, nearest the passage first:
	// what places a passage that is a line of its own. splitLines makes
	// them and the parts within the line, once linesSplit.
	preLines, sufLines []string
	linesSplit         bool
	// opensWord and closesWord say that the quote began (ended) at a
	// word's edge: a place that cuts a word there is not the quote.
	opensWord, closesWord bool
}

// needsContext reports whether a place is taken only where its
// surroundings agree with the selector's.
func (c *context) needsContext() bool {
	return c.short || c.elsewhere
}

// agreeContext is how similar to the selector's prefix or suffix within
// the passage's line the text beside a place must be for the place to agree
// with it: half, well above what two unrelated sentences share.
const agreeContext = 0.5

// sameLines is how similar to the selector's prefix or suffix the text
// beside a place must be for the lines around it to be the lines that were
// around the passage: at most one rune in four edited, as a quote found
// approximately.
const sameLines = 0.75

// linesApart is how far, in runes, the lines that were next to a passage
// that is a line of its own may be from it, lines inserted between.
const linesApart = 16 * ContextLen

// agrees reports whether the surroundings of a weighed place in text agree
// with the selector's. A paragraph deleted brings together the lines on
// either side of it, so the lines beside a place say nothing about a
// passage that shares its line with other words: such a passage agrees
// where the words of its line, on one side at least, are much like the
// prefix's (suffix's) there. A passage that is a line of its own (a
// paragraph, a list item, a table row, or the text's first or last) has
// nothing but the lines around it: it agrees where they agree on both
// sides (linesAgree). A selector with neither prefix nor suffix says
// nothing against any place.
func (c *context) agrees(text string, cand candidate) bool {
	if len(c.prefix) == 0 && len(c.suffix) == 0 {
		return true
	}
	c.splitLines()
	if c.preNear != nil || c.sufNear != nil {
		return c.preNear != nil && cand.preNear >= agreeContext || c.sufNear != nil && cand.sufNear >= agreeContext
	}
	return c.linesAgree(text, cand, true) && c.linesAgree(text, cand, false)
}

// linesAgree reports whether the lines before (after) a place are the
// lines that were before (after) its passage: the text beside it is the
// prefix (suffix) at most lightly edited, or one of the prefix's (suffix's)
// lines is within linesApart of it, lines inserted between. Lines the text
// had, and has no more, agree with no place: the passage's own paragraph
// deleted, another copy of it is not taken for it, though the paragraph
// after (before) it is now next to that copy. Where the passage began
// (ended) the text, nothing was before (after) it to disagree with: text
// added there since does not orphan it, and no copy can be where it was
// but for the lines on its other side.
func (c *context) linesAgree(text string, cand candidate, before bool) bool {
	ctx, sim, lines := c.prefix, cand.pre, c.preLines
	if !before {
		ctx, sim, lines = c.suffix, cand.suf, c.sufLines
	}
	if len(ctx) == 0 || sim >= sameLines {
		return true
	}
	var near []rune
	if before {
		near, _ = contextBefore(nil, text, cand.start, linesApart)
	} else {
		near, _ = contextAfter(nil, text, cand.end, linesApart)
	}
	w := string(near)
	for _, line := range lines {
		if hasWordsAt(w, line) {
			return true
		}
	}
	return false
}

// hasWordsAt reports whether s has words, as whole words: not inside
// longer ones.
func hasWordsAt(s, words string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], words)
		if i < 0 {
			return false
		}
		i += from
		if boundary(s[:i], s[i:]) && boundary(s[:i+len(words)], s[i+len(words):]) {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		from = i + size
	}
}

// cutsWord reports whether text[start:end] begins or ends inside a word
// where the quote began or ended at a word's edge.
func (c *context) cutsWord(text string, start, end int) bool {
	return c.opensWord && !boundary(text[:start], text[start:]) || c.closesWord && !boundary(text[:end], text[end:])
}

// maxContextRunes bounds the prefix and suffix compared, for selectors
// made elsewhere with long ones: the runes nearest the quote count.
const maxContextRunes = 4 * ContextLen

func newContext(s Selector) *context {
	prefix, suffix := []rune(collapse(s.Prefix)), []rune(collapse(s.Suffix))
	if len(prefix) > maxContextRunes {
		prefix = prefix[len(prefix)-maxContextRunes:]
	}
	if len(suffix) > maxContextRunes {
		suffix = suffix[:maxContextRunes]
	}
	c := &context{
		sel:        s,
		prefix:     prefix,
		suffix:     suffix,
		buf:        make([]rune, 0, len(prefix)+len(suffix)),
		atStart:    countBackward(s.Prefix, ContextLen) < ContextLen,
		atEnd:      utf8.RuneCountInString(s.Suffix) < ContextLen,
		short:      utf8.RuneCountInString(strings.TrimSpace(collapse(s.Quote))) < ContextLen,
		opensWord:  boundary(s.Prefix, s.Quote),
		closesWord: boundary(s.Quote, s.Suffix),
	}
	return c
}

// splitLines prepares the prefix and suffix within the passage's line and
// the other lines of them, when first a place is weighed.
func (c *context) splitLines() {
	if c.linesSplit {
		return
	}
	c.linesSplit = true
	lines := strings.Split(c.sel.Prefix, "\n")
	c.preNear = inLine(lines[len(lines)-1], len(c.prefix), false)
	if len(lines) > 1 && !c.atStart {
		lines[0] = afterWord(lines[0]) // a line cut short, maybe inside a word
	}
	c.preLines = linesWithWords(lines[:len(lines)-1])
	slices.Reverse(c.preLines)
	lines = strings.Split(c.sel.Suffix, "\n")
	c.sufNear = inLine(lines[0], len(c.suffix), true)
	if last := len(lines) - 1; last > 0 && !c.atEnd {
		lines[last] = beforeWord(lines[last])
	}
	c.sufLines = linesWithWords(lines[1:])
	if c.preNear != nil {
		c.preNearMy = newMyers(c.preNear)
	}
	if c.sufNear != nil {
		c.sufNearMy = newMyers(c.sufNear)
	}
}

// inLine is the part of the prefix or suffix in the passage's own line,
// white space collapsed and at most n runes (as much as is compared): the
// runes nearest the passage, the first of them for a suffix (head). It is
// nil when that part has no words.
func inLine(part string, n int, head bool) []rune {
	if !hasWords(part) {
		return nil
	}
	r := []rune(collapse(part))
	if len(r) > n {
		if head {
			return r[:n]
		}
		return r[len(r)-n:]
	}
	return r
}

// afterWord is s from its first white space on: without the word, perhaps
// a piece of one, it begins with.
func afterWord(s string) string {
	if i := strings.IndexFunc(s, isSpace); i >= 0 {
		return s[i:]
	}
	return ""
}

// beforeWord is s up to its last white space: without the word, perhaps a
// piece of one, it ends with.
func beforeWord(s string) string {
	if i := strings.LastIndexFunc(s, isSpace); i >= 0 {
		return s[:i]
	}
	return ""
}

// linesWithWords returns those of lines that have words, white space
// collapsed and trimmed.
func linesWithWords(lines []string) []string {
	var out []string
	for _, l := range lines {
		if hasWords(l) {
			out = append(out, strings.TrimSpace(collapse(l)))
		}
	}
	return out
}

// hasWords reports whether s has a letter or a digit.
func hasWords(s string) bool {
	return strings.IndexFunc(s, inWord) >= 0
}

// countBackward counts the runes of s from its end as Make steps over them,
// stopping at limit.
func countBackward(s string, limit int) int {
	n := 0
	for i := len(s); i > 0 && n < limit; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return n
}

// candidate is a place weighed by its surroundings.
type candidate struct {
	start, end int
	errors     int     // characters edited from the quote
	quote      float64 // how well the quote matches, 0 to 1
	pre, suf   float64 // how well the text around matches the prefix and suffix
	// preNear and sufNear are how well the text beside it matches the
	// prefix and suffix within the passage's line (context.preNear).
	preNear, sufNear float64
	score            float64 // all three weighed together
	edges            int     // how many of atStart and atEnd the place agrees with
	// atStart and atEnd say that the text around the place, as much as
	// the prefix (suffix) is long, reaches the text's start (end).
	atStart, atEnd bool
}

// better orders candidates best first: higher score, then agreement with
// the text's edges, then the earlier place.
func better(a, b candidate) int {
	return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.edges, a.edges), cmp.Compare(a.start, b.start))
}

// Weights of the quote and its surroundings in a candidate's score, as in
// Hypothesis's approximate anchoring: the quote counts most.
const (
	quoteWeight   = 50
	contextWeight = 20 // each of prefix and suffix
	totalWeight   = quoteWeight + 2*contextWeight
)

// weigh scores the place text[start:end], whose quote has errors edits in a
// quote of quoteLen runes.
func (c *context) weigh(text string, start, end, errors, quoteLen int) candidate {
	var before, after []rune
	var bAtStart, aAtEnd bool
	before, bAtStart = contextBefore(c.buf[:0], text, start, len(c.prefix))
	after, aAtEnd = contextAfter(before[len(before):], text, end, len(c.suffix))
	c.buf = after[:0]
	cand := candidate{start: start, end: end, errors: errors, atStart: bAtStart, atEnd: aAtEnd}
	cand.quote = 1 - float64(errors)/float64(max(quoteLen, 1))
	if c.preMy == nil && len(c.prefix) > 0 {
		c.preMy = newMyers(c.prefix)
	}
	if c.sufMy == nil && len(c.suffix) > 0 {
		c.sufMy = newMyers(c.suffix)
	}
	cand.pre, cand.suf = similarity(c.preMy, before), similarity(c.sufMy, after)
	// A passage that began (ended) the text is found where a place does.
	if len(c.prefix) == 0 {
		cand.pre = edge(bAtStart)
	}
	if len(c.suffix) == 0 {
		cand.suf = edge(aAtEnd)
	}
	c.splitLines()
	if c.preNearMy != nil {
		cand.preNear = similarity(c.preNearMy, before[max(0, len(before)-len(c.preNear)):])
	}
	if c.sufNearMy != nil {
		cand.sufNear = similarity(c.sufNearMy, after[:min(len(after), len(c.sufNear))])
	}
	cand.score = (quoteWeight*cand.quote + contextWeight*cand.pre + contextWeight*cand.suf) / totalWeight
	if bAtStart == c.atStart {
		cand.edges++
	}
	if aAtEnd == c.atEnd {
		cand.edges++
	}
	return cand
}

// edge is how well a place's side matches a selector's empty prefix
// (suffix): fully where it too is at the text's start (end), not at all
// elsewhere.
func edge(at bool) float64 {
	if at {
		return 1
	}
	return 0
}

// perfect reports whether text[start:end] is surrounded by exactly the
// selector's prefix and suffix, reaching the text's start and end when they
// did.
func (c *context) perfect(text string, start, end int) bool {
	before, after := text[:start], text[end:]
	if !strings.HasSuffix(before, c.sel.Prefix) || !strings.HasPrefix(after, c.sel.Suffix) {
		return false
	}
	return (len(before) == len(c.sel.Prefix)) == c.atStart && (len(after) == len(c.sel.Suffix)) == c.atEnd
}
