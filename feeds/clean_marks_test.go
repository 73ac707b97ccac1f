package feeds

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// realMarks is text in the scripts that stack marks on a letter, as people
// write it: none of it is cut.
var realMarks = map[string]string{
	"Vietnamese":          "Tiếng Việt có dấu: người, đường, nghiêng, Nguyễn",
	"Vietnamese, NFD":     norm.NFD.String("Tiếng Việt có dấu: người, đường, nghiêng, Nguyễn"),
	"Hindi":               "क्षत्रिय स्त्री ने राष्ट्र के लिए कहा",
	"Tibetan":             "ༀ་མ་ཎི་པདྨེ་ཧཱུྃ། བསྒྲུབས་ རྒྱ་མཚོ་ ཀྵྨྱཱ",
	"Hebrew, cantillated": "בְּרֵאשִׁ֖ית בָּרָ֣א אֱלֹהִ֑ים",
	"Arabic, vowelled":    "بِسْمِ ٱللَّٰهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ",
	"Thai":                "น้ำท่วมหนัก ก๊ก",
	"Korean jamo":         "\u1100\u1161\u11a8 \u1112\u1161\u11ab",
	"halfwidth kana":      "ｶﾞｿﾘﾝ価格とﾃﾞｼﾞﾀﾙ、ﾊﾟﾝ",
	"emoji": "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 " +
		"\U0001F9D1\U0001F3FB\u200d\u2764\ufe0f\u200d\U0001F48B\u200d\U0001F9D1\U0001F3FC " +
		"\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F \U0001F44D\U0001F3FD 1\ufe0f\u20e3",
	"thirty marks": "Z" + strings.Repeat("\u0301", MaxMarks) + " end",
}

// TestCleanKeepsScriptsMarks: cleaning keeps every mark real text has, in
// every one-line field and in the body.
func TestCleanKeepsScriptsMarks(t *testing.T) {
	for name, s := range realMarks {
		t.Run(name, func(t *testing.T) {
			for fn, clean := range map[string]func(string) string{
				"CleanText": CleanText, "CleanLine": CleanLine, "CleanMarkdown": CleanMarkdown, "ShortLine": ShortLine,
			} {
				if got := clean(s); got != s {
					t.Errorf("%s(%+q) = %+q", fn, s, got)
				}
			}
		})
	}
}

// accents is n combining accents, four kinds in turn.
func accents(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteRune(rune(0x301 + i%4))
	}
	return b.String()
}

// zalgo is a letter under n accents, as a hostile feed's title has it.
func zalgo(n int) string { return "Z" + accents(n) }

// TestCleanCapsMarks: a letter keeps MaxMarks marks of a run of thousands,
// in a field and in a body, whatever stood between the marks that cleaning
// takes out; what is left is clean.
func TestCleanCapsMarks(t *testing.T) {
	tests := map[string]struct {
		in, want string
		line     string // what CleanLine leaves, when not want
	}{
		"a run of thousands":        {in: "zalgo " + zalgo(40000) + " here", want: "zalgo " + zalgo(MaxMarks) + " here"},
		"two letters":               {in: zalgo(100) + zalgo(100), want: zalgo(MaxMarks) + zalgo(MaxMarks)},
		"marks and no letter":       {in: accents(100) + " x", want: accents(MaxMarks) + " x"},
		"across a control":          {in: zalgo(20) + "\x01" + accents(20), want: zalgo(20) + accents(10)},
		"across a reference":        {in: zalgo(20) + "&#27;" + accents(20), want: zalgo(20) + accents(10)},
		"across a joiner":           {in: zalgo(20) + "\u200d" + accents(20), want: zalgo(20) + "\u200d" + accents(10)},
		"across a zero-width space": {in: zalgo(20) + "\u200b" + accents(20), want: zalgo(20) + "\u200b" + accents(10), line: zalgo(20) + accents(10)},
		"a new letter starts over":  {in: zalgo(28) + "e" + accents(28), want: zalgo(28) + "e" + accents(28)},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			for fn, clean := range map[string]func(string) string{
				"CleanText": CleanText, "CleanLine": CleanLine, "CleanMarkdown": CleanMarkdown,
			} {
				want := tt.want
				if fn == "CleanLine" && tt.line != "" {
					want = tt.line
				}
				got := clean(tt.in)
				if got != want {
					t.Errorf("%s: %d bytes, %d characters; want %d, %d: %+q", fn,
						len(got), utf8.RuneCountInString(got), len(want), utf8.RuneCountInString(want), shorten(got))
				}
				if again := clean(got); again != got {
					t.Errorf("%s is not idempotent: %+q, then %+q", fn, shorten(got), shorten(again))
				}
			}
		})
	}
}

// shorten is s for a failure message.
func shorten(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// TestShortLine: a one-line field of more than MaxLineLength characters
// is cut after a word, or inside it in text without spaces, but never
// between a letter and its marks; "…" says it was.
func TestShortLine(t *testing.T) {
	words := strings.Repeat("word ", 400)
	tests := map[string]struct {
		in, want string
	}{
		"fits":                   {"A title", "A title"},
		"exactly the most":       {strings.Repeat("x", MaxLineLength), strings.Repeat("x", MaxLineLength)},
		"after a word":           {words, strings.TrimSpace(strings.Repeat("word ", 200)) + "…"},
		"one long word":          {"Feed " + strings.Repeat("T", 1000000), "Feed " + strings.Repeat("T", MaxLineLength-6) + "…"},
		"ideographs":             {strings.Repeat("東京の記者", 300), string([]rune(strings.Repeat("東京の記者", 300))[:MaxLineLength-1]) + "…"},
		"not from its marks":     {strings.Repeat("x", MaxLineLength-2) + "e\u0301\u0302\u0303", strings.Repeat("x", MaxLineLength-2) + "…"},
		"not inside an emoji":    {strings.Repeat("x", MaxLineLength-2) + "\U0001F468\u200d\U0001F469", strings.Repeat("x", MaxLineLength-2) + "…"},
		"a comma before it goes": {strings.Repeat("x", 600) + ", " + strings.Repeat("y", 600), strings.Repeat("x", 600) + "…"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := ShortLine(tt.in)
			if got != tt.want {
				t.Errorf("ShortLine = %+q (%d characters), want %+q (%d)", shorten(got), utf8.RuneCountInString(got), shorten(tt.want), utf8.RuneCountInString(tt.want))
			}
			if n := utf8.RuneCountInString(got); n > MaxLineLength {
				t.Errorf("%d characters", n)
			}
			if again := ShortLine(got); again != got {
				t.Errorf("not idempotent: %+q", shorten(again))
			}
		})
	}
}

// TestNormalizeCutsHostileFields: an article whose title, author, source
// and tags run to megabytes (a hostile feed's), or whose title is a letter
// under millions of marks, is stored with fields a reader can be shown,
// and with the id it had before they were cut: importing the same file
// again finds it.
func TestNormalizeCutsHostileFields(t *testing.T) {
	long := "long " + strings.Repeat("w", 2000000)
	a := Article{
		Title:     long,
		Author:    "By " + strings.Repeat("Someone ", 100000),
		Source:    "Feed " + strings.Repeat("T", 1000000),
		Tags:      []string{strings.Repeat("tag", 100000), "news"},
		Body:      "x",
		Published: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC),
	}
	before := a
	before.Title, before.Author, before.Source = CleanLine(a.Title), CleanLine(a.Author), NormalizeSource(a.Source)
	want := Identity(before)

	start := time.Now()
	Normalize(&a)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Normalize took %v", d)
	}
	for field, v := range map[string]string{"title": a.Title, "author": a.Author, "source": a.Source, "first tag": a.Tags[0]} {
		if n := utf8.RuneCountInString(v); n > MaxLineLength || !strings.HasSuffix(v, "…") {
			t.Errorf("the %s is %d characters: %q", field, n, shorten(v))
		}
	}
	if len(a.Tags) != 2 || a.Tags[1] != "news" {
		t.Errorf("tags %q", a.Tags)
	}
	if a.ExternalID != want {
		t.Errorf("id %s, want %s as before", a.ExternalID, want)
	}
	again := a
	again.Tags = append([]string(nil), a.Tags...)
	Normalize(&again)
	if again.Title != a.Title || again.Author != a.Author || again.Source != a.Source || strings.Join(again.Tags, "|") != strings.Join(a.Tags, "|") {
		t.Errorf("not idempotent: %q %q %q", shorten(again.Title), shorten(again.Author), shorten(again.Source))
	}

	z := Article{Title: "zalgo " + zalgo(4400000), Body: "x", ExternalID: "z2"}
	Normalize(&z)
	if want := "zalgo " + zalgo(MaxMarks); z.Title != want {
		t.Errorf("the title is %d bytes: %+q", len(z.Title), shorten(z.Title))
	}
}

// TestHugeFeedTitlesCut: a feed whose title runs to a megabyte, and whose
// entries' titles run to megabytes of letters, of marks on one letter and
// of emoji, is subscribed to and listed under a title that fits, and its
// articles with titles and a source that do.
func TestHugeFeedTitlesCut(t *testing.T) {
	item := func(id, title string) string {
		return `<item><title>` + title + `</title><link>http://e.example/` + id + `</link><guid>` + id + `</guid><description>x</description></item>`
	}
	doc := rssFeedDoc("Feed "+strings.Repeat("T", 1000000),
		item("lt1", "long "+strings.Repeat("w", 2000000)),
		item("lt2", "zalgo "+zalgo(1000000)),
		item("lt3", "emoji "+strings.Repeat("\U0001F468\u200d\U0001F469\u200d\U0001F467", 100000)))
	feed, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(feed.Title); n > MaxLineLength || !strings.HasPrefix(feed.Title, "Feed TTT") {
		t.Errorf("the feed's title is %d characters: %q", n, shorten(feed.Title))
	}
	if len(feed.Articles) != 3 {
		t.Fatalf("%d articles", len(feed.Articles))
	}
	for _, a := range feed.Articles {
		for field, v := range map[string]string{"title": a.Title, "source": a.Source} {
			if n := utf8.RuneCountInString(v); n > MaxLineLength {
				t.Errorf("%s: the %s is %d characters: %q", a.ExternalID, field, n, shorten(v))
			}
		}
	}
	if want := "zalgo " + zalgo(MaxMarks); feed.Articles[1].Title != want {
		t.Errorf("the zalgo title is %+q", shorten(feed.Articles[1].Title))
	}
}
