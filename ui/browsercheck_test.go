package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// TestBrowserFindsPassagesAsTheReader: a passage note imported with an
// article whose text no longer has the passage (an export of another
// library, taken after the article changed) arrives unmarked; the browser
// says it is no longer in the article, as the reader does, and lists the
// note whose passage is there as it was.
func TestBrowserFindsPassagesAsTheReader(t *testing.T) {
	lib, _ := openLibrary(t)
	day := func(d int) time.Time { return time.Date(2024, 3, d, 10, 0, 0, 0, time.UTC) }
	body := "The harbour board met on Tuesday.\n\nAn inserted paragraph, added in an update.\n\nThe ferry will run all year."
	a := feeds.Article{ExternalID: "ORPHAN1", Source: "Test", Title: "Ferry", Body: body, Published: day(5),
		Annotations: []feeds.Annotation{
			{Quote: "The ministry acknowledged the intercepted conversation.", Prefix: "met on Tuesday.\n\n",
				Note: "Gone from the text.", Created: day(6), Updated: day(6)},
			{Quote: "The ferry will run all year.", Prefix: "added in an update.\n\n",
				Note: "Still there.", Created: day(7), Updated: day(7)},
		}}
	if _, err := lib.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}

	m := start(t, lib, Config{}, 100, 24)
	m = step(t, m, press("A"))
	got := lineSet(viewText(m))
	for _, want := range []string{
		"  no longer in the article: “The ministry acknowledged the intercepted conversation.”",
		"▌ “The ferry will run all year.”",
	} {
		if !got[want] {
			t.Errorf("the browser does not show %q:\n%s", want, viewText(m))
		}
	}
	// The reader, opened on the note, finds it as the browser said.
	m = steps(t, m, "j", "enter", "G")
	if s := viewText(m); !strings.Contains(s, "passage no longer found") {
		t.Errorf("the reader finds the passage:\n%s", s)
	}
}
