package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// TestLinksPanelListsSuperscriptLinks: a footnote's link written in HTML in
// a Markdown body (claim<sup><a href=…>2</a></sup>), which the reader shows
// as a link, is listed by L as the reader shows it.
func TestLinksPanelListsSuperscriptLinks(t *testing.T) {
	st, _ := openLibrary(t)
	a := feeds.Article{ExternalID: "SUP", Source: "Wire", Title: "Claims", Published: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC),
		Body: `Another claim<sup><a href="https://example.com/src">2</a></sup> and a plain [link](https://example.com/plain).`}
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m := start(t, st, Config{}, 100, 20)
	m = steps(t, m, "enter", "L")
	view := viewText(m)
	for _, want := range []string{"Links (2)", "https://example.com/src", "https://example.com/plain"} {
		if !strings.Contains(view, want) {
			t.Errorf("the panel lacks %q:\n%s", want, view)
		}
	}
}
