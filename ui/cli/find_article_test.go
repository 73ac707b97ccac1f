package cli

import (
	"context"
	"errors"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// TestFindArticle: a word given for an article finds it by its number (the
// number search lists, 05 is 5), else by its external id, cleaned of
// control characters as the library stores one. A number that is one
// article's number and another's external id finds neither: it is
// *Ambiguous, naming both and how to name each; with external, every
// word is an external id only. What names none is a *NoArticle, which
// names the word as it was given, escaped, or a number as a number; it is
// an id unless it is nothing once cleaned.
func TestFindArticle(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	// Ids 1, 2, 3 in this order; the first's external id is the second's
	// number, the third's its own.
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "2", Title: "One", Body: "One.", Published: day},
		{ExternalID: "q 2", Title: "Two", Body: "Two.", Published: day},
		{ExternalID: "3", Title: "Three", Body: "Three.", Published: day},
		{ExternalID: "777", Title: "Four", Body: "Four.", Published: day},
	}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word     string
		external bool
		title    string // "" when none is found
		isID     bool   // of a word that finds none
	}{
		{"1", false, "One", false},
		{"01", false, "One", false},
		{"3", false, "Three", false}, // its number and its own external id
		{"q 2", false, "Two", false},
		{"777", false, "Four", false}, // no article 777: the external id
		{"999", false, "", true},
		{"q9", false, "", true},
		{"+1", false, "", true},
		{"", false, "", false},
		{" q 2", false, "Two", false},        // as the library stores an external id
		{"q 2\x1b[31m", false, "Two", false}, // the same
		{"\x1b[31m", false, "", false},
		{"2\x1b[31m", false, "One", false}, // an external id, as the word is no number
		{"02", false, "Two", false},        // no article's external id is 02
		{"2", true, "One", false},
		{"02", true, "", true}, // no external id 02
		{"1", true, "", true},
		{"q 2", true, "Two", false},
	} {
		art, err := FindArticle(ctx, st, tt.word, tt.external)
		if tt.title != "" {
			if err != nil || art.Title != tt.title {
				t.Errorf("FindArticle(%q, %v) = %q, %v; want %q", tt.word, tt.external, art.Title, err, tt.title)
			}
			continue
		}
		na, ok := errors.AsType[*NoArticle](err)
		if !ok || !errors.Is(err, store.ErrNotFound) || na.IsID() != tt.isID {
			t.Errorf("FindArticle(%q, %v) = %q, %v; want a NoArticle, an id: %v", tt.word, tt.external, art.Title, err, tt.isID)
		}
	}

	// 2 is article 2's number and article 1's external id: neither is
	// taken for the other, and the error says how to name each.
	_, err := FindArticle(ctx, st, "2", false)
	if amb, ok := errors.AsType[*Ambiguous](err); !ok || amb.ByNumber.Title != "Two" || amb.ByExternal.Title != "One" {
		t.Fatalf("FindArticle(2) = %v; want it ambiguous between Two and One", err)
	}
	want := `"2" is article 2's number (Two) and article 1's external id (One); ` +
		`--external reads ids as external ids only: --external 2 is article 1, --external 'q 2' article 2`
	if err.Error() != want {
		t.Errorf("ambiguous:\n%s\nwant\n%s", err, want)
	}

	for _, tt := range []struct {
		word     string
		external bool
		want     string
	}{
		{"0999", false, "no article 999"},
		{"0999", true, `no article "0999"`},
		{"q9", false, `no article "q9"`},
		{"q\x1b]0;x\a", false, `no article "q\x1b]0;x\a"`}, // not q, which might be one
		{"1\u202e", false, `no article "1\u202e"`},
		{"\x1b[31m", false, `"\x1b[31m" is neither an article's id nor its external id`},
		{"", false, `"" is neither an article's id nor its external id`},
	} {
		if got := (&NoArticle{Word: tt.word, External: tt.external}).Error(); got != tt.want {
			t.Errorf("NoArticle %q (external %v): %q, want %q", tt.word, tt.external, got, tt.want)
		}
	}
}

// TestNoteAndRetitleSay: note and retitle confirm in one line, as tag and
// read do, the title as the terminal may show it.
func TestNoteAndRetitleSay(t *testing.T) {
	if got, want := NoteText(14), "Added a note to article 14."; got != want {
		t.Errorf("NoteText = %q, want %q", got, want)
	}
	for title, want := range map[string]string{
		"My own title":           "Retitled article 14: My own title",
		"Red\x1b[31m \u202Eflip": "Retitled article 14: Red flip",
	} {
		if got := RetitleText(14, title); got != want {
			t.Errorf("RetitleText(%q) = %q, want %q", title, got, want)
		}
	}
}
