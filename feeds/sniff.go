package feeds

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// jsonFeedVersion starts the version of every JSON Feed document.
const jsonFeedVersion = "https://jsonfeed.org/version/"

// feedRoots are the local names of the root elements of XML feeds: RSS
// 0.9x and 2.0, Atom, RSS 1.0 (rdf:RDF).
var feedRoots = []string{"rss", "feed", "rdf"}

// isFeedStart reports whether text starts like an RSS, Atom or RDF
// document: its root element, after the prolog (see skipXMLProlog), is one
// a feed has.
func isFeedStart(text []byte) bool {
	name := rootName(skipXMLProlog(text))
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	for _, root := range feedRoots {
		if bytes.EqualFold(name, []byte(root)) {
			return true
		}
	}
	return false
}

// skipXMLProlog returns text after what may stand before an XML
// document's root element: a byte order mark, white space, processing
// instructions (the XML declaration, <?xml-stylesheet …?>), comments and a
// document type declaration, in any number and order. It returns nil when
// text ends inside one of them.
func skipXMLProlog(text []byte) []byte {
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
			end = doctypeEnd(text)
		default:
			return text
		}
		if end < 0 {
			return nil
		}
		text = text[end:]
	}
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

// isJSONFeed reports whether r holds a JSON Feed: a top-level object whose
// "version" string, unescaped, starts with jsonFeedVersion. It reads the
// object's keys in order and skips their values without keeping them, and
// stops at the version; a document without one is read to the end of its
// first object.
func isJSONFeed(r io.Reader) bool {
	dec := json.NewDecoder(r)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return false
		}
		if key == "version" {
			v, err := dec.Token()
			s, ok := v.(string)
			return err == nil && ok && strings.HasPrefix(s, jsonFeedVersion)
		}
		if skipJSONValue(dec) != nil {
			return false
		}
	}
	return false
}

// skipJSONValue reads the next value of dec, however deep, token by token.
func skipJSONValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
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
