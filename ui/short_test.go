package ui

import (
	"context"
	"strings"
	"testing"

	"tidings/store"
)

// On a terminal of a few lines the text comes first: the list shows at
// least one row and the reader a line of the article, the blank status
// line and the footer giving way before what is above them.
func TestShortTerminals(t *testing.T) {
	lib := newLibrary(t, 5)
	const (
		row    = "Article 000"
		header = "tidings"
		footer = "↑/k up"
		title  = "Article 000: Leaked audio"
		meta   = "MENAFN ·"
		rule   = "───"
		text   = "startling revelation number 0"
		blank  = ""
	)
	tests := []struct {
		height       int
		list, reader []string // what each line holds, top to bottom
	}{
		{1, []string{row}, []string{text}},
		{2, []string{header, row}, []string{title, text}},
		{3, []string{header, row, footer}, []string{title, rule, text}},
		{4, []string{header, row, blank, footer}, []string{title, meta, rule, text}},
		{5, []string{header, row, "Article 001", blank, footer}, []string{title, meta, rule, text, "esc/h back"}},
		{6, []string{header, row, "Article 001", "Article 002", blank, footer}, []string{title, meta, rule, text, blank, "esc/h back"}},
	}
	check := func(t *testing.T, screen string, want []string) {
		t.Helper()
		lines := strings.Split(screen, "\n")
		for i, w := range want {
			if i >= len(lines) {
				break
			}
			if got := strings.TrimSpace(lines[i]); w == blank && got != "" || !strings.Contains(got, w) {
				t.Errorf("line %d is %q, want %q in it:\n%s", i, got, w, screen)
			}
		}
	}
	for _, tt := range tests {
		m := start(t, lib, Config{}, 80, tt.height)
		checkFits(t, m, 80, tt.height)
		check(t, viewText(m), tt.list)
		m = steps(t, m, "enter")
		checkFits(t, m, 80, tt.height)
		check(t, viewText(m), tt.reader)
	}

	// A message takes the only line left under the rows, instead of the
	// footer's help.
	m := start(t, lib, Config{}, 80, 3)
	m = steps(t, m, "s")
	status := strings.TrimSpace(viewTextOf(root(t, m).statusLine()))
	if status == "" {
		t.Fatal("s said nothing")
	}
	check(t, viewText(m), []string{header, row, status})

	// While filtering, the filter line stays over the row.
	m = start(t, lib, Config{}, 80, 2)
	m = steps(t, m, "/", "x")
	checkFits(t, m, 80, 2)
	if lines := strings.Split(viewText(m), "\n"); !strings.Contains(lines[0], "x") || strings.Contains(lines[0], header) {
		t.Errorf("filtering on 2 lines:\n%s", viewText(m))
	}
}

// TestShortBrowser: the annotation browser on a terminal too short for an
// item under its heading still shows the item at the cursor.
func TestShortBrowser(t *testing.T) {
	lib := newLibrary(t, 3)
	ctx := context.Background()
	rows, _ := lib.Page(ctx, store.PageRequest{Limit: 1})
	if _, err := lib.AddAnnotation(ctx, store.Annotation{ArticleID: rows[0].ID, Note: "a note seen on a short terminal"}); err != nil {
		t.Fatal(err)
	}
	for _, height := range []int{3, 4, 5, 6} {
		m := start(t, lib, Config{}, 80, height)
		m = step(t, m, press("A"))
		if s := viewText(m); !strings.Contains(s, "a note seen on a short terminal") && !strings.Contains(s, "Article 000") {
			t.Errorf("at %d lines the browser shows no annotation:\n%s", height, s)
		}
	}
}

// TestBrowserLongNote: a note of a megabyte shows its start in the
// annotation browser, the filter's word highlighted there.
func TestBrowserLongNote(t *testing.T) {
	lib := newLibrary(t, 2)
	ctx := context.Background()
	rows, _ := lib.Page(ctx, store.PageRequest{Limit: 1})
	note := "kappa starts it. " + strings.Repeat("more words of a long note ", 40000)
	if _, err := lib.AddAnnotation(ctx, store.Annotation{ArticleID: rows[0].ID, Note: note}); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{}, 80, 20)
	m = steps(t, m, "A")
	if s := viewText(m); !strings.Contains(s, "✎ kappa starts it. more words") {
		t.Errorf("the note's start is not shown:\n%s", s)
	}
}
