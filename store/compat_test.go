package store

import (
	"testing"

	"tidings/feeds"
)

// compatArticles are articles with fullwidth letters and ligatures, as
// Japanese pages and text copied from a PDF have them.
func compatArticles() []feeds.Article {
	return []feeds.Article{
		dayArt("c1", "Ｔｏｋｙｏ report", "Ｇ７サミットが東京で始まった。"),
		dayArt("c2", "Quarterly ﬁgures", "The ﬁnance ofﬁce reported a proﬁt warning after the ﬂight ban."),
		dayArt("c3", "Plain", "A finance office in Tokyo; no flight today."),
	}
}

// Fullwidth letters and ligatures are found by the letters they stand for,
// and find them, in words, phrases, prefixes and the live filter, whichever
// way it finds them.
func TestSearchFoldsCompatForms(t *testing.T) {
	s := openTemp(t)
	importAll(t, s, compatArticles()...)
	checkFinds(t, s, map[string][]string{
		"tokyo":             {"c1", "c3"},
		"TOKYO":             {"c1", "c3"},
		"ｔｏｋｙｏ":             {"c1", "c3"},
		"title:tokyo":       {"c1"},
		"g7":                {"c1"},
		"finance":           {"c2", "c3"},
		"ﬁnance":            {"c2", "c3"},
		"office":            {"c2", "c3"},
		"flight":            {"c2", "c3"},
		`"profit warning"`:  {"c2"},
		`"finance office"`:  {"c2", "c3"},
		`"ﬁnance ofﬁce"`:    {"c2", "c3"},
		"fig*":              {"c2"},
		"prof*":             {"c2"},
		"title:figures":     {"c2"},
		"-office":           {"c1"},
		"ofﬁce -tokyo":      {"c2"},
		`"the finance of"*`: {"c2"},
		"ﬁ":                 nil,
	})
	checkLive(t, s, map[string]int{"tok": 2, "fin": 2, "offi": 2, "ofﬁ": 2, "prof": 1, "reported prof": 1, "ｔｏｋ": 2, "quarterly fig": 1})
}

// A library from before is indexed again where a title, body or note has
// a fullwidth letter or a ligature.
func TestMigrationIndexesCompatForms(t *testing.T) {
	path, db := oldLibrary(t, 14)
	for i, a := range compatArticles() {
		id := i + 1
		key := int64(id)<<37 | int64(id)
		if _, err := db.Exec(`INSERT INTO articles(id, external_id, sort_key, title, body, added, updated) VALUES (?, ?, ?, ?, ?, 0, 0)`,
			id, a.ExternalID, key, a.Title, a.Body); err != nil {
			t.Fatal(err)
		}
		note := ""
		if id == 3 {
			note = "see the ﬁling"
			if _, err := db.Exec(`INSERT INTO annotations(article_id, note, created, updated) VALUES (3, ?, 0, 0)`, note); err != nil {
				t.Fatal(err)
			}
		}
		// As the store wrote rows before: the forms as they are.
		if _, err := db.Exec(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, ?, ?)`, key, a.Title, spaceCJK(a.Body), note); err != nil {
			t.Fatal(err)
		}
	}
	s := upgrade(t, path, db)
	checkFinds(t, s, map[string][]string{
		"tokyo": {"c1", "c3"}, "g7": {"c1"}, "finance": {"c2", "c3"}, "figures": {"c2"}, "filing": {"c3"}, "today": {"c3"},
	})
	if _, err := s.wdb.Exec(`INSERT INTO article_fts(article_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}
