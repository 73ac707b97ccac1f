package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
)

// checkBaseForms fails unless every moved feed keeps the normal form of
// the address it moved from in id_base_normal.
func checkBaseForms(t *testing.T, s *Store) {
	t.Helper()
	rows, err := s.db.Query(`SELECT url, id_base, id_base_normal FROM feeds WHERE id_base <> ''`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var url, base, normal string
		if err := rows.Scan(&url, &base, &normal); err != nil {
			t.Fatal(err)
		}
		if want := feeds.NormalizeURL(base); normal != want {
			t.Errorf("feed %s, moved from %s: id_base_normal %q, want %q", url, base, normal, want)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestMovedFeedFoundByTheAddressItHad: a feed that moved for good (301) is
// found by the address it was subscribed at, in any spelling, as by its
// new one: it is fetched by it, subscribing to it again is subscribing to
// it as it is, and removing it by it removes it. A feed at that address
// now comes first.
func TestMovedFeedFoundByTheAddressItHad(t *testing.T) {
	ctx := context.Background()
	srv := newBlogServer(t)
	s := openTemp(t)
	old, moved := srv.URL+"/a.xml", srv.URL+"/a-new.xml"
	if _, err := s.Subscribe(ctx, Feed{URL: old, Tags: []string{"a"}}); err != nil {
		t.Fatal(err)
	}
	fetchFeeds(t, s)
	srv.retire()
	fetchFeeds(t, s) // moved to /a-new.xml
	checkBaseForms(t, s)
	spelled := strings.Replace(old, "http://", "HTTP://", 1) + "#top"
	checkFeedURLs(t, s, map[string]string{
		old:                  moved,
		spelled:              moved,
		"feed:" + old:        moved,
		moved:                moved,
		srv.URL + "/b.xml":   "",
		srv.URL + "/A.xml":   "", // a path in another case is another feed
		srv.URL + "/a.xml/":  "",
		srv.URL + "/a-n.xml": "",
	})
	if got := fetchFeeds(t, s, spelled); got[moved].Err != nil || len(got[moved].Articles) != 1 {
		t.Errorf("fetching it by the address it had: %+v", got)
	}
	sub, err := s.Subscribe(ctx, Feed{URL: old, Tags: []string{"b"}})
	if err != nil || sub.New || sub.Feed.URL != moved || !slices.Equal(sub.Feed.Tags, []string{"a", "b"}) {
		t.Errorf("Subscribe(%s) = %+v, %v; want the feed at %s, tagged a and b", old, sub, err, moved)
	}

	// Another feed at that address now is found by it; the moved feed by
	// its own.
	if _, err := olderTidings(t, s.Path()).Exec(`INSERT INTO feeds(url) VALUES (?)`, old); err != nil {
		t.Fatal(err)
	}
	checkFeedURLs(t, s, map[string]string{old: old, spelled: old, moved: moved})
	if _, err := s.RemoveFeed(ctx, old, false); err != nil {
		t.Fatal(err)
	}

	if r, err := s.RemoveFeed(ctx, spelled, false); err != nil || r.Articles != 1 {
		t.Errorf("RemoveFeed(%s) = %+v, %v; want the moved feed and its article removed", spelled, r, err)
	}
	checkFeedURLs(t, s, map[string]string{old: "", moved: ""})
	if n, err := s.Count(ctx, ""); err != nil || n != 1 {
		t.Errorf("%d articles, %v; want its article kept", n, err)
	}
}

// TestMovedFeedsAfterUpgrade: in a library of schema 16, a feed that
// moved from an address stored as a tidings from before normalising stored
// it is found by any spelling of it after the upgrade, through an index;
// one another program moves without its normal form is found all the same
// and given it by the next subscription.
func TestMovedFeedsAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	path, db := oldLibrary(t, 16)
	execAll(t, db,
		`INSERT INTO feeds(id, url, url_normal, id_base) VALUES
			(1, 'https://new.example.com/rss', 'https://new.example.com/rss', 'HTTP://Old.Example.com:80/rss'),
			(2, 'https://two.example.com/rss', 'https://two.example.com/rss', '')`)
	s := upgrade(t, path, db)
	checkBaseForms(t, s)
	want := map[string]string{
		"http://old.example.com/rss":      "https://new.example.com/rss",
		"HTTP://Old.Example.com:80/rss":   "https://new.example.com/rss",
		"http://OLD.example.com/rss#x":    "https://new.example.com/rss",
		"http://old.example.com/RSS":      "",
		"https://two.example.com/rss":     "https://two.example.com/rss",
		"https://three.example.com/rss":   "",
		"https://three-old.example.com/a": "",
	}
	checkFeedURLs(t, s, want)

	// Another program moves a feed as tidings does, and a tidings from
	// before migration 16 one whose address has no normal form yet.
	older := olderTidings(t, s.Path())
	execAll(t, older,
		`INSERT INTO feeds(id, url, url_normal, id_base) VALUES (3, 'https://three.example.com/rss', 'https://three.example.com/rss', 'HTTPS://Three-Old.Example.com/a')`,
		`INSERT INTO feeds(id, url) VALUES (4, 'https://Four.Example.com:443/rss')`,
		`UPDATE feeds SET url = 'https://four.example.com/new', id_base = url WHERE id = 4`)
	want["https://three.example.com/rss"] = "https://three.example.com/rss"
	want["https://three-old.example.com/a"] = "https://three.example.com/rss"
	want["https://four.example.com/rss"] = "https://four.example.com/new"
	checkFeedURLs(t, s, want)
	if _, err := s.Subscribe(ctx, Feed{URL: "https://five.example.com/rss"}); err != nil {
		t.Fatal(err)
	}
	checkBaseForms(t, s)
	checkNormalForms(t, s)
	checkFeedURLs(t, s, want)

	// Looking an address a feed moved from up probes the index.
	plan := explain(t, s, movedFromSQL, []any{"https://three-old.example.com/a"})
	if len(plan) != 1 || !strings.Contains(plan[0], "INDEX feeds_id_base_normal (id_base_normal=?)") {
		t.Errorf("%s:\n%s", movedFromSQL, strings.Join(plan, "\n"))
	}
}
