package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
)

func TestArticleLinks(t *testing.T) {
	const own = "https://news.example/world/story.html"
	type link struct{ text, url string }
	tests := []struct {
		name string
		own  string
		body string
		want []link
	}{
		{"the article's own link comes first", own, "A [report](https://other.example/r) says so.",
			[]link{{"Title", own}, {"report", "https://other.example/r"}}},
		{"reference links", "", "See [the data][d].\n\n[d]: https://data.example/x \"Data\"",
			[]link{{"the data", "https://data.example/x"}}},
		{"autolinks and bare addresses", "", "<https://a.example/> and https://b.example/page and www.c.example.",
			[]link{{"https://a.example/", "https://a.example/"}, {"https://b.example/page", "https://b.example/page"},
				{"www.c.example", "http://www.c.example"}}},
		{"mail addresses", "", "Write to <tips@news.example> or [the desk](mailto:desk@news.example).",
			[]link{{"tips@news.example", "mailto:tips@news.example"}, {"the desk", "mailto:desk@news.example"}}},
		{"images", "", "![A map of the front](https://img.example/map.png) ![](https://img.example/2.png)",
			[]link{{"image: A map of the front", "https://img.example/map.png"}, {"image", "https://img.example/2.png"}}},
		{"relative links resolve against the article's", own, "[Next](next.html) and [home](/) and [up](../x?a=1&amp;b=2)",
			[]link{{"Title", own}, {"Next", "https://news.example/world/next.html"}, {"home", "https://news.example/"},
				{"up", "https://news.example/x?a=1&b=2"}}},
		{"relative links without the article's are left out", "", "[Next](next.html) [ok](https://ok.example/)",
			[]link{{"ok", "https://ok.example/"}}},
		{"only what can be opened", "", "[js](javascript:alert(1)) [f](file:///etc/passwd) [opt](--help) " +
			"[top](#top) [ftp](ftp://files.example/x) [mail](mailto:-oProxyCommand) [ok](https://ok.example/)",
			[]link{{"ok", "https://ok.example/"}}},
		{"each link once, with its first text", own, "[one](https://x.example/) [two](https://x.example/) [self](" + own + ")",
			[]link{{"Title", own}, {"one", "https://x.example/"}}},
		{"escapes in destinations and texts", "", `[a \[b\] *c*](https://x.example/a\(1\)) [x&amp;y](https://y.example/)`,
			[]link{{"a [b] c", "https://x.example/a(1)"}, {"x&y", "https://y.example/"}}},
		{"texts are one clean line", "", "[line\none\x07\tred](https://x.example/)",
			[]link{{"line one red", "https://x.example/"}}},
		{"no links", "", "Just text. With sentences.", nil},
		{"addresses are shown escaped", "", "[rtl](https://x.example/\u202egnp.exe) [c1](https://\u009bx.example/) [ok](https://ok.example/é)",
			[]link{{"rtl", "https://x.example/%E2%80%AEgnp.exe"}, {"c1", "https://%C2%9Bx.example/"}, {"ok", "https://ok.example/%C3%A9"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []link
			links, total := articleLinks("Title", tt.own, tt.body)
			if total != len(links) {
				t.Errorf("total %d, %d listed", total, len(links))
			}
			for _, l := range links {
				got = append(got, link{l.text, l.url})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestArticleLinksAreBounded(t *testing.T) {
	var b strings.Builder
	for i := range maxLinks + 50 {
		b.WriteString("[x](https://x.example/" + strings.Repeat("a", i%7) + string(rune('a'+i%26)) + "/" + time.Duration(i).String() + ") ")
	}
	links, total := articleLinks("", "", b.String())
	if len(links) != maxLinks || total != maxLinks+50 {
		t.Errorf("%d links listed of %d, want %d of %d", len(links), total, maxLinks, maxLinks+50)
	}
}

// linkedLibrary holds one article whose body has links, and one without any.
func linkedLibrary(t *testing.T) Library {
	st, _ := openLibrary(t)
	when := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)
	articles := []feeds.Article{
		{ExternalID: "LINKED", Source: "Wire", Title: "Links", URL: "https://news.example/story", Published: when,
			Body: "The [ministry's statement](https://gov.example/statement) and [the data](data.csv).\n\nMore: <mailto:desk@news.example>"},
		{ExternalID: "BARE", Source: "Wire", Title: "No links", Published: when.Add(-time.Hour), Body: "Nothing to open here."},
	}
	if _, err := st.Import(context.Background(), articles); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestLinksPanel(t *testing.T) {
	var opened []string
	cfg := Config{OpenURL: func(u string) error { opened = append(opened, u); return nil }}
	m := start(t, linkedLibrary(t), cfg, 90, 20)
	m = steps(t, m, "enter", "L")
	view := viewText(m)
	for _, want := range []string{"Links (4)", "the article: Links", "ministry's statement", "https://gov.example/statement",
		"the data", "https://news.example/data.csv", "mailto:desk@news.example"} {
		if !strings.Contains(view, want) {
			t.Errorf("the panel lacks %q:\n%s", want, view)
		}
	}
	checkFits(t, m, 90, 20)

	m = steps(t, m, "j", "enter")
	if !reflect.DeepEqual(opened, []string{"https://gov.example/statement"}) {
		t.Fatalf("enter on the second link opened %q", opened)
	}
	if root(t, m).links.open {
		t.Error("the panel stays open after opening a link")
	}

	m = steps(t, m, "L", "G")
	noClipboardTool(t)
	m, sent := pressCopy(t, m, "y")
	if !reflect.DeepEqual(sent, []tea.Msg{tea.SetClipboard("mailto:desk@news.example")()}) {
		t.Error("y did not copy the last link")
	}
	if !strings.Contains(viewText(m), "Sent to the terminal's clipboard (OSC 52): mailto:desk@news.example") {
		t.Errorf("no confirmation:\n%s", viewText(m))
	}
	m = steps(t, m, "esc")
	if r := root(t, m); r.links.open || r.screen != screenReader {
		t.Errorf("esc: panel open %v, screen %v; want the reader", r.links.open, r.screen)
	}

	// The next article has no link at all: L says so.
	m = steps(t, m, "n", "L")
	if root(t, m).links.open || !strings.Contains(viewText(m), "This article has no links.") {
		t.Errorf("L on an article without links:\n%s", viewText(m))
	}
}

func TestLinksPanelScrolls(t *testing.T) {
	st, _ := openLibrary(t)
	var b strings.Builder
	for i := range 40 {
		b.WriteString("[link " + string(rune('A'+i%26)) + time.Duration(i+1).String() + "](https://x.example/" + time.Duration(i+1).String() + ")\n\n")
	}
	a := feeds.Article{ExternalID: "MANY", Source: "Wire", Title: "Many", Published: time.Now(), Body: b.String()}
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m := start(t, st, Config{}, 70, 12)
	m = steps(t, m, "enter", "L", "pgdown")
	if got := root(t, m).links.cursor; got != 6 {
		t.Errorf("pgdown moved to link %d, want 7 (a screenful down)", got+1)
	}
	m = steps(t, m, "G")
	checkFits(t, m, 70, 12)
	m = steps(t, m, "y") // the confirmation is read whole, under the panel
	checkStatusShown(t, m, 70, 12)
	if view := viewText(m); !strings.Contains(view, "https://x.example/40ns") || strings.Contains(view, "x.example/1ns ") {
		t.Errorf("G does not show the last link alone at the bottom:\n%s", view)
	}
	m = steps(t, m, "g")
	if view := viewText(m); !strings.Contains(view, "https://x.example/1ns") {
		t.Errorf("g does not show the first link:\n%s", view)
	}

	// The cursor stays in sight when the screen shrinks, and the panel
	// uses the room it gets back.
	m = steps(t, m, "G")
	m = step(t, m, tea.WindowSizeMsg{Width: 70, Height: 7})
	checkFits(t, m, 70, 7)
	if view := viewText(m); !strings.Contains(view, "https://x.example/40ns") {
		t.Errorf("after shrinking, the chosen link is out of sight:\n%s", view)
	}
	m = steps(t, m, "g")
	m = step(t, m, tea.WindowSizeMsg{Width: 70, Height: 60})
	if view := viewText(m); !strings.Contains(view, "https://x.example/1ns") || !strings.Contains(view, "https://x.example/40ns") {
		t.Errorf("after growing, the panel does not show every link:\n%s", view)
	}
}

// TestMailtoGoesToTheSystemOpener: $BROWSER opens web links; a mailto link
// goes to the system's opener, and without one the error says so rather
// than asking for the $BROWSER already set.
func TestMailtoGoesToTheSystemOpener(t *testing.T) {
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	browser := filepath.Join(dir, "browser")
	script := "#!/bin/sh\necho \"$1\" >> " + logged + "\n"
	if err := os.WriteFile(browser, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", browser)
	t.Setenv("PATH", dir) // no xdg-open, no open
	if msg := openInBrowser("", "https://news.example/a")(); msg != (statusMsg{text: "opened https://news.example/a"}) {
		t.Fatalf("a web link: %+v", msg)
	}
	msg, _ := openInBrowser("", "mailto:desk@news.example")().(statusMsg)
	if !msg.err || !strings.Contains(msg.text, "nothing here opens mailto links") {
		t.Errorf("a mailto link without an opener: %+v", msg)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		data, _ := os.ReadFile(logged)
		if strings.Contains(string(data), "https://news.example/a") {
			if strings.Contains(string(data), "mailto") {
				t.Errorf("$BROWSER was given the mailto link: %q", data)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("$BROWSER was not run with the web link: %q", data)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestAbsoluteLinks(t *testing.T) {
	const own = "https://example.org/news/story.html"
	tests := []struct {
		name, own, body, want string
	}{
		{"relative links and images", own,
			"A [relative link](../other/page.html) and ![a pic](images/pic.png \"Pic\").",
			"A [relative link](<https://example.org/other/page.html>) and ![a pic](<https://example.org/news/images/pic.png> \"Pic\")."},
		{"root-relative, in angle brackets", own, "[home](</index (old).html>)",
			"[home](<https://example.org/index%20%28old%29.html>)"},
		{"reference definitions", own, "[the data][d]\n\n[d]: data/x.csv \"Data\"\n",
			"[the data][d]\n\n[d]: <https://example.org/news/data/x.csv> \"Data\"\n"},
		{"a longer destination is not mistaken for a shorter", own, "[a](x.html) [b](x.html.bak)",
			"[a](<https://example.org/news/x.html>) [b](<https://example.org/news/x.html.bak>)"},
		{"absolute links and anchors stay", own, "[a](https://a.example/x) [top](#top) <https://b.example/>",
			"[a](https://a.example/x) [top](#top) <https://b.example/>"},
		{"what cannot be opened stays as written; a path is a path", own, "[js](javascript:alert(1)) [opt](--help)",
			"[js](javascript:alert(1)) [opt](<https://example.org/news/--help>)"},
		{"no article link: as written", "", "[relative](../x.html)", "[relative](../x.html)"},
		{"text that only looks like a link", own, "Prices [in brackets]: rose (a lot).",
			"Prices [in brackets]: rose (a lot)."},
		{"code stays as written", own, "[a](x.html) and `[b](x.html)`\n\n```\n[c](x.html)\n```\n\n    [d](x.html)\n\n[e](x.html)",
			"[a](<https://example.org/news/x.html>) and `[b](x.html)`\n\n```\n[c](x.html)\n```\n\n    [d](x.html)\n\n[e](<https://example.org/news/x.html>)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := absoluteLinks(tt.body, tt.own); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestLinksPanelNumbers: typing a link's number, as the panel shows it,
// goes to it (its digits in turn: 1 then 2 is the twelfth), and enter
// opens it, as in newsboat's URL view.
func TestLinksPanelNumbers(t *testing.T) {
	st, _ := openLibrary(t)
	var b strings.Builder
	for i := 1; i <= 14; i++ {
		fmt.Fprintf(&b, "[link %d](https://x.example/%d)\n\n", i, i)
	}
	a := feeds.Article{ExternalID: "MANY", Source: "Wire", Title: "Many", Published: time.Now(), Body: b.String()}
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	var opened []string
	m := start(t, st, Config{OpenURL: func(u string) error { opened = append(opened, u); return nil }}, 80, 24)
	m = steps(t, m, "enter", "L")
	links := root(t, m).links.links
	for _, tt := range []struct {
		keys []string
		want int // the link's number
	}{
		{[]string{"3"}, 3},
		{[]string{"1", "2"}, 12},
		{[]string{"1", "2", "4"}, 4}, // 124 is no link: 4 alone
		{[]string{"9", "j"}, 10},
		{[]string{"9", "j", "0"}, 10}, // no link 0: nothing moves
	} {
		m = steps(t, m, tt.keys...)
		if got := root(t, m).links.cursor + 1; got != tt.want {
			t.Errorf("%v: on link %d, want %d", tt.keys, got, tt.want)
		}
		m = steps(t, m, "esc", "L") // start again
	}
	m = steps(t, m, "7", "enter")
	if len(opened) != 1 || opened[0] != links[6].url {
		t.Errorf("7 then enter opened %q, want %q", opened, links[6].url)
	}
}

// TestBrowserListTriedInTurn: $BROWSER may list several commands separated
// by colons; they are tried in turn until one is installed and starts, a
// text browser among them getting the terminal, and without a shell.
func TestBrowserListTriedInTurn(t *testing.T) {
	dir := t.TempDir()
	logged := filepath.Join(dir, "opened")
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	gui := write("gui", "#!/bin/sh\necho \"$@\" >> "+logged+"\n")
	broken := write("broken", "\x7fELF not a program") // installed, but does not start
	write("w3m", "#!/bin/sh\nexit 0\n")
	t.Setenv("PATH", dir)
	const link = "https://news.example/a;b"

	tests := []struct {
		name, browser string
		want          string // the message: "opened", "terminal" or an error's words
		logged        string // what the background browser was given
	}{
		{"the first installed", "firefox-not-here:" + gui, "opened", link},
		{"a command of several words, %s placed", "nowhere --new:gui --tab=%s:" + broken, "opened", "--tab=" + link},
		{"past one that does not start", broken + ":" + gui, "opened", link},
		{"empty entries skipped", "::" + gui + ":", "opened", link},
		{"a text browser after one not installed", "firefox-not-here:w3m", "terminal", ""},
		{"a text browser not installed", "lynx:" + gui, "opened", link},
		{"none installed", "firefox-not-here:chromium-not-here", "none of $BROWSER's firefox-not-here, chromium-not-here is installed", ""},
		{"one, not installed", "firefox-not-here", "Set $BROWSER or browser in config.toml: firefox-not-here is not installed", ""},
		{"none that starts", broken, "broken", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(logged)
			t.Setenv("BROWSER", tt.browser)
			msg := openInBrowser("", link)()
			switch st, isStatus := msg.(statusMsg); {
			case tt.want == "terminal":
				if isStatus || fmt.Sprintf("%T", msg) != "tea.execMsg" {
					t.Fatalf("the text browser was not given the terminal: %#v", msg)
				}
			case tt.want == "opened":
				if st != (statusMsg{text: "opened " + link}) {
					t.Fatalf("got %#v", msg)
				}
			default:
				if !st.err || !strings.Contains(st.text, tt.want) {
					t.Fatalf("got %#v, want an error saying %q", msg, tt.want)
				}
			}
			if tt.logged == "" {
				return
			}
			deadline := time.Now().Add(5 * time.Second)
			for {
				data, _ := os.ReadFile(logged)
				if got := strings.TrimSpace(string(data)); got != "" {
					if got != tt.logged {
						t.Errorf("the browser was given %q, want %q", got, tt.logged)
					}
					return
				}
				if time.Now().After(deadline) {
					t.Fatal("no browser ran")
				}
				time.Sleep(10 * time.Millisecond)
			}
		})
	}
}
