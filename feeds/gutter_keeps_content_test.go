package feeds

import (
	"strings"
	"testing"
)

// TestGutterKeepsNumbersThatAreContent: preformatted numbers beside
// preformatted text are dropped as a highlighter's line numbers only when
// they are such a gutter: two or more, one to a line, counting up by one,
// one for each line of the code beside them, which is not numbers too.
// A result after its prompt, a status code beside its name and a column
// of numbers beside another are content, kept.
func TestGutterKeepsNumbersThatAreContent(t *testing.T) {
	for _, tt := range []struct {
		name, html string
		want, not  []string
	}{
		{"a result after its prompt",
			`<div class="highlight"><pre>&gt;&gt;&gt; 6 * 7</pre></div><div class="highlight"><pre>42</pre></div>` +
				`<div class="highlight"><pre>&gt;&gt;&gt; 2 ** 10</pre></div><div class="highlight"><pre>1024</pre></div>`,
			[]string{"```\n>>> 6 * 7\n```", "```\n42\n```", "```\n>>> 2 ** 10\n```", "```\n1024\n```"}, nil},
		{"a result before a block of code",
			`<div><pre>42</pre></div><div><pre>print(1)</pre></div>`,
			[]string{"```\n42\n```", "```\nprint(1)\n```"}, nil},
		{"status codes beside their names",
			`<table><tr><td><pre>404</pre></td><td><pre>Not Found</pre></td></tr><tr><td><pre>500</pre></td><td><pre>Internal Server Error</pre></td></tr></table>`,
			[]string{"404", "Not Found", "500", "Internal Server Error"}, nil},
		{"a column of numbers beside another",
			"<table><tr><th>n</th><th>n squared</th></tr><tr><td><pre>1\n2\n3\n4</pre></td><td><pre>1\n4\n9\n16</pre></td></tr></table>",
			[]string{"1\n2\n3\n4", "1\n4\n9\n16"}, nil},
		{"numbers on one line beside a line",
			"<table><tr><td><pre>1 2 3</pre></td><td><pre>a b c</pre></td></tr></table>",
			[]string{"1 2 3", "a b c"}, nil},
		{"more numbers than lines",
			"<table><tr><td><pre>1\n2\n3\n4</pre></td><td><pre>x = 1\ny = 2</pre></td></tr></table>",
			[]string{"1\n2\n3\n4", "x = 1\ny = 2"}, nil},
		{"a gutter numbering a blank last line",
			"<table><tr><td><pre>1\n2\n3</pre></td><td><pre>x = 1\ny = 2\n</pre></td></tr></table>",
			[]string{"```\nx = 1\ny = 2\n```"}, []string{"```\n1\n2"}},
		{"a gutter beside code ending in a blank line",
			"<table><tr><td><pre>1\n2</pre></td><td><pre>x = 1\ny = 2\n\n</pre></td></tr></table>",
			[]string{"```\nx = 1\ny = 2\n"}, []string{"```\n1\n2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := entryMarkdown(tt.html, "https://news.example/story")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("entryMarkdown(%q)\n= %q, wants %q", tt.html, got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("entryMarkdown(%q)\n= %q, holds %q", tt.html, got, n)
				}
			}
		})
	}
}

// TestGutterKeepsNumbersInPages: a page's story, its tables made blocks
// (tablesAsBlocks), keeps the results, status codes and columns of
// numbers it shows in preformatted blocks.
func TestGutterKeepsNumbersInPages(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Python arithmetic for beginners</title></head><body><article><h1>Python arithmetic for beginners</h1>
<p>Python can be used as a calculator. Type an expression at the prompt and it prints the result, as the examples below show for multiplication and powers.</p>
<div class="highlight"><pre>&gt;&gt;&gt; 6 * 7</pre></div>
<div class="highlight"><pre>42</pre></div>
<div class="highlight"><pre>&gt;&gt;&gt; 2 ** 10</pre></div>
<div class="highlight"><pre>1024</pre></div>
<p>HTTP status codes you will meet:</p>
<table><tr><td><pre>404</pre></td><td><pre>Not Found</pre></td></tr>
<tr><td><pre>500</pre></td><td><pre>Internal Server Error</pre></td></tr></table>
<p>Squares of the first numbers:</p>
<table><tr><th>n</th><th>n squared</th></tr><tr><td><pre>1
2
3
4</pre></td><td><pre>1
4
9
16</pre></td></tr></table>
<p>That is all for today; next time we look at strings and how to slice them in many ways.</p>
</article></body></html>`
	art, err := parseHTMLPage([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"```\n42\n```", "```\n1024\n```", "404", "500", "1\n2\n3\n4", "1\n4\n9\n16"} {
		if !strings.Contains(art.Body, want) {
			t.Errorf("body %q\nwants %q", art.Body, want)
		}
	}
}
