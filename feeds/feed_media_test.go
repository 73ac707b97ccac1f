package feeds

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestFeedMedia: Media RSS gives a YouTube video its description, a
// Mastodon post its pictures with their alt text, and a podcast its files;
// what an entry says itself comes first, and an entry's id is as before.
func TestFeedMedia(t *testing.T) {
	const ns = ` xmlns:media="http://search.yahoo.com/mrss/"`
	rss := func(items string) string {
		return `<?xml version="1.0"?><rss version="2.0"` + ns + `><channel><title>M</title><link>https://site.example.com/</link>` + items + `</channel></rss>`
	}
	youtube := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"` + ns + `><title>Channel</title>` +
		`<entry><id>yt:video:abc</id><title>Rust in 100 Seconds</title><link rel="alternate" href="https://www.youtube.com/watch?v=abc"/>` +
		`<published>2024-03-05T17:00:12+00:00</published><media:group><media:title>Rust in 100 Seconds</media:title>` +
		`<media:content url="https://www.youtube.com/v/abc?version=3" type="application/x-shockwave-flash"/>` +
		`<media:thumbnail url="https://i1.ytimg.com/vi/abc/hqdefault.jpg" width="480" height="360"/>` +
		"<media:description>Rust is memory-safe.\nhttps://fireship.io/rust\n\nBorrow checker &lt;explained&gt;</media:description>" +
		`</media:group></entry></feed>`
	tests := map[string]struct {
		doc, body, title, id string
	}{
		"a YouTube video": {
			doc:   youtube,
			body:  "Rust is memory-safe.  \nhttps://fireship.io/rust\n\nBorrow checker &lt;explained&gt;\n\n[thumbnail](https://i1.ytimg.com/vi/abc/hqdefault.jpg)",
			title: "Rust in 100 Seconds",
			id:    keyedID(testFeedURL, "yt:video:abc"),
		},
		"a post with a picture": {
			doc: rss(`<item><guid>p1</guid><description>&lt;p&gt;Thanks!&lt;/p&gt;</description>` +
				`<media:content url="https://files.example/photo.png" type="image/png" fileSize="123456" medium="image">` +
				`<media:description type="plain">A screenshot of the notes</media:description></media:content></item>`),
			body: "Thanks!\n\n[A screenshot of the notes](https://files.example/photo.png)",
			id:   keyedID(testFeedURL, "p1"),
		},
		"a picture alone: its alt text is the title": {
			doc: rss(`<item><guid>p2</guid><link>https://social.example/@a/2</link><description></description>` +
				`<media:content url="https://files.example/cat.jpg" type="image/jpeg" medium="image">` +
				`<media:description type="plain">A cat on a keyboard</media:description></media:content></item>`),
			body:  "[A cat on a keyboard](https://files.example/cat.jpg)",
			title: "A cat on a keyboard",
			id:    keyedID(testFeedURL, "p2"),
		},
		"a picture already in the text, a thumbnail not needed": {
			doc: rss(`<item><guid>p3</guid><description>&lt;p&gt;See &lt;img src="https://files.example/a.jpg" alt="a"&gt;&lt;/p&gt;</description>` +
				`<media:content url="https://files.example/a.jpg" medium="image"/><media:thumbnail url="https://files.example/a-small.jpg"/></item>`),
			body: "See [a](https://files.example/a.jpg)",
			id:   keyedID(testFeedURL, "p3"),
		},
		"a picture titled, relative to the site": {
			doc:  rss(`<item><guid>p4</guid><title>T</title><media:content url="/img/b.jpg" medium="image"><media:title>Harbour at dawn</media:title></media:content></item>`),
			body: "[Harbour at dawn](https://site.example.com/img/b.jpg)",
			id:   keyedID(testFeedURL, "p4"),
		},
		"a video file among the enclosures, once": {
			doc: rss(`<item><guid>v</guid><title>V</title><description>Notes.</description>` +
				`<enclosure url="https://h.example/v.mp4" type="video/mp4" length="2000"/>` +
				`<media:content url="https://h.example/v.mp4" type="video/mp4"/>` +
				`<media:content url="https://h.example/v.webm" type="video/webm" fileSize="3000"/></item>`),
			body: "Notes.\n\nEnclosure: [v.mp4](https://h.example/v.mp4) (video/mp4, 2 kB)\n\nEnclosure: [v.webm](https://h.example/v.webm) (video/webm, 3 kB)",
			id:   keyedID(testFeedURL, "v"),
		},
		"one picture in two sizes, as the Guardian gives it": {
			doc: rss(`<item><guid>g</guid><title>G</title><description>Text.</description>` +
				`<media:content width="140" url="https://i.guim.example/img/5000.jpg?width=140&amp;s=a"><media:credit>Photo: X</media:credit></media:content>` +
				`<media:content width="460" url="https://i.guim.example/img/5000.jpg?width=460&amp;s=b"/></item>`),
			body: "Text.\n\n[picture](https://i.guim.example/img/5000.jpg?width=460&s=b)",
			id:   keyedID(testFeedURL, "g"),
		},
		"pictures told apart by their query": {
			doc: rss(`<item><guid>q</guid><title>Q</title><description>Goals.</description>` +
				`<media:content url="https://gallery.example/photo.php?id=101" medium="image"><media:title>The goal</media:title></media:content>` +
				`<media:content url="https://gallery.example/photo.php?id=102" medium="image"><media:title>The trophy</media:title></media:content></item>`),
			body: "Goals.\n\n[The goal](https://gallery.example/photo.php?id=101)\n\n[The trophy](https://gallery.example/photo.php?id=102)",
			id:   keyedID(testFeedURL, "q"),
		},
		"a recording described": {
			doc: rss(`<item><guid>a</guid><title>A</title><description>Listen.</description>` +
				`<media:content url="https://files.example/chorus.mp3" type="audio/mpeg" fileSize="1200000">` +
				`<media:description type="plain">Birdsong at 5am: blackbird, robin, wren</media:description></media:content></item>`),
			body: "Listen.\n\nEnclosure: [chorus.mp3](https://files.example/chorus.mp3) (audio/mpeg, 1.2 MB): Birdsong at 5am: blackbird, robin, wren",
			id:   keyedID(testFeedURL, "a"),
		},
		"an HTML description": {
			doc:  rss(`<item><guid>h</guid><title>H</title><media:description type="html">&lt;b&gt;Bold&lt;/b&gt; words</media:description></item>`),
			body: "**Bold** words",
			id:   keyedID(testFeedURL, "h"),
		},
		"the entry's own text comes first": {
			doc:  rss(`<item><guid>o</guid><title>O</title><description>Own words.</description><media:description>Other words.</media:description></item>`),
			body: "Own words.",
			id:   keyedID(testFeedURL, "o"),
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, tc.doc)
			if len(feed.Articles) != 1 {
				t.Fatalf("%d articles", len(feed.Articles))
			}
			a := feed.Articles[0]
			if a.Body != tc.body {
				t.Errorf("body %q\nwant %q", a.Body, tc.body)
			}
			if tc.title != "" && a.Title != tc.title {
				t.Errorf("title %q, want %q", a.Title, tc.title)
			}
			if a.ExternalID != tc.id {
				t.Errorf("id %q, want %q", a.ExternalID, tc.id)
			}
			if strings.Contains(a.Body, "shockwave") || strings.Contains(a.Body, "youtube.com/v/") {
				t.Errorf("the player's address is listed: %q", a.Body)
			}
		})
	}
}

// TestFeedMediaMany: an entry listing thousands of pictures and files gives
// a gallery's worth of each, and is read in no more time than its length.
func TestFeedMediaMany(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>M</title><item><guid>m</guid><title>Many</title>`)
	for i := range 20000 {
		fmt.Fprintf(&b, `<media:content url="https://p.example/%d.jpg" medium="image"/><media:content url="https://p.example/%d.mp3" type="audio/mpeg"/>`, i, i)
	}
	b.WriteString(`</item></channel></rss>`)
	start := time.Now()
	feed := parseFeedString(t, b.String())
	if len(feed.Articles) != 1 {
		t.Fatalf("%d articles", len(feed.Articles))
	}
	body := feed.Articles[0].Body
	if n := strings.Count(body, ".jpg)"); n != maxMedia {
		t.Errorf("%d pictures, want %d", n, maxMedia)
	}
	if n := strings.Count(body, "Enclosure:"); n != maxMedia {
		t.Errorf("%d files, want %d", n, maxMedia)
	}
	t.Logf("read in %v", time.Since(start))
}
