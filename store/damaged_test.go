package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// damagedInTheMiddle makes a library of n articles and writes garbage over
// pages in the middle of its file, keeping its first pages (the schema), as
// a failing disk does: it opens, and a search that reaches those pages
// fails.
func damagedInTheMiddle(t *testing.T, n int) string {
	t.Helper()
	s := openTemp(t)
	importAll(t, s, generated(n)...)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	garbage := []byte(strings.Repeat("\xde\xad\xbe\xef", int(info.Size())/4/4))
	if _, err := f.WriteAt(garbage, info.Size()/2-int64(len(garbage))/2); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDamagedLaterIsDamaged: a library found damaged after it opened (a
// search reaching the broken pages) is said the way opening says it,
// once, naming the library, with what to do; IsDamaged tells it from
// other failures, so that an import stops at it.
func TestDamagedLaterIsDamaged(t *testing.T) {
	ctx := context.Background()
	path := damagedInTheMiddle(t, 2000)
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the library damaged in the middle does not open: %v", err)
	}
	defer s.Close()
	err = s.Search(ctx, "", 0, func(Article) error { return nil })
	if err == nil {
		_, err = s.Count(ctx, "grain")
	}
	if !IsDamaged(err) {
		t.Fatalf("IsDamaged(%v) = false", err)
	}
	said := Damaged(path, err)
	for _, want := range []string{"store: " + path + ": the library is damaged (", "malformed", "); " + damagedAdvice} {
		if !strings.Contains(said.Error(), want) {
			t.Errorf("%q does not say %q", said, want)
		}
	}
	if strings.Count(said.Error(), "store: ") != 1 || strings.Count(said.Error(), "damaged") != 1 {
		t.Errorf("%q says it more than once", said)
	}
	if again := Damaged(path, fmt.Errorf("export: %w", said)); again.Error() != "export: "+said.Error() {
		t.Errorf("said again: %q", again)
	}
	if !errors.Is(said, err) {
		t.Errorf("%v does not wrap %v", said, err)
	}

	for _, other := range []error{nil, errors.New("malformed"), ErrBusy, context.Canceled} {
		if IsDamaged(other) {
			t.Errorf("IsDamaged(%v) = true", other)
		}
		if got := Damaged(path, other); got != other {
			t.Errorf("Damaged(%v) = %v", other, got)
		}
	}
}
