package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
)

// The benchmarks time the UI's own work on real libraries: the first
// screen, a key press with its redraw, opening and rendering an article.
//
//	go test ./ui -run '^$' -bench . -benchtime 2s
//	TIDINGS_BENCH_LIBRARY=/path/to/library.db go test ./ui -run '^$' -bench .
//
// Without TIDINGS_BENCH_LIBRARY they use a library of generated articles
// (TIDINGS_BENCH_ARTICLES, default 100,000), built on first use and cached
// in $TMPDIR/tidings-ui-bench.
// The end-to-end figures (from process start, in a pseudo-terminal) come
// from ui/e2e.

const benchArticles = 100_000

// benchLibrary opens the benchmark library read-only.
func benchLibrary(b *testing.B) *store.Store {
	b.Helper()
	path := os.Getenv("TIDINGS_BENCH_LIBRARY")
	if path == "" {
		n := benchArticles
		if s := os.Getenv("TIDINGS_BENCH_ARTICLES"); s != "" {
			var err error
			if n, err = strconv.Atoi(s); err != nil || n <= 0 {
				b.Fatalf("TIDINGS_BENCH_ARTICLES=%q", s)
			}
		}
		path = buildBenchLibrary(b, n)
	}
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

func buildBenchLibrary(b *testing.B, n int) string {
	dir := filepath.Join(os.TempDir(), "tidings-ui-bench")
	path := filepath.Join(dir, fmt.Sprintf("library-%d.db", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	st, err := store.Open(tmp, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	const batch = 5000
	for from := 0; from < n; from += batch {
		articles := make([]feeds.Article, 0, batch)
		for i := from; i < min(from+batch, n); i++ {
			articles = append(articles, testArticle(i))
		}
		if _, err := st.Import(context.Background(), articles); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchStart is start for benchmarks.
func benchStart(b *testing.B, lib Library, width, height int) tea.Model {
	m, err := New(lib, Config{Theme: "dark", LibraryName: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	var tm tea.Model = m
	tm, cmd := tm.Update(tea.WindowSizeMsg{Width: width, Height: height})
	tm = benchRun(b, tm, cmd)
	return benchRun(b, tm, tm.Init())
}

// benchRun is run for benchmarks.
func benchRun(b *testing.B, m tea.Model, cmd tea.Cmd) tea.Model {
	for cmd != nil {
		switch out := cmd().(type) {
		case nil:
			cmd = nil
		case tea.BatchMsg:
			for _, c := range out {
				m = benchRun(b, m, c)
			}
			cmd = nil
		default:
			m, cmd = m.Update(out)
		}
	}
	return m
}

// BenchmarkFirstScreen: from a new model to the first full list screen,
// counts included.
func BenchmarkFirstScreen(b *testing.B) {
	lib := benchLibrary(b)
	for b.Loop() {
		m := benchStart(b, lib, 120, 40)
		_ = m.View()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/screen")
}

// BenchmarkKeyDown: one j with its redraw, paging included, through the
// whole library and back to the top.
func BenchmarkKeyDown(b *testing.B) {
	lib := benchLibrary(b)
	m := benchStart(b, lib, 120, 40)
	j, g := press("j"), press("g")
	i := 0
	for b.Loop() {
		msg := j
		if i++; i%20000 == 0 {
			msg = g
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = benchRun(b, m, cmd)
		_ = m.View()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/key")
}

// BenchmarkPageDown: pgdown with its redraw, every press needing rows
// from the next page soon.
func BenchmarkPageDown(b *testing.B) {
	lib := benchLibrary(b)
	m := benchStart(b, lib, 120, 40)
	down, top := press("pgdown"), press("g")
	i := 0
	for b.Loop() {
		msg := down
		if i++; i%500 == 0 {
			msg = top
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = benchRun(b, m, cmd)
		_ = m.View()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/key")
}

// BenchmarkBottom: G, the oldest page of the whole library, and back.
func BenchmarkBottom(b *testing.B) {
	lib := benchLibrary(b)
	m := benchStart(b, lib, 120, 40)
	for b.Loop() {
		for _, k := range []string{"G", "g"} {
			var cmd tea.Cmd
			m, cmd = m.Update(press(k))
			m = benchRun(b, m, cmd)
			_ = m.View()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(2*b.N)/1000, "ms/jump")
}

// BenchmarkOpenArticle: enter on a new article: loading, rendering (never
// cached: each time another article) and the redraw; then back.
func BenchmarkOpenArticle(b *testing.B) {
	lib := benchLibrary(b)
	m := benchStart(b, lib, 120, 40)
	for b.Loop() {
		for _, k := range []string{"j", "enter", "esc"} {
			var cmd tea.Cmd
			m, cmd = m.Update(press(k))
			m = benchRun(b, m, cmd)
			_ = m.View()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/open")
}

// BenchmarkRenderSample renders the real sample article, uncached.
func BenchmarkRenderSample(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("..", "testdata", "samples", "menafn-luftwaffe-leak.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for _, width := range []int{80, 120} {
		b.Run(fmt.Sprint(width), func(b *testing.B) {
			r := newRenderer()
			id := int64(0)
			for b.Loop() {
				id++
				if _, err := r.render(renderKey{id: id, width: width, style: "dark"}, string(body)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/render")
		})
	}
}

// BenchmarkView: the list's redraw alone, at a large terminal.
func BenchmarkView(b *testing.B) {
	lib := benchLibrary(b)
	for _, size := range [][2]int{{80, 24}, {300, 100}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			m := benchStart(b, lib, size[0], size[1])
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}
