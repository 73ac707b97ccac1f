package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestLayoutKeepsThePlaceInACutArticle: in an article longer than the
// reader lays out, paged down while its start shows in plain text, the
// text on the screen stays on the screen once the layout arrives; and the
// position the rule shows is of what can be read, meanwhile as after.
func TestLayoutKeepsThePlaceInACutArticle(t *testing.T) {
	heavyUnderRace(t)
	body := longBody(2 * maxRenderBytes)
	lib, _ := importLong(t, t.TempDir(), body)
	m := start(t, lib, Config{}, 80, 40)
	m, cmd := m.Update(press("enter"))
	m, held := holdRendered(t, m, cmd)
	if r := root(t, m).reader; !r.plain || len(held) == 0 {
		t.Fatalf("the article is not being laid out: plain %v, %d held", r.plain, len(held))
	}
	for range 5 {
		var more []tea.Msg
		m, cmd = m.Update(press("space"))
		m, more = holdRendered(t, m, cmd)
		held = append(held, more...)
	}
	before := viewText(m)
	top, _ := paragraphsOn(strings.Join(bodyLines(t, before), "\n"))
	if top < 5 {
		t.Fatalf("five pages down, paragraph %d is the first on the screen:\n%s", top, before)
	}
	for _, msg := range held {
		m = step(t, m, msg)
	}
	if root(t, m).reader.plain {
		t.Fatal("the layout did not arrive")
	}
	after := viewText(m)
	if lo, hi := paragraphsOn(after); top < lo || top > hi {
		t.Errorf("paragraph %d was on the screen; laid out, the reader shows paragraphs %d to %d:\nbefore:\n%s\nafter:\n%s",
			top, lo, hi, before, after)
	}
	if p, q := rulePercent(t, before), rulePercent(t, after); p > q+2 || q > p+2 {
		t.Errorf("the rule says %d%% while the plain text shows, %d%% laid out:\nbefore:\n%s\nafter:\n%s", p, q, before, after)
	}
}

// TestPlainPreviewRuleIsOfWhatIsLaidOut: at the end of the plain text shown
// while a long article is laid out, the rule does not say 100%: the reader
// has most of the article still to show.
func TestPlainPreviewRuleIsOfWhatIsLaidOut(t *testing.T) {
	heavyUnderRace(t)
	lib, _ := importLong(t, t.TempDir(), longBody(2*maxRenderBytes))
	m := start(t, lib, Config{}, 80, 40)
	m, cmd := m.Update(press("enter"))
	m, _ = holdRendered(t, m, cmd)
	m, cmd = m.Update(press("G"))
	m, _ = holdRendered(t, m, cmd)
	r := root(t, m).reader
	if !r.plain {
		t.Fatal("the article is not being laid out")
	}
	want := 100 * plainPreview / r.laidOut
	if p := rulePercent(t, viewText(m)); p > want+1 || p < want-1 {
		t.Errorf("at the end of the first %d KB of the %d KB of text laid out, the rule says %d%%, not %d%%:\n%s",
			plainPreview>>10, r.laidOut>>10, p, want, viewText(m))
	}
}

// TestResizeKeepsTheTextAtTheTop: after a resize, the text that was at the
// top of the screen is at the top again, whatever the table before it does
// to the count of lines, and resizing back and forth does not drift.
func TestResizeKeepsTheTextAtTheTop(t *testing.T) {
	var b strings.Builder
	b.WriteString("| # | Description | Detail |\n|---|---|---|\n")
	for i := range 60 {
		fmt.Fprintf(&b, "| R%03d | a fairly long description cell that wraps on narrow screens, number %d | detail text that goes on for a while %d |\n", i, i, i)
	}
	// Paragraphs long enough to wrap at 60 columns and at 80, each word
	// of them once in the article.
	for i := range 120 {
		b.WriteString("\n")
		for j := range 16 {
			fmt.Fprintf(&b, "q%03dw%02d ", i, j)
		}
		b.WriteString("\n")
	}
	for name, widths := range map[string][]int{
		"wider":        {200},
		"narrower":     {60},
		"back & forth": {200, 60, 130, 80, 200, 80},
	} {
		t.Run(name, func(t *testing.T) {
			lib, _ := importLong(t, t.TempDir(), b.String())
			m := start(t, lib, Config{}, 80, 40)
			m = steps(t, m, "enter", "G", "pgup", "pgup", "pgup", "pgup")
			lines := bodyLines(t, viewText(m))
			first := strings.Fields(lines[0])
			if len(first) == 0 || !strings.HasPrefix(first[0], "q") {
				t.Fatalf("the top line is not a paragraph's: %q\n%s", lines[0], viewText(m))
			}
			for _, w := range widths {
				m = step(t, m, tea.WindowSizeMsg{Width: w, Height: 40})
				top := bodyLines(t, viewText(m))[0]
				if !strings.Contains(top, first[0]) {
					t.Fatalf("at %d columns the top line is %q, not the line that holds %q:\n%s", w, top, first[0], viewText(m))
				}
			}
		})
	}
}

// bodyLines are the lines of the reader's screen under its rule.
func bodyLines(t *testing.T, screen string) []string {
	t.Helper()
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "───") && i+1 < len(lines) {
			return lines[i+1:]
		}
	}
	t.Fatalf("no rule on the screen:\n%s", screen)
	return nil
}

// rulePercent is the position the reader's rule shows.
func rulePercent(t *testing.T, screen string) int {
	t.Helper()
	m := regexp.MustCompile(`─ *(\d+)% ─`).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no position on the rule:\n%s", screen)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
