package ui

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// welcomeModel is what an empty library shows: how to bring articles in, and
// a key to load the bundled samples (the root acts on it).
type welcomeModel struct {
	loading bool // the samples are being imported
	keys    welcomeKeyMap
	styles  *styles
}

// View draws the welcome text centred in width x height.
func (m welcomeModel) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	st := m.styles
	lines := []string{
		st.welcomeTitle.Render("Welcome to tidings"),
		"",
		"Your library is empty.",
		"",
		"Import files or folders:",
		"  " + st.welcomeCode.Render("tidings import PATH"),
		"Subscribe to a feed:",
		"  " + st.welcomeCode.Render("tidings feed add URL"),
		"Bring feeds from OPML or newsboat's urls file:",
		"  " + st.welcomeCode.Render("tidings opml import FILE"),
	}
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
