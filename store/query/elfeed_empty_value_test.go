package query

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestElfeedHintsSayOnlyWhatTidingsTakes: what a hint says to write is a
// term tidings takes, read as tidings reads the term typed: an empty
// quoted value is no value, so the hint says what goes after the colon; a
// fullwidth colon is a colon, so +tag："long read" is tag:"long read" and
// +is："unread" is is:unread, never tag:tag："long read".
func TestElfeedHintsSayOnlyWhatTidingsTakes(t *testing.T) {
	tests := []struct {
		query string
		want  []Hint
	}{
		{`+tag:""`, []Hint{{`+tag:""`, "tag:NAME"}}},
		{`+tag:""""`, []Hint{{`+tag:""`, "tag:NAME"}}},
		{`+tag:" "`, []Hint{{`+tag:" "`, "tag:NAME"}}},
		{`+source:""*`, []Hint{{`+source:""*`, "source:NAME"}}},
		{`+tag："long read"`, []Hint{{`+tag："long read"`, `tag:"long read"`}}},
		{`+is："unread"`, []Hint{{`+is："unread"`, "is:unread"}}},
		{`+is:"Starred"`, []Hint{{`+is:"Starred"`, "is:starred"}}},
		{`+is：`, []Hint{{`+is：`, "is:STATE"}}},
		{`+is:later`, []Hint{{`+is:later`, "is:STATE"}}},
		{`+title："a:b"`, []Hint{{`+title："a:b"`, `title:"a:b"`}}},
		{`＋ｕｎｒｅａｄ`, []Hint{{`＋ｕｎｒｅａｄ`, "is:unread"}}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := Hints(tt.query)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Hints(%q) = %q, want %q", tt.query, got, tt.want)
			}
			for _, h := range got {
				if _, v, _ := strings.Cut(h.Instead, ":"); v != "" && strings.Trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
					continue // a kind of term, NAME or STATE, not one to type
				}
				if _, err := Parse(h.Instead); err != nil {
					t.Errorf("Hints(%q) says to write %q, which tidings refuses: %v", tt.query, h.Instead, err)
				}
			}
		})
	}
}

// TestElfeedFieldHintLinesFit: the line said for a + before a field with
// nothing after its colon fits a terminal of 80 columns, the filter's
// status line with its margin, whichever field it is.
func TestElfeedFieldHintLinesFit(t *testing.T) {
	for _, field := range []string{"tag", "source", "feed", "title", "is", "since", "after", "before", "on", "date"} {
		q := "+" + field + ":"
		line := HintLine(Hints(q))
		if line == "" {
			t.Errorf("no hint for %q", q)
		}
		if n := utf8.RuneCountInString(line); n > 76 {
			t.Errorf("the hint for %q is %d columns, want it to fit 80 with room: %q", q, n, line)
		}
	}
}
