package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"tidings/feeds"
	"tidings/store"
)

// TestPanelListsFeeds shows the feeds with their unread articles and last
// error in the # panel, and filters by a feed on enter.
func TestPanelListsFeeds(t *testing.T) {
	ctx := context.Background()
	lib := newLibrary(t, 3)
	harbour, err := lib.AddFeed(ctx, store.Feed{URL: "http://example.org/harbour.xml"})
	if err != nil {
		t.Fatal(err)
	}
	broken, err := lib.AddFeed(ctx, store.Feed{URL: "http://example.org/broken.xml", Title: "Broken Feed"})
	if err != nil {
		t.Fatal(err)
	}
	res := feeds.FetchResult{Sub: feeds.Subscription{URL: harbour.URL, Title: "Harbour News"}}
	for _, title := range []string{"Ferries return", "Cranes replaced"} {
		res.Articles = append(res.Articles, feeds.Article{ExternalID: "feed:" + title, Title: title,
			Body: title + ".", Source: "Harbour News", FeedURL: harbour.URL})
	}
	if _, err := lib.RecordFetch(ctx, harbour.ID, res, nil); err != nil {
		t.Fatal(err)
	}
	bad := feeds.FetchResult{Sub: feeds.Subscription{URL: broken.URL}, Err: errors.New("HTTP 404 Not Found")}
	if _, err := lib.RecordFetch(ctx, broken.ID, bad, nil); err != nil {
		t.Fatal(err)
	}

	m := start(t, lib, Config{}, 100, 30)
	m = step(t, m, press("#"))
	view := string(viewText(m))
	for _, want := range []string{"Feeds", "Harbour News", "2 unread", "Broken Feed", "HTTP 404"} {
		if !strings.Contains(view, want) {
			t.Errorf("the panel lacks %q:\n%s", want, view)
		}
	}
	m = steps(t, m, "G", "k") // the feeds are last, by title: Broken Feed, Harbour News
	if it, _ := root(t, m).panel.current(); it.name != "Broken Feed" {
		t.Fatalf("on %+v, want the broken feed", it)
	}
	// d deletes saved searches only, and says how a feed is removed.
	m = step(t, m, press("d"))
	if s := root(t, m).status; root(t, m).confirm != nil || s != "Only saved searches are deleted here: tidings feed remove http://example.org/broken.xml unsubscribes." {
		t.Errorf("d on a feed says %q", s)
	}
	m = steps(t, m, "j", "enter")
	if q := root(t, m).list.query.text; q != `feed:"Harbour News"` {
		t.Errorf("choosing the feed filters by %q", q)
	}
	if rows := root(t, m).list.rows; len(rows) != 2 {
		t.Errorf("the feed's filter shows %d articles, want its 2", len(rows))
	}
}

// TestPanelFeedQueries: a feed is chosen by its name when no other feed has
// it, else by its address; an untitled feed by its address.
func TestPanelFeedQueries(t *testing.T) {
	var p tagsPanel
	p.fill(nil, nil, nil, []store.Feed{
		{ID: 1, URL: "https://a.example/rss", Title: "News"},
		{ID: 2, URL: "https://b.example/rss", Title: "Hacker News"},
		{ID: 3, URL: "https://c.example/rss", Title: "Gazette"},
		{ID: 4, URL: "https://d.example/rss", Title: "gazette"},
		{ID: 5, URL: "https://e.example/rss"},
	}, nil)
	want := map[string]string{
		"News": `feed:News`, "Hacker News": `feed:"Hacker News"`,
		"Gazette": "feed:https://c.example/rss", "gazette": "feed:https://d.example/rss",
		"https://e.example/rss": "feed:https://e.example/rss",
	}
	n := 0
	for _, it := range p.items {
		if !it.isFeed {
			continue
		}
		n++
		if it.query != want[it.name] {
			t.Errorf("%s filters by %s, want %s", it.name, it.query, want[it.name])
		}
	}
	if n != len(want) {
		t.Errorf("%d feeds listed, want %d", n, len(want))
	}
}

// The errors of TestPanelFeedErrors, as a fetch records them.
const (
	tooMany = "HTTP 429 Too Many Requests; the server asks to retry after 1h0m0s"
	notFeed = "not a feed: the server sent an HTML page"
)

// failingFeeds is a library with two feeds of one name that failed, after
// a fetch that brought one article each, and a third that works.
func failingFeeds(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	lib, _ := openLibrary(t)
	for _, f := range []struct{ url, title, err string }{
		{"https://blog.example/feed.xml", "Example Blog", notFeed},
		{"https://www.mirror.example/busy.xml", "Example Blog", tooMany},
		{"https://harbour.example/rss", "Harbour News", ""},
	} {
		feed, err := lib.AddFeed(ctx, store.Feed{URL: f.url, Title: f.title})
		if err != nil {
			t.Fatal(err)
		}
		res := feeds.FetchResult{Sub: feeds.Subscription{URL: f.url, Title: f.title}}
		res.Articles = []feeds.Article{{ExternalID: "feed:" + f.url, Title: "From " + f.url,
			Body: "A story.", Source: f.title, FeedURL: f.url}}
		if _, err := lib.RecordFetch(ctx, feed.ID, res, nil); err != nil {
			t.Fatal(err)
		}
		if f.err != "" {
			bad := feeds.FetchResult{Sub: res.Sub, Err: errors.New(f.err)}
			if _, err := lib.RecordFetch(ctx, feed.ID, bad, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	return lib
}

// panelDetail is what the panel says under its list, its lines joined.
func panelDetail(view string) string {
	var lines []string
	in := false
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "╰") {
			break
		}
		if in {
			_, l, _ = strings.Cut(l, "│")
			l, _, _ = strings.Cut(l, "│")
			lines = append(lines, strings.TrimSpace(l))
		}
		in = in || strings.Contains(l, "│ ───")
	}
	return strings.TrimSpace(strings.Join(lines, " "))
}

// panelWidth is how wide the panel's box is drawn.
func panelWidth(view string) int {
	for _, l := range strings.Split(view, "\n") {
		if i := strings.Index(l, "╭"); i >= 0 {
			return ansi.StringWidth(l[i:strings.Index(l, "╮")]) + 1
		}
	}
	return 0
}

// TestPanelFeedErrors: in the # panel a failing feed keeps its unread
// count beside its error; the error under the cursor is read whole under
// the list, wrapped to the panel; the panel widens on a wide screen and
// fits a narrow one; two feeds of one name show their hosts where there
// is room for them.
func TestPanelFeedErrors(t *testing.T) {
	lib := failingFeeds(t)
	tests := []struct {
		width, height int
		boxWidth      int  // how wide the panel is drawn
		hosts         bool // whether the feeds of one name show their hosts
	}{
		{200, 30, 100, true},
		{80, 24, 64, false},
		{40, 20, 40, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.width, tt.height), func(t *testing.T) {
			m := start(t, lib, Config{}, tt.width, tt.height)
			m = steps(t, m, "#", "G", "k", "k") // the feeds, by title: Example Blog twice, Harbour News
			checkFits(t, m, tt.width, tt.height)
			view := viewText(m)
			golden.RequireEqual(t, view)
			if w := panelWidth(view); w != tt.boxWidth {
				t.Errorf("the panel is %d cells wide, want %d", w, tt.boxWidth)
			}
			var feedLines []string
			for _, l := range strings.Split(view, "\n") {
				if strings.Contains(l, "│") && (strings.Contains(l, "Example Blog") || strings.Contains(l, "Harbour News")) {
					feedLines = append(feedLines, l)
				}
			}
			if len(feedLines) != 3 {
				t.Fatalf("%d lines of feeds, want 3:\n%s", len(feedLines), view)
			}
			for _, l := range feedLines {
				if !strings.Contains(l, "1 unread") {
					t.Errorf("a feed's line hides its unread article: %q", l)
				}
			}
			for _, host := range []string{"blog.example", "mirror.example"} {
				if got := strings.Contains(strings.Join(feedLines, "\n"), host); got != tt.hosts {
					t.Errorf("the host %s shown: %v, want %v", host, got, tt.hosts)
				}
			}
			for _, want := range []struct{ key, url, err string }{
				{"", "https://blog.example/feed.xml", notFeed},
				{"j", "https://www.mirror.example/busy.xml", tooMany},
				{"j", "https://harbour.example/rss", ""},
			} {
				if want.key != "" {
					m = steps(t, m, want.key)
					checkFits(t, m, tt.width, tt.height)
				}
				full := want.url
				if want.err != "" {
					full += " ! " + want.err
				}
				if d := panelDetail(viewText(m)); d != full {
					t.Errorf("under the list: %q, want %q", d, full)
				}
			}
		})
	}
}

// TestPanelDetail: the lines under the list tell a feed's address and its
// error whole, or a query its line cuts, and keep their height whatever
// the cursor is on; on a short screen they give way to the list, and an
// error too long for them ends in "…".
func TestPanelDetail(t *testing.T) {
	long := strings.Repeat("the server said no again, ", 12) + "the end"
	st := newStyles(true, false, nil)
	feedsOf := func(errs ...string) []store.Feed {
		var out []store.Feed
		for i, e := range errs {
			out = append(out, store.Feed{ID: int64(i + 1), URL: fmt.Sprintf("https://f%d.example/rss", i), Title: fmt.Sprintf("Feed %d", i), LastError: e})
		}
		return out
	}
	tests := []struct {
		name          string
		searches      []SavedSearch
		tags          []store.Tag
		feeds         []store.Feed
		width, height int
		detail        int // the lines under the list, the rule with them
		rows          int
	}{
		{"tags alone: none", nil, []store.Tag{{Name: "rail", Count: 3}}, nil, 80, 24, 0, 2},
		{"a working feed: its address", nil, nil, feedsOf(""), 80, 24, 2, 3},
		{"a short error: one line", nil, nil, feedsOf("", "HTTP 404 Not Found"), 80, 24, 3, 4},
		{"a long error: as many as it needs, up to 4", nil, nil, feedsOf("", long), 80, 24, 5, 4},
		{"a short screen: the list first", nil, nil, feedsOf("", long), 80, 11, 2, 3},
		{"a shorter one: no detail", nil, nil, feedsOf("", long), 80, 10, 0, 4},
		{"a search whose query is cut", []SavedSearch{{Name: "Rail", Query: strings.Repeat("tag:rail OR ", 4) + "tag:tram"}}, nil, nil, 80, 24, 2, 3},
		{"a search shown whole: none", []SavedSearch{{Name: "Rail", Query: "tag:rail"}}, nil, nil, 80, 24, 0, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p tagsPanel
			p.fill(tt.searches, nil, tt.tags, tt.feeds, nil)
			l := p.layout(tt.width, tt.height, st)
			if l.detail != tt.detail || l.rows != tt.rows {
				t.Errorf("detail %d, rows %d; want %d, %d", l.detail, l.rows, tt.detail, tt.rows)
			}
			for p.cursor = range p.items {
				if p.items[p.cursor].heading != "" {
					continue
				}
				view := p.View(tt.width, tt.height, st)
				if n := lineCount(view); n != 3+l.rows+l.detail {
					t.Errorf("on %q the panel is %d lines, want %d", p.items[p.cursor].name, n, 3+l.rows+l.detail)
				}
				if it := p.items[p.cursor]; l.detail > 0 && it.err == long {
					start := it.url + " ! the server said no"
					if l.detail == 2 { // one line: the error rather than the address
						start = "! the server said no"
					}
					if d := panelDetail(ansi.Strip(view)); !strings.HasPrefix(d, start) || !strings.HasSuffix(d, "…") {
						t.Errorf("the long error under the list: %q", d)
					}
				}
			}
		})
	}
}

// TestFeedHosts: feeds of one name are told apart by their hosts, or by
// their addresses when they share one; a feed whose name is its own needs
// neither.
func TestFeedHosts(t *testing.T) {
	fs := []store.Feed{
		{ID: 1, URL: "https://www.a.example/rss", Title: "News"},
		{ID: 2, URL: "https://b.example/rss", Title: "news"},
		{ID: 3, URL: "http://127.0.0.1:8749/feed.xml", Title: "Blog"},
		{ID: 4, URL: "http://127.0.0.1:8749/busy.xml", Title: "Blog"},
		{ID: 5, URL: "https://c.example/rss", Title: "Gazette"},
		{ID: 6, URL: "https://d.example/rss"},
		{ID: 7, URL: "https://e.example/rss"},
	}
	titles := map[string]int{}
	for _, f := range fs {
		titles[strings.ToLower(f.Title)]++
	}
	want := map[int64]string{1: "a.example", 2: "b.example", 3: "127.0.0.1:8749/feed.xml", 4: "127.0.0.1:8749/busy.xml"}
	got := feedHosts(fs, titles)
	for id := range int64(8) {
		if got[id] != want[id] {
			t.Errorf("feed %d: %q, want %q", id, got[id], want[id])
		}
	}
}

// TestPanelFeedErrorSanitised: an error a server wrote is drawn without
// its control sequences, in the line and under the list.
func TestPanelFeedErrorSanitised(t *testing.T) {
	var p tagsPanel
	p.fill(nil, nil, nil, []store.Feed{{ID: 1, URL: "https://evil.example/rss", Title: "Evil",
		LastError: "HTTP 500 \x1b]52;c;ZXZpbA==\x07oops \x1b[2J\u009b31mgone"}}, nil)
	p.move(0)
	view := p.View(100, 20, newStyles(true, false, nil))
	for _, seq := range []string{"\x1b]", "\x07", "\x1b[2J", "\u009b"} {
		if strings.Contains(view, seq) {
			t.Errorf("the panel draws %q", seq)
		}
	}
	if d := panelDetail(ansi.Strip(view)); !strings.Contains(d, "oops") || !strings.Contains(d, "gone") {
		t.Errorf("under the list: %q", d)
	}
}
