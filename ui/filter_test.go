package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"tidings/store"
)

// typeKeys types text one key press at a time.
func typeKeys(t *testing.T, m tea.Model, text string) tea.Model {
	t.Helper()
	for _, r := range text {
		m = step(t, m, press(string(r)))
	}
	return m
}

// typeOrErase types key into the filter, or erases the last letter for
// "\b", keeping typed as the line should then read.
func typeOrErase(t *testing.T, m tea.Model, key string, typed *string) tea.Model {
	t.Helper()
	if key == "\b" {
		*typed = (*typed)[:len(*typed)-1]
		return step(t, m, press("backspace"))
	}
	*typed += key
	return typeKeys(t, m, key)
}

// shownTitles are the numbers of the articles the list holds.
func shownNumbers(t *testing.T, m tea.Model) []int {
	t.Helper()
	var out []int
	for _, r := range root(t, m).list.rows {
		out = append(out, articleNumber(t, r.Title))
	}
	return out
}

// TestFilterNarrowsOnEveryKey types a filter key by key: the list and the
// count follow each key once the word being typed has three letters.
func TestFilterNarrowsOnEveryKey(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	if root(t, m).mode() != modeFilter {
		t.Fatal("/ did not open the filter line")
	}
	tests := []struct {
		key   string
		shown int // articles listed
	}{
		{"s", 30}, // too short to be a prefix yet: everything
		{"t", 30},
		{"o", 6}, // sto*: Storm, in every fifth title
		{"r", 6}, // stor*
		{" ", 0}, // stor, a whole word now: no article has it
		{"\b", 6},
		{"m", 6},  // storm*
		{" ", 6},  // storm
		{"s", 6},  // storm s: too short to count
		{"h", 6},  // storm sh
		{"a", 6},  // storm sha*: Shadow
		{"r", 0},  // storm shar*
		{"\b", 6}, // storm sha*
	}
	typed := ""
	for _, tt := range tests {
		m = typeOrErase(t, m, tt.key, &typed)
		shown := shownNumbers(t, m)
		want := tt.shown
		if len(shown) != want {
			t.Fatalf("after typing %q: %d articles listed, want %d: %v", typed, len(shown), want, shown)
		}
		header := strings.SplitN(viewText(m), "\n", 2)[0]
		if wantCount := fmt.Sprintf("%d / 30", want); !strings.Contains(header, wantCount) {
			t.Errorf("after typing %q the header says %q, want %q", typed, header, wantCount)
		}
	}
}

func TestFilterWithResult(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "leaked lufTW")
	for _, n := range shownNumbers(t, m) {
		if n%5 != 0 {
			t.Errorf("article %d listed for leaked luftw*", n)
		}
	}
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))

	// Keys typed in the filter line are text, not commands.
	m = typeKeys(t, m, "q")
	if got := root(t, m).filter.input.Value(); got != "leaked lufTWq" {
		t.Errorf("the line holds %q", got)
	}
	m = step(t, m, press("backspace"))

	// Enter keeps the filter and gives the keys back to the list.
	m = step(t, m, press("enter"))
	if root(t, m).mode() != modeNormal {
		t.Fatal("enter did not leave the filter line")
	}
	if header := strings.SplitN(viewText(m), "\n", 2)[0]; !strings.Contains(header, "/leaked lufTW") || !strings.Contains(header, "6 / 30") {
		t.Errorf("the header does not show the kept filter: %q", header)
	}
	m = step(t, m, press("j"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 5 {
		t.Errorf("j after enter: cursor on %d, want 5", got)
	}
	// / edits it again, as it was kept (the word typed last a prefix),
	// ready for another word.
	m = step(t, m, press("/"))
	if got := root(t, m).filter.input.Value(); got != "leaked lufTW* " {
		t.Errorf("/ again holds %q", got)
	}
	// Esc in the line clears it: the whole list again.
	m = step(t, m, press("esc"))
	if l := root(t, m).list; l.query != (listQuery{}) || len(l.rows) != 30 || l.shown != 30 {
		t.Errorf("esc: query %+v, %d rows, %d shown", l.query, len(l.rows), l.shown)
	}
	if root(t, m).mode() != modeNormal {
		t.Error("esc left the filter line open")
	}
}

// TestFilterParseError: a query that does not parse says where, and the
// list keeps what the last good one found.
func TestFilterParseError(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "short ")
	want := shownNumbers(t, m)
	m = typeKeys(t, m, "(OR x)")
	if got := shownNumbers(t, m); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("a bad query changed the list: %v, want %v", got, want)
	}
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))

	// Enter keeps the last query that parsed.
	m = step(t, m, press("enter"))
	if q := root(t, m).list.query.text; q != "short " {
		t.Errorf("kept %q", q)
	}
}

// TestFilterDropsStalePages: pages and counts asked for an earlier
// keystroke are dropped when they arrive after a later one's.
func TestFilterDropsStalePages(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "shor")
	m, slow := m.Update(press("t")) // "short": its page is held back
	m = typeKeys(t, m, " luft")     // "short luft": nothing
	if got := shownNumbers(t, m); len(got) != 0 {
		t.Fatalf("short luft lists %v", got)
	}
	m = run(t, m, slow)
	if got := shownNumbers(t, m); len(got) != 0 {
		t.Errorf("the page for an earlier keystroke replaced the list: %v", got)
	}
	if l := root(t, m).list; l.shown != 0 {
		t.Errorf("the count for an earlier keystroke is shown: %d", l.shown)
	}
}

func TestQueryOptionStartsFiltered(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{Query: "tag:nato"}, 80, 24)
	if header := strings.SplitN(viewText(m), "\n", 2)[0]; !strings.Contains(header, "/tag:nato") {
		t.Errorf("header %q", header)
	}
	m = step(t, m, press("/"))
	if got := root(t, m).filter.input.Value(); got != "tag:nato " {
		t.Errorf("the filter line holds %q", got)
	}
}

// TestHighlightedTitle: the words the filter matched are marked in the
// titles, and in the reader's title and body.
func TestHighlightedTitle(t *testing.T) {
	lib := newLibrary(t, 10)
	m := start(t, lib, Config{}, 80, 12)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "alarm leaked luftw")
	golden.RequireEqual(t, marked(t, m))

	m = steps(t, m, "enter", "enter")
	s := marked(t, m)
	for _, want := range []string{"«Leaked» audio of «Luftwaffe»", "«leaked» audio recording", "raised «alarm»"} {
		if !strings.Contains(s, want) {
			t.Errorf("the reader does not mark %q:\n%s", want, s)
		}
	}
}

// marked is the view as a user reads it, with the filter's highlights
// between « and ».
func marked(t *testing.T, m tea.Model) string {
	t.Helper()
	open := root(t, m).styles.matchSGR
	s := m.View().Content
	var b strings.Builder
	inside := false
	for s != "" {
		switch {
		case strings.HasPrefix(s, open):
			if !inside {
				b.WriteString("«")
			}
			inside = true
			s = s[len(open):]
		case inside && strings.HasPrefix(s, sgrReset):
			b.WriteString("»")
			inside = false
			s = s[len(sgrReset):]
		default:
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	return viewTextOf(b.String())
}

func TestSavedSearch(t *testing.T) {
	lib := newLibrary(t, 30)
	ctx := context.Background()
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "storm sha")
	m = step(t, m, press("enter"))
	m = step(t, m, press("ctrl+s"))
	if root(t, m).mode() != modePrompt {
		t.Fatal("ctrl+s did not ask for a name")
	}
	m = typeKeys(t, m, "Shadows")
	m = step(t, m, press("enter"))
	got, err := lib.SavedSearches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "Shadows" || got[0].Query != "storm sha*" {
		t.Fatalf("saved %+v", got)
	}
	if s := viewText(m); !strings.Contains(s, "Saved the search “Shadows”: `storm sha*`") {
		t.Errorf("no word of it on screen:\n%s", s)
	}
	// What it finds is what the filter showed.
	rows, err := lib.Page(ctx, store.PageRequest{Query: got[0].Query, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(root(t, m).list.rows) {
		t.Errorf("the saved search finds %d articles, the filter showed %d", len(rows), len(root(t, m).list.rows))
	}
}

// TestRowsKeepTheirHighlightsUntilTheirPage: while a keystroke's page is on
// its way, the rows on screen are the last query's, marked as that query
// marks them; the new page comes with its own marks.
func TestRowsKeepTheirHighlightsUntilTheirPage(t *testing.T) {
	lib := newLibrary(t, 10)
	m := start(t, lib, Config{}, 80, 12)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "leaked")
	before := marked(t, m)
	if !strings.Contains(before, "«Leaked»") {
		t.Fatalf("leaked is not marked:\n%s", before)
	}
	m, cmd := m.Update(press(" "))
	m, cmd2 := m.Update(press("l"))
	m, cmd3 := m.Update(press("u"))
	m, cmd4 := m.Update(press("f"))
	if got := marked(t, m); !strings.Contains(got, "«Leaked»") || strings.Contains(got, "«Luf") {
		t.Errorf("before its page came, the list marked the new query's words:\n%s", got)
	}
	for _, c := range []tea.Cmd{cmd, cmd2, cmd3, cmd4} {
		m = run(t, m, c)
	}
	if got := marked(t, m); !strings.Contains(got, "«Luftwaffe»") {
		t.Errorf("the new page does not mark luf*:\n%s", got)
	}
}

// TestHeaderCountWaitsForItsQuery: the header never shows one query's count
// beside another's rows; while a keystroke's count is on the way it says so.
func TestHeaderCountWaitsForItsQuery(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "sto") // sto*: Storm, in every fifth title
	header := func() string { return strings.SplitN(viewText(m), "\n", 2)[0] }
	if !strings.Contains(header(), "6 / 30") {
		t.Fatalf("header %q", header())
	}
	m, cmd := m.Update(press(" ")) // sto, a whole word: nothing
	m = runHolding(t, m, cmd, func(msg tea.Msg) bool { _, due := msg.(countDueMsg); return due })
	if got := shownNumbers(t, m); len(got) != 0 {
		t.Fatalf("the page did not come: %v", got)
	}
	if !strings.Contains(header(), "… / 30") {
		t.Errorf("before its count came the header says %q, want … / 30", header())
	}
	m = run(t, m, countAfter(0, root(t, m).list.epoch))
	if !strings.Contains(header(), "0 / 30") {
		t.Errorf("after its count came the header says %q, want 0 / 30", header())
	}
}

// TestEnterKeepsAShortLastWord: a word too short for the live filter to
// use while typing is used once the filter is kept, as a prefix.
func TestEnterKeepsAShortLastWord(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "storm sh") // "sh" is too short while typing
	if got := len(shownNumbers(t, m)); got != 6 {
		t.Fatalf("storm sh while typing lists %d, want the 6 storm articles", got)
	}
	m = step(t, m, press("enter"))
	l := root(t, m).list
	if l.query != (listQuery{text: "storm sh*"}) {
		t.Errorf("kept query %+v, want storm sh*", l.query)
	}
	want, err := lib.Count(context.Background(), "storm sh*")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(shownNumbers(t, m)); got != want {
		t.Errorf("kept storm sh* lists %d, the library counts %d", got, want)
	}
}

// TestKeysThatChangeNothingAskNothing: the first letters of a word, too few
// to count, do not send the library the query the list already shows.
func TestKeysThatChangeNothingAskNothing(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "storm ")
	epoch := root(t, m).list.epoch
	m = typeKeys(t, m, "sh")
	if got := root(t, m).list.epoch; got != epoch {
		t.Errorf("storm sh asked the library again (epoch %d, was %d)", got, epoch)
	}
	m = typeKeys(t, m, "a")
	if got := root(t, m).list.epoch; got == epoch {
		t.Error("storm sha did not ask the library")
	}
}

// TestRefiningAKeptFilterAddsAWord: / on a kept filter, or on one the tags
// panel set, and more letters make another word of the query.
func TestRefiningAKeptFilterAddsAWord(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{Query: "tag:nato"}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "sto")
	if got := root(t, m).list.query.text; got != "tag:nato sto" {
		t.Errorf("refining tag:nato gives %q, want tag:nato sto", got)
	}
	m = step(t, m, press("enter"))
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "sha")
	if got := root(t, m).list.query.text; got != "tag:nato sto* sha" {
		t.Errorf("refining a kept filter gives %q, want tag:nato sto* sha", got)
	}
}

// TestClearingTheFilterKeepsYourPlace: Esc on a kept filter, or in the
// filter line, shows every article again with the cursor on the article it
// was on.
func TestClearingTheFilterKeepsYourPlace(t *testing.T) {
	for _, keys := range [][]string{{"enter", "j", "j"}, {"down", "down"}} {
		lib := newLibrary(t, 30)
		m := start(t, lib, Config{}, 80, 24)
		m = step(t, m, press("/"))
		m = typeKeys(t, m, "storm")
		m = steps(t, m, keys...)
		want := articleNumber(t, cursorTitle(t, m))
		m = step(t, m, press("esc"))
		l := root(t, m).list
		if l.query != (listQuery{}) || len(l.rows) != 30 {
			t.Fatalf("%v esc: query %+v, %d rows", keys, l.query, len(l.rows))
		}
		if got := articleNumber(t, cursorTitle(t, m)); got != want {
			t.Errorf("%v esc: the cursor is on article %d, want %d", keys, got, want)
		}
	}
}

// TestSaveFromTheFilterLine: ctrl+s while typing keeps the filter and asks
// for the search's name, which goes to the prompt, not the filter.
func TestSaveFromTheFilterLine(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "storm sha")
	m = step(t, m, press("ctrl+s"))
	if r := root(t, m); r.filter.focused || !r.prompt.open {
		t.Fatalf("ctrl+s: filter line focused %v, prompt open %v", r.filter.focused, r.prompt.open)
	}
	m = typeKeys(t, m, "Shadows")
	m = step(t, m, press("enter"))
	if q := root(t, m).list.query.text; q != "storm sha*" {
		t.Errorf("the list shows %q, want storm sha*", q)
	}
	searches, err := lib.SavedSearches(context.Background())
	if err != nil || len(searches) != 1 || searches[0].Name != "Shadows" || searches[0].Query != "storm sha*" {
		t.Errorf("saved searches %+v, %v", searches, err)
	}
}

// TestShortWordSaysItWaits: while the word being typed is too short for the
// list to use, the filter line says so.
func TestShortWordSaysItWaits(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "storm sh")
	if s := viewText(m); !strings.Contains(s, "`sh` counts from its 3rd letter, or on enter") {
		t.Errorf("no word about sh:\n%s", s)
	}
	m = typeKeys(t, m, "a")
	if s := viewText(m); strings.Contains(s, "counts from its 3rd letter") {
		t.Errorf("the hint stays at sha:\n%s", s)
	}
}

// TestEnterRefusesABadQuery: enter on a query that does not parse keeps the
// line open with what was typed, and says why, rather than keeping another
// query than the one on the line.
func TestEnterRefusesABadQuery(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 100, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "date:2024-13")
	for _, k := range []string{"enter", "ctrl+s"} {
		m = step(t, m, press(k))
		r := root(t, m)
		if !r.filter.focused || r.filter.input.Value() != "date:2024-13" || r.mode() != modeFilter {
			t.Fatalf("%s: focused %v, line %q, mode %d", k, r.filter.focused, r.filter.input.Value(), r.mode())
		}
		if s := viewText(m); !strings.Contains(s, "The query does not parse: mend it where the caret points, or esc clears it.") ||
			!strings.Contains(s, "no month 13") {
			t.Errorf("%s: no word of why:\n%s", k, s)
		}
	}
	m = steps(t, m, "backspace", "2", "enter")
	if r := root(t, m); r.filter.focused || r.list.query.text != "date:2024-12" {
		t.Errorf("mended, enter: focused %v, query %q", r.filter.focused, r.list.query.text)
	}
}

// TestSaveSearchNames: a name config.toml's searches use is refused (the
// panel would hide the saved one behind it); saving over a saved name says
// what it replaced.
func TestSaveSearchNames(t *testing.T) {
	lib := newLibrary(t, 30)
	ctx := context.Background()
	cfg := Config{Searches: []SavedSearch{{Name: "Starred", Query: "is:starred"}}}
	save := func(m tea.Model, filter, name string) tea.Model {
		t.Helper()
		m = step(t, m, press("/"))
		m = typeKeys(t, m, filter)
		m = step(t, m, press("enter"))
		m = step(t, m, press("ctrl+s"))
		m = typeKeys(t, m, name)
		return step(t, m, press("enter"))
	}
	m := start(t, lib, cfg, 120, 24)
	m = save(m, "storm", "starred")
	if s := viewText(m); !strings.Contains(s, "“Starred” is a search of config.toml; save `storm*` as:") || root(t, m).mode() != modePrompt {
		t.Errorf("a config.toml name: the prompt should stay, saying why:\n%s", s)
	}
	if got, _ := lib.SavedSearches(ctx); len(got) != 0 {
		t.Errorf("saved %+v", got)
	}
	m = step(t, m, press("esc"))
	m = save(m, " shadow", "Storms")
	m = steps(t, m, "esc")
	m = save(m, "leak", "storms")
	// Saved over, the search keeps its name as the library spells it.
	if s := viewText(m); !strings.Contains(s, "Saved the search “Storms”: `leak*` (it was `storm* shadow*`)") {
		t.Errorf("saved over a name:\n%s", s)
	}
	m = steps(t, m, "esc")
	m = save(m, "storm", "Été")
	m = steps(t, m, "esc")
	m = save(m, "leak", "été")
	if s := viewText(m); !strings.Contains(s, "Saved the search “Été”: `leak*` (it was `storm*`)") {
		t.Errorf("saved over a name in another case:\n%s", s)
	}
}

// TestEnterKeepsATagWhole: a tag typed last is a prefix while it is typed,
// and whole once kept: the list then shows what the line says, and ctrl+s
// saves that.
func TestEnterKeepsATagWhole(t *testing.T) {
	lib := newLibrary(t, 30)
	for _, typed := range []string{"tag:nat", "#nat"} {
		m := start(t, lib, Config{}, 100, 24)
		m = step(t, m, press("/"))
		m = typeKeys(t, m, typed)
		if n := len(root(t, m).list.rows); n == 0 {
			t.Fatalf("%s: the live list shows nothing for the prefix", typed)
		}
		m = step(t, m, press("enter"))
		r := root(t, m)
		if r.list.query.text != typed || r.list.query.live || len(r.list.rows) != 0 {
			t.Errorf("%s kept: query %+v, %d rows; want the whole tag, none", typed, r.list.query, len(r.list.rows))
		}
		m = step(t, m, press("ctrl+s"))
		m = typeKeys(t, m, "n"+typed[1:2])
		m = step(t, m, press("enter"))
		if s := viewText(m); !strings.Contains(s, "`"+typed+"`") || strings.Contains(s, typed+"*") {
			t.Errorf("%s saved:\n%s", typed, s)
		}
	}
}

// TestFilterLineFollowsTheWidth: a query scrolled out of sight on a narrow
// terminal shows whole again once the terminal is wide enough.
func TestFilterLineFollowsTheWidth(t *testing.T) {
	m := start(t, newLibrary(t, 5), Config{}, 80, 24)
	m = step(t, m, press("/"))
	const q = "leaked audio OR storm shadow deliveries"
	m = typeKeys(t, m, q)
	m = step(t, m, tea.WindowSizeMsg{Width: 20, Height: 24})
	m = step(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := viewText(m); !strings.Contains(s, "/"+q) {
		t.Errorf("the filter line does not show the whole query again:\n%s", s)
	}
}

// TestOperatorWaitsForItsTerm: an OR typed at the end of the filter waits
// for what it joins, without an error; enter does not keep it.
func TestOperatorWaitsForItsTerm(t *testing.T) {
	m := start(t, newLibrary(t, 30), Config{}, 100, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "short")
	want := shownNumbers(t, m)
	for _, typed := range []string{" O", "R", " "} {
		m = typeKeys(t, m, typed)
		if typed != " O" && !strings.Contains(viewText(m), "`OR` waits for what it joins") {
			t.Errorf("after %q, no word that OR waits:\n%s", root(t, m).filter.input.Value(), viewText(m))
		}
		if err := root(t, m).filter.err; err != nil {
			t.Fatalf("after %q: error %v", root(t, m).filter.input.Value(), err)
		}
		if got := shownNumbers(t, m); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("after %q the list shows %v, want %v (short's)", root(t, m).filter.input.Value(), got, want)
		}
	}
	if s := viewText(m); !strings.Contains(s, "`OR` waits for what it joins") || strings.Contains(s, "^") {
		t.Errorf("no word that OR waits, or an error's caret:\n%s", s)
	}
	m = step(t, m, press("enter"))
	if r := root(t, m); !r.filter.focused || !strings.Contains(r.status, "ends with OR") {
		t.Errorf("enter on a dangling OR: focused %v, status %q", r.filter.focused, r.status)
	}
	m = typeKeys(t, m, "leaked")
	m = step(t, m, press("enter"))
	if q := root(t, m).list.query.text; q != "short OR leaked*" {
		t.Errorf("kept %q", q)
	}
}

// TestOpenGroupWhileTyping: a group or phrase being typed is read closed,
// its last word a prefix, without an error; the line says enter closes it,
// and enter keeps it closed.
func TestOpenGroupWhileTyping(t *testing.T) {
	m := start(t, newLibrary(t, 30), Config{}, 100, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "short OR leaked")
	want := shownNumbers(t, m)
	m = steps(t, m, "ctrl+u")
	for _, step := range []struct{ typed, hint string }{
		{"(", ""},
		{"short", "enter closes it with `)`"},
		{" OR ", "`OR` waits for what it joins"},
		{"le", "`le` counts from its 3rd letter, or on enter"},
		{"aked", "enter closes it with `)`"},
	} {
		m = typeKeys(t, m, step.typed)
		r := root(t, m)
		if r.filter.err != nil {
			t.Fatalf("after %q: error %v", r.filter.input.Value(), r.filter.err)
		}
		if !strings.Contains(viewText(m), step.hint) {
			t.Errorf("after %q, no hint %q:\n%s", r.filter.input.Value(), step.hint, viewText(m))
		}
	}
	if got := shownNumbers(t, m); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("(short OR leaked shows %v, want %v", got, want)
	}
	m = step(t, m, press("enter"))
	if q := root(t, m).list.query.text; q != "(short OR leaked*)" {
		t.Errorf("kept %q", q)
	}
}
