package cli

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
)

// Everything the command line prints to a terminal that came from a file, a
// feed, the library or the user's own arguments passes through this file.
// One-line text (a title, a URL, a tag, a rule's query, a path, an error)
// goes through oneLine; multi-line text (an article's body, a note) through
// shownText. What is stored stays as it came: search --json and export are
// lossless.

// oneLine cleans untrusted text for one line of terminal output and cuts it
// to n display cells when n > 0: no control characters or escape
// sequences, no bidirectional overrides or zero-width characters, no
// newlines or runs of white space (feeds.CleanLine).
func oneLine(s string, n int) string {
	s = feeds.CleanLine(s)
	if n > 0 && ansi.StringWidth(s) > n {
		s = ansi.Truncate(s, n, "…")
	}
	return s
}

// OneLine is s as one line of terminal output, for the commands main.go
// prints itself: a rule's query, a feed's URL and title, an error message.
func OneLine(s string) string { return feeds.CleanLine(s) }

// OneLines is each of ss through OneLine, joined by single spaces.
func OneLines(ss []string) string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = feeds.CleanLine(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// shownText cleans multi-line untrusted text (an article's body, a note) for
// the terminal: as feeds.CleanText, and without bidirectional overrides and
// isolates, which could make a passage read otherwise than it is written.
// The bidi controls go first, because removing one can join the pieces of a
// numeric character reference that CleanText then removes.
func shownText(s string) string {
	return feeds.CleanText(feeds.StripBidi(s))
}

// ErrorText is an error's message as printed on stderr: cleaned like
// multi-line text, each line without bidi overrides and zero-width
// characters. An error often quotes what the user typed or what a server
// said.
func ErrorText(err error) string {
	if err == nil {
		return ""
	}
	lines := strings.Split(feeds.CleanText(err.Error()), "\n")
	for i, l := range lines {
		lines[i] = feeds.CleanLine(l)
	}
	return strings.Join(lines, "\n")
}

// cleanError is err with its message as one clean line; errors.Is and
// errors.As still see err.
type cleanError struct{ err error }

func (e cleanError) Error() string { return feeds.CleanLine(e.err.Error()) }
func (e cleanError) Unwrap() error { return e.err }
