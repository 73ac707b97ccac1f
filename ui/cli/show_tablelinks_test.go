package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tidings/store"
	"tidings/ui"
)

// TestShowTableLinksGiveAddresses: show, which has no list of links as the
// reader has, gives the address of every link and image in a table, as it
// does of a link in a paragraph: on a terminal wide enough for the table,
// on one where it is drawn as records, and piped; a relative one made
// absolute against the article's link.
func TestShowTableLinksGiveAddresses(t *testing.T) {
	a := store.Article{
		Title: "Tables with links",
		URL:   "https://example.com/news/post.html",
		Body: "Intro [an intro link](http://example.com/intro).\n\n" +
			"| Name | Site | Notes |\n|------|------|-------|\n" +
			"| Alpha | [alpha site](http://example.com/alpha) | first |\n" +
			"| Beta | [beta](http://example.com/beta) and [more beta](../b2) | second |\n" +
			"| Delta | ![img alt](http://example.com/i.png) | image |\n",
	}
	addresses := []string{"http://example.com/intro", "http://example.com/alpha", "http://example.com/beta", "http://example.com/i.png"}
	for _, width := range []int{80, 40} {
		for _, noColor := range []bool{false, true} {
			t.Run(fmt.Sprint(width, noColor), func(t *testing.T) {
				out, err := renderShown(a, width, noColor)
				if err != nil {
					t.Fatal(err)
				}
				for _, want := range append(addresses, "https://example.com/b2") {
					if !strings.Contains(out, want) {
						t.Errorf("show lacks %s:\n%s", want, out)
					}
				}
				for _, want := range []string{"alpha site", "more beta", "img alt"} {
					if !strings.Contains(out, want) {
						t.Errorf("show lacks the text %q:\n%s", want, out)
					}
				}
			})
		}
	}
	piped := Markdown(a, nil)
	for _, want := range append(addresses, "../b2") {
		if !strings.Contains(piped, want) {
			t.Errorf("piped show lacks %s:\n%s", want, piped)
		}
	}
}

// renderShown is show's output for a on a terminal width columns wide,
// its styles dropped.
func renderShown(a store.Article, width int, noColor bool) (string, error) {
	out, err := ui.RenderMarkdown(TerminalMarkdown(a, nil), a.URL, width, "dark", noColor)
	return ansi.Strip(out), err
}
