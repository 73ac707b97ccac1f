package feeds

import (
	"testing"
	"time"
)

// TestCleanLineCJKLineBreak: a line break inside Chinese or Japanese text
// in a one-line field goes, with the spaces around it, as it goes between
// the words of a body for the search; anywhere else, and a space typed
// between such characters, is one space. idLine folds every line break
// into a space, as CleanLine did before.
func TestCleanLineCJKLineBreak(t *testing.T) {
	tests := map[string]struct{ in, want, id string }{
		"kanji":                   {"東\n京の話", "東京の話", "東 京の話"},
		"spaces around the break": {"東 \n\t京", "東京", "東 京"},
		"crlf":                    {"東\r\n京", "東京", "東 京"},
		"line separator":          {"東\u2028京", "東京", "東 京"},
		"several breaks":          {"東\n\n京", "東京", "東 京"},
		"hiragana":                {"これは\nペン", "これはペン", "これは ペン"},
		"katakana long vowel":     {"カー\nド", "カード", "カー ド"},
		"halfwidth katakana":      {"ｶﾀ\nｶﾅ", "ｶﾀｶﾅ", "ｶﾀ ｶﾅ"},
		"halfwidth voicing mark":  {"ｶﾞ\nｷﾞ", "ｶﾞｷﾞ", "ｶﾞ ｷﾞ"},
		"combining voicing mark":  {"か\u3099\nき", "か\u3099き", "か\u3099 き"},
		"variation selector":      {"葛\U000E0100\n飾", "葛\U000E0100飾", "葛\U000E0100 飾"},
		"cjk punctuation":         {"東京、\n大阪", "東京、大阪", "東京、 大阪"},
		"fullwidth punctuation":   {"本当\n！", "本当！", "本当 ！"},
		"chinese":                 {"北京\n上海", "北京上海", "北京 上海"},
		"bopomofo":                {"ㄅ\nㄆ", "ㄅㄆ", "ㄅ ㄆ"},
		"typed space stays":       {"東京 大阪", "東京 大阪", "東京 大阪"},
		"ideographic space stays": {"東京\u3000大阪", "東京 大阪", "東京 大阪"},
		"ideographic space break": {"東京\u3000\n大阪", "東京 大阪", "東京 大阪"},
		"hangul":                  {"서울\n에서", "서울 에서", "서울 에서"},
		"latin then kanji":        {"Tokyo\n東京", "Tokyo 東京", "Tokyo 東京"},
		"kanji then latin":        {"東京\nTokyo", "東京 Tokyo", "東京 Tokyo"},
		"latin":                   {"one\ntwo", "one two", "one two"},
		"trimmed":                 {"\n 東京 \n", "東京", "東京"},
		"zero width in the break": {"東\u200b\n京", "東京", "東 京"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := CleanLine(tc.in); got != tc.want {
				t.Errorf("CleanLine(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := CleanLine(tc.want); again != tc.want {
				t.Errorf("not idempotent: %q -> %q", tc.want, again)
			}
			if got := idLine(tc.in); got != tc.id {
				t.Errorf("idLine(%q) = %q, want %q", tc.in, got, tc.id)
			}
			if clean := CleanLine(tc.id); clean != tc.id {
				t.Errorf("an id is no clean line: %q -> %q", tc.id, clean)
			}
		})
	}
}

// TestCJKLineBreakKeepsIDs: an article whose title, source or id wraps
// inside Chinese or Japanese text keeps the id the previous release gave
// it (the ids below are what it made), its title and source stored
// without the line break.
func TestCJKLineBreakKeepsIDs(t *testing.T) {
	day := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	t.Run("made of its fields", func(t *testing.T) {
		a := Article{Source: "共同\n通信", Title: "東\n京の話", Body: "x", Published: day}
		Normalize(&a)
		if a.Title != "東京の話" || a.Source != "共同通信" {
			t.Errorf("title %q, source %q; want 東京の話, 共同通信", a.Title, a.Source)
		}
		if want := "h:08a936544b45ebf65ce6df7534edb562"; a.ExternalID != want {
			t.Errorf("id %s, want %s", a.ExternalID, want)
		}
		if want := "h:9ee74c40cd84c318c4bde8247eed5579"; a.LooseID != want {
			t.Errorf("loose id %s, want %s", a.LooseID, want)
		}
		old := Identity(Article{Source: "共同 通信", Title: "東 京の話", Body: "x", Published: day})
		if a.ExternalID != old {
			t.Errorf("id %s, not the one of the title and source with spaces, %s", a.ExternalID, old)
		}
		checkNormalized(t, a)
	})
	t.Run("given", func(t *testing.T) {
		a := Article{ExternalID: "東\n京", Title: "t", Body: "x"}
		Normalize(&a)
		if a.ExternalID != "東 京" {
			t.Errorf("id %q, want %q", a.ExternalID, "東 京")
		}
		checkNormalized(t, a)
	})
	t.Run("feed entry without guid or link", func(t *testing.T) {
		doc := rssFeedDoc("S", "<item><title>東\n京の話</title><description>本文</description>"+
			"<pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate></item>")
		feed, err := ParseFeed([]byte(doc), "", "", Subscription{URL: "https://site.example.com/feed.xml"})
		if err != nil || len(feed.Articles) != 1 {
			t.Fatalf("%d articles, %v", len(feed.Articles), err)
		}
		a := feed.Articles[0]
		if a.Title != "東京の話" {
			t.Errorf("title %q, want 東京の話", a.Title)
		}
		if want := "feed:https://site.example.com/feed.xml#h:3c8f71cbd6f25f186c2a8bda0c8b17a9"; a.ExternalID != want {
			t.Errorf("id %s, want %s", a.ExternalID, want)
		}
	})
}
