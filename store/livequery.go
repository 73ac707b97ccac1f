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
		return strings.TrimRightFunc(short, func(r rune) bool { return r == ' ' || r == '\t' })
	}
	// Compiled at one instant, so that since: terms compare equal.
	whole := query.Options{Now: time.Now(), PhraseFunc: true}
	live := whole
	live.PrefixLast = true
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
