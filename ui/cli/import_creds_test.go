package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestCredentialsNotShownByImports: the note of a JSON import that
// subscribed to its articles' feed, and opml import's warning of a feed
// listed twice, show the feed's address without its password; opml import
// of a feed subscribed to with another password keeps the one it has and
// says so, naming the feed without either.
func TestCredentialsNotShownByImports(t *testing.T) {
	ctx := context.Background()
	dir := tree(t, map[string]string{
		"a.jsonl": `{"external_id": "feed:http://example.org/a.xml#1", "title": "A", "source": "Desk", "body": "Body.", "feed": "http://alice:s3cret@example.org/a.xml"}` + "\n",
		"f.opml": `<opml version="2.0"><body><outline text="x"><outline text="A" type="rss" xmlUrl="http://alice:n3w@example.org/a.xml"/></outline>` +
			`<outline text="y"><outline text="A" type="rss" xmlUrl="http://alice:n3w@example.org/a.xml"/></outline></body></opml>`,
	}, nil)
	st := openStore(t)
	_, out := importPaths(t, st, dir, "a.jsonl")
	if want := "subscribed to 1 feed the articles came from: http://alice@example.org/a.xml "; !strings.Contains(out, want) || strings.Contains(out, "s3cret") {
		t.Errorf("the import says\n%s\nwant %q, without the password", out, want)
	}
	var w bytes.Buffer
	if _, _, err := ImportOPML(ctx, st, filepath.Join(dir, "f.opml"), &w); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"http://alice@example.org/a.xml is listed 2 times",
		"already subscribed to http://alice@example.org/a.xml with another password: the file's was not used",
	} {
		if !strings.Contains(w.String(), want) {
			t.Errorf("opml import does not say %q:\n%s", want, w.String())
		}
	}
	if strings.Contains(w.String(), "n3w") || strings.Contains(w.String(), "s3cret") {
		t.Errorf("opml import shows a password:\n%s", w.String())
	}
	sub, err := st.FeedByURL(ctx, "http://example.org/a.xml")
	if err != nil || sub.URL != "http://alice:s3cret@example.org/a.xml" {
		t.Errorf("the subscription is %q (%v), want the password it had kept", sub.URL, err)
	}
}
