package query

import (
	"fmt"
	"strings"
	"time"

	"tidings/feeds/marks"
)

// Options are how a query is read when it is compiled.
type Options struct {
	// Now is the time since: counts back from; zero means time.Now().
	Now time.Time

	// PrefixLast makes the word being typed a prefix: the last word, tag or
	// source of a query that ends in it (not after a space or a quote). The
	// live filter sets it, so "/ukr" already lists Ukraine.
	PrefixLast bool

	// PhraseFunc compiles phrases for an article_fts that cannot match
	// phrases itself (FTS5 detail=column): Match requires each of the
	// phrase's words, and Where checks their order with the SQL function
	// tidings_phrase(text, phrase), which the store registers as MatchPhrase,
	// and in the body with tidings_body_phrase(body, phrase), MatchPhrase of
	// the body as the store indexes it (its character references decoded).
	PhraseFunc bool

	// TestTags makes the store test each article for its tags instead of
	// finding the articles by them: a tag is an EXISTS on article_tags'
	// primary key rather than a list of the tag's articles, which SQLite
	// would look up one by one and sort. It then walks the articles in
	// order: for a large tag, the first page is a few hundred steps
	// instead of the tag's size.
	TestTags bool
}

// SQL is a compiled query. An article matches when it is in article_fts
// MATCH Match (if Match is not empty) and satisfies Where (if not empty).
type SQL struct {
	// Match is an FTS5 expression for the table article_fts that every
	// result must satisfy: the conjunction of the top-level full-text terms;
	// "" if none. It is bound as one argument; every word in it is quoted,
	// so user text can never be FTS5 syntax.
	Match string

	// Where is a boolean SQL expression over `articles AS a`; "" if none.
	Where string

	// Args are the arguments for Where's ? placeholders, in order.
	Args []any

	// KeyMin and KeyMax bound the sort keys of every result to [KeyMin,
	// KeyMax), from the query's top-level date terms; 0 leaves a side open.
	// Where already holds these conditions on a.sort_key. They are for the
	// store to put on article_fts.rowid as well, which SQLite does not infer
	// through a join, so that FTS5 starts at the range instead of walking
	// every newer match.
	KeyMin, KeyMax int64
}

// CompileString parses s and compiles it.
func CompileString(s string, opt Options) (SQL, error) {
	n, err := Parse(s)
	if err != nil {
		return SQL{}, err
	}
	return Compile(n, opt)
}

// Compile turns a query into SQL for the store. Full-text terms that every
// result must satisfy go into Match, where FTS5 finds them by index; the
// rest becomes Where, with full-text terms under OR or NOT as subqueries on
// article_fts.
func Compile(n Node, opt Options) (SQL, error) {
	c := compiler{opt: opt, now: opt.Now}
	if c.now.IsZero() {
		c.now = time.Now()
	}
	if err := validate(n); err != nil {
		return SQL{}, err
	}
	kids := []Node{n}
	switch n.Kind {
	case All:
		return SQL{}, nil
	case And:
		kids = n.Kids
	}
	match, where, err := c.conj(kids)
	if err != nil {
		return SQL{}, err
	}
	w := joinFrags(where, " AND ")
	out := SQL{Match: match, Where: w.sql, Args: w.args}
	for _, k := range kids {
		if k.Kind != Date {
			continue
		}
		lo, hi, hasLo, hasHi, _ := dateRange(k, c.now)
		if hasLo && lo > out.KeyMin {
			out.KeyMin = lo
		}
		if hasHi && (out.KeyMax == 0 || hi < out.KeyMax) {
			out.KeyMax = hi
		}
	}
	return out, nil
}

// validate checks a Node that may not come from Parse, so that compiling
// it cannot go wrong halfway.
func validate(n Node) error {
	switch n.Kind {
	case All:
		return nil
	case And, Or:
		if len(n.Kids) == 0 {
			return fmt.Errorf("query: an %s with no terms", n.Kind)
		}
	case Not:
		if len(n.Kids) != 1 {
			return fmt.Errorf("query: a not with %d terms", len(n.Kids))
		}
	case Text:
		if n.Field != "" && n.Field != "title" {
			return fmt.Errorf("query: unknown text field %q", n.Field)
		}
		if _, bs := wordBounds(n.Value); len(bs) == 0 {
			return fmt.Errorf("query: text %q has no words", n.Value)
		}
	case Tag, Source:
		if n.Value == "" {
			return fmt.Errorf("query: empty %s", n.Kind)
		}
		if n.Field != "" && (n.Kind != Source || n.Field != "feed") {
			return fmt.Errorf("query: unknown %s field %q", n.Kind, n.Field)
		}
	case Is:
		if !states[n.Value] {
			return fmt.Errorf("query: unknown state %q", n.Value)
		}
	case Date:
		if _, _, _, _, err := dateRange(n, time.Time{}); err != nil {
			return fmt.Errorf("query: %s:%s: %w", n.Field, n.Value, err)
		}
	default:
		return fmt.Errorf("query: unknown node kind %v", n.Kind)
	}
	for _, k := range n.Kids {
		if err := validate(k); err != nil {
			return err
		}
	}
	return nil
}

type compiler struct {
	opt Options
	now time.Time
}

// frag is a piece of Where with the arguments of its placeholders.
type frag struct {
	sql  string
	args []any
}

const (
	ftsIn    = "a.sort_key IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
	ftsNotIn = "a.sort_key NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
)

// conj compiles a conjunction: its full-text part as one FTS5 expression
// (match), the rest as Where fragments.
func (c *compiler) conj(kids []Node) (match string, where []frag, err error) {
	var pos, neg []string
	for _, k := range kids {
		switch {
		case c.pure(k):
			pos = append(pos, c.fts(k))
		case k.Kind == Not && len(k.Kids) == 1 && c.pure(k.Kids[0]):
			neg = append(neg, c.fts(k.Kids[0]))
		case k.Kind == Text:
			// A phrase left to tidings_phrase: FTS5 narrows to its words.
			pos = append(pos, c.ftsWords(k))
			where = append(where, c.phraseCheck(k))
		default:
			f, err := c.where(k)
			if err != nil {
				return "", nil, err
			}
			where = append(where, f)
		}
	}
	if len(pos) == 0 {
		if len(neg) > 0 {
			// FTS5's NOT needs something on its left; the articles without
			// the words are the complement of those with them.
			where = append(where, frag{ftsNotIn, []any{strings.Join(neg, " OR ")}})
		}
		return "", where, nil
	}
	return ftsAnd(pos, neg), where, nil
}

// ftsAnd is the FTS5 conjunction of pos without any of neg; pos is not empty.
func ftsAnd(pos, neg []string) string {
	s := strings.Join(pos, " AND ")
	if len(neg) > 0 {
		s = group(s, len(pos)) + " NOT " + group(strings.Join(neg, " OR "), len(neg))
	}
	return s
}

// pure reports whether n is full text that one FTS5 expression can say.
func (c *compiler) pure(n Node) bool {
	switch n.Kind {
	case Text:
		_, bs := wordBounds(n.Value)
		return !c.opt.PhraseFunc || len(bs) == 1
	case Or:
		for _, k := range n.Kids {
			if !c.pure(k) {
				return false
			}
		}
		return len(n.Kids) > 0
	case And:
		positive := false
		for _, k := range n.Kids {
			switch {
			case c.pure(k):
				positive = true
			case k.Kind == Not && len(k.Kids) == 1 && c.pure(k.Kids[0]):
			default:
				return false
			}
		}
		return positive
	}
	return false
}

// fts is the FTS5 expression of a pure node.
func (c *compiler) fts(n Node) string {
	switch n.Kind {
	case Text:
		return column(n) + ftsString(strings.Join(rawTokens(n.Value), " ")) + c.star(n)
	case Or:
		parts := make([]string, len(n.Kids))
		for i, k := range n.Kids {
			parts[i] = c.fts(k)
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	case And:
		var pos, neg []string
		for _, k := range n.Kids {
			if c.pure(k) {
				pos = append(pos, c.fts(k))
			} else {
				neg = append(neg, c.fts(k.Kids[0]))
			}
		}
		return "(" + ftsAnd(pos, neg) + ")"
	}
	panic("query: fts of a " + n.Kind.String())
}

// ftsWords is the FTS5 expression requiring each word of a phrase, in any
// order: what FTS5 with detail=column can check.
func (c *compiler) ftsWords(n Node) string {
	words := rawTokens(n.Value)
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = column(n) + ftsString(w)
	}
	parts[len(parts)-1] += c.star(n)
	return strings.Join(parts, " AND ")
}

// phraseCheck is the Where fragment that checks a phrase's word order with
// tidings_phrase, in the columns article_fts indexes.
func (c *compiler) phraseCheck(n Node) frag {
	p := phraseOf(n.Value) + c.star(n)
	if n.Field == "title" {
		return frag{"tidings_phrase(a.title, ?)", []any{p}}
	}
	return frag{"(tidings_phrase(a.title, ?) OR tidings_body_phrase(a.body, ?) OR " +
		"a.id IN (SELECT article_id FROM annotations WHERE tidings_body_phrase(note, ?)))", []any{p, p, p}}
}

func (c *compiler) star(n Node) string {
	if n.prefixed(c.opt.PrefixLast) {
		return "*"
	}
	return ""
}

// Prefixed reports whether a term n is compiled as a prefix with opt:
// written so (wor*, tag:eu*), or being typed when opt.PrefixLast is set.
func (n Node) Prefixed(opt Options) bool { return n.prefixed(opt.PrefixLast) }

// prefixed reports whether n is read as a prefix: written so, or, with
// prefixLast, being typed. A word being typed that ends in a CJK character
// is whole: that character is a word by itself, which nothing longer can
// start with.
func (n Node) prefixed(prefixLast bool) bool {
	if n.Prefix {
		return true
	}
	if !prefixLast || !n.open {
		return false
	}
	if n.Kind == Text {
		v, bs := wordBounds(n.Value)
		return len(bs) == 0 || !cjkWord(v[bs[len(bs)-1][0]:bs[len(bs)-1][1]])
	}
	return true
}

func column(n Node) string {
	if n.Field == "title" {
		return "title : "
	}
	return ""
}

// ftsString quotes s as an FTS5 string, so that it is only ever words.
func ftsString(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// group parenthesizes a joined expression of n parts when it has several.
func group(s string, n int) string {
	if n > 1 {
		return "(" + s + ")"
	}
	return s
}

// where compiles n to a Where fragment.
func (c *compiler) where(n Node) (frag, error) {
	if c.pure(n) {
		return frag{ftsIn, []any{c.fts(n)}}, nil
	}
	switch n.Kind {
	case All:
		return frag{"1", nil}, nil
	case And:
		match, parts, err := c.conj(n.Kids)
		if err != nil {
			return frag{}, err
		}
		if match != "" {
			parts = append([]frag{{ftsIn, []any{match}}}, parts...)
		}
		return paren(joinFrags(parts, " AND "), len(parts)), nil
	case Or:
		// The full-text alternatives share one FTS5 lookup.
		var text []string
		var parts []frag
		for _, k := range n.Kids {
			if c.pure(k) {
				text = append(text, c.fts(k))
				continue
			}
			f, err := c.where(k)
			if err != nil {
				return frag{}, err
			}
			parts = append(parts, f)
		}
		if len(text) > 0 {
			parts = append([]frag{{ftsIn, []any{strings.Join(text, " OR ")}}}, parts...)
		}
		return paren(joinFrags(parts, " OR "), len(parts)), nil
	case Not:
		f, err := c.where(n.Kids[0])
		if err != nil {
			return frag{}, err
		}
		return frag{"NOT " + paren(f, 2).sql, f.args}, nil
	case Text:
		return paren(joinFrags([]frag{{ftsIn, []any{c.ftsWords(n)}}, c.phraseCheck(n)}, " AND "), 2), nil
	case Tag:
		return c.tag(n), nil
	case Source:
		return c.source(n), nil
	case Is:
		return c.state(n)
	case Date:
		return c.date(n)
	}
	return frag{}, fmt.Errorf("query: unknown node kind %v", n.Kind)
}

// tag matches a tag by its folded name (FoldTag), in any case, as the
// library tells tag names apart, and in either Unicode form: tag names are
// stored composed (NFC) and without characters that show nothing, and so
// is the name asked for (TagName), however it was typed.
func (c *compiler) tag(n Node) frag {
	folded := marks.FoldTag(TagName(n.Value))
	tags, arg := "(SELECT id FROM tags WHERE folded = ?)", any(folded)
	if c.star(n) != "" {
		tags, arg = `(SELECT id FROM tags WHERE folded LIKE ? ESCAPE '\')`, likeEscape(folded)+"%"
	}
	if c.opt.TestTags {
		// Each article is looked up in article_tags' primary key.
		return frag{"EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id IN " + tags + ")", []any{arg}}
	}
	return frag{"a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN " + tags + ")", []any{arg}}
}

// source matches the source, any part of a syndicated source
// ("MENAFN - AzerNews" is MENAFN's syndication of AzerNews), or a feed
// title that contains the name; in either Unicode form and, beyond ASCII,
// any case (matcherOf).
func (c *compiler) source(n Node) frag {
	m := matcherOf(n.Value)
	prefix := c.star(n) != ""
	if n.Field == "feed" {
		// One subscription: by its address, or by its whole name.
		if prefix {
			return feedIn(joinFrags([]frag{{`url LIKE ? ESCAPE '\'`, []any{likeEscape(n.Value) + "%"}}, m.like("title", "", "%")}, " OR "))
		}
		return feedIn(joinFrags([]frag{{"url = ?", []any{n.Value}}, m.is("title")}, " OR "))
	}
	feed := feedIn(m.like("title", "%", "%"))
	if prefix {
		return paren(joinFrags([]frag{m.like("a.source", "", "%"), m.like("a.source", "% - ", "%"), feed}, " OR "), 3)
	}
	// The name whole: the source, or its first, last or a middle part
	// ("MENAFN - GlobeNewsWire - Nasdaq" is GlobeNewsWire's by way of
	// MENAFN), so that a whole name finds all its prefix does.
	return paren(joinFrags([]frag{m.is("a.source"), m.like("a.source", "", " - %"), m.like("a.source", "% - ", ""),
		m.like("a.source", "% - ", " - %"), feed}, " OR "), 5)
}

// feedIn is an article from a feed the condition on feeds picks.
func feedIn(cond frag) frag {
	return frag{"(a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE " + cond.sql + "))", cond.args}
}

func (c *compiler) state(n Node) (frag, error) {
	switch n.Value {
	case "unread":
		return frag{"a.read_at IS NULL", nil}, nil
	case "read":
		return frag{"a.read_at IS NOT NULL", nil}, nil
	case "starred":
		return frag{"a.starred <> 0", nil}, nil
	case "annotated":
		return frag{"a.id IN (SELECT article_id FROM annotations)", nil}, nil
	case "untagged":
		return frag{"a.id NOT IN (SELECT article_id FROM article_tags)", nil}, nil
	}
	return frag{}, fmt.Errorf("query: unknown state %q", n.Value)
}

// date compiles a date range to a sort key range, which SQLite walks on the
// articles' unique sort_key index, and, where the range holds a minute the
// sort keys clamp, the dates of that minute's articles (dateExact).
func (c *compiler) date(n Node) (frag, error) {
	lo, hi, hasLo, hasHi, err := dateRange(n, c.now)
	if err != nil {
		return frag{}, fmt.Errorf("query: %s:%s: %w", n.Field, n.Value, err)
	}
	var parts []frag
	if hasLo {
		parts = append(parts, frag{"a.sort_key >= ?", []any{lo}})
	}
	if hasHi {
		parts = append(parts, frag{"a.sort_key < ?", []any{hi}})
	}
	if exact, ok := dateExact(n, c.now); ok {
		parts = append(parts, exact)
	}
	if len(parts) == 0 {
		return frag{"1", nil}, nil // every article
	}
	return paren(joinFrags(parts, " AND "), len(parts)), nil
}

// likeEscape makes s match itself literally in a LIKE pattern with ESCAPE '\'.
func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

func joinFrags(fs []frag, op string) frag {
	var out frag
	sqls := make([]string, len(fs))
	for i, f := range fs {
		sqls[i] = f.sql
		out.args = append(out.args, f.args...)
	}
	out.sql = strings.Join(sqls, op)
	return out
}

// paren parenthesizes a fragment joined from n parts when it has several.
func paren(f frag, n int) frag {
	if n > 1 {
		f.sql = "(" + f.sql + ")"
	}
	return f
}
