package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestCodeBlockReferencesShownAsWritten: a reference to a control
// character in a fenced or an indented code block, which glamour shows as
// it stands, is shown as the characters it is written with ("&#27;"),
// never as a live ESC; in a code span, which glamour decodes, and in
// text, it is not shown at all, and what followed it is shown as text.
func TestCodeBlockReferencesShownAsWritten(t *testing.T) {
	tests := map[string]struct {
		body          string
		shown, hidden []string
	}{
		"a fenced block":    {"Before.\n\n```\n&#27; &#x1b;[31m\n```\n\nAfter.", []string{"&#27; &#x1b;[31m"}, nil},
		"an indented block": {"Before.\n\n    printf '&#27;[1m'\n\nAfter.", []string{"printf '&#27;[1m'"}, nil},
		"a block in a list": {"- step\n\n  ```sh\n  echo '&#x1B;[2J'\n  ```\n", []string{"echo '&#x1B;[2J'"}, nil},
		"a code span":       {"Span `&#27;[0m` here.", []string{"[0m"}, []string{"&#27;", "&#"}},
		"text":              {"Red &#27;[31m text.", []string{"Red [31m text."}, []string{"&#27;", "&#"}},
	}
	r := newRenderer()
	id := int64(0)
	for name, tc := range tests {
		id++ // a key of its own: the renderer caches by key
		for _, style := range []string{glamourStyle(true, false), glamourStyle(true, true)} {
			t.Run(name+"/"+style, func(t *testing.T) {
				out, err := r.render(renderKey{id: id, width: 60, style: style}, tc.body)
				if err != nil {
					t.Fatal(err)
				}
				if err := checkTerminalSafe(out); err != nil {
					t.Error(err)
				}
				plain := ansi.Strip(out)
				for _, s := range tc.shown {
					if !strings.Contains(plain, s) {
						t.Errorf("%q not shown:\n%s", s, plain)
					}
				}
				for _, s := range tc.hidden {
					if strings.Contains(plain, s) {
						t.Errorf("%q shown:\n%s", s, plain)
					}
				}
			})
		}
	}
}
