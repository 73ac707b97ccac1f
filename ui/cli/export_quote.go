package cli

import (
	"strings"
	"unicode"
)

// A highlighted passage is text the reader read (store/anchor's plain text),
// not Markdown: the export writes it so that a Markdown viewer shows it as
// it is, line by line.

// quoteInline are the characters that make text into Markdown wherever they
// stand: code, emphasis, links and images, HTML and character references,
// table cells, strikethrough, and the backslash that escapes them.
const quoteInline = "\\`*_[]<&|~"

// quoteLineStart are the characters that do so at the start of a line: a
// heading, a quote, a list item, a setext heading's underline or a
// definition.
const quoteLineStart = "#>-+=:"

// writeQuote writes a passage as a block quote: each line of it on a line of
// its own, joined to the next by a hard line break (a backslash at its end,
// or two spaces after a backslash of the text) so that table rows, list items and lines broken in the article do not run
// into one; a blank line between paragraphs; what would be Markdown escaped.
// Indentation is kept: a line that would start an indented code block (a
// highlighted code block) is written as it is, and shows as code.
func writeQuote(b *strings.Builder, quote string) {
	lines := quoteLines(quote)
	paraStart, inCode := true, false
	for i, l := range lines {
		switch {
		case l == "":
			b.WriteString(">\n")
			paraStart, inCode = true, false
			continue
		case (paraStart || inCode) && quoteIndent(l) >= 4:
			b.WriteString("> ")
			b.WriteString(l)
			b.WriteByte('\n')
			inCode = true
			continue
		}
		b.WriteString("> ")
		escaped := escapeQuoteLine(l)
		b.WriteString(escaped)
		if i+1 < len(lines) && lines[i+1] != "" {
			if strings.HasSuffix(escaped, `\`) {
				// goldmark takes a backslash after an escaped one for
				// text: two spaces break the line there.
				b.WriteString("  ")
			} else {
				b.WriteByte('\\')
			}
		}
		b.WriteByte('\n')
		paraStart, inCode = false, false
	}
}

// quoteLines is a passage's lines as the export quotes them: white space at
// their ends and blank lines around them gone, their indentation kept.
func quoteLines(quote string) []string {
	lines := strings.Split(quote, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// quoteIndent is how many columns of indentation line has in a block
// quote, written after "> ": tabs stop every four columns of the line as
// CommonMark counts them, from the quote's ">".
func quoteIndent(line string) int {
	col := 2
	for _, r := range line {
		switch r {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col - 2
		}
	}
	return col - 2
}

// escapeQuoteLine writes a line of text so that Markdown reads it as the
// text it is: a backslash before each character that would start a block
// at its start (after its indentation, which stays), before the dot or
// parenthesis of a number that would start a list item, and before every
// character that makes Markdown inline.
func escapeQuoteLine(line string) string {
	text := strings.TrimLeft(line, " \t")
	var b strings.Builder
	b.Grow(len(line) + 8)
	b.WriteString(line[:len(line)-len(text)])
	switch digits := len(text) - len(strings.TrimLeft(text, "0123456789")); {
	case text != "" && strings.IndexByte(quoteLineStart, text[0]) >= 0:
		b.WriteByte('\\')
		b.WriteByte(text[0])
		text = text[1:]
	case digits > 0 && digits < len(text) && (text[digits] == '.' || text[digits] == ')'):
		b.WriteString(text[:digits])
		b.WriteByte('\\')
		b.WriteByte(text[digits])
		text = text[digits+1:]
	}
	for _, r := range text {
		if r < 0x80 && strings.IndexByte(quoteInline, byte(r)) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
