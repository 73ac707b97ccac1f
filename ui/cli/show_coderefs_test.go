package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tidings/store"
	"tidings/ui"
)

// TestShowCodeRefsAsWritten: show prints the references to control
// characters in an article's code blocks as they are written, piped and
// rendered on a terminal, never as a live ESC; those in its text go.
func TestShowCodeRefsAsWritten(t *testing.T) {
	a := store.Article{Title: "Code refs", Body: "Outside &#27;[31m text.\n\n```\n&#27; &#x1b;[31m\n```\n\n    indented &#27;[1m"}
	rendered, err := ui.RenderMarkdown(TerminalMarkdown(a, nil), "", 100, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"piped": Markdown(a, nil), "on a terminal": ansi.Strip(rendered)} {
		for _, want := range []string{"&#27; &#x1b;[31m", "indented &#27;[1m", "Outside [31m text."} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: show lacks %q:\n%s", name, want, out)
			}
		}
	}
	if strings.Contains(strings.ReplaceAll(rendered, "\x1b[", ""), "\x1b") {
		t.Errorf("a live ESC:\n%q", rendered)
	}
}
