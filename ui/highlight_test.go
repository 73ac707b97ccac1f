package ui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestHighlightRendered(t *testing.T) {
	const open = "\x1b[7m"
	tests := map[string]struct {
		out   string
		terms []string
		want  string
	}{
		"plain word": {"hello world", []string{"world"}, "hello \x1b[7mworld\x1b[m"},
		"folded":     {"Zürich, ZURICH", []string{"zurich"}, "\x1b[7mZürich\x1b[m, \x1b[7mZURICH\x1b[m"},
		"prefix":     {"missile missiles miss", []string{"missi*"}, "\x1b[7mmissile\x1b[m \x1b[7mmissiles\x1b[m miss"},
		"nothing":    {"hello world", []string{"absent"}, "hello world"},
		"no terms":   {"hello world", nil, "hello world"},
		// glamour's styling inside a match is kept, the match goes on after
		// it; after the match, glamour's styling as it stood comes back.
		"across styles": {
			"\x1b[1mhello\x1b[0m \x1b[3mworld\x1b[0m!",
			[]string{"hello world"},
			"\x1b[1m\x1b[7mhello\x1b[0m\x1b[7m \x1b[3m\x1b[7mworld\x1b[m\x1b[3m\x1b[0m!",
		},
		"styling restored": {
			"\x1b[38;5;252mone two three\x1b[0m",
			[]string{"two"},
			"\x1b[38;5;252mone \x1b[7mtwo\x1b[m\x1b[38;5;252m three\x1b[0m",
		},
		// A phrase wrapped onto the next line is marked line by line, the
		// margin left alone.
		"across lines": {
			"  the leaked\n  audio was", []string{"leaked audio"},
			"  the \x1b[7mleaked\x1b[m\n  \x1b[7maudio\x1b[m was",
		},
		// Found as the screen shows it: SARA AM as its two parts.
		"Thai": {
			displayText("ฝนตกหนัก สำนักงานเขต"), []string{"สำนักงานเขต"},
			"ฝนตกหนัก \x1b[7m" + displayText("สำนักงานเขต") + "\x1b[m",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := highlightRendered(tt.out, tt.terms, open)
			if got != tt.want {
				t.Errorf("highlightRendered(%q)\n got %q\nwant %q", tt.out, got, tt.want)
			}
			if keepStyles(got) != got {
				t.Errorf("the output holds more than SGR: %q", got)
			}
			if ansi.Strip(got) != ansi.Strip(tt.out) {
				t.Errorf("the text changed: %q", ansi.Strip(got))
			}
		})
	}
}

func TestFitHighlighted(t *testing.T) {
	base, hl := lipgloss.NewStyle(), lipgloss.NewStyle().Reverse(true)
	mark := func(s string) string {
		return ansi.Strip(strings.NewReplacer("\x1b[7m", "«", "\x1b[m", "»").Replace(s))
	}
	tests := map[string]struct {
		s     string
		width int
		terms []string
		want  string
	}{
		"fits":       {"Storm Shadow tracked", 24, []string{"shadow"}, "Storm «Shadow» tracked    "},
		"cut after":  {"Storm Shadow tracked", 15, []string{"shadow"}, "Storm «Shadow» t…"},
		"cut inside": {"Storm Shadow tracked", 10, []string{"shadow"}, "Storm «Sha»…"},
		"cut before": {"Storm Shadow tracked", 6, []string{"shadow"}, "Storm…"},
		"no match":   {"Storm Shadow tracked", 24, []string{"luft*"}, "Storm Shadow tracked    "},
		"wide runes": {"東京の記者 Tokyo", 13, []string{"tokyo"}, "東京の記者 «T»…"},
		"Thai":       {oneLine("ทำให้ น้ำท่วม"), 14, []string{"น้ำท่วม"}, oneLine("ทำให้ «น้ำท่วม»") + "    "},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := fitHighlighted(tt.s, tt.width, tt.terms, base, hl)
			if m := mark(got); m != tt.want {
				t.Errorf("fitHighlighted(%q, %d) = %q, want %q", tt.s, tt.width, m, tt.want)
			}
			if w := ansi.StringWidth(got); w != tt.width {
				t.Errorf("%d cells wide, want %d", w, tt.width)
			}
		})
	}
}
