package ui

import (
	"reflect"
	"testing"
)

// TestLinksPanelArrows: in the links panel → opens the link under the
// cursor and ← closes the panel, as they open and go back elsewhere.
func TestLinksPanelArrows(t *testing.T) {
	var opened []string
	cfg := Config{OpenURL: func(u string) error { opened = append(opened, u); return nil }}
	m := start(t, linkedLibrary(t), cfg, 90, 20)
	m = steps(t, m, "enter", "L", "j")
	m = step(t, m, pressed(t, rightArrow))
	if !reflect.DeepEqual(opened, []string{"https://gov.example/statement"}) {
		t.Fatalf("→ on the second link opened %q", opened)
	}
	m = steps(t, m, "L")
	if m = step(t, m, pressed(t, leftArrow)); root(t, m).links.open || root(t, m).screen != screenReader {
		t.Errorf("←: panel open %v, screen %v; want the reader", root(t, m).links.open, root(t, m).screen)
	}
}
