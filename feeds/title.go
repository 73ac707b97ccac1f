package feeds

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"tidings/feeds/sentence"
)

// maxTitleSource is how much of a paragraph a title is looked for in.
const maxTitleSource = 1024

// titleLength is where a title derived from a long first sentence is cut.
const titleLength = 100

// TitleFromBody derives a title from a Markdown body: the first sentence of
// its first paragraph of text, without Markdown syntax, cut at a word
// boundary near 100 characters with an ellipsis. It returns "" only for a
// blank body.
func TitleFromBody(body string) string {
	for para := range strings.SplitSeq(withoutTables(withoutCodeBlocks(body)), "\n\n") {
		if text := sentenceText(setextHeading(para)); text != "" {
			if title := CleanLine(shortTitle(firstSentence(text))); title != "" {
				return title
			}
		}
	}
	// Only syntax or punctuation: the first line as it stands.
	for line := range strings.Lines(body) {
		if line = CleanLine(line); line != "" {
			return CleanLine(shortTitle(line))
		}
	}
	return ""
}

// setextHeading is para up to the underline of a heading written over
// one (`Title` then `=====` or `-----`): the heading, which is the title,
// rather than the heading, its underline and the text after it run
// together. A paragraph with no such line is para.
func setextHeading(para string) string {
	text := false // a line of text stands before this one
	for i := 0; i < len(para); {
		end := strings.IndexByte(para[i:], '\n')
		if end < 0 {
			end = len(para) - i
		}
		line := para[i : i+end]
		if text && isSetextUnderline(line) {
			return para[:i]
		}
		text = strings.TrimSpace(line) != ""
		i += end + 1
	}
	return para
}

// isSetextUnderline reports whether line underlines a heading: up to three
// spaces, then only = or only -, then spaces (CommonMark 4.3).
func isSetextUnderline(line string) bool {
	t := strings.TrimRight(line, " \t\r")
	rest := strings.TrimLeft(t, " ")
	if len(t)-len(rest) > 3 || rest == "" || (rest[0] != '=' && rest[0] != '-') {
		return false
	}
	return strings.Trim(rest, rest[:1]) == ""
}

// withoutCodeBlocks blanks the lines of fenced and indented code blocks,
// which hold no sentence a title could come from.
func withoutCodeBlocks(body string) string {
	if !strings.Contains(body, "```") && !strings.Contains(body, "~~~") && !strings.Contains(body, "\n    ") && !strings.Contains(body, "\n\t") {
		return body
	}
	var b strings.Builder
	fence := ""
	prevBlank := true
	for line := range strings.Lines(body) {
		t := strings.TrimSpace(line)
		code := false
		switch {
		case fence != "":
			code = true
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			code, fence = true, t[:3]
		case prevBlank && t != "" && (strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")):
			code = true // an indented code block starts after a blank line
		}
		prevBlank = t == ""
		if code {
			b.WriteString("\n")
			prevBlank = true // the next indented line continues the block
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// tableDelimiter is the row under a Markdown table's header: cells of
// dashes, with colons to align them, between pipes (`|---|:--:|`,
// `--- | ---`).
var tableDelimiter = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

// withoutTables blanks the lines of Markdown tables (a header row, its
// delimiter row and the rows up to a blank line), which hold cells, not
// a sentence a title could come from: a page or a note that opens with a
// table is titled by the text after it, as one that opens with code is.
func withoutTables(body string) string {
	if !strings.Contains(body, "|") || !strings.Contains(body, "-") {
		return body
	}
	lines := strings.SplitAfter(body, "\n")
	found := false
	for i := 0; i+1 < len(lines); i++ {
		if !strings.Contains(lines[i], "|") || !isTableDelimiter(lines[i+1]) {
			continue
		}
		found = true
		for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
			lines[i] = "\n"
		}
	}
	if !found {
		return body
	}
	return strings.Join(lines, "")
}

// isTableDelimiter reports whether line is the delimiter row of a Markdown
// table, with a pipe in it, as GitHub's tables have.
func isTableDelimiter(line string) bool {
	return strings.Contains(line, "|") && tableDelimiter.MatchString(strings.TrimRight(line, "\r\n"))
}

// shortTitle cuts s at the last word boundary before titleLength runes and
// adds an ellipsis (cutAtWord); a sentence that fits loses only its final
// full stop, of whatever script (a question or exclamation mark stays).
func shortTitle(s string) string {
	if utf8.RuneCountInString(s) <= titleLength {
		return withoutFullStop(s)
	}
	return cutAtWord(s, titleLength)
}

// fittingClusters is where the first of the characters a reader sees in
// s (grapheme clusters: a letter and its marks, a flag's two letters, an
// emoji and those joined to it or its skin tone, Hangul jamo, a kana and
// its voicing mark) begins that takes them past keep characters (code
// points); 0 when the first does.
func fittingClusters(s string, keep int) int {
	end, n, state := 0, 0, -1
	for rest := s; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if n += utf8.RuneCountInString(cluster); n > keep {
			break
		}
		end += len(cluster)
	}
	return end
}

// fullStops end a sentence the way "." does: the ideographic full stop
// (and its half-width form), the Urdu full stop and the Devanagari danda
// and double danda.
const fullStops = ".。｡۔।॥"

// withoutFullStop is s without the full stop that ends it, unless s is
// that stop alone or it ends an ellipsis ("..", "。。").
func withoutFullStop(s string) string {
	last, size := utf8.DecodeLastRuneInString(s)
	if size == len(s) || !strings.ContainsRune(fullStops, last) {
		return s
	}
	if before, _ := utf8.DecodeLastRuneInString(s[:len(s)-size]); before == last {
		return s
	}
	return s[:len(s)-size]
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "mt": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true,
	"gov": true, "sen": true, "rep": true, "pres": true, "jr": true, "sr": true, "rev": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "no": true, "nos": true, "vs": true,
	"etc": true, "approx": true, "est": true, "dept": true, "univ": true, "fig": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true,
}

// firstSentence returns s up to the end of its first sentence, in any
// script. A full stop, question or exclamation mark (and any closing quotes
// or brackets) ends one when a space follows it and then a capital, a digit,
// an opening quote or a letter of a script without capitals (Hebrew, Arabic,
// Korean, Chinese, Devanagari…), or any letter after such a script's word.
// Initials and common abbreviations do not end a sentence. The full stops
// and marks of Chinese and Japanese (。！？) end one with no space after
// them, but not inside 「quotes」, “quotes”, "quotes", （brackets） or
// (brackets) closed in s (sentence.Held), nor before another mark.
func firstSentence(s string) string {
	held := sentence.Held(s)
	depth := 0 // how deep s is at i in the quotes and brackets it closes
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if held != nil {
			depth += held[i]
		}
		if isSentenceMark(r, s[:i]) {
			end := i + size
			for end < len(s) {
				c, n := utf8.DecodeRuneInString(s[end:])
				if !strings.ContainsRune(sentenceClosers, c) {
					break
				}
				end += n
			}
			if end == len(s) {
				return s
			}
			if sentenceEndsAt(s, i, r, end, depth) {
				return s[:end]
			}
		}
		i += size
	}
	return s
}

// sentenceClosers may follow a sentence's final mark and belong to it.
const sentenceClosers = "\"')]”’»" + sentence.WideClosers

// isSentenceMark reports whether r, after the text before it, may end a
// sentence: a full stop, question or exclamation mark of any script. Greek
// writes its question mark as ";" (U+037E, which Unicode normalises to
// ";"), so ";" after a Greek word is one; after any other, a semicolon.
func isSentenceMark(r rune, before string) bool {
	switch r {
	case '.', '?', '!', '؟', '۔', '।', '॥', '\u037e':
		return true
	case ';':
		return unicode.Is(unicode.Greek, lastLetter(before))
	}
	return isWideStop(r)
}

// isWideStop reports whether r is a full stop, ! or ? of Chinese and
// Japanese, which no space follows.
func isWideStop(r rune) bool { return r == '。' || r == '！' || r == '？' || r == '｡' }

// sentenceEndsAt reports whether the mark r at s[i], with the closers after
// it up to end (short of the end of s), ends a sentence; depth is how deep
// the mark is in wide quotes and brackets.
func sentenceEndsAt(s string, i int, r rune, end, depth int) bool {
	next, size := utf8.DecodeRuneInString(s[end:])
	if isWideStop(r) {
		// "本当！？" ends at its last mark.
		return depth == 0 && !isSentenceMark(next, s[:end])
	}
	if next != ' ' || end+size >= len(s) {
		return false // "3.5", "U.S.-led", "example.com"
	}
	next, _ = utf8.DecodeRuneInString(s[end+size:])
	caseless := uncased(next) || unicode.IsLetter(next) && uncased(lastLetter(s[:i]))
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !caseless && !strings.ContainsRune("\"'“‘«(["+sentence.WideOpeners, next) {
		return false
	}
	return r != '.' || end != i+1 || !isAbbreviation(s[:i])
}

// uncased reports whether r is a letter of a script without capitals.
func uncased(r rune) bool {
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r)
}

// lastLetter is the letter that ends text, past any combining marks (a
// Devanagari vowel sign, a Hebrew point), or 0 when text ends otherwise.
func lastLetter(text string) rune {
	for text != "" {
		r, size := utf8.DecodeLastRuneInString(text)
		if !unicode.Is(unicode.M, r) {
			if unicode.IsLetter(r) {
				return r
			}
			return 0
		}
		text = text[:len(text)-size]
	}
	return 0
}

// isAbbreviation reports whether the word ending text is an initial or a
// known abbreviation, so a full stop after it does not end a sentence. A
// script without capitals has no initials: a word of one letter is a word.
func isAbbreviation(text string) bool {
	start := strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	word := text[start+1:]
	if word == "" {
		return false
	}
	if r, size := utf8.DecodeRuneInString(word); size == len(word) {
		return !uncased(r) // an initial: "J. Smith"
	}
	return abbreviations[strings.ToLower(word)]
}

// plainText strips Markdown syntax from one paragraph for use as a title:
// block markers (headings, quotes, list items), links and images (their
// text stays), emphasis, code spans, HTML tags and backslash escapes.
// Lines are joined with spaces: a heading and a title are compared so.
func plainText(para string) string { return paragraphText(para, false) }

// sentenceText is plainText for the sentence a title is derived from
// (TitleFromBody): a line break inside Chinese or Japanese text (written
// without spaces between words) goes, as it goes from a title
// (CleanLine), so that 東京 wrapped after 東 is 東京; one before a
// heading or a list item, or after a heading or a line left out (a
// rule), is a space, as between Latin words.
func sentenceText(para string) string { return paragraphText(para, true) }

// paragraphText is plainText, or sentenceText when wrapped.
func paragraphText(para string, wrapped bool) string {
	if len(para) > maxTitleSource {
		// A title needs the first sentence at most. Cut at a space: any
		// syntax split there lies far beyond the title's 100 characters.
		cut := strings.LastIndexAny(para[:maxTitleSource], "\n ")
		para = para[:max(cut, 0)]
	}
	var b strings.Builder
	ended := false // whether the line before ends a block: a heading, or a line left out
	for line := range strings.SplitSeq(para, "\n") {
		raw := strings.TrimSpace(line)
		line = stripBlockMarkers(raw)
		// A rule of spaced marks (`- - -`, `* * *`) is one before its
		// first mark reads as a list item's; plainText, which ids are
		// made of, reads it as it always did.
		if line == "" || isThematicBreak(line) || wrapped && isThematicBreak(raw) || strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			ended = true
			continue
		}
		if b.Len() > 0 {
			// A line break, which the folding below takes out inside
			// Chinese or Japanese text (foldSpace), or a space.
			if wrapped && !ended && !startsBlock(raw) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
		ended = isHeading(raw)
	}
	text := b.String()
	if strings.ContainsAny(text, "\\![<*`~_") {
		text = stripInline(text)
	}
	if strings.Contains(text, "&") {
		// Markdown's entities (`&lt;`, `&amp;`) are the characters they
		// stand for; what they make is cleaned as every title is.
		text = html.UnescapeString(text)
	}
	return foldSpace(text)
}

// startsBlock reports whether line, a trimmed line of a paragraph, starts
// a block of its own past the quote markers before it: a heading or a
// list item.
func startsBlock(line string) bool {
	inner := strings.TrimLeft(line, "> \t")
	return stripBlockMarkers(inner) != inner
}

// isHeading reports whether line, a trimmed line of a paragraph, is a
// heading, in a quote or not.
func isHeading(line string) bool {
	return startsBlock(line) && strings.HasPrefix(strings.TrimLeft(line, "> \t"), "#")
}

// stripBlockMarkers removes the Markdown markers that start a line.
func stripBlockMarkers(line string) string {
	for {
		before := line
		switch {
		case strings.HasPrefix(line, ">"):
			line = strings.TrimSpace(line[1:])
		case strings.HasPrefix(line, "#"):
			rest := strings.TrimLeft(line, "#")
			if len(line)-len(rest) <= 6 && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
				line = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "#"))
			}
		case len(line) > 1 && strings.ContainsRune("-*+", rune(line[0])) && (line[1] == ' ' || line[1] == '\t'):
			line = strings.TrimSpace(line[2:])
		default:
			digits := 0
			for digits < len(line) && digits < 9 && line[digits] >= '0' && line[digits] <= '9' {
				digits++
			}
			if digits > 0 && digits+1 < len(line) && (line[digits] == '.' || line[digits] == ')') && line[digits+1] == ' ' {
				line = strings.TrimSpace(line[digits+2:])
			}
		}
		if line == before {
			return line
		}
	}
}

func isThematicBreak(line string) bool {
	var mark rune
	n := 0
	for _, r := range line {
		switch {
		case r == ' ' || r == '\t':
		case (r == '-' || r == '*' || r == '_') && (mark == 0 || r == mark):
			mark = r
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// stripInline removes inline Markdown syntax, keeping the text a reader sees.
func stripInline(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				i++
				b.WriteByte(s[i])
				continue
			}
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				continue // the image's alt text follows as a link text
			}
		case '[':
			if text, n := linkText(s[i:]); n > 0 {
				b.WriteString(stripInline(text))
				i += n - 1
				continue
			}
		case '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 && isTagLike(s[i+1:i+end]) {
				inner := s[i+1 : i+end]
				if strings.Contains(inner, "://") || strings.HasPrefix(inner, "mailto:") {
					b.WriteString(inner) // an autolink shows its address
				}
				i += end
				continue
			}
		case '*', '`', '~':
			continue
		case '_':
			// Emphasis underscores sit at word edges; snake_case keeps its own.
			prevWord := i > 0 && isWordByte(s[i-1])
			nextWord := i+1 < len(s) && isWordByte(s[i+1])
			if !(prevWord && nextWord) {
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// linkText parses "[text](dest)" or "[text][ref]" at the start of s and
// returns text and the length of the whole link, or 0 when s holds none.
func linkText(s string) (string, int) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			text := s[1:i]
			rest := s[i+1:]
			switch {
			case strings.HasPrefix(rest, "("):
				if end := strings.IndexByte(rest, ')'); end > 0 {
					return text, i + 1 + end + 1
				}
			case strings.HasPrefix(rest, "["):
				if end := strings.IndexByte(rest, ']'); end > 0 {
					return text, i + 1 + end + 1
				}
			}
			return "", 0
		}
	}
	return "", 0
}

// isTagLike reports whether inner, what stands between < and >, is an
// HTML tag, a comment or an autolink; a tag may go over lines.
func isTagLike(inner string) bool {
	if inner == "" || strings.Contains(inner, "<") {
		return false
	}
	c := inner[0]
	return c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
