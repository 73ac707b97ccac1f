package feeds

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

const testFeedURL = "https://feeds.example.com/feed.xml"

// readFeedFile parses testdata/feeds/name as if fetched from testFeedURL.
func readFeedFile(t testing.TB, name, contentType string) Feed {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	feed, err := ParseFeed(data, contentType, "", Subscription{URL: testFeedURL, Tags: []string{"news", "#Local"}})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, a := range feed.Articles {
		checkFeedArticle(t, a)
	}
	return feed
}

// checkFeedArticle asserts what every article from a feed has: clean
// strings, the feed's URL and default tags, an id in the feed's namespace,
// no control characters, and a Normalize that changes nothing more.
func checkFeedArticle(t testing.TB, a Article) {
	t.Helper()
	for name, s := range map[string]string{"title": a.Title, "source": a.Source, "author": a.Author, "url": a.URL, "id": a.ExternalID} {
		if CleanLine(s) != s {
			t.Errorf("%s %q is not a clean line", name, s)
		}
	}
	checkTerminalSafe(t, "body", a.Body)
	if a.FeedURL == "" || !strings.HasPrefix(a.ExternalID, "feed:") {
		t.Errorf("article %q: feed URL %q, id %q", a.Title, a.FeedURL, a.ExternalID)
	}
	if a.Title == "" {
		t.Errorf("article %q has no title", a.ExternalID)
	}
	if !a.Published.IsZero() && a.Published.Location() != time.UTC {
		t.Errorf("published %v is not UTC", a.Published)
	}
	b := a
	b.Tags = slices.Clone(a.Tags)
	b.Warnings = slices.Clone(a.Warnings)
	Normalize(&b)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("article is not normalised:\n%+v\n%+v", a, b)
	}
}

// checkTerminalSafe asserts s holds nothing a terminal would act on.
func checkTerminalSafe(t testing.TB, what, s string) {
	t.Helper()
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) {
			t.Errorf("%s holds control character %U: %q", what, r, s)
			return
		}
	}
	for _, bad := range []string{"&#27;", "&#x1b;", "&#X1B;", "&#155;"} {
		if strings.Contains(strings.ToLower(s), strings.ToLower(bad)) {
			t.Errorf("%s holds the reference %s: %q", what, bad, s)
		}
	}
}

func TestParseFeedFormats(t *testing.T) {
	type want struct {
		title, site string
		count       int
		first       Article // fields compared when set
		bodyHas     []string
	}
	day := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	tests := map[string]struct {
		file, contentType string
		want              want
	}{
		"WordPress RSS 2.0 with content:encoded": {file: "wordpress-rss2.xml", want: want{
			title: "Harbour Town Gazette", site: "https://gazette.example.org", count: 3,
			first: Article{
				Title:      "Ferry timetable changes for the spring season",
				URL:        "https://gazette.example.org/2024/03/05/ferry-timetable-spring/",
				Author:     "Mara Lindqvist",
				Published:  day("2024-03-05T09:12:44Z"),
				ExternalID: "feed:" + testFeedURL + "#https://gazette.example.org/?p=4211",
			},
			bodyHas: []string{
				"The **morning crossing** moves", // the full content, not the excerpt
				"[new timetable](https://gazette.example.org/timetables/spring-2024/)",
				"(https://gazette.example.org/wp-content/uploads/2024/03/ferry.jpg)",
			},
		}},
		"Atom 1.0 with xml:base": {file: "atom10-xmlbase.xml", want: want{
			title: "Field Notes", site: "https://notes.example.net/blog/", count: 3,
			first: Article{
				Title:     "Mapping the old mill race",
				URL:       "https://notes.example.net/blog/2024/mill-race.html",
				Published: day("2024-03-06T09:15:00Z"),
			},
			bodyHas: []string{
				"[whole race](https://notes.example.net/blog/maps/mill-race.pdf)",
				"[about this blog](https://notes.example.net/about/)",
			},
		}},
		"RSS 1.0 RDF": {file: "rss10-rdf.xml", want: want{
			title: "Science Digest", site: "https://science.example.com/", count: 2,
			first: Article{
				Title:     "Moss grows faster on north walls, survey finds",
				URL:       "https://science.example.com/2024/moss",
				Author:    "R. Alvarez",
				Published: day("2024-02-28T14:00:00Z"),
			},
			bodyHas: []string{"Volunteers measured moss on 400 walls."},
		}},
		"RSS 0.91": {file: "rss091.xml", want: want{
			title: "Valley Radio Headlines", site: "http://radio.example.com/", count: 2,
			first: Article{
				Title:      "Road closed after landslip",
				URL:        "http://radio.example.com/news/landslip.html",
				ExternalID: "feed:" + testFeedURL + "#http://radio.example.com/news/landslip.html",
			},
			bodyHas: []string{"The B4520 is closed"},
		}},
		"Atom 0.3": {file: "atom03.xml", want: want{
			title: "Old Blogger Journal", site: "http://journal.example.com/", count: 2,
			first: Article{
				Title:     "Winter garden notes",
				Published: day("2024-01-10T14:00:00Z"),
			},
			bodyHas: []string{"The **hellebores** are out."},
		}},
		"JSON Feed 1.1": {file: "jsonfeed11.json", want: want{
			title: "Micro Posts", site: "https://micro.example.org/", count: 2,
			first: Article{
				Title:      "The lighthouse reopens",
				Author:     "Kit Moreau",
				Published:  day("2024-03-05T16:00:00Z"),
				ExternalID: "feed:" + testFeedURL + "#1002",
			},
			bodyHas: []string{"[next week](https://micro.example.org/tours)"},
		}},
		"ISO-8859-1 declared in the prolog": {file: "iso-8859-1.xml", want: want{
			title: "Café Société", count: 1,
			first:   Article{Title: "Crème brûlée à la française"},
			bodyHas: []string{"Le pâtissier a gagné", "50 £"},
		}},
		"Windows-1252 declared by Content-Type": {file: "windows-1252-undeclared.xml",
			contentType: "application/rss+xml; charset=windows-1252", want: want{
				title: "Smart Quotes Weekly", count: 1,
				first:   Article{Title: "“Quoted” headline – costs €5"},
				bodyHas: []string{"It’s a Windows-1252 document"},
			}},
		"Windows-1252 declared nowhere": {file: "windows-1252-undeclared.xml", want: want{
			title: "Smart Quotes Weekly", count: 1,
			first: Article{Title: "“Quoted” headline – costs €5"},
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := readFeedFile(t, tc.file, tc.contentType)
			w := tc.want
			if feed.Title != w.title || (w.site != "" && feed.SiteURL != w.site) {
				t.Errorf("feed title, site = %q, %q; want %q, %q", feed.Title, feed.SiteURL, w.title, w.site)
			}
			if len(feed.Articles) != w.count {
				t.Fatalf("%d articles, want %d", len(feed.Articles), w.count)
			}
			a := feed.Articles[0]
			if a.Source != w.title || a.FeedURL != testFeedURL || !slices.Equal(a.Tags, []string{"news", "Local"}) {
				t.Errorf("source %q, feed %q, tags %q", a.Source, a.FeedURL, a.Tags)
			}
			f := w.first
			for field, pair := range map[string][2]string{
				"title": {a.Title, f.Title}, "url": {a.URL, f.URL}, "author": {a.Author, f.Author}, "id": {a.ExternalID, f.ExternalID},
			} {
				if pair[1] != "" && pair[0] != pair[1] {
					t.Errorf("%s = %q, want %q", field, pair[0], pair[1])
				}
			}
			if !f.Published.IsZero() && !a.Published.Equal(f.Published) {
				t.Errorf("published %v, want %v", a.Published, f.Published)
			}
			for _, s := range w.bodyHas {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, a.Body)
				}
			}
		})
	}
}

func TestParseFeedContentKinds(t *testing.T) {
	atom := readFeedFile(t, "atom10-xmlbase.xml", "").Articles
	if got := atom[1]; got.Title != "Rivers & weirs" || got.URL != "https://notes.example.net/archive/weirs.html" ||
		!strings.Contains(got.Body, "[bridge](https://notes.example.net/archive/bridge.html)") {
		t.Errorf("entry with its own xml:base and xhtml content: %q %q %q", got.Title, got.URL, got.Body)
	}
	if got := atom[2].Body; got != "First paragraph with a literal &lt;tag&gt; and 5 & 3.\n\nSecond paragraph." {
		t.Errorf("Atom text content: %q", got)
	}
	if got := readFeedFile(t, "jsonfeed11.json", "").Articles[1].Body; !strings.Contains(got, "\n\nSecond paragraph.") ||
		strings.Contains(got, "**") {
		t.Errorf("JSON Feed content_text: %q", got)
	}
	wp := readFeedFile(t, "wordpress-rss2.xml", "").Articles
	if got := wp[2].Body; got != "Readers write about the shelter that was *never* finished." {
		t.Errorf("description used when there is no content:encoded: %q", got)
	}
	if got := wp[1].Title; got != "Council approves the new library roof – work starts in May" {
		t.Errorf("title entities: %q", got)
	}
}

func TestParseFeedDates(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := map[string]time.Time{ // by guid
		"rfc1123":        at("2024-03-05T10:00:00Z"),
		"no-weekday":     at("2024-03-05T09:00:00Z"),
		"colon-zone":     at("2024-03-05T09:00:00Z"),
		"iso-space":      at("2024-03-05T10:00:00Z"),
		"zone-name":      at("2024-03-05T15:00:00Z"),
		"german-weekday": at("2024-03-05T09:00:00Z"),
		"dotted":         at("2024-03-05T10:00:00Z"),
		"dc-date":        at("2024-03-05T08:00:00Z"),
		"extra-spaces":   at("2024-03-05T10:00:00Z"),
		"year-zero":      {},
		"epoch":          {}, // a zero Unix time is no date
		"epoch-plus":     at("1970-01-01T00:00:01Z"),
		"bulletin-a":     {},
		"bulletin-b":     at("2024-03-01T07:00:00Z"),
		"bulletin-c":     {},
	}
	got := map[string]time.Time{}
	for _, file := range []string{"odd-dates.xml", "missing-dates.xml"} {
		for _, a := range readFeedFile(t, file, "").Articles {
			got[strings.TrimPrefix(a.ExternalID, "feed:"+testFeedURL+"#")] = a.Published
		}
	}
	for guid, want := range tests {
		t.Run(guid, func(t *testing.T) {
			p, ok := got[guid]
			if !ok {
				t.Fatalf("no article with guid %q", guid)
			}
			if !p.Equal(want) {
				t.Errorf("published %v, want %v", p, want)
			}
		})
	}
}

func TestParseFeedIdentity(t *testing.T) {
	t.Run("a repeated guid: its entries are known by it and their links", func(t *testing.T) {
		as := readFeedFile(t, "duplicate-guids.xml", "").Articles
		var titles, ids []string
		for _, a := range as {
			titles, ids = append(titles, a.Title), append(ids, a.ExternalID)
		}
		if !slices.Equal(titles, []string{"First copy of story 1", "Story 2", "Second copy of story 1"}) {
			t.Errorf("titles %q", titles)
		}
		want := []string{"feed:" + testFeedURL + "#1 https://wire.example.com/story/1", "feed:" + testFeedURL + "#2",
			"feed:" + testFeedURL + "#1 https://wire.example.com/story/1?v=2"}
		if !slices.Equal(ids, want) {
			t.Errorf("ids %q, want %q", ids, want)
		}
		shared := `guid "1" is other entries' too; this entry is known by it and its link`
		shared0, shared2 := `entry "First copy of story 1": `+shared, `entry "Second copy of story 1": `+shared
		if w0, w2 := as[0].Warnings, as[2].Warnings; len(w0) != 1 || w0[0] != shared0 || len(w2) != 1 || w2[0] != shared2 || len(as[1].Warnings) != 0 {
			t.Errorf("warnings %q %q %q", w0, as[1].Warnings, w2)
		}
	})
	t.Run("entries sharing a guid keep their ids whatever their order", func(t *testing.T) {
		item := func(title, link string) string {
			return `<item><title>` + title + `</title><link>` + link + `</link><guid isPermaLink="false">same</guid></item>`
		}
		ids := func(items ...string) map[string]string {
			f, err := ParseFeed([]byte(`<rss version="2.0"><channel><title>t</title>`+strings.Join(items, "")+`</channel></rss>`), "", "", Subscription{URL: testFeedURL})
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]string{}
			for _, a := range f.Articles {
				out[a.Title] = a.ExternalID
			}
			return out
		}
		a, b, d := item("A", "https://x.example/a"), item("B", "https://x.example/b"), item("D", "https://x.example/d")
		first, later := ids(a, b), ids(d, a, b)
		if first["A"] != later["A"] || first["B"] != later["B"] || later["D"] == first["A"] {
			t.Errorf("ids moved when an entry came first: %q, then %q", first, later)
		}
	})
	t.Run("one guid for every entry", func(t *testing.T) {
		item := func(guid, link, title string) string {
			s := `<item><title>` + title + `</title><description>Body of ` + title + `</description>`
			if guid != "" {
				s += `<guid isPermaLink="false">` + guid + `</guid>`
			}
			if link != "" {
				s += `<link>` + link + `</link>`
			}
			return s + `</item>`
		}
		doc := `<rss version="2.0"><channel><title>t</title>` +
			item("same", "https://x.example/a", "One") +
			item("same", "https://x.example/b", "Two") +
			item("same", "", "Three") +
			item("same", "https://x.example/a", "Four") +
			item("same", "https://x.example/b", "Two") + // the second again, as it was
			item("", "https://x.example/c", "Five") +
			item("", "https://x.example/c", "Six") +
			`</channel></rss>`
		parse := func() []Article {
			f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
			if err != nil {
				t.Fatal(err)
			}
			return f.Articles
		}
		as, again := parse(), parse()
		var titles []string
		ids := map[string]bool{}
		for i, a := range as {
			titles = append(titles, a.Title)
			ids[a.ExternalID] = true
			if a.ExternalID != again[i].ExternalID {
				t.Errorf("%s: id changes between parses: %q, %q", a.Title, a.ExternalID, again[i].ExternalID)
			}
		}
		if !slices.Equal(titles, []string{"One", "Two", "Three", "Four", "Five", "Six"}) || len(ids) != 6 {
			t.Fatalf("titles %q, %d ids", titles, len(ids))
		}
		// Entries that share a guid are known by it and their link, else by
		// their content, whatever their order: none takes the bare guid.
		wantIDs := []string{"#same https://x.example/a", "#same https://x.example/b", "#" + IdentityPrefix, "#" + IdentityPrefix,
			"#" + IdentityPrefix, "#" + IdentityPrefix}
		byLink := `guid "same" is other entries' too; this entry is known by it and its link`
		byContent := `guid "same" is other entries' too; this entry is known by a hash of its content`
		linkByContent := `link "https://x.example/c" is other entries' too; this entry is known by a hash of its content`
		wantWarnings := []string{byLink, byLink, byContent, byContent, linkByContent, linkByContent}
		for i, a := range as {
			if !strings.HasPrefix(a.ExternalID, "feed:"+testFeedURL+wantIDs[i]) {
				t.Errorf("%s: id %q, want it to begin %q", a.Title, a.ExternalID, "feed:"+testFeedURL+wantIDs[i])
			}
			if got, want := strings.Join(a.Warnings, "; "), `entry "`+a.Title+`": `+wantWarnings[i]; got != want {
				t.Errorf("%s: warnings %q, want %q", a.Title, got, wantWarnings[i])
			}
		}
	})
	t.Run("no guid: link, else a content hash, stable", func(t *testing.T) {
		first := readFeedFile(t, "no-guids.xml", "").Articles
		again := readFeedFile(t, "no-guids.xml", "").Articles
		if len(first) != 3 {
			t.Fatalf("%d articles", len(first))
		}
		if want := "feed:" + testFeedURL + "#https://notices.example.com/notices/water-main.html"; first[0].ExternalID != want {
			t.Errorf("id from a relative link %q, want %q", first[0].ExternalID, want)
		}
		for i := range first {
			if first[i].ExternalID != again[i].ExternalID {
				t.Errorf("id %d changed between parses: %q, %q", i, first[i].ExternalID, again[i].ExternalID)
			}
		}
		if first[1].ExternalID == first[2].ExternalID || !strings.Contains(first[1].ExternalID, "#"+IdentityPrefix) {
			t.Errorf("hash ids %q, %q", first[1].ExternalID, first[2].ExternalID)
		}
		if first[2].Title == "" {
			t.Errorf("an untitled entry gets a title from its body")
		}
	})
	t.Run("namespaced by the feed URL", func(t *testing.T) {
		data, err := os.ReadFile("testdata/feeds/duplicate-guids.xml")
		if err != nil {
			t.Fatal(err)
		}
		a, errA := ParseFeed(data, "", "", Subscription{URL: "https://a.example.com/feed"})
		b, errB := ParseFeed(data, "", "", Subscription{URL: "https://b.example.com/feed"})
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if a.Articles[0].ExternalID == b.Articles[0].ExternalID {
			t.Errorf("two feeds' guid 1 collide: %q", a.Articles[0].ExternalID)
		}
		if a.Articles[0].Tags != nil {
			t.Errorf("a subscription without tags gives tags %q", a.Articles[0].Tags)
		}
	})
	t.Run("huge guids are hashed", func(t *testing.T) {
		doc := `<rss version="2.0"><channel><title>t</title><item><title>x</title><guid>` + strings.Repeat("g", 5000) + `</guid></item></channel></rss>`
		f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
		if err != nil {
			t.Fatal(err)
		}
		if id := f.Articles[0].ExternalID; len(id) > maxReadableID || !strings.HasPrefix(id, "feed:") {
			t.Errorf("id %q", id)
		}
	})
}

func TestParseFeedHostile(t *testing.T) {
	feed := readFeedFile(t, "hostile.xml", "")
	if len(feed.Articles) != 1 {
		t.Fatalf("%d articles", len(feed.Articles))
	}
	a := feed.Articles[0]
	for what, s := range map[string]string{"feed title": feed.Title, "title": a.Title, "source": a.Source, "body": a.Body} {
		checkTerminalSafe(t, what, s)
		lower := strings.ToLower(s)
		for _, bad := range []string{"<script", "script ran", "javascript:", "onerror", "onmouseover", "alert(", "data:text", "<iframe", "svg text", "display:none"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s holds %q:\n%s", what, bad, s)
			}
		}
	}
	// An embedded frame is a link to it, as any other link.
	for _, keep := range []string{"Hello", "world.", "click me", "**bold**", "bell", "[embedded: evil.example.com](https://evil.example.com/frame)"} {
		if !strings.Contains(a.Body, keep) {
			t.Errorf("body lost the harmless text %q:\n%s", keep, a.Body)
		}
	}
}

func TestParseFeedEntities(t *testing.T) {
	t.Run("billion laughs is not expanded", func(t *testing.T) {
		feed := readFeedFile(t, "billion-laughs.xml", "")
		if len(feed.Articles) != 1 {
			t.Fatalf("%d articles", len(feed.Articles))
		}
		a := feed.Articles[0]
		if strings.Contains(feed.Title+a.Title+a.Body, "lollol") || len(a.Body) > 100 {
			t.Errorf("entities expanded: title %q, body %d bytes", a.Title, len(a.Body))
		}
	})
	// The external entity naming an http URL is checked against a live
	// server in TestFetchExternalEntity; here the file one.
	t.Run("external file entity is not read", func(t *testing.T) {
		tmpl, err := os.ReadFile("testdata/feeds/xxe.xml.tmpl")
		if err != nil {
			t.Fatal(err)
		}
		doc := strings.ReplaceAll(string(tmpl), "{{REMOTE}}", "http://127.0.0.1:9/never")
		feed, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
		if err != nil {
			t.Fatal(err)
		}
		a := feed.Articles[0]
		if strings.Contains(a.Title+a.Body, "root:") {
			t.Errorf("/etc/passwd was read: %q %q", a.Title, a.Body)
		}
	})
}

func TestParseFeedErrors(t *testing.T) {
	malformed, err := os.ReadFile("testdata/feeds/malformed.xml")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		doc  string
		want string
	}{
		"truncated XML":   {string(malformed), "not a feed: XML syntax error on line 5"},
		"an HTML page":    {"<!DOCTYPE html>\n<html><head><title>Home</title></head></html>", "not a feed: the server sent an HTML page"},
		"XHTML page":      {`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>`, "HTML page"},
		"other XML":       {`<?xml version="1.0"?><sitemap/>`, "not a feed: no RSS, Atom or JSON Feed document"},
		"empty":           {"", "not a feed"},
		"bad JSON":        {`{"version": "https://jsonfeed.org/version/1.1", "items": [`, "not a feed"},
		"plain text page": {"Service temporarily unavailable", "not a feed"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ParseFeed([]byte(tc.doc), "", "", Subscription{URL: testFeedURL})
			if err == nil || !errors.Is(err, ErrNotFeed) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestParseFeedTime(t *testing.T) {
	tests := map[string]string{
		"Tue, 5 Mar 2024 10:00:00 +01:00": "2024-03-05T09:00:00Z",
		"05 Mar 2024 10:00 +0100":         "2024-03-05T09:00:00Z",
		"Dienstag, 05 Mar 2024 10:00 GMT": "2024-03-05T10:00:00Z",
		"5 Mar 2024 23:30:00 EST":         "2024-03-06T04:30:00Z",
		"2024-03-05 10:00:00 CET":         "2024-03-05T09:00:00Z",
		"5 Mar 2024 10:00 XYZ":            "",
		"2024-03-05 10:00:00 +0200":       "2024-03-05T08:00:00Z",
		"05.03.2024":                      "2024-03-05T00:00:00Z",
		"March 5, 2024 4:30 PM":           "2024-03-05T16:30:00Z",
		"next Tuesday":                    "",
		"":                                "",

		// RFC 822 dates with a comment after them.
		"Tue, 5 Mar 2024 10:00:00 +0100 (CET)":                   "2024-03-05T09:00:00Z",
		"Tue, 5 Mar 2024 10:00:00 -0500 (Eastern Standard Time)": "2024-03-05T15:00:00Z",
		"Tue, 5 Mar 2024 10:00:00 (CET)":                         "2024-03-05T09:00:00Z",
		"Dienstag, 5 Mar 2024 10:00 +0100 (MEZ)":                 "2024-03-05T09:00:00Z",
		"(CET)":                                                  "",
	}
	for in, want := range tests {
		got, ok := parseFeedTime(in)
		if want == "" {
			if ok {
				t.Errorf("parseFeedTime(%q) = %v, want no time", in, got)
			}
			continue
		}
		if !ok || got.UTC().Format(time.RFC3339) != want {
			t.Errorf("parseFeedTime(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
}

// TestParseFeedDateComment: an RFC 822 date with a zone comment after it,
// as mail programs write them, dates the entry.
func TestParseFeedDateComment(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>t</title><item><title>x</title><guid>1</guid>` +
		`<pubDate>Tue, 5 Mar 2024 10:00:00 +0100 (CET)</pubDate></item></channel></rss>`
	f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Articles[0].Published, time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("published %v, want %v", got, want)
	}
}

func TestFeedUTF8(t *testing.T) {
	latin1 := func(s string) string { // é and ü as single bytes
		return strings.NewReplacer("é", "\xe9", "ü", "\xfc").Replace(s)
	}
	utf16 := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return string(b)
	}
	tests := map[string]struct {
		doc, contentType, want string
	}{
		"UTF-8 as is":                     {`<?xml version="1.0"?><rss>é</rss>`, "", `<?xml version="1.0"?><rss>é</rss>`},
		"prolog names Latin-1":            {latin1(`<?xml version="1.0" encoding="iso-8859-1"?><rss>é</rss>`), "", `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		"single quotes":                   {latin1(`<?xml version='1.0' encoding='latin1'?><rss>ü</rss>`), "", `<?xml version='1.0' encoding='UTF-8'?><rss>ü</rss>`},
		"Content-Type names it":           {latin1(`<rss>é</rss>`), "text/xml; charset=ISO-8859-1", `<rss>é</rss>`},
		"prolog wins over Content-Type":   {latin1(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>é</rss>`), "text/xml; charset=utf-8", `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		"declared Latin-1 but UTF-8":      {`<?xml version="1.0" encoding="ISO-8859-1"?><rss>é</rss>`, "", `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		"undeclared and not UTF-8":        {latin1(`<rss>é</rss>`), "", `<rss>é</rss>`},
		"UTF-16 with a byte-order mark":   {utf16(`<?xml version="1.0" encoding="UTF-16"?><rss>é</rss>`), "", `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		"UTF-8 byte-order mark dropped":   {"\xef\xbb\xbf<rss>é</rss>", "", `<rss>é</rss>`},
		"unknown label, valid UTF-8 kept": {`<?xml version="1.0" encoding="x-klingon"?><rss>é</rss>`, "", `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		"JSON untouched":                  {`{"title": "é"}`, "application/json; charset=iso-8859-1", `{"title": "é"}`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := feedUTF8([]byte(tc.doc), tc.contentType)
			if err != nil || string(got) != tc.want {
				t.Errorf("feedUTF8 = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestXMLSafe(t *testing.T) {
	tests := map[string]string{
		// An escape sequence goes whole, written raw or as an entity.
		"a&#27;[31mb":     "ab",
		"a&#x1B;b&#X1b;c": "abc",
		"&#x1b;]8;;https://e.example&#x1b;\\link": "link",
		"title \x1b]0;pwned\x07 here":             "title  here",
		"a&#0;b&#65534;c":                         "abc",
		"keep &#8217; &#x2019;":                   "keep &#8217; &#x2019;",
		"keep &#9;&#10; and &#;":                  "keep &#9;&#10; and &#;",
		"raw \x1b[2J\x00\x07 ok":                  "raw  ok",
		"tab\tand\nnewline\r":                     "tab\tand\nnewline\r",
		"&#":                                      "&#",
	}
	for in, want := range tests {
		if got := string(xmlSafe([]byte(in))); got != want {
			t.Errorf("xmlSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSavedFeedSharingAGuid: a saved feed file whose entries share one guid
// imports every entry, warning of each.
func TestSavedFeedSharingAGuid(t *testing.T) {
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>Same</title><link>http://example.org/</link>` +
		`<item><title>Item 0</title><link>http://example.org/h0</link><guid isPermaLink="false">same-guid</guid></item>` +
		`<item><title>Item 1</title><link>http://example.org/h1</link><guid isPermaLink="false">same-guid</guid></item>` +
		`<item><title>Item 2</title><link>http://example.org/h2</link><guid isPermaLink="false">same-guid</guid></item>` +
		`</channel></rss>`
	var titles, warnings []string
	err := ReadStream("-", strings.NewReader(doc), func(it Item) error {
		if it.Err != nil {
			t.Errorf("item error: %v", it.Err)
		}
		titles = append(titles, it.Article.Title)
		warnings = append(warnings, it.Article.Warnings...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(titles, []string{"Item 0", "Item 1", "Item 2"}) {
		t.Errorf("titles %q", titles)
	}
	want := `: guid "same-guid" is other entries' too; this entry is known by it and its link`
	if !slices.Equal(warnings, []string{`entry "Item 0"` + want, `entry "Item 1"` + want, `entry "Item 2"` + want}) {
		t.Errorf("warnings %q", warnings)
	}
}
