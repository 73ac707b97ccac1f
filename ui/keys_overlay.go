package ui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
)

// panelKeyMap is the tags panel's bindings. It shares its action names with
// the list ("down", "open", "tags-panel"...), so an override moves a key in
// both.
type panelKeyMap struct {
	Up, Down, Top, Bottom                      key.Binding
	HalfPageDown, HalfPageUp, PageDown, PageUp key.Binding
	Open, Find, Back, Close                    key.Binding
	Delete                                     key.Binding
	Help, Suspend, Quit                        key.Binding
}

func defaultPanelKeyMap() panelKeyMap {
	return panelKeyMap{
		Up:     key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:    key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom: key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		// The list's page keys, so that a long panel (every feed) is gone
		// through as the list is.
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		Open:         key.NewBinding(key.WithKeys("enter", "l", "right"), key.WithHelp("enter/l/→", "filter by it")),
		Find:         key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find by name")),
		Back:         key.NewBinding(key.WithKeys("esc", "h", "left"), key.WithHelp("esc/h/←", "close")),
		Close:        key.NewBinding(key.WithKeys("#"), key.WithHelp("#", "close")),
		Delete:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete saved search")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Suspend:      suspendBinding(),
		Quit:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the footer's help.
func (k panelKeyMap) ShortHelp() []key.Binding {
	return briefs(k.Up, k.Down, k.Open, wayBack(k.Back, k.Close, "close"), k.Help, k.Quit)
}

// wayBack is the binding a footer names for leaving a panel or screen:
// back, or, when config.toml unbinds back, close (the key that opened it,
// which closes it too), described by desc.
func wayBack(back, close key.Binding, desc string) key.Binding {
	if back.Enabled() {
		return back
	}
	return shortLabel(close, desc)
}

// wayOut is what the footer keeps when it is cut: the keys that close the
// panel, and help.
func (k panelKeyMap) wayOut() []key.Binding { return []key.Binding{k.Back, k.Close, k.Help} }

// FullHelp is the help overlay's.
func (k panelKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp},
		{k.Open, k.Find, k.Back, k.Close},
		{k.Delete, k.Help, k.Suspend, k.Quit},
	}
}

func (k *panelKeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"half-page-down": &k.HalfPageDown, "half-page-up": &k.HalfPageUp,
		"page-down": &k.PageDown, "page-up": &k.PageUp,
		"open": &k.Open, "filter": &k.Find, "back": &k.Back, "tags-panel": &k.Close, "delete-search": &k.Delete,
		"help": &k.Help, "suspend": &k.Suspend, "quit": &k.Quit,
	}
}

// inputKeyMap is the bindings of a line being typed (the filter, the tag
// editor, a prompt, a confirmation): fixed keys, listed in the footer so
// that the way out is always in sight. Bindings that do not apply to the
// line are disabled.
type inputKeyMap struct {
	Accept, Complete, Move, Save, Cancel key.Binding
}

// ShortHelp is the footer's help.
func (k inputKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Accept, k.Complete, k.Move, k.Save, k.Cancel}
}

// wayOut is what the footer keeps when it is cut: the key that leaves the
// line or the question without a change.
func (k inputKeyMap) wayOut() []key.Binding { return []key.Binding{k.Cancel} }

// FullHelp is the help overlay's.
func (k inputKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.ShortHelp()}
}

// filterKeys: enter keeps the filter, esc clears it, the arrows move in the
// list meanwhile. Save is the list's save-search, as config.toml binds it
// (filterSave).
func filterKeys() inputKeyMap {
	return inputKeyMap{
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		Complete: key.NewBinding(key.WithDisabled()),
		Move:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		Save:     key.NewBinding(key.WithDisabled()),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	}
}

// lineKeys are the keys a line being typed keeps for typing and moving in
// it, besides those that type a character.
var lineKeys = []string{"space", "left", "right", "home", "end", "backspace", "delete"}

// inLine is b without the keys that type or move in a line being typed:
// what of b still acts while a line has the keyboard, shown as such. It is
// off when nothing is left.
func inLine(b key.Binding, desc string) key.Binding {
	var keys, labels []string
	for _, k := range b.Keys() {
		if utf8.RuneCountInString(k) == 1 || slices.Contains(lineKeys, k) {
			continue
		}
		keys, labels = append(keys, k), append(labels, keyLabel(k))
	}
	if len(keys) == 0 {
		return key.NewBinding(key.WithDisabled())
	}
	out := key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(labels, "/"), desc))
	out.SetEnabled(b.Enabled())
	return out
}

// tagEditKeys: enter applies, tab completes the word being typed (again:
// the next candidate), esc leaves everything as it was.
func tagEditKeys() inputKeyMap {
	return inputKeyMap{
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Complete: key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "complete")),
		Move:     key.NewBinding(key.WithDisabled()),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// promptKeys are a one-line prompt's (the name of a saved search).
func promptKeys() inputKeyMap {
	return inputKeyMap{
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Complete: key.NewBinding(key.WithDisabled()),
		Move:     key.NewBinding(key.WithDisabled()),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// confirmKeys are a yes/no question's.
func confirmKeys() inputKeyMap {
	return inputKeyMap{
		Accept:   key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		Complete: key.NewBinding(key.WithDisabled()),
		Move:     key.NewBinding(key.WithDisabled()),
		Cancel:   key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "no")),
	}
}

// helpKeyMap is how the help page scrolls, when the terminal is too small
// for the help's box: with the list's movement keys, as configured.
type helpKeyMap struct {
	Up, Down, Top, Bottom                      key.Binding
	HalfPageDown, HalfPageUp, PageDown, PageUp key.Binding
}

func (k listKeyMap) helpKeys() helpKeyMap {
	return helpKeyMap{
		Up: k.Up, Down: k.Down, Top: k.Top, Bottom: k.Bottom,
		HalfPageDown: k.HalfPageDown, HalfPageUp: k.HalfPageUp, PageDown: k.PageDown, PageUp: k.PageUp,
	}
}
