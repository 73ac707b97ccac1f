package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stateQueries are queries that combine a state (read, unread, starred)
// with words or a tag, as the list, M's question, search and rules ask
// them: each of their conditions is held by the articles_list index.
var stateQueries = []string{
	"is:starred minister",
	"is:unread kuwait", // every kuwait article is read: nothing matches
	"is:unread minister",
	"is:read minister",
	"tag:politics is:starred",
	"tag:politics is:unread",
	"tag:x is:starred",
	"tag:x is:unread",
	"tag:tiny is:unread", // ten articles
	"tag:tiny is:starred",
	"tag:politics is:unread ukraine",
	"source:azernews minister",
}

// BenchmarkStateQueries reads the first page of each of stateQueries, as
// the list shows it, counts it (the list's count, and M's question, which
// counts up to an id), and finds the first five, as search --limit 5 does.
func BenchmarkStateQueries(b *testing.B) {
	for _, n := range benchSizes() {
		s := stateLibrary(b, n)
		ctx := context.Background()
		last, err := s.LastArticleID(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range stateQueries {
			name := fmt.Sprintf("%d/%s", n, q)
			b.Run(name+"/page", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Page(ctx, PageRequest{Query: q, Limit: 50}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/count", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Count(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/countupto", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.CountUpTo(ctx, q, last); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/search5", func(b *testing.B) {
				for b.Loop() {
					if err := s.Search(ctx, q, 5, func(Article) error { return nil }); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// stateLibrary returns a read-only copy of benchLibrary(n) with state a
// reader gives a library: one article in 190 starred, the tag politics on
// every article that mentions a minister (as a rule would give it), the
// tag tiny on ten articles, and every article that mentions Kuwait read. It is built on first use and
// cached beside it.
func stateLibrary(b *testing.B, n int) *Store {
	src := benchLibrary(b, n)
	path := strings.TrimSuffix(src.Path(), ".db") + "-states.db"
	if _, err := os.Stat(path); err != nil {
		buildStateLibrary(b, src.Path(), path)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func buildStateLibrary(b *testing.B, from, path string) {
	b.Logf("building %s", path)
	tmp := filepath.Join(filepath.Dir(path), "states.tmp")
	for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(f)
	}
	if err := copyFile(from, tmp); err != nil {
		b.Fatal(err)
	}
	s, err := Open(tmp, Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.wdb.Exec(`UPDATE articles SET starred = 1 WHERE id % 190 = 0`); err != nil {
		b.Fatal(err)
	}
	if _, err := s.TagQuery(ctx, "minister", []string{"politics"}, nil); err != nil {
		b.Fatal(err)
	}
	var tiny []int64
	for id := int64(7); id < 100_000; id += 10_000 {
		tiny = append(tiny, id)
	}
	if err := s.Tag(ctx, tiny, []string{"tiny"}, nil); err != nil {
		b.Fatal(err)
	}
	if _, err := s.SetReadQuery(ctx, "kuwait", true); err != nil {
		b.Fatal(err)
	}
	keepLibrary(b, s, tmp, path)
}
