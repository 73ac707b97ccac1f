package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"tidings/feeds"
)

// Two Store values on one file stand for two running copies of tidings: their
// writes interleave without either seeing "database is locked".
func TestTwoStoresWriteOneLibrary(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	var stores [2]*Store
	for i := range stores {
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	const batches, perBatch = 20, 50
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w, s := range stores {
		wg.Go(func() {
			for b := range batches {
				batch := make([]feeds.Article, perBatch)
				for i := range batch {
					batch[i] = art(fmt.Sprintf("w%d-%d-%d", w, b, i), "2024-03-05", fmt.Sprintf("Writer %d story. Batch %d.", w, b))
				}
				if _, err := s.Import(ctx, batch); err != nil {
					errs <- err
					return
				}
			}
		})
		// Readers and small writes on the same stores meanwhile.
		wg.Go(func() {
			for range batches {
				page, err := s.Page(ctx, PageRequest{Limit: 20})
				if err != nil {
					errs <- err
					return
				}
				var ids []int64
				for _, r := range page {
					ids = append(ids, r.ID)
				}
				if err := s.SetRead(ctx, ids, true); err != nil {
					errs <- err
					return
				}
				if err := s.Tag(ctx, ids, []string{fmt.Sprintf("seen-by-%d", w)}, nil); err != nil {
					errs <- err
					return
				}
				if _, err := s.Count(ctx, "story"); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, s := range stores {
		if n, err := s.Total(ctx); err != nil || n != 2*batches*perBatch {
			t.Errorf("Total = %d, %v; want %d", n, err, 2*batches*perBatch)
		}
		if n, err := s.Count(ctx, "writer"); err != nil || n != 2*batches*perBatch {
			t.Errorf("Count(writer) = %d, %v", n, err)
		}
	}
}
