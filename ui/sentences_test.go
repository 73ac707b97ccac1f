package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

func TestSplitSentences(t *testing.T) {
	tests := map[string]struct {
		text string
		want []string
	}{
		"simple":        {"One sentence. Another one! A third? Yes.", []string{"One sentence.", "Another one!", "A third?", "Yes."}},
		"lower case":    {"It ended. and went on.", []string{"It ended. and went on."}},
		"digit":         {"It rose by 5. 2024 was worse.", []string{"It rose by 5.", "2024 was worse."}},
		"decimal":       {"It rose by 3.5 percent. Then fell.", []string{"It rose by 3.5 percent.", "Then fell."}},
		"us":            {"Aid from the U.S. Army arrived. It helped.", []string{"Aid from the U.S. Army arrived.", "It helped."}},
		"abbreviations": {"Gen. Ingo Gerhartz spoke to Dr. Smith. Mr. Scholz did not.", []string{"Gen. Ingo Gerhartz spoke to Dr. Smith.", "Mr. Scholz did not."}},
		"initial":       {"John F. Kennedy spoke. Crowds cheered.", []string{"John F. Kennedy spoke.", "Crowds cheered."}},
		"e.g.":          {"Missiles, e.g. Taurus, matter. They do.", []string{"Missiles, e.g. Taurus, matter.", "They do."}},
		"quotes":        {`He said "a very serious matter." Then he left.`, []string{`He said "a very serious matter."`, "Then he left."}},
		"curly quotes":  {"He said “enough.” Then he left.", []string{"He said “enough.”", "Then he left."}},
		"brackets":      {"It was (mostly) done. (Then it was not.) Done.", []string{"It was (mostly) done.", "(Then it was not.)", "Done."}},
		"paragraphs":    {"A heading without a stop\n\nThe body starts here. It ends here", []string{"A heading without a stop", "The body starts here.", "It ends here"}},
		"line break":    {"One line\nand the next. Next.", []string{"One line", "and the next.", "Next."}},
		"list items":    {"To decide:\n\nRoute through the centre\ndepot site\n\nNext.", []string{"To decide:", "Route through the centre", "depot site", "Next."}},
		"table rows":    {"City Opened\nEdinburgh 2014\nNottingham 2004", []string{"City Opened", "Edinburgh 2014", "Nottingham 2004"}},
		"a hard break":  {"It failed. The report\nwas late.", []string{"It failed.", "The report", "was late."}},
		"ellipsis":      {"Wait... What now? Nothing.", []string{"Wait...", "What now?", "Nothing."}},
		"white space":   {"  \n\n  Lone.  \n\n", []string{"Lone."}},
		"empty":         {"", nil},
		"address":       {"See example.com for more. Thanks.", []string{"See example.com for more.", "Thanks."}},
		"no. 5":         {"It was No. 5 on the list. Really.", []string{"It was No. 5 on the list.", "Really."}},
		"no. 10":        {"See no. 10 and nos. 3 and 4. Then stop.", []string{"See no. 10 and nos. 3 and 4.", "Then stop."}},
		"voted no":      {"The council voted no. The mayor said the plan would return in spring.", []string{"The council voted no.", "The mayor said the plan would return in spring."}},
		"said No":       {"She said No. Then she left.", []string{"She said No.", "Then she left."}},
		"no, quoted":    {`He said "no." Nobody argued.`, []string{`He said "no."`, "Nobody argued."}},

		// Scripts without capitals.
		"japanese": {"東京で図書館が開館しました。市民は喜んでいます。来年は二つ目の図書館が開く予定です。",
			[]string{"東京で図書館が開館しました。", "市民は喜んでいます。", "来年は二つ目の図書館が開く予定です。"}},
		"japanese, spaced":    {"開館しました。 市民は喜んでいます。", []string{"開館しました。", "市民は喜んでいます。"}},
		"chinese":             {"北京今天天气很好！市民们在公园里散步？是的。", []string{"北京今天天气很好！", "市民们在公园里散步？", "是的。"}},
		"wide marks in a row": {"本当！？そうです。", []string{"本当！？", "そうです。"}},
		"japanese quotes":     {"彼は「ありがとう。」と言った。そして帰った。", []string{"彼は「ありがとう。」と言った。", "そして帰った。"}},
		"a quote first":       {"「行こう。」と彼は言った。皆が続いた。", []string{"「行こう。」と彼は言った。", "皆が続いた。"}},
		"closing quote after": {"彼は言った。「行こう。」\n\n次の段落。", []string{"彼は言った。", "「行こう。」", "次の段落。"}},
		"arabic": {"افتتحت مكتبة جديدة في المدينة. السكان سعداء جدا. ستفتح مكتبة ثانية العام المقبل.",
			[]string{"افتتحت مكتبة جديدة في المدينة.", "السكان سعداء جدا.", "ستفتح مكتبة ثانية العام المقبل."}},
		"arabic question": {"هل افتتحت المكتبة؟ نعم افتتحت.", []string{"هل افتتحت المكتبة؟", "نعم افتتحت."}},
		"hebrew": {"הספרייה נפתחה. התושבים שמחים! מתי תיפתח השנייה? בשנה הבאה.",
			[]string{"הספרייה נפתחה.", "התושבים שמחים!", "מתי תיפתח השנייה?", "בשנה הבאה."}},
		"korean": {"서울에서 새로운 도서관이 문을 열었습니다. 시민들은 기뻐했습니다.",
			[]string{"서울에서 새로운 도서관이 문을 열었습니다.", "시민들은 기뻐했습니다."}},
		"korean, then latin": {"새 휴대폰이 나왔습니다. iPhone 판매가 시작됐습니다.",
			[]string{"새 휴대폰이 나왔습니다.", "iPhone 판매가 시작됐습니다."}},
		"hindi":                            {"दिल्ली में बारिश हुई। लोग खुश हैं।", []string{"दिल्ली में बारिश हुई।", "लोग खुश हैं।"}},
		"latin abbreviation before korean": {"Mr. 김 spoke. Then left.", []string{"Mr. 김 spoke.", "Then left."}},
		"latin initialism before korean":   {"The U.S. 대사관 opened. Good.", []string{"The U.S. 대사관 opened.", "Good."}},
		"latin, still lower case":          {"It ended. and went on. 東京 too.", []string{"It ended. and went on.", "東京 too."}},
		"mixed paragraph": {"A library opened. 図書館が開館しました。It is large.",
			[]string{"A library opened.", "図書館が開館しました。", "It is large."}},
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

func TestSentenceAt(t *testing.T) {
	text := "First one. Second one.\n\nThird one."
	s := splitSentences(text)
	tests := map[string]struct{ offset, want int }{
		"start":            {0, 0},
		"inside the first": {4, 0},
		"between":          {10, 1},
		"the third":        {len(text) - 2, 2},
		"past the end":     {len(text) + 5, 2},
	}
	for name, tt := range tests {
		if got := sentenceAt(s, tt.offset); got != tt.want {
			t.Errorf("%s: sentenceAt(%d) = %d, want %d", name, tt.offset, got, tt.want)
		}
	}
	if got := sentenceAt(nil, 3); got != -1 {
		t.Errorf("no sentences: %d", got)
	}
}

// In the reader, v selects a sentence of Japanese, Arabic or Hebrew, and j
// adds the next one, instead of the whole paragraph.
func TestSelectingSentencesWithoutCapitals(t *testing.T) {
	paragraphs := [][]string{
		{"東京で図書館が開館しました。", "市民は喜んでいます。"},
		{"افتتحت مكتبة جديدة في المدينة.", "السكان سعداء جدا."},
		{"הספרייה נפתחה.", "התושבים שמחים."},
	}
	for _, p := range paragraphs {
		st, _ := openLibrary(t)
		a := feeds.Article{ExternalID: "s1", Source: "S", Title: "Sentences",
			Body: strings.Join(p, " ") + "\n\nA second paragraph.", Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
		if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
			t.Fatal(err)
		}
		m := openReader(t, st, 80, 24)
		for i, key := range []string{"v", "j"} {
			m = step(t, m, press(key))
			sel, ok := root(t, m).reader.selected()
			want := strings.Join(p[:i+1], " ")
			if !ok || sel.Quote != want {
				t.Errorf("after %s: selected %q, want %q", key, sel.Quote, want)
			}
		}
	}
}
