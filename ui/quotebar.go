package ui

import (
	"fmt"
	"strings"

	"charm.land/glamour/v2/ansi"
	glamourstyles "charm.land/glamour/v2/styles"
	xansi "github.com/charmbracelet/x/ansi"
)

// Glamour leaves a block quote's text one column for each level of its
// bar, whatever the bar's width: the standard styles' "│ " takes two. So a
// line of a quote that fills the width (a long word or address cut to it,
// or words that happen to fill it) comes out a column too wide, glamour
// wraps it again at the document's edge, and what it carries over is drawn
// without the bar (charmbracelet/glamour#172). The reader gives glamour a
// bar of as many one-column marks as the bar is wide, which it counts
// right, and draws the bar over the marks afterwards (quoteBar.draw).

// quoteMark is one column of a quote's bar while glamour lays it out: a
// noncharacter, which Unicode keeps for a program's own use and no text
// has. One that an article writes anyway (as &#xFDD0;) is drawn as part of
// a bar.
const quoteMark = "\uFDD0"

// quoteBar is what the marks of one level of a quote's bar are drawn as,
// mark by mark; nil when the style's bar is drawn as it is.
type quoteBar []string

// glamourStyleConfig is the glamour style called name, its quotes' bar
// made of marks (see above), and what they are drawn as.
func glamourStyleConfig(name string) (ansi.StyleConfig, quoteBar, error) {
	std, ok := glamourstyles.DefaultStyles[name]
	if !ok {
		return ansi.StyleConfig{}, nil, fmt.Errorf("glamour style %q not found", name)
	}
	cfg := *std
	bq := cfg.BlockQuote
	if bq.Indent == nil || *bq.Indent == 0 || bq.IndentToken == nil {
		return cfg, nil, nil
	}
	token := *bq.IndentToken
	width := xansi.StringWidth(token)
	if width <= 1 || strings.Contains(token, "\x1b") {
		return cfg, nil, nil
	}
	// A mark for each column; each drawn as the token's character in that
	// column, or the whole token on the first and nothing on the others
	// when a character of it is wider than one.
	var bar quoteBar
	for i := 0; i < len(token); {
		c, w := xansi.FirstGraphemeCluster(token[i:], xansi.GraphemeWidth)
		if w != 1 || len(c) == 0 {
			bar = nil
			break
		}
		bar = append(bar, c)
		i += len(c)
	}
	if len(bar) != width {
		bar = make(quoteBar, width)
		bar[0] = token
	}
	indent, mark := *bq.Indent*uint(width), quoteMark
	bq.Indent, bq.IndentToken = &indent, &mark
	cfg.BlockQuote = bq
	return cfg, bar, nil
}

// draw writes the bar over its marks in glamour's output.
func (b quoteBar) draw(out string) string {
	if b == nil || !strings.Contains(out, quoteMark) {
		return out
	}
	var s strings.Builder
	s.Grow(len(out))
	n := 0 // marks on the line so far
	for i := 0; i < len(out); {
		switch {
		case out[i] == '\n':
			n = 0
		case strings.HasPrefix(out[i:], quoteMark):
			s.WriteString(b[n%len(b)])
			n++
			i += len(quoteMark)
			continue
		}
		s.WriteByte(out[i])
		i++
	}
	return s.String()
}
