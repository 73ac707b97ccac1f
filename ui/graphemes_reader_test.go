package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
)

// checkMeasuresAgree fails when a line of the view is measured differently
// by lipgloss (ansi.StringWidth, clusters) and by Bubble Tea's renderer in
// a terminal without mode 2027 (ansi.StringWidthWc, characters), which cuts
// what is wider than the screen and misaligns what is narrower.
func checkMeasuresAgree(t *testing.T, m tea.Model, width int) {
	t.Helper()
	for i, l := range strings.Split(m.View().Content, "\n") {
		if whole, each := ansi.StringWidth(l), ansi.StringWidthWc(l); whole != each || each > width {
			c, _, _ := disagreement(ansi.Strip(l))
			t.Errorf("line %d is %d cells laid out, %d drawn (at %+q), on a screen %d wide: %q", i, whole, each, c, width, ansi.Strip(l))
		}
	}
}

// emojiQuote is a sentence with what a terminal draws otherwise than it is
// laid out: a family, a skin tone, a text symbol as emoji, a keycap, a
// Devanagari conjunct and vowel signs.
const emojiQuote = "The family \U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 came to the zoo \U0001F44D\U0001F3FD by \u2708\ufe0f at 1\ufe0f\u20e3 o'clock, \u0915\u094d\u0937\u092e\u093e \u0915\u0930\u0947\u0902."

// TestEmojiPassageIsSelectedAndHighlighted: an article with emoji
// sequences is drawn as wide as it is laid out, nothing cut; a passage
// holding them is selected, saved with the text as it is stored, and
// highlighted word for word, then and when the article is opened again.
func TestEmojiPassageIsSelectedAndHighlighted(t *testing.T) {
	st, _ := openLibrary(t)
	a := testArticle(0)
	a.Title = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 Family day \u263a\ufe0f at the zoo \U0001F44D\U0001F3FD"
	a.Tags = []string{"zoo", "family", "outings"}
	a.Body = "A plain first sentence.\n\n" + emojiQuote + " Then a sentence after it.\n\n" +
		strings.Repeat("word \U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 ", 40)
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	const width = 80
	m := openReader(t, st, width, 24)
	checkMeasuresAgree(t, m, width)
	if got := strings.Count(viewText(m), "word"); got < 20 {
		t.Errorf("%d words of the last paragraph shown:\n%s", got, viewText(m))
	}
	st0 := root(t, m).styles
	shown := words(keepStyles(displayText(emojiQuote)))

	m = steps(t, m, "v", "j", "o", "j")
	sel, ok := root(t, m).reader.selected()
	if !ok || sel.Quote != emojiQuote {
		t.Fatalf("selected %+q (%v), want %+q", sel.Quote, ok, emojiQuote)
	}
	if got := styledText(m.View().Content, st0.selectionSGR); got != shown {
		t.Errorf("drawn as selected %+q, want %+q", got, shown)
	}
	checkMeasuresAgree(t, m, width)

	m = steps(t, m, "a", "ctrl+s")
	notes := notesOf(t, st, root(t, m).reader.id())
	if len(notes) != 1 || notes[0].Quote != emojiQuote {
		t.Fatalf("saved %+v, want the quote %+q", notes, emojiQuote)
	}
	if got := styledText(m.View().Content, st0.passageCurrentSGR); got != shown {
		t.Errorf("drawn as highlighted %+q, want %+q", got, shown)
	}
	checkMeasuresAgree(t, m, width)

	// Opened again, by another reader: the passage is found and drawn.
	m = openReader(t, st, width, 24)
	if got := styledText(m.View().Content, st0.passageSGR); got != shown {
		t.Errorf("drawn as highlighted when opened again %+q, want %+q", got, shown)
	}
	checkMeasuresAgree(t, m, width)
}

// TestEmojiRowsAgree: list rows whose title, source and tags hold emoji
// sequences and invisible characters are as wide on the terminal as laid
// out: the tags at the end of a row are not cut, and a title of nothing
// but joiners shows as no title.
func TestEmojiRowsAgree(t *testing.T) {
	st, _ := openLibrary(t)
	var arts []feeds.Article
	for i, title := range []string{
		"\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 Family day at the zoo",
		"Smile \u263a\ufe0f and fly \u2708\ufe0f, 1\ufe0f\u20e3 \U0001F44D\U0001F3FD \U0001F3F3\ufe0f\u200d\U0001F308",
		"ukr\u200daine hidden \u2062joiner",
		"\u200d\u200d",
		"\u092d\u093e\u0930\u0924 \u092e\u0947\u0902 \u092e\u093e\u0928\u0938\u0942\u0928 \u0915\u0940 \u092c\u093e\u0930\u093f\u0936",
	} {
		a := testArticle(i)
		a.Title = title
		a.Source = "Zoo \U0001F9D1\u200d\U0001F4BB"
		a.Tags = []string{"zoo", "family", "\U0001F44D\U0001F3FD"}
		arts = append(arts, a)
	}
	if _, err := st.Import(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{60, 80, 100} {
		m := start(t, st, Config{}, width, 12)
		checkMeasuresAgree(t, m, width)
		view := viewText(m)
		// The skin tone stands apart, a swatch of its own; the tags in the
		// library's order, the symbol before the letters.
		if n := strings.Count(view, "#\U0001F44D\u2060\U0001F3FD #family #zoo"); n != len(arts) && width >= 100 {
			t.Errorf("%d: %d rows show all their tags, want %d:\n%s", width, n, len(arts), view)
		}
		if strings.Contains(view, "\u200d") || strings.Contains(view, "\u2062") {
			t.Errorf("%d: an invisible character is drawn:\n%+q", width, view)
		}
	}
}
