package feeds_test

import "testing"

// TestEntryPictureMarksAndSpaces: a picture, bare or the only thing in a
// link, is kept against the marks that close or open around it in
// Chinese and Japanese (。」「), against straight quotes and dashes,
// which may stand on either side of a word, and after a slash or Chinese
// and Japanese words, written without spaces between them; a slash or a
// word after it, which URL detection would take into its address, is
// apart. A no-break space beside it is white space: no second space is
// added.
func TestEntryPictureMarksAndSpaces(t *testing.T) {
	for _, tc := range []struct{ name, content, body string }{
		{
			name:    "linked picture between Japanese text and a full stop",
			content: `<p>写真<a href="https://ex.jp/s1"><img src="https://ex.jp/t.jpg" alt="写真"></a>。次の文</p>`,
			body:    "写真[写真](https://ex.jp/s1)。次の文",
		},
		{
			name:    "linked picture in corner brackets",
			content: `<p>「<a href="https://ex.jp/s4"><img src="https://ex.jp/t4.jpg"></a>」と</p>`,
			body:    "「[image](https://ex.jp/s4)」と",
		},
		{
			name:    "picture in double corner brackets and full-width parentheses",
			content: `<p>『<img src="https://ex.jp/a.jpg">』（<img src="https://ex.jp/b.jpg">）、</p>`,
			body:    "『[image](https://ex.jp/a.jpg)』（[image](https://ex.jp/b.jpg)）、",
		},
		{
			name:    "linked picture in straight double quotes",
			content: `<p>He said "<a href="https://ex.com/s2"><img src="https://ex.com/t2.jpg"></a>" loudly</p>`,
			body:    `He said "[image](https://ex.com/s2)" loudly`,
		},
		{
			name:    "picture in straight single quotes",
			content: `<p>a '<img src="https://ex.com/q.jpg">' b</p>`,
			body:    `a '[image](https://ex.com/q.jpg)' b`,
		},
		{
			name:    "linked picture between em dashes",
			content: `<p>word—<a href="https://ex.com/s6"><img src="https://ex.com/t6.jpg"></a>—word</p>`,
			body:    "word—[image](https://ex.com/s6)—word",
		},
		{
			name:    "picture between en dashes",
			content: `<p>word–<img src="https://ex.com/e.jpg">–word</p>`,
			body:    "word–[image](https://ex.com/e.jpg)–word",
		},
		{
			name:    "picture between slashes, apart from the one after",
			content: `<p>this/<img src="https://ex.com/s.jpg">/that</p>`,
			body:    "this/[image](https://ex.com/s.jpg) /that",
		},
		{
			name:    "linked picture between no-break spaces",
			content: `<p>word&nbsp;<a href="https://ex.com/s7"><img src="https://ex.com/t7.jpg"></a>&nbsp;word</p>`,
			body:    "word\u00a0[image](https://ex.com/s7)\u00a0word",
		},
		{
			name:    "picture between ideographic spaces",
			content: "<p>写真\u3000<img src=\"https://ex.jp/i.jpg\">\u3000次</p>",
			body:    "写真\u3000[image](https://ex.jp/i.jpg)\u3000次",
		},
		{
			name:    "picture between Japanese words, apart from the one after",
			content: `<p>写真<img src="https://ex.jp/w.jpg">次の文</p>`,
			body:    "写真[image](https://ex.jp/w.jpg) 次の文",
		},
		{
			name:    "linked picture between kana and Chinese, apart from the Chinese after",
			content: `<p>しゃしん<a href="https://ex.cn/s"><img src="https://ex.cn/c.jpg"></a>图片</p>`,
			body:    "しゃしん[image](https://ex.cn/s) 图片",
		},
		{
			name:    "picture between Japanese and English words is apart from the English only",
			content: `<p>写真<img src="https://ex.jp/m.jpg">Photo</p>`,
			body:    "写真[image](https://ex.jp/m.jpg) Photo",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := entryBody(t, tc.content); got != tc.body {
				t.Errorf("body\n%q, want\n%q", got, tc.body)
			}
		})
	}
}
