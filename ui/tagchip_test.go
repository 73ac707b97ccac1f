package ui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestTagChipsQuoteNamesWithSpaces(t *testing.T) {
	st := newStyles(true, true, nil)
	same := func(s lipgloss.Style) lipgloss.Style { return s }
	tests := []struct {
		tags []string
		want string
	}{
		{[]string{"rail"}, "#rail"},
		{[]string{"Long Read", "rail"}, `#"Long Read" #rail`},
		{[]string{"a b c"}, `#"a b c"`},
		{[]string{`with "quote"`}, `#"with \"quote\""`},
		{[]string{"x\x1b[31my z"}, `#"xy z"`},
	}
	for _, tt := range tests {
		got, w := tagChips(tt.tags, 80, same, st)
		if plain := viewTextOf(got); plain != tt.want || w != len(tt.want) {
			t.Errorf("tagChips(%q) = %q (width %d), want %q", tt.tags, plain, w, tt.want)
		}
	}
}

// A tag too long for the room is shortened, and the tags after it still
// show: one tag of 200 characters does not hide the rest behind "+2".
func TestTagChipsShortenATagTooLong(t *testing.T) {
	st := newStyles(true, true, nil)
	same := func(s lipgloss.Style) lipgloss.Style { return s }
	long := strings.Repeat("L", 200)
	l := func(n int) string { return "#" + strings.Repeat("L", n-2) + "…" } // a chip of n cells
	tests := []struct {
		name  string
		tags  []string
		width int
		want  string
	}{
		{"list row", []string{long, "short"}, 32, l(16) + " #short"},
		{"reader header", []string{long, "short"}, 118, l(59) + " #short"},
		{"room for it whole", []string{long, "short"}, 248, "#" + long + " #short"},
		{"alone", []string{"a-tag-of-twenty-five-char"}, 16, "#a-tag-of-twent…"},
		{"between others", []string{"rail", long, "short"}, 32, "#rail " + l(16) + " #short"},
		{"then a count", []string{long, "a", "b", "c", "d", "e", "f", "g", "h"}, 32, l(16) + " #a #b #c #d +4"},
		{"last, in what is left", []string{"rail", "road", long}, 20, "#rail #road " + l(8)},
		{"no room to shorten it", []string{long, "short"}, 6, "+2"},
		{"ordinary tags still counted", []string{"tag00-", "tag01-x", "tag02-xx"}, 16, "#tag00- +2"},
		{"a name with spaces", []string{"a very long name with spaces in it", "x"}, 20, `#"a very… #x`},
		{"wide letters", []string{strings.Repeat("漢", 40), "短"}, 20, "#" + strings.Repeat("漢", 4) + "… #短"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, w := tagChips(tt.tags, tt.width, same, st)
			plain := viewTextOf(got)
			if plain != tt.want {
				t.Errorf("tagChips in %d cells = %q, want %q", tt.width, plain, tt.want)
			}
			if cells := ansi.StringWidth(plain); w != cells || w > tt.width {
				t.Errorf("width %d, drawn %d cells, room %d", w, cells, tt.width)
			}
		})
	}
}

// The tag editor's lines shorten a tag too long for them in the same way.
func TestChipLineShortensATagTooLong(t *testing.T) {
	st := newStyles(true, true, nil)
	long := strings.Repeat("L", 200)
	for _, width := range []int{40, 76} {
		got := viewTextOf(chipLine("on it", []string{long, "short"}, "", width, st))
		if !strings.Contains(got, "#LL") || !strings.Contains(got, "… #short") {
			t.Errorf("in %d cells: %q, want the long tag shortened and #short after it", width, got)
		}
		if w := ansi.StringWidth(got); w > width {
			t.Errorf("in %d cells: %q is %d cells wide", width, got, w)
		}
	}
	many := []string{long, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	if got := viewTextOf(chipLine("tags", many, "", 30, st)); !strings.HasSuffix(got, " …") || !strings.Contains(got, "#a") {
		t.Errorf("more tags than fit: %q, want the first ones, then …", got)
	}
}
