package anchor

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// Approximate search finds the passages of a text within a few edits of the
// quote with Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector
// algorithm for approximate string matching based on dynamic programming",
// 1999, in the blocked form of H. Hyyrö), the algorithm Hypothesis anchors
// with: each rune of the text advances one column of the edit-distance table
// in ⌈m/64⌉ machine words, so a search costs O(n·⌈m/64⌉) for a text of n
// runes and a quote of m.

// maxErrorRatio is the share of a quote's runes that may be edited for an
// approximate match to be considered at all.
const maxErrorRatio = 4 // at most one rune in four

// An approximate place is accepted when the quote is nearly intact, or when
// its surroundings make up for more edits.
const (
	acceptQuote = 0.9  // quote similarity accepted whatever the surroundings
	acceptScore = 0.75 // combined score accepted otherwise
)

// fuzzyBudget bounds the work of one approximate search, in runes read times
// 64-rune blocks of quote: a long quote in a huge body is not searched for
// approximately, and stays orphaned unless found exactly; a long quote with
// many near places has fewer of them weighed.
const fuzzyBudget = 1 << 25

// maxFuzzyCandidates is how many approximate places, the fewest edits
// first, are weighed by their surroundings.
const maxFuzzyCandidates = 64

// match is the end of an approximate occurrence and its number of edits.
type match struct{ end, errors int }

// fuzzy returns the best place in text within a few edits of quote, both
// white-space normalised, when it is good enough, and the quote's edits
// there. Where the context asks for it (c.needsContext), only a place
// whose surroundings agree with the selector's is taken.
func (c *context) fuzzy(text, quote string) (start, end, errors int, ok bool) {
	pat := []rune(quote)
	m := len(pat)
	maxErrors := m / maxErrorRatio
	if maxErrors == 0 {
		return 0, 0, 0, false // too short to tell an edit from another word
	}
	fwd := newMyers(pat)
	work := utf8.RuneCountInString(text) * fwd.blocks
	if work > fuzzyBudget {
		return 0, 0, 0, false
	}
	ends := fwd.ends(text, maxErrors, maxFuzzyCandidates)
	if len(ends) == 0 {
		return 0, 0, 0, false
	}
	slices.Reverse(pat)
	b := c.newBounds(fwd, newMyers(pat), m+maxErrors)
	var top candidate
	found := false
	for i, e := range ends {
		if i > 0 && bestPossible(e.errors, m) < top.score {
			break // fewest edits first: no later place can do better
		}
		if work += b.cost(); work > fuzzyBudget {
			if i == 0 {
				return 0, 0, 0, false
			}
			break
		}
		s, end, errs := b.place(text, e.end)
		cand := c.weigh(text, s, end, errs, m)
		if c.needsContext() && !c.agrees(text, cand) {
			continue
		}
		if !found || better(cand, top) < 0 {
			top, found = cand, true
		}
	}
	if !found || !c.accept(top) {
		return 0, 0, 0, false
	}
	return top.start, top.end, top.errors, true
}

// bestPossible is the score of a place with this many edits in a quote of
// m runes and surroundings exactly as the selector has them.
func bestPossible(errors, m int) float64 {
	return (quoteWeight*(1-float64(errors)/float64(m)) + 2*contextWeight) / totalWeight
}

// accept decides whether an approximate place is the passage: the quote
// nearly intact, or, more edited, the text around it (as much of prefix and
// suffix as the selector has) making up for it.
func (c *context) accept(cand candidate) bool {
	if cand.quote >= acceptQuote {
		return true
	}
	score, weight := quoteWeight*cand.quote, float64(quoteWeight)
	if len(c.prefix) > 0 {
		score, weight = score+contextWeight*cand.pre, weight+contextWeight
	}
	if len(c.suffix) > 0 {
		score, weight = score+contextWeight*cand.suf, weight+contextWeight
	}
	return weight > quoteWeight && score/weight >= acceptScore
}

// myers is a pattern prepared for the bit-parallel edit-distance table: one
// bit per pattern rune, 64 to a block.
type myers struct {
	m, blocks int
	peq       map[rune][]uint64 // per rune, the blocks' bits where it is in the pattern
	ascii     [128][]uint64     // the same for ASCII, without a map; nil when not in it
	zero      []uint64          // for runes not in the pattern
	lastShift uint              // the bit of the pattern's last rune in the last block
	pv, mv    []uint64          // the column's vertical deltas, +1 and -1
}

func newMyers(pat []rune) *myers {
	my := &myers{m: len(pat), blocks: (len(pat) + 63) / 64}
	my.zero = make([]uint64, my.blocks)
	for i, r := range pat {
		var v []uint64
		if r >= 0 && r < utf8.RuneSelf {
			if v = my.ascii[r]; v == nil {
				v = make([]uint64, my.blocks)
				my.ascii[r] = v
			}
		} else {
			if my.peq == nil {
				my.peq = make(map[rune][]uint64)
			}
			if v = my.peq[r]; v == nil {
				v = make([]uint64, my.blocks)
				my.peq[r] = v
			}
		}
		v[i/64] |= 1 << (i % 64)
	}
	my.lastShift = uint((len(pat) - 1) % 64)
	my.pv, my.mv = make([]uint64, my.blocks), make([]uint64, my.blocks)
	return my
}

// reset starts a new table: the first column is 0, 1, ..., m.
func (my *myers) reset() {
	for b := range my.pv {
		my.pv[b], my.mv[b] = ^uint64(0), 0
	}
}

func (my *myers) eq(r rune) []uint64 {
	if r >= 0 && r < utf8.RuneSelf {
		if v := my.ascii[r]; v != nil {
			return v
		}
		return my.zero
	}
	if v, ok := my.peq[r]; ok {
		return v
	}
	return my.zero
}

// step advances the table by one text rune. hin is the change along the
// table's top row: 0 when the pattern may start anywhere in the text, 1
// when it must start at the first rune read. It returns the change of the
// bottom row: the edit distance of the whole pattern.
//
// Each block computes its part of the column from the one before and the
// horizontal delta entering it from above (Hyyrö's formulation of Myers'
// step), and passes on the delta leaving its last row.
func (my *myers) step(r rune, hin int) int {
	eq := my.eq(r)
	pv, mv := my.pv, my.mv
	last := len(pv) - 1
	for b := range pv {
		shift := uint(63)
		if b == last {
			shift = my.lastShift
		}
		neg := uint64(hin) >> 63  // 1 when hin is -1
		pos := uint64(-hin) >> 63 // 1 when hin is +1
		e := eq[b] | neg
		p, m := pv[b], mv[b]
		xv := e | m
		xh := (((e & p) + p) ^ p) | e
		ph := m | ^(xh | p)
		mh := p & xh
		hin = int(ph>>shift&1) - int(mh>>shift&1)
		ph = ph<<1 | pos
		mh = mh<<1 | neg
		pv[b] = mh | ^(xv | ph)
		mv[b] = ph & xv
	}
	return hin
}

// distance is the edit distance of the pattern and text.
func (my *myers) distance(text []rune) int {
	my.reset()
	score := my.m
	for _, r := range text {
		score += my.step(r, 1)
	}
	return score
}

// ends returns where in text the pattern ends with at most k edits: the
// local minima of the edit distance, the first of a run of equal ones. It
// keeps the n with the fewest edits, the earlier among equals, in that order.
func (my *myers) ends(text string, k, n int) []match {
	t := minima{k: k, n: n, prev: my.m, pending: match{end: -1}}
	if my.blocks == 1 {
		my.ends1(text, &t)
		return t.done()
	}
	my.reset()
	score := my.m
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		score += my.step(r, 0)
		t.see(i, score)
	}
	return t.done()
}

// ends1 is ends for a pattern of one block, the common case, with the
// column in registers.
func (my *myers) ends1(text string, t *minima) {
	pv, mv := ^uint64(0), uint64(0)
	shift := my.lastShift
	score := my.m
	for i := 0; i < len(text); {
		var eq uint64
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if v := my.ascii[c]; v != nil {
				eq = v[0]
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			eq = my.eq(r)[0]
		}
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		score += int(ph>>shift&1) - int(mh>>shift&1)
		ph <<= 1
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
		t.see(i, score)
	}
}

// minima collects the local minima of the edit distance along the text.
type minima struct {
	k, n    int
	prev    int
	pending match // the minimum of the current descent, end -1 for none
	out     []match
}

func (t *minima) see(end, score int) {
	switch {
	case score < t.prev:
		t.pending = match{end: end, errors: score}
	case score > t.prev:
		if t.pending.end >= 0 && t.pending.errors <= t.k {
			t.keep()
		}
		t.pending.end = -1
	}
	t.prev = score
}

func (t *minima) keep() {
	if t.out = append(t.out, t.pending); len(t.out) >= 4*t.n {
		t.fewest() // a text full of near places holds only n of them
	}
}

func (t *minima) fewest() {
	slices.SortStableFunc(t.out, func(a, b match) int { return cmp.Compare(a.errors, b.errors) })
	t.out = t.out[:min(len(t.out), t.n)]
}

func (t *minima) done() []match {
	if t.pending.end >= 0 && t.pending.errors <= t.k {
		t.out = append(t.out, t.pending)
	}
	t.fewest()
	return t.out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
