package feeds

import (
	"slices"
	"strings"
	"testing"
)

// TestNotesMarkerInTheArticle: only the marker the export writes after the
// article, the last one with the notes' heading after it, ends the
// article's text; a marker in the text, as an earlier export left it or as
// the export escapes it now, stays with the text after it.
func TestNotesMarkerInTheArticle(t *testing.T) {
	m := NotesMarker
	escaped := EscapeNotesMarkers(m)
	notes := "\n\n" + m + "\n\n## Notes\n\nmy note\n"
	for name, tt := range map[string]struct {
		body, want string
		warned     bool // of the notes not read back
	}{
		"the export's notes":               {"The body." + notes, "The body.", true},
		"a marker in the text, then notes": {"Before.\n\n" + m + "\n\nAfter." + notes, "Before.\n\n" + m + "\n\nAfter.", true},
		"a marker in the text, no notes":   {"Before.\n\n" + m + "\n\nAfter.\n", "Before.\n\n" + m + "\n\nAfter.", false},
		"an export quoted in the text":     {"Quoted:\n\n" + m + "\n\n## Notes\n\nx\n\nMore." + notes, "Quoted:\n\n" + m + "\n\n## Notes\n\nx\n\nMore.", true},
		"a marker within a line":           {"Inline " + m + " text.\n\n## Notes\n", "Inline " + m + " text.\n\n## Notes", false},
		"the marker, notes taken out":      {"The body.\n\n" + m + "\n", "The body.", false},
		"escaped markers":                  {"A " + escaped + " b.\n\n" + escaped + "\n\n## Notes\n\nx" + notes, "A " + m + " b.\n\n" + m + "\n\n## Notes\n\nx", true},
		"escaped twice":                    {EscapeNotesMarkers(escaped) + "\n", escaped, false},
		"a marker in a note":               {"The body." + notes + "\n" + m + "\n\n## Notes\n\nquoted\n", "The body.\n\n" + m + "\n\n## Notes\n\nmy note", true},
		"a marker without its space":       {"<!--tidings: the reader's notes, not part of the article -->\n\nText.\n", "<!--tidings: the reader's notes, not part of the article -->\n\nText.", false},
		"CRLF line breaks":                 {strings.ReplaceAll("Before.\n\n"+m+"\n\nAfter."+notes, "\n", "\r\n"), "Before.\n\n" + m + "\n\nAfter.", true},
	} {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "x.md", "---\ntitle: T\nid: x-1\n---\n\n# T\n\n"+tt.body)
			a := items[0].Article
			if a.Body != tt.want {
				t.Errorf("body %q\nwant %q", a.Body, tt.want)
			}
			warned := slices.ContainsFunc(a.Warnings, func(w string) bool { return strings.Contains(w, "not read back as notes") })
			if warned != tt.warned {
				t.Errorf("warnings %q; want one of the notes: %v", a.Warnings, tt.warned)
			}
		})
	}
}

// TestEscapeNotesMarkers: escaping a text and reading it back gives it as
// it was, whatever markers and escaped markers it holds, and the text
// escaped holds no marker.
func TestEscapeNotesMarkers(t *testing.T) {
	m := NotesMarker
	spaced := func(n int) string { return "<!--" + strings.Repeat(" ", n) + notesMarkerTail }
	for _, s := range []string{"", "plain", m, m + m, spaced(2), spaced(3) + "\n" + m + "\n" + spaced(7), "<!--" + notesMarkerTail, "x" + m + "y"} {
		e := EscapeNotesMarkers(s)
		if strings.Contains(e, m) {
			t.Errorf("%q escaped as %q holds the marker", s, e)
		}
		if got := unescapeNotesMarkers(e); got != s {
			t.Errorf("%q escaped as %q reads back as %q", s, e, got)
		}
	}
}

// TestNotesMarkerFormerID: a file without an id that an earlier tidings cut
// at a marker in its text is found by the id it had then.
func TestNotesMarkerFormerID(t *testing.T) {
	before := readString(t, "x.md", "# A post\n\nBefore.\n")[0].Article
	now := readString(t, "x.md", "# A post\n\nBefore.\n\n"+NotesMarker+"\n\nAfter.\n")[0].Article
	if now.Body != "Before.\n\n"+NotesMarker+"\n\nAfter." {
		t.Errorf("body %q", now.Body)
	}
	if now.ExternalID == before.ExternalID || !slices.Contains(now.FormerIDs, before.ExternalID) {
		t.Errorf("id %q, former ids %q; want %q among the former", now.ExternalID, now.FormerIDs, before.ExternalID)
	}
}
