package feeds

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"tidings/feeds/marks"
)

// parseMarkdownFile reads a Markdown article with optional front matter
// (title, date, source, url, author, tags, id...; and feed, added and
// rule_tags, as tidings' own export writes them): YAML between "---"
// lines, Hugo's TOML between "+++" lines, or Hugo's JSON object. Without
// a title the first "# heading" is the title, then the first sentence
// (Normalize). Without a date, a file named as Jekyll names posts
// ("2023-05-17-a-post.md", name being the path) is dated by its name. A
// file that is not UTF-8 is read as Windows-1252 (textUTF8), with a
// warning. A picture written into its own address (a data: URI) is its
// alt text (withoutDataImages).
//
// Front matter is read leniently: a file is never refused for it. Fields
// that are not YAML or not TOML are read line by line (TOML's "key =
// value" lines and YAML's "key: value" ones, between "+++" lines); a YAML block that
// is not fields (prose, a heading between two rules) stays in the body; a
// missing closing "---" or "+++" ends it after the fields at the top.
// Each of these is a warning.
//
// A file that reads otherwise now than an earlier tidings read it (in
// Windows-1252, a source that is a link, TOML front matter read line by
// line, YAML lines in it read) is found by the id it had then, among its
// former ids.
func parseMarkdownFile(data []byte, name string) (Article, error) {
	data = trimBOM(data)
	text, latin1 := textUTF8(data)
	var r mdReading
	art := r.read(string(text), name)
	withoutDataImages(&art)
	if latin1 {
		art.Warnings = append(art.Warnings, warnWindows1252)
	} else if n := invalidUTF8(text); n > 0 {
		art.Warnings = append(art.Warnings, warnInvalidUTF8(n))
	}
	if latin1 || r.changed {
		before := mdReading{legacy: true}
		addFormer(&art, before.read(string(data), name))
	}
	if r.yamlInTOML {
		before := mdReading{tomlOnly: true}
		addFormer(&art, before.read(string(text), name))
	}
	if r.laterRead {
		before := mdReading{former: true}
		addFormer(&art, before.read(string(text), name))
	}
	return art, nil
}

// mdReading is the reading of one Markdown file. With legacy, it reads it
// as tidings did before it read a source that is a link as the article's
// link, a wikilink as its name, and TOML front matter that is not TOML
// line by line; changed records that the file reads otherwise now. With
// tomlOnly, it reads TOML front matter that is not TOML as tidings did
// before it read the "key: value" lines in it (their fields were lost);
// yamlInTOML records that it read such a line. With former, it reads it
// as tidings did before it read front matter after blank lines
// (cutLeadingBlanks), Jekyll's and Hugo's highlight tags as code blocks
// (fenceHighlights) and the dates formerTime leaves unread; laterRead
// records that it read any of these. Each of legacy, tomlOnly and former
// reads as tidings did before, without these.
type mdReading struct {
	legacy     bool
	changed    bool
	tomlOnly   bool
	yamlInTOML bool
	former     bool
	laterRead  bool
}

// latest reports whether r reads as tidings reads now, not as it did
// before (legacy, tomlOnly, former).
func (r *mdReading) latest() bool { return !r.legacy && !r.tomlOnly && !r.former }

// time reads s, a date of the front matter, as parseTime reads it, or,
// reading as tidings did before, as formerTime does.
func (r *mdReading) time(s string) (time.Time, bool) {
	if !r.latest() {
		return formerTime(s)
	}
	t, ok := parseTime(s)
	if _, before := formerTime(s); ok && !before {
		r.laterRead = true
	}
	return t, ok
}

// read reads the Markdown file text, named name.
func (r *mdReading) read(text, name string) Article {
	var art Article
	if fenced, ok := cutLeadingBlanks(text); ok && r.latest() {
		text, r.laterRead = fenced, true
	}
	body := text
	if front, rest, closed, ok := cutBlock(text, "+++", "+++"); ok && (closed || !r.legacy) {
		// Hugo's TOML front matter, between two "+++" lines.
		if b, ok := r.tomlFrontMatter(front, rest, closed, &art); ok {
			body = b
		}
	} else if front, rest, ok := cutJSONFrontMatter(text); ok {
		// Hugo's JSON front matter: an object, its closing brace ending
		// its line.
		m, err := jsonFields(front)
		if err != nil {
			art.Warnings = append(art.Warnings, "JSON front matter: "+err.Error()+"; its fields were read line by line")
			m = looseJSON(front)
		}
		r.readFields(m, &art)
		body = rest
	} else if front, rest, ok := cutBrokenJSON(text); ok && !r.legacy {
		// JSON front matter that is not JSON on one line, or over lines
		// that do not open with "{" alone: what is wrong is said, and the
		// fields it holds are read as they stand.
		_, err := jsonFields(front)
		art.Warnings = append(art.Warnings, "JSON front matter: "+err.Error()+"; its fields were read as they stand")
		r.readFields(looseJSONObject(front), &art)
		body = rest
		r.changed = true
	} else if front, rest, closed, ok := cutFrontMatter(text); ok && closed {
		// YAML refuses text that is not UTF-8; it is repaired as the body
		// is (the reader warns).
		if err := r.readFrontMatter(strings.ToValidUTF8(front, "\uFFFD"), &art); err != nil {
			// Not fields at all: the block stays in the body, as Markdown
			// reads it (a rule, text, a rule).
			art.Warnings = append(art.Warnings, err.Error()+"; read as part of the body")
		} else {
			body = rest
		}
	} else if ok {
		// No closing "---": the fields at the top are the front matter,
		// if there are any; else the "---" is the body's first rule.
		if n := leadingFields(front); n > 0 {
			lines := strings.SplitAfter(front, "\n")
			head := strings.Join(lines[:n], "")
			art.Warnings = append(art.Warnings, fmt.Sprintf(
				"front matter line 1: not closed with \"---\"; it was read as ending at line %d", n+1))
			if err := r.readFrontMatter(strings.ToValidUTF8(head, "\uFFFD"), &art); err != nil {
				art.Warnings = append(art.Warnings, err.Error()+"; read as part of the body")
			} else {
				body = strings.Join(lines[n:], "")
			}
		}
	}
	var namedDate bool
	if art.Published.IsZero() {
		art.Published, namedDate = fileNameDate(name)
	}
	body = strings.ReplaceAll(body, "\r\n", "\n")
	if r.latest() {
		var fenced bool
		body, fenced = fenceHighlights(body)
		r.laterRead = r.laterRead || fenced
	}
	art.Title, body = r.titleHeading(body, art.Title)
	body, notes := r.cutNotes(body)
	if notes {
		art.Warnings = append(art.Warnings, "the notes exported after the article are not read back as notes (tidings export --format json carries them)")
	}
	art.Body = strings.TrimSpace(body)
	if namedDate && art.ExternalID == "" {
		// Imported undated before, it is found by the id it had then.
		undated := Article{Source: art.Source, Title: art.Title, URL: art.URL, Body: art.Body}
		Normalize(&undated)
		art.FormerIDs = append(art.FormerIDs, undated.ExternalID)
		art.FormerIDs = append(art.FormerIDs, undated.FormerIDs...)
	}
	return art
}

// cutLeadingBlanks cuts the blank lines (empty, or of spaces and tabs)
// off the start of text when front matter follows them: "---" or "+++"
// opening fields (fencesFields), or a JSON object's "{", as Hugo and Zola
// files may open. Text before that line, or none, leaves text as it is
// (ok false), and so does a rule after blank lines with no fields after
// it ("---", a title, "---"), which tidings read as text before.
func cutLeadingBlanks(text string) (fenced string, ok bool) {
	pos := 0
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) != "" {
			break
		}
		pos += len(line)
	}
	if pos == 0 || pos == len(text) {
		return text, false
	}
	rest := text[pos:]
	if fencesFields(rest) {
		return rest, true
	}
	if strings.HasPrefix(rest, "{") && !strings.HasPrefix(rest, "{{") {
		return rest, true
	}
	return text, false
}

// fencesFields reports whether text opens with front matter's fence,
// "---" (YAML) or "+++" (TOML), and a field of its language before the
// fence that closes it or the end of text: a "key: value" line
// (yamlField) or a "key = value" line or a table's header (tomlField).
// A "---" with prose after it is a rule, or a heading's underline.
func fencesFields(text string) bool {
	first, rest, _ := strings.Cut(text, "\n")
	fence := strings.TrimRight(first, " \t\r")
	field := map[string]*regexp.Regexp{"---": yamlField, "+++": tomlField}[fence]
	if field == nil {
		return false
	}
	for line := range strings.Lines(rest) {
		line = strings.TrimRight(line, " \t\r\n")
		if line == fence {
			return false
		}
		if field.MatchString(line) {
			return true
		}
	}
	return false
}

// yamlField is a line of YAML front matter that starts a field: a key,
// bare or quoted, a colon and a value or none ("title: A", "tags:").
var yamlField = regexp.MustCompile(`^(?:[^\s#:"'\-][^:]*|"[^"]*"|'[^']*'):(?:\s|$)`)

// tomlField is a line of TOML front matter that starts a field ("title =
// …") or a table ("[params]", "[[authors]]").
var tomlField = regexp.MustCompile(`^\s*(?:[\w."'-]+\s*=|\[)`)

// highlightOpen is the line that opens a block of code in Jekyll's
// Liquid, "{% highlight go linenos %}", or a Hugo shortcode,
// "{{< highlight go "linenos=table" >}}" or with "{{%": the language is
// the first word after "highlight", quoted or not, if any.
var highlightOpen = regexp.MustCompile(`^\s*(?:\{%-?\s*highlight\b(?:\s+"?([\w+#.-]+)"?)?[^%]*-?%\}|\{\{([<%])\s*highlight\b(?:\s+"?([\w+#.-]+)"?)?[^>%]*[>%]\}\})\s*$`)

// highlightClose is the line that closes a block highlightOpen opens:
// "{% endhighlight %}", "{{< /highlight >}}", "{{% /highlight %}}".
var highlightClose = regexp.MustCompile(`^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*/highlight\s*[>%]\}\})\s*$`)

// liquidRaw is Liquid's "{% raw %}" or "{% endraw %}", between which
// Jekyll shows the text as it stands.
var liquidRaw = regexp.MustCompile(`\{%-?\s*(?:end)?raw\s*-?%\}`)

// codeFence is a line that opens or closes a fenced code block.
var codeFence = regexp.MustCompile("^ {0,3}(```+|~~~+)")

// fenceHighlights writes the blocks of code Jekyll's and Hugo's highlight
// tags hold (highlightOpen to highlightClose, each alone on its line) as
// fenced code blocks in their language, so that their lines stay lines
// rather than flow into a paragraph. Liquid's raw tags inside are
// dropped, as Jekyll drops them, their text kept. Tags inside a raw
// region (rawAfter) are text, as Jekyll shows them: a block showing how
// a highlight tag is written is closed by its own tag, not the one it
// shows. Tags inside fenced code blocks or HTML's preformatted blocks
// (htmlBlockOpen), or never closed, stay as they are. fenced says body
// changed.
//
// Each line is looked at once or twice: a block is looked for past an
// opening tag, and once none closes, none is looked for again, as no
// later tag would find a close either.
func fenceHighlights(body string) (_ string, fenced bool) {
	lines := strings.SplitAfter(body, "\n")
	var b strings.Builder
	inFence, htmlClose := "", ""
	raw, unclosed := false, false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		rawBefore := raw
		raw = rawAfter(line, raw)
		switch {
		case htmlClose != "":
			if strings.Contains(strings.ToLower(line), htmlClose) {
				htmlClose = ""
			}
		case inFence != "":
			if m := codeFence.FindStringSubmatch(line); m != nil && m[1][0] == inFence[0] && len(m[1]) >= len(inFence) &&
				strings.TrimSpace(line[len(m[0]):]) == "" {
				inFence = ""
			}
		default:
			if m := codeFence.FindStringSubmatch(line); m != nil {
				inFence = m[1]
			} else if tag := htmlBlockOpen(line); tag != "" && !strings.Contains(strings.ToLower(line), "</"+tag+">") {
				htmlClose = "</" + tag + ">"
			}
		}
		var open []string
		if inFence == "" && htmlClose == "" && !rawBefore && !unclosed {
			open = highlightOpen.FindStringSubmatch(line)
		}
		end := -1
		if open != nil {
			end = highlightEnd(lines[i+1:])
			unclosed = end < 0
		}
		if end < 0 {
			b.WriteString(line)
			continue
		}
		code := highlightedCode(lines[i+1 : i+1+end])
		fence := codeFenceFor(code)
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		b.WriteString(indent + fence + open[1] + open[3] + "\n" + code + indent + fence + "\n")
		i += end + 1
		raw = false
		fenced = true
	}
	return b.String(), fenced
}

// highlightEnd is the index in lines, those after a highlight tag, of
// the tag that closes it: the first highlightClose outside a raw region;
// -1 for none.
func highlightEnd(lines []string) int {
	raw := false
	for i, line := range lines {
		if !raw && highlightClose.MatchString(line) {
			return i
		}
		raw = rawAfter(line, raw)
	}
	return -1
}

// rawAfter reports whether a Liquid raw region is open after line, given
// whether one was open before it (raw): "{% raw %}" opens one and the
// next "{% endraw %}" closes it; inside one, "{% raw %}" is text.
func rawAfter(line string, raw bool) bool {
	if !strings.Contains(line, "raw") {
		return raw
	}
	for _, tag := range liquidRaw.FindAllString(line, -1) {
		end := strings.Contains(tag, "endraw")
		switch {
		case !raw && !end:
			raw = true
		case raw && end:
			raw = false
		}
	}
	return raw
}

// htmlBlockOpen is the element a line opens a block of HTML whose text
// Markdown leaves as it stands with, as CommonMark reads "<pre", "<script",
// "<style" and "<textarea" at the start of a line: "" for none.
func htmlBlockOpen(line string) string {
	text := strings.TrimLeft(line, " ")
	if len(line)-len(text) > 3 || !strings.HasPrefix(text, "<") {
		return ""
	}
	for _, tag := range []string{"pre", "script", "style", "textarea"} {
		if len(text) < len(tag)+1 || !strings.EqualFold(text[1:len(tag)+1], tag) {
			continue
		}
		if rest := text[len(tag)+1:]; rest == "" || strings.ContainsRune(" \t\r\n>", rune(rest[0])) {
			return tag
		}
	}
	return ""
}

// highlightedCode is the lines of code between highlight tags, with
// Liquid's raw tags dropped (a line that held only such a tag with it),
// ending with a line break.
func highlightedCode(lines []string) string {
	var b strings.Builder
	for _, line := range lines {
		if liquidRaw.MatchString(line) {
			line = liquidRaw.ReplaceAllString(line, "")
			if strings.TrimSpace(line) == "" {
				continue
			}
		}
		b.WriteString(line)
	}
	code := b.String()
	if code != "" && !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	return code
}

// codeFenceFor is a fence of backticks longer than any run of them that
// starts a line of code, at least three, so that code cannot close it.
func codeFenceFor(code string) string {
	n := 3
	for line := range strings.Lines(code) {
		text := strings.TrimLeft(line, " ")
		if run := len(text) - len(strings.TrimLeft(text, "`")); run >= n {
			n = run + 1
		}
	}
	return strings.Repeat("`", n)
}

// fileNameDate is the date a file's name starts with, as Jekyll names
// posts: "2023-05-17-a-post.md" (YYYY-MM-DD and a dash).
func fileNameDate(path string) (time.Time, bool) {
	base := filepath.Base(path)
	if len(base) < len("2006-01-02-") || base[len("2006-01-02")] != '-' {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", base[:len("2006-01-02")])
	return t, err == nil
}

// NotesMarker is the line tidings' Markdown export writes before the notes
// it adds under an article; importing the file again stops the body there,
// so that the notes do not become part of the article.
const NotesMarker = "<!-- tidings: the reader's notes, not part of the article -->"

// notesHeading is the heading the export writes after NotesMarker.
const notesHeading = "## Notes"

// titleHeading reads the title heading ("# Title") that starts body: the
// title is title, or the heading's text when title is "", and the body goes
// on without the heading when it is the title's. A file that reads
// otherwise so than tidings read it before is marked changed.
func (r *mdReading) titleHeading(body, title string) (string, string) {
	t, b := cutTitleHeading(body, title, r.legacy)
	if !r.legacy {
		if lt, lb := cutTitleHeading(body, title, true); lt != t || lb != b {
			r.changed = true
		}
	}
	return t, b
}

// cutTitleHeading is titleHeading's reading. The first level-one heading
// is the title's when it comes first and is written as the export writes
// the title (TitleHeading, or "# " and the title as an earlier export wrote
// it), or reads as the title. Its text is read as CommonMark reads a
// heading: "# What's new in C#" is about C#. With legacy, as tidings read
// it before: the whole line as plain text, which took a "#" ending the
// title for the heading's closing one, so that the heading stayed in the
// body.
func cutTitleHeading(body, title string, legacy bool) (string, string) {
	line, rest := headingLine(body)
	if line == "" {
		return title, body
	}
	heading := headingText(line)
	if legacy {
		heading = plainText(line)
	}
	if title == "" {
		title = heading
	}
	own := heading != "" && (heading == title || heading == plainText(title))
	if !legacy {
		own = own || line == strings.TrimRight(TitleHeading(title), " \t") || line == "# "+title
	}
	if own && rest != "" {
		// The document's own title heading: the reader shows the title.
		body = rest
	}
	return title, body
}

// TitleHeading is the heading line tidings' Markdown export writes a title
// as, "# " and the title, with what Markdown would read otherwise escaped:
// a "#" ending it (a closing sequence to CommonMark, the heading of "Title
// #" being "Title"), markup ("*", "_", "`", "[", "<", an entity), and a
// block marker starting it ("- ", "1. ", "> ", "#"). A Markdown viewer then
// shows the title as it is, and an import reads the title in it.
func TitleHeading(title string) string {
	var b strings.Builder
	b.WriteString("# ")
	for i := 0; i < len(title); i++ {
		switch c := title[i]; {
		case c == '&' && entityAt(title, i):
			b.WriteString("&amp;")
		case escapedInHeading(title, i):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escapedInHeading reports whether title[i] is escaped in the title's
// heading: markup anywhere, a "#" first or last, a list item's or block
// quote's marker first, the "." or ")" after the digits a title starts
// with.
func escapedInHeading(title string, i int) bool {
	switch c := title[i]; c {
	case '\\', '`', '*', '_', '[', ']', '<', '~':
		return true
	case '#':
		return i == 0 || i == len(title)-1
	case '-', '+', '>':
		return i == 0
	case '.', ')':
		return i > 0 && i <= 9 && strings.Trim(title[:i], "0123456789") == ""
	}
	return false
}

// entityAt reports whether the "&" at s[i] starts what reads as a character
// reference ("&amp;", "&#35;", "&copy"), which a heading would show as the
// character.
func entityAt(s string, i int) bool {
	end := len(s)
	if next := strings.IndexByte(s[i+1:], '&'); next >= 0 {
		end = i + 1 + next
	}
	end = min(end, i+40) // longer than any reference's name
	return html.UnescapeString(s[i:end]) != s[i:end]
}

// cutNotes cuts the notes tidings' export writes after an article off body:
// they start at the last NotesMarker line that "## Notes" follows (or
// nothing, the notes taken out). notes says there were notes after it. A
// marker in the article's own text, which the export escapes
// (EscapeNotesMarkers), is read back as it was. A file that reads
// otherwise so than tidings read it before is marked changed.
func (r *mdReading) cutNotes(body string) (article string, notes bool) {
	article, notes = cutNotes(body, r.legacy)
	if !r.legacy {
		if la, ln := cutNotes(body, true); la != article || ln != notes {
			r.changed = true
		}
	}
	return article, notes
}

// cutNotes is the reading of mdReading.cutNotes; with legacy, as tidings
// read it before: up to the first marker, wherever it stood, the article's
// own text after it lost.
func cutNotes(body string, legacy bool) (article string, notes bool) {
	if legacy {
		i := strings.Index(body, NotesMarker)
		if i < 0 {
			return body, false
		}
		return body[:i], strings.TrimSpace(body[i+len(NotesMarker):]) != ""
	}
	for end := len(body); ; {
		i := strings.LastIndex(body[:end], NotesMarker)
		if i < 0 {
			return unescapeNotesMarkers(body), false
		}
		after := body[i+len(NotesMarker):]
		if (i == 0 || body[i-1] == '\n') && notesFollow(after) {
			return unescapeNotesMarkers(body[:i]), strings.TrimSpace(after) != ""
		}
		end = i
	}
}

// notesFollow reports whether what follows a NotesMarker is the notes the
// export writes: the rest of the marker's line blank, then the notes'
// heading, or nothing.
func notesFollow(after string) bool {
	line, rest, _ := strings.Cut(after, "\n")
	if strings.TrimSpace(line) != "" {
		return false
	}
	rest = strings.TrimLeft(rest, " \t\n")
	heading, _, _ := strings.Cut(rest, "\n")
	return rest == "" || strings.TrimRight(heading, " \t") == notesHeading
}

// notesMarkerSpaced matches NotesMarker with any number of spaces after its
// "<!--", one or more: the marker, and the marker as the export escapes it.
var notesMarkerSpaced = regexp.MustCompile(`<!-- +` + regexp.QuoteMeta(strings.TrimPrefix(NotesMarker, "<!-- ")))

// EscapeNotesMarkers writes each NotesMarker in s (an article's text, a
// note) with a space more after its "<!--", as it does the marker already
// so escaped, so that an import does not take it for the one before the
// exported notes, and reads it back as it was (unescapeNotesMarkers). It
// stays a comment, which Markdown does not show.
func EscapeNotesMarkers(s string) string {
	if !strings.Contains(s, notesMarkerTail) {
		return s
	}
	return notesMarkerSpaced.ReplaceAllStringFunc(s, func(m string) string { return "<!-- " + m[len("<!--"):] })
}

// unescapeNotesMarkers takes back what EscapeNotesMarkers added: a space
// from each marker with more than one after its "<!--".
func unescapeNotesMarkers(s string) string {
	if !strings.Contains(s, notesMarkerTail) {
		return s
	}
	return notesMarkerSpaced.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "<!--  ") {
			return "<!--" + m[len("<!-- "):]
		}
		return m
	})
}

// notesMarkerTail is NotesMarker after its "<!-- ".
var notesMarkerTail = strings.TrimPrefix(NotesMarker, "<!-- ")

// cutFrontMatter splits "---\n<yaml>\n---\n" off the start of text (the
// closing line may be "..." too). ok says text starts with "---"; closed,
// that a closing line ends the front matter. When it is not closed, front
// is the rest of the text after the first line.
func cutFrontMatter(text string) (front, rest string, closed, ok bool) {
	return cutBlock(text, "---", "---", "...")
}

// cutBlock splits a block that opens with a line reading open and closes
// with one of closers off the start of text.
func cutBlock(text, open string, closers ...string) (front, rest string, closed, ok bool) {
	first, after, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t\r") != open {
		return "", text, false, false
	}
	pos := 0
	for line := range strings.Lines(after) {
		if slices.Contains(closers, strings.TrimRight(line, " \t\r\n")) {
			return after[:pos], after[pos+len(line):], true, true
		}
		pos += len(line)
	}
	return after, "", false, true
}

// tomlFrontMatter reads TOML front matter, front, which rest follows,
// into art, and returns the body. Front matter that is not TOML is read
// line by line (looseTOML), with a warning; in legacy, it stays in the
// body with its "+++" lines (ok false). Front matter not closed with
// "+++" ends after the fields at the top (when there are none, it is no
// front matter).
func (r *mdReading) tomlFrontMatter(front, rest string, closed bool, art *Article) (body string, ok bool) {
	if !closed {
		n := leadingTOMLFields(front)
		if n == 0 {
			return "", false
		}
		lines := strings.SplitAfter(front, "\n")
		front, rest = strings.Join(lines[:n], ""), strings.Join(lines[n:], "")
		art.Warnings = append(art.Warnings, fmt.Sprintf(
			"front matter line 1: not closed with \"+++\"; it was read as ending at line %d", n+1))
		r.changed = true
	}
	m, err := tomlFields(front)
	switch {
	case err != nil && r.legacy:
		art.Warnings = append(art.Warnings, "TOML front matter: "+err.Error()+"; read as part of the body")
		return "", false
	case err != nil:
		art.Warnings = append(art.Warnings, "TOML front matter: "+err.Error()+"; its fields were read line by line")
		var yamlRead bool
		m, yamlRead = looseTOML(front, !r.tomlOnly)
		r.changed = true
		r.yamlInTOML = r.yamlInTOML || yamlRead
	}
	r.readFields(m, art)
	return rest, true
}

// tomlFields reads TOML front matter as the mapping readFields reads: each
// top-level key in the file's order, strings, numbers, booleans and dates
// as values, arrays as lists.
func tomlFields(front string) (*yaml.Node, error) {
	var fields map[string]any
	meta, err := toml.Decode(front, &fields)
	if pe, ok := errors.AsType[toml.ParseError](err); ok {
		// Its lines count from the front matter's first; the file's from
		// the "+++" before it.
		return nil, fmt.Errorf("line %d: %s", pe.Position.Line+1, pe.Message)
	}
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "toml: "))
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	lines := strings.Split(front, "\n")
	appendTOMLFields(m, fields, meta, func(key string) int { // of the front matter, from 1, as YAML's
		for i, l := range lines {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(l), key); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
				return i + 1
			}
		}
		return 1
	})
	return m, nil
}

// appendTOMLFields appends to m the fields of decoded TOML that readFields
// may read, lineOf telling the line of a key.
func appendTOMLFields(m *yaml.Node, fields map[string]any, meta toml.MetaData, lineOf func(key string) int) {
	for _, key := range meta.Keys() {
		name := key[0]
		switch {
		case len(key) == 2 && key[0] == "taxonomies" && (key[1] == "tags" || key[1] == "categories"):
			// Zola's tags: [taxonomies] tags = [...].
			name = key[1]
		case len(key) != 1:
			continue // inside a table: not a field tidings reads
		}
		v := fields[key[0]]
		if len(key) == 2 {
			table, _ := v.(map[string]any)
			v = table[key[1]]
		}
		value := &yaml.Node{Kind: yaml.ScalarNode, Line: lineOf(key[len(key)-1])}
		switch v := v.(type) {
		case []any:
			value.Kind = yaml.SequenceNode
			for _, item := range v {
				value.Content = append(value.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: tomlScalar(item), Line: value.Line})
			}
		case map[string]any:
			continue
		default:
			value.Value = tomlScalar(v)
			if _, isString := v.(string); isString {
				value.Style = yaml.DoubleQuotedStyle // a string, even "true"
			}
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name, Line: value.Line}, value)
	}
}

// tomlKeyLine matches a line of TOML that sets a key: its name (bare,
// quoted or dotted) and its value as it stands.
var tomlKeyLine = regexp.MustCompile(`^[ \t]*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)[ \t]*=[ \t]*(.*?)[ \t\r\n]*$`)

// tomlTableLine matches a TOML table header: "[taxonomies]", "[[x]]".
var tomlTableLine = regexp.MustCompile(`^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\]?[ \t\r\n]*(?:#.*)?$`)

// looseTOML reads front matter that is not TOML line by line, as a mapping
// readFields understands: each field, with the lines that follow it up to
// the next field or table (an array over several lines), is read as TOML
// of its own; a field that is not TOML even so, as "title = \"Broken",
// takes its value as it stands, without the quotes around it. With
// yamlLines, a "key: value" line (YAML written between "+++" lines), with
// the "- item" and indented lines below it, is a field too, read as
// looseFrontMatter reads YAML that is not YAML; yamlRead says there was
// one.
func looseTOML(front string, yamlLines bool) (m *yaml.Node, yamlRead bool) {
	m = &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	lines := strings.SplitAfter(front, "\n")
	table, tableName := "", ""
	for i := 0; i < len(lines); {
		if t := tomlTableLine.FindStringSubmatch(lines[i]); t != nil {
			table, tableName = lines[i], t[1]
			i++
			continue
		}
		k := tomlKeyLine.FindStringSubmatch(lines[i])
		if k == nil {
			if n := yamlFieldLines(lines[i:]); yamlLines && n > 0 {
				yamlRead = appendYAMLChunk(m, lines[i:i+n], i, tableName) || yamlRead
				i += n
				continue
			}
			i++ // neither a field nor a table: not read
			continue
		}
		j := i + 1
		for j < len(lines) && !tomlKeyLine.MatchString(lines[j]) && !tomlTableLine.MatchString(lines[j]) {
			j++
		}
		line := i + 1
		lineOf := func(string) int { return line }
		next := j
		ok := appendTOMLChunk(m, table+strings.Join(lines[i:j], ""), lineOf)
		if !ok && yamlLines {
			// The lines below may be YAML's fields, not this one's value.
			for y := i + 1; y < j; y++ {
				if yamlFieldLines(lines[y:]) > 0 {
					next = y
					ok = appendTOMLChunk(m, table+strings.Join(lines[i:y], ""), lineOf)
					break
				}
			}
		}
		if !ok && !appendTOMLChunk(m, table+lines[i], lineOf) {
			if name := looseTOMLName(strings.Trim(k[1], `"'`), tableName); name != "" {
				value := looseScalar(k[2], line)
				looseList(value, listField[strings.ToLower(name)])
				m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name, Line: line}, value)
			}
		}
		i = next
	}
	return m, yamlRead
}

// looseTOMLName is the name readFields knows a field of TOML front matter
// by, name being its key and table the table it is in (""): "" for a
// field inside a table, but for Zola's taxonomies' tags and categories.
func looseTOMLName(name, table string) string {
	if table == "taxonomies" || strings.HasPrefix(name, "taxonomies.") {
		name = strings.TrimPrefix(name, "taxonomies.")
		if name != "tags" && name != "categories" {
			return ""
		}
		return name
	}
	if table != "" || strings.Contains(name, ".") {
		return "" // inside a table
	}
	return name
}

// yamlFieldLines counts the lines at the start of lines that are one field
// of YAML: a "key: value" line, and the "- item" and indented lines below
// it that are not TOML; 0 when the first line is none.
func yamlFieldLines(lines []string) int {
	if len(lines) == 0 || frontField.FindStringSubmatch(strings.TrimRight(lines[0], " \t\r\n")) == nil {
		return 0
	}
	n := 1
	for _, l := range lines[1:] {
		trimmed := strings.TrimLeft(l, " \t")
		more := strings.TrimSpace(l) != "" && (trimmed != l || trimmed == "-" || strings.HasPrefix(trimmed, "- "))
		if !more || tomlKeyLine.MatchString(l) || tomlTableLine.MatchString(l) {
			break
		}
		n++
	}
	return n
}

// appendYAMLChunk appends to m the field that chunk (yamlFieldLines), the
// lines of front matter from the one of index from, sets, unless it is
// inside a table (looseTOMLName). It reports whether it appended one.
func appendYAMLChunk(m *yaml.Node, chunk []string, from int, table string) bool {
	f, _ := looseFrontMatter(strings.Join(chunk, ""))
	if f == nil {
		// An item or a line below the field that goes on no value.
		f, _ = looseFrontMatter(chunk[0])
	}
	if f == nil || len(f.Content) < 2 {
		return false
	}
	key, value := f.Content[0], f.Content[1]
	if key.Value = looseTOMLName(key.Value, table); key.Value == "" {
		return false
	}
	shiftLines(key, from)
	shiftLines(value, from)
	m.Content = append(m.Content, key, value)
	return true
}

// shiftLines adds by to the line of n and of the nodes in it.
func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

// appendTOMLChunk appends to m the fields of chunk, a part of TOML front
// matter, if it is TOML.
func appendTOMLChunk(m *yaml.Node, chunk string, lineOf func(string) int) bool {
	var fields map[string]any
	meta, err := toml.Decode(chunk, &fields)
	if err != nil {
		return false
	}
	appendTOMLFields(m, fields, meta, lineOf)
	return true
}

// leadingTOMLFields counts the lines at the top of text that are fields of
// TOML front matter that tidings reads ("title = ...", and the lines of an
// array that goes on below its field's): the front matter of a file whose
// closing "+++" is missing.
func leadingTOMLFields(text string) int {
	n, open := 0, false
	for line := range strings.Lines(text) {
		if open {
			n++
			open = !strings.Contains(line, "]")
			continue
		}
		k := tomlKeyLine.FindStringSubmatch(line)
		if k == nil || !knownField[strings.ToLower(strings.Trim(k[1], `"'`))] {
			break
		}
		n++
		open = strings.HasPrefix(k[2], "[") && !strings.Contains(k[2], "]")
	}
	return n
}

// cutJSONFrontMatter splits Hugo's JSON front matter, an object, off the
// start of text: the object ends its line. An object that is not JSON
// (a comma too many) is front matter when it opens with a line of "{"
// alone and ends at the first line of "}" alone, every line between
// starting as JSON does; else it is text.
func cutJSONFrontMatter(text string) (front, rest string, ok bool) {
	if !strings.HasPrefix(text, "{") || strings.HasPrefix(text, "{{") {
		return "", text, false // not an object, or a Hugo shortcode
	}
	dec := json.NewDecoder(strings.NewReader(text))
	var obj json.RawMessage
	if err := dec.Decode(&obj); err == nil {
		end := int(dec.InputOffset())
		line, next, _ := strings.Cut(text[end:], "\n")
		if strings.TrimSpace(line) != "" {
			return "", text, false // prose after it: no front matter
		}
		return text[:end], next, true
	}
	first, _, _ := strings.Cut(text, "\n")
	if strings.TrimSpace(first) != "{" {
		return "", text, false
	}
	pos := len(first) + 1
	for line := range strings.Lines(text[min(pos, len(text)):]) {
		pos += len(line)
		switch t := strings.TrimSpace(line); {
		case t == "}":
			return text[:pos], text[pos:], true
		case t != "" && !strings.ContainsRune(`"[]{},-0123456789`, rune(t[0])) && !jsonLiteral.MatchString(t):
			return "", text, false // prose
		}
	}
	return "", text, false
}

// brokenJSONStart matches the start of an object's first field: "{" and
// a quoted name with a colon after it.
var brokenJSONStart = regexp.MustCompile(`^\{[ \t\r\n]*"(?:[^"\\\n]|\\.)*"[ \t\r\n]*:`)

// cutBrokenJSON splits front matter that looks like JSON but is not off the
// start of text (cutJSONFrontMatter takes what is JSON): an object whose
// first field has a quoted name, up to the brace that closes it, which ends
// its line ("{"title": "A", "tags": ["a"],}", or one nested too deep).
// Strings are passed over; the braces and brackets of any kind are
// counted, however deep.
func cutBrokenJSON(text string) (front, rest string, ok bool) {
	if !brokenJSONStart.MatchString(text) {
		return "", text, false
	}
	depth := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '"':
			end := jsonStringEnd(text, i)
			if end < 0 {
				return "", text, false
			}
			i = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth > 0 {
				continue
			}
			line, next, _ := strings.Cut(text[i+1:], "\n")
			if strings.TrimSpace(line) != "" {
				return "", text, false // prose after it: no front matter
			}
			return text[:i+1], next, true
		}
	}
	return "", text, false
}

// jsonStringEnd is the index just past the JSON string that starts at
// text[i] (a quote), or -1 when no quote closes it.
func jsonStringEnd(text string, i int) int {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// looseJSONObject reads the fields of front, an object that is not JSON
// (cutBrokenJSON), as a mapping readFields understands: each field of the
// object itself, a string or a literal (a number, true) as its value, a
// list as the strings and literals in it; objects, lists in lists, and
// whatever is not JSON (a comma too many or too few) are passed over. It
// stops at what is no field at all.
func looseJSONObject(front string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	// Lines as jsonFields counts them, from 0; i only goes on.
	newlines, counted := 0, 0
	lineAt := func(i int) int {
		newlines += strings.Count(front[counted:i], "\n")
		counted = i
		return newlines
	}
	i := 1 // past the "{"
	skip := func() {
		for i < len(front) && strings.IndexByte(" \t\r\n,", front[i]) >= 0 {
			i++
		}
	}
	for {
		skip()
		if i >= len(front) || front[i] != '"' {
			return m // the closing "}", or no field
		}
		key, next, ok := looseJSONString(front, i)
		if !ok {
			return m
		}
		i = next
		skip()
		if i >= len(front) || front[i] != ':' {
			return m
		}
		i++
		skip()
		if i >= len(front) {
			return m
		}
		line := lineAt(i)
		value := &yaml.Node{Kind: yaml.ScalarNode, Line: line}
		switch front[i] {
		case '"':
			value.Value, i, ok = looseJSONString(front, i)
			value.Style = yaml.DoubleQuotedStyle // a string, even "true"
			if !ok {
				return m
			}
		case '[':
			value.Kind = yaml.SequenceNode
			for i++; ; {
				skip()
				if i >= len(front) || front[i] == ']' || front[i] == '}' {
					if i < len(front) && front[i] == ']' {
						i++
					}
					break
				}
				var item string
				switch front[i] {
				case '"':
					if item, i, ok = looseJSONString(front, i); !ok {
						return m
					}
				case '[', '{':
					i = skipJSONNested(front, i)
					continue
				default:
					item, i = looseJSONLiteral(front, i)
				}
				value.Content = append(value.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: item, Line: line})
			}
		case '{':
			i = skipJSONNested(front, i)
			continue // an object: not a field tidings reads
		default:
			value.Value, i = looseJSONLiteral(front, i)
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key, Line: line}, value)
	}
}

// looseJSONString is the JSON string starting at front[i] (a quote),
// unescaped as far as it can be, and the index past it; ok is false when
// no quote closes it.
func looseJSONString(front string, i int) (s string, next int, ok bool) {
	end := jsonStringEnd(front, i)
	if end < 0 {
		return "", len(front), false
	}
	if err := json.Unmarshal([]byte(front[i:end]), &s); err != nil {
		s = front[i+1 : end-1]
	}
	return s, end, true
}

// looseJSONLiteral is the literal (a number, true, null as "") starting at
// front[i], up to a comma, a closing bracket or brace or the line's end,
// and the index past it.
func looseJSONLiteral(front string, i int) (string, int) {
	end := i
	for end < len(front) && strings.IndexByte(",]}\n", front[end]) < 0 {
		end++
	}
	v := strings.TrimSpace(front[i:end])
	if v == "null" {
		v = ""
	}
	return v, end
}

// skipJSONNested is the index past the list or object starting at
// front[i], however deep, its strings passed over.
func skipJSONNested(front string, i int) int {
	depth := 0
	for ; i < len(front); i++ {
		switch front[i] {
		case '"':
			if end := jsonStringEnd(front, i); end > 0 {
				i = end - 1
			} else {
				return len(front)
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// jsonLiteral matches a line of JSON that is a literal in a list.
var jsonLiteral = regexp.MustCompile(`^(true|false|null),?$`)

// jsonFields reads JSON front matter as the mapping readFields reads: each
// key in the object's order, strings, numbers and booleans as values,
// arrays as lists. The lines of its nodes are the file's less one, as
// YAML's after a "---" line are.
func jsonFields(front string) (*yaml.Node, error) {
	dec := json.NewDecoder(strings.NewReader(front))
	dec.UseNumber()
	lineAt := func(off int64) int { return strings.Count(front[:min(int(off), len(front))], "\n") }
	fail := func(err error) (*yaml.Node, error) {
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			return nil, fmt.Errorf("line %d: %s", lineAt(se.Offset)+1, syntaxReason(se))
		}
		return nil, fmt.Errorf("line %d: %v", lineAt(dec.InputOffset())+1, err)
	}
	if _, err := dec.Token(); err != nil { // the "{"
		return fail(err)
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		line := lineAt(dec.InputOffset())
		var v any
		if err := dec.Decode(&v); err != nil {
			return fail(err)
		}
		value := &yaml.Node{Kind: yaml.ScalarNode, Line: line}
		switch v := v.(type) {
		case []any:
			value.Kind = yaml.SequenceNode
			for _, item := range v {
				if s, ok := jsonScalar(item); ok {
					value.Content = append(value.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: s, Line: line})
				}
			}
		case string:
			value.Value, value.Style = v, yaml.DoubleQuotedStyle // a string, even "true"
		default:
			s, ok := jsonScalar(v)
			if !ok {
				continue // an object: not a field tidings reads
			}
			value.Value = s
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: fmt.Sprint(key), Line: line}, value)
	}
	if _, err := dec.Token(); err != nil { // the "}"
		return fail(err)
	}
	return m, nil
}

// jsonScalar is a JSON value other than an object or array as front
// matter's text; null is "".
func jsonScalar(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", true
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// jsonFieldLine matches a line of JSON front matter that sets a field:
// its name and its value as it stands, without a comma after it.
var jsonFieldLine = regexp.MustCompile(`^[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*:[ \t]*(.*?)[ \t]*,?[ \t\r]*$`)

// looseJSON reads JSON front matter that is not JSON line by line, as a
// mapping readFields understands: a line ` "name": value,` is a field,
// its value taken as it stands, without the quotes around it; "[a, b]" is
// a list.
func looseJSON(front string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	n := 0
	for line := range strings.Lines(front) {
		f := jsonFieldLine.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
		if f != nil {
			value := looseScalar(f[2], n)
			looseList(value, listField[strings.ToLower(f[1])])
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f[1], Line: n}, value)
		}
		n++
	}
	return m
}

// tomlScalar is a TOML value as front matter's text: a date in RFC 3339.
func tomlScalar(v any) string {
	switch v := v.(type) {
	case time.Time:
		return v.Format(time.RFC3339)
	default:
		return fmt.Sprint(v)
	}
}

// readFrontMatter reads the YAML front matter into art. A field of the
// wrong shape is a warning naming it; fields that are not YAML are read
// line by line, with a warning. The error says why there are no fields.
func (r *mdReading) readFrontMatter(front string, art *Article) error {
	var doc yaml.Node
	var m *yaml.Node
	switch err := yaml.Unmarshal([]byte(front), &doc); {
	case err != nil:
		// Hand-written front matter often is not YAML (`title: Oil: a
		// record`): its fields are read line by line, with a warning.
		line, reason := yamlError(err)
		where := "front matter"
		if line > 0 {
			where = fmt.Sprintf("front matter line %d", line)
		}
		var ok bool
		if m, ok = looseFrontMatter(front); !ok {
			return fmt.Errorf("%s: not YAML (%s)", where, reason)
		}
		art.Warnings = append(art.Warnings, fmt.Sprintf("%s: not YAML (%s); its fields were read line by line", where, reason))
	case len(doc.Content) == 0:
		if strings.TrimSpace(front) != "" {
			// Only comments to YAML, as "# Heading" between two rules is.
			return errors.New("front matter holds nothing but comments")
		}
		return nil // empty front matter
	default:
		m = doc.Content[0]
	}
	if m.Kind != yaml.MappingNode {
		return fmt.Errorf("front matter line %d: not a list of fields", m.Line+1)
	}
	r.readFields(m, art)
	return nil
}

// readFields reads the fields of front matter, a mapping, into art. A field
// of the wrong shape is a warning naming it. A source that is a web
// address (Obsidian's Web Clipper's "source") is the article's link,
// unless a url gives one, and its host the source, unless a publisher or
// site names one; the brackets of a wikilink ("[[Anna Schmidt]]") go from
// authors and tags.
func (r *mdReading) readFields(m *yaml.Node, art *Article) {
	warn := func(n *yaml.Node, format string, args ...any) {
		art.Warnings = append(art.Warnings, fmt.Sprintf("front matter line %d: ", n.Line+1)+fmt.Sprintf(format, args...))
	}
	scalar := func(key string, n *yaml.Node) (string, bool) {
		if n.Kind != yaml.ScalarNode {
			warn(n, "%s should be a single value", key)
			return "", false
		}
		if r.null(n) {
			return "", true
		}
		return n.Value, true
	}
	flag := func(key string, n *yaml.Node) *bool {
		if r.null(n) {
			return nil
		}
		var b bool
		if err := n.Decode(&b); err != nil {
			warn(n, "%s should be true or false", key)
			return nil
		}
		return &b
	}
	var dated bool
	var created time.Time
	var createdAt string // where created was read, when tidings cannot write it
	var sourceLink, sourceHost string
	var ruleTagsAt *yaml.Node // the rule_tags field's value
	defer func() {
		if ruleTagsAt != nil {
			var left []string
			art.RuleTags, left = amongTags(art.RuleTags, art.Tags)
			switch {
			case len(left) == 1:
				warn(ruleTagsAt, "rule_tags: %s is not among tags; left out", left[0])
			case len(left) > 1:
				warn(ruleTagsAt, "rule_tags: %s are not among tags; left out", strings.Join(left, ", "))
			}
		}
		if !dated && !created.IsZero() {
			art.Published, art.publishedAt = created, createdAt
		}
		if sourceLink != "" {
			if art.URL == "" {
				art.URL = sourceLink
			}
			if art.Source == "" {
				art.Source = sourceHost
			}
		}
	}()
	names := func(key string, n *yaml.Node, split bool) []string {
		if r.null(n) {
			return nil
		}
		list, dropped := stringList(n, split, !r.legacy)
		switch {
		case n.Kind == yaml.MappingNode:
			warn(n, "%s should be a list or a single value", key)
		case dropped == 1:
			warn(n, "%s: 1 item that is not a single value was not read", key)
		case dropped > 1:
			warn(n, "%s: %d items that are not single values were not read", key, dropped)
		}
		if !r.legacy {
			for i, s := range list {
				list[i] = dropWikilinks(s)
			}
		}
		return list
	}
	fields := m.Content
	if !r.legacy {
		// Read before without them, a file with aliases is found by the
		// id it had then.
		var aliased bool
		fields, aliased = mappingFields(m)
		r.changed = r.changed || aliased
	}
	for i := 0; i+1 < len(fields); i += 2 {
		key, val := strings.ToLower(fields[i].Value), fields[i+1]
		switch key {
		case "title":
			art.Title, _ = scalar(key, val)
		case "date", "published", "pubdate", "published_at":
			if s, ok := scalar(key, val); ok && s != "" {
				if t, ok := r.time(s); ok {
					art.Published, dated = t, true
					art.publishedAt = unwritableAt(t, fmt.Sprintf("front matter line %d: %s", val.Line+1, key))
				} else {
					warn(val, "%s: cannot read %q as a date", key, s)
				}
			}
		case "created", "date_created", "creation_date":
			// Obsidian's and others' note dates: the date when none other
			// is given.
			if s, ok := scalar(key, val); ok && s != "" {
				if t, ok := r.time(s); ok {
					created = t
					createdAt = unwritableAt(t, fmt.Sprintf("front matter line %d: %s", val.Line+1, key))
				} else {
					warn(val, "%s: cannot read %q as a date", key, s)
				}
			}
		case "source", "publisher", "site":
			v, _ := scalar(key, val)
			if host := webHost(v); host != "" && !r.legacy {
				sourceLink, sourceHost = strings.TrimSpace(v), host
				r.changed = true
				continue
			}
			art.Source = v
		case "url", "link":
			art.URL, _ = scalar(key, val)
		case "feed":
			raw, _ := scalar(key, val)
			feed, refused := ImportedFeed(raw)
			if refused != "" {
				warn(val, "%s", refused)
			}
			art.FeedURL = feed
		case "added":
			// When the library it was exported from took it in.
			if s, ok := scalar(key, val); ok && s != "" {
				if t, ok := r.time(s); ok {
					art.Added = t
					art.addedAt = unwritableAt(t, fmt.Sprintf("front matter line %d: %s", val.Line+1, key))
				} else {
					warn(val, "%s: cannot read %q as a date", key, s)
				}
			}
		case "author", "authors", "by":
			art.Author = strings.Join(names(key, val, false), ", ")
		case "tags", "tag", "keywords", "categories":
			art.Tags = append(art.Tags, names(key, val, true)...)
		case "rule_tags":
			// Of the tags, those a tag rule set.
			art.RuleTags = append(art.RuleTags, names(key, val, true)...)
			ruleTagsAt = val
		case "id", "external_id", "guid":
			art.ExternalID, _ = scalar(key, val)
		case "read":
			art.Read = flag(key, val)
		case "starred":
			art.Starred = flag(key, val)
		case "retitled":
			if b := flag(key, val); b != nil {
				art.Retitled = *b
			}
		}
	}
}

// null reports whether n is YAML's null ("null", "~", or no value at all),
// which means the field gives nothing, as JSON's null does. With legacy it
// is never so: tidings read "null" and "~" as the words before; a file that
// holds one reads otherwise now.
func (r *mdReading) null(n *yaml.Node) bool {
	if !isNull(n) {
		return false
	}
	if r.legacy {
		return false
	}
	if n.Value != "" {
		r.changed = true
	}
	return true
}

// isNull reports whether n is YAML's null: unquoted "null", "Null",
// "NULL", "~", or nothing.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// amongTags splits an article's rule tags (those of its tags a tag rule
// set) into those among its tags, spelled as the tags spell them, and the
// others, which name no tag of the article.
func amongTags(ruleTags, tags []string) (among, left []string) {
	spelled := make(map[string]string, len(tags))
	for _, t := range NormalizeTags(tags) {
		spelled[marks.FoldTag(t)] = t
	}
	for _, r := range ruleTags {
		n := normalizeTag(r)
		if n == "" {
			continue
		}
		if t, ok := spelled[marks.FoldTag(n)]; ok {
			among = append(among, t)
		} else {
			left = append(left, n)
		}
	}
	return among, NormalizeTags(left)
}

// webHost is the host of s, without "www.", when s is an http or https
// address, else "".
func webHost(s string) string {
	s = strings.TrimSpace(s)
	if !hasPrefixFold([]byte(s), "http://") && !hasPrefixFold([]byte(s), "https://") {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// wikilink is an Obsidian link to a note, "[[Note]]" or "[[Note|shown]]".
var wikilink = regexp.MustCompile(`\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]`)

// dropWikilinks writes the wikilinks in s as the words they show: the
// note's name, or the text after its "|".
func dropWikilinks(s string) string {
	if !strings.Contains(s, "[[") {
		return s
	}
	return strings.TrimSpace(wikilink.ReplaceAllStringFunc(s, func(link string) string {
		m := wikilink.FindStringSubmatch(link)
		if strings.TrimSpace(m[2]) != "" {
			return strings.TrimSpace(m[2])
		}
		return strings.TrimSpace(m[1])
	}))
}

// stringList reads a YAML sequence of values, or one value, as a list of
// strings. With split, one value is split at its commas, else, when it has
// none, at its spaces, as Jekyll reads "tags: a b". An item that is an
// alias is the value it names; with nulls, an item that is YAML's null is
// none; dropped counts the items that are lists or mappings, which are not
// read.
func stringList(n *yaml.Node, split, nulls bool) (out []string, dropped int) {
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			c, _ = resolveAlias(c)
			switch {
			case c.Kind != yaml.ScalarNode:
				dropped++
			case nulls && isNull(c):
			case strings.TrimSpace(c.Value) != "":
				out = append(out, strings.TrimSpace(c.Value))
			}
		}
	case yaml.ScalarNode:
		parts := []string{n.Value}
		switch {
		case split && strings.Contains(n.Value, ","):
			parts = splitCommas(n.Value)
		case split:
			parts = strings.Fields(n.Value)
		}
		commas := split && strings.Contains(n.Value, ",")
		for _, p := range parts {
			if p = strings.TrimSpace(p); commas {
				p = strings.TrimSpace(unquote(p))
			}
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out, dropped
}

// splitCommas splits s, a list written on one line, at its commas
// outside quotes: an item that opens with a quote (quotePairs) runs to
// the quote that closes it before the next comma or the end, commas and
// all ("new york, ny", politics); its quotes go later (unquote). An item
// whose quote is not closed so runs to the next comma.
func splitCommas(s string) []string {
	var items []string
	for {
		item := s[:len(s)-len(strings.TrimLeft(s, " \t"))]
		rest := s[len(item):]
		n := quotedItemLen(rest)
		if n < 0 {
			n = strings.IndexByte(rest, ',')
		}
		if n < 0 || strings.IndexByte(rest[n:], ',') < 0 {
			return append(items, s)
		}
		comma := n + strings.IndexByte(rest[n:], ',')
		items = append(items, item+rest[:comma])
		s = rest[comma+1:]
	}
}

// quotedItemLen is the length of the quoted item s opens with: through
// the first closing quote after which only spaces come before a comma or
// the end; -1 when s opens with no quote, or with one not closed so.
func quotedItemLen(s string) int {
	for _, q := range quotePairs {
		if !strings.HasPrefix(s, q[0]) {
			continue
		}
		for i := len(q[0]); i < len(s); {
			j := strings.Index(s[i:], q[1])
			if j < 0 {
				break
			}
			end := i + j + len(q[1])
			if after := strings.TrimLeft(s[end:], " \t"); after == "" || after[0] == ',' {
				return end
			}
			i = end
		}
	}
	return -1
}

// quotePairs are the quotes that open and close an item of a list
// written on one line: straight, and curly as word processors write them.
var quotePairs = [][2]string{{`"`, `"`}, {"'", "'"}, {"“", "”"}, {"‘", "’"}, {"„", "“"}, {"«", "»"}}

// unquote is s, an item of a list split at its commas ("tags: politics,
// "new york""), without one pair of quotes around it: new york.
func unquote(s string) string {
	for _, q := range quotePairs {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return s[len(q[0]) : len(s)-len(q[1])]
		}
	}
	return s
}

// maxAliasChain is how many aliases in a row resolveAlias follows.
const maxAliasChain = 16

// resolveAlias is the node an alias ("*name") names, or n when it is
// none; aliased says n was one.
func resolveAlias(n *yaml.Node) (_ *yaml.Node, aliased bool) {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < maxAliasChain; i++ {
		n, aliased = n.Alias, true
	}
	return n, aliased
}

// mappingFields is the fields of the mapping m, keys and values one after
// the other, with YAML's aliases resolved: a value that is an alias
// ("source: *a") is the value it names, and a merge key ("<<: *defaults",
// "<<: [*a, *b]", "<<: {tags: [x]}") gives the fields of the mappings it
// names that m does not set itself, the nearer and the first named
// winning. Each mapping is merged once and an alias is followed one step
// (the items of a list named are read, not lists inside them), so
// aliases of aliases (a "billion laughs") cost no more than the nodes
// written. aliased says the fields read otherwise than without aliases.
func mappingFields(m *yaml.Node) (fields []*yaml.Node, aliased bool) {
	set := map[string]bool{}
	merged := map[*yaml.Node]bool{m: true}
	queue := []*yaml.Node{m}
	for len(queue) > 0 {
		mapping, own := queue[0], queue[0] == m
		queue = queue[1:]
		var fromHere []string
		for i := 0; i+1 < len(mapping.Content); i += 2 {
			key, _ := resolveAlias(mapping.Content[i])
			val, a := resolveAlias(mapping.Content[i+1])
			if key.Kind == yaml.ScalarNode && key.ShortTag() == "!!merge" {
				targets := []*yaml.Node{val}
				if val.Kind == yaml.SequenceNode {
					targets = val.Content
				}
				for _, t := range targets {
					if t, _ = resolveAlias(t); t.Kind == yaml.MappingNode && !merged[t] {
						merged[t] = true
						queue = append(queue, t)
						aliased = true
					}
				}
				continue
			}
			if !own && set[key.Value] {
				continue // the mapping that merges this one sets it
			}
			if a {
				// A warning about the value names the field's line.
				named := *val
				named.Line = mapping.Content[i+1].Line
				val, aliased = &named, true
			}
			fromHere = append(fromHere, key.Value)
			fields = append(fields, key, val)
		}
		for _, k := range fromHere {
			set[k] = true
		}
	}
	return fields, aliased
}

// yamlError reads a YAML error as the file's line it names (the front
// matter starts on line 2), 0 when it names none, and its reason.
func yamlError(err error) (line int, reason string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, reason, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n + 1, reason
			}
		}
	}
	return 0, msg
}

// frontField matches a line of front matter read without YAML: a field's
// name, and its value as it stands.
var frontField = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*))?$`)

// looseFrontMatter reads front matter that is not YAML line by line, as a
// mapping readFrontMatter understands: "name: value" takes the value as
// it stands (without the quotes around it), "name: [a, b]" a list, "- item"
// lines under a "name:" a list too, and indented lines go on the value
// before them. It is the front matter only when every line is one of
// those, a comment or blank, and one field is one tidings reads (ok);
// else it is prose, and stays in the body.
func looseFrontMatter(front string) (m *yaml.Node, ok bool) {
	m = &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	var last *yaml.Node // the value of the field before
	n := 0
	for line := range strings.Lines(front) {
		n++
		line = strings.TrimRight(line, " \t\r\n")
		trimmed := strings.TrimLeft(line, " \t")
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case last != nil && (trimmed == "-" || strings.HasPrefix(trimmed, "- ")) &&
			(last.Kind == yaml.SequenceNode || last.Value == ""):
			last.Kind, last.Style = yaml.SequenceNode, 0
			last.Content = append(last.Content, looseScalar(trimmed[1:], n))
			continue
		case last != nil && last.Kind == yaml.ScalarNode && trimmed != line:
			if last.Value == "" || blockIndicator.MatchString(last.Value) {
				last.Value = trimmed
			} else {
				last.Value += " " + trimmed
			}
			continue
		}
		f := frontField.FindStringSubmatch(line)
		if f == nil {
			return nil, false
		}
		ok = ok || knownField[strings.ToLower(f[1])]
		key := &yaml.Node{Kind: yaml.ScalarNode, Value: f[1], Line: n}
		last = looseScalar(f[2], n)
		if v := strings.TrimSpace(f[2]); listField[strings.ToLower(f[1])] && quotedApart(v) {
			// Items quoted one by one, split later (splitCommas).
			last = &yaml.Node{Kind: yaml.ScalarNode, Value: v, Line: n}
		}
		m.Content = append(m.Content, key, last)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		looseList(m.Content[i+1], listField[strings.ToLower(m.Content[i].Value)])
	}
	return m, ok
}

// looseList makes a value read without YAML that is written as a list,
// "[a, b]", a list of its items. A list left open, "[a, b" (not YAML, and
// why the front matter is read line by line), is a list too for a field
// that is one (open).
func looseList(n *yaml.Node, open bool) {
	v := n.Value
	if n.Kind != yaml.ScalarNode || n.Style != 0 || !strings.HasPrefix(v, "[") {
		return
	}
	closed := strings.HasSuffix(v, "]") && len(v) >= 2
	if !closed && !open {
		return
	}
	v = strings.TrimPrefix(v, "[")
	if closed {
		v = v[:len(v)-1]
	}
	n.Kind, n.Value = yaml.SequenceNode, ""
	for _, item := range strings.Split(v, ",") {
		n.Content = append(n.Content, looseScalar(item, n.Line))
	}
}

// blockIndicator is a YAML block scalar's header ("title: >"): the value
// is on the lines below.
var blockIndicator = regexp.MustCompile(`^[>|][+-]?[0-9]?$`)

// looseScalar is a value read without YAML: trimmed, without the quotes
// around it (then it is a string, never true or false), and a doubled
// quote inside single quotes read as one.
func looseScalar(v string, line int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: strings.TrimSpace(v), Line: line}
	v = n.Value
	switch {
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		n.Value, n.Style = strings.ReplaceAll(v[1:len(v)-1], "''", "'"), yaml.SingleQuotedStyle
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		n.Value, n.Style = v[1:len(v)-1], yaml.DoubleQuotedStyle
		if u, err := strconv.Unquote(v); err == nil {
			n.Value = u
		}
	case len(v) > 0 && (v[0] == '"' || v[0] == '\'') && !strings.ContainsRune(v[1:], rune(v[0])):
		n.Value, n.Style = strings.TrimSpace(v[1:]), yaml.DoubleQuotedStyle // a lone opening quote
	}
	return n
}

// quotedApart reports whether v, a value written on one line, opens and
// ends with a quote but the one it opens with closes before its end: the
// items of a list quoted one by one ("'a, b', 'c'"), not one quoted value
// (looseScalar) whose quotes go.
func quotedApart(v string) bool {
	if len(v) < 2 || (v[0] != '"' && v[0] != '\'') || v[len(v)-1] != v[0] {
		return false
	}
	for i := 1; i < len(v); i++ {
		switch {
		case v[0] == '"' && v[i] == '\\':
			i++ // an escaped character
		case v[i] == v[0] && v[0] == '\'' && i+1 < len(v)-1 && v[i+1] == '\'':
			i++ // '' is a quote within
		case v[i] == v[0]:
			return i != len(v)-1
		}
	}
	return false
}

// leadingFields counts the lines at the top of text that are fields of
// front matter that tidings reads ("title: ...", "tags:" and its "- item"
// lines): the front matter of a file whose closing "---" is missing.
func leadingFields(text string) int {
	n, list := 0, false
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, " \t\r\n")
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "- ") && list {
			n++
			continue
		}
		f := frontField.FindStringSubmatch(line)
		if f == nil || !knownField[strings.ToLower(f[1])] {
			break
		}
		list = strings.TrimSpace(f[2]) == ""
		n++
	}
	return n
}

// listField is the fields readFields reads as lists.
var listField = map[string]bool{
	"author": true, "authors": true, "by": true,
	"tags": true, "tag": true, "keywords": true, "categories": true, "rule_tags": true,
}

// knownField is the fields readFrontMatter reads.
var knownField = map[string]bool{
	"title": true, "date": true, "published": true, "pubdate": true, "published_at": true,
	"source": true, "publisher": true, "site": true, "url": true, "link": true, "feed": true,
	"author": true, "authors": true, "by": true, "tags": true, "tag": true, "keywords": true,
	"categories": true, "id": true, "external_id": true, "guid": true, "read": true,
	"starred": true, "retitled": true, "added": true, "rule_tags": true,
}

// firstHeading finds the first level-one ATX heading ("# Title") outside
// code blocks and returns its text, and the body without it when it is
// the first thing in the body ("" otherwise).
func firstHeading(body string) (heading, rest string) {
	line, rest := headingLine(body)
	if line == "" {
		return "", ""
	}
	return plainText(strings.TrimSpace(line)), rest
}

// headingLine finds the first level-one ATX heading ("# Title") outside
// code blocks and returns its line, without the spaces and line break
// that end it, and the body without it when it is the first thing in the
// body ("" otherwise). line is "" when there is none.
func headingLine(body string) (line, rest string) {
	fence := ""
	leading := true // nothing but blank lines so far
	pos := 0
	for l := range strings.Lines(body) {
		t := strings.TrimSpace(l)
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
		case strings.HasPrefix(l, "# ") || t == "#":
			if leading {
				rest = body[pos+len(l):]
			}
			return strings.TrimRight(l, " \t\r\n"), rest
		}
		if t != "" {
			leading = false
		}
		pos += len(l)
	}
	return "", ""
}

// headingText is a level-one heading's text as a title, read as CommonMark
// reads it: without the "#" that opens it and the run of "#" that closes
// it, which a space must come before ("# Learn C #" is "Learn C", "# C#"
// is "C#"), and with its escapes and markup read (plainText).
func headingText(line string) string {
	text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "#"))
	if open := strings.TrimRight(text, "#"); open == "" || strings.HasSuffix(open, " ") || strings.HasSuffix(open, "\t") {
		text = strings.TrimSpace(open)
	}
	return plainText(text)
}
