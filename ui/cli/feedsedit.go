package cli

import (
	"fmt"
	"io"
	"strings"

	"tidings/feeds"
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
		return shownAddress(f.URL) + " is now " + fieldLine(f.Title, 0)
	}
	return feedLabel(store.Feed{URL: f.URL, Title: was}) + " is now " + fieldLine(f.Title, 0)
}

// FeedTagArgs reads the TAG arguments of feed tag (sign '+') or feed
// untag (sign '-') as tag names. A word that starts with sign is read as
// `tidings tag` reads +name and -name (tagWord, ui.TagWord: the sign and a
// leading # dropped, +"Long Read" the tag Long Read), so that feed tag
// FEED +boats gives the tag boats, as tidings tag ID +boats does. Any
// other word is one tag, taken whole. A word with the other sign is
// refused rather than made a tag named "-boats", and so is a word that
// names no tag once read; a lone + or - of either sign names no tag, as
// tidings tag says (noTagError): a tag named "-" is written +"-" or -"-".
func FeedTagArgs(words []string, sign rune, tagWord func(word string) (sign rune, name string)) ([]string, error) {
	other, verb := '-', "feed untag FEED -TAG takes a tag off a feed"
	if sign == '-' {
		other, verb = '+', "feed tag FEED +TAG gives a feed a tag"
	}
	names := make([]string, 0, len(words))
	for _, w := range words {
		name := w
		switch {
		case signedNoTag(w, tagWord):
			return nil, noTagError(w)
		case strings.HasPrefix(w, string(sign)):
			_, name = tagWord(w)
		case strings.HasPrefix(w, string(other)):
			return nil, fmt.Errorf("%q: %s (a tag whose name starts with %c is written %c\"%s\")",
				oneLine(w, 0), verb, other, sign, oneLine(w, 0))
		}
		if len(feeds.NormalizeTags([]string{name})) == 0 {
			return nil, fmt.Errorf("a tag is %q, which names no tag: give each tag's name", oneLine(w, 0))
		}
		names = append(names, name)
	}
	return names, nil
}

// FeedTaggedText is what feed tag, asked to give f the tags asked, says it
// did to f, which gained the tags added (none when it had them all):
//
//	Harbour News (https://h.example/feed.xml): #boats added, to its articles too (its tags now: #news #boats)
func FeedTaggedText(f store.Feed, asked, added []string) string {
	if len(added) == 0 {
		return feedLabel(f) + " has " + themOrIt(asked) + " already (its tags: " + tagTerms(f.Tags) + ")"
	}
	return feedLabel(f) + ": " + tagTerms(added) + " added, to its articles too (its tags now: " + tagTerms(f.Tags) + ")"
}

// PrintRulesAdded says what the tag rules added to the articles feed tag
// gave tags to (ruled, indexed as rules), a line for each rule that added
// a tag to one, and nothing when none did:
//
//	The rule tag:emacs -> #editors added #editors to 2 articles.
func PrintRulesAdded(w io.Writer, rules []store.Rule, ruled []store.Tagging) error {
	for i, t := range ruled {
		if i >= len(rules) {
			break
		}
		var added []string
		for _, c := range t.Added {
			if c.Articles > 0 {
				added = append(added, tagTerms([]string{c.Name})+" to "+Plural(c.Articles, "article"))
			}
		}
		if len(added) == 0 {
			continue
		}
		if _, err := fmt.Fprintf(w, "The rule %s added %s.\n", ruleText(rules[i].Query, rules[i].Tags), strings.Join(added, ", ")); err != nil {
			return err
		}
	}
	return nil
}

// FeedUntaggedText is what feed untag, asked to take the tags asked off
// f, says it did to f, which lost the tags removed (none when it had none
// of them). The articles the feed brought keep them, and it says so:
//
//	Harbour News (https://h.example/feed.xml): #news taken off; the articles it brought keep it (its tags now: #world)
func FeedUntaggedText(f store.Feed, asked, removed []string) string {
	now := "its tags now: " + tagTerms(f.Tags)
	if len(f.Tags) == 0 {
		now = "it has no tags now"
	}
	switch len(removed) {
	case 0:
		if len(f.Tags) == 0 {
			return feedLabel(f) + " has no tags"
		}
		return feedLabel(f) + " does not have " + themOrIt(asked) + " (its tags: " + tagTerms(f.Tags) + ")"
	case 1:
		return feedLabel(f) + ": " + tagTerms(removed) + " taken off; the articles it brought keep it (" + now + ")"
	}
	return feedLabel(f) + ": " + tagTerms(removed) + " taken off; the articles it brought keep them (" + now + ")"
}

// themOrIt is the pronoun for the tags asked: "it" for one tag (two
// spellings of one tag are one), else "them".
func themOrIt(asked []string) string {
	if len(feeds.NormalizeTags(asked)) == 1 {
		return "it"
	}
	return "them"
}

// feedLabel names a feed by its title and address, or by its address
// alone when it has no title, on one line.
func feedLabel(f store.Feed) string {
	if title := strings.TrimSpace(fieldLine(f.Title, 0)); title != "" {
		return title + " (" + shownAddress(f.URL) + ")"
	}
	return shownAddress(f.URL)
}
