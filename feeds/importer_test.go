package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSniff(t *testing.T) {
	tests := map[string]struct {
		head string
		name string
		want format
		err  error
	}{
		"sample by date":          {" date 2024-03-05 (MENAFN) Text", "-", formatSample, nil},
		"sample by source":        {"(MENAFN- AzerNews) Text", "-", formatSample, nil},
		"sample no source":        {"date 2024-03-04 Text", "x.dat", formatSample, nil},
		"sample after bom":        {"\uFEFF date 2024-03-05 (AP) Text", "-", formatSample, nil},
		"txt by extension":        {"Just some prose.", "notes.TXT", formatSample, nil},
		"json object":             {"  {\"title\": 1}", "-", formatJSON, nil},
		"json array":              {"\n[{}]", "x.txt", formatJSON, nil},
		"jsonl by extension":      {"{}", "x.jsonl", formatJSONLines, nil},
		"ndjson by extension":     {"{}", "x.ndjson", formatJSONLines, nil},
		"front matter":            {"---\ntitle: x\n---\n", "x.txt", formatMarkdown, nil},
		"front matter crlf":       {"---\r\ntitle: x\r\n---\r\n", "-", formatMarkdown, nil},
		"toml front matter":       {"+++\ntitle = \"x\"\n+++\n", "-", formatMarkdown, nil},
		"toml front matter crlf":  {"+++\r\ntitle = \"x\"\r\n+++\r\n", "-", formatMarkdown, nil},
		"toml front matter bom":   {"\uFEFF+++\ntitle = \"x\"\n+++\n", "x.txt", formatMarkdown, nil},
		"markdown by extension":   {"# Title\n\nText", "a.md", formatMarkdown, nil},
		"markdown long extension": {"Text", "a.markdown", formatMarkdown, nil},
		"html doctype":            {"<!DOCTYPE html><html>", "-", formatHTML, nil},
		"html tag":                {"\n  <HTML lang=en>", "x.txt", formatHTML, nil},
		"html by extension":       {"<div>x</div>", "page.htm", formatHTML, nil},
		"rss feed":                {"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", "feed.xml", formatFeed, nil},
		"atom feed":               {"<feed xmlns=\"http://www.w3.org/2005/Atom\">", "-", formatFeed, nil},
		"feed after a prolog": {"<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"s.xsl\"?><!-- c -->" +
			"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x.dtd\">\n<rss version=\"0.91\">", "x", formatFeed, nil},
		"rdf after a comment":   {"<!-- c --><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", "-", formatFeed, nil},
		"feedback is no feed":   {"<feedback/>", "-", formatMaybeFeed, nil},
		"prolog cut off":        {"<?xml version=\"1.0\"?><!-- a long comment", "-", formatMaybeFeed, nil},
		"xml by extension":      {"Some prose.", "x.RSS", formatMaybeFeed, nil},
		"json feed, told later": {"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", "feed.json", formatJSON, nil},
		"stray nul in text":     {"date 2024-01-01 (A) Some text with a stray \x00 NUL byte in the middle of a longer line of prose.", "x.txt", formatSample, nil},
		"unknown text":          {"Some prose.", "-", 0, ErrUnknownFormat},
		"unknown extension":     {"Some prose.", "x.csv", 0, ErrUnknownFormat},
		"empty":                 {"", "x.txt", 0, ErrEmpty},
		"white space only":      {" \n\t\r\n", "x.md", 0, ErrEmpty},
		"nul bytes":             {"date 2024-01-01 (A) \x00\x00", "x.txt", 0, ErrBinary},
		"utf-16":                {"\xff\xfed\x00a\x00", "x.txt", 0, ErrBinary},
		"not utf-8":             {"\x89PNG\r\n\x1a\n\xff\xd8\xff\xe0\x90\x91\x92\x93\xa0\xa1\xb0\xb1", "x.txt", 0, ErrBinary},
		"latin-1 text":          {"Caf\xe9 in Z\xfcrich, a long enough line of text to dilute two bad bytes.", "x.txt", formatSample, nil},
		"short latin-1 text":    {"Caf\xe9 cr\xe8me \xe0 la f\xeate", "x.txt", formatSample, nil},
		"cyrillic, undeclared":  {"\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2. \xee\xcf\xd7\xcf\xd3\xd4\xc9.", "x.txt", 0, ErrBinary},
		// A file that starts with "[" or "{" is JSON when it reads as JSON,
		// or is named so; a Markdown file never is.
		"markdown link first":       {"[Original article](https://example.com/a) by Anna.\n\nText.", "a.md", formatMarkdown, nil},
		"wikilink first":            {"[[Luftwaffe leak]] is linked from here.", "a.md", formatMarkdown, nil},
		"shortcode first":           {"{{< figure src=\"x.jpg\" >}}\n\nText.", "a.markdown", formatMarkdown, nil},
		"json front matter":         {"{\n  \"title\": \"Hugo\"\n}\n\nText.", "a.md", formatMarkdown, nil},
		"bracket first in text":     {"[UPDATE] date 2024-03-05 (MENAFN) Text.", "x.txt", formatSample, nil},
		"brace first in text":       {"{draft} Notes start with a brace.", "x.txt", formatSample, nil},
		"a reference first":         {"[1]: https://example.com\n", "x.txt", formatSample, nil},
		"an array then prose":       {"[1, 2] and prose", "x.txt", formatSample, nil},
		"json lines in text":        {"{\"title\": \"a\"}\n{\"title\": \"b\"}\n", "x.txt", formatJSON, nil},
		"an internet shortcut":      {"[InternetShortcut]\nURL=https://example.com/\n", "link.url", 0, ErrUnknownFormat},
		"json by name, not json":    {"[not json", "x.json", formatJSON, nil},
		"not json on stdin":         {"{not json", "-", formatJSON, nil},
		"json by content, any name": {"[{\"title\": \"a\"}]", "export.dat", formatJSON, nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := sniff([]byte(tc.head), true, tc.name)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Errorf("error %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("format %d, %v; want %d", got, err, tc.want)
			}
		})
	}
}

// TestSniffJSONCut: the start of a file that reads as JSON up to where the
// sniffer stops looking is JSON; one that reads as JSON no more is not.
func TestSniffJSONCut(t *testing.T) {
	for head, want := range map[string]format{
		`[{"title": "a", "body": "Text`: formatJSON,
		`{"title": "a", "read": tr`:     formatJSON,
		`[{"title": "a"}, 12`:           formatJSON,
		`[Original article](https://ex`: formatSample,
		`{"title": "a",, "body"`:        formatSample,
	} {
		if got, err := sniff([]byte(head), false, "x.txt"); err != nil || got != want {
			t.Errorf("%q: %d, %v; want %d", head, got, err, want)
		}
	}
}

func TestSniffUTF16Reason(t *testing.T) {
	_, err := sniff([]byte("\xff\xfed\x00"), true, "x.txt")
	if err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("error %v", err)
	}
}

// writeTree creates files (path -> content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("testdata/sample/menafn-luftwaffe-leak.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{
		"b/2.md":                "# Second\n\nText two.",
		"b/1.txt":               string(sample),
		"a.json":                `{"external_id": "j1", "title": "JSON", "body": "Text."}`,
		"c/deep/page.html":      "<html><head><title>Page</title></head><body><p>Text.</p></body></html>",
		"c/empty.txt":           "",
		"c/photo.jpg":           "\xff\xd8\xff\xe0\x00\x10JFIF\x00", // not an article: skipped
		"c/data.csv":            "a,b\n1,2\n",
		".hidden.md":            "# Hidden\n\nNo.",
		".git/config.md":        "# Hidden folder\n\nNo.",
		"b/.cache/x.md":         "# Hidden too\n\nNo.",
		"z/stream.txt":          " date 2024-01-01 (AP) One.\n\nAP01012024000000000001ID1100000001\n date 2024-01-02 (AP) Two.\n",
		"z/bad.jsonl":           "{\"external_id\": \"ok\", \"body\": \"x\"}\nnot json\n",
		"z/unclosed.md":         "---\ntitle: x\n",
		"z/zero-length-dir/.ok": "",
		"z/blank.txt":           strings.Repeat(" \n", 2000),
	})
	// A link back up the tree is a loop, an error for itself; a link to a
	// file is read; a dangling link is an error for itself only.
	if err := os.Symlink("..", filepath.Join(dir, "b", "up")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.json"), filepath.Join(dir, "z", "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "z", "dangling.md")); err != nil {
		t.Fatal(err)
	}

	var got []string
	err = Read(dir, func(it Item) error {
		rel, _ := filepath.Rel(dir, it.File)
		if it.Err != nil {
			var fe *FileError
			if !errors.As(it.Err, &fe) || fe.File != it.File {
				t.Errorf("%s: error %v is not a FileError naming the file", rel, it.Err)
			}
			msg := strings.TrimPrefix(it.Err.Error(), it.File)
			got = append(got, rel+" ERR"+msg)
			return nil
		}
		checkNormalized(t, it.Article)
		got = append(got, rel+" "+it.Article.Title)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a.json JSON",
		"b/1.txt In a startling revelation, a leaked audio recording involving high-ranking officers of the German…",
		"b/2.md Second",
		`b/up ERR: symbolic link to ".." loops back to ` + dir,
		"c/data.csv ERR: unknown format",
		"c/deep/page.html Page",
		"c/empty.txt ERR: empty file",
		"z/bad.jsonl x",
		"z/bad.jsonl ERR:2: invalid JSON: invalid character 'o' in literal null (expecting 'u')",
		"z/blank.txt ERR: empty file",
		`z/dangling.md ERR: dangling symbolic link: "` + filepath.Join(dir, "nowhere") + `" does not exist`,
		"z/link.json JSON",
		"z/stream.txt One",
		"z/stream.txt Two",
		"z/unclosed.md x",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read\n%s\n\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadMissingPath(t *testing.T) {
	var items []Item
	err := Read(filepath.Join(t.TempDir(), "missing"), func(it Item) error { items = append(items, it); return nil })
	if err != nil || len(items) != 1 || !errors.Is(items[0].Err, os.ErrNotExist) {
		t.Errorf("err %v, items %+v", err, items)
	}
}

func TestReadStopsOnCallbackError(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.md": "A.", "b.md": "B.", "c.md": "C."})
	stop := errors.New("stop")
	n := 0
	err := Read(dir, func(it Item) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("err %v after %d items", err, n)
	}
}

func TestReadSizeCap(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// Text past the sniffed first KiB, then a sparse tail that costs no disk.
	if _, err := f.WriteString("# Big\n\n" + strings.Repeat("Text. ", 400)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Truncate(big, MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	items := readAll(t, big)
	if len(items) != 1 || !errors.Is(items[0].Err, ErrTooLarge) {
		t.Errorf("items %+v", items)
	}
}

func TestReadStreamStdin(t *testing.T) {
	sample, err := os.ReadFile("testdata/sample/stream.txt")
	if err != nil {
		t.Fatal(err)
	}
	items := readString(t, "-", string(sample))
	if len(items) != 4 {
		t.Fatalf("%d items", len(items))
	}
	for _, it := range items {
		if it.Err != nil || it.File != "-" {
			t.Errorf("item: %v, file %q", it.Err, it.File)
		}
	}
	items = readString(t, "-", "plain prose without any marker")
	if len(items) != 1 || !errors.Is(items[0].Err, ErrUnknownFormat) || !strings.HasPrefix(items[0].Err.Error(), "-: ") {
		t.Errorf("items %+v", items)
	}
}

// TestReadStreamFrontMatter: Markdown with front matter is told by its
// content on standard input, where there is no file name: Jekyll's YAML
// and Hugo's TOML alike.
func TestReadStreamFrontMatter(t *testing.T) {
	tests := map[string]string{
		"yaml":                "---\ntitle: Night market\ntags: [food]\n---\n\nBody.\n",
		"toml":                "+++\ntitle = \"Night market\"\ntags = [\"food\"]\n+++\n\nBody.\n",
		"toml, crlf":          "+++\r\ntitle = \"Night market\"\r\ntags = [\"food\"]\r\n+++\r\n\r\nBody.\r\n",
		"toml, bom":           "\uFEFF+++\ntitle = \"Night market\"\ntags = [\"food\"]\n+++\n\nBody.\n",
		"toml, trailing tabs": "+++\t\ntitle = \"Night market\"\ntags = [\"food\"]\n+++\n\nBody.\n",
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "-", doc)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items %+v", items)
			}
			if a := items[0].Article; a.Title != "Night market" || a.Body != "Body." || strings.Join(a.Tags, ",") != "food" {
				t.Errorf("title %q body %q tags %q", a.Title, a.Body, a.Tags)
			}
		})
	}
}

func TestReadSavedFeedFiles(t *testing.T) {
	for name, want := range map[string]int{"wordpress-rss2.xml": 3, "jsonfeed11.json": 2} {
		t.Run(name, func(t *testing.T) {
			read := func() []Article {
				var arts []Article
				err := Read(filepath.Join("testdata", "feeds", name), func(it Item) error {
					if it.Err != nil {
						t.Errorf("item error: %v", it.Err)
						return nil
					}
					arts = append(arts, it.Article)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				return arts
			}
			first, again := read(), read()
			if len(first) != want {
				t.Fatalf("%d articles, want %d", len(first), want)
			}
			for i, a := range first {
				if a.Title == "" || a.Body == "" || a.Source == "" {
					t.Errorf("article %d lacks title, body or source: %+v", i, a)
				}
				if a.FeedURL != "" {
					t.Errorf("a feed file is not a subscription, but FeedURL = %q", a.FeedURL)
				}
				if a.ExternalID != again[i].ExternalID {
					t.Errorf("identity changes between imports: %q, %q", a.ExternalID, again[i].ExternalID)
				}
			}
		})
	}
}

// TestInvalidUTF8Warns: text that is not UTF-8 is repaired (U+FFFD) and
// the article says how many bytes were, at the line it starts on.
// TestInvalidUTF8Warns: bytes that are not UTF-8 in text that is UTF-8
// otherwise are replaced, with a warning counting them; text that is not
// UTF-8 at all is read as Windows-1252, with a warning saying so.
func TestInvalidUTF8Warns(t *testing.T) {
	const latin1 = "Caf\xe9 in Z\xfcrich"
	const damaged = "Café in Zürich \xff" // UTF-8 with a stray byte
	const replaced1 = "not valid UTF-8; 1 byte replaced"
	tests := map[string]struct {
		content string
		want    []string // "line: warnings" for each article
	}{
		"sample stream": {
			" date 2024-01-01 (AP) Clean text.\n\nAP01012024000000000001ID1100000001\n" +
				" date 2024-01-02 (AP) " + latin1 + ".\n\nAP02012024000000000002ID1100000002\n" +
				" date 2024-01-03 (AP) " + damaged + ".\n\nAP03012024000000000003ID1100000003\n",
			[]string{"1: ", "4: " + warnWindows1252, "7: " + replaced1},
		},
		"sample one bad byte": {
			" date 2024-01-01 (AP) Na\xefve " + damaged + ".\n",
			[]string{"1: not valid UTF-8; 2 bytes replaced"},
		},
		"sample bad source": {
			" date 2024-01-01 (Z\xfcrich Post) Text from Köln and Zürich.\n",
			[]string{"1: " + replaced1},
		},
		"json lines": {
			`{"external_id": "a", "body": "fine"}` + "\n" + `{"external_id": "b", "title": "` + latin1 + `", "body": "x"}` + "\n",
			[]string{"1: ", "2: not valid UTF-8; 2 bytes replaced"},
		},
		"json array": {
			"[\n" + `{"external_id": "a", "body": "fine"},` + "\n" + `{"external_id": "b", "body": "` + latin1 + `"}` + "\n]",
			[]string{"2: ", "3: not valid UTF-8; 2 bytes replaced"},
		},
		"markdown": {
			"---\ntitle: " + damaged + "\n---\n\nBody " + damaged + ".\n",
			[]string{"1: not valid UTF-8; 2 bytes replaced"},
		},
		"markdown in Windows-1252": {
			"---\ntitle: " + latin1 + "\n---\n\nBody " + latin1 + ".\n",
			[]string{"1: " + warnWindows1252},
		},
		"html": {
			"<html><head><title>" + damaged + "</title></head><body><p>Text.</p></body></html>",
			[]string{"1: " + replaced1},
		},
		"html in Windows-1252": {
			"<html><head><title>" + latin1 + "</title></head><body><p>Text.</p></body></html>",
			[]string{"1: not UTF-8 and declares no encoding: read as Windows-1252 (Latin-1)"},
		},
		"valid text": {
			" date 2024-01-01 (AP) Café in Zürich.\n",
			[]string{"1: "},
		},
	}
	ext := map[string]string{"json lines": ".jsonl", "json array": ".json", "markdown": ".md", "markdown in Windows-1252": ".md",
		"html": ".html", "html in Windows-1252": ".html"}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "file"+ext[name])
			if ext[name] == "" {
				path += ".txt"
			}
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range readAll(t, path) {
				if it.Err != nil {
					t.Fatalf("item error: %v", it.Err)
				}
				a := it.Article
				var encoding []string // the warnings of this test, not those of a missing date
				for _, w := range a.Warnings {
					if strings.Contains(w, "UTF-8") {
						encoding = append(encoding, w)
					}
				}
				got = append(got, fmt.Sprintf("%d: %s", it.Line, strings.Join(encoding, "; ")))
				for _, s := range []string{a.Title, a.Body, a.Source} {
					if !utf8.ValidString(s) {
						t.Errorf("not repaired: %q", s)
					}
				}
				text := a.Title + a.Body + a.Source
				if strings.Contains(strings.Join(a.Warnings, ";"), "replaced") != strings.Contains(text, "\uFFFD") {
					t.Errorf("warnings %q, but text %q", a.Warnings, text)
				}
				if strings.Contains(text, "Ã") {
					t.Errorf("UTF-8 read as Windows-1252: %q", text)
				}
				if strings.Contains(strings.Join(a.Warnings, ";"), "Windows-1252") && !strings.Contains(text, "Café in Zürich") {
					t.Errorf("read as Windows-1252, but %q", text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestReadFeedAfterProlog: a saved feed is read whatever stands before its
// root element (a style sheet, comments, the RSS 0.91 DOCTYPE, a BOM),
// under any name, even when that prolog is longer than the sniffed start;
// a file named like a feed that is none is still of unknown format.
func TestReadFeedAfterProlog(t *testing.T) {
	const rss = `<rss version="2.0"><channel><title>Prolog News</title><link>https://prolog.example/</link>` +
		`<item><title>One</title><guid>1</guid><description>First.</description></item>` +
		`<item><title>Two</title><guid>2</guid><description>Second.</description></item></channel></rss>`
	const decl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	prologs := map[string]string{
		"style sheet": decl + `<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>` + "\n",
		"comment":     decl + "<!-- generator: Hugo -->\n",
		"rss 0.91 doctype": decl + `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" ` +
			`"http://my.netscape.com/publish/formats/rss-0.91.dtd">` + "\n",
		"doctype with a subset": decl + `<!DOCTYPE rss [ <!ENTITY nbsp "&#160;"> <!-- a > in a comment --> ]>`,
		"all of them, and a bom": "\uFEFF" + decl + "<?xml-stylesheet href=\"a.css\" type=\"text/css\"?>\n<!-- one -->\n" +
			"<!DOCTYPE rss>\n<!-- two -->\n",
		"no declaration": "<!-- saved by a browser -->\n",
		"a long comment": decl + "<!--\n" + strings.Repeat("A licence line that goes on and on.\n", 60) + "-->\n",
		// Past the 4 KiB in which the feed parser looks for the root.
		"a longer comment": decl + "<!--\n" + strings.Repeat("A licence line that goes on and on.\n", 200) + "-->\n",
		"many comments":    decl + strings.Repeat("<!-- one of many comments -->\n", 200),
		"a long doctype":   decl + "<!DOCTYPE rss [\n" + strings.Repeat(`<!ENTITY e "an entity of the internal subset">`+"\n", 150) + "]>\n",
	}
	for name, prolog := range prologs {
		for _, file := range []string{"feed.xml", "feed.rss", "-"} {
			t.Run(name+" "+file, func(t *testing.T) {
				items := readString(t, file, prolog+rss)
				if len(items) != 2 || items[0].Err != nil || items[0].Article.Title != "One" || items[1].Article.Body != "Second." {
					t.Errorf("items %+v", items)
				}
			})
		}
	}
	t.Run("the RSS 0.91 fixture", func(t *testing.T) {
		if items := readAll(t, "testdata/feeds/rss091.xml"); len(items) != 2 || items[0].Err != nil {
			t.Errorf("items %+v", items)
		}
	})
	for _, tc := range []struct{ name, text string }{
		{"notes.xml", decl + "<notes><note>Not a feed.</note></notes>"},
		{"feed.rss", "Not even markup."},
		{"-", "<!-- a comment -->\n<svg></svg>"},
	} {
		t.Run("not a feed "+tc.name, func(t *testing.T) {
			items := readString(t, tc.name, tc.text)
			if len(items) != 1 || !errors.Is(items[0].Err, ErrUnknownFormat) {
				t.Errorf("items %+v, want unknown format", items)
			}
		})
	}
}

// TestReadJSONFeedByVersion: a JSON document is a JSON Feed when its
// top-level "version", read as JSON, names a JSON Feed version: with its
// slashes escaped (PHP's json_encode), after a long description, or after
// more than a buffer's worth of other keys. Other JSON that mentions the
// address is JSON records.
func TestReadJSONFeedByVersion(t *testing.T) {
	const items = `"items":[{"id":"p1","title":"PHP item","content_html":"<p>x<\/p>"}]`
	long := func(n int) string { return `"description":"` + strings.Repeat("A long description. ", n/20) + `",` }
	tests := map[string]struct {
		doc, name string
		feed      bool
	}{
		"escaped slashes":         {`{"version":"https:\/\/jsonfeed.org\/version\/1.1","title":"PHP Feed",` + items + `}`, "feed.json", true},
		"escaped, piped in":       {`{"version":"https:\/\/jsonfeed.org\/version\/1.1","title":"PHP Feed",` + items + `}`, "-", true},
		"unicode escapes":         {`{"version":"https\u003a//jsonfeed.org/version/1","title":"PHP Feed",` + items + `}`, "feed.json", true},
		"version after 4 KB":      {`{"title":"PHP Feed",` + long(4<<10) + `"version":"https://jsonfeed.org/version/1.1",` + items + `}`, "feed.json", true},
		"version after 600 KB":    {`{"title":"PHP Feed",` + long(600<<10) + `"nested":{"version":"1","a":[1,{"b":[]}]},"version":"https://jsonfeed.org/version/1.1",` + items + `}`, "-", true},
		"version after the items": {`{"title":"PHP Feed",` + items + `,"version":"https://jsonfeed.org/version/1"}`, "feed.json", true},
		"a record that mentions it": {`{"external_id":"r1","title":"PHP item","body":"x; see https://jsonfeed.org/version/1.1",` +
			`"feed":"https://jsonfeed.org/version/1.1"}`, "notes.json", false},
		"another version":       {`{"version":"2.0","external_id":"r1","title":"PHP item","body":"x"}`, "notes.json", false},
		"a nested version":      {`{"meta":{"version":"https://jsonfeed.org/version/1.1"},"external_id":"r1","title":"PHP item","body":"x"}`, "-", false},
		"json lines of records": {`{"external_id":"r1","title":"PHP item","body":"x"}` + "\n" + `{"external_id":"r2","title":"Two","body":"y"}` + "\n", "a.jsonl", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, tc.name, tc.doc)
			if len(items) == 0 || items[0].Err != nil {
				t.Fatalf("items %+v", items)
			}
			a := items[0].Article
			if a.Title != "PHP item" {
				t.Errorf("first article titled %q, want the item's", a.Title)
			}
			isFeed := strings.HasPrefix(a.ExternalID, "feed:")
			if isFeed != tc.feed {
				t.Errorf("read as a feed: %v, want %v (id %q)", isFeed, tc.feed, a.ExternalID)
			}
			if tc.feed && (len(items) != 1 || a.Body != "x") {
				t.Errorf("%d items, body %q", len(items), a.Body)
			}
			if name == "json lines of records" && len(items) != 2 {
				t.Errorf("%d records, want 2", len(items))
			}
		})
	}
}

// TestSniffSaysWhatIsNotAnArticle: a file named alone that its name shows
// is not an article fails saying what it is, not with advice for text.
func TestSniffSaysWhatIsNotAnArticle(t *testing.T) {
	tests := []struct {
		name, content string
		want          string
	}{
		{"paper.pdf", "%PDF-1.7\n\xe2\xe3\xcf\xd3\n" + strings.Repeat("\x80\x81\x82\x83", 50), "binary file (a PDF document, not an article)"},
		{"diagram.PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (an image, not an article)"},
		{"lib.db", "SQLite format 3\x00\x10\x00", "binary file (a database, not an article)"},
		{"app.js", "window.dataLayer = [];", "unknown format (a script, not an article)"},
		{"style.css", "body { margin: 0 }", "unknown format (a style sheet, not an article)"},
		{"logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "unknown format (an image, not an article)"},
		{"data.csv", "a,b\n1,2\n", "unknown format"},
		// Their first bytes say what they are, whatever their names.
		{"photo.bin", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (an image, not an article)"},
		{"gz.txt", "\x1f\x8b\x08\x00\x92\xff\x0a\x6b\x02\xff", "binary file (a gzip archive, not an article: gunzip it first)"},
		{"zip.txt", "PK\x03\x04\x14\x00\x00\x00\x00\x00\xb3\x82", "binary file (a zip archive, not an article: unzip it first)"},
		{"pdf.txt", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "binary file (a PDF document, not an article)"},
		{"db.txt", "SQLite format 3\x00\x10\x00\x01\x01", "binary file (a database, not an article)"},
		{"book.md", "PK\x03\x04" + strings.Repeat("\x00", 26) + "mimetypeapplication/epub+zip", "binary file (an e-book, not an article)"},
		{"tarball", strings.Repeat("\x00", 257) + "ustar\x0000", "binary file (a tar archive, not an article: extract it with tar -xf first)"},
		{"a.txt", "\x7fELF\x02\x01\x01\x00", "binary file (a program, not an article)"},
		// Text that starts with the letters of a signature is text.
		{"gif.txt", "GIF89a is an image format from 1989.\n", ""},
		{"pdf.md", "%PDF-1.7 is the version most tools write.\n", ""},
	}
	for _, tc := range tests {
		path := filepath.Join(t.TempDir(), tc.name)
		if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
			t.Fatal(err)
		}
		items := readAll(t, path)
		if tc.want == "" {
			if len(items) != 1 || errors.Is(items[0].Err, ErrBinary) {
				t.Errorf("%s: %+v, want it read as text", tc.name, items)
			}
			continue
		}
		if len(items) != 1 || items[0].Err == nil || strings.TrimPrefix(items[0].Err.Error(), path+": ") != tc.want {
			t.Errorf("%s: %+v, want the error %q", tc.name, items, tc.want)
		}
	}
}

// TestReadMHTML: a page a browser saved as one file (MHTML: Chrome's
// "Webpage, single file", Internet Explorer's .mht) is read as the page it
// holds, its first HTML part, decoded from quoted-printable or base64 and
// from the encoding its part declares; the address it was saved from is
// its link when the page gives none. On standard input it is told by its
// headers.
func TestReadMHTML(t *testing.T) {
	chrome, err := os.ReadFile("testdata/mhtml/chrome.mhtml")
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := os.ReadFile("testdata/mhtml/legacy.mht")
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		title, url, source, author, published, body, notInBody string
		warnings                                               []string
	}
	storm := want{
		title:     "Storm Shadow deliveries delayed",
		url:       "https://news.example.com/world/storm-shadow-delayed",
		source:    "news.example.com",
		author:    "Jane Roe",
		published: "2024-03-08T07:30:00Z",
		body:      "officials in Berlin and London said on Friday — the second delay this year.",
		notInBody: "Buy things",
	}
	cafe := want{
		title:    "Café society returns to Zürich",
		url:      "http://www.zurich-daily.example/2024/03/cafes",
		source:   "zurich-daily.example",
		body:     "The old cafés on the Limmat reopen this week",
		warnings: []string{"no date"},
	}
	tests := map[string]struct {
		name, text string
		want       want
	}{
		"chrome":             {"page.mhtml", string(chrome), storm},
		"chrome on stdin":    {"-", string(chrome), storm},
		"chrome, LF only":    {"page.mhtml", strings.ReplaceAll(string(chrome), "\r\n", "\n"), storm},
		"explorer":           {"page.MHT", string(legacy), cafe},
		"explorer on stdin":  {"-", string(legacy), cafe},
		"explorer, any name": {"saved.txt", string(legacy), cafe},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, tc.name, tc.text)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items %+v", items)
			}
			a, w := items[0].Article, tc.want
			published := ""
			if !a.Published.IsZero() {
				published = a.Published.Format(time.RFC3339)
			}
			if a.Title != w.title || a.URL != w.url || a.Source != w.source || a.Author != w.author || published != w.published {
				t.Errorf("title %q url %q source %q author %q published %q\nwant %+v", a.Title, a.URL, a.Source, a.Author, published, w)
			}
			if !strings.Contains(a.Body, w.body) || w.notInBody != "" && strings.Contains(a.Body, w.notInBody) || !slices.Equal(a.Warnings, w.warnings) {
				t.Errorf("body %q, warnings %q", a.Body, a.Warnings)
			}
		})
	}
}

// TestReadMHTMLFailures: an MHTML file with no page in it fails saying so.
func TestReadMHTMLFailures(t *testing.T) {
	tests := map[string]struct{ text, want string }{
		"not multipart": {"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello.\r\n", "an MHTML web archive with no parts"},
		"no html part": {"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxyz\r\n--b--\r\n",
			"an MHTML web archive with no HTML page in it"},
		"cut short": {"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxyz\r\n",
			"an MHTML web archive with no HTML page in it"},
		"no headers": {"Hello.\r\n", "an MHTML web archive with no parts"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "page.mhtml", tc.text)
			if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), tc.want) {
				t.Errorf("items %+v, want the error %q", items, tc.want)
			}
		})
	}
}

// TestReadMHTMLLarge: an archive larger than MaxFileSize is read as long as
// its page, which comes first, is not.
func TestReadMHTMLLarge(t *testing.T) {
	chrome, err := os.ReadFile("testdata/mhtml/chrome.mhtml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "big.mhtml")
	if err := os.WriteFile(path, chrome[:bytes.Index(chrome, []byte("iVBOR"))], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, MaxFileSize+1); err != nil { // an image's worth of zeros, costing no disk
		t.Fatal(err)
	}
	items := readAll(t, path)
	if len(items) != 1 || items[0].Err != nil || items[0].Article.URL != "https://news.example.com/world/storm-shadow-delayed" {
		t.Errorf("items %+v", items)
	}
}

// TestReadMHTMLRelativeLinks: an archived page's relative links resolve
// against the address it was saved from (its part's Content-Location, else
// the archive's Snapshot-Content-Location), as a browser resolves them; a
// relative canonical link too.
func TestReadMHTMLRelativeLinks(t *testing.T) {
	archive := func(snapshot, location, head string) string {
		var b strings.Builder
		b.WriteString("From: <Saved by Blink>\r\n")
		if snapshot != "" {
			b.WriteString("Snapshot-Content-Location: " + snapshot + "\r\n")
		}
		b.WriteString("Subject: Saved page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--b--\"\r\n\r\n\r\n----b--\r\n")
		b.WriteString("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n")
		if location != "" {
			b.WriteString("Content-Location: " + location + "\r\n")
		}
		b.WriteString("\r\n<!DOCTYPE html><html><head><meta charset=3D\"utf-8\"><title>Saved page</title>" + head +
			"</head><body><h1>Saved page</h1><p>Read <a href=3D\"/politics/kyiv.html\">the Kyiv story</a>, " +
			"<a href=3D\"detail.html\">the detail</a> and <a href=3D\"https://example.org/abs\">an absolute one</a>.</p></body></html>\r\n\r\n----b----\r\n")
		return b.String()
	}
	for _, tc := range []struct {
		name, text, url string
		links           []string // in the body
	}{
		{"the part's address", archive("", "https://example.com/news/story", ""), "https://example.com/news/story",
			[]string{"(https://example.com/politics/kyiv.html)", "(https://example.com/news/detail.html)", "(https://example.org/abs)"}},
		{"the archive's address", archive("https://example.com/news/story", "", ""), "https://example.com/news/story",
			[]string{"(https://example.com/politics/kyiv.html)", "(https://example.com/news/detail.html)"}},
		{"the part's before the archive's", archive("https://other.example/x/y", "https://example.com/news/story", ""), "https://example.com/news/story",
			[]string{"(https://example.com/news/detail.html)"}},
		{"where it was saved from, not its canonical link", archive("", "https://m.example.com/news/story",
			`<link rel=3D"canonical" href=3D"https://example.com/world/story">`), "https://example.com/world/story",
			[]string{"(https://m.example.com/politics/kyiv.html)", "(https://m.example.com/news/detail.html)"}},
		{"a relative canonical link", archive("", "https://example.com/news/story?amp=1",
			`<link rel=3D"canonical" href=3D"/news/story">`), "https://example.com/news/story",
			[]string{"(https://example.com/news/detail.html)"}},
		{"no address: links are text", archive("", "", ""), "", []string{"the detail", "(https://example.org/abs)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items := readString(t, "page.mhtml", tc.text)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items %+v", items)
			}
			a := items[0].Article
			if a.URL != tc.url {
				t.Errorf("url %q, want %q", a.URL, tc.url)
			}
			for _, l := range tc.links {
				if !strings.Contains(a.Body, l) {
					t.Errorf("body lacks %s:\n%s", l, a.Body)
				}
			}
		})
	}
}

// TestReadMHTMLFormerID: an archive imported when its relative links were
// dropped is found again by the id it had then.
func TestReadMHTMLFormerID(t *testing.T) {
	archive := func(links string) string {
		return "From: <Saved by Blink>\r\nSubject: Saved page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n" +
			"\tboundary=\"--b--\"\r\n\r\n\r\n----b--\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n" +
			"Content-Location: https://example.com/news/story\r\n\r\n<!DOCTYPE html><html><head><meta charset=3D\"utf-8\"><title>Saved page</title>" +
			"</head><body><h1>Saved page</h1><p>" + links + "</p></body></html>\r\n\r\n----b----\r\n"
	}
	for _, tc := range []struct {
		name, links string
		before      string // the body read before, "" when it is as now
	}{
		{"relative links", `Read <a href=3D"/politics/kyiv.html">the Kyiv story</a>, <a href=3D"detail.html">the detail</a> and <a href=3D"https://example.org/abs">an absolute one</a>.`,
			"Read the Kyiv story, the detail and [an absolute one](https://example.org/abs)."},
		{"absolute links only", `Read <a href=3D"https://example.org/abs">an absolute one</a>.`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items := readString(t, "page.mhtml", archive(tc.links))
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items %+v", items)
			}
			a := items[0].Article
			if tc.before == "" {
				if len(a.FormerIDs) != 0 {
					t.Errorf("former ids %q of a page read as before", a.FormerIDs)
				}
				return
			}
			before := Article{Source: "example.com", URL: "https://example.com/news/story", Title: "Saved page", Body: tc.before}
			Normalize(&before)
			if before.ExternalID == a.ExternalID || !slices.Contains(a.FormerIDs, before.ExternalID) {
				t.Errorf("id %s, former ids %q; want %s among them", a.ExternalID, a.FormerIDs, before.ExternalID)
			}
		})
	}
}

// TestReadAfterBlankLines: a file's format is told from its content
// however many blank lines come first, so standard input and a file
// without an extension read as the same bytes named for their format do;
// blank lines alone are an empty file, however many.
func TestReadAfterBlankLines(t *testing.T) {
	heavyUnderRace(t)
	contents := map[string]string{
		".txt":  " date 2024-06-01 (HOST) After many blank lines.\n\n\nSecond paragraph.\n",
		".md":   "---\ntitle: Night market\n---\nBody.\n",
		".json": `{"external_id": "bl1", "title": "Blank lead", "body": "Body."}` + "\n",
		".html": "<!doctype html><html><head><title>Blank lead</title></head><body><p>Text of the page.</p></body></html>\n",
	}
	leads := map[string]string{
		"100,000 newlines":        strings.Repeat("\n", 100_000),
		"CRLF, spaces and tabs":   strings.Repeat("\r\n \t", 70_000),
		"a byte order mark first": "\uFEFF" + strings.Repeat("\n", 5_000),
		"more than the buffer":    strings.Repeat(" ", 600<<10),
	}
	for lname, lead := range leads {
		for ext, content := range contents {
			t.Run(lname+ext, func(t *testing.T) {
				want := readString(t, "x"+ext, lead+content)
				if len(want) != 1 || want[0].Err != nil {
					t.Fatalf("x%s: %+v", ext, want)
				}
				for _, name := range []string{"-", "x"} {
					got := readString(t, name, lead+content)
					if len(got) != 1 || got[0].Err != nil {
						t.Fatalf("%s: %+v", name, got)
					}
					if g, w := got[0].Article, want[0].Article; g.ExternalID != w.ExternalID || g.Title != w.Title || g.Body != w.Body {
						t.Errorf("%s: id %q title %q body %q, want %q %q %q", name, g.ExternalID, g.Title, g.Body, w.ExternalID, w.Title, w.Body)
					}
				}
			})
		}
	}
	for _, name := range []string{"-", "x", "x.txt", "x.md"} {
		items := readString(t, name, strings.Repeat("\n", 100_000))
		if len(items) != 1 || !errors.Is(items[0].Err, ErrEmpty) {
			t.Errorf("%s, blank lines alone: %+v", name, items)
		}
	}

	// Errors name their line, counted from the file's start.
	items := readString(t, "x.jsonl", strings.Repeat("\n", 300_000)+`{"external_id": "a", "body": "A."}`+"\n{broken\n")
	if len(items) != 2 || items[0].Err != nil || items[1].Line != 300_002 {
		t.Errorf("JSON Lines after blank lines: %+v", items)
	}
	items = readString(t, "x.json", strings.Repeat("\n", 300_000)+`[{"external_id": "a", "body": "A."},`+"\n{broken\n")
	if len(items) != 2 || items[0].Err != nil || items[0].Line != 300_001 || items[1].Line != 300_002 {
		t.Errorf("a JSON array after blank lines: %+v", items)
	}

	// Blank lines without end: the format is told after maxBlankLead of
	// them, by the name.
	items = nil
	err := ReadStream("-", endlessBlanks{}, func(it Item) error { items = append(items, it); return nil })
	if err != nil || len(items) != 1 || !errors.Is(items[0].Err, ErrUnknownFormat) || !strings.Contains(items[0].Err.Error(), "MiB of blank lines") {
		t.Errorf("endless blank lines: %v %+v", err, items)
	}
}

// endlessBlanks reads as newlines without end.
type endlessBlanks struct{}

func (endlessBlanks) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '\n'
	}
	return len(p), nil
}

// TestReadStreamAs: a stream read as a format is read so only when its
// content does not say its own; a format tidings does not know is an error.
func TestReadStreamAs(t *testing.T) {
	tests := []struct {
		format, input, want string // want: the title, or the error
	}{
		{"md", "Just a line of text.\n", "Just a line of text"},
		{"html", "Hello <b>there</b>, reader.\n", "Hello there, reader"},
		{"md", "<!doctype html><title>Page</title><p>Text of the page.</p>", "Page"},
		{"md", `{"external_id":"x1","title":"JSON wins","body":"b"}`, "JSON wins"},
		{"doc", "text", `<stdin>: no format "doc"`},
	}
	for _, tt := range tests {
		var got string
		err := ReadStreamAs("<stdin>", tt.format, strings.NewReader(tt.input), func(it Item) error {
			if it.Err != nil {
				got = it.Err.Error()
			} else {
				got = it.Article.Title
			}
			return nil
		})
		if err != nil || got != tt.want {
			t.Errorf("ReadStreamAs(%q, %q) = %q, %v; want %q", tt.format, tt.input, got, err, tt.want)
		}
	}
}
