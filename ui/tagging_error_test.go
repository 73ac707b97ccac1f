package ui

import (
	"errors"
	"strings"
	"testing"
)

// TestTaggingErrorSaysWhy: a tagging that fails says why first on the
// status line, before the title, which may be long enough to fill it.
func TestTaggingErrorSaysWhy(t *testing.T) {
	m := start(t, newLibrary(t, 3), Config{}, 80, 24)
	r := root(t, m)
	long := "“At imports of drones " + strings.Repeat("and a great many words more ", 8) + "”"
	r.handleTagged(long, []string{"mytag"}, nil, nil, errors.New("store: tag: database is locked (5) (SQLITE_BUSY)"))
	if want := "Tags not changed: store: tag: database is locked (5) (SQLITE_BUSY)"; !strings.HasPrefix(r.status, want) || !r.statusErr {
		t.Errorf("status %q, want it to start %q", r.status, want)
	}
	if !strings.Contains(r.status, long) {
		t.Errorf("status %q does not name what was being tagged", r.status)
	}
}
