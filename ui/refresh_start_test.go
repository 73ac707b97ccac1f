package ui

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// TestRefreshDueIn: with refresh_every set, the feeds are first fetched
// when the one fetched longest ago has waited a period: at once when that
// was longer ago, or never; a library without feeds waits a period.
func TestRefreshDueIn(t *testing.T) {
	now := time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC)
	ago := func(d time.Duration) store.Feed { return store.Feed{LastFetch: now.Add(-d)} }
	never := store.Feed{}
	every := 30 * time.Minute
	tests := []struct {
		name string
		subs []store.Feed
		want time.Duration
	}{
		{"no feeds", nil, every},
		{"never fetched", []store.Feed{never}, 0},
		{"one of them never fetched", []store.Feed{ago(time.Minute), never}, 0},
		{"fetched longer ago than a period", []store.Feed{ago(2 * time.Hour)}, 0},
		{"fetched a period ago", []store.Feed{ago(every)}, 0},
		{"fetched 10 minutes ago", []store.Feed{ago(10 * time.Minute)}, 20 * time.Minute},
		{"the one fetched longest ago", []store.Feed{ago(time.Minute), ago(25 * time.Minute), ago(5 * time.Minute)}, 5 * time.Minute},
		{"one of them a period ago", []store.Feed{ago(time.Minute), ago(40 * time.Minute)}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := feedStateOf(tt.subs).refreshDueIn(every, now); got != tt.want {
				t.Errorf("refreshDueIn = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRefreshAtStart: with refresh_every set, the reader fetches the feeds
// as it starts when they are due (one never fetched, or fetched a period
// ago or longer), as newsboat's auto-reload does; feeds fetched within the
// period, and a library without feeds, are not fetched at start.
func TestRefreshAtStart(t *testing.T) {
	const every = time.Hour
	now := time.Now()
	tests := []struct {
		name    string
		fetched []time.Time // the feeds' last fetches
		due     bool
	}{
		{"never fetched", []time.Time{{}}, true},
		{"one of them never fetched", []time.Time{now.Add(-time.Minute), {}}, true},
		{"fetched longer ago than a period", []time.Time{now.Add(-2 * every)}, true},
		{"fetched within the period", []time.Time{now.Add(-10 * time.Minute)}, false},
		{"no feeds", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			st, _ := openLibrary(t)
			for i := range tt.fetched {
				if _, err := st.AddFeed(ctx, store.Feed{URL: fmt.Sprintf("https://feeds.example/%d.xml", i)}); err != nil {
					t.Fatal(err)
				}
			}
			var calls atomic.Int32
			refresh := func(context.Context, func(RefreshProgress)) (RefreshResult, error) {
				calls.Add(1)
				return RefreshResult{Feeds: len(tt.fetched)}, nil
			}
			lib := fetchedAt{st, tt.fetched}
			m, err := New(lib, Config{Refresh: refresh, RefreshEvery: every, LibraryName: "library.db", Theme: "dark"})
			if err != nil {
				t.Fatal(err)
			}
			var tm tea.Model = m
			tm = step(t, tm, tea.WindowSizeMsg{Width: 80, Height: 24})
			// What Init asks for arrives; what that starts in turn is
			// not run (the timer would wait its period).
			init, ok := tm.Init()().(tea.BatchMsg)
			if !ok {
				t.Fatal("Init is not a batch")
			}
			read := false
			for _, cmd := range init {
				msg := cmd()
				_, read = msg.(feedsReadMsg)
				var next tea.Cmd
				tm, next = tm.Update(msg)
				if read && next == nil {
					t.Error("no timer armed and no refresh started")
				}
				if read {
					break
				}
			}
			if !read {
				t.Fatal("Init does not read the feeds")
			}
			if got := root(t, tm).refreshing; got != tt.due {
				t.Errorf("refreshing at start: %v, want %v", got, tt.due)
			}
			if tt.due {
				for deadline := time.Now().Add(5 * time.Second); calls.Load() == 0 && time.Now().Before(deadline); {
					time.Sleep(time.Millisecond)
				}
			}
			if got := calls.Load(); got != map[bool]int32{true: 1}[tt.due] {
				t.Errorf("%d refreshes at start", got)
			}
		})
	}
}

// fetchedAt is a library whose feeds were last fetched at the times given,
// in the order Feeds lists them.
type fetchedAt struct {
	*store.Store
	at []time.Time
}

func (l fetchedAt) Feeds(ctx context.Context) ([]store.Feed, error) {
	subs, err := l.Store.Feeds(ctx)
	for i := range subs {
		subs[i].LastFetch = l.at[i]
	}
	return subs, err
}
