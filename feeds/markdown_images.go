package feeds

import (
	"html"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"tidings/store/anchor"
)

// withoutDataImages drops from art's body the pictures it holds in their
// own addresses (dropDataImages). An article without an id is found by the
// id its body gave it with them, as tidings imported it before.
func withoutDataImages(art *Article) {
	body := dropDataImages(art.Body)
	if body == art.Body {
		return
	}
	before := *art
	before.Tags, before.RuleTags, before.Warnings = slices.Clone(art.Tags), slices.Clone(art.RuleTags), slices.Clone(art.Warnings)
	before.Annotations, before.FormerIDs = slices.Clone(art.Annotations), slices.Clone(art.FormerIDs)
	art.Body = body
	addFormer(art, before)
}

// dropDataImages writes each picture Markdown md holds in its own address
// (a data: URI, "![chart](data:image/png;base64,iVBOR...)", as notebooks
// and pandoc write them) as its alt text, "image" in a link when it has
// none, and each link to such an address as its text: the reader draws no
// pictures, and would show the address instead, pages of base64, which
// the search index would hold too. An HTML <img> in the Markdown whose
// source is a data: URI is its alt text too, as HTML imports read one.
// Code stays as it is, and so do pictures written by reference
// ("![chart][1]"), over lines, and those of Markdown too large or too
// deeply nested to read (parseableMarkdown).
func dropDataImages(md string) string {
	if !strings.Contains(strings.ToLower(md), "data:") || !parseableMarkdown(md) {
		return md
	}
	// A picture in another's alt text is found once the other is gone.
	for range maxDataImageReads {
		edits := dataImageEdits(md)
		if len(edits) == 0 {
			break
		}
		md = anchor.ApplyEdits(md, edits)
	}
	return md
}

// maxDataImageReads bounds how many times dropDataImages reads md.
const maxDataImageReads = 4

// dataImageEdits are the changes dropDataImages makes to md, in order.
// The pictures of a block of text (a paragraph, a heading) are read in
// its text (blockDataImages), those of an HTML block in its lines; code
// blocks are not read.
func dataImageEdits(md string) []anchor.Edit {
	src := []byte(md)
	var edits []anchor.Edit
	_ = ast.Walk(markdownBlocks().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindHTMLBlock:
			for i := range n.Lines().Len() {
				edits = append(edits, dataImgTags(src, n.Lines().At(i), true)...)
			}
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			edits = append(edits, blockDataImages(src, n.Lines())...)
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(edits, func(a, b anchor.Edit) int { return a.From - b.From })
	return edits
}

// blockDataImages are the edits of the pictures and links to data: URIs
// in the text of a block of src, its lines: each written as its text (as
// src has it, over lines in a quote with the quote's marks). The text is
// read in one pass: code spans first, then brackets matched as they
// close, so that no text is read again for each bracket; a picture in
// another's text is written before the other, in this reading, and the
// other in the next.
func blockDataImages(src []byte, lines *text.Segments) []anchor.Edit {
	var t []byte
	starts := make([]int, lines.Len())
	for i := range lines.Len() {
		starts[i] = len(t)
		seg := lines.At(i)
		t = append(t, src[seg.Start:seg.Stop]...)
	}
	// at is where the block's text at i is in src: in the line it starts
	// (from), or ends (to) at i.
	at := func(i int, from bool) int {
		k, _ := slices.BinarySearch(starts, i)
		if k == len(starts) || starts[k] != i || !from {
			k--
		}
		return lines.At(k).Start + i - starts[k]
	}
	code := codeSpans(t)
	var edits []anchor.Edit
	var open []int // the brackets open, where they are
	for i := 0; i < len(t); i++ {
		if code[i] {
			continue
		}
		switch t[i] {
		case '\\':
			i++
		case '[':
			open = append(open, i)
		case ']':
			if len(open) == 0 {
				continue
			}
			from := open[len(open)-1]
			open = open[:len(open)-1]
			end, ok := dataLinkTail(t, i)
			if !ok || len(edits) > 0 && edits[len(edits)-1].From >= at(from, true) {
				// Not to a data: URI, or holding one found already: the
				// next reading writes it, with what it holds written.
				continue
			}
			label := ""
			if from+1 < i {
				label = strings.TrimSpace(string(src[at(from+1, true):at(i, false)]))
			}
			if from > 0 && t[from-1] == '!' && !escaped(t, from-1) {
				from-- // a picture
				if label == "" && len(open) > 0 {
					label = "image" // the only text of the link it is in
				}
			}
			edits = append(edits, anchor.Edit{From: at(from, true), To: at(end, false), With: label})
		case '<':
			if e, ok := dataImgTag(t, i, false); ok {
				edits = append(edits, anchor.Edit{From: at(e.From, true), To: at(e.To, false), With: e.With})
			}
		}
	}
	return edits
}

// escaped reports whether t[i] is escaped by a backslash.
func escaped(t []byte, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && t[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// codeSpans marks the bytes of t in its code spans: a run of backticks
// opens one that the next run of as many closes; a run that none closes
// is text. Each run's closer is found from a table of the next run of each
// length, in one pass.
func codeSpans(t []byte) []bool {
	type run struct{ at, n int }
	var runs []run
	for i := 0; i < len(t); {
		if t[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == '`' {
			j++
		}
		runs = append(runs, run{i, j - i})
		i = j
	}
	next := make([]int, len(runs)) // the next run as long, or -1
	last := map[int]int{}
	for k := len(runs) - 1; k >= 0; k-- {
		next[k] = -1
		if j, ok := last[runs[k].n]; ok {
			next[k] = j
		}
		last[runs[k].n] = k
	}
	code := make([]bool, len(t))
	for k := 0; k < len(runs); k++ {
		j := next[k]
		if j < 0 {
			continue
		}
		for i := runs[k].at; i < runs[j].at+runs[j].n; i++ {
			code[i] = true
		}
		k = j
	}
	return code
}

// maxLinkTitle bounds the title of a link read (dataLinkTail).
const maxLinkTitle = 1024

// dataLinkTail reads the address and title of an inline link or picture
// whose text ends at t[close] ("](data:... "title")"), and reports where
// it ends, when its address is a data: URI.
func dataLinkTail(t []byte, close int) (end int, ok bool) {
	if close+1 >= len(t) || t[close+1] != '(' {
		return 0, false
	}
	j := skipBlank(t, close+2)
	angled := j < len(t) && t[j] == '<'
	if angled {
		j++
	}
	if !isDataURI(t[j:min(j+5, len(t))]) {
		return 0, false
	}
	if angled {
		k := j
		for k < len(t) && t[k] != '>' && t[k] != '\n' {
			k++
		}
		if k >= len(t) || t[k] != '>' {
			return 0, false
		}
		j = k + 1
	} else {
		depth := 0
	dest:
		for ; j < len(t); j++ {
			switch t[j] {
			case '\\':
				j++
			case ' ', '\t', '\n':
				break dest
			case '(':
				depth++
			case ')':
				if depth == 0 {
					break dest
				}
				depth--
			}
		}
	}
	j = skipBlank(t, j)
	if j < len(t) && (t[j] == '"' || t[j] == '\'' || t[j] == '(') {
		closer := t[j]
		if closer == '(' {
			closer = ')'
		}
		k := j + 1
		for ; k < len(t) && k-j <= maxLinkTitle && t[k] != closer; k++ {
			if t[k] == '\\' {
				k++
			}
		}
		if k >= len(t) || t[k] != closer {
			return 0, false
		}
		j = skipBlank(t, k+1)
	}
	if j >= len(t) || t[j] != ')' {
		return 0, false
	}
	return j + 1, true
}

// isDataURI reports whether an address is a data: URI.
func isDataURI(dest []byte) bool {
	d := strings.TrimSpace(string(dest))
	return len(d) >= 5 && strings.EqualFold(d[:5], "data:")
}

// skipBlank is where the spaces, tabs and newlines at t[i:] end.
func skipBlank(t []byte, i int) int {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n') {
		i++
	}
	return i
}

// maxTag bounds the length of an HTML tag read (dataImgTag).
const maxTag = 4096

// dataImgTag reads the HTML tag at t[at:] and, when it is an <img> whose
// source is a data: URI, is the edit that writes it as its alt text:
// escaped as HTML in an HTML block (block), as Markdown in a paragraph.
func dataImgTag(t []byte, at int, block bool) (e anchor.Edit, ok bool) {
	if at+4 > len(t) || !strings.EqualFold(string(t[at+1:at+4]), "img") {
		return e, false
	}
	end := slices.Index(t[at:min(at+maxTag, len(t))], '>')
	if end < 0 {
		return e, false
	}
	end += at + 1
	z := xhtml.NewTokenizer(strings.NewReader(string(t[at:end])))
	if tt := z.Next(); tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
		return e, false
	}
	tok := z.Token()
	if tok.DataAtom != atom.Img || !isDataURI([]byte(tokenAttr(tok, "src"))) {
		return e, false
	}
	alt := strings.TrimSpace(tokenAttr(tok, "alt"))
	with := markdownEscape(alt)
	if block {
		with = html.EscapeString(alt)
	}
	return anchor.Edit{From: at, To: end, With: with}, true
}

// dataImgTags are the edits of the <img> tags in line seg of an HTML
// block of src whose source is a data: URI (dataImgTag).
func dataImgTags(src []byte, seg text.Segment, block bool) []anchor.Edit {
	line := src[seg.Start:seg.Stop]
	var edits []anchor.Edit
	for i := 0; i < len(line); i++ {
		if line[i] != '<' {
			continue
		}
		if e, ok := dataImgTag(line, i, block); ok {
			e.From, e.To = seg.Start+e.From, seg.Start+e.To
			edits = append(edits, e)
			i = e.To - seg.Start - 1
		}
	}
	return edits
}

// tokenAttr is the value of tok's attribute key.
func tokenAttr(tok xhtml.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// markdownEscape writes s to be read by Markdown as the text it is.
func markdownEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>&!#|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
