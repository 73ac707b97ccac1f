package store

import (
	"testing"

	"tidings/store/query"
)

var phraseCases = []struct{ text, phrase string }{
	{"Oil prices rose sharply.", "oil prices"},
	{"OIL, PRICES rose", "oil prices"},
	{"prices of oil", "oil prices"},
	{"Oil pricing", "oil pri*"},
	{"Café au lait", "cafe"},
	{"A cafe in Zürich", "zurich"},
	{"“Oil” — prices’ fall", "oil prices"},
	{"naïve approach", "naive"},
	{"co-operation", "co operation"},
	{"U.S. troops", "u s troops"},
	{"東京 tower", "東京"},
	{"ﬁnance", "finance"},
	{"İstanbul", "istanbul"},
	{"", "oil"},
	{"oil", ""},
	{"\xff\xfe oil prices", "oil prices"},
	{"xoil prices, oil pricesx, oil-prices", "oil prices"},
	{"soil prices", "oil prices"},
	{"oil  prices", "oil prices*"},
	{"oil pricesx", "oil prices*"},
	{"oil\u2014PRICES and more", "oil prices and"},
	{"the the the end", "the end"},
	{"a1b2 c3", "a1b2 c3"},
	{"Oil prices", "oil prices*"},
	{"oil", "oil*"},
	{"oil", "oi"},
	{"oil prices", "oil prices rose"},
}

// matchPhrase must answer exactly as query.MatchPhrase does: its quick
// rejection may only skip work.
func TestMatchPhraseAgreesWithQuery(t *testing.T) {
	for _, c := range phraseCases {
		if got, want := matchPhrase(c.text, c.phrase), query.MatchPhrase(c.text, c.phrase); got != want {
			t.Errorf("matchPhrase(%q, %q) = %v, query.MatchPhrase says %v", c.text, c.phrase, got, want)
		}
	}
}

func FuzzMatchPhrase(f *testing.F) {
	for _, c := range phraseCases {
		f.Add(c.text, c.phrase)
	}
	f.Fuzz(func(t *testing.T, text, phrase string) {
		if got, want := matchPhrase(text, phrase), query.MatchPhrase(text, phrase); got != want {
			t.Errorf("matchPhrase(%q, %q) = %v, query.MatchPhrase says %v", text, phrase, got, want)
		}
	})
}
