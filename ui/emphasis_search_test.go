package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tidings/store"
	"tidings/store/query"
)

// The reader shows a word split by emphasis or strikethrough marks whole,
// search reads it as the reader shows it (store.ShownText), and the
// reader highlights the word search found.
func TestEmphasisInsideAWordIsReadAsShown(t *testing.T) {
	const open = "\x1b[7m"
	for _, c := range []struct{ body, term string }{
		{"The **Ukr**aine story", "ukraine"},
		{"Talks in Ukr**aine** today", "ukraine"},
		{"It is a*b*c here", "abc"},
		{"It is a~~b~~c here", "abc"},
		{"Censored s**t and f***ing words", "ing"},
		{"Plain a*b and snake_case", "snake case"},
		{"Odd a***b**c", "bc"},
	} {
		r := newRenderer()
		plain, err := r.render(renderKey{width: 60, style: "dark"}, c.body)
		if err != nil {
			t.Fatal(err)
		}
		shown := ansi.Strip(plain)
		if got, want := query.Tokens(shown), query.Tokens(store.ShownText(c.body)); !slices.Equal(got, want) {
			t.Errorf("%q: the reader shows %q, words %q; search reads %q", c.body, strings.TrimSpace(shown), got, want)
		}
		if !query.MatchPhrase(store.ShownText(c.body), c.term) {
			t.Errorf("%q: search does not find %q", c.body, c.term)
		}
		lit, err := r.render(renderKey{width: 60, style: "dark", terms: c.term, match: open}, c.body)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(lit, open) {
			t.Errorf("%q: the reader does not highlight %q: %q", c.body, c.term, lit)
		}
	}
}
