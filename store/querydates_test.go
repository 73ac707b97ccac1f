package store

import (
	"context"
	"slices"
	"testing"
)

// Dates outside the years sort keys hold, 1970 to 2097, are found by their
// own dates, as they are shown: an article dated 2150, whose sort key
// holds 2097's last minute, is found by the terms that take in 2150 and
// not by those that end before it; one dated 1969 by date:1969.
func TestDatesBeyondTheLibrarysYears(t *testing.T) {
	s := openTemp(t)
	importAll(t, s,
		art("moon", "1969-07-20", "Eagle has landed."),
		art("now", "2024-03-05", "Robots today."),
		art("june2097", "2097-06-01", "Robots then."),
		art("far", "2150-01-01", "Robots later."),
		art("farther", "9999-12-31", "Robots last."),
	)
	ctx := context.Background()
	for q, want := range map[string][]string{
		"date:2097":                  {"june2097"},
		"after:2097":                 {"farther", "far", "june2097"},
		"date:2097-08":               nil,
		"date:2150":                  {"far"},
		"on:2150-01-01":              {"far"},
		"after:2150":                 {"farther", "far"},
		"after:2150-01-02":           {"farther"},
		"robots date:2150":           {"far"},
		"before:2099":                {"june2097", "now", "moon"},
		"before:2150":                {"june2097", "now", "moon"},
		"before:2150-01-02":          {"far", "june2097", "now", "moon"},
		"before:9999":                {"far", "june2097", "now", "moon"},
		"date:9999":                  {"farther"},
		"robots before:2099":         {"june2097", "now"},
		"-before:2099":               {"farther", "far"},
		"-date:2150":                 {"farther", "june2097", "now", "moon"},
		"before:2097-08":             {"june2097", "now", "moon"},
		"date:2097-06":               {"june2097"},
		"since:1d":                   nil,
		"date:1970":                  nil,
		"date:1969":                  {"moon"},
		"date:1969-07":               {"moon"},
		"date:1969-08":               nil,
		"before:1971":                {"moon"},
		"before:1969-07-20":          nil,
		"after:1969-07-20":           {"farther", "far", "june2097", "now", "moon"},
		"after:1969-07-21":           {"farther", "far", "june2097", "now"},
		"after:2024 robots":          {"farther", "far", "june2097", "now"},
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
