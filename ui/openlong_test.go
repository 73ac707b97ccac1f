package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// longBody is an article of about size bytes: numbered paragraphs, each
// with a link of its own.
func longBody(size int) string {
	var b strings.Builder
	for i := 1; b.Len() < size; i++ {
		fmt.Fprintf(&b, "Paragraph %d tells of the harbour and the ferry, the council and its plans. "+
			"See [the minutes %d](https://example.org/minutes/%d) for more of it.\n\n", i, i, i)
	}
	return b.String()
}

// importLong imports one article with body into a new library at dir and
// returns the library and the article's id.
func importLong(tb testing.TB, dir, body string) (*store.Store, int64) {
	tb.Helper()
	lib, err := store.Open(filepath.Join(dir, "library.db"), store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { lib.Close() })
	a := feeds.Article{ExternalID: "long", Source: "Harbour Week", Title: "A long report",
		Published: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), Body: body}
	if _, err := lib.Import(context.Background(), []feeds.Article{a}); err != nil {
		tb.Fatal(err)
	}
	rows, err := lib.Page(context.Background(), store.PageRequest{Limit: 1})
	if err != nil || len(rows) != 1 {
		tb.Fatal(rows, err)
	}
	return lib, rows[0].ID
}

// TestLongArticleOpensItsPart: of an article longer than the reader
// renders, the reader works out the text, the sentences and the links of
// the part it renders only, so that opening it costs what the part does;
// the body it renders is the whole, saying where it is cut.
func TestLongArticleOpensItsPart(t *testing.T) {
	heavyUnderRace(t)
	body := longBody(2 << 20)
	lib, id := importLong(t, t.TempDir(), body)
	msg := loadArticle(context.Background(), lib, id)().(articleMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	if len(msg.text) > maxRenderBytes {
		t.Errorf("the reader's text of a %d-byte article is %d bytes, more than it renders", len(body), len(msg.text))
	}
	if !strings.Contains(msg.text, "Paragraph 1000 tells") || strings.Contains(msg.text, "Paragraph 10000 tells") {
		t.Errorf("the text is not the rendered part's: it ends %q", msg.text[max(len(msg.text)-100, 0):])
	}
	if last := msg.sentences[len(msg.sentences)-1]; last.end > len(msg.text) {
		t.Errorf("a sentence ends at %d, past the text's %d bytes", last.end, len(msg.text))
	}
	// A paragraph of about 170 bytes, a link each: some 3,000 in the part.
	if msg.allLinks < 1000 || msg.allLinks > maxRenderBytes/100 {
		t.Errorf("%d links counted, of the %d in the article", msg.allLinks, strings.Count(body, "]("))
	}
	if msg.article.Body != body {
		t.Error("the reader's body is not the whole article")
	}
	v, err := newRenderer().view(renderKey{id: id, width: 80, style: "dark"}, msg.article.Body, msg.text, nil, nil, newStyles(true, false, nil))
	if err != nil {
		t.Fatal(err)
	}
	if out := stripSGR(v.out); !strings.Contains(out, "The article is cut here") {
		t.Errorf("the rendering does not say it is cut: %q", out[max(len(out)-300, 0):])
	}
}

// BenchmarkOpenLongArticle prints how long opening an article takes, from
// the library to its rendering laid out, at sizes about and beyond what the
// reader renders.
func BenchmarkOpenLongArticle(b *testing.B) {
	st := newStyles(true, false, nil)
	for _, size := range []int{200 << 10, 500 << 10, 1 << 20, 5 << 20} {
		b.Run(byteSize(size), func(b *testing.B) {
			lib, id := importLong(b, b.TempDir(), longBody(size))
			r := newRenderer()
			n := int64(0)
			for b.Loop() {
				msg := loadArticle(context.Background(), lib, id)().(articleMsg)
				n++ // uncached, as a new article is
				if _, err := r.view(renderKey{id: n, width: 80, style: "dark"}, msg.article.Body, msg.text, nil, nil, st); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
