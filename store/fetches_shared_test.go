package store

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// feedsServer serves RSS feeds whose entries and permanent redirects a test
// sets as it goes.
type feedsServer struct {
	*httptest.Server
	mu     sync.Mutex
	guids  map[string][]string // a feed's entries, by path
	bodies map[string]string   // an entry's text in a feed, by path and guid
	moved  map[string]string   // where a path moved for good
}

func newFeedsServer(t *testing.T) *feedsServer {
	f := &feedsServer{guids: map[string][]string{}, bodies: map[string]string{}, moved: map[string]string{}}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		if to, ok := f.moved[r.URL.Path]; ok {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		guids, ok := f.guids[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		var items strings.Builder
		for _, g := range guids {
			body, ok := f.bodies[r.URL.Path+"#"+g]
			if !ok {
				body = "Text of " + g + "."
			}
			fmt.Fprintf(&items, `<item><title>Post %s</title><guid>%s</guid><link>https://blog.example/%s</link>`+
				`<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><description>%s</description></item>`, g, g, g, body)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog`+r.URL.Path+
			`</title><link>https://blog.example/</link>`+items.String()+`</channel></rss>`)
	}))
	t.Cleanup(f.Close)
	return f
}

// serve has path serve the entries guids.
func (f *feedsServer) serve(path string, guids ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.guids[path] = guids
}

// move has path answer 301 to another.
func (f *feedsServer) move(path, to string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.moved[path] = to
}

// TestMergeFoldsTheEntriesBothFeedsCarried: when a feed moves for good to
// one followed already and both carried the same entries (a category feed's
// posts are in the blog's main feed), each entry is one article after the
// merge, the followed feed's, with what the reader did to either copy: read
// or starred if either was, the tags of both (the reader's if either was),
// the notes of both (one the two had alike, once), the reader's title. The
// full-text index finds each once, notes and title as they are now. An
// entry only the moved feed had moves over as it was.
func TestMergeFoldsTheEntriesBothFeedsCarried(t *testing.T) {
	for _, order := range []string{"moved feed first", "followed feed first"} {
		t.Run(order, func(t *testing.T) {
			ctx := context.Background()
			srv := newFeedsServer(t)
			srv.serve("/cat.xml", "e1", "e2", "e3", "o1")
			srv.serve("/feed.xml", "e1", "e2", "e3", "n1")
			// The main feed's version of e1 was edited since.
			srv.bodies["/feed.xml#e1"] = "A preface. Text of e1, about the harbour wall."
			srv.bodies["/cat.xml#e1"] = "Text of e1, about the harbour wall. Closed on Sundays."
			cat, main := srv.URL+"/cat.xml", srv.URL+"/feed.xml"
			fetchOrder := []string{cat, main}
			if order == "followed feed first" {
				fetchOrder = []string{main, cat}
			}
			s := openTemp(t)
			if _, err := s.Subscribe(ctx, Feed{URL: cat, Tags: []string{"go"}}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Subscribe(ctx, Feed{URL: main, Tags: []string{"blog"}}); err != nil {
				t.Fatal(err)
			}
			fetchFeeds(t, s, fetchOrder...)
			id := func(feed, guid string) int64 { return mustArticleID(t, s, "feed:"+feed+"#"+guid) }
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			note := func(id int64, quote, text string) {
				t.Helper()
				_, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Quote: quote, Note: text})
				must(err)
			}
			// e1: the reader read, starred, tagged, annotated and retitled
			// the category's copy.
			c1 := id(cat, "e1")
			must(s.SetRead(ctx, []int64{c1}, true))
			must(s.SetStarred(ctx, []int64{c1}, true))
			must(s.Tag(ctx, []int64{c1}, []string{"keep"}, nil))
			note(c1, "", "walk there in spring")
			note(c1, "harbour wall", "built 1890")
			note(c1, "Closed on Sundays", "not any more")
			must(s.Retitle(ctx, c1, "Crumbling masonry"))
			// e2: the main feed's copy was read and retitled, the
			// category's retitled otherwise; both have the same note.
			c2, m2 := id(cat, "e2"), id(main, "e2")
			must(s.SetRead(ctx, []int64{m2}, true))
			must(s.Retitle(ctx, m2, "Theirs"))
			must(s.Retitle(ctx, c2, "Mine"))
			note(c2, "", "the same note")
			note(m2, "", "the same note")
			// e3: a rule tagged the main feed's copy, the reader tagged the
			// category's alike.
			if _, err := s.ApplyRules(ctx, []Rule{{Query: "post", Tags: []string{"flagged"}}}, []string{"feed:" + main + "#e3"}); err != nil {
				t.Fatal(err)
			}
			c3 := id(cat, "e3")
			must(s.Tag(ctx, []int64{c3}, []string{"flagged"}, nil))
			// o1: only the category had it.
			o1 := id(cat, "o1")
			must(s.SetRead(ctx, []int64{o1}, true))

			srv.move("/cat.xml", "/feed.xml")
			fetchFeeds(t, s, fetchOrder...)
			fetchFeeds(t, s) // every feed, as tidings fetch does, once more

			subs, err := s.Feeds(ctx)
			if err != nil || len(subs) != 1 || subs[0].URL != main {
				t.Fatalf("subscriptions %+v, %v; want the main feed alone", subs, err)
			}
			if n, err := s.Count(ctx, ""); err != nil || n != 5 {
				t.Errorf("%d articles, %v; want e1, e2, e3, o1 and n1 once each", n, err)
			}
			for _, g := range []string{"e1", "e2", "e3"} {
				if _, err := s.ArticleByExternalID(ctx, "feed:"+cat+"#"+g); !errors.Is(err, ErrNotFound) {
					t.Errorf("the category's copy of %s is still there (%v)", g, err)
				}
			}

			a := mustArticle(t, s, id(main, "e1"))
			if !a.Read() || !a.Starred || a.Title != "Crumbling masonry" || !a.Retitled || a.Annotations != 3 ||
				sortedTags(a.Tags) != "blog,go,keep" || a.FeedID != subs[0].ID {
				t.Errorf("e1: read %v, starred %v, title %q (retitled %v), %d notes, tags %s, feed %d; want read, starred, Crumbling masonry, 3 notes, tags blog go keep, feed %d",
					a.Read(), a.Starred, a.Title, a.Retitled, a.Annotations, sortedTags(a.Tags), a.FeedID, subs[0].ID)
			}
			notes, err := s.Annotations(ctx, a.ID)
			must(err)
			// Passage notes are anchored in the main feed's version.
			for _, n := range notes {
				switch {
				case n.Note == "built 1890" && (n.Orphaned || !strings.Contains(n.Prefix, "preface")):
					t.Errorf("e1's note %q: orphaned %v, prefix %q; want its passage found in the main feed's version", n.Note, n.Orphaned, n.Prefix)
				case n.Note == "not any more" && !n.Orphaned:
					t.Errorf("e1's note %q is on a passage the main feed's version lacks, and not orphaned", n.Note)
				}
			}
			a = mustArticle(t, s, m2)
			if !a.Read() || a.Title != "Theirs" || a.Annotations != 1 {
				t.Errorf("e2: read %v, title %q, %d notes; want read, Theirs (the survivor's own retitle), the note once",
					a.Read(), a.Title, a.Annotations)
			}
			a = mustArticle(t, s, id(main, "e3"))
			if i := slices.IndexFunc(a.Tags, func(t ArticleTag) bool { return t.Name == "flagged" }); i < 0 || a.Tags[i].ByRule {
				t.Errorf("e3's tags %+v; want flagged, the reader's", a.Tags)
			}
			if a := mustArticle(t, s, o1); !a.Read() || a.FeedID != subs[0].ID {
				t.Errorf("o1: read %v, feed %d; want read, moved to feed %d", a.Read(), a.FeedID, subs[0].ID)
			}

			for q, want := range map[string][]int64{
				"spring":                      {id(main, "e1")},
				"1890":                        {id(main, "e1")},
				`title:masonry`:               {id(main, "e1")},
				`"the same note"`:             {m2},
				`title:mine`:                  nil,
				`feed:"` + main + `" is:read`: {o1, m2, id(main, "e1")},
			} {
				got := idsOf(t, s, q)
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s finds %v, want %v", q, got, want)
				}
			}
			// The index has a row for each article and no other.
			for word, want := range map[string]int{"text": 5, "spring": 1, "masonry": 1, "mine": 0} {
				var n int
				if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM article_fts WHERE article_fts MATCH ?`, word).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != want {
					t.Errorf("%d rows of the index have %q, want %d", n, word, want)
				}
			}
		})
	}
}

// TestMergeFoldsByTheAddressesTheIDsWereMadeOf: a feed that moved before
// keeps the ids its first address gave its articles, and a feed followed
// under two addresses is one set of entries: the merge matches each entry
// by the address its ids were made of.
func TestMergeFoldsByTheAddressesTheIDsWereMadeOf(t *testing.T) {
	ctx := context.Background()
	srv := newFeedsServer(t)
	first, second, followed := srv.URL+"/a.xml", srv.URL+"/a2.xml", srv.URL+"/b.xml"
	srv.serve("/a.xml", "x1", "x2")
	srv.serve("/a2.xml", "x1", "x2")
	srv.serve("/b.xml", "x1", "x2", "x3")
	s := openTemp(t)
	if _, err := s.Subscribe(ctx, Feed{URL: first}); err != nil {
		t.Fatal(err)
	}
	fetchFeeds(t, s)
	srv.move("/a.xml", "/a2.xml")
	fetchFeeds(t, s) // followed at /a2.xml now, its ids still of /a.xml
	if _, err := s.Subscribe(ctx, Feed{URL: followed}); err != nil {
		t.Fatal(err)
	}
	fetchFeeds(t, s)
	read := mustArticleID(t, s, "feed:"+first+"#x2")
	if err := s.SetRead(ctx, []int64{read}, true); err != nil {
		t.Fatal(err)
	}
	srv.move("/a2.xml", "/b.xml")
	fetchFeeds(t, s)

	if n, err := s.Count(ctx, ""); err != nil || n != 3 {
		t.Errorf("%d articles, %v; want x1, x2 and x3 once each", n, err)
	}
	if a := mustArticle(t, s, mustArticleID(t, s, "feed:"+followed+"#x2")); !a.Read() {
		t.Error("x2 is unread: the copy the reader read was not folded into the followed feed's")
	}
	if _, err := s.FeedByURL(ctx, second); !errors.Is(err, ErrNotFound) {
		t.Errorf("the moved feed is still followed (%v)", err)
	}
}
