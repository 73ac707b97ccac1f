package feeds

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// readAll reads path with Read and returns every item.
func readAll(t testing.TB, path string) []Item {
	t.Helper()
	var items []Item
	if err := Read(path, func(it Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return items
}

// readString reads text as a stream with ReadStream.
func readString(t testing.TB, name, text string) []Item {
	t.Helper()
	var items []Item
	if err := ReadStream(name, strings.NewReader(text), func(it Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatalf("ReadStream(%s): %v", name, err)
	}
	return items
}

func paragraphs(body string) []string { return strings.Split(body, "\n\n") }

func TestRealSample(t *testing.T) {
	items := readAll(t, "testdata/sample/menafn-luftwaffe-leak.txt")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items: %+v", items)
	}
	a := items[0].Article
	checkNormalized(t, a)
	if a.ExternalID != "MENAFN05032024000045015687ID1107936133" {
		t.Errorf("external id %q", a.ExternalID)
	}
	if a.Source != "MENAFN" {
		t.Errorf("source %q", a.Source)
	}
	if want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) || a.Published.Location() != time.UTC {
		t.Errorf("published %v, want %v", a.Published, want)
	}
	if !strings.HasPrefix(a.Title, "In a startling revelation") || !strings.HasSuffix(a.Title, "…") {
		t.Errorf("title %q", a.Title)
	}
	if n := len([]rune(a.Title)); n > 101 {
		t.Errorf("title is %d characters long", n)
	}
	if got := len(paragraphs(a.Body)); got != 6 {
		t.Errorf("%d paragraphs, want 6", got)
	}
	if strings.Contains(a.Body, "ID1107936133") {
		t.Errorf("body keeps the id line")
	}
	if !strings.HasPrefix(a.Body, "In a startling revelation") || !strings.HasSuffix(a.Body, "Western military circles.") {
		t.Errorf("body starts or ends wrong: %q", a.Body)
	}
	if len(a.Warnings) != 0 {
		t.Errorf("warnings %q", a.Warnings)
	}
	if items[0].Line != 1 {
		t.Errorf("line %d", items[0].Line)
	}
}

// The paragraphs of most fixtures.
const (
	fixtureP1 = "The harbour authority of the coastal town of Vellmar said on Tuesday that a new ferry line would link the island of Osk to the mainland from June, cutting the crossing time to forty minutes."
	fixtureP2 = `Residents had campaigned for the service for more than a decade. "We waited a long time for this," said Ana Ruiz, who runs a bakery near the pier.`
	fixtureP3 = "The operator expects about 1,200 passengers a day in the first summer and plans two additional sailings at weekends."
)

func TestSampleVariants(t *testing.T) {
	type want struct {
		line     int
		id       string
		source   string
		date     string
		body     []string
		warnings string
	}
	three := []string{fixtureP1, fixtureP2, fixtureP3}
	tests := map[string][]want{
		"no-date.txt": {{line: 1, id: "MENAFN12062024000187011023ID1108312345", source: "MENAFN", date: "2024-06-12",
			body: three, warnings: "no date; took 2024-06-12 from the id"}},
		"syndicated.txt": {{line: 1, id: "MENAFN12062024000187011023ID1108312345", source: "MENAFN - AzerNews",
			date: "2024-06-12", body: three}},
		"no-source.txt": {{line: 1, id: "AP04032024000000000001ID1100000777", date: "2024-03-04",
			body: three[:2], warnings: "no source"}},
		"single-newlines.txt": {{line: 1, id: "REUTERS20012025000000000002ID1100000778", source: "Reuters",
			date: "2025-01-20", body: three}},
		"hard-wrapped.txt": {{line: 1, id: "AFP02112024000000000003ID1100000779", source: "AFP",
			date: "2024-11-02", body: three}},
		"remnant-dup-id.txt": {{line: 1, id: "XINHUA30082024000000000004ID1100000780", source: "Xinhua",
			date: "2024-08-30", body: three[:2]}},
		"bom-crlf.txt": {{line: 1, id: "ANADOLU14022025000000000005ID1100000781", source: "Anadolu",
			date: "2025-02-14", body: three}},
		"markdown-like.txt": {{line: 1, id: "DPA01052024000000000006ID1100000782", source: "dpa", date: "2024-05-01",
			body: []string{
				`\# of protesters rose to 3,000 on Sunday, police said.`,
				`\> 50 percent of the vote went to the incumbent.`,
				`\- 3 degrees were measured at the summit overnight.`,
				`1\. FC Vellmar won the cup final 2-1.`,
				`\* marks the stations that stay closed.`,
				`\| is the symbol the timetable uses for a stop on request.`,
				"\\<b> tags and `backticks` should stay literal too.",
			}}},
		"stream.txt": {
			{line: 1, id: "AP03012024000000000010ID1100000790", source: "AP", date: "2024-01-03",
				body: []string{"First article of the stream reports a quiet start to the year in Vellmar.", "It has two paragraphs."}},
			{line: 10, id: "MENAFN04012024000000000011ID1100000791", source: "MENAFN - Gulf Times", date: "2024-01-04",
				body: []string{"Second article has no date line, only a syndication tag."}, warnings: "no date; took 2024-01-04 from the id"},
			{line: 15, source: "UPI", date: "2024-01-05",
				body: []string{"Third article has no id token at its end.", "Its text goes on here."}},
			{line: 20, id: "KUNA06012024000000000013ID1100000793", source: "KUNA", date: "2024-01-06",
				body: []string{"Fourth article follows directly after."}},
		},
	}
	for name, wants := range tests {
		t.Run(name, func(t *testing.T) {
			items := readAll(t, filepath.Join("testdata/sample", name))
			if len(items) != len(wants) {
				t.Fatalf("%d items, want %d", len(items), len(wants))
			}
			for i, w := range wants {
				it := items[i]
				if it.Err != nil {
					t.Fatalf("item %d: %v", i, it.Err)
				}
				a := it.Article
				checkNormalized(t, a)
				if it.Line != w.line {
					t.Errorf("item %d: line %d, want %d", i, it.Line, w.line)
				}
				if w.id == "" {
					if !strings.HasPrefix(a.ExternalID, IdentityPrefix) {
						t.Errorf("item %d: id %q, want a derived one", i, a.ExternalID)
					}
				} else if a.ExternalID != w.id {
					t.Errorf("item %d: id %q, want %q", i, a.ExternalID, w.id)
				}
				if a.Source != w.source {
					t.Errorf("item %d: source %q, want %q", i, a.Source, w.source)
				}
				if got := a.Published.Format(time.DateOnly); got != w.date {
					t.Errorf("item %d: date %s, want %s", i, got, w.date)
				}
				if got := paragraphs(a.Body); strings.Join(got, "\n\n") != strings.Join(w.body, "\n\n") {
					t.Errorf("item %d: body\n%q\nwant\n%q", i, got, w.body)
				}
				if got := strings.Join(a.Warnings, "; "); got != w.warnings {
					t.Errorf("item %d: warnings %q, want %q", i, got, w.warnings)
				}
			}
		})
	}
}

func TestSampleStreams(t *testing.T) {
	tests := map[string]struct {
		in    string
		lines []int    // where each item starts
		errs  []string // per item: "" or part of the error
		paras []int    // paragraphs per article
	}{
		"leading blank lines": {
			in:    "\n\n   \n date 2024-01-01 (AP) Text here.\n\nAP01012024000000000001ID1100000001",
			lines: []int{4}, errs: []string{""}, paras: []int{1},
		},
		"indented date lines": {
			in:    "\tdate 2024-01-01 (AP) One.\n  date 2024-01-02 (AP) Two.\n",
			lines: []int{1, 2}, errs: []string{"", ""}, paras: []int{1, 1},
		},
		"header only": {
			in:    " date 2024-01-01 (AP)\n date 2024-01-02 (AP) Text.",
			lines: []int{1, 2}, errs: []string{"article has no text", ""}, paras: []int{0, 1},
		},
		"header alone on its line": {
			in:    " date 2024-01-01 (AP)\nText on the next line.\n\nAnd more.\n\nAP01012024000000000001ID1100000001",
			lines: []int{1}, errs: []string{""}, paras: []int{2},
		},
		"date mid line is text": {
			in:    " date 2024-01-01 (AP) It said date 2024-01-02 (AP) in the text.\n",
			lines: []int{1}, errs: []string{""}, paras: []int{1},
		},
		"date without source is no boundary mid article": {
			in:    " date 2024-01-01 (AP) One.\ndate 2024-01-02 starts a line of text.\n",
			lines: []int{1}, errs: []string{""}, paras: []int{2},
		},
		"after an id a new article starts": {
			in:    " date 2024-01-01 (AP) One.\n\nAP01012024000000000001ID1100000001\nPlain text after the id.\n",
			lines: []int{1, 4}, errs: []string{"", ""}, paras: []int{1, 1},
		},
		"id repeated after blank lines": {
			in:    " date 2024-01-01 (AP) One.\n\nAP01012024000000000001ID1100000001\n\n\nAP01012024000000000001ID1100000001\n\n",
			lines: []int{1}, errs: []string{""}, paras: []int{1},
		},
		"word with ID is text": {
			in:    " date 2024-01-01 (AP) One.\n\nCOVID19\n\nMore text.",
			lines: []int{1}, errs: []string{""}, paras: []int{3},
		},
		"invalid date": {
			in:    " date 2024-02-30 (AP) Text.\n",
			lines: []int{1}, errs: []string{""}, paras: []int{1},
		},
		"long line under the cap kept whole": {
			in:    " date 2024-01-01 (AP) " + strings.Repeat("word ", 200000) + "end.\n\nAP01012024000000000001ID1100000001",
			lines: []int{1}, errs: []string{""}, paras: []int{1},
		},
		"crlf line ends": {
			in:    " date 2024-01-01 (AP) Text.\r\n\r\nMore.\r\n",
			lines: []int{1}, errs: []string{""}, paras: []int{2},
		},
		"cr line ends, two articles": {
			in:    " date 2024-01-01 (AP) Text.\r\rMore.\r\rAP01012024000000000001ID1100000001\r date 2024-01-02 (AP) Two.\r",
			lines: []int{1, 6}, errs: []string{"", ""}, paras: []int{2, 1},
		},
		"mixed line ends": {
			in:    " date 2024-01-01 (AP) Text.\r\n\rMore.\n\n date 2024-01-02 (AP) Two.\r",
			lines: []int{1, 5}, errs: []string{"", ""}, paras: []int{2, 1},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var items []Item
			err := readSample(strings.NewReader(tc.in), func(it Item) error {
				if it.Err == nil {
					Normalize(&it.Article)
				}
				items = append(items, it)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != len(tc.lines) {
				t.Fatalf("%d items, want %d: %+v", len(items), len(tc.lines), items)
			}
			for i, it := range items {
				if it.Line != tc.lines[i] {
					t.Errorf("item %d: line %d, want %d", i, it.Line, tc.lines[i])
				}
				if tc.errs[i] == "" && it.Err != nil || tc.errs[i] != "" && (it.Err == nil || !strings.Contains(it.Err.Error(), tc.errs[i])) {
					t.Errorf("item %d: error %v, want %q", i, it.Err, tc.errs[i])
				}
				if it.Err != nil {
					continue
				}
				checkNormalized(t, it.Article)
				if got := len(paragraphs(it.Article.Body)); got != tc.paras[i] {
					t.Errorf("item %d: %d paragraphs, want %d: %q", i, got, tc.paras[i], it.Article.Body)
				}
			}
		})
	}
}

func TestCutSourceTag(t *testing.T) {
	tests := []struct{ in, src, rest string }{
		{"(MENAFN) In a startling", "MENAFN", "In a startling"},
		{"( AP )text", "AP", "text"},
		{"(Wire (Test)) Nested source", "Wire (Test)", "Nested source"},
		{"(MENAFN- Business Wire (English)) Text", "MENAFN- Business Wire (English)", "Text"},
		{"(a (b) c (d)) Text", "a (b) c (d)", "Text"},
		{"() Text", "", "() Text"},
		{"((x)) Text", "", "((x)) Text"},
		{"(a (b (c))) too deep", "", "(a (b (c))) too deep"},
		{"(unclosed source and text", "", "(unclosed source and text"},
		{"(Wire (Test) unbalanced", "", "(Wire (Test) unbalanced"},
		{"(" + strings.Repeat("x", maxSourceTag+1) + ") Text", "", "(" + strings.Repeat("x", maxSourceTag+1) + ") Text"},
		{"no tag", "", "no tag"},
	}
	for _, tt := range tests {
		src, rest, ok := cutSourceTag([]byte(tt.in))
		if string(src) != tt.src || string(rest) != tt.rest || ok != (tt.src != "") {
			t.Errorf("cutSourceTag(%q) = %q, %q, %v; want %q, %q", tt.in, src, rest, ok, tt.src, tt.rest)
		}
	}
}

func TestSampleInvalidDateWarns(t *testing.T) {
	items := readString(t, "x.txt", " date 2024-02-30 (AP) Text.\n")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	a := items[0].Article
	if !a.Published.IsZero() || strings.Join(a.Warnings, ";") != `invalid date "2024-02-30"` {
		t.Errorf("published %v, warnings %q", a.Published, a.Warnings)
	}
}

// TestSampleBodyRendersAsPlainText parses bodies the way the reader's
// Markdown renderer does and checks that plain news text stays plain:
// only paragraphs, no headings, lists, quotes, code or HTML.
func TestSampleBodyRendersAsPlainText(t *testing.T) {
	md := goldmark.New()
	for _, name := range []string{"markdown-like.txt", "menafn-luftwaffe-leak.txt", "hard-wrapped.txt"} {
		items := readAll(t, filepath.Join("testdata/sample", name))
		for _, it := range items {
			src := []byte(it.Article.Body)
			doc := md.Parser().Parse(text.NewReader(src))
			n := 0
			for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
				n++
				if c.Kind() != ast.KindParagraph {
					t.Errorf("%s: block %d is a %s, not a paragraph", name, n, c.Kind())
				}
				ast.Walk(c, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
					switch node.Kind() {
					case ast.KindEmphasis, ast.KindLink, ast.KindRawHTML, ast.KindAutoLink:
						t.Errorf("%s: paragraph %d has a %s", name, n, node.Kind())
					}
					return ast.WalkContinue, nil
				})
			}
			if want := len(paragraphs(it.Article.Body)); n != want {
				t.Errorf("%s: renders as %d blocks, want %d", name, n, want)
			}
		}
	}
}

// repeatReader yields n copies of b without holding them all.
type repeatReader struct {
	b []byte
	n int
	i int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.b[r.i:])
	r.i += k
	if r.i == len(r.b) {
		r.i = 0
		r.n--
	}
	return k, nil
}

func TestSampleHugeLine(t *testing.T) {
	heavyUnderRace(t)
	// A 20 MiB line in the middle of a stream: its article is kept (cut,
	// with a warning) and the articles around it are read normally.
	huge := &repeatReader{b: []byte("word "), n: 4 << 20}
	r := io.MultiReader(
		strings.NewReader(" date 2024-01-01 (AP) Before.\n\nAP01012024000000000001ID1100000001\n date 2024-01-02 (AP) "),
		huge,
		strings.NewReader("\n\nAP02012024000000000002ID1100000002\n date 2024-01-03 (AP) After.\n"),
	)
	var items []Item
	err := ReadStream("huge.txt", r, func(it Item) error { items = append(items, it); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items", len(items))
	}
	for i, it := range items {
		if it.Err != nil {
			t.Fatalf("item %d: %v", i, it.Err)
		}
	}
	mid := items[1].Article
	if mid.ExternalID != "AP02012024000000000002ID1100000002" || len(mid.Body) < 1<<20 || len(mid.Body) > maxSampleLine {
		t.Errorf("middle article: id %q, body %d bytes", mid.ExternalID, len(mid.Body))
	}
	if !strings.Contains(strings.Join(mid.Warnings, ";"), "line 4 is longer than 8 MiB") {
		t.Errorf("warnings %q", mid.Warnings)
	}
	if items[2].Article.Body != "After." || items[2].Line != 7 {
		t.Errorf("last article: line %d body %q", items[2].Line, items[2].Article.Body)
	}
}

func TestSampleCallbackErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read("testdata/sample/stream.txt", func(it Item) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d items", err, n)
	}
}

func FuzzSample(f *testing.F) {
	files, _ := filepath.Glob("testdata/sample/*.txt")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(" date 2024-01-01 (\x1b]0;x\x07) \x1b[2J&#27;\n\nA\x00B\n\n<p></p>\n"))
	f.Add([]byte("(X)\n\n\n# \n\nAB123456ID1\n\nAB123456ID1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readSample(bytes.NewReader(data), func(it Item) error {
			if it.Err != nil {
				if !errors.Is(it.Err, errNoText) {
					t.Errorf("unexpected error %v", it.Err)
				}
				return nil
			}
			Normalize(&it.Article)
			checkNormalized(t, it.Article)
			return nil
		})
		// A file of nothing but white space is an empty file, said so.
		if errors.Is(err, ErrEmpty) && len(bytes.TrimSpace(data)) == 0 {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
	})
}
