package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds/marks"
)

// ctrl+s in the list saves the filter under a name typed in the status
// line. The query saved is the filter as the library reads saved searches
// (the word being typed made a prefix), so it finds what the list showed.

// savePrompt is the status line asking for the saved search's name.
type savePrompt struct {
	open  bool
	input textinput.Model
	query string
}

func newSavePrompt(st *styles) savePrompt {
	in := textinput.New()
	in.SetStyles(inputStyles(st))
	return savePrompt{input: in}
}

// searchSavedMsg reports a saved search, and the query it replaced.
type searchSavedMsg struct {
	name, query string
	replaced    string // "" when the name was new
	err         error
}

// openSavePrompt asks for a name for the filter.
func (m *Model) openSavePrompt() tea.Cmd {
	if m.readOnly {
		m.setError("cannot save the search", errReadOnly)
		return nil
	}
	q := m.list.query.whole()
	if q == "" {
		return nil
	}
	m.prompt.open, m.prompt.query = true, q
	m.prompt.input.Prompt = "Save " + quoteQuery(q) + " as: "
	m.prompt.input.SetValue("")
	m.prompt.setWidth(m.width)
	return m.prompt.input.Focus()
}

// setWidth fits the prompt to the status line of a screen width cells wide.
func (p *savePrompt) setWidth(width int) {
	setInputWidth(&p.input, max(width-ansi.StringWidth(p.input.Prompt)-2, 1)) // the margin and the cursor
}

// handlePromptKey handles a key while the prompt has the keyboard.
func (m *Model) handlePromptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.closePrompt()
		return nil
	case "enter":
		name := strings.TrimSpace(m.prompt.input.Value())
		q := m.prompt.query
		for _, s := range m.cfg.Searches {
			if marks.FoldTag(s.Name) == marks.FoldTag(name) {
				// The panel lists config.toml's first: this one would not
				// show. The prompt stays, asking for another name.
				m.prompt.input.Prompt = fmt.Sprintf("“%s” is a search of config.toml; save %s as: ", oneLine(s.Name), quoteQuery(q))
				m.prompt.input.SetValue("")
				m.prompt.setWidth(m.width)
				return nil
			}
		}
		m.closePrompt()
		if name == "" {
			m.setStatus("Not saved: no name given.")
			return nil
		}
		return saveSearch(m.ctx, m.lib, name, q)
	}
	var cmd tea.Cmd
	m.prompt.input, cmd = m.prompt.input.Update(msg)
	return cmd
}

func (m *Model) closePrompt() {
	m.prompt.open = false
	m.prompt.input.Blur()
}

// promptView is the status line while the prompt is open.
func (m Model) promptView() string {
	return ansi.Truncate(" "+m.prompt.input.View(), m.width, "")
}

// saveSearch saves a query under a name.
func saveSearch(ctx context.Context, lib Library, name, q string) tea.Cmd {
	return func() tea.Msg {
		msg := searchSavedMsg{name: name, query: q}
		saved, err := lib.SavedSearches(ctx)
		if err != nil {
			msg.err = err
			return msg
		}
		for _, s := range saved {
			if marks.FoldTag(s.Name) == marks.FoldTag(name) {
				// Saved over, it keeps the name as the library spells it.
				msg.name, msg.replaced = s.Name, s.Query
			}
		}
		msg.err = lib.SaveSearch(ctx, name, q)
		return msg
	}
}
