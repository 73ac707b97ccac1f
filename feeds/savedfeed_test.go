package feeds

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// savedIDs reads a saved feed document as tidings import does (a file
// opened and read as a stream named by its path, or standard input) and
// returns its articles' ids.
func savedIDs(t *testing.T, name, doc string) []string {
	t.Helper()
	var ids []string
	err := ReadStream(name, strings.NewReader(doc), func(it Item) error {
		if it.Err != nil {
			t.Fatalf("%s: %v", name, it.Err)
		}
		if it.Article.FeedURL != "" || it.Article.Absent != FieldFeed {
			t.Errorf("%s: FeedURL %q, Absent %v: a saved feed is no subscription, and leaves an article's feed as it is",
				name, it.Article.FeedURL, it.Article.Absent)
		}
		ids = append(ids, it.Article.ExternalID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// rssDoc is an RSS feed with two items, guids 1 and 2, and the channel
// elements given (a title, a link, an atom:link).
func rssDoc(channel string) string {
	return `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` + channel +
		`<item><title>Post one</title><guid isPermaLink="false">1</guid><description>One</description></item>` +
		`<item><title>Post two</title><guid isPermaLink="false">2</guid><description>Two</description></item>` +
		`</channel></rss>`
}

// TestSavedFeedIDs: a saved feed's articles are known by the feed's own
// address, as a subscription to it knows them, else by its site and title,
// never by "<stdin>" and the folder it was piped in from.
func TestSavedFeedIDs(t *testing.T) {
	const self = "https://a.example/feed.xml"
	subscribed := func(doc string) []string {
		f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: self})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range f.Articles {
			ids = append(ids, a.ExternalID)
		}
		return ids
	}
	withSelf := map[string]string{
		"RSS atom:link rel=self": rssDoc(`<title>Feed A</title><link>https://a.example/</link><atom:link rel="self" href="` + self + `"/>`),
		"RSS relative self link": rssDoc(`<title>Feed A</title><link>https://a.example/</link><atom:link rel="self" href="/feed.xml"/>`),
		"Atom link rel=self": `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed A</title><id>urn:a</id>` +
			`<link href="https://a.example/"/><link rel="self" href="` + self + `"/>` +
			`<entry><title>Post one</title><id>1</id><content>One</content></entry>` +
			`<entry><title>Post two</title><id>2</id><content>Two</content></entry></feed>`,
		"JSON Feed feed_url": `{"version": "https://jsonfeed.org/version/1.1", "title": "Feed A", "home_page_url": "https://a.example/",` +
			`"feed_url": "` + self + `", "items": [{"id": "1", "content_text": "One"}, {"id": "2", "content_text": "Two"}]}`,
	}
	for name, doc := range withSelf {
		t.Run(name, func(t *testing.T) {
			want := []string{"feed:" + self + "#1", "feed:" + self + "#2"}
			if got := savedIDs(t, "<stdin>", doc); !slices.Equal(got, want) {
				t.Errorf("ids %q, want %q", got, want)
			}
			if got := subscribed(doc); !slices.Equal(got, want) {
				t.Errorf("a subscription to %s gives ids %q, want the saved file's %q", self, got, want)
			}
		})
	}

	t.Run("two feeds piped in", func(t *testing.T) {
		a := savedIDs(t, "<stdin>", rssDoc(`<title>Feed A</title><link>https://A.example/</link>`))
		b := savedIDs(t, "<stdin>", rssDoc(`<title>Feed B</title><link>https://B.example/</link>`))
		if want := []string{"feed:site:https://A.example/ Feed A#1", "feed:site:https://A.example/ Feed A#2"}; !slices.Equal(a, want) {
			t.Errorf("feed A: %q, want %q", a, want)
		}
		if slices.Contains(a, b[0]) || slices.Contains(a, b[1]) {
			t.Errorf("two feeds piped in share ids: %q, %q", a, b)
		}
	})

	t.Run("one feed under two names and piped in", func(t *testing.T) {
		dir := t.TempDir()
		doc := rssDoc(`<title>Feed A</title><link>https://a.example/</link>`)
		var got [][]string
		for _, name := range []string{"feedA.rss", filepath.Join("moved", "feedA.rss"), "copy.xml"} {
			path := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			got = append(got, savedIDs(t, path, doc))
			var read []string
			if err := Read(path, func(it Item) error { read = append(read, it.Article.ExternalID); return nil }); err != nil {
				t.Fatal(err)
			}
			got = append(got, read)
		}
		got = append(got, savedIDs(t, "<stdin>", doc), savedIDs(t, "-", doc))
		for _, ids := range got[1:] {
			if !slices.Equal(ids, got[0]) {
				t.Errorf("ids %q, and elsewhere %q", ids, got[0])
			}
		}
	})

	t.Run("no address: a file's path, a stream's title, else its content", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "bare.rss")
		doc := rssDoc(`<title>Bare</title>`)
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if ids := savedIDs(t, path, doc); !strings.HasPrefix(ids[0], "feed:file://") || !strings.HasSuffix(ids[0], "/bare.rss#1") {
			t.Errorf("a file without an address: %q", ids)
		}
		if ids := savedIDs(t, "<stdin>", doc); !slices.Equal(ids, []string{"feed:title:Bare#1", "feed:title:Bare#2"}) {
			t.Errorf("a stream with only a title: %q", ids)
		}
		untitled := rssDoc(``)
		first, again := savedIDs(t, "<stdin>", untitled), savedIDs(t, "<stdin>", untitled)
		other := savedIDs(t, "<stdin>", strings.Replace(untitled, "One", "Uno", 1))
		if !slices.Equal(first, again) || !strings.HasPrefix(first[0], "feed:document:") || first[0] == other[0] {
			t.Errorf("streams without an address or a title: %q, again %q, another %q", first, again, other)
		}
		for _, ids := range [][]string{first, savedIDs(t, "<stdin>", doc)} {
			for _, id := range ids {
				if strings.Contains(id, "stdin") || strings.Contains(id, "file:") {
					t.Errorf("a stream's id %q names the stream or a folder", id)
				}
			}
		}
	})
}
