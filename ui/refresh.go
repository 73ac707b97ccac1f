package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// Refreshing feeds (r) runs in the background: the fetch goes on in a
// goroutine that reports each finished feed on a channel, and a Cmd waits
// for the next report, so the list stays live and new articles appear as
// the library's generation changes.

// RefreshProgress is one finished feed of a refresh.
type RefreshProgress struct {
	Done, Total int
	Feed        string // the feed's title, or its URL
	Err         error  // the feed's error, if it failed
}

// RefreshResult sums up a refresh.
type RefreshResult struct {
	Feeds, New, Updated, Failed int
}

// RefreshFunc fetches every subscribed feed and stores what they bring,
// telling progress of each finished feed.
type RefreshFunc func(ctx context.Context, progress func(RefreshProgress)) (RefreshResult, error)

// refreshProgressMsg and refreshDoneMsg come from a running refresh.
type (
	refreshProgressMsg struct {
		p    RefreshProgress
		next <-chan tea.Msg
	}
	refreshDoneMsg struct {
		res RefreshResult
		err error
	}
)

// startRefresh runs fn in the background and returns the Cmd that waits
// for its first report.
func startRefresh(ctx context.Context, fn RefreshFunc) tea.Cmd {
	ch := make(chan tea.Msg, 64)
	go func() {
		res, err := fn(ctx, func(p RefreshProgress) {
			select {
			case ch <- refreshProgressMsg{p: p, next: ch}:
			case <-ctx.Done():
			}
		})
		ch <- refreshDoneMsg{res: res, err: err}
	}()
	return waitRefresh(ch)
}

// waitRefresh waits for a refresh's next report.
func waitRefresh(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// refreshStatus is the status line while a refresh runs.
func refreshStatus(p RefreshProgress) string {
	if p.Err != nil {
		return fmt.Sprintf("Fetching feeds… %d of %d done (%s: %v)", p.Done, p.Total, p.Feed, p.Err)
	}
	return fmt.Sprintf("Fetching feeds… %d of %d done (%s)", p.Done, p.Total, p.Feed)
}

// refreshSummary is the status line after a refresh.
func refreshSummary(r RefreshResult) string {
	if r.Feeds == 0 && r.Failed == 0 {
		return "No feeds to fetch: `tidings feed add URL` subscribes to one."
	}
	s := fmt.Sprintf("Fetched %s: %s", plural(r.Feeds, "feed"), plural(r.New, "new article"))
	if r.Updated > 0 {
		s += fmt.Sprintf(", %s updated", thousands(r.Updated))
	}
	if r.Failed > 0 {
		s += fmt.Sprintf(", %d failed (# lists them)", r.Failed)
	}
	return s
}

// plural is n and a noun, in the plural unless n is 1: "1 feed", "2 feeds".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}
