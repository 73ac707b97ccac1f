package feeds

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// tries are the requests made for one address: how many, when the first
// began, and when the address's time (Fetcher.Deadline) is up. The time
// is counted from the first request, not from when the fetch began: a
// feed waiting for its turn behind others loses none of it.
type tries struct {
	n     int
	first time.Time
	until time.Time     // zero: no deadline; one given before the first request (a discovery's) stays when earlier
	last  time.Duration // how long the last request took
	begun time.Time     // when the last request began
	cut   bool          // the last request was given only what was left of the time
}

// begin starts a request: the context it runs in, ctx bounded by
// f.Timeout and by what is left of the deadline.
func (t *tries) begin(ctx context.Context, f *Fetcher) (context.Context, context.CancelFunc) {
	now := time.Now()
	t.n++
	t.begun = now
	if t.n == 1 {
		t.first = now
		if own := now.Add(f.Deadline); f.Deadline > 0 && (t.until.IsZero() || own.Before(t.until)) {
			t.until = own
		}
	}
	limit := f.Timeout
	t.cut = false
	if !t.until.IsZero() {
		if left := t.until.Sub(now); limit <= 0 || left < limit {
			limit, t.cut = left, true
		}
	}
	if limit > 0 {
		return context.WithTimeout(ctx, limit)
	}
	return ctx, func() {}
}

// end records that the request begun last is over.
func (t *tries) end() {
	if t.n > 0 {
		t.last = time.Since(t.begun)
	}
}

// roomFor reports whether another request, after waiting wait, would
// begin with as much time left as the last one took: one that cannot
// is not made, its answer cut short by the deadline saying less than the
// one before it.
func (t *tries) roomFor(wait time.Duration) bool {
	return t.until.IsZero() || !time.Now().Add(wait+t.last).After(t.until)
}

// told is err as the user hears it: after more than one request, how many
// there were and over how long ("HTTP 503 Service Unavailable after 3
// tries over 2m24s"). A request cut short by the deadline says how long
// the address was given.
func (t *tries) told(err error) error {
	var over deadlineError
	switch {
	case t.n > 1:
		return fmt.Errorf("%w after %d tries over %s", err, t.n, roundDuration(time.Since(t.first)))
	case errors.As(err, &over):
		return fmt.Errorf("%w after %s", err, roundDuration(time.Since(t.first)))
	}
	return err
}

// deadlineError is a request cut short by the deadline of its address:
// "timeout", told with how many tries over how long.
type deadlineError struct{}

func (deadlineError) Error() string { return "timeout" }

func (deadlineError) Is(target error) bool { return target == ErrTimeout }

// roundDuration is d as a message gives it: to the second ("2m24s"), or
// to the millisecond under one.
func roundDuration(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(time.Second)
	}
	return d.Round(time.Millisecond)
}

// retrying runs try, and again after a 5xx, a 429 or a network error (as
// its hint says), up to f.Retries more times: waiting f.Backoff, doubled
// for each next attempt, or as long as the server asks (Retry-After) up to
// f.MaxRetryAfter; a server asking for longer is told in the error. No
// attempt is made past f.Deadline, counted from the first request, nor
// one that would begin with less time left than the last one took, nor
// past the deadline t was given, if it is earlier (a discovery's); that is
// asked again once the wait is over, for a wait can end late. An error
// after more than one attempt says how many there were (tries.told).
func retrying[T any](ctx context.Context, f *Fetcher, t tries, try func(*tries) (T, retryHint, error)) (T, error) {
	for attempt := 0; ; attempt++ {
		v, hint, err := try(&t)
		switch {
		case err == nil:
			return v, nil
		case ctx.Err() != nil:
			return v, err
		case !hint.ok || attempt >= f.Retries:
			return v, t.told(err)
		}
		wait := f.Backoff << attempt
		if hint.after > 0 {
			if hint.after > f.MaxRetryAfter {
				return v, fmt.Errorf("%w; the server asks to retry after %s", t.told(err), hint.after)
			}
			wait = max(wait, hint.after)
		}
		if !t.roomFor(wait) {
			return v, t.told(err)
		}
		if f.pause(ctx, wait) != nil {
			return v, err
		}
		if !t.roomFor(0) { // the wait ended late: the process was stopped or starved
			return v, t.told(err)
		}
	}
}

// pause waits d between two requests to an address, or until ctx is done.
func (f *Fetcher) pause(ctx context.Context, d time.Duration) error {
	if f.wait != nil {
		return f.wait(ctx, d)
	}
	return sleep(ctx, d)
}
