package ui

import "charm.land/bubbles/v2/key"

// selectionKeyMap is the bindings while a passage is being selected in the
// reader: j and k (w and b too) move the selection's end by a sentence, o
// makes the other end the one that moves (as in vim).
type selectionKeyMap struct {
	Extend, Shrink      key.Binding
	OtherEnd            key.Binding
	Annotate, Cancel    key.Binding
	Help, Suspend, Quit key.Binding
}

func defaultSelectionKeyMap() selectionKeyMap {
	return selectionKeyMap{
		Extend:   key.NewBinding(key.WithKeys("j", "down", "w"), key.WithHelp("j/w", "next sentence")),
		Shrink:   key.NewBinding(key.WithKeys("k", "up", "b"), key.WithHelp("k/b", "previous sentence")),
		OtherEnd: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "move the other end")),
		Annotate: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "note or highlight")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Suspend:  suspendBinding(),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the footer's help: at 80 columns it shows how to move, how
// to attach the note, how to leave and where the rest is; "o" and "q" follow
// on a wider terminal. Its labels are shorter than the help overlay's.
func (k selectionKeyMap) ShortHelp() []key.Binding {
	return briefs(k.Extend, shortLabel(k.Shrink, "previous"), shortLabel(k.Annotate, "note/highlight"),
		k.Cancel, k.Help, shortLabel(k.OtherEnd, "other end"), k.Quit)
}

// wayOut is what the footer keeps when it is cut: cancel and help.
func (k selectionKeyMap) wayOut() []key.Binding { return []key.Binding{k.Cancel, k.Help} }

// shortLabel is b described by desc, for a footer short of room.
func shortLabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// FullHelp is the help overlay's.
func (k selectionKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Extend, k.Shrink, k.OtherEnd}, {k.Annotate, k.Cancel}, {k.Help, k.Suspend, k.Quit}}
}

func (k *selectionKeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"extend-selection": &k.Extend, "shrink-selection": &k.Shrink, "other-end": &k.OtherEnd,
		"annotate": &k.Annotate, "cancel-selection": &k.Cancel,
		"help": &k.Help, "suspend": &k.Suspend, "quit": &k.Quit,
	}
}

// browserKeyMap is the annotation browser's bindings. It shares its action
// names with the list and the reader, so an override moves a key in all.
type browserKeyMap struct {
	Up, Down, Top, Bottom    key.Binding
	HalfPageDown, HalfPageUp key.Binding
	Open, Filter, Back       key.Binding
	Close                    key.Binding
	Help, Suspend, Quit      key.Binding
}

func defaultBrowserKeyMap() browserKeyMap {
	return browserKeyMap{
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "newest")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "oldest")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		Open:         key.NewBinding(key.WithKeys("enter", "l", "right"), key.WithHelp("enter/l/→", "open")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Back:         key.NewBinding(key.WithKeys("esc", "h", "left"), key.WithHelp("esc/h/←", "back")),
		Close:        allAnnotationsBinding(),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Suspend:      suspendBinding(),
		Quit:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the footer's help.
func (k browserKeyMap) ShortHelp() []key.Binding {
	return briefs(k.Up, k.Down, k.Open, k.Filter, wayBack(k.Back, k.Close, "back"), k.Help, k.Quit)
}

// wayOut is what the footer keeps when it is cut: back (and A, which
// closes the browser too) and help.
func (k browserKeyMap) wayOut() []key.Binding { return []key.Binding{k.Back, k.Close, k.Help} }

// FullHelp is the help overlay's.
func (k browserKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfPageDown, k.HalfPageUp},
		{k.Open, k.Filter, k.Back, k.Close},
		{k.Help, k.Suspend, k.Quit},
	}
}

func (k *browserKeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"half-page-down": &k.HalfPageDown, "half-page-up": &k.HalfPageUp,
		"open": &k.Open, "filter": &k.Filter, "back": &k.Back, "all-annotations": &k.Close,
		"help": &k.Help, "suspend": &k.Suspend, "quit": &k.Quit,
	}
}
