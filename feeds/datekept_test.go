package feeds

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestUnwritableDatesAreNoDate: a date past 9999 in UTC, which a file or
// feed gives at a negative offset (9999-12-31T23:00:00-05:00), is read as
// no date, with a warning naming where it was, in every format: stored, it
// made every JSON listing and export of the library fail. The last second
// of 9999 in UTC is kept, and an article known by its date keeps the id
// the date gave it, as a tidings that kept such dates stored it under.
func TestUnwritableDatesAreNoDate(t *testing.T) {
	far := time.Date(10000, 1, 1, 4, 0, 0, 0, time.UTC)
	tests := []struct {
		name, file, text string
		published        time.Time // want
		added            bool      // want Added kept
		warning          string    // want among the warnings; "" none
	}{
		{"JSON published", "a.jsonl",
			`{"external_id":"y1","title":"T","source":"S","published":"9999-12-31T23:59:59-05:00","body":"b"}`,
			time.Time{}, false, "field published: 9999-12-31T23:59:59-05:00 (10000-01-01T04:59:59Z) is after 9999-12-31T23:59:59Z"},
		{"JSON added", "a.jsonl",
			`{"external_id":"y1","title":"T","source":"S","published":"2024-01-01T00:00:00Z","added":"9999-12-31T23:59:59-05:00","body":"b"}`,
			time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), false, "field added: 9999-12-31T23:59:59-05:00"},
		{"JSON last second of 9999", "a.jsonl",
			`{"external_id":"y1","title":"T","source":"S","published":"9999-12-31T18:59:59-05:00","added":"2024-01-01T00:00:00Z","body":"b"}`,
			time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), true, ""},
		{"front matter date", "far.md",
			"---\ntitle: MD far future\ndate: 9999-12-31T23:00:00-05:00\n---\n\nFar body.\n",
			time.Time{}, false, "front matter line 3: date: 9999-12-31T23:00:00-05:00 (10000-01-01T04:00:00Z) is after"},
		{"front matter created", "far.md",
			"---\ntitle: MD far future\ncreated: 9999-12-31T23:00:00-05:00\n---\n\nFar body.\n",
			time.Time{}, false, "front matter line 3: created: 9999-12-31T23:00:00-05:00"},
		{"front matter added", "far.md",
			"---\ntitle: MD far future\ndate: 2024-01-01\nadded: 9999-12-31T23:00:00-05:00\n---\n\nFar body.\n",
			time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), false, "front matter line 4: added: 9999-12-31T23:00:00-05:00"},
		{"RSS pubDate", "future.xml",
			`<?xml version="1.0"?><rss version="2.0"><channel><title>Future Feed</title><link>http://example.org/</link>` +
				`<item><title>From the far future</title><guid>f1</guid><pubDate>Fri, 31 Dec 9999 23:00:00 -0500</pubDate><description>Future body.</description></item>` +
				`</channel></rss>`,
			time.Time{}, false, `entry "From the far future": date: 10000-01-01T04:00:00Z is after`},
		{"HTML meta date", "page.html",
			`<html><head><title>Far page</title><meta property="article:published_time" content="9999-12-31T23:00:00-05:00"></head>` +
				`<body><article><h1>Far page</h1><p>` + strings.Repeat("A paragraph of the story. ", 20) + `</p></article></body></html>`,
			time.Time{}, false, "published: 9999-12-31T23:00:00-05:00 (10000-01-01T04:00:00Z) is after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := readOne(t, tt.file, tt.text)
			if !a.Published.Equal(tt.published) {
				t.Errorf("published %v, want %v", a.Published, tt.published)
			}
			if !WritableDate(a.Published) || !WritableDate(a.Added) {
				t.Errorf("dates %v, %v: not writable", a.Published, a.Added)
			}
			if tt.added == a.Added.IsZero() {
				t.Errorf("added %v, want it kept: %v", a.Added, tt.added)
			}
			warnings := strings.Join(a.Warnings, "\n")
			switch {
			case tt.warning == "" && strings.Contains(warnings, "JSON and front matter hold"):
				t.Errorf("warnings:\n%s\nwant none of the date", warnings)
			case tt.warning != "" && !strings.Contains(warnings, tt.warning):
				t.Errorf("warnings:\n%s\nwant one with %q", warnings, tt.warning)
			}
		})
	}

	// Known by its date, as before: read again, it updates the article a
	// tidings that kept the date stored, rather than come in twice.
	a := readOne(t, "far.md", "---\ntitle: MD far future\ndate: 9999-12-31T23:00:00-05:00\n---\n\nFar body.\n")
	if want := Identity(Article{Title: "MD far future", Published: far, Body: "Far body."}); a.ExternalID != want {
		t.Errorf("id %s, want %s, made of the date as given", a.ExternalID, want)
	}
}

// TestUnwritableNoteDates: a note's date past 9999 in UTC is not given (the
// import's time), with a warning, rather than stored to fail the exports.
func TestUnwritableNoteDates(t *testing.T) {
	a := readOne(t, "a.jsonl", `{"external_id":"n","title":"T","source":"S","body":"b",`+
		`"annotations":[{"note":"x","created":"9999-12-31T23:00:00-05:00","updated":"2024-01-01T00:00:00Z"}]}`)
	if len(a.Annotations) != 1 || !a.Annotations[0].Created.IsZero() || a.Annotations[0].Updated.IsZero() {
		t.Fatalf("notes %+v", a.Annotations)
	}
	if w := strings.Join(a.Warnings, "\n"); !strings.Contains(w, "note 1: created: 10000-01-01T04:00:00Z is after") {
		t.Errorf("warnings:\n%s", w)
	}
}

// TestRecordWithUnwritableDate: a record of a library that holds a date
// past 9999 (stored by a tidings from before) is written with that date
// null, and Unwritable names it, rather than fail the listing whole.
func TestRecordWithUnwritableDate(t *testing.T) {
	far := time.Date(10000, 1, 1, 4, 0, 0, 0, time.UTC)
	ok := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	r := Record{ExternalID: "y1", Published: &far, Added: &ok, Annotations: Annotations{Count: 1,
		Notes: []AnnotationRecord{{Note: "n", Created: far, Updated: ok}}}}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var back map[string]any
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	notes, _ := back["annotations"].([]any)
	note, _ := notes[0].(map[string]any)
	if back["published"] != nil || back["added"] != "2024-01-01T00:00:00Z" || note["created"] != nil || note["updated"] != "2024-01-01T00:00:00Z" {
		t.Errorf("written %s", data)
	}
	if got := strings.Join(r.Unwritable(), "; "); got != "published 10000-01-01T04:00:00Z; note 1's created 10000-01-01T04:00:00Z" {
		t.Errorf("Unwritable() = %q", got)
	}
	if r.Published != &far || !r.Annotations.Notes[0].Created.Equal(far) {
		t.Error("MarshalJSON changed the record")
	}
}
