package query

import (
	"reflect"
	"testing"
)

// TestElfeedHints: a query written in elfeed's filter syntax, which tidings
// searches as words, is said to be so, with what tidings writes for each
// part; tidings' own syntax (#tag, -word, field:value) and words that only
// begin with such a sign (+1, @handle, quoted) are not.
func TestElfeedHints(t *testing.T) {
	tests := []struct {
		query string
		want  []Hint
	}{
		{"+unread", []Hint{{"+unread", "is:unread"}}},
		{"+Starred", []Hint{{"+Starred", "is:starred"}}},
		{"+junk", []Hint{{"+junk", "tag:junk"}}},
		{"@6-months-ago +unread", []Hint{{"@6-months-ago", "since:6m"}, {"+unread", "is:unread"}}},
		{"@2-weeks-ago", []Hint{{"@2-weeks-ago", "since:2w"}}},
		{"@1-year-old", []Hint{{"@1-year-old", "since:1y"}}},
		{"@3-days", []Hint{{"@3-days", "since:3d"}}},
		{"@12-hours-ago", []Hint{{"@12-hours-ago", "since:12h"}}},
		{"@2019-06-01", []Hint{{"@2019-06-01", "after:2019-06-01"}}},
		{"@2019-06-20--2019-06-24", []Hint{{"@2019-06-20--2019-06-24", "after:2019-06-20 before:2019-06-24"}}},
		{"@1-month-ago--2019-06-24", []Hint{{"@1-month-ago--2019-06-24", "since:1m before:2019-06-24"}}},
		{"@5-days-ago--1-day-ago", []Hint{{"@5-days-ago--1-day-ago", "since:7d or after:2019-06-01"}}},
		{"@5-minutes-ago", []Hint{{"@5-minutes-ago", "since:7d or after:2019-06-01"}}},
		{"=LWN", []Hint{{"=LWN", "source:LWN"}}},
		{"=http://example.org/feed/", []Hint{{"=http://example.org/feed/", "feed:http://example.org/feed/"}}},
		{"=^lwn$", []Hint{{"=^lwn$", "source:NAME (no regular expressions)"}}},
		{"~kern", []Hint{{"~kern", "-source:kern"}}},
		{"+unread !x?emacs", []Hint{{"+unread", "is:unread"}, {"!x?emacs", "-word or -wor* (no regular expressions)"}}},
		{"!emacs", []Hint{{"!emacs", "-emacs"}}},
		{"(ukraine OR +war) title:kyiv", []Hint{{"+war", "tag:war"}}},
		// Fullwidth syntax, as an input method types it, is read as ASCII.
		{"＋unread", []Hint{{"＋unread", "is:unread"}}},
		// A -word beside elfeed's syntax is most likely elfeed's -tag.
		{"-unread +youtube", []Hint{{"+youtube", "tag:youtube"}, {"-unread", "is:read"}}},
		{"+unread -junk -starred", []Hint{{"+unread", "is:unread"}, {"-junk", "-tag:junk"}, {"-starred", "-is:starred"}}},
		{"+unread -tag:junk -\"cold war\"", []Hint{{"+unread", "is:unread"}}},
		// tidings' own syntax, and words that merely start with a sign.
		{"-junk", nil},
		{"is:unread -junk", nil},
		{"#20", nil},
		{"#junk", nil},
		{"tag:+junk", nil},
		{`"+unread"`, nil},
		{"+1", nil},
		{"+44 20 7946", nil},
		{"@elonmusk", nil},
		{"=", nil},
		{"a+b c=d e~f x@2024", nil},
		{"C++ ~", nil},
		{"", nil},
		// Text that would act on a terminal is never quoted back.
		{"+unread\x1b[31m", nil},
		{"+un\u202eread", nil},
		// A query that stops parsing is read up to there.
		{"+unread foo:bar +later", []Hint{{"+unread", "is:unread"}}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := Hints(tt.query); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Hints(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

// TestElfeedHintLine: the hints are said in one line, each part with what
// to write for it; no hints, no line.
func TestElfeedHintLine(t *testing.T) {
	tests := []struct {
		query, want string
	}{
		{"@6-months-ago +unread", "elfeed's syntax searches words here: write since:6m for @6-months-ago, is:unread for +unread"},
		{"=LWN", "elfeed's syntax searches words here: write source:LWN for =LWN"},
		{"is:unread -junk", ""},
	}
	for _, tt := range tests {
		if got := HintLine(Hints(tt.query)); got != tt.want {
			t.Errorf("HintLine(Hints(%q)) = %q, want %q", tt.query, got, tt.want)
		}
	}
}
