package feeds

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// benchCorpus is a sample-format stream of n articles: the generator's
// when python3 is there, else the real sample repeated under new ids.
func benchCorpus(b *testing.B, n int) []byte {
	b.Helper()
	if _, err := exec.LookPath("python3"); err == nil {
		stream, _ := generateCorpus(b, n, "0.3")
		data, err := os.ReadFile(stream)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	real, err := os.ReadFile("testdata/sample/menafn-luftwaffe-leak.txt")
	if err != nil {
		b.Fatal(err)
	}
	id := []byte("MENAFN05032024000045015687ID1107936133")
	var buf bytes.Buffer
	for i := range n {
		buf.Write(bytes.Replace(real, id, fmt.Appendf(nil, "MENAFN05032024000045015687ID%010d", i), 1))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// BenchmarkSample measures the whole import path of the sample format:
// reading, splitting, parsing and Normalize.
func BenchmarkSample(b *testing.B) {
	const n = 20000
	data := benchCorpus(b, n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	articles := 0
	for b.Loop() {
		err := ReadStream("bench.txt", bytes.NewReader(data), func(it Item) error {
			if it.Err != nil {
				return it.Err
			}
			articles++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCleanText measures cleaning an already clean article body, the
// common case, and a hostile one.
func BenchmarkCleanText(b *testing.B) {
	clean := string(bytes.Repeat([]byte("A paragraph of news text about Zürich and 東京, with numbers 1,200. "), 40))
	hostile := string(bytes.Repeat([]byte("text \x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07 &#27;[2J "), 40))
	for name, s := range map[string]string{"clean": clean, "hostile": hostile} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				_ = CleanText(s)
			}
		})
	}
}
