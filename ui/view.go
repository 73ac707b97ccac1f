package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// headerLines is how many lines the list screen's header takes.
const headerLines = 1

// View draws the whole terminal. The terminal modes are set before anything
// else, so that no path drops them.
func (m Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.windowTitle()
	return v
}

func (m Model) windowTitle() string {
	name := "tidings"
	if n := oneLine(m.cfg.LibraryName); n != "" {
		name += " — " + n
	}
	if m.screen == screenReader {
		title := m.reader.row.Title
		if m.reader.loaded {
			title = m.reader.article.Title
		}
		if t := oneLine(title); t != "" {
			return ansi.Truncate(t, 80, "…") + " — tidings"
		}
	}
	return name
}

func (m Model) content() string {
	if m.width <= 0 || m.height <= 0 {
		return "" // before the first WindowSizeMsg
	}
	var body string
	switch {
	case m.screen == screenReader:
		body = m.reader.View()
	case m.screen == screenBrowser:
		// The lines the status line and the footer leave it, as below.
		body = m.browser.View(m.width, m.height-bottomLines(m.height, 1), m.styles)
	case m.welcoming():
		body = m.header() + "\n" + m.welcome.View(m.width, m.height-3)
	default:
		body = m.list.View()
	}
	var b strings.Builder
	b.Grow(len(body) + 4*m.width + 256) // the screen is redrawn often: one allocation
	line := func(s string) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
	}
	bottom := bottomLines(m.height, 1)
	if m.screen == screenReader {
		bottom = m.readerBottom()
	}
	bodyHeight := m.height - bottom
	if m.screen == screenList && !m.welcoming() {
		var header, filter int
		header, filter, bodyHeight, bottom = m.listLines()
		if header > 0 {
			line(m.header())
		}
		if filter > 0 {
			line(fitHeight(m.filterView(), filter))
		}
	}
	if bodyHeight > 0 { // else a terminal too short for any of it
		line(fitHeight(body, bodyHeight))
	}
	switch status := m.statusLine(); {
	case bottom >= 2:
		line(status)
		line(m.footer())
	case bottom == 1 && status != "":
		line(status)
	case bottom == 1:
		line(m.footer())
	}
	screen := m.overlay(b.String())
	if m.showHelp {
		screen = m.overlayHelp(screen)
	}
	return screen
}

// On a terminal too short for the whole of a screen, its text comes first:
// at least one row of the list, one line of the article. The status line
// and the footer give way first, then what is above the text.

// bottomLines is how many lines the status line and the footer get on a
// terminal h lines high, under a screen that needs need lines: both when
// there is room; one when there is room for one, which shows the status
// when there is one and the footer's help otherwise; else none.
func bottomLines(h, need int) int { return min(max(h-need, 0), 2) }

// listLines shares the terminal's lines out on the list screen: the header
// line (0 or 1), the filter line's (its input line first), the rows (at
// least one) and the status line and footer (bottomLines).
func (m Model) listLines() (header, filter, rows, bottom int) {
	h := max(m.height, 0)
	filter = min(m.filter.lines(), max(h-1, 0))
	header = min(headerLines, max(h-1-filter, 0))
	bottom = bottomLines(h, 1+filter+header)
	return header, filter, max(h-header-filter-bottom, 0), bottom
}

// listRows is how many rows of the list show (listLines).
func (m Model) listRows() int {
	_, _, rows, _ := m.listLines()
	return rows
}

// readerBottom is how many lines the status line and the footer get under
// the reader: they give way to a line of the article under its short
// header (compactHeaderLines).
func (m Model) readerBottom() int {
	return bottomLines(m.height, compactHeaderLines+1)
}

// lineCache keeps the header and footer lines, which change far less often
// than View runs (after every message) and cost more than the rest of the
// list to draw. View and Update run on one goroutine.
type lineCache struct {
	headerKey, footerKey string
	header, footer       string
}

// header is the list's top line: the library, the filter, the selection
// and the counts.
func (m Model) header() string {
	k := fmt.Sprint(m.width, m.styleGen, m.readOnly, m.list.counted, m.list.shown, m.list.total, m.list.shownFor == m.list.query,
		m.filter.focused, len(m.list.marked), "\x00", m.list.query.text)
	if k != m.lines.headerKey {
		m.lines.headerKey, m.lines.header = k, m.drawHeader()
	}
	return m.lines.header
}

func (m Model) drawHeader() string {
	st := m.styles
	left := st.header.Render(" tidings")
	if n := oneLine(m.cfg.LibraryName); n != "" {
		left += st.headerDim.Render(" · " + n)
	}
	if m.readOnly {
		left += " " + st.badge.Render("read-only")
	}
	if q := oneLine(m.list.query.text); q != "" && !m.filter.focused {
		left += "  " + st.prompt.Render("/") + q
	}
	right := ""
	if n := len(m.list.marked); n > 0 {
		right = st.mark.Render(thousands(n)+" selected") + st.headerDim.Render(" · ")
	}
	if m.list.counted {
		// Another query's count is not this one's: it is on the way.
		shown := "…"
		if m.list.shownFor == m.list.query {
			shown = thousands(m.list.shown)
		}
		counts := shown + " / " + thousands(m.list.total) + " "
		if m.width < 50 {
			counts = shown + " "
		}
		right += st.headerDim.Render(counts)
	}
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		// The counts matter more than the end of a long filter.
		left = ansi.Truncate(left, max(m.width-ansi.StringWidth(right)-1, 0), "…")
		gap = m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
		if gap < 1 {
			return ansi.Truncate(left+right, m.width, "…")
		}
	}
	return left + strings.Repeat(" ", gap) + right
}

// statusLine is the last message: an error in red, else a notice; or the
// question or the prompt waiting for an answer.
func (m Model) statusLine() string {
	switch m.mode() {
	case modeConfirm:
		return m.styles.prompt.Render(" " + ansi.Truncate(oneLine(m.confirm.question), max(m.width-2, 1), "…"))
	case modePrompt:
		return m.promptView()
	}
	status := m.status
	if status == "" {
		status = m.underWay()
	}
	if status == "" {
		return ""
	}
	text := " " + ansi.Truncate(oneLine(status), max(m.width-2, 1), "…")
	if m.statusErr {
		return m.styles.statusErr.Render(text)
	}
	return m.styles.status.Render(text)
}

// footer is the short help of what has the keyboard. It is drawn again
// when a binding turns on or off or its help says something else (n is
// "next annotated" in an article opened from the annotation browser).
func (m Model) footer() string {
	km := m.activeHelp()
	k := []byte(fmt.Sprint(m.width, m.styleGen, m.screen, m.welcoming(), m.mode(), " "))
	for _, b := range km.ShortHelp() {
		h := b.Help()
		k = strconv.AppendBool(k, b.Enabled())
		k = append(k, 0)
		k = append(k, h.Key...)
		k = append(k, 0)
		k = append(k, h.Desc...)
		k = append(k, 0)
	}
	if string(k) != m.lines.footerKey {
		m.lines.footerKey, m.lines.footer = string(k), m.drawFooter(km)
	}
	return m.lines.footer
}

// drawFooter draws the short help of km on the footer's line. What does
// not fit drops from the right, the way out (wayOutKeyMap) last: a footer
// too narrow for every hint still says how to leave and where the rest of
// the keys are.
func (m Model) drawFooter(km help.KeyMap) string {
	h := m.help
	h.SetWidth(0) // measured whole
	width := max(m.width-1, 1)
	bindings := slices.Clone(km.ShortHelp())
	var wayOut []key.Binding
	if w, ok := km.(wayOutKeyMap); ok {
		wayOut = w.wayOut()
	}
	for ansi.StringWidth(h.ShortHelpView(bindings)) > width {
		i := lastHint(bindings, wayOut)
		if i < 0 {
			break
		}
		bindings = slices.Delete(bindings, i, i+1)
	}
	h.SetWidth(width)
	// The help bubble can overflow by an item when not even its ellipsis
	// fits; cut what it returns.
	return ansi.Truncate(" "+h.ShortHelpView(bindings), m.width, "…")
}

// wayOutKeyMap is a key map that names the bindings of its short help that
// leave what has the keyboard (back, close, cancel; quit on the first
// screen) or show the help: the footer keeps them when it has no room for
// every hint.
type wayOutKeyMap interface {
	wayOut() []key.Binding
}

// lastHint is the index of the last binding shown of bindings that is not
// one of wayOut, or -1.
func lastHint(bindings, wayOut []key.Binding) int {
	for i := len(bindings) - 1; i >= 0; i-- {
		b := bindings[i]
		if b.Enabled() && !slices.ContainsFunc(wayOut, func(w key.Binding) bool { return sameKeys(w, b) }) {
			return i
		}
	}
	return -1
}

// fullHelp is what the help overlay lists: the active key map, with the
// keys that wait for the moment (waitingKeys) listed even while they are
// off. A key the help never shows is never learnt; pressed at the wrong
// moment, it says why it does nothing.
func (m Model) fullHelp() help.KeyMap {
	km := m.activeHelp()
	if m.mode() != modeNormal {
		return km
	}
	var also []key.Binding
	for _, w := range m.waitingKeys() {
		if !w.always && len(w.b.Keys()) > 0 && !(w.write && m.readOnly) {
			also = append(also, w.b)
		}
	}
	return listedKeys{km, also}
}

// listedKeys is a key map whose full help lists the bindings also too,
// on or off.
type listedKeys struct {
	help.KeyMap
	also []key.Binding
}

func (k listedKeys) FullHelp() [][]key.Binding {
	groups := k.KeyMap.FullHelp()
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		out[i] = slices.Clone(g)
		for j, b := range out[i] {
			if !b.Enabled() && slices.ContainsFunc(k.also, func(a key.Binding) bool {
				return slices.Equal(a.Keys(), b.Keys()) && a.Help() == b.Help()
			}) {
				out[i][j].SetEnabled(true)
			}
		}
	}
	return out
}

// overlayHelp draws the full help in a box over the screen, or, when the
// box would not fit, as a page of its own.
func (m Model) overlayHelp(screen string) string {
	box, fits := m.helpBox()
	if !fits {
		return m.helpPage()
	}
	x := max((m.width-lipgloss.Width(box))/2, 0)
	y := max((m.height-lipgloss.Height(box))/2, 0)
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(screen),
		lipgloss.NewLayer(box).X(x).Y(y).Z(1),
	).Render()
}

// helpBox is the full help in a box, and whether the box fits the screen.
func (m Model) helpBox() (string, bool) {
	h := m.help
	h.ShowAll = true
	h.SetWidth(0) // every column: it is the whole help or a page
	box := m.styles.helpBox.Render(m.styles.header.Render("Keys") + "\n\n" + h.View(m.fullHelp()))
	return box, lipgloss.Width(box) <= m.width && lipgloss.Height(box) <= m.height
}

// helpPage is the help for terminals too small for its box: a title, the
// table of keys (helpTable) from line helpTop on, and, when it does not
// all fit, a line saying which part shows and how to scroll.
func (m Model) helpPage() string {
	st := m.styles
	table := m.helpTable()
	shown, more := m.helpWindow(len(table))
	top := min(max(m.helpTop, 0), len(table)-shown)
	lines := []string{" " + st.header.Render("Keys") + st.headerDim.Render(" ("+m.helpCloseKeys()+" to close)")}
	lines = append(lines, table[top:top+shown]...)
	if more {
		lines = append(lines, " "+st.headerDim.Render(m.helpPosition(top, shown, len(table))))
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	return fitHeight(strings.Join(lines, "\n"), m.height)
}

// helpCloseKeys names the keys that close the help: its own, as bound,
// and esc.
func (m Model) helpCloseKeys() string {
	k := m.sharedKeys().help
	if label := k.Help().Key; k.Enabled() && label != "" && !slices.Contains(k.Keys(), "esc") {
		return label + " or esc"
	}
	return "esc"
}

// helpPosition says which lines of the help page's n show and how to see
// the others, in the width of the screen.
func (m Model) helpPosition(top, shown, n int) string {
	where := "below"
	switch {
	case top > 0 && top+shown < n:
		where = "above and below"
	case top > 0:
		where = "above"
	}
	pos := fmt.Sprintf("%d–%d of %d, more %s", top+1, top+shown, n, where)
	k := m.list.keys.helpKeys()
	var labels []string
	for _, b := range []key.Binding{k.Down, k.Up} {
		if b.Enabled() && b.Help().Key != "" {
			labels = append(labels, b.Help().Key)
		}
	}
	if long := pos + " · " + strings.Join(labels, " ") + " scroll"; len(labels) > 0 && ansi.StringWidth(long) < m.width {
		return long
	}
	return pos
}

// helpTable lays every enabled binding out in as many columns as the
// terminal's width allows, a line for each row.
func (m Model) helpTable() []string {
	st := m.styles
	var keys, descs []string
	keyWidth, descWidth := 0, 0
	groups := m.fullHelp().FullHelp()
	// Movement (the first group) goes last: what shows first on a page too
	// short for everything is what a reader would not guess.
	groups = append(groups[1:len(groups):len(groups)], groups[0])
	for _, group := range groups {
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			keys, descs = append(keys, b.Help().Key), append(descs, b.Help().Desc)
			keyWidth = max(keyWidth, ansi.StringWidth(b.Help().Key))
			descWidth = max(descWidth, ansi.StringWidth(b.Help().Desc))
		}
	}
	const gap = 3
	cell := keyWidth + 1 + descWidth
	cols := max((m.width-1+gap)/(cell+gap), 1)
	rows := (len(keys) + cols - 1) / cols
	lines := make([]string, 0, rows)
	for r := range rows {
		var b strings.Builder
		b.WriteByte(' ')
		for c := range cols {
			i := c*rows + r
			if i >= len(keys) {
				break
			}
			if c > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			b.WriteString(st.help.FullKey.Render(fit(keys[i], keyWidth)))
			b.WriteByte(' ')
			b.WriteString(st.help.FullDesc.Render(fit(descs[i], descWidth)))
		}
		lines = append(lines, b.String())
	}
	return lines
}

// helpWindow is how many of the help page's n lines of keys show at once
// under its title, and whether a line under them says where the page is.
func (m Model) helpWindow(n int) (shown int, more bool) {
	if avail := max(m.height-1, 1); n <= avail || m.height < 3 {
		return min(n, avail), false
	}
	return m.height - 2, true
}

// scrollHelp scrolls the help page with the list's movement keys; the
// help in a box shows everything and does not scroll.
func (m *Model) scrollHelp(msg tea.KeyPressMsg) {
	m.moveHelp(func(top, shown, n int) int {
		k := m.list.keys.helpKeys()
		switch {
		case key.Matches(msg, k.Down):
			top++
		case key.Matches(msg, k.Up):
			top--
		case key.Matches(msg, k.PageDown):
			top += max(shown-1, 1)
		case key.Matches(msg, k.PageUp):
			top -= max(shown-1, 1)
		case key.Matches(msg, k.HalfPageDown):
			top += max(shown/2, 1)
		case key.Matches(msg, k.HalfPageUp):
			top -= max(shown/2, 1)
		case key.Matches(msg, k.Top):
			top = 0
		case key.Matches(msg, k.Bottom):
			top = n
		}
		return top
	})
}

// wheelHelp scrolls the help page by delta lines.
func (m *Model) wheelHelp(delta int) {
	m.moveHelp(func(top, _, _ int) int { return top + delta })
}

// moveHelp moves the help page's first line shown to where to puts it,
// given where it is, how many lines show and how many there are; the help
// in a box does not scroll.
func (m *Model) moveHelp(to func(top, shown, n int) int) {
	if _, fits := m.helpBox(); fits {
		return
	}
	n := len(m.helpTable())
	shown, _ := m.helpWindow(n)
	top := to(min(max(m.helpTop, 0), n-shown), shown, n)
	m.helpTop = min(max(top, 0), n-shown)
}

// fitHeight pads or cuts s to exactly h lines.
func fitHeight(s string, h int) string {
	if h <= 0 {
		return ""
	}
	n := strings.Count(s, "\n") + 1
	switch {
	case n < h:
		return s + strings.Repeat("\n", h-n)
	case n > h:
		lines := strings.SplitN(s, "\n", h+1)
		return strings.Join(lines[:h], "\n")
	}
	return s
}
