package cli

import (
	"strings"
	"testing"
	"time"

	"tidings/store"
	"tidings/ui"
)

// TestShowRendersFieldsAsWritten: on a terminal, show renders the title,
// source and tags as the list shows them: an entity, a star or a bracket
// in a title is text, not markup.
func TestShowRendersFieldsAsWritten(t *testing.T) {
	a := store.Article{
		Title:     "sync.Pool &amp; weird GC: 5 * 3 * 2 <b>now</b> [x](y)",
		Source:    "*Bold* Wire",
		Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
		Body:      "Body **strong**.",
		Tags:      []store.ArticleTag{{Name: "c_sharp"}},
	}
	out, err := ui.RenderMarkdown(TerminalMarkdown(a, nil), "", 100, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sync.Pool &amp; weird GC: 5 * 3 * 2 <b>now</b> [x](y)", "*Bold* Wire", "#c_sharp"} {
		if !strings.Contains(out, want) {
			t.Errorf("rendered show lacks %q:\n%s", want, out)
		}
	}
	if md := Markdown(a, nil); !strings.HasPrefix(md, "# "+a.Title+"\n") {
		t.Errorf("piped show changed the title:\n%s", md)
	}
}

// TestShowOrdersNotes: show lists whole-article notes first, then passage
// notes in the order of the text, as the Markdown export does.
func TestShowOrdersNotes(t *testing.T) {
	a := store.Article{Title: "T", Body: "First sentence here. Second sentence here."}
	anns := []store.Annotation{
		{Quote: "Second sentence here.", Note: "on the second"},
		{Note: "on the whole"},
		{Quote: "First sentence here.", Note: "on the first"},
	}
	md := Markdown(a, anns)
	whole, first, second := strings.Index(md, "on the whole"), strings.Index(md, "on the first"), strings.Index(md, "on the second")
	if whole < 0 || !(whole < first && first < second) {
		t.Errorf("notes out of order:\n%s", md)
	}
}

// TestShowAndSearchNameTheFeedAsNamed: an article of a feed the reader
// named is shown, and listed by search, under that name; its JSON record
// keeps the source it came with.
func TestShowAndSearchNameTheFeedAsNamed(t *testing.T) {
	a := store.Article{ID: 7, Title: "Entry", Source: "Feed 07", FeedID: 1, FeedTitle: "Seven", FeedNamed: true, Body: "Text."}
	if line := Line(a, 0); !strings.Contains(line, "Seven") || strings.Contains(line, "Feed 07") {
		t.Errorf("search line %q, want the feed's name Seven as the source", line)
	}
	if md := Markdown(a, nil); !strings.Contains(md, "Seven") || strings.Contains(md, "Feed 07") {
		t.Errorf("show:\n%s\nwant the feed's name Seven as the source", md)
	}
	if r := Record(a, nil); r.Source != "Feed 07" {
		t.Errorf("JSON record source %q, want Feed 07", r.Source)
	}
	a.FeedNamed = false
	if line := Line(a, 0); !strings.Contains(line, "Feed 07") {
		t.Errorf("unnamed feed: search line %q, want Feed 07", line)
	}
}
