package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The filter's benchmarks, on the same libraries as bench_test.go's:
//
//	TIDINGS_BENCH_LIBRARY=/path/to/library.db go test ./ui -run '^$' -bench 'Filter|Highlight'

// benchRunTimed is benchRun, adding to counting the time spent in commands
// that count: the header's counts, which the list does not wait for.
func benchRunTimed(b *testing.B, m tea.Model, cmd tea.Cmd, counting *time.Duration) tea.Model {
	for cmd != nil {
		start := time.Now()
		out := cmd()
		if _, ok := out.(countsMsg); ok {
			*counting += time.Since(start)
		}
		switch out := out.(type) {
		case nil:
			cmd = nil
		case tea.BatchMsg:
			for _, c := range out {
				m = benchRunTimed(b, m, c, counting)
			}
			cmd = nil
		default:
			m, cmd = m.Update(out)
		}
	}
	return m
}

// BenchmarkFilterKeystroke types filters key by key, each key with the page
// it brings and the redraw (ms/key), and apart from that the count for the
// header that follows it (ms/count). The queries run from a common start
// ("sto", "storm") to a rarer phrase and a word no article has.
func BenchmarkFilterKeystroke(b *testing.B) {
	lib := benchLibrary(b)
	m := benchStart(b, lib, 120, 40)
	var keys []string
	for _, q := range []string{"storm shadow", "leaked luftw", "zzqx"} {
		keys = append(keys, "/")
		for _, r := range q {
			keys = append(keys, string(r))
		}
		keys = append(keys, "esc")
	}
	var counting time.Duration
	i := 0
	for b.Loop() {
		k := keys[i%len(keys)]
		i++
		var cmd tea.Cmd
		m, cmd = m.Update(press(k))
		m = benchRunTimed(b, m, cmd, &counting)
		_ = m.View()
	}
	total := b.Elapsed() - counting
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/key")
	b.ReportMetric(float64(counting.Microseconds())/float64(b.N)/1000, "ms/count")
}

// BenchmarkHighlightRendered marks a filter's words in the rendered sample
// article: what a highlighted rendering costs on top of glamour's.
func BenchmarkHighlightRendered(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("..", "testdata", "samples", "menafn-luftwaffe-leak.txt"))
	if err != nil {
		b.Fatal(err)
	}
	out, err := newRenderer().render(renderKey{id: 1, width: 100, style: "dark"}, string(body))
	if err != nil {
		b.Fatal(err)
	}
	st := newStyles(true, false, nil)
	terms := []string{"storm shadow", "luftwaffe", "miss*"}
	for b.Loop() {
		if h := highlightRendered(out, terms, st.matchSGR); !strings.Contains(h, st.matchSGR) {
			b.Fatal("nothing highlighted")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/article")
}
