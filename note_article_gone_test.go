package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"tidings/store"
)

// deletingStdin is a stdin holding a note whose first read deletes an
// article of the library, as another tidings would while the note is
// typed.
type deletingStdin struct {
	t       *testing.T
	lib     string
	id      int64
	r       *strings.Reader
	deleted bool
}

func (d *deletingStdin) Read(p []byte) (int, error) {
	if !d.deleted {
		d.deleted = true
		st, err := store.Open(d.lib, store.Options{})
		if err != nil {
			d.t.Error(err)
		} else {
			if _, err := st.DeleteArticles(context.Background(), []int64{d.id}); err != nil {
				d.t.Error(err)
			}
			st.Close()
		}
	}
	return d.r.Read(p)
}

// TestNoteForAnArticleDeletedMeanwhile: note ID - whose article another
// tidings deletes while the note is typed says there is no such article,
// as for an id never there, and then writes the note back, cleaned of
// control sequences, so that what was typed can be copied, not lost.
func TestNoteForAnArticleDeletedMeanwhile(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, name := range []string{"ferry", "harbour"} {
		file := writeFile(t, name+".md", "---\ntitle: "+name+"\nid: "+name+"\n---\n\nThe "+name+".\n")
		if r := run(t, lib, "import", file); r.code != 0 {
			t.Fatalf("import: exit %d, %v", r.code, r.err)
		}
	}
	const typed = "A note typed with care,\n\x1b[31min red\x1b[0m\n  and indented.\n"
	const kept = "A note typed with care,\nin red\n  and indented."
	for _, tc := range []struct {
		name string
		id   int64
		args []string
		want string // the error said
	}{
		{"by number", 1, []string{"note", "1", "-"}, "no article 1"},
		{"by external id", 2, []string{"note", "--external", "harbour", "-"}, `no article "harbour"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			t.Setenv("TIDINGS_LIBRARY", "")
			xdg.Reload()
			cl := newCommandLine(append([]string{"--library", lib}, tc.args...))
			var stdout, stderr bytes.Buffer
			cl.root.SetOut(&stdout)
			cl.root.SetErr(&stderr)
			cl.root.SetIn(&deletingStdin{t: t, lib: lib, id: tc.id, r: strings.NewReader(typed)})
			err := cl.run(context.Background())
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || exitCode(err) != exitFailed {
				t.Errorf("note for an article deleted meanwhile: %v, want exit 1 and %q", err, tc.want)
			}
			said := stderr.String()
			if !strings.HasPrefix(said, "tidings: "+tc.want) {
				t.Errorf("stderr %q, want the error %q first", said, tc.want)
			}
			if _, note, ok := strings.Cut(said, "\nYour note was not saved; here it is:\n"); !ok || note != kept+"\n" {
				t.Errorf("stderr %q, want the note written back after the error, cleaned: %q", said, kept)
			}
			if strings.Contains(said, "\x1b") {
				t.Errorf("stderr %q holds a control sequence", said)
			}
		})
	}
}
