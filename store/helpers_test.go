package store

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// art is an article as an importer would produce it: the title is the
// body's first sentence.
func art(externalID, date, body string) feeds.Article {
	a := feeds.Article{ExternalID: externalID, Source: "MENAFN", Body: body}
	if date != "" {
		d, err := time.Parse(time.DateOnly, date)
		if err != nil {
			panic(err)
		}
		a.Published = d
	}
	a.Title, _, _ = strings.Cut(body, ".")
	return a
}

// dayArt is art titled title, published on October's day the last digit
// of its id says ("r3": 2024-10-03).
func dayArt(externalID, title, body string) feeds.Article {
	a := art(externalID, "2024-10-0"+externalID[len(externalID)-1:], body)
	a.Title = title
	return a
}

// importAll imports articles in one batch and returns the outcomes.
func importAll(t *testing.T, s *Store, arts ...feeds.Article) []Outcome {
	t.Helper()
	outs, err := s.Import(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != len(arts) {
		t.Fatalf("%d outcomes for %d articles", len(outs), len(arts))
	}
	return outs
}

// idsOf returns the ids of every article matching q, newest first.
func idsOf(t *testing.T, s *Store, q string) []int64 {
	t.Helper()
	var ids []int64
	err := s.Search(context.Background(), q, 0, func(a Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func ptr[T any](v T) *T { return &v }

// vocabulary for generated articles; "zürich" checks diacritic folding.
var vocabulary = strings.Fields(`oil gas talks border minister markets rally storm flood vaccine
	election court harbour zürich glacier tariff steel grain drought summit treaty ceasefire
	parliament inflation currency bond satellite launch festival museum`)

// generated returns n articles with varied words, sources and dates, several
// on the same day (hence the same sort key minute) and some undated.
func generated(n int) []feeds.Article {
	sources := []string{"MENAFN", "MENAFN - AzerNews", "Reuters", "Al Jazeera"}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]feeds.Article, n)
	x := uint32(2463534242)
	next := func(k int) int { // xorshift: deterministic and dependency-free
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(k))
	}
	for i := range arts {
		var words []string
		for range 12 + next(20) {
			words = append(words, vocabulary[next(len(vocabulary))])
		}
		body := strings.Join(words, " ") + ". Second paragraph."
		if i%7 == 0 {
			body = "The grain deal collapsed. " + body
		}
		a := feeds.Article{
			ExternalID: "gen" + strconv.Itoa(i),
			Source:     sources[next(len(sources))],
			Body:       body,
		}
		a.Title, _, _ = strings.Cut(body, ".")
		if i%13 != 5 {
			a.Published = start.AddDate(0, 0, next(60))
		}
		arts[i] = a
	}
	return arts
}
