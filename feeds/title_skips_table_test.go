package feeds_test

import (
	"strings"
	"testing"

	"tidings/feeds"
)

// TestTitleSkipsTable: a body that opens with a table is titled by the
// sentence after it, as one that opens with code is, not by the table's
// Markdown; a line with a pipe that heads no table is text.
func TestTitleSkipsTable(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"table first":     {"| City | Rain (mm) |\n|--------|-----------|\n| Bergen | 2250 |\n| Oslo | 763 |\n\nBergen is the rainiest city in Norway.", "Bergen is the rainiest city in Norway"},
		"aligned":         {"| City | Rain |\n|:---|---:|\n| Bergen | 2250 |\n\nBergen is rainy.", "Bergen is rainy"},
		"no outer pipes":  {"City | Rain\n--- | ---\nBergen | 2250\n\nBergen is rainy.", "Bergen is rainy"},
		"crlf":            {"| City | Rain |\r\n|---|---|\r\n| Bergen | 2250 |\r\n\r\nBergen is rainy.", "Bergen is rainy"},
		"table then code": {"| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\nThe text.", "The text"},
		"a pipe in text":  {"Rain | wind and sun.\n\nMore.", "Rain | wind and sun"},
		"text first":      {"The text comes first.\n\n| a | b |\n|---|---|\n| 1 | 2 |", "The text comes first"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := feeds.TitleFromBody(tc.body); got != tc.want {
				t.Errorf("TitleFromBody(%q) = %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestUntitledTableFileTitle: an HTML page or a Markdown note without a
// title that opens with a table is titled by its first sentence, and
// keeps the id a release before gave it (the ids below are what it made):
// a title taken from the body is no part of the id.
func TestUntitledTableFileTitle(t *testing.T) {
	tests := map[string]struct{ format, file, title, id string }{
		"html": {"html", `<html><body><table><tr><th>City</th><th>Rain (mm)</th></tr><tr><td>Bergen</td><td>2250</td></tr><tr><td>Oslo</td><td>763</td></tr></table><p>Bergen is the rainiest city in Norway by a wide margin, as the table above shows for the last decade.</p></body></html>`,
			"Bergen is the rainiest city in Norway by a wide margin, as the table above shows for the last…", "h:730295f300e855ea4fee81536e23f6b2"},
		"markdown": {"md", "| City | Rain |\n|---|---|\n| Bergen | 2250 |\n\nBergen is rainy.\n",
			"Bergen is rainy", "h:254dd75e58eaf3545385d3a70e1b121d"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var arts []feeds.Article
			err := feeds.ReadStreamAs("-", tc.format, strings.NewReader(tc.file), func(it feeds.Item) error {
				if it.Err != nil {
					t.Fatal(it.Err)
				}
				arts = append(arts, it.Article)
				return nil
			})
			if err != nil || len(arts) != 1 {
				t.Fatalf("%d articles, %v", len(arts), err)
			}
			if arts[0].Title != tc.title {
				t.Errorf("title %q, want %q", arts[0].Title, tc.title)
			}
			if arts[0].ExternalID != tc.id {
				t.Errorf("id %s, want the one it had, %s", arts[0].ExternalID, tc.id)
			}
		})
	}
}
