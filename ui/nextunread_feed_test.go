package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
)

// feedLibrary is a library following n feeds, "Feed 01" to "Feed n" (as
// the # panel lists them), each with per unread articles, "Feed 01 story
// 0" its oldest: a newer feed's articles are newer.
func feedLibrary(t *testing.T, n, per int) *store.Store {
	t.Helper()
	ctx := context.Background()
	lib, _ := openLibrary(t)
	base := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		url := fmt.Sprintf("http://feeds.example/%02d.xml", i)
		title := fmt.Sprintf("Feed %02d", i)
		f, err := lib.AddFeed(ctx, store.Feed{URL: url})
		if err != nil {
			t.Fatal(err)
		}
		res := feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: title}}
		for k := range per {
			res.Articles = append(res.Articles, feeds.Article{
				ExternalID: fmt.Sprintf("f%02d-%d", i, k), Title: fmt.Sprintf("%s story %d", title, k),
				Body: "A story.", Source: title, FeedURL: url,
				Published: base.Add(time.Duration(i*per+k) * time.Hour),
			})
		}
		if _, err := lib.RecordFetch(ctx, f.ID, res, nil); err != nil {
			t.Fatal(err)
		}
	}
	return lib
}

// readFeed marks every article of the feed titled title read.
func readFeed(t *testing.T, lib *store.Store, title string) {
	t.Helper()
	ctx := context.Background()
	rows, err := lib.Page(ctx, store.PageRequest{Query: `feed:"` + title + `"`, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	if err := lib.SetRead(ctx, ids, true); err != nil {
		t.Fatal(err)
	}
}

// toFeed opens the # panel and filters the list by the feed titled title,
// finding it with the panel's / line.
func toFeed(t *testing.T, m tea.Model, title string) tea.Model {
	t.Helper()
	m = steps(t, m, "#", "/")
	for _, r := range title {
		m = step(t, m, press(string(r)))
	}
	m = steps(t, m, "enter", "enter")
	if q := root(t, m).list.query.text; q != `feed:"`+title+`"` {
		t.Fatalf("the panel filtered by %q, want the feed %s", q, title)
	}
	return m
}

// shownTitle is the title of the article the reader shows, else of the
// list's current row.
func shownTitle(t *testing.T, m tea.Model) string {
	t.Helper()
	r := root(t, m)
	if r.screen == screenReader {
		return r.reader.row.Title
	}
	row, _ := r.list.current()
	return row.Title
}

// TestNextUnreadGoesOnToTheNextFeed: in a list filtered to one feed from
// the # panel, n at the end of the feed's unread articles says so and names
// the next feed in the panel's order with unread articles (round the
// list, passing over those read); n again filters the list by that feed and
// goes to its first unread article, which opens in the reader. p does the
// same upwards, to the previous feed's last unread article. An unfiltered
// list, and any other filter, stop as before.
func TestNextUnreadGoesOnToTheNextFeed(t *testing.T) {
	tests := []struct {
		name     string
		feed     string   // filtered to by the panel; "" for none
		query    string   // else the list's query from the start
		read     []string // feeds all read
		keys     []string // after the filter
		said     string   // the status line after keys
		then     string   // pressed next
		filter   string   // the list's filter after then
		at       string   // the article shown after then
		inReader bool
	}{
		{
			name: "n in the reader", feed: "Feed 01", read: []string{"Feed 02"},
			keys: []string{"enter", "n", "n", "n"},
			said: "No more unread in “Feed 01” — n again: “Feed 03” (3 unread)",
			then: "n", filter: `feed:"Feed 03"`, at: "Feed 03 story 2", inReader: true,
		},
		{
			name: "n in the list", feed: "Feed 01", read: []string{"Feed 02"},
			keys: []string{"n", "n", "n"},
			said: "No more unread in “Feed 01” — n again: “Feed 03” (3 unread)",
			then: "n", filter: `feed:"Feed 03"`, at: "Feed 03 story 2",
		},
		{
			name: "round the list from the last feed", feed: "Feed 04",
			keys: []string{"G", "n"},
			said: "No more unread in “Feed 04” — n again: “Feed 01” (3 unread)",
			then: "n", filter: `feed:"Feed 01"`, at: "Feed 01 story 2",
		},
		{
			name: "p to the previous feed's last unread article", feed: "Feed 03", read: []string{"Feed 02"},
			keys: []string{"p"},
			said: "No more unread above in “Feed 03” — p again: “Feed 01” (3 unread)",
			then: "p", filter: `feed:"Feed 01"`, at: "Feed 01 story 0",
		},
		{
			name: "no other feed has unread articles", feed: "Feed 01", read: []string{"Feed 02", "Feed 03", "Feed 04"},
			keys: []string{"G", "n"},
			said: "No more unread in “Feed 01” nor in any other feed.",
			then: "n", filter: `feed:"Feed 01"`, at: "Feed 01 story 0",
		},
		{
			name: "unfiltered, n stops", query: "",
			keys: []string{"G", "n"}, said: "No more unread articles.",
			then: "n", filter: "", at: "Feed 01 story 0",
		},
		{
			name: "another filter, n stops", query: "story",
			keys: []string{"G", "n"}, said: "No more unread articles.",
			then: "n", filter: "story", at: "Feed 01 story 0",
		},
		{
			name: "moving away lets the offer go", feed: "Feed 01",
			keys: []string{"G", "n", "k", "n"}, said: "",
			then: "n", filter: `feed:"Feed 01"`, at: "Feed 01 story 0",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := feedLibrary(t, 4, 3)
			for _, f := range tt.read {
				readFeed(t, lib, f)
			}
			m := start(t, lib, Config{Query: tt.query}, 100, 30)
			if tt.feed != "" {
				m = toFeed(t, m, tt.feed)
			}
			m = steps(t, m, tt.keys...)
			if got := root(t, m).status; got != tt.said {
				t.Errorf("after %v the status line says %q, want %q", tt.keys, got, tt.said)
			}
			m = step(t, m, press(tt.then))
			r := root(t, m)
			if r.list.query.text != tt.filter {
				t.Errorf("after %s again the list is filtered by %q, want %q", tt.then, r.list.query.text, tt.filter)
			}
			if got := shownTitle(t, m); got != tt.at {
				t.Errorf("after %s again the article shown is %q, want %q", tt.then, got, tt.at)
			}
			if got := r.screen == screenReader; got != tt.inReader {
				t.Errorf("in the reader: %v, want %v", got, tt.inReader)
			}
			if r.list.stale() || r.list.jumping != jumpNone || len(r.held) > 0 {
				t.Errorf("the list waits: stale %v, jumping %v, %d keys held", r.list.stale(), r.list.jumping, len(r.held))
			}
		})
	}
}

// TestNextFeedOfferFitsTheStatusLine: on a narrow terminal the offer keeps
// the key and the feed it goes to in sight, the names shortened first.
func TestNextFeedOfferFitsTheStatusLine(t *testing.T) {
	hop := feedHop{name: "The Harbour Gazette and Evening Courier", unread: 12}
	long := "A Very Long Feed Title About Everything Under The Sun"
	for _, width := range []int{120, 80, 60, 40, 32} {
		line := feedOfferLine(long, hop, "n", 1, width)
		if w := len([]rune(line)); w > width-2 {
			t.Errorf("%d columns: %q is %d wide", width, line, w)
		}
		if !strings.Contains(line, "n again") || !strings.Contains(line, "(12 unread)") {
			t.Errorf("%d columns: %q leaves out the key or the count", width, line)
		}
	}
}

// TestNextFeedAfterEsc: esc while n looks for the next feed's first unread
// article lets go of the looking, and the feed is listed from its top: the
// list does not stay on the rows of the feed before.
func TestNextFeedAfterEsc(t *testing.T) {
	lib := feedLibrary(t, 3, 3)
	m := start(t, lib, Config{}, 100, 30)
	m = toFeed(t, m, "Feed 01")
	m = steps(t, m, "G", "n")
	if !strings.HasPrefix(root(t, m).status, "No more unread in “Feed 01”") {
		t.Fatalf("status %q", root(t, m).status)
	}
	// n again, its answer held back as if still on its way; then esc.
	m, cmd := m.Update(press("n"))
	m = runHolding(t, m, cmd, func(msg tea.Msg) bool { _, ok := msg.(unreadMsg); return ok })
	held := cmd
	m = step(t, m, press("esc"))
	m = run(t, m, held) // the answer comes: let go of
	r := root(t, m)
	if r.list.query.text != `feed:"Feed 02"` || r.list.stale() {
		t.Fatalf("after esc the list is filtered by %q, stale %v", r.list.query.text, r.list.stale())
	}
	if got := shownTitle(t, m); got != "Feed 02 story 2" {
		t.Errorf("after esc the cursor is on %q, want the feed's top", got)
	}
}
