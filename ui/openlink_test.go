package ui

import (
	"context"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
)

// TestOpenLinkAsStored: o and y give the article's link as stored, not as
// the screen draws it (drawing may add joiners to Indic or emoji text).
func TestOpenLinkAsStored(t *testing.T) {
	st, _ := openLibrary(t)
	const link = "https://news.example/हिन्दी-समाचार/👨‍👩‍👧"
	if _, err := st.Import(context.Background(), []feeds.Article{{ExternalID: "x", Title: "T", Body: "B.", URL: link}}); err != nil {
		t.Fatal(err)
	}
	var opened []string
	m := start(t, st, Config{OpenURL: func(u string) error { opened = append(opened, u); return nil }}, 80, 24)
	m = step(t, m, press("o"))
	rows, _ := st.Page(context.Background(), store.PageRequest{Limit: 1})
	stored := rows[0].URL
	if len(opened) != 1 || opened[0] != stored {
		t.Errorf("o opened %q, want the stored %q", opened, stored)
	}
	noClipboardTool(t)
	if _, sent := pressCopy(t, m, "y"); !reflect.DeepEqual(sent, []tea.Msg{tea.SetClipboard(stored)()}) {
		t.Errorf("y copied another text than %q", stored)
	}
}
