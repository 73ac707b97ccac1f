package ui

import (
	"context"
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
	// taken is the name of config.toml's search that the name typed last
	// was, which the prompt says when it asks again; "" at first.
	taken string
}

// promptNameRoom is how many columns the name being typed keeps at least
// on the status line: the query and the name quoted before it give way.
const promptNameRoom = 12

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
	m.prompt.open, m.prompt.query, m.prompt.taken = true, q, ""
	m.prompt.input.SetValue("")
	m.prompt.setWidth(m.width)
	return m.prompt.input.Focus()
}

// setWidth fits the prompt to the status line of a screen width cells
// wide: its words, then the name being typed.
func (p *savePrompt) setWidth(width int) {
	avail := width - 2 // the margin and the cursor
	p.input.Prompt = p.words(avail - promptNameRoom)
	setInputWidth(&p.input, max(avail-ansi.StringWidth(p.input.Prompt), 1))
}

// words are the prompt's words before the name, at most room cells wide
// when they can be: the query saved, and config.toml's search whose name
// was taken, quoted whole when they fit, else shortened with an ellipsis
// while a few cells of each show (quotedMin), else left out.
func (p savePrompt) words(room int) string {
	query, taken := oneLine(p.query), oneLine(p.taken)
	lead := "Save"
	if p.taken != "" {
		const sentence = "“” is a search of config.toml; save `` as: "
		if r := room - ansi.StringWidth(sentence); r >= min(ansi.StringWidth(taken), quotedMin)+min(ansi.StringWidth(query), quotedMin) {
			taken, query = shareRoom(taken, query, r)
			return "“" + taken + "” is a search of config.toml; save `" + query + "` as: "
		}
		lead = "Name taken; save"
	}
	if r := room - ansi.StringWidth(lead+" `` as: "); r >= min(ansi.StringWidth(query), quotedMin) {
		return lead + " `" + ansi.Truncate(query, r, "…") + "` as: "
	}
	return lead + " as: "
}

// quotedMin is the fewest cells a text quoted in a prompt is shortened to:
// fewer say nothing, and it is left out.
const quotedMin = 4

// shareRoom shortens a and b with an ellipsis so that together they take
// at most room cells: one that needs no more than half the room is whole,
// the other takes the rest.
func shareRoom(a, b string, room int) (string, string) {
	wa, wb := ansi.StringWidth(a), ansi.StringWidth(b)
	if wa+wb <= room {
		return a, b
	}
	ra := max(min(wa, room/2), room-wb)
	return ansi.Truncate(a, ra, "…"), ansi.Truncate(b, room-ra, "…")
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
				// Two searches of one name would be told apart in the
				// panel only by a mark: the prompt stays, asking for
				// another name.
				m.prompt.taken = s.Name
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
