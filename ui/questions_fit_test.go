package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestQuestionsKeepTheirVerbAndAnswer: M's question and the tags panel's
// question about deleting a saved search fit the status line with their
// verb and their y/n in sight, whatever the width and however long the
// filter or the search's name: what they quote is shortened with an
// ellipsis, then left out, as D's question shortens the title.
func TestQuestionsKeepTheirVerbAndAnswer(t *testing.T) {
	lib := newLibrary(t, 30)
	const (
		long     = "leaked audio recording security breach alarm berlin allies"
		longName = "Markets and night food of the eastern cities in the long winter"
	)
	if err := lib.SaveSearch(context.Background(), longName, long); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		width  int
		filter string   // typed and kept before the keys
		keys   []string // that ask
		want   []string // in the question, in this order
	}{
		{"M, a long filter, 80 columns", 80, long, []string{"M"}, []string{"Mark the 30 unread articles matching `leaked", "…` read? y/n"}},
		{"M, a long filter, 120 columns", 120, long, []string{"M"}, []string{"Mark the 30 unread articles matching `" + long + "*` read? y/n"}},
		{"M, a short filter, 60 columns", 60, "storm", []string{"M"}, []string{"Mark the 6 unread articles matching `storm*` read? y/n"}},
		{"M, a long filter, 60 columns", 60, long, []string{"M"}, []string{"Mark the 30 unread articles matching `leaked a…` read? y/n"}},
		{"M, a long filter, 50 columns", 50, long, []string{"M"}, []string{"Mark the 30 unread articles listed read? y/n"}},
		{"M, a short filter, 40 columns", 40, "storm", []string{"M"}, []string{"Mark 6 articles read? y/n"}},
		{"M, no filter, 40 columns", 40, "", []string{"M"}, []string{"Mark the 30 unread articles read? y/n"}},
		{"M, a filter, 20 columns", 20, "storm", []string{"M"}, []string{"Mark 6 read? y/n"}},
		{"d, 80 columns", 80, "", []string{"#", "d"}, []string{"Delete the saved search “Markets", "…” (`leaked", "…`)? y/n"}},
		{"d, 60 columns", 60, "", []string{"#", "d"}, []string{"Delete the saved search “Markets an…” (`leaked aud…`)? y/n"}},
		{"d, 50 columns", 50, "", []string{"#", "d"}, []string{"Delete the saved search “Markets and nigh…”? y/n"}},
		{"d, 40 columns", 40, "", []string{"#", "d"}, []string{"Delete “Markets and night food …”? y/n"}},
		{"d, 20 columns", 20, "", []string{"#", "d"}, []string{"Delete it? y/n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{}, tt.width, 24)
			if tt.filter != "" {
				m = step(t, m, press("/"))
				m = typeKeys(t, m, tt.filter)
				m = step(t, m, press("enter"))
			}
			m = steps(t, m, tt.keys...)
			if root(t, m).mode() != modeConfirm {
				t.Fatalf("%v asked nothing", tt.keys)
			}
			line := viewTextOf(root(t, m).statusLine())
			if w := ansi.StringWidth(line); w > tt.width {
				t.Errorf("the question is %d cells wide: %q", w, line)
			}
			if !strings.HasSuffix(strings.TrimSpace(line), "? y/n") {
				t.Errorf("the question does not end with its y/n: %q", line)
			}
			rest := line
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("the question does not say %q: %q", w, line)
					break
				}
				rest = rest[i+len(w):]
			}
		})
	}
}
