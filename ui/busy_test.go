package ui

import (
	"fmt"
	"testing"

	"tidings/store"
)

// TestBusyLibraryIsSaidInWords: a write refused because another tidings
// holds the library is told as the library busy, without the store's
// prefixes that would push the advice off the status line.
func TestBusyLibraryIsSaidInWords(t *testing.T) {
	var m Model
	m.setError("saving read", fmt.Errorf("store: set read: %w", store.ErrBusy))
	if want := "saving read: " + store.ErrBusy.Error(); m.status != want || !m.statusErr {
		t.Errorf("status %q, want %q", m.status, want)
	}
}
