package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
	"tidings/ui/cli"
)

// feedServer serves RSS feeds by path, and moves some of them for good
// (301) once told to.
type feedServer struct {
	*httptest.Server
	mu    sync.Mutex
	moved map[string]string // path → the path it moved to
}

func newFeedServer(t *testing.T, docs map[string]string) *feedServer {
	t.Helper()
	s := &feedServer{moved: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		to := s.moved[r.URL.Path]
		s.mu.Unlock()
		if to != "" {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		doc, ok := docs[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, doc)
	}))
	t.Cleanup(s.Close)
	return s
}

// move makes the server answer path with a 301 to another.
func (s *feedServer) move(from, to string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.moved[from] = to
}

// rss is a feed of that title with n items, their guids made with prefix.
func rss(title, prefix string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://example.com/%s</link>`, title, prefix)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>%s story %d</title><guid>%s-%d</guid><pubDate>Mon, 02 Jun 2025 1%d:00:00 GMT</pubDate><description>Story %d.</description></item>`,
			prefix, i, prefix, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// refresher is the reader's r as the program builds it: every feed
// fetched into the library.
func refresher(st *store.Store) RefreshFunc {
	return func(ctx context.Context, progress func(RefreshProgress)) (RefreshResult, error) {
		rep, err := cli.Fetch(ctx, st, feeds.NewFetcher(), nil, nil, func(done, total int, r feeds.FetchResult, stats store.FetchStats) {
			progress(RefreshProgressOf(done, total, r, stats))
		})
		return RefreshResult{Feeds: rep.Feeds, New: rep.Added, Updated: rep.Updated, Failed: len(rep.Failed)}, err
	}
}

// TestRefreshTellsMoves: after r, the status line says which feeds moved
// for good, by the names the reader knew them by, and into which feed one
// was merged that moved to an address followed already; a filter by the
// merged feed is explained.
func TestRefreshTellsMoves(t *testing.T) {
	tests := []struct {
		name  string
		moves map[string]string
		want  string
	}{
		{"nothing moved", nil, "Fetched 3 feeds: 0 new articles"},
		{"merged into a feed followed already", map[string]string{"/cat.xml": "/main.xml"},
			"Blog - Go merged into Blog · Fetched 3 feeds: 0 new articles"},
		{"moved to an address of its own", map[string]string{"/a.xml": "/a-new.xml"},
			"Alpha moved to HOST/a-new.xml · Fetched 3 feeds: 0 new articles"},
		{"both", map[string]string{"/cat.xml": "/main.xml", "/a.xml": "/a-new.xml"},
			"2 feeds moved: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFeedServer(t, map[string]string{
				"/main.xml": rss("Blog", "p", 3), "/cat.xml": rss("Blog - Go", "g", 2),
				"/a.xml": rss("Alpha", "a", 2), "/a-new.xml": rss("Alpha", "a", 2),
			})
			ctx := context.Background()
			lib, _ := openLibrary(t)
			for _, path := range []string{"/cat.xml", "/main.xml", "/a.xml"} {
				if _, err := lib.AddFeed(ctx, store.Feed{URL: srv.URL + path}); err != nil {
					t.Fatal(err)
				}
			}
			refresh := refresher(lib)
			if _, err := refresh(ctx, func(RefreshProgress) {}); err != nil {
				t.Fatal(err)
			}
			for from, to := range tt.moves {
				srv.move(from, to)
			}
			m := start(t, lib, Config{Refresh: refresh, Query: `feed:"Blog - Go"`}, 120, 20)
			m = steps(t, m, "r")
			status := root(t, m).status
			want := strings.ReplaceAll(tt.want, "HOST", strings.TrimPrefix(srv.URL, "http://"))
			if !strings.HasPrefix(status, want) {
				t.Errorf("after r: %q, want %q", status, want)
			}
			if len(tt.moves) == 2 {
				for _, name := range []string{"Alpha", "Blog - Go (merged into Blog)"} {
					if !strings.Contains(status, name) {
						t.Errorf("after r: %q, without %q", status, name)
					}
				}
			}
			if view := viewText(m); !strings.Contains(view, status) {
				t.Errorf("the status line does not say %q:\n%s", status, view)
			}
		})
	}
}

// TestFeedMoves: which feeds a refresh's reports say moved, and into which
// followed feed those were merged that moved to its address, as the
// library merges them: in the order they were done.
func TestFeedMoves(t *testing.T) {
	before := []store.Feed{
		{URL: "https://blog.example/cat.xml", Title: "Blog - Go"},
		{URL: "https://blog.example/main.xml", Title: "Blog"},
		{URL: "https://a.example/rss", Title: "Alpha"},
		{URL: "https://b.example/rss"},
	}
	report := func(url, title, to string) RefreshProgress {
		return RefreshProgress{Feed: title, URL: url, MovedTo: to}
	}
	merged := func(url, title, to, into string) RefreshProgress {
		return RefreshProgress{Feed: title, URL: url, MovedTo: to, MergedInto: into}
	}
	tests := []struct {
		name    string
		before  []store.Feed
		reports []RefreshProgress
		want    []feedMove
	}{
		{"none", before, []RefreshProgress{report("https://a.example/rss", "Alpha", "")}, nil},
		{"merged, by its name before the fetch retitled it", before,
			[]RefreshProgress{merged("https://blog.example/cat.xml", "Blog", "https://blog.example/main.xml", "https://blog.example/main.xml")},
			[]feedMove{{feed: "Blog - Go", to: "https://blog.example/main.xml", into: "Blog"}}},
		{"merged into an address spelled otherwise", before,
			[]RefreshProgress{merged("https://blog.example/cat.xml", "Blog", "HTTPS://Blog.example:443/main.xml", "https://blog.example/main.xml")},
			[]feedMove{{feed: "Blog - Go", to: "HTTPS://Blog.example:443/main.xml", into: "Blog"}}},
		{"merged as the library says, into an address it found by another spelling", before,
			[]RefreshProgress{merged("https://blog.example/cat.xml", "Blog", "http://blog.example/main.xml", "https://blog.example/main.xml")},
			[]feedMove{{feed: "Blog - Go", to: "http://blog.example/main.xml", into: "Blog"}}},
		{"moved where a feed was followed, which the library did not merge: moved", before,
			[]RefreshProgress{report("https://blog.example/cat.xml", "Blog", "https://blog.example/main.xml")},
			[]feedMove{{feed: "Blog - Go", to: "https://blog.example/main.xml"}}},
		{"moved, an untitled feed by its address", before,
			[]RefreshProgress{report("https://b.example/rss", "B", "https://b.example/feed")},
			[]feedMove{{feed: "B", to: "https://b.example/feed"}}},
		{"two to one new address: the first moves, the second is merged", before, []RefreshProgress{
			report("https://a.example/rss", "Alpha", "https://new.example/rss"),
			merged("https://blog.example/main.xml", "Blog", "https://new.example/rss", "https://new.example/rss"),
		}, []feedMove{
			{feed: "Alpha", to: "https://new.example/rss"},
			{feed: "Blog", to: "https://new.example/rss", into: "Alpha"},
		}},
		{"to where a feed moved away from earlier: moved", before, []RefreshProgress{
			report("https://blog.example/main.xml", "Blog", "https://blog.example/blog.xml"),
			report("https://blog.example/cat.xml", "Blog - Go", "https://blog.example/main.xml"),
		}, []feedMove{
			{feed: "Blog", to: "https://blog.example/blog.xml"},
			{feed: "Blog - Go", to: "https://blog.example/main.xml"},
		}},
		{"an untitled feed fetched with a password: named and moved without it", []store.Feed{{URL: "https://alice:s3cret@p.example/rss"}},
			[]RefreshProgress{RefreshProgressOf(1, 1, feeds.FetchResult{Sub: feeds.Subscription{URL: "https://alice:s3cret@p.example/rss"}, NewURL: "https://alice:s3cret@p.example/feed"}, store.FetchStats{})},
			[]feedMove{{feed: "https://alice@p.example/rss", to: "https://alice@p.example/feed"}}},
		{"a failed fetch moves nothing", before,
			[]RefreshProgress{{Feed: "Alpha", URL: "https://a.example/rss", MovedTo: "https://x.example/", Err: fmt.Errorf("HTTP 500")}}, nil},
		{"the library unread: the reports' names", nil,
			[]RefreshProgress{merged("https://blog.example/cat.xml", "Blog", "https://blog.example/main.xml", "https://blog.example/main.xml"), report("https://blog.example/main.xml", "Blog", "")},
			[]feedMove{{feed: "Blog", to: "https://blog.example/main.xml", into: "Blog"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feedMoves(tt.before, tt.reports)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("feedMoves = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestMovesSummary: what the status line says of the feeds that moved,
// their names and addresses drawn without control sequences.
func TestMovesSummary(t *testing.T) {
	tests := []struct {
		name  string
		moves []feedMove
		want  string
	}{
		{"none", nil, ""},
		{"merged", []feedMove{{feed: "Blog - Go", to: "https://blog.example/main.xml", into: "Blog"}},
			" · Blog - Go merged into Blog"},
		{"merged into one of its name", []feedMove{{feed: "Blog", to: "https://blog.example/main.xml", into: "blog"}},
			" · Blog merged into the feed at blog.example/main.xml"},
		{"moved", []feedMove{{feed: "Alpha", to: "https://a.example/new.xml"}},
			" · Alpha moved to a.example/new.xml"},
		{"several", []feedMove{{feed: "Alpha", to: "https://a.example/new.xml"}, {feed: "Blog - Go", to: "https://blog.example/main.xml", into: "Blog"}},
			" · 2 feeds moved: Alpha, Blog - Go (merged into Blog)"},
		{"hostile", []feedMove{{feed: "Evil\x1b]52;c;ZXZpbA==\x07 News", to: "https://e.example/\x1b[2Jx", into: "Good\u009b31m"}},
			" · Evil News merged into Good31m"}, // a C1 control goes alone
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := movesSummary(tt.moves)
			if got != tt.want {
				t.Errorf("movesSummary = %q, want %q", got, tt.want)
			}
			for _, seq := range []string{"\x1b", "\x07", "\u009b"} {
				if strings.Contains(got, seq) {
					t.Errorf("%q in %q", seq, got)
				}
			}
		})
	}
}

// TestRefreshEvery: with refresh_every set, the reader fetches the feeds by
// itself each time its timer goes off, as r does, and arms the timer again;
// a timer going off while a refresh runs starts no second one; with no
// feeds it says nothing (r says how to begin); a read-only reader, or
// one with nothing to fetch with, never arms it.
func TestRefreshEvery(t *testing.T) {
	ctx := context.Background()
	srv := newFeedServer(t, map[string]string{"/a.xml": rss("Alpha", "a", 2)})
	lib, _ := openLibrary(t)
	var calls atomic.Int32
	refresh := refresher(lib)
	counted := func(ctx context.Context, progress func(RefreshProgress)) (RefreshResult, error) {
		calls.Add(1)
		return refresh(ctx, progress)
	}
	cfg := Config{Refresh: counted, RefreshEvery: 10 * time.Millisecond}

	// held keeps the timer's messages, and those of refreshes when told
	// to, instead of delivering them.
	var held []tea.Msg
	holdRefreshes := false
	hold := func(msg tea.Msg) bool {
		switch msg.(type) {
		case autoRefreshMsg:
		case refreshProgressMsg, refreshDoneMsg:
			if !holdRefreshes {
				return false
			}
		default:
			return false
		}
		held = append(held, msg)
		return true
	}
	heldKinds := func() string {
		kinds := make([]string, len(held))
		for i, msg := range held {
			kinds[i] = fmt.Sprintf("%T", msg)
		}
		held = nil
		return strings.Join(kinds, " ")
	}
	startHolding := func(cfg Config) tea.Model {
		cfg.LibraryName, cfg.Theme = "library.db", "dark"
		m, err := New(lib, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var tm tea.Model = m
		tm = step(t, tm, tea.WindowSizeMsg{Width: 100, Height: 20})
		return runHolding(t, tm, tm.Init(), hold)
	}
	tick := func(m tea.Model) tea.Model {
		m, cmd := m.Update(autoRefreshMsg{})
		return runHolding(t, m, cmd, hold)
	}

	m := startHolding(cfg)
	if got := heldKinds(); got != "ui.autoRefreshMsg" {
		t.Fatalf("after start, held %q: the timer is not armed", got)
	}
	m = tick(m)
	if got := heldKinds(); got != "ui.autoRefreshMsg" {
		t.Errorf("after the timer, held %q: not armed again", got)
	}
	if calls.Load() != 1 {
		t.Fatalf("after the timer: %d refreshes, want 1", calls.Load())
	}
	if status := root(t, m).status; status != "" {
		t.Errorf("with no feeds the timer says %q; only r should", status)
	}

	if _, err := lib.AddFeed(ctx, store.Feed{URL: srv.URL + "/a.xml"}); err != nil {
		t.Fatal(err)
	}
	m = tick(m)
	heldKinds()
	if calls.Load() != 2 {
		t.Fatalf("%d refreshes, want 2", calls.Load())
	}
	if status := root(t, m).status; status != "Fetched 1 feed: 2 new articles" {
		t.Errorf("after the timer with a feed: status %q", status)
	}
	if view := viewText(m); !strings.Contains(view, "a story 1") {
		t.Errorf("the fetched articles are not listed:\n%s", view)
	}

	// A refresh still running when the timer goes off again.
	holdRefreshes = true
	m = tick(m)
	if got := heldKinds(); !strings.Contains(got, "ui.refreshProgressMsg") {
		t.Fatalf("held %q: the timer started no refresh", got)
	}
	m = tick(m)
	if got := heldKinds(); got != "ui.autoRefreshMsg" {
		t.Errorf("the timer going off during a refresh: held %q, want only the timer armed again", got)
	}
	if calls.Load() != 3 {
		t.Errorf("%d refreshes, want 3: a second one started while one ran", calls.Load())
	}

	for name, cfg := range map[string]Config{
		"read-only":             {Refresh: counted, RefreshEvery: 10 * time.Millisecond, ReadOnly: true},
		"nothing to fetch with": {RefreshEvery: 10 * time.Millisecond},
		"not set":               {Refresh: counted},
	} {
		startHolding(cfg)
		if got := heldKinds(); got != "" {
			t.Errorf("%s: held %q, want no timer", name, got)
		}
	}
}
