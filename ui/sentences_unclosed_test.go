package ui

import (
	"reflect"
	"testing"
)

// TestSplitSentencesUnclosedQuotes: in the reader, v and j step through
// Japanese or Chinese text sentence by sentence after an inch mark (27",
// 6.1") or a quote or bracket its line never closes, as a title derived
// from it stops at its first sentence (feeds' TestTitleFromBodyUnclosedQuotes);
// quotes and brackets that close on their line still hold their full stops.
func TestSplitSentencesUnclosedQuotes(t *testing.T) {
	tests := map[string]struct {
		text string
		want []string
	}{
		"inch mark in brackets": {"新型iPhone（6.1\"）を発表した。価格は12万円からで、来月から販売される予定だ。詳細は後日発表される。\n\nSecond.",
			[]string{"新型iPhone（6.1\"）を発表した。", "価格は12万円からで、来月から販売される予定だ。", "詳細は後日発表される。", "Second."}},
		"inch mark":             {"日本の27\"モニター市場が拡大。各社が新製品を投入している。", []string{"日本の27\"モニター市場が拡大。", "各社が新製品を投入している。"}},
		"two inch marks":        {"27\"モニター。32\"モデルも発表。", []string{"27\"モニター。", "32\"モデルも発表。"}},
		"unclosed bracket":      {"新製品を発表した（詳細は後日。価格は未定。", []string{"新製品を発表した（詳細は後日。", "価格は未定。"}},
		"unclosed ascii":        {"会议(上午举行。下午结束。第二句。", []string{"会议(上午举行。", "下午结束。", "第二句。"}},
		"unclosed curly quote":  {"‘90年代の音楽が人気。次の文。", []string{"‘90年代の音楽が人気。", "次の文。"}},
		"unclosed, then closed": {"会议（上午举行。他说“好。”然后走了。", []string{"会议（上午举行。", "他说“好。”然后走了。"}},
		"apostrophe in quotes":  {"“It’s fine。”然后走了。第二句。", []string{"“It’s fine。”然后走了。", "第二句。"}},
		"brackets of both widths": {"会议（上午举行。下午结束)很顺利。第二句。",
			[]string{"会议（上午举行。下午结束)很顺利。", "第二句。"}},
		"a quote closed after a digit": {"他说：\"我有5\"然后走了。第二句。", []string{"他说：\"我有5\"然后走了。", "第二句。"}},
		"latin inch mark":              {"a 27\" monitor. Next one is smaller.", []string{"a 27\" monitor.", "Next one is smaller."}},
		"latin unclosed bracket":       {"(unclosed. Next one is closed.", []string{"(unclosed.", "Next one is closed."}},
		"french inch mark":             {"Apple a annoncé un écran 27\". Il sera disponible en mai.", []string{"Apple a annoncé un écran 27\".", "Il sera disponible en mai."}},
		"closed on the next line": {"会议（上午举行。下午结束。\n然后）走了。第二句。",
			[]string{"会议（上午举行。", "下午结束。", "然后）走了。", "第二句。"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tt.text) {
				got = append(got, tt.text[s.start:s.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
