package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tidings/store"
)

// TestOPMLImportKeepsTags: a feed already subscribed keeps its tags and
// gains its folders'; a feed listed twice in the file is one subscription
// with the tags of both folders, and the import says it was listed twice.
func TestOPMLImportKeepsTags(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	const subscribed, other = "https://a.example/feed.xml", "https://b.example/feed.xml"
	if _, err := st.Subscribe(ctx, store.Feed{URL: subscribed, Title: "A", Tags: []string{"blog"}}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "subs.opml")
	opml := `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="tech"><outline type="rss" text="A" xmlUrl="` + subscribed + `"/><outline type="rss" text="B" xmlUrl="` + other + `"/></outline>
<outline text="news"><outline type="rss" text="B again" xmlUrl=" ` + other + ` "/></outline>
</body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	added, problems, err := ImportOPML(ctx, st, path, &b)
	if err != nil || added != 1 || len(problems) != 0 {
		t.Fatalf("ImportOPML = %d, %v, %v", added, problems, err)
	}
	want := "2 feeds in " + path + ": 1 new, 1 already subscribed\n" +
		"already subscribed to " + subscribed + "; tag tech added (its tags now: blog tech)\n" +
		"warning: " + path + ": " + other + " is listed 2 times; it is one subscription, with the tags of every folder it is in\n"
	if b.String() != want {
		t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
	}
	subs, err := st.Feeds(ctx)
	if err != nil || len(subs) != 2 {
		t.Fatalf("Feeds = %+v, %v", subs, err)
	}
	for _, s := range subs {
		want := map[string][]string{subscribed: {"blog", "tech"}, other: {"tech", "news"}}[s.URL]
		if !slices.Equal(s.Tags, want) {
			t.Errorf("%s has tags %q, want %q", s.URL, s.Tags, want)
		}
	}

	// Importing the file again adds nothing and says so.
	b.Reset()
	if added, _, err := ImportOPML(ctx, st, path, &b); err != nil || added != 0 ||
		!strings.HasPrefix(b.String(), "2 feeds in "+path+": 0 new, 2 already subscribed\nwarning: ") {
		t.Errorf("again: %d, %v:\n%s", added, err, b.String())
	}
}

// TestOPMLImportNamesEachBadOutline: each outline that cannot be read is a
// problem of its own, naming its line.
func TestOPMLImportNamesEachBadOutline(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	path := filepath.Join(t.TempDir(), "subs.opml")
	opml := `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Good" xmlUrl="https://good.example/feed"/>
<outline text="Bad one" xmlUrl="javascript:alert(1)"/>
<outline text="Bad two" xmlUrl="ftp://files.example/feed"/>
</body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	added, problems, err := ImportOPML(ctx, st, path, &b)
	if err != nil || added != 1 || len(problems) != 2 {
		t.Fatalf("ImportOPML = %d, %q, %v", added, problems, err)
	}
	for i, want := range []string{`line 3: outline "Bad one"`, `line 4: outline "Bad two"`} {
		if !strings.Contains(problems[i].Reason, want) || strings.Count(problems[i].Reason, ": line ") != 1 {
			t.Errorf("problem %d: %q, want one naming %s alone", i, problems[i].Reason, want)
		}
	}
	if want := "1 feed in " + path + ": 1 new, 0 already subscribed\n"; b.String() != want {
		t.Errorf("printed %q, want %q", b.String(), want)
	}
}

// TestOPMLImportURLAttribute: outlines naming their feed with url count as
// those with xmlUrl do, listed twice too; a feed outline with no address is
// a problem naming its line.
func TestOPMLImportURLAttribute(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	path := filepath.Join(t.TempDir(), "subs.opml")
	opml := `<?xml version="1.0"?><opml version="1.0"><body>
<outline text="Smart Weekly" type="rss" url="https://w.example/feed"/>
<outline text="news"><outline text="Smart Weekly" type="rss" xmlUrl="https://w.example/feed"/></outline>
<outline text="Gazette" type="rss" xmlUrl="https://g.example/rss"/>
<outline text="Lost" type="rss"/>
</body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	added, problems, err := ImportOPML(ctx, st, path, &b)
	if err != nil || added != 2 || len(problems) != 1 || !strings.Contains(problems[0].Reason, `line 5: outline "Lost" is a feed with neither xmlUrl nor url`) {
		t.Fatalf("ImportOPML = %d, %q, %v", added, problems, err)
	}
	want := "2 feeds in " + path + ": 2 new, 0 already subscribed\n" +
		"warning: " + path + ": https://w.example/feed is listed 2 times; it is one subscription, with the tags of every folder it is in\n"
	if b.String() != want {
		t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
	}
}
