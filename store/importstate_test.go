package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// readAs is the one article ReadStream reads from text as a file named
// name: as tidings import reads an export.
func readAs(t *testing.T, name, text string) feeds.Article {
	t.Helper()
	var got []feeds.Article
	err := feeds.ReadStream(name, strings.NewReader(text), func(it feeds.Item) error {
		if it.Err != nil {
			return it.Err
		}
		got = append(got, it.Article)
		return nil
	})
	if err != nil || len(got) != 1 {
		t.Fatalf("%s: %v, %d articles", name, err, len(got))
	}
	return got[0]
}

// jsonExport is the stored article id as `tidings export --format json`
// writes it, read back as an import reads it.
func jsonExport(t *testing.T, s *Store, id int64) feeds.Article {
	t.Helper()
	a := mustArticle(t, s, id)
	anns, err := s.Annotations(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	read := a.Read()
	fa := feeds.Article{ExternalID: a.ExternalID, Title: a.Title, Source: a.Source, URL: a.URL, Author: a.Author,
		Published: a.Published, Added: a.Added, Body: a.Body, Read: &read, Starred: &a.Starred, Retitled: a.Retitled}
	for _, tag := range a.Tags {
		fa.Tags = append(fa.Tags, tag.Name)
	}
	for _, n := range anns {
		fa.Annotations = append(fa.Annotations, feeds.Annotation{Quote: n.Quote, Prefix: n.Prefix, Suffix: n.Suffix,
			Note: n.Note, Created: n.Created, Updated: n.Updated})
	}
	line, err := json.Marshal(feeds.RecordFromArticle(fa))
	if err != nil {
		t.Fatal(err)
	}
	return readAs(t, "tidings-export.jsonl", string(line)+"\n")
}

// TestImportKeepsTheLibrarysRetitle: a title the reader gave an article in
// this library stays whatever title an imported export carries (an older
// export of this library, taken before they retitled it again, above all);
// an export's retitle titles an article not retitled here, and a record
// written to change the article (no body) retitles it all the same.
func TestImportKeepsTheLibrarysRetitle(t *testing.T) {
	const body = "In a startling revelation, a leaked recording emerged. The ministry confirmed it."
	const changed = "In a startling revelation, a leaked recording emerged. The ministry has since confirmed it."
	original := art("rt1", "2024-03-05", body)
	markdown := "---\ntitle: Alpha title\nsource: MENAFN\ndate: 2024-03-05\nretitled: true\nexternal_id: rt1\n---\n\n# Alpha title\n\n" + body + "\n"
	const any = Outcome(-1)
	for _, tc := range []struct {
		name string
		here string // the reader's title in this library before the import; "" for none
		// file is what is imported: taken from the library when the reader's
		// title there was "Alpha title", for an export.
		file      func(t *testing.T, s *Store, id int64) feeds.Article
		want      string  // the title afterwards
		out       Outcome // of the import, any for not checked
		wantBody  string
		retitleds bool // the article is retitled afterwards
	}{
		{"an older JSON export", "Bravo title", func(t *testing.T, s *Store, id int64) feeds.Article {
			return jsonExport(t, s, id)
		}, "Bravo title", Unchanged, body, true},
		{"an older JSON export of a text changed since", "Bravo title", func(t *testing.T, s *Store, id int64) feeds.Article {
			exp := jsonExport(t, s, id)
			importAll(t, s, art("rt1", "2024-03-05", changed)) // the article's source corrects it
			return exp
		}, "Bravo title", Updated, body, true},
		{"an older Markdown export", "Bravo title", func(t *testing.T, s *Store, id int64) feeds.Article {
			return readAs(t, "2024-03-05-alpha-title-1.md", markdown)
		}, "Bravo title", any, "", true},
		{"a JSON export into an article not retitled here", "", func(t *testing.T, s *Store, id int64) feeds.Article {
			return jsonExport(t, s, id)
		}, "Alpha title", Updated, body, true},
		{"a Markdown export into an article not retitled here", "", func(t *testing.T, s *Store, id int64) feeds.Article {
			return readAs(t, "2024-03-05-alpha-title-1.md", markdown)
		}, "Alpha title", any, "", true},
		{"a record that retitles it", "Bravo title", func(t *testing.T, s *Store, id int64) feeds.Article {
			return readAs(t, "patch.jsonl", `{"external_id":"rt1","title":"Alpha title","retitled":true}`+"\n")
		}, "Alpha title", Updated, body, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t)
			importAll(t, s, original)
			id := mustArticleID(t, s, "rt1")
			var file feeds.Article
			if tc.here == "" {
				// Retitled in the library the export comes from.
				other := openTemp(t)
				importAll(t, other, original)
				if err := other.Retitle(ctx, mustArticleID(t, other, "rt1"), "Alpha title"); err != nil {
					t.Fatal(err)
				}
				file = tc.file(t, other, mustArticleID(t, other, "rt1"))
			} else {
				if err := s.Retitle(ctx, id, "Alpha title"); err != nil {
					t.Fatal(err)
				}
				file = tc.file(t, s, id)
				if err := s.Retitle(ctx, id, tc.here); err != nil {
					t.Fatal(err)
				}
			}
			if !file.Retitled || file.Title != "Alpha title" {
				t.Fatalf("the file carries title %q, retitled %v", file.Title, file.Retitled)
			}

			for round := range 2 {
				outs := importAll(t, s, file)
				got := mustArticle(t, s, id)
				if got.Title != tc.want || got.Retitled != tc.retitleds {
					t.Errorf("import %d: title %q (retitled %v), want %q", round+1, got.Title, got.Retitled, tc.want)
				}
				if round == 0 && tc.out != any && outs[0] != tc.out {
					t.Errorf("import %d: %v, want %v", round+1, outs[0], tc.out)
				}
				if round == 1 && outs[0] != Unchanged {
					t.Errorf("the same file again: %v, want unchanged", outs[0])
				}
				if tc.wantBody != "" && got.Body != tc.wantBody {
					t.Errorf("import %d: body %q, want %q", round+1, got.Body, tc.wantBody)
				}
			}
			// The title the article has is the one searched.
			word := strings.ToLower(strings.Fields(tc.want)[0])
			for _, w := range []string{"alpha", "bravo"} {
				want := 0
				if w == word {
					want = 1
				}
				if n, err := s.Count(ctx, "title:"+w); err != nil || n != want {
					t.Errorf("title:%s counts %d, %v; want %d", w, n, err, want)
				}
			}
			// The reader's retitle after the import is theirs as well.
			if err := s.Retitle(ctx, id, "Charlie title"); err != nil {
				t.Fatal(err)
			}
			importAll(t, s, file)
			if got := mustArticle(t, s, id); got.Title != "Charlie title" {
				t.Errorf("after a retitle since the import, the file again: title %q, want Charlie title", got.Title)
			}
		})
	}
}

// TestReimportAfterAWholeNoteWasEdited: a note on the whole article edited
// in the reader since an export is the note the export carries (written at
// the same second), as a passage note is: importing the export adds no
// second note with the old words, and the edit stays. A note written at
// another second is another note, whatever it says.
func TestReimportAfterAWholeNoteWasEdited(t *testing.T) {
	created := time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		quote string // of the note written in the reader; "" for one on the whole article
		edit  string // appended to it after the export; "" for none
		// another, when set, is a note the export carries besides,
		// written a second after, on the whole article.
		another string
		want    []string // the notes afterwards, oldest first
	}{
		{"a whole-article note edited", "", " (edited later)", "", []string{"first words of my note (edited later)"}},
		{"a whole-article note as it was", "", "", "", []string{"first words of my note"}},
		{"a passage note edited", "harbour cranes", " (edited later)", "", []string{"first words of my note (edited later)"}},
		{"another whole-article note a second later", "", " (edited later)", "first words of my note",
			[]string{"first words of my note (edited later)", "first words of my note"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t)
			importAll(t, s, art("wn", "2024-05-14", cranesV1))
			id := mustArticleID(t, s, "wn")
			n := Annotation{ArticleID: id, Note: "first words of my note", Created: created}
			if tc.quote != "" {
				n.Quote, n.Prefix, n.Suffix = tc.quote, "said on Tuesday that the ", " would be replaced"
			}
			n, err := s.AddAnnotation(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			exported := jsonExport(t, s, id)
			if tc.another != "" {
				at := created.Add(time.Second)
				exported.Annotations = append(exported.Annotations, feeds.Annotation{Note: tc.another, Created: at, Updated: at})
			}
			if tc.edit != "" {
				if _, err := s.EditNote(ctx, n.ID, n.Note, n.Note+tc.edit); err != nil {
					t.Fatal(err)
				}
			}
			for round := range 2 {
				importAll(t, s, exported)
				anns, err := s.Annotations(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				var notes []string
				for _, a := range anns {
					notes = append(notes, a.Note)
				}
				if strings.Join(notes, "|") != strings.Join(tc.want, "|") {
					t.Errorf("import %d of the export: notes %q, want %q", round+1, notes, tc.want)
				}
			}
			if got := mustArticle(t, s, id); got.Annotations != len(tc.want) {
				t.Errorf("the article counts %d notes, want %d", got.Annotations, len(tc.want))
			}
		})
	}
}
