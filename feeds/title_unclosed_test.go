package feeds

import "testing"

// TestTitleFromBodyUnclosedQuotes: an inch mark (27", 6.1") is no quote,
// and a quote or bracket the paragraph never closes holds no sentence
// open: the title of Japanese or Chinese text after one is its first
// sentence, not the whole paragraph; so it is of Latin text. Quotes and
// brackets that close still hold their full stops, an apostrophe in them
// closing nothing.
func TestTitleFromBodyUnclosedQuotes(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"inch mark in brackets": {"新型iPhone（6.1\"）を発表した。価格は12万円からで、来月から販売される予定だ。詳細は後日発表される。\n\nSecond.",
			"新型iPhone（6.1\"）を発表した"},
		"inch mark":             {"日本の27\"モニター市場が拡大。各社が新製品を投入している。", "日本の27\"モニター市場が拡大"},
		"two inch marks":        {"27\"モニター。32\"モデルも発表。", "27\"モニター"},
		"unclosed bracket":      {"新製品を発表した（詳細は後日。価格は未定。", "新製品を発表した（詳細は後日"},
		"unclosed ascii":        {"会议(上午举行。下午结束。第二句。", "会议(上午举行"},
		"unclosed curly quote":  {"‘90年代の音楽が人気。次の文。", "‘90年代の音楽が人気"},
		"unclosed, then closed": {"会议（上午举行。他说“好。”然后走了。", "会议（上午举行"},
		"apostrophe in quotes":  {"“It’s fine。”然后走了。第二句。", "“It’s fine。”然后走了"},
		"brackets of both widths": {"会议（上午举行。下午结束)很顺利。第二句。",
			"会议（上午举行。下午结束)很顺利"},
		"a quote closed after a digit": {"他说：\"我有5\"然后走了。第二句。", "他说：\"我有5\"然后走了"},
		"latin inch mark":              {"a 27\" monitor. Next one is smaller.", "a 27\" monitor"},
		"latin unclosed bracket":       {"(unclosed. Next one is closed.", "(unclosed"},
		"french inch mark":             {"Apple a annoncé un écran 27\". Il sera disponible en mai.", "Apple a annoncé un écran 27\""},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := TitleFromBody(tt.body); got != tt.want {
				t.Errorf("TitleFromBody(%q)\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}
