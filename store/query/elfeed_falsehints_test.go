package query

import (
	"reflect"
	"testing"
)

// TestElfeedHintsNotForOrdinaryText: a sign before a number, a time, a
// word or a path in ordinary text is no elfeed syntax and gets no hint; a
// sign before one of tidings' own field terms is told that term as it is,
// not wrapped in another field; elfeed's ages and dates after @ still get
// theirs.
func TestElfeedHintsNotForOrdinaryText(t *testing.T) {
	tests := []struct {
		query string
		want  []Hint
	}{
		// Numbers, times, words and paths.
		{"~5 million", nil},
		{"costs ~10", nil},
		{"=10", nil},
		{"meeting @10am", nil},
		{"dinner @8pm", nil},
		{"@1password", nil},
		{"@2nd", nil},
		{"@3-apples", nil},
		{"@2019-06-01--later", nil},
		{"~user/notes", nil},
		{"~/notes/todo", nil},
		// tidings' own field terms after a sign.
		{"+tag:news", []Hint{{"+tag:news", "tag:news"}}},
		{"+is:unread", []Hint{{"+is:unread", "is:unread"}}},
		{"+Source:LWN", []Hint{{"+Source:LWN", "Source:LWN"}}},
		{"=tag:x", nil},
		{"~tag:x", nil},
		// elfeed's own, still said.
		{"@6-months-ago", []Hint{{"@6-months-ago", "since:6m"}}},
		{"@2-weeks-ago", []Hint{{"@2-weeks-ago", "since:2w"}}},
		{"@1-year-old", []Hint{{"@1-year-old", "since:1y"}}},
		{"@2019-06-01", []Hint{{"@2019-06-01", "after:2019-06-01"}}},
		{"@2019-06-01--2019-07-01", []Hint{{"@2019-06-01--2019-07-01", "after:2019-06-01 before:2019-07-01"}}},
		{"@5-minutes-ago", []Hint{{"@5-minutes-ago", "since:7d or after:2019-06-01"}}},
		{"~kern", []Hint{{"~kern", "-source:kern"}}},
		{"~https://lwn.net/headlines/rss", []Hint{{"~https://lwn.net/headlines/rss", "-feed:https://lwn.net/headlines/rss"}}},
		{"=LWN +news", []Hint{{"=LWN", "source:LWN"}, {"+news", "tag:news"}}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := Hints(tt.query); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Hints(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}
