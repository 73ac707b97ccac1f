package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// ErrNotNewsboatURLs is ReadNewsboatURLs' error for a document that is XML
// (an OPML file, say), and is wrapped by its error, saying why, for other
// text that is not a newsboat urls file.
var ErrNotNewsboatURLs = errors.New("not a newsboat urls file")

// URLsWarning is what ReadNewsboatURLs left out of a urls file it read
// otherwise, or had to guess: a line it skipped (a query feed, a feed a
// program makes, an address that is not http(s)), tags past MaxOPMLTags, a
// feed listed twice, a file that is not UTF-8. Line is 0 for the whole file.
type URLsWarning struct {
	Line   int
	Reason string
	// QueryName and Query are, for a newsboat query feed, its name and its
	// expression in newsboat's filter language (`unread = "yes"`), for the
	// caller to say which search finds its articles.
	QueryName, Query string
}

// urlsScheme matches the start of a line's first word that is an address
// with a scheme: "https:", "query:", "exec:", "file:".
var urlsScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// ReadNewsboatURLs reads the feeds of newsboat's urls file
// (~/.newsboat/urls, ~/.config/newsboat/urls): one feed a line, its address
// then its tags, separated by white space, a tag with spaces in double
// quotes ("a tag with spaces", \" and \\ inside); a word starting with #
// begins a comment that runs to the line's end. A "~name" tag names the
// feed (the first one does, as in newsboat and as ReadOPML reads the
// marker), and a tag that starts with "!", which hides a feed in newsboat,
// is left out, as tidings hides no feed. A feed: address is read as the
// http(s) address it stands for; a feed listed twice is one subscription
// with the tags of both (a warning names the line). A feed gets at most
// MaxOPMLTags tags, as from an OPML file.
//
// Lines that do not name an http(s) feed are skipped, each with a warning
// naming its line and why: newsboat's query feeds ("query:Name:expr",
// whose QueryName and Query the warning carries), the feeds a program
// makes ("exec:command") or passes through one ("filter:script:URL"), an
// address with control characters in it (as ReadOPML skips one), and any
// other address.
//
// The file is told by its content: text that is not XML, most of whose
// lines (but for comments and blank lines) start with an address, at
// least one of them an http(s) feed or one of newsboat's own. The file is
// UTF-8 (with or without a byte order mark), UTF-16, or, when it is not
// UTF-8, read as Windows-1252 with a warning; lines end in LF, CRLF or CR.
// A line may be as long as the file. Reading takes time and memory in
// proportion to the file.
func ReadNewsboatURLs(r io.Reader) ([]Subscription, []URLsWarning, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPMLSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("urls: %w", err)
	}
	if len(data) > maxOPMLSize {
		return nil, nil, fmt.Errorf("urls: file over %s", formatSize(maxOPMLSize))
	}
	text, decodeWarning, err := urlsText(data)
	if err != nil {
		return nil, nil, fmt.Errorf("urls: %w", err)
	}
	if bytes.HasPrefix(bytes.TrimLeft(text, " \t\r\n"), []byte("<")) {
		return nil, nil, ErrNotNewsboatURLs
	}
	// A lone CR ends a line too, as an editor shows it.
	lines := strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(text)), "\n")
	return readURLLines(lines, decodeWarning)
}

// urlsText is a urls file as UTF-8 text, and a warning when that took a
// repair or a guess: after a UTF-8 byte order mark, read as a text file is
// (textUTF8); UTF-16 by its byte order mark, or without one by the zero
// byte of its first character.
func urlsText(data []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}), bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		return out, "", err
	}
	if enc := utf16NoBOM(data); enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		return out, "", err
	}
	if utf8.Valid(data) {
		return data, "", nil
	}
	if out, latin1 := textUTF8(data); latin1 {
		return out, warnWindows1252, nil
	}
	return bytes.ToValidUTF8(data, []byte(string(utf8.RuneError))), warnInvalidUTF8(invalidUTF8(data)), nil
}

// urlsLine is one line of a urls file that is not blank or a comment.
type urlsLine struct {
	n     int // line number
	words []string
}

// readURLLines reads the lines of a urls file (ReadNewsboatURLs).
func readURLLines(lines []string, decodeWarning string) ([]Subscription, []URLsWarning, error) {
	var (
		content       []urlsLine
		addresses     int // lines starting with scheme:
		newsboatLines int // lines naming an http(s) feed or one of newsboat's own
		firstOther    = -1
	)
	for i, l := range lines {
		words := urlsWords(l)
		if len(words) == 0 {
			continue
		}
		content = append(content, urlsLine{i + 1, words})
		switch first := words[0]; {
		case urlsScheme.MatchString(first):
			addresses++
			if _, ok := httpFeedURL(first); ok || newsboatKind(first) != "" {
				newsboatLines++
			}
		case firstOther < 0:
			firstOther = len(content) - 1
		}
	}
	switch {
	case len(content) == 0:
		return nil, nil, fmt.Errorf("%w: it names no feed", ErrNotNewsboatURLs)
	case newsboatLines == 0 || 2*addresses <= len(content):
		l := content[0]
		if firstOther >= 0 {
			l = content[firstOther]
		}
		return nil, nil, fmt.Errorf("%w: line %d does not start with a feed's address (%s)", ErrNotNewsboatURLs, l.n, shortQuote(lines[l.n-1]))
	}

	var (
		subs     []Subscription
		warnings []URLsWarning
		index    = make(map[string]int) // normal URL to position in subs
		first    = make(map[int]int)    // position in subs to its line
		full     = make(map[int]bool)   // whose tags were cut
	)
	if decodeWarning != "" {
		warnings = append(warnings, URLsWarning{Reason: decodeWarning})
	}
	for _, l := range content {
		addr := l.words[0]
		if kind := newsboatKind(addr); kind != "" {
			warnings = append(warnings, skippedLine(l.n, kind, addr))
			continue
		}
		if hasControls(addr) {
			warnings = append(warnings, URLsWarning{Line: l.n, Reason: fmt.Sprintf(
				"%s has control characters in it: skipped", quoteShort(ShownURL(addr)))})
			continue
		}
		feedURL, ok := httpFeedURL(addr)
		if !ok {
			reason := fmt.Sprintf("%s is not an http(s) address: skipped", shortQuote(ShownURL(addr)))
			if !urlsScheme.MatchString(addr) {
				reason = fmt.Sprintf("%s is not a feed's address: skipped", shortQuote(ShownURL(addr)))
			}
			warnings = append(warnings, URLsWarning{Line: l.n, Reason: reason})
			continue
		}
		title, tags := urlsTags(l.words[1:])
		key := NormalizeURL(feedURL)
		i, seen := index[key]
		if !seen {
			i = len(subs)
			index[key], first[i] = i, l.n
			if len(tags) > MaxOPMLTags {
				tags, full[i] = tags[:MaxOPMLTags], true
				warnings = append(warnings, URLsWarning{Line: l.n, Reason: tagsCut(l.n, feedURL).Reason})
			}
			subs = append(subs, Subscription{URL: feedURL, Title: title, Tags: tags})
			continue
		}
		s := &subs[i]
		s.Title = firstNonEmpty(s.Title, title)
		warnings = append(warnings, URLsWarning{Line: l.n, Reason: fmt.Sprintf(
			"%s is listed on line %d too; it is one subscription, with the tags of both", CleanLine(ShownURL(s.URL)), first[i])})
		if full[i] {
			continue
		}
		merged := NormalizeTags(slices.Concat(s.Tags, tags))
		if len(merged) > MaxOPMLTags {
			merged, full[i] = merged[:MaxOPMLTags], true
			warnings = append(warnings, URLsWarning{Line: l.n, Reason: tagsCut(l.n, s.URL).Reason})
		}
		s.Tags = merged
	}
	for i := range subs {
		if len(subs[i].Tags) == 0 {
			subs[i].Tags = nil
		}
	}
	return subs, warnings, nil
}

// newsboatKind is, for the address of a feed newsboat makes itself,
// "query", "exec" or "filter"; else "".
func newsboatKind(addr string) string {
	for _, k := range []string{"query", "exec", "filter"} {
		if strings.HasPrefix(addr, k+":") {
			return k
		}
	}
	return ""
}

// skippedLine is the warning for a line naming a feed newsboat makes
// itself, of kind (newsboatKind) at address addr.
func skippedLine(n int, kind, addr string) URLsWarning {
	w := URLsWarning{Line: n}
	rest := strings.TrimPrefix(addr, kind+":")
	switch kind {
	case "query":
		name, expr, _ := strings.Cut(rest, ":")
		w.QueryName, w.Query = CleanLine(name), CleanLine(expr)
		w.Reason = fmt.Sprintf("query feed %s (%s) skipped: tidings has no query feeds", shortQuote(name), shortLine(expr))
		if w.Query == "" {
			w.Reason = fmt.Sprintf("query feed %s skipped: tidings has no query feeds", shortQuote(name))
		}
	case "exec":
		w.Reason = fmt.Sprintf("%s is a feed a program writes (newsboat's exec:): skipped; tidings fetches feeds over http(s) only",
			shortQuote(ShownURL(addr)))
	case "filter":
		_, inner, _ := strings.Cut(rest, ":")
		w.Reason = fmt.Sprintf("%s passes a feed through a program (newsboat's filter:): skipped", shortQuote(ShownURL(addr)))
		if u, ok := httpFeedURL(inner); ok {
			w.Reason += "; tidings feed add " + ShownURL(u) + " subscribes to it unfiltered"
		}
	}
	return w
}

// httpFeedURL is addr as a feed's address when it is an http(s) URL with a
// host (a feed: address standing for one too), cleaned.
func httpFeedURL(addr string) (string, bool) {
	feedURL := feedSchemeURL(CleanLine(addr))
	u, err := url.Parse(feedURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return feedURL, true
}

// urlsTags reads a feed's tags on its line of a urls file: the first
// "~name" is its title, "!" and "!name" (hidden in newsboat) are left out.
func urlsTags(words []string) (title string, tags []string) {
	for _, w := range words {
		switch {
		case strings.HasPrefix(w, "~"):
			if name := CleanLine(w[1:]); name != "" && title == "" {
				title = name
			}
		case !strings.HasPrefix(w, "!"):
			tags = append(tags, w)
		}
	}
	return title, NormalizeTags(tags)
}

// urlsWords splits a line of a urls file as newsboat does: at spaces,
// tabs and CRs, a word that starts with a double quote running to the next
// unescaped one (\" \\ \n \t \r inside; unclosed, to the line's end), and
// a word that starts with # beginning a comment to the line's end.
func urlsWords(line string) []string {
	var words []string
	const space = " \t\r\n"
	for {
		line = strings.TrimLeft(line, space)
		if line == "" || line[0] == '#' {
			return words
		}
		if line[0] != '"' {
			end := strings.IndexAny(line, space)
			if end < 0 {
				end = len(line)
			}
			words = append(words, line[:end])
			line = line[end:]
			continue
		}
		var b strings.Builder
		i := 1
		for ; i < len(line) && line[i] != '"'; i++ {
			if line[i] != '\\' {
				b.WriteByte(line[i])
				continue
			}
			if i++; i == len(line) {
				break
			}
			switch c := line[i]; c {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '`':
				b.WriteString("\\`")
			default:
				b.WriteByte(c)
			}
		}
		words = append(words, b.String())
		line = line[min(i+1, len(line)):]
	}
}

// maxQuoted is how many characters of a line a warning quotes.
const maxQuoted = 80

// shortLine is s cleaned to one line and cut to maxQuoted characters.
func shortLine(s string) string {
	s = CleanLine(s)
	if utf8.RuneCountInString(s) > maxQuoted {
		runes := []rune(s)
		s = string(runes[:maxQuoted]) + "…"
	}
	return s
}

// shortQuote is shortLine(s) quoted.
func shortQuote(s string) string { return fmt.Sprintf("%q", shortLine(s)) }
