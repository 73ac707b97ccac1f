package ui

import (
	"slices"
	"strings"
)

// mdEdit replaces md[from:to] with with.
type mdEdit struct {
	from, to int
	with     string
}

// applyEdits is md with edits made, in the order of the text; an edit that
// overlaps one before it is left out.
func applyEdits(md string, edits []mdEdit) string {
	if len(edits) == 0 {
		return md
	}
	slices.SortFunc(edits, func(a, b mdEdit) int { return a.from - b.from })
	var b strings.Builder
	b.Grow(len(md))
	at := 0
	for _, e := range edits {
		if e.from < at {
			continue
		}
		b.WriteString(md[at:e.from])
		b.WriteString(e.with)
		at = e.to
	}
	b.WriteString(md[at:])
	return b.String()
}
