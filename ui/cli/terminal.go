package cli

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/feeds/marks"
)

// Everything the command line prints to a terminal that came from a file, a
// feed, the library or the user's own arguments passes through this file.
// One-line text (a title, a URL, a tag, a rule's query, a path, an error)
// goes through oneLine; multi-line text (an article's body, a note) through
// shownText. What is stored stays as it came: search --json and export are
// lossless.

// oneLine cleans untrusted text for one line of terminal output and cuts it
// to n display cells when n > 0 (cleanLine).
func oneLine(s string, n int) string {
	s = cleanLine(s)
	if n > 0 && ansi.StringWidth(s) > n {
		s = ansi.Truncate(s, n, "…")
	}
	return s
}

// fieldLine is a one-line field that people read (a title, a feed's
// name, a source, an author, a tag) as one line of terminal output, cut
// to feeds.MaxLineLength characters first (feeds.ShortLine), as import cuts
// it now: a library imported before that holds titles of megabytes, which
// no listing prints whole. Addresses and ids are printed whole (oneLine),
// to be used; --json writes every field as it is.
func fieldLine(s string, n int) string { return oneLine(feeds.ShortLine(s), n) }

// cleanLine is s as one line of plain text, as the TUI shows a one-line
// field: no control characters or escape sequences, no bidirectional
// overrides, no newlines or runs of white space (feeds.CleanLine), and
// none of the characters that show nothing (marks.Drop: joiners between
// letters, direction marks, soft hyphens, variation selectors...) but
// where they change what is drawn, so that "Reu\u00adters" prints as
// "Reuters" does and a field cannot look like nothing. Dropping them can
// leave two spaces in a row, or join the pieces of a numeric character
// reference: the rest is cleaned again.
func cleanLine(s string) string {
	s = feeds.CleanLine(s)
	if t := marks.Drop(s); t != s {
		s = feeds.CleanLine(t)
	}
	return s
}

// OneLine is s as one line of terminal output, for the commands main.go
// prints itself: a rule's query, a feed's URL and title, an error message.
func OneLine(s string) string { return cleanLine(s) }

// OneLines is each of ss through OneLine, joined by single spaces.
func OneLines(ss []string) string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = cleanLine(s); s != "" {
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
// multi-line text, each line as one line of output (cleanLine). An error
// often quotes what the user typed or what a server said.
func ErrorText(err error) string {
	if err == nil {
		return ""
	}
	lines := strings.Split(feeds.CleanText(err.Error()), "\n")
	for i, l := range lines {
		lines[i] = cleanLine(l)
	}
	return strings.Join(lines, "\n")
}

// cleanError is err with its message as one clean line; errors.Is and
// errors.As still see err.
type cleanError struct{ err error }

func (e cleanError) Error() string { return cleanLine(e.err.Error()) }
func (e cleanError) Unwrap() error { return e.err }
