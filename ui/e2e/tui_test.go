package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const screenTimeout = 10 * time.Second

// TestReadSample is the core loop: start, see the list, open the article,
// read it, scroll, go back, quit, and find the terminal as it was.
func TestReadSample(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))

	tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
	tm.waitFor(`In a startling revelation`, screenTimeout)
	tm.waitFor(`MENAFN`, screenTimeout)
	tm.waitFor(`1 / 1|1/1`, screenTimeout)

	tm.send(keyEnter)
	// Body text that is not in the title: the reader is open.
	s := tm.waitFor(`Margarita Simonyan`, screenTimeout)
	if !strings.Contains(s, "2024-03-05") {
		t.Errorf("reader header lacks the date:\n%s", s)
	}
	if !strings.Contains(s, "German air force") {
		t.Errorf("reader does not show the first paragraph:\n%s", s)
	}
	if strings.Contains(s, "Western military circles") {
		t.Fatalf("the whole article fits on a 30-row screen; the scroll check needs it not to:\n%s", s)
	}

	// Scroll to the end: the last paragraph comes into view, the first goes.
	tm.send("G")
	s = tm.waitFor(`Western military circles`, screenTimeout)
	if strings.Contains(s, "German air force") {
		t.Errorf("after G the first paragraph is still on screen:\n%s", s)
	}
	tm.send("g")
	tm.waitFor(`German air force`, screenTimeout)

	// Back to the list. Esc alone: a key right after it reads as alt+key.
	tm.send(keyEsc)
	tm.waitGone(`Margarita Simonyan`, screenTimeout)
	tm.waitFor(`In a startling revelation`, screenTimeout)

	tm.send("q")
	if code := tm.wait(screenTimeout); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if err := tm.restored(); err != nil {
		t.Errorf("terminal not restored: %v", err)
	}

	recs := searchJSON(t, lib, "luftwaffe")
	if len(recs) != 1 || !recs[0].Read {
		t.Errorf("opening the article did not mark it read: %+v", recs)
	}
}

// TestHostileArticleOnScreen imports text full of escape sequences through
// the normal path and checks the terminal sees only harmless text.
func TestHostileArticleOnScreen(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	dir := t.TempDir()
	files := map[string]string{
		"evil.txt": " date 2025-02-01 (EVIL\x1b[2J) Evil title \x1b]52;c;ZXZpbA==\x07with \x1b[5mblink\x1b[0m\x07.\n\n\n" +
			"First paragraph \x1b]8;;http://evil.example/\x1b\\linked\x1b]8;;\x1b\\ and \x1bPevil\x1b\\ a DCS and \u009b2J a C1 CSI.\n\n\n" +
			"Entities &#27;]52;c;ZW50aXR5&#7; and &#x1b;[2J stay text.\n\n\n" +
			"EVIL01022025000000000001ID0000000001\n",
		"evil.md": "---\ntitle: \"Markdown \\e]0;pwned\\a title\"\ndate: 2025-02-02\nsource: Mark\n---\n\n" +
			"Raw <span>\x1b]52;c;bWQ=\x07</span> and `code \x1b[31m` and &#x9b;31m and &#155;2J.\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tidings(t, lib, nil, "import", dir)

	tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
	tm.waitFor(`Evil title`, screenTimeout)
	tm.waitFor(`Markdown`, screenTimeout)
	for _, want := range []string{`Raw`, `Entities`} {
		tm.send(keyEnter)
		tm.waitFor(want, screenTimeout)
		// Esc alone: a key right after it would read as alt+key.
		tm.send(keyEsc)
		tm.waitGone(want, screenTimeout)
		tm.send(keyDown)
	}
	tm.send("q")
	tm.wait(screenTimeout)

	raw := tm.rawOutput()
	for name, seq := range map[string]string{
		"OSC 52 clipboard write":         "\x1b]52;c;ZXZpbA",
		"OSC 52 from an entity":          "\x1b]52;c;ZW50aXR5",
		"OSC 52 from HTML":               "\x1b]52;c;bWQ",
		"OSC 8 hyperlink":                "\x1b]8;;http://evil",
		"DCS":                            "\x1bPevil",
		"window title from text":         "pwned",
		"C1 CSI":                         "\u009b",
		"blink":                          "\x1b[5m",
		"screen erase from an entity":    "\x1b[2J stay",
		"screen erase from the source":   "EVIL\x1b[2J",
		"red from a code span":           "\x1b[31m`",
		"C1 CSI from an entity (8-bit)":  "\x9b31m",
		"bell inside the article's text": "\x07.",
	} {
		if bytes.Contains(raw, []byte(seq)) {
			t.Errorf("the terminal received %s (%q)", name, seq)
		}
	}
}

// TestTextBrowserGetsTheTerminal: o with $BROWSER a text browser (w3m,
// lynx...) hands it the terminal, and takes the screen back when it quits.
func TestTextBrowserGetsTheTerminal(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	article := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(article, []byte(`{"external_id":"a","title":"Linked","url":"https://example.org/a","body":"Text."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, lib, "import", article)
	opened := filepath.Join(dir, "opened")
	w3m := filepath.Join(dir, "w3m")
	script := "#!/bin/sh\nprintf 'TEXT BROWSER ON %s' \"$1\"\necho \"$1\" > " + opened + "\nsleep 1\n"
	if err := os.WriteFile(w3m, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	tm := startTerm(t, 100, 20, []string{"BROWSER=" + w3m}, bin, "--library", lib)
	tm.waitFor(`1 / 1`, screenTimeout)
	tm.send("o")
	tm.waitFor(`TEXT BROWSER ON https://`, screenTimeout)
	tm.waitFor(`1 / 1`, screenTimeout) // the list again, once it quits
	tm.waitGone(`TEXT BROWSER`, screenTimeout)
	data, err := os.ReadFile(opened)
	if err != nil || string(data) != "https://example.org/a\n" {
		t.Errorf("the browser got %q, %v", data, err)
	}
	tm.send("q")
	if code := tm.wait(screenTimeout); code != 0 {
		t.Errorf("exit %d", code)
	}
}
