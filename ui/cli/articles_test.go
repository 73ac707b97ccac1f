package cli

import (
	"context"
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
	found, missing, err := FindArticles(ctx, st, words)
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
