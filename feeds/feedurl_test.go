package feeds

import "testing"

func TestNormalizeURL(t *testing.T) {
	tests := map[string]string{
		"http://localhost:8765/rdf.xml":         "http://localhost:8765/rdf.xml",
		"http://LOCALHOST:8765/rdf.xml":         "http://localhost:8765/rdf.xml",
		"HTTP://LocalHost:8765/rdf.xml#frag":    "http://localhost:8765/rdf.xml",
		"  http://example.com:80/feed  ":        "http://example.com/feed",
		"https://example.com:443/feed":          "https://example.com/feed",
		"https://example.com:80/feed":           "https://example.com:80/feed",
		"http://example.com:443/feed":           "http://example.com:443/feed",
		"http://example.com:/feed":              "http://example.com/feed",
		"http://example.com":                    "http://example.com/",
		"http://example.com?feed=rss2":          "http://example.com/?feed=rss2",
		"http://example.com/Feed.XML?Token=AbC": "http://example.com/Feed.XML?Token=AbC",
		"http://example.com/a%2Fb":              "http://example.com/a%2Fb",
		"http://user@Example.com/feed":          "http://user@example.com/feed",
		"http://[::1]:80/feed":                  "http://[::1]/feed",
		"file:///etc/passwd":                    "file:///etc/passwd",
		"not a url":                             "not a url",
		"":                                      "",
	}
	for in, want := range tests {
		if got := NormalizeURL(in); got != want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", in, got, want)
		}
		if got := NormalizeURL(want); got != want {
			t.Errorf("NormalizeURL(%q) = %q: not stable", want, got)
		}
	}
}
