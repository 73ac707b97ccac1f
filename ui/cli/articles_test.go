package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// TestFindArticles: many words find their articles as FindArticle finds
// each, past a batch of the lookup too: each article once, in the order of
// the words that first name it, and each word that names none once, in
// its order.
func TestFindArticles(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	// Ids 1, 2, 3; the first's external id is the number 5000.
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "5000", Title: "One", Body: "One.", Published: day},
		{ExternalID: "q2", Title: "Two", Body: "Two.", Published: day},
		{ExternalID: "escid", Title: "Three", Body: "Three.", Published: day}, // given as esc\x1b[31mid
	}); err != nil {
		t.Fatal(err)
	}
	words := []string{"3", "q2"}
	var want []string
	for i := 1000; i < 4000; i++ { // more than a batch names none
		words = append(words, strconv.Itoa(i))
		want = append(want, strconv.Itoa(i))
	}
	words = append(words, "nope", "esc\x1b[2Jid", "5000", "02", "1000", "nope", "escid", "01")
	want = append(want, "nope")
	found, missing, err := FindArticles(ctx, st, words, false)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range found {
		titles = append(titles, a.Title)
	}
	if got := strings.Join(titles, " "); got != "Three Two One" {
		t.Errorf("found %q, want Three Two One", got)
	}
	if fmt.Sprint(missing) != fmt.Sprint(want) {
		t.Errorf("missing %d words, want %d: %q", len(missing), len(want), missing[min(len(missing), 2990):])
	}
}

// TestMissingText: a few ids that name no article are listed; more than
// ten are counted, with the first two and the last, so that a line stays
// a line.
func TestMissingText(t *testing.T) {
	ids := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = strconv.Itoa(10001 + i)
		}
		return out
	}
	for _, tt := range []struct {
		missing []string
		want    string
	}{
		{[]string{"7"}, "no article 7"},
		{[]string{"7", "9"}, "no article 7, 9"},
		{ids(10), "no article 10001, 10002, 10003, 10004, 10005, 10006, 10007, 10008, 10009, 10010"},
		{ids(11), "11 ids name no article (10001, 10002, … 10011)"},
		{ids(90000), "90,000 ids name no article (10001, 10002, … 100000)"},
	} {
		if got := MissingText(tt.missing); got != tt.want {
			t.Errorf("MissingText(%d ids) = %q, want %q", len(tt.missing), got, tt.want)
		}
	}
}

// TestFindArticlesAmbiguous: a number that is one article's number and
// another's external id (Markdown's id: 1) names neither: nothing is
// found, so that a command acts on none, and the error names the first
// such word with both articles and counts the others. With external,
// every word is an external id only, and the words that name none are
// named as external ids, a number in quotes too.
func TestFindArticlesAmbiguous(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "a", Title: "Article A", Body: "A.", Published: day},
		{ExternalID: "b", Title: "Article B", Body: "B.", Published: day},
		{ExternalID: "1", Title: "Gamma", Body: "C.", Published: day},
		{ExternalID: "2", Title: "Delta", Body: "D.", Published: day},
	}); err != nil {
		t.Fatal(err)
	}
	found, missing, err := FindArticles(ctx, st, []string{"b", "1", "01", "2", "a"}, false)
	amb, ok := errors.AsType[*Ambiguous](err)
	if !ok || len(found)+len(missing) > 0 {
		t.Fatalf("FindArticles = %d found, %q, %v; want nothing found and an Ambiguous", len(found), missing, err)
	}
	if amb.Word != "1" || amb.ByNumber.Title != "Article A" || amb.ByExternal.Title != "Gamma" || amb.More != 1 {
		t.Errorf("ambiguous %q: by number %q, by external id %q, %d more; want 1, Article A, Gamma, 1 more (2; 01 is 1)",
			amb.Word, amb.ByNumber.Title, amb.ByExternal.Title, amb.More)
	}
	if want := " (1 more of the ids given is one article's number and another's external id)"; !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error %q, want it to end %q", err, want)
	}

	found, missing, err = FindArticles(ctx, st, []string{"1", "2", "a", "3", "03", "x", "x", "3"}, true)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range found {
		titles = append(titles, a.Title)
	}
	if got := strings.Join(titles, ", "); got != "Gamma, Delta, Article A" {
		t.Errorf("--external found %q, want Gamma, Delta, Article A", got)
	}
	if got, want := MissingText(MissingNames(missing, true)), `no article "3", "03", "x"`; got != want {
		t.Errorf("--external missing %q, want %q", got, want)
	}
	// Numbers and external ids that name none, numbers as numbers.
	_, missing, err = FindArticles(ctx, st, []string{"7", "b", "07", "q\x1b[2J9", "zz", "zz"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := MissingText(MissingNames(missing, false)), `no article 7, "q\x1b[2J9", "zz"`; got != want {
		t.Errorf("missing %q, want %q", got, want)
	}
}
