package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// feedXML is a small RSS feed with n items.
func feedXML(title string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>http://example.org/</link>`, title)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<item><title>Harbour story %d</title><link>http://example.org/%d</link><guid>%d</guid>`+
			`<pubDate>Mon, 0%d Jun 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;The harbour %d &lt;b&gt;reopened&lt;/b&gt;.&lt;/p&gt;</description></item>`,
			i, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// TestFeedsFromTheCommandLine subscribes to a feed served on loopback,
// fetches it twice (the second time not modified), applies a tag rule to
// what arrives, lists, exports and re-imports OPML, and unsubscribes.
func TestFeedsFromTheCommandLine(t *testing.T) {
	var bodies atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>`)
		case "/feed.xml":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			bodies.Add(1)
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, feedXML("Harbour News", 3))
		case "/broken.xml":
			fmt.Fprint(w, `<rss><channel><item><title>unclosed`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "rule", "add", "title:story 2", "--tag", "second")
	out := mustRun(t, lib, "feed", "add", srv.URL+"/", "--tag", "harbour")
	if !strings.Contains(out, srv.URL+"/feed.xml") || !strings.Contains(out, "3 articles") {
		t.Errorf("feed add found and fetched the feed? %s", out)
	}
	recs := searchJSON(t, lib, "tag:harbour")
	if len(recs) != 3 {
		t.Fatalf("%d articles with the feed's default tag, want 3", len(recs))
	}
	for _, r := range recs {
		if r.Source != "Harbour News" || !strings.Contains(r.Body, "**reopened**") {
			t.Errorf("article from the feed: source %q body %q", r.Source, r.Body)
		}
	}
	if got := searchJSON(t, lib, "tag:second"); len(got) != 1 || got[0].Title != "Harbour story 2" {
		t.Errorf("the rule tagged %+v, want only story 2", got)
	}

	out = mustRun(t, lib, "fetch")
	if !strings.Contains(out, "1 not modified") || bodies.Load() != 1 {
		t.Errorf("second fetch: %d bodies sent, summary %q", bodies.Load(), out)
	}

	// A broken feed is subscribed all the same (it may mend), with its error.
	if r := tidings(t, lib, nil, "feed", "add", srv.URL+"/broken.xml"); r.code != 1 || !strings.Contains(r.stderr, "XML syntax error") {
		t.Errorf("adding a broken feed: exit %d, %s", r.code, r.stderr)
	}
	r := tidings(t, lib, nil, "fetch")
	if r.code != 1 || !strings.Contains(r.stdout, "1 failed") || !strings.Contains(r.stderr, "failed: "+srv.URL+"/broken.xml") {
		t.Errorf("a broken feed: exit %d, summary %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	list := mustRun(t, lib, "feed", "list")
	if !strings.Contains(list, "Harbour News") || !strings.Contains(list, "3 articles (3 unread)") || !strings.Contains(list, "error:") {
		t.Errorf("feed list:\n%s", list)
	}

	opml := mustRun(t, lib, "opml", "export")
	path := filepath.Join(t.TempDir(), "subs.opml")
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	lib2 := filepath.Join(t.TempDir(), "library.db")
	if out := mustRun(t, lib2, "opml", "import", path); !strings.Contains(out, "2 new") {
		t.Errorf("opml import: %s", out)
	}
	if list2 := mustRun(t, lib2, "feed", "list"); !strings.Contains(list2, srv.URL+"/feed.xml") || !strings.Contains(list2, "tags #harbour") {
		t.Errorf("feed list after OPML round trip:\n%s", list2)
	}

	// A feed is removed by its title too, as fetch and the # panel name
	// it, and the removal says which feed went.
	out = mustRun(t, lib, "feed", "remove", "harbour news")
	if !strings.Contains(out, "Harbour News ("+srv.URL+"/feed.xml)") || !strings.Contains(out, "3 articles stay") ||
		len(searchJSON(t, lib, "tag:harbour")) != 3 {
		t.Errorf("unsubscribing kept the articles? %s", out)
	}
	if r := tidings(t, lib, nil, "feed", "remove", "Harbour News"); r.code != 1 || !strings.Contains(r.stderr, "no feed has this address or title") {
		t.Errorf("removing it again: exit %d, %q", r.code, r.stderr)
	}
}

// TestRefreshInTheReader presses r in the TUI: the feed is fetched in the
// background, the status line says what came, and the new articles appear
// in the open list.
func TestRefreshInTheReader(t *testing.T) {
	var items atomic.Int32
	items.Store(2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feedXML("Harbour News", int(items.Load())))
	}))
	defer srv.Close()
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "feed", "add", srv.URL+"/feed.xml")

	tm := startTerm(t, 100, 24, nil, bin, "--library", lib)
	tm.waitFor(`Harbour story 2`, screenTimeout)
	items.Store(4)
	tm.send("r")
	tm.waitFor(`Fetched 1 feed: 2 new articles`, screenTimeout)
	s := tm.waitFor(`Harbour story 4`, screenTimeout)
	if !strings.Contains(s, "Harbour story 3") {
		t.Errorf("the refreshed list lacks story 3:\n%s", s)
	}
	tm.send("#")
	tm.waitFor(`4 unread`, screenTimeout)
	tm.send("q")
	tm.wait(screenTimeout)
}

// TestHostileFeedOnScreen fetches a feed whose title and entry carry escape
// sequences, scripts and entity tricks, reads the entry in the TUI, and
// checks the terminal received none of it; a feed that moved for good is
// followed and its new address kept.
func TestHostileFeedOnScreen(t *testing.T) {
	hostile := `<?xml version="1.0"?><rss version="2.0"><channel>` +
		`<title>Evil &#27;]52;c;ZmVlZA==&#7; Feed</title><link>http://example.org/</link>` +
		`<item><title>Nasty &#x1b;[2J entry</title><link>http://example.org/nasty</link><guid>n1</guid>` +
		`<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate>` +
		`<description><![CDATA[<p>Before <script>alert(1)</script><a href="javascript:alert(2)">click</a> ` +
		`<img src="x" onerror="alert(3)"> &#27;]8;;http://evil/&#27;\ link &#155;31m after.</p>` +
		"<p>Raw \x1b]52;c;cmF3\x07 bytes and \x1bPevil\x1b\\ too.</p>]]></description></item></channel></rss>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old.xml" {
			http.Redirect(w, r, "/evil.xml", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, hostile)
	}))
	defer srv.Close()
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "feed", "add", srv.URL+"/old.xml")
	if list := mustRun(t, lib, "feed", "list"); !strings.Contains(list, srv.URL+"/evil.xml") || strings.Contains(list, "/old.xml") {
		t.Errorf("the moved feed's new address is not kept:\n%s", list)
	}
	recs := searchJSON(t, lib, "source:evil")
	if len(recs) != 1 {
		t.Fatalf("%d articles from the hostile feed, want 1", len(recs))
	}
	for _, bad := range []string{"<script", "javascript:", "onerror", "alert("} {
		if strings.Contains(recs[0].Body, bad) {
			t.Errorf("stored body holds %q: %s", bad, recs[0].Body)
		}
	}

	tm := startTerm(t, 100, 24, nil, bin, "--library", lib)
	tm.waitFor(`Nasty`, screenTimeout)
	tm.send(keyEnter)
	tm.waitFor(`after`, screenTimeout)
	tm.send("h")
	tm.waitGone(`after`, screenTimeout)
	tm.send("#")
	tm.waitFor(`Feeds`, screenTimeout)
	tm.send("q")
	tm.wait(screenTimeout)
	raw := tm.rawOutput()
	for name, seq := range map[string]string{
		"OSC 52 from the feed title":  "\x1b]52;c;ZmVlZA",
		"OSC 52 from raw bytes":       "\x1b]52;c;cmF3",
		"OSC 8 from an entity":        "\x1b]8;;http://evil",
		"DCS":                         "\x1bPevil",
		"C1 CSI":                      "\u009b31m",
		"screen erase from the title": "\x1b[2J entry",
	} {
		if strings.Contains(string(raw), seq) {
			t.Errorf("the terminal received %s (%q)", name, seq)
		}
	}
}

// TestMovedFeedKeepsItsArticles: a subscribed feed that moves for good (301)
// is followed, its new address stored, and its entries are recognised as the
// ones already in the library, not imported again.
func TestMovedFeedKeepsItsArticles(t *testing.T) {
	var moved atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/a.xml" && moved.Load() {
			http.Redirect(w, r, "/b.xml", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feedXML("Harbour News", 3))
	}))
	defer srv.Close()
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "feed", "add", srv.URL+"/a.xml")
	moved.Store(true)
	mustRun(t, lib, "fetch")
	out := mustRun(t, lib, "fetch")
	if list := mustRun(t, lib, "feed", "list"); !strings.Contains(list, srv.URL+"/b.xml") {
		t.Errorf("the new address is not stored:\n%s", list)
	}
	if n := strings.TrimSpace(mustRun(t, lib, "search", "--count", "")); n != "3" {
		t.Errorf("%s articles after the feed moved, want the same 3 (fetch said %q)", n, out)
	}
}
