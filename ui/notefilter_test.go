package ui

import (
	"context"
	"strings"
	"testing"
)

// TestBrowserFilterNarrows: the annotation browser's filter lists the notes
// that have its words, in the note or its passage; tag:, source:, title:,
// is: and dates pick the articles whose notes are listed, and a part that
// mixes both picks articles.
func TestBrowserFilterNarrows(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	// The notes, newest first, by what the browser shows of them.
	const (
		gone   = "✎ Gone now."
		taurus = "✎ Follow up with Taurus sources."
		leak   = "“a leaked audio recording has emerged”"
		sixth  = "✎ Why the sixth paragraph?"
	)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"", []string{gone, taurus, leak, sixth}},
		{"taurus", []string{taurus}},
		{"taur", []string{taurus}},       // kept as taur*
		{"leaked", []string{leak}},       // in the passage
		{"paragraph", []string{sixth}},   // in the note and the passage
		{`"the sixth"`, []string{sixth}}, // a phrase
		{"SIXTH PARAGRAPHS", nil},        // whole words, both
		{"berlin", nil},                  // only in the articles' text
		{"longer", []string{gone}},       // in a passage its article no longer has
		{"gone OR taurus", []string{gone, taurus}},
		{"gone taurus", nil},                             // no note has both
		{"-taurus", []string{gone, leak, sixth}},         // its article's other notes stay
		{"-leaked", []string{gone, taurus, sixth}},       // in a passage; the article's other note stays
		{"-berlin", []string{gone, taurus, leak, sixth}}, // only in the articles' text
		{"-taurus -sixth", []string{gone, leak}},
		{"-(taurus OR sixth)", []string{gone, leak}},
		{"(follow OR why) -taurus", []string{sixth}},
		{"recording OR -paragraph", []string{gone, taurus, leak}},
		{"source:azernews -leaked", []string{taurus, sixth}},
		{"source:azernews", []string{taurus, leak, sixth}},
		{"source:azernews leaked", []string{leak}},
		{`leaked OR source:"kyiv independent"`, []string{gone, taurus, leak, sixth}},
		{`title:article -source:"kyiv independent"`, []string{taurus, leak, sixth}},
		{"is:annotated why", []string{sixth}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			m := start(t, lib, Config{}, 100, 40)
			m = steps(t, m, "A", "/")
			m = typeText(t, m, tt.query)
			m = step(t, m, press("enter"))
			b := root(t, m).browser
			if b.err != nil {
				t.Fatal(b.err)
			}
			s := viewText(m)
			var got []string
			for _, line := range strings.Split(s, "\n") {
				for _, w := range []string{gone, taurus, leak, sixth} {
					if strings.Contains(line, w) {
						got = append(got, w)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(b.rows) != len(tt.want) {
				t.Errorf("%q lists %d notes:\n%s\nwant %q", tt.query, len(b.rows), s, tt.want)
			}
		})
	}
}

// TestNotesMatchingPastTheLimit: when the newest notes of the articles a
// query finds do not have its words, the older ones that do are still
// listed, up to the limit. (Every article has "paragraph" in its text: the
// newest two notes are article 4's and article 2's Taurus note.)
func TestNotesMatchingPastTheLimit(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	rows, _, err := notesMatching(context.Background(), lib, "gone OR paragraph", 2)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.Note)
	}
	if strings.Join(got, "|") != "Gone now.|Why the sixth paragraph?" {
		t.Errorf("notes %q", got)
	}
	rows, _, err = notesMatching(context.Background(), lib, "", 2)
	if err != nil || len(rows) != 2 {
		t.Errorf("unfiltered, limit 2: %d rows, %v", len(rows), err)
	}
}

// TestArticleQuery: the library is asked for the articles by the terms
// about articles alone; the words, asked for or left out, are looked for in
// the notes.
func TestArticleQuery(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"taurus", ""},
		{"-epigraph", ""},
		{"union -epigraph", ""},
		{"(follow OR why) -taurus", ""},
		{`"grain deal" tau*`, ""},
		{"-tag:eu -letter", "-tag:eu"},
		{"-bullet OR tag:eu", "-bullet OR tag:eu"}, // mixed: about articles
		{"source:afp -bullet", "source:afp"},
		{"source:afp kyiv tag:eu", "source:afp tag:eu"},
		{"title:grain deal", "title:grain"},
		{"date:2024 kyiv", "date:2024"},
		{"(open", "(open"}, // does not parse: the library says why
	} {
		if got := articleQuery(tt.q); got != tt.want {
			t.Errorf("articleQuery(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
