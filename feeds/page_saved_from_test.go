package feeds_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// savedPage is a page as Chrome saves it ("Webpage, HTML only"), head
// being what its <head> holds after the <title>, and the comment the
// browser writes before the root element replaced by comment.
func savedPage(comment, head string) string {
	return `<!DOCTYPE html>
` + comment + `
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Harbour ferry runs all year</title>` + head + `</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour ferry runs all year</h1>
<p>The harbour board approved a year-round ferry on Tuesday, ending a decade of summer-only service. <a href="/2021/04/ferry-vote">Last month's vote</a> had been close.</p>
<p>Commuters welcomed the decision. The board said the new timetable starts in June, and <a href="timetable.pdf">the timetable</a> is online. <img src="images/ferry.jpg" alt="The ferry at dawn"></p>
<p>Critics said the cost, twelve million over five years, was too high for a town of this size, and asked for a review after two years.</p>
</article></body></html>
`
}

// chromeComment is the comment Chrome writes before a page it saves.
const chromeComment = `<!-- saved from url=(0047)https://news.example.com/2021/05/harbour-ferry -->`

// singleFilePage is a page as SingleFile saves it: its comment at the
// start of the root element, before <head>.
const singleFilePage = `<!DOCTYPE html>

<html lang="en"><!--
 Page saved with SingleFile 
 url: https://news.example.com/2021/05/harbour-ferry 
 saved date: Thu Sep 10 2026 19:02:41 GMT+0200 (Central European Summer Time)
--><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Harbour ferry runs all year</title></head>
<body><article><h1>Harbour ferry runs all year</h1>
<p>The harbour board approved a year-round ferry on Tuesday, ending a decade of summer-only service. <a href="/2021/04/ferry-vote">Last month's vote</a> had been close.</p>
<p>Commuters welcomed the decision. The board said the new timetable starts in June, and <a href="timetable.pdf">the timetable</a> is online. <img src="images/ferry.jpg" alt="The ferry at dawn"></p>
</article></body></html>
`

// TestSavedFromComment: the address a browser or SingleFile notes at the
// start of a page it saves is the article's link and source when the
// page names none, and what the page's relative links and pictures
// resolve against, as an MHTML archive's address is; a canonical link
// in the page stays its link, a <base href> in it what its links resolve
// against. A comment further on, or one naming no web address, names
// nothing.
func TestSavedFromComment(t *testing.T) {
	const (
		vote  = "[Last month's vote](https://news.example.com/2021/04/ferry-vote)"
		table = "[the timetable](https://news.example.com/2021/05/timetable.pdf)"
		photo = "[The ferry at dawn](https://news.example.com/2021/05/images/ferry.jpg)"
	)
	tests := map[string]struct {
		page           string
		url, source    string
		links, without []string
	}{
		"chrome": {page: savedPage(chromeComment, ""),
			url: "https://news.example.com/2021/05/harbour-ferry", source: "news.example.com",
			links: []string{vote, table, photo}},
		"singlefile": {page: singleFilePage,
			url: "https://news.example.com/2021/05/harbour-ferry", source: "news.example.com",
			links: []string{vote, table, photo}},
		"internet explorer's address spaced": {page: savedPage("<!--  saved from url=(0047)https://news.example.com/2021/05/harbour-ferry  -->", ""),
			url: "https://news.example.com/2021/05/harbour-ferry", source: "news.example.com",
			links: []string{vote, table, photo}},
		"the canonical link is the link": {page: savedPage(chromeComment, `<link rel="canonical" href="/stories/ferry">`),
			url: "https://news.example.com/stories/ferry", source: "news.example.com",
			links: []string{vote, table, photo}},
		"the base is what links resolve against": {page: savedPage(chromeComment, `<base href="https://cdn.example.org/ferry/">`),
			url: "https://news.example.com/2021/05/harbour-ferry", source: "news.example.com",
			links: []string{"[Last month's vote](https://cdn.example.org/2021/04/ferry-vote)",
				"[the timetable](https://cdn.example.org/ferry/timetable.pdf)",
				"[The ferry at dawn](https://cdn.example.org/ferry/images/ferry.jpg)"}},
		"not a web address": {page: savedPage("<!-- saved from url=(0014)about:internet -->", ""),
			without: []string{"](", "about:"}},
		"a comment in the page": {page: strings.Replace(savedPage("", ""), "<article>", "<article>"+chromeComment, 1),
			without: []string{"](", "news.example.com"}},
		"a comment after the root's content": {page: strings.Replace(savedPage("", ""), "<title>", chromeComment+"<title>", 1),
			without: []string{"](", "news.example.com"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := readOne(t, "page.html", "html", tc.page)
			if a.URL != tc.url || a.Source != tc.source {
				t.Errorf("link %q, source %q; want %q, %q", a.URL, a.Source, tc.url, tc.source)
			}
			for _, l := range tc.links {
				if !strings.Contains(a.Body, l) {
					t.Errorf("body lacks %s:\n%s", l, a.Body)
				}
			}
			for _, w := range tc.without {
				if strings.Contains(a.Body, w) {
					t.Errorf("body holds %q:\n%s", w, a.Body)
				}
			}
		})
	}
}

// TestSavedFromKeepsImported: a saved page imported before the comment
// it was saved with was read, without link, source or the addresses of
// its links, is the article imported again, not a second one; it takes
// the link, the source and the links.
func TestSavedFromKeepsImported(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// As the release before read and stored the page.
	before := feeds.Article{ExternalID: "h:04b603fffb9786ba8f86367fe26f9492", Title: "Harbour ferry runs all year",
		Body: "The harbour board approved a year-round ferry on Tuesday, ending a decade of summer-only service. Last month's vote had been close.\n\n" +
			"Commuters welcomed the decision. The board said the new timetable starts in June, and the timetable is online.\n\n" +
			"Critics said the cost, twelve million over five years, was too high for a town of this size, and asked for a review after two years."}
	if _, err := s.Import(ctx, []feeds.Article{before}); err != nil {
		t.Fatal(err)
	}
	a := readOne(t, "page.html", "html", savedPage(chromeComment, ""))
	outs, err := s.Import(ctx, []feeds.Article{a})
	if err != nil || len(outs) != 1 || outs[0] == store.Added {
		t.Fatalf("import: %v, %v; want the article imported before found", outs, err)
	}
	var got []store.Article
	err = s.Search(ctx, "", 10, func(a store.Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil || len(got) != 1 {
		t.Fatalf("%d articles (%v), want 1", len(got), err)
	}
	if got[0].URL != "https://news.example.com/2021/05/harbour-ferry" || got[0].Source != "news.example.com" {
		t.Errorf("link %q, source %q; want the address it was saved from", got[0].URL, got[0].Source)
	}
}
