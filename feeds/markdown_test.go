package feeds

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestMarkdownFiles(t *testing.T) {
	tests := map[string]struct {
		check   func(t *testing.T, a Article)
		err     string // part of the error, when the file is refused
		errLine int
	}{
		"front-matter.md": {check: func(t *testing.T, a Article) {
			fields := map[string][2]string{
				"title":  {a.Title, "Harbour cranes to be replaced by 2026"},
				"source": {a.Source, "Port Gazette"},
				"url":    {a.URL, "https://gazette.example/cranes"},
				"author": {a.Author, "Lena Park, Tom Ibe"},
				"id":     {a.ExternalID, "gazette-2025-0409-cranes"},
				"tags":   {strings.Join(a.Tags, ","), "ports,Infrastructure"},
			}
			for name, f := range fields {
				if f[0] != f[1] {
					t.Errorf("%s %q, want %q", name, f[0], f[1])
				}
			}
			if want := time.Date(2025, 4, 9, 14, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
				t.Errorf("published %v", a.Published)
			}
			if !strings.HasPrefix(a.Body, "The port authority") || strings.Contains(a.Body, "# Harbour") {
				t.Errorf("body %q: want it without the title heading", a.Body)
			}
			if len(a.Warnings) != 0 {
				t.Errorf("warnings %q", a.Warnings)
			}
		}},
		"heading-title.md": {check: func(t *testing.T, a Article) {
			if a.Title != "Orchard harvest ends early" {
				t.Errorf("title %q", a.Title)
			}
			if !strings.HasPrefix(a.Body, "Warm weather") || !strings.Contains(a.Body, "## Prices") {
				t.Errorf("body %q", a.Body)
			}
		}},
		"sentence-title.md": {check: func(t *testing.T, a Article) {
			if a.Title != "Volunteers planted 400 trees along the river path on Saturday" {
				t.Errorf("title %q", a.Title)
			}
			if !strings.HasPrefix(a.ExternalID, IdentityPrefix) {
				t.Errorf("id %q", a.ExternalID)
			}
		}},
		"odd-fields.md": {check: func(t *testing.T, a Article) {
			if a.Title != "Storm warning lifted for the coast" {
				t.Errorf("title %q", a.Title)
			}
			if got := strings.Join(a.Tags, ","); got != "local,weather" {
				t.Errorf("tags %q", got)
			}
			if a.Read == nil || !*a.Read || a.Starred != nil {
				t.Errorf("read %v starred %v", a.Read, a.Starred)
			}
			want := []string{
				"front matter line 2: title should be a single value",
				`front matter line 3: date: cannot read "sometime soon" as a date`,
				"front matter line 6: starred should be true or false",
			}
			if got := strings.Join(a.Warnings, "\n"); got != strings.Join(want, "\n") {
				t.Errorf("warnings\n%s\nwant\n%s", got, strings.Join(want, "\n"))
			}
		}},
		// Front matter that is not YAML, or not closed, or not fields, costs
		// the file nothing but a warning.
		"bad-yaml.md": {check: func(t *testing.T, a Article) {
			if a.Title != "Fine" || a.Body != "Body." {
				t.Errorf("title %q body %q", a.Title, a.Body)
			}
			want := []string{
				"front matter line 2: not YAML (did not find expected ',' or ']'); its fields were read line by line",
				`front matter line 3: date: cannot read "[unclosed" as a date`,
			}
			if got := strings.Join(a.Warnings, "\n"); got != strings.Join(want, "\n") {
				t.Errorf("warnings\n%s\nwant\n%s", got, strings.Join(want, "\n"))
			}
		}},
		"colon-title.md": {check: func(t *testing.T, a Article) {
			fields := map[string][2]string{
				"title":  {a.Title, "Breaking: markets fall as oil jumps"},
				"source": {a.Source, "Wire: Markets desk"},
				"url":    {a.URL, "https://example.com/markets?x=1"},
				"tags":   {strings.Join(a.Tags, ","), "markets,oil"},
				"body":   {a.Body, "Stocks fell sharply on Tuesday."},
			}
			for name, f := range fields {
				if f[0] != f[1] {
					t.Errorf("%s %q, want %q", name, f[0], f[1])
				}
			}
			if want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
				t.Errorf("published %v", a.Published)
			}
			if len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0], "front matter: not YAML (mapping values are not allowed") {
				t.Errorf("warnings %q", a.Warnings)
			}
		}},
		"unclosed.md": {check: func(t *testing.T, a Article) {
			if a.Title != "Never closed" || a.Body != "Body text without an end to the front matter." {
				t.Errorf("title %q body %q", a.Title, a.Body)
			}
			want := `front matter line 1: not closed with "---"; it was read as ending at line 2`
			if len(a.Warnings) != 1 || a.Warnings[0] != want {
				t.Errorf("warnings %q, want %q", a.Warnings, want)
			}
		}},
		"rules.md": {check: func(t *testing.T, a Article) {
			if a.Title != "A letter that starts with a rule" || !strings.HasPrefix(a.Body, "---\n\nA letter") || !strings.HasSuffix(a.Body, "And has another.") {
				t.Errorf("title %q body %q", a.Title, a.Body)
			}
			if len(a.Warnings) != 1 || !strings.HasSuffix(a.Warnings[0], "; read as part of the body") {
				t.Errorf("warnings %q", a.Warnings)
			}
		}},
		"leading-rule.md": {check: func(t *testing.T, a Article) {
			if !strings.HasPrefix(a.Body, "---\n\nA story told between rules: it has a colon.") || len(a.Warnings) != 0 {
				t.Errorf("body %q warnings %q", a.Body, a.Warnings)
			}
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readAll(t, "testdata/markdown/"+name)
			if len(items) != 1 {
				t.Fatalf("%d items", len(items))
			}
			it := items[0]
			if tc.err != "" {
				if it.Err == nil || !strings.Contains(it.Err.Error(), tc.err) || it.Line != tc.errLine {
					t.Fatalf("error %v at line %d, want %q at line %d", it.Err, it.Line, tc.err, tc.errLine)
				}
				if !strings.HasPrefix(it.Err.Error(), "testdata/markdown/"+name+":") {
					t.Errorf("error %q does not name the file", it.Err)
				}
				return
			}
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			checkNormalized(t, it.Article)
			tc.check(t, it.Article)
		})
	}
}

func TestMarkdownHeadingInCodeIsNotTitle(t *testing.T) {
	items := readString(t, "x.md", "```\n# not a title\n```\n\nThe real first sentence. More.\n")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	if got := items[0].Article.Title; got != "The real first sentence" {
		t.Errorf("title %q", got)
	}
}

func TestMarkdownCRLFAndBOM(t *testing.T) {
	items := readString(t, "x.md", "\uFEFF---\r\ntitle: Windows file\r\ntags: [a]\r\n---\r\nLine one.\r\n\r\nLine two.\r\n")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	a := items[0].Article
	if a.Title != "Windows file" || a.Body != "Line one.\n\nLine two." || strings.Join(a.Tags, ",") != "a" {
		t.Errorf("title %q body %q tags %q", a.Title, a.Body, a.Tags)
	}
}

// Whatever its front matter holds, a Markdown file with text in it is
// imported, clean.
func FuzzMarkdownFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: a: b\n---\nBody.",
		"---\ntitle: x\n",
		"---\n\nprose\n---\nmore",
		"---\ntags:\n  - a\n  - 'b'\ndate: [\n---\nBody",
		"---\n- a\n- b\n---\nBody",
		"---\r\ntitle: \"q\r\n---\r\nBody",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, it := range readString(t, "x.md", text) {
			if it.Err != nil {
				if strings.Contains(it.Err.Error(), "front matter") {
					t.Errorf("%q: %v", text, it.Err)
				}
				continue
			}
			checkNormalized(t, it.Article)
		}
	})
}

// TestLooseFrontMatter: front matter that is not YAML is read line by line
// only when it is fields; prose between two rules stays in the body.
func TestLooseFrontMatter(t *testing.T) {
	tests := map[string]struct {
		text, title, body string
		warning           string
	}{
		"prose with colons": {
			text:    "---\nThe council met late on Tuesday: the vote was close.\nUpdate: the motion passed: 5 to 2.\n---\n\nBody paragraph.\n",
			title:   "The council met late on Tuesday: the vote was close",
			body:    "---\nThe council met late on Tuesday: the vote was close.\nUpdate: the motion passed: 5 to 2.\n---\n\nBody paragraph.",
			warning: "front matter line 3: not YAML (mapping values are not allowed in this context); read as part of the body",
		},
		"folded title": {
			text:    "---\ntitle: >\n  Oil: a record\n  year\ndate: [\n---\n\nBody.\n",
			title:   "Oil: a record year",
			body:    "Body.",
			warning: "front matter line 5: not YAML (did not find expected node content); its fields were read line by line",
		},
		"quotes and a list": {
			text:    "---\ntitle: 'it''s: here'\nsource: Wire: \"Desk\"\ntags:\n  - markets\n  - 'oil: gas'\n---\nBody.\n",
			title:   "it's: here",
			body:    "Body.",
			warning: "front matter line 3: not YAML (mapping values are not allowed in this context); its fields were read line by line",
		},
		"a bracket in the title, a list left open": {
			text:    "---\ntitle: [Draft] Oil: a record\ntags: [energy, oil\n---\nBody.\n",
			title:   "[Draft] Oil: a record",
			body:    "Body.",
			warning: "front matter: not YAML (mapping values are not allowed in this context); its fields were read line by line",
		},
		"only unknown fields": {
			text:    "---\nNote: figures: revised\n---\n\nBody.\n",
			title:   "Note: figures: revised",
			body:    "---\nNote: figures: revised\n---\n\nBody.",
			warning: "front matter: not YAML (mapping values are not allowed in this context); read as part of the body",
		},
		"a heading between rules": {
			text:    "---\n# Storm warning\n---\n\nWinds are strong.\n",
			title:   "Storm warning",
			body:    "---\n# Storm warning\n---\n\nWinds are strong.",
			warning: "front matter holds nothing but comments; read as part of the body",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "x.md", tc.text)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			if a.Title != tc.title || a.Body != tc.body {
				t.Errorf("title %q body %q\nwant title %q body %q", a.Title, a.Body, tc.title, tc.body)
			}
			if len(a.Warnings) == 0 || a.Warnings[0] != tc.warning {
				t.Errorf("warnings %q, want first %q", a.Warnings, tc.warning)
			}
		})
	}
	items := readString(t, "x.md", tests["quotes and a list"].text)
	if a := items[0].Article; a.Source != `Wire: "Desk"` || strings.Join(a.Tags, ",") != "markets,oil: gas" {
		t.Errorf("source %q tags %q", a.Source, a.Tags)
	}
}

// TestMarkdownExportReadBack: tidings' own Markdown export reads back as the
// article it was: the title heading goes whatever Markdown the title holds,
// and the notes after the article are left out, with a word.
func TestMarkdownExportReadBack(t *testing.T) {
	for _, title := range []string{"Why C++ *still* matters", "`go vet` tips and tricks", "Re: [PATCH] fix <br> tags"} {
		doc := "---\ntitle: " + strconv.Quote(title) + "\n---\n\n# " + title + "\n\nThe body.\n\n" + NotesMarker + "\n\n## Notes\n\nmy note\n"
		items := readString(t, "x.md", doc)
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%+v", items)
		}
		a := items[0].Article
		if a.Title != title || a.Body != "The body." {
			t.Errorf("%q: title %q body %q", title, a.Title, a.Body)
		}
		if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "not read back as notes") {
			t.Errorf("%q: warnings %q", title, a.Warnings)
		}
	}
}

// TestTOMLFrontMatter: Hugo's TOML front matter, between "+++" lines, is
// read as YAML front matter is; TOML that does not parse stays in the body,
// with a warning naming the file's line.
func TestTOMLFrontMatter(t *testing.T) {
	items := readString(t, "post.md", "+++\ntitle = \"Hugo: a post\"\ndate = 2024-03-05T10:00:00+01:00\ntags = [\"go\", \"hugo\"]\nread = \"true\"\n[params]\nauthor = \"in a table\"\n+++\n\nBody of the post.\n")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	a := items[0].Article
	if a.Title != "Hugo: a post" || a.Body != "Body of the post." || strings.Join(a.Tags, ",") != "go,hugo" || a.Author != "" ||
		!a.Published.Equal(time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("%+v", a)
	}
	if a.Read != nil || len(a.Warnings) != 1 || a.Warnings[0] != "front matter line 5: read should be true or false" {
		t.Errorf("a quoted \"true\": read %v, warnings %q", a.Read, a.Warnings)
	}

	// Zola keeps its tags in a table.
	items = readString(t, "zola.md", "+++\ntitle = \"Zola\"\n[taxonomies]\ntags = [\"rust\", \"web\"]\n+++\nBody.\n")
	if len(items) != 1 || items[0].Err != nil || strings.Join(items[0].Article.Tags, ",") != "rust,web" {
		t.Errorf("zola: %+v", items)
	}

}

// TestTOMLFrontMatterNotTOML: front matter between "+++" lines that is not
// TOML is read line by line, as YAML front matter is, with a warning; its
// fields that can be read are, and neither the "+++" lines nor the fields
// are the article's title or text. So is TOML front matter whose closing
// "+++" is missing, up to its last field.
func TestTOMLFrontMatterNotTOML(t *testing.T) {
	day := time.Date(2022, 2, 2, 0, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		doc, title, body, tags string
		published              time.Time
		warning                string
	}{
		"an unterminated string": {
			"+++\ntitle = \"Broken TOML\ndate = 2022-02-02\n+++\nbody two\n",
			"Broken TOML", "body two", "", day,
			"TOML front matter: line 2: strings cannot contain newlines; its fields were read line by line",
		},
		"arrays over lines, a table": {
			"+++\ntitle = 'Broken\ntags = [\n  \"a\",\n  \"b\",\n]\ndate = 2022-02-02T00:00:00Z\n[taxonomies]\ncategories = [\"c\"]\n[params]\ntags = [\"no\"]\n+++\n\nThe text.\n",
			"Broken", "The text.", "a,b,c", day,
			"TOML front matter: line 2: ",
		},
		"a field that is no TOML at all": {
			"+++\ntitle = Oil: a record\ntags = [energy, oil]\n+++\nText.\n",
			"Oil: a record", "Text.", "energy,oil", time.Time{},
			"TOML front matter: line 2: ",
		},
		"nothing that can be read": {
			"+++\nA note, not TOML.\n+++\n# Title\n\nText.\n",
			"Title", "Text.", "", time.Time{},
			"TOML front matter: line 2: ",
		},
		"no closing +++": {
			"+++\ntitle = \"No end\"\ntags = [\n \"x\"]\ndate = 2022-02-02\n\nThe text.\n",
			"No end", "The text.", "x", day,
			"front matter line 1: not closed with \"+++\"; it was read as ending at line 5",
		},
		"no closing +++, no fields": {
			"+++\nSome text.\n",
			"+++ Some text", "+++\nSome text.", "", time.Time{},
			"",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "post.md", tt.doc)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			if a.Title != tt.title || a.Body != tt.body || strings.Join(a.Tags, ",") != tt.tags || !a.Published.Equal(tt.published) {
				t.Errorf("title %q body %q tags %q published %v\nwant %q, %q, %q, %v", a.Title, a.Body, a.Tags, a.Published,
					tt.title, tt.body, tt.tags, tt.published)
			}
			if tt.warning == "" && len(a.Warnings) > 0 || tt.warning != "" && (len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0], tt.warning)) {
				t.Errorf("warnings %q, want %q", a.Warnings, tt.warning)
			}
		})
	}
}

// TestCreatedIsTheDateWithoutAnother: Obsidian's created: is the article's
// date when no date: is given.
func TestCreatedIsTheDateWithoutAnother(t *testing.T) {
	for doc, want := range map[string]time.Time{
		"---\ntitle: Note\ncreated: 2024-03-05T10:00\n---\nBody.\n":                   time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC),
		"---\ntitle: Note\ncreated: 2024-03-05T10:00\ndate: 2024-01-02\n---\nBody.\n": time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
		"---\ndate: 2024-01-02\ntitle: Note\ncreated: 2024-03-05\n---\nBody.\n":       time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
	} {
		items := readString(t, "note.md", doc)
		if len(items) != 1 || items[0].Err != nil || !items[0].Article.Published.Equal(want) {
			t.Errorf("%q: %+v, want published %v", doc, items, want)
		}
	}
}

func TestMarkdownTagValues(t *testing.T) {
	tests := []struct {
		front string
		want  []string
	}{
		{"tags: [markets, oil]", []string{"markets", "oil"}},
		{"tags:\n  - climate change\n  - energy", []string{"climate change", "energy"}},
		{"tags: climate change, energy", []string{"climate change", "energy"}},
		// Jekyll's lists of words.
		{"categories: news world", []string{"news", "world"}},
		{"tags: jekyll  ruby\ncategories: blog", []string{"jekyll", "ruby", "blog"}},
		{"keywords: single", []string{"single"}},
		// Not YAML (the colon in the title): read line by line, alike.
		{"title: Oil: a record\ntags: oil prices", []string{"oil", "prices"}},
		{"title: Oil: a record\ntags: [energy, oil]", []string{"energy", "oil"}},
		// A list left open is not YAML: read line by line, its bracket
		// is not part of a tag.
		{"tags: [energy, oil", []string{"energy", "oil"}},
		{"tags: [energy, oil,\ntitle: Oil", []string{"energy", "oil"}},
		{"categories: ['news', \"world\"", []string{"news", "world"}},
		{"title: Oil: a record\ntags: [energy,\n  oil]", []string{"energy", "oil"}},
		{"title: Oil: a record\ntags: [energy,\n  oil", []string{"energy", "oil"}},
		{"keywords: [", nil},
	}
	for _, tt := range tests {
		items := readString(t, "x.md", "---\n"+tt.front+"\n---\nBody.\n")
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%q: %+v", tt.front, items)
		}
		if got := items[0].Article.Tags; !slices.Equal(got, tt.want) {
			t.Errorf("%q: tags %q, want %q", tt.front, got, tt.want)
		}
	}
}

// TestMarkdownDateFromFileName: a file named as Jekyll names posts,
// YYYY-MM-DD-title.md, is dated by its name when its front matter gives no
// date; a date in the front matter wins.
func TestMarkdownDateFromFileName(t *testing.T) {
	may17 := time.Date(2023, 5, 17, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, doc string
		want      time.Time
	}{
		{"_posts/2023-05-17-filename-date.md", "---\nlayout: post\ntitle: \"Filename date only\"\n---\nBody.\n", may17},
		{"2023-05-17-no-front-matter.md", "# A post\n\nBody.\n", may17},
		{"2023-05-17-hugo.md", "+++\ntitle = \"Hugo\"\n+++\nBody.\n", may17},
		{"2023-05-17-post.markdown", "Body.\n", may17},
		{"2023-05-17-dated.md", "---\ntitle: Dated\ndate: 2024-01-02\n---\nBody.\n", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"2023-05-17-created.md", "---\ntitle: Note\ncreated: 2024-03-05\n---\nBody.\n", time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)},
		{"2023-05-17-bad-date.md", "---\ntitle: Bad\ndate: someday\n---\nBody.\n", may17},
		{"2023-02-30-no-such-day.md", "Body.\n", time.Time{}},
		{"2023-05-17.md", "Body.\n", time.Time{}},
		{"20230517-post.md", "Body.\n", time.Time{}},
		{"2023-05-17-folder/post.md", "Body.\n", time.Time{}},
		{"-", "---\ntitle: Stdin\n---\nBody.\n", time.Time{}},
	}
	for _, tc := range tests {
		items := readString(t, tc.name, tc.doc)
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%s: %+v", tc.name, items)
		}
		if got := items[0].Article.Published; !got.Equal(tc.want) {
			t.Errorf("%s: published %v, want %v", tc.name, got, tc.want)
		}
	}

	// A post imported undated before is found by the id it had then.
	for _, doc := range []string{"---\ntitle: Post\n---\nBody.\n", "Body without a title.\n", "---\nsource: Blog\nurl: https://example.com/p\n---\n# Post\n\nBody.\n"} {
		before := readString(t, "_posts/post.md", doc)[0].Article
		now := readString(t, "_posts/2023-05-17-post.md", doc)[0].Article
		if now.ExternalID == before.ExternalID || !slices.Contains(now.FormerIDs, before.ExternalID) {
			t.Errorf("%q: id %s, former ids %q; undated it was %s", doc, now.ExternalID, now.FormerIDs, before.ExternalID)
		}
	}
}

// TestFrontMatterAliases: YAML's aliases and merge keys in front matter
// are the values they name, without a warning; a file read before without
// them is found by the id it had then. Aliases of aliases (a "billion
// laughs") are read in time and memory bounded by the file's size: the
// lists inside a list are not read, with a warning naming the field.
func TestFrontMatterAliases(t *testing.T) {
	tests := map[string]struct {
		front, title, source, author, tags string
		warnings                           []string
	}{
		"a list and a value": {
			front: "title: Alias tags\ncommon: &t [news, world]\ntags: *t\nauthor: &a Jane Doe\nsource: *a",
			title: "Alias tags", source: "Jane Doe", author: "Jane Doe", tags: "news,world",
		},
		"items of a list": {
			front: "first: &f news\ntitle: Items\ntags: [*f, world]",
			title: "Items", tags: "news,world",
		},
		"a merge key": {
			front: "defaults: &d\n  source: Wire\n  tags: [merged]\ntitle: Merged\n<<: *d\nsource: Own desk",
			title: "Merged", source: "Own desk", tags: "merged",
		},
		"merges in a list, the first winning": {
			front: "a: &a {source: First}\nb: &b {source: Second, author: B}\ntitle: Two merges\n<<: [*a, *b]",
			title: "Two merges", source: "First", author: "B",
		},
		"an inline merge": {
			front: "title: &tt Inline\n<<: {tags: [merged]}\ntags2: *tt",
			title: "Inline", tags: "merged",
		},
		"a mapping merging itself": {
			front: "self: &s\n  source: Loop\n  <<: *s\ntitle: Loop\n<<: *s",
			title: "Loop", source: "Loop",
		},
		"an alias to a list as the title": {
			front:    "a: &a [one, two]\ntitle: *a\nsource: S",
			source:   "S",
			warnings: []string{"front matter line 3: title should be a single value"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "x.md", "---\n"+tc.front+"\n---\nBody of it.\n")
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			title := tc.title
			if title == "" {
				title = "Body of it"
			}
			if a.Title != title || a.Source != tc.source || a.Author != tc.author || strings.Join(a.Tags, ",") != tc.tags {
				t.Errorf("title %q source %q author %q tags %q, want %q %q %q %q",
					a.Title, a.Source, a.Author, a.Tags, title, tc.source, tc.author, tc.tags)
			}
			if !slices.Equal(a.Warnings, tc.warnings) {
				t.Errorf("warnings %q, want %q", a.Warnings, tc.warnings)
			}
		})
	}

	// Read before without its alias, the file had no source.
	aliased := readString(t, "x.md", "---\ntitle: Alias\nauthor: &a Jane Doe\nsource: *a\n---\nBody.\n")[0].Article
	before := readString(t, "x.md", "---\ntitle: Alias\n---\nBody.\n")[0].Article
	if aliased.ExternalID == before.ExternalID || !slices.Contains(aliased.FormerIDs, before.ExternalID) {
		t.Errorf("id %q, former %q: want %q among the former", aliased.ExternalID, aliased.FormerIDs, before.ExternalID)
	}

	// 10^40 "lol"s if expanded; a merge of 10^40 mappings.
	var bomb, merges strings.Builder
	bomb.WriteString("---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	merges.WriteString("---\nm0: &m0 {tags: [deep]}\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&bomb, "l%d: &l%d [%s]\n", i, i, strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 9)+fmt.Sprintf("*l%d", i-1))
		fmt.Fprintf(&merges, "m%d: &m%d {<<: [%s]}\n", i, i, strings.Repeat(fmt.Sprintf("*m%d, ", i-1), 9)+fmt.Sprintf("*m%d", i-1))
	}
	bomb.WriteString("tags: *l40\ntitle: Bomb\n---\nBody.\n")
	merges.WriteString("title: Merges\n<<: *m40\n---\nBody.\n")
	a := readString(t, "bomb.md", bomb.String())[0].Article
	if a.Title != "Bomb" || len(a.Tags) != 0 || !slices.Equal(a.Warnings, []string{"front matter line 43: tags: 10 items that are not single values were not read"}) {
		t.Errorf("bomb: title %q tags %q warnings %q", a.Title, a.Tags, a.Warnings)
	}
	a = readString(t, "merges.md", merges.String())[0].Article
	if a.Title != "Merges" || strings.Join(a.Tags, ",") != "deep" || len(a.Warnings) != 0 {
		t.Errorf("merges: title %q tags %q warnings %q", a.Title, a.Tags, a.Warnings)
	}
}

// TestBrokenJSONFrontMatter: JSON front matter that is not JSON (a comma
// too many, nesting too deep) is front matter all the same: a warning
// names its line and what is wrong, the fields it holds are read, and
// neither it nor its braces are the title or the text. A file read before
// as text is found by the id it had then. Braces that open prose or a
// shortcode are text.
func TestBrokenJSONFrontMatter(t *testing.T) {
	tests := map[string]struct {
		doc, title, tags, body, warning string
	}{
		"a comma too many": {
			doc:   `{"title": "Night market", "tags": ["food", "port"],}` + "\n\nBody.\n",
			title: "Night market", tags: "food,port", body: "Body.",
			warning: "JSON front matter: line 1: invalid character '}' looking for beginning of object key string; its fields were read as they stand",
		},
		"nested too deep": {
			doc:   `{"title": "Deep", "x": ` + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + `, "tags": ["a", [["b"]], {"c": 1}, 2]}` + "\n\nBody.\n",
			title: "Deep", tags: "a,2", body: "Body.",
			warning: "JSON front matter: line 1: lists and objects nested more than 10000 deep; its fields were read as they stand",
		},
		"over lines, a comma too few": {
			doc:   "{\"title\": \"Lines\",\n  \"tags\": [\"x\"]\n  \"date\": \"2024-03-05\"}\nBody.\n",
			title: "Lines", tags: "x", body: "Body.",
			warning: "JSON front matter: line 3: invalid character '\"' after object key:value pair; its fields were read as they stand",
		},
		"braces and quotes in strings": {
			doc:   `{"title": "A } \"quoted\" [title]", "tags": ["x",],}` + "\nBody.\n",
			title: `A } "quoted" [title]`, tags: "x", body: "Body.",
			warning: "JSON front matter: line 1: invalid character ']' looking for beginning of value; its fields were read as they stand",
		},
		"prose after the braces": {
			doc:   `{"a": 1,} is how the config starts.` + "\n\nBody.\n",
			title: `{"a": 1,} is how the config starts`, body: `{"a": 1,} is how the config starts.` + "\n\nBody.",
		},
		"not closed": {
			doc:   `{"title": "Open", "tags": ["x"]` + "\n\nBody.\n",
			title: `{"title": "Open", "tags": ["x"]`, body: `{"title": "Open", "tags": ["x"]` + "\n\nBody.",
		},
		"a shortcode": {
			doc:   "{{< figure src=\"a.png\" >}}\n\nBody.\n",
			title: "{{< figure src=\"a.png\" >}}", body: "{{< figure src=\"a.png\" >}}\n\nBody.",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "x.md", tc.doc)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			if a.Title != tc.title || strings.Join(a.Tags, ",") != tc.tags || a.Body != tc.body {
				t.Errorf("title %q tags %q body %.80q\nwant %q %q %.80q", a.Title, a.Tags, a.Body, tc.title, tc.tags, tc.body)
			}
			var want []string
			if tc.warning != "" {
				want = []string{tc.warning}
			}
			if !slices.Equal(a.Warnings, want) {
				t.Errorf("warnings %q, want %q", a.Warnings, want)
			}
		})
	}

	doc := tests["a comma too many"].doc
	a := readString(t, "x.md", doc)[0].Article
	before := mdReading{legacy: true}
	old := before.read(doc, "x.md")
	Normalize(&old)
	if old.Title == a.Title || a.ExternalID == old.ExternalID || !slices.Contains(a.FormerIDs, old.ExternalID) {
		t.Errorf("id %q, former %q: want %q (titled %q) among the former", a.ExternalID, a.FormerIDs, old.ExternalID, old.Title)
	}
}

// TestMarkdownLibraryFields: what tidings' own export writes of the library
// reads back into the fields a JSON record fills: the feed (an http(s) one
// only: importing subscribes to it), when the library took the article in,
// and which tags a rule set.
func TestMarkdownLibraryFields(t *testing.T) {
	added := time.Date(2024, 1, 2, 9, 30, 0, 0, time.UTC)
	tests := map[string]struct {
		front    string
		feed     string
		added    time.Time
		ruleTags []string
		warning  string // part of the one warning, if any
	}{
		"as the export writes them": {
			front: "feed: https://example.org/feed.xml\nadded: 2024-01-02T09:30:00Z\ntags:\n  - birds\n  - mine\nrule_tags:\n  - birds",
			feed:  "https://example.org/feed.xml", added: added, ruleTags: []string{"birds"},
		},
		"JSON front matter": {
			front: `{"feed": "http://example.org/f", "added": "2024-01-02T10:30:00+01:00", "tags": ["a b", "c"], "rule_tags": ["a b"]}`,
			feed:  "http://example.org/f", added: added, ruleTags: []string{"a b"},
		},
		"not YAML, read line by line": {
			front: "title: Oil: a record\nadded: 2024-01-02T09:30:00Z\ntags: [oil, energy]\nrule_tags: [oil]",
			added: added, ruleTags: []string{"oil"}, warning: "not YAML",
		},
		"a feed that is no web address": {
			front: "feed: file:///etc/passwd", warning: `feed "file:///etc/passwd" is not an http(s) address`,
		},
		"an added that is no date": {
			front: "added: yesterday", warning: `added: cannot read "yesterday" as a date`,
		},
		// Cleaned, it would be another address than the file names: the
		// library would subscribe to, and fetch, what nobody wrote.
		"a feed with escape sequences in it": {
			front:   `feed: "http://127.0.0.1:8765/\e[2J\e]0;x\a"`,
			warning: `front matter line 2: feed "http://127.0.0.1:8765/\x1b[2J\x1b]0;x\a" has control characters in it: the article is kept without its feed`,
		},
		"a feed longer than an address may be": {
			front:   "feed: http://example.org/" + strings.Repeat("a", MaxFeedURL),
			warning: `is 2,067 bytes long, where an address has at most 2,048: the article is kept without its feed`,
		},
		"a feed as long as an address may be": {
			front: "feed: http://example.org/" + strings.Repeat("a", MaxFeedURL-len("http://example.org/")),
			feed:  "http://example.org/" + strings.Repeat("a", MaxFeedURL-len("http://example.org/")),
		},
		"rule tags not among the tags": {
			front:    `tags: [a]` + "\n" + `rule_tags: [b, "", "c d", 5, a]`,
			ruleTags: []string{"a"},
			warning:  "front matter line 3: rule_tags: b, c d, 5 are not among tags; left out",
		},
		"a rule tag not among the tags": {
			front:   "rule_tags: b\ntags: [a]",
			warning: "front matter line 2: rule_tags: b is not among tags; left out",
		},
		"a rule tag spelled otherwise than its tag": {
			front:    "keywords: [Birds, Été]\nrule_tags: [birds, été]",
			ruleTags: []string{"Birds", "Été"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			doc := "---\n" + tt.front + "\n---\nBody.\n"
			if strings.HasPrefix(tt.front, "{") {
				doc = tt.front + "\n\nBody.\n"
			}
			items := readString(t, "x.md", doc)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			if a.FeedURL != tt.feed || !a.Added.Equal(tt.added) || !slices.Equal(a.RuleTags, tt.ruleTags) {
				t.Errorf("feed %q, added %v, rule tags %q; want %q, %v, %q", a.FeedURL, a.Added, a.RuleTags, tt.feed, tt.added, tt.ruleTags)
			}
			switch {
			case tt.warning == "" && len(a.Warnings) > 0:
				t.Errorf("warnings %q", a.Warnings)
			case tt.warning != "" && (len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], tt.warning)):
				t.Errorf("warnings %q, want one saying %q", a.Warnings, tt.warning)
			}
		})
	}
}
