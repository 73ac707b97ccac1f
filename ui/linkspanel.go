package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The links panel (L in the reader) lists the article's links: its own,
// then the body's. Enter opens the one under the cursor, y copies it.

// linksPanel is the panel's state.
type linksPanel struct {
	open   bool
	links  []bodyLink
	total  int // the article's links, also those past maxLinks
	cursor int
	offset int // the first link shown
	keys   linksKeyMap
	typed  string // the digits of a link's number typed so far
}

// linksKeyMap is the links panel's bindings. Its action names are the
// list's and the reader's ("down", "open", "copy-link", "links"), so an
// override moves a key everywhere at once.
type linksKeyMap struct {
	Up, Down, Top, Bottom key.Binding
	PageDown, PageUp      key.Binding
	Open, Copy            key.Binding
	Number                key.Binding // the digits of a link's number: help only
	Back, Close           key.Binding
	Help, Suspend, Quit   key.Binding
}

func defaultLinksKeyMap() linksKeyMap {
	return linksKeyMap{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		Open:     key.NewBinding(key.WithKeys("enter", "o", "right"), key.WithHelp("enter/o/→", "open")),
		Copy:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")),
		Number:   key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "go to link number")),
		Back:     key.NewBinding(key.WithKeys("esc", "h", "left"), key.WithHelp("esc/h/←", "close")),
		Close:    key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "close")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Suspend:  suspendBinding(),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// linksBinding is L's: the links panel, opened and closed.
func linksBinding() key.Binding {
	return key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "links"))
}

// ShortHelp is the footer's help.
func (k linksKeyMap) ShortHelp() []key.Binding {
	return briefs(k.Up, k.Down, k.Open, k.Copy, wayBack(k.Back, k.Close, "close"), k.Help, k.Quit)
}

// wayOut is what the footer keeps when it is cut: the keys that close the
// panel, and help.
func (k linksKeyMap) wayOut() []key.Binding { return []key.Binding{k.Back, k.Close, k.Help} }

// FullHelp is the help overlay's.
func (k linksKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom}, {k.Number, k.Open, k.Copy, k.Back, k.Close}, {k.Help, k.Suspend, k.Quit}}
}

func (k *linksKeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"page-down": &k.PageDown, "page-up": &k.PageUp, "open": &k.Open, "copy-link": &k.Copy, "back": &k.Back, "links": &k.Close,
		"help": &k.Help, "suspend": &k.Suspend, "quit": &k.Quit,
	}
}

// openLinks opens the panel on the reader's article's links.
func (m *Model) openLinks() {
	p := &m.links
	p.open, p.links, p.total, p.cursor, p.offset = true, m.reader.links, m.reader.allLinks, 0, 0
}

// handleLinksKey handles a key while the panel is open.
func (m *Model) handleLinksKey(msg tea.KeyPressMsg) tea.Cmd {
	k, p := m.links.keys, &m.links
	var cmd tea.Cmd
	if d := msg.String(); key.Matches(msg, k.Number) && len(d) == 1 && d[0] >= '0' && d[0] <= '9' {
		// A link's number, as the panel shows it: its digits go to it
		// (1 then 2 is the twelfth when there are twelve); enter opens it.
		p.goToNumber(d)
		p.scroll(p.rows(m.height))
		return nil
	}
	p.typed = ""
	switch {
	case key.Matches(msg, k.Back, k.Close):
		p.open = false
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, len(p.links)-1)
	case key.Matches(msg, k.Top):
		p.cursor = 0
	case key.Matches(msg, k.Bottom):
		p.cursor = len(p.links) - 1
	case key.Matches(msg, k.PageDown):
		p.cursor = min(p.cursor+p.rows(m.height), len(p.links)-1)
	case key.Matches(msg, k.PageUp):
		p.cursor = max(p.cursor-p.rows(m.height), 0)
	case key.Matches(msg, k.Open):
		cmd = m.openCurrentLink()
	case key.Matches(msg, k.Copy):
		if l, ok := p.current(); ok {
			cmd = copyText(l.url, l.url)
		}
	}
	p.scroll(p.rows(m.height))
	return cmd
}

// openCurrentLink closes the panel and opens the link under the cursor.
func (m *Model) openCurrentLink() tea.Cmd {
	l, ok := m.links.current()
	if !ok {
		return nil
	}
	m.links.open = false
	return m.openURL(l.url)
}

// clickLinks puts the cursor on the link under the screen's cell x, y; on
// the link already under it, it opens it, as enter does.
func (m *Model) clickLinks(x, y int) tea.Cmd {
	p := &m.links
	p.typed = ""
	rows := p.rows(m.height)
	p.scroll(rows) // as drawn
	row, ok := m.panelRow(p.View(m.width, m.height, m.styles), x, y)
	i := p.offset + row
	if !ok || row >= rows || i >= len(p.links) {
		return nil
	}
	if i == p.cursor {
		return m.openCurrentLink()
	}
	p.cursor = i
	return nil
}

// wheelLinks moves the panel's cursor by delta links.
func (m *Model) wheelLinks(delta int) {
	p := &m.links
	p.typed = ""
	p.cursor = min(max(p.cursor+delta, 0), max(len(p.links)-1, 0))
	p.scroll(p.rows(m.height))
}

// goToNumber puts the cursor on the link whose number the digits typed so
// far and digit make, else on the one digit alone names.
func (p *linksPanel) goToNumber(digit string) {
	for _, typed := range []string{p.typed + digit, digit} {
		if n, err := strconv.Atoi(typed); err == nil && n >= 1 && n <= len(p.links) {
			p.typed, p.cursor = typed, n-1
			return
		}
	}
	p.typed = ""
}

// current is the link under the cursor.
func (p linksPanel) current() (bodyLink, bool) {
	if p.cursor < 0 || p.cursor >= len(p.links) {
		return bodyLink{}, false
	}
	return p.links[p.cursor], true
}

// rows is how many links the panel shows on a screen height lines tall:
// the box's border and title take three, and the header, the status line
// and the footer stay in sight.
func (p linksPanel) rows(height int) int {
	return max(min(len(p.links), height-6), 1)
}

// scroll keeps the cursor among the rows shown.
func (p *linksPanel) scroll(rows int) {
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
	p.offset = max(min(p.offset, len(p.links)-rows), 0)
}

// View draws the panel's box for a screen of width x height.
func (p linksPanel) View(width, height int, st *styles) string {
	box := st.box
	inner := max(min(width, 100)-box.GetHorizontalFrameSize(), 10)
	rows := p.rows(height)
	p.scroll(rows) // the screen may have changed size since the cursor moved
	count := thousands(len(p.links))
	if p.total > len(p.links) {
		count = "the first " + count + " of " + thousands(p.total)
	}
	title := st.header.Render(ansi.Truncate("Links ("+count+")", inner, "…"))
	var lines []string
	for i := p.offset; i < min(p.offset+rows, len(p.links)); i++ {
		lines = append(lines, p.line(i, inner, st))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w < inner {
			lines[i] = l + strings.Repeat(" ", inner-w)
		}
	}
	return box.Render(title + "\n" + strings.Join(lines, "\n"))
}

// line draws link i, inner cells wide: its number, its text, its address.
func (p linksPanel) line(i, inner int, st *styles) string {
	l := p.links[i]
	bar := "  "
	if i == p.cursor {
		bar = st.glyphs.cursorBar + " "
	}
	num := fmt.Sprintf("%*d ", len(fmt.Sprint(len(p.links))), i+1)
	text := l.text
	if l.own {
		text = "the article: " + text
	}
	room := inner - ansi.StringWidth(bar+num)
	addr := l.url
	if text == "" || text == addr {
		text, addr = addr, ""
	}
	addr = ansi.Truncate(addr, max(room/2, 0), "…")
	text = fit(text, max(room-ansi.StringWidth(addr)-1, 1))
	if i == p.cursor {
		return ansi.Truncate(st.selected.Render(bar+num+text+" "+addr), inner, "")
	}
	out := st.cursorBar.Render(bar) + st.headerDim.Render(num) + st.title.Render(text) + " " + st.headerDim.Render(addr)
	return ansi.Truncate(out, inner, "")
}
