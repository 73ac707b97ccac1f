package feeds

import "github.com/mmcdole/gofeed"

// A feed served by FeedBurner links each entry, and its enclosure, through
// a tracking redirect (http://feedproxy.google.com/~r/…), and gives the
// address the publisher wrote in feedburner:origLink and
// feedburner:origEnclosureLink. The article is read with those addresses,
// as newsboat and elfeed read it: opening it goes to the article, not
// through the tracker. What it is known by (its id) is still made of the
// link as written, so that articles read before keep their place.

// feedburnerValue is the absolute http(s) address the entry gives in the
// feedburner: element name, read as an entry's link is (webPage); "" when
// it gives none.
func feedburnerValue(it *gofeed.Item, name string) string {
	els := it.Extensions["feedburner"]
	if els == nil {
		return ""
	}
	for _, el := range els[name] {
		if link := webPage(nil, el.Value); link != "" {
			return link
		}
	}
	return ""
}

// origLink is the address of the entry's article when FeedBurner has
// given its link as a redirect (feedburner:origLink); "" when it has not.
func origLink(it *gofeed.Item) string {
	return feedburnerValue(it, "origLink")
}

// withOrigEnclosure is encs, the entry's own enclosures, with the first
// one's address the one FeedBurner gives as the file's own
// (feedburner:origEnclosureLink) in place of its redirect: FeedBurner
// rewrites an item's enclosure, which RSS has one of. changed says
// whether it replaced one. encs itself is left as it was.
func withOrigEnclosure(it *gofeed.Item, encs []enclosure) (out []enclosure, changed bool) {
	orig := feedburnerValue(it, "origEnclosureLink")
	if orig == "" || len(encs) == 0 || encs[0].url == orig {
		return encs, false
	}
	out = make([]enclosure, 0, len(encs))
	first := encs[0]
	first.url = orig
	out = append(out, first)
	for _, e := range encs[1:] {
		if e.url != orig {
			out = append(out, e)
		}
	}
	return out, true
}
