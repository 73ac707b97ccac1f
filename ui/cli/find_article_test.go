package cli

import (
	"context"
	"errors"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// TestFindArticle: a word given for an article finds it by its id (the
// number search lists, 05 is 5), else by its external id, cleaned of
// control characters as the library stores one; a number is an id first.
// What names none is a *NoArticle, a number or not, which names the word
// as it was given, escaped.
func TestFindArticle(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	// Ids 1, 2, 3 in this order; the first's external id is the second's id.
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "2", Title: "One", Body: "One.", Published: day},
		{ExternalID: "q2", Title: "Two", Body: "Two.", Published: day},
		{ExternalID: "777", Title: "Three", Body: "Three.", Published: day},
	}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word  string
		title string // "" when none is found
		isID  bool   // of a word that finds none
	}{
		{"1", "One", false},
		{"01", "One", false},
		{"2", "Two", false}, // the id, not the first's external id
		{"q2", "Two", false},
		{"777", "Three", false}, // no article 777: the external id
		{"999", "", true},
		{"q9", "", false},
		{"+1", "", false},
		{"", "", false},
		{" q2", "Two", false},        // as the library stores an external id
		{"q2\x1b[31m", "Two", false}, // the same
		{"\x1b[31m", "", false},
		{"2\x1b[31m", "One", false}, // an external id, as the word is no number
	} {
		art, err := FindArticle(ctx, st, tt.word)
		if tt.title != "" {
			if err != nil || art.Title != tt.title {
				t.Errorf("FindArticle(%q) = %q, %v; want %q", tt.word, art.Title, err, tt.title)
			}
			continue
		}
		na, ok := errors.AsType[*NoArticle](err)
		if !ok || !errors.Is(err, store.ErrNotFound) || na.IsID() != tt.isID {
			t.Errorf("FindArticle(%q) = %q, %v; want a NoArticle, an id: %v", tt.word, art.Title, err, tt.isID)
		}
	}
	for word, want := range map[string]string{
		"0999":        "no article 999",
		"q9":          `"q9" is neither an article's id nor its external id`,
		"q\x1b]0;x\a": `"q\x1b]0;x\a" is neither an article's id nor its external id`, // not q, which might be one
		"1\u202e":     `"1\u202e" is neither an article's id nor its external id`,
	} {
		if got := (&NoArticle{Word: word}).Error(); got != want {
			t.Errorf("NoArticle %q: %q, want %q", word, got, want)
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
