package e2e

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestTwoReadersEditOneNote: two readers on one library edit the same note.
// The first saves; the second's save does not overwrite it unawares: the
// second is asked, keeps their text in the editor, and k keeps both notes.
func TestTwoReadersEditOneNote(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	mustRun(t, lib, "import", samplePath(t))
	mustRun(t, lib, "note", "1", "original note")
	notes := func() []string {
		t.Helper()
		var out []string
		for _, r := range readExport(t, mustRun(t, lib, "export", "--format", "json")) {
			for _, a := range r.Annotations {
				out = append(out, a.Note)
			}
		}
		return out
	}

	a := startTerm(t, 100, 30, nil, bin, "--library", lib)
	b := startTerm(t, 100, 30, nil, bin, "--library", lib)
	for _, tm := range []*term{a, b} {
		tm.waitFor(`1 / 1`, screenTimeout)
		tm.send(keyEnter)
		tm.waitFor(`^  RT Editor-in-Chief Margarita Simonyan`, screenTimeout)
		tm.send("]")
		tm.waitFor(`original note`, screenTimeout)
		tm.send("e")
		tm.waitFor(`Note on`, screenTimeout)
	}

	a.send(" + edit from A")
	a.waitFor(`original note \+ edit from A`, screenTimeout)
	a.send(keyCtrlS)
	a.waitFor(`Saved the note\.`, screenTimeout)

	b.send(" + edit from B")
	b.waitFor(`original note \+ edit from B`, screenTimeout)
	b.send(keyCtrlS)
	b.waitFor(`Note changed elsewhere: o save yours over it · k keep both · esc back`, screenTimeout)
	b.waitFor(`│ original note \+ edit from B`, screenTimeout) // still in B's editor
	if got, want := notes(), []string{"original note + edit from A"}; !slices.Equal(got, want) {
		t.Errorf("after B's save the library holds %q, want %q", got, want)
	}

	b.send("k")
	b.waitFor(`Kept both: yours is a new note beside the other\.`, screenTimeout)
	if got, want := notes(), []string{"original note + edit from A", "original note + edit from B"}; !slices.Equal(got, want) {
		t.Errorf("after k the library holds %q, want %q", got, want)
	}
}
