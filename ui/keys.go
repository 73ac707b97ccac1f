package ui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tidings/feeds/marks"
)

// disabledKey in a key override unbinds the action, as in lazygit.
const disabledKey = "<disabled>"

// listKeyMap is the article list's bindings.
type listKeyMap struct {
	Up, Down, Top, Bottom                         key.Binding
	HalfPageDown, HalfPageUp, PageDown, PageUp    key.Binding
	NextUnread, PrevUnread                        key.Binding
	Open, Star, Read, OpenLink, CopyLink, Refresh key.Binding
	Filter, Clear, Select, Tag, TagAll            key.Binding
	ReadAll, Delete                               key.Binding
	TagsPanel, SaveSearch                         key.Binding
	Annotate, AllAnnotations                      key.Binding
	Help, Suspend, Quit                           key.Binding
}

func defaultListKeyMap() listKeyMap {
	return listKeyMap{
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "newest")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "oldest")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		NextUnread:   nextUnreadBinding(),
		PrevUnread:   prevUnreadBinding(),
		Open:         key.NewBinding(key.WithKeys("enter", "l", "right"), key.WithHelp("enter/l/→", "open")),
		Star:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
		Read:         key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "read/unread")),
		OpenLink:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		CopyLink:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy link")),
		// On only when the reader was given a way to fetch feeds.
		Refresh:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh feeds"), key.WithDisabled()),
		Filter:         key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Clear:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Select:         key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "select")),
		Tag:            key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tag")),
		TagAll:         key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "tag all filtered")),
		ReadAll:        key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "mark all read")),
		Delete:         deleteBinding(),
		TagsPanel:      key.NewBinding(key.WithKeys("#"), key.WithHelp("#", "tags & searches")),
		SaveSearch:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save search")),
		Annotate:       annotateBinding(),
		AllAnnotations: allAnnotationsBinding(),
		Help:           key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Suspend:        suspendBinding(),
		Quit:           key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the footer's help: what a newcomer needs, "?" for the rest.
func (k listKeyMap) ShortHelp() []key.Binding {
	return briefs(k.Up, k.Down, k.Open, k.Filter, k.Tag, k.Star, k.Help, k.Quit)
}

// wayOut is what the footer keeps when it is cut: help and quit, the way
// out of the first screen.
func (k listKeyMap) wayOut() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp is the help overlay's.
func (k listKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp,
			k.NextUnread, k.PrevUnread},
		// One column for the actions, so that the box fits 80 columns.
		{k.Open, k.Star, k.Read, k.OpenLink, k.CopyLink, k.Refresh,
			k.Filter, k.Clear, k.Select, k.Tag, k.TagAll, k.ReadAll, k.Delete, k.TagsPanel, k.SaveSearch,
			k.Annotate, k.AllAnnotations},
		{k.Help, k.Suspend, k.Quit},
	}
}

func (k *listKeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"half-page-down": &k.HalfPageDown, "half-page-up": &k.HalfPageUp,
		"page-down": &k.PageDown, "page-up": &k.PageUp,
		"next-unread": &k.NextUnread, "prev-unread": &k.PrevUnread,
		"open": &k.Open, "star": &k.Star, "read": &k.Read,
		"open-link": &k.OpenLink, "copy-link": &k.CopyLink, "refresh": &k.Refresh,
		"filter": &k.Filter, "clear": &k.Clear, "select": &k.Select, "tag": &k.Tag, "tag-all": &k.TagAll, "read-all": &k.ReadAll,
		"delete-article": &k.Delete, "tags-panel": &k.TagsPanel, "save-search": &k.SaveSearch,
		"annotate": &k.Annotate, "all-annotations": &k.AllAnnotations,
		"help": &k.Help, "suspend": &k.Suspend, "quit": &k.Quit,
	}
}

// readerKeyMap is the article reader's bindings.
type readerKeyMap struct {
	Up, Down, Top, Bottom                      key.Binding
	HalfPageDown, HalfPageUp, PageDown, PageUp key.Binding
	NextUnread, PrevUnread, Next, Prev, Back   key.Binding
	Star, Read, OpenLink, CopyLink, Tag        key.Binding
	Annotate, SelectPassage, AllAnnotations    key.Binding
	NextHighlight, PrevHighlight               key.Binding
	EditNote, DeleteNote, UndoDelete           key.Binding
	Links, Delete                              key.Binding
	Help, Suspend, Quit                        key.Binding
}

func defaultReaderKeyMap() readerKeyMap {
	return readerKeyMap{
		Up:             key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:           key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:            key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:         key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
		HalfPageDown:   key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfPageUp:     key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown:       key.NewBinding(key.WithKeys("space", "pgdown"), key.WithHelp("space/pgdn", "page down")),
		PageUp:         key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		NextUnread:     nextUnreadBinding(),
		PrevUnread:     prevUnreadBinding(),
		Next:           key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "next")),
		Prev:           key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "previous")),
		Back:           key.NewBinding(key.WithKeys("esc", "h", "left"), key.WithHelp("esc/h/←", "back")),
		Star:           key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
		Read:           key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "read/unread")),
		OpenLink:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		CopyLink:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy link")),
		Links:          linksBinding(),
		Tag:            key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tag")),
		Delete:         deleteBinding(),
		Annotate:       annotateBinding(),
		SelectPassage:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "select")),
		AllAnnotations: allAnnotationsBinding(),
		NextHighlight:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next note")),
		PrevHighlight:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous note")),
		EditNote:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit note")),
		DeleteNote:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete note")),
		UndoDelete:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo delete")),
		Help:           key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Suspend:        suspendBinding(),
		Quit:           key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// nextUnreadBinding is n's: the next unread article in the list's order,
// as newsboat's next-unread; J (next) goes to the next article whatever it
// is.
func nextUnreadBinding() key.Binding {
	return key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next unread"))
}

// prevUnreadBinding is p's: the previous unread article, as newsboat's
// prev-unread.
func prevUnreadBinding() key.Binding {
	return key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous unread"))
}

// annotateBinding is a's: a note on the article or the selected passage.
func annotateBinding() key.Binding {
	return key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "note"))
}

// allAnnotationsBinding is A's: the annotation browser.
func allAnnotationsBinding() key.Binding {
	return key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "all annotations"))
}

// deleteBinding is D's: the article, or the selection, deleted after a
// yes, as in newsboat.
func deleteBinding() key.Binding {
	return key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete article"))
}

// suspendBinding is ctrl+z's: back to the shell, as in vim and newsboat;
// fg brings the reader back.
func suspendBinding() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend"))
}

// ShortHelp is the footer's help: what a newcomer needs, "?" for the rest
// (s star too: with n's "next unread" it would push q quit off 80 columns).
func (k readerKeyMap) ShortHelp() []key.Binding {
	return briefs(k.Back, k.NextUnread, k.Tag, k.Annotate, k.SelectPassage, k.Help, k.Quit)
}

// wayOut is what the footer keeps when it is cut: back and help (q, which
// leaves tidings, gives way to the reader's own keys).
func (k readerKeyMap) wayOut() []key.Binding { return []key.Binding{k.Back, k.Help} }

// FullHelp is the help overlay's.
func (k readerKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		// D under the moves: in the actions' column the box would run
		// into the footer at 24 rows.
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp, k.Delete},
		// One column for the actions, so that the box fits 80 columns.
		{k.NextUnread, k.PrevUnread, k.Next, k.Prev, k.Back, k.Star, k.Read, k.OpenLink, k.CopyLink, k.Links, k.Tag,
			k.Annotate, k.SelectPassage, k.NextHighlight, k.PrevHighlight, k.EditNote, k.DeleteNote,
			k.UndoDelete, k.AllAnnotations},
		{k.Help, k.Suspend, k.Quit},
	}
}

func (k *readerKeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"half-page-down": &k.HalfPageDown, "half-page-up": &k.HalfPageUp,
		"page-down": &k.PageDown, "page-up": &k.PageUp,
		"next-unread": &k.NextUnread, "prev-unread": &k.PrevUnread,
		"next": &k.Next, "prev": &k.Prev, "back": &k.Back,
		"star": &k.Star, "read": &k.Read, "open-link": &k.OpenLink, "copy-link": &k.CopyLink,
		"tag": &k.Tag, "delete-article": &k.Delete, "help": &k.Help, "suspend": &k.Suspend, "quit": &k.Quit,
		"annotate": &k.Annotate, "select-passage": &k.SelectPassage, "all-annotations": &k.AllAnnotations,
		"next-highlight": &k.NextHighlight, "prev-highlight": &k.PrevHighlight,
		"edit-note": &k.EditNote, "delete-note": &k.DeleteNote, "undo-delete": &k.UndoDelete,
		"links": &k.Links,
	}
}

// welcomeKeyMap is the empty library's bindings.
type welcomeKeyMap struct {
	LoadSamples, Help, Suspend, Quit key.Binding
}

func defaultWelcomeKeyMap() welcomeKeyMap {
	return welcomeKeyMap{
		LoadSamples: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "load the sample articles")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Suspend:     suspendBinding(),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the footer's help.
func (k welcomeKeyMap) ShortHelp() []key.Binding {
	return briefs(k.LoadSamples, k.Help, k.Quit)
}

// briefs are bindings as the footer shows them: without the arrows that
// go with h and l (enter/l open, esc/h back), for which it has no room at
// 80 columns; the ? help lists them (enter/l/→ open).
func briefs(bindings ...key.Binding) []key.Binding {
	for i, b := range bindings {
		if short, ok := footerLabels[b.Help().Key]; ok {
			bindings[i].SetHelp(short, b.Help().Desc)
		}
	}
	return bindings
}

var footerLabels = map[string]string{"enter/l/→": "enter/l", "esc/h/←": "esc/h", "enter/o/→": "enter/o"}

// wayOut is what the footer keeps when it is cut: help and quit, the way
// out of the first screen.
func (k welcomeKeyMap) wayOut() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp is the help overlay's.
func (k welcomeKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.LoadSamples}, {k.Help, k.Suspend, k.Quit}}
}

func (k *welcomeKeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{"load-samples": &k.LoadSamples, "help": &k.Help, "suspend": &k.Suspend, "quit": &k.Quit}
}

// keyMaps holds every screen's bindings.
type keyMaps struct {
	list      listKeyMap
	reader    readerKeyMap
	welcome   welcomeKeyMap
	panel     panelKeyMap
	selection selectionKeyMap
	browser   browserKeyMap
	links     linksKeyMap
}

// screenActions is one screen's bindings by action name.
type screenActions struct {
	table   string // its table in config.toml: [keys.reader]
	screen  string // how messages name it: "reader", "tags panel"
	actions map[string]*key.Binding
	// fixed are the keys the screen reads before any binding, which no
	// action can have there, and what they do: the links panel's digits.
	fixed map[string]string
	// exits are the actions that leave the screen for the one under it:
	// config.toml cannot unbind them all, which would leave quitting as
	// the only way out.
	exits []string
}

// screens are the key maps' screens, as config.toml names them.
func (km *keyMaps) screens() []screenActions {
	return []screenActions{
		{table: "list", screen: "list", actions: km.list.actions()},
		{table: "reader", screen: "reader", actions: km.reader.actions(), exits: []string{"back"}},
		{table: "welcome", screen: "welcome screen", actions: km.welcome.actions()},
		{table: "tags", screen: "tags panel", actions: km.panel.actions(), exits: []string{"back", "tags-panel"}},
		{table: "selection", screen: "passage selection", actions: km.selection.actions()},
		{table: "annotations", screen: "annotation browser", actions: km.browser.actions(), exits: []string{"back", "all-annotations"}},
		{table: "links", screen: "links panel", actions: km.links.actions(),
			fixed: fixedKeys(km.links.Number, "goes to a link by its number"), exits: []string{"back", "links"}},
	}
}

// fixedKeys is each of b's keys with what it does.
func fixedKeys(b key.Binding, does string) map[string]string {
	out := map[string]string{}
	for _, k := range b.Keys() {
		out[k] = does
	}
	return out
}

// keyOverride is one setting of config.toml's [keys]: an action's keys on
// every screen that has it (screen ""), or on one screen.
type keyOverride struct {
	screen, action string
	keys           []string
}

func (o keyOverride) setting() string {
	if o.screen == "" {
		return "keys." + o.action
	}
	return "keys." + o.screen + "." + o.action
}

// newKeyMaps builds the default bindings with the overrides from config
// applied. An override named by its action ("down") applies to the action
// on every screen that has it; one named by a screen and an action
// ("reader.down", config.toml's [keys.reader] table) to that screen alone,
// whatever the first says. Errors name the setting (keys.down,
// keys.reader.down).
func newKeyMaps(overrides map[string][]string, mistakes map[string]string) (keyMaps, error) {
	km := keyMaps{defaultListKeyMap(), defaultReaderKeyMap(), defaultWelcomeKeyMap(), defaultPanelKeyMap(),
		defaultSelectionKeyMap(), defaultBrowserKeyMap(), defaultLinksKeyMap()}
	screens := km.screens()
	known := map[string]bool{}
	tables := make([]string, len(screens))
	for i, s := range screens {
		tables[i] = s.table
		for a := range s.actions {
			known[a] = true
		}
	}
	var all, perScreen []keyOverride
	// Sorted, so that the first error reported is always the same one.
	names := slices.Collect(maps.Keys(overrides))
	for name := range mistakes {
		if _, ok := overrides[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		o, err := readOverride(name, overrides[name], mistakes[name], screens, known, tables)
		if err != nil {
			return km, err
		}
		if o.screen == "" {
			all = append(all, o)
		} else {
			perScreen = append(perScreen, o)
		}
	}
	for _, o := range append(all, perScreen...) {
		for _, s := range screens {
			if b, ok := s.actions[o.action]; ok && (o.screen == "" || o.screen == s.table) {
				rebind(b, o.keys)
			}
		}
	}
	backClears(&km.list, all, overrides)
	for _, s := range screens {
		if err := checkConflicts(s, screens, overrides); err != nil {
			return km, err
		}
		if err := checkExits(s, overrides); err != nil {
			return km, err
		}
	}
	return km, nil
}

// backClears gives the list's clear the keys config.toml gives back on every
// screen ([keys] back, of all the overrides for every screen) that no action
// of the list has. The list has no back of its own: leaving a filter (or the
// selection, first) is its way back, as esc does, so that the README's
// newsboat keys (back = [..., "q"], quit = "Q") leave a feed's articles
// with q, as newsboat's q leaves a feed's article list. A clear that
// config.toml binds itself keeps the keys it was given.
func backClears(list *listKeyMap, all []keyOverride, overrides map[string][]string) {
	_, cleared := overrides["clear"]
	_, listCleared := overrides["list.clear"]
	i := slices.IndexFunc(all, func(o keyOverride) bool { return o.action == "back" })
	if i < 0 || cleared || listCleared || slices.Contains(all[i].keys, disabledKey) {
		return
	}
	taken := map[string]bool{}
	for _, b := range list.actions() {
		for _, k := range b.Keys() {
			taken[k] = true
		}
	}
	keys := slices.Clone(list.Clear.Keys())
	for _, k := range all[i].keys {
		if !taken[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) > len(list.Clear.Keys()) {
		rebind(&list.Clear, keys)
	}
}

// readOverride reads the override config.toml's keys.<name> gives, checking
// that it names an action (of the screen it names) and keys; what is what
// the setting gave when it is not keys ("the integer 5"), else "".
func readOverride(name string, keys []string, what string, screens []screenActions, known map[string]bool, tables []string) (keyOverride, error) {
	setting := "keys." + name
	// The example is the action's own shipped keys on the screen the
	// setting names, or those it has on every screen that has it, so
	// following it clashes with nothing.
	wantKeys := func(setting, action string, screen int, what string) error {
		var shipped []string
		first := true
		for j, s := range screens {
			b := s.actions[action]
			if b == nil || screen >= 0 && j != screen {
				continue
			}
			if first {
				shipped, first = slices.Clone(b.Keys()), false
				continue
			}
			shipped = slices.DeleteFunc(shipped, func(k string) bool { return !slices.Contains(b.Keys(), k) })
		}
		if len(shipped) == 0 {
			return fmt.Errorf("%s: want a key or a list of keys, not %s", setting, what)
		}
		return fmt.Errorf("%s: want a key (%s) or a list of keys (%s), not %s", setting, tomlKeys(shipped[:1]), tomlKeyList(shipped[:min(len(shipped), 2)]), what)
	}
	o := keyOverride{action: name}
	table, action, dotted := strings.Cut(name, ".")
	i := slices.Index(tables, table)
	switch {
	case name == "":
		return o, fmt.Errorf("keys: want a table of actions and their keys ([keys]), not %s", what)
	case dotted && i < 0 && known[table]:
		return o, wantKeys("keys."+table, table, -1, "a table")
	case dotted && i < 0:
		return o, fmt.Errorf("keys.%s: unknown screen (screens: %s)", table, strings.Join(tables, ", "))
	case dotted && screens[i].actions[action] == nil && known[action]:
		return o, fmt.Errorf("%s: the %s has no %s action (its actions: %s)", setting, screens[i].screen, action, strings.Join(slices.Sorted(maps.Keys(screens[i].actions)), ", "))
	case dotted && screens[i].actions[action] == nil:
		return o, fmt.Errorf("%s: unknown action (the %s's: %s)", setting, screens[i].screen, strings.Join(slices.Sorted(maps.Keys(screens[i].actions)), ", "))
	case dotted:
		o.screen, o.action = table, action
	case !known[name] && i >= 0:
		if what == "" {
			what = tomlKeys(keys)
		}
		return o, fmt.Errorf("%s: want a table of the %s's actions and their keys ([keys.%s]), not %s", setting, screens[i].screen, name, what)
	case !known[name]:
		return o, fmt.Errorf("%s: unknown action (known: %s)", setting, strings.Join(slices.Sorted(maps.Keys(known)), ", "))
	}
	if what != "" {
		if o.screen == "" {
			i = -1
		}
		return o, wantKeys(setting, o.action, i, what)
	}
	checked, err := checkKeys(keys)
	if err != nil {
		return o, fmt.Errorf("%s: %w", setting, err)
	}
	o.keys = checked
	return o, nil
}

// tomlKeys is keys as config.toml writes them: "j", ["j", "down"].
func tomlKeys(keys []string) string {
	quoted := make([]string, len(keys))
	for i, k := range keys {
		quoted[i] = strconv.Quote(k)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// tomlKeyList is keys as config.toml writes a list of them: ["j", "down"],
// ["j"].
func tomlKeyList(keys []string) string {
	if len(keys) == 1 {
		return "[" + tomlKeys(keys) + "]"
	}
	return tomlKeys(keys)
}

// rebind gives b the keys from an override, with matching help text.
func rebind(b *key.Binding, keys []string) {
	if len(keys) == 1 && keys[0] == disabledKey {
		b.Unbind()
		return
	}
	desc := b.Help().Desc
	b.SetKeys(keys...)
	labels := make([]string, len(keys))
	for i, k := range keys {
		labels[i] = keyLabel(k)
	}
	b.SetHelp(strings.Join(labels, "/"), desc)
}

// checkConflicts reports a key bound to two actions on one screen, naming
// an overridden action's setting (the one the user can change): the
// screen's own ([keys.reader]) before the one for every screen. A key that
// the override for every screen brings into a clash on one screen is told
// where else it could go on its own.
func checkConflicts(s screenActions, screens []screenActions, overrides map[string][]string) error {
	rank := func(action string) int { return overrideRank(s, action, overrides) }
	owner := map[string]string{}
	for _, action := range slices.Sorted(maps.Keys(s.actions)) {
		for _, k := range s.actions[action].Keys() {
			if does, ok := s.fixed[k]; ok {
				// The screen reads the key first: bound, it would do
				// nothing there, though the help said it did.
				if rank(action) == 2 {
					return fmt.Errorf("keys.%s.%s: %q %s in the %s", s.table, action, k, does, s.screen)
				}
				return freeElsewhere(fmt.Errorf("keys.%s: %q %s in the %s", action, k, does, s.screen), s, screens, k, action)
			}
			other, ok := owner[k]
			if !ok {
				owner[k] = action
				continue
			}
			mine := action
			if rank(other) > rank(action) {
				mine, other = other, action
			}
			if rank(mine) == 2 {
				return fmt.Errorf("keys.%s.%s: %q is also bound to %q in the %s", s.table, mine, k, other, s.screen)
			}
			return freeElsewhere(fmt.Errorf("keys.%s: %q is also bound to %q in the %s", mine, k, other, s.screen), s, screens, k, mine)
		}
	}
	return nil
}

// overrideRank is how closely config.toml names an action's keys on screen
// s: 2 in the screen's own table ([keys.reader]), 1 for every screen, 0 not
// at all.
func overrideRank(s screenActions, action string, overrides map[string][]string) int {
	if _, ok := overrides[s.table+"."+action]; ok {
		return 2
	}
	if _, ok := overrides[action]; ok {
		return 1
	}
	return 0
}

// freeElsewhere is err, about key k of action on screen s given for every
// screen, telling where else the key is free for the action, to be written
// under those screens' tables alone.
func freeElsewhere(err error, s screenActions, screens []screenActions, k, action string) error {
	var elsewhere []string
	for _, o := range screens {
		if _, ok := o.actions[action]; ok && o.table != s.table && !boundElsewhere(o, k, action) {
			elsewhere = append(elsewhere, "[keys."+o.table+"]")
		}
	}
	if len(elsewhere) == 0 {
		return err
	}
	return fmt.Errorf("%w (for one screen alone, write %s under its table: %s)", err, action, orList(elsewhere))
}

// boundElsewhere reports whether k is bound to another action than action
// on screen s, or is one of the keys the screen reads first.
func boundElsewhere(s screenActions, k, action string) bool {
	if _, ok := s.fixed[k]; ok {
		return true
	}
	for a, b := range s.actions {
		if a != action && slices.Contains(b.Keys(), k) {
			return true
		}
	}
	return false
}

// checkExits refuses overrides that unbind every action leaving screen s
// (the reader's back, the panels' close keys), which would leave quitting
// as the only way out of it, naming the setting that unbinds the last of
// them.
func checkExits(s screenActions, overrides map[string][]string) error {
	if len(s.exits) == 0 {
		return nil
	}
	// The setting named is the one closest to the screen, as for a clash.
	named, rank := s.exits[0], -1
	for _, action := range s.exits {
		if len(s.actions[action].Keys()) > 0 {
			return nil
		}
		if r := overrideRank(s, action, overrides); r > rank {
			named, rank = action, r
		}
	}
	setting := "keys." + named
	if rank == 2 {
		setting = "keys." + s.table + "." + named
	}
	others := slices.DeleteFunc(slices.Clone(s.exits), func(a string) bool { return a == named })
	if len(others) == 0 {
		return fmt.Errorf("%s: %q leaves the %s no way out but quitting; keep a key for %s", setting, disabledKey, s.screen, named)
	}
	return fmt.Errorf("%s: %q leaves the %s no way out but quitting (%s is unbound too); keep a key for one of them",
		setting, disabledKey, s.screen, strings.Join(others, " and "))
}

// orList is "a", "a or b", "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// escPress is a key press with alt and esc read as esc. Two esc bytes in
// one read (esc pressed twice quickly, or both arriving at once over a
// slow link) come as alt and esc, which can mean nothing else to the user:
// read so, the help closes and the reader goes back on them, as on esc,
// everywhere esc does something.
func escPress(msg tea.KeyPressMsg) tea.KeyPressMsg {
	if msg.Code == tea.KeyEscape && msg.Mod == tea.ModAlt {
		msg.Mod = 0
	}
	return msg
}

// checkKeys reports a key name Bubble Tea would never produce, so a typo
// does not silently leave an action unreachable, and a key tidings keeps
// for itself. It returns the keys as Bubble Tea names them (normalKey),
// each once.
func checkKeys(keys []string) ([]string, error) {
	if len(keys) == 0 {
		return nil, fmt.Errorf("no keys (use %q to unbind)", disabledKey)
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if k == disabledKey {
			if len(keys) > 1 {
				return nil, fmt.Errorf("%q cannot be combined with keys", disabledKey)
			}
			out = append(out, k)
			continue
		}
		n, err := normalKey(k)
		if err != nil {
			return nil, err
		}
		if why, ok := reservedKeys[n]; ok {
			return nil, fmt.Errorf("%s %s; choose another key", quotedKey(k), why)
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// reservedKeys are the keys tidings keeps whatever config.toml says, and
// why.
var reservedKeys = map[string]string{
	"ctrl+c": "always quits tidings",
}

var namedKeys = map[string]bool{
	"enter": true, "esc": true, "tab": true, "space": true, "backspace": true, "delete": true,
	"insert": true, "up": true, "down": true, "left": true, "right": true, "home": true,
	"end": true, "pgup": true, "pgdown": true,
}

// modifiers in the order Bubble Tea writes them in a key's name
// (ultraviolet's Key.Keystroke).
var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// usShifted is what shift and a digit or a punctuation key type on a US
// keyboard, for the hint when config.toml names them so.
var usShifted = map[rune]rune{
	'1': '!', '2': '@', '3': '#', '4': '$', '5': '%', '6': '^', '7': '&', '8': '*', '9': '(', '0': ')',
	'-': '_', '=': '+', '[': '{', ']': '}', '\\': '|', ';': ':', '\'': '"', ',': '<', '.': '>', '/': '?', '`': '~',
}

// helpLabels are the help's labels of keys, each taken for the key it
// shows: "↑" in config.toml is the up arrow, as "↑/k up" in the help says.
var helpLabels = map[string]string{"↑": "up", "↓": "down", "←": "left", "→": "right", "pgdn": "pgdown"}

// typedKeys are the names of keys that type a space or a control
// character, for the hint when config.toml gives the character itself
// (read = "\t", an escape TOML reads as a tab).
var typedKeys = map[string]string{
	" ": "space", "\t": "tab", "\n": "enter", "\r": "enter", "\r\n": "enter",
	"\x1b": "esc", "\x7f": "backspace", "\b": "backspace",
}

// otherNames are names other programs give keys (newsboat's NPAGE, a
// browser's PageDown), for the hint when config.toml uses them.
var otherNames = map[string]string{
	"pagedown": "pgdown", "page_down": "pgdown", "page-down": "pgdown", "pgdwn": "pgdown", "npage": "pgdown",
	"pageup": "pgup", "page_up": "pgup", "page-up": "pgup", "ppage": "pgup",
	"return": "enter", "ret": "enter", "cr": "enter", "escape": "esc", "del": "delete", "ins": "insert",
	"bs": "backspace", "spacebar": "space", "arrowup": "up", "arrowdown": "down", "arrowleft": "left", "arrowright": "right",
}

// normalKey is k as Bubble Tea names the key press (tea.KeyPressMsg's
// String, which key.Matches compares): modifiers in Bubble Tea's order
// ("alt+ctrl+x" is "ctrl+alt+x"); the help's labels as the keys they show
// ("↑" is "up", "pgdn" is "pgdown"); shift and a letter, alone, as the
// capital letter that key types ("shift+m" is "M"); ctrl and a capital as
// ctrl and the letter, which is what a terminal sends for both ("ctrl+J"
// is "ctrl+j", as newsboat's ^J and vim's <C-J>); a capital letter with
// another modifier as shift and the letter ("alt+M" is "alt+shift+m", what
// a terminal's alt and shift and m arrives as). Shift and a digit or a
// punctuation key is refused: it arrives as the character it types, which
// depends on the keyboard. A name that is no key is refused, with the
// right name when it is plain which key was meant ("pagedown", "Ctrl+x",
// "^J").
func normalKey(k string) (string, error) {
	n, err := keyName(k)
	if err == errNotKey {
		if hint := keyHint(k); hint != "" {
			return "", fmt.Errorf("%s is not a key name: %s", quotedKey(k), hint)
		}
		return "", fmt.Errorf("%s is not a key name (examples: j, J, ctrl+d, alt+enter, pgdown, space, f5)", quotedKey(k))
	}
	return n, err
}

// quotedKey is a key as config.toml gave it, quoted as a TOML string ("j",
// "\t"), for a message to show it as written. Messages are printed as one
// line whose runs of spaces are folded into one, which would show "  s" as
// " s": a value with two spaces in a row has its spaces written as the
// escape TOML reads as a space ("\u0020\u0020s").
func quotedKey(k string) string {
	q := strconv.Quote(k)
	if !strings.Contains(q, "  ") {
		return q
	}
	return strings.ReplaceAll(q, " ", `\u0020`)
}

var errNotKey = errors.New("not a key name")

// altEscError is alt+esc named in config.toml (name, as written): a key
// that never arrives, tidings reading it as esc (escPress).
type altEscError struct{ name string }

func (e altEscError) Error() string {
	return fmt.Sprintf("%s never arrives: tidings reads it as esc, which two esc presses at once arrive as; write \"esc\"", quotedKey(e.name))
}

// keyName is normalKey without the hints: errNotKey for a name that is no
// key.
func keyName(k string) (string, error) {
	mods := map[string]bool{}
	base := k
	for {
		m, rest, ok := strings.Cut(base, "+")
		if !ok || rest == "" || !slices.Contains(modifiers, m) {
			break // "+" alone, or "ctrl++", is the key +
		}
		if mods[m] {
			return "", errNotKey
		}
		mods[m], base = true, rest
	}
	if named, ok := helpLabels[base]; ok {
		base = named
	}
	switch {
	case namedKeys[base] && base == "esc" && mods["alt"] && len(mods) == 1:
		return "", altEscError{k}
	case namedKeys[base]:
	case utf8.RuneCountInString(base) == 1:
		r, _ := utf8.DecodeRuneInString(base)
		if r <= ' ' || r == 0x7f || !unicode.IsGraphic(r) || unicode.In(r, unicode.Mn, unicode.Me) || marks.Ignorable(r) {
			// Nothing a key types alone: a control, a space, a mark
			// that goes on another character, one that shows nothing.
			return "", errNotKey
		}
		switch {
		case mods["shift"] && len(mods) == 1 && unicode.IsLetter(r) && unicode.ToUpper(r) != r:
			return string(unicode.ToUpper(r)), nil // what the key types
		case mods["shift"] && len(mods) == 1 && unicode.IsUpper(r):
			return base, nil
		case mods["shift"] && len(mods) == 1:
			hint := ""
			if c, ok := usShifted[r]; ok {
				hint = fmt.Sprintf(" (%q on a US keyboard)", string(c))
			}
			return "", fmt.Errorf("%s never arrives: shift and %s arrive as the character they type; write that character%s", quotedKey(k), base, hint)
		case mods["ctrl"] && !mods["shift"] && r < utf8.RuneSelf && unicode.IsUpper(r):
			// A terminal sends ctrl and j, with shift or without, as
			// one control character: ctrl+j. (One that tells them apart
			// sends ctrl+shift+j, which config.toml can name so.)
			base = string(unicode.ToLower(r))
		case len(mods) > 0 && r < utf8.RuneSelf && unicode.IsUpper(r):
			mods["shift"], base = true, string(unicode.ToLower(r))
		}
	case len(base) >= 2 && base[0] == 'f':
		var n int
		if _, err := fmt.Sscanf(base[1:], "%d", &n); err != nil || n < 1 || n > 63 || fmt.Sprint(n) != base[1:] {
			return "", errNotKey
		}
	default:
		return "", errNotKey
	}
	var b strings.Builder
	for _, m := range modifiers {
		if mods[m] {
			b.WriteString(m + "+")
		}
	}
	b.WriteString(base)
	return b.String(), nil
}

// keyHint names the key a name that is no key plainly means: the key that
// types the character given ("\t" is tab), the name without the spaces
// around it ("  s"), another program's name for it ("pagedown", "ESCAPE",
// "^J"), its name in another case ("Ctrl+X", "PgDn"), the keys of a help
// label ("enter/l"); esc for alt+esc so named ("Alt+Escape"), which
// tidings reads as esc; "" when nothing is plain.
func keyHint(k string) string {
	try := func(name string) string {
		n, err := keyName(name)
		if errors.As(err, new(altEscError)) {
			return "esc" // what tidings reads it as
		}
		if err == nil {
			return n
		}
		return ""
	}
	if n, ok := typedKeys[k]; ok {
		return fmt.Sprintf("write %q", n)
	}
	if trimmed := strings.TrimSpace(k); trimmed != k {
		if n := try(trimmed); n != "" {
			return fmt.Sprintf("a key name has no spaces around it; write %q", n)
		}
	}
	if r := []rune(k); len(r) == 2 && r[0] == '^' && r[1] >= '@' && r[1] <= '~' && r[1] != '^' {
		if n := try("ctrl+" + strings.ToLower(string(r[1]))); n != "" {
			return fmt.Sprintf("write %q", n)
		}
	}
	if parts := strings.Split(k, "/"); len(parts) > 1 && !slices.Contains(parts, "") {
		for i, p := range parts {
			if parts[i] = try(p); parts[i] == "" {
				if parts[i] = try(strings.ToLower(p)); parts[i] == "" {
					return ""
				}
			}
		}
		return "for several keys, write a list: " + tomlKeys(parts)
	}
	lower := strings.ToLower(k)
	mods, base := "", lower
	if i := strings.LastIndex(lower, "+"); i > 0 && i < len(lower)-1 {
		mods, base = lower[:i+1], lower[i+1:]
	}
	if other, ok := otherNames[base]; ok {
		if n := try(mods + other); n != "" {
			return fmt.Sprintf("write %q", n)
		}
	}
	if lower != k {
		if n := try(lower); n != "" {
			return fmt.Sprintf("write %q", n)
		}
	}
	return ""
}

// keyLabel is how a key is shown in help.
func keyLabel(k string) string {
	switch k {
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	case "pgdown":
		return "pgdn"
	}
	return k
}
