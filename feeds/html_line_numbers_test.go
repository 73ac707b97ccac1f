package feeds

import (
	"strings"
	"testing"
)

// rougeTable is the code Jekyll's Rouge writes with line numbers: a
// table in the code block, its numbers in a cell beside the code's.
const rougeTable = `<figure class="highlight"><pre><code class="language-go" data-lang="go"><table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1
2
3
</pre></td><td class="code"><pre><span class="k">package</span> <span class="n">main</span>

<span class="k">func</span> <span class="n">main</span><span class="p">()</span> <span class="p">{}</span>
</pre></td></tr></tbody></table></code></pre></figure>`

// pygmentsTable is the code Pygments writes with line numbers in a table.
const pygmentsTable = `<div class="highlight"><table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre>1
2</pre></div></td><td class="code"><div class="highlight"><pre><span></span><span class="nx">x</span> <span class="o">&lt;</span> <span class="mi">3</span>
<span class="nx">fmt</span><span class="p">.</span><span class="nx">Println</span><span class="p">(</span><span class="s">"&lt;b&gt;"</span><span class="p">)</span>
</pre></div></td></tr></table></div>`

// TestLineNumbersBesideCode: the line numbers syntax highlighters write
// beside code (Rouge's and Pygments' tables, Pygments' numbers inside
// the code) are not read into the code, nor made a code block of their
// own: the code reads as one code block. Numbers that are not a
// highlighter's, a table of steps or code holding numbers, stay.
func TestLineNumbersBesideCode(t *testing.T) {
	for _, tt := range []struct{ name, html, want string }{
		{"Rouge in Jekyll", rougeTable, "```go\npackage main\n\nfunc main() {}\n```"},
		{"Rouge's table alone", `<table class="rouge-table"><tbody><tr><td class="rouge-gutter gl"><pre class="lineno">7
8
</pre></td><td class="rouge-code"><pre>a := 1
b := 2
</pre></td></tr></tbody></table>`, "```\na := 1\nb := 2\n```"},
		{"Pygments' table", pygmentsTable, "```\nx < 3\nfmt.Println(\"<b>\")\n```"},
		{"Pygments' numbers inline", `<div class="highlight"><pre><span></span><span class="linenos"> 9</span><span class="n">x</span> = 1
<span class="linenos special">10</span><span class="n">y</span> = 2
</pre></div>`, "```\nx = 1\ny = 2\n```"},
		{"code of numbers", `<pre><span class="mi">1</span>
<span class="mi">2</span></pre>`, "```\n1\n2\n```"},
		{"a table of steps", `<table><tr><td>1</td><td><pre>make</pre></td></tr><tr><td>2</td><td><pre>make install</pre></td></tr></table>`,
			"1\n\n```\nmake\n```\n\n2\n\n```\nmake install\n```"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := entryMarkdown(tt.html, "https://news.example/story")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("entryMarkdown(%q)\n= %q, want\n  %q", tt.html, got, tt.want)
			}
		})
	}
}

// TestLineNumbersBesideCodeInPages: a page's story (its tables made
// blocks before it is written: tablesAsBlocks) reads its highlighted
// code as the code alone, and is known by the id it was known by when
// the line numbers were read into it.
func TestLineNumbersBesideCodeInPages(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Parsing dates in Go</title></head><body><article><h1>Parsing dates in Go</h1>
<p>Go's time package parses dates with a reference layout rather than format verbs. This surprises most newcomers, so here is a small example.</p>
` + rougeTable + `
<p>The layout string is the reference time, written the way your input is written. Once you see that, every other layout follows.</p>
` + pygmentsTable + `
<p>Pygments writes its line numbers in a table too, and a reader should show the code, not a table of numbers.</p>
</article></body></html>`
	art, err := parseHTMLPage([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"```go\npackage main\n\nfunc main() {}\n```", "```\nx < 3\nfmt.Println(\"<b>\")\n```"} {
		if !strings.Contains(art.Body, want) {
			t.Errorf("body %q\nwants %q", art.Body, want)
		}
	}
	// As tidings read it before.
	then := art
	then.Body = "Go's time package parses dates with a reference layout rather than format verbs. This surprises most newcomers, so here is a small example.\n\n" +
		"```go\n\n\n\n\n1\n2\n3\n\npackage main\n\nfunc main() {}\n```\n\n" +
		"The layout string is the reference time, written the way your input is written. Once you see that, every other layout follows.\n\n" +
		"```\n1\n2\n```\n\n```\nx < 3\nfmt.Println(\"<b>\")\n```\n\n" +
		"Pygments writes its line numbers in a table too, and a reader should show the code, not a table of numbers."
	then.FormerIDs, then.FormerBody = nil, ""
	Normalize(&art)
	Normalize(&then)
	if then.ExternalID == art.ExternalID || !strings.Contains(strings.Join(art.FormerIDs, " "), then.ExternalID) {
		t.Errorf("the page read now (%s, known by %v) is not known by %s, its id when its line numbers were read", art.ExternalID, art.FormerIDs, then.ExternalID)
	}
}
