package feeds

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
)

// readOne reads text named name as the importer does, and wants one
// article.
func readOne(t *testing.T, name, text string) Article {
	t.Helper()
	items := readString(t, name, text)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%s: %+v", name, items)
	}
	return items[0].Article
}

// TestTextStartingAsJSONMightBe: Markdown and text files that start with
// "[" or "{" (a link, a wikilink, a shortcode, "[UPDATE]") are read as
// what they are, not refused as JSON that is not.
func TestTextStartingAsJSONMightBe(t *testing.T) {
	tests := []struct {
		name, text, title, body string
	}{
		{"link.md", "[Original article](https://example.com/a) by Anna.\n\nThe council met.\n",
			"Original article by Anna", "[Original article](https://example.com/a) by Anna.\n\nThe council met."},
		{"wikilink.md", "[[Luftwaffe leak]] is linked from here.\n\nObsidian note body.\n",
			"[[Luftwaffe leak]] is linked from here", "[[Luftwaffe leak]] is linked from here.\n\nObsidian note body."},
		{"shortcode.md", "{{< figure src=\"x.jpg\" >}}\n\n# A post\n\nText.\n", "A post", "{{< figure src=\"x.jpg\" >}}\n\n# A post\n\nText."},
		{"brace.txt", "{draft} Notes start with a brace.\n", "{draft} Notes start with a brace", "{draft} Notes start with a brace."},
		{"object then prose.md", "{\"a\": 1} is how JSON looks.\n", "{\"a\": 1} is how JSON looks", "{\"a\": 1} is how JSON looks."},
		// A brace on a line of its own further down closes nothing.
		{"draft.md", "{draft} A note.\n\n```go\nfunc main() {\n}\n```\n", "{draft} A note", "{draft} A note.\n\n```go\nfunc main() {\n}\n```"},
		{"braces.md", "{\nA note in braces.\n}\n", "{ A note in braces. }", "{\nA note in braces.\n}"},
	}
	for _, tt := range tests {
		a := readOne(t, tt.name, tt.text)
		if a.Title != tt.title || a.Body != tt.body {
			t.Errorf("%s: title %q body %q, want %q and %q", tt.name, a.Title, a.Body, tt.title, tt.body)
		}
	}
	a := readOne(t, "update.txt", "[UPDATE] date 2024-03-05 (MENAFN) Text of the update.\n\nMENAFN05032024000045015687ID1107930777\n")
	if a.ExternalID != "MENAFN05032024000045015687ID1107930777" || !strings.Contains(a.Body, "Text of the update.") {
		t.Errorf("update.txt: %+v", a)
	}
	// JSON in a text file is JSON still.
	a = readOne(t, "export.txt", `[{"external_id": "j1", "title": "JSON", "body": "Text."}]`)
	if a.ExternalID != "j1" || a.Title != "JSON" {
		t.Errorf("export.txt: %+v", a)
	}
}

// TestJSONFrontMatter: Hugo's JSON front matter, an object at the top of a
// Markdown file, is read as YAML and TOML front matter are.
func TestJSONFrontMatter(t *testing.T) {
	a := readOne(t, "post.md", "{\n  \"title\": \"JSON front matter Hugo\",\n  \"date\": \"2022-05-05\",\n  \"tags\": [\"j\", \"k\"],\n"+
		"  \"draft\": false,\n  \"params\": {\"author\": \"not read\"},\n  \"read\": true\n}\n\nHugo allows JSON front matter.\n")
	if a.Title != "JSON front matter Hugo" || a.Body != "Hugo allows JSON front matter." || strings.Join(a.Tags, ",") != "j,k" ||
		!a.Published.Equal(time.Date(2022, 5, 5, 0, 0, 0, 0, time.UTC)) || a.Author != "" || a.Read == nil || !*a.Read || len(a.Warnings) > 0 {
		t.Errorf("%+v", a)
	}
	// A field of the wrong shape is named by its line in the file.
	a = readOne(t, "post.md", "{\n  \"title\": \"T\",\n  \"date\": \"someday\"\n}\nText.\n")
	if a.Title != "T" || a.Body != "Text." || len(a.Warnings) != 1 || a.Warnings[0] != `front matter line 3: date: cannot read "someday" as a date` {
		t.Errorf("%q %q %q", a.Title, a.Body, a.Warnings)
	}
	// Not JSON, but closed by a line of "}": read line by line.
	a = readOne(t, "post.md", "{\n  \"title\": \"Broken\",\n  \"tags\": [\"a\", \"b\"],\n  \"date\": \"2022-05-05\",\n}\n\nText.\n")
	if a.Title != "Broken" || a.Body != "Text." || strings.Join(a.Tags, ",") != "a,b" ||
		!a.Published.Equal(time.Date(2022, 5, 5, 0, 0, 0, 0, time.UTC)) ||
		len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0], "JSON front matter: line 5: ") || !strings.HasSuffix(a.Warnings[0], "its fields were read line by line") {
		t.Errorf("%q %q %q %v %q", a.Title, a.Body, a.Tags, a.Published, a.Warnings)
	}
}

// TestUTF16WithBOM: text with a UTF-16 byte order mark, as Windows'
// Notepad saves "Unicode", is read in it, whatever its format; a binary
// file that happens to start with the mark is refused still.
func TestUTF16WithBOM(t *testing.T) {
	encode := func(big bool, s string) string {
		order := unicode.LittleEndian
		if big {
			order = unicode.BigEndian
		}
		out, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	page := "<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-16\"><title>Grüße aus Köln</title></head><body><p>Köln hat einen neuen Bahnhof.</p></body></html>\r\n"
	sample := " date 2024-03-05 (MENAFN) Saved by Notepad as Unicode. Zürich.\r\n\r\nMENAFN05032024000045015687ID1107931616\r\n"
	note := "---\r\ntitle: Café\r\ntags: [café]\r\n---\r\nText in Zürich.\r\n"
	for _, big := range []bool{false, true} {
		a := readOne(t, "page.html", encode(big, page))
		if a.Title != "Grüße aus Köln" || a.Body != "Köln hat einen neuen Bahnhof." {
			t.Errorf("page (big endian %v): %q %q", big, a.Title, a.Body)
		}
		a = readOne(t, "notepad.txt", encode(big, sample))
		if a.Source != "MENAFN" || a.ExternalID != "MENAFN05032024000045015687ID1107931616" || a.Body != "Saved by Notepad as Unicode. Zürich." {
			t.Errorf("sample (big endian %v): %+v", big, a)
		}
		a = readOne(t, "note.md", encode(big, note))
		if a.Title != "Café" || a.Body != "Text in Zürich." || !slices.Equal(a.Tags, []string{"café"}) || len(a.Warnings) > 0 {
			t.Errorf("note (big endian %v): %+v", big, a)
		}
	}
	for name, data := range map[string]string{
		"nul units":      "\xff\xfe" + strings.Repeat("\x00\x00\x01\x00", 300),
		"binary numbers": "\xff\xfe" + strings.Repeat("\x12\xd8\x34\xdc\x00\xe0\x45\xdb", 200),
	} {
		items := readString(t, "x.txt", data)
		if len(items) != 1 || !errors.Is(items[0].Err, ErrBinary) {
			t.Errorf("%s: %+v, want it refused as binary", name, items)
		}
	}
}

// TestWindows1252Text: Markdown and sample text that is not UTF-8 is read
// as Windows-1252, in every field; UTF-8 with a stray byte stays UTF-8.
func TestWindows1252Text(t *testing.T) {
	a := readOne(t, "note.md", "---\ntitle: Caf\xe9 notes \x96 Z\xfcrich\ntags: [caf\xe9]\nauthor: Fran\xe7ois\ndate: 2024-04-01\n---\n"+
		"Meeting at the caf\xe9 \x93Odeon\x94 in Z\xfcrich \x96 5 \x80.\n")
	if a.Title != "Café notes – Zürich" || a.Body != "Meeting at the café “Odeon” in Zürich – 5 €." ||
		!slices.Equal(a.Tags, []string{"café"}) || a.Author != "François" || !slices.Equal(a.Warnings, []string{warnWindows1252}) {
		t.Errorf("markdown: %q %q %q %q %q", a.Title, a.Body, a.Tags, a.Author, a.Warnings)
	}
	a = readOne(t, "short.txt", " date 2024-03-12 (Z\xfcrcher Zeitung) Caf\xe9 cr\xe8me.\n\nMENAFN12032024000045015687ID1107930010\n")
	if a.Source != "Zürcher Zeitung" || a.Body != "Café crème." || !slices.Equal(a.Warnings, []string{warnWindows1252}) {
		t.Errorf("sample: %q %q %q", a.Source, a.Body, a.Warnings)
	}
	a = readOne(t, "note.md", "# Café in Zürich\n\nOne stray byte: \xe9.\n")
	if a.Title != "Café in Zürich" || a.Body != "One stray byte: \uFFFD." || !slices.Equal(a.Warnings, []string{"not valid UTF-8; 1 byte replaced"}) {
		t.Errorf("damaged UTF-8: %q %q %q", a.Title, a.Body, a.Warnings)
	}
}

// TestWebClipperSource: a source that is a web address, as Obsidian's Web
// Clipper writes it, is the article's link and its host the source; the
// brackets of wikilinks go from authors and tags.
func TestWebClipperSource(t *testing.T) {
	const head = "---\ntitle: \"Luftwaffe leak\"\nsource: \"https://www.example-news.com/world/2024/03/05/leak\"\n"
	tests := []struct {
		front, url, source, author, tags string
	}{
		{"author:\n  - \"[[Anna Schmidt]]\"\n  - \"[[Bo Lind|B. Lind]]\"\ntags:\n  - \"clippings\"\n  - \"[[Germany]]\"\n",
			"https://www.example-news.com/world/2024/03/05/leak", "example-news.com", "Anna Schmidt, B. Lind", "clippings,Germany"},
		{"url: https://example-news.com/canonical\nsite: Example News\n",
			"https://example-news.com/canonical", "Example News", "", ""},
		{"publisher: Example News\nlink: https://example-news.com/other\n",
			"https://example-news.com/other", "Example News", "", ""},
	}
	for _, tt := range tests {
		a := readOne(t, "clip.md", head+tt.front+"---\nText.\n")
		if a.URL != tt.url || a.Source != tt.source || a.Author != tt.author || strings.Join(a.Tags, ",") != tt.tags {
			t.Errorf("%q: url %q source %q author %q tags %q\nwant %q %q %q %q", tt.front, a.URL, a.Source, a.Author, a.Tags,
				tt.url, tt.source, tt.author, tt.tags)
		}
	}
	// A source that is a name stays the source.
	a := readOne(t, "clip.md", "---\nsource: Reuters\n---\nText.\n")
	if a.Source != "Reuters" || a.URL != "" {
		t.Errorf("source %q url %q", a.Source, a.URL)
	}
}
