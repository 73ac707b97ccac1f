package e2e

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// hostileSeqs are byte sequences a terminal would act on: escape sequences
// (CSI, OSC, DCS), the bell, C1 controls in UTF-8 and NUL.
var hostileSeqs = regexp.MustCompile("\x1b|\x07|\x00|\u009b|\u009d|\u0090|\u009c")

// hostileSeqsInTUI are the sequences a TUI's output must not hold: it writes
// escape sequences of its own, so the test looks for the ones planted.
var hostileSeqsInTUI = map[string]string{
	"OSC 52 from a tag":       "\x1b]52;c;dGFn",
	"OSC 52 from a note":      "\x1b]52;c;bm90ZQ",
	"OSC 52 from a feed":      "\x1b]52;c;ZmVlZA",
	"OSC 52 from an entity":   "\x1b]52;c;ZW50",
	"OSC 52 from an error":    "\x1b]52;c;ZXJy",
	"OSC 8 link from a title": "\x1b]8;;http://evil",
	"C1 CSI":                  "\u009b",
	"C1 OSC":                  "\u009d",
	"DCS":                     "\x1bPq",
	"bell in text":            "\x07evil",
	"bidi override":           "\u202e",
	"zero-width space":        "\u200b",
}

// checkClean fails the test if out holds anything a terminal would act on.
func checkClean(t *testing.T, what, out string) {
	t.Helper()
	if loc := hostileSeqs.FindStringIndex(out); loc != nil {
		t.Errorf("%s passes on %q: %q", what, out[loc[0]:loc[1]], out[max(0, loc[0]-40):min(len(out), loc[1]+40)])
	}
	for _, bad := range []string{"\u202e", "\u200b"} {
		if strings.Contains(out, bad) {
			t.Errorf("%s passes on %+q", what, bad)
		}
	}
}

// hostileFeed is an RSS feed whose titles carry C1 controls and numeric
// references that decode to escape sequences.
const hostileFeed = `<?xml version="1.0"?><rss version="2.0"><channel>
<title>Feed &amp;#27;]52;c;ZmVlZA==&amp;#7; title ` + "\u009d" + `0;pwned` + "\u009c" + `</title><link>http://example.org/</link>
<item><title>Item &amp;#x1b;]52;c;ZW50&amp;#x07; ` + "\u009b" + `2J story</title><link>http://example.org/1</link><guid>evil-1</guid>
<description>&lt;p&gt;Body &amp;#27;[2J with &amp;#x9b;31m entities&lt;/p&gt;</description></item>
</channel></rss>`

// TestHostileTextEverywhere plants escape sequences in every place text
// enters tidings — article titles and bodies, tags, notes, a feed's title,
// a feed server's error — and checks that no command's output and no screen
// of the TUI passes them on.
func TestHostileTextEverywhere(t *testing.T) {
	var failing atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !failing.Load() {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, hostileFeed)
			return
		}
		// A reason phrase is the server's own text: make it hostile.
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 503 Busy \x1b]52;c;ZXJy\x07\x1b[2J\u009b2J now\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		buf.Flush()
	}))
	defer srv.Close()

	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	evil := filepath.Join(dir, "evil.txt")
	err := os.WriteFile(evil, []byte(" date 2025-02-01 (EVIL) Evil \x1b]8;;http://evil.example/\x1b\\linked\x1b]8;;\x1b\\ title \x1bPq#0\x1b\\ and \x07evil bells.\n\n\n\n"+
		"Body \x1b]52;c;ZW50aXR5\x07 and \u009b2J and \u009d0;t\u009c.\n\n\n\nEVIL01022025000000000001ID0000000001\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, lib, "import", evil)
	out := mustRun(t, lib, "feed", "add", srv.URL+"/feed.xml")
	checkClean(t, "feed add", out)
	recs := searchJSON(t, lib, "")
	if len(recs) != 2 {
		t.Fatalf("%d articles, want 2", len(recs))
	}
	id := fmt.Sprint(recs[0].ID)
	for _, r := range recs {
		if strings.Contains(r.Title, "Evil") {
			id = fmt.Sprint(r.ID)
		}
	}
	mustRun(t, lib, "tag", id, "+\x1b]52;c;dGFn\x07evil", "+bidi\u202egpj.exe", "+zero\u200bwidth")
	mustRun(t, lib, "note", id, "My \x1b]52;c;bm90ZQ==\x07note \x1b[2J\u009b2J here")

	failing.Store(true)
	r := tidings(t, lib, nil, "fetch")
	if r.code != 1 || !strings.Contains(r.stdout+r.stderr, "503") {
		t.Errorf("fetch of a failing feed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	checkClean(t, "fetch", r.stdout+r.stderr)
	list := mustRun(t, lib, "feed", "list")
	if !strings.Contains(list, "503") || !strings.Contains(list, "Feed") {
		t.Errorf("feed list lacks the feed or its error:\n%s", list)
	}
	checkClean(t, "feed list", list)
	for _, args := range [][]string{
		{"search", ""}, {"search", "--json", ""}, {"tags"}, {"show", id}, {"export", "--format", "json"},
		{"opml", "export"}, {"rule", "list"},
	} {
		r := tidings(t, lib, nil, args...)
		checkClean(t, strings.Join(args, " "), r.stdout+r.stderr)
	}

	// The TUI: the list, the reader with the note, the tags panel.
	tm := startTerm(t, 120, 30, nil, bin, "--library", lib)
	tm.waitFor(`Evil`, screenTimeout)
	tm.waitFor(`Item`, screenTimeout)
	for range 2 {
		tm.send(keyEnter)
		tm.waitFor(`Body`, screenTimeout)
		tm.send(keyEsc)
		tm.waitGone(`Body`, screenTimeout)
		tm.send(keyDown)
	}
	tm.send("#")
	tm.waitFor(`HTTP 503 Busy 2J now`, screenTimeout) // U+009B goes alone, its "2J" is text
	tm.send(keyEsc)
	tm.waitGone(`HTTP 503`, screenTimeout)
	tm.send("q")
	tm.wait(screenTimeout)
	raw := tm.rawOutput()
	for name, seq := range hostileSeqsInTUI {
		if bytes.Contains(raw, []byte(seq)) {
			t.Errorf("the terminal received %s (%q)", name, seq)
		}
	}
}

// TestHostileTitles imports titles with invalid UTF-8, NUL bytes, bidi
// overrides and zero-width characters and checks what the list, search and
// the TUI show.
func TestHostileTitles(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	jsonl := `{"external_id":"t1","title":"Nul\u0000title \u202eexe.txt","body":"One."}
{"external_id":"t2","title":"Zero\u200bwidth\u2060joined\ufeff","body":"Two."}
{"external_id":"t3","title":"Isolates \u2066a\u2067b\u2069 end","body":"Three."}
`
	bad := " date 2025-03-01 (BAD) Broken \xff\xfe bytes \xc3 in the title.\n\n\n\nSecond.\n\n\n\nBAD01032025000000000001ID0000000001\n"
	if err := os.WriteFile(filepath.Join(dir, "t.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, lib, "import", filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "bad.txt"))
	titles := map[string]string{}
	for _, r := range searchJSON(t, lib, "") {
		titles[r.ExternalID] = r.Title
		checkClean(t, "title "+r.ExternalID, r.Title)
		if strings.ContainsAny(r.Title, "\u2060\ufeff\u2066\u2067\u2069") {
			t.Errorf("title %q keeps an invisible or replacement character", r.Title)
		}
	}
	for ext, want := range map[string]string{"t1": "Nul", "t2": "Zero", "t3": "Isolates", "BAD01032025000000000001ID0000000001": "Broken"} {
		if !strings.HasPrefix(titles[ext], want) {
			t.Errorf("%s: title %q", ext, titles[ext])
		}
	}
	checkClean(t, "search", mustRun(t, lib, "search", ""))

	tm := startTerm(t, 100, 20, nil, bin, "--library", lib)
	tm.waitFor(`Broken`, screenTimeout)
	tm.waitFor(`Isolates`, screenTimeout)
	tm.send("q")
	tm.wait(screenTimeout)
	raw := string(tm.rawOutput())
	for _, bad := range []string{"\u202e", "\u200b", "\u2060", "\u2066", "\x00", "\xff"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the terminal received %+q", bad)
		}
	}
}

// TestHugeArticle imports a 50 MB article and opens it: the import
// finishes, and the reader answers keys at once, shows the start of the
// article and says it is cut.
func TestHugeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("a 50 MB article takes seconds to import")
	}
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	var b strings.Builder
	b.WriteString("---\ntitle: A huge article\ndate: 2025-01-02\n---\n\nThe first paragraph of the huge article.\n\n")
	para := strings.Repeat("Another sentence of the huge article goes here. ", 20) + "\n\n"
	for b.Len() < 50<<20 {
		b.WriteString(para)
	}
	huge := filepath.Join(dir, "huge.md")
	if err := os.WriteFile(huge, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, lib, "import", samplePath(t))
	start := time.Now()
	out := mustRun(t, lib, "import", huge)
	if !strings.Contains(out, "1 added") {
		t.Fatalf("import of a 50 MB article:\n%s", out)
	}
	t.Logf("a 50 MB article imports in %v", time.Since(start))

	tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
	tm.waitFor(`A huge article`, screenTimeout)
	// Keys answer while the article loads and renders: help opens and
	// closes at once.
	opened := time.Now()
	tm.send(keyEnter)
	tm.send("?")
	tm.waitFor(`half page down`, screenTimeout)
	t.Logf("help opened %v after enter", time.Since(opened))
	tm.send(keyEsc)
	tm.waitGone(`half page down`, screenTimeout)
	tm.waitFor(`The first paragraph of the huge article`, screenTimeout)
	t.Logf("the reader shows the start %v after enter", time.Since(opened))
	tm.send("G")
	tm.waitFor(`The article is cut here`, 30*time.Second)
	t.Logf("the end of the rendering shows %v after enter", time.Since(opened))
	tm.send(keyEsc)
	tm.waitFor(`In a startling revelation`, screenTimeout)
	tm.send("q")
	if code := tm.wait(screenTimeout); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// fileState is what a library file is on disk: its bytes and its time.
type fileState struct {
	data  []byte
	mtime time.Time
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{data, info.ModTime()}
}

func (f fileState) same(g fileState) bool {
	return bytes.Equal(f.data, g.data) && f.mtime.Equal(g.mtime)
}

// TestLibrariesTidingsMustNotTouch opens files that are not libraries, or
// libraries of a newer tidings: a clear message, exit 1, the file as it was
// and no -wal or -shm beside it.
func TestLibrariesTidingsMustNotTouch(t *testing.T) {
	dir := t.TempDir()
	newer := filepath.Join(dir, "newer.db")
	mustRun(t, newer, "import", samplePath(t))
	db := openDB(t, newer)
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("my precious notes, not a database\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	db = openDB(t, other)
	if _, err := db.Exec("CREATE TABLE mine(x); INSERT INTO mine VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for name, tc := range map[string]struct{ path, want string }{
		"not SQLite":           {text, "not an SQLite database"},
		"a newer library":      {newer, "schema version 99"},
		"another program's db": {other, "another program"},
	} {
		t.Run(name, func(t *testing.T) {
			before := stateOf(t, tc.path)
			for _, args := range [][]string{{"search", "--count", ""}, {"import", samplePath(t)}, {"tag", "1", "+x"}, {"--read-only", "tags"}} {
				r := tidings(t, tc.path, nil, args...)
				if r.code != 1 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, tc.path) {
					t.Errorf("%v: exit %d, stderr %q; want 1 and a message naming the file and saying %q", args, r.code, r.stderr, tc.want)
				}
			}
			tm := startTerm(t, 80, 20, nil, bin, "--library", tc.path)
			if code := tm.wait(screenTimeout); code != 1 {
				t.Errorf("the TUI exits %d", code)
			}
			if s := tm.screen(); !strings.Contains(s, tc.want) {
				t.Errorf("the TUI does not say why:\n%s", s)
			}
			if !stateOf(t, tc.path).same(before) {
				t.Error("the file was changed")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(tc.path + side); err == nil {
					t.Errorf("%s%s was created", filepath.Base(tc.path), side)
				}
			}
		})
	}
}

// TestReadingWritesNothing browses a library with --read-only in the TUI
// and runs the reading commands without it: the library file keeps its
// bytes and its time; in the TUI a write is refused with a message.
func TestReadingWritesNothing(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	mustRun(t, lib, "note", "1", "a note")
	before := stateOf(t, lib)

	for _, args := range [][]string{{"search", ""}, {"search", "--json", "luftwaffe"}, {"search", "--count", "is:unread"},
		{"show", "1"}, {"tags"}, {"feed", "list"}, {"rule", "list"}, {"export", "--format", "json"}, {"opml", "export"}} {
		mustRun(t, lib, args...)
		if !stateOf(t, lib).same(before) {
			t.Fatalf("tidings %v changed the library", args)
		}
	}

	tm := startTerm(t, 100, 30, nil, bin, "--library", lib, "--read-only")
	tm.waitFor(`tidings · library.db +read-only`, screenTimeout)
	tm.waitFor(`In a startling revelation`, screenTimeout)
	tm.send("s")
	tm.waitFor(`cannot star: the library is read-only`, screenTimeout)
	tm.send(keyEnter)
	tm.waitFor(`Margarita Simonyan`, screenTimeout)
	// No note editor opens (a is not offered); G scrolls to the notes.
	tm.send("a")
	tm.send("G")
	if s := tm.waitFor(`a note`, screenTimeout); strings.Contains(s, "ctrl+s save") {
		t.Errorf("a note editor opened in a read-only library:\n%s", s)
	}
	tm.send(keyEsc)
	tm.waitFor(`tidings · library.db`, screenTimeout)
	tm.send("q")
	tm.wait(screenTimeout)
	if !stateOf(t, lib).same(before) {
		t.Error("a --read-only session changed the library")
	}
	if recs := searchJSON(t, lib, ""); recs[0].Read || recs[0].Starred {
		t.Errorf("a --read-only session wrote: read %v, starred %v", recs[0].Read, recs[0].Starred)
	}

	// Commands that write say the library is read-only and write nothing:
	// bad usage (exit 2).
	for _, args := range [][]string{{"tag", "1", "+x"}, {"note", "1", "more"}, {"import", samplePath(t)},
		{"feed", "add", "http://127.0.0.1:1/feed.xml"}, {"rule", "add", "--tag", "x", "y"}, {"rule", "apply"}} {
		r := tidings(t, lib, nil, append([]string{"--read-only"}, args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, "read-only") {
			t.Errorf("--read-only %v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
	}
	if !stateOf(t, lib).same(before) {
		t.Error("a refused write changed the library")
	}
}

// TestOlderLibraryIsUpgradedAndSaysSo: a library of an earlier tidings is
// upgraded when opened for writing, with a line on stderr (on a large
// library that takes a while), and reads as before.
func TestOlderLibraryIsUpgradedAndSaysSo(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "older.db")
	mustRun(t, lib, "import", samplePath(t))
	db := openDB(t, lib)
	// Schema 4: before feeds kept the address their ids are made from
	// (migration 5) and articles what their files carried (6), before CJK
	// characters were words of their own (7, nothing to drop), feeds kept
	// their names (8), tag names were composed (9, nothing to drop), the
	// read articles had an index (10), tags their folded names (13),
	// feeds the normal forms of their addresses (16), deleted articles
	// were remembered (17) and feeds the normal forms of the addresses
	// they moved from (18).
	if _, err := db.Exec("DROP TRIGGER feeds_id_base_set; DROP INDEX feeds_id_base_normal; ALTER TABLE feeds DROP COLUMN id_base_normal; " +
		"ALTER TABLE feeds DROP COLUMN id_base; ALTER TABLE articles DROP COLUMN carried; " +
		"ALTER TABLE feeds DROP COLUMN named; DROP INDEX articles_read; " +
		"DROP INDEX tags_folded; ALTER TABLE tags DROP COLUMN folded; " +
		"DROP TRIGGER feeds_url_moved; DROP INDEX feeds_url_normal; ALTER TABLE feeds DROP COLUMN url_normal; DROP TABLE deleted_articles; PRAGMA user_version = 4"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if r := tidings(t, lib, nil, "--read-only", "search", "--count", "luftwaffe"); r.code != 1 || !strings.Contains(r.stderr, "needs upgrading") {
		t.Errorf("a read-only open of an older library: exit %d, stderr %q", r.code, r.stderr)
	}
	r := tidings(t, lib, nil, "search", "--count", "luftwaffe")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "1" {
		t.Fatalf("search after the upgrade: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "upgrading the library from schema 4 to") {
		t.Errorf("the upgrade was not announced: stderr %q", r.stderr)
	}
	if r := tidings(t, lib, nil, "search", "--count", "luftwaffe"); r.stderr != "" {
		t.Errorf("an upgraded library is announced again: %q", r.stderr)
	}
}
