package ui

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"tidings/store"
)

// In a terminal of 16 colours, what the cursor's row says can be read on
// its background: every character, in the colours the terminal is sent
// (Bubble Tea's output downsampled to the ANSI profile), contrasts with
// its background by 3:1 at least, in xterm's palette and, on a dark
// background, in the Linux console's.
func TestCursorRowReadsIn16Colours(t *testing.T) {
	lib := newLibrary(t, 5)
	ctx := context.Background()
	rows, _ := lib.Page(ctx, store.PageRequest{Limit: 3})
	lib.SetStarred(ctx, []int64{rows[1].ID}, true)
	if _, err := lib.AddAnnotation(ctx, store.Annotation{ArticleID: rows[1].ID, Note: "n"}); err != nil {
		t.Fatal(err)
	}
	palettes := map[string][16]string{
		"xterm": {"000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
			"7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff"},
		"linux": {"000000", "aa0000", "00aa00", "aa5500", "0000aa", "aa00aa", "00aaaa", "aaaaaa",
			"555555", "ff5555", "55ff55", "ffff55", "5555ff", "ff55ff", "55ffff", "ffffff"},
	}
	for _, theme := range []string{"dark", "light"} {
		m := start(t, lib, Config{Theme: theme}, 100, 8)
		m = step(t, m, tea.ColorProfileMsg{Profile: colorprofile.ANSI})
		for _, keys := range [][]string{{"j"}, {"j", "space", "k"}} { // the row, then marked
			m := steps(t, m, keys...)
			var out strings.Builder
			w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.ANSI}
			if _, err := w.WriteString(m.View().Content); err != nil {
				t.Fatal(err)
			}
			line := strings.Split(out.String(), "\n")[2]
			if !strings.Contains(stripSGR(line), "Article 001") {
				t.Fatalf("%s: line 2 is not article 1's row: %q", theme, stripSGR(line))
			}
			for name, pal := range palettes {
				if name == "linux" && theme == "light" {
					continue
				}
				checkContrast(t, fmt.Sprintf("%s theme, %s palette, keys %v", theme, name, keys), line, pal, theme, 3, map[[2]string]bool{})
			}
		}
	}
}

// checkContrast fails for each pair of colours on line, drawn in 16
// colours with palette pal on a terminal of the theme's background, that
// contrasts by less than min (each pair once in seen).
func checkContrast(t *testing.T, label, line string, pal [16]string, theme string, min float64, seen map[[2]string]bool) {
	t.Helper()
	defFg, defBg := "e5e5e5", "000000"
	if theme == "light" {
		defFg, defBg = "000000", "ffffff"
	}
	for _, c := range cellColours(t, line) {
		fg, bg := defFg, defBg
		if c.fg >= 0 {
			fg = pal[c.fg]
		}
		if c.bg >= 0 {
			bg = pal[c.bg]
		}
		if c.reverse {
			fg, bg = bg, fg
		}
		if r := contrast(fg, bg); r < min && !seen[[2]string{fg, bg}] {
			seen[[2]string{fg, bg}] = true
			t.Errorf("%s: %q is #%s on #%s (%.1f:1) in %q", label, c.text, fg, bg, r, stripSGR(line))
		}
	}
}

// cell is a visible character and its colours, as the ANSI profile sends
// them: 0-15, or -1 for the terminal's default.
type cell struct {
	text           string
	fg, bg         int
	reverse, faint bool
}

var sgrSeq = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// cellColours reads the characters of a line drawn in 16 colours.
func cellColours(t *testing.T, line string) []cell {
	t.Helper()
	var cells []cell
	cur := cell{fg: -1, bg: -1}
	pos := 0
	text := func(s string) {
		for _, r := range s {
			if r != ' ' {
				c := cur
				c.text = string(r)
				cells = append(cells, c)
			}
		}
	}
	for _, loc := range sgrSeq.FindAllStringSubmatchIndex(line, -1) {
		text(line[pos:loc[0]])
		pos = loc[1]
		params := strings.Split(line[loc[2]:loc[3]], ";")
		for _, p := range params {
			n, err := strconv.Atoi(p)
			if p == "" {
				n, err = 0, nil
			}
			if err != nil {
				t.Fatalf("SGR %q", line[loc[0]:loc[1]])
			}
			switch {
			case n == 0:
				cur = cell{fg: -1, bg: -1}
			case n == 7:
				cur.reverse = true
			case n == 27:
				cur.reverse = false
			case n == 2:
				cur.faint = true
			case n == 22:
				cur.faint = false
			case n >= 30 && n <= 37:
				cur.fg = n - 30
			case n >= 90 && n <= 97:
				cur.fg = n - 90 + 8
			case n == 39:
				cur.fg = -1
			case n >= 40 && n <= 47:
				cur.bg = n - 40
			case n >= 100 && n <= 107:
				cur.bg = n - 100 + 8
			case n == 49:
				cur.bg = -1
			case n == 38 || n == 48:
				t.Fatalf("not downsampled to 16 colours: %q", line[loc[0]:loc[1]])
			}
		}
	}
	text(line[pos:])
	return cells
}

// contrast is the WCAG contrast ratio of two colours written rrggbb.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	var rgb [3]float64
	for i := range rgb {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			rgb[i] = c / 12.92
		} else {
			rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
}
