package cli

import (
	"fmt"
	"io"

	"tidings/store/query"
)

// QueryHint writes to w, when q is written in elfeed's filter syntax,
// which tidings searches as words, a line that says so and what tidings
// writes instead (query.Hints): read --query '+unread' would otherwise mark
// the articles with the word unread, and say nothing. The command goes on
// as asked; the line is no error.
func QueryHint(w io.Writer, q string) {
	if line := query.HintLine(query.Hints(q)); line != "" {
		fmt.Fprintf(w, "tidings: note: %s (docs/QUERY.md has the terms)\n", line)
	}
}
