package feeds

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Item is one thing read from a file: an article, already Normalize'd, or
// the error that stopped one article (Line > 0) or a whole file (Line 0).
type Item struct {
	Article Article
	File    string // the path given, or the stream's name
	Line    int    // where the article or the problem starts, from 1
	// Record is, for a record of JSON on a line that holds others, its
	// number in the file, from 1, which tells it from them; else 0.
	Record int
	Err    error // a *FileError when set; Article is then empty
}

// Reasons a whole file is not read.
var (
	ErrEmpty         = errors.New("empty file")
	ErrBinary        = errors.New("binary file")
	ErrUnknownFormat = errors.New("unknown format")
	ErrTooLarge      = errors.New("file too large")
)

// MaxFileSize is the largest Markdown or HTML file read. The sample format
// and JSON are read as streams, an article at a time, and have no limit.
const MaxFileSize = 64 << 20

// FileError is a problem with a file, or with one article in it.
type FileError struct {
	File   string
	Line   int // 0 when the whole file is concerned
	Record int // as Item's
	Err    error
}

func (e *FileError) Error() string {
	switch {
	case e.Line > 0 && e.Record > 0:
		return fmt.Sprintf("%s:%d: record %d: %v", e.File, e.Line, e.Record, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// Read reads the articles in path, a file or a folder (recursively, in
// sorted order, skipping hidden files and folders and files that are not
// articles, following symbolic links; see Walker), and hands each article or error to fn. A link that
// cannot be followed is an error for itself; a folder reached again is not
// read again. Read returns only the error fn returns, which stops it.
func Read(path string, fn func(Item) error) error {
	var w Walker
	return w.Walk(path, func(f Found) error {
		switch {
		case f.Err != nil:
			return report(fn, f.Path, f.Err)
		case f.Skip != "":
			return nil
		}
		return readFile(f.Path, f.Info, fn)
	})
}

// ReadStream reads the articles in r, named name in items (e.g. "-" for
// standard input); the format is told from the content alone.
func ReadStream(name string, r io.Reader, fn func(Item) error) error {
	return readFrom(name, "", r, -1, fn)
}

// StreamFormats are the formats ReadStreamAs takes, by the extension a file
// of that format has.
var StreamFormats = map[string]string{
	"md": ".md", "markdown": ".md", "html": ".html", "json": ".json", "jsonl": ".jsonl",
	"txt": ".txt", "sample": ".txt", "xml": ".xml", "feed": ".xml", "mhtml": ".mhtml",
}

// ReadStreamAs is ReadStream for a stream whose content, when it does not
// say its format (Markdown without front matter), is in format, one of
// StreamFormats' keys: read as a file with that extension would be.
func ReadStreamAs(name, format string, r io.Reader, fn func(Item) error) error {
	ext, ok := StreamFormats[format]
	if !ok {
		return report(fn, name, fmt.Errorf("no format %q", format))
	}
	return readFrom(name, ext, r, -1, fn)
}

// unwrapPath drops the path from an *fs.PathError: items name their file.
func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// lineError is an error at a line of a file other than where its article
// starts; record is as Item's.
type lineError struct {
	line   int
	record int
	err    error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }

func (e *lineError) Unwrap() error { return e.err }

// report hands fn the error that stopped a whole file.
func report(fn func(Item) error, name string, err error) error {
	return fn(Item{File: name, Err: &FileError{File: name, Err: err}})
}

func readFile(path string, info os.FileInfo, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return report(fn, path, unwrapPath(err))
	}
	defer f.Close()
	size := int64(-1)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	return readFrom(path, "", f, size, fn)
}

// stopError carries the callback's own error out of a format reader, so it
// is told apart from a problem with the file.
type stopError struct{ err error }

func (e stopError) Error() string { return e.err.Error() }

// readFrom reads one file or stream of size bytes (-1 when unknown), whose
// format, when its content does not say, is that of a file with extension
// ext ("" for name's own).
func readFrom(name, ext string, r io.Reader, size int64, fn func(Item) error) error {
	emit := func(it Item) error {
		it.File = name
		if le, ok := errors.AsType[*lineError](it.Err); ok {
			it.Line, it.Record, it.Err = le.line, le.record, le.err
		}
		if it.Err == nil {
			Normalize(&it.Article)
			// A record that leaves the body out (a script's change to an
			// article) is for the store to refuse if there is nothing to
			// change.
			if it.Article.Title == "" && it.Article.Body == "" && it.Article.Absent&FieldBody == 0 {
				it.Err = errNoText
			}
		}
		if it.Err != nil {
			it.Article = Article{}
			it.Err = &FileError{File: name, Line: it.Line, Record: it.Record, Err: it.Err}
		}
		if err := fn(it); err != nil {
			return stopError{err}
		}
		return nil
	}
	err := readFormat(name, ext, r, size, emit)
	if stop, ok := errors.AsType[stopError](err); ok {
		return stop.err
	}
	if le, ok := errors.AsType[*lineError](err); ok {
		return fn(Item{File: name, Line: le.line, Record: le.record, Err: &FileError{File: name, Line: le.line, Record: le.record, Err: le.err}})
	}
	if err != nil {
		return report(fn, name, err)
	}
	return nil
}

func readFormat(name, ext string, r io.Reader, size int64, emit func(Item) error) error {
	br := bufio.NewReaderSize(r, 256<<10)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if enc := utf16BOM(head); enc != nil {
		// Windows' "Unicode" text: its byte order mark makes the encoding
		// certain. The text read is UTF-8, as any other file's.
		br = bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), 256<<10)
		if head, err = br.Peek(sniffSize); err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if reason := utf16Reason(head, len(head) < sniffSize); reason != "" {
			return fmt.Errorf("%w (%s)", ErrBinary, reason)
		}
	}
	whole, tooLong := len(head) < sniffSize, false
	if !whole && len(bytes.TrimLeft(trimBOM(head), blank)) == 0 {
		// Blank lines, however many, come before the content that tells
		// the format.
		if head, whole, tooLong, br, err = sniffPastBlanks(br); err != nil {
			return err
		}
	}
	sniffName := name
	if ext != "" {
		sniffName = "stream" + ext
	}
	f, err := sniff(head, whole, sniffName)
	if errors.Is(err, ErrUnknownFormat) && tooLong {
		err = fmt.Errorf("%w: over %d MiB of blank lines before any text", err, maxBlankLead>>20)
	}
	if err != nil {
		return err
	}
	if f == formatJSON || f == formatJSONLines {
		var feed bool
		if feed, br = sniffJSONFeed(br, MaxFileSize); feed {
			f = formatFeed
		}
	}
	switch f {
	case formatSample:
		return readSample(br, emit)
	case formatJSON, formatJSONLines:
		return readJSON(br, f == formatJSONLines, emit)
	case formatMHTML:
		return readMHTML(br, emit)
	}
	if size > MaxFileSize {
		return fmt.Errorf("%w: %d MiB, the limit is %d MiB", ErrTooLarge, size>>20, MaxFileSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(br, MaxFileSize+1))
	if err != nil {
		return err
	}
	if len(data) > MaxFileSize {
		return fmt.Errorf("%w: over %d MiB", ErrTooLarge, MaxFileSize>>20)
	}
	switch f {
	case formatFeed:
		return readSavedFeed(name, size >= 0, data, emit)
	case formatMaybeFeed:
		return readMaybeFeed(name, size >= 0, data, emit)
	}
	var art Article
	if f == formatHTML {
		art, err = readHTMLFile(trimBOM(data))
	} else {
		art, err = parseMarkdownFile(data, name)
	}
	return emit(Item{Article: art, Line: 1, Err: err})
}

// readHTMLFile reads an HTML file in its encoding (pageUTF8). What is
// still not UTF-8 after that is repaired, with a warning. A page read
// otherwise than an earlier tidings read it, which replaced the bytes that
// were not UTF-8, is found by the id it had then.
//
// The address the page was saved from, which the browser or SingleFile
// noted in a comment at its start (savedFromURL), is used as an MHTML
// archive's is: it is the article's link when the page names none, and
// what its relative links resolve against. A page imported before that
// comment was read is found by the id it had then.
func readHTMLFile(data []byte) (Article, error) {
	page, warning, changed := pageUTF8(data)
	saved := savedFromURL(page)
	art, err := parseHTMLPage(page, saved)
	if err != nil {
		return art, err
	}
	if saved != "" {
		if unsaved, err := parseHTMLPage(page, ""); err == nil {
			addFormer(&art, unsaved)
		}
	}
	if warning != "" {
		art.Warnings = append(art.Warnings, warning)
	}
	if n := invalidUTF8(page); n > 0 {
		art.Warnings = append(art.Warnings, warnInvalidUTF8(n))
	}
	if changed {
		if former, err := legacyHTMLPage(data, ""); err == nil {
			addFormer(&art, former)
		}
	}
	return art, nil
}

// addFormer adds to art's former ids those that former, the article as an
// earlier tidings read the same file, was known by, for an article without
// an id of its own. The id the earlier reading found in the file counts
// too: a file with "id: null" had the id "null" before YAML's null was no
// value.
func addFormer(art *Article, former Article) {
	if art.ExternalID != "" {
		return
	}
	Normalize(&former)
	art.FormerIDs = appendNew(art.FormerIDs, former.ExternalID)
	art.FormerIDs = appendNew(art.FormerIDs, former.FormerIDs...)
}

// invalidUTF8 counts the bytes of b that are not UTF-8 text.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

// warnInvalidUTF8 is the warning for an article with n bytes that are not
// UTF-8, which cleaning (CleanText) or decoding replaces with U+FFFD.
func warnInvalidUTF8(n int) string {
	if n == 1 {
		return "not valid UTF-8; 1 byte replaced"
	}
	return fmt.Sprintf("not valid UTF-8; %d bytes replaced", n)
}

// sniffSize is how much of a file is looked at to tell its format.
const sniffSize = 1024

// blank is the white space that may stand before a file's content.
const blank = " \t\r\n\f"

// maxBlankLead is how much white space before a file's content is read
// past to tell its format from the content; after more, the format is
// told as it is without content: by the file's name.
const maxBlankLead = 16 << 20

// sniffPastBlanks is the start of br's content for sniff when br starts
// with more white space (and a byte order mark) than sniffSize bytes: the
// first sniffSize bytes after it, however long it goes on up to
// maxBlankLead, and whether they are the whole rest. The white space read
// is kept: rest reads br's content from its start, as br would have.
// Past maxBlankLead, head is white space still (tooLong).
func sniffPastBlanks(br *bufio.Reader) (head []byte, whole, tooLong bool, rest *bufio.Reader, err error) {
	var lead bytes.Buffer
	for {
		chunk, err := br.Peek(64 * sniffSize)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, false, false, nil, err
		}
		start := 0
		if lead.Len() == 0 {
			start = len(chunk) - len(trimBOM(chunk))
		}
		n := len(chunk) - len(bytes.TrimLeft(chunk[start:], blank))
		lead.Write(chunk[:n])
		br.Discard(n)
		if n < len(chunk) || err != nil {
			break
		}
		if lead.Len() >= maxBlankLead {
			tooLong = true
			break
		}
	}
	head, err = br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, false, false, nil, err
	}
	return head, len(head) < sniffSize, tooLong, bufio.NewReaderSize(io.MultiReader(&lead, br), br.Size()), nil
}

type format int

const (
	formatSample format = iota + 1
	formatMarkdown
	formatHTML
	formatJSON
	formatJSONLines
	formatFeed // an RSS, Atom or JSON Feed document saved to a file
	// formatMaybeFeed is markup, or a file named like a feed, whose start
	// told nothing more: the feed parser decides (readMaybeFeed).
	formatMaybeFeed
	// formatMHTML is a web page saved whole in one file, as MIME parts
	// (Chrome's "Webpage, single file", .mhtml; Internet Explorer's .mht).
	formatMHTML
)

// sniff tells a file's format from its first bytes (whole says they are
// the whole file) and, failing that, from its name's extension. Whether a
// JSON object is a JSON Feed is told later, by its version or its shape
// (sniffJSONFeed).
func sniff(head []byte, whole bool, name string) (format, error) {
	head = trimBOM(head)
	text := bytes.TrimLeft(head, blank)
	if len(text) == 0 && whole {
		return 0, ErrEmpty
	}
	if reason := contentReason(head); reason != "" {
		return 0, fmt.Errorf("%w (%s)", ErrBinary, reason)
	}
	if reason := binaryReason(head, whole); reason != "" {
		if k := kindOfName(name); k >= 0 {
			reason = kinds[k].one + ", not an article"
		}
		return 0, fmt.Errorf("%w (%s)", ErrBinary, reason)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(text) > 0 && (text[0] == '{' || text[0] == '[') && isJSONStart(text, whole, ext):
		if ext == ".jsonl" || ext == ".ndjson" {
			return formatJSONLines, nil
		}
		return formatJSON, nil
	case isFrontMatterStart(head):
		return formatMarkdown, nil
	case isFeedStart(text):
		return formatFeed, nil
	case isHTMLStart(text):
		return formatHTML, nil
	case skipXMLProlog(text) == nil && hasPrefixFold(text, "<!doctype html"):
		// A page, or a feed with an HTML DOCTYPE, whose prolog goes on
		// past the start: the root element, further on, tells.
		return formatMaybeFeed, nil
	case isMHTMLStart(text):
		return formatMHTML, nil
	case isSampleStart(text):
		return formatSample, nil
	}
	switch ext {
	case ".md", ".markdown":
		return formatMarkdown, nil
	case ".html", ".htm", ".xhtml":
		return formatHTML, nil
	case ".json":
		return formatJSON, nil
	case ".jsonl", ".ndjson":
		return formatJSONLines, nil
	case ".txt", ".text":
		return formatSample, nil
	case ".xml", ".rss", ".atom", ".rdf":
		return formatMaybeFeed, nil
	case ".mhtml", ".mht":
		return formatMHTML, nil
	}
	if len(text) > 0 && text[0] == '<' {
		return formatMaybeFeed, nil
	}
	return 0, unknownFormat(name)
}

// isJSONStart reports whether text, the start of a file named with the
// extension ext (lower case) and starting with "{" or "[", is JSON or JSON
// Lines. A file named as JSON, or with no extension (standard input) is,
// so that what is wrong with it is told; a Markdown file is Markdown,
// which may open with JSON front matter as Hugo's does; another file is
// JSON when its start reads as JSON values, as "[Original article](…)",
// "[[A note]]", "{{< figure >}}" or "[UPDATE] date 2024-03-05 (MENAFN) …"
// do not.
func isJSONStart(text []byte, whole bool, ext string) bool {
	switch ext {
	case ".json", ".jsonl", ".ndjson", "":
		return true
	case ".md", ".markdown":
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	depth := 0
	for {
		tok, err := dec.Token()
		switch {
		case err == nil:
			switch tok {
			case json.Delim('{'), json.Delim('['):
				depth++
			case json.Delim('}'), json.Delim(']'):
				depth--
			}
			continue
		case errors.Is(err, io.EOF) && depth == 0:
			return true // values to the end
		case whole:
			return false // a value cut short, or not JSON
		}
		_, syntax := errors.AsType[*json.SyntaxError](err)
		return !syntax // else a value cut by the sniff window
	}
}

// unknownFormat is ErrUnknownFormat for the file name, saying what the
// file is when its name tells that it is not an article (a script, an
// image).
func unknownFormat(name string) error {
	if k := kindOfName(name); k >= 0 {
		return fmt.Errorf("%w (%s, not an article)", ErrUnknownFormat, kinds[k].one)
	}
	return ErrUnknownFormat
}

// readMaybeFeed reads a document whose start did not tell its format (a
// prolog longer than the sniffed start, say) as a saved feed, if the feed
// parser can. What it cannot read is of unknown format, unless it starts
// as a feed does: then the parser's reason is the error.
func readMaybeFeed(name string, regular bool, data []byte, emit func(Item) error) error {
	parsed, err := parseFeedDocument(data, "")
	switch {
	case err == nil:
		return emitSavedFeed(parsed, name, regular, data, emit)
	case isFeedStart(data):
		return err
	case isHTMLDocument(data):
		// A web page (an XHTML page's XML declaration, or a long prolog,
		// hid that from its start): read as the page it is.
		art, err := readHTMLFile(trimBOM(data))
		return emit(Item{Article: art, Line: 1, Err: err})
	}
	return unknownFormat(name)
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// isFrontMatterStart reports whether head opens front matter as
// parseMarkdownFile reads it: a first line of "---" (YAML) or "+++"
// (Hugo's TOML); after blank lines, only when fields follow it
// (fencesFields), as a text of blank lines, "---" and a title is not
// Markdown's but the sample format's, and was read as such before.
func isFrontMatterStart(head []byte) bool {
	first, rest, found := bytes.Cut(head, []byte("\n"))
	blanks := false
	for found && len(bytes.TrimSpace(first)) == 0 {
		first, rest, found = bytes.Cut(rest, []byte("\n"))
		blanks = true
	}
	if !found {
		return false
	}
	first = bytes.TrimRight(first, " \t\r")
	if string(first) != "---" && string(first) != "+++" {
		return false
	}
	return !blanks || fencesFields(string(first)+"\n"+string(rest))
}

// isHTMLStart reports whether text starts as a web page does: with an
// element of one (<html>, <head>, <body>…), or a DOCTYPE of HTML before
// what is not a feed's root, after the XML declaration, comments or
// DOCTYPE that may come first (readXMLProlog). A prolog that goes on
// past text does not tell.
func isHTMLStart(text []byte) bool {
	rest, doctype := readXMLProlog(text)
	if rest == nil {
		return false
	}
	if bytes.EqualFold(doctype, []byte("html")) && !isFeedRoot(rootName(rest)) {
		return true
	}
	for _, p := range []string{"<html", "<head", "<body", "<article", "<meta", "<title"} {
		if hasPrefixFold(rest, p) {
			return true
		}
	}
	return false
}

// mimeHeaderName is the name of a mail header field.
var mimeHeaderName = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

// isMHTMLStart reports whether text starts as an MHTML web archive does:
// with mail headers, among them "Content-Type: multipart/related".
func isMHTMLStart(text []byte) bool {
	for line := range bytes.Lines(text) {
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			return false // the headers' end
		}
		if line[0] == ' ' || line[0] == '\t' {
			continue // a header's value goes on
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !mimeHeaderName.Match(name) {
			return false
		}
		if bytes.EqualFold(name, []byte("Content-Type")) {
			return hasPrefixFold(bytes.TrimSpace(value), "multipart/related")
		}
	}
	return false
}

// Reasons an MHTML web archive is not read.
var (
	errMHTMLNoParts = errors.New("an MHTML web archive with no parts")
	errMHTMLNoPage  = errors.New("an MHTML web archive with no HTML page in it")
)

// readMHTML reads the page an MHTML web archive holds: its first HTML part
// (the pages of its frames, its images and style sheets follow), decoded
// from quoted-printable or base64 and from the encoding the part declares.
// The address it was saved from is the article's link when the page gives
// none, and what its relative links resolve against. What follows the page is not read, so an archive is not limited by
// MaxFileSize, only what comes up to the end of its page.
func readMHTML(r io.Reader, emit func(Item) error) error {
	lr := &io.LimitedReader{R: r, N: MaxFileSize}
	msg, err := mail.ReadMessage(lr)
	if err != nil {
		return errMHTMLNoParts
	}
	media, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(media, "multipart/") || params["boundary"] == "" {
		return errMHTMLNoParts
	}
	parts := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := parts.NextPart()
		switch {
		case err != nil && lr.N <= 0:
			return fmt.Errorf("%w: no page in its first %d MiB", ErrTooLarge, MaxFileSize>>20)
		case err != nil:
			return errMHTMLNoPage
		}
		ctype, cparams, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if ctype != "text/html" && ctype != "application/xhtml+xml" {
			continue
		}
		var body io.Reader = part // quoted-printable is decoded by NextPart
		if strings.EqualFold(strings.TrimSpace(part.Header.Get("Content-Transfer-Encoding")), "base64") {
			body = base64.NewDecoder(base64.StdEncoding, part)
		}
		page, err := io.ReadAll(body)
		switch {
		case err != nil && lr.N <= 0:
			return fmt.Errorf("%w: its page goes on past %d MiB", ErrTooLarge, MaxFileSize>>20)
		case err != nil:
			return fmt.Errorf("an MHTML web archive whose page cannot be read: %v", err)
		}
		if label := cparams["charset"]; label != "" && !utf8.Valid(page) {
			// The part's encoding, as a page's server would send it.
			if enc, name := charset.Lookup(label); enc != nil && name != "utf-8" && name != "replacement" {
				if decoded, err := enc.NewDecoder().Bytes(page); err == nil {
					page = decoded
				}
			}
		}
		page = htmlUTF8(trimBOM(page))
		saved := part.Header.Get("Content-Location")
		if saved == "" {
			saved = msg.Header.Get("Snapshot-Content-Location")
		}
		subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		art, err := parseHTMLPage(page, saved)
		if err == nil && art.Title == "" {
			art.Title = subject
		}
		if legacy, lerr := legacyHTMLPage(page, saved); err == nil && lerr == nil && legacy.Title == "" && subject != "" {
			// Read as pages were before, a page without a title of its
			// own was titled by the archive's subject.
			legacy.Title = subject
			addFormer(&art, legacy)
		}
		if former, ferr := mhtmlUnresolved(page, saved, subject); err == nil && ferr == nil &&
			(former.Body != art.Body || former.URL != art.URL) {
			// Imported before its relative links were resolved, it is
			// found by the id it had then.
			Normalize(&former)
			art.FormerIDs = append(art.FormerIDs, former.ExternalID)
			art.FormerIDs = append(art.FormerIDs, former.FormerIDs...)
		}
		if n := invalidUTF8(page); n > 0 && err == nil {
			art.Warnings = append(art.Warnings, warnInvalidUTF8(n))
		}
		return emit(Item{Article: art, Line: 1, Err: err})
	}
}

// mhtmlUnresolved is the article an MHTML archive's page was read as
// when its relative links resolved against its canonical link alone (and
// were dropped without one), saved being the address it was saved from.
func mhtmlUnresolved(page []byte, saved, subject string) (Article, error) {
	art, err := legacyHTMLPage(page, "")
	if err != nil {
		return art, err
	}
	if u := baseURL(saved); art.URL == "" && u != nil {
		art.URL = u.String()
		if art.Source == "" {
			art.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if art.Title == "" {
		art.Title = subject
	}
	return art, nil
}

// isSampleStart reports whether text starts like the sample format:
// "date YYYY-MM-DD" or "(SOURCE)".
func isSampleStart(text []byte) bool {
	if _, _, ok := cutDatePrefix(text); ok {
		return true
	}
	line, _, _ := bytes.Cut(text, []byte("\n"))
	_, _, ok := cutSourceTag(line)
	return ok
}

// utf16BOM is the UTF-16 encoding whose byte order mark head starts with,
// or nil. Its decoder drops the mark.
func utf16BOM(head []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}

// utf16Reason says why a file that starts with a UTF-16 byte order mark
// is not text all the same, head being its start decoded, or "": a binary
// file that happens to start with the mark decodes to halves of surrogate
// pairs, which become U+FFFD, and to private-use characters, which text
// does not hold. What binaryReason finds is checked by the sniffer.
func utf16Reason(head []byte, whole bool) string {
	if !whole {
		// The last character may be cut in two by the sniff window.
		for i := 0; i < 3 && len(head) > 0 && head[len(head)-1] >= 0x80; i++ {
			head = head[:len(head)-1]
		}
	}
	runes, odd := 0, 0
	for _, r := range string(head) {
		runes++
		if r == utf8.RuneError || r >= 0xe000 && r <= 0xf8ff {
			odd++
		}
	}
	if odd*50 > runes {
		return "it starts as UTF-16 text does, but is not text"
	}
	return ""
}

// binaryReason says why head does not look like text, or "".
func binaryReason(head []byte, whole bool) string {
	if utf16BOM(head) != nil {
		return "UTF-16 text that could not be read"
	}
	// A stray NUL in text is cleaned away on import; NULs near the start or
	// in numbers are a binary file's.
	if nuls := bytes.Count(head, []byte{0}); nuls > 0 &&
		(bytes.IndexByte(head[:min(len(head), 16)], 0) >= 0 || nuls*50 > len(head)) {
		return "it holds NUL bytes"
	}
	if !whole {
		// The last character may be cut in two by the sniff window.
		for i := 0; i < 3 && len(head) > 0 && head[len(head)-1] >= 0x80; i++ {
			head = head[:len(head)-1]
		}
	}
	bad, controls := 0, 0
	for i := 0; i < len(head); {
		c := head[i]
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			controls++
		}
		if c < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	if controls*10 > len(head) {
		return "it is not text"
	}
	if bad*10 > len(head) && !declaresEncoding(head) && !isWindows1252Text(head) {
		return "it is not UTF-8 text; text in another encoding can be converted with iconv -t UTF-8"
	}
	return ""
}

// isWindows1252Text reports whether head, not UTF-8, reads as text in a
// Western language in Windows-1252 (as textUTF8 reads it): its letters
// with accents, its quotes and dashes stand one or two at a time between
// plain letters ("Café", "Grüße", "«Ça»"). Words of Cyrillic or Greek in
// a code page of theirs, or a binary file's numbers, are runs of bytes
// over 0x7F, which Windows-1252 would read as nonsense.
func isWindows1252Text(head []byte) bool {
	high, inRuns, run := 0, 0, 0
	for i := 0; i <= len(head); i++ {
		if i < len(head) && head[i] >= 0x80 {
			high++
			run++
			continue
		}
		if run >= 3 {
			inRuns += run
		}
		run = 0
	}
	return inRuns*4 <= high
}

// declaredEncoding finds an HTML page's or an XML document's declaration of
// its encoding: <meta charset=...>, http-equiv's charset=..., <?xml
// encoding=...?>.
var declaredEncoding = regexp.MustCompile(`(?i)(?:<meta[^>]*charset\s*=\s*["']?|<\?xml[^>]*encoding\s*=\s*["'])([a-z0-9_:.-]+)`)

// declaresEncoding reports whether head declares an encoding other than
// UTF-8: a page or feed in Shift_JIS or windows-1251 is mostly bytes that
// are not UTF-8, and is text all the same, read in its encoding.
func declaresEncoding(head []byte) bool {
	m := declaredEncoding.FindSubmatch(head)
	return m != nil && !strings.EqualFold(string(m[1]), "utf-8") && !strings.EqualFold(string(m[1]), "utf8")
}
