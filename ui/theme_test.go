package ui

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"tidings/store"
)

// The theme as a terminal shows it: the text cursor and the help read on
// the theme's background in every colour profile, the Linux console gets
// marks its fonts have, and a narrow list keeps room for titles.

// xterm16 is xterm's palette of the 16 colours, and linux16 the Linux
// console's.
var (
	xterm16 = [16]string{"000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
		"7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff"}
	linux16 = [16]string{"000000", "aa0000", "00aa00", "aa5500", "0000aa", "aa00aa", "00aaaa", "aaaaaa",
		"555555", "ff5555", "55ff55", "ffff55", "5555ff", "ff55ff", "55ffff", "ffffff"}
)

// screenCell is a character as a terminal draws it: its colours as
// rrggbb, reverse video applied.
type screenCell struct {
	text   string
	fg, bg string
	bold   bool
}

// profileCase is a colour profile the terminal may have, with the
// palette its 16 colours are drawn in.
type profileCase struct {
	name    string
	profile colorprofile.Profile
	palette [16]string
}

var profileCases = []profileCase{
	{"true colour", colorprofile.TrueColor, xterm16},
	{"256 colours", colorprofile.ANSI256, xterm16},
	{"16 colours (xterm)", colorprofile.ANSI, xterm16},
	{"16 colours (Linux console)", colorprofile.ANSI, linux16},
}

// drawn is the model's screen as the terminal of profile p receives it,
// line by line, for a terminal whose background is the theme's.
func drawn(t *testing.T, m tea.Model, p profileCase, theme string) [][]screenCell {
	t.Helper()
	var out strings.Builder
	w := &colorprofile.Writer{Forward: &out, Profile: p.profile}
	if _, err := w.WriteString(m.View().Content); err != nil {
		t.Fatal(err)
	}
	defFg, defBg := "e5e5e5", "000000"
	if theme == "light" {
		defFg, defBg = "000000", "ffffff"
	}
	var lines [][]screenCell
	for _, line := range strings.Split(out.String(), "\n") {
		lines = append(lines, screenCells(t, line, p.palette, defFg, defBg))
	}
	return lines
}

// screenCells reads a line of SGR-styled text into cells.
func screenCells(t *testing.T, line string, pal [16]string, defFg, defBg string) []screenCell {
	t.Helper()
	var cells []screenCell
	fg, bg, bold, reverse := "", "", false, false
	text := func(s string) {
		for _, r := range s {
			c := screenCell{text: string(r), fg: defFg, bg: defBg, bold: bold}
			if fg != "" {
				c.fg = fg
			}
			if bg != "" {
				c.bg = bg
			}
			if reverse {
				c.fg, c.bg = c.bg, c.fg
			}
			cells = append(cells, c)
		}
	}
	pos := 0
	for _, loc := range sgrSeq.FindAllStringSubmatchIndex(line, -1) {
		text(line[pos:loc[0]])
		pos = loc[1]
		params := strings.Split(line[loc[2]:loc[3]], ";")
		num := func(i int) int {
			if i >= len(params) {
				t.Fatalf("SGR %q", line[loc[0]:loc[1]])
			}
			n, err := strconv.Atoi(params[i])
			if err != nil {
				t.Fatalf("SGR %q", line[loc[0]:loc[1]])
			}
			return n
		}
		for i := 0; i < len(params); i++ {
			n := 0
			if params[i] != "" {
				n = num(i)
			}
			switch {
			case n == 0:
				fg, bg, bold, reverse = "", "", false, false
			case n == 1:
				bold = true
			case n == 22:
				bold = false
			case n == 7:
				reverse = true
			case n == 27:
				reverse = false
			case n >= 30 && n <= 37:
				fg = pal[n-30]
			case n >= 90 && n <= 97:
				fg = pal[n-90+8]
			case n == 39:
				fg = ""
			case n >= 40 && n <= 47:
				bg = pal[n-40]
			case n >= 100 && n <= 107:
				bg = pal[n-100+8]
			case n == 49:
				bg = ""
			case n == 38 || n == 48:
				var c string
				switch num(i + 1) {
				case 5:
					c = xterm256(num(i+2), pal)
					i += 2
				case 2:
					c = fmt.Sprintf("%02x%02x%02x", num(i+2), num(i+3), num(i+4))
					i += 4
				default:
					t.Fatalf("SGR %q", line[loc[0]:loc[1]])
				}
				if n == 38 {
					fg = c
				} else {
					bg = c
				}
			}
		}
	}
	text(line[pos:])
	return cells
}

// xterm256 is colour n of the 256 as xterm draws it.
func xterm256(n int, pal [16]string) string {
	switch {
	case n < 16:
		return pal[n]
	case n < 232:
		n -= 16
		level := func(i int) int {
			if i == 0 {
				return 0
			}
			return 55 + 40*i
		}
		return fmt.Sprintf("%02x%02x%02x", level(n/36), level(n/6%6), level(n%6))
	default:
		g := 8 + 10*(n-232)
		return fmt.Sprintf("%02x%02x%02x", g, g, g)
	}
}

// TestInputCursorShows: the cursor of every line typed in — the filter,
// the tag editor, the note editor, the save-search prompt and the
// annotation browser's filter — stands out from the background around it
// (3:1 at least) in both themes and every colour profile, and the
// character under it can be read on it.
func TestInputCursorShows(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	inputs := []struct {
		name string
		keys []string
	}{
		{"filter", []string{"/"}},
		{"tag editor", []string{"t"}},
		{"note editor", []string{"a"}},
		{"save search", []string{"/", "a", "r", "t", "enter", "ctrl+s"}},
		{"annotation browser filter", []string{"A", "/"}},
	}
	for _, theme := range []string{"dark", "light"} {
		for _, p := range profileCases {
			if p.palette == linux16 && theme == "light" {
				continue // the Linux console's background is black
			}
			m := start(t, lib, Config{Theme: theme}, 80, 24)
			if p.profile == colorprofile.ANSI {
				m = step(t, m, tea.ColorProfileMsg{Profile: colorprofile.ANSI})
			}
			for _, in := range inputs {
				m := steps(t, m, in.keys...)
				m = typeText(t, m, "xy")
				m = step(t, m, press("left")) // the cursor on the y
				label := fmt.Sprintf("%s theme, %s, %s", theme, p.name, in.name)
				// The first xy on the screen is the line typed in; the
				// list or the status line may say it again below.
				var found bool
			screen:
				for _, line := range drawn(t, m, p, theme) {
					for i, c := range line {
						if c.text != "y" || i == 0 || line[i-1].text != "x" {
							continue
						}
						found = true
						around := line[i-1].bg
						if r := contrast(c.bg, around); r < 3 {
							t.Errorf("%s: the cursor is #%s on #%s (%.1f:1)", label, c.bg, around, r)
						}
						if r := contrast(c.fg, c.bg); r < 3 {
							t.Errorf("%s: the y under the cursor is #%s on #%s (%.1f:1)", label, c.fg, c.bg, r)
						}
						break screen
					}
				}
				if !found {
					t.Errorf("%s: no xy typed on the screen:\n%s", label, viewText(m))
				}
			}
		}
	}
}

// TestHelpReads: the keys and what they do, in the footer and in the ?
// help, read on the theme's background: 4.5:1 at least in both themes
// and every colour profile.
func TestHelpReads(t *testing.T) {
	lib := newLibrary(t, 5)
	for _, theme := range []string{"dark", "light"} {
		for _, p := range profileCases {
			if p.palette == linux16 && theme == "light" {
				continue
			}
			m := start(t, lib, Config{Theme: theme}, 100, 30)
			if p.profile == colorprofile.ANSI {
				m = step(t, m, tea.ColorProfileMsg{Profile: colorprofile.ANSI})
			}
			seen := map[string]bool{}
			check := func(where string, cells []screenCell) {
				for _, c := range cells {
					if !isWordChar(c.text) {
						continue
					}
					k := where + c.fg + c.bg
					if r := contrast(c.fg, c.bg); r < 4.5 && !seen[k] {
						seen[k] = true
						t.Errorf("%s theme, %s, %s: %q is #%s on #%s (%.1f:1) in %q",
							theme, p.name, where, c.text, c.fg, c.bg, r, cellText(cells))
					}
				}
			}
			lines := drawn(t, m, p, theme)
			footer := lines[len(lines)-1]
			if !strings.Contains(cellText(footer), "help") {
				t.Fatalf("the last line is not the footer: %q", cellText(footer))
			}
			check("footer", footer)
			m = step(t, m, press("?"))
			var rows int
			for _, line := range drawn(t, m, p, theme) {
				// The rows of keys: inside the box, under its heading.
				if s := cellText(line); strings.Contains(s, "│") && !strings.Contains(s, "Keys") {
					check("help", line)
					rows++
				}
			}
			if rows < 5 {
				t.Fatalf("%s theme: the help box is not on the screen:\n%s", theme, viewText(m))
			}
		}
	}
}

func isWordChar(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

func cellText(cells []screenCell) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.text)
	}
	return b.String()
}

// TestHelpKeysStandOut: in the footer and the help, a key is drawn unlike
// what it does, with colour or without; without colour (NO_COLOR) nothing
// has one.
func TestHelpKeysStandOut(t *testing.T) {
	for _, dark := range []bool{true, false} {
		for _, basic := range []bool{false, true} {
			for _, noColor := range []bool{false, true} {
				st := newStyles(dark, noColor, nil)
				if basic && !noColor {
					st.useBasicColours()
				}
				label := fmt.Sprintf("dark %v, 16 colours %v, no colour %v", dark, basic, noColor)
				h := st.help
				for _, pair := range [][2]lipgloss.Style{{h.ShortKey, h.ShortDesc}, {h.FullKey, h.FullDesc}} {
					k, d := pair[0], pair[1]
					if k.GetBold() == d.GetBold() && sameColour(k.GetForeground(), d.GetForeground()) {
						t.Errorf("%s: keys are drawn as what they do", label)
					}
				}
				if noColor {
					for _, s := range []lipgloss.Style{h.ShortKey, h.ShortDesc, h.ShortSeparator, h.FullKey, h.FullDesc, h.FullSeparator, h.Ellipsis} {
						if _, none := s.GetForeground().(lipgloss.NoColor); !none {
							t.Errorf("%s: the help has a colour: %v", label, s.GetForeground())
						}
					}
				}
			}
		}
	}
}

func sameColour(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

// unicodeMarks are the marks drawn outside the Linux console that none or
// few of its fonts have.
const unicodeMarks = "✓★✎▌●┃┆›╭╮╰╯"

// TestConsoleMarks: on the Linux console (TERM=linux, as main passes it)
// the list, the reader, the panels, the editors, the browser and the help
// draw none of the marks its fonts lack, and the list's marks stay told
// apart: > the cursor, + selected, • unread, = notes, * starred. Elsewhere
// the marks are as ever, whatever TERM says while the screen is drawn.
func TestConsoleMarks(t *testing.T) {
	lib, rows := annotatedLibrary(t)
	ctx := context.Background()
	if err := lib.SetStarred(ctx, []int64{rows[2].ID}, true); err != nil {
		t.Fatal(err)
	}
	if err := lib.SetRead(ctx, []int64{rows[0].ID}, true); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{Term: "linux"}, 100, 30)

	list := strings.Split(viewText(m), "\n")
	want := map[int]string{
		1: "> ", // the cursor on article 0, read
		3: " •", // article 2: unread
	}
	for i, prefix := range want {
		if !strings.HasPrefix(list[i], prefix) {
			t.Errorf("line %d starts %q, want %q", i, list[i][:min(4, len(list[i]))], prefix)
		}
	}
	if !strings.HasSuffix(strings.TrimRight(list[3], " "), " =*") {
		t.Errorf("article 2, starred with notes, ends %q, want =*", list[3])
	}
	if line := strings.Split(viewText(steps(t, m, "space")), "\n")[1]; !strings.HasPrefix(line, "+") {
		t.Errorf("a selected row starts %q, want +", line[:4])
	}

	screens := map[string][]string{
		"list":              {"space"},
		"help":              {"?"},
		"reader":            {"j", "j", "enter"},
		"reader's notes":    {"j", "j", "enter", "]"},
		"links panel":       {"j", "j", "enter", "L"},
		"tag editor":        {"t"},
		"note editor":       {"a"},
		"tags panel":        {"#"},
		"browser":           {"A"},
		"browser's filter":  {"A", "/"},
		"reader's passages": {"j", "j", "j", "j", "j", "j", "j", "enter", "]"},
	}
	for name, keys := range screens {
		s := viewText(steps(t, m, keys...))
		if i := strings.IndexAny(s, unicodeMarks); i >= 0 {
			t.Errorf("%s on the Linux console draws %q:\n%s", name, []rune(s[i:])[0], s)
		}
	}

	// The marks come from what main passed, not from TERM as it is
	// when the screen is drawn.
	t.Setenv("TERM", "linux")
	m = start(t, lib, Config{Term: "xterm-256color"}, 100, 30)
	if s := viewText(steps(t, m, "j", "j")); !strings.Contains(s, "▌") || !strings.Contains(s, "✎★") {
		t.Errorf("TERM=xterm-256color: not the usual marks:\n%s", s)
	}
}

// TestConsoleGlyphsInFonts: every mark drawn on the Linux console is
// ASCII or one every console font with box drawing has (the PC's code
// page 437: • and the lines and corners of boxes).
func TestConsoleGlyphsInFonts(t *testing.T) {
	g := consoleGlyphs
	b := g.border
	var all strings.Builder
	for _, s := range []string{g.cursorBar, g.selected, g.unread, g.annotated, g.starred, g.noteBar, g.noteLine, g.tagPrompt,
		b.Top, b.Bottom, b.Left, b.Right, b.TopLeft, b.TopRight, b.BottomLeft, b.BottomRight} {
		if s == "" {
			t.Errorf("a console glyph is empty: %+v", g)
		}
		all.WriteString(s)
	}
	for _, r := range all.String() {
		if r > unicode.MaxASCII && !strings.ContainsRune("•─│┌┐└┘", r) {
			t.Errorf("the console glyphs have %q (%U)", r, r)
		}
	}
	for _, term := range []string{"linux", "linux-16color", "linux-m"} {
		if !linuxConsole(term) {
			t.Errorf("TERM=%s is not taken for the Linux console", term)
		}
	}
	for _, term := range []string{"", "xterm-256color", "screen.linux", "tmux-256color", "linuxish"} {
		if linuxConsole(term) {
			t.Errorf("TERM=%s is taken for the Linux console", term)
		}
	}
}

// TestNarrowListKeepsTitle: as the terminal narrows, the source, then the
// date's year, then the date give way before the title does: it keeps 10
// cells at least on any terminal wide enough to have them.
func TestNarrowListKeepsTitle(t *testing.T) {
	for w := markCols + suffixCols + titleBeforeNoDate; w <= 200; w++ {
		l := newLayout(w)
		if l.title < titleBeforeNoDate {
			t.Errorf("width %d: the title has %d cells", w, l.title)
		}
		used := markCols + sourceCols(l) + l.title + suffixCols
		if l.date > 0 {
			used += l.date + dateGap
		}
		if used != w {
			t.Errorf("width %d: the columns take %d cells", w, used)
		}
		if w >= 40 && l.date != dateLong {
			t.Errorf("width %d: the date is %d cells, want it whole", w, l.date)
		}
	}

	st := newStyles(true, false, nil)
	row := store.Row{ID: 1, Title: "Storm Shadow deliveries resume", Source: "Reuters", Starred: true}
	row.Published = time.Date(2024, 3, 4, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		width       int
		date, title string
	}{
		{20, "", "Storm Shadow"},
		{24, "03-04", "Storm Sha…"},
		{34, "03-04", "Storm Shadow delive…"},
		{40, "2024-03-04", "Storm Shadow deliver"},
		{80, "2024-03-04", "Storm Shadow deliveries resume"},
	} {
		out := stripSGR(renderRow(row, tt.width, newLayout(tt.width), false, false, nil, st))
		if w := len([]rune(out)); w != tt.width {
			t.Errorf("width %d: the row is %d cells: %q", tt.width, w, out)
		}
		if !strings.Contains(out, tt.title) {
			t.Errorf("width %d: the row %q does not show %q", tt.width, out, tt.title)
		}
		if tt.date != "" && !strings.Contains(out, " "+tt.date+"  ") {
			t.Errorf("width %d: the row %q does not show the date as %q", tt.width, out, tt.date)
		}
		if tt.date == "" && strings.ContainsAny(out, "0123456789") {
			t.Errorf("width %d: the row %q shows a date", tt.width, out)
		}
		if !strings.HasSuffix(out, "★ ") {
			t.Errorf("width %d: the row %q lost its star", tt.width, out)
		}
	}
	row.Published = time.Time{}
	if out := stripSGR(renderRow(row, 24, newLayout(24), false, false, nil, st)); !strings.Contains(out, " ●   —    Storm") {
		t.Errorf("no date at width 24: %q", out)
	}
}

func sourceCols(l layout) int {
	if l.source == 0 {
		return 0
	}
	return l.source + 2
}
