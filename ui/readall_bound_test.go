package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// arriveElsewhere imports articles as a cron `tidings fetch` would, behind
// the model's back: one for each of days, published that many days after
// the newest test article (before it when negative). It returns their ids.
func arriveElsewhere(t *testing.T, lib *store.Store, days ...int) []int64 {
	t.Helper()
	newest := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)
	var arts []feeds.Article
	for _, d := range days {
		arts = append(arts, feeds.Article{
			ExternalID: fmt.Sprintf("ARRIVAL%+d", d),
			Source:     "Elsewhere",
			Title:      fmt.Sprintf("Arrival %+d", d),
			Published:  newest.AddDate(0, 0, d),
			Body:       "Fetched while the list was shown.",
		})
	}
	if _, err := lib.Import(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range arts {
		got, err := lib.ArticleByExternalID(context.Background(), a.ExternalID)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, got.ID)
	}
	return ids
}

// TestReadAllMarksWhatTheListShowed: M marks read what the list had when
// the user could see it, not the articles a fetch brought meanwhile that
// were never in sight (above the screen, "New articles above", or while the
// question was open): the question and the result count the same articles.
// Those that came into sight (at the top, or after g) are marked with the
// others.
func TestReadAllMarksWhatTheListShowed(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		before []string // keys before the fetch lands
		days   []int    // the articles it brings (arriveElsewhere)
		// asked: the fetch lands while M's question is open; else before M.
		asked bool
		after []string // keys after the list showed the fetch, before M
		// seen: the arrivals are in sight when M is pressed, and marked.
		seen bool
		// says is what the status line says once the list shows them.
		says string
	}{
		{name: "above the screen", query: "is:unread", before: repeat("j", 10), days: []int{1, 2, 3},
			says: "New articles above: g goes to the newest."},
		{name: "scrolled down past the top", before: repeat("ctrl+d", 4), days: []int{1, 2, 3}},
		{name: "an old date, while scrolled down", before: repeat("ctrl+d", 4), days: []int{-600}},
		{name: "while the question is open", query: "is:unread", days: []int{1, 2, 3}, asked: true},
		{name: "in sight at the top", days: []int{1, 2, 3}, seen: true},
		{name: "above the screen, then g", query: "is:unread", before: repeat("j", 10), days: []int{1, 2, 3},
			after: []string{"g"}, seen: true},
		{name: "above the screen, then up to them", query: "is:unread", before: repeat("j", 10), days: []int{1, 2, 3},
			after: repeat("k", 13), seen: true},
		{name: "above the screen, then up to the row below them", query: "is:unread", before: repeat("j", 10),
			days: []int{1, 2, 3}, after: repeat("k", 10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := newLibrary(t, 40)
			ctx := context.Background()
			unread := func() int {
				n, err := lib.Count(ctx, "is:unread")
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			shown := unread()
			m := start(t, lib, Config{Query: tt.query}, 100, 14)
			m = steps(t, m, tt.before...)
			var arrived []int64
			if tt.asked {
				m = steps(t, m, "M")
			}
			arrived = arriveElsewhere(t, lib, tt.days...)
			m = step(t, m, pollMsg{})
			if s := viewText(m); !strings.Contains(s, tt.says) {
				t.Errorf("once the fetch landed, the status line does not say %q:\n%s", tt.says, s)
			}
			if !tt.asked {
				m = steps(t, m, tt.after...)
				m = steps(t, m, "M")
			}
			want := shown
			if tt.seen {
				want += len(arrived)
			}
			where := ""
			if tt.query != "" {
				where = " matching " + quoteQuery(tt.query)
			}
			if q := fmt.Sprintf("Mark the %d unread articles%s read? y/n", want, where); !strings.Contains(viewText(m), q) {
				t.Errorf("M does not ask %q:\n%s", q, viewText(m))
			}
			m = steps(t, m, "y")
			if s, said := viewText(m), fmt.Sprintf("Marked %d articles read.", want); !strings.Contains(s, said) {
				t.Errorf("after y the status line does not say %q:\n%s", said, s)
			}
			for _, id := range arrived {
				a, err := lib.Article(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if a.Read() != tt.seen {
					t.Errorf("%q, fetched meanwhile: read %v, want %v", a.Title, a.Read(), tt.seen)
				}
			}
			if got := unread(); got != shown+len(arrived)-want {
				t.Errorf("%d articles unread after M, want %d", got, shown+len(arrived)-want)
			}
		})
	}
}

// TestReadAllWithOnlyNewArrivalsUnread: every article the list held is
// read and the unread ones came after its top was last seen: M says that
// nothing listed is unread and how many came since, rather than asking to
// mark every unread article and then marking none.
func TestReadAllWithOnlyNewArrivalsUnread(t *testing.T) {
	lib := newLibrary(t, 40)
	ctx := context.Background()
	if _, err := lib.SetReadQuery(ctx, "", true); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{}, 80, 14)
	m = steps(t, m, "G")
	arriveElsewhere(t, lib, 1, 2, 3)
	m = step(t, m, pollMsg{})
	m = steps(t, m, "M")
	want := "Nothing listed is unread; 3 unread came since: g shows them. y or n closes."
	if s := viewText(m); !strings.Contains(s, want) {
		t.Errorf("M does not say %q:\n%s", want, s)
	}
	m = steps(t, m, "y")
	if n, _ := lib.Count(ctx, "is:unread"); n != 3 {
		t.Errorf("%d unread after y, want the 3 that came since", n)
	}
}
