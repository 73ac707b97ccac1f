package query

import (
	"strconv"
	"strings"
)

// Kind says what a Node is.
type Kind uint8

// The kinds of Node.
const (
	All    Kind = iota // every article: the empty query
	And                // every one of Kids matches
	Or                 // at least one of Kids matches
	Not                // Kids[0] does not match
	Text               // Value's words, in order, in the title, body or notes
	Tag                // the article has the tag Value
	Source             // the source or the feed title is Value; with Field "feed", the subscription whose address or name it is
	Is                 // the article is in the state Value (unread, starred...)
	Date               // published within the range Field:Value (after:2024-03)
)

var kindNames = [...]string{"all", "and", "or", "not", "text", "tag", "source", "is", "date"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Node is a parsed query: an operator over Kids, or one term.
type Node struct {
	Kind Kind
	Kids []Node // And, Or: two or more; Not: one

	// Field qualifies a term: "title" for a Text in the title only ("" for
	// title, body and notes); for a Date, the operator: after, before, on,
	// date or since.
	Field string

	// Value is the term's text as the user wrote it, unquoted: the words of
	// a Text, a tag or source name, an Is state ("unread"), a Date's
	// "2024-03-05" or "7d".
	Value string

	// Prefix makes the last word of a Text, or a Tag or Source name, a
	// prefix (wor*, tag:eu*).
	Prefix bool

	// open marks an unquoted Text, Tag or Source term that the query ends
	// in: the word being typed, a prefix when Options.PrefixLast is set.
	open bool
}

// String prints n in the canonical form of the query language; parsing it
// gives back an equivalent Node that prints the same.
func (n Node) String() string {
	var b strings.Builder
	n.print(&b)
	return b.String()
}

func (n Node) print(b *strings.Builder) {
	switch n.Kind {
	case All:
	case And:
		for i, k := range n.Kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			k.printGrouped(b, k.Kind == Or || k.Kind == And)
		}
	case Or:
		for i, k := range n.Kids {
			if i > 0 {
				b.WriteString(" OR ")
			}
			k.printGrouped(b, k.Kind == Or)
		}
	case Not:
		b.WriteByte('-')
		if len(n.Kids) == 1 {
			k := n.Kids[0]
			k.printGrouped(b, k.Kind == And || k.Kind == Or || k.Kind == Not)
		}
	case Text:
		if n.Field != "" {
			b.WriteString(n.Field)
			b.WriteByte(':')
			writeValue(b, n.Value)
		} else if bareWord(n.Value) {
			b.WriteString(n.Value)
		} else {
			writeQuoted(b, n.Value)
		}
		if n.Prefix {
			b.WriteByte('*')
		}
	case Tag, Source:
		switch {
		case n.Kind == Tag:
			b.WriteString("tag:")
		case n.Field == "feed":
			b.WriteString("feed:")
		default:
			b.WriteString("source:")
		}
		writeValue(b, n.Value)
		if n.Prefix {
			b.WriteByte('*')
		}
	case Is:
		b.WriteString("is:")
		b.WriteString(n.Value)
	case Date:
		b.WriteString(n.Field)
		b.WriteByte(':')
		b.WriteString(n.Value)
	}
}

func (n Node) printGrouped(b *strings.Builder, group bool) {
	if group {
		b.WriteByte('(')
	}
	n.print(b)
	if group {
		b.WriteByte(')')
	}
}

// writeValue writes a field's value, quoted unless it reads back unquoted as
// the same value.
func writeValue(b *strings.Builder, v string) {
	if plainValue(v) {
		b.WriteString(v)
		return
	}
	writeQuoted(b, v)
}

// plainValue reports whether v, after "field:", lexes back as itself,
// read as the syntax reads it (syntaxOf: its fullwidth ＂ is a quote).
func plainValue(v string) bool {
	v, _ = syntaxOf(v)
	if v == "" || strings.HasSuffix(v, "*") {
		return false
	}
	return !strings.ContainsFunc(v, func(r rune) bool {
		return r == '"' || r == '(' || r == ')' || isSpace(r)
	})
}

// bareWord reports whether v, on its own, lexes back as a word with the same
// text: not an operator, a negation, a tag, a field or a prefix.
func bareWord(v string) bool {
	if !plainValue(v) {
		return false
	}
	if v, _ = syntaxOf(v); strings.ContainsRune(v, ':') {
		return false
	}
	switch v {
	case "OR", "AND", "NOT":
		return false
	}
	return v[0] != '-' && v[0] != '#'
}

// writeQuoted writes v quoted, with a backslash before each quote and
// backslash in it, in ASCII or fullwidth (＂, ＼), which the syntax reads
// alike.
func writeQuoted(b *strings.Builder, v string) {
	b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' || strings.HasPrefix(v[i:], "＂") || strings.HasPrefix(v[i:], "＼") {
			b.WriteByte('\\')
		}
		b.WriteByte(v[i])
	}
	b.WriteByte('"')
}

// Terms lists the words, phrases and prefixes that a matching article
// contains (those not under a negation), folded and deduplicated, for
// highlighting: a phrase is its tokens joined by spaces (CJK characters
// written together stay together), a prefix ends in "*".
// Terms(Parse(`Zürich "U.S. aid" ukr* 地震 -war`)) is
// ["zurich" "u s aid" "ukr*" "地震"].
func Terms(n Node) []string {
	return terms(n, false)
}

// TermsFor is Terms with the live filter's reading of opt: with
// opt.PrefixLast the word being typed is listed as a prefix.
func TermsFor(n Node, opt Options) []string {
	return terms(n, opt.PrefixLast)
}

func terms(n Node, prefixLast bool) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(n Node, neg bool)
	walk = func(n Node, neg bool) {
		switch n.Kind {
		case And, Or:
			for _, k := range n.Kids {
				walk(k, neg)
			}
		case Not:
			for _, k := range n.Kids {
				walk(k, !neg)
			}
		case Text:
			if neg {
				return
			}
			t := phraseOf(n.Value)
			if t == "" {
				return
			}
			if n.prefixed(prefixLast) {
				t += "*"
			}
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	walk(n, false)
	return out
}
