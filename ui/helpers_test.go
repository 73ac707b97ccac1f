package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
)

// openLibrary opens a new library in a temporary folder.
func openLibrary(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

// newLibrary opens a library holding n generated articles (see testArticle):
// a copy of one made once for the package's tests, which saves making the
// schema and importing the articles anew for each of them.
func newLibrary(t *testing.T, n int) *store.Store {
	t.Helper()
	data := libraryTemplate(t, n)
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// templates are the bytes of libraries of n test articles, made once.
var templates = struct {
	sync.Mutex
	data map[int][]byte
}{data: map[int][]byte{}}

// libraryTemplate is the file of a closed library holding n test articles.
func libraryTemplate(t *testing.T, n int) []byte {
	t.Helper()
	templates.Lock()
	defer templates.Unlock()
	if data, ok := templates.data[n]; ok {
		return data
	}
	path := filepath.Join(t.TempDir(), "template.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	importArticles(t, st, 0, n)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	templates.data[n] = data
	return data
}

// importArticles imports testArticle(from) ... testArticle(from+n-1).
func importArticles(t *testing.T, st *store.Store, from, n int) {
	t.Helper()
	articles := make([]feeds.Article, 0, n)
	for i := from; i < from+n; i++ {
		articles = append(articles, testArticle(i))
	}
	if _, err := st.Import(context.Background(), articles); err != nil {
		t.Fatal(err)
	}
}

var sources = []string{"MENAFN", "Reuters", "MENAFN - AzerNews", "Deutsche Welle", "Kyiv Independent"}

// testArticle is article number i: article 0 is the newest, one day before
// each other; a few carry tags, stars, no date, long or wide titles.
func testArticle(i int) feeds.Article {
	a := feeds.Article{
		ExternalID: fmt.Sprintf("TEST%06dID%d", i, 1100000000+i),
		Source:     sources[i%len(sources)],
		Title:      fmt.Sprintf("Article %03d: %s", i, titles[i%len(titles)]),
		URL:        fmt.Sprintf("https://news.example/%d", i),
		Published:  time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC).AddDate(0, 0, -i),
		Body:       testBody(i),
	}
	if i%4 == 1 {
		a.Tags = []string{"ukraine", "defence"}
	}
	if i%7 == 3 {
		a.Tags = []string{"germany", "luftwaffe", "leak", "nato"}
	}
	return a
}

var titles = []string{
	"Leaked audio of Luftwaffe officers raises alarm in Berlin",
	"Storm Shadow deliveries tracked through an unencrypted WebEx call",
	"東京の記者会見で新しい発表 — 🚀 launch window confirmed for spring",
	"Short",
	"A very long headline that goes on and on about the security breach, the investigation, and the reactions of Western officials",
}

func testBody(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "In a startling revelation number %d, a leaked audio recording has emerged.\n\n", i)
	for p := range 8 {
		fmt.Fprintf(&b, "Paragraph %d of article %d. The security breach has raised alarm in Berlin and among NATO allies, "+
			"as the leaked information could enable tracking of weapons movements in Western Europe.\n\n", p+1, i)
	}
	b.WriteString("The last paragraph mentions Western military circles.")
	return b.String()
}

// press builds a key press the way a terminal sends it.
func press(k string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "space": {Code: tea.KeySpace, Text: " "},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome},
		"end": {Code: tea.KeyEnd}, "ctrl+d": {Code: 'd', Mod: tea.ModCtrl}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+s": {Code: 's', Mod: tea.ModCtrl},
		"backspace": {Code: tea.KeyBackspace}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	}
	if p, ok := special[k]; ok {
		return p
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// step sends msg and runs the commands it returns, synchronously, feeding
// their messages back in, until nothing is left to do.
func step(t *testing.T, m tea.Model, msg tea.Msg) tea.Model {
	t.Helper()
	m, cmd := m.Update(msg)
	return run(t, m, cmd)
}

// run runs cmd and everything that follows from it.
func run(t *testing.T, m tea.Model, cmd tea.Cmd) tea.Model {
	t.Helper()
	return runHolding(t, m, cmd, func(tea.Msg) bool { return false })
}

// runHolding is run, except that the messages hold picks are not delivered
// (nor what would follow from them): as if they were still on their way.
func runHolding(t *testing.T, m tea.Model, cmd tea.Cmd, hold func(tea.Msg) bool) tea.Model {
	t.Helper()
	for i := 0; cmd != nil; i++ {
		if i == 1000 {
			t.Fatal("run: command chain did not settle")
		}
		switch out := cmd(); out := out.(type) {
		case nil:
			cmd = nil
		case tea.BatchMsg:
			for _, c := range out {
				m = runHolding(t, m, c, hold)
			}
			cmd = nil
		default:
			if hold(out) {
				return m
			}
			m, cmd = m.Update(out)
		}
	}
	return m
}

// steps sends several key presses, one after another.
func steps(t *testing.T, m tea.Model, keys ...string) tea.Model {
	t.Helper()
	for _, k := range keys {
		m = step(t, m, press(k))
	}
	return m
}

// start builds the model on lib at a size and runs its Init, as the
// program would: the first page loaded, no polling.
func start(t *testing.T, lib Library, cfg Config, width, height int) tea.Model {
	t.Helper()
	if cfg.LibraryName == "" {
		cfg.LibraryName = "library.db"
	}
	if cfg.Theme == "" {
		cfg.Theme = "dark" // tests do not wait for a terminal's answer
	}
	m, err := New(lib, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var tm tea.Model = m
	tm = step(t, tm, tea.WindowSizeMsg{Width: width, Height: height})
	return run(t, tm, tm.Init())
}

// viewText is the model's view as a user reads it: no styling.
func viewText(m tea.Model) string {
	return viewTextOf(m.View().Content)
}

// viewTextOf is a drawn screen as a user reads it.
func viewTextOf(s string) string {
	return ansi.Strip(s)
}

// checkFits fails when the view is not exactly width x height cells.
func checkFits(t *testing.T, m tea.Model, width, height int) {
	t.Helper()
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != height {
		t.Errorf("%dx%d: the view has %d lines:\n%s", width, height, len(lines), viewText(m))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", width, height, i, w, ansi.Strip(l))
		}
	}
}

// root returns the concrete model.
func root(t *testing.T, m tea.Model) Model {
	t.Helper()
	r, ok := m.(Model)
	if !ok {
		t.Fatalf("model is %T", m)
	}
	return r
}
