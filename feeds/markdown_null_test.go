package feeds

import (
	"slices"
	"strings"
	"testing"
)

// TestFrontMatterNullIsNoValue: YAML's null ("null", "~") in front matter
// gives no value, as JSON's null does, where it was read as the word: the
// tag #null, the author "null", a link "~" warned of. Quoted, it is the
// word.
func TestFrontMatterNullIsNoValue(t *testing.T) {
	for name, front := range map[string]string{
		"YAML":              "---\ntitle: null\nauthor: null\nsource: ~\ntags: null\nurl: ~\nfeed: ~\ndate: ~\nadded: null\nread: ~\nstarred: null\nid: ~\n---\n",
		"YAML, in caps":     "---\ntitle: NULL\nauthor: Null\nsource: ~\ntags: [~, null]\nurl: NULL\n---\n",
		"YAML, empty":       "---\ntitle:\nauthor:\nsource:\ntags:\nurl:\nread:\n---\n",
		"JSON":              `{"title": null, "author": null, "source": null, "tags": [null], "url": null, "read": null}` + "\n",
		"YAML line by line": "---\ntitle: Oil: a record\nauthor: null\nsource: ~\ntags: null\n---\n",
	} {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "x.md", front+"\nThe body, with no title.\n")
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			if a.Author != "" || a.Source != "" || a.URL != "" || a.FeedURL != "" || len(a.Tags) != 0 || a.Read != nil {
				t.Errorf("author %q source %q url %q feed %q tags %q read %v; want none", a.Author, a.Source, a.URL, a.FeedURL, a.Tags, a.Read)
			}
			if !strings.HasPrefix(a.Title, "The body") && a.Title != "Oil: a record" {
				t.Errorf("title %q, want the body's first sentence", a.Title)
			}
			if !strings.HasPrefix(a.ExternalID, IdentityPrefix) {
				t.Errorf("id %q, want one made from the article", a.ExternalID)
			}
			var warnings []string
			for _, w := range a.Warnings {
				if !strings.Contains(w, "not YAML") {
					warnings = append(warnings, w)
				}
			}
			if len(warnings) != 0 {
				t.Errorf("warnings %q", warnings)
			}
		})
	}

	items := readString(t, "x.md", "---\ntitle: 'null'\nauthor: \"~\"\ntags: ['null', \"~\", x]\n---\nBody.\n")
	a := items[0].Article
	if a.Title != "null" || a.Author != "~" || !slices.Equal(a.Tags, []string{"null", "~", "x"}) {
		t.Errorf("quoted: title %q author %q tags %q; want the words", a.Title, a.Author, a.Tags)
	}
}
