package e2e

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// record is the part of `search --json` output these tests look at.
type record struct {
	ID          int64    `json:"id"`
	ExternalID  string   `json:"external_id"`
	Title       string   `json:"title"`
	Source      string   `json:"source"`
	Published   *string  `json:"published"`
	URL         string   `json:"url"`
	Author      string   `json:"author"`
	Tags        []string `json:"tags"`
	Read        bool     `json:"read"`
	Starred     bool     `json:"starred"`
	Annotations any      `json:"annotations"`
	Body        string   `json:"body"`
}

func searchJSON(t *testing.T, lib string, args ...string) []record {
	t.Helper()
	out := mustRun(t, lib, append([]string{"search", "--json"}, args...)...)
	var recs []record
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("search --json line %q: %v", sc.Text(), err)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestImportSampleAndSearch(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib", "library.db")
	out := mustRun(t, lib, "import", samplePath(t))
	if !strings.Contains(out, "1 added, 0 updated, 0 unchanged, 0 failed") {
		t.Errorf("first import summary:\n%s", out)
	}

	recs := searchJSON(t, lib, "luftwaffe")
	if len(recs) != 1 {
		t.Fatalf("search luftwaffe: %d articles, want 1", len(recs))
	}
	r := recs[0]
	if r.ExternalID != "MENAFN05032024000045015687ID1107936133" {
		t.Errorf("external_id = %q", r.ExternalID)
	}
	if r.Source != "MENAFN" {
		t.Errorf("source = %q", r.Source)
	}
	if r.Published == nil || !strings.HasPrefix(*r.Published, "2024-03-05") {
		t.Errorf("published = %v, want 2024-03-05", r.Published)
	}
	if !strings.HasPrefix(r.Title, "In a startling revelation") {
		t.Errorf("title = %q", r.Title)
	}
	paras := strings.Split(strings.TrimSpace(r.Body), "\n\n")
	if len(paras) != 6 {
		t.Errorf("body has %d paragraphs, want 6:\n%s", len(paras), r.Body)
	}
	if strings.Contains(r.Body, "MENAFN05032024000045015687ID1107936133") {
		t.Error("body holds the id line")
	}
	line := mustRun(t, lib, "search", "--json", "luftwaffe")
	for _, key := range []string{"id", "external_id", "title", "source", "published", "url", "tags", "read", "starred", "annotations"} {
		if !strings.Contains(line, `"`+key+`":`) {
			t.Errorf("search --json lacks %q: %s", key, line)
		}
	}

	out = mustRun(t, lib, "import", samplePath(t))
	if !strings.Contains(out, "0 added, 0 updated, 1 unchanged, 0 failed") {
		t.Errorf("second import summary:\n%s", out)
	}
	if n := strings.TrimSpace(mustRun(t, lib, "search", "--count", "luftwaffe")); n != "1" {
		t.Errorf("count after re-import = %s, want 1", n)
	}

	// The library is private to its owner.
	info, err := os.Stat(lib)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("library file mode %o, want 600", perm)
	}
	dir, _ := os.Stat(filepath.Dir(lib))
	if perm := dir.Mode().Perm(); perm != 0o700 {
		t.Errorf("library folder mode %o, want 700", perm)
	}

	show := mustRun(t, lib, "show", strconv.FormatInt(r.ID, 10))
	if !strings.Contains(show, "In a startling revelation") || !strings.Contains(show, "The security breach has raised alarm") {
		t.Errorf("show (piped) does not hold the article:\n%s", show)
	}
}

func TestImportBadFolder(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile(samplePath(t))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good/sample.txt", sample)
	write("good/note.md", []byte("---\ntitle: Harbour reopens\ndate: 2025-01-10\nsource: Port Gazette\ntags: [shipping]\n---\n\nThe harbour reopened on Friday after the storm.\n"))
	write("empty.txt", nil)
	write("binary.dat", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0xff, 0xfe, 0, 0})
	write("escapes.txt", []byte(" date 2025-02-01 (EVIL) Title \x1b]52;c;ZXZpbA==\x07with \x1b[31mred\x1b[0m and a bell\x07.\n\n\nBody \x1b[2J\x1b[Hwith \x9b31m C1 and \x1bP+q\x1b\\ DCS.\n\n\nEVIL01022025000000000001ID0000000001\n"))

	r := tidings(t, filepath.Join(t.TempDir(), "library.db"), nil, "import", dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, name := range []string{"empty.txt", "binary.dat"} {
		if !strings.Contains(r.stdout+r.stderr, name) {
			t.Errorf("summary does not name %s:\n%s%s", name, r.stdout, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "3 added") {
		t.Errorf("want the 3 good articles added:\n%s", r.stdout)
	}
}

func TestImportCleansControlCharacters(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	dir := t.TempDir()
	hostile := " date 2025-02-01 (EVIL) Title \x1b]52;c;ZXZpbA==\x07with \x1b[31mred\x1b[0m and a bell\x07.\n\n\nBody \x1b[2J\x1b[Hwith \u009b31m C1, a NUL \x00 and \x1bP+q\x1b\\ DCS, \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\.\n\n\nEVIL01022025000000000001ID0000000001\n"
	if err := os.WriteFile(filepath.Join(dir, "evil.txt"), []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	tidings(t, lib, nil, "import", dir)
	recs := searchJSON(t, lib, "source:evil")
	if len(recs) != 1 {
		t.Fatalf("want the hostile article imported, got %d", len(recs))
	}
	for _, s := range []string{recs[0].Title, recs[0].Source, recs[0].Body} {
		for _, r := range s {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Errorf("stored text holds control character %U: %q", r, s)
			}
		}
	}
	if !strings.Contains(recs[0].Body, "link") || !strings.Contains(recs[0].Title, "red") {
		t.Errorf("the text around the escapes is lost: %q / %q", recs[0].Title, recs[0].Body)
	}
}

func TestImportGeneratedStream(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the corpus generator needs it")
	}
	gen := filepath.Join(repoRoot, "..", "shared", "tools", "gen_corpus.py")
	if _, err := os.Stat(gen); err != nil {
		t.Skip("corpus generator not found beside the checkout")
	}
	stream := filepath.Join(t.TempDir(), "corpus.txt")
	if out, err := exec.Command(py, gen, "1000", "--stream", stream).CombinedOutput(); err != nil {
		t.Fatalf("gen_corpus: %v\n%s", err, out)
	}
	lib := filepath.Join(t.TempDir(), "library.db")
	out := mustRun(t, lib, "import", stream)
	if !strings.Contains(out, "1,000 added, 0 updated, 0 unchanged, 0 failed") {
		t.Errorf("import summary:\n%s", out)
	}
	if n := strings.TrimSpace(mustRun(t, lib, "search", "--count", "")); n != "1000" {
		t.Errorf("library holds %s articles, want 1000", n)
	}
	// Through stdin the same stream changes nothing.
	data, err := os.ReadFile(stream)
	if err != nil {
		t.Fatal(err)
	}
	r := tidings(t, lib, data, "import", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "0 added, 0 updated, 1,000 unchanged") {
		t.Errorf("re-import from stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for name, args := range map[string][]string{
		"unknown flag":         {"search", "--nope", "x"},
		"missing query":        {"search"},
		"no id at all":         {"show", "\x1b[2J"},
		"tag without tag":      {"tag", "1"},
		"import nothing":       {"import"},
		"unknown command":      {"bogus"},
		"unknown feed command": {"feed", "ad", "https://x.example/"},
		"feed alone":           {"feed"},
		"unknown opml command": {"opml", "bogus"},
		"rule alone":           {"rule"},
		"rule of everything":   {"rule", "add", "--tag", "x", " "},
		"rule of punctuation":  {"rule", "add", "--tag", "x", ","},
		"bad query":            {"search", "(unclosed"},
		"bad tag query":        {"tag", "--query", "a OR", "+x"},
		"bad rule query":       {"rule", "add", "--tag", "x", "(", "y"},
		"-word as a flag":      {"search", "war", "-peace"},
	} {
		t.Run(name, func(t *testing.T) {
			if r := tidings(t, lib, nil, args...); r.code != 2 {
				t.Errorf("tidings %v: exit %d, want 2\n%s", args, r.code, r.stderr)
			}
		})
	}
}

func TestConfigFile(t *testing.T) {
	writeConfig := func(t *testing.T, text string) string {
		home := t.TempDir()
		if err := os.MkdirAll(filepath.Join(home, "tidings"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(home, "tidings", "config.toml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return home
	}
	lib := filepath.Join(t.TempDir(), "library.db")

	t.Run("rules tag what is imported", func(t *testing.T) {
		home := writeConfig(t, "theme = \"dark\"\n[[rule]]\nquery = \"luftwaffe\"\ntags = [\"germany\"]\n")
		if r := tidingsWithConfig(t, home, lib, nil, "import", samplePath(t)); r.code != 0 {
			t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		if got := searchJSON(t, lib, "tag:germany"); len(got) != 1 {
			t.Errorf("config rule tagged %d articles, want 1", len(got))
		}
	})
	for name, tc := range map[string]struct{ config, want string }{
		"unknown setting":    {"theme = \"dark\"\ncolour = \"red\"\n", "colour"},
		"bad theme":          {"theme = \"purple\"\n", "theme"},
		"rule without tags":  {"[[rule]]\nquery = \"x\"\n", "rule 1"},
		"rule of everything": {"[[rule]]\nquery = \"*\"\ntags = [\"a\"]\n", "rule 1"},
		"rule's bad query":   {"[[rule]]\nquery = \"ok\"\ntags = [\"a\"]\n[[rule]]\nquery = \"tag:\"\ntags = [\"b\"]\n", `rule 2 ("tag:"): query`},
		"syntax error":       {"theme = \n", "line"},
	} {
		t.Run(name, func(t *testing.T) {
			r := tidingsWithConfig(t, writeConfig(t, tc.config), lib, nil, "tags")
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "config.toml") || strings.Contains(r.stderr, "--help") {
				t.Errorf("exit %d, want 2 and a message naming %q and the file, without a pointer to the usage:\n%s", r.code, tc.want, r.stderr)
			}
		})
	}
	// What only the reader uses stops only the reader: a key clash does not
	// stop a scheduled fetch or an import, which say what is wrong.
	for name, tc := range map[string]struct{ config, want string }{
		"bad colour": {"[tag_colors]\nbar = \"#12345\"\n", "tag_colors.bar"},
		"bad key":    {"[keys]\nquit = [\"\"]\n", "quit"},
		"key clash":  {"[keys]\ndown = \"n\"\n", `keys.down: "n" is also bound to "next-unread"`},
		"one tag, two colours": {"[tag_colors]\n\"été\" = \"#ff0000\"\n\"ÉTÉ\" = \"#00ff00\"\n",
			`tag_colors."ÉTÉ" and tag_colors."été" are one tag`},
	} {
		t.Run(name, func(t *testing.T) {
			home := writeConfig(t, tc.config)
			r := tidingsWithConfig(t, home, lib, nil, "import", samplePath(t))
			if r.code != 0 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "reader will not start") {
				t.Errorf("import: exit %d, want 0 and a warning naming %q:\n%s", r.code, tc.want, r.stderr)
			}
			r = tidingsWithConfig(t, home, lib, nil)
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "config.toml") {
				t.Errorf("the reader: exit %d, want 2 and a message naming %q and the file:\n%s", r.code, tc.want, r.stderr)
			}
		})
	}
}

// TestTagDoesWhatItCan: tagging ids of which one is missing tags the others,
// names the missing one and exits 1.
func TestTagDoesWhatItCan(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	r := tidings(t, lib, nil, "tag", "1", "999", "+kept")
	if r.code != 1 || !strings.Contains(r.stderr, "no article 999; the others were tagged") {
		t.Errorf("tag 1 999: exit %d, stderr %q", r.code, r.stderr)
	}
	if out := mustRun(t, lib, "search", "--count", "tag:kept"); strings.TrimSpace(out) != "1" {
		t.Errorf("article 1 was not tagged: %q", out)
	}
}

// TestBadQueryShowsWhere: a query that does not parse is shown back with a
// caret under its problem, control characters and all made visible.
func TestBadQueryShowsWhere(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	r := tidings(t, lib, nil, "search", "oil \x1b[31m (gas OR")
	want := "bad query: \"OR\" needs a term after it at col 16\n  oil ?[31m (gas OR\n                 ^"
	if r.code != 2 || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant it to hold:\n%s", r.code, r.stderr, want)
	}
}
