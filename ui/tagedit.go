package ui

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store"
)

// The tag editor is a small box over the bottom of the screen with one line
// to type in: "+ukraine -draft taurus" adds ukraine and taurus (a bare name
// adds) and removes draft. Tab completes the word being typed, first from
// the suggestions (the tags of the articles most like this one), then from
// every tag in the library, most used first; tab again takes the next
// candidate. Both kinds of candidates are listed under the line.

// tagEditor is the tag editor's state; the root opens it on the selection,
// the current article or every article the filter matches, and applies it.
type tagEditor struct {
	open  bool
	input textinput.Model
	keys  inputKeyMap

	ids        []int64  // the articles to tag; none when tagging a query
	query      string   // the query whose articles to tag (T), else ""
	what       string   // what is being tagged, for the title
	has        []string // the tags the one article being tagged has
	suggestFor int64    // the article suggestions are for; 0 for none
	suggested  []string // nil until they arrive
	known      []string // every tag in the library, most used first

	// The keys (tagKey) of has and of known, in their order, and the set of
	// has's: made once, when the editor opens and when the library's tags
	// arrive, as an article may have a hundred thousand tags.
	hasKeys, knownKeys []string
	hasSet             map[string]bool

	// Completion: tab replaces the word being typed (from wordStart to the
	// cursor, in runes) with cands[candIndex]; -1 when not completing.
	cands     []string
	candIndex int
	wordStart int
}

func newTagEditor(st *styles) tagEditor {
	in := textinput.New()
	in.Prompt = st.glyphs.tagPrompt + " "
	in.Placeholder = "+add -remove"
	in.SetStyles(inputStyles(st))
	return tagEditor{input: in, keys: tagEditKeys(), candIndex: -1}
}

// start opens the editor, empty, on a target.
func (e *tagEditor) start(ids []int64, query, what string, has []string, suggestFor int64) tea.Cmd {
	e.open = true
	e.ids, e.query, e.what, e.has = ids, query, what, has
	e.hasKeys, e.hasSet = make([]string, len(has)), make(map[string]bool, len(has))
	for i, t := range has {
		e.hasKeys[i] = tagKey(t)
		e.hasSet[e.hasKeys[i]] = true
	}
	e.suggestFor, e.suggested = suggestFor, nil
	e.candIndex = -1
	e.input.SetValue("")
	return e.input.Focus()
}

func (e *tagEditor) close() {
	e.open = false
	e.input.Blur()
}

// setKnown takes the library's tags for completion, most used first.
func (e *tagEditor) setKnown(tags []store.Tag) {
	sorted := slices.Clone(tags)
	slices.SortStableFunc(sorted, func(a, b store.Tag) int { return cmp.Compare(b.Count, a.Count) })
	e.known, e.knownKeys = make([]string, len(sorted)), make([]string, len(sorted))
	for i, t := range sorted {
		e.known[i], e.knownKeys[i] = t.Name, tagKey(t.Name)
	}
}

// update handles a key that is not enter or esc: tab completes, anything
// else edits the line.
func (e *tagEditor) update(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "tab":
		e.complete(1)
		return nil
	case "shift+tab":
		e.complete(-1)
		return nil
	}
	e.candIndex = -1
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return cmd
}

// lineWords returns where the words of the editor's line are, in runes:
// white space separates them, except inside double quotes, which let a
// name hold spaces (+"long read"); inside quotes \" and \\ stand for a
// quote and a backslash, as in the query language.
func lineWords(line []rune) [][2]int {
	var words [][2]int
	start, quoted := -1, false
	for i := 0; i < len(line); i++ {
		r := line[i]
		if unicode.IsSpace(r) && !quoted {
			if start >= 0 {
				words = append(words, [2]int{start, i})
			}
			start = -1
			continue
		}
		if start < 0 {
			start = i
		}
		switch {
		case r == '"':
			quoted = !quoted
		case quoted && escaped(line, i):
			i++
		}
	}
	if start >= 0 {
		words = append(words, [2]int{start, len(line)})
	}
	return words
}

// escaped reports whether the rune at i, inside quotes, is a backslash
// that escapes the next: \" or \\. Any other backslash is itself.
func escaped(line []rune, i int) bool {
	return line[i] == '\\' && i+1 < len(line) && (line[i+1] == '"' || line[i+1] == '\\')
}

// splitWord reads one word of the line: its sign ('+', '-' or 0) and the
// name, its quotes and escapes read and a leading # dropped (as the
// library drops it); quoted reports whether any of it was in quotes.
func splitWord(w string) (sign rune, name string, quoted bool) {
	if w != "" && (w[0] == '+' || w[0] == '-') {
		sign, w = rune(w[0]), w[1:]
	}
	word := []rune(w)
	var b strings.Builder
	in := false
	for i := 0; i < len(word); i++ {
		switch {
		case word[i] == '"':
			in, quoted = !in, true
		case in && escaped(word, i):
			i++
			b.WriteRune(word[i])
		default:
			b.WriteRune(word[i])
		}
	}
	return sign, strings.TrimLeft(b.String(), "#"), quoted
}

// quoteTag writes a tag name as the line reads it back: in double quotes,
// with \" and \\ for a quote and a backslash, when it holds white space or
// a quote or starts with a sign.
func quoteTag(name string) string {
	if !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '"' }) &&
		!strings.HasPrefix(name, "+") && !strings.HasPrefix(name, "-") {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range name {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// word returns the word being typed: where it starts (in runes), its sign
// and what of its name is typed up to the cursor.
func (e tagEditor) word() (start int, sign rune, prefix string) {
	value := []rune(e.input.Value())
	pos := min(e.input.Position(), len(value))
	start = pos
	for _, w := range lineWords(value) {
		if w[0] < pos && pos <= w[1] {
			start = w[0]
		}
	}
	sign, prefix, _ = splitWord(string(value[start:pos]))
	return start, sign, prefix
}

// candidates lists the completions of the word being typed: the suggested
// tags, then the others, none twice, none already on the line, and for an
// addition none the article has; for a removal, the article's tags first.
func (e tagEditor) candidates() (suggested, others []string) {
	return e.firstCandidates(0)
}

// firstCandidates is candidates, the others limit at most (0 for all of
// them): what a line of chips shows.
func (e tagEditor) firstCandidates(limit int) (suggested, others []string) {
	start, sign, prefix := e.word()
	// The names on the line, but for the one being typed.
	typed := map[string]bool{}
	value := []rune(e.input.Value())
	for _, w := range lineWords(value) {
		if w[0] != start {
			_, name, _ := splitWord(string(value[w[0]:w[1]]))
			typed[tagKey(name)] = true
		}
	}

	lp := marks.FoldTag(prefix) // as typed: "long " is not "long"
	seen := map[string]bool{}
	// pick adds to out those of names (whose keys are keys, when known)
	// that are candidates, until it holds limit.
	pick := func(out, names, keys []string, skipHas bool, limit int) []string {
		for i, n := range names {
			if limit > 0 && len(out) >= limit {
				break
			}
			var l string
			if len(keys) == len(names) {
				l = keys[i]
			} else {
				l = tagKey(n)
			}
			if seen[l] || typed[l] || !strings.HasPrefix(l, lp) || skipHas && e.hasSet[l] {
				continue
			}
			seen[l] = true
			out = append(out, n)
		}
		return out
	}
	if sign == '-' {
		return nil, pick(pick(nil, e.has, e.hasKeys, false, limit), e.known, e.knownKeys, false, limit)
	}
	suggested = pick(nil, e.suggested, nil, true, 0)
	return suggested, pick(nil, e.known, e.knownKeys, true, limit)
}

// complete replaces the word being typed with the next (dir 1) or the
// previous (-1) candidate.
func (e *tagEditor) complete(dir int) {
	if e.candIndex < 0 {
		s, o := e.candidates()
		e.cands = append(s, o...)
		if len(e.cands) == 0 {
			return
		}
		e.wordStart, _, _ = e.word()
		e.candIndex = 0
		if dir < 0 {
			e.candIndex = len(e.cands) - 1
		}
	} else {
		e.candIndex = (e.candIndex + dir + len(e.cands)) % len(e.cands)
	}
	value := []rune(e.input.Value())
	pos := min(e.input.Position(), len(value))
	sign := ""
	if w := value[e.wordStart:pos]; len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		sign = string(w[0])
	}
	repl := []rune(sign + quoteTag(e.cands[e.candIndex]))
	next := slices.Concat(value[:e.wordStart], repl, value[pos:])
	e.input.SetValue(string(next))
	e.input.SetCursor(e.wordStart + len(repl))
}

// tagWord is one word of the editor's line, read.
type tagWord struct {
	sign   rune // '+', '-' or 0: a bare name adds
	name   string
	quoted bool
}

// tagWords reads the words of the editor's line.
func tagWords(s string) []tagWord {
	line := []rune(s)
	var words []tagWord
	for _, w := range lineWords(line) {
		sign, name, quoted := splitWord(string(line[w[0]:w[1]]))
		words = append(words, tagWord{sign: sign, name: strings.TrimSpace(name), quoted: quoted})
	}
	return words
}

// parseTagEdits reads the editor's line: "+a -b c" adds a and c and removes
// b; a leading # is dropped; +"long read" is one name, +"say \"when\"" the
// name say "when"; a name given twice counts as last given.
func parseTagEdits(s string) (add, remove []string) {
	type edit struct {
		name string
		add  bool
	}
	var order []string
	edits := map[string]edit{}
	for _, w := range tagWords(s) {
		// As the library will store it: "été" typed with combining
		// accents is the tag typed with accented letters.
		names := feeds.NormalizeTags([]string{w.name})
		if len(names) == 0 {
			continue
		}
		ed := edit{name: names[0], add: w.sign != '-'}
		l := tagKey(ed.name)
		if _, ok := edits[l]; !ok {
			order = append(order, l)
		}
		edits[l] = ed
	}
	for _, l := range order {
		if ed := edits[l]; ed.add {
			add = append(add, ed.name)
		} else {
			remove = append(remove, ed.name)
		}
	}
	return add, remove
}

// splitRemoval finds a tag with spaces that the line removes unquoted: in
// -Long Read, the - takes Long alone, and Read, bare, is added. It looks
// for the first removal of a name none of tags is whose bare words after
// it, joined with it, name one of tags (in any case, however spaced), and
// returns the words as typed and that tag: the longest when several are.
func splitRemoval(s string, tags []string) (typed []string, tag string, ok bool) {
	key := tagKey // in any case, however spaced
	byKey := make(map[string]string, len(tags))
	for _, t := range tags {
		byKey[key(t)] = t
	}
	words := tagWords(s)
	for i, w := range words {
		if _, has := byKey[key(w.name)]; w.sign != '-' || w.quoted || w.name == "" || has {
			continue
		}
		joined := w.name
		for j := i + 1; j < len(words) && words[j].sign == 0 && !words[j].quoted && words[j].name != ""; j++ {
			joined += " " + words[j].name
			if t, has := byKey[key(joined)]; has {
				typed, tag, ok = nil, t, true
				for _, t := range words[i : j+1] {
					typed = append(typed, t.name)
				}
			}
		}
		if ok {
			return typed, tag, true
		}
	}
	return nil, "", false
}

// describeEdit says what a line does, as the line would say it:
// +ukraine -draft +"long read".
func describeEdit(add, remove []string) string {
	var parts []string
	for _, t := range add {
		parts = append(parts, "+"+quoteTag(oneLine(t)))
	}
	for _, t := range remove {
		parts = append(parts, "-"+quoteTag(oneLine(t)))
	}
	return strings.Join(parts, " ")
}

// editTags applies additions and removals to a list of tag names, as the
// library will: case-insensitively, an existing tag keeping its spelling,
// sorted without regard to case.
func editTags(tags, add, remove, known []string) []string {
	out := slices.Clone(tags)
	for _, a := range add {
		l := tagKey(a)
		if slices.ContainsFunc(out, func(t string) bool { return tagKey(t) == l }) {
			continue
		}
		if i := slices.IndexFunc(known, func(t string) bool { return tagKey(t) == l }); i >= 0 {
			a = known[i]
		}
		out = append(out, a)
	}
	out = slices.DeleteFunc(out, func(t string) bool {
		return slices.ContainsFunc(remove, func(r string) bool { return tagKey(r) == tagKey(t) })
	})
	store.SortTagNames(out) // as the library will list them
	return out
}

// editorInner is the width inside the editor's box on a screen width
// cells wide.
func editorInner(width int, st *styles) int {
	return max(min(width, 80)-st.box.GetHorizontalFrameSize(), 10)
}

// setWidth fits the line to the box on a screen width cells wide.
func (e *tagEditor) setWidth(width int, st *styles) {
	setInputWidth(&e.input, max(editorInner(width, st)-ansi.StringWidth(e.input.Prompt)-1, 1)) // and the cursor
}

// View draws the editor's box, width cells wide at most, over a screen
// height lines high (0 when not known). On a screen too short for all of it,
// the box leaves the footer in sight and keeps its border, as the note
// editor's does: its rows give way, the library's tags first, then the
// suggestions, the tags on the article and the title; the line typed in
// stays.
func (e tagEditor) View(width, height int, st *styles) string {
	inner := editorInner(width, st)
	type row struct {
		line string
		keep int // the row with the least goes first
	}
	rows := []row{{st.header.Render(ansi.Truncate("Tag "+e.what, inner, "…")), 4}}
	if len(e.has) > 0 {
		rows = append(rows, row{chipLine("on it", e.has, "", inner, st), 3})
	}
	rows = append(rows, row{ansi.Truncate(e.input.View(), inner, ""), 5})

	// No more chips than fit on a line (and one for the "…"), found in a
	// library of any size.
	shown := inner/2 + 2
	suggested, others := e.firstCandidates(shown)
	active := ""
	if e.candIndex >= 0 && e.candIndex < len(e.cands) {
		active = e.cands[e.candIndex]
		// While completing, the candidates stay those of the word as it
		// was typed.
		suggested, others = nil, nil
		for _, c := range e.cands {
			if len(others) == shown {
				break // the suggested come first
			}
			if slices.Contains(e.suggested, c) {
				suggested = append(suggested, c)
			} else {
				others = append(others, c)
			}
		}
	}
	if e.suggestFor != 0 {
		switch {
		case e.suggested == nil:
			rows = append(rows, row{st.inputHint.Render(fit("suggested  …", inner)), 2})
		default:
			rows = append(rows, row{chipLine("suggested", suggested, active, inner, st), 2})
		}
	}
	rows = append(rows, row{chipLine("tags", others, active, inner, st), 1})

	if height > 0 {
		// The footer's line stays; the status line's may go.
		room := max(height-1-st.box.GetVerticalFrameSize(), 1)
		for len(rows) > room {
			least := 0
			for i, r := range rows {
				if r.keep < rows[least].keep {
					least = i
				}
			}
			rows = slices.Delete(rows, least, least+1)
		}
	}
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = r.line
		if w := ansi.StringWidth(r.line); w < inner {
			lines[i] += strings.Repeat(" ", inner-w)
		}
	}
	return st.box.Render(strings.Join(lines, "\n"))
}

// chipLabelWidth is how wide the label before a line of chips is: a column
// of 10 cells, but on a narrow box only the label and a space, which leaves
// a chip room.
func chipLabelWidth(label string, width int) int {
	if width < 30 {
		return ansi.StringWidth(label) + 1
	}
	return 10
}

// chipLine draws a label and tag chips in one line of width cells, the
// active one reversed, a chip too long for the line shortened (fitChips),
// "…" when they do not all fit.
func chipLine(label string, names []string, active string, width int, st *styles) string {
	head := fit(label, chipLabelWidth(label, width))
	b := strings.Builder{}
	b.WriteString(st.inputHint.Render(head))
	used := ansi.StringWidth(head)
	if len(names) == 0 {
		b.WriteString(st.inputHint.Render(ansi.Truncate("—", max(width-used, 0), "")))
		return b.String()
	}
	chips, w := fitChips(names, width-used, func(int) int { return 2 })
	for i, chip := range chips {
		if i > 0 {
			b.WriteString(" ")
		}
		style := st.tagStyle(names[i])
		if names[i] == active {
			style = style.Inherit(st.candidate).Reverse(true)
		}
		b.WriteString(style.Render(chip))
	}
	if len(chips) < len(names) && used+w+2 <= width {
		b.WriteString(st.inputHint.Render(" …"))
	}
	return b.String()
}

// setInputWidth gives a text input a width and shows as much of its text
// as now fits: widened, it shows again what it had scrolled out of sight.
func setInputWidth(in *textinput.Model, width int) {
	in.SetWidth(width)
	in.SetCursor(in.Position())
}

// place puts a box over the screen, centred, its bottom on line bottom. A
// box larger than the screen (a terminal of a few cells) is cut to it.
func place(screen, box string, width, bottom int) string {
	if lines := strings.Split(box, "\n"); lipgloss.Width(box) > width || len(lines) > lineCount(screen) {
		lines = lines[:min(len(lines), lineCount(screen))]
		for i, l := range lines {
			lines[i] = ansi.Truncate(l, width, "")
		}
		box = strings.Join(lines, "\n")
	}
	x := max((width-lipgloss.Width(box))/2, 0)
	y := max(bottom-lipgloss.Height(box), 0)
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(screen),
		lipgloss.NewLayer(box).X(x).Y(y).Z(1),
	).Render()
}
