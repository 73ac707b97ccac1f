package ui

import (
	"image/color"
	"maps"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tidings/store"
)

// What has the keyboard besides the screens: the filter line, the tag
// editor, a prompt, a question, the tags panel. At most one at a time; while
// one that is typed in has the keyboard, no other binding fires.

// mode is what has the keyboard.
type mode int

const (
	modeNormal        mode = iota // the screen
	modeFilter                    // the filter line
	modeTagEdit                   // the tag editor
	modePrompt                    // the saved search's name
	modeConfirm                   // a yes/no question
	modePanel                     // the tags panel
	modeNote                      // the note editor
	modeBrowserFilter             // the annotation browser's filter line
	modeLinks                     // the reader's links panel
	modePanelFind                 // the tags panel's find line
)

func (m Model) mode() mode {
	switch {
	case m.confirm != nil: // asked over an editor too: see quitQuestion
		return modeConfirm
	case m.editor.open:
		return modeTagEdit
	case m.noteEditor.open:
		return modeNote
	case m.screen == screenBrowser && m.browser.filter.focused:
		return modeBrowserFilter
	case m.prompt.open:
		return modePrompt
	case m.filter.focused:
		return modeFilter
	case m.panel.open && m.panel.find.focused:
		return modePanelFind
	case m.panel.open:
		return modePanel
	case m.links.open:
		return modeLinks
	}
	return modeNormal
}

// handleInputKey gives a key to what is typed in or answered, reporting
// whether something was.
func (m *Model) handleInputKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch m.mode() {
	case modeTagEdit:
		return m.handleTagEditKey(msg), true
	case modeConfirm:
		return m.handleConfirmKey(msg), true
	case modePrompt:
		return m.handlePromptKey(msg), true
	case modeFilter:
		return m.handleFilterKey(msg), true
	case modeNote:
		return m.handleNoteKey(msg), true
	case modeBrowserFilter:
		return m.handleBrowserFilterKey(msg), true
	case modePanelFind:
		return m.handlePanelFindKey(msg), true
	}
	return nil, false
}

// handlePaste types pasted text into what has the keyboard: as it is into
// a note, on one line into the rest.
func (m *Model) handlePaste(msg tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	if m.mode() == modeNote {
		m.noteEditor.area, cmd = m.noteEditor.area.Update(msg)
		return cmd
	}
	msg.Content = strings.Join(strings.Fields(msg.Content), " ")
	switch m.mode() {
	case modeBrowserFilter:
		return m.handleBrowserFilterPaste(msg)
	case modeFilter:
		return m.handleFilterPaste(msg)
	case modePanelFind:
		return m.handlePanelFindPaste(msg)
	case modeTagEdit:
		m.editor.input, cmd = m.editor.input.Update(msg)
	case modePrompt:
		m.prompt.input, cmd = m.prompt.input.Update(msg)
	}
	return cmd
}

// listAction performs the list's filtering, selecting and tagging keys,
// reporting whether msg was one of them.
func (m *Model) listAction(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.list.keys
	switch {
	case key.Matches(msg, k.Filter):
		return m.openFilter(), true
	case key.Matches(msg, k.Clear):
		if len(m.list.marked) > 0 {
			m.list.clearMarks()
			return nil, true
		}
		m.filter.input.SetValue("")
		return m.list.setQueryAround(listQuery{}), true
	case !k.Clear.Enabled() && msg.String() != "esc" && slices.Contains(k.Clear.Keys(), msg.String()):
		// A back key config.toml gave (newsboat's q) with nothing to
		// leave: say which key quits rather than nothing.
		m.setStatus(m.nothingToLeave())
		return nil, true
	case key.Matches(msg, k.Select):
		// Then on to the next row, so that a run of articles is selected
		// by holding the key.
		m.list.toggleMark()
		return m.list.move(1), true
	case key.Matches(msg, k.Tag):
		return m.openTagEditor(), true
	case key.Matches(msg, k.TagAll):
		return m.startTagAll(), true
	case key.Matches(msg, k.ReadAll):
		return m.startReadAll(), true
	case key.Matches(msg, k.TagsPanel):
		return m.openPanel(), true
	case key.Matches(msg, k.SaveSearch):
		return m.openSavePrompt(), true
	case key.Matches(msg, k.Refresh):
		if m.refreshing {
			return nil, true
		}
		m.refreshing = true
		m.progress = "Fetching feeds…" // replaced as each feed is done
		return startRefresh(m.ctx, m.lib, m.cfg.Refresh), true
	}
	return nil, false
}

// nothingToLeave is what a back key says in the list when there is no
// selection or filter to leave: which key quits, when one does.
func (m Model) nothingToLeave() string {
	return "Every article is shown: " + nothingToGoBackTo(m.list.keys.Quit)
}

// nothingToGoBackTo says that a back key config.toml gives (newsboat's q)
// has nothing to leave, and which of quit's keys quits, when it has one:
// the user pressed it to quit.
func nothingToGoBackTo(quit key.Binding) string {
	if keys := quit.Keys(); len(keys) > 0 {
		return "nothing to go back to; " + keyLabel(keys[0]) + " quits"
	}
	return "nothing to go back to"
}

// handleTaggingResult routes what the tagging, panel and saved search
// commands bring back.
func (m *Model) handleTaggingResult(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tagsLoadedMsg:
		if msg.err != nil {
			return nil // completion and colours make do without
		}
		return m.takeTags(msg.tags)
	case suggestionsMsg:
		if m.editor.open && m.editor.suggestFor == msg.id {
			m.editor.suggested = msg.tags
			if m.editor.suggested == nil {
				m.editor.suggested = []string{}
			}
			if msg.err != nil {
				m.setError("suggesting tags", msg.err)
			}
		}
	case tagsAppliedMsg:
		ids, what := msg.ids, taggedWhat(msg.ids, m.list.rows)
		if len(msg.gone) > 0 {
			// Those deleted elsewhere were left out; the others are tagged.
			ids = slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return slices.Contains(msg.gone, id) })
			what = taggedWhat(ids, m.list.rows) + " · " + goneOthers(len(msg.gone))
			m.letGo(msg.gone)
		}
		return m.handleTagged(what, msg.add, msg.remove, ids, msg.err)
	case taggingCountMsg:
		m.handleTaggingCount(msg)
	case readAllMsg:
		return m.handleReadAll(msg)
	case readAllCountMsg:
		m.handleReadAllCount(msg)
	case queryTaggedMsg:
		what := thousands(msg.n) + " articles matching " + quoteQuery(msg.query)
		if msg.n == 1 {
			what = "1 article matching " + quoteQuery(msg.query)
		}
		return m.handleTagged(what, msg.add, msg.remove, nil, msg.err)
	case panelLoadedMsg:
		return m.handlePanelLoaded(msg)
	case searchDeletedMsg:
		return m.handleSearchDeleted(msg)
	case searchSavedMsg:
		if msg.err != nil {
			m.setError("saving the search", msg.err)
		} else {
			done := "Saved the search “" + oneLine(msg.name) + "”: " + quoteQuery(msg.query)
			if msg.replaced != "" && msg.replaced != msg.query {
				done += " (it was " + quoteQuery(msg.replaced) + ")"
			}
			m.setStatus(done)
		}
	}
	return nil
}

// takeTags keeps the library's tags for completion, and their colours for
// the chips.
func (m *Model) takeTags(tags []store.Tag) tea.Cmd {
	m.knownTags = tags
	m.editor.setKnown(tags)
	colors := map[string]color.Color{}
	for _, t := range tags {
		if c, err := parseColor(t.Color); err == nil && t.Color != "" {
			colors[tagKey(t.Name)] = c
		}
	}
	if maps.EqualFunc(colors, m.libColors, func(a, b color.Color) bool { return a == b }) {
		return nil
	}
	m.libColors = colors
	return m.restyle()
}

// chipColors is each coloured tag's colour: the library's, overridden by
// config.toml's.
func (m Model) chipColors() map[string]color.Color {
	out := maps.Clone(m.libColors)
	if out == nil {
		out = map[string]color.Color{}
	}
	maps.Copy(out, m.tagColors)
	return out
}

// placePanel draws a panel's box centred over screen, and above the status
// line, so that a question or a message about the item under the cursor
// ("Copied the link") is read whole.
func (m Model) placePanel(screen, box string) string {
	box, bottom := m.fitPanel(box)
	return place(screen, box, m.width, bottom)
}

// fitPanel is a panel's box as placePanel draws it, cut to the lines above
// the status line, and the line its bottom goes above.
func (m Model) fitPanel(box string) (string, int) {
	bottom := min(m.height-max((m.height-lineCount(box))/2, 0), m.height-2)
	if bottom > 0 && lineCount(box) > bottom { // a terminal of a few lines
		box = strings.Join(strings.Split(box, "\n")[:bottom], "\n")
	}
	return box, bottom
}

// panelLine is the line of a panel's box (0 its top border) that the
// screen's cell x, y shows, as placePanel draws box; ok is false when the
// cell is outside the box.
func (m Model) panelLine(box string, x, y int) (line int, ok bool) {
	box, bottom := m.fitPanel(box)
	// As place lays the box out: centred, its bottom above bottom.
	w, h := min(lipgloss.Width(box), m.width), lipgloss.Height(box)
	left, top := max((m.width-w)/2, 0), max(bottom-h, 0)
	if x < left || x >= left+w || y < top || y >= top+h {
		return 0, false
	}
	return y - top, true
}

// panelRow is the row of a panel's list (0 the first shown) that the
// screen's cell x, y shows: the box's border and its title come first.
func (m Model) panelRow(box string, x, y int) (row int, ok bool) {
	line, ok := m.panelLine(box, x, y)
	row = line - m.styles.box.GetBorderTopSize() - m.styles.box.GetPaddingTop() - 1
	return row, ok && row >= 0
}

// overlay draws the tag editor or the tags panel over the screen.
func (m Model) overlay(screen string) string {
	switch {
	case m.editor.open:
		return place(screen, m.editor.View(m.width, m.height, m.styles), m.width, m.height-2)
	case m.noteEditor.open:
		return place(screen, m.noteEditor.View(m.width, m.styles), m.width, m.height-2)
	case m.panel.open:
		return m.placePanel(screen, m.panel.View(m.width, m.height, m.styles))
	case m.links.open:
		return m.placePanel(screen, m.links.View(m.width, m.height, m.styles))
	}
	return screen
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }
