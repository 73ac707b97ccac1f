package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestFilterWaitsOnAFieldBeingTyped types "berlin tag:nato" and "berlin
// source:reu" key by key: while a field's name is being typed ("tag", the
// "tag:" with no value yet) the list keeps what "berlin" found, with no
// error, and the line says why it waits; the value counts as soon as it is
// typed, and a word that is no field's start ("tagl") counts as a word.
func TestFilterWaitsOnAFieldBeingTyped(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 100, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "berlin ")
	tests := []struct {
		key   string
		shown int    // articles listed
		hint  string // in the line; "" for none
	}{
		{"t", 30, "counts from its 3rd letter"},
		{"a", 30, "counts from its 3rd letter"},
		{"g", 30, "`tag` may be tag:; a space or enter makes it a word"},
		{":", 30, "`tag:` waits for its value"},
		{"n", 4, ""}, // tag:n*: #nato, on every seventh article from the fourth
		{"\b", 30, "`tag:` waits for its value"},
		{"\b", 30, "`tag` may be tag:"},
		{"l", 0, ""}, // tagl*: no such word
		{"\b", 30, "`tag` may be tag:"},
		{"\b", 30, "counts from its 3rd letter"},
		{"\b", 30, "counts from its 3rd letter"},
		{"\b", 30, ""},
		{"s", 30, "counts from its 3rd letter"},
		{"o", 30, "counts from its 3rd letter"},
		{"u", 30, "`sou` may be source:"},
		{"r", 30, "`sour` may be source:"},
		{"c", 30, "may be source:"},
		{"e", 30, "`source` may be source:"},
		{":", 30, "`source:` waits for its value"},
		{"r", 6, ""}, // source:r*, a name's start counting at once: Reuters, every fifth article from the second
		{"e", 6, ""},
		{"u", 6, ""},
	}
	typed := "berlin "
	for _, tt := range tests {
		m = typeOrErase(t, m, tt.key, &typed)
		f := root(t, m).filter
		if f.err != nil {
			t.Errorf("after typing %q the line says %v", typed, f.err)
		}
		if shown := shownNumbers(t, m); len(shown) != tt.shown {
			t.Errorf("after typing %q: %d articles listed, want %d: %v", typed, len(shown), tt.shown, shown)
		}
		header := strings.SplitN(viewText(m), "\n", 2)[0]
		if want := fmt.Sprintf("%d / 30", tt.shown); !strings.Contains(header, want) {
			t.Errorf("after typing %q the header says %q, want %q", typed, header, want)
		}
		if tt.hint == "" && strings.Contains(f.hint, "may be") || !strings.Contains(f.hint, tt.hint) {
			t.Errorf("after typing %q the line hints %q, want %q", typed, f.hint, tt.hint)
		}
	}
}

// TestFilterEnterOnAFieldBeingTyped: enter on a field's name being typed
// keeps it as the word it now is ("berlin tag" keeps "berlin tag*", as a
// short word is kept); on a field with no value yet it asks for the value
// and the line stays open.
func TestFilterEnterOnAFieldBeingTyped(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 100, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "berlin tag:")
	m = step(t, m, press("enter"))
	if root(t, m).mode() != modeFilter {
		t.Fatal("enter kept a query that ends in tag: with no value")
	}
	if status := root(t, m).status; !strings.Contains(status, "`tag:`") || !strings.Contains(status, "type its value") {
		t.Errorf("enter on berlin tag: says %q", status)
	}
	m = step(t, m, press("backspace"))
	m = step(t, m, press("enter"))
	if root(t, m).mode() != modeNormal {
		t.Fatal("enter did not keep berlin tag")
	}
	if q := root(t, m).list.query; q.text != "berlin tag*" || q.live {
		t.Errorf("enter on berlin tag kept %+v, want berlin tag*", q)
	}
}
