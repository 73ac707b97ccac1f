package ui

import (
	"context"
	"errors"
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
	if s := viewText(m); !strings.Contains(s, "Mark the 1 unread article matching `title:\"Article 001\"` read? y/n") {
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
	if s := viewText(m); !strings.Contains(s, "Mark the 4 unread articles read? y/n") {
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
	if !strings.Contains(viewText(m), "Nothing listed is unread.") {
		t.Errorf("M with nothing unread:\n%s", viewText(m))
	}
}

// TestReadAllSaysItIsMarking: after the yes, the status line says at once
// what is being marked, until the result replaces it; M meanwhile says it
// is still marking and writes nothing.
func TestReadAllSaysItIsMarking(t *testing.T) {
	for _, tc := range []struct {
		name, filter, marking string
	}{
		{"without a filter", "", "Marking every unread article read…"},
		{"under a filter", `title:"Article"`, "Marking the articles matching `title:\"Article\"` read…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib := newLibrary(t, 6)
			ctx := context.Background()
			unread := func() int {
				n, err := lib.Count(ctx, "is:unread")
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			m := start(t, lib, Config{}, 100, 20)
			if tc.filter != "" {
				m = steps(t, m, "/")
				m = typeKeys(t, m, tc.filter)
				m = steps(t, m, "enter")
			}
			m = steps(t, m, "M")
			// The yes, with the write it starts not yet done.
			m, write := m.Update(press("y"))
			if s := viewText(m); !strings.Contains(s, tc.marking) || root(t, m).statusErr {
				t.Fatalf("after the yes, the status line does not say %q:\n%s", tc.marking, s)
			}
			m, again := m.Update(press("M"))
			still := "Still m" + strings.TrimPrefix(tc.marking, "M")
			if s := viewText(m); !strings.Contains(s, still) || strings.Contains(s, "y/n") {
				t.Errorf("M while marking does not say %q, or asks again:\n%s", still, s)
			}
			if again != nil {
				t.Error("M while marking returned a command: a second write")
			}
			if unread() != 6 {
				t.Fatal("articles were marked before the write ran")
			}
			m = run(t, m, write)
			if s := viewText(m); unread() != 0 || !strings.Contains(s, "Marked 6 articles read.") || strings.Contains(s, "arking") {
				t.Errorf("the result does not replace the status line (%d unread):\n%s", unread(), s)
			}
			// Done, M asks again; and after a marking that failed too.
			m = steps(t, m, "M")
			if s := viewText(m); !strings.Contains(s, "Nothing listed is unread. y or n closes.") {
				t.Fatalf("M after a marking does not say nothing is unread:\n%s", s)
			}
			m = steps(t, m, "y")
			m = step(t, m, readAllMsg{err: errors.New("disk full")})
			if s := viewText(m); !strings.Contains(s, "disk full") {
				t.Errorf("a failed marking is not said:\n%s", s)
			}
			if s := viewText(steps(t, m, "M")); !strings.Contains(s, "y or n closes.") || strings.Contains(s, "arking") {
				t.Errorf("M after a failed marking does not ask again:\n%s", s)
			}
		})
	}
}
