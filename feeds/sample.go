package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// The sample format (DESIGN.md, "The sample article format"): articles of
// plain text, each starting with "date YYYY-MM-DD (SOURCE) " and ending with
// an id token, many of them back to back in one file or stream.

const (
	// maxSampleLine is where a longer line is cut, so one huge line costs
	// bounded memory and does not fail the rest of the stream.
	maxSampleLine = 8 << 20
	// maxSampleArticle is where a longer article is cut.
	maxSampleArticle = 32 << 20
	// maxSourceTag is the longest "(SOURCE)" tag read as a source.
	maxSourceTag = 80
)

// warnNoDate is the warning for an article without a date line.
const warnNoDate = "no date"

// errNoText is the error for an article with nothing in it but its header.
var errNoText = errors.New("article has no text")

// readSample reads articles in the sample format from r and hands each to
// emit with the line it starts on. It stops at the first error emit
// returns, or at a read error.
func readSample(r io.Reader, emit func(Item) error) error {
	lines := newLineReader(&crReader{r: r}, maxSampleLine)
	var cur sampleArticle
	found := false
	for {
		line, ok := lines.next()
		if !ok {
			break
		}
		line = trimBOM(line)
		blank := isBlank(line)
		switch {
		case cur.empty():
			if blank {
				continue
			}
		case isArticleStart(line) || cur.closed && !blank && !cur.continues(line):
			if err := cur.emit(emit); err != nil {
				return err
			}
		}
		if cur.empty() {
			cur.start = lines.n
			found = true
		}
		cur.add(line, lines.n, lines.cut)
	}
	if err := lines.Err(); err != nil {
		return err
	}
	if !found {
		return ErrEmpty // nothing but blank lines
	}
	return cur.emit(emit)
}

// sampleArticle collects the lines of one article.
type sampleArticle struct {
	start    int      // line number of the first line
	raw      []byte   // the lines, back to back
	ends     []int    // where each line ends in raw
	closed   bool     // the last line with text was an id token
	closer   []byte   // that id token (points into raw)
	warnings []string // about reading the lines
	full     bool     // cut at maxSampleArticle; later lines are dropped
}

func (a *sampleArticle) empty() bool { return len(a.ends) == 0 }

func (a *sampleArticle) line(i int) []byte {
	start := 0
	if i > 0 {
		start = a.ends[i-1]
	}
	return a.raw[start:a.ends[i]]
}

func (a *sampleArticle) add(line []byte, n int, cut bool) {
	if cut {
		a.warnings = append(a.warnings, fmt.Sprintf("line %d is longer than %d MiB: cut", n, maxSampleLine>>20))
	}
	if a.full {
		return
	}
	if len(a.raw)+len(line) > maxSampleArticle {
		a.warnings = append(a.warnings, fmt.Sprintf("article is longer than %d MiB: cut at line %d", maxSampleArticle>>20, n))
		a.full = true
		return
	}
	start := len(a.raw)
	a.raw = append(a.raw, line...)
	a.ends = append(a.ends, len(a.raw))
	if isBlank(line) || isHTMLRemnant(line) {
		return
	}
	if token := bytes.TrimSpace(a.raw[start:]); isIDToken(token) {
		a.closed, a.closer = true, token
	} else {
		a.closed, a.closer = false, nil
	}
}

// continues reports whether a line after the closing id token still belongs
// to the article: a repeat of the token, or a stray HTML remnant.
func (a *sampleArticle) continues(line []byte) bool {
	return isHTMLRemnant(line) || bytes.Equal(bytes.TrimSpace(line), a.closer)
}

// emit hands the collected article on, if there is one, and resets a.
func (a *sampleArticle) emit(emit func(Item) error) error {
	if a.empty() {
		return nil
	}
	art, err := a.article()
	it := Item{Article: art, Line: a.start, Err: err}
	a.raw, a.ends, a.closed, a.closer, a.warnings, a.full = a.raw[:0], a.ends[:0], false, nil, nil, false
	return emit(it)
}

// article parses the collected lines. An article that is not UTF-8 is
// read as Windows-1252 (textUTF8), each article of a stream on its own;
// one without an id token is found by the id it had when an earlier
// tidings replaced its bytes that are not UTF-8 instead.
func (a *sampleArticle) article() (Article, error) {
	latin1 := isWindows1252(a.raw)
	art, err := a.read(latin1)
	if latin1 {
		art.Warnings = append(art.Warnings, warnWindows1252)
		if err == nil && art.ExternalID == "" {
			if former, err := a.read(false); err == nil {
				addFormer(&art, former)
			}
		}
	}
	return art, err
}

// read parses the collected lines, as Windows-1252 with latin1.
func (a *sampleArticle) read(latin1 bool) (Article, error) {
	line := a.line
	if latin1 {
		dec := charmap.Windows1252.NewDecoder()
		line = func(i int) []byte {
			out, err := dec.Bytes(a.line(i))
			if err != nil {
				return a.line(i)
			}
			return out
		}
	}
	var art Article
	first := line(0)
	header, rest := parseSampleHeader(first, &art)
	lines := make([][]byte, len(a.ends))
	lines[0] = rest
	for i := 1; i < len(a.ends); i++ {
		lines[i] = line(i)
	}

	lines = cutTrailer(lines, &art)
	if art.Published.IsZero() && len(art.Warnings) > 0 && art.Warnings[0] == warnNoDate {
		if t, ok := dayFromID(art.ExternalID); ok {
			art.Published = t
			art.Warnings[0] = "no date; took " + t.Format(time.DateOnly) + " from the id"
		}
	}
	art.Body = sampleBody(lines, utf8.RuneCount(header))
	art.Warnings = append(art.Warnings, a.warnings...)
	if n := invalidUTF8(a.raw); n > 0 && !latin1 {
		art.Warnings = append(art.Warnings, warnInvalidUTF8(n)) // Normalize repairs them
	}
	if art.Body == "" {
		return art, errNoText
	}
	return art, nil
}

// cutTrailer takes the id token (perhaps twice) and stray HTML remnants
// off the end of an article's lines, setting art.ExternalID.
func cutTrailer(lines [][]byte, art *Article) [][]byte {
	for len(lines) > 0 {
		last := bytes.TrimSpace(lines[len(lines)-1])
		switch {
		case len(last) == 0 || isHTMLRemnant(last):
		case isIDToken(last) && (art.ExternalID == "" || art.ExternalID == string(last)):
			art.ExternalID = string(last)
		default:
			return lines
		}
		lines = lines[:len(lines)-1]
	}
	return lines
}

// parseSampleHeader reads "date YYYY-MM-DD (SOURCE) " from the first line
// of an article into art, with a warning for each part missing, and returns
// the header and the text after it.
func parseSampleHeader(line []byte, art *Article) (header, rest []byte) {
	rest = bytes.TrimLeft(line, " \t")
	if date, after, ok := cutDatePrefix(rest); ok {
		rest = after
		if t, ok := parseDay(date); ok {
			art.Published = t
		} else {
			art.Warnings = append(art.Warnings, fmt.Sprintf("invalid date %q", date))
		}
	} else {
		art.Warnings = append(art.Warnings, warnNoDate)
	}
	if src, after, ok := cutSourceTag(rest); ok {
		art.Source = string(src)
		rest = after
	} else {
		art.Warnings = append(art.Warnings, "no source")
	}
	return line[:len(line)-len(rest)], rest
}

// cutDatePrefix splits "date YYYY-MM-DD" (any case, any white space) off b.
func cutDatePrefix(b []byte) (date, rest []byte, ok bool) {
	if len(b) < 15 || !bytes.EqualFold(b[:4], []byte("date")) || b[4] != ' ' && b[4] != '\t' {
		return nil, b, false
	}
	r := bytes.TrimLeft(b[4:], " \t")
	if len(r) < 10 || !looksLikeDay(r[:10]) || len(r) > 10 && r[10] != ' ' && r[10] != '\t' && r[10] != '(' {
		return nil, b, false
	}
	return r[:10], bytes.TrimLeft(r[10:], " \t"), true
}

// cutSourceTag splits "(SOURCE)" off b. The source may hold parentheses of
// its own, balanced and one deep: "(MENAFN- Business Wire (English))".
func cutSourceTag(b []byte) (src, rest []byte, ok bool) {
	if len(b) < 3 || b[0] != '(' {
		return nil, b, false
	}
	end, depth := -1, 0
	for i, c := range b[:min(len(b), maxSourceTag+2)] {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth > 2 {
			return nil, b, false
		}
		if depth == 0 {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, b, false
	}
	src = bytes.TrimSpace(b[1:end])
	if len(src) == 0 || src[0] == '(' {
		return nil, b, false
	}
	return src, bytes.TrimLeft(b[end+1:], " \t"), true
}

// isArticleStart reports whether line starts an article in a stream:
// "date YYYY-MM-DD (" after optional white space.
func isArticleStart(line []byte) bool {
	b := bytes.TrimLeft(line, " \t")
	if len(b) < 16 || b[0] != 'd' && b[0] != 'D' {
		return false
	}
	_, rest, ok := cutDatePrefix(b)
	return ok && len(rest) > 0 && rest[0] == '('
}

func looksLikeDay(b []byte) bool {
	for i, c := range b {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parseDay parses a YYYY-MM-DD that looksLikeDay as midnight UTC.
func parseDay(b []byte) (time.Time, bool) {
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(b[:4]), time.Month(num(b[5:7])), num(b[8:10])
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// dayFromID reads the date in an id token that has one after its leading
// letters, as DDMMYYYY: MENAFN05032024000045015687ID1107936133 was
// published on 2024-03-05.
func dayFromID(id string) (time.Time, bool) {
	i := 0
	for i < len(id) && (id[i] >= 'A' && id[i] <= 'Z' || id[i] >= 'a' && id[i] <= 'z') {
		i++
	}
	if i == 0 || len(id) < i+8 {
		return time.Time{}, false
	}
	d := id[i : i+8]
	day := []byte{d[4], d[5], d[6], d[7], '-', d[2], d[3], '-', d[0], d[1]}
	if !looksLikeDay(day) {
		return time.Time{}, false
	}
	t, ok := parseDay(day)
	if !ok || t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return t, true
}

// isIDToken reports whether b is an article id token such as
// "MENAFN05032024000045015687ID1107936133": letters and digits only, with
// "ID" and a digit inside, and digits enough that a word ("COVID19") is
// not taken for one.
func isIDToken(b []byte) bool {
	if len(b) < 10 || len(b) > 128 {
		return false
	}
	digits, marker := 0, false
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			if c == 'I' && i+2 < len(b) && b[i+1] == 'D' && b[i+2] >= '0' && b[i+2] <= '9' {
				marker = true
			}
		default:
			return false
		}
	}
	return marker && digits >= 6
}

// isHTMLRemnant reports whether line holds nothing but empty paragraph,
// break or div tags, such as the stray "<p></p>" some exports leave.
func isHTMLRemnant(line []byte) bool {
	b := bytes.TrimSpace(line)
	if len(b) == 0 || b[0] != '<' {
		return false
	}
	for len(b) > 0 {
		if b[0] != '<' {
			return false
		}
		end := bytes.IndexByte(b, '>')
		if end < 0 {
			return false
		}
		name := bytes.ToLower(bytes.Trim(b[1:end], "/ "))
		if string(name) != "p" && string(name) != "br" && string(name) != "div" {
			return false
		}
		b = bytes.TrimSpace(b[end+1:])
	}
	return true
}
