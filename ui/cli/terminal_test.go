package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
	"tidings/ui"
)

// hostile is text with everything that must not reach a terminal: SGR and
// cursor sequences, a title change, a clipboard write, a bell, a C1 CSI, a
// bidi override and an isolate, and a numeric reference to ESC.
const hostile = "A\x1b[31mRED\x1b[0m\a\x1b]0;owned\x07\x1b]52;c;cm0=\x07\u009b2J\u202Egpj.exe\u2066B\u2069&#27;[2J zzz"

// checkTerminalSafe fails when out holds a control character other than
// newline and tab, an escape or C1 sequence, or a bidi override or isolate.
func checkTerminalSafe(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			t.Errorf("%s: control %U at %d in %q", what, r, i, out)
			return
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			t.Errorf("%s: bidi control %U at %d in %q", what, r, i, out)
			return
		}
	}
	if strings.Contains(out, "&#27;") {
		t.Errorf("%s: a reference to ESC in %q", what, out)
	}
}

// hostileLibrary is a library whose article 1 has hostile text in every
// field, a note with a hostile quote and text, and a rule with a hostile
// query.
func hostileLibrary(t *testing.T) (*store.Store, store.Article, []store.Annotation) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	// Stored as an older tidings or another program might have: raw.
	if _, err := st.Import(ctx, []feeds.Article{{
		ExternalID: "h", Source: hostile, Title: hostile, URL: "https://example.com/" + hostile,
		Author: hostile, Published: day, Tags: []string{hostile},
		Body: "First line " + hostile + "\n\n" + "\u202Eevil\u202C and \u2067isolated\u2069 and שלום\n",
	}}); err != nil {
		t.Fatal(err)
	}
	a, err := st.ArticleByExternalID(ctx, "h")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAnnotation(ctx, store.Annotation{ArticleID: a.ID, Quote: "evil\u202E quote", Note: "my \u2066note\u2069 " + hostile}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddRule(ctx, hostile, []string{"ctl"}); err != nil {
		t.Fatal(err)
	}
	anns, err := st.Annotations(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return st, a, anns
}

// TestOutputIsTerminalSafe runs every printing function of the command line
// on hostile text and checks what reaches the terminal.
func TestOutputIsTerminalSafe(t *testing.T) {
	ctx := context.Background()
	st, a, anns := hostileLibrary(t)
	rules, err := st.Rules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fetchErr := fmt.Errorf("503 %s", hostile)
	tests := map[string]func(w *bytes.Buffer) error{
		"search": func(w *bytes.Buffer) error { return Search(ctx, st, w, "", SearchOptions{}) },
		"search, cut to 40": func(w *bytes.Buffer) error {
			return Search(ctx, st, w, "", SearchOptions{Width: 40})
		},
		"show":     func(w *bytes.Buffer) error { _, err := w.WriteString(Markdown(a, anns)); return err },
		"tags":     func(w *bytes.Buffer) error { return Tags(ctx, st, w) },
		"rule add": func(w *bytes.Buffer) error { return PrintRule(w, rules[0]) },
		"rule list": func(w *bytes.Buffer) error {
			return ListRules(w, rules, []Rule{{Query: hostile, Tags: []string{hostile}}})
		},
		"rule apply": func(w *bytes.Buffer) error {
			PrintRuleCounts(w, append(rules, store.Rule{Query: hostile, Tags: []string{hostile}}),
				[]store.Tagging{{Articles: 1}, {Articles: 2, Added: []store.TagChange{{Name: hostile, Articles: 1}}}})
			return nil
		},
		"fetch summary": func(w *bytes.Buffer) error {
			PrintFetchSummary(w, w, FetchReport{Feeds: 1, Failed: []Problem{{File: hostile, Reason: hostile}}}, time.Second)
			return nil
		},
		"fetch progress": func(w *bytes.Buffer) error {
			FetchProgress(w, false, 80)(1, 1, feeds.FetchResult{Sub: feeds.Subscription{URL: hostile}, Err: fetchErr}, store.FetchStats{})
			return nil
		},
		"export summary": func(w *bytes.Buffer) error {
			PrintExportSummary(w, w, ExportReport{Dest: hostile, Failed: []Problem{{File: hostile, Reason: hostile}}})
			return nil
		},
		"error text": func(w *bytes.Buffer) error {
			_, err := w.WriteString(ErrorText(errors.Join(fetchErr, errors.New(hostile))))
			return err
		},
		"one line":  func(w *bytes.Buffer) error { _, err := w.WriteString(OneLine(hostile)); return err },
		"one lines": func(w *bytes.Buffer) error { _, err := w.WriteString(OneLines([]string{hostile, hostile})); return err },
	}
	for name, print := range tests {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := print(&b); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), "RED") && name != "tags" {
				t.Errorf("the text itself is gone: %q", b.String())
			}
			checkTerminalSafe(t, name, b.String())
		})
	}
}

// TestErrorsQuotingInputAreTerminalSafe: errors that quote a path, a URL or
// an argument the user gave say it without its control characters.
func TestErrorsQuotingInputAreTerminalSafe(t *testing.T) {
	ctx := context.Background()
	st, _, _ := hostileLibrary(t)
	dir := t.TempDir()
	config := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(config, []byte("\"\\u001b[31mkey\\u202e\" = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badTOML := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(badTOML, []byte("theme = \"\x1b[31m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notADir := filepath.Join(dir, "file\x1b[31m\u202E")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := map[string]func() error{
		"feed add": func() error {
			_, _, err := AddFeed(ctx, st, feeds.NewFetcher(), nil, "http://x/\x1b[31m\u202E", nil)
			return err
		},
		"opml import, missing file": func() error {
			_, _, err := ImportOPML(ctx, st, filepath.Join(dir, "no\x1b[31m\u202E.opml"), &bytes.Buffer{})
			return err
		},
		"tag, flag after ids": func() error { _, _, err := ParseTagArgs([]string{"1", "--\x1b[31m\u202E"}, ui.TagWord); return err },
		"tag, not an id":      func() error { _, _, err := ParseTagArgs([]string{"\x1b[31m\u202E", "+a"}, ui.TagWord); return err },
		"export, bad folder": func() error {
			_, err := Export(ctx, st, nil, ExportOptions{Format: "md", Out: filepath.Join(notADir, "sub")})
			return err
		},
		"export, bad format":  func() error { return ExportOptions{Format: "\x1b[31m\u202E"}.Check() },
		"config, unknown key": func() error { _, err := LoadConfig(config); return err },
		"config, bad toml":    func() error { _, err := LoadConfig(badTOML); return err },
	}
	for name, run := range tests {
		t.Run(name, func(t *testing.T) {
			err := run()
			if err == nil {
				t.Fatal("no error")
			}
			checkTerminalSafe(t, name, err.Error())
		})
	}
}

// TestOPMLImportPrintsCleanPath: the summary names the file without its
// control characters.
func TestOPMLImportPrintsCleanPath(t *testing.T) {
	ctx := context.Background()
	st, _, _ := hostileLibrary(t)
	path := filepath.Join(t.TempDir(), "subs\x1b[31m\u202E.opml")
	opml := `<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="x" xmlUrl="https://example.com/feed.xml"/></body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, _, err := ImportOPML(ctx, st, path, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "1 feed in") {
		t.Errorf("summary %q", b.String())
	}
	checkTerminalSafe(t, "opml import", b.String())
}

// TestShowKeepsTheStoredBody: show strips bidi controls from what it
// prints, while the library and search --json keep the body as it came.
func TestShowKeepsTheStoredBody(t *testing.T) {
	_, a, anns := hostileLibrary(t)
	md := Markdown(a, anns)
	for _, want := range []string{"evil and isolated and שלום", "> evil quote", "my note"} {
		if !strings.Contains(md, want) {
			t.Errorf("show lost %q:\n%s", want, md)
		}
	}
	if !strings.Contains(a.Body, "\u202Eevil\u202C") {
		t.Errorf("stored body changed: %q", a.Body)
	}
	if r := Record(a, anns); r.Body != a.Body || r.Annotations.Notes[0].Note != anns[0].Note {
		t.Errorf("JSON record changed the body or note: %q", r.Body)
	}
}

// TestShowMarksOrphanedPassages: a passage the article no longer holds is
// said to be gone, as the reader and the Markdown export say.
func TestShowMarksOrphanedPassages(t *testing.T) {
	a := store.Article{Title: "T", Body: "A new body."}
	anns := []store.Annotation{
		{Quote: "The doomed sentence.", Note: "gone now", Orphaned: true},
		{Quote: "A new body.", Note: "still here"},
	}
	md := Markdown(a, anns)
	want := "> The doomed sentence.\n\n*This passage is no longer in the article.*\n\ngone now\n"
	if !strings.Contains(md, want) {
		t.Errorf("show of an orphaned passage:\n%s", md)
	}
	if strings.Count(md, "no longer in the article") != 1 {
		t.Errorf("the passage still there is marked too:\n%s", md)
	}
}

func TestTagsAlignCleanNames(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "a", Title: "a", Body: "a", Tags: []string{"東京"}},
		{ExternalID: "b", Title: "b", Body: "b", Tags: []string{"long-tag", "x"}},
	}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Tags(ctx, st, &b); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"long-tag  1": true, "x         1": true, "東京      1": true}
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if !want[l] {
			t.Errorf("line %q not aligned; all:\n%s", l, b.String())
		}
	}
}

// TestLineAlignsWideSources: search's columns line up whatever the width of
// the source's characters.
func TestLineAlignsWideSources(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	var titleAt []int
	for _, src := range []string{"AP", "日本のニュース速報", "Ελλάδα", "🚀 Launch"} {
		line := Line(store.Article{ID: 1, Source: src, Title: "Title", Published: day}, 0)
		i := strings.Index(line, "Title")
		titleAt = append(titleAt, ansi.StringWidth(line[:i]))
	}
	for _, at := range titleAt[1:] {
		if at != titleAt[0] {
			t.Errorf("titles start at columns %v", titleAt)
			break
		}
	}
}

// TestTagsColumnIsBounded: one very long tag does not push every other
// tag's count out of sight.
func TestTagsColumnIsBounded(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.Import(ctx, []feeds.Article{{ExternalID: "a", Title: "A", Body: "Text.", Tags: []string{"short", strings.Repeat("long", 500)}}}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Tags(ctx, st, &out); err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(out.String()) {
		if strings.HasPrefix(line, "short") && ansi.StringWidth(line) > maxTagColumn+10 {
			t.Errorf("the short tag's line is %d wide", ansi.StringWidth(line))
		}
	}
}
