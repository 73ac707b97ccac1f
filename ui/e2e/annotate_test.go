package e2e

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
)

// keyCtrlS saves in the note editor.
const keyCtrlS = "\x13"

// TestAnnotatePassage is the annotation loop on the real sample: open it,
// select two sentences with v and j, attach a note, and see the passage
// drawn highlighted (in the cells' style, not only the text), at another
// width too; then find the note in the annotation browser.
func TestAnnotatePassage(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))

	tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
	tm.waitFor(`1 / 1`, screenTimeout)
	tm.send(keyEnter)
	// Rendered (glamour's margin), not the plain text shown meanwhile.
	tm.waitFor(`^  RT Editor-in-Chief Margarita Simonyan`, screenTimeout)
	plain := wordStyle(t, tm, "Simonyan")

	// v selects the first sentence, j adds the second (in the same
	// paragraph), a opens the editor on the two.
	tm.send("v")
	tm.waitFor(`next sentence`, screenTimeout)
	selected := waitStyled(t, tm, "potentially", plain)
	if s := wordStyle(t, tm, "far-reaching"); s.Equal(&selected) {
		t.Fatal("the second sentence is drawn as selected before j")
	}
	tm.send("j")
	waitStyled(t, tm, "far-reaching", plain)
	tm.send("a")
	tm.waitFor(`Note on the passage “In a startling revelation`, screenTimeout)
	tm.send("Check the transcript")
	tm.waitFor(`Check the transcript`, screenTimeout)
	tm.send(keyCtrlS)
	tm.waitFor(`Saved the note\.`, screenTimeout)
	// The new note is the current one: its text under its paragraph.
	tm.waitFor(`┆ Check the transcript`, screenTimeout)
	for _, w := range []string{"potentially", "Gerhartz,", "far-reaching"} {
		waitStyled(t, tm, w, plain)
	}
	if s := wordStyle(t, tm, "Simonyan"); !s.Equal(&plain) {
		t.Errorf("a word outside the passage changed its style: %+v, was %+v\n%s", s, plain, tm.screen())
	}

	// Narrower: the text wraps elsewhere, the same words are highlighted.
	tm.resize(64, 30)
	tm.waitUntil("the reader drawn for 64 columns", func(s string) bool {
		// The rule under the header ends with the reading position at the
		// screen's last column.
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(line, "───") && strings.HasSuffix(line, "% ─") {
				return len([]rune(line)) == 64 && strings.Contains(s, "┆ Check the transcript")
			}
		}
		return false
	}, screenTimeout)
	for _, w := range []string{"potentially", "Gerhartz,", "far-reaching"} {
		waitStyledApart(t, tm, w, "Simonyan")
	}

	// The browser lists it with its article and passage.
	tm.send("A")
	s := tm.waitFor(`✎ Check the transcript`, screenTimeout)
	for _, want := range []string{"Annotations", "In a startling revelation", "“In a startling revelation"} {
		if !strings.Contains(s, want) {
			t.Errorf("the browser lacks %q:\n%s", want, s)
		}
	}
	tm.send(keyEsc) // alone: a key right after it reads as alt+key
	tm.waitGone(`Annotations`, screenTimeout)
	tm.waitFor(`Margarita Simonyan`, screenTimeout)
	tm.send("q")
	if code := tm.wait(screenTimeout); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if err := tm.restored(); err != nil {
		t.Errorf("terminal not restored: %v", err)
	}

	out := mustRun(t, lib, "search", "is:annotated transcript", "--json")
	if !strings.Contains(out, `"annotations":1`) {
		t.Errorf("the library does not have the note: %s", out)
	}
}

// wordStyle is the style of the first cell of a word on the screen.
func wordStyle(t *testing.T, tm *term, word string) uv.Style {
	t.Helper()
	x, y, ok := tm.find(word)
	if !ok {
		t.Fatalf("%q is not on the screen:\n%s", word, tm.screen())
	}
	return tm.cell(x, y).Style
}

// waitStyled waits until word is drawn in a style other than plain's (a
// highlight's background) and returns that style.
func waitStyled(t *testing.T, tm *term, word string, plain uv.Style) uv.Style {
	t.Helper()
	deadline := time.Now().Add(screenTimeout)
	for {
		s := wordStyle(t, tm, word)
		if !s.Equal(&plain) && s.Bg != nil {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("%q is not highlighted (style %+v, plain %+v):\n%s", word, s, plain, tm.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitStyledApart waits until word is drawn highlighted, in a style other
// than that of other, a word outside the passage, both read from the same
// screen: a screen still being redrawn (after a resize) is read again.
func waitStyledApart(t *testing.T, tm *term, word, other string) {
	t.Helper()
	deadline := time.Now().Add(screenTimeout)
	for {
		s, plain := wordStyle(t, tm, word), wordStyle(t, tm, other)
		if !s.Equal(&plain) && s.Bg != nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%q is not highlighted (style %+v, %q's %+v):\n%s", word, s, other, plain, tm.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestNoteSurvivesHangup: a note being written when the terminal goes away
// (SIGHUP) or the process is told to stop (SIGTERM) is saved, not lost.
func TestNoteSurvivesHangup(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			lib := filepath.Join(t.TempDir(), "library.db")
			mustRun(t, lib, "import", samplePath(t))
			tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
			tm.waitFor(`1 / 1`, screenTimeout)
			tm.send("a")
			tm.waitFor(`Note on`, screenTimeout)
			tm.send("Half a thought")
			tm.waitFor(`Half a thought`, screenTimeout)
			if err := tm.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code, want := tm.wait(screenTimeout), 128+int(sig); code != want {
				t.Errorf("exit code %d after %v, want %d", code, sig, want)
			}
			out := mustRun(t, lib, "search", "is:annotated thought", "--json")
			if !strings.Contains(out, `"annotations":1`) {
				t.Errorf("the note typed before %v is not in the library: %q", sig, out)
			}
		})
	}
}

// TestNoteLostOnQuit: a note the user agreed to lose when quitting (y at
// "Quit and lose this note?", or ctrl+c again) is not in the library after
// tidings ends.
func TestNoteLostOnQuit(t *testing.T) {
	for _, tt := range []struct {
		name, answer string
	}{
		{"y", "y"},
		{"ctrl+c again", "\x03"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lib := filepath.Join(t.TempDir(), "library.db")
			mustRun(t, lib, "import", samplePath(t))
			tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
			tm.waitFor(`1 / 1`, screenTimeout)
			tm.send("a")
			tm.waitFor(`Note on`, screenTimeout)
			tm.send("A draft to throw away")
			tm.waitFor(`A draft to throw away`, screenTimeout)
			tm.send("\x03") // ctrl+c
			tm.waitFor(`Quit and lose this note\?`, screenTimeout)
			tm.send(tt.answer)
			if code := tm.wait(screenTimeout); code != 0 {
				t.Errorf("exit code %d", code)
			}
			if out := mustRun(t, lib, "search", "is:annotated", "--count"); strings.TrimSpace(out) != "0" {
				t.Errorf("the note given up on is in the library: %q annotated", out)
			}
		})
	}
}
