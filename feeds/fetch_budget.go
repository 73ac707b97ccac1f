package feeds

import (
	"context"
	"sync"
)

// budget bounds how many bytes of documents are parsed at once. Reading a
// feed takes many times its size in memory (its parse tree, each entry's
// HTML as a tree, the Markdown made of it): a dozen large feeds parsed
// together would take gigabytes, while a budget of a few of them keeps
// the peak to a few hundred megabytes, at no cost to small feeds, which
// go ahead together. Waiters are served in turn, so that a large document
// is not passed over for ever by small ones.
type budget struct {
	mu      sync.Mutex
	size    int64
	used    int64
	waiters []*budgetWaiter
}

type budgetWaiter struct {
	n     int64
	ready chan struct{}
}

// weight is what a document of n bytes takes of a budget of b.size: its
// size, at most the whole budget, so that a document larger than the
// budget is parsed alone.
func (b *budget) weight(n int64) int64 {
	return min(n, b.size)
}

// acquire waits until n bytes (see weight) are free, or ctx is done. A nil
// budget bounds nothing, and an empty document takes nothing.
func (b *budget) acquire(ctx context.Context, n int64) error {
	if b == nil || n <= 0 {
		return nil
	}
	n = b.weight(n)
	b.mu.Lock()
	if len(b.waiters) == 0 && b.used+n <= b.size {
		b.used += n
		b.mu.Unlock()
		return nil
	}
	w := &budgetWaiter{n: n, ready: make(chan struct{})}
	b.waiters = append(b.waiters, w)
	b.mu.Unlock()
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		b.mu.Lock()
		defer b.mu.Unlock()
		select {
		case <-w.ready: // granted meanwhile: give it back
			b.used -= n
		default:
			for i, o := range b.waiters {
				if o == w {
					b.waiters = append(b.waiters[:i], b.waiters[i+1:]...)
					break
				}
			}
		}
		b.grant()
		return ctx.Err()
	}
}

// release gives back what acquire(n) took.
func (b *budget) release(n int64) {
	if b == nil || n <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.used -= b.weight(n)
	b.grant()
}

// grant lets the waiters in, in turn, as long as what the first one needs
// is free. b.mu is held.
func (b *budget) grant() {
	for len(b.waiters) > 0 {
		w := b.waiters[0]
		if b.used+w.n > b.size {
			return
		}
		b.used += w.n
		b.waiters = b.waiters[1:]
		close(w.ready)
	}
}

// parseBudget is the fetcher's budget, made once from ParseBudget; nil
// when ParseBudget bounds nothing.
func (f *Fetcher) parseBudget() *budget {
	f.budgetOnce.Do(func() {
		if f.ParseBudget > 0 {
			f.budget = &budget{size: f.ParseBudget}
		}
	})
	return f.budget
}
