package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
)

// While a passage is selected, the reader's back keys end the selection as
// its cancel key does, rather than leave the article with the passage
// chosen; and the reader's copy key copies the passage, as vim's y yanks
// what visual mode selected, not the article's link.

// selectionKeys completes the selection's bindings from the reader's: its
// cancel takes the reader's back keys too, and copy is the reader's
// copy-link keys; each without the keys the selection binds to another
// action.
func selectionKeys(sel selectionKeyMap, reader readerKeyMap) (selectionKeyMap, key.Binding) {
	bound := func(k string) bool {
		for _, b := range []key.Binding{sel.Extend, sel.Shrink, sel.OtherEnd, sel.Annotate, sel.Help, sel.Quit} {
			if slices.Contains(b.Keys(), k) {
				return true
			}
		}
		return false
	}
	if keys := sel.Cancel.Keys(); len(keys) > 0 { // an unbound cancel stays unbound
		added := false
		for _, k := range reader.Back.Keys() {
			if !bound(k) && !slices.Contains(keys, k) {
				keys, added = append(keys, k), true
			}
		}
		if added {
			rebind(&sel.Cancel, keys)
		}
	}
	copyKeys := slices.DeleteFunc(slices.Clone(reader.CopyLink.Keys()), bound)
	copyPassage := key.NewBinding(key.WithHelp(reader.CopyLink.Help().Key, "copy passage"))
	if len(copyKeys) > 0 {
		copyPassage.SetKeys(copyKeys...)
		if !slices.Equal(copyKeys, reader.CopyLink.Keys()) {
			rebind(&copyPassage, copyKeys)
		}
	}
	return sel, copyPassage
}

// selectionHelp is the selection's key map with its copy key, for the
// footer and the help.
type selectionHelp struct {
	selectionKeyMap
	copy key.Binding
}

// ShortHelp puts the copy key after help, where the footer has room for it
// from 100 columns.
func (k selectionHelp) ShortHelp() []key.Binding {
	short := k.selectionKeyMap.ShortHelp()
	at := slices.IndexFunc(short, func(b key.Binding) bool { return sameKeys(b, k.Help) })
	if at < 0 {
		return append(short, k.copy)
	}
	return slices.Insert(short, at+1, k.copy)
}

// FullHelp lists the copy key with the other actions on the passage.
func (k selectionHelp) FullHelp() [][]key.Binding {
	groups := k.selectionKeyMap.FullHelp()
	for i, g := range groups {
		if slices.ContainsFunc(g, func(b key.Binding) bool { return sameKeys(b, k.Annotate) }) {
			groups[i] = append(slices.Clone(g), k.copy)
			return groups
		}
	}
	return append(groups, []key.Binding{k.copy})
}

// sameKeys reports whether a and b are bound to the same keys.
func sameKeys(a, b key.Binding) bool {
	return len(a.Keys()) > 0 && slices.Equal(a.Keys(), b.Keys())
}
