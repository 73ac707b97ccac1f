package store

import (
	"slices"
	"testing"
)

// checkFinds checks that each query finds the articles of those external
// ids, in any order.
func checkFinds(t *testing.T, s *Store, queries map[string][]string) {
	t.Helper()
	for q, want := range queries {
		got := externalIDs(t, s, q)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q finds %q, want %q", q, got, want)
		}
	}
}

// checkLive checks that each query, typed in the live filter, lists and
// counts that many articles, whether its last word is found by the Go
// check of the newest candidates or by FTS5's prefix merge.
func checkLive(t *testing.T, s *Store, queries map[string]int) {
	t.Helper()
	defer func(n int) { liveCandidates = n }(liveCandidates)
	for q, want := range queries {
		for _, budget := range []int{0, 1000} {
			liveCandidates = budget
			s.rare.word = ""
			if got := len(pageForward(t, s, q, true, 50)); got != want {
				t.Errorf("live %q, %d candidates: %d rows, want %d", q, budget, got, want)
			}
			if n, err := s.CountLive(t.Context(), q); err != nil || n != want {
				t.Errorf("CountLive(%q), %d candidates = %d, %v; want %d", q, budget, n, err, want)
			}
		}
	}
}
