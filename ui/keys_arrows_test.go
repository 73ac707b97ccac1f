package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// pressed is the key press a terminal's bytes arrive as.
func pressed(t *testing.T, bytes string) tea.KeyPressMsg {
	t.Helper()
	var d uv.EventDecoder
	n, ev := d.Decode([]byte(bytes))
	k, ok := ev.(uv.KeyPressEvent)
	if !ok || n != len(bytes) {
		t.Fatalf("%q is read as %T (%d bytes), not a key press", bytes, ev, n)
	}
	return tea.KeyPressMsg(k)
}

// Bytes a terminal sends for keys that press does not build.
const (
	leftArrow  = "\x1b[D"
	rightArrow = "\x1b[C"
	upArrow    = "\x1b[A"
	ctrlW      = "\x17"
)

// TestArrowsOpenAndGoBack: → opens and ← goes back, as l and h do, where
// the arrows do nothing else: the list, the reader, the tags panel and the
// annotation browser; the help lists them.
func TestArrowsOpenAndGoBack(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	m := start(t, lib, Config{}, 100, 30)
	if m = step(t, m, pressed(t, rightArrow)); root(t, m).screen != screenReader {
		t.Fatal("→ does not open the article")
	}
	if s := words(viewText(step(t, m, press("?")))); !strings.Contains(s, "esc/h/← back") {
		t.Errorf("the reader's help does not list ←:\n%s", s)
	}
	if m = step(t, m, pressed(t, leftArrow)); root(t, m).screen != screenList {
		t.Fatal("← does not go back to the list")
	}
	if s := words(viewText(step(t, m, press("?")))); !strings.Contains(s, "enter/l/→ open") {
		t.Errorf("the list's help does not list →:\n%s", s)
	}
	if m = step(t, m, pressed(t, leftArrow)); root(t, m).screen != screenList {
		t.Error("← in the list left it")
	}

	m = steps(t, m, "#")
	if m = step(t, m, pressed(t, leftArrow)); root(t, m).mode() == modePanel {
		t.Error("← does not close the tags panel")
	}
	m = steps(t, m, "#")
	if m = step(t, m, pressed(t, rightArrow)); root(t, m).mode() == modePanel || root(t, m).list.query.text == "" {
		t.Errorf("→ does not filter by the panel's row: %q", root(t, m).list.query.text)
	}

	m = steps(t, m, "esc", "A")
	if root(t, m).screen != screenBrowser {
		t.Fatal("A does not open the annotation browser")
	}
	if m = step(t, m, pressed(t, rightArrow)); root(t, m).screen != screenReader {
		t.Fatal("→ does not open the annotation")
	}
	if m = step(t, m, pressed(t, leftArrow)); root(t, m).screen != screenBrowser {
		t.Fatal("← does not go back to the browser")
	}
	if m = step(t, m, pressed(t, leftArrow)); root(t, m).screen != screenList {
		t.Error("← does not leave the browser")
	}
}
