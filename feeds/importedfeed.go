package feeds

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxFeedURL is the longest feed address, in bytes, that an imported
// article subscribes the library to. Browsers and servers stop at a few
// thousand; a longer one is not a feed anybody serves.
const MaxFeedURL = 2048

// ImportedFeed is the address of the feed a file names for an article
// (Markdown's feed:, JSON's "feed"), as importing subscribes to it, or ""
// and why the article is kept without it: an address that is not absolute
// http(s) (feed add refuses it), one that cleaning would change (control
// characters or escape sequences in it: the library would fetch another
// address than the file names), or one longer than MaxFeedURL. An empty
// address is no feed, without a reason.
func ImportedFeed(raw string) (feed, refused string) {
	feed = strings.TrimSpace(raw)
	clean := CleanLine(feed)
	const kept = ": the article is kept without its feed"
	switch {
	case clean == "":
		if feed == "" {
			return "", ""
		}
		return "", fmt.Sprintf("feed %s has control characters in it%s", quoteShort(feed), kept)
	case clean != feed:
		return "", fmt.Sprintf("feed %s has control characters in it%s", quoteShort(feed), kept)
	case len(feed) > MaxFeedURL:
		return "", fmt.Sprintf("feed %s is %s bytes long, where an address has at most %s%s",
			quoteShort(feed), commas(len(feed)), commas(MaxFeedURL), kept)
	case baseURL(feed) == nil:
		// Importing would subscribe to it, where feed add refuses it.
		return "", fmt.Sprintf("feed %s is not an http(s) address%s", quoteShort(feed), kept)
	}
	return feed, ""
}

// commas writes n with thousands separators: 1000021 is "1,000,021".
func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
