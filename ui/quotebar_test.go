package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// TestQuoteKeepsItsBar: every line of a block quote starts with its bar,
// however long its words and however wide the terminal, no line is wider
// than the width, and every letter of the quote is shown, in order.
func TestQuoteKeepsItsBar(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", 150) + "?q=" + strings.Repeat("b", 40)
	quotes := map[string]struct {
		md   string
		bars int // levels of quote
	}{
		"long address":    {"> Short line then " + long + " end of quote.", 1},
		"long word":       {"> Quoted text with a long token " + strings.Repeat("z", 130) + " and then more quoted words follow here.", 1},
		"hyphenated":      {"> Another " + strings.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis-", 3) + " word.", 1},
		"words that fit":  {"> Lorem ipsum dolor sit amet consectetur adipiscing elit. Quisque faucibus ex sapien vitae pellentesque sem placerat, in id cursus mi pretium tellus duis convallis.", 1},
		"nested":          {"> > Nested " + strings.Repeat("y", 100) + " and words to wrap again and again at the edge of the screen.", 2},
		"code in a quote": {"> ```\n> " + strings.Repeat("x := 1; ", 20) + "\n> ```", 1},
	}
	var widths []int // every width for the dark style, a few for the others
	step := 1
	if raceDetector {
		step = 7 // a sample of the widths; see raceDetector
	}
	for width := 20; width <= 120; width += step {
		widths = append(widths, width)
	}
	styles := map[string][]int{"dark": widths, "light": {24, 40, 80}, "notty": {24, 40, 80}}
	for name, q := range quotes {
		for style, widths := range styles {
			bar := "│ "
			if style == "notty" {
				bar = "| "
			}
			want := strings.Repeat(bar, q.bars)
			for _, width := range widths {
				out, err := newRenderer().render(renderKey{width: width, style: style}, q.md)
				if err != nil {
					t.Fatal(err)
				}
				var letters strings.Builder
				for i, line := range strings.Split(ansi.Strip(out), "\n") {
					if w := ansi.StringWidth(line); w > width {
						t.Errorf("%s, %s at %d: line %d is %d wide: %q", name, style, width, i, w, line)
					}
					shown := strings.TrimLeft(line, " ")
					if strings.TrimSpace(shown) == "" || strings.HasPrefix(want, strings.TrimRight(shown, " ")) {
						continue // blank, or the outer bar between two levels
					}
					if !strings.HasPrefix(shown, want) {
						t.Errorf("%s, %s at %d: line %d lost its bar: %q", name, style, width, i, line)
						continue
					}
					letters.WriteString(strings.Join(strings.Fields(shown[len(want):]), ""))
				}
				text := strings.ReplaceAll(strings.ReplaceAll(q.md, "> ", ""), "```", "")
				if got, want := letters.String(), strings.Join(strings.Fields(text), ""); got != want {
					t.Errorf("%s, %s at %d: shows %q, want %q", name, style, width, got, want)
				}
			}
		}
	}
}

// TestQuoteBarInTheReader: the reader draws a quote with a long word with
// its bar on every line, and a highlight in it on its words.
func TestQuoteBarInTheReader(t *testing.T) {
	quote := "and then more quoted words"
	lib := tabLibrary(t, "> Quoted text with a long token "+strings.Repeat("z", 130)+" "+quote+" follow here.\n\nAfter the quote.")
	id := firstID(t, lib)
	addNotes(t, lib, id, passage(t, lib, id, quote))
	for _, width := range []int{80, 40} {
		m := openReader(t, lib, width, 24)
		checkFits(t, m, width, 24)
		lines := strings.Split(viewText(m), "\n")
		in := false
		for _, line := range lines {
			if strings.Contains(line, "Quoted text") {
				in = true
			}
			// The passage's mark may stand in the margin's first column.
			_, size := utf8.DecodeRuneInString(line)
			if in && !strings.HasPrefix(line[size:], " │ ") {
				t.Errorf("%d columns: a line of the quote without its bar: %q", width, line)
			}
			if strings.Contains(line, "here.") {
				in = false
			}
		}
		if got := styledText(m.View().Content, root(t, m).styles.passageSGR); got != quote {
			t.Errorf("%d columns: the passage is drawn on %q", width, got)
		}
	}
}

// TestQuoteBarLeavesTheStandardStyles: the reader's styles are copies; the
// standard ones keep their bar.
func TestQuoteBarLeavesTheStandardStyles(t *testing.T) {
	for _, name := range []string{"dark", "light", "notty"} {
		cfg, bar, err := glamourStyleConfig(name)
		if err != nil {
			t.Fatal(err)
		}
		std := glamourstyles.DefaultStyles[name].BlockQuote
		if *std.Indent != 1 || ansi.StringWidth(*std.IndentToken) != 2 {
			t.Errorf("%s: the standard style's quote changed: %d × %q", name, *std.Indent, *std.IndentToken)
		}
		if *cfg.BlockQuote.Indent != 2 || *cfg.BlockQuote.IndentToken != quoteMark || strings.Join(bar, "") != *std.IndentToken {
			t.Errorf("%s: the quote is drawn %d × %q as %q", name, *cfg.BlockQuote.Indent, *cfg.BlockQuote.IndentToken, bar)
		}
	}
	if _, _, err := glamourStyleConfig("no such style"); err == nil {
		t.Error("an unknown style was accepted")
	}
}
