package store

import (
	"reflect"
	"strings"
	"time"

	"tidings/store/query"
)

// LiveQuery returns the query that, read as usual (Count, TagQuery,
// SaveSearch, Search), matches what q matches read as the live filter reads
// it (PageRequest.Live, CountLive): the word being typed gets its "*", and
// goes while it is shorter than the live filter's prefixes. What the live
// filter showed is then what a bulk tagging tags and a saved search finds.
// A query that does not parse comes back as it is.
func LiveQuery(q string) string {
	short := withoutShortOpenWord(q)
	if short != q {
		if closed := closeLive(short); closed != short {
			return closed // "(ferry OR ta" is "(ferry)": ferry is not being typed
		}
		return strings.TrimRightFunc(short, func(r rune) bool { return r == ' ' || r == '\t' })
	}
	if closed := closeLive(q); closed != q {
		return closed
	}
	// Compiled at one instant, so that since: terms compare equal.
	whole := query.Options{Now: time.Now(), PhraseFunc: true}
	live := whole
	live.PrefixLast = !shortPunctuatedTail(q)
	want, err := query.CompileString(q, live)
	if err != nil {
		return q
	}
	if got, err := query.CompileString(q, whole); err == nil && reflect.DeepEqual(got, want) {
		return q // nothing open: already read the same both ways
	}
	if got, err := query.CompileString(q+"*", whole); err == nil && reflect.DeepEqual(got, want) {
		return q + "*"
	}
	return q
}

// KeptQuery is the query a live filter settles on when it is kept (Enter in
// the filter line): LiveQuery's, except that a word being typed that is
// still too short for the live filter is kept too, as a prefix, since the
// user has now said it is what they want ("war us" keeps "war us*"). A
// negated one is kept whole, as LiveQuery keeps negations. A tag, a source
// or a feed typed last is kept as typed, whole: the user typed its name
// out, and tag:foo should not find #football tomorrow (tag:foo* says a
// prefix). The syntax is read as the parser reads it: tag：foo and ＃foo
// are tags too.
func KeptQuery(q string) string {
	if fieldQuoteOpen(q) {
		// tag:"long rea is kept as typed too, its quote closed.
		if closed := q + Unclosed(q); parses(closed) {
			return closed
		}
		return q
	}
	if f := strings.Fields(syntaxOf(q)); len(f) > 0 && openQuote(syntaxOf(q)) < 0 {
		// Inside a phrase left open, tag:news is the phrase's text.
		last := strings.ToLower(strings.TrimLeft(f[len(f)-1], "-("))
		if (strings.HasPrefix(last, "tag:") || strings.HasPrefix(last, "#") || strings.HasPrefix(last, "source:") ||
			strings.HasPrefix(last, "feed:")) && !strings.HasSuffix(last, "*") {
			return q
		}
	}
	if _, _, negated, ok := fieldStartTyped(q); ok {
		// "war tag" is the word tag, now that enter says it is done.
		if negated {
			return closeLive(q)
		}
		if kept := closeLive(q + "*"); parses(kept) {
			return kept
		}
		return q
	}
	if _, word, negated, ok := openWord(q); ok && waitingOf(word) != "" {
		if negated {
			return closeLive(q)
		}
		if kept := closeLive(q + "*"); parses(kept) {
			return kept
		}
		return q
	}
	return LiveQuery(q)
}

// fieldQuoteOpen reports whether q ends inside a quoted tag, source or feed
// name: tag:"long rea, or tag：＂long rea typed in fullwidth.
func fieldQuoteOpen(q string) bool {
	q = syntaxOf(q)
	open, in := -1, false
	for i := 0; i < len(q); i++ {
		switch {
		case q[i] == '\\' && in:
			i++
		case q[i] == '"':
			if !in {
				open = i
			}
			in = !in
		}
	}
	if !in {
		return false
	}
	before := strings.ToLower(q[:open])
	for _, field := range []string{"tag:", "source:", "feed:"} {
		if strings.HasSuffix(before, field) {
			return true
		}
	}
	return false
}

// syntaxOf is q as the parser reads its syntax (query.Syntax).
func syntaxOf(q string) string {
	s, _ := query.Syntax(q)
	return s
}

// parses reports whether q is a query.
func parses(q string) bool {
	_, err := query.Parse(q)
	return err == nil
}

// PendingWord is the word being typed at the end of a live query while it is
// still too short for the live filter to use ("ukraine ta" gives "ta"), or
// its letters after a CJK character while they are ("東京ma" gives "ma"),
// or "" when there is none: the filter line says that it waits.
func PendingWord(q string) string {
	_, word, _, ok := openWord(q)
	if !ok {
		return ""
	}
	return waitingOf(word)
}

// PendingField is the word being typed at the end of a live query when it
// may be a field's name being typed, and that field: "is:unread sou" gives
// "sou" and "source:". The live filter waits on it until it is no field's
// start ("tagl"), or a space or enter makes it a word: the filter line
// says so. Both are "" when there is none.
func PendingField(q string) (word, field string) {
	word, field, _, _ = fieldStartTyped(q)
	return word, field
}

// EmptyField is the field a live query ends with, as typed, with nothing of
// its value yet ("war tag:" gives "tag:", `source:"` and "-tag:" too), or
// "": the filter line says it waits for its value, and the live filter
// reads the query without it.
func EmptyField(q string) string {
	t := readSyntax(q)
	field := emptyFieldSyntax(t.syntax)
	return t.text(len(t.syntax)-len(field), len(t.syntax))
}

// DanglingOperator is the operator a live query ends with, waiting for the
// term it joins ("ferry OR " gives "OR"), or "": the filter line says that
// it waits, and the live filter reads the query without it.
func DanglingOperator(q string) string {
	_, op := cutDanglingOperator(q)
	return op
}

// waitingOf is the part of the word being typed that the live filter does
// not use yet (splitTyped).
func waitingOf(word string) string {
	_, waiting := splitTyped(word)
	return waiting
}
