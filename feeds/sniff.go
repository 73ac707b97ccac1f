package feeds

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// feedRoots are the local names of the root elements of XML feeds: RSS
// 0.9x and 2.0, Atom, RSS 1.0 (rdf:RDF).
var feedRoots = []string{"rss", "feed", "rdf"}

// isFeedStart reports whether text starts like an RSS, Atom or RDF
// document: its root element, after the prolog (see skipXMLProlog), is one
// a feed has.
func isFeedStart(text []byte) bool {
	return isFeedRoot(rootName(skipXMLProlog(text)))
}

// isFeedRoot reports whether name, an element's, is the root of a feed
// (feedRoots), with or without a namespace prefix ("rdf:RDF").
func isFeedRoot(name []byte) bool {
	name = localName(name)
	for _, root := range feedRoots {
		if bytes.EqualFold(name, []byte(root)) {
			return true
		}
	}
	return false
}

// localName is name without its namespace prefix: "RDF" of "rdf:RDF".
func localName(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// skipXMLProlog returns text after what may stand before an XML
// document's root element: a byte order mark, white space, processing
// instructions (the XML declaration, <?xml-stylesheet …?>), comments and a
// document type declaration, in any number and order. It returns nil when
// text ends inside one of them.
func skipXMLProlog(text []byte) []byte {
	rest, _ := readXMLProlog(text)
	return rest
}

// readXMLProlog returns text after its prolog, as skipXMLProlog does, and
// the name its document type declaration gives ("html" of <!DOCTYPE html
// PUBLIC …>), or nil when it has none. The name is known even when text
// ends inside the prolog, once the declaration has begun.
func readXMLProlog(text []byte) (rest, doctype []byte) {
	text = trimBOM(text)
	for {
		text = bytes.TrimLeft(text, " \t\r\n")
		end := -1
		switch {
		case bytes.HasPrefix(text, []byte("<?")):
			if i := bytes.Index(text[2:], []byte("?>")); i >= 0 {
				end = 2 + i + len("?>")
			}
		case bytes.HasPrefix(text, []byte("<!--")):
			if i := bytes.Index(text[4:], []byte("-->")); i >= 0 {
				end = 4 + i + len("-->")
			}
		case hasPrefixFold(text, "<!doctype"):
			doctype = doctypeName(text)
			end = doctypeEnd(text)
		default:
			return text, doctype
		}
		if end < 0 {
			return nil, doctype
		}
		text = text[end:]
	}
}

// doctypeName is the root element's name that the document type
// declaration text starts with gives: "html" of "<!DOCTYPE html PUBLIC …>".
func doctypeName(text []byte) []byte {
	name := bytes.TrimLeft(text[len("<!doctype"):], " \t\r\n")
	if i := bytes.IndexAny(name, " \t\r\n[>"); i >= 0 {
		name = name[:i]
	}
	return name
}

// maxParserProlog is how much may stand before a document's root element
// for the feed parser to see the root: it detects a feed's type in the
// first 4 KiB.
const maxParserProlog = 2048

// trimLongProlog drops what stands before an XML document's root element
// (comments, style sheets, a DOCTYPE with its declarations) when it is too
// long for the feed parser to see past; the XML declaration stays. A feed
// does not need any of it: the parser reads no DTD.
func trimLongProlog(data []byte) []byte {
	rest := skipXMLProlog(data)
	if rest == nil || len(data)-len(rest) <= maxParserProlog {
		return data
	}
	var decl []byte
	if text := bytes.TrimLeft(trimBOM(data), " \t\r\n"); bytes.HasPrefix(text, []byte("<?xml ")) {
		if i := bytes.Index(text, []byte("?>")); i >= 0 {
			decl = text[:i+len("?>")]
		}
	}
	out := make([]byte, 0, len(decl)+1+len(rest))
	out = append(append(append(out, decl...), '\n'), rest...)
	return out
}

// doctypeEnd is the length of the document type declaration text starts
// with, or -1 when text ends inside it. A ">" inside quotes or inside the
// internal subset ("[ <!ENTITY …> ]") does not end it.
func doctypeEnd(text []byte) int {
	var quote byte
	depth := 0
	for i, c := range text {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		case c == '>' && depth == 0:
			return i + 1
		}
	}
	return -1
}

// rootName is the name of the element text starts with ("rdf:RDF"), or
// nil when it starts with no element.
func rootName(text []byte) []byte {
	if len(text) < 2 || text[0] != '<' {
		return nil
	}
	name := text[1:]
	if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
		name = name[:i]
	}
	return name
}

// isJSONFeed reports whether r holds a JSON Feed rather than tidings' own
// records (Record) or other JSON. A top-level object is one when its
// "version" string, unescaped, says so (jsonFeedVersions). Else its shape
// tells, whatever its version says ("1.1", null, none: feeds are served
// so, and the feed parser reads them): an "items" array, with a key of a
// feed's beside it (isJSONFeedKey) or a key only a feed's item has in its
// first item (jsonItemKeys), and without a key only a record has
// (recordOnlyKeys). An API's list of results ("kind", "etag", "items" of
// "id" and "snippet") has items with ids too, and is not a feed. A record
// has no "items": an export is never taken for a feed. It reads the
// object's keys in order and skips their values without keeping them,
// and stops at a version that says so; else it reads to the end of the
// first object, or to what in it is not JSON.
func isJSONFeed(r io.Reader) bool {
	dec := json.NewDecoder(r)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	var items, feedKey, itemKey, recordKey bool
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := tok.(string)
		switch {
		case key == "version":
			var v any
			if err = dec.Decode(&v); err == nil {
				if s, ok := v.(string); ok && isJSONFeedVersion(s) {
					return true
				}
			}
		case key == "items":
			items, itemKey, err = readJSONItems(dec)
		case key == "author" || key == "authors":
			var v any
			if err = dec.Decode(&v); err == nil {
				feedKey = feedKey || isJSONFeedAuthor(key, v)
			}
		default:
			feedKey = feedKey || jsonFeedKeys[key]
			recordKey = recordKey || recordOnlyKeys[key]
			err = skipJSONValue(dec)
		}
		if err != nil {
			break
		}
	}
	return items && (feedKey || itemKey) && !recordKey
}

// jsonFeedVersions start the version of a JSON Feed that names its spec:
// the address the spec gives, and the http one early feeds wrote.
var jsonFeedVersions = []string{"https://jsonfeed.org/version/", "http://jsonfeed.org/version/"}

// isJSONFeedVersion reports whether version, a JSON Feed's "version",
// names the JSON Feed spec (jsonFeedVersions).
func isJSONFeedVersion(version string) bool {
	for _, prefix := range jsonFeedVersions {
		if strings.HasPrefix(version, prefix) {
			return true
		}
	}
	return false
}

// jsonFeedKeys are the top-level keys of a JSON Feed (1.0 and 1.1) that
// tell one beside its items, but for its author (isJSONFeedAuthor).
// Those an API's response has as well ("next_url", "language",
// "expired") do not tell.
var jsonFeedKeys = map[string]bool{
	"title": true, "home_page_url": true, "feed_url": true, "description": true,
	"user_comment": true, "icon": true, "favicon": true, "hubs": true,
}

// isJSONFeedAuthor reports whether v, the value of a top-level "author"
// or "authors" (key), is written as a JSON Feed writes it: an author an
// object ({"name": …}), authors an array of those.
func isJSONFeedAuthor(key string, v any) bool {
	if key == "author" {
		_, ok := v.(map[string]any)
		return ok
	}
	authors, ok := v.([]any)
	if !ok || len(authors) == 0 {
		return false
	}
	for _, a := range authors {
		if _, ok := a.(map[string]any); !ok {
			return false
		}
	}
	return true
}

// jsonItemKeys are the keys of a JSON Feed's item that tell one: not its
// "id", which any API's results have (as an object, in YouTube's), nor
// "url", "title", "author", "tags", "image" or "language", which GitHub's
// and others' have beside an "id".
var jsonItemKeys = map[string]bool{
	"external_url": true, "content_html": true, "content_text": true, "summary": true,
	"banner_image": true, "date_published": true, "date_modified": true, "attachments": true,
}

// recordOnlyKeys are keys of tidings' records that no JSON Feed has: what
// a record brings in is its body, or the article its external_id names.
var recordOnlyKeys = map[string]bool{"external_id": true, "body": true}

// readJSONItems reads the next value of dec, a JSON Feed's "items": it
// reports whether the value is an array, and whether its first element
// is an object with a key that tells a feed's item (jsonItemKeys).
func readJSONItems(dec *json.Decoder) (array, itemKey bool, err error) {
	tok, err := dec.Token()
	if err != nil {
		return false, false, err
	}
	if tok != json.Delim('[') {
		return false, false, closeJSONValues(dec, opens(tok))
	}
	if dec.More() {
		if itemKey, err = isJSONItem(dec); err != nil {
			return true, itemKey, err
		}
	}
	return true, itemKey, closeJSONValues(dec, 1)
}

// isJSONItem reads the next value of dec and reports whether it is an
// object with a key that tells a JSON Feed's item (jsonItemKeys).
func isJSONItem(dec *json.Decoder) (bool, error) {
	tok, err := dec.Token()
	if err != nil {
		return false, err
	}
	if tok != json.Delim('{') {
		return false, closeJSONValues(dec, opens(tok))
	}
	item := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return item, err
		}
		key, _ := tok.(string)
		item = item || jsonItemKeys[key]
		if err := skipJSONValue(dec); err != nil {
			return item, err
		}
	}
	_, err = dec.Token() // the "}"
	return item, err
}

// skipJSONValue reads the next value of dec, however deep, token by token.
func skipJSONValue(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	return closeJSONValues(dec, opens(tok))
}

// opens is how many values tok opens: 1 for the start of an object or an
// array, else 0.
func opens(tok json.Token) int {
	if tok == json.Delim('{') || tok == json.Delim('[') {
		return 1
	}
	return 0
}

// closeJSONValues reads the tokens of dec to the end of the open values
// (objects, arrays) it is inside, open of them, however deep.
func closeJSONValues(dec *json.Decoder, open int) error {
	for open > 0 {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			open++
		case json.Delim('}'), json.Delim(']'):
			open--
		}
	}
	return nil
}

// sniffJSONFeed reports whether the JSON object br starts with is a JSON
// Feed (isJSONFeed), reading at most limit bytes, and returns a reader of
// br's whole content again: the bytes read to tell are read first.
func sniffJSONFeed(br *bufio.Reader, limit int64) (bool, *bufio.Reader) {
	var seen bytes.Buffer
	src := io.TeeReader(io.LimitReader(br, limit), &seen)
	if bom, _ := br.Peek(len(byteOrderMark)); bytes.Equal(bom, byteOrderMark) {
		io.CopyN(io.Discard, src, int64(len(bom))) // kept in seen, not decoded
	}
	feed := isJSONFeed(src)
	return feed, bufio.NewReaderSize(io.MultiReader(&seen, br), br.Size())
}
