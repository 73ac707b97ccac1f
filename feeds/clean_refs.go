package feeds

import (
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// CleanMarkdown is CleanText for a Markdown body, but that the numeric
// character references to control characters in its fenced and indented
// code blocks stay: a code block is shown as it stands, "&#27;[31m" in a
// shell snippet as those characters, never decoded into a live ESC.
// Everywhere else, in code spans too, which the reader's renderer
// (glamour) decodes, they go. The code blocks are found as the renderer
// finds them (markdownBlocks), and found again once the references
// outside them are gone, which can make or unmake a block, until every
// reference left is in one (at most maxCodeReads times; then they all
// go, as they do from Markdown too large or too deeply nested to read:
// parseableMarkdown). CleanMarkdown is idempotent.
func CleanMarkdown(s string) string {
	if isCleanText(s) {
		return s
	}
	return capMarks(cleanMarkdown(s))
}

// cleanMarkdown is CleanMarkdown but for the runs of marks (capMarks),
// which taking references out can join.
func cleanMarkdown(s string) string {
	s = stripControls(s)
	if !parseableMarkdown(s) {
		return stripControlRefs(s)
	}
	for range maxCodeReads {
		if !hasControlRef(s) {
			return s
		}
		out := stripControlRefsBeside(s, codeBlockLines(s))
		if out == s {
			return s
		}
		s = out
	}
	return stripControlRefs(s)
}

// textCleanedIDs are the ids article a, without an id of its own and not
// yet normalized, was known by when bodies were cleaned as plain text
// (CleanText), the references to control characters in their code blocks
// taken out with the rest; none when its body reads the same either way.
func textCleanedIDs(a Article) []string {
	if a.ExternalID != "" {
		return nil
	}
	asText := CleanText(a.Body)
	if asText == CleanMarkdown(a.Body) {
		return nil
	}
	a.Body = asText
	a.Tags, a.RuleTags, a.Warnings = slices.Clone(a.Tags), slices.Clone(a.RuleTags), slices.Clone(a.Warnings)
	a.Annotations, a.FormerIDs = slices.Clone(a.Annotations), slices.Clone(a.FormerIDs)
	Normalize(&a)
	return append([]string{a.ExternalID}, a.FormerIDs...)
}

// maxCodeReads bounds how many times CleanMarkdown looks for a body's code
// blocks.
const maxCodeReads = 4

// hasControlRef reports whether s holds a numeric character reference to
// a control character.
func hasControlRef(s string) bool {
	for i := strings.Index(s, "&#"); i >= 0; {
		if controlRefAt(s, i) > 0 {
			return true
		}
		next := strings.Index(s[i+2:], "&#")
		if next < 0 {
			return false
		}
		i += 2 + next
	}
	return false
}

// markdownBlocks reads the blocks of Markdown as the reader's renderer
// (glamour) reads them, with definition lists (GitHub's extensions and
// the renderer's reading of a paragraph's text change no block): which
// are code, HTML, paragraphs. What is in a paragraph is left unread,
// sparing the work that grows steeply with its brackets and backticks.
// It is built once; it is safe for concurrent use.
var markdownBlocks = sync.OnceValue(func() parser.Parser {
	blocks := parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	return goldmark.New(goldmark.WithParser(blocks), goldmark.WithExtensions(extension.DefinitionList)).Parser()
})

// Reading Markdown's blocks takes goldmark time that grows with the text,
// and steeply with how deep its quotes and lists nest and with its
// definition lists (a line of 50,000 list markers takes 20 s, 100,000
// definitions 4 s): parseableMarkdown bounds them.
const (
	maxParsedMarkdown    = 2 << 20 // bytes
	maxParsedLevels      = 32      // quotes, list items and two columns of indentation
	maxParsedDefinitions = 10_000  // lines
)

// parseableMarkdown reports whether md is read for its blocks
// (markdownBlocks): it is at most maxParsedMarkdown long, no line of it
// starts more than maxParsedLevels deep, and it has at most
// maxParsedDefinitions lines of definitions.
func parseableMarkdown(md string) bool {
	if len(md) > maxParsedMarkdown {
		return false
	}
	definitions := 0
	for line := range strings.Lines(md) {
		levels, colon := lineLevels(line)
		if levels > maxParsedLevels {
			return false
		}
		if colon {
			if definitions++; definitions > maxParsedDefinitions {
				return false
			}
		}
	}
	return true
}

// lineLevels is how many levels of quotes and lists a line starts with at
// most: its quote marks and list markers, and two columns of its
// indentation a level (a tab four columns). colon says that its first
// mark is a definition's colon.
func lineLevels(line string) (levels int, colon bool) {
	marks, columns := 0, 0
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ':
			columns++
			i++
		case c == '\t':
			columns += 4
			i++
		case c == '>':
			marks++
			i++
		case (c == '-' || c == '*' || c == '+' || c == ':') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			colon = colon || c == ':' && marks == 0
			marks++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 >= len(line) || line[j] != '.' && line[j] != ')' || line[j+1] != ' ' && line[j+1] != '\t' {
				return marks + columns/2, colon
			}
			marks++
			i = j + 2
		default:
			return marks + columns/2, colon
		}
	}
	return marks + columns/2, colon
}

// codeBlockLines are where the lines of the fenced and indented code
// blocks of md are, in order: what the renderer shows as it stands.
func codeBlockLines(md string) []text.Segment {
	src := []byte(md)
	var lines []text.Segment
	_ = ast.Walk(markdownBlocks().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock:
			for i := range n.Lines().Len() {
				lines = append(lines, n.Lines().At(i))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(lines, func(a, b text.Segment) int { return a.Start - b.Start })
	return lines
}

// stripControlRefsBeside is stripControlRefs on the text of s around
// keep, where s stays as it is. A reference does not cross from one to
// the other: a code block's line starts after a newline, its indentation
// or its container's marks.
func stripControlRefsBeside(s string, keep []text.Segment) string {
	var b strings.Builder
	b.Grow(len(s))
	at := 0
	for _, k := range keep {
		if k.Start < at || k.Stop > len(s) || k.Start > k.Stop {
			continue
		}
		b.WriteString(stripControlRefs(s[at:k.Start]))
		b.WriteString(s[k.Start:k.Stop])
		at = k.Stop
	}
	b.WriteString(stripControlRefs(s[at:]))
	return b.String()
}

// isControlCode reports whether a code point decoded from a numeric
// character reference would be a control character CleanText removes.
func isControlCode(v int) bool {
	return v < 0x20 && v != '\t' && v != '\n' || v >= 0x7f && v <= 0x9f
}

// maxRefDigits bounds how many digits a numeric character reference may
// carry (leading zeros included) before it stops being treated as one;
// CommonMark allows at most 7.
const maxRefDigits = 32

// controlRefAt reports the length of a numeric character reference denoting
// a control character at s[i:] ("&#27;", "&#x1B", "&#0155;"), or 0. The
// trailing semicolon is optional, as HTML decoders accept it missing.
func controlRefAt(s string, i int) (n int) {
	j := i + 2 // past "&#"
	if j > len(s) || s[i] != '&' || s[i+1] != '#' {
		return 0
	}
	hex := j < len(s) && (s[j] == 'x' || s[j] == 'X')
	if hex {
		j++
	}
	start := j
	for j < len(s) && digitValue(s[j], hex) >= 0 {
		j++
		if j-start > maxRefDigits {
			return 0
		}
	}
	if j == start || !isControlCode(refValue(s[start:j], hex)) {
		return 0
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	return j - i
}

func digitValue(c byte, hex bool) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case hex && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case hex && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// stripControlRefs removes numeric character references that denote control
// characters, until none is left: removing "&#27;" from "&#&#27;27;" joins
// a new one, which goes too.
func stripControlRefs(s string) string {
	if !strings.Contains(s, "&#") {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ';' {
			// "&#27" then ";": the reference and its semicolon go.
			if n := controlRefSuffix(out); n > 0 {
				out = out[:len(out)-n]
				continue
			}
		} else {
			// A byte that cannot continue the reference ends it; removing
			// one reference may expose another ("&#2" + "&#27" + "x").
			for {
				n := controlRefSuffix(out)
				if n == 0 || continuesRef(out[len(out)-n:], c) {
					break
				}
				out = out[:len(out)-n]
			}
		}
		out = append(out, c)
	}
	for {
		n := controlRefSuffix(out)
		if n == 0 {
			break
		}
		out = out[:len(out)-n]
	}
	return string(out)
}

// controlRefSuffix reports the length of an unterminated control reference
// ("&#27", "&#x1b") that ends b, or 0. The digits are the longest run of
// its kind at the end of b, as a decoder reading forward would take them.
func controlRefSuffix(b []byte) int {
	if k := trailingDigits(b, true); k >= 3 && (b[k-1] == 'x' || b[k-1] == 'X') && b[k-2] == '#' && b[k-3] == '&' {
		if isControlCode(refValue(b[k:], true)) {
			return len(b) - (k - 3)
		}
		return 0
	}
	if k := trailingDigits(b, false); k >= 2 && b[k-1] == '#' && b[k-2] == '&' {
		if isControlCode(refValue(b[k:], false)) {
			return len(b) - (k - 2)
		}
	}
	return 0
}

// trailingDigits returns where the run of digits ending b starts, or -1
// when there is none or it is longer than maxRefDigits.
func trailingDigits(b []byte, hex bool) int {
	k := len(b)
	for k > 0 && digitValue(b[k-1], hex) >= 0 {
		k--
		if len(b)-k > maxRefDigits {
			return -1
		}
	}
	if k == len(b) {
		return -1
	}
	return k
}

// refValue is the code point the digits denote, saturating above U+10FFFF.
func refValue[T string | []byte](digits T, hex bool) int {
	v := 0
	for i := range len(digits) {
		c := digits[i]
		if v > 0x10ffff {
			break
		}
		if hex {
			v = v*16 + digitValue(c, true)
		} else {
			v = v*10 + digitValue(c, false)
		}
	}
	return v
}

// continuesRef reports whether c would extend the reference ref as a digit.
func continuesRef(ref []byte, c byte) bool {
	hex := len(ref) > 2 && (ref[2] == 'x' || ref[2] == 'X')
	return digitValue(c, hex) >= 0
}
