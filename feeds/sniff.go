package feeds

import (
	"bytes"
)

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
