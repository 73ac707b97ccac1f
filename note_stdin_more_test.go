package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"
)

// savedNotes is the notes the library at lib holds, as export gives them.
func savedNotes(t *testing.T, lib string) []string {
	t.Helper()
	r := run(t, lib, "export", "--format", "json")
	var rec struct {
		Annotations []struct{ Note string } `json:"annotations"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rec); err != nil {
		t.Fatalf("export: %v\n%s", err, r.stdout)
	}
	var notes []string
	for _, a := range rec.Annotations {
		notes = append(notes, a.Note)
	}
	return notes
}

// TestNoteFromStdinStopsOnInterrupt: ctrl+c, which cancels the command's
// context, stops note ID - reading a stdin that has not ended (a terminal
// the user types into) at once, with the context's error, as it stops
// import -; no note is added.
func TestNoteFromStdinStopsOnInterrupt(t *testing.T) {
	t.Run("noteText", func(t *testing.T) {
		pr, pw := io.Pipe()
		defer pw.Close()
		ctx, cancel := context.WithCancel(context.Background())
		cmd := &cobra.Command{}
		cmd.SetIn(pr)
		cmd.SetErr(io.Discard)
		cmd.SetContext(ctx)
		done := make(chan error, 1)
		go func() {
			_, err := noteText(cmd, []string{"-"})
			done <- err
		}()
		go pw.Write([]byte("some words\n")) // a line typed, and no end
		time.Sleep(100 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("noteText returned %v; want context.Canceled", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("noteText still reading stdin 10 s after its context was cancelled")
		}
	})

	t.Run("command", func(t *testing.T) {
		lib := filepath.Join(t.TempDir(), "library.db")
		file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n")
		if r := run(t, lib, "import", file); r.code != 0 {
			t.Fatalf("import: exit %d, %v", r.code, r.err)
		}
		t.Setenv("XDG_CONFIG_HOME", t.TempDir())
		t.Setenv("TIDINGS_LIBRARY", "")
		xdg.Reload()
		pr, pw := io.Pipe()
		defer pw.Close()
		cl := newCommandLine([]string{"--library", lib, "note", "1", "-"})
		var stdout, stderr bytes.Buffer
		cl.root.SetOut(&stdout)
		cl.root.SetErr(&stderr)
		cl.root.SetIn(pr)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- cl.run(ctx) }()
		go pw.Write([]byte("some words\n"))
		time.Sleep(100 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("note 1 - returned %v; want the cancelled context's error", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("note 1 - still reading stdin 10 s after ctrl+c")
		}
		if stdout.Len() > 0 {
			t.Errorf("stdout %q; want nothing", stdout.String())
		}
		if notes := savedNotes(t, lib); len(notes) > 0 {
			t.Errorf("notes saved %q; want none", notes)
		}
	})
}

// TestNoteFromStdinEncodings: note ID - reads stdin's bytes as import -
// reads a text file: Latin-1 as Windows-1252 with import's warning, UTF-16
// by its byte order mark, a UTF-8 byte order mark dropped; a binary file
// is refused in import's words, naming stdin (exit 1), and adds no note.
func TestNoteFromStdinEncodings(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	utf16 := func(bom []byte, bigEndian bool, s string) string {
		out := append([]byte{}, bom...)
		for _, r := range s { // the letters here are all in one UTF-16 unit
			if bigEndian {
				out = append(out, byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8))
			}
		}
		return string(out)
	}
	elf := "\x7fELF\x02\x01\x01\x00" + strings.Repeat("\x00", 8) + "\x03\x00\x3e\x00\x01\x00\x00\x00"
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
	var want []string
	for _, tc := range []struct {
		name, stdin string
		note        string // "" when refused
		warning     string // on stderr, "" for none
		refusal     string // in the error when refused
	}{
		{"Latin-1", "Caf\xe9 cr\xe8me br\xfbl\xe9e\n", "Café crème brûlée", "warning: <stdin>: not UTF-8: read as Windows-1252 (Latin-1)", ""},
		{"UTF-16LE with BOM", utf16([]byte{0xff, 0xfe}, false, "Café from Notepad\r\n"), "Café from Notepad", "", ""},
		{"UTF-16BE with BOM", utf16([]byte{0xfe, 0xff}, true, "Grüße\n"), "Grüße", "", ""},
		{"UTF-8 with BOM", "\xef\xbb\xbfWith a mark\n", "With a mark", "", ""},
		{"a program", elf, "", "", "stdin is a binary file (a program, not an article)"},
		{"an image", png, "", "", "stdin is a binary file (an image, not an article)"},
	} {
		r := runWithStdin(t, lib, tc.stdin, "note", "1", "-")
		switch {
		case tc.note != "" && (r.code != 0 || r.stdout != "Added a note to article 1.\n"):
			t.Errorf("%s: exit %d, %v, %q; want the note added", tc.name, r.code, r.err, r.stdout)
		case tc.note == "" && (r.code != exitFailed || r.err == nil || !strings.Contains(r.err.Error(), tc.refusal)):
			t.Errorf("%s: exit %d, %v; want exit %d saying %q", tc.name, r.code, r.err, exitFailed, tc.refusal)
		}
		if got := strings.TrimSpace(r.stderr); got != tc.warning {
			t.Errorf("%s: stderr %q, want %q", tc.name, got, tc.warning)
		}
		if tc.note != "" {
			want = append(want, tc.note)
		}
	}
	if got := savedNotes(t, lib); !sameNotes(got, want) {
		t.Errorf("notes saved %q, want %q", got, want)
	}
}
