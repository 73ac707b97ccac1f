package ui

import (
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
	"tidings/store/query"
)

// The filter line: "/" opens it above the list with the list's query in
// it, and every keystroke that leaves a query that parses sets the list's
// query, read live (the word being typed is a prefix). A query that does
// not parse leaves the list as it was and shows why under the line, with a
// caret where the problem starts. Enter keeps the filter and gives the
// keyboard back to the list (the header shows the filter); esc clears it.

// filterModel is the filter line.
type filterModel struct {
	input   textinput.Model
	focused bool
	err     error  // why the text does not parse; nil when it does
	hint    string // what the line waits for, after the text; "" for nothing
	keys    inputKeyMap
}

// setHint says what the text waits for: the term an operator joins, a
// field's value, the third letter of a word, the rest of a field's name,
// the closing of a group or quote.
func (f *filterModel) setHint() {
	text := f.input.Value()
	word, field := store.PendingField(text)
	switch op, empty, w, c := store.DanglingOperator(text), store.EmptyField(text), store.PendingWord(text), store.Unclosed(text); {
	case op != "":
		f.hint = quoteQuery(op) + " waits for what it joins"
	case empty != "":
		f.hint = quoteQuery(empty) + " waits for its value"
	case w != "":
		// The list does not use the word yet: say so, or the list seems
		// to ignore it.
		f.hint = quoteQuery(w) + " counts from its 3rd letter, or on enter"
	case field != "":
		// "tag" is on its way to tag:, most likely: the list waits.
		f.hint = quoteQuery(word) + " may be " + field + "; a space or enter makes it a word"
	case c != "":
		f.hint = "enter closes it with " + quoteQuery(c)
	default:
		f.hint = ""
	}
}

func newFilterModel(st *styles) filterModel {
	in := textinput.New()
	in.Prompt = "/"
	in.SetStyles(inputStyles(st))
	return filterModel{input: in, keys: filterKeys()}
}

// inputStyles are the text inputs' styles: the theme's, with its cursor,
// which does not blink (a blinking cursor redraws the screen twice a
// second).
func inputStyles(st *styles) textinput.Styles {
	s := textinput.DefaultStyles(st.isDark)
	s.Cursor.Blink = false
	s.Cursor.Color = st.cursor
	s.Focused.Prompt = st.prompt
	s.Blurred.Prompt = st.prompt
	return s
}

// lines is how many lines the filter takes above the list.
func (f filterModel) lines() int {
	switch {
	case !f.focused:
		return 0
	case f.err != nil:
		return 2
	}
	return 1
}

// open gives the line the keyboard, holding the query text.
func (f *filterModel) open(text string) tea.Cmd {
	text = editableQuery(text)
	if text != "" && !strings.HasSuffix(text, " ") {
		// What is typed next is another word: "luftw*" and "affe" make
		// "luftw* affe", not "luftw*affe"; "tag:germany" and "war" make
		// "tag:germany war".
		text += " "
	}
	f.input.SetValue(text)
	f.input.CursorEnd()
	f.err = nil
	f.setHint()
	f.focused = true
	return f.input.Focus()
}

// editableQuery is a query as the filter line holds it: without escape
// sequences (gone whole: "lu\x1b[0mftwaffe" is "luftwaffe", where the line
// would keep "lu[0mftwaffe"), control characters and bidirectional
// overrides and isolates, which would act on the terminal or disguise the
// query, and without U+FFFD (what invalid UTF-8 becomes), which the line
// drops; tabs and line breaks are spaces, as the line makes them. The line
// then holds the query exactly: the query it shows is the query run. A
// query from config.toml, the library or the command line may hold any of
// them.
func editableQuery(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n':
			return ' '
		case utf8.RuneError:
			return -1
		}
		return r
	}, feeds.StripBidi(feeds.CleanText(s)))
}

// close takes the keyboard from the line.
func (f *filterModel) close() {
	f.focused = false
	f.err = nil
	f.input.Blur()
}

// read reads the line's text as the live filter does: what it waits for,
// and whether it is a query. A query being typed need not be finished:
// "(ferry OR kay" is read as "(ferry OR kay*)" and "ferry OR " as "ferry"
// (store.LiveQuery). It reports whether the line's height changed (an
// error shows under it).
func (f *filterModel) read() (resized bool) {
	f.setHint()
	text := f.input.Value()
	hadErr := f.err != nil
	_, err := query.Parse(text)
	if err != nil {
		if live := store.LiveQuery(text); live != text {
			if _, perr := query.Parse(live); perr == nil {
				err = nil
			}
		}
	}
	f.err = err
	return hadErr != (err != nil)
}

// refusal is why enter cannot keep the line's query, or "" when it can:
// kept, the line would show another query than the one typed.
func (f filterModel) refusal() string {
	switch text := f.input.Value(); {
	case f.err != nil:
		return "The query does not parse: mend it where the caret points, or esc clears it."
	case store.DanglingOperator(text) != "":
		return "The query ends with " + store.DanglingOperator(text) + ": type what it joins, or delete it."
	case store.EmptyField(text) != "":
		return "The query ends with " + quoteQuery(store.EmptyField(text)) + ": type its value, or delete it."
	}
	return ""
}

// kept is the query the line keeps on enter, as it was read: the word
// being typed a prefix ("luftw*"), however short ("war us*"), what was
// open closed ("(ferry OR kay*)").
func (f filterModel) kept() string {
	return store.KeptQuery(f.input.Value())
}

// openFilter gives the filter line the keyboard, holding the list's query.
func (m *Model) openFilter() tea.Cmd {
	cmd := m.filter.open(m.list.query.text)
	m.layout()
	return cmd
}

// closeFilter gives the keyboard back to the list.
func (m *Model) closeFilter() {
	m.filter.close()
	m.layout()
}

// handleFilterKey handles a key while the filter line has the keyboard: no
// other binding fires.
func (m *Model) handleFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case msg.String() == "esc":
		m.closeFilter()
		m.filter.input.SetValue("")
		return m.list.setQueryAround(listQuery{})
	case (msg.String() == "enter" || key.Matches(msg, m.filterSave())) && m.filter.refusal() != "":
		m.status, m.statusErr = m.filter.refusal(), true
		return nil
	case msg.String() == "enter":
		typed := m.filter.input.Value()
		cmd := m.keepFilter()
		m.noteElfeed(typed)
		return cmd
	case key.Matches(msg, m.filterSave()):
		// The save prompt takes the status line as the filter is kept.
		cmd := m.keepFilter()
		return tea.Batch(cmd, m.openSavePrompt())
	case msg.String() == "up":
		return m.list.move(-1)
	case msg.String() == "down":
		return m.list.move(1)
	}
	before := m.filter.input.Value()
	var cmd tea.Cmd
	m.filter.input, cmd = m.filter.input.Update(msg)
	if m.filter.input.Value() == before {
		return cmd
	}
	return tea.Batch(cmd, m.applyFilter(m.filter.input.Value()))
}

// keepFilter closes the filter line, keeping its query (enter refuses one
// that does not parse, and the line stays open), as it was read: the word
// being typed a prefix ("luftw*"), however short ("war us*"). What the line
// says is what the list shows from now on.
func (m *Model) keepFilter() tea.Cmd {
	parsed := m.filter.err == nil
	m.closeFilter()
	text := m.filter.input.Value()
	if cur := m.list.query; parsed && (cur.live || cur == listQuery{}) {
		// Kept, the query is read as written, no longer live: the list
		// reloads unless it already shows exactly that ("tag:t", live, showed
		// tag:t*).
		if kept := m.filter.kept(); kept != text || kept != cur.text || cur.live {
			m.filter.input.SetValue(kept)
			q := listQuery{text: kept}
			if strings.TrimSpace(kept) == "" {
				q = listQuery{}
			}
			return m.list.setQuery(q)
		}
	}
	if len(m.list.kept) > 0 {
		// The same query kept again lists what it finds now: the articles
		// read under it go (the list's refresh, as elfeed's g).
		m.list.kept = nil
		return tea.Batch(m.list.reload(), m.list.countCmd())
	}
	return nil
}

// handleFilterPaste types pasted text into the filter line.
func (m *Model) handleFilterPaste(msg tea.PasteMsg) tea.Cmd {
	msg.Content = strings.Join(strings.Fields(editableQuery(msg.Content)), " ")
	var cmd tea.Cmd
	m.filter.input, cmd = m.filter.input.Update(msg)
	return tea.Batch(cmd, m.applyFilter(m.filter.input.Value()))
}

// applyFilter shows the articles text matches, read live, unless it does
// not parse.
func (m *Model) applyFilter(text string) tea.Cmd {
	m.noteElfeed(text)
	// "ferry OR " is on its way to "ferry OR kayak": it waits, and the
	// list shows ferry meanwhile; "(ferry OR kay" shows what "(ferry OR
	// kay*)" finds.
	if m.filter.read() {
		m.layout()
	}
	if m.filter.err != nil {
		return nil
	}
	q := listQuery{text: text, live: true}
	if strings.TrimSpace(text) == "" {
		q = listQuery{}
	}
	if cur := m.list.query; (cur.live || cur == listQuery{}) && sameMeaning(q.text, cur.text) {
		// A key that does not change what the line means ("ukraine t":
		// a word too short to count yet) leaves the list as it is.
		return nil
	}
	return m.list.setQuery(q)
}

// noteElfeed says in the status line, when text is written in elfeed's
// filter syntax, that tidings searches it as words and what it writes
// instead (query.Hints): +unread finds the word unread, not the unread
// articles, and says nothing of it otherwise.
func (m *Model) noteElfeed(text string) {
	if line := query.HintLine(query.Hints(text)); line != "" {
		m.status, m.statusErr = line, false
	}
}

// sameMeaning reports whether two texts of the filter line, read live, find
// the same articles.
func sameMeaning(a, b string) bool {
	return strings.TrimSpace(store.LiveQuery(a)) == strings.TrimSpace(store.LiveQuery(b))
}

// setFilter shows a whole query's articles (a tag or a saved search from the
// tags panel), as if typed and kept: the query the line holds
// (editableQuery), which is the one the header and the panel show.
func (m *Model) setFilter(text string) tea.Cmd {
	q := m.wholeFilter(text)
	m.noteElfeed(q.text)
	return m.list.setQuery(q)
}

// wholeFilter puts a whole query in the filter line, as if typed and kept,
// and is the list's query for it: the query the line holds
// (editableQuery).
func (m *Model) wholeFilter(text string) listQuery {
	text = editableQuery(text)
	m.filter.input.SetValue(text)
	if strings.TrimSpace(text) == "" {
		return listQuery{}
	}
	return listQuery{text: text}
}

// filterView draws the filter line and, under it, a parse error with a
// caret at its column.
func (m Model) filterView() string {
	return m.filter.view(m.width, m.styles)
}

// view draws the line, width cells wide, with what it waits for after the
// text, or under it a parse error with a caret at its column: lines() lines.
func (f filterModel) view(width int, st *styles) string {
	line := ansi.Truncate(f.input.View(), width, "")
	if f.err == nil {
		if f.hint != "" {
			hint := st.inputHint.Render("  " + f.hint)
			// The line is padded to the width: the hint goes after the
			// text and the cursor.
			used := ansi.StringWidth(f.input.Prompt) + ansi.StringWidth(f.input.Value()) + 1
			if used+ansi.StringWidth(hint) <= width {
				line = ansi.Truncate(line, used, "") + hint
			}
		}
		return line
	}
	return line + "\n" + parseErrorLine(f.input.Value(), shownFrom(f.input.Value(), line, f.input.Prompt), f.err, width, st)
}

// shownFrom is where, in runes of text, the part of it a line drawn for it
// shows starts: the input scrolls a text wider than the screen. -1 when it
// cannot be told.
func shownFrom(text, line, prompt string) int {
	shown := []rune(strings.TrimRight(strings.TrimPrefix(ansi.Strip(line), prompt), " "))
	runes := []rune(text)
	if len(shown) == 0 || len(shown) > len(runes) {
		return 0
	}
	for start := len(runes) - len(shown); start >= 0; start-- {
		if slices.Equal(runes[start:start+len(shown)], shown) {
			return start
		}
	}
	return -1
}

// parseErrorLine points at the column where a query stops parsing and says
// why: "    ^ unexpected )", or the message first when it does not fit after
// the caret, else on the side with more room, cut short with …; width cells
// wide.
func parseErrorLine(text string, from int, err error, width int, st *styles) string {
	msg, pos := err.Error(), 0
	var qe *query.Error
	if errors.As(err, &qe) {
		msg, pos = qe.Msg, qe.Pos
	}
	col := -1
	if runes := []rune(text); pos > 0 && from >= 0 && pos-1 >= from {
		// After the prompt, in the part of the text the line shows.
		col = 1 + ansi.StringWidth(string(runes[from:min(pos-1, len(runes))]))
		if col >= width {
			col = -1 // scrolled out of sight
		}
	}
	msg = oneLine(msg)
	var line string
	switch {
	case col < 0:
		line = " " + msg
	case col+2+ansi.StringWidth(msg) <= width:
		line = strings.Repeat(" ", col) + "^ " + msg
	case ansi.StringWidth(msg)+1 <= col:
		line = strings.Repeat(" ", col-ansi.StringWidth(msg)-1) + msg + " ^"
	case col > width/2:
		// The side with more room, the message cut short there.
		lead := ansi.Truncate(msg, col-1, "…")
		line = strings.Repeat(" ", col-ansi.StringWidth(lead)-1) + lead + " ^"
	default:
		line = strings.Repeat(" ", col) + "^ " + msg // cut at the line's end
	}
	return st.statusErr.Render(ansi.Truncate(line, width, "…"))
}

// filterHelp is the key map the footer shows while the filter line has the
// keyboard.
func (m Model) filterHelp() inputKeyMap {
	k := m.filter.keys
	k.Move.SetEnabled(len(m.list.rows) > 1)
	k.Save = m.filterSave()
	return k
}

// filterSave is the list's save-search as the filter line takes it: its
// keys that do not type into the line (ctrl+s; a letter types itself),
// off in a read-only library and when config.toml unbinds it.
func (m Model) filterSave() key.Binding {
	b := m.list.keys.SaveSearch
	b.SetEnabled(!m.readOnly)
	return inLine(b, "keep and save")
}
