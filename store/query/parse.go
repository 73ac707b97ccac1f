package query

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/feeds/marks"
)

// Error is a query that does not parse: Msg says why, Pos is the column (in
// characters, counting from 1) where the problem starts.
type Error struct {
	Pos int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("%s at col %d", e.Msg, e.Pos) }

// Limits that keep the SQL a query compiles to within SQLite's expression
// depth (1000) and FTS5's parser stack.
const (
	maxDepth = 32  // nested groups and negations
	maxTerms = 256 // terms in one query
)

// Parse parses a query. The empty query (or one of only punctuation) is a
// Node of Kind All. Its syntax may be typed in fullwidth forms (syntaxOf).
func Parse(s string) (Node, error) {
	syntax, at := syntaxOf(s)
	p := &parser{s: syntax, typed: s, at: at}
	n, ok, _, err := p.or()
	if err != nil {
		return Node{}, err
	}
	if t, err := p.next(); err != nil {
		return Node{}, err
	} else if t.kind == tRParen {
		return Node{}, p.errorf(t.pos, `unexpected ")"`)
	}
	if !ok {
		return Node{Kind: All}, nil
	}
	return n, nil
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tLParen
	tRParen
	tOr
	tAnd
	tNot // NOT
	tNeg // - before a term
	tTerm
)

type token struct {
	kind tokKind
	pos  int   // byte offset in the query
	node *Node // tTerm: the term, nil when it has no words (punctuation)
}

type parser struct {
	s      string // the query as its syntax reads (syntaxOf)
	typed  string // the query as typed
	at     []int  // where each byte of s, and its end, is in typed; nil when s is typed
	i      int
	peeked *token
	depth  int
	terms  int
}

// syntaxOf returns the query q as its syntax reads it: with the fullwidth
// forms of ASCII characters (U+FF01–U+FF5E), which an input method for
// Japanese, Chinese or Korean types in its fullwidth mode, as those
// characters, so that －東京 is a negation, 東京　ＯＲ　서울 an OR and
// ｔｉｔｌｅ：東京 a title: term, as in ASCII. Each becomes one byte: at[i]
// is where byte i of the result (or its end, at its length) is in q, for
// the words and names, which are taken as typed; at is nil when there are
// none and the result is q.
func syntaxOf(q string) (string, []int) {
	if !hasFullwidthASCII(q) {
		return q, nil
	}
	b := make([]byte, 0, len(q))
	at := make([]int, 0, len(q)+1)
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		if isFullwidthASCII(r) {
			b = append(b, byte(r-fullwidthOffset))
			at = append(at, i)
		} else {
			for k := range n {
				b = append(b, q[i+k])
				at = append(at, i+k)
			}
		}
		i += n
	}
	return string(b), append(at, len(q))
}

// Syntax returns the query q as Parse reads its syntax (syntaxOf), and
// where each byte of that, and its end, is in q (nil when it is q): for
// what reads a query being typed as the parser will, such as the live
// filter.
func Syntax(q string) (syntax string, at []int) { return syntaxOf(q) }

// fullwidthOffset is how far the fullwidth form of an ASCII character is
// from it.
const fullwidthOffset = 0xFF01 - '!'

func isFullwidthASCII(r rune) bool { return 0xFF01 <= r && r <= 0xFF5E }

// hasFullwidthASCII reports whether s holds a fullwidth form of an ASCII
// character: in UTF-8, EF BC 81 to EF BD 9E.
func hasFullwidthASCII(s string) bool {
	for {
		at := strings.IndexByte(s, 0xEF)
		if at < 0 || at+2 >= len(s) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(s[at:]); isFullwidthASCII(r) {
			return true
		}
		s = s[at+1:]
	}
}

// typedText returns the query as typed from byte i to byte j of its
// syntax (p.s).
func (p *parser) typedText(i, j int) string {
	if p.at == nil {
		return p.s[i:j]
	}
	return p.typed[p.at[i]:p.at[j]]
}

func (p *parser) errorf(pos int, format string, args ...any) error {
	return &Error{Pos: utf8.RuneCountInString(p.s[:pos]) + 1, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) peek() (token, error) {
	if p.peeked == nil {
		t, err := p.lex()
		if err != nil {
			return token{}, err
		}
		p.peeked = &t
	}
	return *p.peeked, nil
}

func (p *parser) next() (token, error) {
	t, err := p.peek()
	p.peeked = nil
	return t, err
}

// or parses alternatives: and {OR and}. ok is false when what was parsed
// has no terms left (only punctuation); consumed is false when there was
// nothing at all before the end, a ")" or an OR.
func (p *parser) or() (n Node, ok, consumed bool, err error) {
	first, ok, consumed, err := p.and()
	if err != nil {
		return Node{}, false, false, err
	}
	var kids []Node
	if ok {
		kids = append(kids, first)
	}
	for {
		t, err := p.peek()
		if err != nil {
			return Node{}, false, false, err
		}
		if t.kind != tOr {
			break
		}
		if !consumed {
			return Node{}, false, false, p.errorf(t.pos, `"OR" needs a term before it`)
		}
		p.next()
		k, kok, kconsumed, err := p.and()
		if err != nil {
			return Node{}, false, false, err
		}
		if !kconsumed {
			return Node{}, false, false, p.errorf(t.pos, `"OR" needs a term after it`)
		}
		if kok {
			kids = append(kids, k)
		}
	}
	n, ok = join(Or, kids)
	return n, ok, consumed, nil
}

// and parses a conjunction: unary {[AND] unary}.
func (p *parser) and() (n Node, ok, consumed bool, err error) {
	var kids []Node
	for {
		t, err := p.peek()
		if err != nil {
			return Node{}, false, false, err
		}
		switch t.kind {
		case tEOF, tRParen, tOr:
			n, ok = join(And, kids)
			return n, ok, consumed, nil
		case tAnd:
			if !consumed {
				return Node{}, false, false, p.errorf(t.pos, `"AND" needs a term before it`)
			}
			p.next()
			if u, err := p.peek(); err != nil {
				return Node{}, false, false, err
			} else if !startsTerm(u.kind) {
				return Node{}, false, false, p.errorf(t.pos, `"AND" needs a term after it`)
			}
			continue
		}
		k, kok, err := p.unary()
		if err != nil {
			return Node{}, false, false, err
		}
		consumed = true
		if kok {
			kids = append(kids, k)
		}
	}
}

func startsTerm(k tokKind) bool {
	return k == tLParen || k == tNot || k == tNeg || k == tTerm
}

// unary parses a term, a (group), or a negated one.
func (p *parser) unary() (Node, bool, error) {
	t, err := p.next()
	if err != nil {
		return Node{}, false, err
	}
	switch t.kind {
	case tNot, tNeg:
		if u, err := p.peek(); err != nil {
			return Node{}, false, err
		} else if !startsTerm(u.kind) {
			op := "NOT"
			if t.kind == tNeg {
				op = "-"
			}
			return Node{}, false, p.errorf(t.pos, "%q needs a term after it", op)
		}
		if p.depth++; p.depth > maxDepth {
			return Node{}, false, p.errorf(t.pos, "query nested too deeply (over %d levels)", maxDepth)
		}
		k, ok, err := p.unary()
		p.depth--
		if err != nil || !ok {
			return Node{}, false, err
		}
		if k.Kind == Not {
			return k.Kids[0], true, nil
		}
		// A word being typed after "-" stays whole: excluding every word it
		// begins would hide more than the reader asked.
		k.open = false
		return Node{Kind: Not, Kids: []Node{k}}, true, nil
	case tLParen:
		if p.depth++; p.depth > maxDepth {
			return Node{}, false, p.errorf(t.pos, "query nested too deeply (over %d levels)", maxDepth)
		}
		n, ok, consumed, err := p.or()
		p.depth--
		if err != nil {
			return Node{}, false, err
		}
		closing, err := p.next()
		if err != nil {
			return Node{}, false, err
		}
		if closing.kind != tRParen {
			return Node{}, false, p.errorf(t.pos, `unclosed "("`)
		}
		if !consumed {
			return Node{}, false, p.errorf(t.pos, "empty parentheses")
		}
		return n, ok, nil
	case tTerm:
		if p.terms++; p.terms > maxTerms {
			return Node{}, false, p.errorf(t.pos, "query too long (over %d terms)", maxTerms)
		}
		if t.node == nil {
			return Node{}, false, nil
		}
		return *t.node, true, nil
	case tRParen:
		return Node{}, false, p.errorf(t.pos, `unexpected ")"`)
	default: // tOr, tAnd, tEOF: callers only call unary where a term starts
		return Node{}, false, p.errorf(t.pos, "expected a term")
	}
}

// join makes an And or Or of kids, flattening nested ones of the same kind;
// ok is false when there are no kids.
func join(k Kind, kids []Node) (Node, bool) {
	var flat []Node
	for _, c := range kids {
		if c.Kind == k {
			flat = append(flat, c.Kids...)
		} else {
			flat = append(flat, c)
		}
	}
	switch len(flat) {
	case 0:
		return Node{}, false
	case 1:
		return flat[0], true
	}
	return Node{Kind: k, Kids: flat}, true
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// lex reads the next token.
func (p *parser) lex() (token, error) {
	for p.i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if !isSpace(r) {
			break
		}
		p.i += n
	}
	start := p.i
	if start >= len(p.s) {
		return token{kind: tEOF, pos: start}, nil
	}
	switch p.s[start] {
	case '(':
		p.i++
		return token{kind: tLParen, pos: start}, nil
	case ')':
		p.i++
		return token{kind: tRParen, pos: start}, nil
	case '"':
		_, v, prefix, err := p.quoted()
		if err != nil {
			return token{}, err
		}
		return p.textTerm(start, "", v, prefix, false), nil
	case '-':
		if start+1 < len(p.s) {
			r, _ := utf8.DecodeRuneInString(p.s[start+1:])
			if r != ')' && !isSpace(r) {
				p.i++
				return token{kind: tNeg, pos: start}, nil
			}
		}
	}
	end := start
	for end < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[end:])
		if isSpace(r) || r == '(' || r == ')' || r == '"' {
			break
		}
		end += n
	}
	p.i = end
	chunk := p.s[start:end]
	switch chunk {
	case "OR":
		return token{kind: tOr, pos: start}, nil
	case "AND":
		return token{kind: tAnd, pos: start}, nil
	case "NOT":
		return token{kind: tNot, pos: start}, nil
	}
	quoteNext := end < len(p.s) && p.s[end] == '"'
	if chunk[0] == '#' && (len(chunk) > 1 || quoteNext) {
		return p.fieldTerm(start, "tag", start+1, end)
	}
	if k := strings.IndexByte(chunk, ':'); k > 0 && asciiLetters(chunk[:k]) {
		name, val := strings.ToLower(chunk[:k]), chunk[k+1:]
		if fields[name] {
			return p.fieldTerm(start, name, start+k+1, end)
		}
		if val != "" && val[0] != '/' || val == "" && quoteNext {
			return token{}, p.errorf(start, "unknown field %q", p.typedText(start, start+k+1))
		}
	}
	v, prefix := trimStars(chunk)
	return p.textTerm(start, "", p.typedText(start, start+len(v)), prefix, !prefix && end == len(p.s)), nil
}

// fields are the names that may come before a colon.
var fields = map[string]bool{
	"tag": true, "source": true, "feed": true, "title": true, "is": true,
	"after": true, "before": true, "on": true, "date": true, "since": true,
}

// fieldOrder is the field names in the order FieldStart names them.
var fieldOrder = []string{"tag", "title", "source", "since", "feed", "is", "after", "before", "on", "date"}

// FieldStart is the field name, with its colon, that word is the start of
// or the whole of, in any case ("sou" and "Source" give "source:"), or ""
// when it is the start of none; of a start several have, the first of tag,
// title, source, since ("t" gives "tag:"). What reads a query being typed
// waits on such a word: it may become tag:, not the word tag.
func FieldStart(word string) string {
	if word == "" || !asciiLetters(word) {
		return ""
	}
	word = strings.ToLower(word)
	for _, name := range fieldOrder {
		if strings.HasPrefix(name, word) {
			return name + ":"
		}
	}
	return ""
}

// IsField reports whether name, in any case, is a field's name.
func IsField(name string) bool { return fields[strings.ToLower(name)] }

// states are the values is: takes.
var states = map[string]bool{
	"unread": true, "read": true, "starred": true, "annotated": true, "untagged": true,
}

// fieldTerm finishes a name:value term; its value is what followed the
// colon up to the end of the chunk, from byte offset vpos to end (a quoted
// value follows there when that is empty). A name or words are taken as
// typed, a state or a date as the syntax reads them (syntaxOf: ２０２４
// is 2024).
func (p *parser) fieldTerm(start int, name string, vpos, end int) (token, error) {
	label := name + ":"
	if start < len(p.s) && p.s[start] == '#' {
		label = "#"
	}
	val, typed := p.s[vpos:end], p.typedText(vpos, end)
	quoted, prefix := false, false
	if val == "" && p.i < len(p.s) && p.s[p.i] == '"' {
		var err error
		if val, typed, prefix, err = p.quoted(); err != nil {
			return token{}, err
		}
		quoted = true
	} else {
		val, prefix = trimStars(val)
		typed = p.typedText(vpos, vpos+len(val))
	}
	if val == "" {
		return token{}, p.errorf(start, "missing value after %q", label)
	}
	open := !quoted && !prefix && p.i == len(p.s)
	switch name {
	case "title":
		return p.textTerm(start, "title", typed, prefix, open), nil
	case "tag", "source", "feed":
		// Names are stored trimmed; `tag:" eu "` means the tag eu.
		if val = strings.TrimSpace(typed); val == "" {
			return token{}, p.errorf(start, "missing value after %q", label)
		}
		k, field := Tag, ""
		switch name {
		case "source":
			k = Source
		case "feed":
			k, field = Source, "feed" // one subscription, by address or name
		}
		return token{kind: tTerm, pos: start, node: &Node{Kind: k, Field: field, Value: val, Prefix: prefix, open: open}}, nil
	case "is":
		s := strings.ToLower(val)
		if prefix || !states[s] {
			return token{}, p.errorf(vpos, "unknown state %q: is: takes unread, read, starred, annotated or untagged", typed)
		}
		return token{kind: tTerm, pos: start, node: &Node{Kind: Is, Value: s}}, nil
	case "since":
		if prefix {
			val += "*"
		}
		if _, _, err := parseSince(val); err != nil {
			return token{}, p.errorf(vpos, "%s", err.Error())
		}
		return token{kind: tTerm, pos: start, node: &Node{Kind: Date, Field: name, Value: strings.ToLower(val)}}, nil
	default: // after, before, on, date
		if prefix {
			val += "*"
		}
		if _, _, err := parseDay(val); err != nil {
			return token{}, p.errorf(vpos, "%s", err.Error())
		}
		return token{kind: tTerm, pos: start, node: &Node{Kind: Date, Field: name, Value: val}}, nil
	}
}

// textTerm makes a Text term, or a term with no node when v has no words.
// v loses the invisible characters that import takes out of words
// (marks.DropInWords): "ukr\u00adaine", pasted from a page that hyphenates,
// finds the "ukraine" the library holds.
func (p *parser) textTerm(start int, field, v string, prefix, open bool) token {
	v = marks.DropInWords(v)
	if _, bs := wordBounds(v); len(bs) == 0 {
		return token{kind: tTerm, pos: start}
	}
	return token{kind: tTerm, pos: start, node: &Node{Kind: Text, Field: field, Value: v, Prefix: prefix, open: open}}
}

// quoted reads a "quoted string" at p.i, with \" and \\ as escapes, and an
// optional * after it: its text as the syntax reads it (v) and as typed.
func (p *parser) quoted() (v, typed string, prefix bool, err error) {
	start := p.i
	var b, t strings.Builder
	from := start + 1 // what is not yet written to t
	for i := start + 1; i < len(p.s); i++ {
		switch c := p.s[i]; {
		case c == '\\' && i+1 < len(p.s) && (p.s[i+1] == '"' || p.s[i+1] == '\\'):
			t.WriteString(p.typedText(from, i))
			i++
			from = i
			b.WriteByte(p.s[i])
		case c == '"':
			t.WriteString(p.typedText(from, i))
			p.i = i + 1
			for p.i < len(p.s) && p.s[p.i] == '*' {
				p.i++
				prefix = true
			}
			return b.String(), t.String(), prefix, nil
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false, p.errorf(start, "unclosed quote")
}

// trimStars cuts the *s that make v a prefix.
func trimStars(v string) (string, bool) {
	t := strings.TrimRight(v, "*")
	return t, len(t) < len(v)
}

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
