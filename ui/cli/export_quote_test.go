package cli

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"tidings/feeds"
	"tidings/store"
	"tidings/store/anchor"
)

// A highlighted code block keeps its indentation in the Markdown export: a
// passage that starts indented is an indented code block in the quote, one
// that does not is quoted line by line, escaped, each line's indentation
// kept.
func TestExportMarkdownKeepsAQuotesIndentation(t *testing.T) {
	body := "The fix was small:\n\n```go\nfunc retry() {\n    for i := 0; i < 3; i++ {\n        if send() == nil {\n            return\n        }\n    }\n}\n```\n\nIt shipped on Monday."
	text := anchor.PlainText(body)
	for _, tc := range []struct {
		name, quote string
		want        string
	}{
		{"the whole block", "func retry() {\n    for i := 0; i < 3; i++ {\n        if send() == nil {\n            return\n        }\n    }\n}",
			"> func retry() {\\\n>     for i := 0; i \\< 3; i++ {\\\n>         if send() == nil {\\\n>             return\\\n>         }\\\n>     }\\\n> }\n"},
		{"from an indented line", "        if send() == nil {\n            return",
			">         if send() == nil {\n>             return\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i := strings.Index(text, tc.quote)
			if i < 0 {
				t.Fatalf("%q is not in %q", tc.quote, text)
			}
			sel := anchor.Make(text, i, i+len(tc.quote))
			doc, err := ExportMarkdown(store.Article{ID: 1, Title: "Retry", Body: body}, "",
				[]store.Annotation{{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Note: "the loop"}})
			if err != nil {
				t.Fatal(err)
			}
			_, notes, _ := strings.Cut(doc, "## Notes\n\n")
			if want := tc.want + "\nthe loop\n"; notes != want {
				t.Errorf("notes:\n%s\nwant:\n%s", notes, want)
			}
		})
	}
}

// viewer renders Markdown as the reader does: goldmark with GitHub's
// extensions and definition lists.
var viewer = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

var htmlTag = regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)[^>]*>`)

// viewedText is the text a viewer shows of the Markdown md, its lines without
// the white space around them and one blank line between blocks, and the
// HTML elements it makes beyond quotes, paragraphs, line breaks, code
// blocks and addresses linked as they are written.
func viewedText(t *testing.T, md string) (text string, elements []string) {
	t.Helper()
	var out bytes.Buffer
	if err := viewer.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	var b strings.Builder
	pre := false
	last := 0
	link, linkAt := "", 0
	for _, m := range htmlTag.FindAllStringSubmatchIndex(page, -1) {
		between := page[last:m[0]]
		if !pre {
			between = strings.ReplaceAll(between, "\n", " ") // a soft line break, or the page's layout
		}
		b.WriteString(between)
		last = m[1]
		closing, name := page[m[2]:m[3]] == "/", page[m[4]:m[5]]
		switch name {
		case "br":
			b.WriteString("\n")
		case "p", "blockquote":
			b.WriteString("\n\n")
		case "pre":
			pre = !closing
			b.WriteString("\n\n")
		case "code":
			if !pre {
				elements = append(elements, page[m[0]:m[1]])
			}
		case "a":
			// An address in the text linked to itself (GitHub's
			// autolinks) shows the same words.
			if !closing {
				link, linkAt = page[m[0]:m[1]], b.Len()
				continue
			}
			words := html.UnescapeString(b.String()[linkAt:])
			href := html.UnescapeString(strings.TrimSuffix(strings.TrimPrefix(link, `<a href="`), `">`))
			if href != words && href != "http://"+words && href != "mailto:"+words {
				elements = append(elements, link)
			}
		default:
			elements = append(elements, page[m[0]:m[1]])
		}
	}
	b.WriteString(page[last:])
	return normalLines(html.UnescapeString(b.String())), elements
}

// normalLines is text laid out line by line: each line without the white
// space around it, one blank line between paragraphs, none around them.
func normalLines(s string) string {
	var lines []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			blank = len(lines) > 0
			continue
		}
		if blank {
			lines = append(lines, "")
			blank = false
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// TestExportedPassageReadsAsItsText: a highlighted passage is text, and a
// Markdown viewer (goldmark, as the reader renders) shows its quote in the
// export as that text, line for line: nothing in it becomes a heading, a
// list, a link, a table, emphasis or HTML, and table rows, list items and
// broken lines stay on lines of their own.
func TestExportedPassageReadsAsItsText(t *testing.T) {
	for name, quote := range map[string]string{
		"headings, lists, HTML, links": "# this is not a heading\n\n1. This line is not a list either, and neither is\n\n- this one. <script>alert(1)</script> is text, as is [not a link](really).",
		"table rows":                   "Council Sandbags\nWhitby 120\nScarborough 95",
		"list items":                   "first item\nsecond item\nthird item",
		"quote, plus, star, rule":      "> not a quote\n+ not an item\n* nor this\n***\n---",
		"setext underlines":            "Not a heading\n===\nNor this\n---",
		"a definition":                 "Term\n: not a definition",
		"a table":                      "a | b\n--|--\nc | d",
		"inline Markdown":              "`code` and **bold** and _it_ and ~~struck~~ and ![img](x.png) and <http://x.org>",
		"character references":         "&amp; stays &amp;, &copy; and &#65; too",
		"a comment":                    "<!-- not hidden -->",
		"backslashes":                  "a \\* stays, as does a \\ and one at the end \\\nof a line \\",
		"a link definition":            "[ref]: http://example.org\n\n[ref]",
		"numbers":                      "2) second\n2024. A year\n10.5 percent",
		"indented a little":            "  # two spaces\n   - three",
		"a fence":                      "```\nnot code\n```\n~~~",
		"indented continuation":        "a line\n    indented, not code <b>x</b>",
		"a code block":                 "    code first\n    <b>x</b> & [y](z)",
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := ExportMarkdown(store.Article{ID: 1, Title: "T", Body: "Body."}, "",
				[]store.Annotation{{Quote: quote, Note: "the note"}})
			if err != nil {
				t.Fatal(err)
			}
			_, notes, _ := strings.Cut(doc, "## Notes\n\n")
			md, _, ok := strings.Cut(notes, "\n\nthe note\n")
			if !ok {
				t.Fatalf("no note after the quote:\n%s", doc)
			}
			for l := range strings.Lines(md) {
				if !strings.HasPrefix(l, ">") {
					t.Errorf("line %q is not quoted", l)
				}
			}
			got, elements := viewedText(t, md)
			if got != normalLines(quote) || len(elements) > 0 {
				t.Errorf("the quote\n%s\nshows\n%q, elements %q\nwant\n%q", md, got, elements, normalLines(quote))
			}
		})
	}
}

// FuzzExportedPassage: whatever a passage says, a viewer shows its quote as
// it, line for line.
func FuzzExportedPassage(f *testing.F) {
	for _, s := range []string{"# h\n\n- i\n1. j", "a\nb\n\nc", "*a* _b_ [c](d) <e> &f; `g` ~h~ |i|", "    code\nthen text", "x\n    y", "\\", "www.example.org and https://example.org", "\\\n0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, quote string) {
		quote = feeds.CleanText(quote)
		var b strings.Builder
		writeQuote(&b, quote)
		got, elements := viewedText(t, b.String())
		// A code block and the paragraph after it are blocks apart.
		noBlanks := func(s string) string { return strings.ReplaceAll(s, "\n\n", "\n") }
		if noBlanks(got) != noBlanks(normalLines(quote)) || len(elements) > 0 {
			t.Errorf("the quote\n%s\nshows\n%q, elements %q\nwant\n%q", b.String(), got, elements, normalLines(quote))
		}
	})
}
