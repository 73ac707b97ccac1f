package ui

import (
	"context"
	"slices"
	"testing"

	"tidings/store"
)

// TestQuoteTagReadsBack: a name as completion writes it reads back as that
// name, added bare or with +, removed with -.
func TestQuoteTagReadsBack(t *testing.T) {
	names := []string{"plain", "Long Read", `tag with "quote"`, `back\slash`, `end\`, `a\"b`, `"`, "-draft", "+1", "a-b", "été"}
	for _, n := range names {
		q := quoteTag(n)
		for _, line := range []string{q, "+" + q, "x " + q + " y"} {
			if add, _ := parseTagEdits(line); !slices.Contains(add, n) {
				t.Errorf("%q written %s: %s adds %q", n, q, line, add)
			}
		}
		if _, remove := parseTagEdits("-" + q + " +z"); !slices.Equal(remove, []string{n}) {
			t.Errorf("%q written %s: -%s removes %q", n, q, q, remove)
		}
	}
}

// TestTagEditQuoteCompletion: a tag with a quote in it is completed as a
// token that adds or removes that very tag, and typed escapes complete.
func TestTagEditQuoteCompletion(t *testing.T) {
	const tag = `tag with "quote"`
	e := newTagEditor(newStyles(true, false, nil))
	e.start([]int64{1}, "", "an article", []string{tag}, 0)
	e.setKnown([]store.Tag{{Name: tag, Count: 1}, {Name: "tagged", Count: 1}})
	typeIn := func(s string) {
		for _, r := range s {
			e.update(press(string(r)))
		}
	}
	typeIn("-tag")
	e.update(press("tab")) // the article's own first
	if got, want := e.input.Value(), `-"tag with \"quote\""`; got != want {
		t.Fatalf("completed -tag to %s, want %s", got, want)
	}
	if _, remove := parseTagEdits(e.input.Value()); !slices.Equal(remove, []string{tag}) {
		t.Errorf("%s removes %q", e.input.Value(), remove)
	}

	e.start([]int64{1}, "", "an article", nil, 0)
	typeIn(`+"tag with \"q`)
	if _, o := e.candidates(); !slices.Equal(o, []string{tag}) {
		t.Errorf("candidates for an escaped quote: %q", o)
	}
	e.update(press("tab"))
	if add, _ := parseTagEdits(e.input.Value()); !slices.Equal(add, []string{tag}) {
		t.Errorf("%s adds %q", e.input.Value(), add)
	}
}

// TestTagEditQuoteApplied: in the reader's own use, tab and enter remove a
// tag with a quote in it, and add it again.
func TestTagEditQuoteApplied(t *testing.T) {
	const tag = `tag with "quote"`
	lib := newLibrary(t, 5)
	m := start(t, lib, Config{}, 100, 30)
	row, _ := root(t, m).list.current()
	if err := lib.Tag(context.Background(), []int64{row.ID}, []string{tag, "taurus"}, nil); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})
	m = steps(t, m, "t", "-", "t", "a", "g", "tab", "enter")
	if got := tagsOf(t, lib, row.ID); !slices.Equal(got, []string{"taurus"}) {
		t.Errorf("after -tag, tab: %q (status %q)", got, root(t, m).status)
	}
	m = step(t, m, press("t"))
	m = typeKeys(t, m, `+"tag with \"quote\""`)
	m = step(t, m, press("enter"))
	if got := tagsOf(t, lib, row.ID); !slices.Equal(got, []string{tag, "taurus"}) {
		t.Errorf("after typing it with escapes: %q", got)
	}
}

// TestDescribeEditReadsBack: what the status line says a line did is
// written as the line would be: a name with a space in quotes.
func TestDescribeEditReadsBack(t *testing.T) {
	add, remove := []string{"Long Read", "x"}, []string{`say "when"`}
	got := describeEdit(add, remove)
	if want := `+"Long Read" +x -"say \"when\""`; got != want {
		t.Errorf("describeEdit = %s, want %s", got, want)
	}
	if a, r := parseTagEdits(got); !slices.Equal(a, add) || !slices.Equal(r, remove) {
		t.Errorf("%s reads back as %q, %q", got, a, r)
	}
}
