package feeds

import (
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
)

// contentSources gives, per entry, the address of its content when the
// content is out of line (Atom's <content src="…">, RFC 4287 4.1.3.2,
// which the parser resolves against xml:base but does not keep as a
// link), else "": where the article is, for an entry without a link of
// its own.
func contentSources(f *gofeed.Feed) func(i int) string {
	if orig, ok := f.OriginalFeed().(*atom.Feed); ok && len(orig.Entries) == len(f.Items) {
		return func(i int) string {
			if c := orig.Entries[i].Content; c != nil {
				return c.Src
			}
			return ""
		}
	}
	return func(int) string { return "" }
}

// permalinkGUIDs reports, per entry, whether it is an RSS item whose guid
// says it is a permalink (isPermaLink="true", customPermalink): such a
// guid, relative ("/posts/4"), is a link relative to the site, as the
// item's link would be. A relative guid that does not say so is taken for
// no link, as newsboat takes it: without the attribute most are numbers
// or tags ("1234"), which resolved would be links to nothing.
func permalinkGUIDs(f *gofeed.Feed) func(i int) bool {
	return func(i int) bool { return f.Items[i].Custom[customPermalink] == "true" }
}
