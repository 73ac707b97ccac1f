package anchor

import "testing"

// TestHTMLBlocksInPlainText: a block of HTML is, in the plain text, the
// paragraph of its text the reader shows: its tags gone, its character
// references resolved, without controls, comments, scripts and styles.
func TestHTMLBlocksInPlainText(t *testing.T) {
	for name, tt := range map[string]struct{ md, want string }{
		"a div between paragraphs": {
			"Before ONE.\n<div class=\"note\">\nSome text inside a div.\n</div>\n\nAfter TWO.",
			"Before ONE.\n\nSome text inside a div.\n\nAfter TWO.",
		},
		"details and summary": {
			"<details><summary>Click to expand</summary>\n\nHidden content.\n\n</details>\n\nFinal.",
			"Click to expand\n\nHidden content.\n\nFinal.",
		},
		"blocks part words, inline tags do not": {
			"<p>one<b>two</b></p><p>three &amp; <em>four</em>*</p>",
			"onetwo three & four*",
		},
		"references to controls": {
			"<div>red &#27;[31m &#x9b;31m text</div>",
			"red [31m ›31m text", // as a browser reads &#x9b;: windows-1252's ›
		},
		"comments, scripts and styles": {
			"<!-- a comment -->\n\n<div><script>alert(1)</script><style>p{}</style>shown</div>",
			"shown",
		},
		"in a quote": {
			"> <div>quoted</div>\n> more",
			"quoted more", // the block runs to a blank line
		},
		"code stays": {
			"```\n<div>code</div>\n```",
			"<div>code</div>",
		},
	} {
		if got := PlainText(tt.md); got != tt.want {
			t.Errorf("%s: PlainText(%q)\n got %q\nwant %q", name, tt.md, got, tt.want)
		}
	}
}
