package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestOPMLImportKeepsUserNames: restoring an OPML backup made before a
// feed rename keeps the name the user gave (tidings' export writes the
// feed's own title, which is no name chosen over it), and says nothing of
// it; the backup read into a new library keeps the names it holds; a
// newsboat urls file's "~name", which the user wrote, renames the feed.
func TestOPMLImportKeepsUserNames(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	feed := serveFeed(t, atomFeed)
	if _, err := SubscribeFeed(ctx, st, feeds.NewFetcher(), nil, feed, nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	export := func(name string) string {
		var b bytes.Buffer
		if err := ExportOPML(ctx, st, &b); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	before := export("before.opml")
	if _, _, err := st.RenameFeed(ctx, feed, "My Blog"); err != nil {
		t.Fatal(err)
	}
	title := func(st *store.Store) string {
		t.Helper()
		subs, err := st.Feeds(ctx)
		if err != nil || len(subs) != 1 {
			t.Fatalf("Feeds = %+v, %v", subs, err)
		}
		return subs[0].Title
	}

	var out bytes.Buffer
	if _, _, err := ImportOPML(ctx, st, before, &out); err != nil {
		t.Fatal(err)
	}
	if got := title(st); got != "My Blog" {
		t.Errorf("after importing a backup from before the rename, the feed is named %q, want %q", got, "My Blog")
	}
	if strings.Contains(out.String(), "is named") {
		t.Errorf("the import says a name changed:\n%s", out.String())
	}

	// Export → import into a new library keeps the user's name.
	after := export("after.opml")
	fresh := openStore(t)
	if _, _, err := ImportOPML(ctx, fresh, after, &out); err != nil {
		t.Fatal(err)
	}
	if got := title(fresh); got != "My Blog" {
		t.Errorf("in a new library the feed is named %q, want %q", got, "My Blog")
	}

	// A urls file's "~name" is the user's word: it renames, and says so.
	urls := filepath.Join(dir, "urls")
	if err := os.WriteFile(urls, []byte(feed+` "~Newsboat Name"`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if _, _, err := ImportOPML(ctx, st, urls, &out); err != nil {
		t.Fatal(err)
	}
	if got := title(st); got != "Newsboat Name" {
		t.Errorf("after a urls file's ~name, the feed is named %q, want %q", got, "Newsboat Name")
	}
	if !strings.Contains(out.String(), `is named "Newsboat Name" now, not "My Blog"`) {
		t.Errorf("the urls import does not say the feed was renamed:\n%s", out.String())
	}
}
