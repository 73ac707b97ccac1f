package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// waitLogged waits for a browser script to write what it was given to
// logged, and returns it.
func waitLogged(t *testing.T, logged string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		data, _ := os.ReadFile(logged)
		if got := strings.TrimSpace(string(data)); got != "" {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatal("no browser ran")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestBrowserSetting: config.toml's browser opens links before $BROWSER,
// with %u or %s standing for the link (else the link last), without a
// shell; one not installed gives way to $BROWSER, and says so when
// nothing else is there; a mailto link still goes to the system's opener.
func TestBrowserSetting(t *testing.T) {
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	gui := write("gui", "#!/bin/sh\necho \"gui $@\" >> "+logged+"\n")
	other := write("other", "#!/bin/sh\necho \"other $@\" >> "+logged+"\n")
	write("w3m", "#!/bin/sh\nexit 0\n")
	t.Setenv("PATH", dir) // no xdg-open, no open
	const link = "https://news.example/a;b$(x)"

	tests := []struct {
		name, browser, env, link string
		want                     string // "opened", "terminal" or an error's words
		logged                   string // what the background browser was given
	}{
		{"%u placed", gui + " --tab=%u", other, link, "opened", "gui --tab=" + link},
		{"%s placed", "gui -n %s", "", link, "opened", "gui -n " + link},
		{"the link last", "gui --new-tab", "", link, "opened", "gui --new-tab " + link},
		{"before $BROWSER", "gui", other, link, "opened", "gui " + link},
		{"not installed: $BROWSER", "firefox-not-here %u", other, link, "opened", "other " + link},
		{"not installed, alone", "firefox-not-here %u", "", link, "firefox-not-here is not installed (config.toml's browser)", ""},
		{"none installed", "firefox-not-here", "chromium-not-here:lynx", link,
			"none of config.toml's browser firefox-not-here and $BROWSER's chromium-not-here, lynx is installed", ""},
		{"a text browser gets the terminal", "w3m %u", other, link, "terminal", ""},
		{"a mailto link goes to the opener", "gui %u", "", "mailto:desk@news.example", "nothing here opens mailto links", ""},
		{"a link that is no web link is not opened", "gui %u", "", "file:///etc/passwd", "not an http(s) link", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(logged)
			t.Setenv("BROWSER", tt.env)
			msg := openInBrowser(tt.browser, tt.link)()
			switch st, isStatus := msg.(statusMsg); {
			case tt.want == "terminal":
				if isStatus || fmt.Sprintf("%T", msg) != "tea.execMsg" {
					t.Fatalf("the text browser was not given the terminal: %#v", msg)
				}
			case tt.want == "opened":
				if st != (statusMsg{text: "opened " + tt.link}) {
					t.Fatalf("got %#v", msg)
				}
			default:
				if !st.err || !strings.Contains(st.text, tt.want) {
					t.Fatalf("got %#v, want an error saying %q", msg, tt.want)
				}
			}
			if tt.logged != "" {
				if got := waitLogged(t, logged); got != tt.logged {
					t.Errorf("the browser was given %q, want %q", got, tt.logged)
				}
			}
		})
	}
}

// TestBrowserSettingOpensTheArticle: o in the list opens the article's link
// with the reader's Config.Browser.
func TestBrowserSettingOpensTheArticle(t *testing.T) {
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	gui := filepath.Join(dir, "gui")
	if err := os.WriteFile(gui, []byte("#!/bin/sh\necho \"$@\" >> "+logged+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	t.Setenv("BROWSER", "")
	st, _ := openLibrary(t)
	a := feeds.Article{ExternalID: "A", Source: "Wire", Title: "Ferry returns", Published: time.Now(),
		URL: "https://news.example/ferry", Body: "The ferry is back."}
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m := start(t, st, Config{Browser: "gui --tab %u"}, 80, 12)
	steps(t, m, "o")
	if got := waitLogged(t, logged); got != "--tab https://news.example/ferry" {
		t.Errorf("the browser was given %q", got)
	}
}
