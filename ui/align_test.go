package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/store/anchor"
)

// richBody has what glamour adds words around: a heading's marks, bullets,
// numbers, a quote's bar, links with their addresses, code, a table, and a
// word too long for the line.
const richBody = `## Harbour cranes

The port authority said on Tuesday that the **harbour cranes** would be replaced, says [the report](https://example.org/a/very/long/address/that/wraps) by *The Times*.

- more containers
- fewer trucks, and ` + "`code spans`" + `

1. first item
2. second item

> A quoted passage that is long enough to wrap at narrow widths, surely.

| Year | Cranes |
|------|--------|
| 1974 | eleven |

Supercalifragilisticexpialidociouslylongwordthatcannotwrapanywhereatall ends it. See https://example.org/auto.`

// emojiBody has what the reader shows otherwise than it is stored
// (displayText): emoji sequences, alone and glued to words, a word of them
// too long for the line, and Devanagari.
const emojiBody = "The family \U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 came, **\U0001F44D\U0001F3FD** and \u2708\ufe0f.\n\n" +
	"Glued:\U0001F3F3\ufe0f\u200d\U0001F308rainbow, 1\ufe0f\u20e3st, \u0915\u094d\u0937\u092e\u093e \u0915\u0930\u0947\u0902.\n\n" +
	"\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 end."

func sampleBody(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "samples", "menafn-luftwaffe-leak.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestLayoutFindsEveryWord: every word of the plain text is found in the
// rendering, at every width, and what is found there is the word itself.
func TestLayoutFindsEveryWord(t *testing.T) {
	bodies := map[string]string{"sample": sampleBody(t), "rich": richBody, "generated": testBody(3), "emoji": emojiBody}
	for name, body := range bodies {
		text := anchor.PlainText(body)
		for _, width := range []int{10, 24, 40, 80, 120} {
			out, err := newRenderer().render(renderKey{width: width, style: "dark"}, body)
			if err != nil {
				t.Fatal(err)
			}
			l := newBodyLayout(out, text)
			missing := 0
			for _, w := range l.words {
				word := text[w.start:w.end]
				var found strings.Builder
				for _, p := range l.pieces[w.first : w.first+w.n] {
					found.WriteString(l.strip[p.rs:p.re])
				}
				switch {
				case found.Len() == 0:
					missing++
				case !strings.HasPrefix(shownWord(word), found.String()):
					t.Errorf("%s at %d: the word %q was found as %q", name, width, word, found.String())
				}
			}
			// A word glued to a link's address ("report" before the
			// link's own punctuation) may only be found in part; none may
			// be lost outright but in the narrowest widths.
			if missing > 0 && width >= 24 {
				t.Errorf("%s at %d: %d of %d words not found", name, width, missing, len(l.words))
			}
		}
	}
}

// TestLayoutLines: each line of the rendering leads back to where its
// first word is in the plain text.
func TestLayoutLines(t *testing.T) {
	body := sampleBody(t)
	text := anchor.PlainText(body)
	out, err := newRenderer().render(renderKey{width: 60, style: "dark"}, body)
	if err != nil {
		t.Fatal(err)
	}
	l := newBodyLayout(out, text)
	lines := strings.Split(l.strip, "\n")
	if len(lines) != len(l.linePlain) {
		t.Fatalf("%d lines, %d line offsets", len(lines), len(l.linePlain))
	}
	last := -1
	for i, line := range lines {
		off := l.linePlain[i]
		first := strings.Fields(line)
		switch {
		case len(first) == 0 && off >= 0:
			t.Errorf("blank line %d maps to %d", i, off)
		case len(first) > 0 && off < 0:
			t.Errorf("line %d %q maps to nothing", i, line)
		case len(first) > 0:
			if !strings.HasPrefix(text[off:], first[0]) {
				t.Errorf("line %d starts with %q, its offset %d with %q", i, first[0], off, text[off:min(off+20, len(text))])
			}
			if off <= last {
				t.Errorf("line %d maps to %d, before the line above (%d)", i, off, last)
			}
			last = off
		}
	}
}

// TestLayoutRanges: a passage's ranges in the rendering hold its words,
// one range per line, the spaces between words included.
func TestLayoutRanges(t *testing.T) {
	text := anchor.PlainText(richBody)
	out, err := newRenderer().render(renderKey{width: 40, style: "dark"}, richBody)
	if err != nil {
		t.Fatal(err)
	}
	l := newBodyLayout(out, text)
	tests := map[string]string{
		"within a line":   "harbour cranes",
		"across lines":    "would be replaced, says the report by The Times.",
		"across a block":  "The Times.\n\nmore containers",
		"part of a word":  "arbour cran",
		"list item":       "fewer trucks, and code spans",
		"quoted, wrapped": "A quoted passage that is long enough to wrap at narrow widths, surely.",
	}
	for name, quote := range tests {
		t.Run(name, func(t *testing.T) {
			start := strings.Index(text, quote)
			if start < 0 {
				t.Fatalf("%q is not in the plain text:\n%s", quote, text)
			}
			var got []string
			for _, r := range l.ranges(start, start+len(quote)) {
				s := l.strip[r[0]:r[1]]
				if strings.Contains(s, "\n") {
					t.Errorf("a range crosses a line: %q", s)
				}
				got = append(got, strings.Fields(s)...)
			}
			want := strings.Fields(quote)
			// The link's address is not part of the passage.
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("ranges hold %q, want %q", got, want)
			}
		})
	}
}
