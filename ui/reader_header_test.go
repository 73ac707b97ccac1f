package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
)

// The reader's header gives a long title two lines, breaking it between
// words, or between letters in a title without spaces (Chinese, Japanese,
// Korean written without them), and ends the second with … when even two
// are not enough.
func TestReaderTitleWrapsOnTwoLines(t *testing.T) {
	cjk := "東京で新しい図書館が開館、市民の読書文化を支える取り組みが始まる。これは長い日本語のタイトルで、幅の計算を試すためのものです"
	runes := []rune(cjk)
	hangul := strings.Repeat("가", 60)
	tests := []struct {
		name, title string
		width       int
		want        [2]string // the header's first two lines, trimmed
	}{
		{"Japanese", cjk, 60, [2]string{string(runes[:29]), string(runes[29:57]) + "…"}},
		{"Japanese, fits on two", string(runes[:50]), 60, [2]string{string(runes[:29]), string(runes[29:50])}},
		{"Korean without spaces", hangul, 40, [2]string{strings.Repeat("가", 19), strings.Repeat("가", 18) + "…"}},
		{"Latin, between words", "A record number of runners finished the city marathon on Sunday despite the heat", 42,
			[2]string{"A record number of runners finished the", "city marathon on Sunday despite the heat"}},
		{"Latin, too long for two", "A record number of runners finished the city marathon on Sunday despite the heat and the rain", 42,
			[2]string{"A record number of runners finished the", "city marathon on Sunday despite the hea…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _ := openLibrary(t)
			a := feeds.Article{ExternalID: "x1", Source: "S", Title: tt.title, Body: "Body.",
				Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
			if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
				t.Fatal(err)
			}
			m := start(t, st, Config{}, tt.width, 30)
			m = step(t, m, press("enter"))
			checkFits(t, m, tt.width, 30)
			lines := strings.Split(viewText(m), "\n")
			got := [2]string{strings.TrimSpace(lines[0]), strings.TrimSpace(lines[1])}
			if got != tt.want {
				t.Errorf("title lines:\n%q\n%q\nwant:\n%q\n%q", got[0], got[1], tt.want[0], tt.want[1])
			}
			if !strings.HasPrefix(strings.TrimSpace(lines[2]), "S ·") {
				t.Errorf("the source does not follow the title:\n%s", viewText(m))
			}
		})
	}
}

func TestWrapTitle(t *testing.T) {
	tests := []struct {
		title string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"Short", 10, []string{"Short"}},
		{"two  words", 5, []string{"two", "words"}},
		{"iPhone 16が日本で発売された", 16, []string{"iPhone 16が日本", "で発売された"}},
		{"東京で図書館が開館。市民は喜ぶ", 10, []string{"東京で図書", "館が開館。", "市民は喜ぶ"}},
		{"漢字", 1, []string{"漢", "字"}},
		{"abcdefghij klm", 4, []string{"abcd", "efgh", "ij", "klm"}},
		{"see https://example.com/a/very/long/path now", 20, []string{"see https://", "example.com/a/very/", "long/path now"}},
		{"e\u0301e\u0301e\u0301 x", 2, []string{"e\u0301e\u0301", "e\u0301", "x"}},
		{"ab漢cd", 2, []string{"ab", "漢", "cd"}},
	}
	for _, tt := range tests {
		got := wrapTitle(tt.title, tt.width, 0)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapTitle(%q, %d) = %q, want %q", tt.title, tt.width, got, tt.want)
		}
	}
	// A title of one word of 200,000 letters (a hostile page's headline)
	// is cut into lines of the width, nothing lost.
	long := strings.Repeat("x", 200_000)
	got := wrapTitle(long, 80, 0)
	if len(got) != 2500 || strings.Join(got, "") != long || ansi.StringWidth(got[0]) != 80 {
		t.Errorf("a 200,000-letter word: %d lines of %d, want 2,500 of 80, nothing lost", len(got), ansi.StringWidth(got[0]))
	}
	// Asked for the lines a header shows, it stops there.
	if got := wrapTitle(long+" and more words", 80, 3); len(got) != 3 || got[2] != long[:80] {
		t.Errorf("the first 3 lines of a 200,000-letter word: %d lines", len(got))
	}
	if got := wrapTitle("one two three four", 5, 2); strings.Join(got, "|") != "one|two" {
		t.Errorf("the first 2 lines of words: %q", got)
	}
}

// BenchmarkWrapTitleLongWord: a title that is one long word is wrapped in
// time linear in its length (each line had measured the whole rest).
func BenchmarkWrapTitleLongWord(b *testing.B) {
	long := strings.Repeat("x", 1<<20)
	for b.Loop() {
		wrapTitle(long, 80, 0)
	}
}
