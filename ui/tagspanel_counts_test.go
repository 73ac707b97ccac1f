package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// TestPanelCountsSayWhatTheyCount: in the # panel a tag's number says it
// counts the tag's articles and a feed's that it counts its unread ones,
// so that "#nato 4" beside "Feed 01 1 unread" is not read as 4 unread; on
// a narrow terminal too.
func TestPanelCountsSayWhatTheyCount(t *testing.T) {
	lib := panelLibrary(t)
	if _, err := lib.TagChanges(context.Background(), []int64{1}, []string{"solo"}, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		width, height int
		want          []string // lines of the panel, as regular expressions
	}{
		{80, 40, []string{`#nato +4 articles │`, `#ukraine +7 articles │`, `#solo +1 article │`}},
		{40, 40, []string{`#nato +4 articles │`, `#solo +1 article │`}},
		{80, 70, []string{`Feed 01 +1 unread │`}},
	}
	for _, tt := range tests {
		m := start(t, lib, Config{}, tt.width, tt.height)
		m = step(t, m, press("#"))
		view := viewText(m)
		for _, want := range tt.want {
			if !regexp.MustCompile(want).MatchString(view) {
				t.Errorf("%dx%d: no line matches %q:\n%s", tt.width, tt.height, want, view)
			}
		}
		for _, l := range strings.Split(view, "\n") {
			if regexp.MustCompile(`#\w+ +[0-9,]+ │`).MatchString(l) {
				t.Errorf("%dx%d: a tag's number says not what it counts: %q", tt.width, tt.height, l)
			}
		}
	}
}
