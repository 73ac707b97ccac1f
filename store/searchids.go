package store

import (
	"context"
	"slices"
	"sync"
)

// idStream is the ids of a search's articles, newest first, read in the
// background by one statement, so that they are those that matched when
// the search began, and handed out searchChunk at a time. The statement
// reads on at its own pace, whatever the pace of their reader: it holds its
// read of the library for as long as reading the ids takes (a second or two
// at a million articles), not for as long as an export of them does, and
// the first articles come before the last ids are read. It holds eight
// bytes an id (8 MB at a million).
type idStream struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when the statement has ended
	more   chan struct{} // signalled when chunks or end change

	mu     sync.Mutex
	chunks [][]int64
	end    bool
	err    error
}

// matchingIDs starts reading the ids of the articles c selects, newest
// first, the first limit of them when limit is above 0.
func (s *Store) matchingIDs(ctx context.Context, c compiled, limit int) *idStream {
	ctx, cancel := context.WithCancel(ctx)
	st := &idStream{cancel: cancel, done: make(chan struct{}), more: make(chan struct{}, 1)}
	w, args := c.where(nil)
	q := "SELECT a.id FROM " + c.from() + w + " ORDER BY " + c.key() + " DESC"
	if limit > 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	go func() {
		defer close(st.done)
		st.finish(st.read(ctx, s, q, args))
	}()
	return st
}

func (st *idStream) read(ctx context.Context, s *Store, q string, args []any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	chunk := make([]int64, 0, searchChunk)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if chunk = append(chunk, id); len(chunk) == searchChunk {
			st.add(chunk)
			chunk = make([]int64, 0, searchChunk)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(chunk) > 0 {
		st.add(chunk)
	}
	return nil
}

func (st *idStream) add(chunk []int64) {
	st.mu.Lock()
	st.chunks = append(st.chunks, chunk)
	st.mu.Unlock()
	st.signal()
}

func (st *idStream) finish(err error) {
	st.mu.Lock()
	st.end, st.err = true, err
	st.mu.Unlock()
	st.signal()
}

func (st *idStream) signal() {
	select {
	case st.more <- struct{}{}:
	default:
	}
}

// next is the next chunk of ids, waiting for it to be read; nil after the
// last.
func (st *idStream) next(ctx context.Context) ([]int64, error) {
	for {
		st.mu.Lock()
		if len(st.chunks) > 0 {
			chunk := st.chunks[0]
			st.chunks[0] = nil
			st.chunks = st.chunks[1:]
			st.mu.Unlock()
			return chunk, nil
		}
		end, err := st.end, st.err
		st.mu.Unlock()
		if end {
			return nil, err
		}
		select {
		case <-st.more:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// stop ends the statement, if it still reads, and waits for it.
func (st *idStream) stop() {
	st.cancel()
	<-st.done
}

// articlesByID reads the articles with these ids, in their order; those no
// longer in the library are left out.
func (s *Store) articlesByID(ctx context.Context, ids []int64) ([]Article, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	found, err := s.articles(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.id IN ("+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	slices.SortFunc(found, func(x, y Article) int { return at[x.ID] - at[y.ID] })
	return found, nil
}
