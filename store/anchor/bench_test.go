package anchor

import (
	"strings"
	"testing"
)

// benchBody is about 5 KB of article-like text in paragraphs, with many
// repeated words.
func benchBody() string {
	words := strings.Fields(`the port authority said on tuesday that harbour cranes would be replaced by
		end of year dock workers welcomed news built in 1974 have broken down eleven times this spring
		a spokesman for said new lift twice as much minister markets rally storm flood court glacier`)
	x := uint32(2463534242)
	next := func(n int) int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(n))
	}
	var b strings.Builder
	for b.Len() < 5000 {
		for range 40 + next(40) {
			b.WriteString(words[next(len(words))])
			b.WriteString(" ")
		}
		b.WriteString("end.\n\n")
	}
	return b.String()
}

// benchSelectors makes 50 selectors of 20 to 80 bytes across body: the
// exact ones as made, the fuzzy ones found only after the body's edit.
func benchSelectors(body string) (exact []Selector, edited string, fuzzy []Selector) {
	edited = body
	for i := range 50 {
		start := i * (len(body) - 100) / 50
		start = strings.IndexByte(body[start:], ' ') + start + 1
		end := start + 20 + (i*13)%60
		sel := Make(body, start, end)
		if i%2 == 0 {
			exact = append(exact, sel)
			continue
		}
		// Edit one character in the middle of the quote: "xq" never occurs.
		mid := start + len(sel.Quote)/2
		edited = edited[:mid] + "xq" + edited[mid+1:]
		fuzzy = append(fuzzy, sel)
	}
	return exact, edited, fuzzy
}

// BenchmarkFind finds 50 passages in a 5 KB body; one op is one Find.
func BenchmarkFind(b *testing.B) {
	body := benchBody()
	exact, edited, fuzzy := benchSelectors(body)
	for _, sel := range fuzzy {
		if _, _, ok := Find(edited, sel); !ok {
			b.Fatalf("fuzzy selector %q not found", sel.Quote)
		}
	}
	run := func(name, text string, sels []Selector) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			i := 0
			for b.Loop() {
				Find(text, sels[i%len(sels)])
				i++
			}
		})
	}
	run("exact", body, exact)
	run("fuzzy", edited, fuzzy)
	orphans := make([]Selector, len(fuzzy))
	for i, sel := range fuzzy {
		orphans[i] = Selector{Quote: "zz " + sel.Quote + " zz", Prefix: sel.Prefix, Suffix: sel.Suffix}
	}
	run("orphan", edited, orphans)
	run("all50", edited, append(exact, fuzzy...))
}

func BenchmarkPlainText(b *testing.B) {
	body := benchBody()
	body = strings.Replace(body, "harbour", "**harbour**", -1)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		PlainText(body)
	}
}
