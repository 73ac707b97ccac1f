package anchor

import (
	"slices"
	"unicode/utf8"
)

// An approximate match begins and ends where its edits let it, and an edit
// moves at no cost: a quote whose opening was rewritten shorter ("The port
// authority announced" now "Officials announced") is fewer edits from
// "Tuesday. Officials announced", the end of the sentence before taken in,
// than from "Officials announced"; one whose second word changed ("The
// harbour authority") as few from "harbour authority", a word left out.
// What tells them apart is the text around: the prefix was right before the
// passage, the suffix right after it. So a match's ends are placed where
// the quote's edits and the prefix's and suffix's, together, are fewest:
// "The council met on Tuesday. " is the prefix of "Officials announced"
// exactly, and of "Tuesday. Officials announced" only with nine edits.
// Among places equally good, the one that begins (ends) as the quote does,
// at a sentence's or a word's edge, wins, then the one whose length is
// nearest the quote's.

// bounds places the ends of approximate matches of one quote.
type bounds struct {
	fwd, rev    *myers // the quote, and the quote reversed
	pre, sufRev *myers // the prefix, and the suffix reversed; nil when the selector has none
	maxLen      int    // how many runes a match may be long
	// How the quote begins and ends: at a sentence's edge, a word's or
	// neither (edgeKind).
	opens, closes  edgeKind
	pos, dist, ctx []int // room for a pass's places and distances
}

func (c *context) newBounds(fwd, rev *myers, maxLen int) *bounds {
	b := &bounds{fwd: fwd, rev: rev, maxLen: maxLen}
	if len(c.prefix) > 0 {
		b.pre = newMyers(c.prefix)
	}
	if len(c.suffix) > 0 {
		suf := slices.Clone(c.suffix)
		slices.Reverse(suf)
		b.sufRev = newMyers(suf)
	}
	b.opens = quoteOpens(c.sel.Prefix, c.sel.Quote)
	b.closes = quoteCloses(c.sel.Quote, c.sel.Suffix)
	return b
}

// cost is the work of placing one match, in runes read times 64-rune
// blocks, as fuzzyBudget counts it: three passes over the match, each with
// the prefix or the suffix read over twice its length more.
func (b *bounds) cost() int {
	n := 3 * b.maxLen * b.fwd.blocks
	for _, my := range []*myers{b.pre, b.sufRev} {
		if my != nil {
			n += 3 * (b.maxLen + 2*my.m) * my.blocks
		}
	}
	return n
}

// place returns the passage of the match that ends at end, its ends moved
// to where its surroundings are, and the quote's edits in it. The start is
// placed for that end, then the end for that start, then, when the end
// moved, the start again for the new end.
func (b *bounds) place(text string, end int) (start, stop, errors int) {
	start, errors = b.startFor(text, end)
	if stop = b.endFor(text, start); stop != end {
		start, errors = b.startFor(text, stop)
	}
	return start, stop, errors
}

// startFor returns where the passage ending at end begins, and the quote's
// edits from there: of the places up to maxLen runes back, the one where
// the quote's edits and the prefix's before it are fewest.
func (b *bounds) startFor(text string, end int) (int, int) {
	b.pos, b.dist = b.rev.back(text, end, b.maxLen, b.pos, b.dist)
	var ctx []int
	if b.pre != nil {
		b.ctx = b.pre.endingAt(text, b.pos, b.ctx)
		ctx = b.ctx
	}
	k := b.fewest(ctx, func(k int) bool { return opensAt(text, b.pos[k]) == b.opens })
	return b.pos[k], b.dist[k]
}

// endFor returns where the passage starting at start ends: of the places
// up to maxLen runes on, the one where the quote's edits and the suffix's
// after it are fewest.
func (b *bounds) endFor(text string, start int) int {
	b.pos, b.dist = b.fwd.on(text, start, b.maxLen, b.pos, b.dist)
	var ctx []int
	if b.sufRev != nil {
		b.ctx = b.sufRev.startingAt(text, b.pos, b.ctx)
		ctx = b.ctx
	}
	k := b.fewest(ctx, func(k int) bool { return closesAt(text, b.pos[k]) == b.closes })
	return b.pos[k]
}

// fewest returns the k (a match k runes long, never empty unless nothing
// else is there) of the least b.dist[k] + ctx[k] (ctx nil counts nothing);
// among equals, one where like holds (the match's edge is of the quote's
// kind), then the length nearest the quote's.
func (b *bounds) fewest(ctx []int, like func(k int) bool) int {
	m := b.fwd.m
	best, bestCost, bestLike := 0, 0, false
	for k, d := range b.dist {
		cost := d
		if ctx != nil {
			cost += ctx[k]
		}
		if best > 0 {
			if cost > bestCost {
				continue
			}
			if cost == bestCost && !like(k) && bestLike {
				continue
			}
			if cost == bestCost && like(k) == bestLike && abs(k-m) >= abs(best-m) {
				continue
			}
		}
		best, bestCost, bestLike = k, cost, like(k)
	}
	return best
}

// back reads text backwards from end over at most n runes, the pattern
// (the quote reversed) aligned with all of it: it returns the places
// passed, end first, and the edit distance of the quote to the text from
// each to end. It appends to pos[:0] and dist[:0].
func (my *myers) back(text string, end, n int, pos, dist []int) ([]int, []int) {
	my.reset()
	score := my.m
	pos, dist = append(pos[:0], end), append(dist[:0], score)
	for i := end; len(pos) <= n && i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		score += my.step(r, 1)
		pos, dist = append(pos, i), append(dist, score)
	}
	return pos, dist
}

// on is back forwards: the places from start on, over at most n runes, and
// the edit distance of the pattern to the text from start to each.
func (my *myers) on(text string, start, n int, pos, dist []int) ([]int, []int) {
	my.reset()
	score := my.m
	pos, dist = append(pos[:0], start), append(dist[:0], score)
	for i := start; len(pos) <= n && i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		score += my.step(r, 1)
		pos, dist = append(pos, i), append(dist, score)
	}
	return pos, dist
}

// endingAt returns, for each of the places pos (in decreasing order), the
// fewest edits of the pattern to a piece of text ending there. A piece
// longer than twice the pattern costs more edits than none at all, so the
// text is read from that far before the earliest place. It appends to
// out[:0].
func (my *myers) endingAt(text string, pos, out []int) []int {
	out = slices.Grow(out[:0], len(pos))[:len(pos)]
	k := len(pos) - 1
	i := pos[k]
	for n := 0; n < 2*my.m && i > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	my.reset()
	score := my.m
	for {
		for k >= 0 && pos[k] == i {
			out[k] = score
			k--
		}
		if k < 0 || i >= len(text) {
			return out
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		score += my.step(r, 0)
	}
}

// startingAt is endingAt backwards, for a pattern reversed: for each of the
// places pos (in increasing order), the fewest edits of the pattern to a
// piece of text starting there.
func (my *myers) startingAt(text string, pos, out []int) []int {
	out = slices.Grow(out[:0], len(pos))[:len(pos)]
	k := len(pos) - 1
	i := pos[k]
	for n := 0; n < 2*my.m && i < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	my.reset()
	score := my.m
	for {
		for k >= 0 && pos[k] == i {
			out[k] = score
			k--
		}
		if k < 0 || i <= 0 {
			return out
		}
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		score += my.step(r, 0)
	}
}
