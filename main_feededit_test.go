package main

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// storiesFeed serves an RSS feed titled title of n stories, numbered from
// 1; a test raises the count it returns to have the next fetch bring more.
func storiesFeed(t *testing.T, title string, n int32) (url string, items *atomic.Int32) {
	items = new(atomic.Int32)
	items.Store(n)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`, html.EscapeString(title))
		for i := range items.Load() {
			fmt.Fprintf(w, `<item><title>Story %d</title><guid>story-%d</guid><description>The story number %d.</description>
<pubDate>Tue, 0%d Mar 2024 10:00:00 GMT</pubDate></item>`, i+1, i+1, i+1, i+1)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/feed.xml", items
}

// TestFeedRenameTagUntag: after subscribing, a feed can be renamed (by its
// title or address, as feed remove takes it), and given or relieved of
// tags, without unsubscribing and losing its history. The name stays
// through fetches; a tag taken off is not given to the articles the feed
// brings next, and stays on those it brought; a tag given is given to
// those it brought too. Asking for what is so already changes nothing, and
// says so; a feed there is not is named (exit 1).
func TestFeedRenameTagUntag(t *testing.T) {
	url, items := storiesFeed(t, "Harbour News", 1)
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, lib, "feed", "add", url, "--tag", "news", "--tag", "world"); r.code != 0 {
		t.Fatalf("feed add: exit %d, %v\n%s", r.code, r.err, r.stderr)
	}
	fetchOneMore := func() {
		t.Helper()
		items.Add(1)
		if r := run(t, lib, "fetch"); r.code != 0 {
			t.Fatalf("fetch: exit %d, %v\n%s", r.code, r.err, r.stderr)
		}
	}

	for _, step := range []struct {
		args    []string
		stdout  string
		fetch   bool     // fetch a new article after
		queries []string // each "query=count" after the step
	}{
		{[]string{"feed", "rename", "harbour news", "Harbour", "Daily"},
			"Harbour News (" + url + ") is now Harbour Daily\n", true,
			[]string{`feed:"Harbour Daily"=2`, `source:"Harbour Daily"=2`, `feed:"Harbour News"=0`}},
		{[]string{"feed", "rename", url, "Harbour Daily"},
			"Harbour Daily (" + url + ") has that name already\n", false, nil},
		{[]string{"feed", "untag", "Harbour Daily", "NEWS", "#sport"},
			"Harbour Daily (" + url + "): #news taken off; the articles it brought keep it (its tags now: #world)\n", true,
			[]string{"tag:news=2", "tag:world=3"}},
		{[]string{"feed", "untag", url, "news"},
			"Harbour Daily (" + url + ") does not have it (its tags: #world)\n", false, nil},
		{[]string{"feed", "tag", url, "long read", "World"},
			"Harbour Daily (" + url + `): tag:"long read" added, to its articles too (its tags now: #world tag:"long read")` + "\n", true,
			[]string{`tag:"long read"=4`, "tag:news=2", "tag:world=4"}},
		{[]string{"feed", "tag", url, "world"},
			"Harbour Daily (" + url + `) has it already (its tags: #world tag:"long read")` + "\n", false, nil},
		// +name and -name are read as tidings tag reads them.
		{[]string{"feed", "tag", url, "+boats"},
			"Harbour Daily (" + url + `): #boats added, to its articles too (its tags now: #world tag:"long read" #boats)` + "\n", false,
			[]string{"tag:boats=4", `tag:"+boats"=0`}},
		{[]string{"feed", "untag", url, "--", "-boats"},
			"Harbour Daily (" + url + `): #boats taken off; the articles it brought keep it (its tags now: #world tag:"long read")` + "\n", false, nil},
		{[]string{"feed", "untag", url, "world", "Long Read"},
			"Harbour Daily (" + url + "): #world tag:\"long read\" taken off; the articles it brought keep them (it has no tags now)\n", true,
			[]string{`tag:"long read"=4`, "tag:world=4", "is:untagged=1"}},
	} {
		t.Run(strings.Join(step.args, " "), func(t *testing.T) {
			r := run(t, lib, step.args...)
			if r.code != 0 || r.stdout != step.stdout || r.stderr != "" {
				t.Fatalf("exit %d (%v), stdout %q, stderr %q; want exit 0 and %q", r.code, r.err, r.stdout, r.stderr, step.stdout)
			}
			if step.fetch {
				fetchOneMore()
			}
			for _, q := range step.queries {
				query, want, _ := strings.Cut(q, "=")
				if got := run(t, lib, "search", "--count", query).stdout; got != want+"\n" {
					t.Errorf("search %s: %q articles, want %s", query, got, want)
				}
			}
		})
	}
	if got := run(t, lib, "feed", "list").stdout; !strings.HasPrefix(got, "Harbour Daily") {
		t.Errorf("feed list:\n%s\nwant the feed listed by its name, Harbour Daily", got)
	}
	for _, args := range [][]string{{"feed", "rename", "Nowhere", "X"}, {"feed", "tag", "Nowhere", "x"}, {"feed", "untag", "Nowhere", "x"}} {
		if r := run(t, lib, args...); r.code != exitFailed || r.err == nil || !strings.Contains(r.err.Error(), "no feed has this address or title") {
			t.Errorf("%v: exit %d, %v; want exit 1 naming no feed", args, r.code, r.err)
		}
	}
	if r := run(t, lib, "feed", "untag", "--help"); !strings.Contains(r.stdout, "articles it brought keep them") {
		t.Errorf("feed untag --help does not say what becomes of the articles' tags:\n%s", r.stdout)
	}
}
