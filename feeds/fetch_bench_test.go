package feeds

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// benchFeed is an RSS 2.0 document of n entries shaped like a news site's:
// a few paragraphs of HTML with links and emphasis in content:encoded.
func benchFeed(feed, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench Feed %d</title><link>https://site%d.example.com/</link><description>d</description>
`, feed, feed)
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Story %d of feed %d: council weighs harbour plan</title>
<link>https://site%d.example.com/%d/story-%d</link><guid isPermaLink="false">site%d-%d</guid>
<dc:creator>Reporter %d</dc:creator><pubDate>%s</pubDate>
<description><![CDATA[A short excerpt of story %d.]]></description>
<content:encoded><![CDATA[<p>The <strong>council</strong> met on Tuesday to weigh the harbour plan, which
would move the ferry berth and widen the quay. <a href="/plans/%d">Read the plan</a>.</p>
<p>Residents said the works would close the road for <em>six weeks</em>; the council said four.
&ldquo;We will keep one lane open,&rdquo; a spokesperson said.</p>
<ul><li>Cost: &pound;1.2m</li><li>Start: May</li></ul>
<p>More on <a href="https://site%d.example.com/tags/harbour">the harbour</a>.</p>]]></content:encoded></item>
`, i, feed, feed, i, i, feed, i, i%7, day.Add(-time.Duration(i)*time.Hour).Format(time.RFC1123Z), i, i, feed)
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// BenchmarkFetch fetches 200 feeds of 50 entries from one loopback server
// that takes 20 ms to answer each request, with NewFetcher's defaults,
// then fetches them again with the validators the first pass stored.
func BenchmarkFetch(b *testing.B) {
	const feeds, entries = 200, 50
	const latency = 20 * time.Millisecond
	docs := make([]string, feeds)
	etags := make([]string, feeds)
	for i := range docs {
		docs[i] = benchFeed(i, entries)
		sum := sha256.Sum256([]byte(docs[i]))
		etags[i] = `"` + hex.EncodeToString(sum[:8]) + `"`
	}
	var bodies atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(latency)
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/feed/%d", &i); err != nil || i < 0 || i >= feeds {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", etags[i])
		if r.Header.Get("If-None-Match") == etags[i] {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		bodies.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write([]byte(docs[i]))
	}))
	defer srv.Close()
	subs := make([]Subscription, feeds)
	for i := range subs {
		subs[i] = Subscription{URL: fmt.Sprintf("%s/feed/%d", srv.URL, i), Tags: []string{"bench"}}
	}

	f := NewFetcher()
	ctx := context.Background()
	var cold, warm time.Duration
	var articles, refetched int64
	runs := 0
	for b.Loop() {
		start := time.Now()
		results := f.FetchAll(ctx, subs, nil)
		cold += time.Since(start)
		stored := make([]Subscription, len(results))
		for i, r := range results {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.Sub.URL, r.Err)
			}
			articles += int64(len(r.Articles))
			stored[i] = r.Sub
		}

		bodies.Store(0)
		start = time.Now()
		for _, r := range f.FetchAll(ctx, stored, nil) {
			if r.Err != nil || !r.NotModified {
				b.Fatalf("%s: refetch not a 304: %v", r.Sub.URL, r.Err)
			}
		}
		warm += time.Since(start)
		refetched += bodies.Load()
		runs++
	}
	b.ReportMetric(cold.Seconds()/float64(runs), "s/fetch-all")
	b.ReportMetric(float64(articles)/cold.Seconds(), "articles/s")
	b.ReportMetric(warm.Seconds()/float64(runs), "s/refetch-all")
	b.ReportMetric(float64(refetched)/float64(runs), "bodies/refetch")
}

// BenchmarkParseFeed parses one 50-entry feed: the CPU cost of an article,
// without the network.
func BenchmarkParseFeed(b *testing.B) {
	doc := []byte(benchFeed(1, 50))
	sub := Subscription{URL: "https://site1.example.com/feed"}
	b.SetBytes(int64(len(doc)))
	n := 0
	start := time.Now()
	for b.Loop() {
		f, err := ParseFeed(doc, "", "", sub)
		if err != nil || len(f.Articles) != 50 {
			b.Fatalf("%v, %d articles", err, len(f.Articles))
		}
		n += len(f.Articles)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "articles/s")
}
