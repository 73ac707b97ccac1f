package store

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store/anchor"
)

// newNotes returns the notes of incoming, a file's notes on the text text,
// that the article neither holds nor held and lost to the reader. Each of
// the library's notes is at most one of the file's, the likest first
// (sameNote), and the file's notes are never the same as each other: two
// notes written in the same second, even with the same words, are two
// notes. So too each note the file carried when it was last imported
// (prev) is one note: those of them the library holds still were not
// deleted, and each of the others (the reader deleted it) keeps at most
// one of the file's notes out, the likest first. A note of the file that
// is neither the library's nor one the reader deleted arrives, written in
// the same second as one carried, with its words, or not.
func (im *importer) newNotes(articleID int64, incoming []feeds.Annotation, prev carried, text *plainText) ([]feeds.Annotation, error) {
	if len(incoming) == 0 {
		return nil, nil
	}
	stored, err := im.heldNotes(articleID)
	if err != nil {
		return nil, err
	}
	at := &places{text: text}
	held, _ := pairOff(len(incoming), len(stored),
		func(i, j int, like likeness) bool { return sameNote(stored[j], incoming[i], like) },
		func(i, j int) bool { return at.same(selectorOf(incoming[i]), selectorOf(stored[j])) })
	fresh := unpaired(incoming, held)
	if len(fresh) == 0 {
		return nil, nil
	}
	storedKeys, freshKeys := keysOf(stored), keysOf(fresh)
	were := prev.notesOneByOne(stored, storedKeys, incoming, at)
	_, kept := pairOff(len(stored), len(were),
		func(i, j int, like likeness) bool {
			return were[j].is(stored[i], storedKeys[i], like, prev.Passages, at)
		},
		func(i, j int) bool { return were[j].placed(stored[i], prev.Passages, at) })
	deleted := unpaired(were, kept)
	gone, _ := pairOff(len(fresh), len(deleted),
		func(i, j int, like likeness) bool {
			return deleted[j].is(fresh[i], freshKeys[i], like, prev.Passages, at)
		},
		func(i, j int) bool { return deleted[j].placed(fresh[i], prev.Passages, at) })
	return unpaired(fresh, gone), nil
}

// pairOff pairs the notes of one list (na of them) with those of another
// (nb), one to one, the likest pairs first (compareAlike), so that a note
// is never taken by a looser match from the note it is exactly: notes with
// the same words and second before those with the same words alone, and at
// each likeness notes on one place in the text (placed) before others, so
// that of two notes on two copies of a sentence each is paired with its
// own. is says whether the first list's note i is the second's j, as like
// as like says. It returns which notes of each list were paired.
func pairOff(na, nb int, is func(i, j int, like likeness) bool, placed func(i, j int) bool) (aPaired, bPaired []bool) {
	var pairs []alike
	for i := range na {
		for j := range nb {
			if p, ok := alikeAt(i, j, is, placed); ok {
				pairs = append(pairs, p)
			}
		}
	}
	slices.SortStableFunc(pairs, compareAlike)
	aPaired, bPaired = make([]bool, na), make([]bool, nb)
	for _, p := range pairs {
		if !aPaired[p.i] && !bPaired[p.j] {
			aPaired[p.i], bPaired[p.j] = true, true
		}
	}
	return aPaired, bPaired
}

// alike is how alike the notes i and j of pairOff's two lists are: the
// likest likeness they share, how many likenesses they share, and whether
// they are on one place in the text.
type alike struct {
	i, j   int
	best   likeness
	shared int
	placed bool
}

// alikeAt returns how alike the notes i and j of pairOff's lists are, and
// whether they are alike at all.
func alikeAt(i, j int, is func(i, j int, like likeness) bool, placed func(i, j int) bool) (alike, bool) {
	p := alike{i: i, j: j}
	for like := samePassage; like >= sameWords; like-- {
		if is(i, j, like) {
			p.best, p.shared = like, p.shared+1
		}
	}
	if p.shared == 0 {
		return p, false
	}
	p.placed = placed(i, j)
	return p, true
}

// compareAlike orders pairs of notes likest first: by the likest likeness
// they share, then by how many they share (the same words written at the
// same second are more alike than the same words written at another), then
// those on one place first.
func compareAlike(a, b alike) int {
	byPlace := func(p alike) int {
		if p.placed {
			return 0
		}
		return 1
	}
	return cmp.Or(cmp.Compare(a.best, b.best), cmp.Compare(b.shared, a.shared), cmp.Compare(byPlace(a), byPlace(b)))
}

// unpaired returns the items of xs that paired says were not paired.
func unpaired[T any](xs []T, paired []bool) []T {
	var out []T
	for i, x := range xs {
		if !paired[i] {
			out = append(out, x)
		}
	}
	return out
}

// heldNotes returns the article's notes, oldest first: their passages,
// words and times.
func (im *importer) heldNotes(articleID int64) ([]feeds.Annotation, error) {
	rows, err := im.storedNotes.QueryContext(im.ctx, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []feeds.Annotation
	for rows.Next() {
		var n feeds.Annotation
		var created int64
		if err := rows.Scan(&n.Quote, &n.Prefix, &n.Suffix, &n.Note, &created); err != nil {
			return nil, err
		}
		n.Created = fromUnix(created)
		out = append(out, n)
	}
	return out, rows.Err()
}

// likeness is how a note a file carries can be one the library holds,
// likest first.
type likeness int

const (
	sameWords   likeness = iota // the same quote and note
	sameNoteAt                  // written at the same second, the same note: re-anchored since
	samePassage                 // written at the same second, on the same passage: edited since
)

// sameNote reports whether the library's note m is the file's note n, as
// like as likeness says. A note stored before words lost their soft
// hyphens is the same note. Written at the same second, notes of the same
// kind (on a passage, on the whole article) are the same when they say the
// same (the library's followed its passage through the article's changes
// since), or are on the same passage (the library's was edited since; its
// words stay): a note on the whole article is on the same passage as any
// other. The library's passages have followed the article's text into the
// file's (reanchorNow), so that a note is on the same passage as the file
// says it is, be that text newer than the library's or older.
func sameNote(m, n feeds.Annotation, like likeness) bool {
	if like == sameWords {
		return sameText(m.Quote, n.Quote) && sameText(m.Note, n.Note)
	}
	if n.Created.IsZero() || !m.Created.Equal(n.Created) || (m.Quote == "") != (n.Quote == "") {
		return false
	}
	if like == sameNoteAt {
		return sameText(m.Note, n.Note)
	}
	return sameText(m.Quote, n.Quote)
}

// sameText reports whether the library's text stored is the file's text:
// the same, or so once the characters inside words (soft hyphens) that
// tidings drops now are dropped from it.
func sameText(stored, text string) bool {
	return stored == text || marks.DropInWords(stored) == text
}

// selectorOf is the passage of the note n; its quote is empty for a note
// on the whole article.
func selectorOf(n feeds.Annotation) anchor.Selector {
	return anchor.Selector{Quote: n.Quote, Prefix: n.Prefix, Suffix: n.Suffix}
}

// places finds passages in a file's text, each once, to tell whether two
// notes are on one place of it.
type places struct {
	text  *plainText
	found map[anchor.Selector]span
}

// span is where a passage is in a text, if it is there.
type span struct {
	start, end int
	ok         bool
}

// find is where sel is in the text.
func (p *places) find(sel anchor.Selector) span {
	if s, ok := p.found[sel]; ok {
		return s
	}
	if p.found == nil {
		p.found = make(map[anchor.Selector]span)
	}
	var s span
	s.start, s.end, s.ok = anchor.Find(p.text.get(), sel)
	p.found[sel] = s
	return s
}

// same reports whether the passages a and b are one place in the text:
// both the whole article, the same selector, or found at one place (a
// passage placed in an older text, which followed it here).
func (p *places) same(a, b anchor.Selector) bool {
	if a.Quote == "" || b.Quote == "" {
		return a.Quote == b.Quote
	}
	if a == b {
		return true
	}
	x, y := p.find(a), p.find(b)
	return x.ok && y.ok && x.start == y.start && x.end == y.end
}

// carriedPassage is the passage of a note a file carried, with the second
// the note was written (unix).
type carriedPassage struct {
	Quote   string `json:"q"`
	Prefix  string `json:"p,omitempty"`
	Suffix  string `json:"s,omitempty"`
	Created int64  `json:"t"`
}

// passageOf is the passage of the note n, as carried remembers it.
func passageOf(n feeds.Annotation) carriedPassage {
	return carriedPassage{n.Quote, n.Prefix, n.Suffix, unix(n.Created)}
}

func (p carriedPassage) selector() anchor.Selector {
	return anchor.Selector{Quote: p.Quote, Prefix: p.Prefix, Suffix: p.Suffix}
}

// comparePassages orders carried passages by time, then quote and
// surroundings, so that the same notes are remembered alike in any order.
func comparePassages(a, b carriedPassage) int {
	return cmp.Or(cmp.Compare(a.Created, b.Created), cmp.Compare(a.Quote, b.Quote),
		cmp.Compare(a.Prefix, b.Prefix), cmp.Compare(a.Suffix, b.Suffix))
}

// carriedNote is one of the notes a file carried: its keys (noteKeys), and
// the passage it was on as the file placed it, 1 + its index in the file's
// passages (0 for none: a note on the whole article, or without its time).
type carriedNote struct {
	Keys    []string `json:"k"`
	Passage int      `json:"p,omitempty"`
}

// compareCarriedNotes orders carried notes by their keys, then passage, so
// that the same notes are remembered alike in any order.
func compareCarriedNotes(a, b carriedNote) int {
	return cmp.Or(slices.Compare(a.Keys, b.Keys), cmp.Compare(a.Passage, b.Passage))
}

// carriedNotesOf is what carried remembers of a file's notes: their keys
// as a set, their passages (of those with their time), and each note.
func carriedNotesOf(notes []feeds.Annotation) (keys []string, passages []carriedPassage, each []carriedNote) {
	for _, n := range notes {
		keys = append(keys, noteKeys(n)...)
		if n.Quote != "" && !n.Created.IsZero() {
			passages = append(passages, passageOf(n))
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	slices.SortFunc(passages, comparePassages)
	passages = slices.Compact(passages)
	for _, n := range notes {
		c := carriedNote{Keys: noteKeys(n)}
		if n.Quote != "" && !n.Created.IsZero() {
			c.Passage = slices.Index(passages, passageOf(n)) + 1
		}
		each = append(each, c)
	}
	slices.SortFunc(each, compareCarriedNotes)
	return keys, passages, each
}

// sameNotes reports whether c and d carried the same notes.
func (c carried) sameNotes(d carried) bool {
	return len(c.Each) > 0 && slices.Equal(c.Passages, d.Passages) &&
		slices.EqualFunc(c.Each, d.Each, func(a, b carriedNote) bool { return compareCarriedNotes(a, b) == 0 })
}

// passage is the carried note's passage, of the file's passages ps; nil
// for none.
func (c carriedNote) passage(ps []carriedPassage) *carriedPassage {
	if c.Passage < 1 || c.Passage > len(ps) {
		return nil
	}
	return &ps[c.Passage-1]
}

// is reports whether the note n, the library's or a file's, is the carried
// note c, as like as like says (see sameNote), ps being the passages of the
// file that carried c: by n's key of that likeness (keys, its likeKeys by
// likeness), or, written at the second of c, on the passage c was on once
// that has followed the article's text into this file's (at), as the
// library's notes do before they are compared (reanchorNow): so a note
// deleted since is known when it comes back both moved and edited.
func (c carriedNote) is(n feeds.Annotation, keys likeKeySet, like likeness, ps []carriedPassage, at *places) bool {
	for _, k := range keys[like] {
		if slices.Contains(c.Keys, k) {
			return true
		}
	}
	if like != samePassage || n.Quote == "" || n.Created.IsZero() {
		return false
	}
	p := c.passage(ps)
	return p != nil && p.Created == unix(n.Created) && at.same(p.selector(), selectorOf(n))
}

// placed reports whether the note n is on the passage of the carried note
// c, which only a passage note with its time remembers.
func (c carriedNote) placed(n feeds.Annotation, ps []carriedPassage, at *places) bool {
	p := c.passage(ps)
	return p != nil && n.Quote != "" && at.same(p.selector(), selectorOf(n))
}

// notesOneByOne returns the notes c carried, one by one. A file a tidings
// of before imported is remembered by the set of its notes' keys, and its
// passages, not note by note: its notes are made again from the notes of
// the library (stored) and of the file (incoming), each taking the keys
// and the passage of the set that it has and no other note took, the
// notes with most first. So a note in the library takes the keys a note of
// its second shares with it, and another note of that second, not carried,
// finds none left. storedKeys are the likeKeys of stored.
func (c carried) notesOneByOne(stored []feeds.Annotation, storedKeys []likeKeySet, incoming []feeds.Annotation, at *places) []carriedNote {
	if len(c.Each) > 0 {
		return c.Each
	}
	all := append(slices.Clone(stored), incoming...)
	allKeys := append(slices.Clone(storedKeys), keysOf(incoming)...)
	claims := make([]carriedNote, len(all))
	for i, n := range all {
		for _, keys := range allKeys[i] {
			for _, k := range keys {
				if slices.Contains(c.Notes, k) && !slices.Contains(claims[i].Keys, k) {
					claims[i].Keys = append(claims[i].Keys, k)
				}
			}
		}
		for j, p := range c.Passages {
			if n.Quote != "" && p.Created == unix(n.Created) && at.same(p.selector(), selectorOf(n)) {
				claims[i].Passage = j + 1
				break
			}
		}
	}
	size := func(c carriedNote) int { return len(c.Keys) + min(c.Passage, 1) }
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(size(claims[j]), size(claims[i])) })
	taken := make(map[string]bool)
	passageTaken := make(map[int]bool)
	var out []carriedNote
	for _, i := range order {
		var n carriedNote
		for _, k := range claims[i].Keys {
			if !taken[k] {
				taken[k] = true
				n.Keys = append(n.Keys, k)
			}
		}
		if p := claims[i].Passage; p > 0 && !passageTaken[p] {
			passageTaken[p] = true
			n.Passage = p
		}
		if size(n) > 0 {
			out = append(out, n)
		}
	}
	return out
}

// noteKeys stand for an annotation in articles.carried: its quote and
// note, and, when it has its time, what makes another note the same one
// (sameNote): that time with its note, and with its passage (for a note on
// the whole article, that time alone).
func noteKeys(n feeds.Annotation) []string {
	keys := []string{wordsKey(n.Quote, n.Note)}
	for _, like := range []likeness{sameNoteAt, samePassage} {
		if k := timeKey(n, like); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// likeKeys are the keys of the note n that a note carried has when it is
// n, as like as like says: for sameWords, its quote and note, also with
// the characters inside words that tidings drops now dropped (a note the
// library stored before); else its time's key of that likeness.
func likeKeys(n feeds.Annotation, like likeness) []string {
	if like == sameWords {
		return slices.Compact([]string{wordsKey(n.Quote, n.Note),
			wordsKey(marks.DropInWords(n.Quote), marks.DropInWords(n.Note))})
	}
	if k := timeKey(n, like); k != "" {
		return []string{k}
	}
	return nil
}

// likeKeySet is a note's likeKeys, by likeness.
type likeKeySet [samePassage + 1][]string

// keysOf returns the likeKeys of each of notes, made once for the many
// notes each is compared with.
func keysOf(notes []feeds.Annotation) []likeKeySet {
	out := make([]likeKeySet, len(notes))
	for i, n := range notes {
		for like := sameWords; like <= samePassage; like++ {
			out[i][like] = likeKeys(n, like)
		}
	}
	return out
}

// wordsKey is the key of a note's quote and note.
func wordsKey(quote, note string) string {
	return noteKey(quote + "\x00" + note)
}

// timeKey is the key of the note n, written at its time, as like as like
// says: the time with its note (sameNoteAt) or with its passage
// (samePassage), which for a note on the whole article is the time alone.
// It is "" for a note without its time, and for a note on the whole
// article at sameNoteAt, which its words tell already.
func timeKey(n feeds.Annotation, like likeness) string {
	if n.Created.IsZero() {
		return ""
	}
	at := strconv.FormatInt(unix(n.Created), 10)
	switch {
	case n.Quote == "" && like == samePassage:
		return noteKey("whole\x00" + at)
	case n.Quote == "":
		return ""
	case like == sameNoteAt:
		return noteKey("note\x00" + at + "\x00" + marks.DropInWords(n.Note))
	}
	return noteKey("passage\x00" + at + "\x00" + marks.DropInWords(n.Quote))
}

// noteKey is the key of s in articles.carried: a short hash.
func noteKey(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:8])
}
