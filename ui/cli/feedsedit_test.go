package cli

import (
	"testing"

	"tidings/store"
)

// TestFeedEditTexts: what feed rename, tag and untag say names the feed by
// its title and address (its address alone without a title, its password
// left out), on one line with no control sequences from the feed's title,
// and what changed, or that nothing did.
func TestFeedEditTexts(t *testing.T) {
	const url = "https://h.example/feed.xml"
	harbour := store.Feed{URL: url, Title: "Harbour Daily", Tags: []string{"world", "long read"}}
	for _, tc := range []struct {
		name, got, want string
	}{
		{"renamed", RenamedFeedText(harbour, "Harbour \x1b]0;pwned\x07News\n"),
			"Harbour News (" + url + ") is now Harbour Daily"},
		{"named, untitled before", RenamedFeedText(store.Feed{URL: "https://alice:secret@h.example/feed.xml", Title: "Harbour"}, ""),
			"https://alice@h.example/feed.xml is now Harbour"},
		{"named so already", RenamedFeedText(harbour, "Harbour Daily"),
			"Harbour Daily (" + url + ") has that name already"},
		{"tagged", FeedTaggedText(harbour, []string{"long read"}, []string{"long read"}),
			`Harbour Daily (` + url + `): tag:"long read" added, to its articles too (its tags now: #world tag:"long read")`},
		{"tagged already", FeedTaggedText(harbour, []string{"world", "long read"}, nil),
			`Harbour Daily (` + url + `) has them already (its tags: #world tag:"long read")`},
		{"untagged", FeedUntaggedText(store.Feed{URL: url, Tags: []string{"world"}}, []string{"news"}, []string{"news"}),
			url + ": #news taken off; the articles it brought keep it (its tags now: #world)"},
		{"untagged two, none left", FeedUntaggedText(store.Feed{URL: url, Title: "\x1b[2J"}, []string{"news", "world"}, []string{"news", "world"}),
			url + ": #news #world taken off; the articles it brought keep them (it has no tags now)"},
		{"tagged already, one tag", FeedTaggedText(harbour, []string{"World", "#world"}, nil),
			`Harbour Daily (` + url + `) has it already (its tags: #world tag:"long read")`},
		{"not had, one tag", FeedUntaggedText(harbour, []string{"nope"}, nil),
			`Harbour Daily (` + url + `) does not have it (its tags: #world tag:"long read")`},
		{"not had", FeedUntaggedText(harbour, []string{"nope", "news"}, nil),
			`Harbour Daily (` + url + `) does not have them (its tags: #world tag:"long read")`},
		{"no tags at all", FeedUntaggedText(store.Feed{URL: url}, []string{"news"}, nil), url + " has no tags"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, tc.got, tc.want)
		}
	}
}
