package store

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/store/query"
)

// The live filter matches the word being typed, at the end of the query, as
// a prefix. FTS5 answers "wor"* by merging the doclists of every term that
// starts with "wor", which for a common start ("the", "tha") in a million
// articles takes the better part of a second, and article_fts has no prefix
// index, which would slow every import by a third (docs/STORE.md). So a live
// page is found the other way round first: the newest articles matching the
// rest of the query are checked in Go for a word with that prefix, which is
// quick exactly when the prefix is common; only when that finds too few does
// FTS5 merge the doclists, which is quick exactly when the prefix is rare.

// minLivePrefix is the length, in letters or digits, from which the live
// filter uses the word being typed. Shorter prefixes match nearly every
// article; counting them would merge the doclists of thousands of terms.
const minLivePrefix = 3

// splitTyped splits the word being typed into the part the live filter uses
// and the part it waits for. A word counts from its third letter; but a CJK
// character is a word by itself, found whole and not as a prefix (one term,
// no doclists to merge), and one or two are a whole word in Chinese and
// Japanese (国, 地震), which an input method hands over at once: a word
// ending in one counts at once, and after one only the letters that follow
// it wait for a third ("東京ma" is read as "東京" until "東京mar").
func splitTyped(word string) (used, waiting string) {
	tail := word
	for i := len(word); i > 0; {
		r, n := utf8.DecodeLastRuneInString(word[:i])
		if query.IsCJK(r) {
			tail = word[i:]
			break
		}
		i -= n
	}
	if tail == "" || letterCount(tail) >= minLivePrefix {
		return word, ""
	}
	return word[:len(word)-len(tail)], tail
}

// letterCount is how many letters or digits s has: a letter typed
// decomposed (NFD), with its accent a combining mark, is one.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsMark(r) {
			n++
		}
	}
	return n
}

// liveCandidates is how many articles matching the rest of a live query
// may be checked for the prefix before FTS5 is asked to merge its doclists,
// and liveProbe how many are checked before the prefix's frequency among
// them decides whether the rest could fill the page within liveCandidates.
var (
	liveCandidates = 400
	liveProbe      = 50
)

// openWord splits a live query into the query before the word being typed
// and that word (typedWord), wherever it is typed: ok is false when the
// query does not end in such a word; negated when a - precedes it, or its
// phrase or title: term.
func openWord(q string) (rest, word string, negated, ok bool) {
	rest, word, negated, _, ok = typedWord(q)
	return rest, word, negated, ok
}

// wordPlace is where a word being typed is.
type wordPlace int

const (
	bareWord   wordPlace = iota // a term of its own
	phraseWord                  // in a quoted phrase left open: "storm sha
	titleWord                   // the value of title:, title:sha
)

// typedSyntax is a query being typed as the parser reads its syntax
// (query.Syntax): with the fullwidth forms of ASCII characters, which an
// input method's fullwidth mode types (－ ＯＲ ： （ ＂ ＃), as those
// characters, so that the live filter reads "strasse ＯＲ", "－ukr" and
// "tag：foo" as it reads "strasse OR", "-ukr" and "tag:foo". What is found
// in the syntax is given back as typed, since the parser takes words and
// names as typed (tag：ＮＨＫ is the tag ＮＨＫ).
type typedSyntax struct {
	typed, syntax string
	at            []int // where each byte of syntax, and its end, is in typed; nil when they are the same
}

// readSyntax reads the syntax of q, a query being typed.
func readSyntax(q string) typedSyntax {
	s, at := query.Syntax(q)
	return typedSyntax{typed: q, syntax: s, at: at}
}

// text is syntax[i:j] as typed.
func (t typedSyntax) text(i, j int) string {
	if t.at == nil {
		return t.typed[i:j]
	}
	return t.typed[t.at[i]:t.at[j]]
}

// answer is q, a query made of the start of the syntax and perhaps what
// the live filter writes after it (a "*", closing quotes and parentheses),
// with that start as typed.
func (t typedSyntax) answer(q string) string {
	if t.at == nil {
		return q
	}
	n := 0
	for n < len(q) && n < len(t.syntax) && q[n] == t.syntax[n] {
		n++
	}
	for n > 0 && n < len(t.syntax) && !utf8.RuneStart(t.syntax[n]) {
		n--
	}
	return t.text(0, n) + q[n:]
}

// typedWord splits a live query into the query before the word being typed
// and that word: letters or digits at the very end (with the combining
// marks of a word typed decomposed, NFD), after a space, a parenthesis, a
// quote or the start; or in a quoted phrase left open, after its quote or
// a space; or right after title:. A quoted tag, source or feed name is a
// name, not words: ok is false for it, as for a query that does not end in
// such a word. The syntax is read as the parser reads it (typedSyntax),
// and rest and word are as typed.
func typedWord(q string) (rest, word string, negated bool, place wordPlace, ok bool) {
	t := readSyntax(q)
	rest, word, negated, place, ok = syntaxWord(t.syntax)
	return t.text(0, len(rest)), t.text(len(t.syntax)-len(word), len(t.syntax)), negated, place, ok
}

// syntaxWord is typedWord of a query whose syntax is ASCII (typedSyntax).
func syntaxWord(q string) (rest, word string, negated bool, place wordPlace, ok bool) {
	start := len(q)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(q[:start])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
			break
		}
		start -= size
	}
	for start < len(q) {
		// A mark is its letter's, not the start of a word.
		r, size := utf8.DecodeRuneInString(q[start:])
		if !unicode.IsMark(r) {
			break
		}
		start += size
	}
	if start == len(q) {
		return q, "", false, bareWord, false
	}
	rest, word = q[:start], q[start:]
	if quote := openQuote(q); quote >= 0 {
		if r, _ := utf8.DecodeLastRuneInString(rest); len(rest) != quote+1 && !unicode.IsSpace(r) {
			return q, "", false, bareWord, false // a punctuated word: "covid-19
		}
		term := quote
		if quote > 0 && q[quote-1] == '#' && (termStarts(q, quote-1) || negatedAt(q, quote-1)) {
			return q, "", false, bareWord, false // a tag's name: #"long rea
		}
		if field := fieldBefore(q, quote); field != "" {
			if !strings.EqualFold(field, "title:") {
				return q, "", false, bareWord, false // a name: tag:"long rea
			}
			term -= len(field)
		}
		return rest, word, negatedAt(q, term), phraseWord, true
	}
	if field := fieldBefore(q, start); field != "" {
		if !strings.EqualFold(field, "title:") {
			return q, "", false, bareWord, false // a name: tag:ta, source:ab
		}
		return rest, word, negatedAt(q, start-len(field)), titleWord, true
	}
	if negatedAt(q, start) {
		return rest[:len(rest)-1], word, true, bareWord, true
	}
	if !termStarts(q, start) {
		return q, "", false, bareWord, false // a punctuated word: u.s
	}
	return rest, word, false, bareWord, true
}

// openQuote is where the quote opening a phrase left open at the end of q,
// a query's syntax (typedSyntax), is, or -1 when no phrase is open: quotes
// read as the parser reads them, with \" and \\ escapes inside a phrase.
func openQuote(q string) int {
	open := -1
	for i := 0; i < len(q); i++ {
		switch {
		case open >= 0 && q[i] == '\\' && i+1 < len(q) && (q[i+1] == '"' || q[i+1] == '\\'):
			i++
		case q[i] == '"' && open >= 0:
			open = -1
		case q[i] == '"':
			open = i
		}
	}
	return open
}

// fieldBefore is the field name and colon right before byte i of q, a
// query's syntax (typedSyntax), at the start of a term ("title:", "Tag:"),
// or "" when there is none there.
func fieldBefore(q string, i int) string {
	if i == 0 || q[i-1] != ':' {
		return ""
	}
	j := i - 1
	for j > 0 && ('a' <= q[j-1]|0x20 && q[j-1]|0x20 <= 'z') {
		j--
	}
	if j == i-1 || !termStarts(q, j) && !negatedAt(q, j) {
		return ""
	}
	return q[j:i]
}

// termStarts reports whether a term of q, a query's syntax (typedSyntax),
// may start at byte i: at the start, or after a space, a parenthesis or a
// quote.
func termStarts(q string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(q[:i])
	return unicode.IsSpace(r) || strings.ContainsRune(`()"`, r)
}

// negatedAt reports whether a - negates the term that starts at byte i of
// q: one right before it, itself where a term may start.
func negatedAt(q string, i int) bool {
	return i > 0 && q[i-1] == '-' && termStarts(q, i-1)
}

// closeLive closes what a query being typed leaves open at its end, a
// quoted phrase and the parentheses around the word being typed, so that
// the live filter reads "(ferry OR boa" as "(ferry OR boa*)" and `"storm
// sha` as `"storm sha"*`: inside, as outside, the word being typed is a
// prefix. A star at the end of a phrase left open is the phrase's: `"storm
// sh*` is `"storm sh"*`, as enter keeps a short word being typed. A query
// with nothing open, or wrong in another way, comes back as it is. The
// syntax is read as the parser reads it (typedSyntax).
func closeLive(q string) string {
	t := readSyntax(q)
	return t.answer(closeSyntax(t.syntax))
}

// closeSyntax is closeLive of a query whose syntax is ASCII (typedSyntax).
func closeSyntax(q string) string {
	closers := Unclosed(q)
	if closers == "" {
		return q
	}
	if body := strings.TrimRight(q, "*"); body != q && closers[0] == '"' && endsInPrefix(body) {
		return body + `"*` + closers[1:]
	}
	star := endsInPrefix(q)
	if star && lastNegated(q+closers) {
		star = false // a word being typed under a "-" stays whole
	}
	if star && closers[0] == '"' {
		return q + `"*` + closers[1:]
	}
	if star {
		return q + "*" + closers
	}
	return strings.TrimRightFunc(q, unicode.IsSpace) + closers
}

// endsInPrefix reports whether q ends in a word that, being typed, is a
// prefix: it ends in a letter or digit (or the accent of one typed
// decomposed, NFD), not in a CJK character, which is a word by itself, nor
// in the short last part of a punctuated word (shortPunctuatedTail). q is
// a query's syntax (typedSyntax).
func endsInPrefix(q string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(q, unicode.IsMark))
	return (unicode.IsLetter(r) || unicode.IsNumber(r)) && !query.IsCJK(r) && !shortPunctuatedTail(q)
}

// lastNegated reports whether the last term of q is under a negation:
// -har, -(a OR har), -"storm har.
func lastNegated(q string) bool {
	n, err := query.Parse(q)
	if err != nil {
		return false
	}
	negated := false
	for {
		switch n.Kind {
		case query.Not:
			negated = !negated
			n = n.Kids[0]
		case query.And, query.Or:
			n = n.Kids[len(n.Kids)-1]
		default:
			return negated
		}
	}
}

// Unclosed is what a query being typed leaves open at its end, as the
// characters that close it: ")" for "(ferry OR boa", `")` for `(a
// "storm sha`; "" when nothing is open or the query is wrong in another
// way. The filter line says it closes them.
func Unclosed(q string) string {
	closers := ""
	for range 64 { // past what the parser nests
		_, err := query.Parse(q + closers)
		var qe *query.Error
		if !errors.As(err, &qe) {
			return closers
		}
		switch qe.Msg {
		case `unclosed "("`:
			closers += ")"
		case "unclosed quote":
			closers += `"`
		default:
			return ""
		}
	}
	return ""
}

// shortPunctuatedTail reports whether q ends in a word joined by
// punctuation whose last part is shorter than minLivePrefix: "ukraine's",
// "u.s", "covid-19". That part is not a prefix being typed but the end of
// the word ("ukraine's" is not "ukraine s*", which finds "Ukraine said"),
// so the live filter reads the word whole. The syntax is read as the
// parser reads it (typedSyntax): in "tag：uk" the colon is a field's.
func shortPunctuatedTail(q string) bool {
	q = syntaxOf(q)
	end := len(q)
	n := 0
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(q[:end])
		if unicode.IsMark(r) {
			end -= size // a letter's accent, typed decomposed (NFD)
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) || query.IsCJK(r) {
			break
		}
		end -= size
		n++
	}
	if n == 0 || n >= minLivePrefix || end < 2 {
		return false
	}
	sep, size := utf8.DecodeLastRuneInString(q[:end])
	if unicode.IsSpace(sep) || strings.ContainsRune(`()":#*`, sep) || query.IsCJK(sep) {
		return false // a word of its own, a field's value, a phrase
	}
	before, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(q[:end-size], unicode.IsMark))
	return unicode.IsLetter(before) || unicode.IsNumber(before)
}

// withoutShortOpenWord drops the word being typed at the end of a live query
// while it is shorter than minLivePrefix: "ukraine ta" filters by ukraine
// until a third letter makes "tau" a prefix worth matching, wherever it is
// typed: `ukraine "ta` and "ukraine title:ta" filter by ukraine too, and
// `"storm ta` by "storm". An operator left dangling goes too: "ferry OR ta"
// and "ferry OR" filter by ferry. Of a word with CJK characters, only what
// splitTyped waits for goes. The syntax is read as the parser reads it
// (typedSyntax): "strasse ＯＲ" filters by strasse.
func withoutShortOpenWord(q string) string {
	t := readSyntax(q)
	return t.answer(withoutShortSyntax(t.syntax))
}

// withoutShortSyntax is withoutShortOpenWord of a query whose syntax is
// ASCII (typedSyntax).
func withoutShortSyntax(q string) string {
	if rest, word, _, place, ok := syntaxWord(q); ok {
		switch used, waiting := splitTyped(word); {
		case place == bareWord && query.FieldStart(word) != "":
			q = rest // "tag" may be tag: being typed; "-sou" -source:
		case waiting == "":
		case used != "":
			return q[:len(q)-len(waiting)]
		default:
			q = rest
			if place == phraseWord && strings.HasSuffix(q, `"`) {
				q = q[:len(q)-1] // a phrase that holds nothing yet goes
			}
			if place != bareWord {
				q = q[:len(q)-len(fieldBefore(q, len(q)))] // and its title:
			}
		}
	}
	q = q[:len(q)-len(emptyFieldSyntax(q))]
	for {
		rest, op := cutDanglingOperator(q)
		if op == "" {
			// A group just opened waits for its first term too.
			trimmed := strings.TrimRightFunc(q, unicode.IsSpace)
			rest = strings.TrimSuffix(trimmed, "(")
			opened := len(rest) < len(trimmed)
			rest = strings.TrimSuffix(rest, "-")
			if len(rest) == len(trimmed) {
				return q
			}
			if r, _ := utf8.DecodeLastRuneInString(rest); opened && rest != "" && !unicode.IsSpace(r) {
				// A "(" ends the word before it, even glued to it:
				// "war(pe" is "war (pe", its war whole.
				rest += " "
			}
		}
		q = rest
	}
}

// emptyFieldSyntax is the field typed last in q, a query's syntax
// (typedSyntax), with nothing of its value yet: "tag:" of "war tag:", or
// `source:"` with its quote just opened, with the "-" of "-tag:"; "" when
// q does not end in one. The live filter reads the query without it: it
// is on its way to tag:nato, not a mistake. Inside a phrase still open
// (`story "harbour date:`) a field's name is the phrase's text: enter
// closes the phrase around it.
func emptyFieldSyntax(q string) string {
	end := len(q)
	if open := openQuote(q); open >= 0 {
		if open != end-1 {
			return "" // in the phrase
		}
		end-- // source:"
	}
	field := fieldBefore(q, end)
	if field == "" || !query.IsField(strings.TrimSuffix(field, ":")) {
		return ""
	}
	start := end - len(field)
	if negatedAt(q, start) {
		start--
	}
	return q[start:]
}

// fieldStartTyped is the word typed last in a live query, as typed, and
// the field name it is the start of ("sou" and "source:"), when the live
// filter waits on it (withoutShortOpenWord): a term of its own, not in a
// phrase nor a title:'s value. ok is false when the query does not end in
// such a word.
func fieldStartTyped(q string) (word, field string, negated, ok bool) {
	_, word, negated, place, found := typedWord(q)
	if !found || place != bareWord {
		return "", "", false, false
	}
	if field = query.FieldStart(syntaxOf(word)); field == "" {
		return "", "", false, false
	}
	return word, field, negated, true
}

// cutDanglingOperator splits an operator off the end of q (OR, AND or NOT,
// a word of its own, white space after it), which waits for the term it
// joins; op is "" when q does not end in one. The syntax is read as the
// parser reads it (typedSyntax): "東京　ＯＲ" ends in ＯＲ, which op gives
// as typed.
func cutDanglingOperator(q string) (rest, op string) {
	t := readSyntax(q)
	trimmed := strings.TrimRightFunc(t.syntax, unicode.IsSpace)
	for _, op := range []string{"OR", "AND", "NOT"} {
		before, found := strings.CutSuffix(trimmed, op)
		r, _ := utf8.DecodeLastRuneInString(before)
		if found && (before == "" || r == '(' || unicode.IsSpace(r)) {
			return t.text(0, len(before)), t.text(len(before), len(trimmed))
		}
	}
	return q, ""
}

// livePage reads a page of a live query whose last word is a prefix by
// checking the newest candidates in Go. It returns ok false when the query
// is not of that shape, or when the prefix is too rare among the candidates
// for this to be the quick way.
func (s *Store) livePage(ctx context.Context, req PageRequest) (page []Row, ok bool, err error) {
	rest, word, negated, place, found := typedWord(req.Query)
	syntax := syntaxOf(rest) // "a ＯＲ b" is an OR too
	if !found || negated || place != bareWord || strings.ContainsAny(syntax, `()`) || slices.Contains(strings.Fields(syntax), "OR") {
		// The word is not simply ANDed with the rest: leave it to FTS5.
		return nil, false, nil
	}
	if _, waiting := splitTyped(word); waiting != "" {
		return nil, false, nil // not used yet
	}
	if _, _, _, ok := fieldStartTyped(req.Query); ok {
		return nil, false, nil // a field's name being typed: not used yet
	}
	if r, _ := utf8.DecodeLastRuneInString(word); query.IsCJK(r) {
		return nil, false, nil // not a prefix: FTS5 finds it as it finds any word
	}
	if s.rarer(rest, word) {
		return nil, false, nil
	}
	c, err := compile(rest, false)
	if err != nil {
		return nil, false, nil // the normal path reports it
	}
	limit := req.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	if limit > liveCandidates {
		return nil, false, nil // more than a look at the newest can give
	}
	cand := req
	cand.Limit = liveCandidates
	q, args, ascending := pageSQL(c, cand, "a.id, a.sort_key, a.title, a.body")
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	m := newPrefixMatcher(word)
	var hits, misses []int64
	seen, probe := 0, min(liveProbe, liveCandidates)
	rare := false
	for rows.Next() && len(hits) < limit {
		var id, key int64
		var title, body string
		if err := rows.Scan(&id, &key, &title, &body); err != nil {
			return nil, false, err
		}
		seen++
		if m.match(title) || m.match(shownBody(body)) {
			hits = append(hits, id)
		} else {
			misses = append(misses, id)
		}
		// At this rate the page would not fill within liveCandidates.
		if seen >= probe && len(hits) < limit && limit*seen > len(hits)*liveCandidates {
			rare = true
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	rows.Close()
	exhausted := !rare && seen < liveCandidates && len(hits) < limit
	if len(hits) < limit && !exhausted {
		if req.Before == 0 && req.After == 0 && !req.FromEnd {
			// A first page, as typing asks for: not a verdict on one
			// stretch of the library.
			s.rare.Lock()
			s.rare.rest, s.rare.word = rest, strings.ToLower(word)
			s.rare.Unlock()
		}
		return nil, false, nil // a rare prefix: FTS5's merge is the quick way
	}
	// Notes are words of their article too; few articles have any.
	more, err := s.notesMatching(ctx, misses, m.phrase)
	if err != nil {
		return nil, false, err
	}
	hits = append(hits, more...)
	page, err = s.rowsByID(ctx, hits)
	if err != nil {
		return nil, false, err
	}
	slices.SortFunc(page, func(a, b Row) int { return cmp.Compare(b.SortKey, a.SortKey) })
	if len(page) > limit {
		if ascending {
			page = page[len(page)-limit:] // the oldest rows: reading went upwards
		} else {
			page = page[:limit]
		}
	}
	return page, true, nil
}

// notesMatching returns those of ids whose annotation notes, as the reader
// shows them (shownBody), have a word matching the phrase.
func (s *Store) notesMatching(ctx context.Context, ids []int64, phrase string) ([]int64, error) {
	var out []int64
	for i := 0; i < len(ids); i += 500 {
		part := ids[i:min(i+500, len(ids))]
		args := make([]any, len(part))
		for j, id := range part {
			args[j] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT article_id, note FROM annotations
			WHERE note <> '' AND article_id IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var note string
			if err := rows.Scan(&id, &note); err != nil {
				rows.Close()
				return nil, err
			}
			if matchPhrase(shownBody(note), phrase) && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rowsByID reads the list rows of the given articles, in no order.
func (s *Store) rowsByID(ctx context.Context, ids []int64) ([]Row, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return s.rows(ctx, "SELECT "+rowColumns+" FROM articles a WHERE a.id IN ("+placeholders(len(ids))+")", args...)
}

// rarer reports whether word extends the prefix last found too rare among
// the candidates of the same rest of a query.
func (s *Store) rarer(rest, word string) bool {
	s.rare.Lock()
	defer s.rare.Unlock()
	return s.rare.word != "" && rest == s.rare.rest && strings.HasPrefix(strings.ToLower(word), s.rare.word)
}

// prefixMatcher finds, in a text, a word that starts with a prefix, as
// tidings_phrase(text, "prefix*") does. For an ASCII prefix it searches the
// text as it is, for the prefix's first letter in either case, instead of
// folding a copy of it: the live filter checks hundreds of articles on a
// keystroke.
type prefixMatcher struct {
	phrase string // the prefix as a phrase: "word*"
	folded string // the prefix folded, when it is one ASCII word
	lo, up byte   // its first byte in lower and upper case
}

func newPrefixMatcher(word string) prefixMatcher {
	m := prefixMatcher{phrase: word + "*"}
	if p := parsePhrase(m.phrase); p.ascii && len(p.words) == 1 {
		m.folded = p.words[0]
		m.lo, m.up = m.folded[0], m.folded[0]
		if 'a' <= m.lo && m.lo <= 'z' {
			m.up = m.lo - 'a' + 'A'
		}
	}
	return m
}

func (m prefixMatcher) match(text string) bool {
	if m.folded == "" {
		return query.MatchPhrase(text, m.phrase)
	}
	if m.find(text) {
		return true
	}
	// No word starts with the prefix as written; a word with characters
	// beyond ASCII may still fold to one that does ("Bärlauch" to
	// "barlauch"). Every ASCII byte but a letter or digit separates words,
	// so only the runs between them that hold such characters need the
	// tokenizer.
	for i := 0; i < len(text); {
		start, wide := i, false
		for i < len(text) && isTermByte(text[i]) {
			wide = wide || text[i] >= utf8.RuneSelf
			i++
		}
		if wide && query.MatchPhrase(text[start:i], m.phrase) {
			return true
		}
		for i < len(text) && !isTermByte(text[i]) {
			i++
		}
	}
	return false
}

// isTermByte reports whether c may be part of a word: an ASCII letter or
// digit, or a byte of a character beyond ASCII, which the tokenizer judges.
func isTermByte(c byte) bool { return c >= utf8.RuneSelf || isWordByte(c) }

// find reports whether a word of text starts with the prefix, its ASCII
// letters in any case.
func (m prefixMatcher) find(text string) bool {
	nextLo, nextUp := strings.IndexByte(text, m.lo), -1
	if m.up != m.lo {
		nextUp = strings.IndexByte(text, m.up)
	}
	for {
		var at int
		switch {
		case nextLo < 0 && nextUp < 0:
			return false
		case nextUp < 0 || (nextLo >= 0 && nextLo < nextUp):
			at = nextLo
			if i := strings.IndexByte(text[at+1:], m.lo); i >= 0 {
				nextLo = at + 1 + i
			} else {
				nextLo = -1
			}
		default:
			at = nextUp
			if i := strings.IndexByte(text[at+1:], m.up); i >= 0 {
				nextUp = at + 1 + i
			} else {
				nextUp = -1
			}
		}
		if hasFoldedPrefix(text[at:], m.folded) && startsWord(text, at) {
			return true
		}
	}
}

// hasFoldedPrefix reports whether s starts with p, a folded ASCII word, in
// any case.
func hasFoldedPrefix(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// startsWord reports whether a word of text starts at byte at: what comes
// before it separates words, or is a CJK character, a word by itself. A
// combining mark separates words but after a Greek letter, whose mark it
// is (query.BareGreek).
func startsWord(text string, at int) bool {
	if at == 0 {
		return true
	}
	if c := text[at-1]; c < utf8.RuneSelf {
		return !isWordByte(c)
	}
	r, _ := utf8.DecodeLastRuneInString(text[:at])
	return r != utf8.RuneError && (separates(r) && !query.ContinuesWord(text, at) || query.IsCJK(r))
}
