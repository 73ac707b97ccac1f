package ui

import (
	"context"
	"strings"
	"testing"

	"tidings/store"
)

// TestReadAll: M marks read what the list shows that is unread, all of the
// library without a filter, after a yes; n changes nothing.
func TestReadAll(t *testing.T) {
	lib := newLibrary(t, 6)
	ctx := context.Background()
	rows, _ := lib.Page(ctx, store.PageRequest{Limit: 6})
	if err := lib.SetRead(ctx, []int64{rows[0].ID}, true); err != nil {
		t.Fatal(err)
	}
	unread := func() int {
		n, err := lib.Count(ctx, "is:unread")
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	m := start(t, lib, Config{}, 100, 20)
	// The question comes at once: a key pressed after M answers it or
	// waits, never acts on the list.
	m = steps(t, m, "M", "s")
	if row, _ := root(t, m).list.current(); row.Starred || !strings.Contains(viewText(m), "read? y/n") {
		t.Fatalf("s after M starred the article or dropped the question:\n%s", viewText(m))
	}
	m = steps(t, m, "n")

	m = steps(t, m, "/")
	m = typeKeys(t, m, `title:"Article 001"`)
	m = steps(t, m, "enter", "M")
	if s := viewText(m); !strings.Contains(s, "Mark the unread articles matching `title:\"Article 001\"` read? y/n") {
		t.Fatalf("M under a filter asks:\n%s", s)
	}
	m = steps(t, m, "n")
	if unread() != 5 {
		t.Fatalf("n marked articles read")
	}
	m = steps(t, m, "M", "y")
	if got := unread(); got != 4 || !strings.Contains(viewText(m), "Marked 1 article read.") {
		t.Errorf("after M y under a filter: %d unread, want 4:\n%s", got, viewText(m))
	}

	m = steps(t, m, "esc", "M")
	if s := viewText(m); !strings.Contains(s, "Mark every unread article read? y/n") {
		t.Fatalf("M without a filter asks:\n%s", s)
	}
	m = steps(t, m, "y")
	if got := unread(); got != 0 || !strings.Contains(viewText(m), "Marked 4 articles read.") {
		t.Errorf("after M y: %d unread, want 0:\n%s", got, viewText(m))
	}
	if s := viewText(m); strings.Contains(s, "●") {
		t.Errorf("the list still shows unread marks:\n%s", s)
	}
	m = steps(t, m, "M", "y")
	if !strings.Contains(viewText(m), "Nothing listed was unread.") {
		t.Errorf("M with nothing unread:\n%s", viewText(m))
	}
}
