package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"tidings/store"

	"time"

	"tidings/feeds"
)

// sampleArticle is one article in the sample format; date "" leaves the
// date out (the import warns, and takes the day from the id).
func sampleArticle(n int, date, text string) string {
	head := " (AP) "
	if date != "" {
		head = " date " + date + " (AP) "
	}
	return fmt.Sprintf("%s%s\n\nAP05032024%012dID%010d\n", head, text, n, n)
}

// sampleID is the id sampleArticle gives article n.
func sampleID(n int) string { return fmt.Sprintf("AP05032024%012dID%010d", n, n) }

// tree creates files (path -> content) and symbolic links (path -> target)
// under a new temporary folder and returns it.
func tree(t *testing.T, files, links map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range links {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	return dir
}

// importPaths imports paths (relative to dir) into st as the import
// command does and returns the summary, dir left out.
func importPaths(t *testing.T, st *store.Store, dir string, paths ...string) (ImportReport, string) {
	t.Helper()
	t.Chdir(dir)
	sources, bad := Sources(paths, strings.NewReader(""))
	im := &Importer{Store: st}
	rep, err := im.Run(context.Background(), sources)
	if err != nil {
		t.Fatal(err)
	}
	rep.Failed = append(bad, rep.Failed...)
	var out bytes.Buffer
	PrintSummary(&out, &out, rep, 0)
	return rep, out.String()
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestImportFollowsLinks(t *testing.T) {
	a := sampleArticle(1, "2024-03-05", "One.")
	b := sampleArticle(2, "2024-03-05", "Two.")
	c := sampleArticle(3, "2024-03-05", "Three.")
	tests := map[string]struct {
		files, links map[string]string
		paths        []string
		want         string
	}{
		"a linked folder named": {
			files: map[string]string{"real/a.txt": a, "real/sub/b.txt": b},
			links: map[string]string{"link": "real"},
			paths: []string{"link"},
			want:  "2 added, 0 updated, 0 unchanged, 0 failed\n",
		},
		"links inside a folder": {
			files: map[string]string{"in/a.txt": a, "out/b.txt": b, "out/d/c.txt": c},
			links: map[string]string{"in/b.txt": "../out/b.txt", "in/d": "../out/d"},
			paths: []string{"in"},
			want:  "3 added, 0 updated, 0 unchanged, 0 failed\n",
		},
		"a linked file named": {
			files: map[string]string{"real.txt": a},
			links: map[string]string{"link.txt": "real.txt"},
			paths: []string{"link.txt"},
			want:  "1 added, 0 updated, 0 unchanged, 0 failed\n",
		},
		"links that cannot be followed": {
			files: map[string]string{"in/a.txt": a, "in/sub/b.txt": b},
			links: map[string]string{"in/gone.txt": "nowhere.txt", "in/me": "me", "in/sub/up": ".."},
			paths: []string{"in"},
			want: "2 added, 0 updated, 0 unchanged, 3 failed\n" +
				`failed: in/gone.txt: dangling symbolic link: "nowhere.txt" does not exist` + "\n" +
				`failed: in/me: symbolic link to "me" loops (too many levels of links)` + "\n" +
				`failed: in/sub/up: symbolic link to ".." loops back to in` + "\n",
		},
		"a dangling link named": {
			links: map[string]string{"gone": "nowhere"},
			paths: []string{"gone"},
			want:  "0 added, 0 updated, 0 unchanged, 1 failed\n" + `failed: gone: dangling symbolic link: "nowhere" does not exist` + "\n",
		},
		"one folder by two ways": {
			files: map[string]string{"in/2024-03/a.txt": a},
			links: map[string]string{"in/latest": "2024-03"},
			paths: []string{"in"},
			want: "1 added, 0 updated, 0 unchanged, 0 failed\n" +
				`warning: in/latest: the same folder as "in/2024-03", read once` + "\n",
		},
		"a missing path": {
			paths: []string{"missing"},
			want:  "0 added, 0 updated, 0 unchanged, 1 failed\nfailed: missing: no such file or folder\n",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := tree(t, tc.files, tc.links)
			_, got := importPaths(t, openStore(t), dir, tc.paths...)
			if got != tc.want {
				t.Errorf("summary\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestImportWarnings: a warning names the file and line of its article, is
// given when the article is added or changed, and not again when an import
// finds it unchanged.
func TestImportWarnings(t *testing.T) {
	stream := sampleArticle(1, "2024-03-05", "Dated.") +
		sampleArticle(2, "", "No date.") +
		sampleArticle(3, "2024-03-05", "Café in Zürich \xe9\xfc.") // UTF-8, damaged
	tests := []struct {
		name  string
		files map[string]string // written before this import
		want  string
	}{
		{"first import", map[string]string{"in/stream.txt": stream, "in/one.md": "# One café\n\nNa\xefve."},
			"4 added, 0 updated, 0 unchanged, 0 failed\n" +
				"warning: in/one.md:1: not valid UTF-8; 1 byte replaced\n" +
				"warning: in/stream.txt:4: no date; took 2024-03-05 from the id\n" +
				"warning: in/stream.txt:7: not valid UTF-8; 2 bytes replaced\n"},
		{"again, unchanged", nil,
			"0 added, 0 updated, 4 unchanged, 0 failed\n"},
		{"again, one changed", map[string]string{"in/stream.txt": strings.Replace(stream, "No date.", "No date, changed.", 1)},
			"0 added, 1 updated, 3 unchanged, 0 failed\n" +
				"warning: in/stream.txt:4: no date; took 2024-03-05 from the id\n"},
	}
	dir := t.TempDir()
	st := openStore(t)
	for _, step := range tests {
		for name, content := range step.files {
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, got := importPaths(t, st, dir, "in"); got != step.want {
			t.Errorf("%s: summary\n%s\nwant\n%s", step.name, got, step.want)
		}
	}
}

// TestImportSameIDTwice: two articles with one id, in one file or two,
// are a warning naming both places: the later replaces the earlier.
func TestImportSameIDTwice(t *testing.T) {
	dir := tree(t, map[string]string{
		"in/a.txt": sampleArticle(1, "2024-03-05", "First.") + sampleArticle(1, "2024-03-05", "First, again."),
		"in/b.txt": sampleArticle(1, "2024-03-05", "First, a third time.") + sampleArticle(2, "2024-03-05", "Second."),
	}, nil)
	_, got := importPaths(t, openStore(t), dir, "in")
	want := "2 added, 2 updated, 0 unchanged, 0 failed\n" +
		"warning: in/a.txt:4: id \"" + sampleID(1) + "\" is also at in/a.txt:1: this article replaces that one\n" +
		"warning: in/b.txt:1: id \"" + sampleID(1) + "\" is also at in/a.txt:1: this article replaces that one\n"
	if got != want {
		t.Errorf("summary\n%s\nwant\n%s", got, want)
	}
}

// TestImportManyWarnings: many warnings of one kind are a few lines with
// their files, and a count of the rest.
func TestImportManyWarnings(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		day := fmt.Sprintf("%02d", i%28+1)
		text := sampleArticle(i+1, "", "Undated article.")
		text = strings.Replace(text, "AP05032024", "AP"+day+"032024", 1) // a different day each
		if i%10 == 0 {
			text = sampleArticle(i+1, "2024-03-05", "Zürich \xfc.")
		}
		files[fmt.Sprintf("in/%02d.txt", i)] = text
	}
	dir := tree(t, files, nil)
	st := openStore(t)
	_, got := importPaths(t, st, dir, "in")
	want := "40 added, 0 updated, 0 unchanged, 0 failed\n" +
		"warning: in/00.txt:1: not valid UTF-8; 1 byte replaced\n" +
		"warning: in/10.txt:1: not valid UTF-8; 1 byte replaced\n" +
		"warning: in/20.txt:1: not valid UTF-8; 1 byte replaced\n" +
		"warning: in/30.txt:1: not valid UTF-8; 1 byte replaced\n" +
		"warning: in/01.txt:1: no date; took 2024-03-02 from the id\n" +
		"warning: in/02.txt:1: no date; took 2024-03-03 from the id\n" +
		"warning: in/03.txt:1: no date; took 2024-03-04 from the id\n" +
		"  ... and 33 more like this\n"
	if got != want {
		t.Errorf("summary\n%s\nwant\n%s", got, want)
	}
	if _, again := importPaths(t, st, dir, "in"); again != "0 added, 0 updated, 40 unchanged, 0 failed\n" {
		t.Errorf("again:\n%s", again)
	}
}

// A problem prints as one clean line, whatever the file is called: a name
// that is not plain text is quoted, what is not seen made visible, so that
// the name shown is the file's.
func TestProblemPrintsClean(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "/nope/\x1b[31mred\x07", Line: 3, Reason: "no such file\nor folder"}, `"/nope/\x1b[31mred\a":3: no such file or folder`},
		{Problem{File: "in/empty\nfile.txt", Reason: "empty file"}, `"in/empty\nfile.txt": empty file`},
		{Problem{File: "in/bidi\u202etxt.exe", Reason: "empty file"}, `"in/bidi\u202etxt.exe": empty file`},
		{Problem{File: "in/bad-\xff-name.txt", Reason: "empty file"}, `"in/bad-\xff-name.txt": empty file`},
		{Problem{File: "in/tab\there.txt", Reason: "empty file"}, `"in/tab\there.txt": empty file`},
		{Problem{File: "in/two  spaces.txt", Reason: "empty file"}, `"in/two  spaces.txt": empty file`},
		{Problem{File: "in/Zürich notes.md", Line: 2, Reason: "no date"}, `in/Zürich notes.md:2: no date`},
		{Problem{Reason: "rule \x1b[2J\"x\": bad"}, `rule "x": bad`},
	}
	for _, tc := range tests {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String() = %s, want %s", got, tc.want)
		}
	}
}

// A page in a legacy encoding imports as the text it is, and its words are
// found, accents folded.
func TestImportLegacyEncodedPage(t *testing.T) {
	dir := tree(t, map[string]string{
		"latin1.html": "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 cr\xe8me</title></head>" +
			"<body><p>Le caf\xe9 cr\xe8me du jour.</p></body></html>",
		"cp1252.html": "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">" +
			"<title>Th\xe9 \x93vert\x94</title></head><body><p>Un th\xe9 \x96 ou deux.</p></body></html>",
	}, nil)
	st := openStore(t)
	if rep, _ := importPaths(t, st, dir, "."); rep.Added != 2 || len(rep.Failed) != 0 {
		t.Fatalf("import: %+v", rep)
	}
	ctx := context.Background()
	for q, want := range map[string]string{"creme": "Café crème", "the vert": "Thé “vert”"} {
		var titles []string
		if err := st.Search(ctx, q, 0, func(a store.Article) error { titles = append(titles, a.Title); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(titles) != 1 || titles[0] != want {
			t.Errorf("search %q: %q, want %q", q, titles, want)
		}
	}
}

// TestImportNotesFromOneTemplate: files with titles of their own and the
// same text (daily notes made from one template, pages saved from behind
// one paywall) are articles of their own. One a library from before stored
// under the id of its text alone is found by it, not added again.
func TestImportNotesFromOneTemplate(t *testing.T) {
	note := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2024-03-01\n---\n\n## Tasks\n\n## Notes\n"
	}
	dir := tree(t, map[string]string{
		"notes/2024-03-01.md": note("Daily note 2024-03-01"),
		"notes/2024-03-02.md": note("Daily note 2024-03-02"), // the template's date, unchanged
		"paywall/a.html":      "<html><head><title>Markets fall on rate fears</title></head><body><p>Subscribe to continue reading.</p></body></html>",
		"paywall/b.html":      "<html><head><title>Oil climbs again</title></head><body><p>Subscribe to continue reading.</p></body></html>",
	}, nil)
	st := openStore(t)
	_, got := importPaths(t, st, dir, "notes", "paywall")
	if want := "4 added, 0 updated, 0 unchanged, 0 failed\nwarning: paywall/a.html:1: no date\nwarning: paywall/b.html:1: no date\n"; got != want {
		t.Errorf("summary\n%s\nwant\n%s", got, want)
	}
	if _, got = importPaths(t, st, dir, "notes", "paywall"); got != "0 added, 0 updated, 4 unchanged, 0 failed\n" {
		t.Errorf("imported again:\n%s", got)
	}

	// A library from before: the note stored under the id of its text.
	old := openStore(t)
	a := feeds.Article{Title: "Daily note 2024-03-01", Body: "## Tasks\n\n## Notes",
		Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
	stored := a
	stored.Title = ""
	feeds.Normalize(&stored) // the id of before: source, date and text
	stored.Title = a.Title
	if _, err := old.Import(context.Background(), []feeds.Article{stored}); err != nil {
		t.Fatal(err)
	}
	if _, got = importPaths(t, old, dir, "notes/2024-03-01.md"); strings.HasPrefix(got, "1 added") {
		t.Errorf("a note stored under its former id was added again:\n%s", got)
	}
	if n, _ := old.Total(context.Background()); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
	// It keeps that id, so an export made before finds it too.
	if _, err := old.ArticleByExternalID(context.Background(), stored.ExternalID); err != nil {
		t.Errorf("the note lost the id an older export carries: %v", err)
	}
}

// TestImportPagesMergedBefore: two pages of one text that a library from
// before kept as one article (the later replacing the earlier, with its
// title) part: the stored article, with what the reader did to it, stays
// with the page whose title it has, and the other comes in anew.
func TestImportPagesMergedBefore(t *testing.T) {
	ctx := context.Background()
	page := func(title string) string {
		return "<html><head><title>" + title + "</title></head><body><p>Subscribe to continue reading.</p></body></html>"
	}
	dir := tree(t, map[string]string{"a.html": page("Paywalled story"), "b.html": page("Another paywalled story")}, nil)
	st := openStore(t)
	merged := feeds.Article{Body: "Subscribe to continue reading."}
	feeds.Normalize(&merged) // the id of before: source, date and text
	merged.Title, merged.Tags = "Another paywalled story", []string{"kept"}
	if _, err := st.Import(ctx, []feeds.Article{merged}); err != nil {
		t.Fatal(err)
	}
	if _, got := importPaths(t, st, dir, "a.html", "b.html"); !strings.HasPrefix(got, "1 added, 0 updated, 1 unchanged") {
		t.Errorf("summary:\n%s", got)
	}
	kept, err := st.ArticleByExternalID(ctx, merged.ExternalID)
	if err != nil || kept.Title != "Another paywalled story" || len(kept.Tags) != 1 {
		t.Errorf("the stored article is now %q with %v (%v); want the page whose title it had, tagged", kept.Title, kept.Tags, err)
	}
	if n, _ := st.Total(ctx); n != 2 {
		t.Errorf("%d articles, want 2", n)
	}
}

// TestImportStopsWhileWaiting: an import whose source keeps it waiting
// stops as soon as it is cancelled, and writes nothing of the batch it was
// gathering.
func TestImportStopsWhileWaiting(t *testing.T) {
	st := openStore(t)
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := (&Importer{Store: st}).Run(ctx, []Source{{Name: "<stdin>", R: r}})
		done <- err
	}()
	if _, err := io.WriteString(w, sampleArticle(1, "2024-03-05", "One.")); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run: %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return within 5 s of the cancel")
	}
	if n, _ := st.Total(context.Background()); n != 0 {
		t.Errorf("%d articles written, want none", n)
	}
}

// TestImportBadRecordCostsFewTransactions: a batch the store refuses for
// one record is written around it, not article by article, and the failure
// names the record's file and line in plain words.
func TestImportBadRecordCostsFewTransactions(t *testing.T) {
	var b strings.Builder
	for i := range 1000 {
		if i == 500 {
			b.WriteString("{}\n")
		}
		fmt.Fprintf(&b, `{"external_id":"r%d","title":"Record %d","body":"Body of record %d."}`+"\n", i, i, i)
	}
	dir := tree(t, map[string]string{"in.jsonl": b.String()}, nil)
	st := openStore(t)
	ctx := context.Background()
	before, err := st.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, got := importPaths(t, st, dir, "in.jsonl")
	want := "1,000 added, 0 updated, 0 unchanged, 1 failed\n" +
		"failed: in.jsonl:501: the record has no body, nor the external_id of an article in the library (a record without a body changes an article already there)\n"
	if got != want {
		t.Errorf("summary\n%s\nwant\n%s", got, want)
	}
	after, err := st.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The records before the bad one, and those after it.
	if writes := after - before; writes != 2 {
		t.Errorf("%d transactions written for %d articles with one bad record, want 2", writes, rep.Added)
	}
}

// TestImportProgressWhileParsing: progress is reported while a batch is
// being gathered, not only when it is written, and not after Run returns.
func TestImportProgressWhileParsing(t *testing.T) {
	st := openStore(t)
	r, w := io.Pipe()
	var mu sync.Mutex
	var last ImportProgress
	calls := 0
	im := &Importer{Store: st, Progress: func(p ImportProgress) {
		mu.Lock()
		defer mu.Unlock()
		last, calls = p, calls+1
	}}
	done := make(chan error, 1)
	go func() {
		_, err := im.Run(context.Background(), []Source{{Name: "<stdin>", R: r}})
		done <- err
	}()
	var text strings.Builder
	for i := range 100 {
		text.WriteString(sampleArticle(i+1, "2024-03-05", fmt.Sprintf("Article %d.", i+1)))
	}
	if _, err := io.WriteString(w, text.String()); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		p := last
		mu.Unlock()
		// The last article is known whole at the end of the input.
		if p.Read == 99 && p.Bytes == int64(text.Len()) && p.Stored == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("progress while the batch is gathered: %+v, want 99 articles and %d bytes read, none stored", p, text.Len())
		}
		time.Sleep(10 * time.Millisecond)
	}
	w.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	after := calls
	mu.Unlock()
	time.Sleep(3 * progressEvery)
	mu.Lock()
	defer mu.Unlock()
	if calls != after {
		t.Errorf("progress reported %d times after Run returned", calls-after)
	}
}

// TestImportNamesRecordsOnALine: the failures and warnings about records
// of JSON on one line name each record, so that they are told apart; a
// record alone on its line is named by its line alone.
func TestImportNamesRecordsOnALine(t *testing.T) {
	dir := tree(t, map[string]string{
		"in.json": `[{"external_id": 12345, "body": "a"}, {"external_id": "x", "body": "b"}, {"external_id": "x", "body": "c"}, {"external_id": "gone"},` + "\n" +
			`{"external_id": "y", "body": "d"}]`,
	}, nil)
	_, got := importPaths(t, openStore(t), dir, "in.json")
	want := "2 added, 1 updated, 0 unchanged, 2 failed\n" +
		"failed: in.json:1: record 1: field external_id: a JSON number where a string was expected\n" +
		"failed: in.json:1: record 4: no article in the library has external_id \"gone\" (a record without a body changes an article already there)\n" +
		"warning: in.json:1: record 3: id \"x\" is also at in.json:1 (record 2): this article replaces that one\n"
	if got != want {
		t.Errorf("summary\n%s\nwant\n%s", got, want)
	}
}

// TestImportNamesBinaryFilesByWhatTheyAre: an archive, an image or a
// database named as text fails, in a folder as named alone, saying what it
// is, and the folder's articles are imported.
func TestImportNamesBinaryFilesByWhatTheyAre(t *testing.T) {
	dir := tree(t, map[string]string{
		"in/a.txt":   sampleArticle(1, "2024-03-05", "An article."),
		"in/gz.txt":  "\x1f\x8b\x08\x00\x92\xff\x0a\x6b\x02\xff",
		"in/png.txt": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"in/db.txt":  "SQLite format 3\x00\x10\x00",
	}, nil)
	rep, got := importPaths(t, openStore(t), dir, "in")
	want := "1 added, 0 updated, 0 unchanged, 3 failed\n" +
		"failed: in/db.txt: binary file (a database, not an article)\n" +
		"failed: in/gz.txt: binary file (a gzip archive, not an article: gunzip it first)\n" +
		"failed: in/png.txt: binary file (an image, not an article)\n"
	if got != want || len(rep.Failed) != 3 {
		t.Errorf("summary\n%s\nwant\n%s", got, want)
	}
	_, got = importPaths(t, openStore(t), dir, "in/gz.txt")
	want = "0 added, 0 updated, 0 unchanged, 1 failed\n" +
		"failed: in/gz.txt: binary file (a gzip archive, not an article: gunzip it first)\n"
	if got != want {
		t.Errorf("named alone\n%s\nwant\n%s", got, want)
	}
}
