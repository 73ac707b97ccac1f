package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/feeds"
)

// The benchmarks run on generated articles (the sample format, ~2.7 KB each)
// made by ../shared/tools/gen_corpus.py (beside the checkout) and cached, with the libraries
// built from them, in $TIDINGS_BENCH_CACHE or the temporary folder's
// tidings-bench. They skip when there is neither a cached corpus nor python3.
//
//	go test ./store -run '^$' -bench Import -benchtime 1x
//	go test ./store -run '^$' -bench 'Page|Query'
//	TIDINGS_BENCH_LARGE=1 go test ./store -run '^$' -bench 'Page|Query'  # also 1,000,000

const benchArticles = 100_000

func benchCache(b *testing.B) string {
	dir := os.Getenv("TIDINGS_BENCH_CACHE")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "tidings-bench")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// corpus returns the path of a generated stream of n articles, generating it
// on first use.
func corpus(b *testing.B, n int) string {
	path := filepath.Join(benchCache(b), fmt.Sprintf("corpus-%d.txt", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	gen := os.Getenv("TIDINGS_GEN_CORPUS")
	if gen == "" {
		gen = filepath.Join("..", "..", "shared", "tools", "gen_corpus.py") // beside the checkout
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("no cached corpus and no python3 to generate one")
	}
	if _, err := os.Stat(gen); err != nil {
		b.Skipf("no cached corpus and no generator at %s (set TIDINGS_GEN_CORPUS)", gen)
	}
	b.Logf("generating %d articles into %s", n, path)
	cmd := exec.Command(python, gen, fmt.Sprint(n), "--stream", path+".tmp", "--jobs", "2")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v", gen, err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		b.Fatal(err)
	}
	return path
}

// readCorpus parses a corpus file with the project's importer and hands its
// articles on in batches of size.
func readCorpus(path string, size int, fn func([]feeds.Article) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	batch := make([]feeds.Article, 0, size)
	err = feeds.ReadStream(path, f, func(it feeds.Item) error {
		if it.Err != nil {
			return nil // counted by the feeds tests; the benchmark wants articles
		}
		batch = append(batch, it.Article)
		if len(batch) == size {
			if err := fn(batch); err != nil {
				return err
			}
			batch = make([]feeds.Article, 0, size)
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = fn(batch)
	}
	return err
}

// loadCorpus parses a whole corpus into memory, in batches.
func loadCorpus(b *testing.B, n, size int) [][]feeds.Article {
	var batches [][]feeds.Article
	err := readCorpus(corpus(b, n), size, func(batch []feeds.Article) error {
		batches = append(batches, batch)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return batches
}

// BenchmarkImport imports 100,000 parsed articles into a new library: the
// store's own speed, FTS included.
func BenchmarkImport(b *testing.B) {
	batches := loadCorpus(b, benchArticles, ImportBatch)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "library.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		n := 0
		for _, batch := range batches {
			if _, err := s.Import(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			n += len(batch)
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "articles/s")
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkImportPipelined parses and imports at once, parsing in its own
// goroutine as `tidings import` does: what a user waits for.
func BenchmarkImportPipelined(b *testing.B) {
	path := corpus(b, benchArticles)
	for range b.N {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "library.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		n, err := pipelinedImport(s, path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "articles/s")
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func pipelinedImport(s *Store, path string) (int, error) {
	ch := make(chan []feeds.Article, 2)
	var parseErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(ch)
		parseErr = readCorpus(path, ImportBatch, func(batch []feeds.Article) error {
			ch <- batch
			return nil
		})
	})
	n := 0
	var err error
	for batch := range ch {
		if err != nil {
			continue // drain, so the parser ends
		}
		_, err = s.Import(context.Background(), batch)
		n += len(batch)
	}
	wg.Wait()
	return n, errors.Join(err, parseErr)
}

// benchLibrary returns a read-only library of n generated articles, built on
// first use and cached beside the corpus under the schema's fingerprint. A
// tenth of the articles mentioning Ukraine carry the tag x; a third of all
// articles are read.
func benchLibrary(b *testing.B, n int) *Store {
	sum := sha256.Sum256([]byte(strings.Join(migrations, "\x00")))
	path := filepath.Join(benchCache(b), fmt.Sprintf("library-%d-%x.db", n, sum[:4]))
	if _, err := os.Stat(path); err != nil {
		buildLibrary(b, path, n)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func buildLibrary(b *testing.B, path string, n int) {
	b.Logf("building a library of %d articles in %s", n, path)
	tmp := path + ".tmp"
	for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(f)
	}
	s, err := Open(tmp, Options{})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	got, err := pipelinedImport(s, corpus(b, n))
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("imported %d articles in %v (%.0f/s)", got, time.Since(start).Round(time.Second), float64(got)/time.Since(start).Seconds())
	ctx := context.Background()
	if _, err := s.TagQuery(ctx, "ukraine", []string{"x"}, nil); err != nil {
		b.Fatal(err)
	}
	if _, err := s.wdb.Exec(`DELETE FROM article_tags WHERE article_id % 10 <> 0`); err != nil {
		b.Fatal(err)
	}
	if _, err := s.wdb.Exec(`UPDATE articles SET read_at = added WHERE id % 3 = 0`); err != nil {
		b.Fatal(err)
	}
	keepLibrary(b, s, tmp, path)
}

// benchSizes are the library sizes the read benchmarks run on.
func benchSizes() []int {
	if os.Getenv("TIDINGS_BENCH_LARGE") != "" {
		return []int{benchArticles, 1_000_000}
	}
	return []int{benchArticles}
}

// BenchmarkPage reads pages of the unfiltered list: the first, one deep
// inside by keyset, the last, and one upwards from the middle.
func BenchmarkPage(b *testing.B) {
	for _, n := range benchSizes() {
		s := benchLibrary(b, n)
		ctx := context.Background()
		total, err := s.Total(ctx)
		if err != nil {
			b.Fatal(err)
		}
		var middle int64
		if err := s.db.QueryRow(`SELECT sort_key FROM articles ORDER BY sort_key DESC LIMIT 1 OFFSET ?`, total/2).Scan(&middle); err != nil {
			b.Fatal(err)
		}
		reqs := []struct {
			name string
			req  PageRequest
		}{
			{"first", PageRequest{Limit: 50}},
			{"keyset", PageRequest{Limit: 50, Before: middle}},
			{"last", PageRequest{Limit: 50, FromEnd: true}},
			{"upwards", PageRequest{Limit: 50, After: middle}},
		}
		for _, r := range reqs {
			b.Run(fmt.Sprintf("%d/%s", n, r.name), func(b *testing.B) {
				for b.Loop() {
					rows, err := s.Page(ctx, r.req)
					if err != nil || len(rows) != 50 {
						b.Fatalf("%d rows, %v", len(rows), err)
					}
				}
			})
		}
	}
}

// BenchmarkQuery runs common queries: the first page of results, as the
// list shows them, and the count of all of them.
func BenchmarkQuery(b *testing.B) {
	queries := []struct {
		name string
		q    string
		live bool
	}{
		{"word", "minister", false},
		{"two words", "ukraine oil", false},
		{"prefix", "minis*", false},
		{"live prefix", "ukraine minis", true},
		{"live short prefix", "ukraine th", true},
		{"tag and word", "tag:x minister", false},
		{"unread recent", "is:unread since:7d", false},
		{"unread in a year", "is:unread date:2024", false},
		{"phrase", `"oil prices"`, false},
		{"negation", "ukraine -russia", false},
		{"source", "source:azernews", false},
	}
	for _, n := range benchSizes() {
		s := benchLibrary(b, n)
		ctx := context.Background()
		for _, q := range queries {
			b.Run(fmt.Sprintf("%d/%s/page", n, q.name), func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Page(ctx, PageRequest{Query: q.q, Live: q.live, Limit: 50}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%d/%s/count", n, q.name), func(b *testing.B) {
				count := s.Count
				if q.live {
					count = s.CountLive
				}
				for b.Loop() {
					if _, err := count(ctx, q.q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkTagQuery tags every article a broad query matches, and untags
// them: set-based, in one transaction each.
func BenchmarkTagQuery(b *testing.B) {
	src := benchLibrary(b, benchArticles)
	path := filepath.Join(b.TempDir(), "library.db")
	if err := copyFile(src.Path(), path); err != nil {
		b.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for b.Loop() {
		n, err := s.TagQuery(ctx, "", []string{"everything"}, nil)
		if err != nil || n != benchArticles {
			b.Fatalf("tagged %d, %v", n, err)
		}
		if _, err := s.TagQuery(ctx, "tag:everything", nil, []string{"everything"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchArticles), "articles/op")
}

// copyFile copies a checkpointed library: its WAL is empty.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// keepLibrary folds the log of the library s made at tmp into its file,
// closes it and puts it at path, where the benchmarks find it made.
func keepLibrary(b *testing.B, s *Store, tmp, path string) {
	b.Helper()
	if _, err := s.wdb.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
}
