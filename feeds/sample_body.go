package feeds

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// The layout of a sample article's text into Markdown paragraphs.
const (
	// wrapWidthMax: a block whose lines are all this short may be text
	// hard-wrapped to a width; longer lines are paragraphs of their own.
	wrapWidthMax = 100
	// wrapWidthMin is the narrowest wrap width assumed when deciding
	// whether a sentence ending a line also ended its paragraph.
	wrapWidthMin = 60
)

// sampleBody turns the lines of an article into its Markdown body. Blank
// lines separate paragraphs. Inside a block without blank lines, lines are
// text hard-wrapped to a width (and rejoined) when they are all short,
// otherwise each line is a paragraph. headerRunes is the length of the
// header taken off the first line, which a wrapper may have counted.
func sampleBody(lines [][]byte, headerRunes int) string {
	size := 0
	for _, l := range lines {
		size += len(l) + 1
	}
	var b strings.Builder
	b.Grow(size)
	var block [][]byte
	extra := 0 // the header's length counts for the first line only
	if len(lines) > 0 && len(bytes.TrimSpace(lines[0])) > 0 {
		extra = headerRunes
	}
	flush := func() {
		if len(block) > 0 {
			writeBlock(&b, block, extra)
			extra = 0
			block = block[:0]
		}
	}
	for _, l := range lines {
		l = bytes.TrimSpace(l)
		if bytes.Contains(l, []byte("<p></p>")) {
			l = bytes.TrimSpace(bytes.ReplaceAll(l, []byte("<p></p>"), nil))
		}
		if len(l) == 0 || isHTMLRemnant(l) {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return b.String()
}

// writeBlock writes the paragraphs of one block of lines to b.
func writeBlock(b *strings.Builder, block [][]byte, headerRunes int) {
	if len(block) == 1 {
		writeParagraph(b, block[0], nil)
		return
	}
	runes := make([]int, len(block))
	width := 0
	for i, l := range block {
		runes[i] = utf8.RuneCount(l)
		width = max(width, runes[i])
	}
	if width > wrapWidthMax {
		for _, l := range block {
			writeParagraph(b, l, nil)
		}
		return
	}
	// Rejoin hard-wrapped lines. A greedy wrapper moves a word to the next
	// line only when it does not fit, so when the next line's first word
	// would have fit, the break was the end of a paragraph.
	start := 0
	for i := 0; i+1 < len(block); i++ {
		used := runes[i]
		if i == 0 {
			used += headerRunes
		}
		need := used + 1 + utf8.RuneCount(firstWord(block[i+1]))
		if need <= width || need <= wrapWidthMin && endsSentence(block[i]) {
			writeParagraph(b, nil, block[start:i+1])
			start = i + 1
		}
	}
	writeParagraph(b, nil, block[start:])
}

// writeParagraph writes one paragraph, either line or the lines joined by
// spaces, after a blank line when it is not the first, escaped so that
// plain text does not turn into Markdown syntax.
func writeParagraph(b *strings.Builder, line []byte, lines [][]byte) {
	if line == nil {
		line = lines[0]
		lines = lines[1:]
	}
	if b.Len() > 0 {
		b.WriteString("\n\n")
	}
	writeEscapedStart(b, line)
	for _, l := range lines {
		b.WriteByte(' ')
		b.Write(l)
	}
}

// writeEscapedStart writes line with a backslash before a character that
// would make a line of plain text into Markdown syntax: a heading, quote,
// list item, table, code fence, HTML block, link definition or rule.
func writeEscapedStart(b *strings.Builder, line []byte) {
	if len(line) == 0 {
		return
	}
	switch line[0] {
	case '#', '>', '-', '*', '+', '|', '`', '<', '~', '_', '[', '=':
		b.WriteByte('\\')
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		n := 1
		for n < len(line) && n < 10 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		if n < 10 && n < len(line) && (line[n] == '.' || line[n] == ')') && (n+1 == len(line) || line[n+1] == ' ' || line[n+1] == '\t') {
			b.Write(line[:n])
			b.WriteByte('\\')
			line = line[n:]
		}
	}
	b.Write(line)
}

func firstWord(line []byte) []byte {
	if i := bytes.IndexAny(line, " \t"); i >= 0 {
		return line[:i]
	}
	return line
}

// endsSentence reports whether line ends with sentence punctuation,
// perhaps followed by closing quotes or brackets.
func endsSentence(line []byte) bool {
	l := bytes.TrimRight(line, "\"')]”’»")
	return len(l) > 0 && bytes.IndexByte([]byte(".!?:"), l[len(l)-1]) >= 0
}
