package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestObsidianMarkdown(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"wikilink":            {"See [[Luftwaffe leak]] now.", "See Luftwaffe leak now."},
		"shown words":         {"See [[Luftwaffe leak|the leak]].", "See the leak."},
		"heading":             {"[[Taurus#Range]] and [[#Local]]", "Taurus > Range and Local"},
		"block id":            {"[[Taurus#^ab12cd]]", "Taurus"},
		"embed":               {"![[diagram.png]]", "diagram.png"},
		"code span kept":      {"Type `[[x]]` here, [[y]].", "Type `[[x]]` here, y."},
		"fenced code kept":    {"```\n[[x]]\n> [!note] n\n```\n[[y]]", "```\n[[x]]\n> [!note] n\n```\ny"},
		"callout":             {"> [!note] Key point\n> The call was on WebEx.", "> **Note: Key point**\n>\n> The call was on WebEx."},
		"callout no title":    {"> [!warning]\n> Careful.", "> **Warning**\n>\n> Careful."},
		"folded callout":      {"> [!faq]- Why?\n> Because.", "> **Faq: Why?**\n>\n> Because."},
		"nested callout":      {"> > [!tip] Inner\n> > Text.", "> > **Tip: Inner**\n> >\n> > Text."},
		"ordinary brackets":   {"[UPDATE] a [link](https://x.example) and [[ alone", "[UPDATE] a [link](https://x.example) and [[ alone"},
		"not a callout quote": {"> [!] nothing\n> text", "> [!] nothing\n> text"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := obsidianMarkdown(tc.in); got != tc.want {
				t.Errorf("obsidianMarkdown(%q)\n = %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestObsidianNoteRendered: a vault's note reads in the reader as in
// Obsidian: a callout's title on its own line, links as their words.
func TestObsidianNoteRendered(t *testing.T) {
	md := "Intro with [[Other note|a link]].\n\n> [!note] Key point\n> The call was on WebEx, unencrypted.\n"
	out, err := RenderMarkdown(md, "", 80, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(ansi.Strip(out), "\n")
	var title, body int
	for i, l := range lines {
		if strings.Contains(l, "Note: Key point") {
			title = i
		}
		if strings.Contains(l, "The call was on WebEx") {
			body = i
		}
	}
	if strings.Contains(out, "[[") || strings.Contains(out, "[!note]") || !strings.Contains(out, "Intro with a link.") {
		t.Errorf("rendered:\n%s", out)
	}
	if title == 0 || body <= title {
		t.Errorf("the callout's title is not a line before its text:\n%s", out)
	}
}
