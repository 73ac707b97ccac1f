package feeds

import (
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// titleHeadingSeeds are titles Markdown reads otherwise than as text.
var titleHeadingSeeds = []string{
	"What's new in C#", "C++ & C#", "Learn C #", "Title ###", "We are #1 again #", "*", "#", "##", "# #",
	"# Heading", "## Notes", "#hashtag", `\`, `C:\path\#`, `a \# b`, "*emphasis* and _underscore_",
	"snake_case", "`code`", "[link](https://example.com)", "![image](x.png)", "[[Wikilink]]", "<b>bold</b>",
	"<https://example.com>", "&amp; an entity", "AT&T", "&#35;", "&copy 2024", "&&amp;", "- dash", "+ plus",
	"* star", "1. First", "2) Second", "2024. A year", "> quote", "---", "***", "___", "```fence", "~~~",
	"~~strike~~", "emoji 🎉🎉 #", "עברית חדשה #", "مرحبا بالعالم #", "\u200fRLM first", "null", "~",
	NotesMarker, `\*not emphasis\*`, "Plain title",
}

// exportedDoc is a Markdown file as tidings' export writes one: the title in
// the front matter and as the heading, then the body.
func exportedDoc(t testing.TB, title, body string) string {
	fm, err := yaml.Marshal(map[string]string{"title": title})
	if err != nil {
		t.Fatal(err)
	}
	return "---\n" + string(fm) + "---\n\n" + TitleHeading(title) + "\n\n" + body + "\n"
}

// TestTitleHeadingReadsBack: a title written as the export writes it reads
// back as itself, from the front matter, with the heading out of the body
// (a title ending in "#" kept its heading in the body, one more at every
// export and import), and from the heading alone, as a Markdown viewer
// shows it.
func TestTitleHeadingReadsBack(t *testing.T) {
	for _, title := range titleHeadingSeeds {
		items := readString(t, "x.md", exportedDoc(t, title, "The body."))
		if a := items[0].Article; a.Title != title || a.Body != "The body." {
			t.Errorf("%q written as %q reads back as title %q body %q", title, TitleHeading(title), a.Title, a.Body)
		}
		items = readString(t, "x.md", TitleHeading(title)+"\n\nThe body.\n")
		if a := items[0].Article; a.Title != CleanLine(title) || a.Body != "The body." {
			t.Errorf("the heading %q alone reads as title %q body %q; want title %q", TitleHeading(title), a.Title, a.Body, title)
		}
	}
}

// TestEarlierExportsTitleHeading: a file an earlier tidings exported, its
// heading "# " and the title as it is, reads without the heading in the
// body too, and a heading read as CommonMark reads it gives the title.
func TestEarlierExportsTitleHeading(t *testing.T) {
	for _, title := range titleHeadingSeeds {
		fm, err := yaml.Marshal(map[string]string{"title": title})
		if err != nil {
			t.Fatal(err)
		}
		items := readString(t, "x.md", "---\n"+string(fm)+"---\n\n# "+title+"\n\nThe body.\n")
		if a := items[0].Article; a.Title != title || a.Body != "The body." {
			t.Errorf("# %s reads back as title %q body %q", title, a.Title, a.Body)
		}
	}
	for heading, want := range map[string]string{
		"# What's new in C#": "What's new in C#",
		"# Learn C #":        "Learn C",
		"# Title ###   ":     "Title",
		"# ###":              "",
		"# Title \\###":      "Title ###",
	} {
		line, _ := headingLine(heading + "\n\nBody.")
		if got := headingText(line); got != want {
			t.Errorf("%q reads as %q, want %q", heading, got, want)
		}
	}
}

// FuzzTitleHeading: any title, as an import cleans it, written as the
// export writes it, reads back as itself with the body as it was.
func FuzzTitleHeading(f *testing.F) {
	for _, s := range titleHeadingSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		a := Article{Title: raw, Body: "x"}
		Normalize(&a)
		title := a.Title
		if title == "" || title != raw {
			return // not a title a library holds
		}
		items := readString(t, "x.md", exportedDoc(t, title, "The body."))
		if len(items) != 1 {
			t.Fatalf("%d articles", len(items))
		}
		if got := items[0].Article; got.Title != title || got.Body != "The body." {
			t.Errorf("%q written as %q reads back as title %q body %q", title, TitleHeading(title), got.Title, got.Body)
		}
		if strings.Contains(TitleHeading(title), "\n") {
			t.Errorf("%q written over lines: %q", title, TitleHeading(title))
		}
	})
}

// TestTitleHeadingFormerID: a file without an id whose heading an earlier
// tidings read otherwise ("# News in C#" as "News in C") is found by the
// id it had then.
func TestTitleHeadingFormerID(t *testing.T) {
	a := readString(t, "x.md", "# News in C#\n\nThe body.\n")[0].Article
	if a.Title != "News in C#" || a.Body != "The body." {
		t.Errorf("title %q body %q", a.Title, a.Body)
	}
	old := Article{Title: "News in C", Body: "The body."}
	Normalize(&old)
	if a.ExternalID == old.ExternalID || !slices.Contains(a.FormerIDs, old.ExternalID) {
		t.Errorf("id %q, former ids %q; want %q among the former", a.ExternalID, a.FormerIDs, old.ExternalID)
	}
}
