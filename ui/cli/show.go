package cli

// DumbTerminal reports whether a terminal whose TERM is term can take
// nothing but plain text: "dumb" (an Emacs shell buffer, an editor's
// output pane) or no TERM at all. `tidings show` prints an article there
// as it does in a pipe, as Markdown, and asks the terminal nothing.
func DumbTerminal(term string) bool {
	return term == "" || term == "dumb"
}
