package feeds

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/mmcdole/gofeed"
)

// readSavedFeed imports a feed document saved to a file or piped in (name
// is the path given, or the stream's name; regular says it is a regular
// file, whose path may name it). Its articles are identified as a
// subscription to the feed identifies them (savedFeedBase), so importing
// the document again, under another name, from another folder or from
// standard input updates them, and a saved copy of a subscribed feed
// updates the articles its fetches brought instead of adding them again.
// A file is not a subscription: a new article belongs to no feed, and one
// in the library already stays with its feed (Absent: FieldFeed).
func readSavedFeed(name string, regular bool, data []byte, emit func(Item) error) error {
	parsed, err := parseFeedDocument(data, "")
	if err != nil {
		return err
	}
	return emitSavedFeed(parsed, name, regular, data, emit)
}

// emitSavedFeed hands emit the articles of a parsed saved feed document,
// data, as readSavedFeed describes.
func emitSavedFeed(parsed *gofeed.Feed, name string, regular bool, data []byte, emit func(Item) error) error {
	// A stream may be a file opened by the caller (tidings import does so)
	// and named by its path: that path names the document as well.
	regular = regular || isRegularFile(name)
	base, docURL := savedFeedBase(parsed, name, regular, data)
	feed := readFeed(parsed, docURL, Subscription{URL: base})
	// Before, every saved feed's ids were made from its path (a stream's
	// from the current folder and its name): an article stored so is found
	// by that id, and takes the new one.
	legacy := "file:" + name
	if abs, err := filepath.Abs(name); err == nil {
		legacy = (&url.URL{Scheme: "file", Path: abs}).String()
	}
	if n := len(feed.Articles); n > 0 && feed.Warning != "" {
		feed.Articles[n-1].Warnings = append(feed.Articles[n-1].Warnings, feed.Warning)
	}
	for _, a := range feed.Articles {
		if key, ok := strings.CutPrefix(a.ExternalID, "feed:"+base+"#"); ok && legacy != base {
			a.FormerIDs = append(a.FormerIDs, keyedID(legacy, key))
		}
		a.FeedURL = ""
		a.Absent |= FieldFeed
		if err := emit(Item{Article: a, Line: 1}); err != nil {
			return err
		}
	}
	return nil
}

// savedFeedBase is the address a saved feed document's article ids are
// made from ("feed:<base>#<guid>"), and the URL its relative links resolve
// against ("" for none). In order:
//
//   - the feed's own address, when the document gives it (Atom's link
//     rel="self", RSS's atom:link rel="self", JSON Feed's feed_url): the
//     base a subscription to that address gives its articles;
//   - "site:<site> <title>": its site (RSS and Atom's link, JSON Feed's
//     home_page_url) and its title, when it names a site;
//   - for a regular file, its path as a file: URL (what every saved feed
//     was identified by before, so such files keep their ids);
//   - for a stream, "title:<title>", else "document:<hash of the bytes>".
//
// A stream's name ("<stdin>") and the current folder never are.
func savedFeedBase(parsed *gofeed.Feed, name string, regular bool, data []byte) (base, docURL string) {
	site := resolveHTTP(nil, parsed.Link)
	self := resolveHTTP(nil, parsed.FeedLink)
	if self == "" && site != "" {
		// A relative self link, read as relative to the site.
		self = resolveHTTP(parseAbsolute(site), parsed.FeedLink)
	}
	title := CleanLine(htmlText(parsed.Title))
	switch {
	case self != "":
		// Its ids are those a subscription to the address makes.
		return IDBase(self), self
	case site != "" && title != "":
		return "site:" + site + " " + title, site
	case site != "":
		return "site:" + site, site
	case regular:
		file := "file:" + name
		if abs, err := filepath.Abs(name); err == nil {
			file = (&url.URL{Scheme: "file", Path: abs}).String()
		}
		return file, file
	case title != "":
		return "title:" + title, ""
	}
	return "document:" + digest(string(data)), ""
}

// isRegularFile reports whether name is the path of a regular file; never
// for the names standard input goes by.
func isRegularFile(name string) bool {
	if name == "" || name == "-" || name == "<stdin>" {
		return false
	}
	info, err := os.Stat(name)
	return err == nil && info.Mode().IsRegular()
}
