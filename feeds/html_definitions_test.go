package feeds

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TestDefinitionLists: a page's definition list is written as Markdown
// writes one, which the reader (glamour, goldmark's definition lists)
// shows as terms and their definitions: each term, each of its
// definitions, a definition's paragraphs, list and code, a list of <div>s;
// a list the Markdown cannot write so is written as blocks, its words
// all there.
func TestDefinitionLists(t *testing.T) {
	tests := []struct {
		name, dl string
		md       string   // in the body
		defs     []string // term → definition, as the reader reads them
	}{
		{"terms and definitions",
			`<dl><dt>Storm surge</dt><dd>A rise in sea level pushed by wind.</dd><dt>Spring tide</dt><dd>The largest tides of the month.</dd></dl>`,
			"Storm surge\n: A rise in sea level pushed by wind.\n\nSpring tide\n: The largest tides of the month.",
			[]string{"Storm surge → A rise in sea level pushed by wind.", "Spring tide → The largest tides of the month."}},
		{"two terms, two definitions, one of paragraphs, one of a list",
			`<dl><dt>Quay</dt><dt>Wharf</dt><dd><p>Where ships tie up.</p><p>Often of stone.</p></dd><dd>A landing place.</dd>` +
				`<dt>Tides</dt><dd><ul><li>spring</li><li>neap</li></ul></dd></dl>`,
			"Quay\nWharf\n: Where ships tie up.\n\n  Often of stone.\n: A landing place.\n\nTides\n: - spring\n  - neap",
			[]string{"Quay → Where ships tie up. Often of stone.", "Wharf → Where ships tie up. Often of stone.",
				"Quay → A landing place.", "Wharf → A landing place.", "Tides → spring neap"}},
		{"a definition of code",
			"<dl><dt>Fetch</dt><dd><pre><code>curl -s tides.example\njq .level</code></pre></dd></dl>",
			"Fetch\n: ```\n  curl -s tides.example\n  jq .level\n  ```",
			[]string{"Fetch → curl -s tides.example\njq .level\n"}},
		{"terms and definitions in <div>s, what looks like Markdown in them",
			`<dl><div><dt># 1</dt><dd>- one</dd></div><div><dt>Two</dt><dd>2</dd></div></dl>`,
			"\\# 1\n: \\- one\n\nTwo\n: 2",
			[]string{"# 1 → - one", "Two → 2"}},
		{"a definition before any term: blocks",
			`<dl><dd>Orphaned definition.</dd><dt>Lonely term</dt></dl>`,
			"Orphaned definition.\n\nLonely term", nil},
		{"words beside the terms: blocks",
			`<dl><dt>Term</dt>stray words<dd>Definition.</dd></dl>`,
			"Term\n\nstray words\n\nDefinition.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Glossary of the harbour</title></head><body><article><h1>Glossary of the harbour</h1>` +
				story(2) + tc.dl + `<p>The end of the glossary.</p></article></body></html>`
			a, err := parseHTMLFile([]byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Body, tc.md) {
				t.Errorf("body lacks %q:\n%s", tc.md, a.Body)
			}
			if got := readDefinitions(a.Body); strings.Join(got, "|") != strings.Join(tc.defs, "|") {
				t.Errorf("the reader reads %q, want %q", got, tc.defs)
			}
		})
	}
}

// readDefinitions is what a Markdown reader with definition lists reads
// of md's: "term → definition" for each definition of each term.
func readDefinitions(md string) []string {
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.DefinitionList)).Parser().Parse(text.NewReader(src))
	plain := func(n ast.Node) string {
		var b strings.Builder
		ast.Walk(n, func(d ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch d := d.(type) {
			case *ast.Text:
				b.Write(util.UnescapePunctuations(d.Segment.Value(src)))
				if d.SoftLineBreak() || d.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(d.Value)
			case *ast.FencedCodeBlock:
				for i := 0; i < d.Lines().Len(); i++ {
					line := d.Lines().At(i)
					b.Write(line.Value(src))
				}
			case *ast.Paragraph, *ast.ListItem:
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
			}
			return ast.WalkContinue, nil
		})
		return strings.TrimLeft(b.String(), " ")
	}
	var out []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != east.KindDefinitionList {
			return ast.WalkContinue, nil
		}
		var terms []string
		described := false
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case east.KindDefinitionTerm:
				if described {
					terms, described = nil, false
				}
				terms = append(terms, plain(c))
			case east.KindDefinitionDescription:
				described = true
				for _, term := range terms {
					out = append(out, term+" → "+plain(c))
				}
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}
