package feeds_test

import (
	"strings"
	"testing"
)

// TestFetchFeedBurnerOrigLinkUpdatesStoredArticle: a subscription whose
// articles were stored under FeedBurner's redirect (as tidings stored
// them before it read feedburner:origLink) is fetched again: its articles
// are updated to link to the article itself, none added a second time,
// with or without a guid.
func TestFetchFeedBurnerOrigLinkUpdatesStoredArticle(t *testing.T) {
	const withOrig = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>Burned Blog</title><link>https://blog.example.org/</link><description>d</description>
<item><title>Post with origLink</title><link>http://feedproxy.google.com/~r/burnedblog/~3/abc123/</link>
<guid isPermaLink="false">https://blog.example.org/?p=101</guid><pubDate>Wed, 05 Mar 2025 09:00:00 GMT</pubDate>
<description>Full content of the post.</description>
<feedburner:origLink>https://blog.example.org/2025/03/post-with-origlink/</feedburner:origLink></item>
<item><title>Post without guid</title><link>http://feedproxy.google.com/~r/burnedblog/~3/def456/</link>
<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><description>Another post.</description>
<feedburner:origLink>https://blog.example.org/2025/03/post-without-guid/</feedburner:origLink></item>
</channel></rss>`
	// As read by a release that did not know FeedBurner's elements.
	asBefore := strings.ReplaceAll(withOrig, "feedburner:origLink", "feedburner:ignored")

	sf := newServedFeed(t, "/burnedblog", "application/rss+xml", []byte(asBefore))
	if _, st := sf.fetch(); st.Added != 2 {
		t.Fatalf("first fetch: %+v", st.ImportStats)
	}
	sf.serve([]byte(withOrig))
	if _, st := sf.fetch(); st.Added != 0 || st.Updated != 2 {
		t.Errorf("second fetch: %+v, want 2 updated, none added", st.ImportStats)
	}
	for id, want := range map[string]string{
		"https://blog.example.org/?p=101":                      "https://blog.example.org/2025/03/post-with-origlink/",
		"http://feedproxy.google.com/~r/burnedblog/~3/def456/": "https://blog.example.org/2025/03/post-without-guid/",
	} {
		if a := sf.article(id); a.URL != want {
			t.Errorf("%s: url %q, want %q", id, a.URL, want)
		}
	}
}
