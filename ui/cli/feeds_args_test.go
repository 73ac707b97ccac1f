package cli

import (
	"context"
	"errors"
	"strings"
	"testing"

	"tidings/feeds"
)

// TestFeedAddWithControlCharacters: feed add refuses an address with an
// escape sequence in it for what it is, naming it quoted, where it said it
// was not an http(s) address and named it cleaned, another address.
func TestFeedAddWithControlCharacters(t *testing.T) {
	st := openStore(t)
	for _, url := range []string{"http://127.0.0.1:18771/\x1b[2Jx.xml", "https://a.example/feed\u200b.xml", "https://a.example/fe\ted.xml"} {
		_, err := SubscribeFeed(context.Background(), st, feeds.NewFetcher(), nil, url, nil)
		if err == nil {
			t.Fatalf("feed add %q: subscribed", url)
		}
		msg := err.Error()
		if !strings.Contains(msg, shownName(url)) || !strings.Contains(msg, "control characters") ||
			strings.Contains(msg, "not an http(s) address") || strings.ContainsAny(msg, "\x1b\t\u200b") {
			t.Errorf("feed add %q: %q", url, msg)
		}
	}
	if subs, err := st.Feeds(context.Background()); err != nil || len(subs) != 0 {
		t.Errorf("subscribed to %+v, %v", subs, err)
	}
}

// TestUnknownFeedNamesQuoted: a name that names no feed is named in the
// failure quoted when it holds control characters, so that one that is
// nothing else ("\x1b[2J") is not a failure without a name, nor the
// escape sequence obeyed.
func TestUnknownFeedNamesQuoted(t *testing.T) {
	st := openStore(t)
	tests := []struct{ name, want string }{
		{"\x1b[2J", `"\x1b[2J": no feed has this address or title`},
		{"", `"": no feed has this address or title`},
		{"Harbour\x1b[31m News", `"Harbour\x1b[31m News": no feed has this address or title`},
		{"Harbour News", `Harbour News: no feed has this address or title`},
		// Not one to subscribe to as cleaning leaves it: feed add refuses it.
		{"https://a.example/\x1b[2Jfeed.xml", `"https://a.example/\x1b[2Jfeed.xml": no feed has this address or title`},
	}
	for _, tt := range tests {
		rep, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, []string{tt.name}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Failed) != 1 || !strings.HasPrefix(rep.Failed[0].String(), tt.want) {
			t.Errorf("fetch %q: failed %v, want %q", tt.name, rep.Failed, tt.want)
		}
		_, err = FindFeed(context.Background(), st, tt.name)
		if bad, ok := errors.AsType[*FeedNameError](err); !ok || !strings.HasPrefix(bad.Error(), tt.want) {
			t.Errorf("FindFeed(%q): %v, want %q", tt.name, err, tt.want)
		}
	}
}
