package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// welcomeModel is what an empty library shows: how to bring articles in, and
// a key to load the bundled samples (the root acts on it). A library that
// follows feeds but holds no article from them yet says so, and takes the
// list's r and # (refresh and the tags panel) to fetch them and list them.
type welcomeModel struct {
	loading bool // the samples are being imported
	keys    welcomeKeyMap
	styles  *styles
	// feeds is what the library's subscriptions are, once read.
	feeds feedState
	// fetching is set while the feeds are being fetched.
	fetching bool
	// refresh and panel are the list's keys for refreshing the feeds and
	// for the tags panel, enabled as the list's are (refreshKeys).
	refresh, panel key.Binding
}

// View draws the welcome text centred in width x height.
func (m welcomeModel) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	st := m.styles
	lines := []string{st.welcomeTitle.Render("Welcome to tidings"), ""}
	if m.feeds.count > 0 {
		lines = append(lines, m.feedLines()...)
		lines = append(lines, "", "Or import files or folders:")
	} else {
		lines = append(lines, "Your library is empty.", "", "Import files or folders:")
	}
	lines = append(lines,
		"  "+st.welcomeCode.Render("tidings import PATH"),
		"Subscribe to a feed:",
		"  "+st.welcomeCode.Render("tidings feed add URL"),
		"Bring feeds from OPML or newsboat's urls file:",
		"  "+st.welcomeCode.Render("tidings opml import FILE"),
	)
	switch {
	case m.loading:
		lines = append(lines, "", "Loading the sample articles…")
	case m.keys.LoadSamples.Enabled():
		lines = append(lines, "", "Or press "+st.welcomeTitle.Render(m.keys.LoadSamples.Help().Key)+" to load the sample articles.")
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, "…")
	}
	if len(lines) > height {
		// Short terminals lose the spacing first, then the tail.
		lines = slices.DeleteFunc(lines, func(l string) bool { return l == "" })
		lines = lines[:min(len(lines), height)]
	}
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center,
		lipgloss.NewStyle().Align(lipgloss.Left).Render(strings.Join(lines, "\n")))
}

// feedLines say what the feeds followed are and how to fetch them: the
// library holds no article from them yet, because none was fetched or
// because what was fetched brought none.
func (m welcomeModel) feedLines() []string {
	st, f := m.styles, m.feeds
	what := plural(f.count, "feed") + " subscribed, none fetched yet"
	if f.fetched > 0 {
		what = plural(f.count, "feed") + " subscribed, no articles from them yet"
	}
	var how string
	switch {
	case m.fetching:
		how = "Fetching them now…"
	case m.refresh.Enabled() && f.fetched > 0:
		how = "Press " + st.welcomeTitle.Render(m.refresh.Help().Key) + " to fetch them again."
	case m.refresh.Enabled():
		how = "Press " + st.welcomeTitle.Render(m.refresh.Help().Key) + " to fetch them."
	default:
		how = st.welcomeCode.Render("tidings fetch") + " fetches them."
	}
	lines := []string{what + ".", how}
	if f.failed > 0 && !m.fetching {
		failed := fmt.Sprintf("%d of them failed at their last fetch", f.failed)
		if f.failed == f.count {
			failed = "Their last fetch failed"
		}
		if m.panel.Enabled() {
			failed += ": " + st.welcomeTitle.Render(m.panel.Help().Key) + " lists them with their errors"
		}
		lines = append(lines, failed+".")
	}
	return lines
}

// help is the welcome screen's key map: its own keys, and the list's
// refresh and tags panel.
func (m welcomeModel) help() welcomeHelp {
	return welcomeHelp{m.keys, m.refresh, m.panel, m.feeds.count > 0}
}

// welcomeHelp is the welcome screen's keys with the list's that work there
// too, for the footer and the help.
type welcomeHelp struct {
	welcomeKeyMap
	refresh, panel key.Binding
	// following is set when the library follows feeds: the footer then
	// offers r and # rather than the samples.
	following bool
}

// ShortHelp is the footer's help.
func (k welcomeHelp) ShortHelp() []key.Binding {
	if k.following {
		return briefs(k.refresh, k.panel, k.Help, k.Quit)
	}
	return k.welcomeKeyMap.ShortHelp()
}

// FullHelp is the help overlay's.
func (k welcomeHelp) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.LoadSamples, k.refresh, k.panel}, {k.Help, k.Suspend, k.Quit}}
}

// welcomeAction acts on a key on the welcome screen: s loads the samples;
// the list's r fetches the feeds and its # opens the tags panel, as they
// do in the list; a back key says there is nothing to go back to.
func (m *Model) welcomeAction(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.welcome.keys.LoadSamples) && !m.welcome.loading:
		m.welcome.loading = true
		return loadSamples(m.ctx, m.cfg.LoadSamples)
	case key.Matches(msg, m.welcome.refresh, m.welcome.panel):
		cmd, _ := m.listAction(msg)
		return cmd
	case m.refuseWrite(msg, m.list.keys.Refresh):
		// The status line says that the library is read-only.
	case m.refreshing && slices.Contains(m.list.keys.Refresh.Keys(), msg.String()):
		m.setStatus("Already fetching the feeds.")
	case msg.String() != "esc" && key.Matches(msg, m.backEverywhere):
		// A back key config.toml gave (newsboat's q) says which key
		// quits, as it does in the list; esc says nothing, as shipped.
		m.setStatus("No articles yet: " + nothingToGoBackTo(m.welcome.keys.Quit))
	}
	return nil
}
