package feeds

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestJSONLines(t *testing.T) {
	items := readAll(t, "testdata/json/records.jsonl")
	type want struct {
		line int
		id   string
		err  string
	}
	wants := []want{
		{line: 1, id: "ext-1"},
		{line: 2, id: "ext-2"},
		{line: 3, err: "invalid JSON"},
		{line: 4, err: "field title: a JSON number where a string was expected"},
		{line: 6, id: "ext-5"},
	}
	if len(items) != len(wants) {
		t.Fatalf("%d items, want %d: %+v", len(items), len(wants), items)
	}
	for i, w := range wants {
		it := items[i]
		if it.Line != w.line {
			t.Errorf("item %d: line %d, want %d", i, it.Line, w.line)
		}
		if w.err != "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("item %d: error %v, want %q", i, it.Err, w.err)
			} else if prefix := "testdata/json/records.jsonl:" + string(rune('0'+w.line)) + ":"; !strings.HasPrefix(it.Err.Error(), prefix) {
				t.Errorf("item %d: error %q does not start with %q", i, it.Err, prefix)
			}
			continue
		}
		if it.Err != nil {
			t.Fatalf("item %d: %v", i, it.Err)
		}
		checkNormalized(t, it.Article)
		if it.Article.ExternalID != w.id {
			t.Errorf("item %d: id %q, want %q", i, it.Article.ExternalID, w.id)
		}
	}

	first := items[0].Article
	if first.Title != "First record" || first.Source != "Wire" || first.URL != "https://wire.example/1" ||
		strings.Join(first.Tags, ",") != "a,B" || first.Body != "Body one." {
		t.Errorf("first: %+v", first)
	}
	if !first.Published.Equal(time.Date(2024, 10, 1, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("first published %v", first.Published)
	}
	if first.Read == nil || !*first.Read || first.Starred == nil || *first.Starred {
		t.Errorf("first read %v starred %v: want true, false", first.Read, first.Starred)
	}
	if len(first.Annotations) != 0 {
		t.Errorf("a count of annotations brought notes in: %+v", first.Annotations)
	}

	second := items[1].Article
	if second.Read != nil || second.Starred != nil || second.Tags != nil || !second.Published.IsZero() {
		t.Errorf("second: state not said must stay nil: read %v starred %v tags %#v published %v",
			second.Read, second.Starred, second.Tags, second.Published)
	}
	wantNote := Annotation{Quote: "two", Prefix: "Body ", Suffix: ".", Note: "a *note*",
		Created: time.Date(2024, 10, 2, 9, 0, 0, 0, time.UTC), Updated: time.Date(2024, 10, 2, 9, 30, 0, 0, time.UTC)}
	if len(second.Annotations) != 1 || !reflect.DeepEqual(second.Annotations[0], wantNote) {
		t.Errorf("second annotations %+v", second.Annotations)
	}

	fifth := items[4].Article
	if !fifth.Retitled || fifth.Published.Format(time.DateOnly) != "2024-10-05" {
		t.Errorf("fifth: retitled %v published %v", fifth.Retitled, fifth.Published)
	}
}

// TestJSONGoZeroTime: Go's zero time, which Go programs write for a date
// they do not know, is no date, as null is.
func TestJSONGoZeroTime(t *testing.T) {
	items := readString(t, "x.jsonl", `{"external_id":"z","body":"Text.","published":"0001-01-01T00:00:00Z","added":"0001-01-01T00:00:00Z"}`+"\n")
	if len(items) != 1 || items[0].Err != nil || !items[0].Article.Published.IsZero() || !items[0].Article.Added.IsZero() {
		t.Errorf("%+v", items)
	}
}

func TestJSONArrayAndObject(t *testing.T) {
	t.Run("array", func(t *testing.T) {
		items := readAll(t, "testdata/json/array.json")
		if len(items) != 3 {
			t.Fatalf("%d items: %+v", len(items), items)
		}
		for i, line := range []int{2, 14, 20} {
			if items[i].Line != line {
				t.Errorf("item %d: line %d, want %d", i, items[i].Line, line)
			}
		}
		a := items[0].Article
		if items[0].Err != nil || a.ExternalID != "arr-1" || a.FeedURL != "https://desk.example/feed.xml" ||
			a.Tags == nil || len(a.Tags) != 0 || a.Starred == nil || !*a.Starred || a.Read == nil || *a.Read {
			t.Errorf("first: %v %+v", items[0].Err, a)
		}
		if !a.Published.Equal(time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)) {
			t.Errorf("first published %v", a.Published)
		}
		if err := items[1].Err; err == nil || !strings.Contains(err.Error(), `field published: cannot read "not a date" as a date`) {
			t.Errorf("second: error %v", err)
		}
		if n := items[2].Article.Annotations; items[2].Err != nil || len(n) != 1 || n[0].Note != "whole-article note" || n[0].Quote != "" {
			t.Errorf("third: %v %+v", items[2].Err, n)
		}
	})
	t.Run("object", func(t *testing.T) {
		items := readAll(t, "testdata/json/object.json")
		if len(items) != 1 || items[0].Err != nil || items[0].Article.ExternalID != "obj-1" || items[0].Line != 1 {
			t.Fatalf("%+v", items)
		}
	})
	t.Run("syntax error ends the file", func(t *testing.T) {
		items := readAll(t, "testdata/json/bad-array.json")
		if len(items) != 2 || items[0].Err != nil || items[0].Article.ExternalID != "ok-1" {
			t.Fatalf("%+v", items)
		}
		if err := items[1].Err; err == nil || items[1].Line != 3 || !strings.Contains(err.Error(), "bad-array.json:3: invalid JSON") {
			t.Errorf("error %v at line %d", err, items[1].Line)
		}
	})
}

func TestJSONStreams(t *testing.T) {
	tests := map[string]struct {
		in    string
		ids   []string // "" where an error is expected
		lines []int
	}{
		"objects back to back": {
			in:    "{\"external_id\": \"a\", \"body\": \"x\"}\n{\"external_id\": \"b\", \"body\": \"y\"}",
			ids:   []string{"a", "b"},
			lines: []int{1, 2},
		},
		"pretty objects back to back": {
			in:    "{\n \"external_id\": \"a\",\n \"body\": \"x\"\n}\n{\n \"external_id\": \"b\",\n \"body\": \"y\"\n}\n",
			ids:   []string{"a", "b"},
			lines: []int{1, 5},
		},
		"bom and leading blank lines": {
			in:    "\uFEFF\n\n{\"external_id\": \"a\", \"body\": \"x\"}\n",
			ids:   []string{"a"},
			lines: []int{3},
		},
		"array on one line": {
			in:    `[{"external_id": "a", "body": "x"}, {"external_id": "b", "body": "y"}]`,
			ids:   []string{"a", "b"},
			lines: []int{1, 1},
		},
		"empty array": {
			in: "[]",
		},
		// A record without a body may change an article already in the
		// library (the store refuses it otherwise); one that gives an empty
		// body has no text.
		"record without a body": {
			in:    `{"external_id": "a"}`,
			ids:   []string{"a"},
			lines: []int{1},
		},
		"article without text": {
			in:    `{"external_id": "a", "body": ""}`,
			ids:   []string{""},
			lines: []int{1},
		},
		"not an object": {
			in:    "[1, {\"external_id\": \"b\", \"body\": \"y\"}]",
			ids:   []string{"", "b"},
			lines: []int{1, 1},
		},
		"content after the array": {
			in:    `[{"external_id": "a", "body": "x"}] {"x": 1}`,
			ids:   []string{"a", ""},
			lines: []int{1, 1},
		},
		"annotations of the wrong kind": {
			in:    `{"external_id": "a", "body": "x", "annotations": "many"}`,
			ids:   []string{""},
			lines: []int{1},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "in.json", tc.in)
			if len(items) != len(tc.ids) {
				t.Fatalf("%d items, want %d: %+v", len(items), len(tc.ids), items)
			}
			for i, it := range items {
				if tc.ids[i] == "" {
					if it.Err == nil {
						t.Errorf("item %d: no error", i)
					}
				} else if it.Err != nil || it.Article.ExternalID != tc.ids[i] {
					t.Errorf("item %d: %v, id %q, want %q", i, it.Err, it.Article.ExternalID, tc.ids[i])
				}
				if it.Line != tc.lines[i] {
					t.Errorf("item %d: line %d, want %d", i, it.Line, tc.lines[i])
				}
			}
		})
	}
}

func TestRecordRoundTrip(t *testing.T) {
	read, starred := true, false
	a := Article{
		ExternalID: "MENAFN05032024000045015687ID1107936133",
		Source:     "MENAFN",
		FeedURL:    "https://feed.example/rss",
		Title:      "A title",
		URL:        "https://example.com/a",
		Author:     "Desk",
		Published:  time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
		Body:       "Para one.\n\nPara two.",
		Tags:       []string{"Ukraine", "taurus"},
		Read:       &read,
		Starred:    &starred,
		Retitled:   true,
		Annotations: []Annotation{{Quote: "one", Prefix: "Para ", Suffix: ".", Note: "n",
			Created: time.Date(2024, 3, 6, 1, 2, 3, 0, time.UTC), Updated: time.Date(2024, 3, 7, 1, 2, 3, 0, time.UTC)}},
	}
	data, err := json.Marshal(RecordFromArticle(a))
	if err != nil {
		t.Fatal(err)
	}
	var back Record
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if got := back.Article(); !reflect.DeepEqual(got, a) {
		t.Errorf("round trip:\n%+v\nwant\n%+v\njson %s", got, a, data)
	}

	// The shape other programs read: field names and kinds.
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for key, kind := range map[string]string{
		"id": "float64", "external_id": "string", "title": "string", "source": "string", "feed": "string",
		"url": "string", "author": "string", "published": "string", "tags": "[]interface {}", "read": "bool",
		"starred": "bool", "retitled": "bool", "body": "string", "annotations": "[]interface {}",
	} {
		if got := reflect.TypeOf(m[key]); got == nil || got.String() != kind {
			t.Errorf("field %q: %v, want %s", key, got, kind)
		}
	}
	if m["published"] != "2024-03-05T00:00:00Z" {
		t.Errorf("published %v, want RFC 3339", m["published"])
	}
}

func TestRecordListingShape(t *testing.T) {
	// A search listing: no notes, only their count; no tags and no date.
	data, err := json.Marshal(Record{ID: 42, ExternalID: "x", Annotations: Annotations{Count: 3}})
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{`"id":42`, `"annotations":3`, `"tags":[]`, `"published":null`} {
		if !strings.Contains(s, want) {
			t.Errorf("%s lacks %s", s, want)
		}
	}
	if strings.Contains(s, `"feed"`) {
		t.Errorf("%s has an empty feed", s)
	}
	var back Record
	if err := json.Unmarshal(data, &back); err != nil || back.Annotations.Count != 3 || back.Annotations.Notes != nil {
		t.Errorf("back: %v %+v", err, back.Annotations)
	}
}

// Errors in JSON say what was wrong in the file's terms, not Go's, and say
// when the rest of a broken file could not be read.
func TestJSONErrorsSayWhatWasWrong(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"an array where an article should be": {
			in:   `[{"external_id": "a", "body": "x"}, ["not", "an", "object"]]`,
			want: "a JSON array where an article (an object) was expected",
		},
		"a number where a note should be": {
			in:   `{"external_id": "a", "body": "x", "annotations": [1, 2]}`,
			want: "annotations: a JSON number where an annotation (an object) was expected",
		},
		"a note's date": {
			in:   `{"external_id": "a", "body": "x", "annotations": [{"note": "n", "created": "yesterday"}]}`,
			want: `annotations: cannot read "yesterday" as a date`,
		},
		"a broken element": {
			in:   "[{\"external_id\": \"a\", \"body\": \"x\"},\n{\"external_id\": \"b\", \"body\": }\n, {\"external_id\": \"c\", \"body\": \"z\"}]",
			want: "the rest of the file is not read",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var msgs []string
			for _, it := range readString(t, "in.json", tc.in) {
				if it.Err != nil {
					msgs = append(msgs, it.Err.Error())
				}
			}
			joined := strings.Join(msgs, "\n")
			if !strings.Contains(joined, tc.want) || strings.Contains(joined, "Go value") || strings.Contains(joined, "2006") {
				t.Errorf("errors %q, want one saying %q", joined, tc.want)
			}
		})
	}
}

// TestRecordFeedAddress: a record's feed is kept only when it is an address
// a feed can be fetched from (importing subscribes to it); otherwise the
// article is kept without it, with a warning.
func TestRecordFeedAddress(t *testing.T) {
	for raw, keep := range map[string]bool{
		"https://news.example/feed": true,
		"HTTP://news.example/rss":   true,
		"file:///etc/passwd":        false,
		"javascript:alert(1)":       false,
		"https:///nohost":           false,
		"news.example/feed":         false,
		// Cleaning would change these: subscribing to what is left
		// would be to another address than the file names.
		"http://127.0.0.1:8765/\x1b[2J\x1b]0;x\a":           false,
		"https://news.example/" + strings.Repeat("a", 3000): false,
	} {
		a := Record{ExternalID: "x", Title: "T", Body: "B.", Feed: raw}.Article()
		if kept := a.FeedURL != ""; kept != keep {
			t.Errorf("feed %q kept %v, want %v", raw, kept, keep)
		}
		if warned := len(a.Warnings) > 0; warned == keep {
			t.Errorf("feed %q: warnings %q", raw, a.Warnings)
		}
	}
}

// TestJSONErrorLines: a value that is not JSON is named by the line where
// what is wrong is, not where the value starts (nesting too deep crosses
// the limit thousands of lines down); records on one line are told apart
// by their number in the file, and a line that holds one record names
// none.
func TestJSONErrorLines(t *testing.T) {
	deep := strings.Repeat("[\n", 10_005)
	tests := map[string]struct {
		name, in string
		want     []string // the errors, in order
	}{
		"lists nested deep": {
			"deep.json", deep,
			[]string{"deep.json:10002: invalid JSON: lists and objects nested more than 10000 deep; the rest of the file is not read"},
		},
		"a field nested deep": {
			"deep.json", "{\"external_id\": \"a\",\n\"body\": \"b\",\n\"x\": [\n" + deep,
			[]string{"deep.json:10002: invalid JSON: lists and objects nested more than 10000 deep; the rest of the file is not read"},
		},
		"a comma missing below the start": {
			"x.json", "[{\"external_id\": \"a\",\n\"body\": \"b\"\n\"title\": \"t\"}]",
			[]string{"x.json:3: invalid JSON: invalid character '\"' after object key:value pair; the rest of the file is not read"},
		},
		"two records on a line": {
			"x.json", `[{"external_id": 12345, "body": "a"}, {"external_id": 1e400, "body": "b"}]`,
			[]string{
				"x.json:1: record 1: field external_id: a JSON number where a string was expected",
				"x.json:1: record 2: field external_id: a JSON number where a string was expected",
			},
		},
		"a line of two after a line of one": {
			"x.json", "[{\"external_id\": 1, \"body\": \"a\"},\n{\"external_id\": 2, \"body\": \"b\"}, {\"external_id\": \"c\", \"body\": \"c\"}, {\"external_id\": \"d\", \"body\": }]",
			[]string{
				"x.json:1: field external_id: a JSON number where a string was expected",
				"x.json:2: record 2: field external_id: a JSON number where a string was expected",
				"x.json:2: record 4: invalid JSON: invalid character '}' looking for beginning of value; the rest of the file is not read",
			},
		},
		"records back to back": {
			"x.json", `{"external_id": 1, "body": "a"} {"external_id": "b", "body": "b"}` + "\n" + `{"external_id": 3, "body": "c"}`,
			[]string{
				"x.json:1: record 1: field external_id: a JSON number where a string was expected",
				"x.json:2: field external_id: a JSON number where a string was expected",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, it := range readString(t, tc.name, tc.in) {
				if it.Err != nil {
					got = append(got, it.Err.Error())
					if fe, ok := errors.AsType[*FileError](it.Err); !ok || fe.Line != it.Line || fe.Record != it.Record {
						t.Errorf("item line %d record %d, error %v", it.Line, it.Record, it.Err)
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
