package cli

import (
	"context"
	"errors"
	"testing"

	"tidings/store"
)

// TestFindFeedCleansName: a name given with control characters names the
// subscription whose address or title it is once cleaned of them, as the
// library keeps both, and the reader sees them; a title two feeds share is
// said to be theirs, not to be no feed's.
func TestFindFeedCleansName(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	for _, f := range []store.Feed{
		{URL: "https://a.example/feed.xml", Title: "Ctl feed"},
		{URL: "https://b.example/feed.xml", Title: "Ctl\x1b[31m feed"},
		{URL: "https://c.example/feed.xml", Title: "Solo feed"},
	} {
		if _, err := st.Subscribe(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name   string
		url    string // "" when it names none
		titled int    // of a name that names none: the feeds with that title
	}{
		{"Solo\x1b[31m feed", "https://c.example/feed.xml", 0},
		{"\x1b]0;pwn\a solo feed ", "https://c.example/feed.xml", 0},
		{"https://c.example/\x1b[2Jfeed.xml", "https://c.example/feed.xml", 0},
		{"Ctl\x1b[31m feed", "", 2},
		{"Ctl feed", "", 2},
		{"No\x1b[31m feed", "", 0},
		{"\x1b[31m", "", 0},
	} {
		f, err := FindFeed(ctx, st, tt.name)
		if tt.url != "" {
			if err != nil || f.URL != tt.url {
				t.Errorf("FindFeed(%q) = %q, %v; want %s", tt.name, f.URL, err, tt.url)
			}
			continue
		}
		bad, ok := errors.AsType[*FeedNameError](err)
		if !ok || len(bad.Titled) != tt.titled {
			t.Errorf("FindFeed(%q) = %q, %v; want a FeedNameError naming %d feeds", tt.name, f.URL, err, tt.titled)
		}
	}
}
