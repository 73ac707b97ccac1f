package ui

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTagColourKeysOfOneTagMessage: two tag_colors keys refused as one tag
// are told why they are one, their case or the cut of a long name or
// both, and each is named short enough to read, with its length, so that
// the reader can tell which two keys they are.
func TestTagColourKeysOfOneTagMessage(t *testing.T) {
	w, W, e := strings.Repeat("w", 1200), strings.Repeat("W", 1100), strings.Repeat("é", 1200)
	tests := []struct {
		name      string
		keys      [2]string
		reason    string
		lengthsOf []string // the lengths said, of long keys
	}{
		{"past the cut", [2]string{w, w[:1100]}, "(tag names are kept to their first 1,000 characters)", []string{"(1,200 characters)", "(1,100 characters)"}},
		{"accented, past the cut", [2]string{e, strings.Repeat("é", 1100)}, "(tag names are kept to their first 1,000 characters)", []string{"(1,200 characters)", "(1,100 characters)"}},
		{"case and the cut", [2]string{w, W}, "(tag names are case-insensitive and kept to their first 1,000 characters)", []string{"(1,200 characters)", "(1,100 characters)"}},
		{"case of long names", [2]string{w, strings.ToUpper(w)}, "(tag names are case-insensitive)", []string{"(1,200 characters)"}},
		{"case", [2]string{"Été", "été"}, "(tag names are case-insensitive)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Config{TagColors: map[string]string{tt.keys[0]: "1", tt.keys[1]: "2"}}.Validate()
			if err == nil {
				t.Fatal("Validate took two keys of one tag")
			}
			msg := err.Error()
			if !strings.Contains(msg, "are one tag "+tt.reason) {
				t.Errorf("Validate: %.200q, want the reason %s", msg, tt.reason)
			}
			if n := utf8.RuneCountInString(msg); n > 300 {
				t.Errorf("the message is %d characters, want the keys shortened: %.200q", n, msg)
			}
			for _, l := range tt.lengthsOf {
				if !strings.Contains(msg, l) {
					t.Errorf("Validate: %q, want a key's length %s", msg, l)
				}
			}
			if len(tt.lengthsOf) == 0 && !strings.Contains(msg, tagColorKey(tt.keys[0])) {
				t.Errorf("Validate: %q, want the short key %s whole", msg, tagColorKey(tt.keys[0]))
			}
		})
	}
}
