package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"tidings/store"
)

// TestTagEditorWithManyTags: the tag editor opens on an article of 100,000
// tags in a library of as many, and draws and completes as it does for a
// few: what it offers to add are the tags the article lacks, the
// suggested first; to remove, the article's. (Drawn, it once compared
// every tag of the library with every tag of the article, for minutes.)
func TestTagEditorWithManyTags(t *testing.T) {
	const n = 100000
	has := make([]string, n)
	known := make([]store.Tag, 0, n+2)
	for i := range has {
		has[i] = fmt.Sprintf("t%d", i)
		known = append(known, store.Tag{Name: has[i], Count: 1})
	}
	known = append(known, store.Tag{Name: "Taurus", Count: 5}, store.Tag{Name: "tea", Count: 2})
	st := newStyles(true, false, nil)

	type result struct{ add, remove, completed string }
	done := make(chan result, 1)
	go func() {
		e := newTagEditor(st)
		e.start([]int64{1}, "", "a tagged article", has, 1)
		e.setKnown(known)
		e.suggested = []string{"t5", "trade"}
		e.setWidth(80, st)
		typeIn := func(s string) {
			for _, r := range s {
				e.update(press(string(r)))
			}
		}
		var r result
		typeIn("+t")
		r.add = viewTextOf(e.View(80, 24, st))
		e.update(press("tab"))
		e.update(press("tab"))
		r.completed = e.input.Value()
		e.input.SetValue("")
		typeIn("-t1")
		r.remove = viewTextOf(e.View(80, 24, st))
		done <- r
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the tag editor did not draw within a minute") // a guard against a hang, not a speed figure
	}

	line := func(view, label string) string {
		for _, l := range strings.Split(view, "\n") {
			if strings.Contains(l, label) {
				return l
			}
		}
		t.Errorf("no %q row:\n%s", label, view)
		return ""
	}
	if l := line(r.add, "on it"); !strings.Contains(l, "#t0 #t1") || !strings.Contains(l, "…") {
		t.Errorf("the article's tags: %q", l)
	}
	if l := line(r.add, "suggested"); !strings.Contains(l, "#trade") || strings.Contains(l, "#t5") {
		t.Errorf("suggested to add: %q", l)
	}
	if l := line(r.add, "tags"); !strings.Contains(l, "#Taurus #tea") || strings.Contains(l, "#t1") {
		t.Errorf("offered to add: %q", l)
	}
	if r.completed != "+Taurus" {
		t.Errorf("tab tab completed +t to %q, want +Taurus", r.completed)
	}
	if l := line(r.remove, "tags"); !strings.Contains(l, "#t1 #t10 #t11") || !strings.Contains(l, "…") {
		t.Errorf("offered to remove: %q", l)
	}
}
