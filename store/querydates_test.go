package store

import (
	"context"
	"slices"
	"testing"
)

// Dates outside the years sort keys hold, 1970 to 2097, count as their
// first and last minute, in an article and in a query alike: an article
// dated 2150 is found by every term that takes in the end of 2097, and by
// the terms that name its own date.
func TestDatesBeyondTheLibrarysYears(t *testing.T) {
	s := openTemp(t)
	importAll(t, s,
		art("moon", "1969-07-20", "Eagle has landed."),
		art("now", "2024-03-05", "Robots today."),
		art("june2097", "2097-06-01", "Robots then."),
		art("far", "2150-01-01", "Robots later."),
	)
	ctx := context.Background()
	for q, want := range map[string][]string{
		"date:2097":                  {"far", "june2097"},
		"after:2097":                 {"far", "june2097"},
		"date:2097-08":               {"far"},
		"date:2150":                  {"far"},
		"on:2150-01-01":              {"far"},
		"after:2150":                 {"far"},
		"robots date:2150":           {"far"},
		"before:2099":                {"far", "june2097", "now", "moon"},
		"before:2150":                {"far", "june2097", "now", "moon"},
		"robots before:2099":         {"far", "june2097", "now"},
		"-before:2099":               nil,
		"before:2097-08":             {"june2097", "now", "moon"},
		"date:2097-06":               {"june2097"},
		"since:1d":                   nil,
		"date:1970":                  {"moon"},
		"before:1971":                {"moon"},
		"after:2024 robots":          {"far", "june2097", "now"},
		"date:1969":                  nil, // dated 1970, as the library orders it
		"date:2024 OR on:2150-01-01": {"far", "now"},
	} {
		if got := externalIDs(t, s, q); !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %q, want %q", q, got, want)
		}
		if n, err := s.Count(ctx, q); err != nil || n != len(want) {
			t.Errorf("Count(%q) = %d, %v; want %d", q, n, err, len(want))
		}
	}
}
