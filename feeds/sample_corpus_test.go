package feeds

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// generateCorpus runs the project's corpus generator into dir and returns
// the stream's path and the manifest's rows, or skips without python3.
func generateCorpus(t testing.TB, n int, variants string) (stream string, rows []manifestRow) {
	t.Helper()
	// The generator stands in ../shared beside the checkout.
	gen := filepath.Join("..", "..", "shared", "tools", "gen_corpus.py")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	if _, err := os.Stat(gen); err != nil {
		t.Skipf("corpus generator: %v", err)
	}
	dir := t.TempDir()
	stream = filepath.Join(dir, "stream.txt")
	manifest := filepath.Join(dir, "manifest.tsv")
	// A small vocabulary and token pool keep the generator fast; the text
	// still has every shape the format allows.
	cmd := exec.Command(python, gen, strconv.Itoa(n), "--stream", stream, "--variants", variants,
		"--manifest", manifest, "--pool", "60000", "--vocab", "6000", "--quiet")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen_corpus: %v\n%s", err, out)
	}
	return stream, readManifest(t, manifest)
}

// manifestRow is the generator's ground truth for one article.
type manifestRow struct {
	id, date, source string
	paragraphs       int
	words            int
	variants         map[string]bool
}

func readManifest(t testing.TB, path string) []manifestRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []manifestRow
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) != 8 {
			t.Fatalf("manifest row %q: want 8 columns", sc.Text())
		}
		paras, _ := strconv.Atoi(col[5])
		words, _ := strconv.Atoi(col[6])
		row := manifestRow{id: col[2], date: col[3], source: col[4], paragraphs: paras, words: words, variants: map[string]bool{}}
		for v := range strings.SplitSeq(col[7], ",") {
			if v != "" {
				row.variants[v] = true
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestSampleAgainstGeneratorManifest(t *testing.T) {
	stream, rows := generateCorpus(t, 400, "0.6")
	var items []Item
	if err := Read(stream, func(it Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(items) != len(rows) {
		t.Fatalf("read %d articles, the manifest has %d", len(items), len(rows))
	}
	seen := map[string]bool{}
	for i, row := range rows {
		it := items[i]
		if it.Err != nil {
			t.Errorf("article %d (%s): %v", i, row.id, it.Err)
			continue
		}
		a := it.Article
		checkNormalized(t, a)
		for v := range row.variants {
			seen[v] = true
		}
		if a.ExternalID != row.id {
			t.Errorf("article %d: id %q, want %q (variants %v)", i, a.ExternalID, row.id, row.variants)
		}
		if got := a.Published.Format(time.DateOnly); got != row.date {
			t.Errorf("article %d (%s): date %s, want %s", i, row.id, got, row.date)
		}
		if want := NormalizeSource(row.source); a.Source != want {
			t.Errorf("article %d (%s): source %q, want %q", i, row.id, a.Source, want)
		}
		if got := strings.Count(a.Body, "\n\n") + 1; got != row.paragraphs {
			t.Errorf("article %d (%s): %d paragraphs, want %d (variants %v)\n%s", i, row.id, got, row.paragraphs, row.variants, a.Body)
		}
		if got := len(strings.Fields(a.Body)); got != row.words {
			t.Errorf("article %d (%s): %d words, want %d (variants %v)", i, row.id, got, row.words, row.variants)
		}
		if strings.Contains(a.Body, row.id) || strings.Contains(a.Body, "<p>") {
			t.Errorf("article %d (%s): body keeps the id or an HTML remnant", i, row.id)
		}
		if row.variants["no-date"] == (len(a.Warnings) == 0) {
			t.Errorf("article %d (%s): warnings %q with variants %v", i, row.id, a.Warnings, row.variants)
		}
		if a.Title == "" || strings.ContainsAny(a.Title, "\n\\") {
			t.Errorf("article %d (%s): title %q", i, row.id, a.Title)
		}
	}
	for _, v := range []string{"no-date", "syndicated", "hard-wrapped", "html-remnant", "dup-id", "final-newline"} {
		if !seen[v] {
			t.Errorf("the generated corpus had no %q article; raise its size", v)
		}
	}
	if testing.Verbose() {
		t.Logf("%d articles checked; variants seen: %v", len(rows), seen)
	}
}
