package anchor

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown's footnotes ([^1] in the text, [^1]: … below it) are read by
// glamour's goldmark without its footnote extension, which glamour gives no
// way to add, so they would be shown as written. The reader writes them as
// a browser shows them (Footnotes): each reference as [1], numbered in the
// order they are first referred to, and each note as a paragraph starting
// [1] where the article has it, after a rule when the notes end the article
// (as they mostly do). They stay where they are written so that the words
// on screen stay in the order of the article's plain text, and the plain
// text (PlainText) is of the Markdown so written: a passage reads
// "reference[1]" as the screen does, and is drawn whole.

// maxFootnoteMarks bounds the footnotes the reader rewrites: goldmark looks
// each reference up among all the notes, so an article of more [^ than this
// (a thousand notes and their references take 40 ms) shows them as written
// rather than keep its rendering waiting.
const maxFootnoteMarks = 2000

// footnoteParser reads Markdown as glamour does, and footnotes too.
var footnoteParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote)).Parser()

// footnote is a note's definition in the source: from the start of its
// first line to the end of its last line that is not blank, and where its
// label ([^label]: and the spaces after it) ends.
type footnote struct {
	start, label, end int
	index             int // goldmark's number; the reader's is its place among those shown
	node              *east.Footnote
}

// Footnotes rewrites md's footnotes as the reader shows them. A note is
// rewritten only when its label starts a line, not inside a quote; the
// references to another are left as they are, as is a note no reference
// refers to.
func Footnotes(md string) string {
	if marks := strings.Count(md, "[^"); marks == 0 || marks > maxFootnoteMarks {
		return md
	}
	src := []byte(md)
	doc := footnoteParser.Parse(text.NewReader(src))

	var list *east.FootnoteList
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*east.FootnoteList); ok && entering {
			list = l
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if list == nil {
		return md
	}

	// The notes referred to, where their definitions are.
	var notes []footnote
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		if fn, ok := c.(*east.Footnote); ok && fn.Index > 0 {
			if f, ok := findFootnote(src, fn); ok {
				notes = append(notes, f)
			}
		}
	}
	slices.SortFunc(notes, func(a, b footnote) int { return a.start - b.start })
	apart := notes[:0] // two notes never share a line
	for _, f := range notes {
		if len(apart) == 0 || f.start > apart[len(apart)-1].end {
			apart = append(apart, f)
		}
	}
	notes = apart
	if len(notes) == 0 {
		return md
	}
	// Numbered in the order goldmark numbered them, the order of their
	// first references; those not shown leave no gap.
	byIndex := slices.Clone(notes)
	slices.SortFunc(byIndex, func(a, b footnote) int { return a.index - b.index })
	shown := map[int]shownNote{} // by goldmark's number
	for i, f := range byIndex {
		shown[f.index] = shownNote{number: strconv.Itoa(i + 1), ref: []byte("[^" + string(f.node.Ref) + "]")}
	}

	edits := footnoteRefs(src, doc, shown) // the references in the text
	for i, f := range notes {
		var inside []Edit // and those in the note
		for _, r := range footnoteRefs(src, f.node, shown) {
			if r.From >= f.label && r.To <= f.end {
				inside = append(inside, Edit{r.From - f.start, r.To - f.start, r.With})
			}
		}
		note := `\[` + shown[f.index].number + `\] ` + dedentNote(ApplyEdits(md[f.start:f.end], inside)[f.label-f.start:])
		// A paragraph of its own, not the end of the one before it, nor
		// the start of the next: its label no longer marks it.
		if f.start > 0 && !blankBefore(md, f.start) {
			note = "\n" + note
		}
		if f.end < len(md) && !blankAt(md, f.end) {
			note += "\n"
		}
		if i == 0 && strings.TrimSpace(outside(md[f.start:], notes, f.start)) == "" {
			note = "\n---\n\n" + note // the notes end the article
		}
		edits = append(edits, Edit{f.start, f.end, note})
	}
	return ApplyEdits(md, edits)
}

// findFootnote finds the definition of fn in src: its label at the start
// of a line (after at most three spaces), and the lines after it that
// goldmark reads as part of it.
func findFootnote(src []byte, fn *east.Footnote) (footnote, bool) {
	label := []byte("[^" + string(fn.Ref) + "]:")
	pos := fn.Pos()
	if pos < 0 || pos >= len(src) || !bytes.HasPrefix(src[pos:], label) {
		return footnote{}, false
	}
	at := bytes.LastIndexByte(src[:pos], '\n') + 1
	if pos-at > 3 || strings.Trim(string(src[at:pos]), " ") != "" {
		return footnote{}, false
	}
	// The last line of its blocks: a line read lazily into its
	// paragraph is one too.
	last := 0
	_ = ast.Walk(fn, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeBlock {
			if lines := n.Lines(); lines.Len() > 0 {
				last = max(last, lines.At(lines.Len()-1).Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	f := footnote{start: at, label: pos + len(label), index: fn.Index, node: fn}
	for f.label < len(src) && (src[f.label] == ' ' || src[f.label] == '\t') {
		f.label++
	}
	// Its lines: blank, indented by four columns, or read lazily into its
	// paragraph; the blank ones at its end are not.
	end := lineEnd(src, at)
	for next := end; next < len(src); {
		l := src[next:lineEnd(src, next)]
		w, _ := util.IndentWidth(l, 0)
		blank := util.IsBlank(l)
		if !blank && w < 4 && next >= last {
			break
		}
		next = lineEnd(src, next)
		if !blank {
			end = next
		}
	}
	if end > f.label && src[end-1] == '\n' {
		end--
	}
	f.end = max(end, f.label)
	return f, true
}

// shownNote is a note the reader rewrites: the number it shows, and how a
// reference to it is written ([^label]).
type shownNote struct {
	number string
	ref    []byte
}

// footnoteRefs finds the references in n to the notes shown: each
// [^label] is written as [1].
func footnoteRefs(src []byte, n ast.Node, shown map[int]shownNote) []Edit {
	var edits []Edit
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Kind() == east.KindFootnoteList && c != n {
			return ast.WalkSkipChildren, nil // each note is looked at alone
		}
		l, ok := c.(*east.FootnoteLink)
		if !ok {
			return ast.WalkContinue, nil
		}
		note, ok := shown[l.Index]
		pos := l.Pos()
		if !ok || pos < 0 || pos >= len(src) {
			return ast.WalkContinue, nil
		}
		if src[pos] == '!' {
			pos++ // ![^1]: the ! is text
		}
		if bytes.HasPrefix(src[pos:], note.ref) {
			edits = append(edits, Edit{pos, pos + len(note.ref), `\[` + note.number + `\]`})
		}
		return ast.WalkContinue, nil
	})
	return edits
}

// dedentNote is a note's text after its label with the indentation of its
// lines that have one (four columns: what keeps them in the note) taken
// off, so that its paragraphs stay paragraphs, not code.
func dedentNote(note string) string {
	first, rest, ok := strings.Cut(note, "\n")
	if !ok {
		return note
	}
	var b strings.Builder
	b.WriteString(first)
	for line := range strings.Lines(rest) {
		b.WriteByte('\n')
		line = strings.TrimSuffix(line, "\n")
		if w, _ := util.IndentWidth([]byte(line), 0); w >= 4 {
			pos, padding := util.IndentPosition([]byte(line), 0, 4)
			line = strings.Repeat(" ", padding) + line[pos:]
		} else if strings.TrimSpace(line) == "" {
			line = ""
		}
		b.WriteString(line)
	}
	return b.String()
}

// outside is s, which starts at offset from of the source, without the
// notes in it.
func outside(s string, notes []footnote, from int) string {
	var b strings.Builder
	at := from
	for _, f := range notes {
		if f.start < at {
			continue
		}
		b.WriteString(s[at-from : f.start-from])
		at = f.end
	}
	b.WriteString(s[at-from:])
	return b.String()
}

// lineEnd is where the line of src at at ends, after its newline.
func lineEnd(src []byte, at int) int {
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		return at + i + 1
	}
	return len(src)
}

// blankBefore reports whether the line before the one starting at at is
// blank.
func blankBefore(md string, at int) bool {
	prev := strings.LastIndexByte(md[:at-1], '\n') + 1
	return strings.TrimSpace(md[prev:at]) == ""
}

// blankAt reports whether the line after the newline at at is blank.
func blankAt(md string, at int) bool {
	rest := md[at+1:]
	line, _, _ := strings.Cut(rest, "\n")
	return strings.TrimSpace(line) == ""
}

// Edit replaces md[From:To] with With.
type Edit struct {
	From, To int
	With     string
}

// ApplyEdits is md with edits made, in the order of the text; an edit that
// overlaps one before it, or is no span of md, is left out. The reader's rewriting of Markdown
// before glamour makes its edits so too.
func ApplyEdits(md string, edits []Edit) string {
	if len(edits) == 0 {
		return md
	}
	slices.SortFunc(edits, func(a, b Edit) int { return a.From - b.From })
	var b strings.Builder
	b.Grow(len(md))
	at := 0
	for _, e := range edits {
		if e.From < at || e.From > e.To || e.To > len(md) {
			continue
		}
		b.WriteString(md[at:e.From])
		b.WriteString(e.With)
		at = e.To
	}
	b.WriteString(md[at:])
	return b.String()
}
