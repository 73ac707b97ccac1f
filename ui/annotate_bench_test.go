package ui

import (
	"fmt"
	"strings"
	"testing"

	"tidings/store/anchor"
)

// The cost of drawing passages: an article rendered with 50 highlights
// (half of them with notes, one current with its note shown, two notes under
// the body) against the same article without any, both rendered from
// scratch as when it is opened:
//
//	go test ./ui -run '^$' -bench 'RenderHighlights|Decorate' -benchtime 2s

// highlightedArticle is the sample article four times over (about eighty
// sentences) and a decoration with n highlights on it, every other one with
// a note.
func highlightedArticle(b *testing.B, n int) (body, text string, d *decoration) {
	b.Helper()
	sample := sampleBody(b)
	body = strings.Join([]string{sample, sample, sample, sample}, "\n\n")
	text = anchor.PlainText(body)
	sentences := splitSentences(text)
	if len(sentences) < n {
		b.Fatalf("%d sentences for %d highlights", len(sentences), n)
	}
	if n == 0 {
		return body, text, nil
	}
	d = &decoration{}
	for i := range n {
		s := sentences[i*len(sentences)/n]
		kind := markNote
		if i == n/2 {
			kind = markCurrent
			d.inline = &inlineNote{id: int64(i + 1), end: s.end, note: "Which officers? Check the *transcript*."}
		}
		d.marks = append(d.marks, passageMark{id: int64(i + 1), start: s.start, end: s.end, kind: kind, noted: i%2 == 0})
	}
	d.section = []sectionNote{{id: 100, note: "A note on the **whole** article."}, {id: 101, note: "Gone.", quote: "a passage since removed", orphaned: true}}
	return body, text, d
}

// BenchmarkRenderHighlights renders the article, uncached, with 0 and with
// 50 highlights.
func BenchmarkRenderHighlights(b *testing.B) {
	st := newStyles(true, false, nil)
	for _, n := range []int{0, 50} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			body, text, d := highlightedArticle(b, n)
			r := newRenderer()
			id := int64(0)
			for b.Loop() {
				id++
				k := renderKey{id: id, width: 80, style: "dark"}
				if d != nil {
					k.deco = 1
				}
				if _, err := r.view(k, body, text, d, nil, st); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecorate draws 50 highlights over a cached rendering: what a key
// moving the selection or to the next note costs.
func BenchmarkDecorate(b *testing.B) {
	st := newStyles(true, false, nil)
	body, text, d := highlightedArticle(b, 50)
	r := newRenderer()
	k := renderKey{id: 1, width: 80, style: "dark", deco: 1}
	if _, err := r.view(k, body, text, d, nil, st); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := r.view(k, body, text, d, nil, st); err != nil {
			b.Fatal(err)
		}
	}
}
