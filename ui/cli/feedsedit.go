package cli

import (
	"strings"

	"tidings/store"
)

// RenamedFeedText is what feed rename says it did to f, which had the
// title was:
//
//	Harbour News (https://h.example/feed.xml) is now Harbour Daily
func RenamedFeedText(f store.Feed, was string) string {
	switch {
	case was == f.Title:
		return feedLabel(f) + " has that name already"
	case was == "":
		return shownAddress(f.URL) + " is now " + oneLine(f.Title, 0)
	}
	return feedLabel(store.Feed{URL: f.URL, Title: was}) + " is now " + oneLine(f.Title, 0)
}

// FeedTaggedText is what feed tag says it did to f, which gained the tags
// added (none when it had them all):
//
//	Harbour News (https://h.example/feed.xml): #boats added, to its articles too (its tags now: #news #boats)
func FeedTaggedText(f store.Feed, added []string) string {
	if len(added) == 0 {
		return feedLabel(f) + " has them already (its tags: " + tagTerms(f.Tags) + ")"
	}
	return feedLabel(f) + ": " + tagTerms(added) + " added, to its articles too (its tags now: " + tagTerms(f.Tags) + ")"
}

// FeedUntaggedText is what feed untag says it did to f, which lost the
// tags removed (none when it had none of them). The articles the feed
// brought keep them, and it says so:
//
//	Harbour News (https://h.example/feed.xml): #news taken off; the articles it brought keep it (its tags now: #world)
func FeedUntaggedText(f store.Feed, removed []string) string {
	now := "its tags now: " + tagTerms(f.Tags)
	if len(f.Tags) == 0 {
		now = "it has no tags now"
	}
	switch len(removed) {
	case 0:
		if len(f.Tags) == 0 {
			return feedLabel(f) + " has no tags"
		}
		return feedLabel(f) + " does not have them (its tags: " + tagTerms(f.Tags) + ")"
	case 1:
		return feedLabel(f) + ": " + tagTerms(removed) + " taken off; the articles it brought keep it (" + now + ")"
	}
	return feedLabel(f) + ": " + tagTerms(removed) + " taken off; the articles it brought keep them (" + now + ")"
}

// feedLabel names a feed by its title and address, or by its address
// alone when it has no title, on one line.
func feedLabel(f store.Feed) string {
	if title := strings.TrimSpace(oneLine(f.Title, 0)); title != "" {
		return title + " (" + shownAddress(f.URL) + ")"
	}
	return shownAddress(f.URL)
}
