package feeds

import (
	"strings"
	"testing"
)

// TestHighlightTagsAreCodeBlocks: code between Jekyll's Liquid highlight
// tags or Hugo's highlight shortcode is a fenced code block in its
// language, its lines kept, rather than a paragraph that flows them into
// one line; Liquid's raw tags inside go, their text stays. Other tags and
// shortcodes, and highlight tags inside a code block or never closed,
// stay as they are.
func TestHighlightTagsAreCodeBlocks(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"Liquid", "{% highlight go %}\nfunc main() {\n\tgo run()\n}\n{% endhighlight %}",
			"```go\nfunc main() {\n\tgo run()\n}\n```"},
		{"Liquid with options", "{% highlight ruby linenos %}\ndef foo\n  puts 'foo'\nend\n{% endhighlight %}",
			"```ruby\ndef foo\n  puts 'foo'\nend\n```"},
		{"Liquid with raw inside", "{% highlight liquid %}\n{% raw %}\n{{ \"/docs/assets/\" | relative_url }} => /docs/assets\n{% endraw %}\n{% endhighlight %}",
			"```liquid\n{{ \"/docs/assets/\" | relative_url }} => /docs/assets\n```"},
		{"Liquid with whitespace control", "{%- highlight python -%}\nprint(1)\nprint(2)\n{%- endhighlight -%}",
			"```python\nprint(1)\nprint(2)\n```"},
		{"Hugo", "{{< highlight go \"linenos=table\" >}}\nfunc main() {}\nfunc other() {}\n{{< /highlight >}}",
			"```go\nfunc main() {}\nfunc other() {}\n```"},
		{"Hugo with %", "{{% highlight \"bash\" %}}\ncd /tmp\nls\n{{% /highlight %}}",
			"```bash\ncd /tmp\nls\n```"},
		{"Hugo without a language", "{{< highlight >}}\na\nb\n{{< /highlight >}}",
			"```\na\nb\n```"},
		{"code with a fence in it", "{% highlight markdown %}\n```\nx\n```\n{% endhighlight %}",
			"````markdown\n```\nx\n```\n````"},
		{"inside a code block", "```\n{% highlight go %}\nx\n{% endhighlight %}\n```",
			"```\n{% highlight go %}\nx\n{% endhighlight %}\n```"},
		{"never closed", "{% highlight go %}\nx\ny", "{% highlight go %}\nx\ny"},
		{"other shortcodes", "{{< youtube dQw4w9WgXcQ >}}\n\n{{% notice warning %}}\nBe careful.\n{{% /notice %}}",
			"{{< youtube dQw4w9WgXcQ >}}\n\n{{% notice warning %}}\nBe careful.\n{{% /notice %}}"},
		{"not alone on its line", "Write {% highlight go %} and {% endhighlight %} around code.",
			"Write {% highlight go %} and {% endhighlight %} around code."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := "Before.\n\n" + tc.want + "\n\nAfter."
			if got := codeNoteBody(t, tc.body); got != want {
				t.Errorf("body\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestHighlightRealPost: the code of Jekyll's own release post stays on
// its lines.
func TestHighlightRealPost(t *testing.T) {
	items := readAll(t, "testdata/markdown/jekyll-3-3-is-here.md")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	body := items[0].Article.Body
	want := "```liquid\n{{ \"/docs/assets/\" | relative_url }} => /myproject/docs/assets\n```"
	if !strings.Contains(body, want) || strings.Contains(body, "highlight") || strings.Contains(body, "{% raw %}") {
		t.Errorf("body %q\nwant %q in it, and no tags", body, want)
	}
}

// codeNoteBody is the body stored of a Markdown note holding body between
// a paragraph "Before." and a paragraph "After.".
func codeNoteBody(t *testing.T, body string) string {
	t.Helper()
	items := readString(t, "code.md", "---\ntitle: Code\n---\n\nBefore.\n\n"+body+"\n\nAfter.\n")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	return items[0].Article.Body
}
