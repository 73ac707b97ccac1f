package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"tidings/store"
)

// The golden views are the screen as a user reads it (styling stripped) at
// fixed sizes; go test -update rewrites them after a deliberate change.

func TestListView80x24(t *testing.T) {
	lib := newLibrary(t, 40)
	ctx := context.Background()
	rows, _ := lib.Page(ctx, store.PageRequest{Limit: 3})
	lib.SetStarred(ctx, []int64{rows[1].ID}, true)
	lib.SetRead(ctx, []int64{rows[2].ID}, true)
	if _, err := lib.AddAnnotation(ctx, store.Annotation{ArticleID: rows[0].ID, Note: "check the date"}); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{}, 80, 24)
	m = steps(t, m, "j", "j")
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))
}

func TestReaderView80x24(t *testing.T) {
	lib := newLibrary(t, 5)
	m := start(t, lib, Config{}, 80, 24)
	m = steps(t, m, "j", "enter")
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))
}

func TestWelcomeView(t *testing.T) {
	st, _ := openLibrary(t)
	loaded := false
	cfg := Config{LoadSamples: func(ctx context.Context) error {
		loaded = true
		importArticles(t, st, 0, 3)
		return nil
	}}
	m := start(t, st, cfg, 80, 24)
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))

	m = step(t, m, press("s"))
	if !loaded {
		t.Fatal("s did not load the samples")
	}
	s := viewText(m)
	if strings.Contains(s, "Welcome") || !strings.Contains(s, "Article 000") || !strings.Contains(s, "3 / 3") {
		t.Errorf("after loading the samples:\n%s", s)
	}
}

func TestWelcomeWithoutSamples(t *testing.T) {
	st, _ := openLibrary(t)
	m := start(t, st, Config{}, 80, 24)
	if s := viewText(m); !strings.Contains(s, "tidings import PATH") || strings.Contains(s, "sample") {
		t.Errorf("without samples to load:\n%s", s)
	}
	m = start(t, st, Config{LoadSamples: func(context.Context) error { return errors.New("no samples here") }}, 80, 24)
	m = step(t, m, press("s"))
	if s := viewText(m); !strings.Contains(s, "loading the samples: no samples here") {
		t.Errorf("a failed load says nothing:\n%s", s)
	}
}

func TestNarrow40x10(t *testing.T) {
	lib := newLibrary(t, 20)
	m := start(t, lib, Config{}, 40, 10)
	checkFits(t, m, 40, 10)
	t.Run("list", func(t *testing.T) { golden.RequireEqual(t, viewText(m)) })
	m = step(t, m, press("enter"))
	checkFits(t, m, 40, 10)
	t.Run("reader", func(t *testing.T) { golden.RequireEqual(t, viewText(m)) })
}

func TestResize100x30To60x20(t *testing.T) {
	lib := newLibrary(t, 20)
	m := start(t, lib, Config{}, 100, 30)
	m = steps(t, m, "j", "j", "j")
	m = step(t, m, tea.WindowSizeMsg{Width: 60, Height: 20})
	checkFits(t, m, 60, 20)
	t.Run("list", func(t *testing.T) { golden.RequireEqual(t, viewText(m)) })

	m = step(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = steps(t, m, "enter", "j", "j")
	m = step(t, m, tea.WindowSizeMsg{Width: 60, Height: 20})
	checkFits(t, m, 60, 20)
	t.Run("reader", func(t *testing.T) { golden.RequireEqual(t, viewText(m)) })
}

func TestHelpOverlay(t *testing.T) {
	lib := newLibrary(t, 20)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("?"))
	checkFits(t, m, 80, 24)
	t.Run("list", func(t *testing.T) { golden.RequireEqual(t, viewText(m)) })

	m = step(t, m, press("j"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 0 {
		t.Error("a key went through the help overlay to the list")
	}
	m = steps(t, m, "esc", "enter", "?")
	checkFits(t, m, 80, 24)
	t.Run("reader", func(t *testing.T) { golden.RequireEqual(t, viewText(m)) })
	m = step(t, m, press("?"))
	if root(t, m).showHelp {
		t.Error("? did not close the help")
	}

	// Too small for the box: a page of its own, actions first.
	m = start(t, lib, Config{}, 40, 10)
	m = step(t, m, press("?"))
	checkFits(t, m, 40, 10)
	t.Run("narrow", func(t *testing.T) { golden.RequireEqual(t, viewText(m)) })
}

// TestEverySize: from 40x10 to 300x100, every screen fills the terminal
// exactly and nothing overflows; before the first size nothing panics.
func TestEverySize(t *testing.T) {
	lib := newLibrary(t, 30)
	empty, _ := openLibrary(t)

	m, err := New(lib, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.View(); got.Content != "" || !got.AltScreen || got.MouseMode != tea.MouseModeCellMotion {
		t.Errorf("before the first size: %+v", got)
	}

	sizes := [][2]int{{12, 6}, {20, 5}, {40, 10}, {41, 11}, {50, 12}, {60, 20}, {72, 24}, {80, 24}, {120, 40}, {200, 60}, {300, 100}}
	for _, sz := range sizes {
		w, h := sz[0], sz[1]
		m := start(t, lib, Config{}, w, h)
		checkFits(t, m, w, h)
		m = steps(t, m, "G", "?")
		checkFits(t, m, w, h)
		m = steps(t, m, "?", "enter")
		checkFits(t, m, w, h)
		m = steps(t, m, "?")
		checkFits(t, m, w, h)
		m = steps(t, m, "?", "L")
		if !root(t, m).links.open {
			t.Errorf("%dx%d: L did not open the links", w, h)
		}
		checkFits(t, m, w, h)
		m = steps(t, m, "esc", "esc")
		// The lines typed in and the boxes over the list.
		m = steps(t, m, "?", "esc", "/", "(", "x")
		checkFits(t, m, w, h)
		m = steps(t, m, "esc", "t", "+", "x")
		checkFits(t, m, w, h)
		m = steps(t, m, "esc", "#")
		checkFits(t, m, w, h)
		m = steps(t, m, "esc", "/", "s", "h", "o", "r", "t", "enter", "T")
		checkFits(t, m, w, h)
		m = steps(t, m, "n", "ctrl+s")
		checkFits(t, m, w, h)
		checkFits(t, start(t, empty, Config{LoadSamples: func(context.Context) error { return nil }}, w, h), w, h)
		if v := m.View(); !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion || v.WindowTitle == "" {
			t.Errorf("%dx%d: terminal modes not set: %+v", w, h, v)
		}
	}
}
