package feeds

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func TestHTMLToMarkdown(t *testing.T) {
	const base = "https://example.com/news/story.html"
	tests := map[string]struct {
		in      string
		base    string
		want    []string // substrings the Markdown has
		wantNot []string // substrings it must not have
	}{
		"emphasis and links": {
			in:   `<p>Hello <b>world</b>, <em>see</em> <a href="https://other.example/x">this</a>.</p>`,
			want: []string{"Hello **world**, *see* [this](https://other.example/x)."},
		},
		"relative link resolved": {
			in:   `<p><a href="/x?a=1">rel</a> and <a href="../up">up</a></p>`,
			base: base,
			want: []string{"[rel](https://example.com/x?a=1)", "[up](https://example.com/up)"},
		},
		"relative link without base keeps text": {
			in:      `<p><a href="/x">rel</a></p>`,
			want:    []string{"rel"},
			wantNot: []string{"](", "/x"},
		},
		"fragment link keeps text": {
			in:      `<p><a href="#top">top</a></p>`,
			base:    base,
			want:    []string{"top"},
			wantNot: []string{"]("},
		},
		"javascript and data links dropped": {
			in:      `<p><a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> <a href="vbscript:x">vb</a></p>`,
			base:    base,
			want:    []string{"js data vb"},
			wantNot: []string{"javascript", "data:", "vbscript", "]("},
		},
		"mailto kept": {
			in:   `<p><a href="mailto:desk@example.com">write</a></p>`,
			want: []string{"[write](mailto:desk@example.com)"},
		},
		"script style and frames gone with their content": {
			in: `<p>Text</p><script>alert("x")</script><style>p{color:red}</style><iframe src="https://x"></iframe>` +
				`<object data="x">obj</object><noscript>ns</noscript><form>Name <input value="v"><button>Send</button></form>`,
			want:    []string{"Text"},
			wantNot: []string{"alert", "color", "iframe", "obj", "ns", "Name", "Send", "<"},
		},
		"event handlers gone": {
			in:      `<p onclick="steal()" style="color:red">Text</p>`,
			want:    []string{"Text"},
			wantNot: []string{"steal", "onclick", "style"},
		},
		"images become links": {
			in:      `<p>Photo: <img src="/img/cat.jpg" alt="A cat"></p><p><img src="https://cdn.example/dog.png"></p>`,
			base:    base,
			want:    []string{"[A cat](https://example.com/img/cat.jpg)", "[image](https://cdn.example/dog.png)"},
			wantNot: []string{"!["},
		},
		"linked image keeps the link": {
			in:      `<p><a href="https://example.com/gallery"><img src="/t.jpg" alt="Gallery"></a></p>`,
			base:    base,
			want:    []string{"[Gallery](https://example.com/gallery)"},
			wantNot: []string{"t.jpg", "!["},
		},
		"tracking pixels dropped": {
			in:      `<p>Text<img src="https://t.example/p.gif" width="1" height="1"><img src="https://t.example/q.gif" width="0" height="0"><img src="https://t.example/r.gif" height="1px"></p>`,
			want:    []string{"Text"},
			wantNot: []string{"t.example", "image"},
		},
		"data image dropped": {
			in:      `<p>x<img src="data:image/png;base64,AAAA" alt="inline"></p>`,
			wantNot: []string{"data:", "inline"},
		},
		"empty wrappers dropped": {
			in:   `<div><div><span> </span></div><p></p><section><div></div></section></div><p>Only this</p>`,
			want: []string{"Only this"},
		},
		"lists quotes code tables headings": {
			in: `<h2>Heading</h2><ul><li>one</li><li>two</li></ul><ol start="3"><li>three</li></ol>` +
				`<blockquote>quoted</blockquote><pre><code class="language-go">fmt.Println("x")</code></pre>` +
				`<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><p><code>x := 1</code></p>`,
			want: []string{"## Heading", "- one\n- two", "3. three", "> quoted", "```go\nfmt.Println(\"x\")\n```",
				"| a | b |", "| 1 | 2 |", "`x := 1`"},
		},
		"plain text that looks like markdown is escaped": {
			in:   `<p>1. not a list</p><p># not a heading</p>`,
			want: []string{`1\. not a list`, `\# not a heading`},
		},
		"entities for controls removed": {
			in:      `<p>a &#27;[31m b &amp;#27; c &#x9b;2J d</p>`,
			wantNot: []string{"\x1b", "&#27;", "\u009b", "[31m"},
			want:    []string{"a", "b", "c", "d"},
		},
		"raw escape sequences removed": {
			in:      "<p>\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ here \x1b]52;c;Zm9v\x07</p>",
			want:    []string{"click here"},
			wantNot: []string{"evil", "\x1b", "52"},
		},
		"comments dropped": {
			in:      `<p>a<!-- secret --></p>`,
			wantNot: []string{"secret", "<!--"},
		},
		"not html at all": {
			in:   "just text & more",
			want: []string{"just text & more"},
		},
		"empty": {
			in: "",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			md, err := HTMLToMarkdown(tc.in, tc.base)
			if err != nil {
				t.Fatal(err)
			}
			if CleanText(md) != md {
				t.Errorf("result is not clean text: %q", md)
			}
			for _, w := range tc.want {
				if !strings.Contains(md, w) {
					t.Errorf("want %q in\n%s", w, md)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(md, w) {
					t.Errorf("do not want %q in\n%s", w, md)
				}
			}
			if tc.in == "" && md != "" {
				t.Errorf("empty input gave %q", md)
			}
		})
	}
}

func TestHTMLToMarkdownConcurrent(t *testing.T) {
	const in = `<article><h1>T</h1><p>Para <a href="/x">link</a> <img src="/i.png" alt="pic"></p><ul><li>a</li></ul></article>`
	want, err := HTMLToMarkdown(in, "https://example.com/")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 20 {
				got, err := HTMLToMarkdown(in, "https://example.com/")
				if err != nil || got != want {
					t.Errorf("goroutine %d call %d: %q, %v", i, j, got, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestHTMLFiles(t *testing.T) {
	t.Run("article page", func(t *testing.T) {
		items := readAll(t, "testdata/html/article.html")
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%+v", items)
		}
		a := items[0].Article
		checkNormalized(t, a)
		wantFields := map[string][2]string{
			"title":  {a.Title, "Night trains return to the Vellmar valley"},
			"source": {a.Source, "Valley Courier"},
			"url":    {a.URL, "https://courier.example/2024/09/night-trains.html"},
			"author": {a.Author, "Mira Holt"},
			"tags":   {strings.Join(a.Tags, ","), "Transport,rail"},
		}
		for name, f := range wantFields {
			if f[0] != f[1] {
				t.Errorf("%s %q, want %q", name, f[0], f[1])
			}
		}
		if want := time.Date(2024, 9, 18, 4, 30, 0, 0, time.UTC); !a.Published.Equal(want) {
			t.Errorf("published %v, want %v", a.Published, want)
		}
		for _, w := range []string{
			"**sleeper trains**",
			"[booking page](https://courier.example/tickets)",
			"[A sleeper carriage at Vellmar station](https://courier.example/img/train.jpg)",
			"- Departures at 22:10",
		} {
			if !strings.Contains(a.Body, w) {
				t.Errorf("body lacks %q:\n%s", w, a.Body)
			}
		}
		for _, w := range []string{"# Night trains", "Home", "tracker", "iframe", "©", "track"} {
			if strings.Contains(a.Body, w) {
				t.Errorf("body has %q:\n%s", w, a.Body)
			}
		}
	})
	t.Run("no article element", func(t *testing.T) {
		items := readAll(t, "testdata/html/no-article.html")
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%+v", items)
		}
		a := items[0].Article
		checkNormalized(t, a)
		if a.Title != "Library opens on Sundays" || a.Body != "The town library will open on Sundays from March." {
			t.Errorf("title %q body %q", a.Title, a.Body)
		}
		if a.Published.Format(time.DateOnly) != "2025-02-03" {
			t.Errorf("published %v", a.Published)
		}
	})
	t.Run("hostile page", func(t *testing.T) {
		items := readAll(t, "testdata/html/hostile.html")
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%+v", items)
		}
		a := items[0].Article
		checkNormalized(t, a)
		// The references decode to escape sequences, removed whole.
		if a.Title != "Clean title bold" {
			t.Errorf("title %q", a.Title)
		}
		for _, bad := range []string{"\x1b", "\u009b", "&#27;", "javascript", "data:", "svg text", "object text", "display", "document.write", "evil", "Zm9v"} {
			if strings.Contains(a.Body, bad) {
				t.Errorf("body has %q:\n%s", bad, a.Body)
			}
		}
		if !strings.Contains(a.Body, "click here") || !strings.Contains(a.Body, "Last *paragraph*.") {
			t.Errorf("body lost text:\n%s", a.Body)
		}
	})
}

func BenchmarkHTMLToMarkdown(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<article><h1>Title</h1>")
	for i := range 20 {
		fmt.Fprintf(&sb, `<p>Paragraph %d with <a href="/l/%d">a link</a>, <em>emphasis</em> and an image <img src="/i/%d.jpg" alt="pic %d">.</p>`, i, i, i, i)
	}
	sb.WriteString("<ul><li>one</li><li>two</li></ul></article>")
	in := sb.String()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := HTMLToMarkdown(in, "https://example.com/"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzHTMLToMarkdown(f *testing.F) {
	for _, name := range []string{"article.html", "hostile.html", "no-article.html"} {
		data, err := os.ReadFile("testdata/html/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range []string{
		`<a href="jAvAsCrIpT:alert(1)">x</a>`, `<a href=" javascript:x">y</a>`, `<img src="x" onerror="y">`,
		`<a href="&#106;avascript:x">z</a>`, `<p>&#27;[31m</p>`, "<p>\x1b]8;;u\x07t</p>", `<table><tr><td>|</td></tr></table>`,
		`<dl><dt># <a href="javascript:x">t</a></dt><dd><p>- d</p><pre>a` + "\n" + `&lt;b&gt;</pre></dd><dd>&#27;[31m</dd></dl>`,
		`<dl><div><dt>t<br>u</dt><dd><dl><dt>x</dt><dd><img src="/i.png" onerror="y"></dd></dl></dd></div></dl>`,
		"<dl><dt>0<pre>0\n&ltdd",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, convert := range []func(src, base string) (string, error){HTMLToMarkdown, pageMarkdown} {
			checkMarkdownOf(t, convert, in)
		}
	})
}

// checkMarkdownOf checks what convert makes of the HTML in: Markdown that
// is clean, and in which a Markdown renderer (with definition lists, as
// the reader's) finds no raw HTML, and links only to addresses tidings
// opens.
func checkMarkdownOf(t *testing.T, convert func(src, base string) (string, error), in string) {
	t.Helper()
	md, err := convert(in, "https://example.com/a/")
	if err != nil {
		t.Fatalf("error %v", err)
	}
	if CleanText(md) != md {
		t.Fatalf("not clean: %q", md)
	}
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.DefinitionList)).Parser().Parse(text.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			t.Fatalf("raw HTML in %q", md)
		case *ast.Link:
			checkDestination(t, string(n.Destination), md)
		case *ast.Image:
			t.Fatalf("an image in %q", md)
		case *ast.AutoLink:
			checkDestination(t, string(n.URL(src)), md)
		}
		return ast.WalkContinue, nil
	})
}

func checkDestination(t *testing.T, dest, md string) {
	t.Helper()
	lower := strings.ToLower(dest)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "mailto:") {
		t.Fatalf("link to %q in %q", dest, md)
	}
}

// Old pages with unclosed tags can keep more elements open than html.Parse
// takes; they are read flattened, with a warning, and lose no text.
func TestHTMLNestedTooDeep(t *testing.T) {
	page := "<html><head><title>Old page</title></head><body>" +
		strings.Repeat("<font size=2><b>", 400) +
		"<p>Deep text here.</p><p>Second <i>para</i>.</p>" +
		"<div><ul><li>item one<li>item two</ul></div><script>alert(1)</script><style>p{}</style>" +
		"</body></html>"
	items := readString(t, "old.html", page)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	a := items[0].Article
	if a.Title != "Old page" || a.Body != "Deep text here.\n\nSecond para.\n\nitem one\n\nitem two" {
		t.Errorf("title %q body %q", a.Title, a.Body)
	}
	if len(a.Warnings) != 2 || !strings.Contains(a.Warnings[0], "nests more than 512 elements deep") || a.Warnings[1] != "no date" {
		t.Errorf("warnings %q", a.Warnings)
	}

	// A feed item's content, too.
	md, err := HTMLToMarkdown(strings.Repeat("<div>", 600)+"<p>In a <a href=\"/x\">feed</a>.</p>", "https://example.com/")
	if err != nil || md != "In a [feed](https://example.com/x)." {
		t.Errorf("HTMLToMarkdown: %q, %v", md, err)
	}

	// Read flattened, a page loses no text and gains none: no markup forms
	// from the pieces, and what the sanitiser drops with its content stays
	// out.
	deep := strings.Repeat("<font>", 600)
	for _, c := range []struct{ page, want string }{
		{deep + "A <<i>x y='<script>'>SECRET</script> end.", "A &lt;x y=' end."},
		{deep + "Visible <<b>!-- not a comment</b> and this.", "Visible &lt;!-- not a comment and this."},
		{deep + "x<<b>script>this was text", "x&lt;script&gt;this was text"},
		{deep + "Story.<form><label>Email</label><button>Subscribe</button><select><option>Albania</select></form>" +
			"<nav>MENU</nav><svg><text>svg junk</text></svg><style>p{}</style><template>tpl</template>", "Story."},
		{"<html><head><title>Kept</title></head><body><nav>MENU</nav>" + deep +
			"<article>The <article>story</article> itself.</article><footer>FOOTER</footer></body></html>", "The story itself."},
	} {
		items := readString(t, "deep.html", c.page)
		if len(items) != 1 || items[0].Err != nil {
			t.Errorf("%.80q: %+v", c.page[len(deep):], items)
			continue
		}
		if a := items[0].Article; a.Body != c.want || strings.Contains(a.Title, "SECRET") || strings.Contains(a.Title, "MENU") {
			t.Errorf("%.80q: title %q body %q, want body %q", strings.TrimPrefix(c.page, deep), a.Title, a.Body, c.want)
		}
	}

	// HTML that html.Parse reads is read as it was.
	items = readString(t, "plain.html", "<html><body><div><p>Fine.</p></div></body></html>")
	if len(items) != 1 || items[0].Err != nil || len(items[0].Article.Warnings) != 1 || items[0].Article.Warnings[0] != "no date" {
		t.Errorf("%+v", items)
	}
}
