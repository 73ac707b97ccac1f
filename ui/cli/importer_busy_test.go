package cli

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"tidings/store"
)

// TestImportStopsAtABusyLibrary: an import whose batch finds the library
// busy (another tidings writing past the wait) stops, saying so, rather
// than trying its articles in halves, each try waiting as long again: a
// batch of 20,000 would take hours to fail article by article.
func TestImportStopsAtABusyLibrary(t *testing.T) {
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for _, c := range []struct {
		name  string
		ctx   context.Context
		err   error
		fatal bool
	}{
		{"busy", ctx, fmt.Errorf("store: import: %w", store.ErrBusy), true},
		{"read-only", ctx, store.ErrReadOnly, true},
		{"stopped", cancelled, errors.New("interrupted"), true},
		{"an article refused", ctx, &store.ArticleError{Index: 3, Err: errors.New("too large")}, false},
	} {
		if got := fatal(c.ctx, c.err); got != c.fatal {
			t.Errorf("%s: fatal = %v, want %v", c.name, got, c.fatal)
		}
	}
}
