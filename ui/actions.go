package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
)

// quitQuestion is what ctrl+c asks before quitting would lose what is being
// typed: a note, or tags not yet applied; "" when nothing would be lost.
func (m Model) quitQuestion() string {
	switch {
	case m.noteEditor.open && m.noteEditor.changed():
		return "Quit and lose this note? y/n (n goes back to it, ctrl+s there saves it)"
	case m.editor.open && strings.TrimSpace(m.editor.input.Value()) != "":
		return "Quit without applying these tags? y/n (n goes back to them, enter there applies them)"
	}
	return ""
}

// quitLosingWork quits after the user said that what is being typed may be
// lost: the note being written is thrown away, not kept as a quit from
// outside (a closed terminal) keeps it. Writes on their way are finished
// first (quitWhenDone).
func (m *Model) quitLosingWork() tea.Cmd {
	m.noteEditor.close()
	m.editor.close()
	return m.quitWhenDone()
}

// handleKey: the help overlay first, then the keys every screen shares, then
// the moves between screens, then the active screen. Moves between screens
// happen here, synchronously, so that keys typed ahead ("enter j j esc k")
// reach the screen they were meant for.
func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if msg.String() == "ctrl+c" {
		// What is being typed is not lost to a reflex: ctrl+c asks, and
		// ctrl+c again quits, as y does: the question said what goes.
		switch q := m.quitQuestion(); {
		case q != "" && m.confirm == nil:
			m.confirm = &confirmation{question: q, onYes: (*Model).quitLosingWork}
			return m, nil
		case q != "" && m.confirm.question == q:
			m.confirm = nil
			return m, m.quitLosingWork()
		}
		return m, m.quitWhenDone()
	}
	m.status, m.statusErr = "", false
	if cmd, ok := m.handleInputKey(msg); ok {
		return m, cmd
	}

	keys := m.sharedKeys()
	if m.showHelp {
		switch {
		case key.Matches(msg, keys.quit):
			return m, m.quitWhenDone()
		case key.Matches(msg, keys.help, keys.back) || msg.String() == "esc":
			m.showHelp, m.helpTop = false, 0
		default:
			m.scrollHelp(msg)
		}
		return m, nil
	}
	switch {
	case key.Matches(msg, keys.quit):
		return m, m.quitWhenDone()
	case key.Matches(msg, keys.help):
		m.showHelp = true
		return m, nil
	}

	var cmd tea.Cmd
	switch {
	case m.panel.open:
		cmd = m.handlePanelKey(msg)
	case m.links.open:
		cmd = m.handleLinksKey(msg)
	case m.welcoming():
		cmd = m.welcomeAction(msg)
	case m.screen == screenBrowser:
		cmd = m.handleBrowserKey(msg)
	case m.screen == screenReader:
		if m.refuseGone(msg) {
			return m, nil
		}
		if m.reader.sel != nil {
			if cmd, ok := m.selectionAction(msg); ok {
				return m, cmd
			}
		}
		if cmd, ok := m.articleAction(msg, keys); ok {
			return m, cmd
		}
		if cmd, ok := m.annotationAction(msg); ok {
			return m, cmd
		}
		if cmd, ok := m.deleteAction(msg); ok {
			return m, cmd
		}
		switch k := m.reader.keys; {
		case key.Matches(msg, k.Tag):
			cmd = m.openTagEditor()
		case key.Matches(msg, k.Links):
			m.openLinks()
		case key.Matches(msg, k.Back):
			m.reader.cancelSelection()
			m.screen = m.readerBack
			if m.screen == screenBrowser {
				cmd = m.loadBrowserRows()
			}
		case key.Matches(msg, k.NextUnread):
			cmd = m.stepUnread(1)
		case key.Matches(msg, k.PrevUnread):
			cmd = m.stepUnread(-1)
		case key.Matches(msg, k.Next):
			cmd = m.step(1)
		case key.Matches(msg, k.Prev):
			cmd = m.step(-1)
		default:
			if !m.refuseWrite(msg, k.Tag, k.Star, k.Read, k.Annotate, k.SelectPassage, k.EditNote, k.DeleteNote, k.UndoDelete) && !m.explainOff(msg) {
				m.reader, cmd = m.reader.Update(msg)
			}
		}
	default:
		if cmd, ok := m.articleAction(msg, keys); ok {
			return m, cmd
		}
		if row, ok := m.list.current(); ok && key.Matches(msg, m.list.keys.Open) {
			return m, m.open(row)
		}
		switch {
		case key.Matches(msg, m.list.keys.NextUnread):
			return m, m.stepUnread(1)
		case key.Matches(msg, m.list.keys.PrevUnread):
			return m, m.stepUnread(-1)
		}
		if cmd, ok := m.listAction(msg); ok {
			return m, cmd
		}
		if cmd, ok := m.deleteAction(msg); ok {
			return m, cmd
		}
		if cmd, ok := m.annotationAction(msg); ok {
			return m, cmd
		}
		k := m.list.keys
		if m.refuseWrite(msg, k.Tag, k.TagAll, k.ReadAll, k.SaveSearch, k.Star, k.Read, k.Annotate, k.Refresh) || m.explainOff(msg) {
			return m, nil
		}
		m.list, cmd = m.list.Update(msg)
	}
	return m, cmd
}

// refuseWrite says that the library is read-only when msg is the key of one
// of bindings, the writes that a read-only library turns off (and the help
// leaves out), and reports whether it was.
func (m *Model) refuseWrite(msg tea.KeyPressMsg, bindings ...key.Binding) bool {
	if !m.readOnly {
		return false
	}
	for _, b := range bindings {
		if slices.Contains(b.Keys(), msg.String()) {
			m.setError("cannot "+b.Help().Desc, errReadOnly)
			return true
		}
	}
	return false
}

// waiting is a key that depends on the moment (T without a filter, ] without
// notes, o without a link): off now, it says why when pressed, and the help
// lists it all the same.
type waiting struct {
	b      key.Binding
	reason string // %s is the key
	always bool   // a key of another screen, never on here
	write  bool   // off in a read-only library, for good
}

// explainOff says why a key does nothing now, when it is one that waits for
// the moment, and reports whether it was: a key that does nothing without a
// word looks broken.
func (m *Model) explainOff(msg tea.KeyPressMsg) bool {
	for _, w := range m.waitingKeys() {
		if !w.b.Enabled() || w.always {
			if slices.Contains(w.b.Keys(), msg.String()) {
				reason := w.reason
				if strings.Contains(reason, "%s") {
					reason = fmt.Sprintf(reason, msg.String())
				}
				m.setStatus(reason)
				return true
			}
		}
	}
	return false
}

// waitingKeys are the active screen's keys that wait for the moment.
func (m Model) waitingKeys() []waiting {
	var whys []waiting
	switch m.screen {
	case screenList:
		k := m.list.keys
		whys = []waiting{
			{k.TagAll, "%s tags every article a filter finds: filter with / first.", false, true},
			{k.SaveSearch, "%s saves the filter as a search: filter with / first.", false, true},
			{k.OpenLink, "This article has no web link to open.", false, false},
			{k.CopyLink, "This article has no link to copy.", false, false},
		}
		if m.refreshing {
			whys = append(whys, waiting{k.Refresh, "Already fetching the feeds.", false, false})
		}
	case screenReader:
		k := m.reader.keys
		noNotes := "This article has no notes: a writes one, v selects a passage to note."
		last, first := "This is the last article.", "This is the first article."
		if m.readerBack == screenBrowser {
			last, first = browserEnd(1), browserEnd(-1)
		}
		whys = []waiting{
			{k.NextHighlight, noNotes, false, false}, {k.PrevHighlight, noNotes, false, false}, {k.EditNote, noNotes, false, true}, {k.DeleteNote, noNotes, false, true},
			{k.UndoDelete, m.nothingToBringBack(), false, true},
			{k.SelectPassage, m.nothingToSelect(), false, true},
			{k.Next, last, false, false},
			{k.Prev, first, false, false},
			{k.NextUnread, last, false, false},
			{k.PrevUnread, first, false, false},
			{k.OpenLink, "This article has no web link to open.", false, false},
			{k.CopyLink, "This article has no link to copy.", false, false},
			{k.Links, "This article has no links.", false, false},
			{m.list.keys.Filter, "%s filters the list: esc goes back to it.", true, false},
		}
	}
	return whys
}

// sharedBindings are the bindings of the active screen that the root acts on.
type sharedBindings struct {
	help, quit, back               key.Binding
	star, read, openLink, copyLink key.Binding
}

func (m Model) sharedKeys() sharedBindings {
	switch {
	case m.panel.open:
		k := m.panel.keys
		return sharedBindings{help: k.Help, quit: k.Quit, back: k.Back}
	case m.links.open:
		k := m.links.keys
		return sharedBindings{help: k.Help, quit: k.Quit, back: k.Back}
	case m.screen == screenBrowser:
		k := m.browser.keys
		return sharedBindings{help: k.Help, quit: k.Quit, back: k.Back}
	case m.screen == screenReader && m.reader.sel != nil:
		k, r := m.reader.selKeys, m.reader.keys
		return sharedBindings{k.Help, k.Quit, k.Cancel, r.Star, r.Read, r.OpenLink, r.CopyLink}
	case m.screen == screenReader:
		k := m.reader.keys
		return sharedBindings{k.Help, k.Quit, k.Back, k.Star, k.Read, k.OpenLink, k.CopyLink}
	case m.welcoming():
		// The list and the welcome screen have no back of their own: the
		// one config.toml gives every screen closes the help there too.
		k := m.welcome.keys
		return sharedBindings{help: k.Help, quit: k.Quit, back: m.backEverywhere}
	}
	k := m.list.keys
	return sharedBindings{help: k.Help, quit: k.Quit, back: m.backEverywhere, star: k.Star, read: k.Read, openLink: k.OpenLink, copyLink: k.CopyLink}
}

// articleAction performs star, read, open link and copy link on the current
// article, reporting whether msg was one of them.
func (m *Model) articleAction(msg tea.KeyPressMsg, keys sharedBindings) (tea.Cmd, bool) {
	row, ok := m.current()
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(msg, keys.star):
		return m.toggleFlag(row, "starred"), true
	case key.Matches(msg, keys.read):
		return m.toggleFlag(row, "read"), true
	case key.Matches(msg, keys.openLink):
		// The link as stored, cleaned, not as drawn: drawing may add
		// joiners to text a terminal would draw too wide.
		return m.openURL(feeds.CleanLine(row.URL)), true
	case key.Matches(msg, keys.copyLink):
		link := feeds.CleanLine(row.URL)
		return copyText(link, oneLine(link)), true
	}
	return nil, false
}

// openURL opens a link with the opener configured, else with config.toml's
// browser or $BROWSER (openInBrowser).
func (m *Model) openURL(link string) tea.Cmd {
	if open := m.cfg.OpenURL; open != nil {
		return openLink(open, link)
	}
	return openInBrowser(m.cfg.Browser, link)
}

// toggleFlag stars or unstars, marks read or unread, the selection in the
// list when there is one (all of it starred unless all of it is), else the
// current article, and says so.
func (m *Model) toggleFlag(row store.Row, what string) tea.Cmd {
	is := func(f rowFlags) bool { return what == "read" && f.read || what == "starred" && f.starred }
	ids, value, whose := []int64{row.ID}, !is(flagsOf(row)), "the article"
	if m.screen == screenList && len(m.list.marked) > 0 {
		ids, value = m.list.markedIDs(), false
		for _, id := range ids {
			if f, ok := m.selectedFlags(id); !ok || !is(f) {
				value = true
			}
		}
		whose = thousands(len(ids)) + " selected articles"
		if len(ids) == 1 {
			whose = "1 selected article"
		}
	}
	cmd := m.setFlags(ids, what, value)
	if cmd != nil {
		done := map[[2]any]string{
			{"read", true}: "Marked " + whose + " read.", {"read", false}: "Marked " + whose + " unread.",
			{"starred", true}: "Starred " + whose + ".", {"starred", false}: "Unstarred " + whose + ".",
		}
		m.setStatus(done[[2]any{what, value}])
	}
	return cmd
}

// rowFlags is what an article is, read and starred.
type rowFlags struct{ read, starred bool }

func flagsOf(r store.Row) rowFlags { return rowFlags{r.Read, r.Starred} }

// selectedFlags is what a selected article is: as the list shows it, else
// as it was when the list last held it, or as written since.
func (m Model) selectedFlags(id int64) (rowFlags, bool) {
	if r, ok := m.list.rowByID(id); ok {
		return flagsOf(r), true
	}
	f, ok := m.selFlags[id]
	return f, ok
}

// rememberSelection keeps what the selected articles the list holds are:
// the selection outlives the few pages around the cursor that the list
// keeps, and s and m on it decide from all of it. Called after every
// message, it has seen each selected row before a page replaced it.
func (m *Model) rememberSelection() {
	if len(m.list.marked) == 0 {
		m.selFlags = nil
		return
	}
	if m.selFlags == nil {
		m.selFlags = map[int64]rowFlags{}
	}
	for id := range m.selFlags {
		if !m.list.marked[id] {
			delete(m.selFlags, id)
		}
	}
	for _, r := range m.list.rows {
		if m.list.marked[r.ID] {
			m.selFlags[r.ID] = flagsOf(r)
		}
	}
}

// setFlag changes an article's read or starred state: at once on screen,
// then in the library through a command.
func (m *Model) setFlag(id int64, what string, value bool) tea.Cmd {
	return m.setFlags([]int64{id}, what, value)
}

// setFlags is setFlag for several articles, in one write.
func (m *Model) setFlags(ids []int64, what string, value bool) tea.Cmd {
	if m.readOnly {
		m.setError("cannot change "+what, errReadOnly)
		return nil
	}
	for _, id := range ids {
		m.applyFlag(id, what, value)
	}
	doing, stopped := flagWriting(what, value, len(ids))
	return m.track(doing, stopped, func(ctx context.Context) tea.Cmd {
		if what == "read" {
			return setRead(ctx, m.lib, ids, value)
		}
		return setStarred(ctx, m.lib, ids, value)
	})
}

// flagWriting says what a write of n articles' read or starred state does,
// and what stopping it leaves (it is one transaction), for quitting.
func flagWriting(what string, value bool, n int) (doing, stopped string) {
	switch {
	case what == "read" && value:
		return "marking " + articleCount(n) + " read", "marking read stopped: nothing was marked"
	case what == "read":
		return "marking " + articleCount(n) + " unread", "marking unread stopped: nothing was marked unread"
	case value:
		return "starring " + articleCount(n), "starring stopped: nothing was starred"
	}
	return "unstarring " + articleCount(n), "unstarring stopped: nothing was unstarred"
}

// articleCount is "1 article", "2 articles", "1,000 articles".
func articleCount(n int) string {
	if n == 1 {
		return "1 article"
	}
	return thousands(n) + " articles"
}

// applyFlag shows a read or starred change in the list and the reader, and
// in what the selection remembers.
func (m *Model) applyFlag(id int64, what string, value bool) {
	m.list.keep(id)
	m.list.updateRow(id, func(r *store.Row) {
		if what == "read" {
			r.Read = value
		} else {
			r.Starred = value
		}
	})
	if f, ok := m.selFlags[id]; ok {
		if what == "read" {
			f.read = value
		} else {
			f.starred = value
		}
		m.selFlags[id] = f
	}
	if m.reader.row.ID != id {
		return
	}
	m.reader.flagsSet = append(m.reader.flagsSet, flagSet{what, value})
	if what == "read" {
		m.reader.row.Read = value
	} else {
		m.reader.row.Starred = value
	}
	setArticleFlag(&m.reader.article, what, value)
}

// open shows an article in the reader, with the filter's words
// highlighted, and marks it read.
func (m *Model) open(row store.Row) tea.Cmd {
	m.screen = screenReader
	m.readerBack = screenList
	m.reader.terms = m.list.terms
	m.list.keep(row.ID)
	cmds := []tea.Cmd{m.reader.open(row)}
	if !row.Read && !m.readOnly {
		cmds = append(cmds, m.setFlag(row.ID, "read", true))
	}
	return tea.Batch(cmds...)
}

// step opens the next or previous article in the list's order, moving the
// list's cursor with it; in a reader the annotation browser opened, in the
// browser's.
func (m *Model) step(delta int) tea.Cmd {
	if m.readerBack == screenBrowser {
		return m.stepBrowser(delta)
	}
	if delta > 0 && m.list.vanished {
		// The open article left the list (it no longer matches the
		// query); the cursor already sits on the one after it.
		delta--
	}
	cmd := m.list.moveWithin(delta)
	row, ok := m.list.current()
	if !ok || row.ID == m.reader.id() {
		switch {
		case delta > 0 && m.list.atBottom, delta < 0 && m.list.atTop:
			m.setStatus("No more articles.")
		default:
			m.setStatus("Loading more articles…")
		}
		return cmd
	}
	return tea.Batch(cmd, m.open(row))
}

// answering reports whether a box or a question waits for an answer: the
// tag editor, the note editor, a yes/no question, a search's name. The
// mouse then changes nothing behind it.
func (m Model) answering() bool {
	switch m.mode() {
	case modeTagEdit, modeNote, modeConfirm, modePrompt:
		return true
	}
	return false
}

// handleClick selects the row under the pointer in the list, the
// annotation browser, the tags panel and the links panel; a click on the
// selected row (so a double click too) opens it, as enter does.
func (m *Model) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || m.showHelp || m.answering() {
		return nil
	}
	switch {
	case m.panel.open:
		return m.clickPanel(msg.X, msg.Y)
	case m.links.open:
		return m.clickLinks(msg.X, msg.Y)
	case m.mode() != modeNormal: // a filter line being typed in
		return nil
	case m.screen == screenBrowser:
		return m.clickBrowser(msg.Y)
	case m.screen == screenList && !m.welcoming():
		header, filter, _, _ := m.listLines()
		open, cmd := m.list.click(msg.Y - header - filter)
		if row, ok := m.list.current(); open && ok {
			return m.open(row)
		}
		return cmd
	}
	return nil
}

// wheelRows is how far a turn of the mouse wheel moves a cursor over rows
// of one line, as it scrolls the reader.
const wheelRows = 3

// handleWheel scrolls whatever is shown: the help page, a panel, the
// browser, the reader, the list.
func (m *Model) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	if m.answering() {
		return nil
	}
	dir := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		dir = -1
	case tea.MouseWheelDown:
		dir = 1
	}
	var cmd tea.Cmd
	switch {
	case m.showHelp:
		m.wheelHelp(dir * wheelRows)
	case m.panel.open:
		m.wheelPanel(dir * wheelRows)
	case m.links.open:
		m.wheelLinks(dir * wheelRows)
	case m.screen == screenBrowser:
		// An annotation takes three lines.
		m.browser.move(dir, m.browserItems())
	case m.screen == screenReader:
		m.reader, cmd = m.reader.Update(msg)
	default:
		m.list, cmd = m.list.Update(msg)
	}
	return cmd
}
