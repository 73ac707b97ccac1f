// Package shellwords splits a command line into its words as a POSIX
// shell would, without running one: the browser setting of config.toml
// and $BROWSER are read so, and nothing in them is expanded or run.
package shellwords

import (
	"errors"
	"strings"
)

// Split splits a command into its words as a POSIX shell would,
// without one: words are separated by spaces, tabs and line breaks; single
// quotes keep all they enclose; double quotes all but a backslash before
// ", \, $, ` or a line break, which it escapes; outside quotes a backslash
// keeps the character after it (and drops a line break). Nothing is
// expanded or run: $HOME, ~, * and `…` are themselves. A quote not closed,
// or a backslash at the end, is an error.
func Split(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
			continue
		case '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, errors.New("its ' is not closed")
			}
			w.WriteString(s[i+1 : i+1+end])
			i += end + 1
		case '"':
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) && strings.IndexByte("\"\\$`\n", s[j+1]) >= 0 {
					j++
					if s[j] == '\n' {
						continue
					}
				}
				w.WriteByte(s[j])
			}
			if j == len(s) {
				return nil, errors.New(`its " is not closed`)
			}
			i = j
		case '\\':
			if i+1 == len(s) {
				return nil, errors.New(`it ends in a \`)
			}
			i++
			if s[i] == '\n' {
				continue // a line continued
			}
			w.WriteByte(s[i])
		default:
			w.WriteByte(c)
		}
		inWord = true
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}
