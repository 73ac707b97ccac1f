package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tidings/store"
	"tidings/store/query"
)

// TestOPMLImportNewsboatURLs: opml import reads newsboat's urls file into a
// library: each feed with its tags and its ~name, a feed already subscribed
// gaining the file's tags; the lines it cannot subscribe to are warnings
// naming their lines, a query feed's with the search that finds its
// articles when there is one; and it says that fetch brings the articles.
func TestOPMLImportNewsboatURLs(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := st.Subscribe(ctx, store.Feed{URL: "https://old.example/feed", Title: "Old", Tags: []string{"blog"}}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "urls")
	urls := "# newsboat urls\r\n" +
		"https://a.example/feed.xml tech \"long read\" \"~The A Feed\" !\r\n" +
		"\r\n" +
		"http://b.example/rss été # a comment\r\n" +
		`"query:Unread Articles:unread = \"yes\""` + "\r\n" +
		`"query:Local news:tags # \"local\" and age < 7"` + "\r\n" +
		`"query:Gentoo:title =~ \"Gentoo\""` + "\r\n" +
		"exec:~/bin/weather.sh\r\n" +
		"filter:~/bin/clean.sh:https://c.example/feed\r\n" +
		"https://old.example/feed news\r\n"
	if err := os.WriteFile(path, []byte(urls), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	added, problems, err := ImportOPML(ctx, st, path, &b)
	if err != nil || added != 2 || len(problems) != 0 {
		t.Fatalf("ImportOPML = %d, %q, %v\n%s", added, problems, err, b.String())
	}
	want := "3 feeds in " + path + ": 2 new, 1 already subscribed\n" +
		"already subscribed to https://old.example/feed; tag #news added (its tags now: #blog #news)\n" +
		"tidings fetch brings the new feeds' articles\n" +
		"warning: " + path + `:5: query feed "Unread Articles" (unread = "yes") skipped: tidings has no query feeds; ` +
		"the search is:unread finds its articles: save it with ctrl-s in the list's filter (/), or as a [[search]] in config.toml\n" +
		"warning: " + path + `:6: query feed "Local news" (tags # "local" and age < 7) skipped: tidings has no query feeds; ` +
		"the search tag:local since:7d finds its articles: save it with ctrl-s in the list's filter (/), or as a [[search]] in config.toml\n" +
		"warning: " + path + `:7: query feed "Gentoo" (title =~ "Gentoo") skipped: tidings has no query feeds; ` +
		"write it as a search (see the README's Queries) and save it with ctrl-s in the list's filter (/)\n" +
		"warning: " + path + `:8: "exec:~/bin/weather.sh" is a feed a program writes (newsboat's exec:): skipped; tidings fetches feeds over http(s) only` + "\n" +
		"warning: " + path + `:9: "filter:~/bin/clean.sh:https://c.example/feed" passes a feed through a program (newsboat's filter:): skipped; ` +
		"tidings feed add https://c.example/feed subscribes to it unfiltered\n"
	if b.String() != want {
		t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
	}
	subs, err := st.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]store.Feed{}
	for _, s := range subs {
		got[s.URL] = store.Feed{Title: s.Title, Tags: s.Tags}
	}
	wantFeeds := map[string]store.Feed{
		"https://a.example/feed.xml": {Title: "The A Feed", Tags: []string{"tech", "long read"}},
		"http://b.example/rss":       {Tags: []string{"été"}},
		"https://old.example/feed":   {Title: "Old", Tags: []string{"blog", "news"}},
	}
	if !reflect.DeepEqual(got, wantFeeds) {
		t.Errorf("feeds %+v\nwant %+v", got, wantFeeds)
	}

	// Again: nothing new, and nothing to fetch said.
	b.Reset()
	if added, _, err := ImportOPML(ctx, st, path, &b); err != nil || added != 0 ||
		!strings.HasPrefix(b.String(), "3 feeds in "+path+": 0 new, 3 already subscribed\nwarning: ") {
		t.Errorf("again: %d, %v:\n%s", added, err, b.String())
	}
}

// TestOPMLImportNeither: a file that is neither OPML nor a urls file fails
// saying what opml import reads and how newsboat exports OPML, and
// subscribes to nothing.
func TestOPMLImportNeither(t *testing.T) {
	ctx := context.Background()
	for name, tc := range map[string]struct {
		file string
		want string
	}{
		"prose": {"Dear diary,\nhttps://a.example/feed\ntoday\n",
			`not an OPML file, and not a newsboat urls file: line 1 does not start with a feed's address ("Dear diary,"); `},
		"empty":   {"", "not an OPML file, and not a newsboat urls file: it names no feed; "},
		"RSS":     {`<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, "not an OPML file: the root element is <rss>; "},
		"escapes": {"\x1b[31mred\x1b[0m words\n", `line 1 does not start with a feed's address ("red words")`},
	} {
		t.Run(name, func(t *testing.T) {
			st := openStore(t)
			path := filepath.Join(t.TempDir(), "file")
			if err := os.WriteFile(path, []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			added, _, err := ImportOPML(ctx, st, path, &b)
			if err == nil || added != 0 {
				t.Fatalf("ImportOPML = %d, %v", added, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, path+": ") || !strings.Contains(msg, tc.want) ||
				!strings.HasSuffix(msg, "opml import reads an OPML file, or newsboat's urls file (a feed's address a line, then its tags); "+
					"newsboat -e > feeds.opml writes newsboat's feeds as OPML (--export-to-opml2 with their tags)") {
				t.Errorf("error %q, want one with %q", msg, tc.want)
			}
			if strings.ContainsRune(msg, 0x1b) {
				t.Errorf("error %q has an escape", msg)
			}
			if subs, err := st.Feeds(ctx); err != nil || len(subs) != 0 {
				t.Errorf("subscribed to %+v, %v", subs, err)
			}
		})
	}
}

// TestNewsboatQuery: a newsboat query feed's plain expression becomes the
// search of tidings that finds its articles, which parses back as itself;
// any other has none.
func TestNewsboatQuery(t *testing.T) {
	for expr, want := range map[string]string{
		`unread = "yes"`:                    "is:unread",
		`unread == "yes"`:                   "is:unread",
		`unread != "yes"`:                   "is:read",
		`unread = "no"`:                     "is:read",
		`tags # "tech"`:                     "tag:tech",
		`tags # "long read"`:                `tag:"long read"`,
		`tags # "Été"`:                      "tag:Été",
		`tags !# "sport"`:                   "-tag:sport",
		`age < 7`:                           "since:7d",
		`age <= 6`:                          "since:7d",
		`feedtitle = "Hacker News"`:         `feed:"Hacker News"`,
		`rssurl = "https://a.example/feed"`: "feed:https://a.example/feed",
		`unread = "yes" and tags # "news"`:  "is:unread tag:news",
		`tags # "a" or tags # "b"`:          "tag:a OR tag:b",
		`unread="yes" AND age<3`:            "is:unread since:3d",
		`tags # "say \"hi\""`:               `tag:"say \"hi\""`,
		`( unread = "yes" )`:                `is:unread`,
		`unread = "yes" and (tags # "podcast" or tags # "audio")`: `is:unread (tag:podcast OR tag:audio)`,
		`(tags # "a" or tags # "b") and ((age < 2))`:              `(tag:a OR tag:b) since:2d`,
		// None.
		`title =~ "Gentoo"`:                      "",
		`unread = "maybe"`:                       "",
		`( unread = "yes"`:                       "",
		`unread = "yes" )`:                       "",
		`()`:                                     "",
		`(tags # "a" or tags # "b" and age < 2)`: "",
		`unread = "yes" and tags # "a" or age < 2`: "",
		`age > 7`:            "",
		`age < 0`:            "",
		`age < "7"`:          "",
		`age between 0:10`:   "",
		`tags # "a`:          "",
		`flags # "s"`:        "",
		`unread = "yes" and`: "",
		``:                   "",
	} {
		got, ok := newsboatQuery(expr)
		if got != want || ok != (want != "") {
			t.Errorf("newsboatQuery(%q) = %q, %v; want %q", expr, got, ok, want)
			continue
		}
		if !ok {
			continue
		}
		n, err := query.Parse(got)
		if err != nil || n.String() != got {
			t.Errorf("%q parses as %q, %v", got, n.String(), err)
		}
	}
}
