package e2e

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the test reads libraries behind tidings' back
)

// Crash safety: tidings is SIGKILLed at random moments while it writes, and
// after every kill the library must open, pass SQLite's integrity check, hold
// only whole articles with their full-text rows, and a re-run must finish the
// job. TIDINGS_KILLS sets how many kills each test makes (more for a soak
// run); TIDINGS_KILL_SEED replays a run's kill moments.

// smallStream fits in one import batch (5,000 articles or more), so a
// killed import of it leaves every article as it was or every article as
// the stream has it.
const smallStream = 300

// bigStream takes long enough to import that kills land in the middle of
// writing a batch.
const bigStream = 6000

// kills is how many kills a test makes: def, or TIDINGS_KILLS.
func kills(t *testing.T, def int) int {
	t.Helper()
	if s := os.Getenv("TIDINGS_KILLS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("TIDINGS_KILLS=%q: want a positive number", s)
		}
		return n
	}
	return def
}

// killRand is the seeded source of kill moments; the seed is logged so a
// failing run can be replayed.
func killRand(t *testing.T) *rand.Rand {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("TIDINGS_KILL_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("TIDINGS_KILL_SEED=%q: %v", s, err)
		}
	}
	t.Logf("kill moments from TIDINGS_KILL_SEED=%d", seed)
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

var crashWords = strings.Fields(`harbour minister talks border storm court grain tariff summit
	bridge ferry council budget river election treaty museum festival satellite drought flood
	steel market currency bond rally vaccine parliament inflation ceasefire glacier`)

// writeStream writes articles from to from+n-1 in the sample format, back to
// back, to path; article i is dated i days after 2020-01-01 (modulo 4,000).
// Bodies differ in length (2 to 6 paragraphs) so that a torn write could not
// pass for a whole one. Streams of another version hold the same articles
// (the same ids) with other text: importing one over the other updates
// every article.
func writeStream(t testing.TB, path string, from, n int, version uint64) {
	t.Helper()
	r := rand.New(rand.NewPCG(7, version))
	sentence := func() string {
		words := make([]string, 6+r.IntN(14))
		for i := range words {
			words[i] = crashWords[r.IntN(len(crashWords))]
		}
		s := strings.Join(words, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	var b strings.Builder
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := from; i < from+n; i++ {
		d := day.AddDate(0, 0, i%4000)
		fmt.Fprintf(&b, " date %s (MENAFN) Report %d: %s", d.Format(time.DateOnly), i, sentence())
		for range 1 + r.IntN(5) {
			b.WriteString("\n\n\n\n")
			for range 1 + r.IntN(4) {
				b.WriteString(sentence() + " ")
			}
		}
		fmt.Fprintf(&b, "\n\n\n\nMENAFN%s000045015687ID%010d\n", d.Format("02012006"), 1100000000+i)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// stored is an article as the library holds it.
type stored struct {
	title, body string
}

// openDB opens a library with database/sql, not through tidings.
func openDB(t testing.TB, lib string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+lib+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	return db
}

// articlesOf reads a library's articles by external id, unchecked.
func articlesOf(t testing.TB, lib string) map[string]stored {
	t.Helper()
	db := openDB(t, lib)
	defer db.Close()
	rows, err := db.Query("SELECT external_id, title, body FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]stored{}
	for rows.Next() {
		var ext string
		var a stored
		if err := rows.Scan(&ext, &a.title, &a.body); err != nil {
			t.Fatal(err)
		}
		out[ext] = a
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkLibrary checks a library after a crash: SQLite's integrity check and
// FTS5's; every stored article whole, equal to its version in one of the
// streams it may come from (by external id); the full-text index holding
// exactly the stored articles; tidings itself able to open and count it. It
// returns, for each stored article, which of versions it equals.
func checkLibrary(t *testing.T, lib string, versions ...map[string]stored) map[string]int {
	t.Helper()
	db := openDB(t, lib)
	defer db.Close()
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	var tables int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables == 0 {
		// Killed before the new library's schema was committed: tidings
		// must take it for a new library, or, when the file is still
		// empty, for none yet (a command that only reads says so; the
		// next import makes it the library).
		if fi, err := os.Stat(lib); err == nil && fi.Size() == 0 {
			r := tidings(t, lib, nil, "search", "--count", "")
			if r.code != 1 || !strings.Contains(r.stderr, "no library at "+lib+" (an empty file") {
				t.Fatalf("an empty library file: search --count exits %d:\n%s%s", r.code, r.stdout, r.stderr)
			}
			return map[string]int{}
		}
		if n := strings.TrimSpace(mustRun(t, lib, "search", "--count", "")); n != "0" {
			t.Fatalf("a library without a schema counts %s articles", n)
		}
		return map[string]int{}
	}
	if _, err := db.Exec("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"); err != nil {
		t.Fatalf("the full-text index's integrity-check: %v", err)
	}
	rows, err := db.Query("SELECT external_id, title, body, sort_key FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	keys := map[int64]bool{}
	for rows.Next() {
		var ext string
		var a stored
		var key int64
		if err := rows.Scan(&ext, &a.title, &a.body, &key); err != nil {
			t.Fatal(err)
		}
		if _, dup := got[ext]; dup {
			t.Fatalf("%s stored twice", ext)
		}
		v := slices.IndexFunc(versions, func(m map[string]stored) bool { return m[ext] == a })
		if v < 0 {
			w := versions[0][ext]
			t.Fatalf("article %s is not whole: %d-byte body in %d paragraphs, the stream has %d bytes in %d",
				ext, len(a.body), strings.Count(a.body, "\n\n")+1, len(w.body), strings.Count(w.body, "\n\n")+1)
		}
		got[ext] = v
		keys[key] = true
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	// The index's rowid is the article's sort key.
	indexed := 0
	fts, err := db.Query("SELECT rowid FROM article_fts")
	if err != nil {
		t.Fatal(err)
	}
	for fts.Next() {
		var key int64
		if err := fts.Scan(&key); err != nil {
			t.Fatal(err)
		}
		if !keys[key] {
			t.Fatalf("the full-text index holds row %d, which is no stored article", key)
		}
		indexed++
	}
	if err := fts.Close(); err != nil {
		t.Fatal(err)
	}
	if indexed != len(got) {
		t.Fatalf("the full-text index holds %d articles, the library %d", indexed, len(got))
	}
	if n := strings.TrimSpace(mustRun(t, lib, "search", "--count", "")); n != strconv.Itoa(len(got)) {
		t.Fatalf("tidings counts %s articles, the library holds %d", n, len(got))
	}
	return got
}

// killAfter starts tidings with args, SIGKILLs it after d, and reports
// whether the kill came while it still ran.
func killAfter(t *testing.T, lib string, d time.Duration, args ...string) bool {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--library", lib}, args...)...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(d)
	_ = cmd.Process.Kill()
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); ok && !ee.Exited() {
		return true
	}
	if err != nil {
		t.Fatalf("tidings %v failed before the kill: %v", args, err)
	}
	return false
}

// reference imports stream into a library of its own, uninterrupted, and
// returns its articles and how long the import took.
func reference(t *testing.T, stream string, n int) (map[string]stored, time.Duration) {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "library.db")
	start := time.Now()
	mustRun(t, lib, "import", stream)
	took := time.Since(start)
	arts := articlesOf(t, lib)
	if len(arts) != n {
		t.Fatalf("%s: an uninterrupted import stored %d articles, want %d", stream, len(arts), n)
	}
	return arts, took
}

// TestKillDuringImport kills imports into one library again and again: of
// two versions of one stream in turn, so that every run writes, then of a
// stream longer than a batch; after each kill the library is checked, and
// re-runs finish the job.
func TestKillDuringImport(t *testing.T) {
	dir := t.TempDir()
	streams := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}
	refs := make([]map[string]stored, 2)
	var full time.Duration
	for v, s := range streams {
		writeStream(t, s, 0, smallStream, uint64(v))
		refs[v], full = reference(t, s, smallStream)
	}
	lib := filepath.Join(dir, "library.db")
	r := killRand(t)
	n := kills(t, 30)
	killed, stored := 0, map[string]int{}
	for i := range n {
		d := time.Duration(r.Int64N(int64(full + full/4)))
		if killAfter(t, lib, d, "import", streams[i%2]) {
			killed++
		}
		got := checkLibrary(t, lib, refs...)
		counts := [2]int{}
		for _, v := range got {
			counts[v]++
		}
		if len(got) != 0 && len(got) != smallStream || counts[0] != 0 && counts[1] != 0 {
			t.Fatalf("kill %d: %d articles as in a.txt and %d as in b.txt: one batch is all or nothing", i, counts[0], counts[1])
		}
		stored[fmt.Sprintf("%d a, %d b", counts[0], counts[1])]++
	}
	t.Logf("%d kills, %d while importing (an import takes %v); library after the kills: %v", n, killed, full, stored)
	if killed == 0 {
		t.Error("no kill came while tidings was importing")
	}
	mustRun(t, lib, "import", streams[0])
	for ext, v := range checkLibrary(t, lib, refs...) {
		if v != 0 {
			t.Fatalf("after a full import of a.txt, %s is as in b.txt", ext)
		}
	}

	// A longer stream, killed late in the import or after: batches commit in
	// the stream's order, so what is stored is always the stream's first
	// articles, however many a batch holds.
	big := filepath.Join(dir, "big.txt")
	writeStream(t, big, 0, bigStream, 0)
	bigRef, bigFull := reference(t, big, bigStream)
	counts := map[int]int{}
	for i := range max(3, n/10) {
		// A new library each time: a re-run would find the stored unchanged.
		lib = filepath.Join(dir, fmt.Sprintf("big%d.db", i))
		mustRun(t, lib, "rule", "apply") // creates it, as an empty library
		killAfter(t, lib, bigFull/2+time.Duration(r.Int64N(int64(bigFull*3/2))), "import", big)
		got := checkLibrary(t, lib, bigRef)
		for ext := range got {
			if k, err := strconv.Atoi(ext[len(ext)-10:]); err != nil || k-1100000000 >= len(got) {
				t.Fatalf("after a kill the library holds %d articles, among them %s: not the stream's first", len(got), ext)
			}
		}
		counts[len(got)]++
	}
	t.Logf("articles stored after kills of a %d-article import (%v): %v", bigStream, bigFull, counts)
	mustRun(t, lib, "import", big)
	if got := checkLibrary(t, lib, bigRef); len(got) != bigStream {
		t.Fatalf("after a full re-run the library holds %d articles, want %d", len(got), bigStream)
	}
}

// taggedCount is how many articles carry tag.
func taggedCount(t *testing.T, lib, tag string) int {
	t.Helper()
	db := openDB(t, lib)
	defer db.Close()
	var n int
	err := db.QueryRow(`SELECT count(*) FROM article_tags JOIN tags ON tags.id = article_tags.tag_id WHERE tags.name = ?`, tag).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestKillDuringTagging kills `tag --query ”` runs that add and remove a tag
// on every article: after each kill either every article carries the tag
// or none does.
func TestKillDuringTagging(t *testing.T) {
	dir := t.TempDir()
	stream := filepath.Join(dir, "stream.txt")
	writeStream(t, stream, 0, smallStream, 0)
	want, _ := reference(t, stream, smallStream)
	lib := filepath.Join(dir, "library.db")
	mustRun(t, lib, "import", stream)

	start := time.Now()
	mustRun(t, lib, "tag", "--query", "", "+crash")
	full := time.Since(start)
	mustRun(t, lib, "tag", "--query", "", "--", "-crash")

	r := killRand(t)
	n := kills(t, 20)
	killed, all := 0, false
	for range n {
		change := "+crash"
		if all {
			change = "-crash"
		}
		d := time.Duration(r.Int64N(int64(full + full/2)))
		if killAfter(t, lib, d, "tag", "--query", "", "--", change) {
			killed++
		}
		checkLibrary(t, lib, want)
		switch got := taggedCount(t, lib, "crash"); got {
		case 0:
			all = false
		case smallStream:
			all = true
		default:
			t.Fatalf("after a kill %d of %d articles carry the tag: a tagging run is all or nothing", got, smallStream)
		}
	}
	t.Logf("%d kills, %d while tagging (a run takes %v)", n, killed, full)
	if killed == 0 {
		t.Error("no kill came while tidings was tagging")
	}
}

// TestKillAfterSavingNote saves a note in the TUI and kills it right after:
// the library is intact and the note is there whole or not at all.
func TestKillAfterSavingNote(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	want := articlesOf(t, lib)
	r := killRand(t)
	note := strings.Repeat("A note that must arrive whole, ", 5) + "end."
	n, saved := kills(t, 3), 0
	for i := range n {
		tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
		tm.waitFor(`In a startling revelation`, screenTimeout)
		tm.send(keyEnter)
		tm.waitFor(`Margarita Simonyan`, screenTimeout)
		tm.send("a")
		tm.waitFor(`ctrl\+s save`, screenTimeout)
		tm.send(note)
		tm.waitFor(`end\.`, screenTimeout)
		tm.send("\x13") // ctrl+s
		time.Sleep(time.Duration(r.IntN(30)) * time.Millisecond)
		tm.kill()

		checkLibrary(t, lib, want)
		db := openDB(t, lib)
		rows, err := db.Query("SELECT note FROM annotations")
		if err != nil {
			t.Fatal(err)
		}
		notes := 0
		for rows.Next() {
			var got string
			if err := rows.Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != note {
				t.Fatalf("kill %d: a note of %d bytes is stored, want the whole %d bytes", i, len(got), len(note))
			}
			notes++
		}
		rows.Close()
		db.Close()
		if notes < saved || notes > i+1 {
			t.Fatalf("kill %d: %d notes stored, %d before", i, notes, saved)
		}
		saved = notes
	}
	t.Logf("%d of %d notes saved before the kill", saved, n)
}
