package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store/anchor"
)

// The tester's budget article, and the same with its vote count corrected.
const (
	budgetV1 = "The council met on Tuesday evening in the old town hall. The budget was approved by seven votes to two after a long debate.\n\nResidents asked about the bridge repairs and the new bus routes."
	budgetV2 = "The council met on Tuesday evening in the old town hall. The budget was approved by eight votes to one after a long debate.\n\nResidents asked about the bridge repairs and the new bus routes."
)

// budgetNote is a note on the budget sentence as an export of the article
// with body writes it.
func budgetNote(t *testing.T, body, note string, created time.Time) feeds.Annotation {
	t.Helper()
	plain := anchor.PlainText(body)
	i := strings.Index(plain, "The budget was")
	j := strings.Index(plain, "debate.") + len("debate.")
	if i < 0 || j < i {
		t.Fatalf("no budget sentence in %q", plain)
	}
	sel := anchor.Make(plain, i, j)
	return feeds.Annotation{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Note: note, Created: created, Updated: created}
}

// budgetRecord is the budget article as a file brings it, with notes.
func budgetRecord(body string, notes ...feeds.Annotation) feeds.Article {
	a := art("budget-2024", "2024-04-01", body)
	a.Annotations = notes
	return a
}

// notesNow returns the article's notes as "quote|note", oldest first, a
// passage note's quote cut to its first 40 bytes.
func notesNow(t *testing.T, s *Store) []string {
	t.Helper()
	anns, err := s.Annotations(context.Background(), mustByExternal(t, s, "budget-2024").ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range anns {
		out = append(out, a.Quote[:min(len(a.Quote), 40)]+"|"+a.Note)
	}
	slices.Sort(out)
	return out
}

// TestImportKeepsNotesWrittenInOneSecond: two notes written in the same
// second (two remarks typed one after the other, two highlights made
// quickly) are two notes: an export of them imported into a library that
// has the article already adds both, as into one that has not. Imported
// again, it adds neither; nor does an export whose note was edited since.
func TestImportKeepsNotesWrittenInOneSecond(t *testing.T) {
	at := time.Date(2026, 11, 29, 6, 40, 29, 0, time.UTC)
	whole := func(note string) feeds.Annotation { return feeds.Annotation{Note: note, Created: at, Updated: at} }
	highlight := func(quote string) feeds.Annotation {
		plain := anchor.PlainText(budgetV1)
		i := strings.Index(plain, quote)
		sel := anchor.Make(plain, i, i+len(quote))
		return feeds.Annotation{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Created: at, Updated: at}
	}
	tests := map[string]struct {
		notes  []feeds.Annotation
		edited []feeds.Annotation // the same notes in a later export, edited
		want   []string
	}{
		"two remarks on the whole article": {
			[]feeds.Annotation{whole("first remark: call the clerk"), whole("second remark: ask about the bridge")},
			[]feeds.Annotation{whole("first remark: call the clerk today"), whole("second remark: ask about the bridge")},
			[]string{"|first remark: call the clerk", "|second remark: ask about the bridge"}},
		"two highlights without notes": {
			[]feeds.Annotation{highlight("The council met on Tuesday evening"), highlight("Residents asked about the bridge repairs")},
			nil,
			[]string{"Residents asked about the bridge repairs|", "The council met on Tuesday evening|"}},
	}
	for name, tt := range tests {
		for _, had := range []bool{true, false} {
			how := map[bool]string{true: ", the article there already", false: ", into an empty library"}[had]
			t.Run(name+how, func(t *testing.T) {
				s := openTemp(t)
				if had {
					importAll(t, s, budgetRecord(budgetV1))
				}
				exported := budgetRecord(budgetV1, tt.notes...)
				importAll(t, s, exported)
				if got := notesNow(t, s); !slices.Equal(got, tt.want) {
					t.Fatalf("after the export: %q, want %q", got, tt.want)
				}
				importAll(t, s, exported)
				if got := notesNow(t, s); !slices.Equal(got, tt.want) {
					t.Errorf("after the export again: %q, want %q", got, tt.want)
				}
				if tt.edited != nil {
					importAll(t, s, budgetRecord(budgetV1, tt.edited...))
					if got := notesNow(t, s); !slices.Equal(got, tt.want) {
						t.Errorf("after an export with a note edited: %q, want %q", got, tt.want)
					}
				}
			})
		}
	}
}

// TestImportEditedNoteAfterTheTextChanged: an export taken after the
// article's text changed under a note and the note was edited is still the
// one note, imported over an export of before or under it: the library's
// note follows its passage into the file's text before the two are
// compared. The library's words stay.
func TestImportEditedNoteAfterTheTextChanged(t *testing.T) {
	created := time.Date(2026, 11, 29, 6, 40, 58, 0, time.UTC)
	older := budgetRecord(budgetV1, budgetNote(t, budgetV1, "check the vote count", created))
	edited := budgetNote(t, budgetV2, "check the vote count — now eight to one, corrected", created)
	edited.Updated = created.Add(7 * time.Second)
	newer := budgetRecord(budgetV2, edited)
	tests := map[string]struct {
		imports []feeds.Article
		want    string // the one note afterwards
	}{
		"the newer export over the older": {[]feeds.Article{older, newer}, "The budget was approved by eight votes t|check the vote count"},
		"the older export over the newer": {[]feeds.Article{newer, older},
			"The budget was approved by seven votes t|check the vote count — now eight to one, corrected"},
		"back and forth": {[]feeds.Article{older, newer, older, newer},
			"The budget was approved by eight votes t|check the vote count"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			for _, a := range tt.imports {
				importAll(t, s, a)
			}
			if got := notesNow(t, s); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("notes %q, want only %q", got, tt.want)
			}
		})
	}
}

// TestImportKeepsADeletedNoteDeleted: a note the reader deleted after
// importing an export stays deleted when a later export brings it again
// re-anchored, the article's text having changed in the library it comes
// from: the same note, written at the same second, saying the same.
func TestImportKeepsADeletedNoteDeleted(t *testing.T) {
	ctx := context.Background()
	created := time.Date(2026, 11, 29, 6, 43, 29, 0, time.UTC)
	e1 := budgetRecord(budgetV1, budgetNote(t, budgetV1, "check the vote count", created))
	e2 := budgetRecord(budgetV2, budgetNote(t, budgetV2, "check the vote count", created))
	other := feeds.Annotation{Note: "a note written since", Created: created.Add(time.Hour), Updated: created.Add(time.Hour)}
	s := openTemp(t)
	importAll(t, s, e1)
	id := mustByExternal(t, s, "budget-2024").ID
	anns, err := s.Annotations(ctx, id)
	if err != nil || len(anns) != 1 {
		t.Fatalf("after the first export: %+v, %v", anns, err)
	}
	if err := s.DeleteAnnotation(ctx, anns[0].ID); err != nil {
		t.Fatal(err)
	}
	importAll(t, s, e1)
	if got := notesNow(t, s); len(got) != 0 {
		t.Fatalf("the same export again: %q, want the note still deleted", got)
	}
	importAll(t, s, e2)
	if got := notesNow(t, s); len(got) != 0 {
		t.Errorf("an export with the note re-anchored: %q, want the note still deleted", got)
	}
	e2.Annotations = append(e2.Annotations, other)
	importAll(t, s, e2)
	if got, want := notesNow(t, s), []string{"|a note written since"}; !slices.Equal(got, want) {
		t.Errorf("an export with another note besides: %q, want %q", got, want)
	}
}

// TestImportKeepsTheSameWordsWrittenTwice: the same words written at two
// times are two notes, into a library that has the article or not; so are
// two an export lists with the same words at the same second: a file's own
// notes are never the same as each other.
func TestImportKeepsTheSameWordsWrittenTwice(t *testing.T) {
	at := time.Date(2026, 11, 29, 6, 40, 29, 0, time.UTC)
	note := func(created time.Time) feeds.Annotation {
		return feeds.Annotation{Note: "check", Created: created, Updated: created}
	}
	for _, had := range []bool{true, false} {
		t.Run(map[bool]string{true: "the article there already", false: "into an empty library"}[had], func(t *testing.T) {
			s := openTemp(t)
			if had {
				importAll(t, s, budgetRecord(budgetV1))
			}
			importAll(t, s, budgetRecord(budgetV1, note(at), note(at.Add(time.Minute)), note(at)))
			if got, want := notesNow(t, s), []string{"|check", "|check", "|check"}; !slices.Equal(got, want) {
				t.Errorf("notes %q, want %q", got, want)
			}
		})
	}
}
