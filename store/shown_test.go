package store

import (
	"html"
	"strings"
	"testing"

	"tidings/feeds"
)

func TestShownBody(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"", ""},
		{"No reference.", "No reference."},
		{"Tom & Jerry, AT&T, a && b, & ;", "Tom & Jerry, AT&T, a && b, & ;"},
		{"caf&eacute; M&uuml;nchen O&rsquo;Brien", "café München O’Brien"},
		{"&#8220;no&#8221; caf&#233; &#x2019; &#X41;", "“no” café ’ A"},
		{"x &lt; y &amp;&amp; y &gt; z", "x < y && y > z"},
		{"&amp;eacute; is written so", "&eacute; is written so"}, // decoded once
		{"&nbsp;&NotARef; &copy", "\u00a0&NotARef; ©"},           // as the reader decodes: html.UnescapeString
		{"inline `a &amp; b` code", "inline `a & b` code"},       // the reader decodes code spans too
		{"# Caf&eacute;\n\n- M&uuml;nchen\n    and caf&eacute; again\n", "# Café\n\n- München\n    and café again\n"},
		{"caf&eacute;\n\n```\nx &amp; y\n```\n\nafter &amp;", "café\n\n```\nx &amp; y\n```\n\nafter &"},
		{"caf&eacute;\n\n    x &amp; y\n    z &lt; w\n\nafter &amp;", "café\n\n    x &amp; y\n    z &lt; w\n\nafter &"},
		{"~~~\n&eacute;\n~~~\n&eacute;", "~~~\n&eacute;\n~~~\né"},
		{"- item\n\n  ```\n  &amp;\n  ```\n- caf&eacute;", "- item\n\n  ```\n  &amp;\n  ```\n- café"},
	} {
		if got := shownBody(c.body); got != c.want {
			t.Errorf("shownBody(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

// referenceArticles are articles whose bodies have character references,
// as hand-written Markdown and pages turned into Markdown have them.
func referenceArticles() []feeds.Article {
	return []feeds.Article{
		dayArt("r1", "Council meeting report", "Councillor Se&aacute;n O&rsquo;Brien told the caf&eacute; owners that the new r&eacute;sum&eacute; rules start in M&uuml;nchen on Monday &mdash; &#8220;no exceptions&#8221;."),
		dayArt("r2", "Harbour opens", "The menu says x &lt; y for the fans; caf&#233; and d&#xE9;j&#xe0; vu."),
		dayArt("r3", "Escaping in HTML", "Write an ampersand so:\n\n```\nTom &amp; Jerry\n```\n\nand the reader shows it as written."),
		dayArt("r4", "Tom &amp; Jerry", "A title keeps what it says: the list shows it as it is."),
		dayArt("r5", "Plain", "A cafe owner in Munchen; caffeine."),
	}
}

// Search reads a body as the reader shows it: a character reference is the
// character it stands for, in words, phrases, prefixes and the live filter,
// whichever way it finds them, but in a code block, which the reader shows
// as written; a title is read as the list shows it.
func TestSearchReadsReferencesAsShown(t *testing.T) {
	s := openTemp(t)
	importAll(t, s, referenceArticles()...)
	checkFinds(t, s, map[string][]string{
		"café":             {"r1", "r2", "r5"},
		"caf":              nil,
		`"cafe owners"`:    {"r1"},
		"o'brien":          {"r1"},
		"münchen":          {"r1", "r5"},
		"résumé":           {"r1"},
		`"no exceptions"`:  {"r1"},
		`"x y"`:            {"r2"},
		"déjà":             {"r2"},
		"eacute":           nil,
		"rsquo":            nil,
		"uuml":             nil,
		"lt":               nil,
		"233":              nil,
		"amp":              {"r3", "r4"}, // in a code block, and in a title
		`"tom amp jerry"`:  {"r3", "r4"},
		`"jerry and the"`:  {"r3"},
		"caf*":             {"r1", "r2", "r5"},
		"-café harbour":    nil,
		"-eacute council":  {"r1"},
		`title:"tom amp"`:  {"r4"},
		`"tom jerry"`:      nil,
		"owners -münchen":  nil,
		"déj* OR o'brien":  {"r1", "r2"},
		`"r sum"`:          nil,
		`"d j"`:            nil,
		`"menu says x y"*`: {"r2"},
	})
	// The live filter, by its check of candidates and by FTS5's merge.
	checkLive(t, s, map[string]int{"caf": 3, "münc": 2, "owners caf": 1, "o'bri": 1, "déj": 1, "eac": 0, "rsq": 0, "jerry am": 2})
}

// A library from before references were decoded is indexed again where a
// body has one; the rest of its index stays as it was.
func TestMigrationIndexesReferencesDecoded(t *testing.T) {
	path, db := oldLibrary(t, 13)
	for i, a := range referenceArticles() {
		id := i + 1
		key := int64(id)<<37 | int64(id)
		if _, err := db.Exec(`INSERT INTO articles(id, external_id, sort_key, title, body, added, updated) VALUES (?, ?, ?, ?, ?, 0, 0)`,
			id, a.ExternalID, key, a.Title, a.Body); err != nil {
			t.Fatal(err)
		}
		// As the store wrote rows before: the body as written.
		if _, err := db.Exec(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, ?, '')`, key, a.Title, a.Body); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO annotations(article_id, note, created, updated) VALUES (5, 'see caf&eacute;', 0, 0)`); err != nil {
		t.Fatal(err)
	}
	s := upgrade(t, path, db)
	checkFinds(t, s, map[string][]string{
		"café": {"r1", "r2", "r5"}, "eacute": nil, "rsquo": nil, `"x y"`: {"r2"}, "lt": nil, "amp": {"r3", "r4"}, "caffeine": {"r5"},
	})
	if _, err := s.wdb.Exec(`INSERT INTO article_fts(article_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}

// A body is decoded as html.UnescapeString decodes it, but for the lines of
// its code blocks, which stay as written.
func FuzzShownBody(f *testing.F) {
	for _, b := range []string{"caf&eacute;", "x &lt; y\n\n    a &amp; b\n", "```\n&amp;\n```\n&amp;", "- a\n\n      &amp;\n", "> ```\n> &lt;\n", "\t&amp;\n\n&amp;", "&#0; &#xD800; &#1114112;"} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body string) {
		got := shownBody(body)
		if !mayHaveCodeBlock(body) && !hasInnerMark(body) {
			if want := html.UnescapeString(body); got != want {
				t.Errorf("shownBody(%q) = %q, want %q", body, got, want)
			}
			return
		}
		for _, c := range codeBlockLines(body) {
			if !strings.Contains(got, body[c[0]:c[1]]) {
				t.Errorf("shownBody(%q) = %q, without its code %q", body, got, body[c[0]:c[1]])
			}
		}
	})
}
