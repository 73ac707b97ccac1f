package feeds

import (
	"strings"
	"testing"
)

// TestFeedBurnerOrigLink: an entry of a FeedBurner feed links to the
// article its feedburner:origLink gives, not to the feedproxy redirect,
// in RSS and in Atom; its enclosure is the file feedburner:
// origEnclosureLink gives. Each keeps the id it had when its redirect was
// read (the guid, else the link as written), so that a library that
// stored it then neither adds it again nor moves its stars and notes.
func TestFeedBurnerOrigLink(t *testing.T) {
	const ns = `xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"`
	rss := func(item string) string {
		return `<rss version="2.0" ` + ns + `><channel><title>Burned</title><link>https://blog.example.org/</link>` + item + `</channel></rss>`
	}
	for _, tc := range []struct {
		name      string
		doc       string
		url       string // the article's link
		body      string // what its body holds, "" for nothing to check
		notInBody string // what its body does not hold
	}{
		{
			name: "rss, guid",
			doc: rss(`<item><title>Post</title><link>http://feedproxy.google.com/~r/burnedblog/~3/abc123/</link>` +
				`<guid isPermaLink="false">https://blog.example.org/?p=101</guid><description>Text.</description>` +
				`<feedburner:origLink>https://blog.example.org/2025/03/post/</feedburner:origLink></item>`),
			url: "https://blog.example.org/2025/03/post/",
		},
		{
			name: "rss, no guid",
			doc: rss(`<item><title>Post</title><link>http://feedproxy.google.com/~r/burnedblog/~3/def456/</link>` +
				`<description>Text.</description>` +
				`<feedburner:origLink> https://blog.example.org/2025/03/other/ </feedburner:origLink></item>`),
			url: "https://blog.example.org/2025/03/other/",
		},
		{
			name: "rss, relative links in the text resolve against the article",
			doc: rss(`<item><title>Post</title><link>http://feedproxy.google.com/~r/burnedblog/~3/ghi/</link>` +
				`<guid>g-3</guid><description><![CDATA[<p>See <a href="part-2/">part two</a>.</p>]]></description>` +
				`<feedburner:origLink>https://blog.example.org/2025/03/third/</feedburner:origLink></item>`),
			url:  "https://blog.example.org/2025/03/third/",
			body: "https://blog.example.org/2025/03/third/part-2/",
		},
		{
			name: "atom",
			doc: `<feed xmlns="http://www.w3.org/2005/Atom" ` + ns + `><title>Burned</title><id>urn:b</id>` +
				`<entry><id>tag:blog.example.org,2025:4</id><title>Atom post</title><updated>2025-03-05T09:00:00Z</updated>` +
				`<link rel="alternate" href="http://feedproxy.google.com/~r/burnedatom/~3/jkl/"/><summary>Text.</summary>` +
				`<feedburner:origLink>https://blog.example.org/atom-post</feedburner:origLink></entry></feed>`,
			url: "https://blog.example.org/atom-post",
		},
		{
			name: "a javascript: origLink is no link: the entry's own stays",
			doc: rss(`<item><title>Post</title><link>http://feedproxy.google.com/~r/burnedblog/~3/mno/</link><guid>g-5</guid>` +
				`<feedburner:origLink>javascript:alert(1)</feedburner:origLink></item>`),
			url: "http://feedproxy.google.com/~r/burnedblog/~3/mno/",
		},
		{
			name: "podcast episode: the enclosure's own file",
			doc: rss(`<item><title>Episode 1</title><link>http://feedproxy.google.com/~r/cast/~3/ep1/</link><guid>ep-1</guid>` +
				`<enclosure url="http://feedproxy.google.com/~r/cast/~5/ep1/ep1.mp3" type="audio/mpeg" length="12000000"/>` +
				`<feedburner:origLink>https://cast.example/ep1</feedburner:origLink>` +
				`<feedburner:origEnclosureLink>https://media.cast.example/ep1.mp3</feedburner:origEnclosureLink></item>`),
			url:       "https://cast.example/ep1",
			body:      "[ep1.mp3](https://media.cast.example/ep1.mp3) (audio/mpeg, 12 MB)",
			notInBody: "feedproxy",
		},
		{
			name: "an episode without a page or a guid links to its own file",
			doc: rss(`<item><enclosure url="http://feedproxy.google.com/~r/cast/~5/ep2/ep2.mp3" type="audio/mpeg"/>` +
				`<feedburner:origEnclosureLink>https://media.cast.example/ep2.mp3</feedburner:origEnclosureLink></item>`),
			url:       "https://media.cast.example/ep2.mp3",
			notInBody: "feedproxy",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := Subscription{URL: "http://feeds.feedburner.com/burnedblog"}
			f, err := ParseFeed([]byte(tc.doc), "", "", sub)
			if err != nil || len(f.Articles) != 1 {
				t.Fatalf("%d articles, %v", len(f.Articles), err)
			}
			a := f.Articles[0]
			if a.URL != tc.url {
				t.Errorf("url %q, want %q", a.URL, tc.url)
			}
			if !strings.Contains(a.Body, tc.body) || tc.notInBody != "" && strings.Contains(a.Body, tc.notInBody) {
				t.Errorf("body %q, want it to hold %q and not %q", a.Body, tc.body, tc.notInBody)
			}
			// The same document as read when FeedBurner's elements were
			// not: its entry's id is the one it has now.
			plain := strings.NewReplacer("feedburner:origLink", "feedburner:unread", "feedburner:origEnclosureLink", "feedburner:unread2").Replace(tc.doc)
			was, err := ParseFeed([]byte(plain), "", "", sub)
			if err != nil || len(was.Articles) != 1 {
				t.Fatalf("without origLink: %d articles, %v", len(was.Articles), err)
			}
			if a.ExternalID != was.Articles[0].ExternalID {
				t.Errorf("id %q, was %q", a.ExternalID, was.Articles[0].ExternalID)
			}
		})
	}
}
