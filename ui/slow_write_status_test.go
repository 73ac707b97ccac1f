package ui

import (
	"strings"
	"testing"
)

// TestLongWriteStaysSaid: while a write of a whole filter runs (M's
// marking read, T's tagging: a minute in a million articles), the status
// line says so until it ends, whatever is pressed meanwhile: a key that
// clears the line gives it back to the write, and a message shown
// meanwhile gives way to it at the next key; on the list and in the
// reader. Once the write is done, its result says so, and then nothing
// says it is under way.
func TestLongWriteStaysSaid(t *testing.T) {
	tests := []struct {
		name   string
		start  []string // the keys up to the last, which starts the write
		saying string
		done   string
	}{
		// Of M's six, the one opened meanwhile was read.
		{name: "M", start: []string{"M", "y"},
			saying: "Marking the articles matching `title:Article*` read…", done: "Marked 5 articles read."},
		{name: "T", start: []string{"T", "y", "l", "a", "t", "e", "r", "enter"},
			saying: "Tagging the articles matching `title:Article*`…", done: "Tags +later on 6 articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := newLibrary(t, 6)
			m := start(t, lib, Config{}, 100, 20)
			m = steps(t, m, "/")
			m = typeKeys(t, m, "title:Article")
			m = steps(t, m, "enter")
			m = steps(t, m, tt.start[:len(tt.start)-1]...)
			m, write := m.Update(press(tt.start[len(tt.start)-1])) // the write, not yet done
			if write == nil {
				t.Fatal("the last key started nothing")
			}
			says := func(when string) {
				t.Helper()
				if s := viewText(m); !strings.Contains(s, tt.saying) {
					t.Errorf("%s, the status line does not say %q:\n%s", when, tt.saying, s)
				}
			}
			says("at once")
			m = steps(t, m, "j")
			says("after j")
			m = steps(t, m, "?")
			m = steps(t, m, "?")
			says("after the help came and went")
			m = steps(t, m, "enter")
			if root(t, m).screen != screenReader {
				t.Fatal("enter did not open the article")
			}
			says("in the reader")
			m = steps(t, m, "]")
			if s := viewText(m); !strings.Contains(s, "This article has no notes") {
				t.Errorf("] in an article without notes says nothing:\n%s", s)
			}
			m = steps(t, m, "j")
			says("after a message and a key")
			m = steps(t, m, "esc")
			m = run(t, m, write)
			if s := viewText(m); !strings.Contains(s, tt.done) {
				t.Errorf("once written, the screen does not say %q:\n%s", tt.done, s)
			}
			m = steps(t, m, "j")
			if s := viewText(m); strings.Contains(s, tt.saying) {
				t.Errorf("once written and a key pressed, the status line still says %q:\n%s", tt.saying, s)
			}
		})
	}
}
