package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
)

// TestBrowserMessagesSayWhatToDoFirst: on a terminal 80 columns wide, the
// status line cut to its width still says what to do when o cannot open a
// link with the browser the user set: what to set comes before the
// browser's name and the link, however long they are.
func TestBrowserMessagesSayWhatToDoFirst(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "gui"), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir) // no xdg-open, no open
	const long = "https://news.example/2024/03/05/a-story-whose-address-runs-on-well-past-the-width-of-the-terminal"
	st, _ := openLibrary(t)
	article := feeds.Article{ExternalID: "x", Source: "Wire", Title: "T", URL: long, Published: time.Now(),
		Body: "Write to <mailto:desk-of-the-news-with-a-long-name@news.example>."}
	if _, err := st.Import(context.Background(), []feeds.Article{article}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, browser, env string
		keys               []string
		want               string // on the status line, whole
	}{
		{"$BROWSER not installed", "", "nosuchbrowser", []string{"o"},
			"Set $BROWSER or browser in config.toml: nosuchbrowser is not installed"},
		{"config.toml's browser not installed", "nosuchbrowser %u", "", []string{"o"},
			"Fix browser in config.toml: nosuchbrowser is not installed"},
		{"config.toml's browser not installed, $BROWSER opened it", "nosuchbrowser %u", "gui", []string{"o"},
			"Fix browser in config.toml (nosuchbrowser is not installed); opened https://"},
		{"none installed", "nosuchbrowser %u", "firefox-not-here", []string{"o"},
			"Set $BROWSER or browser in config.toml: none of"},
		{"a mailto link", "gui %u", "", []string{"enter", "L", "G", "enter"},
			"y copies the address: nothing here opens mailto links"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("BROWSER", tt.env)
			var m tea.Model = start(t, st, Config{Browser: tt.browser}, 80, 24)
			m = steps(t, m, tt.keys...)
			if v := viewText(m); !strings.Contains(v, tt.want) {
				t.Errorf("the status line does not say %q:\n%s", tt.want, v)
			}
		})
	}
}
