package ui

import (
	"regexp"
	"strings"
	"testing"
)

// wholeCount is a panel line's end: a whole count, said in words or not
// ("4 articles", "1 article", "4 unread", "4").
var wholeCount = regexp.MustCompile(`(^|\s)[0-9][0-9,]*( articles?| unread)?$`)

// TestPanelCountsWholeWhenNarrow: on a narrow screen a tag's line keeps
// its count whole, as a feed's does: "N articles" when it fits, else the
// number alone; the name gives way.
func TestPanelCountsWholeWhenNarrow(t *testing.T) {
	lib := panelLibrary(t)
	for _, width := range []int{80, 40, 30, 24, 20} {
		m := start(t, lib, Config{}, width, 40)
		m = step(t, m, press("#"))
		m = step(t, m, press("j")) // the cursor off Storms
		view := viewText(m)
		tags, feeds := 0, 0
		for _, line := range strings.Split(view, "\n") {
			first, last := strings.Index(line, "│"), strings.LastIndex(line, "│")
			if first < 0 || last <= first {
				continue
			}
			inBox := strings.TrimSpace(line[first+len("│") : last])
			isTag := strings.HasPrefix(strings.TrimPrefix(inBox, "▌ "), "#")
			if !isTag && (!strings.HasPrefix(strings.TrimPrefix(inBox, "▌ "), "Feed") || inBox == "Feeds") {
				continue
			}
			if !wholeCount.MatchString(inBox) {
				t.Errorf("%d columns: the count is cut: %q", width, line)
			}
			if isTag {
				tags++
				if width >= 40 && !strings.Contains(inBox, " article") {
					t.Errorf("%d columns: a tag's line does not say articles: %q", width, line)
				}
			} else {
				feeds++
			}
		}
		if tags == 0 || feeds == 0 {
			t.Errorf("%d columns: %d tags' and %d feeds' lines shown:\n%s", width, tags, feeds, view)
		}
		checkFits(t, m, width, 40)
	}
}
