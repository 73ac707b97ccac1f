package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
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
		"already subscribed to " + subscribed + "; tag #tech added (its tags now: #blog #tech)\n" +
		"tidings fetch brings the new feed's articles\n" +
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
	if want := "1 feed in " + path + ": 1 new, 0 already subscribed\ntidings fetch brings the new feed's articles\n"; b.String() != want {
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
		"tidings fetch brings the new feeds' articles\n" +
		"warning: " + path + ": https://w.example/feed is listed 2 times; it is one subscription, with the tags of every folder it is in\n"
	if b.String() != want {
		t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
	}
}

// checkOPMLRoundTrip exports from's subscriptions as OPML, imports the file
// into a fresh library, and checks that it gives the same feeds, with the
// same names, sites and tags, without a problem or a warning, each listed
// once in the file. It returns how many feeds the import added.
func checkOPMLRoundTrip(t *testing.T, from *store.Store) int {
	t.Helper()
	ctx := context.Background()
	to := openStore(t)
	var file bytes.Buffer
	if err := ExportOPML(ctx, from, &file); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export.opml")
	if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	added, problems, err := ImportOPML(ctx, to, path, &b)
	if err != nil || len(problems) != 0 || strings.Contains(b.String(), "warning") {
		t.Fatalf("ImportOPML = %d, %q, %v:\n%s", added, problems, err, b.String())
	}
	want, err := from.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := to.Feeds(ctx)
	if err != nil || len(got) != len(want) {
		t.Fatalf("Feeds = %+v, %v", got, err)
	}
	for i := range want {
		if got[i].URL != want[i].URL || got[i].Title != want[i].Title || got[i].SiteURL != want[i].SiteURL || !slices.Equal(got[i].Tags, want[i].Tags) {
			t.Errorf("imported %s %q %q, exported %s %q %q\n%s", got[i].URL, got[i].Title, got[i].Tags,
				want[i].URL, want[i].Title, want[i].Tags, file.String())
		}
		if n := strings.Count(file.String(), `xmlUrl="`+strings.ReplaceAll(want[i].URL, "&", "&amp;")+`"`); n != 1 {
			t.Errorf("%s is listed %d times:\n%s", want[i].URL, n, file.String())
		}
	}
	return added
}

// TestOPMLExportImportKeepsTags: a library's subscriptions exported and
// imported into another keep their names and every tag, and the import
// does not warn that a feed is listed in several folders: the file says so.
func TestOPMLExportImportKeepsTags(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		feeds []store.Feed
	}{
		{"no tags", []store.Feed{{URL: "https://a.example/feed", Title: "A"}}},
		{"one tag", []store.Feed{{URL: "https://a.example/feed", Title: "A", Tags: []string{"news"}}}},
		{"several, shared", []store.Feed{
			{URL: "https://a.example/feed", Title: "A", Tags: []string{"local", "news", "~My Gazette"}},
			{URL: "https://b.example/feed", Title: "B", Tags: []string{"news", "tech", "!"}},
			{URL: "https://c.example/feed", Title: "C", Tags: []string{"Deutsch/Köln", "long read"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from := openStore(t)
			for _, f := range tc.feeds {
				if _, err := from.Subscribe(ctx, f); err != nil {
					t.Fatal(err)
				}
			}
			if added := checkOPMLRoundTrip(t, from); added != len(tc.feeds) {
				t.Errorf("%d feeds added, want %d", added, len(tc.feeds))
			}
		})
	}
}

// TestOPMLImportNewsboatCategories: newsboat's category markers name and
// hide feeds; they are not tags.
func TestOPMLImportNewsboatCategories(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	path := filepath.Join(t.TempDir(), "newsboat.opml")
	opml := `<?xml version="1.0"?><opml version="2.0"><head><title>Newsboat - Exported Feeds</title></head><body>
<outline type="rss" xmlUrl="https://g.example/rss.xml" title="Gazette" text="Gazette" category="local,news,~My Gazette"/>
<outline type="rss" xmlUrl="https://a.example/atom.xml" title="Ada’s Notebook" text="Ada’s Notebook" category="tech,!"/>
</body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, problems, err := ImportOPML(ctx, st, path, io.Discard); err != nil || len(problems) != 0 {
		t.Fatalf("ImportOPML: %q, %v", problems, err)
	}
	subs, err := st.Feeds(ctx)
	if err != nil || len(subs) != 2 {
		t.Fatalf("Feeds = %+v, %v", subs, err)
	}
	for i, want := range []struct {
		title string
		tags  []string
	}{{"Ada’s Notebook", []string{"tech"}}, {"My Gazette", []string{"local", "news"}}} {
		if subs[i].Title != want.title || !slices.Equal(subs[i].Tags, want.tags) {
			t.Errorf("feed %d: %q %q, want %q %q", i, subs[i].Title, subs[i].Tags, want.title, want.tags)
		}
	}
}

// nestedOPML is an OPML file of depth folders, each inside the one before
// and each listing a feed of its own before the next folder, one outline a
// line: line 2 opens folder f0.
func nestedOPML(depth int) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>\n")
	for i := range depth {
		fmt.Fprintf(&b, "<outline text=\"f%d\">\n<outline type=\"rss\" text=\"feed%d\" xmlUrl=\"https://n.example/%d.xml\"/>\n", i, i, i)
	}
	b.WriteString(strings.Repeat("</outline>", depth) + "\n</body></opml>\n")
	return b.String()
}

// TestOPMLImportCutsDeepFolders: folders nested deeper than
// feeds.MaxOPMLDepth are not tags of the feeds in them, which are
// subscribed all the same, and a warning names the line of the first.
func TestOPMLImportCutsDeepFolders(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	const depth = feeds.MaxOPMLDepth + 5
	path := filepath.Join(t.TempDir(), "nested.opml")
	if err := os.WriteFile(path, []byte(nestedOPML(depth)), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	added, problems, err := ImportOPML(ctx, st, path, &b)
	if err != nil || added != depth || len(problems) != 0 {
		t.Fatalf("ImportOPML = %d, %q, %v", added, problems, err)
	}
	want := fmt.Sprintf("%d feeds in %s: %d new, 0 already subscribed\n"+
		"tidings fetch brings the new feeds' articles\n"+
		"warning: %s:%d: folder \"f%d\" is nested in %d folders: it and the folders inside it are not tags of their feeds\n",
		depth, path, depth, path, 2*feeds.MaxOPMLDepth+2, feeds.MaxOPMLDepth, feeds.MaxOPMLDepth)
	if b.String() != want {
		t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
	}
	subs, err := st.Feeds(ctx)
	if err != nil || len(subs) != depth {
		t.Fatalf("Feeds = %d, %v", len(subs), err)
	}
	for _, s := range subs {
		var i int
		fmt.Sscanf(s.Title, "feed%d", &i)
		if want := min(i+1, feeds.MaxOPMLDepth); len(s.Tags) != want || s.Tags[0] != "f0" {
			t.Errorf("%s has tags %q, want f0 to f%d", s.Title, s.Tags, want-1)
		}
	}
}

// TestOPMLLibraryRoundTrip: an OPML file imported, exported and imported
// into a fresh library gives the same subscriptions, with the same names
// and tags, in an export that lists each feed once; nested folders too.
func TestOPMLLibraryRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	markers := filepath.Join(dir, "markers.opml")
	if err := os.WriteFile(markers, []byte(`<?xml version="1.0"?><opml version="2.0"><body>
<outline text="news"><outline text="a, b"><outline type="rss" text="G" xmlUrl="https://g.example/rss" category="world,~My Gazette"/></outline></outline>
<outline text="!"><outline type="rss" text="H" xmlUrl="https://h.example/rss" category="tech"/></outline>
<outline text="tech"><outline type="rss" text="H" xmlUrl="https://h.example/rss"/><outline type="rss" text="I" xmlUrl="https://i.example/rss"/></outline>
<outline type="rss" text="Plain" xmlUrl="https://p.example/rss"/>
</body></opml>`), 0o644); err != nil {
		t.Fatal(err)
	}
	nested := filepath.Join(dir, "nested.opml")
	if err := os.WriteFile(nested, []byte(nestedOPML(feeds.MaxOPMLDepth+10)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"../../feeds/testdata/feeds/feedly.opml", "../../feeds/testdata/feeds/newsboat.opml", markers, nested} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			from := openStore(t)
			if _, _, err := ImportOPML(ctx, from, path, io.Discard); err != nil {
				t.Fatal(err)
			}
			checkOPMLRoundTrip(t, from)
		})
	}
}

// TestOPMLImportNotesWithoutPasswords: what an OPML import says of a feed
// already subscribed to with a password in its address (a tag added, a new
// name) names it without the password.
func TestOPMLImportNotesWithoutPasswords(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	const url = "https://alice:s3cret@a.example/feed.xml"
	if _, err := st.Subscribe(ctx, store.Feed{URL: url, Title: "A"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "subs.opml")
	opml := `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="tech"><outline type="rss" text="A" xmlUrl="` + url + `"/></outline>
</body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, _, err := ImportOPML(ctx, st, path, &b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "s3cret") || !strings.Contains(b.String(), "already subscribed to https://alice@a.example/feed.xml; tag #tech added") {
		t.Errorf("printed\n%s", b.String())
	}
}
