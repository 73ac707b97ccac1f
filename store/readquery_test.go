package store

import (
	"context"
	"testing"
)

// TestSetReadQuery: marking what a query matches read changes those
// articles alone, says how many changed, and can be undone.
func TestSetReadQuery(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("a", "2024-03-01", "Ferry returns to the harbour."),
		art("b", "2024-03-02", "Ferry fares rise."),
		art("c", "2024-03-03", "Council meets."))
	if err := s.SetRead(ctx, idsOf(t, s, "fares"), true); err != nil {
		t.Fatal(err)
	}
	n, err := s.SetReadQuery(ctx, "ferry", true)
	if err != nil || n != 1 {
		t.Errorf("SetReadQuery(ferry) = %d, %v; want 1 (the other was read)", n, err)
	}
	for q, want := range map[string]int{"is:unread": 1, "is:read ferry": 2, "is:unread council": 1} {
		if got, _ := s.Count(ctx, q); got != want {
			t.Errorf("%s counts %d, want %d", q, got, want)
		}
	}
	if n, err := s.SetReadQuery(ctx, "", false); err != nil || n != 2 {
		t.Errorf("SetReadQuery('', unread) = %d, %v; want 2", n, err)
	}
	if _, err := s.SetReadQuery(ctx, "tag:", true); err == nil {
		t.Error("a query that does not parse is not refused")
	}
}
