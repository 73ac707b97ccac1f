package feeds

import (
	"errors"
	"strings"
	"testing"
)

// jsonFeedDoc is a JSON Feed 1.1 document titled "J" holding items, each
// a JSON object as written.
func jsonFeedDoc(items ...string) string {
	return `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://site.example.com/",` +
		` "items": [` + strings.Join(items, ",\n") + `]}`
}

// TestJSONFeedWrongTypes: a field of the wrong type in one item of a JSON
// Feed loses neither the feed nor its other items. Where its meaning is
// plain it is read so; else the item is left out with a warning naming
// it, and the others are read as they are when the document is sound.
func TestJSONFeedWrongTypes(t *testing.T) {
	good1 := `{"id": "a", "url": "https://site.example.com/1", "title": "Good one", "content_text": "one"}`
	good3 := `{"id": "c", "url": "https://site.example.com/3", "title": "Good three", "content_text": "three", "date_published": "2024-03-05T10:00:00Z"}`
	type want struct {
		title, author string
	}
	tests := map[string]struct {
		doc     string
		want    []want // the articles, in order
		warning string // "" for none
	}{
		"a number as the title": {
			doc:  jsonFeedDoc(good1, `{"id": "b", "url": "https://site.example.com/2", "title": 2024, "content_text": "two"}`, good3),
			want: []want{{"Good one", ""}, {"2024", ""}, {"Good three", ""}},
		},
		"an object as the title": {
			doc:     jsonFeedDoc(good1, `{"id": "b", "url": "https://site.example.com/2", "title": {"text": "x"}, "content_text": "two"}`, good3),
			want:    []want{{"Good one", ""}, {"Good three", ""}},
			warning: `skipped item 2 (id "b"): its title is an object, not text`,
		},
		"a list as the content": {
			doc:     jsonFeedDoc(good1, `{"id": 9, "content_html": ["<p>x</p>"]}`, good3),
			want:    []want{{"Good one", ""}, {"Good three", ""}},
			warning: `skipped item 2 (id 9): its content_html is a list, not text`,
		},
		"an item that is not an object": {
			doc:     jsonFeedDoc(good1, `"just text"`, good3),
			want:    []want{{"Good one", ""}, {"Good three", ""}},
			warning: `skipped item 2: it is text, not an object`,
		},
		"a tag that is not text": {
			doc:  jsonFeedDoc(`{"id": "a", "url": "https://site.example.com/1", "title": "Tagged", "content_text": "one", "tags": ["x", 5, null]}`),
			want: []want{{"Tagged", ""}},
		},
		"tags that are an object": {
			doc:  jsonFeedDoc(`{"id": "a", "url": "https://site.example.com/1", "title": "Tagged", "content_text": "one", "tags": {"x": 1}}`),
			want: []want{{"Tagged", ""}},
		},
		"an author as a string": {
			doc:  jsonFeedDoc(`{"id": "a", "url": "https://site.example.com/1", "title": "Authored", "content_text": "one", "author": "Bob"}`),
			want: []want{{"Authored", "Bob"}},
		},
		"authors as strings": {
			doc:  jsonFeedDoc(`{"id": "a", "title": "Two", "content_text": "one", "authors": ["Ann", {"name": "Bob", "avatar": 5}, null]}`),
			want: []want{{"Two", "Ann, Bob"}},
		},
		"an author that is a list of numbers": {
			doc:     jsonFeedDoc(good1, `{"id": "b", "title": "Two", "author": [1, 2]}`),
			want:    []want{{"Good one", ""}},
			warning: `skipped item 2 (id "b"): its author is a list, not a person`,
		},
		"the feed's authors as a string": {
			doc: `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "authors": "Jane",` +
				` "items": [{"id": "a", "title": "Theirs", "content_text": "one"}, {"id": "b", "title": "Bob's", "author": {"name": "Bob"}}]}`,
			want: []want{{"Theirs", "Jane"}, {"Bob's", "Bob"}},
		},
		"the feed's title as an object": {
			doc:     `{"version": "https://jsonfeed.org/version/1.1", "title": {"x": 1}, "items": [{"id": "a", "title": "One", "content_text": "one"}]}`,
			want:    []want{{"One", ""}},
			warning: `the feed's title is an object, not text: ignored`,
		},
		"an attachment alone": {
			doc:  jsonFeedDoc(`{"id": "a", "title": "Episode", "attachments": {"url": "https://cdn.example.com/e.mp3", "mime_type": "audio/mpeg", "size_in_bytes": "12"}}`),
			want: []want{{"Episode", ""}},
		},
		"many unreadable items": {
			doc: jsonFeedDoc(good1, `{"id": "b", "title": []}`, `{"id": "c", "title": []}`, `{"id": "d", "title": []}`,
				`{"id": "e", "title": []}`, `{"id": "f", "title": []}`),
			want: []want{{"Good one", ""}},
			warning: `skipped item 2 (id "b"): its title is a list, not text; item 3 (id "c"): its title is a list, not text; ` +
				`item 4 (id "d"): its title is a list, not text; and 2 more unreadable items`,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, tc.doc)
			if feed.Warning != tc.warning {
				t.Errorf("warning %q, want %q", feed.Warning, tc.warning)
			}
			var got []want
			for _, a := range feed.Articles {
				got = append(got, want{a.Title, a.Author})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("articles %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("article %d is %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestJSONFeedKeepsIDs: the items of a JSON Feed read past one of the
// wrong type have the ids they have in the feed without it, and a feed
// that was always read is read as it was.
func TestJSONFeedKeepsIDs(t *testing.T) {
	items := []string{
		`{"id": "a", "url": "https://site.example.com/1", "title": "Good one", "content_html": "<p>one</p>"}`,
		`{"id": 2, "url": "https://site.example.com/2", "title": "Numbered", "content_text": "two", "tags": ["x"]}`,
		`{"url": "https://site.example.com/3", "title": "No id", "content_text": "three"}`,
		`{"title": "Neither id nor link", "content_text": "four", "date_published": "2024-03-05T10:00:00+01:00"}`,
	}
	sound := parseFeedString(t, jsonFeedDoc(items...))
	broken := parseFeedString(t, jsonFeedDoc(append([]string{`{"id": "z", "title": {"no": "text"}}`}, items...)...))
	if broken.Warning == "" {
		t.Error("the unreadable item went without a warning")
	}
	if len(sound.Articles) != len(items) || len(broken.Articles) != len(items) {
		t.Fatalf("%d and %d articles, want %d", len(sound.Articles), len(broken.Articles), len(items))
	}
	for i, a := range broken.Articles {
		if b := sound.Articles[i]; a.ExternalID != b.ExternalID || a.Body != b.Body || !a.Published.Equal(b.Published) {
			t.Errorf("article %d read past the broken item: %q %q %v, in the sound feed %q %q %v",
				i, a.ExternalID, a.Body, a.Published, b.ExternalID, b.Body, b.Published)
		}
	}
	for i, id := range []string{"#a", "#2", "#https://site.example.com/3"} {
		if want := "feed:" + testFeedURL + id; sound.Articles[i].ExternalID != want {
			t.Errorf("article %d has id %q, want %q", i, sound.Articles[i].ExternalID, want)
		}
	}
}

// TestJSONFeedUnreadable: a JSON document that is no feed at all is
// refused in a sentence, without the decoder's Go type names.
func TestJSONFeedUnreadable(t *testing.T) {
	tests := map[string]struct {
		doc, want string
	}{
		"items an object": {`{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": {"id": "a"}}`,
			"not a feed: the JSON Feed's items are an object, not a list"},
		"items text": {`{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": "none"}`,
			"not a feed: the JSON Feed's items are text, not a list"},
		"broken JSON": {"{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [{\"id\": \"a\" \"url\": \"x\"}]}",
			"not a feed: the JSON is broken at line 2, column 23"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ParseFeed([]byte(tc.doc), "", "", Subscription{URL: testFeedURL})
			if err == nil || !errors.Is(err, ErrNotFeed) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			if err != nil && (strings.Contains(err.Error(), "Go ") || strings.Contains(err.Error(), "alias")) {
				t.Errorf("error %v names Go's types", err)
			}
		})
	}
}
