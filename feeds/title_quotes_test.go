package feeds

import "testing"

// TestTitleFromBodyQuotedChinese: a full stop, ! or ? of Chinese inside a
// quotation or an aside, in “curly quotes”, ‘single ones’, "straight ones"
// or (ASCII brackets), does not end the sentence around it, as it does not
// inside 「」 or （）; English sentences end as they did.
func TestTitleFromBodyQuotedChinese(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"curly quotes": {"外交部发言人汪文斌表示：“中方坚决反对。我们敦促美方立即停止。”他还表示，中方将采取必要措施。",
			"外交部发言人汪文斌表示：“中方坚决反对。我们敦促美方立即停止。”他还表示，中方将采取必要措施"},
		"straight quotes":  {`他说："今天很好。明天也好。"然后走了。第二句。`, `他说："今天很好。明天也好。"然后走了`},
		"ascii brackets":   {"会议(上午举行。下午结束)很顺利。第二句。", "会议(上午举行。下午结束)很顺利"},
		"a question":       {"他问道：“你去哪里？”我没有回答。第二句。", "他问道：“你去哪里？”我没有回答"},
		"single quotes":    {"他说：‘好。’然后走了。第二句。", "他说：‘好。’然后走了"},
		"after the quotes": {"他说：“好。”然后走了。第二句。", "他说：“好。”然后走了"},
		"english quotes":   {`He said "a very serious matter." Then he left.`, `He said "a very serious matter."`},
		"english curly":    {"He said “enough.” Then he left.", "He said “enough.”"},
		"english brackets": {"It was (mostly) done. (Then it was not.) Done.", "It was (mostly) done"},
		"english, then chinese after an apostrophe": {"It’s open. 图书馆开馆了。", "It’s open"},
		"chinese after an apostrophe":               {"McDonald’s在北京开店。第二句。", "McDonald’s在北京开店"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := TitleFromBody(tt.body); got != tt.want {
				t.Errorf("TitleFromBody(%q)\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}
