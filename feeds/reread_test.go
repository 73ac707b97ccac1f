package feeds

import (
	"slices"
	"testing"
	"time"
)

// RereadCase is a file without an id of its own that tidings reads
// otherwise now than it did before, and the article it read then.
type RereadCase struct {
	Name, Content string
	Before        Article // as an earlier tidings read the file, before Normalize
}

// RereadCases are the files whose reading changed: text in Windows-1252
// read as such instead of with its bytes replaced, a source that is a
// link, TOML front matter that is not TOML, YAML's fields in it.
var RereadCases = []RereadCase{
	{
		Name:    "note.md",
		Content: "---\ntitle: Caf\xe9 notes \x96 Z\xfcrich\ntags: [caf\xe9]\ndate: 2024-04-01\n---\nMeeting at the caf\xe9 \x93Odeon\x94 in Z\xfcrich \x96 5 \x80.\n",
		Before: Article{
			Title:     "Caf\uFFFD notes \uFFFD Z\uFFFDrich",
			Published: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC),
			Body:      "Meeting at the caf\uFFFD \uFFFDOdeon\uFFFD in Z\uFFFDrich \uFFFD 5 \uFFFD.",
		},
	},
	{
		Name:    "page.html",
		Content: "<html><head><title>Caf\xe9 cr\xe8me</title></head><body><p>Herr M\xfcller im Caf\xe9 \x96 sch\xf6n.</p></body></html>",
		Before: Article{
			Title: "Caf\uFFFD cr\uFFFDme",
			Body:  "Herr M\uFFFDller im Caf\uFFFD \uFFFD sch\uFFFDn.",
		},
	},
	{
		Name: "declared-utf-8.html",
		Content: "<html><head><meta charset=\"utf-8\"><title>M\xfcller\x92s caf\xe9</title></head>" +
			"<body><p>Herr M\xfcller sagte \x84Gr\xfc\xdf Gott\x93.</p></body></html>",
		Before: Article{
			Title: "M\uFFFDller\uFFFDs caf\uFFFD",
			Body:  "Herr M\uFFFDller sagte \uFFFDGr\uFFFD Gott\uFFFD.",
		},
	},
	{
		Name: "page.xhtml",
		Content: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Z\xfcrich caf\xe9</title></head>" +
			"<body><p>Gr\xfc\xdfe aus Z\xfcrich, tr\xe8s bien.</p></body></html>",
		Before: Article{
			Title: "Z\uFFFDrich caf\uFFFD",
			Body:  "Gr\uFFFDe aus Z\uFFFDrich, tr\uFFFDs bien.",
		},
	},
	{
		Name:    "no-id.txt",
		Content: "date 2024-03-12 (MENAFN) Z\xfcrich\x92s \x93trams\x94 \x96 caf\xe9 \x805, a text without an id token after it.\n",
		Before: Article{
			Source:    "MENAFN",
			Published: time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC),
			Body:      "Z\uFFFDrich\uFFFDs \uFFFDtrams\uFFFD \uFFFD caf\uFFFD \uFFFD5, a text without an id token after it.",
		},
	},
	{
		Name: "clipping.md",
		Content: "---\ntitle: \"Luftwaffe leak: what the recording reveals\"\nsource: \"https://www.example-news.com/world/2024/03/05/luftwaffe-leak\"\n" +
			"author:\n  - \"[[Anna Schmidt]]\"\npublished: 2024-03-05\ncreated: 2024-03-06\ntags:\n  - \"clippings\"\n---\nA leaked audio recording has emerged.\n",
		Before: Article{
			Title:     "Luftwaffe leak: what the recording reveals",
			Source:    "https://www.example-news.com/world/2024/03/05/luftwaffe-leak",
			Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
			Body:      "A leaked audio recording has emerged.",
		},
	},
	{
		Name:    "broken-toml.md",
		Content: "+++\ntitle = \"Broken TOML\ndate = 2022-02-02\n+++\nbody two\n",
		Before:  Article{Body: "+++\ntitle = \"Broken TOML\ndate = 2022-02-02\n+++\nbody two"},
	},
	{
		Name:    "unclosed-toml.md",
		Content: "+++\ntitle = \"No end\"\ndate = 2022-02-02\n\nThe text.\n",
		Before:  Article{Body: "+++\ntitle = \"No end\"\ndate = 2022-02-02\n\nThe text."},
	},
	{
		// YAML between "+++" lines: its fields were lost when TOML's
		// alone were read line by line.
		Name:    "yaml-in-toml.md",
		Content: "+++\ntitle: Tram: broken toml\ndate: 2024-01-08\ntags: tram\n+++\n\nThe harbour board approved the new ferry on Tuesday.\n\nResidents welcomed it.\n",
		Before:  Article{Body: "The harbour board approved the new ferry on Tuesday.\n\nResidents welcomed it."},
	},
	{
		// The same, as tidings read it before TOML front matter that is
		// not TOML was read line by line.
		Name:    "yaml-in-toml-kept.md",
		Content: "+++\ntitle: Tram: broken toml\ndate: 2024-01-08\ntags: tram\n+++\n\nThe harbour board approved the new ferry on Tuesday.\n",
		Before:  Article{Body: "+++\ntitle: Tram: broken toml\ndate: 2024-01-08\ntags: tram\n+++\n\nThe harbour board approved the new ferry on Tuesday."},
	},
	{
		// TOML and YAML lines mixed: the TOML ones were read.
		Name:    "toml-and-yaml.md",
		Content: "+++\ntitle = \"Tram news\"\ndate: 2024-01-08\nauthor: Sam\n+++\nThe trams run late.\n",
		Before:  Article{Title: "Tram news", Body: "The trams run late."},
	},
	{
		// In Windows-1252 too.
		Name:    "yaml-in-toml-1252.md",
		Content: "+++\ntitle: Caf\xe9: reopened\n+++\nThe caf\xe9 reopens.\n",
		Before:  Article{Body: "The café reopens."},
	},
	{
		// Both at once: read in Windows-1252, its source a link.
		Name:    "clipping-1252.md",
		Content: "---\ntitle: Caf\xe9 reopens\nsource: https://news.example/caf\xe9\ndate: 2024-04-01\n---\nThe caf\xe9 reopens.\n",
		Before: Article{
			Title:     "Caf\uFFFD reopens",
			Source:    "https://news.example/caf\uFFFD",
			Published: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC),
			Body:      "The caf\uFFFD reopens.",
		},
	},
}

// TestRereadFilesKeepTheirIDs: a file without an id that tidings reads
// otherwise now keeps among its former ids the id it had when an earlier
// tidings read it, so that importing it again updates the article instead
// of adding it twice (the store's side: reread_store_test.go).
func TestRereadFilesKeepTheirIDs(t *testing.T) {
	for _, c := range RereadCases {
		t.Run(c.Name, func(t *testing.T) {
			items := readString(t, c.Name, c.Content)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			before := c.Before
			Normalize(&before)
			if a.ExternalID == before.ExternalID {
				t.Fatalf("read as before: %+v", a)
			}
			if !slices.Contains(a.FormerIDs, before.ExternalID) {
				t.Errorf("former ids %q lack %q, the id of %+v", a.FormerIDs, before.ExternalID, before)
			}
		})
	}
}
