package feeds

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// guard runs fn and fails the test if it has not returned within a minute:
// a guard against a hang or a blow-up, not a speed figure.
func guard(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatalf("%s did not finish within a minute", what)
	}
}

// TestDeeplyNestedHTML feeds HTMLToMarkdown 100,000 unclosed elements: it
// answers at once, with the text (read flattened), and converts what is
// merely deep as it is.
func TestDeeplyNestedHTML(t *testing.T) {
	heavyUnderRace(t)
	for _, tag := range []string{"div", "blockquote", "ul><li", "table><tr><td", "font", "b><i",
		"time", "pre", "h1><pre", "pre><a", "h1><a", "h1><a><h2", "article", "main><article"} {
		t.Run(tag, func(t *testing.T) {
			var md string
			var err error
			guard(t, "converting 100,000 nested <"+tag+">", func() {
				md, err = HTMLToMarkdown(strings.Repeat("<"+tag+">", 100000)+"deep text", "")
			})
			if err != nil || !strings.Contains(md, "deep text") {
				t.Errorf("100,000 levels: %v, %.200q", err, md)
			}
			guard(t, "converting 100 nested <"+tag+">", func() {
				md, err = HTMLToMarkdown(strings.Repeat("<"+tag+">", 100)+"deep text", "")
			})
			if err != nil || !strings.Contains(md, "deep text") {
				t.Errorf("100 levels: %v, %.200q", err, md)
			}
		})
	}
}

// hostileTitles are titles made to deceive or attack a terminal.
var hostileTitles = map[string]string{
	"invalid UTF-8":    "Bad \xff\xfe bytes \xc3 here",
	"NUL bytes":        "Nul\x00 in\x00 title",
	"bidi override":    "invoice\u202Egpj.exe quarterly",
	"bidi isolates":    "\u2066left\u2067right\u2068first\u2069 pop",
	"zero-width":       "zero\u200bwidth\u2060joiner\ufeffbom",
	"CSI":              "clear \x1b[2J\x1b[H screen",
	"OSC 52":           "clip \x1b]52;c;ZXZpbA==\x07board",
	"OSC 8":            "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ text",
	"DCS":              "dcs \x1bPq#0;2;0;0;0\x1b\\ sixel",
	"bell":             "ring \x07\x07 bell",
	"C1 CSI":           "c1 \u009b2J csi \u009d0;title\u009c",
	"entity escapes":   "ent &#27;[2J &#x1b;]52;c;eA==&#7; &#155;",
	"line separators":  "one\u2028two\u2029three\r\nfour",
	"only controls":    "\x1b[2J\x07\x00",
	"combining flood":  "e" + strings.Repeat("\u0301", 500),
	"right-to-left ok": "שלום עולם",
}

// TestHostileTitlesNormalised checks what Normalize leaves of hostile titles
// and tags: valid UTF-8, one line, no control character, escape sequence,
// bidirectional override or zero-width character.
func TestHostileTitlesNormalised(t *testing.T) {
	for name, title := range hostileTitles {
		t.Run(name, func(t *testing.T) {
			a := Article{Title: title, Body: "Body text " + title, Source: title, Tags: []string{title}, Author: title}
			Normalize(&a)
			fields := map[string]string{"title": a.Title, "source": a.Source, "author": a.Author}
			for i, tag := range a.Tags {
				fields[fmt.Sprint("tag ", i)] = tag
			}
			for field, s := range fields {
				if err := lineSafe(s); err != nil {
					t.Errorf("%s %q: %v", field, s, err)
				}
			}
			if strings.ContainsAny(a.Body, "\x1b\x07\x00\u009b\u009d") || !utf8.ValidString(a.Body) {
				t.Errorf("body %q", a.Body)
			}
		})
	}
	a := Article{Title: hostileTitles["right-to-left ok"]}
	Normalize(&a)
	if a.Title != "שלום עולם" {
		t.Errorf("right-to-left text is changed: %q", a.Title)
	}
}

// lineSafe says what, if anything, makes s unfit for a one-line field.
func lineSafe(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("invalid UTF-8")
	}
	for _, r := range s {
		switch {
		case r < 0x20, r >= 0x7f && r <= 0x9f:
			return fmt.Errorf("control %U", r)
		case isInvisible(r), r == '\u2028', r == '\u2029':
			return fmt.Errorf("invisible %U", r)
		}
	}
	if strings.Contains(s, "&#") {
		return errors.New("a numeric reference survives")
	}
	return nil
}

// TestHugeInput reads a 50 MB article, a 20 MB line and 100,000 tiny
// articles through ReadStream: each ends with an article or a clear
// warning, never a crash or a hang.
func TestHugeInput(t *testing.T) {
	heavyUnderRace(t)
	para := strings.Repeat("A sentence in a very long article. ", 30) + "\n\n\n\n"
	for name, tc := range map[string]struct {
		data     string
		articles int
		warning  string
	}{
		"50 MB sample article": {
			data:     " date 2024-01-01 (MENAFN) " + strings.Repeat(para, 50<<20/len(para)) + "MENAFN01012024000000000001ID1100000001",
			articles: 1, warning: "article is longer than 32 MiB: cut",
		},
		"20 MB line": {
			data:     " date 2024-01-01 (MENAFN) " + strings.Repeat("word ", 4<<20) + "\n\n\n\nMENAFN01012024000000000001ID1100000001",
			articles: 1, warning: "is longer than 8 MiB: cut",
		},
		"50 MB Markdown": {
			data:     "---\ntitle: Huge\n---\n\n" + strings.Repeat(para, 50<<20/len(para)),
			articles: 1,
		},
		"100,000 tiny articles": {
			data:     strings.Repeat(" date 2024-01-01 (X) x\n\n\n\nX01012024000000000001ID1100000001\n", 100000),
			articles: 100000,
		},
	} {
		t.Run(name, func(t *testing.T) {
			n, warned := 0, false
			guard(t, "reading "+name, func() {
				err := ReadStream(name, strings.NewReader(tc.data), func(it Item) error {
					if it.Err != nil {
						t.Errorf("item %d: %v", n, it.Err)
						return nil
					}
					n++
					for _, w := range it.Article.Warnings {
						warned = warned || strings.Contains(w, tc.warning)
					}
					if len(it.Article.Body) > len(tc.data) || !utf8.ValidString(it.Article.Body) {
						t.Errorf("body of %d bytes from %d", len(it.Article.Body), len(tc.data))
					}
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			})
			if n != tc.articles {
				t.Errorf("%d articles, want %d", n, tc.articles)
			}
			if tc.warning != "" && !warned {
				t.Errorf("no warning %q", tc.warning)
			}
		})
	}
}
