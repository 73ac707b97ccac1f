package feeds

import (
	"strings"
	"testing"
)

// TestHighlightTagsShownInRaw: highlight tags inside a raw region are
// text, as Jekyll shows them: the block of Jekyll's docs that shows how
// a highlight tag is written is one code block holding the tags it
// shows, closed by its own tag. Tags inside HTML's preformatted block
// stay as they are.
func TestHighlightTagsShownInRaw(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"a highlight tag shown in one",
			"{% highlight liquid %}\n{% raw %}\n{% highlight ruby %}\ndef foo\n  puts 'foo'\nend\n{% endhighlight %}\n{% endraw %}\n{% endhighlight %}\n\nTransforms into:\n\n" +
				"{% highlight ruby %}\ndef foo\n  puts 'foo'\nend\n{% endhighlight %}",
			"```liquid\n{% highlight ruby %}\ndef foo\n  puts 'foo'\nend\n{% endhighlight %}\n```\n\nTransforms into:\n\n" +
				"```ruby\ndef foo\n  puts 'foo'\nend\n```"},
		{"raw on one line inside",
			"{% highlight liquid %}\n{% raw %}{{ page.title }}{% endraw %}\n{% endhighlight %}",
			"```liquid\n{{ page.title }}\n```"},
		{"tags shown outside a block",
			"{% raw %}\n{% highlight ruby %}\nx\n{% endhighlight %}\n{% endraw %}",
			"{% raw %}\n{% highlight ruby %}\nx\n{% endhighlight %}\n{% endraw %}"},
		{"tags in HTML's preformatted block",
			"<pre>\n{% raw %}\n{% highlight ruby %}\n\n#Your code\n\n{% endhighlight %}\n{% endraw %}\n</pre>",
			"<pre>\n{% raw %}\n{% highlight ruby %}\n\n#Your code\n\n{% endhighlight %}\n{% endraw %}\n</pre>"},
		{"tags in HTML's preformatted block without raw",
			"<PRE class=\"x\">\n{% highlight ruby %}\nx\n{% endhighlight %}\n</pre>",
			"<PRE class=\"x\">\n{% highlight ruby %}\nx\n{% endhighlight %}\n</pre>"},
		{"a block after HTML's preformatted block",
			"<pre>one</pre>\n\n{% highlight go %}\nx\n{% endhighlight %}",
			"<pre>one</pre>\n\n```go\nx\n```"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := "Before.\n\n" + tc.want + "\n\nAfter."
			if got := codeNoteBody(t, tc.body); got != want {
				t.Errorf("body\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// unclosedHighlights is a Markdown file of n highlight tags never
// closed, each with a line of code after it.
func unclosedHighlights(n int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Unclosed highlights\n---\n\n")
	for range n {
		b.WriteString("{% highlight ruby %}\nputs 1\n")
	}
	return b.String()
}

// TestUnclosedHighlightsRead: a file of many highlight tags none closes
// is read, its tags as they stand, each line looked at a bounded number
// of times: looking for a close past each tag anew, reading its 60,000
// tags took minutes.
func TestUnclosedHighlightsRead(t *testing.T) {
	const n = 60000
	items := readString(t, "unclosed.md", unclosedHighlights(n))
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	body := items[0].Article.Body
	if got := strings.Count(body, "{% highlight ruby %}\nputs 1"); got != n || strings.Contains(body, "```") {
		t.Errorf("%d tags as they stand, want %d, and no code block", got, n)
	}
}

// BenchmarkFenceHighlights reads 10,000 highlight tags never closed.
func BenchmarkFenceHighlights(b *testing.B) {
	body := unclosedHighlights(10000)
	for b.Loop() {
		fenceHighlights(body)
	}
}
