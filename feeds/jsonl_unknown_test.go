package feeds

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestJSONUnknownFieldsWarn: a record's fields that no record has (another
// program's names for a date, a link, notes, read and starred) are ignored
// with a warning naming them, in the order they come, on the record's
// line; a record of tidings's own fields, in any case, warns of nothing.
func TestJSONUnknownFieldsWarn(t *testing.T) {
	tests := []struct {
		name, file, text string
		lines            []int
		warnings         []string // of each record, joined with "; "
	}{
		{"JSON Lines", "x.jsonl",
			`{"external_id":"x-1","title":"Dated by another reader","body":"Ferries.","date":"2024-09-01T00:00:00Z","link":"https://example.net/a1","tags":["grain"],"notes":[{"text":"a note"}],"is_read":true,"favorite":true}` + "\n" +
				`{"external_id":"x-2","title":"Ours","body":"Ferries."}` + "\n" +
				`{"external_id":"x-3","body":"Ferries.","date":"2024-09-02","date":"2024-09-03"}` + "\r\n",
			[]int{1, 2, 3},
			[]string{"ignored fields it does not know: date, link, notes, is_read, favorite", "", "ignored a field it does not know: date"}},
		{"an array", "x.json", "[\n" +
			`  {"external_id":"a-1","body":"Ferries.","favorite":true},` + "\n" +
			`  {"external_id":"a-2","body":"Ferries.","read":true}` + "\n]\n",
			[]int{2, 3},
			[]string{"ignored a field it does not know: favorite", ""}},
		{"fields in another case", "x.jsonl",
			`{"External_ID":"c-1","Title":"Shouted","BODY":"Ferries.","Read":true}` + "\n",
			[]int{1}, []string{""}},
		{"names that are not plain", "x.jsonl",
			`{"external_id":"n-1","body":"Ferries.","\u001b[31mred":1,"two words":2,"":3,"` + strings.Repeat("long", 20) + `":4}` + "\n",
			[]int{1}, []string{`ignored fields it does not know: "\x1b[31mred", "two words", "", ` + strings.Repeat("long", 9) + "lon…"}},
		{"many", "x.jsonl",
			`{"external_id":"m-1","body":"Ferries.","a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10}` + "\n",
			[]int{1}, []string{"ignored fields it does not know: a, b, c, d, e, f, g, h and 2 more"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := readString(t, tt.file, tt.text)
			if len(items) != len(tt.warnings) {
				t.Fatalf("%d items, want %d: %+v", len(items), len(tt.warnings), items)
			}
			for i, it := range items {
				if it.Err != nil {
					t.Fatalf("record %d: %v", i+1, it.Err)
				}
				if it.Line != tt.lines[i] {
					t.Errorf("record %d: line %d, want %d", i+1, it.Line, tt.lines[i])
				}
				if got := strings.Join(it.Article.Warnings, "; "); got != tt.warnings[i] {
					t.Errorf("record %d: warnings %q\nwant %q", i+1, got, tt.warnings[i])
				}
			}
		})
	}
}

// TestJSONOwnRecordsWarnOfNothing: what tidings writes, an export's records
// with notes and a search listing's with a count of them, reads back
// without a warning.
func TestJSONOwnRecordsWarnOfNothing(t *testing.T) {
	published := time.Date(2024, 10, 1, 8, 0, 0, 0, time.UTC)
	records := []Record{
		{ID: 7, ExternalID: "own-1", Title: "T", Source: "S", Feed: "https://news.example/feed", URL: "https://news.example/1",
			Author: "A", Published: &published, Added: &published, Tags: []string{"a"}, RuleTags: []string{"a"},
			Read: true, Starred: true, Retitled: true, Body: "Body.",
			Annotations: Annotations{Count: 1, Notes: []AnnotationRecord{{Quote: "Body", Note: "n", Created: published, Updated: published}}}},
		{ExternalID: "own-2", Body: "Body.", Annotations: Annotations{Count: 3}},
	}
	var text strings.Builder
	for _, r := range records {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		text.Write(b)
		text.WriteByte('\n')
	}
	items := readString(t, "own.jsonl", text.String())
	if len(items) != len(records) {
		t.Fatalf("%d items: %+v", len(items), items)
	}
	for i, it := range items {
		if it.Err != nil || len(it.Article.Warnings) > 0 || it.Article.ExternalID != records[i].ExternalID {
			t.Errorf("record %d: %v, %q, warnings %q", i+1, it.Err, it.Article.ExternalID, it.Article.Warnings)
		}
	}
	if first := items[0].Article; !slices.Equal(first.Tags, []string{"a"}) || first.Read == nil || !*first.Read || len(first.Annotations) != 1 {
		t.Errorf("the export read back: %+v", first)
	}
}
