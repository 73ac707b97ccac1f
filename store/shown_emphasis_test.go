package store

import (
	"context"
	"html"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The marks of emphasis and strikethrough inside a word are not shown, and
// so not read: the word is the one the reader shows. A mark the Markdown
// does not pair is shown, and read, as written; a mark beside a space or
// other punctuation parts words either way, and stays.
func TestShownBodyJoinsWordsSplitByEmphasis(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"The **Ukr**aine story", "The **Ukraine story"},
		{"Ukr**aine** talks", "Ukraine** talks"},
		{"a*b*c", "abc"},
		{"a_b_c and snake_case", "a_b_c and snake_case"}, // _ inside a word is no emphasis
		{"a*b and s**t", "a*b and s**t"},                 // not paired: shown as written
		{"a***b***c", "abc"},
		{"a***b**c", "a***bc"}, // shown a*bc: one * is left over, and parts a from bc
		{"f***ing s**t", "f***ing st"},
		{"a~~b~~c", "abc"},
		{"**bold** and *it*", "**bold** and *it*"},
		{"**bold** and a*b*c", "**bold** and abc"},
		{`\*a*b*`, `\*ab*`},                                              // an escaped * is shown, as itself
		{"x *`code`*y", "x *`code`*y"},                                   // marks around code are left
		{"[a*b*c](https://x.test/a*b*c)", "[abc](https://x.test/a*b*c)"}, // an address is not text
		{"東京**大**阪", "東京大阪"},
		{"caf&eacute; **Ukr**aine", "café **Ukraine"},
		{"**Ukr**aine\n\n    a*b*c &amp;\n\nd*e*f &amp;", "**Ukraine\n\n    a*b*c &amp;\n\ndef &"}, // a code block as written
		{"`a*b*c` d*e*f", "`a*b*c` def"}, // inline code has no emphasis
	} {
		if got := shownBody(c.body); got != c.want {
			t.Errorf("shownBody(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

// Search finds a word split by emphasis as the reader shows it, in a body
// and in a note, by a word, a phrase, a prefix and the live filter; and no
// longer finds its parts.
func TestSearchFindsWordsSplitByEmphasis(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		dayArt("e1", "Story one", "The **Ukr**aine story goes on."),
		dayArt("e2", "Story two", "Talks in Ukraine today."),
		dayArt("e3", "Story three", "Censored: a s**t word and a*b."),
		dayArt("e4", "Story four", "The harbour."),
	)
	id := mustByExternal(t, s, "e4").ID
	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Note: "remember **Kyi**v"}); err != nil {
		t.Fatal(err)
	}
	checkFinds(t, s, map[string][]string{
		"ukraine":              {"e1", "e2"},
		`"the ukraine story"`:  {"e1"},
		`"ukr aine"`:           nil,
		"aine":                 nil,
		"ukrain*":              {"e1", "e2"},
		"kyiv":                 {"e4"},
		"kyi":                  nil,
		`"s t"`:                {"e3"},
		`"a b"`:                {"e3"},
		"ukraine -talks":       {"e1"},
		`"remember kyiv"`:      {"e4"},
		"kyiv OR ukraine goes": {"e1", "e4"},
	})
	checkLive(t, s, map[string]int{"ukra": 2, "the ukra": 1, "kyi": 1, "story ukrai": 2})
}

// A library from before is indexed again where a body or a note has a
// word split by emphasis; its other articles are found as they were.
func TestMigrationJoinsWordsSplitByEmphasis(t *testing.T) {
	// The version before the migration that reads marks so.
	v := slices.IndexFunc(migrations, func(m string) bool { return strings.Contains(m, "reindexMarks") })
	path, db := oldLibrary(t, v)
	for i, o := range []struct{ title, body, note string }{
		{"Story one", "The **Ukr**aine story.", ""},
		{"Story two", "The harbour.", "remember **Kyi**v"},
		{"Story three", "Censored: a s**t word, caf&eacute; owners.", ""},
	} {
		id := i + 1
		key := int64(id)<<37 | int64(id)
		if _, err := db.Exec(`INSERT INTO articles(id, external_id, sort_key, title, body, added, updated) VALUES (?, ?, ?, ?, ?, 0, 0)`,
			id, "m"+strconv.Itoa(id), key, o.title, o.body); err != nil {
			t.Fatal(err)
		}
		if o.note != "" {
			if _, err := db.Exec(`INSERT INTO annotations(article_id, note, created, updated) VALUES (?, ?, 0, 0)`, id, o.note); err != nil {
				t.Fatal(err)
			}
		}
		// As the store wrote rows before: the marks read as separators,
		// references decoded.
		before := func(s string) string { return html.UnescapeString(s) }
		if _, err := db.Exec(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, ?, ?)`,
			key, o.title, before(o.body), before(o.note)); err != nil {
			t.Fatal(err)
		}
	}
	s := upgrade(t, path, db)
	checkFinds(t, s, map[string][]string{
		"ukraine": {"m1"}, `"ukr aine"`: nil, "kyiv": {"m2"}, "harbour": {"m2"}, "kyi": nil,
		`"s t"`: {"m3"}, "café": {"m3"}, "story": {"m1", "m2", "m3"},
	})
	if _, err := s.wdb.Exec(`INSERT INTO article_fts(article_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}
