package ui

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
)

// TestHalfwidthKanaHighlighted: halfwidth katakana with voicing marks
// (ｶﾞ, ﾃﾞ), which the screen draws with a word joiner between the kana and
// its mark, is highlighted where the filter found it, in the list and in
// the reader's title and body, whether the filter is written in fullwidth
// katakana or as the text has it; and the words of other scripts the
// screen cuts so (a Devanagari letter and its vowel sign) still are.
func TestHalfwidthKanaHighlighted(t *testing.T) {
	st, _ := openLibrary(t)
	kana, hindi := testArticle(0), testArticle(1)
	kana.Title, kana.Body = "ｶﾞｿﾘﾝ価格とﾃﾞｼﾞﾀﾙ", "ﾃﾞｼﾞﾀﾙ庁の発表。ｶﾞｿﾘﾝ。"
	hindi.Title, hindi.Body = "भारत में मानसून", "भारत के कई राज्यों में बारिश।"
	if _, err := st.Import(context.Background(), []feeds.Article{kana, hindi}); err != nil {
		t.Fatal(err)
	}
	gas, digital := "«ｶ\u2060ﾞｿﾘﾝ»", "«ﾃ\u2060ﾞｼ\u2060ﾞﾀﾙ»"
	tests := map[string]struct {
		query      string
		list, body []string // highlighted as drawn, in the list and in the reader
	}{
		"fullwidth":          {"ガソリン OR デジタル", []string{gas + "価格と" + digital}, []string{digital + "庁", gas + "。"}},
		"as the text has it": {"ｶﾞｿﾘﾝ", []string{gas + "価格と"}, []string{gas + "。"}},
		"a phrase":           {`"ｶﾞｿﾘﾝ価格"`, []string{"«ｶ\u2060ﾞｿﾘﾝ価格»と"}, nil},
		"Devanagari":         {"भारत", []string{"«भ\u2060ारत» में"}, []string{"«भ\u2060ारत» के"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			m := start(t, st, Config{Query: tt.query}, 80, 12)
			if n := len(root(t, m).list.rows); n != 1 {
				t.Fatalf("%q lists %d articles, want 1", tt.query, n)
			}
			s := marked(t, m)
			for _, want := range tt.list {
				if !strings.Contains(s, want) {
					t.Errorf("the list does not mark %+q:\n%s", want, s)
				}
			}
			m = steps(t, m, "enter")
			s = marked(t, m)
			for _, want := range append(tt.list, tt.body...) {
				if !strings.Contains(s, want) {
					t.Errorf("the reader does not mark %+q:\n%s", want, s)
				}
			}
		})
	}
}
