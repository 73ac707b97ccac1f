package cli

import (
	"bytes"
	"context"
	"regexp"
	"testing"
	"time"
)

// TestFeedListTimesInUTC: feed list says when each feed was last fetched in
// UTC, and says so, as every date tidings prints is UTC, whatever the
// machine's zone.
func TestFeedListTimesInUTC(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	local := time.Local
	time.Local = tokyo
	t.Cleanup(func() { time.Local = local })

	st := openStore(t)
	subscribe(t, st, serveFeed(t, atomFeed))
	var b bytes.Buffer
	if err := ListFeeds(context.Background(), st, &b); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`fetched (\d{4}-\d\d-\d\d \d\d:\d\d)( UTC)?`).FindStringSubmatch(b.String())
	if m == nil {
		t.Fatalf("feed list:\n%s", b.String())
	}
	at, err := time.Parse("2006-01-02 15:04", m[1])
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(at); m[2] == "" || d < 0 || d > 2*time.Minute {
		t.Errorf("feed list says %q, %v ago; want the time of the fetch in UTC, saying so", m[0], d)
	}
}
