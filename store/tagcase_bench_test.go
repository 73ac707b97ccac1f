package store

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkTagTerm reads the first page of a tag's articles, as the tags
// panel lists them, and counts them: by its name, in another case, and by
// a prefix.
func BenchmarkTagTerm(b *testing.B) {
	for _, n := range benchSizes() {
		s := benchLibrary(b, n)
		ctx := context.Background()
		for _, q := range []string{"tag:x", "tag:X", "tag:x*", "#x"} {
			b.Run(fmt.Sprintf("%d/%s/page", n, q), func(b *testing.B) {
				for b.Loop() {
					if rows, err := s.Page(ctx, PageRequest{Query: q, Limit: 50}); err != nil || len(rows) != 50 {
						b.Fatalf("%d rows, %v", len(rows), err)
					}
				}
			})
			b.Run(fmt.Sprintf("%d/%s/count", n, q), func(b *testing.B) {
				for b.Loop() {
					if k, err := s.Count(ctx, q); err != nil || k == 0 {
						b.Fatalf("%d, %v", k, err)
					}
				}
			})
		}
	}
}
