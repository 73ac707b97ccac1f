package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// apiLists are JSON responses of web APIs, lists of results in "items"
// whose ids, titles and addresses are not a feed's: YouTube's (an id
// that is an object, or a string beside a snippet) and GitHub's searches
// (numeric ids beside an API address and a title).
var apiLists = map[string]string{
	"YouTube search": `{"kind":"youtube#searchListResponse","etag":"x","nextPageToken":"CAUQAA","regionCode":"DE","pageInfo":{"totalResults":2,"resultsPerPage":2},` +
		`"items":[{"kind":"youtube#searchResult","etag":"e1","id":{"kind":"youtube#video","videoId":"abc"},"snippet":{"publishedAt":"2024-03-05T10:00:00Z","title":"Video one","description":"d"}},` +
		`{"kind":"youtube#searchResult","etag":"e2","id":{"kind":"youtube#video","videoId":"def"},"snippet":{"title":"Video two"}}]}`,
	"YouTube videos": `{"kind":"youtube#videoListResponse","etag":"x","items":[{"kind":"youtube#video","etag":"e1","id":"abc","snippet":{"title":"Video one"}}],"pageInfo":{"totalResults":1}}`,
	"GitHub issue search": `{"total_count":1,"incomplete_results":false,"items":[{"url":"https://api.github.com/repos/o/r/issues/1","html_url":"https://github.com/o/r/issues/1",` +
		`"id":1,"node_id":"I_kw","number":1,"title":"It breaks","user":{"login":"o"},"state":"open","body":"Steps."}]}`,
	"GitHub repository search": `{"total_count":1,"incomplete_results":false,"items":[{"id":1296269,"node_id":"MDEw","name":"Hello-World","full_name":"octocat/Hello-World",` +
		`"html_url":"https://github.com/octocat/Hello-World","description":"My first repo","url":"https://api.github.com/repos/octocat/Hello-World"}]}`,
	"an author's name beside ids": `{"author":"bob","items":[{"id":1,"url":"https://example.org/1"}]}`,
	"a version of its own":        `{"version":"2.0","items":[{"id":"1","name":"x"}]}`,
}

// feedsWithoutVersion are JSON Feeds whose version does not name the spec,
// told by a feed's key beside their items or an item's key in them.
var feedsWithoutVersion = map[string]string{
	"a title beside items":     `{"version":"1","title":"JF","items":[{"id":"1","url":"https://example.org/1","title":"Item one"}]}`,
	"an author as JSON Feed":   `{"author":{"name":"Jane"},"items":[{"id":"1","url":"https://example.org/1"}]}`,
	"authors as JSON Feed":     `{"authors":[{"name":"Jane"}],"items":[{"id":"1","url":"https://example.org/1"}]}`,
	"an item's content alone":  `{"items":[{"id":"1","content_text":"Item one"}]}`,
	"an item's date and links": `{"items":[{"id":"1","external_url":"https://example.org/1","date_published":"2024-03-05T10:00:00Z"}]}`,
}

// TestSniffAPIListsAreNoFeed: a web API's list of results is not a feed:
// feed add finds no feed at its address, and import reads it as tidings'
// records, which the library refuses for having no body, rather than as
// a feed of no articles or of the API's results. JSON Feeds without a
// version that names the spec are still feeds.
func TestSniffAPIListsAreNoFeed(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	serve := func(name, doc string) string {
		path := "/" + strings.ReplaceAll(name, " ", "-") + ".json"
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(doc))
		})
		return srv.URL + path
	}
	for name, doc := range apiLists {
		t.Run("not a feed: "+name, func(t *testing.T) {
			if isJSONFeed(strings.NewReader(doc)) {
				t.Errorf("isJSONFeed = true, want false")
			}
			if found, err := testFetcher().Discover(context.Background(), serve(name, doc)); !errors.Is(err, ErrNoFeed) {
				t.Errorf("Discover = %q, %v; want no feed found", found.URL, err)
			}
			path := filepath.Join(t.TempDir(), "results.json")
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			for file, items := range map[string][]Item{path: readAll(t, path), "-": readString(t, "-", doc)} {
				for _, it := range items {
					if a := it.Article; strings.HasPrefix(a.ExternalID, "feed:") || a.Body != "" {
						t.Errorf("import %s: article %q, id %q, body %q; want no feed's article", file, a.Title, a.ExternalID, a.Body)
					}
				}
			}
		})
	}
	for name, doc := range feedsWithoutVersion {
		t.Run("a feed: "+name, func(t *testing.T) {
			if !isJSONFeed(strings.NewReader(doc)) {
				t.Errorf("isJSONFeed = false, want true")
			}
			u := serve(name, doc)
			if found, err := testFetcher().Discover(context.Background(), u); err != nil || found.URL != u {
				t.Errorf("Discover = %q, %v; want the address itself", found.URL, err)
			}
			items := readString(t, "-", doc)
			if len(items) != 1 || !strings.HasPrefix(items[0].Article.ExternalID, "feed:") {
				t.Errorf("import: %+v, want the feed's one article", items)
			}
		})
	}
}
