package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestFullwidthSyntaxInTheFilterLine: syntax typed in an input method's
// fullwidth mode is read in the filter line as in ASCII: an ＯＲ typed last
// waits for what it joins, without an error, and enter does not keep it; a
// tag typed last is kept whole.
func TestFullwidthSyntaxInTheFilterLine(t *testing.T) {
	lib := newLibrary(t, 30)
	if err := lib.Tag(context.Background(), []int64{1}, []string{"foo"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := lib.Tag(context.Background(), []int64{2}, []string{"football"}, nil); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{}, 100, 24)
	m = step(t, m, press("/"))
	m = typeKeys(t, m, "short")
	want := shownNumbers(t, m)
	for _, typed := range []string{" ＯＲ", " ", "　"} {
		m = typeKeys(t, m, typed)
		r := root(t, m)
		if !strings.Contains(viewText(m), "`ＯＲ` waits for what it joins") {
			t.Errorf("after %q, no word that ＯＲ waits:\n%s", r.filter.input.Value(), viewText(m))
		}
		if r.filter.err != nil {
			t.Fatalf("after %q: error %v", r.filter.input.Value(), r.filter.err)
		}
		if got := shownNumbers(t, m); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("after %q the list shows %v, want %v (short's)", r.filter.input.Value(), got, want)
		}
	}
	m = step(t, m, press("enter"))
	if r := root(t, m); !r.filter.focused || !strings.Contains(r.status, "ends with ＯＲ") {
		t.Errorf("enter on a dangling ＯＲ: focused %v, status %q", r.filter.focused, r.status)
	}
	m = steps(t, m, "ctrl+u")
	m = typeKeys(t, m, "tag：foo")
	m = step(t, m, press("enter"))
	if r := root(t, m); r.list.query.text != "tag：foo" || len(r.list.rows) != 1 {
		t.Errorf("kept %q, listing %d articles; want tag：foo, 1", r.list.query.text, len(r.list.rows))
	}
}
