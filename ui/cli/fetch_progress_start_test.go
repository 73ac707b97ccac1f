package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
)

// TestFetchProgressShownAtOnce: on a terminal the progress line is drawn
// as the fetch begins, naming the feed it waits for, before any feed is
// done: a feed that does not answer for half a minute does not leave the
// terminal blank. Piped, nothing is written until a feed is done, as
// before: one line for each.
func TestFetchProgressShownAtOnce(t *testing.T) {
	tests := map[string]struct {
		titles map[string]string // path: title
		tty    bool
		width  int
		want   string
	}{
		"one feed":             {map[string]string{"/hang.rss": "hang"}, true, 80, "Fetching 1 feed… waiting for hang"},
		"two feeds":            {map[string]string{"/a.rss": "Alpha Slow", "/b.rss": "Beta"}, true, 80, "Fetching 2 feeds… waiting for Alpha Slow"},
		"untitled, by address": {map[string]string{"/c.rss": ""}, true, 200, "Fetching 1 feed… waiting for %s/c.rss"},
		"piped":                {map[string]string{"/hang.rss": "hang"}, false, 80, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			srv := newFeedRoutes(t)
			st := openStore(t)
			release := make(chan struct{})
			titled := map[string]string{}
			for path, title := range tc.titles {
				titled[srv.serve(path, rssDoc(title, "x=One"), false)] = title
				srv.mu.Lock()
				srv.hold[path] = release
				srv.mu.Unlock()
			}
			subscribeTo(t, st, titled)
			var out bytes.Buffer
			progress := FetchProgress(&out, tc.tty, tc.width)
			told, shown := 0, "(nothing yet)"
			_, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, nil, func(done, total int, r feeds.FetchResult, stats store.FetchStats) {
				progress(done, total, r, stats)
				if done == 0 {
					if told++; told == total {
						// Every feed is on its way, none done.
						shown = lastFrame(out.String())
						close(release)
					}
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if strings.Contains(want, "%s") {
				want = fmt.Sprintf(want, srv.URL)
			}
			if shown != want {
				t.Errorf("before any feed is done: %q, want %q", shown, want)
			}
			if tc.tty && !strings.HasSuffix(out.String(), eraseLine) {
				t.Errorf("the line is left on screen after the fetch: %q", out.String())
			}
		})
	}
}

// TestFetchProgressAtOnceFits: the first line is cut to the terminal's
// width, the name of the feed waited for kept in sight, and is drawn once,
// when every feed has been told of.
func TestFetchProgressAtOnceFits(t *testing.T) {
	var out bytes.Buffer
	progress := FetchProgress(&out, true, 40)
	for i := range 3 {
		progress(0, 3, feeds.FetchResult{Sub: feeds.Subscription{URL: fmt.Sprintf("https://e.example/%d", i),
			Title: strings.Repeat("Long title ", 3*(i+1))}}, store.FetchStats{})
		if i < 2 && out.Len() > 0 {
			t.Fatalf("drawn after %d of 3 feeds: %q", i+1, out.String())
		}
	}
	got := lastFrame(out.String())
	if !strings.HasPrefix(got, "Fetching 3 feeds… waiting for Long") || ansi.StringWidth(got) > 39 {
		t.Errorf("on 40 columns: %q (%d cells)", got, ansi.StringWidth(got))
	}
}
