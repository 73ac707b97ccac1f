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

// feedLine is the panel's line of the feed whose name and host (or name
// alone) it starts with, as a user reads it, without the box's border and
// the cursor's bar; "" when there is none.
func feedLine(view, start string) string {
	for _, l := range strings.Split(view, "\n") {
		_, l, ok := strings.Cut(l, "│")
		if !ok {
			continue
		}
		l, _, _ = strings.Cut(l, "│")
		l = strings.TrimPrefix(strings.TrimPrefix(l, " ▌ "), "   ")
		if strings.HasPrefix(l, start) {
			return strings.TrimRight(l, " ")
		}
	}
	return ""
}

// TestPanelHostsWhereTheyFit: the feeds of one name show their hosts
// whenever each of them has room for its own beside its error and its
// unread count, whatever the other feeds' errors and titles; the errors
// still start in one column and every line keeps its count.
func TestPanelHostsWhereTheyFit(t *testing.T) {
	const notFound = "HTTP 404 Not Found"
	long := "The Very Long Title of a Regional Paper's Evening Edition"
	tests := []struct {
		name  string
		feeds []store.Feed
		width int
		shown []string // the lines that start with a name and its host
		bare  []string // the names whose lines show no host
	}{
		{
			name: "one failing feed elsewhere",
			feeds: []store.Feed{
				{URL: "http://127.0.0.1:8701/gone.xml", Title: "Gone", LastError: notFound},
				{URL: "http://127.0.0.1:8701/p1.xml", Title: "Reuters World"},
				{URL: "http://localhost:8701/p2.xml", Title: "Reuters World"},
			},
			width: 80,
			shown: []string{"Reuters World 127.0.0.1:8701", "Reuters World localhost:8701"},
		},
		{
			name: "one failing feed elsewhere, wide",
			feeds: []store.Feed{
				{URL: "http://127.0.0.1:8701/gone.xml", Title: "Gone", LastError: notFound},
				{URL: "http://127.0.0.1:8701/p1.xml", Title: "Reuters World"},
				{URL: "http://localhost:8701/p2.xml", Title: "Reuters World"},
			},
			width: 200,
			shown: []string{"Reuters World 127.0.0.1:8701", "Reuters World localhost:8701"},
		},
		{
			name: "a long title elsewhere",
			feeds: []store.Feed{
				{URL: "https://paper.example/rss", Title: long},
				{URL: "https://a.example/rss", Title: "Gazette"},
				{URL: "https://b.example/rss", Title: "Gazette"},
			},
			width: 80,
			shown: []string{"Gazette a.example", "Gazette b.example"},
		},
		{
			name: "a failing feed of the name, its host too wide beside its error",
			feeds: []store.Feed{
				{URL: "https://a-much-longer-mirror-host.example/rss", Title: "Gazette", LastError: notFound},
				{URL: "https://b.example/rss", Title: "Gazette"},
				{URL: "http://127.0.0.1:8701/p1.xml", Title: "Reuters World"},
				{URL: "http://localhost:8701/p2.xml", Title: "Reuters World"},
			},
			width: 80,
			shown: []string{"Reuters World 127.0.0.1:8701", "Reuters World localhost:8701"},
			bare:  []string{"Gazette"},
		},
		{
			name: "failing feeds of the name with room for their hosts",
			feeds: []store.Feed{
				{URL: "https://a.example/rss", Title: "Gazette", LastError: notFound},
				{URL: "https://b.example/rss", Title: "Gazette", LastError: "HTTP 500 Internal Server Error"},
			},
			width: 80,
			shown: []string{"Gazette a.example", "Gazette b.example"},
		},
		{
			name: "no room for anyone's host",
			feeds: []store.Feed{
				{URL: "http://127.0.0.1:8701/gone.xml", Title: "Gone", LastError: notFound},
				{URL: "http://127.0.0.1:8701/p1.xml", Title: "Reuters World"},
				{URL: "http://localhost:8701/p2.xml", Title: "Reuters World"},
			},
			width: 36,
			bare:  []string{"Reuters World"},
		},
	}
	st := newStyles(true, false, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counts := map[int64]store.FeedCount{}
			for i := range tt.feeds {
				tt.feeds[i].ID = int64(i + 1)
				counts[int64(i+1)] = store.FeedCount{Unread: []int{1, 12345, 5, 40}[i%4]}
			}
			var p tagsPanel
			p.fill(nil, nil, nil, tt.feeds, counts)
			view := ansi.Strip(p.View(tt.width, 30, st))
			for _, s := range tt.shown {
				if feedLine(view, s) == "" {
					t.Errorf("no line starts with %q:\n%s", s, view)
				}
			}
			for _, name := range tt.bare {
				for _, f := range tt.feeds {
					if f.Title != name {
						continue
					}
					if l := feedLine(view, name); strings.Contains(l, feedHost(f.URL)) {
						t.Errorf("%s shows its host though one of its name has no room for it: %q", name, l)
					}
				}
			}
			errCol := -1
			for i, f := range tt.feeds {
				l := ""
				for _, line := range strings.Split(view, "\n") {
					if strings.Contains(line, f.Title[:min(len(f.Title), 20)]) && strings.Contains(line, thousands(counts[int64(i+1)].Unread)+" unread") {
						l = line
					}
				}
				if l == "" {
					t.Errorf("%s (%s) has no line with its unread count:\n%s", f.Title, f.URL, view)
					continue
				}
				if f.LastError == "" {
					continue
				}
				col := ansi.StringWidth(l[:strings.Index(l, "! ")])
				if errCol >= 0 && col != errCol {
					t.Errorf("the errors start in columns %d and %d:\n%s", errCol, col, view)
				}
				errCol = col
			}
		})
	}
}

// TestPanelHostsBesideAFailingFeed: the # panel of two feeds of one name
// on two hosts and a third that fails, as a fetch leaves it.
func TestPanelHostsBesideAFailingFeed(t *testing.T) {
	ctx := context.Background()
	lib, _ := openLibrary(t)
	for _, f := range []struct{ url, title, err string }{
		{"http://127.0.0.1:8701/p1.xml", "Reuters World", ""},
		{"http://localhost:8701/p2.xml", "Reuters World", ""},
		{"http://127.0.0.1:8701/gone.xml", "Gone", "HTTP 404 Not Found"},
	} {
		feed, err := lib.AddFeed(ctx, store.Feed{URL: f.url, Title: f.title})
		if err != nil {
			t.Fatal(err)
		}
		res := feeds.FetchResult{Sub: feeds.Subscription{URL: f.url, Title: f.title}}
		for i := range 2 {
			res.Articles = append(res.Articles, feeds.Article{ExternalID: fmt.Sprintf("feed:%s:%d", f.url, i),
				Title: fmt.Sprintf("Story %d from %s", i, f.url), Body: "A story.", Source: f.title, FeedURL: f.url})
		}
		if _, err := lib.RecordFetch(ctx, feed.ID, res, nil); err != nil {
			t.Fatal(err)
		}
		if f.err != "" {
			if _, err := lib.RecordFetch(ctx, feed.ID, feeds.FetchResult{Sub: res.Sub, Err: errors.New(f.err)}, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	m := start(t, lib, Config{}, 80, 20)
	m = steps(t, m, "#")
	checkFits(t, m, 80, 20)
	view := viewText(m)
	golden.RequireEqual(t, view)
	for _, s := range []string{"Reuters World 127.0.0.1:8701", "Reuters World localhost:8701", "Gone"} {
		if feedLine(view, s) == "" {
			t.Errorf("no line starts with %q:\n%s", s, view)
		}
	}
}

// TestPanelDetailMovedFrom: under the list, a feed that moved for good
// says where it was followed before, under its address; short of lines,
// its error comes first.
func TestPanelDetailMovedFrom(t *testing.T) {
	ctx := context.Background()
	lib, _ := openLibrary(t)
	feed, err := lib.AddFeed(ctx, store.Feed{URL: "https://blog.example/old.xml", Title: "Blog"})
	if err != nil {
		t.Fatal(err)
	}
	moved := feeds.FetchResult{Sub: feeds.Subscription{URL: feed.URL, Title: "Blog"}, NewURL: "https://blog.example/new.xml",
		Articles: []feeds.Article{{ExternalID: "feed:blog:1", Title: "A post", Body: "A post.", Source: "Blog", FeedURL: feed.URL}}}
	if _, err := lib.RecordFetch(ctx, feed.ID, moved, nil); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{}, 80, 24)
	m = steps(t, m, "#", "G")
	want := "https://blog.example/new.xml moved from https://blog.example/old.xml"
	if d := panelDetail(viewText(m)); d != want {
		t.Errorf("under the list: %q, want %q:\n%s", d, want, viewText(m))
	}

	st := newStyles(true, false, nil)
	it := panelItem{name: "Blog", isFeed: true, url: "https://blog.example/new.xml",
		movedFrom: "https://blog.example/old.xml", err: "HTTP 404 Not Found"}
	for n, want := range map[int]string{
		1: "! HTTP 404 Not Found",
		2: "https://blog.example/new.xml ! HTTP 404 Not Found",
		3: "https://blog.example/new.xml moved from https://blog.example/old.xml ! HTTP 404 Not Found",
	} {
		var p tagsPanel
		if got := ansi.Strip(strings.Join(p.detail(it, 60, n, st), " ")); got != want {
			t.Errorf("in %d lines: %q, want %q", n, got, want)
		}
	}
	var p tagsPanel
	if n := p.linesOfDetail(it, 60); n != 3 {
		t.Errorf("the detail takes %d lines, want 3", n)
	}
}
