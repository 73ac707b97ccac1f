package e2e

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// exported is a line of `tidings export --format json`: a search record
// with the annotations in full.
type exported struct {
	record
	Feed        string `json:"feed"`
	Added       string `json:"added"`
	Retitled    bool   `json:"retitled"`
	Annotations []struct {
		Quote   string `json:"quote"`
		Prefix  string `json:"prefix"`
		Suffix  string `json:"suffix"`
		Note    string `json:"note"`
		Created string `json:"created"`
		Updated string `json:"updated"`
	} `json:"annotations"`
}

func readExport(t *testing.T, data string) map[string]exported {
	t.Helper()
	out := make(map[string]exported)
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r exported
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("export line %q: %v", sc.Text(), err)
		}
		if _, dup := out[r.ExternalID]; dup {
			t.Fatalf("export holds %s twice", r.ExternalID)
		}
		out[r.ExternalID] = r
	}
	return out
}

// notedArticles are articles with reader state and passage notes, as JSON
// Lines, the way a script or another tidings hands them over.
const notedArticles = `{"external_id":"cranes-1","title":"Harbour cranes to be replaced","source":"Port Gazette","published":"2024-03-05T09:30:00Z","url":"https://example.org/cranes","author":"A. Writer","read":true,"starred":true,"body":"The port authority said on Tuesday that the **harbour cranes** would be replaced by the end of the year.\n\nThe cranes, built in 1974, have broken down eleven times this spring.","annotations":[{"quote":"would be replaced by the end of the year","prefix":"that the harbour cranes ","suffix":".\n\nThe cranes, built in 1974","note":"which contractor?","created":"2024-03-06T10:00:00Z","updated":"2024-03-07T11:00:00Z"}]}
{"external_id":"rail-2","title":"Rail freight grows","source":"Rail Weekly","feed":"https://example.org/rail.xml","published":"2024-03-04T00:00:00Z","url":"https://example.org/rail","read":false,"starred":false,"body":"Freight by rail grew by a *tenth* last year.\n\n- more containers\n- fewer trucks","annotations":[{"quote":"grew by a tenth last year","prefix":"Freight by rail ","suffix":".\n\nmore containers","note":"source of the figure?","created":"2024-03-05T08:00:00Z","updated":"2024-03-05T08:00:00Z"},{"quote":"","note":"a whole-article note carried in","created":"2024-03-05T09:00:00Z"}]}
{"external_id":"glacier-3","title":"My own title for the glacier story","retitled":true,"added":"2023-01-02T03:04:05Z","source":"Alpine Times","published":"2024-02-28T12:00:00Z","url":"https://example.org/glacier","read":true,"starred":false,"body":"The glacier retreated forty metres.","annotations":[]}
`

// TestAnnotationsRoundTrip builds a library with tags, read and starred
// state, whole-article and passage notes, exports it as JSON, imports that
// into a fresh library and compares the two article by article and field by
// field; then exports Markdown and reads one file.
func TestAnnotationsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "one", "library.db")
	notes := filepath.Join(dir, "noted.jsonl")
	if err := os.WriteFile(notes, []byte(notedArticles), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, lib, "import", samplePath(t), notes)
	ids := map[string]string{}
	for _, r := range searchJSON(t, lib, "") {
		ids[r.ExternalID] = strconv.FormatInt(r.ID, 10)
	}
	sample := "MENAFN05032024000045015687ID1107936133"
	if len(ids) != 4 || ids[sample] == "" {
		t.Fatalf("library holds %v", ids)
	}
	mustRun(t, lib, "tag", ids[sample], ids["cranes-1"], "+europe", "+long read")
	mustRun(t, lib, "tag", ids["rail-2"], "+Freight")
	mustRun(t, lib, "note", ids[sample], "Compare with the **Taurus** debate.")
	mustRun(t, lib, "note", ids["cranes-1"], "Second thoughts:", "ask the union too")
	if n := searchJSON(t, lib, "is:annotated"); len(n) != 3 {
		t.Fatalf("%d annotated articles, want 3", len(n))
	}
	if n := searchJSON(t, lib, "contractor"); len(n) != 1 || n[0].ExternalID != "cranes-1" {
		t.Errorf("a carried note's words do not find its article: %v", n)
	}

	// JSON to stdout and to --out are the same export.
	stdout := mustRun(t, lib, "export", "--format", "json")
	outDir := filepath.Join(dir, "export")
	summary := mustRun(t, lib, "export", "--format", "json", "--out", outDir)
	if !strings.Contains(summary, "4 articles exported") || !strings.Contains(summary, "5 notes") {
		t.Errorf("export summary: %s", summary)
	}
	file := filepath.Join(outDir, "tidings-export.jsonl")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != stdout {
		t.Error("the exported file differs from the export to stdout")
	}
	before := readExport(t, stdout)

	fresh := filepath.Join(dir, "two", "library.db")
	if out := mustRun(t, fresh, "import", file); !strings.Contains(out, "4 added, 0 updated, 0 unchanged, 0 failed") {
		t.Errorf("import of the export:\n%s", out)
	}
	after := readExport(t, mustRun(t, fresh, "export", "--format", "json"))
	if len(after) != len(before) {
		t.Fatalf("%d articles after the round trip, want %d", len(after), len(before))
	}
	for ext, b := range before {
		a, ok := after[ext]
		if !ok {
			t.Errorf("%s: lost", ext)
			continue
		}
		b.ID, a.ID = 0, 0 // each library numbers its own
		b.record.Annotations, a.record.Annotations = nil, nil
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s changed in the round trip:\nbefore %+v\nafter  %+v", ext, b, a)
		}
	}
	// The things the comparison above relies on are really there.
	c := after["cranes-1"]
	if !c.Read || !c.Starred || strings.Join(c.Tags, ",") != "europe,long read" || c.Author != "A. Writer" {
		t.Errorf("cranes: state %+v", c)
	}
	if len(c.Annotations) != 2 || c.Annotations[0].Prefix != "that the harbour cranes " || c.Annotations[0].Suffix != ".\n\nThe cranes, built in 1974" ||
		c.Annotations[0].Created != "2024-03-06T10:00:00Z" || c.Annotations[0].Updated != "2024-03-07T11:00:00Z" ||
		c.Annotations[1].Note != "Second thoughts: ask the union too" {
		t.Errorf("cranes: annotations %+v", c.Annotations)
	}
	if r := after["rail-2"]; r.Feed != "https://example.org/rail.xml" || len(r.Annotations) != 2 {
		t.Errorf("rail: %+v", r)
	}
	if g := after["glacier-3"]; !g.Retitled || g.Title != "My own title for the glacier story" || g.Annotations == nil || g.Added != "2023-01-02T03:04:05Z" {
		t.Errorf("glacier: %+v", g)
	}

	// Importing the export again changes nothing and duplicates no note.
	if out := mustRun(t, fresh, "import", file); !strings.Contains(out, "0 added, 0 updated, 4 unchanged") {
		t.Errorf("second import of the export:\n%s", out)
	}
	if again := readExport(t, mustRun(t, fresh, "export", "--format", "json")); !reflect.DeepEqual(stripIDs(again), stripIDs(after)) {
		t.Error("a second import of the export changed the library")
	}
	// And into the library it came from, too.
	if out := mustRun(t, lib, "import", file); !strings.Contains(out, "0 added, 0 updated, 4 unchanged") {
		t.Errorf("import of the export into its own library:\n%s", out)
	}

	// Markdown: one file per article, named by day, title and id.
	md := filepath.Join(dir, "vault")
	out := mustRun(t, lib, "export", "--format", "md", "--out", md, "--query", "is:annotated")
	if !strings.Contains(out, "3 articles exported") {
		t.Errorf("md export summary: %s", out)
	}
	name := "2024-03-05-harbour-cranes-to-be-replaced-" + ids["cranes-1"] + ".md"
	doc, err := os.ReadFile(filepath.Join(md, name))
	if err != nil {
		t.Fatalf("md export: %v", err)
	}
	// The time it was added is the import's, written to the second.
	wantFront := "---\ntitle: Harbour cranes to be replaced\nsource: Port Gazette\ndate: 2024-03-05T09:30:00Z\nadded: ADDED\nurl: https://example.org/cranes\n" +
		"author: A. Writer\ntags:\n  - europe\n  - long read\nread: true\nstarred: true\nid: " + ids["cranes-1"] + "\nexternal_id: cranes-1\n---\n"
	added := regexp.MustCompile(`(?m)^added: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$`).FindStringSubmatch(string(doc))
	if added == nil || !strings.HasPrefix(string(doc), strings.Replace(wantFront, "ADDED", added[1], 1)) {
		t.Errorf("front matter:\n%s\nwant it to start:\n%s", doc, wantFront)
	}
	wantNotes := "## Notes\n\nSecond thoughts: ask the union too\n\n> would be replaced by the end of the year\n\nwhich contractor?\n"
	if !strings.HasSuffix(string(doc), wantNotes) {
		t.Errorf("notes section:\n%s\nwant it to end:\n%s", doc, wantNotes)
	}
	if !strings.Contains(string(doc), "\nThe port authority said on Tuesday that the **harbour cranes**") {
		t.Errorf("body missing:\n%s", doc)
	}
	// Exporting again writes over its own files and nothing else...
	mdFiles := func() []string {
		found, _ := filepath.Glob(filepath.Join(md, "*.md"))
		return found
	}
	exported := mdFiles()
	mustRun(t, lib, "export", "--format", "md", "--out", md, "--query", "is:annotated")
	if again := mdFiles(); len(again) != len(exported) || len(again) != 3 {
		t.Errorf("%d files after exporting again, %d before", len(again), len(exported))
	}
	// ...but not over one edited since it was written (notes added in
	// Obsidian), which it names, counts and exits 1 for.
	edited := append(doc, []byte("\nMy own thoughts, written in Obsidian.\n")...)
	if err := os.WriteFile(filepath.Join(md, name), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	kept := tidings(t, lib, nil, "export", "--format", "md", "--out", md, "--query", "is:annotated")
	if kept.code != 1 || !strings.Contains(kept.stderr, "kept: "+filepath.Join(md, name)+": edited since it was exported; left as it is") ||
		!strings.Contains(kept.stdout, "; 1 file kept as it was (delete it to export it again); 0 failed") {
		t.Errorf("export over an edited file: exit %d, said:\n%s%s", kept.code, kept.stdout, kept.stderr)
	}
	if now, err := os.ReadFile(filepath.Join(md, name)); err != nil || string(now) != string(edited) {
		t.Errorf("the edited export was written over: %v", err)
	}
}

func stripIDs(m map[string]exported) map[string]exported {
	out := make(map[string]exported, len(m))
	for k, v := range m {
		v.ID = 0
		out[k] = v
	}
	return out
}

func TestExportUsage(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for name, args := range map[string][]string{
		"no format":      {"export"},
		"unknown format": {"export", "--format", "xml"},
		"md without out": {"export", "--format", "md"},
		"an argument":    {"export", "--format", "json", "extra"},
	} {
		t.Run(name, func(t *testing.T) {
			if r := tidings(t, lib, nil, args...); r.code != 2 {
				t.Errorf("tidings %v: exit %d, want 2\n%s", args, r.code, r.stderr)
			}
		})
	}
	// A file of the same name that is not the article's export stays.
	mustRun(t, lib, "import", samplePath(t))
	dir := t.TempDir()
	mine := filepath.Join(dir, "2024-03-05-in-a-startling-revelation-a-leaked-audio-recording-1.md")
	if err := os.WriteFile(mine, []byte("my own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := tidings(t, lib, nil, "export", "--format", "md", "--out", dir)
	if r.code != 1 || !strings.Contains(r.stderr, "left alone") || !strings.Contains(r.stdout, "1 failed") {
		t.Errorf("export over an unrelated file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if data, _ := os.ReadFile(mine); string(data) != "my own notes\n" {
		t.Errorf("an unrelated file was overwritten: %q", data)
	}
}
