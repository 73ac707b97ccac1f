package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// doctypeFeeds are feeds with a DOCTYPE before their root element that
// is not theirs, as some blog engines write it: the root tells what they
// are. Each has one entry titled "First story", but the last, which has
// none (feedparser's illformed/always_strip_doctype test feed).
var doctypeFeeds = map[string]string{
	"RSS after an XHTML DOCTYPE": `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<rss version="2.0"><channel><title>Doctype Feed</title><link>http://example.com/</link>
<item><title>First story</title><link>http://example.com/1</link><guid>http://example.com/1</guid>
<pubDate>Tue, 03 Jun 2003 09:39:21 GMT</pubDate><description>Hello &lt;b&gt;world&lt;/b&gt;</description></item>
</channel></rss>
`,
	"Atom after an XHTML DOCTYPE": `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<feed xmlns="http://www.w3.org/2005/Atom"><title>Doctype Feed</title><id>urn:example:x</id><link href="https://example.com/"/>
<entry><title>First story</title><id>urn:example:x:1</id><link href="https://example.com/1"/><updated>2020-01-01T00:00:00Z</updated><summary>Hello</summary></entry>
</feed>
`,
	"RDF after an HTML5 DOCTYPE and a comment": `<!DOCTYPE html>
<!-- generated -->
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.com/"><title>Doctype Feed</title><link>https://example.com/</link><description>x</description></channel>
<item rdf:about="https://example.com/1"><title>First story</title><link>https://example.com/1</link><description>Hello</description></item>
</rdf:RDF>
`,
	"RSS after an XHTML DOCTYPE and a long comment": `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<!-- ` + strings.Repeat("A theme's long licence text. ", 1000) + `-->
<rss version="2.0"><channel><title>Doctype Feed</title><link>http://example.com/</link>
<item><title>First story</title><link>http://example.com/1</link><description>Hello</description></item>
</channel></rss>
`,
	"RSS after a DOCTYPE and comments, no entries": `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://site.invalid/">
<!--
Description: unstripped invalid doctype
--><!--
A second comment.
-->
<rss>
    <channel>
        <title>Doctype Feed</title>
    </channel>
</rss>
`,
}

// wantDoctypeFeed checks the articles read from one of doctypeFeeds.
func wantDoctypeFeed(t *testing.T, name string, articles []Article) {
	t.Helper()
	want := 1
	if strings.Contains(name, "no entries") {
		want = 0
	}
	if len(articles) != want {
		t.Fatalf("%d articles, want %d", len(articles), want)
	}
	if want == 1 && articles[0].Title != "First story" {
		t.Errorf("article titled %q, want %q", articles[0].Title, "First story")
	}
}

// TestSniffDoctypeFeedIsFetched: a feed whose prolog carries an (X)HTML
// DOCTYPE is read by its root element, <rss>, <feed> or <rdf:RDF>: a fetch
// reads it, and feed add subscribes to its address, as the feed it is.
func TestSniffDoctypeFeedIsFetched(t *testing.T) {
	mux := http.NewServeMux()
	paths := map[string]string{}
	i := 0
	for name, doc := range doctypeFeeds {
		i++
		path := "/feed" + string(rune('0'+i))
		paths[name] = path
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/xml")
			w.Write([]byte(doc))
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for name := range doctypeFeeds {
		t.Run(name, func(t *testing.T) {
			u := srv.URL + paths[name]
			r := testFetcher().Fetch(context.Background(), Subscription{URL: u})
			if r.Err != nil {
				t.Fatalf("fetch: %v", r.Err)
			}
			if r.Sub.Title != "Doctype Feed" {
				t.Errorf("feed titled %q, want %q", r.Sub.Title, "Doctype Feed")
			}
			wantDoctypeFeed(t, name, r.Articles)
			found, err := testFetcher().Discover(context.Background(), u)
			if err != nil || found.URL != u {
				t.Errorf("Discover = %q, %v; want the address itself, %q", found.URL, err, u)
			}
		})
	}
}

// importAs is what importing doc gives, saved in a file named file, or
// piped in when file is "-".
func importAs(t *testing.T, file, doc string) []Item {
	t.Helper()
	if file == "-" {
		return readString(t, file, doc)
	}
	path := filepath.Join(t.TempDir(), file)
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return readAll(t, path)
}

// TestSniffDoctypeFeedIsImported: a saved feed with an (X)HTML DOCTYPE
// before its root imports as a feed, from a file named .xml, one named
// otherwise, or standard input.
func TestSniffDoctypeFeedIsImported(t *testing.T) {
	for name, doc := range doctypeFeeds {
		for _, file := range []string{"feed.xml", "feed", "-"} {
			t.Run(name+"/"+file, func(t *testing.T) {
				items := importAs(t, file, doc)
				var articles []Article
				for _, it := range items {
					if it.Err != nil {
						t.Fatalf("import: %v", it.Err)
					}
					articles = append(articles, it.Article)
				}
				wantDoctypeFeed(t, name, articles)
				for _, a := range articles {
					if !strings.HasPrefix(a.ExternalID, "feed:") {
						t.Errorf("article %q id %q: not read as a feed's", a.Title, a.ExternalID)
					}
				}
			})
		}
	}
}

// htmlPages are web pages, each titled "A page", that are no feeds,
// however their start is written.
var htmlPages = map[string]string{
	"HTML5":                    "<!DOCTYPE html>\n<html><head><title>A page</title></head><body><p>Text.</p></body></html>",
	"XHTML with a declaration": `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>A page</title></head><body><p>Text.</p></body></html>`,
	"a comment before <html>":  "<!-- saved from url=(0014)about:internet -->\n<html><head><title>A page</title></head><body><p>Text.</p></body></html>",
	"a DOCTYPE, no <html> tag": "<!doctype html>\n<meta charset=utf-8>\n<title>A page</title>\n<p>Text.",
}

// TestSniffHTMLPageIsNoFeed: a web page is no feed however it starts,
// and says so: a fetch fails saying the server sent a page.
func TestSniffHTMLPageIsNoFeed(t *testing.T) {
	for name, doc := range htmlPages {
		t.Run(name, func(t *testing.T) {
			if !isHTMLDocument([]byte(doc)) {
				t.Errorf("isHTMLDocument = false, want true")
			}
			_, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
			if err == nil || !strings.Contains(err.Error(), "not a feed: the server sent an HTML page") {
				t.Errorf("ParseFeed error %v, want it to say it is an HTML page", err)
			}
		})
	}
}

// TestSniffXHTMLPageIsImportedAsAPage: a web page saved to a file is
// imported as the page it is (read as a browser's reader view reads it),
// whatever its name or its start: an XHTML page's XML declaration does
// not make it a feed to refuse, nor a file of unknown format, and no error
// speaks of a server.
func TestSniffXHTMLPageIsImportedAsAPage(t *testing.T) {
	longProlog := "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- " + strings.Repeat("a long comment ", 200) + "-->\n" +
		"<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>A page</title></head><body><p>Text.</p></body></html>"
	pages := map[string]string{"a prolog longer than the sniffed start": longProlog}
	for name, doc := range htmlPages {
		pages[name] = doc
	}
	for name, doc := range pages {
		for _, file := range []string{"page.xml", "page", "-"} {
			t.Run(name+"/"+file, func(t *testing.T) {
				items := importAs(t, file, doc)
				if len(items) != 1 {
					t.Fatalf("%d items, want 1", len(items))
				}
				if err := items[0].Err; err != nil {
					if strings.Contains(err.Error(), "server") {
						t.Errorf("error %q speaks of a server for a file", err)
					}
					t.Fatalf("import: %v", err)
				}
				if a := items[0].Article; a.Title != "A page" || !strings.Contains(a.Body, "Text.") {
					t.Errorf("article %q, body %q; want the page", a.Title, a.Body)
				}
			})
		}
	}
}
