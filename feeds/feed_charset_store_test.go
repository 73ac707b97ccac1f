package feeds_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFetchByteFromWordKeepsStoredText: a UTF-8 feed that one day brings
// an entry with a byte pasted from Word adds that entry, the byte
// replaced and a warning saying so; the entries stored the day before
// stay as they are (not "updated" into mojibake) and the feed keeps its
// name.
func TestFetchByteFromWordKeepsStoredText(t *testing.T) {
	const day1 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Köln Kurier</title><link>https://koeln.example/</link><description>x</description>` +
		`<item><title>Zoë’s café — naïve résumé</title><link>https://koeln.example/1</link><guid>ko-1</guid>` +
		`<pubDate>Wed, 25 Nov 2026 08:00:00 +0000</pubDate><description>Grüße aus Köln. 日本語.</description></item></channel></rss>`
	day2 := strings.Replace(day1, "<item>", `<item><title>Pasted from Word</title><link>https://koeln.example/2</link><guid>ko-2</guid>`+
		`<pubDate>Thu, 26 Nov 2026 09:00:00 +0000</pubDate><description>It`+"\x92"+`s pasted.</description></item><item>`, 1)

	sf := newServedFeed(t, "/koeln.rss", "application/rss+xml", []byte(day1))
	if _, st := sf.fetch(); st.Added != 1 {
		t.Fatalf("day 1: %+v", st.ImportStats)
	}
	first := sf.article("ko-1")
	sf.serve([]byte(day2))
	r, st := sf.fetch()
	if st.Added != 1 || st.Updated != 0 || st.Unchanged != 1 {
		t.Errorf("day 2: %+v, want 1 added, 1 unchanged", st.ImportStats)
	}
	if r.Warning != "not valid UTF-8; 1 byte replaced" {
		t.Errorf("warning %q", r.Warning)
	}
	if again := sf.article("ko-1"); again.Title != "Zoë’s café — naïve résumé" || again.Body != first.Body || again.Source != "Köln Kurier" {
		t.Errorf("day 1's entry now %q %q from %q", again.Title, again.Body, again.Source)
	}
	if pasted := sf.article("ko-2"); pasted.Body != "It\uFFFDs pasted." || pasted.Source != "Köln Kurier" {
		t.Errorf("day 2's entry %q from %q", pasted.Body, pasted.Source)
	}
	if stored, err := sf.lib.FeedByURL(context.Background(), sf.url); err != nil || stored.Title != "Köln Kurier" {
		t.Errorf("feed title %q, %v", stored.Title, err)
	}
}

// TestFetchQuotesFromWordKeepStoredText: the tester's English feed, which
// declares UTF-8 and has two UTF-8 characters, brings one day an entry
// with two pairs of quotes pasted from Word: that entry is added with the
// quotes replaced, and the entry and the feed name stored the day before
// keep their text, where the fetch read the feed as Windows-1252 and
// updated them into "itâ€™s" from "KÃ¶ln Kurier".
func TestFetchQuotesFromWordKeepStoredText(t *testing.T) {
	serve := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	sf := newServedFeed(t, "/kurier.rss", "application/rss+xml; charset=utf-8", serve("feed-utf8-clean.xml"))
	if _, st := sf.fetch(); st.Added != 1 {
		t.Fatalf("day 1: %+v", st.ImportStats)
	}
	sf.serve(serve("feed-utf8-wordquotes.xml"))
	r, st := sf.fetch()
	if st.Added != 1 || st.Updated != 0 || st.Unchanged != 1 {
		t.Errorf("day 2: %+v, want 1 added, 1 unchanged", st.ImportStats)
	}
	if r.Warning != "not valid UTF-8; 4 bytes replaced" {
		t.Errorf("warning %q", r.Warning)
	}
	if first := sf.article("k1"); first.Title != "Rathaus: it’s the budget" || first.Source != "Köln Kurier" {
		t.Errorf("day 1's entry now %q from %q", first.Title, first.Source)
	}
	if pasted := sf.article("k2"); pasted.Title != "Mayor says \uFFFDno comment\uFFFD" || pasted.Body != "Asked about the \uFFFDharbour plan\uFFFD, she left." {
		t.Errorf("day 2's entry %q %q", pasted.Title, pasted.Body)
	}
	if stored, err := sf.lib.FeedByURL(context.Background(), sf.url); err != nil || stored.Title != "Köln Kurier" {
		t.Errorf("feed title %q, %v", stored.Title, err)
	}
}
