package feeds_test

import (
	"testing"

	"tidings/feeds"
)

// TestEntryPictureSpacedByWhatFollows: a picture's link is written apart
// from what comes after it when URL detection would take that into the
// picture's address (a slash, a letter of any script, a digit, "-", "_",
// "~", a stop before a word), and against what ends an address (closing
// brackets and quotes, dashes, a stop or a comma at a sentence's end,
// Chinese and Japanese stops); before it, as before. A picture in a
// superscript or a subscript is written against the marks around it,
// "^(…)", its spaces neither inside them nor out; Spanish's inverted
// marks, low and single quotation marks stand against it as brackets do.
// An empty wrapper after it is no word: the word after that is apart.
func TestEntryPictureSpacedByWhatFollows(t *testing.T) {
	const pic = `<img src="https://example.com/p.jpg">`
	const link = "[image](https://example.com/p.jpg)"
	for _, tc := range []struct{ name, content, body string }{
		{"slash after", `Before/` + pic + `/after`, "Before/" + link + " /after"},
		{"Japanese after", `今日は` + pic + `楽しかった`, "今日は" + link + " 楽しかった"},
		{"Chinese after a bracket", `「` + pic + `」图片`, "「" + link + "」图片"},
		{"Japanese stop after", `写真` + pic + `。次`, "写真" + link + "。次"},
		{"em dashes", `word—` + pic + `—word`, "word—" + link + "—word"},
		{"en dash", `word–` + pic + `–word`, "word–" + link + "–word"},
		{"digits after", `in ` + pic + `2024`, "in " + link + " 2024"},
		{"hyphen after", `a ` + pic + `-like`, "a " + link + " -like"},
		{"underscore and tilde after", `a ` + pic + `_x ` + pic + `~y`, "a " + link + ` \_x ` + link + ` \~y`},
		{"stop before a word", `see ` + pic + `.Next`, "see " + link + " .Next"},
		{"stop at the end", `see ` + pic + `.`, "see " + link + "."},
		{"comma, colon, question mark before a space", pic + `, ` + pic + `: ` + pic + `? x`, link + ", " + link + ": " + link + "? x"},
		{"parentheses", `(` + pic + `)then`, "(" + link + ")then"},
		{"closing guillemet and quote", `»` + pic + `« “` + pic + `”`, "»" + link + "« “" + link + "”"},
		{"superscript", `Price<sup>` + pic + `</sup>here`, "Price^(" + link + ")here"},
		{"subscript", `Text<sub>` + pic + `</sub>more`, `Text\_(` + link + ")more"},
		{"inverted question marks", `¿` + pic + `?`, "¿" + link + "?"},
		{"inverted exclamation marks", `¡` + pic + `!`, "¡" + link + "!"},
		{"single guillemets", `‹` + pic + `› ›` + pic + `‹`, "‹" + link + "› ›" + link + "‹"},
		{"German quotation marks", `‚` + pic + `‘ „` + pic + `“`, "‚" + link + "‘ „" + link + "“"},
		{"English single quotation marks", `‘` + pic + `’`, "‘" + link + "’"},
		{"empty wrapper after", pic + `<span></span>word`, link + " word"},
		{"linked picture, slash after", `a/<a href="https://example.com/s"><img src="https://example.com/t.jpg"></a>/b`, "a/[image](https://example.com/s) /b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := feeds.ParseFeed(imgLinkFeed(`<p>`+tc.content+`</p>`, "g1"), "", "", feeds.Subscription{URL: "https://example.com/feed.xml"})
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Articles) != 1 {
				t.Fatalf("%d articles, want 1", len(f.Articles))
			}
			if got := f.Articles[0].Body; got != tc.body {
				t.Errorf("body\n%q, want\n%q", got, tc.body)
			}
		})
	}
}
