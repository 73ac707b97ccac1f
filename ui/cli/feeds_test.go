package cli

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
)

// TestFetchNamesUnknownFeeds: fetch given an address that is no
// subscription says so, as a failure, instead of fetching nothing quietly.
func TestFetchNamesUnknownFeeds(t *testing.T) {
	st := openStore(t)
	rep, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, []string{"http://not-subscribed.example/feed"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Feeds != 0 || len(rep.Failed) != 1 || rep.Failed[0].File != "http://not-subscribed.example/feed" ||
		!strings.Contains(rep.Failed[0].Reason, "not subscribed (tidings feed add http://not-subscribed.example/feed subscribes)") {
		t.Errorf("report %+v", rep)
	}
}
