package store

import (
	"context"
	"slices"
	"testing"
)

// TestLiveFilterWaitsOnAFieldBeingTyped: a field's name being typed last in
// the quick filter ("tag" of tag:nato, "sou" of source:) is no word yet: the
// live filter reads the query without it, as it reads a short word, until
// it is no field's start ("tagl") or a space ends it; and the field typed
// with nothing after its colon waits for its value, no error.
func TestLiveFilterWaitsOnAFieldBeingTyped(t *testing.T) {
	tests := []struct {
		typed, live string
	}{
		{"is:unread t", "is:unread"},
		{"is:unread tag", "is:unread"},
		{"is:unread TAG", "is:unread"},
		{"is:unread tag:", "is:unread"},
		{"is:unread tag:n", "is:unread tag:n*"},
		{"is:unread tagl", "is:unread tagl*"},
		{"is:unread tag ", "is:unread tag "},
		{"berlin sou", "berlin"},
		{"berlin sourc", "berlin"},
		{"berlin source", "berlin"},
		{"berlin source:", "berlin"},
		{`berlin source:"`, "berlin"},
		{"berlin sound", "berlin sound*"},
		{"berlin tit", "berlin"},
		{"berlin title:", "berlin"},
		{"berlin sin", "berlin"},
		{"berlin since:", "berlin"},
		{"berlin -tag", "berlin"},
		{"berlin -tag:", "berlin"},
		{"berlin feed", "berlin"},
		{"berlin is:", "berlin"},
		{"(ferry OR tag", "(ferry)"},
		{"ferry OR tag:", "ferry"},
		{"ｔａｇ", ""},
		{"berlin tag：", "berlin"},
		// Not a field's name being typed: a word as before.
		{`"storm tag`, `"storm tag"*`},
		{"title:tag", "title:tag*"},
		{"berlin foo:", "berlin foo:"},
		{"tagesschau", "tagesschau*"},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			if got := LiveQuery(tt.typed); got != tt.live {
				t.Errorf("LiveQuery(%q) = %q, want %q", tt.typed, got, tt.live)
			}
		})
	}
}

// TestFieldBeingTypedSaid: what the filter line says of a field being typed
// last (PendingField, EmptyField), and what enter keeps of it: a name being
// typed is a word once enter says it is done, as a short word is.
func TestFieldBeingTypedSaid(t *testing.T) {
	tests := []struct {
		typed, word, field, empty, kept string
	}{
		{"is:unread tag", "tag", "tag:", "", "is:unread tag*"},
		{"is:unread Sou", "Sou", "source:", "", "is:unread Sou*"},
		{"is:unread -tag", "tag", "tag:", "", "is:unread -tag"},
		{"(ferry OR tit", "tit", "title:", "", "(ferry OR tit*)"},
		{"is:unread tag:", "", "", "tag:", "is:unread tag:"},
		{"is:unread -tag:", "", "", "-tag:", "is:unread -tag:"},
		{`war source:"`, "", "", `source:"`, `war source:"`},
		{"war tag：", "", "", "tag：", "war tag："},
		{"is:unread tagl", "", "", "", "is:unread tagl*"},
		{"is:unread tag:n", "", "", "", "is:unread tag:n"},
		{"is:unread tag ", "", "", "", "is:unread tag "},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			if word, field := PendingField(tt.typed); word != tt.word || field != tt.field {
				t.Errorf("PendingField(%q) = %q, %q; want %q, %q", tt.typed, word, field, tt.word, tt.field)
			}
			if got := EmptyField(tt.typed); got != tt.empty {
				t.Errorf("EmptyField(%q) = %q, want %q", tt.typed, got, tt.empty)
			}
			if got := KeptQuery(tt.typed); got != tt.kept {
				t.Errorf("KeptQuery(%q) = %q, want %q", tt.typed, got, tt.kept)
			}
		})
	}
}

// TestLivePageWaitsOnAFieldBeingTyped: the library, asked for a live page
// and count of a query whose last word is a field's name being typed, finds
// what the query finds without it, not the articles with a word beginning
// so (none have one beginning "tag").
func TestLivePageWaitsOnAFieldBeingTyped(t *testing.T) {
	s := openTemp(t)
	importAll(t, s,
		art("a", "2024-03-01", "Berlin ferry news."),
		art("b", "2024-03-02", "Berlin tram news."),
		art("c", "2024-03-03", "Paris tram news."),
	)
	ctx := context.Background()
	for _, q := range []string{"berlin tag", "berlin tag:", "berlin sou", `berlin source:"`, "berlin -tag"} {
		rows, err := s.Page(ctx, PageRequest{Query: q, Live: true, Limit: 10})
		if err != nil {
			t.Fatalf("Page(%q): %v", q, err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.Title)
		}
		slices.Sort(got)
		if len(got) != 2 {
			t.Errorf("live Page(%q) = %q, want the two Berlin articles", q, got)
		}
		if n, err := s.CountLive(ctx, q); err != nil || n != 2 {
			t.Errorf("CountLive(%q) = %d, %v; want 2", q, n, err)
		}
	}
}
