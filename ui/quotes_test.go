package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

func TestOwnQuotes(t *testing.T) {
	tests := []struct {
		passage string
		want    bool
	}{
		{"The harbour is quiet.", false},
		{`"Everyone else watches screens."`, true},
		{"“They built the wall,” he said.", true},
		{"he said: “Go.”", true},
		{"„Wir bleiben“, sagte sie.", true},
		{"«Nous restons», dit-elle.", true},
		{"‘Single,’ she wrote.", true},
		{"「東京」", true},
		{"  “Indented”\n", true},
		{"It is the dockers'", true},
		{"A “quote” in the middle.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ownQuotes(tt.passage); got != tt.want {
			t.Errorf("ownQuotes(%q) = %v, want %v", tt.passage, got, tt.want)
		}
	}
}

// TestPassagesQuotedOnce: the browser and the reader put a passage between
// quotation marks unless it begins or ends with one of its own, so a
// quotation is never shown in two pairs of them.
func TestPassagesQuotedOnce(t *testing.T) {
	lib, _ := openLibrary(t)
	body := "“They built the wall,” he said, “and then they left.”\n\n" +
		"\"Everyone else watches screens.\"\n\n" +
		"The harbour is quiet.\n\n" +
		"«Nous restons», dit-elle."
	if _, err := lib.Import(context.Background(), []feeds.Article{{ExternalID: "QUOTES1", Source: "Test",
		Title: "Quotes", Body: body, Published: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}}); err != nil {
		t.Fatal(err)
	}
	id := firstID(t, lib)
	var notes []store.Annotation
	for _, q := range []string{"“They built the wall,” he said, “and then they left.”", "\"Everyone else watches screens.\"",
		"The harbour is quiet.", "«Nous restons», dit-elle."} {
		notes = append(notes, passage(t, lib, id, q))
	}
	notes = append(notes, store.Annotation{Quote: "\"Words no longer there.\"", Note: "Gone."})
	addNotes(t, lib, id, notes...)

	m := start(t, lib, Config{}, 100, 40)
	m = step(t, m, press("A"))
	browser := lineSet(viewText(m))
	for _, want := range []string{
		"  “They built the wall,” he said, “and then they left.”",
		"  \"Everyone else watches screens.\"",
		"  “The harbour is quiet.”",
		"  «Nous restons», dit-elle.",
		"▌ no longer in the article: \"Words no longer there.\"",
	} {
		if !browser[want] {
			t.Errorf("the browser does not show %q:\n%s", want, viewText(m))
		}
	}
	m = steps(t, m, "esc", "enter", "G")
	if !lineSet(viewText(m))["    \"Words no longer there.\""] {
		t.Errorf("the reader does not show the orphaned passage as it is:\n%s", viewText(m))
	}
}

// lineSet is the set of a screen's lines, without the spaces that end them.
func lineSet(screen string) map[string]bool {
	set := map[string]bool{}
	for l := range strings.SplitSeq(screen, "\n") {
		set[strings.TrimRight(l, " ")] = true
	}
	return set
}
