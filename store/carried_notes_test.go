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

// harbourBody says "Boats came in slowly." twice: two copies of one
// sentence, which two highlights of one second can be on.
const harbourBody = "The harbour opened at dawn. Boats came in slowly.\n\nThe rain stopped at noon. Boats came in slowly.\n\nFishermen sold their catch in the square."

// harbourNote is a note on the nth copy (from 1) of quote in harbourBody,
// as an export writes it; a whole-article note for quote "".
func harbourNote(t *testing.T, quote string, nth int, note string, created time.Time) feeds.Annotation {
	t.Helper()
	n := feeds.Annotation{Note: note, Created: created, Updated: created}
	if quote == "" {
		return n
	}
	plain := anchor.PlainText(harbourBody)
	at := -1
	for range nth {
		i := strings.Index(plain[at+1:], quote)
		if i < 0 {
			t.Fatalf("no copy %d of %q in %q", nth, quote, plain)
		}
		at += 1 + i
	}
	sel := anchor.Make(plain, at, at+len(quote))
	n.Quote, n.Prefix, n.Suffix = sel.Quote, sel.Prefix, sel.Suffix
	return n
}

// harbourRecord is the harbour article as an export brings it, with notes.
func harbourRecord(notes ...feeds.Annotation) feeds.Article {
	a := art("harbour-2", "2024-03-05", harbourBody)
	a.Annotations = notes
	return a
}

// harbourNotes returns the harbour article's notes as "copy|note" (the
// copy: "whole", "dawn" or "noon" for "Boats came in slowly." after the
// sentence of that time, else the quote), sorted.
func harbourNotes(t *testing.T, s *Store) []string {
	t.Helper()
	anns, err := s.Annotations(context.Background(), mustByExternal(t, s, "harbour-2").ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range anns {
		out = append(out, harbourCopy(a.Quote, a.Prefix)+"|"+a.Note)
	}
	slices.Sort(out)
	return out
}

// harbourCopy names the passage quote, with prefix before it, as
// harbourNotes does.
func harbourCopy(quote, prefix string) string {
	switch {
	case quote == "":
		return "whole"
	case quote != "Boats came in slowly.":
		return quote
	case strings.Contains(prefix, "dawn"):
		return "dawn"
	case strings.Contains(prefix, "noon"):
		return "noon"
	}
	return "?"
}

// deleteHarbourNote deletes the harbour article's note named as
// harbourNotes names it.
func deleteHarbourNote(t *testing.T, s *Store, name string) {
	t.Helper()
	ctx := context.Background()
	anns, err := s.Annotations(ctx, mustByExternal(t, s, "harbour-2").ID)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(anns, func(a Annotation) bool { return harbourCopy(a.Quote, a.Prefix)+"|"+a.Note == name })
	if i < 0 {
		t.Fatalf("no note %q to delete", name)
	}
	if err := s.DeleteAnnotation(ctx, anns[i].ID); err != nil {
		t.Fatal(err)
	}
}

// TestCarriedSecondLetsItsOtherNotesIn: an export whose notes share a
// second (and words) with notes an earlier file carried brings every one
// of its notes the library never had and the reader never deleted: a note
// the earlier file carried is one note, and stands for one of the
// export's, not for every note of its second. Deleted-ness is one to one
// too: of the notes a file carried, those still in the library are none
// of the deleted ones, so the reader's deletes keep exactly the notes
// deleted away, on the copy of the sentence they were on. Notes arriving
// make the article updated; imported again, the export changes nothing.
func TestCarriedSecondLetsItsOtherNotesIn(t *testing.T) {
	at0 := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	at5, at9 := at0.Add(5*time.Second), at0.Add(9*time.Second)
	first := harbourNote(t, "", 0, "first remark", at9)
	second := harbourNote(t, "", 0, "a different second remark", at9)
	dawn := harbourNote(t, "Boats came in slowly.", 1, "", at0)
	noon := harbourNote(t, "Boats came in slowly.", 2, "", at0)
	partial := harbourRecord(first, noon)
	full := harbourRecord(first, second, dawn, noon)

	// The tester's E1: two highlights with the same words on the two
	// copies, a note on another passage, the same remark twice.
	sameDawn := harbourNote(t, "Boats came in slowly.", 1, "same words", at0)
	sameNoon := harbourNote(t, "Boats came in slowly.", 2, "same words", at0)
	fish := harbourNote(t, "Fishermen", 1, "fish note", at5)
	wholeA := harbourNote(t, "", 0, "whole A", at9)
	e1 := harbourRecord(sameDawn, sameNoon, fish, wholeA, wholeA)
	e1Notes := []string{"Fishermen|fish note", "dawn|same words", "noon|same words", "whole|whole A", "whole|whole A"}

	// step is an import of a file, or, with del set, the reader deleting
	// the note del names.
	type step struct {
		file feeds.Article
		del  string
	}
	tests := map[string]struct {
		steps []step
		want  []string
	}{
		"a remark and a highlight of carried seconds": {
			[]step{{file: partial}, {file: full}},
			[]string{"dawn|", "noon|", "whole|a different second remark", "whole|first remark"}},
		"the same words on the other copy, after one copy": {
			[]step{{file: harbourRecord(sameNoon)}, {file: e1}}, e1Notes},
		"the same remark again, after it once": {
			[]step{{file: harbourRecord(wholeA)}, {file: e1}}, e1Notes},
		"the carried remark deleted": {
			[]step{{file: partial}, {del: "whole|first remark"}, {file: full}},
			[]string{"dawn|", "noon|", "whole|a different second remark"}},
		"the carried highlight deleted": {
			[]step{{file: partial}, {del: "noon|"}, {file: full}},
			[]string{"dawn|", "whole|a different second remark", "whole|first remark"}},
		"one of a remark written twice deleted": {
			[]step{{file: e1}, {del: "whole|whole A"}, {file: e1}},
			[]string{"Fishermen|fish note", "dawn|same words", "noon|same words", "whole|whole A"}},
		"the same remark written twice, both deleted": {
			[]step{{file: e1}, {del: "whole|whole A"}, {del: "whole|whole A"}, {file: e1}},
			[]string{"Fishermen|fish note", "dawn|same words", "noon|same words"}},
		"one copy of the same words deleted": {
			[]step{{file: e1}, {del: "dawn|same words"}, {file: e1}},
			[]string{"Fishermen|fish note", "noon|same words", "whole|whole A", "whole|whole A"}},
		"a third of the remark after one of two was deleted": {
			[]step{{file: e1}, {del: "whole|whole A"}, {file: harbourRecord(sameDawn, sameNoon, fish, wholeA, wholeA, wholeA)}},
			[]string{"Fishermen|fish note", "dawn|same words", "noon|same words", "whole|whole A", "whole|whole A"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			last := len(tt.steps) - 1
			for i, st := range tt.steps {
				if st.del != "" {
					deleteHarbourNote(t, s, st.del)
					continue
				}
				var before []string
				if i > 0 {
					before = harbourNotes(t, s)
				}
				outs := importAll(t, s, st.file)
				if i == last && i > 0 && !slices.Equal(harbourNotes(t, s), before) && outs[0] != Updated {
					t.Errorf("the last file, which brought notes: %v, want updated", outs[0])
				}
			}
			if got := harbourNotes(t, s); !slices.Equal(got, tt.want) {
				t.Fatalf("notes %q, want %q", got, tt.want)
			}
			if outs := importAll(t, s, tt.steps[last].file); outs[0] != Unchanged {
				t.Errorf("the last file again: %v, want unchanged", outs[0])
			}
			if got := harbourNotes(t, s); !slices.Equal(got, tt.want) {
				t.Errorf("after the last file again: %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCarriedByATidingsOfBeforeLetsItsOtherNotesIn: a file a tidings of
// before imported is remembered by the set of its notes' keys, not note by
// note. The notes of an export that shares seconds with it arrive all the
// same, and the notes the reader deleted since stay deleted, on the copy of
// the sentence they were on.
func TestCarriedByATidingsOfBeforeLetsItsOtherNotesIn(t *testing.T) {
	at0 := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	at9 := at0.Add(9 * time.Second)
	first := harbourNote(t, "", 0, "first remark", at9)
	second := harbourNote(t, "", 0, "a different second remark", at9)
	dawn := harbourNote(t, "Boats came in slowly.", 1, "", at0)
	noon := harbourNote(t, "Boats came in slowly.", 2, "", at0)
	partial := harbourRecord(first, noon)
	full := harbourRecord(first, second, dawn, noon)
	tests := map[string]struct {
		first   feeds.Article
		deleted []string // by the reader after the first file
		later   feeds.Article
		want    []string
	}{
		"a remark and a highlight of carried seconds": {partial, nil, full,
			[]string{"dawn|", "noon|", "whole|a different second remark", "whole|first remark"}},
		"the carried remark deleted": {partial, []string{"whole|first remark"}, full,
			[]string{"dawn|", "noon|", "whole|a different second remark"}},
		"the carried highlight deleted": {partial, []string{"noon|"}, full,
			[]string{"dawn|", "whole|a different second remark", "whole|first remark"}},
		"one of two copies deleted": {full, []string{"dawn|"}, full,
			[]string{"noon|", "whole|a different second remark", "whole|first remark"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, tt.first)
			// As a tidings of before remembered the file: without its notes
			// one by one.
			if _, err := s.wdb.Exec(`UPDATE articles SET carried = json_remove(carried, '$.each')`); err != nil {
				t.Fatal(err)
			}
			for _, name := range tt.deleted {
				deleteHarbourNote(t, s, name)
			}
			importAll(t, s, tt.later)
			if got := harbourNotes(t, s); !slices.Equal(got, tt.want) {
				t.Fatalf("notes %q, want %q", got, tt.want)
			}
			importAll(t, s, tt.later)
			if got := harbourNotes(t, s); !slices.Equal(got, tt.want) {
				t.Errorf("after the later file again: %q, want %q", got, tt.want)
			}
		})
	}
}
