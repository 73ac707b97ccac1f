package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/store/query"
)

// The tags panel's find line: / opens it under the panel's list, and what
// is typed takes the cursor to the first entry, from the one it was on,
// whose name holds it, in any case and with or without accents (as the
// query language folds words): "hack" finds the feed Hacker News, "#long"
// the tag long read, "same2" the feed Same whose line tells it from
// another Same by its address. ↓ and ↑ go to the next and previous entry
// that holds it, round the list; enter keeps the cursor there and gives
// the keyboard back to the panel (enter again filters by the entry), esc
// takes the cursor back to where it was, though the panel was listed anew
// meanwhile.

// panelFind is the find line.
type panelFind struct {
	input   textinput.Model
	focused bool
	// from is where the entry the cursor was on when / opened the line
	// is: esc goes back there. The panel listed anew meanwhile (another
	// tidings removed a feed), it follows that entry, or, gone, goes to
	// the nearest still listed (fill).
	from    int
	missing bool // no entry's name holds what is typed
}

// close takes the keyboard from the line.
func (f *panelFind) close() {
	f.focused, f.missing = false, false
	f.input.Blur()
}

// openPanelFind opens the find line, empty, under the panel's list.
func (m *Model) openPanelFind() tea.Cmd {
	p := &m.panel
	if p.loading || len(p.items) <= 1 {
		return nil
	}
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "a name"
	in.SetStyles(inputStyles(m.styles))
	p.find = panelFind{input: in, focused: true, from: p.cursor}
	setInputWidth(&p.find.input, max(p.layout(m.width, m.height, m.styles).inner-2, 1))
	return p.find.input.Focus()
}

// handlePanelFindKey handles a key while the find line has the keyboard:
// no binding of the panel fires, q and ? type themselves.
func (m *Model) handlePanelFindKey(msg tea.KeyPressMsg) tea.Cmd {
	p := &m.panel
	var cmd tea.Cmd
	switch msg.String() {
	case "esc":
		p.cursor = p.find.from
		p.find.close()
	case "enter":
		p.find.close()
	case "down", "ctrl+n":
		p.findNext(p.cursor+1, 1)
	case "up", "ctrl+p":
		p.findNext(p.cursor-1, -1)
	default:
		before := p.find.input.Value()
		p.find.input, cmd = p.find.input.Update(msg)
		if p.find.input.Value() != before {
			p.findNext(p.find.from, 1)
		}
	}
	p.scroll(p.layout(m.width, m.height, m.styles).rows)
	return cmd
}

// handlePanelFindPaste types pasted text, on one line, into the find line.
func (m *Model) handlePanelFindPaste(msg tea.PasteMsg) tea.Cmd {
	p := &m.panel
	msg.Content = strings.Join(strings.Fields(editableQuery(msg.Content)), " ")
	var cmd tea.Cmd
	p.find.input, cmd = p.find.input.Update(msg)
	p.findNext(p.find.from, 1)
	p.scroll(p.layout(m.width, m.height, m.styles).rows)
	return cmd
}

// findNext puts the cursor on the first entry from start on, going by dir
// (1 down, -1 up) and round the list, whose name holds what the find line
// holds; nothing typed, the cursor goes back to where / found it. The
// cursor stays when no entry holds it, and the line says so.
func (p *tagsPanel) findNext(start, dir int) {
	want := query.Fold(strings.TrimSpace(p.find.input.Value()))
	p.find.missing = false
	if want == "" {
		p.cursor = p.find.from
		return
	}
	n := len(p.items)
	for k := range n {
		i := ((start+dir*k)%n + n) % n
		if it := p.items[i]; it.heading == "" && strings.Contains(query.Fold(it.findName()), want) {
			p.cursor = i
			return
		}
	}
	p.find.missing = true
}

// findName is the name the find line looks in: as the line shows it, a
// tag with its #, a feed whose name others have with the host (or the
// address) that tells it from them.
func (it panelItem) findName() string {
	name := oneLine(shownPart(it.name))
	switch {
	case it.isTag:
		return "#" + name
	case it.isFeed && it.host != "":
		return name + " " + oneLine(it.host)
	}
	return name
}

// view draws the line, inner cells wide, saying when no entry holds what
// is typed.
func (f panelFind) view(inner int, st *styles) string {
	line := ansi.Truncate(f.input.View(), inner, "")
	if !f.missing {
		return line
	}
	hint := st.inputHint.Render("  no such name")
	used := ansi.StringWidth(f.input.Prompt) + ansi.StringWidth(f.input.Value()) + 1
	if used+ansi.StringWidth(hint) > inner {
		return line
	}
	return ansi.Truncate(line, used, "") + hint
}

// panelFindKeys are the find line's keys, for the footer.
func panelFindKeys() inputKeyMap {
	return inputKeyMap{
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep")),
		Complete: key.NewBinding(key.WithDisabled()),
		Move:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "previous/next")),
		Save:     key.NewBinding(key.WithDisabled()),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}
