package store

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"tidings/feeds"
)

// TestSetReadQueryMemoryIsFlat: marking a source's articles read holds no
// copy of every page it changes. A single UPDATE under a query that calls
// LIKE (source: does) kept one in memory until it ended: 30 KB an article,
// 2 GB for 70,000 articles of a library of a million.
func TestSetReadQueryMemoryIsFlat(t *testing.T) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Skipf("cannot reset the peak memory of the process: %v", err)
	}
	ctx := context.Background()
	s := openTemp(t)
	// 2,000 articles of 6 KB: two in three from Reuters, two or three to
	// a page, so that marking them changes some 20 MB of pages.
	body := strings.Repeat("Markets rally as the harbour reopens after the storm. ", 110)
	var arts []feeds.Article
	for i := range 2000 {
		a := art("m"+strconv.Itoa(i), "2024-03-01", body+strconv.Itoa(i))
		a.Source = "Reuters"
		if i%3 == 0 {
			a.Source = "AFP"
		}
		arts = append(arts, a)
	}
	importAll(t, s, arts...)
	// A small page cache, so that what the write keeps is not hidden in it.
	if _, err := s.wdb.ExecContext(ctx, "PRAGMA cache_size = -1024"); err != nil {
		t.Fatal(err)
	}
	for _, read := range []bool{true, false} {
		if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
			t.Fatal(err)
		}
		before := peakRSS(t)
		n, err := s.SetReadQuery(ctx, "source:reuters", read)
		if err != nil || n != 1333 {
			t.Fatalf("SetReadQuery(source:reuters, %v) = %d, %v; want 1333", read, n, err)
		}
		if grew := peakRSS(t) - before; grew > 8<<10 {
			t.Errorf("SetReadQuery(source:reuters, %v) of 1,333 articles took %d KB more memory at its peak; want under 8 MB", read, grew)
		}
	}
}

// peakRSS is the most memory the process has held since the last reset,
// in KB.
func peakRSS(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.Lines(string(b)) {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			n, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

// TestSetReadQueryChunks: whatever the size of the chunks the articles are
// changed in, the query's articles alone change, and the count is of those
// that changed.
func TestSetReadQueryChunks(t *testing.T) {
	defer func(n int) { readChunk = n }(readChunk)
	ctx := context.Background()
	for _, chunk := range []int{1, 2, 3, 7, 4096} {
		t.Run(strconv.Itoa(chunk), func(t *testing.T) {
			readChunk = chunk
			s := openTemp(t)
			var arts []feeds.Article
			for i := range 20 {
				a := art(fmt.Sprint("c", i), "2024-03-01", fmt.Sprintf("Ferry news number %d.", i))
				if i%2 == 0 {
					a = art(fmt.Sprint("c", i), "2024-03-01", fmt.Sprintf("Harbour news number %d.", i))
					a.Source = "Reuters"
				}
				arts = append(arts, a)
			}
			importAll(t, s, arts...)
			// Two of Reuters' ten and one other article are read already.
			for _, q := range []string{`title:"number 0"`, `title:"number 4"`, `title:"number 5"`} {
				if err := s.SetRead(ctx, idsOf(t, s, q), true); err != nil {
					t.Fatal(err)
				}
			}
			steps := []struct {
				q    string
				read bool
				want int
				// what then counts how many
				counts map[string]int
			}{
				{"source:reuters", true, 8, map[string]int{"is:read source:reuters": 10, "is:read": 11}},
				{"harbour", false, 10, map[string]int{"is:read": 1, "is:unread harbour": 10}},
				{"ferry", true, 9, map[string]int{"is:read": 10, "is:read ferry": 10}},
				{"", true, 10, map[string]int{"is:unread": 0}},
				{"", true, 0, map[string]int{"is:read": 20}},
				{"", false, 20, map[string]int{"is:unread": 20}},
			}
			for _, st := range steps {
				n, err := s.SetReadQuery(ctx, st.q, st.read)
				if err != nil || n != st.want {
					t.Fatalf("SetReadQuery(%q, %v) = %d, %v; want %d", st.q, st.read, n, err, st.want)
				}
				for q, want := range st.counts {
					if got, err := s.Count(ctx, q); err != nil || got != want {
						t.Errorf("after SetReadQuery(%q, %v): %s counts %d, %v; want %d", st.q, st.read, q, got, err, want)
					}
				}
			}
		})
	}
}

// TestSetReadQueryAllOrNothing: a marking that fails part of the way
// leaves every article as it was, and the next one is not disturbed by it.
func TestSetReadQueryAllOrNothing(t *testing.T) {
	defer func(n int) { readChunk = n }(readChunk)
	readChunk = 2
	ctx := context.Background()
	s := openTemp(t)
	var arts []feeds.Article
	for i := range 9 {
		arts = append(arts, art(fmt.Sprint("a", i), "2024-03-01", fmt.Sprintf("Ferry news number %d.", i)))
	}
	importAll(t, s, arts...)
	var last int64
	if err := s.wdb.QueryRowContext(ctx, `SELECT max(id) FROM articles`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	// The last chunk fails, after four have been changed.
	if _, err := s.wdb.ExecContext(ctx, fmt.Sprintf(`CREATE TEMP TRIGGER refuse BEFORE UPDATE OF read_at ON main.articles
		WHEN new.id = %d BEGIN SELECT RAISE(ABORT, 'refused'); END`, last)); err != nil {
		t.Fatal(err)
	}
	gen, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.SetReadQuery(ctx, "ferry", true); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("SetReadQuery with its last article refused = %d, %v; want the refusal", n, err)
	}
	if got, _ := s.Count(ctx, "is:read"); got != 0 {
		t.Errorf("a failed marking left %d articles read", got)
	}
	if g, _ := s.Generation(ctx); g != gen {
		t.Errorf("a failed marking changed the generation from %d to %d", gen, g)
	}
	if _, err := s.wdb.ExecContext(ctx, `DROP TRIGGER temp.refuse`); err != nil {
		t.Fatal(err)
	}
	if n, err := s.SetReadQuery(ctx, `title:"number 3"`, true); err != nil || n != 1 {
		t.Errorf("SetReadQuery after a failed one = %d, %v; want 1", n, err)
	}
	if got, _ := s.Count(ctx, "is:read"); got != 1 {
		t.Errorf("after marking one article read, %d are", got)
	}
}
