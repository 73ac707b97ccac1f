package ui

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"tidings/feeds"
	"tidings/store"
)

// TestProgram runs the whole program: list, an import by another process
// showing up on its own, the reader, back, quit.
func TestProgram(t *testing.T) {
	st, path := openLibrary(t)
	importArticles(t, st, 0, 5)
	m, err := New(st, Config{LibraryName: "library.db", PollInterval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	term := newTerminal(t, tm, 80, 24)
	waitFor := term.waitFor
	waitFor(`Article 000`)
	waitFor(`5 / 5`)

	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, err = other.Import(context.Background(), []feeds.Article{{
		ExternalID: "ELSEWHERE01ID1", Source: "Elsewhere", Title: "Imported by another process",
		Published: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), Body: "A fresh body, just arrived.",
	}})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(`Imported by another process`)
	waitFor(`6 / 6`)

	tm.Send(press("k")) // the cursor stayed on article 0; the new one is above
	tm.Send(press("enter"))
	waitFor(`fresh body`)
	tm.Send(press("esc"))
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	fm := tm.FinalModel(t)
	if v := fm.View(); !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Errorf("final view drops the terminal modes: %+v", v)
	}
	golden.RequireEqual(t, viewText(fm))

	a, err := st.Article(context.Background(), root(t, fm).list.rows[0].ID)
	if err != nil || !a.Read() || a.Title != "Imported by another process" {
		t.Errorf("the opened article: %+v, %v", a, err)
	}
}

// TestProgramOutputIsSafe runs a hostile article through the real program,
// filtered and highlighted, and checks the bytes the terminal receives.
func TestProgramOutputIsSafe(t *testing.T) {
	st, _ := openLibrary(t)
	_, err := st.Import(context.Background(), []feeds.Article{{
		ExternalID: "EVIL01ID1", Source: "EVIL\x1b[2J", Title: "Evil \x1b]52;c;ZXZpbA==\x07title",
		URL:       "https://evil.example/\x1b]8;;x\x07",
		Published: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC),
		Body:      "Entities &#27;]52;c;ZW50aXR5&#7; and &#x1b;[2J stay text.\n\nRaw \x1b]52;c;cmF3\x07 and \u009b2J.",
		Tags:      []string{"tag\x1b[5m"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.TrueColor)))
	term := newTerminal(t, tm, 100, 30)
	term.waitFor(`Evil title`)
	// Through the filter, so that the reader highlights its words in the
	// hostile text too.
	tm.Send(press("/"))
	tm.Type("stay entities evi")
	term.waitFor(`/stay entities evi`)
	tm.Send(press("enter"))
	tm.Send(press("enter"))
	term.waitFor(`stay text`)
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	term.read()
	out := &term.raw
	for name, seq := range map[string]string{
		"OSC 52":                   "\x1b]52;",
		"OSC 8 from the URL":       "\x1b]8;;x",
		"screen erase in the text": "\x1b[2J stay",
		"screen erase in a source": "EVIL\x1b[2J",
		"blink":                    "\x1b[5m",
		"C1 CSI":                   "\u009b",
	} {
		if bytes.Contains(out.Bytes(), []byte(seq)) {
			t.Errorf("the terminal received %s (%q)", name, seq)
		}
	}
}

// terminal shows a program's output on a VT emulator, as a user would see
// it: the output is a stream of cell updates, not a screen.
type terminal struct {
	t   *testing.T
	tm  *teatest.TestModel
	emu *vt.Emulator
	raw bytes.Buffer // everything the program wrote
}

func newTerminal(t *testing.T, tm *teatest.TestModel, width, height int) *terminal {
	emu := vt.NewEmulator(width, height)
	// The emulator answers the program's queries on its input side; nobody
	// listens there, so drain it.
	done := make(chan struct{})
	go func() {
		io.Copy(io.Discard, emu) //nolint:errcheck
		close(done)
	}()
	t.Cleanup(func() {
		// Closing the answers' pipe ends the drain (Emulator.Close would
		// race with its Read).
		emu.InputPipe().(io.Closer).Close()
		<-done
	})
	return &terminal{t: t, tm: tm, emu: emu}
}

// read moves what the program wrote since the last read onto the screen.
func (s *terminal) read() {
	b, err := io.ReadAll(s.tm.Output())
	if err != nil {
		s.t.Fatal(err)
	}
	s.raw.Write(b)
	// The program writes for a terminal in raw mode whose driver still
	// turns "\n" into "\r\n" (ONLCR), as Bubble Tea expects without a
	// TTY for input; the emulator has no driver in front of it.
	s.emu.Write(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
}

// waitFor waits until the screen matches pattern.
func (s *terminal) waitFor(pattern string) {
	s.t.Helper()
	re := regexp.MustCompile(pattern)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		s.read()
		if re.MatchString(s.emu.String()) {
			return
		}
	}
	s.t.Fatalf("waited for %q on screen:\n%s", pattern, s.emu.String())
}
