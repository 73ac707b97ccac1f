package feeds

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// jsonFeedItem is the one item of each of jsonFeedsAnyVersion.
const jsonFeedItem = `"items": [{"id": "1", "url": "https://example.org/1", "title": "Item one", "content_html": "<p>Hello <b>world</b></p>", ` +
	`"date_published": "2020-01-02T03:04:05Z", "author": {"name": "Jane"}}]`

// jsonFeedsAnyVersion are JSON Feeds as they are served: with the version
// the spec writes, or another ("1.1", the http address of early feeds,
// null, a number, none at all), their items before or after the rest.
var jsonFeedsAnyVersion = map[string]string{
	"https version":  `{"version": "https://jsonfeed.org/version/1.1", "title": "JF", "home_page_url": "https://example.org/", "author": {"name": "Feed Author"}, ` + jsonFeedItem + `}`,
	"version 1.1":    `{"version": "1.1", "title": "JF", "home_page_url": "https://example.org/", "author": {"name": "Feed Author"}, ` + jsonFeedItem + `}`,
	"http version":   `{"version": "http://jsonfeed.org/version/1", "title": "JF", "home_page_url": "https://example.org/", "author": {"name": "Feed Author"}, ` + jsonFeedItem + `}`,
	"version null":   `{"version": null, "title": "JF", "home_page_url": "https://example.org/", "author": {"name": "Feed Author"}, ` + jsonFeedItem + `}`,
	"version number": `{"version": 1.1, "title": "JF", "author": {"name": "Feed Author"}, ` + jsonFeedItem + `}`,
	"no version":     `{"title": "JF", "home_page_url": "https://example.org/", "feed_url": "https://example.org/feed.json", ` + jsonFeedItem + `}`,
	"items first":    `{` + jsonFeedItem + `, "version": "1", "title": "JF"}`,
	"items alone":    `{` + jsonFeedItem + `}`,
	"pretty-printed, version 1.1": "{\n\t\"version\": \"1.1\",\n\t\"title\": \"JF\",\n\t\"items\": [\n\t\t{\n\t\t\t\"id\": \"1\",\n\t\t\t" +
		"\"title\": \"Item one\",\n\t\t\t\"content_html\": \"<p>Hello <b>world</b></p>\",\n\t\t\t\"author\": {\"name\": \"Jane\"}\n\t\t}\n\t]\n}\n",
}

// TestSniffJSONFeedWhateverItsVersion: a JSON object with an "items"
// array, and a feed's keys beside it or an item's in its items, is a JSON
// Feed whatever its version says: a fetch reads it, feed add subscribes
// to it, and import reads it as a saved feed, not as tidings' records.
func TestSniffJSONFeedWhateverItsVersion(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	i := 0
	paths := map[string]string{}
	for name, doc := range jsonFeedsAnyVersion {
		i++
		paths[name] = "/feed" + string(rune('a'+i)) + ".json"
		mux.HandleFunc(paths[name], func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(doc))
		})
	}
	for name, doc := range jsonFeedsAnyVersion {
		t.Run(name, func(t *testing.T) {
			u := srv.URL + paths[name]
			found, err := testFetcher().Discover(context.Background(), u)
			if err != nil || found.URL != u {
				t.Errorf("Discover = %q, %v; want the address itself, %q", found.URL, err, u)
			}
			r := testFetcher().Fetch(context.Background(), Subscription{URL: u})
			if r.Err != nil || len(r.Articles) != 1 || r.Articles[0].Title != "Item one" {
				t.Errorf("fetch: %v, %d articles", r.Err, len(r.Articles))
			}
			for _, file := range []string{"feed.json", "-"} {
				items := importAs(t, file, doc)
				if len(items) != 1 || items[0].Err != nil {
					t.Fatalf("import %s: %+v, want one article", file, items)
				}
				a := items[0].Article
				if !strings.HasPrefix(a.ExternalID, "feed:") || a.Title != "Item one" || a.Author != "Jane" || !strings.Contains(a.Body, "Hello **world**") {
					t.Errorf("import %s: article %q by %q, id %q, body %q; want the feed's item", file, a.Title, a.Author, a.ExternalID, a.Body)
				}
			}
		})
	}
}

// TestSniffJSONRecordsAreNoFeed: tidings' own records, as export and
// search --json write them, import as records, one object alone, in an
// array or one a line: a record has no "items", and its title, url, author
// and id, which a feed's items have too, do not make it a feed. Nor is
// JSON that has items but nothing of a feed's a feed, for feed add or
// import.
func TestSniffJSONRecordsAreNoFeed(t *testing.T) {
	published := time.Date(2024, 10, 1, 8, 0, 0, 0, time.UTC)
	read := true
	article := Article{ExternalID: "ext-1", Title: "A record", Source: "Desk", FeedURL: "https://example.org/feed.json",
		URL: "https://example.org/1", Author: "Jane", Published: published, Tags: []string{"a"}, Read: &read,
		Body: "The body.", Annotations: []Annotation{{Quote: "body", Note: "a note"}}}
	rec := RecordFromArticle(article)
	rec.ID = 7
	line, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	pretty, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{
		"one record":              string(line) + "\n",
		"one record, indented":    string(pretty) + "\n",
		"an array of records":     "[" + string(line) + ",\n" + string(line) + "]\n",
		"records one a line":      string(line) + "\n" + string(line) + "\n",
		"a record with items too": `{"external_id": "ext-1", "title": "A record", "body": "The body.", "items": [{"id": "1", "title": "x"}]}`,
	}
	for name, doc := range docs {
		for _, file := range []string{"export.json", "export.jsonl", "-"} {
			if file == "export.jsonl" && strings.Contains(name, "indented") {
				continue // JSON Lines has one record a line
			}
			t.Run(name+"/"+file, func(t *testing.T) {
				if isJSONFeed(strings.NewReader(doc)) {
					t.Errorf("isJSONFeed = true, want false")
				}
				items := readString(t, file, doc)
				if len(items) == 0 {
					t.Fatal("no records read")
				}
				for _, it := range items {
					if it.Err != nil || it.Article.ExternalID != "ext-1" || it.Article.Title != "A record" {
						t.Errorf("record: %v, id %q, title %q; want the record", it.Err, it.Article.ExternalID, it.Article.Title)
					}
				}
			})
		}
	}

	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	notFeeds := map[string]string{
		"a record":         string(line),
		"an API's items":   `{"total": 2, "items": [{"name": "a"}, {"name": "b"}]}`,
		"items, not array": `{"title": "x", "items": {"id": "1"}}`,
		"status":           `{"status": "ok"}`,
	}
	for name, doc := range notFeeds {
		t.Run("not a feed: "+name, func(t *testing.T) {
			if isJSONFeed(strings.NewReader(doc)) {
				t.Errorf("isJSONFeed = true, want false")
			}
			path := "/" + strings.ReplaceAll(name, " ", "-")
			mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(doc))
			})
			if found, err := testFetcher().Discover(context.Background(), srv.URL+path); !errors.Is(err, ErrNoFeed) {
				t.Errorf("Discover = %q, %v; want no feed found", found.URL, err)
			}
		})
	}
}
