package store

import (
	"context"
	"fmt"
	"testing"
)

// The addresses of one feed on a host beyond ASCII: as written, as a
// tidings from before stored it (percent-encoded), and as punycode.
const (
	idnUnicode  = "http://президент.рф/rss"
	idnPercent  = "http://%D0%BF%D1%80%D0%B5%D0%B7%D0%B8%D0%B4%D0%B5%D0%BD%D1%82.%D1%80%D1%84/rss"
	idnPunycode = "http://xn--d1abbgf6aiiy.xn--p1ai/rss"
)

// TestSubscribeInternationalHost: a feed on a host beyond ASCII is
// subscribed under its punycode (feed add, OPML), and any spelling of its
// address finds that one subscription.
func TestSubscribeInternationalHost(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	sub, err := s.Subscribe(ctx, Feed{URL: idnUnicode})
	if err != nil {
		t.Fatal(err)
	}
	if sub.Feed.URL != idnPunycode {
		t.Errorf("subscribed as %q, want %q", sub.Feed.URL, idnPunycode)
	}
	for _, spelling := range []string{idnUnicode, idnPercent, idnPunycode, "HTTP://Президент.РФ:80/rss"} {
		f, err := s.FeedByURL(ctx, spelling)
		if err != nil || f.ID != sub.Feed.ID {
			t.Errorf("FeedByURL(%q) = %q, %v; want the subscription", spelling, f.URL, err)
		}
		if again, err := s.Subscribe(ctx, Feed{URL: spelling}); err != nil || again.New {
			t.Errorf("subscribing to %q again: new %v, %v", spelling, again.New, err)
		}
	}
}

// TestInternationalHostFromBefore: a feed a tidings from before stored
// under its address percent-encoded keeps that address, and so its
// articles' ids, and is found by any spelling of it once the library is
// upgraded: subscribing to it again as written, or as punycode, is not a
// second subscription.
func TestInternationalHostFromBefore(t *testing.T) {
	ctx := context.Background()
	path, db := oldLibrary(t, 19)
	execAll(t, db, fmt.Sprintf(`INSERT INTO feeds(url, url_normal, title) VALUES ('%s', '%s', 'Президент')`, idnPercent, idnPercent))
	s := upgrade(t, path, db)
	for _, spelling := range []string{idnUnicode, idnPunycode, idnPercent} {
		f, err := s.FeedByURL(ctx, spelling)
		if err != nil || f.URL != idnPercent {
			t.Errorf("FeedByURL(%q) = %q, %v; want the feed at %q", spelling, f.URL, err, idnPercent)
		}
		if sub, err := s.Subscribe(ctx, Feed{URL: spelling}); err != nil || sub.New {
			t.Errorf("subscribing to %q: new %v, %v; want the feed there", spelling, sub.New, err)
		}
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 {
		t.Errorf("%d feeds, %v; want 1", len(feeds), err)
	}
}

// TestInternationalHostMovedFromBefore: a feed that moved for good from an
// address on a host beyond ASCII, which a tidings from before stored
// percent-encoded, is found by that address in any spelling once the
// library is upgraded.
func TestInternationalHostMovedFromBefore(t *testing.T) {
	ctx := context.Background()
	path, db := oldLibrary(t, 19)
	const now = "https://news.example/rss"
	execAll(t, db, fmt.Sprintf(`INSERT INTO feeds(url, url_normal, id_base, id_base_normal) VALUES ('%s', '%s', '%s', '%s')`,
		now, now, idnPercent, idnPercent))
	s := upgrade(t, path, db)
	for _, spelling := range []string{idnUnicode, idnPunycode, idnPercent} {
		if f, err := s.FeedByURL(ctx, spelling); err != nil || f.URL != now || f.IDBase != idnPercent {
			t.Errorf("FeedByURL(%q) = %q from %q, %v; want the feed that moved from it", spelling, f.URL, f.IDBase, err)
		}
	}
}
