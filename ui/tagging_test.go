package ui

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"tidings/store"
)

// tagsOf returns an article's tag names as the library holds them.
func tagsOf(t *testing.T, lib *store.Store, id int64) []string {
	t.Helper()
	a, err := lib.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return tagNames(a.Tags)
}

// idsTagged returns the ids of the articles with a tag, newest first.
func idsTagged(t *testing.T, lib *store.Store, tag string) []int64 {
	t.Helper()
	var ids []int64
	err := lib.Search(context.Background(), "tag:"+tag, 0, func(a store.Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestTagEditor tags the current article: suggestions from similar
// articles above the completion from every tag, tab completing.
func TestTagEditor(t *testing.T) {
	lib := newLibrary(t, 30)
	ctx := context.Background()
	rows, _ := lib.Page(ctx, store.PageRequest{Query: "title:short", Limit: 1})
	if err := lib.Tag(ctx, []int64{rows[0].ID}, []string{"nuclear"}, nil); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("t")) // on article 0: Luftwaffe, untagged
	e := root(t, m).editor
	if root(t, m).mode() != modeTagEdit || len(e.ids) != 1 {
		t.Fatalf("t did not open the editor on one article: %+v", e.ids)
	}
	// Article 0's title is the title of every fifth article: their tags.
	if want := []string{"defence", "ukraine", "germany", "leak", "luftwaffe", "nato"}; !slices.Equal(e.suggested, want) {
		t.Errorf("suggested %q, want %q", e.suggested, want)
	}
	m = typeKeys(t, m, "+taurus +n")
	m = step(t, m, press("tab"))
	if got := root(t, m).editor.input.Value(); got != "+taurus +nato" {
		t.Errorf("tab completed to %q", got)
	}
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))

	m = step(t, m, press("tab")) // the next candidate: a plain completion
	if got := root(t, m).editor.input.Value(); got != "+taurus +nuclear" {
		t.Errorf("tab again gave %q", got)
	}
	m = step(t, m, press("shift+tab"))
	m = typeKeys(t, m, " leak -x")
	m = step(t, m, press("enter"))
	row, _ := root(t, m).list.current()
	if want := []string{"leak", "nato", "taurus"}; !slices.Equal(tagsOf(t, lib, row.ID), want) {
		t.Errorf("the library has %q, want %q", tagsOf(t, lib, row.ID), want)
	}
	if !slices.Equal(row.Tags, []string{"leak", "nato", "taurus"}) {
		t.Errorf("the row shows %q", row.Tags)
	}
	s := viewText(m)
	if !strings.Contains(s, "#leak") || !strings.Contains(s, "Tags +taurus +nato +leak on “Article 000") {
		t.Errorf("no chips or no word of it on screen:\n%s", s)
	}

	// Removing, from the reader: the header's chips follow.
	m = steps(t, m, "enter", "t")
	m = typeKeys(t, m, "-nato -taurus")
	m = step(t, m, press("enter"))
	if got := tagsOf(t, lib, row.ID); !slices.Equal(got, []string{"leak"}) {
		t.Errorf("after removing: %q", got)
	}
	if s := viewText(m); strings.Contains(s, "#nato") || !strings.Contains(s, "#leak") {
		t.Errorf("the reader's chips did not follow:\n%s", s)
	}
	// Esc leaves the tags alone.
	m = steps(t, m, "t", "x", "esc")
	if got := tagsOf(t, lib, row.ID); !slices.Equal(got, []string{"leak"}) {
		t.Errorf("esc changed the tags: %q", got)
	}
	// Removing a tag the article does not carry is not reported done.
	m = step(t, m, press("t"))
	m = typeKeys(t, m, "-nonexistent")
	m = step(t, m, press("enter"))
	if s := root(t, m).status; !strings.Contains(s, "Nothing to remove") {
		t.Errorf("removing a tag not there: status %q", s)
	}
	m = step(t, m, press("t"))
	m = typeKeys(t, m, "+fresh -nonexistent")
	m = step(t, m, press("enter"))
	if s := root(t, m).status; !strings.Contains(s, "+fresh") || strings.Contains(s, "nonexistent") {
		t.Errorf("adding one tag and removing one not there: status %q", s)
	}
}

func TestParseTagEdits(t *testing.T) {
	tests := map[string]struct {
		line        string
		add, remove []string
	}{
		"bare names add": {"ukraine taurus", []string{"ukraine", "taurus"}, nil},
		"signs":          {"+ukraine -draft #nato", []string{"ukraine", "nato"}, []string{"draft"}},
		"last one wins":  {"+x -y -X y", []string{"y"}, []string{"X"}},
		"lone signs":     {"+ - #", nil, nil},
		"quoted names":   {`+"long read" -"old  news" "x y`, []string{"long read", "x y"}, []string{"old news"}},
		"empty":          {"  ", nil, nil},
		// Inside double quotes, \" and \\ stand for a quote and a
		// backslash, as in the query language; any other backslash is itself.
		"escaped quotes":        {`+"tag with \"quote\""`, []string{`tag with "quote"`}, nil},
		"escaped backslash":     {`-"back\\slash"`, nil, []string{`back\slash`}},
		"other backslashes":     {`+"a\b" c\d`, []string{`a\b`, `c\d`}, nil},
		"a quote and spaces":    {`"say \"when\" now" +x`, []string{`say "when" now`, "x"}, nil},
		"ends in a backslash":   {`+"dir\\" -y`, []string{`dir\`}, []string{"y"}},
		"a sign in quotes":      {`"-draft" +"+1"`, []string{"-draft", "+1"}, nil},
		"hash before the quote": {`#"long read" +"#nato"`, []string{"long read", "nato"}, nil},
		"unclosed":              {`+"half \"open`, []string{`half "open`}, nil},
		"as the library keeps":  {"+\"tab\there\" -e\u0301te\u0301", []string{"tab here"}, []string{"\u00e9t\u00e9"}},
		"one tag in any script": {"+σοφος -ΣΟΦΟΣ +ÉTÉ -été +İzmir", []string{"İzmir"}, []string{"ΣΟΦΟΣ", "été"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			add, remove := parseTagEdits(tt.line)
			if !slices.Equal(add, tt.add) || !slices.Equal(remove, tt.remove) {
				t.Errorf("parseTagEdits(%q) = %q, %q; want %q, %q", tt.line, add, remove, tt.add, tt.remove)
			}
		})
	}
}

// TestSelection: space marks articles; the marks survive paging and a
// reload; t tags them all.
func TestSelection(t *testing.T) {
	st, path := openLibrary(t)
	importArticles(t, st, 10, 90)
	m := start(t, st, Config{PageSize: 10}, 80, 24)
	m = steps(t, m, "space", "j", "space") // articles 10 and 12
	if got := root(t, m).list.markedIDs(); len(got) != 2 {
		t.Fatalf("%d selected", len(got))
	}
	checkFits(t, m, 80, 24)
	t.Run("marks", func(t *testing.T) { golden.RequireEqual(t, viewText(m)) })

	m = steps(t, m, "G", "g")
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	importArticles(t, other, 0, 10) // newer articles: a reload
	m = step(t, m, pollMsg{})
	if n := strings.Count(viewText(m), "✓"); n != 2 {
		t.Errorf("%d marks after paging and a reload, want 2:\n%s", n, viewText(m))
	}
	m = step(t, m, press("t"))
	if !strings.Contains(viewText(m), "Tag 2 selected articles") {
		t.Errorf("the editor does not say what it tags:\n%s", viewText(m))
	}
	m = typeKeys(t, m, "picked")
	m = step(t, m, press("enter"))
	got := idsTagged(t, st, "picked")
	if want := root(t, m).list.markedIDs(); len(got) != 2 || !slices.Equal(sorted(got), want) {
		t.Errorf("tagged %v, selected %v", got, want)
	}
	m = step(t, m, press("esc")) // clears the selection
	if n := len(root(t, m).list.marked); n != 0 {
		t.Errorf("esc left %d selected", n)
	}
}

func sorted(ids []int64) []int64 {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return ids
}

// TestTagAllFiltered: T asks, saying how many, then tags exactly the
// articles the filter shows.
func TestTagAllFiltered(t *testing.T) {
	lib := newLibrary(t, 40)
	m := start(t, lib, Config{}, 80, 24)
	if root(t, m).list.keys.TagAll.Enabled() {
		t.Error("T is offered without a filter")
	}
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "storm sha")
	m = step(t, m, press("enter"))
	var want []int64
	for _, r := range root(t, m).list.rows {
		want = append(want, r.ID)
	}
	m = step(t, m, press("T"))
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))

	m = step(t, m, press("n"))
	if root(t, m).mode() != modeNormal || len(idsTagged(t, lib, "x")) != 0 {
		t.Fatal("n did not leave everything as it was")
	}
	m = steps(t, m, "T", "y")
	if root(t, m).mode() != modeTagEdit {
		t.Fatal("y did not ask for the tags")
	}
	m = typeKeys(t, m, "x")
	m = step(t, m, press("enter"))
	if got := idsTagged(t, lib, "x"); !slices.Equal(got, want) {
		t.Errorf("tagged %v, the filter showed %v", got, want)
	}
	if s := viewText(m); !strings.Contains(s, "Tags +x on 8 articles matching `storm sha*`") {
		t.Errorf("no result in the status line:\n%s", s)
	}
	if row, _ := root(t, m).list.current(); !slices.Contains(row.Tags, "x") {
		t.Errorf("the list does not show the new tag: %q", row.Tags)
	}
}

// TestTagsPanel lists the saved searches and the tags; enter filters.
func TestTagsPanel(t *testing.T) {
	lib := newLibrary(t, 30)
	ctx := context.Background()
	if err := lib.SaveSearch(ctx, "Storms", "title:storm"); err != nil {
		t.Fatal(err)
	}
	if err := lib.SetTagColor(ctx, "nato", "#0000ff"); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Searches: []SavedSearch{{Name: "Unread Ukraine", Query: "tag:ukraine is:unread"}}}
	m := start(t, lib, cfg, 80, 24)
	m = step(t, m, press("#"))
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))

	m = steps(t, m, "j", "j", "j", "j", "j", "j") // Storms, defence, germany, leak, luftwaffe, nato
	if it, _ := root(t, m).panel.current(); it.name != "nato" || it.count != 4 {
		t.Fatalf("on %+v, want nato", it)
	}
	m = step(t, m, press("enter"))
	if root(t, m).panel.open {
		t.Fatal("enter did not close the panel")
	}
	if q := root(t, m).list.query; q.text != "tag:nato" || q.live {
		t.Errorf("filter %+v, want tag:nato", q)
	}
	for _, n := range shownNumbers(t, m) {
		if n%7 != 3 {
			t.Errorf("article %d listed for tag:nato", n)
		}
	}
	m = steps(t, m, "#", "k", "k", "k", "k", "k", "k", "k", "enter") // to the first: Unread Ukraine
	if q := root(t, m).list.query.text; q != "tag:ukraine is:unread" {
		t.Errorf("filter %q", q)
	}
	m = steps(t, m, "#", "esc")
	if root(t, m).panel.open {
		t.Error("esc did not close the panel")
	}
}

// TestDeleteSavedSearch: d in the panel deletes a search saved in the
// library, once confirmed; config.toml's searches and tags are not its to
// delete.
func TestDeleteSavedSearch(t *testing.T) {
	lib := newLibrary(t, 30)
	ctx := context.Background()
	for name, q := range map[string]string{"Storms": "title:storm", "Leaks": "leak"} {
		if err := lib.SaveSearch(ctx, name, q); err != nil {
			t.Fatal(err)
		}
	}
	cfg := Config{Searches: []SavedSearch{{Name: "Unread Ukraine", Query: "tag:ukraine is:unread"}}}
	m := start(t, lib, cfg, 100, 24)
	m = steps(t, m, "#", "d") // on Unread Ukraine
	if s := viewText(m); root(t, m).confirm != nil || !strings.Contains(s, "“Unread Ukraine” is a search of config.toml: delete it there.") {
		t.Errorf("d on a config.toml search:\n%s", s)
	}
	m = steps(t, m, "j", "j", "d") // Unread Ukraine, Leaks, Storms
	if s := viewText(m); !strings.Contains(s, "Delete the saved search “Storms” (`title:storm`)? y/n") {
		t.Fatalf("no question:\n%s", s)
	}
	m = step(t, m, press("n"))
	if got, _ := lib.SavedSearches(ctx); len(got) != 2 {
		t.Fatalf("n deleted: %+v", got)
	}
	m = steps(t, m, "d", "y")
	got, err := lib.SavedSearches(ctx)
	if err != nil || len(got) != 1 || got[0].Name != "Leaks" {
		t.Fatalf("saved searches %+v, %v; want Leaks alone", got, err)
	}
	s := viewText(m)
	if !strings.Contains(s, "Deleted the saved search “Storms”: `title:storm`") {
		t.Errorf("no word of it:\n%s", s)
	}
	p := root(t, m).panel
	if it, _ := p.current(); !p.open || it.name != "Leaks" || strings.Count(s, "Storms") != 1 {
		t.Errorf("the panel is not listed anew, on Leaks (it is on %q):\n%s", it.name, s)
	}
	m = steps(t, m, "j", "d") // the first tag
	if s := viewText(m); root(t, m).confirm != nil || !strings.Contains(s, "Only saved searches are deleted here.") {
		t.Errorf("d on a tag:\n%s", s)
	}
}

// TestPanelKeepsStatus: with the panel open, and as tall as the screen
// allows, the status line's question or message is whole on the screen,
// below the panel's box, at every size.
func TestPanelKeepsStatus(t *testing.T) {
	lib := newLibrary(t, 30)
	ctx := context.Background()
	var many []string
	for i := range 40 {
		many = append(many, fmt.Sprintf("topic %02d", i))
	}
	if err := lib.Tag(ctx, []int64{1}, many, nil); err != nil {
		t.Fatal(err)
	}
	if err := lib.SaveSearch(ctx, "My walrus search", "walrus"); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Searches: []SavedSearch{{Name: "Unread Ukraine", Query: "tag:ukraine is:unread"}}}
	for _, sz := range [][2]int{{100, 30}, {120, 40}, {80, 24}, {40, 12}, {50, 7}, {20, 5}} {
		w, h := sz[0], sz[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := start(t, lib, cfg, w, h)
			m = steps(t, m, "#", "d") // on the config.toml search: why not
			if root(t, m).status == "" {
				t.Fatal("d on a config.toml search said nothing")
			}
			checkStatusShown(t, m, w, h)
			m = steps(t, m, "j", "d") // on the saved one: the question
			if root(t, m).confirm == nil {
				t.Fatal("d on a saved search asked nothing")
			}
			checkStatusShown(t, m, w, h)
			if h < 7 {
				return // no room for the whole box
			}
			lines := strings.Split(viewText(m), "\n")
			top := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "╭") })
			bottom := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "╰") })
			if top < 1 || bottom < top || bottom > h-3 {
				t.Errorf("the box is on lines %d to %d, not between the header and the status line:\n%s", top, bottom, viewText(m))
			}
		})
	}
}

// checkStatusShown fails unless the status line and the footer are on the
// screen as drawn without any box over them.
func checkStatusShown(t *testing.T, m tea.Model, w, h int) {
	t.Helper()
	checkFits(t, m, w, h)
	r := root(t, m)
	lines := strings.Split(viewText(m), "\n")
	if got, want := lines[h-2], viewTextOf(r.statusLine()); got != want {
		t.Errorf("the status line reads\n%q, want\n%q; on the screen:\n%s", got, want, viewText(m))
	}
	if got, want := lines[h-1], viewTextOf(r.footer()); got != want {
		t.Errorf("the footer reads %q, want %q", got, want)
	}
}

// TestTagColours: config.toml's colour wins over the library's, which wins
// over the hash; both find a tag by its name in any case, as the library
// tells tags apart (marks.FoldTag: σ and the final ς one letter, the dotted
// İ an i).
func TestTagColours(t *testing.T) {
	lib := newLibrary(t, 5)
	ctx := context.Background()
	for tag, c := range map[string]string{"ukraine": "#00ff00", "defence": "#ff0000", "λόγος": "#ff8800", "İzmir": "#8800ff"} {
		if err := lib.SetTagColor(ctx, tag, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := lib.Tag(ctx, []int64{1}, []string{"\u00e9t\u00e9", "ΣΟΦΟΣ"}, nil); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{TagColors: map[string]string{
		"Ukraine": "#0000ff",
		// A key typed with combining accents is the tag typed composed.
		"e\u0301te\u0301": "#00ccff",
		"σοφος":           "#00ff00",
	}}, 100, 24)
	st := root(t, m).styles
	for tag, want := range map[string]string{
		"ukraine": "#0000ff", "UKRAINE": "#0000ff",
		"defence":       "#ff0000",
		"\u00e9t\u00e9": "#00ccff", "ÉTÉ": "#00ccff",
		"ΣΟΦΟΣ": "#00ff00", "σοφος": "#00ff00",
		"λόγος": "#ff8800", "ΛΌΓΟΣ": "#ff8800",
		"İzmir": "#8800ff", "izmir": "#8800ff",
	} {
		r, g, b, _ := st.tagStyle(tag).GetForeground().RGBA()
		if hex := rgbHex(r, g, b); hex != want {
			t.Errorf("%s is %s, want %s", tag, hex, want)
		}
	}
	// The list draws the article's chip, as the library spells it, so.
	green := regexp.MustCompile(`\x1b\[38;2;0;255;0[;0-9]*m#ΣΟΦΟΣ`)
	if row := lineWith(m.View().Content, "#ΣΟΦΟΣ"); !green.MatchString(row) {
		t.Errorf("the chip #ΣΟΦΟΣ is not green: %q", row)
	}
}

// lineWith is the first line of s holding sub, "" when none does.
func lineWith(s, sub string) string {
	for line := range strings.Lines(s) {
		if strings.Contains(line, sub) {
			return line
		}
	}
	return ""
}

func rgbHex(r, g, b uint32) string {
	const digits = "0123456789abcdef"
	out := []byte{'#'}
	for _, c := range []uint32{r >> 8, g >> 8, b >> 8} {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// TestTagCompletion: the editor alone, on names with spaces and removals.
func TestTagCompletion(t *testing.T) {
	e := newTagEditor(newStyles(true, false, nil))
	e.start([]int64{1}, "", "an article", []string{"draft", "Long Read"}, 1)
	e.suggested = []string{"longform", "ukraine"}
	e.setKnown([]store.Tag{{Name: "long read", Count: 9}, {Name: "lobby", Count: 3}, {Name: "Long Read", Count: 1}, {Name: "draft", Count: 2}})
	typeIn := func(s string) {
		for _, r := range s {
			e.update(press(string(r)))
		}
	}
	typeIn("+lo")
	if s, o := e.candidates(); !slices.Equal(s, []string{"longform"}) || !slices.Equal(o, []string{"lobby"}) {
		t.Errorf("candidates for +lo: %q then %q", s, o)
	}
	e.update(press("tab"))
	e.update(press("tab"))
	if got := e.input.Value(); got != "+lobby" {
		t.Errorf("tab tab: %q", got)
	}
	e.update(press("tab")) // round again
	if got := e.input.Value(); got != "+longform" {
		t.Errorf("tab tab tab: %q", got)
	}
	typeIn(" -lo")
	e.update(press("tab")) // the article's own tags first, quoted
	if got := e.input.Value(); got != `+longform -"Long Read"` {
		t.Errorf("removal: %q", got)
	}
	typeIn(" ")
	if s, o := e.candidates(); len(s) != 1 || s[0] != "ukraine" || slices.Contains(o, "longform") || slices.Contains(o, "draft") {
		t.Errorf("after two names: suggested %q, others %q", s, o)
	}
	add, remove := parseTagEdits(e.input.Value())
	if !slices.Equal(add, []string{"longform"}) || !slices.Equal(remove, []string{"Long Read"}) {
		t.Errorf("applies +%q -%q", add, remove)
	}
}
