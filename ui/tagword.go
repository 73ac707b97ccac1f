package ui

import "strings"

// TagWord reads one tag change as the tag editor reads a word of its line
// (splitWord): its sign ('+', '-' or 0) and the name, its double quotes
// and their \" and \\ read, a leading # dropped, white space around it
// trimmed. A command line reads its +tag and -tag arguments with it, so
// that +"Long Read", as `tidings tags` and the editor write a name with a
// space, is the tag Long Read there too; and a name with a quote in it is
// written as the editor takes it, +"say \"when\"".
func TagWord(w string) (sign rune, name string) {
	sign, name, _ = splitWord(w)
	return sign, strings.TrimSpace(name)
}
